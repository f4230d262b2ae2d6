/**
 * A certification sweep for a Slurm cluster: every checkpoint at every sigma, split into shards, one
 * array task per (checkpoint, sigma, shard). Each task runs certify with its own `--shard K/N` and
 * its own log, so a task that is cancelled or fails resumes its log when submitted again, and the
 * shard logs of one (checkpoint, sigma) merge into the single-process log (smoothing/shards.ts).
 *
 * A sweep lives in one directory:
 *
 *   DIR/sweep.json                                   what the sweep is (and the jobs submitted for it)
 *   DIR/sweep.sh                                     the array job script
 *   DIR/slurm/JOB_TASK.out                           each task's Slurm output
 *   DIR/logs/NAME/sigma_S/shard_K_of_N.tsv           each task's certification log (+ .params.json)
 *
 * Task t is checkpoint c, sigma s, shard k with t = (c * sigmas + s) * shards + k.
 */
import { dirname, isAbsolute, resolve } from "node:path";
import { writeFileAtomic } from "./log.ts";
import type { Shard } from "./selection.ts";

/** What a sweep certifies, and how Slurm runs it. */
export interface SweepDefinition {
  /** The checkpoints, as absolute paths. */
  checkpoints: string[];
  sigmas: number[];
  /** Shards per (checkpoint, sigma). */
  shards: number;
  /** certify's flags for every task, besides the --checkpoint, --sigma, --shard and --out of each. */
  certifyArgs: string[];
  /** sbatch options, one `#SBATCH` line each (e.g. "--partition=gpu", "--gres=gpu:1"). */
  sbatch: string[];
}

/** One submission of some of a sweep's tasks. */
export interface SubmittedJob {
  id: string;
  tasks: number[];
  at: string;
}

/** sweep.json: the definition, where the tasks run certify from, and what was submitted. */
export interface SweepManifest extends SweepDefinition {
  version: 1;
  /** The repository the tasks run certify in. */
  root: string;
  /** The Deno executable the tasks run. */
  deno: string;
  /** certify's command after the executable, as deno.json's certify task has it (run in `root`). */
  certify: string[];
  jobs: SubmittedJob[];
}

/** One array task. */
export interface SweepTask {
  id: number;
  checkpoint: string;
  /** The checkpoint's short name, as in the log paths. */
  name: string;
  sigma: number;
  shard: Shard;
  /** Its certification log (absolute). */
  out: string;
  /** certify's arguments for this task. */
  args: string[];
}

/** A sweep definition or directory that cannot be used as given. */
export class SweepError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SweepError";
  }
}

export const MANIFEST_FILE = "sweep.json";
export const SCRIPT_FILE = "sweep.sh";

export function manifestPath(dir: string): string {
  return `${dir}/${MANIFEST_FILE}`;
}

export function scriptPath(dir: string): string {
  return `${dir}/${SCRIPT_FILE}`;
}

/** The flags each task sets itself; giving them for the whole sweep is an error. */
export const TASK_FLAGS = ["checkpoint", "sigma", "shard", "out"] as const;

/** certify flags that name paths: made absolute, since tasks run in the repository, not where typed. */
const PATH_FLAGS = ["data-dir"];

const EXTENSION = /\.(safetensors|pth\.tar|pth|pt|tar|ckpt)$/i;

/**
 * Short, distinct names for the checkpoints: the file name without its extension, with as many
 * parent directories as it takes to tell them apart (the reference's noise_0.25/checkpoint.pth.tar
 * and noise_0.50/checkpoint.pth.tar become noise_0.25-checkpoint and noise_0.50-checkpoint).
 */
export function checkpointNames(paths: readonly string[]): string[] {
  const parts = paths.map((p) => p.replace(EXTENSION, "").split("/").filter((x) => x !== ""));
  const deepest = Math.max(...parts.map((p) => p.length));
  for (let depth = 1; depth <= deepest; depth++) {
    const names = parts.map((p) => p.slice(-depth).join("-"));
    if (new Set(names).size === names.length) return names;
  }
  throw new SweepError(`checkpoints given twice: ${paths.join(", ")}`);
}

