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
    assert.equal(missing.code, 2, missing.stderr);
    assert.match(missing.stderr, /^certify: --checkpoint \/nonexistent\.safetensors: no such file$/m);
  },
});

Deno.test({
  name: "certify --radii and --adaptive write a samples column, resume, and refuse a log of another mode",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const dir = await Deno.makeTempDir();
    const seq = [...BASE.slice(0, 9), "2000", ...BASE.slice(10)]; // --N 2000
    const radii = `${dir}/radii.tsv`;
    const r = await certify([...seq, "--radii", "0.5,0.25", "--out", radii]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /radii 0\.5, 0\.25 \(sequential, budget N = 2000\)/);
    assert.match(r.err, /kernels compiled in \d+\.\d s/);
    const text = await Deno.readTextFile(radii);
    assert.match(text, /^idx\tlabel\tpredict\tradius\tcorrect\ttime\tsamples\n/);
    const rows = readCertifyLog(radii).rows;
    assert.equal(rows.length, 11);
    for (const row of rows) {
      assert.ok([0, 0.25, 0.5].includes(row.radius), `radius ${row.radius}`);
      assert.ok(row.samples! > 20 && row.samples! <= 2020, `samples ${row.samples}`);
    }
    assert.ok(rows.some((x) => x.samples! < 1000), "some image decided early");
    assert.match(r.out, /radius +0\.00 +0\.25 +0\.50\n/);
    assert.match(r.out, /\d+ samples per image/);

    // resuming a radii log with other radii, or as a fixed-N run, is refused
    const other = await certify([...seq, "--radii", "0.25", "--out", radii]);
    assert.equal(other.code, 2);
    assert.match(other.err, /radii: \[0\.25,0\.5\] in the log, \[0\.25\] now/);
    const fixed = await certify([...seq, "--out", radii]);
    assert.equal(fixed.code, 2);
    assert.match(fixed.err, /mode: "radii" in the log, "fixed" now/);
    const again = await certify([...seq, "--radii", "0.25,0.5", "--out", radii]);
    assert.equal(again.code, 0, again.err);
    assert.equal(await Deno.readTextFile(radii), text);

    const adaptive = `${dir}/adaptive.tsv`;
    const a = await certify([...seq, "--adaptive", "--tolerance", "0.05", "--out", adaptive]);
    assert.equal(a.code, 0, a.err);
    assert.match(a.err, /adaptive radius \(tolerance 0\.05, budget N = 2000\)/);
    const arows = readCertifyLog(adaptive).rows;
    assert.equal(arows.length, 11);
    assert.ok(arows.every((x) => x.samples! <= 2020));

    const { analyze } = await import("../../cli/analyze.ts");
    const out: string[] = [];
    const io = { out: (s: string) => void out.push(s), err: (_: string) => {} };
    assert.equal(await analyze([radii, adaptive, "--radii", "0,0.25,0.5"], io), 0);
    assert.match(
      out.join(""),
      /\| model \| r = 0 \| r = 0\.25 \| r = 0\.5 \| ACR \| abstain \| rows \| samples\/image \|/,
    );

    for (
      const [args, re] of [
        [["--radii", "0.25", "--adaptive"], /--radii and --adaptive exclude each other/],
        [["--tolerance", "0.1"], /--tolerance applies to --adaptive only/],
        [["--radii", "0.25,-1"], /--radii/],
      ] as const
    ) {
      const bad = await certify([...seq, ...args]);
      assert.equal(bad.code, 2, `${args.join(" ")}: ${bad.err}`);
      assert.match(bad.err, re);
    }
    await Deno.remove(dir, { recursive: true });
  },
});

Deno.test({
  name: "certify --verbose lists the kernel pipelines the run used, with their build costs",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const r = await certify([...BASE, "--max", "1", "--verbose"]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /\d+ pipeline\(s\): [\d.]+ s creating them, [\d.]+ s in their first dispatches/);
    assert.match(r.err, /s create, [\d.]+ s first dispatch {2}shaders\/conv2d\.wgsl:main \(RB=\d+ CB=\d+ /);
    assert.match(r.err, /shaders\/vote_count\.wgsl:count_rows/);
  },
});
