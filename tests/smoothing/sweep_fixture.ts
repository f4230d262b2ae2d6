/** Sweeps on disk for tests: a definition, and shard logs written as certify would leave them. */
import { hostname } from "node:os";
import { OutputLock } from "../../smoothing/output_lock.ts";
import { CERTIFY_HEADER, formatTimedelta } from "../../smoothing/log.ts";
import { recordPath, type RunRecord } from "../../smoothing/run_record.ts";
import { selectIndices } from "../../smoothing/selection.ts";
import { type SweepDefinition, type SweepTask, writeSweep } from "../../smoothing/sweep.ts";

/** Every 400th of 10,000 images: 25 in all. */
export const RECORD: RunRecord = {
  dataset: "mnist",
  split: "test",
  images: 10000,
  skip: 400,
  max: -1,
  N0: 20,
  N: 200,
  alpha: 0.001,
  seed: 0,
  mode: "fixed",
  checkpointSha256: "ab",
};

export function definition(shards = 3, checkpoints = ["/models/a.safetensors"]): SweepDefinition {
  return {
    checkpoints,
    sigmas: [0.25, 0.5],
    shards,
    certifyArgs: ["--dataset", "mnist", "--skip", "400", "--N0", "20", "--N", "200"],
    sbatch: ["--gres=gpu:1"],
  };
}

/** Writes the sweep's manifest and script into dir. */
export function writeTestSweep(dir: string, def: SweepDefinition): void {
  writeSweep(dir, {
    version: 1,
    ...def,
    root: "/repo",
    deno: "/bin/deno",
    certify: ["run", "cli/certify.ts"],
    jobs: [],
  });
}

/** The task's selection of RECORD's images. */
export function selection(task: SweepTask): number[] {
  return selectIndices(RECORD.images as number, RECORD.skip as number, RECORD.max as number, task.shard);
}

/** A shard log with the first `count` images of its selection, each taking `seconds`, and its record. */
export function writeShardLog(task: SweepTask, count: number, seconds = 2, record: RunRecord = RECORD): void {
  const rows = selection(task).slice(0, count).map((idx) =>
    [idx, idx % 10, idx % 10, "0.5", 1, formatTimedelta(seconds)].join("\t")
  );
  Deno.writeTextFileSync(task.out, [CERTIFY_HEADER, ...rows].join("\n") + "\n");
  Deno.writeTextFileSync(
    recordPath(task.out),
    JSON.stringify({
      ...record,
      checkpointPath: task.checkpoint,
      sigma: task.sigma,
      shard: `${task.shard.k}/${task.shard.n}`,
    }),
  );
}

/** A lock beside the task's log, held by `pid` on this host (a live pid: running; a dead one: stale). */
/**
 * A shard's lock: held by this process (pid = Deno.pid), as a running certify holds it, or a lock file
 * left by a process killed outright (any other pid): nobody holds its flock.
 */
export async function lockShard(task: SweepTask, pid: number): Promise<OutputLock | null> {
  if (pid === Deno.pid) return await OutputLock.acquire(task.out);
  Deno.writeTextFileSync(
    `${task.out}.lock`,
    JSON.stringify({ pid, host: hostname(), since: "2026-01-01T00:00:00Z" }) + "\n",
  );
  return null;
}

export const DEAD_PID = 2 ** 22 + 7;

export { withTempDir as withDir } from "../helpers.ts";
