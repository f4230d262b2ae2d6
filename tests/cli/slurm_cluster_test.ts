/**
 * `deno task slurm` on a real Slurm (a single node started by the test, tests/cli/local_slurm.ts):
 * an array of 3 shards certifies MNIST test images with the shipped model, and the shards merged
 * with `analyze --merge` equal a single-process run (time column aside). Then one array task is
 * cancelled with scancel while it certifies; it releases its log, the same submission run again
 * submits only that task, which resumes its log, and the merge again equals the single-process run.
 */
import assert from "node:assert/strict";
import { analyze } from "../../cli/analyze.ts";
import { certifyCommand } from "../../cli/certify.ts";
import { slurmCommand } from "../../cli/slurm.ts";
import { readLog } from "../../smoothing/log.ts";
import { readManifest, shardLogPath } from "../../smoothing/sweep.ts";
import { type LocalSlurm, startLocalSlurm } from "./local_slurm.ts";
import { ROOT, rowsWithoutTime, runInProcess } from "./run_cli.ts";

const MODEL = `${ROOT}models/mnist_cnn_gaussian_0.25.safetensors`;
// 25 images (every 400th), shards of 9, 8 and 8; one image at a time so rows appear one by one
const CERTIFY = ["--dataset", "mnist", "--skip", "400", "--N0", "20", "--N", "200", "--batch", "200"];
const ONE_AT_A_TIME = ["--in-flight", "1"];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The sweep's tasks Slurm still holds for a job. */
async function queued(slurm: LocalSlurm, job: string): Promise<string[]> {
  const r = await slurm.run("squeue", ["--noheader", "--array", "--format=%i", `--jobs=${job}`]);
  // squeue forgets a job some time after it ends and then reports the id as invalid
  if (r.code !== 0 && /Invalid job id/i.test(r.stderr)) return [];
  assert.equal(r.code, 0, r.stderr);
  return r.stdout.split("\n").map((l) => l.trim()).filter((l) => l !== "");
}

async function waitForJob(slurm: LocalSlurm, job: string, seconds = 600): Promise<void> {
  const end = Date.now() + seconds * 1000;
  while ((await queued(slurm, job)).length > 0) {
    if (Date.now() > end) throw new Error(`job ${job} still queued after ${seconds} s\n${slurm.logs()}`);
    await sleep(500);
  }
}

async function slurm(args: string[]): Promise<{ code: number; out: string; err: string }> {
  return await runInProcess(slurmCommand, args);
}

function lastJob(dir: string): { id: string; tasks: number[] } {
  const jobs = readManifest(dir)!.jobs;
  return jobs[jobs.length - 1];
}

/** What each task's Slurm output says, for a failure message. */
function taskOutputs(dir: string): string {
  const out: string[] = [];
  for (const e of Deno.readDirSync(`${dir}/slurm`)) {
    out.push(`--- ${e.name}\n${Deno.readTextFileSync(`${dir}/slurm/${e.name}`).slice(-1500)}`);
  }
  return out.join("\n");
}

async function mergeEqualsSingle(dir: string, single: string): Promise<void> {
  const logs = [0, 1, 2].map((k) => shardLogPath(dir, "mnist_cnn_gaussian_0.25", 0.25, { k, n: 3 }));
  const merged = `${dir}/all.tsv`;
  const r = await runInProcess(analyze, ["--merge", merged, ...logs]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /merged 25 rows from 3 logs/);
  assert.deepEqual(rowsWithoutTime(Deno.readTextFileSync(merged)), rowsWithoutTime(single));
}

