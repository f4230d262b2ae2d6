/**
 * Tables from the benchmark JSON files: the console table of one group, and bench/RESULTS.md from every
 * group file in a results folder. Figures are only ever copied from the JSON, never typed by hand.
 *
 *   deno run -A bench/report.ts [--dir bench/results] [--out bench/RESULTS.md]
 */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { type BenchFile, type Figure, GROUPS, type Profile } from "./cases.ts";
import { PEAK_FMA_ID } from "./plan.ts";

export const DEFAULT_DIR = new URL("./results/", import.meta.url);
export const DEFAULT_REPORT = new URL("./RESULTS.md", import.meta.url);

/** Three significant digits, without exponent notation for the magnitudes that occur here. */
export function num(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a === 0) return "0";
  if (a >= 1000) return Math.round(x).toString();
  const digits = Math.max(0, 2 - Math.floor(Math.log10(a)));
  return x.toFixed(Math.min(digits, 6));
}

function pct(x: number): string {
  return `${(100 * x).toFixed(x < 0.1 ? 1 : 0)}%`;
}

function ratio(x: number): string {
  return `${num(x)}x`;
}

/** A Markdown table whose columns are padded, so it also reads well on a terminal. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

function torchCells(f: Figure, torchReason: string): string[] {
  if (f.torch === undefined) return ["n/a", "", ""];
  if (f.torch === null) return [torchReason, "", ""];
  return [
    `${num(f.torch.value.median)} ±${pct(f.torch.value.spread)}`,
    ratio(f.torch.speedup),
    ratio(f.torch.cpuSpeedup),
  ];
}

/** Rows of one section: figure, median, spread, per-CPU-time rate, peak fraction, PyTorch and ratios. */
export function figureTable(figures: readonly Figure[], torchReason: string): string {
  const header = [
    "figure",
    "median",
    "unit",
    "spread",
    "per CPU time",
    "of peak",
    "PyTorch median",
    "ours/PyTorch",
    "(CPU time)",
  ];
  const rows = figures.map((f) => [
    f.name,
    num(f.value.median),
    f.unit,
    `${pct(f.value.spread)} (n=${f.value.repeats})`,
    num(f.cpu.median),
    f.peakFraction === undefined ? "" : `${pct(f.peakFraction)} ${f.bound === "compute" ? "FMA" : "copy"}`,
    ...torchCells(f, torchReason),
  ]);
  return table(header, rows);
}

function sections(figures: readonly Figure[]): Map<string, Figure[]> {
  const out = new Map<string, Figure[]>();
  for (const f of figures) out.set(f.section, [...(out.get(f.section) ?? []), f]);
  return out;
}

function torchReason(file: BenchFile): string {
  if (!file.torch.available) return "torch not available";
  return file.torch.reason ? "torch failed" : "not run";
}

export function profileTable(p: Profile, top = 8): string {
  const fam = table(
    ["kernel family (.wgsl)", "GPU ms", "share", "dispatches"],
    p.families.map((k) => [k.name, num(k.ms), pct(k.share), String(k.dispatches)]),
  );
  const kernels = table(
    ["kernel (family:entry)", "GPU ms", "share", "dispatches"],
    p.kernels.slice(0, top).map((k) => [k.name, num(k.ms), pct(k.share), String(k.dispatches)]),
  );
  return `${fam}\n\nTop ${Math.min(top, p.kernels.length)} kernels:\n\n${kernels}`;
}

/** The console rendering of one group (also the body of its RESULTS.md section). */
export function groupReport(file: BenchFile, level = "###"): string {
  const parts: string[] = [];
  for (const [name, figs] of sections(file.figures)) {
    parts.push(`${level} ${name}\n\n${figureTable(figs, torchReason(file))}`);
  }
  const notes = file.figures.filter((f) => f.note).map((f) => `- ${f.name}: ${f.note}`);
  if (notes.length) parts.push(`Notes:\n\n${notes.join("\n")}`);
  for (const p of file.profiles) {
    parts.push(
      `${level} GPU time by kernel, ${p.arch}, one batch of ${p.batch} (${num(p.totalMs)} ms, profiled)\n\n` +
        profileTable(p),
    );
  }
  return parts.join("\n\n");
}

