/** Timing helpers for benchmarks: run, warm up, and summarise in milliseconds. */
export interface Timing {
  p50: number;
  p95: number;
  mean: number;
  runs: number;
}

export function percentile(sortedMilliseconds: number[], fraction: number): number {
  const index = Math.min(sortedMilliseconds.length - 1, Math.ceil(fraction * sortedMilliseconds.length) - 1);
  return sortedMilliseconds[Math.max(0, index)]!;
}

export function measure(run: () => unknown, { warmup = 20, runs = 300 } = {}): Timing {
  for (let index = 0; index < warmup; index += 1) run();
  const samples: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const started = process.hrtime.bigint();
    run();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return summarise(samples, runs);
}

/** `measure` for work that is asynchronous: each run is awaited before the next starts. */
export async function measureAsync(run: () => Promise<unknown>, { warmup = 20, runs = 300 } = {}): Promise<Timing> {
  for (let index = 0; index < warmup; index += 1) await run();
  const samples: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const started = process.hrtime.bigint();
    await run();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return summarise(samples, runs);
}

function summarise(samples: number[], runs: number): Timing {
  samples.sort((a, b) => a - b);
  return {
    p50: percentile(samples, 0.5),
    p95: percentile(samples, 0.95),
    mean: samples.reduce((sum, value) => sum + value, 0) / samples.length,
    runs,
  };
}

export const ms = (value: number) => `${value.toFixed(2)} ms`;
