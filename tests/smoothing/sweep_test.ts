/**
 * Sweep definitions: checkpoint names, refusals, the task -> (checkpoint, sigma, shard) mapping,
 * the array job script (run by bash with a stand-in for deno, to see the exact arguments each task
 * gets), Slurm's array ranges, and the manifest.
 */
import assert from "node:assert/strict";
import {
  absolutePathArgs,
  arrayRanges,
  certifyCommandFrom,
  checkpointNames,
  definitionDifferences,
  jobScript,
  readManifest,
  shellQuote,
  SweepError,
  type SweepManifest,
  sweepTasks,
  validateDefinition,
} from "../../smoothing/sweep.ts";
import { assertThrows } from "../helpers.ts";
import { definition, withDir } from "./sweep_fixture.ts";

const ROOT = new URL("../../", import.meta.url).pathname.replace(/\/$/, "");

Deno.test("checkpoint names: the file name, with parent directories only where needed to tell them apart", () => {
  assert.deepEqual(checkpointNames(["/m/a.safetensors", "/m/b.pth.tar"]), ["a", "b"]);
  assert.deepEqual(
    checkpointNames(["/ref/noise_0.25/checkpoint.pth.tar", "/ref/noise_0.50/checkpoint.pth.tar"]),
    ["noise_0.25-checkpoint", "noise_0.50-checkpoint"],
  );
  assert.deepEqual(checkpointNames(["/x/a/m.pt", "/y/a/m.pt"]), ["x-a-m", "y-a-m"]);
  assertThrows(() => checkpointNames(["/m/a.pt", "/m/a.pt"]), SweepError, "checkpoints given twice");
});

Deno.test("definitions are refused with the reason named", () => {
  validateDefinition(definition());
  const refuse = (patch: object, text: string) =>
    assertThrows(() => validateDefinition({ ...definition(), ...patch }), SweepError, text);
  refuse({ checkpoints: [] }, "no --checkpoint given");
  refuse({ checkpoints: ["models/a.pt"] }, "checkpoint models/a.pt: not an absolute path");
  refuse({ sigmas: [] }, "no --sigma given");
  refuse({ sigmas: [0.25, 0.25] }, "a sigma is given twice");
  refuse({ sigmas: [0] }, "every sigma must be a number > 0");
  refuse({ shards: 0 }, "--shards must be an integer >= 1");
  for (const flag of ["--shard", "--out=x.tsv", "--sigma", "--checkpoint"]) {
    refuse({ certifyArgs: ["--N", "10", flag, "1"] }, `${flag.replace(/=.*/, "")} is set for each task`);
  }
});

Deno.test("paths in certify's flags are made absolute (tasks run in the repository)", () => {
  assert.deepEqual(absolutePathArgs(["--data-dir", "data/c", "--N", "5"], "/home/u"), [
    "--data-dir",
    "/home/u/data/c",
    "--N",
    "5",
  ]);
  assert.deepEqual(absolutePathArgs(["--data-dir=../c", "--skip", "20"], "/home/u/w"), [
    "--data-dir=/home/u/c",
    "--skip",
    "20",
  ]);
  assert.deepEqual(absolutePathArgs(["--data-dir", "/abs"], "/home"), ["--data-dir", "/abs"]);
});

Deno.test("task t is checkpoint c, sigma s, shard k with t = (c * sigmas + s) * shards + k", () => {
  const def = definition(3, ["/m/a.safetensors", "/m/b.safetensors"]);
  const tasks = sweepTasks("/sw", def);
  assert.equal(tasks.length, 2 * 2 * 3);
  tasks.forEach((t, i) => assert.equal(t.id, i));
  const t = tasks[(1 * 2 + 1) * 3 + 2];
  assert.equal(t.checkpoint, "/m/b.safetensors");
  assert.equal(t.sigma, 0.5);
  assert.deepEqual(t.shard, { k: 2, n: 3 });
  assert.equal(t.out, "/sw/logs/b/sigma_0.5/shard_2_of_3.tsv");
  assert.deepEqual(t.args, [
    "--checkpoint",
    "/m/b.safetensors",
    "--sigma",
    "0.5",
    "--shard",
    "2/3",
    "--out",
    "/sw/logs/b/sigma_0.5/shard_2_of_3.tsv",
    ...def.certifyArgs,
  ]);
});

