/**
 * `deno task bench [kernels|certify|train|all ...] [--quick] [--out DIR] [--python PATH] [--no-torch]`
 *
 * Measures the roofline, then each group; prints a table per group and writes one JSON file per group
 * (`DIR/<group>.json`, default bench/results/, or bench/results/quick/ with --quick), then regenerates
 * the report from that folder (bench/RESULTS.md for the default folder, DIR/RESULTS.md otherwise).
 * Where a python3 imports torch, bench/torch_reference.py measures the same cases on the CPU.
 */
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { type Engine, initEngine } from "../engine/mod.ts";
import {
  type BenchFile,
  type Case,
  type Figure,
  type GroupName,
  GROUPS,
  isDerived,
  type MeasuredCase,
  type Profile,
  type Sample,
  type TorchInfo,
} from "./cases.ts";
import { releaseCertifyModels } from "./certify.ts";
import { removeCompileCaches } from "./compile.ts";
import { type Ceilings, makeFigure, torchFigure, unitValue } from "./figure.ts";
import { CORES } from "./measure.ts";
import { measureOurs } from "./ours.ts";
import { groupPlan, PEAK_FMA_ID, rooflinePlan } from "./plan.ts";
import { DEFAULT_DIR, DEFAULT_REPORT, figureTable, groupReport, num, writeReport } from "./report.ts";
import { findTorch, type TorchRun, TorchSession } from "./torch.ts";

const USAGE = `usage: deno task bench [${[...GROUPS, "all"].join("|")} ...] [options]

  groups       one or more of ${GROUPS.join(", ")}; "all" (the default) runs every group
  --quick      small sizes and few repeats (about a minute); results go to bench/results/quick/
  --out DIR    folder for the JSON files and their RESULTS.md (default bench/results/)
  --python P   python3 that imports torch (default: /usr/bin/python3, then python3 on PATH)
  --torch-threads N  torch.set_num_threads (default: the core count)
  --no-torch   skip the PyTorch comparison
  --help       this text`;

export interface BenchOptions {
  groups: GroupName[];
  quick: boolean;
  outDir: string;
  /** Where the report goes: bench/RESULTS.md for the default folder, else inside `outDir`. */
  reportPath: string;
  python?: string;
  torchThreads: number;
  torch: boolean;
}

export class UsageError extends Error {}

export function parseBenchArgs(args: readonly string[]): BenchOptions | "help" {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        quick: { type: "boolean", default: false },
        out: { type: "string" },
        python: { type: "string" },
        "torch-threads": { type: "string" },
        "no-torch": { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
    });
  } catch (e) {
    throw new UsageError(`${(e as Error).message.split(". ")[0]}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) return "help";
  const groups = new Set<GroupName>();
  for (const p of positionals.length ? positionals : ["all"]) {
    if (p === "all") GROUPS.forEach((g) => groups.add(g));
    else if ((GROUPS as readonly string[]).includes(p)) groups.add(p as GroupName);
    else throw new UsageError(`unknown group "${p}" (expected ${[...GROUPS, "all"].join(", ")})\n\n${USAGE}`);
  }
  const threads = values["torch-threads"] === undefined ? CORES : Number(values["torch-threads"]);
  if (!Number.isInteger(threads) || threads < 1) {
    throw new UsageError(
      `--torch-threads must be a positive integer, got "${values["torch-threads"]}"\n\n${USAGE}`,
    );
  }
  const defaultDir = fileURLToPath(DEFAULT_DIR).replace(/\/$/, "");
  const outDir = (values.out ?? (values.quick ? `${defaultDir}/quick` : defaultDir)).replace(/\/$/, "");
  return {
    groups: GROUPS.filter((g) => groups.has(g)),
    quick: values.quick,
    outDir,
    reportPath: outDir === defaultDir ? fileURLToPath(DEFAULT_REPORT) : `${outDir}/RESULTS.md`,
    python: values.python,
    torchThreads: threads,
    torch: !values["no-torch"],
  };
}

function log(msg: string): void {
  console.error(msg);
}

/**
 * Every measured case of a plan, ours and then (where it has a counterpart and `torch` runs) PyTorch's
 * right after it, so that the two sides of a ratio are seconds apart: this project's machines drift by
 * up to a third in speed within an hour, which a run of all our cases and then all of PyTorch's turned
 * into ratios off by as much. One progress line per case.
 */
async function runCases(
  cases: readonly Case[],
  profiles: Profile[],
  torch: TorchSide | null,
): Promise<{ ours: Map<string, Sample[]>; torch: TorchRun | null }> {
  const ours = new Map<string, Sample[]>();
  const theirs: TorchRun | null = torch ? { results: new Map(), errors: new Map() } : null;
  for (const c of cases) {
    if (isDerived(c)) continue;
    const t0 = performance.now();
    const samples = await measureOurs(c, profiles);
    ours.set(c.id, samples);
    const v = samples.map((s) => unitValue(c.unit, c.work, s.wallS)).sort((a, b) => a - b);
    log(
      `  ${c.name}: ${num(v[v.length >> 1])} ${c.unit} (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    );
    if (torch && theirs && c.torch) await torch.measure(c, theirs);
  }
  return { ours, torch: theirs };
}

/**
 * PyTorch's side of a run: one bench/torch_reference.py process for all groups. A case it fails is
 * recorded with its error; if the process itself fails, the reason goes to `info` (which every group's
 * file copies) and no further case is sent.
 */
class TorchSide {
  private session: TorchSession | null = null;
  private failed = false;
  constructor(private readonly info: TorchInfo) {}