/** Flags of the certify arguments that the sweep sets per task, or positional arguments. */
function refuseTaskFlags(args: readonly string[]): void {
  for (const a of args) {
    const name = /^--([^=]+)/.exec(a)?.[1];
    if (name !== undefined && (TASK_FLAGS as readonly string[]).includes(name)) {
      throw new SweepError(
        `--${name} is set for each task by the sweep (${
          TASK_FLAGS.map((f) => `--${f}`).join(", ")
        }); give the checkpoints and sigmas with the sweep's own --checkpoint and --sigma`,
      );
    }
  }
}

/** Checks a definition, naming what is wrong. */
export function validateDefinition(def: SweepDefinition): void {
  if (def.checkpoints.length === 0) throw new SweepError("no --checkpoint given");
  for (const c of def.checkpoints) {
    if (!isAbsolute(c)) throw new SweepError(`checkpoint ${c}: not an absolute path`);
  }
  checkpointNames(def.checkpoints);
  if (def.sigmas.length === 0) throw new SweepError("no --sigma given");
  if (def.sigmas.some((s) => !(s > 0 && Number.isFinite(s)))) {
    throw new SweepError(`every sigma must be a number > 0, got ${def.sigmas.join(", ")}`);
  }
  if (new Set(def.sigmas).size !== def.sigmas.length) {
    throw new SweepError(`a sigma is given twice: ${def.sigmas.join(", ")}`);
  }
  if (!Number.isSafeInteger(def.shards) || def.shards < 1) {
    throw new SweepError(`--shards must be an integer >= 1, got ${def.shards}`);
  }
  refuseTaskFlags(def.certifyArgs);
}

/** certify arguments with the paths of PATH_FLAGS made absolute against `cwd`. */
export function absolutePathArgs(args: readonly string[], cwd: string): string[] {
  const out = [...args];
  for (let i = 0; i < out.length; i++) {
    const separate = PATH_FLAGS.find((f) => out[i] === `--${f}`);
    if (separate !== undefined && i + 1 < out.length) {
      out[i + 1] = resolve(cwd, out[i + 1]);
      i++;
      continue;
    }
    const joined = PATH_FLAGS.find((f) => out[i].startsWith(`--${f}=`));
    if (joined !== undefined) out[i] = `--${joined}=${resolve(cwd, out[i].slice(joined.length + 3))}`;
  }
  return out;
}

/** The log of shard k of checkpoint `name` at `sigma`. */
export function shardLogPath(dir: string, name: string, sigma: number, shard: Shard): string {
  return `${dir}/logs/${name}/sigma_${sigma}/shard_${shard.k}_of_${shard.n}.tsv`;
}

/** Every task of the sweep, in task-id order. */
export function sweepTasks(dir: string, def: SweepDefinition): SweepTask[] {
  const names = checkpointNames(def.checkpoints);
  const tasks: SweepTask[] = [];
  def.checkpoints.forEach((checkpoint, c) => {
    def.sigmas.forEach((sigma, s) => {
      for (let k = 0; k < def.shards; k++) {
        const shard = { k, n: def.shards };
        const out = shardLogPath(dir, names[c], sigma, shard);
        tasks.push({
          id: (c * def.sigmas.length + s) * def.shards + k,
          checkpoint,
          name: names[c],
          sigma,
          shard,
          out,
          args: [
            "--checkpoint",
            checkpoint,
            "--sigma",
            String(sigma),
            "--shard",
            `${k}/${def.shards}`,
            "--out",
            out,
            ...def.certifyArgs,
          ],
        });
      }
    });
  });
  return tasks;
}

/** "0-3,5,7-8": task ids as Slurm's --array takes them. */
export function arrayRanges(ids: readonly number[]): string {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(",");
}

/** A word for bash: bare when it is plainly safe, else single-quoted. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_\/.,:=@%+-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** deno.json's certify task as the words after `deno` (run --lock=... cli/certify.ts). */
export function certifyCommandFrom(denoJson: string): string[] {
  const tasks = (JSON.parse(denoJson) as { tasks?: Record<string, string> }).tasks ?? {};
  const words = (tasks.certify ?? "").trim().split(/\s+/);
  if (words[0] !== "deno" || words[1] !== "run" || !words.some((w) => w.endsWith("cli/certify.ts"))) {
    throw new SweepError(`deno.json: the certify task is not a \`deno run ... cli/certify.ts\` command`);
  }
  return words.slice(1);
}

/**
 * The array job script: maps SLURM_ARRAY_TASK_ID to its certify arguments and runs certify in the
 * repository (as `deno task certify` would, without a second process in between).
 */
