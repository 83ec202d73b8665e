/** `npm run pathways:diagram`: writes a Mermaid state diagram of every machine to docs/pathways/. */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { allDiagramPages } from "#pathways/diagram-pages.ts";

const folder = "docs/pathways";
mkdirSync(folder, { recursive: true });
for (const page of allDiagramPages()) {
  writeFileSync(join(folder, page.file), page.content);
  console.log(`wrote ${join(folder, page.file)}`);
}