function machine(file: BenchFile): string {
  const t = file.torch;
  const torch = t.available
    ? `PyTorch ${t.version} on the CPU (${t.python}, ${t.threads} threads, OMP_WAIT_POLICY=${t.ompWaitPolicy}; ${t.build})${
      t.reason ? `; failed: ${t.reason}` : ""
    }`
    : t.reason ?? "torch not available";
  return [
    `- adapter: ${file.adapter.description} (backend ${file.adapter.backend}${
      file.adapter.software ? ", software" : ""
    }${file.adapter.f16 ? ", shader-f16" : ""}${file.adapter.threads ? `, ${file.adapter.threads}` : ""})`,
    `- host: ${file.host.os}/${file.host.arch}, ${file.host.cores} cores, ${num(file.host.memoryGiB)} GiB`,
    `- Deno ${file.deno.deno} (V8 ${file.deno.v8}, TypeScript ${file.deno.typescript})`,
    `- reference: ${torch}`,
  ].join("\n");
}

const TITLES: Record<string, string> = {
  kernels: "Kernels",
  certify: "Certification",
  train: "Training",
  compile: "Start-up (pipeline creation and code generation)",
};

/** RESULTS.md from the group files (in group order); `source` names the folder they came from. */
export function renderMarkdown(files: readonly BenchFile[], source: string): string {
  if (files.length === 0) {
    throw new Error(`no benchmark results in ${source}: run \`deno task bench all\` first`);
  }
  const runs = files.map((f) =>
    `| ${f.group} | \`${f.command}\` | ${f.date} | ${num(f.wallSeconds)} s | ${
      f.quick ? "quick" : "full"
    } | ` +
    `${f.host.loadAverage.map(num).join(" / ")} |`
  );
  const out: string[] = [
    "# Benchmark results",
    "",
    `Generated by \`deno run -A bench/report.ts\` from \`${source}\` (written by \`deno task bench\`); ` +
    "do not edit by hand. The figures live in one JSON file per group (`<group>.json` in that folder, " +
    "rewritten by every run of the group; adapter, Deno version, date and command are inside).",
    "",
    // each group's own load: groups run at different times, and a busy machine moves every ratio
    "| group | command | date | wall time | mode | load average at start (1 / 5 / 15 min) |",
    "|---|---|---|---|---|---|",
    ...runs,
    "",
    "## Machine",
    "",
    machine(files[0]),
    "",
    "## How to read the tables",
    "",
    "- median and spread over the repeats (spread = (max - min) / median; n = repeats). Other processes " +
    "share the cores, so wall-clock figures are noisy.",
    "- per CPU time: the same work divided by this process's CPU time spread over all cores (lavapipe's " +
    "threads included), i.e. the rate with the machine to itself.",
    "- of peak: median over the roofline's FMA peak (compute-bound kernels) or copy bandwidth " +
    "(memory-bound kernels) measured in the same run.",
    "- ours/PyTorch: our speed over PyTorch's on the CPU, same work and sizes (rates: ours / theirs; " +
    "times: theirs / ours); > 1 means we are faster; PyTorch measures each case right after ours. The " +
    "CPU-time column compares per-CPU-time rates.",
    "",
    "## Roofline",
    "",
    figureTable(files[0].roofline, torchReason(files[0])),
  ];
  const ceiling = ceilingNote(files[0].roofline, files.find((f) => f.group === "kernels")?.figures ?? []);
  if (ceiling) out.push("", ceiling);
  for (const f of files) {
    out.push("", `## ${TITLES[f.group]}`, "", groupReport(f));
  }
  return out.join("\n") + "\n";
}

/**
 * A sentence for under the roofline table: PyTorch's fastest compute-bound kernel of the run against the
 * adapter's FMA peak, the ceiling of every kernel of ours (README "Speed", what bounds the per-sample
 * rate). Empty without a peak or a PyTorch figure to compare.
 */