export function jobScript(dir: string, m: SweepManifest): string {
  const tasks = sweepTasks(dir, m);
  const q = shellQuote;
  const named = m.sbatch.some((o) => /^(--job-name|-J)\b/.test(o));
  return [
    "#!/bin/bash",
    "# A smoothcert certification sweep, written by `deno task slurm`: one array task per",
    "# (checkpoint, sigma, shard), each resuming its own log. Resubmit the unfinished tasks with",
    `#   deno task slurm submit --dir ${dir}`,
    ...(named ? [] : ["#SBATCH --job-name=smoothcert"]),
    `#SBATCH --array=0-${tasks.length - 1}`,
    `#SBATCH --output=${dir}/slurm/%A_%a.out`,
    ...m.sbatch.map((o) => `#SBATCH ${o}`),
    "set -euo pipefail",
    'task="${SLURM_ARRAY_TASK_ID:?run this script as a Slurm array job (sbatch --array=...)}"',
    'case "$task" in',
    ...tasks.map((t) => `  ${t.id}) args=(${t.args.map(q).join(" ")}) ;;`),
    `  *) echo "smoothcert sweep: no task $task (this sweep has tasks 0-${tasks.length - 1})" >&2; exit 2 ;;`,
    "esac",
    "# Which GPU this task was given: with one GPU per task (--gres=gpu:1) and Slurm's device cgroup",
    "# (ConstrainDevices=yes) it is the only one Vulkan can open; SMOOTHCERT_GPU=VENDOR:DEVICE picks",
    "# one by its PCI ids where several are visible.",
    'echo "smoothcert sweep task $task on $(hostname): SLURM_JOB_GPUS=${SLURM_JOB_GPUS:-none}' +
    ' CUDA_VISIBLE_DEVICES=${CUDA_VISIBLE_DEVICES:-unset} SMOOTHCERT_GPU=${SMOOTHCERT_GPU:-unset}" >&2',
    "# paths are absolute; the submitting shell's directory need not exist on this node",
    "unset INIT_CWD",
    `cd ${q(m.root)}`,
    `exec ${q(m.deno)} ${m.certify.map(q).join(" ")} "\${args[@]}"`,
    "",
  ].join("\n");
}

function show(v: unknown): string {
  return JSON.stringify(v);
}

/** How a new definition differs from the one a sweep directory holds (sbatch options may change). */
export function definitionDifferences(before: SweepDefinition, now: SweepDefinition): string[] {
  const keys = ["checkpoints", "sigmas", "shards", "certifyArgs"] as const;
  return keys.filter((k) => show(before[k]) !== show(now[k])).map((k) =>
    `${k}: ${show(before[k])} in the sweep, ${show(now[k])} now`
  );
}

/** The manifest of a sweep directory, or null when it holds none; a damaged one is an error. */
export function readManifest(dir: string): SweepManifest | null {
  let text: string;
  try {
    text = Deno.readTextFileSync(manifestPath(dir));
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return null;
    throw e;
  }
  let m: SweepManifest;
  try {
    m = JSON.parse(text) as SweepManifest;
  } catch (e) {
    throw new SweepError(`${manifestPath(dir)}: not JSON (${(e as Error).message})`);
  }
  const arrays = ["checkpoints", "sigmas", "certifyArgs", "sbatch", "certify", "jobs"] as const;
  const strings = ["root", "deno"] as const;
  if (
    m === null || typeof m !== "object" || m.version !== 1 || typeof m.shards !== "number" ||
    arrays.some((k) => !Array.isArray(m[k])) || strings.some((k) => typeof m[k] !== "string")
  ) {
    throw new SweepError(`${manifestPath(dir)}: not a sweep manifest of this version`);
  }
  return m;
}

/** Writes the manifest and the job script, and creates the directories Slurm and the logs need. */
export function writeSweep(dir: string, m: SweepManifest): void {
  Deno.mkdirSync(`${dir}/slurm`, { recursive: true });
  for (const t of sweepTasks(dir, m)) Deno.mkdirSync(dirname(t.out), { recursive: true });
  writeFileAtomic(manifestPath(dir), JSON.stringify(m, null, 1) + "\n");
  writeFileAtomic(scriptPath(dir), jobScript(dir, m));
  Deno.chmodSync(scriptPath(dir), 0o755);
}
