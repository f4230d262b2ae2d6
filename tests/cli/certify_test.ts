/**
 * `deno task certify` end to end on the shipped MNIST model (small N so the test is quick): the reference
 * log format, resumption after a kill producing the same rows as an uninterrupted run, shards that merge
 * into the unsharded result, and clear errors for bad flags.
 */
import assert from "node:assert/strict";
import { certifyCommand } from "../../cli/certify.ts";
import { readCertifyLog } from "../../smoothing/log.ts";
import { cliCommand, ROOT, rowsWithoutTime, runCli, runInProcess } from "./run_cli.ts";

/** In-process, reusing the test process's compiled kernels; only the run that is killed is a subprocess. */
const certify = (args: string[]) => runInProcess(certifyCommand, args);

const MODEL = `${ROOT}models/mnist_cnn_gaussian_0.25.safetensors`;
const BASE = [
  "--dataset",
  "mnist",
  "--checkpoint",
  MODEL,
  "--sigma",
  "0.25",
  "--N0",
  "20",
  "--N",
  "300",
  "--batch",
  "100",
  "--skip",
  "997",
];

Deno.test({
  name:
    "certify writes the reference log; killed mid-run and re-run, it equals an uninterrupted run; shards merge to it",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const dir = await Deno.makeTempDir();
    const full = `${dir}/full.tsv`;
    const r = await certify([...BASE, "--out", full]);
    assert.equal(r.code, 0, r.err);
    const text = await Deno.readTextFile(full);
    assert.match(text, /^idx\tlabel\tpredict\tradius\tcorrect\ttime\n/);
    const log = readCertifyLog(full);
    assert.equal(log.rows.length, 11); // indices 0, 997, ..., 9970
    assert.deepEqual(log.rows.map((x) => x.idx), Array.from({ length: 11 }, (_, i) => i * 997));
    assert.match(r.out, /certified accuracy \(11 images/);
    assert.match(r.err, /adapter: .*backend/);

    // kill after two rows, then resume
    const part = `${dir}/part.tsv`;
    const child = cliCommand("certify.ts", [...BASE, "--out", part]).spawn();
    for (let i = 0; i < 600; i++) {
      await new Promise((res) => setTimeout(res, 100));
      let rows = 0;
      try {
        rows = (await Deno.readTextFile(part)).split("\n").length - 2;
      } catch { /* not created yet */ }
      if (rows >= 2) break;
    }
    child.kill("SIGKILL");
    await child.output();
    const interrupted = readCertifyLog(part).rows.length;
    assert.ok(interrupted >= 2 && interrupted < 11, `killed after ${interrupted} rows`);
    const resumed = await certify([...BASE, "--out", part]);
    assert.equal(resumed.code, 0, resumed.err);
    assert.match(resumed.err, /resuming .*: \d+ image\(s\) already certified/);
    assert.deepEqual(rowsWithoutTime(await Deno.readTextFile(part)), rowsWithoutTime(text));

    // two shards merge into the same rows
    for (const k of [0, 1]) {
      const s = await certify([...BASE, "--shard", `${k}/2`, "--out", `${dir}/shard${k}.tsv`]);
      assert.equal(s.code, 0, s.err);
    }
    const { analyze } = await import("../../cli/analyze.ts");
    const out: string[] = [];
    const io = { out: (s: string) => void out.push(s), err: (_: string) => {} };
    assert.equal(
      await analyze(["--merge", `${dir}/merged.tsv`, `${dir}/shard0.tsv`, `${dir}/shard1.tsv`], io),
      0,
    );
    assert.deepEqual(rowsWithoutTime(await Deno.readTextFile(`${dir}/merged.tsv`)), rowsWithoutTime(text));

    // resuming with other parameters is refused
    const other = await certify([
      ...BASE.slice(0, -2),
      "--skip",
      "997",
      "--N",
      "400",
      "--out",
      full,
    ]);
    assert.equal(other.code, 2);
    assert.match(other.err, /was written with other parameters[\s\S]*N: 300 in the log, 400 now/);
    await Deno.remove(dir, { recursive: true });
  },
});

Deno.test({
  name: "certify rejects bad input with a message naming it",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const cases: [string[], RegExp][] = [
      [["--sigma", "0", "--checkpoint", MODEL], /--sigma/],
      [["--sigma", "-1", "--checkpoint", MODEL], /--sigma/],
      [
        ["--sigma", "0.25", "--checkpoint", MODEL, "--N0", "500", "--N", "100"],
        /--N0 \(500\) must not exceed --N \(100\)/,
      ],
      [["--sigma", "0.25", "--checkpoint", MODEL, "--bogus"], /bogus/],
      [["--sigma", "0.25", "--checkpoint", MODEL, "--alpha", "1.5"], /--alpha/],
      [["--sigma", "0.25"], /--checkpoint is required/],
      [["--sigma", "0.25", "--checkpoint", MODEL, "--shard", "3/2"], /--shard 3\/2/],
      [
        ["--sigma", "0.25", "--checkpoint", MODEL, "--arch", "cifar_resnet20"],
        /--arch cifar_resnet20, but .*mnist_cnn_gaussian_0\.25\.safetensors holds a mnist_cnn/,
      ],
    ];
    for (const [args, re] of cases) {
      const r = await runCli("certify.ts", ["--dataset", "mnist", ...args]);
      assert.equal(r.code, 2, `${args.join(" ")}: exit ${r.code}\n${r.stderr}`);
      assert.match(r.stderr, re);
    }
    const missing = await runCli("certify.ts", [
      "--dataset",
      "mnist",
      "--sigma",
      "0.25",
      "--checkpoint",
      "/nonexistent.safetensors",
    ]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /nonexistent\.safetensors/);
  },
});
