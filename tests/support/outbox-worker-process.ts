/**
 * One outbox worker in a process of its own, for the two-process test: on the database
 * file given, once "go" arrives on stdin, it delivers every due `test.delivery` message
 * by appending its id to the log file given, then prints how many it delivered.
 */
import { appendFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { createOutboxDispatcher } from "#app/outbox-dispatcher.server.ts";
import { createBackend } from "#db/backend.ts";

const [databasePath, logPath, workerName] = process.argv.slice(2) as [string, string, string];
const backend = createBackend({ kind: "sqlite", path: databasePath });
const dispatcher = createOutboxDispatcher(backend.outbox, {
  "test.delivery": {
    async deliver(payload) {
      appendFileSync(logPath, `${workerName} ${(JSON.parse(payload) as { message: number }).message}\n`);
      // A send takes a while: the other worker claims meanwhile.
      await sleep(3);
    },
  },
});

process.stdout.write("ready\n");
process.stdin.once("data", async () => {
  let delivered = 0;
  for (;;) {
    const round = await dispatcher.deliverDue(new Date(), 5);
    delivered += round.delivered;
    if (round.delivered + round.failed === 0) break;
  }
  backend.close();
  process.stdout.write(`delivered ${delivered}\n`);
  process.exit(0);
});
