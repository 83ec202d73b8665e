import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { allDiagramPages } from "#pathways/diagram-pages.ts";
import { machineRegistry } from "#pathways/engine.ts";

const folder = join(import.meta.dirname, "..", "..", "docs", "pathways");

describe("pathway diagrams in docs/pathways", () => {
  const pages = allDiagramPages();

  it("cover every machine the engine runs", () => {
    for (const machineId of Object.keys(machineRegistry)) {
      expect(pages.map((page) => page.file)).toContain(`${machineId}.md`);
    }
  });

  for (const page of pages) {
    it(`${page.file} is up to date (npm run pathways:diagram)`, () => {
      expect(readFileSync(join(folder, page.file), "utf8")).toBe(page.content);
    });
  }

  it("show every state and guard of a machine", () => {
    const eviction = pages.find((page) => page.file === "eviction-risk.md")!.content;
    for (const text of ["awaitingAcceptance", "escalated", "TIMER_DUE [acceptanceOverdue]", "[eligible]"]) {
      expect(eviction).toContain(text);
    }
  });
});
