/** Turning per-call timings into reported figures: unit conversion, peak fractions, PyTorch ratios. */
import { type Case, type Figure, type Sample, type TorchFigure, type Unit, UNITS } from "./cases.ts";
import { CORES } from "./measure.ts";
import { summarize } from "./stats.ts";

/** The figure's value for one call of `seconds` that did `work`. */
export function unitValue(unit: Unit, work: number, seconds: number): number {
  const u = UNITS[unit];
  return u.rate ? work / seconds / u.scale : (seconds / work) * u.scale;
}

/** Our speed over PyTorch's from two values of the same unit (> 1: ours is faster). */
export function speedup(unit: Unit, ours: number, theirs: number): number {
  return UNITS[unit].rate ? ours / theirs : theirs / ours;
}

/** Wall-clock and per-CPU-time summaries (CPU seconds spread over every core, as if it had them alone). */
export function summarizeSamples(
  c: Case,
  samples: readonly Sample[],
): { value: Figure["value"]; cpu: Figure["cpu"] } {
  return {
    value: summarize(samples.map((s) => unitValue(c.unit, c.work, s.wallS))),
    cpu: summarize(samples.map((s) => unitValue(c.unit, c.work, Math.max(s.cpuS, 1e-9) / CORES))),
  };
}

export function torchFigure(c: Case, ours: Figure, samples: readonly Sample[]): TorchFigure {
  const t = summarizeSamples(c, samples);
  return {
    value: t.value,
    cpu: t.cpu,
    speedup: speedup(c.unit, ours.value.median, t.value.median),
    cpuSpeedup: speedup(c.unit, ours.cpu.median, t.cpu.median),
  };
}

export interface Ceilings {
  /** Median FMA peak, GFLOP/s. */
  compute: number;
  /** Median copy bandwidth, GB/s. */
  memory: number;
}

export function makeFigure(c: Case, samples: readonly Sample[], ceilings: Ceilings | null): Figure {
  const { value, cpu } = summarizeSamples(c, samples);
  const f: Figure = { id: c.id, section: c.section, name: c.name, unit: c.unit, work: c.work, value, cpu };
  if (c.bound) {
    f.bound = c.bound;
    if (ceilings) f.peakFraction = value.median / ceilings[c.bound];
  }
  if (c.note) f.note = c.note;
  return f;
}
