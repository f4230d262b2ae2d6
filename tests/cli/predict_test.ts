/**
 * `deno task predict` end to end on the shipped MNIST model: the reference log format, abstention
 * exactly as the binomial test dictates (with N = 10 and alpha = 0.001 PREDICT always abstains, since
 * p(10, 0) = 1.95e-3), and resumption of an existing log.
 */
import assert from "node:assert/strict";
import { predictCommand } from "../../cli/predict.ts";
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
