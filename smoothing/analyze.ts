/**
 * Analysis of certification logs: certified accuracy at chosen radii, average certified radius,
 * abstention rate, the envelope over several models (the SmoothAdv tables report, per radius, the
 * best of a set of models), curves for plotting, and markdown / LaTeX tables.
 *
 * Certified accuracy at r = fraction of ALL rows (abstentions included) with correct = 1 and
 * radius >= r (Cohen et al.'s "approximate certified accuracy" of a CERTIFY log).
 */
import { type CertifyRow, EmptyLogError } from "./log.ts";

/** The radii of the CIFAR-10 and ImageNet tables of the SmoothAdv paper. */
export const STANDARD_RADII = {
  cifar10: [0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2, 2.25],
  imagenet: [0.5, 1, 1.5, 2, 2.5, 3, 3.5],
} as const;

function requireRows(rows: readonly CertifyRow[], what: string): void {
  if (rows.length === 0) throw new EmptyLogError(what);
}

function checkRadius(radius: number): void {
  if (!(Number.isFinite(radius) && radius >= 0)) {
    throw new RangeError(`radius must be a finite number >= 0, got ${radius}`);
  }
}

/** Radii of the correct rows, ascending: certified accuracy at r counts those >= r. */
function correctRadii(rows: readonly CertifyRow[]): Float64Array {
  return Float64Array.from(rows.filter((r) => r.correct).map((r) => r.radius)).sort();
}

/** Number of entries >= r in an ascending array. */
function countAtLeast(sorted: Float64Array, r: number): number {
  let lo = 0, hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < r) lo = mid + 1;
    else hi = mid;
  }
  return sorted.length - lo;
}

/** Certified accuracy at each radius: fraction of all rows with correct = 1 and radius >= r. */
export function certifiedAccuracies(
  rows: readonly CertifyRow[],
  radii: readonly number[],
  what = "log",
): number[] {
  requireRows(rows, what);
  radii.forEach(checkRadius);
  const sorted = correctRadii(rows);
  return radii.map((r) => countAtLeast(sorted, r) / rows.length);
}

/** Certified accuracy at one radius. */
export function certifiedAccuracy(rows: readonly CertifyRow[], radius: number, what = "log"): number {
  return certifiedAccuracies(rows, [radius], what)[0];
}

/** Average certified radius: mean over all rows of radius x correct (abstentions count 0). */
export function averageCertifiedRadius(rows: readonly CertifyRow[], what = "log"): number {
  requireRows(rows, what);
  let sum = 0;
  for (const row of rows) if (row.correct) sum += row.radius;
  return sum / rows.length;
}

/** Fraction of rows where CERTIFY abstained (predict = -1). */
export function abstentionRate(rows: readonly CertifyRow[], what = "log"): number {
  requireRows(rows, what);
  return rows.filter((r) => r.predict === -1).length / rows.length;
}

/** Mean of the samples column, or null when any row lacks it (a fixed-N log). */
export function meanSamples(rows: readonly CertifyRow[]): number | null {
  if (rows.length === 0 || rows.some((r) => r.samples === undefined)) return null;
  return rows.reduce((s, r) => s + r.samples!, 0) / rows.length;
}

/** Everything a table row shows about one log. */
export interface LogSummary {
  name: string;
  rows: number;
  radii: number[];
  /** certified accuracy at each of radii */
  accuracy: number[];
  /** accuracy of the smoothed classifier (certified accuracy at radius 0) */
  cleanAccuracy: number;
  averageRadius: number;
  abstention: number;
  /** mean noisy samples per image, for logs with a samples column (null otherwise) */
  meanSamples: number | null;
}

