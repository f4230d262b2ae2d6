/**
 * Submitting a sweep to Slurm, and submitting it again: only tasks that are neither complete nor
 * still queued or running in one of the sweep's earlier jobs go into the new array job, so running
 * the same submission twice never certifies an image twice, and a cancelled or failed task resumes
 * its own log. A task that Slurm no longer runs cannot be writing its log, so a lock left beside
 * that log (by a process killed with SIGKILL, or a node that went down) is removed before the task
 * is submitted again.
 */
import type { LockHolder } from "./output_lock.ts";
import { arrayRanges, type SubmittedJob, SweepError } from "./sweep.ts";
import type { SweepProgress } from "./sweep_status.ts";

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A Slurm command that failed (no controller, a refused option): not the user's flags at fault. */
export class SlurmCommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SlurmCommandError";
  }
}

/** Runs a Slurm command (sbatch, squeue); the CLI runs real ones. */
export type CommandRunner = (command: string, args: string[]) => Promise<CommandResult>;

/** Expands "3", "3-5" and "1,4-6%2" (an array job's pending range, throttle aside). */
function expandIndices(text: string): number[] {
  const out: number[] = [];
  for (const part of text.replace(/%\d+$/, "").split(",")) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (m === null) continue;
    const a = Number(m[1]), b = m[2] === undefined ? a : Number(m[2]);
    for (let i = a; i <= b; i++) out.push(i);
  }
  return out;
}

/**
 * The sweep's tasks Slurm still holds (pending or running), from `squeue --array --format=%i`
 * lines such as "12_3" (or "12_[4-7]"): task id -> Slurm's JOB_TASK id.
 */
export function activeTasks(squeueOutput: string, jobs: readonly SubmittedJob[]): Map<number, string> {
  const ids = new Set(jobs.map((j) => j.id));
  const active = new Map<number, string>();
  for (const line of squeueOutput.split("\n")) {
    const m = /^\s*(\d+)_(?:\[([^\]]+)\]|(\d+))\s*$/.exec(line);
    if (m === null || !ids.has(m[1])) continue;
    for (const t of m[2] !== undefined ? expandIndices(m[2]) : [Number(m[3])]) {
      active.set(t, `${m[1]}_${t}`);
    }
  }
  return active;
}

/** Asks squeue which of the sweep's tasks are still pending or running. */
export async function queryActiveTasks(
  run: CommandRunner,
  jobs: readonly SubmittedJob[],
): Promise<Map<number, string>> {
  if (jobs.length === 0) return new Map();
  const r = await run("squeue", ["--noheader", "--array", "--format=%i"]);
  if (r.code !== 0) {
    throw new SlurmCommandError(
      `squeue failed (exit ${r.code}): ${r.stderr.trim() || r.stdout.trim()}; without it the tasks still ` +
        "queued or running cannot be told from the unfinished ones",
    );
  }
  return activeTasks(r.stdout, jobs);
}

export interface SubmissionPlan {
  /** Tasks to submit: not complete, not held by Slurm. */
  submit: number[];
  /** Tasks Slurm still runs or holds in its queue (task -> JOB_TASK), left alone. */
  active: Map<number, string>;
  complete: number[];
  /** Locks beside the logs of tasks to submit: their writers are gone, so they are removed. */
  staleLocks: { task: number; path: string; holder: LockHolder }[];
}

export function planSubmission(progress: SweepProgress, active: Map<number, string>): SubmissionPlan {
  const plan: SubmissionPlan = { submit: [], active: new Map(), complete: [], staleLocks: [] };
  for (const t of progress.tasks) {
    const id = t.task.id;
    if (t.state === "complete") plan.complete.push(id);
    else if (active.has(id)) plan.active.set(id, active.get(id)!);
    else {
      plan.submit.push(id);
      if (t.lock !== null) plan.staleLocks.push({ task: id, path: `${t.task.out}.lock`, holder: t.lock });
    }
  }
  return plan;
}

/** Submits the tasks as one array job; returns Slurm's job id. */
export async function submitArray(
  run: CommandRunner,
  script: string,
  tasks: readonly number[],
  maxRunning?: number,
): Promise<string> {
  if (tasks.length === 0) throw new SweepError("no tasks to submit");
  const array = arrayRanges(tasks) + (maxRunning === undefined ? "" : `%${maxRunning}`);
  const r = await run("sbatch", ["--parsable", `--array=${array}`, script]);
  const id = /^(\d+)/.exec(r.stdout.trim())?.[1];
  if (r.code !== 0 || id === undefined) {
    throw new SlurmCommandError(`sbatch failed (exit ${r.code}): ${r.stderr.trim() || r.stdout.trim()}`);
  }
  return id;
}
