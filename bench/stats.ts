/** Summaries of repeated measurements: median and relative spread. */

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