/** Summarizes one log at the given radii; a log without rows is an EmptyLogError naming it. */
export function summarize(name: string, rows: readonly CertifyRow[], radii: readonly number[]): LogSummary {
  return {
    name,
    rows: rows.length,
    radii: [...radii],
    accuracy: certifiedAccuracies(rows, radii, name),
    cleanAccuracy: certifiedAccuracy(rows, 0, name),
    averageRadius: averageCertifiedRadius(rows, name),
    abstention: abstentionRate(rows, name),
    meanSamples: meanSamples(rows),
  };
}

/** Per radius, the best certified accuracy over several logs and the log that attains it. */
export interface Envelope {
  radii: number[];
  accuracy: number[];
  /** name of the first log with the best accuracy at each radius */
  best: string[];
}

export function envelope(summaries: readonly LogSummary[]): Envelope {
  if (summaries.length === 0) throw new RangeError("envelope: no logs given");
  const radii = summaries[0].radii;
  for (const s of summaries) {
    if (s.radii.length !== radii.length || s.radii.some((r, i) => r !== radii[i])) {
      throw new RangeError(`envelope: ${s.name} was summarized at other radii than ${summaries[0].name}`);
    }
  }
  const accuracy: number[] = [], best: string[] = [];
  radii.forEach((_, j) => {
    let top = summaries[0];
    for (const s of summaries) if (s.accuracy[j] > top.accuracy[j]) top = s;
    accuracy.push(top.accuracy[j]);
    best.push(top.name);
  });
  return { radii: [...radii], accuracy, best };
}

/**
 * Radii 0, step, 2 step, ... up to the largest certified radius of correct rows in the logs (at
 * least one step), the default columns when none are chosen.
 */
export function defaultRadii(logs: readonly (readonly CertifyRow[])[], step = 0.25): number[] {
  if (!(step > 0)) throw new RangeError(`step must be > 0, got ${step}`);
  let largest = 0;
  for (const rows of logs) for (const r of rows) if (r.correct && r.radius > largest) largest = r.radius;
  const count = Math.max(1, Math.floor(largest / step + 1e-9));
  // Multiplying (not accumulating) keeps 0.75 exactly 0.75.
  return Array.from({ length: count + 1 }, (_, i) => Number((i * step).toFixed(10)));
}

/** Certified accuracy sampled on a grid, for plotting. */
export interface AccuracyCurve {
  name: string;
  radii: number[];
  accuracy: number[];
}

/**
 * The certified-accuracy curve on the grid 0, step, ..., maxRadius (Cohen et al. plot it with step
 * 0.01): a step function of r, exact at every grid point.
 */
export function accuracyCurve(
  name: string,
  rows: readonly CertifyRow[],
  maxRadius: number,
  step = 0.01,
): AccuracyCurve {
  if (!(step > 0)) throw new RangeError(`step must be > 0, got ${step}`);
  checkRadius(maxRadius);
  const count = Math.floor(maxRadius / step + 1e-9);
  const radii = Array.from({ length: count + 1 }, (_, i) => i * step);
  return { name, radii, accuracy: certifiedAccuracies(rows, radii, name) };
}

/** Pointwise maximum of curves sampled on the same grid. */
export function envelopeCurve(curves: readonly AccuracyCurve[], name = "envelope"): AccuracyCurve {
  if (curves.length === 0) throw new RangeError("envelopeCurve: no curves given");
  const radii = curves[0].radii;
  for (const c of curves) {
    if (c.radii.length !== radii.length) throw new RangeError(`envelopeCurve: ${c.name} has another grid`);
  }
  return {
    name,
    radii: [...radii],
    accuracy: radii.map((_, i) => Math.max(...curves.map((c) => c.accuracy[i]))),
  };
}

// ---------------------------------------------------------------------------------------------
// Tables.

export interface TableOptions {
  /** add the envelope row (default: when there are several logs) */
  envelope?: boolean;
  /** decimals of accuracies and ACR (default 4) */
  digits?: number;
}

/** A radius as a column heading: shortest decimal ('0.25', '1', '2.25'). */
function radiusLabel(r: number): string {
  return String(Number(r.toFixed(6)));
}