Deno.test({
  name: "a 3-shard array on a real Slurm merges into the single-process log, also after a task is cancelled",
  sanitizeOps: false,
  sanitizeResources: false,
  fn: async () => {
    const local = await startLocalSlurm();
    const work = await Deno.makeTempDir({ prefix: "smoothcert-sweep-" });
    const conf = Deno.env.get("SLURM_CONF");
    Deno.env.set("SLURM_CONF", local.env.SLURM_CONF);
    try {
      // the single-process run the merged shards must equal
      const ref = await runInProcess(certifyCommand, [
        ...CERTIFY,
        "--checkpoint",
        MODEL,
        "--sigma",
        "0.25",
        "--out",
        `${work}/single.tsv`,
      ]);
      assert.equal(ref.code, 0, ref.err);
      const single = Deno.readTextFileSync(`${work}/single.tsv`);
      assert.equal(readLog(`${work}/single.tsv`).rows.length, 25);

      const define = [
        "--checkpoint",
        MODEL,
        "--sigma",
        "0.25",
        "--shards",
        "3",
        "--cpus-per-task",
        "1",
        "--",
        ...CERTIFY,
        ...ONE_AT_A_TIME,
      ];

      // 1. submit, wait, merge
      const a = `${work}/a`;
      let r = await slurm(["submit", "--dir", a, ...define]);
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /submitted job \d+: 3 task\(s\) \(0 of 3 complete\)/);
      await waitForJob(local, lastJob(a).id);
      r = await slurm(["status", "--dir", a]);
      assert.match(
        r.out,
        /mnist_cnn_gaussian_0\.25\s+0\.25\s+25\/25 \(100%\)\s+3\/3\s+0\s+[\d.]+\s+done/,
        taskOutputs(a),
      );
      await mergeEqualsSingle(a, single);
      r = await slurm(["submit", "--dir", a, ...define]);
      assert.equal(r.code, 0, r.err);
      assert.equal(r.out, "nothing to submit: 3 of 3 complete\n");

      // 2. cancel task 1 while it certifies, submit again: only task 1 runs, resuming its log
      const b = `${work}/b`;
      r = await slurm(["submit", "--dir", b, ...define]);
      assert.equal(r.code, 0, r.err);
      const first = lastJob(b).id;
      const log1 = shardLogPath(b, "mnist_cnn_gaussian_0.25", 0.25, { k: 1, n: 3 });
      const rows = () => {
        try {
          return readLog(log1).rows.length;
        } catch {
          return 0;
        }
      };
      const end = Date.now() + 600_000;
      while (rows() === 0) {
        if (Date.now() > end) throw new Error(`task 1 never logged a row\n${taskOutputs(b)}`);
        await sleep(100);
      }
      const cancel = await local.run("scancel", [`${first}_1`]);
      assert.equal(cancel.code, 0, cancel.stderr);
      await waitForJob(local, first);
      const kept = rows();
      assert.ok(kept >= 1 && kept < 8, `task 1 was cancelled mid-run (${kept} of 8 rows)\n${taskOutputs(b)}`);
      assert.throws(
        () => Deno.statSync(`${log1}.lock`),
        Deno.errors.NotFound,
        "the cancelled task released its lock",
      );
      assert.match(
        Deno.readTextFileSync(`${b}/slurm/${first}_1.out`),
        /CANCELLED[\s\S]*certify: interrupted/,
      );
      r = await slurm(["status", "--dir", b]);
      assert.match(r.out, /2\/3\s+0\s/, "two shards complete, none running");

      r = await slurm(["submit", "--dir", b]);
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /submitted job \d+: 1 task\(s\) \(2 of 3 complete\)/);
      const second = lastJob(b);
      assert.deepEqual(second.tasks, [1]);
      await waitForJob(local, second.id);
      assert.match(
        Deno.readTextFileSync(`${b}/slurm/${second.id}_1.out`),
        new RegExp(`resuming .*shard_1_of_3\\.tsv: ${kept} image\\(s\\) already certified`),
      );
      await mergeEqualsSingle(b, single);
      r = await slurm(["submit", "--dir", b]);
      assert.equal(r.out, "nothing to submit: 3 of 3 complete\n");
    } finally {
      if (conf === undefined) Deno.env.delete("SLURM_CONF");
      else Deno.env.set("SLURM_CONF", conf);
      await local.stop();
      await Deno.remove(work, { recursive: true });
    }
  },
});
