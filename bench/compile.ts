/**
 * Start-up cost per model: what a run waits before its first image, with an empty Mesa shader cache
 * (a fresh machine, CI, a new architecture or batch size) and with the cache that run left (every
 * later run). Each start is bench/compile_probe.ts in a process of its own, because the driver reads
 * MESA_SHADER_CACHE_DIR once per process; its pipelines' creation and first-dispatch times are traced
 * (engine/compile_trace.ts), and the three figures of one (model, cache) pair come from the same runs.
 * A cold start with compile-ahead (smoothing/compile_ahead.ts: what certify, predict and train do there)
 * is measured too, to its first batch only: its pipelines' own times are mostly cache hits. A training
 * run's start (one Gaussian step) is measured the same way.
 */
import { fileURLToPath } from "node:url";
import type { CaseParams, MeasuredCase, Sample } from "./cases.ts";
import type { ProbeResult } from "./compile_probe.ts";

type Params = Extract<CaseParams, { kind: "compile" }>;

const PROBE = fileURLToPath(new URL("./compile_probe.ts", import.meta.url));
const LOCK = fileURLToPath(new URL("../locks/bench.lock", import.meta.url));

/** Probe results per "arch/batch/cache", so the three figures of a pair share their runs. */
const results = new Map<string, ProbeResult[]>();
/** The cache directory each model's cold starts filled (its warm starts reuse the last one). */
const warmDirs = new Map<string, string>();
/** The cache directories of the starts with a second device. */
const aheadDirs: string[] = [];

/** One start in a process of its own; `cacheDir` null: the user's own shader cache. */
async function probe(p: Params, cacheDir: string | null): Promise<ProbeResult> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      `--lock=${LOCK}`,
      "--frozen",
      "--allow-all",
      PROBE,
      p.arch,
      String(p.batch),
      ...(p.cache === "cold_ahead" ? ["ahead"] : []),
      ...(p.job === "train" ? ["train"] : []),
    ],
    env: cacheDir === null ? {} : { MESA_SHADER_CACHE_DIR: cacheDir },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(out.stdout).trim();
  const log = new TextDecoder().decode(out.stderr);
  if (!out.success) throw new Error(`compile probe ${p.job} ${p.arch} failed: ${log.slice(-2000)}`);
  // the probe's list of pipelines and their costs, indented under the figure's progress line
  console.error(log.trimEnd().split("\n").map((l) => `    ${l}`).join("\n"));
  return JSON.parse(text.split("\n").at(-1)!) as ProbeResult;
}

async function runsOf(p: Params, repeats: number): Promise<ProbeResult[]> {
  const key = `${p.job}/${p.arch}/${p.batch}/${p.cache}`;
  let r = results.get(key);
  if (!r) {
    r = [];
    for (let i = 0; i < repeats; i++) {
      // cold: a fresh directory each time; warm: the one the cold starts filled, else the user's own
      let dir: string | null = warmDirs.get(`${p.job}/${p.arch}/${p.batch}`) ?? null;
      if (p.cache !== "warm") {
        dir = await Deno.makeTempDir({ prefix: "smoothcert-mesa-cache-" });
        if (p.cache === "cold") warmDirs.set(`${p.job}/${p.arch}/${p.batch}`, dir);
        else aheadDirs.push(dir);
      }
      const result = await probe(p, dir);
      if (p.cache === "cold_ahead" && !result.ahead) {
        throw new Error(`${p.arch}: the second device did not run`);
      }
      r.push(result);
    }
    results.set(key, r);
  }
  return r;
}

export async function measureCompile(p: Params, c: MeasuredCase): Promise<Sample[]> {
  const runs = await runsOf(p, c.repeats);
  // CPU time is only known for the whole start; a part is charged the start's average CPU use.
  return runs.map((r) => {
    const wallS = p.part === "ready"
      ? r.readySeconds
      : p.part === "create"
      ? r.createSeconds
      : r.firstDispatchSeconds;
    return { wallS, cpuS: wallS * (r.cpuSeconds / r.readySeconds) };
  });
}

/** Remove the cache directories of this process's probes. */
export async function removeCompileCaches(): Promise<void> {
  for (const dir of new Set([...warmDirs.values(), ...aheadDirs])) {
    await Deno.remove(dir, { recursive: true }).catch(() => {});
  }
  warmDirs.clear();
  aheadDirs.length = 0;
  results.clear();
}
