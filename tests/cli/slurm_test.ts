/**
 * `deno task slurm` without a cluster: `write` writes the sweep (manifest and array job script);
 * mistakes are refused before anything reaches Slurm (certify's flags are checked by certify's own
 * parser); `status` and `merge` read the shard logs. Submission on a real Slurm is in
 * slurm_cluster_test.ts.
 */
import assert from "node:assert/strict";
import { slurmCommand } from "../../cli/slurm.ts";
import { readLog } from "../../smoothing/log.ts";
import { readRunRecord } from "../../smoothing/run_record.ts";
import { readManifest, sweepTasks } from "../../smoothing/sweep.ts";
import { withDir, writeShardLog } from "../smoothing/sweep_fixture.ts";
import { ROOT, runCli, runInProcess } from "./run_cli.ts";

const MODEL = `${ROOT}models/mnist_cnn_gaussian_0.25.safetensors`;
const OTHER = `${ROOT}models/mnist_cnn_smoothadv_0.25.safetensors`;
const slurm = (args: string[]) => runInProcess(slurmCommand, args);

function define(dir: string, extra: string[] = []): string[] {
  return [
    "--dir",
    dir,
    "--checkpoint",
    MODEL,
    "--checkpoint",
    OTHER,
    "--sigma",
    "0.25,0.5",
    "--shards",
    "3",
    "--gres",
    "gpu:1",
    "--time",
    "2:00:00",
    ...extra,
    "--",
    "--dataset",
    "mnist",
    "--skip",
    "400",
    "--N",
    "200",
  ];
}

Deno.test("write: the manifest and a 12-task array script, with the sbatch options given", () =>
  withDir(async (dir) => {
    const r = await slurm(["write", ...define(`${dir}/sw`, ["--sbatch=--constraint=a100"])]);
    assert.equal(r.code, 0, r.err);
    assert.match(
      r.out,
      /wrote .*sw\/sweep\.sh: 12 task\(s\) \(2 checkpoint\(s\) x 2 sigma\(s\) x 3 shard\(s\)\)/,
    );
    assert.equal(r.err, "");
    const m = readManifest(`${dir}/sw`)!;
    assert.deepEqual(m.checkpoints, [MODEL, OTHER]);
    assert.deepEqual(m.sigmas, [0.25, 0.5]);
    assert.deepEqual(m.sbatch, ["--gres=gpu:1", "--time=2:00:00", "--constraint=a100"]);
    assert.deepEqual(m.certifyArgs, ["--dataset", "mnist", "--skip", "400", "--N", "200"]);
    assert.equal(m.root, ROOT.replace(/\/$/, ""));
    assert.equal(m.deno, Deno.execPath());
    const script = Deno.readTextFileSync(`${dir}/sw/sweep.sh`);
    assert.match(
      script,
      /#SBATCH --array=0-11\n[\s\S]*#SBATCH --gres=gpu:1\n#SBATCH --time=2:00:00\n#SBATCH --constraint=a100\n/,
    );
    assert.ok(script.includes("  11) args=(--checkpoint " + OTHER + " --sigma 0.5 --shard 2/3 --out "));
    assert.ok((Deno.statSync(`${dir}/sw/sweep.sh`).mode! & 0o111) !== 0, "the script is executable");
    // the same sweep again, by its directory alone, with a longer time limit: only sbatch changes
    const again = await slurm(["write", "--dir", `${dir}/sw`, "--time", "8:00:00"]);
    assert.equal(again.code, 0, again.err);
    assert.deepEqual(readManifest(`${dir}/sw`)!.sbatch, ["--time=8:00:00"]);
    assert.deepEqual(readManifest(`${dir}/sw`)!.certifyArgs, m.certifyArgs);
  }));

Deno.test("mistakes are refused before anything is submitted, each named", () =>
  withDir(async (dir) => {
    const refuse = async (args: string[], pattern: RegExp) => {
      const r = await slurm(args);
      assert.equal(r.code, 2, `${args.join(" ")}: ${r.err}`);
      assert.match(r.err, pattern);
    };
    await refuse(["start", "--dir", dir], /unknown action 'start' \(expected write, submit, status, merge\)/);
    await refuse(["write"], /--dir is required/);
    await refuse(["write", "--dir", dir], /holds no sweep yet: give --checkpoint, --sigma, --shards/);
    await refuse(["write", "--dir", dir, "--checkpoint", MODEL], /a sweep needs --sigma, --shards/);
    await refuse(
      ["write", ...define(dir).map((a) => a === MODEL ? `${dir}/none.safetensors` : a)],
      /--checkpoint .*none\.safetensors: no such file/,
    );
    await refuse(
      ["write", ...define(dir), "--skp", "5"],
      /certify flags after --: unknown option '--skp' \(did you mean --skip\?\)/,
    );
    await refuse(
      ["write", ...define(dir), "--N", "many"],
      /certify flags after --: --N must be a number, got 'many'/,
    );
    await refuse(["write", ...define(dir), "--out", "x.tsv"], /--out is set for each task by the sweep/);
    await refuse(["write", ...define(dir), "mnist"], /certify flags after --: unexpected argument 'mnist'/);
    await refuse(["status", "--dir", dir], /holds no sweep \(no .*sweep\.json\)/);
    // a sweep directory keeps what it certifies
    assert.equal((await slurm(["write", ...define(`${dir}/sw`)])).code, 0);
    await refuse(
      ["write", ...define(`${dir}/sw`).map((a) => a === "0.25,0.5" ? "0.5" : a)],
      /holds another sweep; use another --dir[\s\S]*sigmas: \[0\.25,0\.5\] in the sweep, \[0\.5\] now/,
    );
    await refuse(
      ["status", ...define(`${dir}/sw`)],
      /status reads the sweep in --dir; it takes no sweep definition/,
    );
  }));

