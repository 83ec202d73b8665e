import { describe, expect, it } from "vitest";
import { EnvironmentError, parseEnvironment } from "#app/env.server.ts";

/** The message parseEnvironment refuses `source` with. */
function messageOf(source: Record<string, string>): string {
  try {
    parseEnvironment(source);
  } catch (error) {
    if (error instanceof EnvironmentError) return error.message;
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(source)}`);
}

describe("parseEnvironment", () => {
  it("has defaults that work with no variables set", () => {
    expect(parseEnvironment({})).toEqual({
      NODE_ENV: "production",
      PORT: 3000,
      DATABASE_PATH: "data/luukku.db",
      SEED_DEMO_DATA: true,
      RATE_LIMIT_SCALE: 1,
      TRUST_PROXY: false,
      RETENTION_UNSAVED_DAYS: 30,
      RETENTION_SAVED_DAYS: 90,
      RETENTION_DETAILS_DAYS: 90,
      PUBLIC_URL: "http://localhost:3000",
      MAIL_FROM: "Luukku <no-reply@localhost>",
      MAIL_DROP_DIR: "data/mail",
      RUN_WORKERS: true,
    });
  });

  it("runs the workers in the web process unless RUN_WORKERS=false says `npm run worker` runs them", () => {
    expect(parseEnvironment({}).RUN_WORKERS).toBe(true);
    expect(parseEnvironment({ RUN_WORKERS: "false" }).RUN_WORKERS).toBe(false);
    expect(parseEnvironment({ RUN_WORKERS: "0" }).RUN_WORKERS).toBe(false);
    expect(parseEnvironment({ RUN_WORKERS: "true" }).RUN_WORKERS).toBe(true);
  });

  it("points emailed links at the server's own port unless PUBLIC_URL says where people reach it", () => {
    expect(parseEnvironment({ PORT: "4000" }).PUBLIC_URL).toBe("http://localhost:4000");
    expect(parseEnvironment({ PUBLIC_URL: "https://luukku.example.fi/" }).PUBLIC_URL).toBe("https://luukku.example.fi");
  });

  it("believes no proxy unless TRUST_PROXY names the hops or the proxies' addresses", () => {
    expect(parseEnvironment({}).TRUST_PROXY).toBe(false);
    expect(parseEnvironment({ TRUST_PROXY: "0" }).TRUST_PROXY).toBe(false);
    expect(parseEnvironment({ TRUST_PROXY: "1" }).TRUST_PROXY).toBe(1);
    expect(parseEnvironment({ TRUST_PROXY: "10.0.0.5" }).TRUST_PROXY).toEqual(["10.0.0.5"]);
    expect(parseEnvironment({ TRUST_PROXY: " loopback, 10.0.0.0/8 ,fd00::/8" }).TRUST_PROXY).toEqual(["loopback", "10.0.0.0/8", "fd00::/8"]);
  });

  it("writes emails into mail beside the database unless MAIL_DROP_DIR says where", () => {
    expect(parseEnvironment({ DATABASE_PATH: "/tmp/demo/luukku.db" }).MAIL_DROP_DIR).toBe("/tmp/demo/mail");
    expect(parseEnvironment({ DATABASE_PATH: "other.db" }).MAIL_DROP_DIR).toBe("mail");
    expect(parseEnvironment({ DATABASE_PATH: "/tmp/demo/luukku.db", MAIL_DROP_DIR: "/var/spool/luukku" }).MAIL_DROP_DIR).toBe("/var/spool/luukku");
  });

  it("reads the variables it is given", () => {
    const environment = parseEnvironment({ PORT: "4000", DATABASE_PATH: "/tmp/x.db", SEED_DEMO_DATA: "false" });
    expect(environment.PORT).toBe(4000);
    expect(environment.DATABASE_PATH).toBe("/tmp/x.db");
    expect(environment.SEED_DEMO_DATA).toBe(false);
  });

  it.each([
    ["PORT", "abc"],
    ["PORT", "70000"],
    ["PORT", "1.5"],
    ["NODE_ENV", "staging"],
    ["SEED_DEMO_DATA", "yes please"],
    ["RUN_WORKERS", "no"],
    ["DATABASE_PATH", "   "],
    ["SESSION_SECRET", "too-short"],
    ["SESSION_SECRET", " ".repeat(40)],
    ["PUBLIC_URL", "javascript:alert(1)"],
    ["PUBLIC_URL", "luukku.example.fi"],
    ["SMTP_URL", "http://mail.example.fi"],
    // Believing every client about its own address would undo the rate limits.
    ["TRUST_PROXY", "true"],
    ["TRUST_PROXY", "proxy.example.fi"],
    ["TRUST_PROXY", "10.0.0.0/33"],
    ["TRUST_PROXY", "10.0.0.1/8/8"],
    ["TRUST_PROXY", "-1"],
    ["TRUST_PROXY", ""],
  ])("rejects %s=%j with one line naming the variable", (name, value) => {
    let error: unknown;
    try {
      parseEnvironment({ [name]: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EnvironmentError);
    const message = (error as Error).message;
    expect(message).toContain(`Invalid environment variable ${name}=`);
    expect(message).not.toContain("\n");
  });

  it.each([
    ["SMTP_URL", "http://mailer:hunter2-password@mail.example.fi:587", "hunter2"],
    ["SMTP_URL", "smtp//mailer:hunter2-password@mail.example.fi", "hunter2"],
    ["SESSION_SECRET", "short-but-still-secret", "short-but"],
  ])("names %s and the problem without printing the secret value", (name, value, secretPart) => {
    const message = messageOf({ [name]: value });
    expect(message).toMatch(new RegExp(`^Invalid environment variable ${name}=.*: must be`));
    expect(message).not.toContain(secretPart);
  });

  it("still prints a value that is not secret, to show what was wrong", () => {
    expect(() => parseEnvironment({ PORT: "80a" })).toThrow('Invalid environment variable PORT="80a"');
  });
});
