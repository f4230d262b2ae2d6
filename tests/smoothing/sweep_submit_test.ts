/**
 * Submitting again submits only what is unfinished: squeue's view of the sweep's jobs, the plan
 * (complete and still-queued tasks left out, locks of tasks Slurm no longer runs listed for removal),
 * and the sbatch and squeue command lines, through a recording command runner.
 */
import assert from "node:assert/strict";
import { type SubmittedJob, sweepTasks } from "../../smoothing/sweep.ts";
import { sweepProgress } from "../../smoothing/sweep_status.ts";
import {
  activeTasks,
  type CommandResult,
  type CommandRunner,
  planSubmission,
  queryActiveTasks,
  SlurmCommandError,
  submitArray,
} from "../../smoothing/sweep_submit.ts";
import { DEAD_PID, definition, lockShard, withDir, writeShardLog, writeTestSweep } from "./sweep_fixture.ts";

const JOBS: SubmittedJob[] = [{ id: "12", tasks: [0, 1, 2, 3, 4, 5, 6], at: "" }, {
  id: "15",
  tasks: [1],
  at: "",
}];

Deno.test("squeue lines of the sweep's jobs are its active tasks; other jobs are not", () => {
  const out = ["12_3", "12_[4-6%2]", "15_1", "13_0", "99", "garbage", " 12_0 ", ""].join("\n");
  assert.deepEqual(
    [...activeTasks(out, JOBS)].sort((a, b) => a[0] - b[0]),
    [[0, "12_0"], [1, "15_1"], [3, "12_3"], [4, "12_4"], [5, "12_5"], [6, "12_6"]],
  );
  assert.equal(activeTasks(out, []).size, 0);
});

/** A runner that answers from a table and records each command line. */
function recording(answers: Record<string, CommandResult>): CommandRunner & { calls: string[][] } {
  const calls: string[][] = [];
  const run = (command: string, args: string[]) => {
    calls.push([command, ...args]);
    return Promise.resolve(answers[command] ?? { code: 127, stdout: "", stderr: `${command}: not found` });
  };
  return Object.assign(run, { calls });
}

Deno.test("squeue and sbatch are called as Slurm expects; their failures are named", async () => {
  const ok = recording({
    squeue: { code: 0, stdout: "12_3\n", stderr: "" },
    sbatch: { code: 0, stdout: "20;cluster\n", stderr: "" },
  });
  assert.deepEqual([...(await queryActiveTasks(ok, JOBS)).keys()], [3]);
  assert.equal(await submitArray(ok, "/sw/sweep.sh", [0, 1, 2, 5], 2), "20");
  assert.deepEqual(ok.calls, [
    ["squeue", "--noheader", "--array", "--format=%i"],
    ["sbatch", "--parsable", "--array=0-2,5%2", "/sw/sweep.sh"],
  ]);
  // no job submitted yet: nothing to ask
  const none = recording({});
  assert.equal((await queryActiveTasks(none, [])).size, 0);
  assert.deepEqual(none.calls, []);
  const broken = recording({
    squeue: { code: 1, stdout: "", stderr: "slurm_load_jobs error: Unable to contact slurm controller" },
    sbatch: { code: 1, stdout: "", stderr: "sbatch: error: invalid partition specified: gpu" },
  });
  await assert.rejects(
    queryActiveTasks(broken, JOBS),
    (e: Error) =>
      e instanceof SlurmCommandError && /squeue failed \(exit 1\): slurm_load_jobs error/.test(e.message),
  );
  await assert.rejects(
    submitArray(broken, "/sw/sweep.sh", [1]),
    /sbatch failed \(exit 1\): .*invalid partition/,
  );
  await assert.rejects(submitArray(broken, "/sw/sweep.sh", []), /no tasks to submit/);
});

Deno.test("the plan leaves out complete and still-queued tasks, and removes locks Slurm's jobs no longer hold", () =>
  withDir(async (dir) => {
    const def = definition();
    writeTestSweep(dir, def);
    const t = sweepTasks(dir, def);
    writeShardLog(t[0], 9); // complete
    writeShardLog(t[1], 2); // still running in job 12 (so says squeue)
    const live = await lockShard(t[1], Deno.pid);
    writeShardLog(t[2], 4); // cancelled, its lock left by a process killed outright
    await lockShard(t[2], DEAD_PID);
    writeShardLog(t[4], 1); // failed, lock released
    const plan = planSubmission(await sweepProgress(dir, def), new Map([[1, "12_1"]]));
    assert.deepEqual(plan.complete, [0]);
    assert.deepEqual([...plan.active], [[1, "12_1"]]);
    assert.deepEqual(plan.submit, [2, 3, 4, 5]);
    assert.deepEqual(plan.staleLocks.map((s) => [s.task, s.path, s.holder.owner?.pid]), [
      [2, `${t[2].out}.lock`, DEAD_PID],
    ]);
    live?.release();
  }));
