/**
 * Fires machine timers that have come due (escalations), every `intervalMs`. Due times
 * live in the database, so a restart loses nothing: the first tick after it fires
 * whatever fell due while the server was down.
 */
export interface TimerSource {
  fireDueTimers(now: string): number;
}

export interface Scheduler {
  /** Fires what is due now; returns how many timers fired. */
  tick(): number;
  stop(): void;
}

export function startScheduler(
  engine: TimerSource,
  { intervalMs, now = () => new Date(), onError }: { intervalMs: number; now?: () => Date; onError: (error: unknown) => void },
): Scheduler {
  const tick = () => engine.fireDueTimers(now().toISOString());
  const timer = setInterval(() => {
    try {
      tick();
    } catch (error) {
      onError(error);
    }
  }, intervalMs);
  timer.unref();
  return { tick, stop: () => clearInterval(timer) };
}
