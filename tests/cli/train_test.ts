/**
 * `deno task train` end to end on a slice of MNIST: Gaussian training resumed after its first epoch ends
 * with exactly the weights of an uninterrupted run; SmoothAdv with PGD and with DDN run and log the
 * reference's columns; MACER, Consistency and SmoothMix run with their references' defaults; bad flags
 * are refused.
 *
 * The command runs in-process: everything it keeps between epochs is in its output directory, which
 * is what a resumed run reads, and the test process's compiled kernels are reused (on the software
 * adapter each new process spends most of a minute compiling convolution pipelines).
 */
import assert from "node:assert/strict";
import { trainCommand } from "../../cli/train.ts";
import { loadSafetensorsFile } from "../../nn/checkpoint/safetensors.ts";
import { runInProcess } from "./run_cli.ts";

async function train(args: string[]): Promise<{ code: number; stderr: string }> {
  const r = await runInProcess(trainCommand, args);
  return { code: r.code, stderr: r.err };
}

const SMALL = [
  "--dataset",
  "mnist",
  "--noise-sd",
  "0.25",
  "--batch",
  "64",
  "--lr",
  "0.01",
  "--train-limit",
  "320",
  "--test-limit",
  "100",
];

Deno.test({
  name: "training resumed after an interruption reproduces the uninterrupted run's weights bit for bit",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const dir = await Deno.makeTempDir();
    const a = await train([...SMALL, "--epochs", "2", "--out", `${dir}/a`]);
    assert.equal(a.code, 0, a.stderr);
    const b1 = await train([...SMALL, "--epochs", "1", "--out", `${dir}/b`]);
    assert.equal(b1.code, 0, b1.stderr);
    const b2 = await train([...SMALL, "--epochs", "2", "--resume", "--out", `${dir}/b`]);
    assert.equal(b2.code, 0, b2.stderr);
    assert.match(b2.stderr, /resuming after epoch 0/);
    const wa = (await loadSafetensorsFile(`${dir}/a/checkpoint.safetensors`)).tensors;
    const wb = (await loadSafetensorsFile(`${dir}/b/checkpoint.safetensors`)).tensors;
    assert.deepEqual([...wa.keys()], [...wb.keys()]);
    for (const [k, t] of wa) assert.deepEqual(wb.get(k)!.data, t.data, `${k} differs after resuming`);
    assert.ok([...wa.keys()].some((k) => k.startsWith("optimizer.momentum_buffer.")));
    const log = await Deno.readTextFile(`${dir}/b/log.tsv`);
    assert.equal(log.split("\n")[0], "epoch\ttime\tlr\ttrain loss\ttrain acc\ttestloss\ttest acc");
    assert.equal(log.trim().split("\n").length, 3);
    const mismatch = await train([
      ...SMALL,
      "--lr",
      "0.02",
      "--epochs",
      "3",
      "--resume",
      "--out",
      `${dir}/b`,
    ]);
    assert.equal(mismatch.code, 2);
    assert.match(mismatch.stderr, /trained with other settings/);
    await Deno.remove(dir, { recursive: true });
  },
});

Deno.test({
  name: "SmoothAdv training runs with PGD (multi-noise) and DDN (single noise)",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const dir = await Deno.makeTempDir();
    for (const [attack, extra] of [["pgd", ["--train-multi-noise"]], ["ddn", []]] as const) {
      const r = await train([
        ...SMALL,
        "--train-limit",
        "128",
        "--method",
        "smoothadv",
        "--attack",
        attack,
        "--num-steps",
        "2",
        "--epsilon",
        "64",
        "--num-noise-vec",
        "2",
        ...extra,
        "--epochs",
        "1",
        "--out",
        `${dir}/${attack}`,
      ]);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, new RegExp(`smoothadv ${attack} T=2 m=2`));
      const rows = (await Deno.readTextFile(`${dir}/${attack}/log.tsv`)).trim().split("\n");
      assert.equal(rows.length, 2);
      const cols = rows[1].split("\t").map(Number);
      assert.ok(cols.every(Number.isFinite), rows[1]);
    }
    await Deno.remove(dir, { recursive: true });
  },
});

Deno.test({
  name: "MACER, Consistency and SmoothMix training run, record their knobs and log the reference's columns",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const dir = await Deno.makeTempDir();
    const runs: [string, string[], RegExp, Record<string, unknown>][] = [
      ["macer", ["--num-noise-vec", "4"], /macer m=4/, { lbd: 12, margin: 8, beta: 16, deferred: false }],
      ["consistency", [], /consistency m=2/, { lbd: 10, eta: 0.5 }],
      ["smoothmix", ["--num-steps", "2", "--num-noise-vec", "2", "--eta", "5"], /smoothmix T=2 m=2/, {
        stepSize: 1,
        eta: 5,
        mixStep: 0,
        maxnormS: null,
        maxnorm: null,
      }],
    ];
    for (const [method, extra, said, knobs] of runs) {
      const out = `${dir}/${method}`;
      const r = await train([
        ...SMALL,
        "--train-limit",
        "64",
        "--method",
        method,
        ...extra,
        "--epochs",
        "1",
        "--out",
        out,
      ]);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, said);
      const rows = (await Deno.readTextFile(`${out}/log.tsv`)).trim().split("\n");
      assert.equal(rows.length, 2);
      assert.ok(rows[1].split("\t").map(Number).every(Number.isFinite), rows[1]);
      const config = JSON.parse((await loadSafetensorsFile(`${out}/checkpoint.safetensors`)).metadata.config);
      assert.equal(config.method, method);
      assert.deepEqual(config[method], knobs, `${method}: the reference's defaults where no flag was given`);
    }
    const wrong = await train([...SMALL, "--method", "consistency", "--beta", "4", "--out", `${dir}/x`]);
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /--beta is for --method macer, not consistency/);
    await Deno.remove(dir, { recursive: true });
  },
});

Deno.test({
  name: "train refuses bad flags with a message naming them",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const cases: [string[], RegExp][] = [
      [["--dataset", "mnist", "--noise-sd", "0.25"], /--out DIR is required/],
      [["--dataset", "mnist", "--out", "x"], /--noise-sd is required/],
      [["--dataset", "mnist", "--out", "x", "--noise-sd", "0"], /--noise-sd/],
      [[
        "--dataset",
        "mnist",
        "--out",
        "x",
        "--noise-sd",
        "0.25",
        "--method",
        "smoothadv",
        "--num-noise-vec",
        "3",
        "--batch",
        "64",
      ], /multiple of --num-noise-vec/],
      [
        ["--dataset", "mnist", "--out", "x", "--noise-sd", "0.25", "--arch", "cifar_resnet20"],
        /is for cifar10/,
      ],
      [["--dataset", "mnist", "--out", "x", "--noise-sd", "0.25", "--lr-steps", "3"], /lr-steps/],
    ];
    for (const [args, re] of cases) {
      const r = await train(args);
      assert.equal(r.code, 2, `${args.join(" ")}: ${r.stderr}`);
      assert.match(r.stderr, re);
    }
  },
});
