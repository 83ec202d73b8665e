import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Where storage may be touched (issue 12, ADR 002): every SQL statement and every SQLite
 * specific lives in db/, so a PostgreSQL backend can sit beside it; the domain in
 * pathways/ is plain TypeScript; pages draw what they are given and know nothing of db/.
 */

const root = join(import.meta.dirname, "..", "..");

function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx)$/.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

/** What a file imports: the specifier of every import, export-from and dynamic import. */
function importsOf(file: string): string[] {
  const source = readFileSync(join(root, file), "utf8");
  return [...source.matchAll(/(?:^|\n)\s*(?:import|export)\b[^"'`;]*?from\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)|(?:^|\n)\s*import\s*["']([^"']+)["']/g)].map(
    (match) => (match[1] ?? match[2] ?? match[3])!,
  );
}

/** Whether a specifier in `file` points into the folder `folder` (by the package's `#folder/` imports or a relative path). */
function pointsInto(file: string, specifier: string, folder: string): boolean {
  if (specifier.startsWith(`#${folder}/`)) return true;
  if (!specifier.startsWith(".")) return false;
  return relative(root, join(root, file, "..", specifier)).split("/")[0] === folder;
}

const outsideDb = [...sourceFiles("app"), ...sourceFiles("pathways"), ...sourceFiles("scripts")];

describe("storage stays in db/", () => {
  it("finds the files it checks", () => {
    expect(outsideDb).toContain("app/consent.server.ts");
    expect(outsideDb).toContain("scripts/serve.ts");
    expect(importsOf("app/db.server.ts")).toContain("#db/backend.ts");
    expect(pointsInto("pathways/matching/candidate.ts", "../catalogue.ts", "pathways")).toBe(true);
    expect(pointsInto("app/routes/exit.ts", "../../db/client.ts", "db")).toBe(true);
  });

  it("no file in app/, pathways/ or scripts/ imports better-sqlite3 or reaches the driver through $client", () => {
    const offending = outsideDb.filter(
      (file) => importsOf(file).some((specifier) => specifier === "better-sqlite3" || specifier.startsWith("drizzle-orm")) || readFileSync(join(root, file), "utf8").includes("$client"),
    );
    expect(offending).toEqual([]);
  });

  it("no file in app/, pathways/ or scripts/ builds a query: none imports the tables of db/schema.ts (its types at most)", () => {
    const valueImport = /(?:^|\n)\s*import\s+(?!type\b)[^;]*?from\s*["'](?:#db\/schema\.ts|[./]+db\/schema\.ts)["']/;
    expect(valueImport.test('import { feedback } from "#db/schema.ts";')).toBe(true);
    expect(valueImport.test('import type { ScreeningEventType } from "#db/schema.ts";')).toBe(false);
    const offending = outsideDb.filter((file) => valueImport.test(readFileSync(join(root, file), "utf8")));
    expect(offending).toEqual([]);
  });

  it("app/ reaches storage only through the backend that app/db.server.ts holds: every other file imports types of db/ at most (the ports)", () => {
    const valueImportOfDb = /(?:^|\n)\s*import\s+(?!type\b)[^;]*?from\s*["'](?:#db\/|[./]+db\/)[^"']+["']/;
    expect(valueImportOfDb.test('import { getStores } from "#db/backend.ts";')).toBe(true);
    expect(valueImportOfDb.test('import { x } from "../../db/case-store.ts";')).toBe(true);
    expect(valueImportOfDb.test('import type { CaseStore } from "#db/stores.ts";')).toBe(false);
    const offending = sourceFiles("app").filter((file) => file !== "app/db.server.ts" && valueImportOfDb.test(readFileSync(join(root, file), "utf8")));
    expect(offending).toEqual([]);
  });

  it("no page or component (a .tsx file in app/) imports a module of db/, not even for its types", () => {
    const offending = sourceFiles("app").filter((file) => file.endsWith(".tsx") && importsOf(file).some((specifier) => pointsInto(file, specifier, "db")));
    expect(offending).toEqual([]);
  });

  it("the pathway engine is put together in one place, db/backend.ts", () => {
    const building = [...outsideDb, ...sourceFiles("db")].filter((file) => readFileSync(join(root, file), "utf8").includes("new PathwayEngine("));
    expect(building).toEqual(["db/backend.ts"]);
  });

  it("pathways/ is plain TypeScript: it imports nothing of db/, app/, React, React Router or Express", () => {
    const offending = sourceFiles("pathways").flatMap((file) =>
      importsOf(file)
        .filter((specifier) => pointsInto(file, specifier, "db") || pointsInto(file, specifier, "app") || /^(react|react-dom|react-router|express)(\/|$)/.test(specifier))
        .map((specifier) => `${file}: ${specifier}`),
    );
    expect(offending).toEqual([]);
  });
});

describe("pages are named by id in pathways/ and given their addresses in app/page-paths.ts", () => {
  it("no file under pathways/ spells the address of a page", () => {
    // An address starts the path; a module's own folder, as in "./screening/machine.ts", does not.
    const address = /(?<![\w.#-])\/(?:screening|track|cases)\b/;
    expect(address.test('route: `/screening/${id}`')).toBe(true);
    expect(address.test('import { screeningMachine } from "./screening/machine.ts";')).toBe(false);
    const spelling = sourceFiles("pathways").filter((file) => address.test(readFileSync(join(root, file), "utf8")));
    expect(spelling).toEqual([]);
  });
});