function tableRows(summaries: readonly LogSummary[], options: TableOptions) {
  if (summaries.length === 0) throw new RangeError("table: no logs given");
  const digits = options.digits ?? 4;
  const withEnvelope = options.envelope ?? summaries.length > 1;
  const fixed = (v: number) => v.toFixed(digits);
  const best = withEnvelope ? envelope(summaries) : null;
  // Logs of the sequential modes carry a samples column: its mean goes next to the accuracies.
  const withSamples = summaries.some((s) => s.meanSamples !== null);
  const samples = (s: LogSummary) => s.meanSamples === null ? "" : String(Math.round(s.meanSamples));
  return { fixed, best, radii: summaries[0].radii, withSamples, samples };
}

/** A markdown table: one row per log (best per column in bold when several), then the envelope. */
export function markdownTable(summaries: readonly LogSummary[], options: TableOptions = {}): string {
  const { fixed, best, radii, withSamples, samples } = tableRows(summaries, options);
  const escape = (s: string) => s.replaceAll("|", "\\|");
  const lines = [
    `| model | ${radii.map((r) => `r = ${radiusLabel(r)}`).join(" | ")} | ACR | abstain | rows |${
      withSamples ? " samples/image |" : ""
    }`,
    `|---|${radii.map(() => "---:").join("|")}|---:|---:|---:|${withSamples ? "---:|" : ""}`,
  ];
  for (const s of summaries) {
    const cells = s.accuracy.map((a, j) =>
      summaries.length > 1 && best !== null && a === best.accuracy[j] ? `**${fixed(a)}**` : fixed(a)
    );
    lines.push(
      `| ${escape(s.name)} | ${cells.join(" | ")} | ${fixed(s.averageRadius)} | ${
        fixed(s.abstention)
      } | ${s.rows} |${withSamples ? ` ${samples(s)} |` : ""}`,
    );
  }
  if (best !== null) {
    lines.push(`| envelope | ${best.accuracy.map(fixed).join(" | ")} | | | |${withSamples ? " |" : ""}`);
  }
  return lines.join("\n") + "\n";
}

/** LaTeX text with its special characters escaped. */
export function latexEscape(text: string): string {
  return text.replace(
    /[\\&%$#_{}~^]/g,
    (c) =>
      c === "\\"
        ? "\\textbackslash{}"
        : c === "~"
        ? "\\textasciitilde{}"
        : c === "^"
        ? "\\textasciicircum{}"
        : `\\${c}`,
  );
}

/** A booktabs LaTeX tabular: one row per log (best per column in bold), then the envelope. */
export function latexTable(summaries: readonly LogSummary[], options: TableOptions = {}): string {
  const { fixed, best, radii, withSamples, samples } = tableRows(summaries, options);
  const lines = [
    `\\begin{tabular}{l${"r".repeat(radii.length)}rr${withSamples ? "r" : ""}}`,
    "\\toprule",
    `model & ${radii.map((r) => `$r = ${radiusLabel(r)}$`).join(" & ")} & ACR & abstain${
      withSamples ? " & samples/image" : ""
    } \\\\`,
    "\\midrule",
  ];
  for (const s of summaries) {
    const cells = s.accuracy.map((a, j) =>
      summaries.length > 1 && best !== null && a === best.accuracy[j] ? `\\textbf{${fixed(a)}}` : fixed(a)
    );
    lines.push(
      `${latexEscape(s.name)} & ${cells.join(" & ")} & ${fixed(s.averageRadius)} & ${fixed(s.abstention)}${
        withSamples ? ` & ${samples(s)}` : ""
      } \\\\`,
    );
  }
  if (best !== null) {
    lines.push(
      "\\midrule",
      `envelope & ${best.accuracy.map(fixed).join(" & ")} & &${withSamples ? " &" : ""} \\\\`,
    );
  }
  lines.push("\\bottomrule", "\\end{tabular}");
  return lines.join("\n") + "\n";
}