  async measure(c: MeasuredCase, into: TorchRun): Promise<void> {
    if (this.failed) return;
    try {
      this.session ??= await TorchSession.start(this.info);
      const error = await this.session.measureInto(c, into);
      if (error) log(`  torch failed on ${c.id}: ${error}`);
    } catch (e) {
      // The comparison is optional; our figures stand without it, and the reason is recorded.
      this.failed = true;
      this.info.reason = (e as Error).message;
      log(`  PyTorch run failed: ${this.info.reason}`);
    }
  }

  async close(): Promise<void> {
    await this.session?.close();
  }
}

function samplesOf(c: Case, all: Map<string, Sample[]>): Sample[] | undefined {
  return all.get(isDerived(c) ? c.derivedFrom : c.id);
}

function hasTorch(c: Case, cases: readonly Case[]): boolean {
  if (!isDerived(c)) return c.torch;
  const src = cases.find((x) => x.id === c.derivedFrom);
  return src !== undefined && !isDerived(src) && src.torch;
}

/** Our figures joined with PyTorch's (null where torch did not run, absent where it has no counterpart). */
function figures(
  cases: readonly Case[],
  ours: Map<string, Sample[]>,
  torch: TorchRun | null,
  ceilings: Ceilings | null,
): Figure[] {
  return cases.map((c) => {
    const s = samplesOf(c, ours);
    if (!s) throw new Error(`internal: no timings for ${c.id}`);
    const f = makeFigure(c, s, ceilings);
    if (hasTorch(c, cases)) {
      const t = torch ? samplesOf(c, torch.results) : undefined;
      f.torch = t ? torchFigure(c, f, t) : null;
    }
    return f;
  });
}

function header(e: Engine, command: string, quick: boolean, torch: TorchInfo) {
  const i = e.gpu.info;
  const mem = Deno.systemMemoryInfo();
  return {
    schema: 1 as const,
    command,
    quick,
    date: new Date().toISOString(),
    deno: { ...Deno.version },
    host: {
      os: Deno.build.os,
      arch: Deno.build.arch,
      cores: CORES,
      memoryGiB: mem.total / 2 ** 30,
      loadAverage: Deno.loadavg(),
    },
    adapter: {
      description: i.description,
      backend: i.backend,
      software: i.isFallbackAdapter,
      f16: i.f16,
      ...(i.softwareThreads ? { threads: i.softwareThreads } : {}),
    },
    torch: { ...torch },
  };
}

/** Run the benchmark; returns the written files. */
export async function runBench(o: BenchOptions, command: string): Promise<BenchFile[]> {
  const e = await initEngine();
  log(`adapter: ${e.gpu.describe()}`);
  const torchInfo: TorchInfo = o.torch
    ? await findTorch(o.python, o.torchThreads)
    : { available: false, reason: "torch comparison disabled (--no-torch)" };
  log(torchInfo.available ? `PyTorch ${torchInfo.version} (${torchInfo.python})` : `${torchInfo.reason}`);

  const torchSide = torchInfo.available ? new TorchSide(torchInfo) : null;
  const written: BenchFile[] = [];
  try {
    log("roofline");
    const roofCases = rooflinePlan(o.quick);
    const roof = await runCases(roofCases, [], torchSide);
    const roofline = figures(roofCases, roof.ours, roof.torch, null);
    const ceilings: Ceilings = {
      compute: roofline.find((f) => f.id === PEAK_FMA_ID)!.value.median,
      memory: roofline.find((f) => f.id === "roofline/copy")!.value.median,
    };
    const torchCell = torchInfo.available ? "not run" : "torch not available";
    console.log(`\n## roofline\n\n${figureTable(roofline, torchCell)}\n`);

    await Deno.mkdir(o.outDir, { recursive: true });
    for (const group of o.groups) {
      const t0 = performance.now();
      const head = header(e, command, o.quick, torchInfo);
      log(`${group}`);
      const cases = groupPlan(group, o.quick);
      const profiles: Profile[] = [];
      const run = await runCases(cases, profiles, torchSide);
      if (group === "certify") releaseCertifyModels();
      if (group === "compile") await removeCompileCaches();
      // torchInfo.reason is set if the PyTorch process failed (this group or before)
      const info: TorchInfo = { ...torchInfo };
      if (!info.reason && run.torch?.errors.size) {
        info.reason = `failed on ${[...run.torch.errors.keys()].join(", ")}`;
      }
      const file: BenchFile = {
        ...head,
        group,
        torch: info,
        roofline,
        figures: figures(cases, run.ours, run.torch, ceilings),
        profiles,
        wallSeconds: (performance.now() - t0) / 1000,
      };
      const path = `${o.outDir}/${group}.json`;
      await Deno.writeTextFile(path, JSON.stringify(file, null, 2) + "\n");
      written.push(file);
      console.log(`\n## ${group} (${num(file.wallSeconds)} s, ${path})\n\n${groupReport(file)}\n`);
    }
  } finally {
    await torchSide?.close();
  }
  await writeReport(o.outDir, o.reportPath);
  log(`wrote ${o.reportPath}`);
  return written;
}

if (import.meta.main) {
  let opts: BenchOptions | "help";
  try {
    opts = parseBenchArgs(Deno.args);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`bench: ${e.message}`);
    Deno.exit(2);
  }
  if (opts === "help") console.log(USAGE);
  else {
    const t0 = performance.now();
    await runBench(opts, ["deno task bench", ...Deno.args].join(" "));
    log(`total ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
}
