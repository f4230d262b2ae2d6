/** Repeat-and-summarise helpers shared by the benchmarks. */

export interface Summary {
  median: number;
  min: number;
  max: number;
  /** Relative spread: (max - min) / median. */
  spread: number;
  repeats: number;
}

export function summarize(xs: readonly number[]): Summary {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return {
    median,
    min: s[0],
    max: s[s.length - 1],
    spread: median ? (s[s.length - 1] - s[0]) / median : 0,
    repeats: s.length,
  };
}

/** Time `fn` `repeats` times after `warmup` untimed runs; milliseconds per run. */
export async function timeIt(fn: () => Promise<void>, repeats = 5, warmup = 1): Promise<Summary> {
  for (let i = 0; i < warmup; i++) await fn();
  const xs: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    await fn();
    xs.push(performance.now() - t0);
  }
  return summarize(xs);
}
