/**
 * `deno task predict` end to end on the shipped MNIST model: the reference log format, abstention
 * exactly as the binomial test dictates (with N = 10 and alpha = 0.001 PREDICT always abstains, since
 * p(10, 0) = 1.95e-3), and resumption of an existing log. Under --attack: SmoothAdv's columns, the
 * example PNGs, and the attack's parameters guarding the resume.
 */
import assert from "node:assert/strict";
import { decode } from "fast-png";
import { predictCommand } from "../../cli/predict.ts";
import { loadMnist } from "../../nn/data/mnist.ts";
import { readLog } from "../../smoothing/log.ts";
import { ROOT, runInProcess } from "./run_cli.ts";

const predict = (args: string[]) => runInProcess(predictCommand, args);

const MODEL = `${ROOT}models/mnist_cnn_gaussian_0.25.safetensors`;
const BASE = [
  "--dataset",
  "mnist",
  "--checkpoint",
  MODEL,
  "--sigma",
  "0.25",
  "--batch",
  "100",
  "--skip",
  "2000",
];

Deno.test({
  name: "predict writes the reference log, abstains when the test cannot reject, and resumes",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const dir = await Deno.makeTempDir();
    const few = await predict([...BASE, "--N", "10", "--out", `${dir}/n10.tsv`]);
    assert.equal(few.code, 0, few.err);
    const text = await Deno.readTextFile(`${dir}/n10.tsv`);
    assert.match(text, /^idx\tlabel\tpredict\tcorrect\ttime\n/);
    const rows = readLog(`${dir}/n10.tsv`).rows;
    assert.deepEqual(rows.map((r) => r.idx), [0, 2000, 4000, 6000, 8000]);
    assert.ok(rows.every((r) => r.predict === -1 && !r.correct), "N = 10 always abstains at alpha = 0.001");
    const many = await predict([...BASE, "--N", "400", "--out", `${dir}/n400.tsv`]);
    assert.equal(many.code, 0, many.err);
    const confident = readLog(`${dir}/n400.tsv`).rows;
    assert.ok(
      confident.filter((r) => r.correct).length >= 4,
      "a 97%-accurate model predicts most of 5 digits",
    );
    const again = await predict([...BASE, "--N", "400", "--out", `${dir}/n400.tsv`]);
    assert.equal(again.code, 0, again.err);
    assert.equal(readLog(`${dir}/n400.tsv`).rows.length, 5, "a finished log gains no rows");
    await Deno.remove(dir, { recursive: true });
  },
});

Deno.test({
  name:
    "predict --attack writes SmoothAdv's log (basePredict column), example PNGs, and refuses other attacks on resume",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const dir = await Deno.makeTempDir();
    const out = `${dir}/pgd.tsv`;
    const ATTACK = [
      "--attack",
      "PGD",
      "--epsilon",
      "255",
      "--num-steps",
      "4",
      "--num-noise-vec",
      "2",
      "--N",
      "200",
    ];
    const run = await predict([...BASE, ...ATTACK, "--max", "4001", "--visualize-examples", "--out", out]);
    assert.equal(run.code, 0, run.err);
    const text = await Deno.readTextFile(out);
    assert.match(text, /^idx\tlabel\tpredict\tbasePredict\tcorrect\ttime\n/);
    const rows = readLog(out).rows;
    assert.deepEqual(rows.map((r) => r.idx), [0, 2000, 4000]);
    for (const r of rows) {
      assert.ok(r.basePredict !== undefined && r.basePredict >= 0 && r.basePredict < 10);
      assert.equal(r.correct, r.predict === r.label);
    }
    // the reference saves examples for idx < 1000 only
    const ds = await loadMnist("test");
    const clean = decode(await Deno.readFile(`${out}.adv_examples/0_clean.png`));
    const adv = decode(await Deno.readFile(`${out}.adv_examples/0_adv.png`));
    for (const png of [clean, adv]) {
      assert.deepEqual([png.width, png.height, png.channels, png.depth], [28, 28, 1, 8]);
    }
    assert.deepEqual(
      [...clean.data],
      [...ds.images.subarray(0, 784)],
      "the clean PNG holds the dataset's pixels",
    );
    let n2 = 0;
    for (let k = 0; k < 784; k++) n2 += ((adv.data[k] - clean.data[k]) / 255) ** 2;
    // an eps of 255/256 moves the image; truncation to bytes shifts a pixel by less than 1/255
    assert.ok(n2 > 0.1 && Math.sqrt(n2) <= 255 / 256 + 28 / 255, `||adv - clean|| = ${Math.sqrt(n2)}`);
    assert.throws(() => Deno.statSync(`${out}.adv_examples/2000_adv.png`), Deno.errors.NotFound);
    const other = await predict([
      ...BASE,
      ...ATTACK.slice(0, 3),
      "127",
      ...ATTACK.slice(4),
      "--max",
      "4001",
      "--out",
      out,
    ]);
    assert.equal(other.code, 2);
    assert.match(other.err, /epsilon: 0\.99609375 in the log, 0\.49609375 now/);
    const strays = await predict([...BASE, "--N", "100", "--random-start"]);
    assert.equal(strays.code, 2);
    assert.match(strays.err, /--random-start needs --attack/);
    await Deno.remove(dir, { recursive: true });
  },
});
