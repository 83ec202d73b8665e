/**
 * Fires machine timers that have come due (escalations), every `intervalMs`. Due times
 * live in the database, so a restart loses nothing: the first tick after it fires
 * whatever fell due while the server was down.
 */
export interface TimerSource {
  fireDueTimers(now: string): Promise<number>;
}

export interface Scheduler {
  /** Fires what is due now; returns how many timers fired. While a tick runs, answers that one. */
  tick(): Promise<number>;
  /** Stops ticking; resolves once a tick under way has ended. */
  stop(): Promise<void>;
}

export function startScheduler(
  engine: TimerSource,
  { intervalMs, now = () => new Date(), onError }: { intervalMs: number; now?: () => Date; onError: (error: unknown) => void },
): Scheduler {
  // One tick at a time: a tick that outlasts the interval is not joined by a second one
  // firing the same timers beside it; the interval's next tick is skipped instead.
  let running: Promise<number> | undefined;
  const tick = () =>
    (running ??= engine.fireDueTimers(now().toISOString()).finally(() => {
      running = undefined;
    }));
  const timer = setInterval(() => {
    if (!running) tick().catch(onError);
  }, intervalMs);
  timer.unref();
  return {
    tick,
    stop: async () => {
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
