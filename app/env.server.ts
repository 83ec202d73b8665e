import { isIP } from "node:net";
import { dirname, join } from "node:path";
import { z } from "zod";

/**
 * Configuration from the environment, validated once at start-up. Every variable has a
 * default that works on a developer's machine, so `npm start` needs none of them.
 */
const booleanFlag = z.enum(["true", "false", "1", "0"]).transform((value) => value === "true" || value === "1");

/** The shortest signing secret accepted, from SESSION_SECRET or the `session-secret` file; spaces around it do not count. */
export const minimumSecretLength = 32;

/** Proxy addresses as Express's `trust proxy` takes them: an IP, a CIDR subnet, or one of its named ranges. */
const proxyAddress = /^(?:loopback|linklocal|uniquelocal)$/;
const isProxyAddress = (entry: string) => {
  if (proxyAddress.test(entry)) return true;
  const [address = "", prefix, ...rest] = entry.split("/");
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128));
};

/**
 * Which proxies in front of the server to believe about the client's address and the
 * original protocol and host (X-Forwarded-For/-Proto/-Host): a number of hops, or the
 * proxies' addresses. Unset, nobody is believed: a client could otherwise forge its
 * address and escape the rate limits. `true` (believe anyone) is refused for that reason.
 */
const trustProxy = z
  .string()
  .trim()
  .refine((value) => /^\d{1,2}$/.test(value) || value.split(",").every((entry) => isProxyAddress(entry.trim())), {
    error: "must be a number of proxy hops (e.g. 1) or the proxies' addresses (e.g. 10.0.0.0/8,loopback)",
  })
  .transform((value): number | string[] | false => {
    if (/^\d+$/.test(value)) return Number(value) === 0 ? false : Number(value);
    return value.split(",").map((entry) => entry.trim());
  });

const environmentSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_PATH: z.string().trim().min(1).default("data/luukku.db"),
  /** Seed the demo catalogue into an empty database on start. */
  SEED_DEMO_DATA: booleanFlag.default(true),
  /**
   * Signs the cookies and keys the stored hashes of resume and access codes (a key derived
   * per purpose). Without it, a random secret is created beside the database and kept
   * there: a new secret would end people's screenings and stop their codes from working.
   */
  SESSION_SECRET: z
    .string()
    .refine((value) => value.trim().length >= minimumSecretLength, `must be at least ${minimumSecretLength} characters`)
    .optional(),
  /** Days before unfinished screenings are deleted: never saved, and saved to come back later. */
  RETENTION_UNSAVED_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  RETENTION_SAVED_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  RETENTION_DETAILS_DAYS: z.coerce.number().int().min(0).max(3650).default(90),
  /** Multiplies the per-client rate limits (1 in production; the browser tests raise it). */
  RATE_LIMIT_SCALE: z.coerce.number().int().min(1).max(1000).default(1),
  TRUST_PROXY: trustProxy.default(false),
  /**
   * The address people reach this server at: emailed links point here, and form posts
   * from this origin are accepted (behind a proxy the server cannot see it). Defaults to http://localhost:PORT.
   */
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: "must be an http or https address" })
    .transform((address) => new URL(address).origin)
    .optional(),
  /** Sends email through this SMTP server (smtp:// or smtps://, with any credentials); without it, emails go to MAIL_DROP_DIR. */
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// address" }).optional(),
  MAIL_FROM: z.string().trim().min(3).default("Luukku <no-reply@localhost>"),
  /**
   * Without SMTP_URL, each email is written here as an .eml file, for developers and the
   * browser tests. Defaults to `mail` beside the database, so that a server started on a
   * database of its own keeps its emails with it.
   */
  MAIL_DROP_DIR: z.string().trim().min(1).optional(),
  /** Run the timers, retention and the outbox dispatcher in this process; false where `npm run worker` runs them instead. */
  RUN_WORKERS: booleanFlag.default(true),
}).transform((environment) => ({
  ...environment,
  PUBLIC_URL: environment.PUBLIC_URL ?? `http://localhost:${environment.PORT}`,
  MAIL_DROP_DIR: environment.MAIL_DROP_DIR ?? join(dirname(environment.DATABASE_PATH), "mail"),
}));

export type Environment = z.infer<typeof environmentSchema>;

/** A configuration the server cannot start with: a bad variable, or an unusable `session-secret` file. */
export class EnvironmentError extends Error {}

/** Variables whose values are never printed: start-up output goes to logs that many people read. */
const secretVariables: ReadonlySet<string> = new Set(["SESSION_SECRET", "SMTP_URL"]);

/**
 * Parses `source`; on failure throws one line that names the first bad variable and why,
 * with the value given, except for a secret variable (SMTP_URL carries the mail password).
 */
export function parseEnvironment(source: Record<string, string | undefined>): Environment {
  const result = environmentSchema.safeParse(source);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const name = String(issue?.path[0] ?? "environment");
  const given = secretVariables.has(name) ? "(value not shown)" : JSON.stringify(source[name] ?? "");
  throw new EnvironmentError(`Invalid environment variable ${name}=${given}: ${issue?.message ?? "invalid value"}`);
}

let cached: Environment | undefined;

export function getEnvironment(): Environment {
  cached ??= parseEnvironment(process.env);
  return cached;
}
