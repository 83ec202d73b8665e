/**
 * `npm run pathways:golden`: records a persisted snapshot of each machine's current
 * version, mid-journey, under tests/fixtures/snapshots/. Existing files are never
 * overwritten: they are the snapshots real instances of that version hold, and
 * tests/integration/golden-snapshots.test.ts proves they keep restoring.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createActor } from "xstate";
import { goldenScenarios } from "../tests/fixtures/golden-scenarios.ts";

const folder = "tests/fixtures/snapshots";
mkdirSync(folder, { recursive: true });
for (const scenario of goldenScenarios) {
  const file = join(folder, `${scenario.machine.id}.v${scenario.version}.json`);
  if (existsSync(file)) {
    console.log(`kept ${file}`);
    continue;
  }
  const actor = createActor(scenario.machine, { input: scenario.input });
  actor.start();
  for (const event of scenario.events) actor.send(event);
  const fixture = {
    machineId: scenario.machine.id,
    version: scenario.version,
    snapshot: actor.getPersistedSnapshot(),
    then: scenario.then,
  };
  actor.stop();
  writeFileSync(file, `${JSON.stringify(fixture, null, 2)}\n`);
  console.log(`wrote ${file}`);
}