Deno.test("certify's path flags are made absolute against where the command was typed", () =>
  withDir(async (dir) => {
    // as `deno task slurm` typed in `dir` runs it: in the repository root, with INIT_CWD = dir (a
    // subprocess, since changing this process's directory would move the test files running beside it)
    const r = await runCli("slurm.ts", ["write", ...define("sw"), "--data-dir", "data/mnist"], {
      INIT_CWD: dir,
    });
    assert.equal(r.code, 0, r.stderr);
    const m = readManifest(`${dir}/sw`)!;
    assert.deepEqual(m.certifyArgs.slice(-2), ["--data-dir", `${dir}/data/mnist`]);
    assert.ok(sweepTasks(`${dir}/sw`, m).every((t) => t.out.startsWith(`${dir}/sw/logs/`)));
  }));

Deno.test("status prints done / total per (checkpoint, sigma); merge merges the complete ones, checked", () =>
  withDir(async (dir) => {
    const sw = `${dir}/sw`;
    assert.equal((await slurm(["write", ...define(sw)])).code, 0);
    const m = readManifest(sw)!;
    const tasks = sweepTasks(sw, m);
    // mnist_cnn_gaussian_0.25 at sigma 0.25 complete; at 0.5 one shard cut short
    for (const t of tasks.slice(0, 3)) writeShardLog(t, 9, 1.5);
    writeShardLog(tasks[3], 9, 3);
    writeShardLog(tasks[4], 8, 3);
    writeShardLog(tasks[5], 2, 3);
    let r = await slurm(["status", "--dir", sw]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^sweep .*sw: 2 checkpoint\(s\) x 2 sigma\(s\) x 3 shard\(s\)\n\n/);
    assert.match(r.out, /mnist_cnn_gaussian_0\.25\s+0\.25\s+25\/25 \(100%\)\s+3\/3\s+0\s+1\.50\s+done\n/);
    assert.match(r.out, /mnist_cnn_gaussian_0\.25\s+0\.5\s+19\/25 \(76%\)\s+2\/3\s+0\s+3\.00\s+18 s\n/);
    // a checkpoint not yet started is estimated at the sweep's rate: (25 * 1.5 + 19 * 3) s / 44 images
    assert.match(r.out, /mnist_cnn_smoothadv_0\.25\s+0\.25\s+0\/25 \(0%\)\s+0\/3\s+0\s+2\.15\s+19 s\n/);
    assert.match(r.out, /all: 44\/100 \(44%\) images; 2\.1 min of process time left, 19 s if every/);
    r = await slurm(["merge", "--dir", sw]);
    assert.equal(r.code, 0, r.err);
    const merged = `${sw}/merged/mnist_cnn_gaussian_0.25_sigma_0.25.tsv`;
    assert.match(r.out, new RegExp(`mnist_cnn_gaussian_0\\.25 sigma 0\\.25: 25 rows -> ${merged}\n`));
    assert.match(r.out, /mnist_cnn_gaussian_0\.25 sigma 0\.5: 2\/3 shards complete, not merged\n/);
    assert.match(r.out, /mnist_cnn_smoothadv_0\.25 sigma 0\.5: 0\/3 shards complete, not merged\n/);
    assert.deepEqual(readLog(merged).rows.map((x) => x.idx), Array.from({ length: 25 }, (_, i) => i * 400));
    assert.equal(readRunRecord(merged)!.shard, "0/1");
    r = await slurm(["merge", "--dir", sw, "--partial"]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /mnist_cnn_gaussian_0\.25 sigma 0\.5: 19 rows -> /);
    assert.match(r.err, /note: .*shard_2_of_3\.tsv \(shard 2\/3\) is incomplete: 6 of 8 images missing/);
    assert.match(r.out, /mnist_cnn_smoothadv_0\.25 sigma 0\.25: no shard started, nothing to merge\n/);
  }));
