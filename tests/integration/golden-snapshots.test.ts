import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createActor, type AnyMachineSnapshot } from "xstate";
import { machineRegistry, stateName } from "#pathways/engine.ts";
import { screeningMachine, screeningMachineVersion } from "#pathways/screening/machine.ts";

/** The engine's machines, and the screening flow, whose snapshots the citizen pages keep. */
const restorable = {
  ...machineRegistry,
  [screeningMachine.id]: { machine: screeningMachine, version: screeningMachineVersion },
};

interface GoldenFixture {
  machineId: string;
  version: number;
  snapshot: unknown;
  then: { state: string; event: { type: string }; nextState: string };
}

const folder = join(import.meta.dirname, "..", "fixtures", "snapshots");
const fixtures = readdirSync(folder)
  .filter((file) => file.endsWith(".json"))
  .map((file) => ({ file, fixture: JSON.parse(readFileSync(join(folder, file), "utf8")) as GoldenFixture }));

describe("golden snapshots", () => {
  it("exist for the current version of every machine the engine runs", () => {
    const have = new Set(fixtures.map(({ fixture }) => `${fixture.machineId}.v${fixture.version}`));
    for (const [machineId, { version }] of Object.entries(restorable)) {
      expect(have.has(`${machineId}.v${version}`), `${machineId} v${version}: run npm run pathways:golden`).toBe(true);
    }
  });

  for (const { file, fixture } of fixtures) {
    it(`${file} restores and goes on`, () => {
      const registered = restorable[fixture.machineId];
      expect(registered, `machine ${fixture.machineId} is still registered`).toBeDefined();
      // A released version must stay restorable: bumping a machine's version means keeping
      // the old machine (or a snapshot migration) in the registry for instances still running.
      expect(registered!.version, `${fixture.machineId} v${fixture.version} can no longer be restored`).toBe(fixture.version);
      const actor = createActor(registered!.machine, { snapshot: fixture.snapshot as never });
      actor.start();
      expect(stateName((actor.getSnapshot() as AnyMachineSnapshot).value)).toBe(fixture.then.state);
      expect((actor.getSnapshot() as AnyMachineSnapshot).can(fixture.then.event)).toBe(true);
      actor.send(fixture.then.event);
      expect(stateName((actor.getSnapshot() as AnyMachineSnapshot).value)).toBe(fixture.then.nextState);
      actor.stop();
    });
  }
});