Deno.test("array ranges and shell quoting", () => {
  assert.equal(arrayRanges([5, 0, 1, 2, 3, 7, 8, 3]), "0-3,5,7-8");
  assert.equal(arrayRanges([4]), "4");
  assert.equal(shellQuote("/a/b-c_d.tsv"), "/a/b-c_d.tsv");
  assert.equal(shellQuote("it's here"), `'it'\\''s here'`);
  assert.equal(shellQuote("$HOME"), "'$HOME'");
});

Deno.test("certify's command comes from deno.json's certify task", () => {
  const denoJson = Deno.readTextFileSync(`${ROOT}/deno.json`);
  const task = (JSON.parse(denoJson) as { tasks: Record<string, string> }).tasks.certify;
  assert.deepEqual(certifyCommandFrom(denoJson), task.split(/\s+/).slice(1));
  assertThrows(
    () => certifyCommandFrom(JSON.stringify({ tasks: { certify: "node cli/certify.js" } })),
    SweepError,
    "the certify task is not a `deno run ... cli/certify.ts` command",
  );
});

async function bash(script: string, env: Record<string, string>) {
  const r = await new Deno.Command("bash", { args: [script], env, stdout: "piped", stderr: "piped" })
    .output();
  const dec = new TextDecoder();
  return { code: r.code, stdout: dec.decode(r.stdout), stderr: dec.decode(r.stderr) };
}

Deno.test("the job script runs certify in the repository with each task's arguments, exactly", () =>
  withDir(async (dir) => {
    // a stand-in for deno that prints its working directory and arguments, one per line
    const argv = `${dir}/argv.sh`;
    Deno.writeTextFileSync(argv, '#!/bin/bash\nprintf "%s\\n" "$PWD" "$@"\n');
    Deno.chmodSync(argv, 0o755);
    const odd = `${dir}/it's a model $1.safetensors`;
    const def = { ...definition(2, [odd]), sbatch: ["--gres=gpu:1", "--time=1:00:00"] };
    const m: SweepManifest = {
      version: 1,
      ...def,
      root: dir,
      deno: argv,
      certify: ["run", "--lock=locks/certify.lock", "cli/certify.ts"],
      jobs: [],
    };
    const script = `${dir}/sweep.sh`;
    Deno.writeTextFileSync(script, jobScript(dir, m));
    const text = Deno.readTextFileSync(script);
    for (
      const line of [
        "#SBATCH --job-name=smoothcert",
        "#SBATCH --array=0-3",
        `#SBATCH --output=${dir}/slurm/%A_%a.out`,
        "#SBATCH --gres=gpu:1",
        "#SBATCH --time=1:00:00",
      ]
    ) assert.ok(text.split("\n").includes(line), `${line} in the script`);
    const tasks = sweepTasks(dir, def);
    for (const t of tasks) {
      const r = await bash(script, { SLURM_ARRAY_TASK_ID: String(t.id), INIT_CWD: "/nonexistent" });
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(r.stdout.trimEnd().split("\n"), [dir, ...m.certify, ...t.args]);
      assert.match(r.stderr, new RegExp(`smoothcert sweep task ${t.id} on .*: SLURM_JOB_GPUS=none`));
    }
    const none = await bash(script, { SLURM_ARRAY_TASK_ID: "4" });
    assert.equal(none.code, 2);
    assert.match(none.stderr, /no task 4 \(this sweep has tasks 0-3\)/);
    const outside = await bash(script, {});
    assert.notEqual(outside.code, 0);
    assert.match(outside.stderr, /run this script as a Slurm array job/);
    // a job name of the user's replaces ours
    const named = jobScript(dir, { ...m, sbatch: ["--job-name=cifar"] });
    assert.ok(!named.includes("--job-name=smoothcert") && named.includes("#SBATCH --job-name=cifar"));
  }));

Deno.test("a sweep may change its sbatch options, not what it certifies; a damaged manifest is named", () =>
  withDir((dir) => {
    const def = definition();
    assert.deepEqual(definitionDifferences(def, { ...def, sbatch: ["--time=9:00:00"] }), []);
    assert.deepEqual(definitionDifferences(def, { ...def, sigmas: [0.25], shards: 4 }), [
      "sigmas: [0.25,0.5] in the sweep, [0.25] now",
      "shards: 3 in the sweep, 4 now",
    ]);
    assert.equal(readManifest(dir), null);
    Deno.writeTextFileSync(`${dir}/sweep.json`, "{");
    assertThrows(() => readManifest(dir), SweepError, "sweep.json: not JSON");
    Deno.writeTextFileSync(`${dir}/sweep.json`, JSON.stringify({ version: 2 }));
    assertThrows(() => readManifest(dir), SweepError, "not a sweep manifest of this version");
  }));