export function ceilingNote(roofline: readonly Figure[], kernels: readonly Figure[]): string {
  const peak = roofline.find((f) => f.id === PEAK_FMA_ID);
  let best: Figure | undefined;
  for (const f of kernels) {
    if (f.bound !== "compute" || f.unit !== "GFLOP/s" || !f.torch) continue;
    if (best === undefined || f.torch.value.median > best.torch!.value.median) best = f;
  }
  if (peak === undefined || best === undefined) return "";
  const theirs = best.torch!.value.median;
  return `PyTorch's fastest compute-bound kernel in this run (${best.name}) ran at ${num(theirs)} GFLOP/s, ` +
    `${ratio(theirs / peak.value.median)} the FMA peak above, which bounds every kernel of ours (README ` +
    `"Speed": what bounds the per-sample rate).`;
}

/** The group files present in `dir`, in group order. */
export async function readResults(dir: URL | string): Promise<BenchFile[]> {
  const base = typeof dir === "string" ? dir.replace(/\/?$/, "/") : dir.href.replace(/\/?$/, "/");
  const files: BenchFile[] = [];
  for (const g of GROUPS) {
    const path = typeof dir === "string" ? `${base}${g}.json` : new URL(`${g}.json`, base);
    let text: string;
    try {
      text = await Deno.readTextFile(path);
    } catch (e) {
      if (e instanceof Deno.errors.NotFound) continue;
      throw e;
    }
    const f = JSON.parse(text) as BenchFile;
    if (f.schema !== 1 || f.group !== g) throw new Error(`${path}: not a benchmark file of group ${g}`);
    files.push(f);
  }
  return files;
}

const ROOT = fileURLToPath(new URL("../", import.meta.url));

/** A results folder as the report names it: relative to the repository when inside it. */
export function displayPath(dir: URL | string): string {
  const abs = typeof dir === "string" ? resolve(dir) : fileURLToPath(dir);
  return abs.startsWith(ROOT) ? abs.slice(ROOT.length) || "." : abs;
}

/**
 * `deno fmt` of Markdown text under the repository's settings, so that formatting the checkout leaves a
 * generated report unchanged. Without permission to run deno, the text is returned as it is.
 */
export async function formatMarkdown(text: string): Promise<string> {
  let child: Deno.ChildProcess;
  try {
    child = new Deno.Command(Deno.execPath(), {
      args: ["fmt", "--ext", "md", "-"],
      cwd: ROOT,
      stdin: "piped",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
  } catch (e) {
    if (!(e instanceof Deno.errors.NotCapable || e instanceof Deno.errors.PermissionDenied)) throw e;
    console.error("report: no permission to run `deno fmt`; RESULTS.md is written unformatted");
    return text;
  }
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode(text));
  await writer.close();
  const out = await child.output();
  if (!out.success) throw new Error(`deno fmt of the report failed: ${new TextDecoder().decode(out.stderr)}`);
  return new TextDecoder().decode(out.stdout);
}

export async function writeReport(dir: URL | string, out: URL | string): Promise<void> {
  await Deno.writeTextFile(
    out,
    await formatMarkdown(renderMarkdown(await readResults(dir), displayPath(dir))),
  );
}

if (import.meta.main) {
  const usage = "usage: deno run -A bench/report.ts [--dir bench/results] [--out bench/RESULTS.md]";
  let values;
  try {
    values = parseArgs({
      args: Deno.args,
      options: { dir: { type: "string" }, out: { type: "string" }, help: { type: "boolean" } },
      strict: true,
    }).values;
  } catch (e) {
    console.error(`report: ${(e as Error).message.split(". ")[0]}\n${usage}`);
    Deno.exit(2);
  }
  if (values.help) {
    console.log(usage);
  } else {
    const out = values.out ?? DEFAULT_REPORT;
    await writeReport(values.dir ?? DEFAULT_DIR, out);
    console.log(`wrote ${displayPath(out)}`);
  }
}
