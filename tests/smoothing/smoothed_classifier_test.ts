/**
 * The one-image API the page uses (smoothing/smoothed_classifier.ts): its certificates equal the
 * dataset runs' for the same noise stream, progress is reported after every round up to the samples
 * used, an AbortSignal stops a run between rounds, and the noisy copies shown are exactly the inputs
 * PREDICT classified (their votes are PREDICT's counts).
 */
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { loadMnist } from "../../nn/data/mnist.ts";
import { U8_TO_UNIT } from "../../nn/data/loader.ts";
import { openModel } from "../../nn/open_model.ts";
import { type Certificate, certifyImages, type RoundReport } from "../../smoothing/certify.ts";
import { SmoothedClassifier } from "../../smoothing/smoothed_classifier.ts";
import { gpuTest } from "../helpers.ts";

const MODEL = fileURLToPath(new URL("../../models/mnist_cnn_gaussian_0.25.safetensors", import.meta.url));
/** sigma 1 splits the votes, so a mismatch in noise or in which samples were used would show. */
const RUN = { sigma: 1, seed: 5, n0: 50, n: 300, alpha: 0.001, batch: 100, roundBatches: 1 };

async function setUp() {
  const opened = await openModel(await Deno.readFile(MODEL), "mnist_cnn_gaussian_0.25.safetensors");
  const ds = await loadMnist("test");
  const image = (i: number) =>
    Float32Array.from(ds.images.subarray(784 * i, 784 * (i + 1)), (v) => U8_TO_UNIT[v]);
  return { opened, image, smoothed: new SmoothedClassifier(opened.model, [1, 28, 28], 10) };
}

gpuTest(
  "one image certified alone equals its certificate in a dataset run; progress reaches its samples",
  async () => {
    const { opened, image, smoothed } = await setUp();
    const reports: RoundReport[] = [];
    const alone = await smoothed.certify(image(8), RUN, { stream: 8, onRound: (r) => reports.push(r) });
    let inRun: Certificate | null = null;
    await certifyImages(
      opened.model,
      { shape: [1, 28, 28], classes: 10, indices: [3, 8], load: image },
      RUN,
      {
        onResult: (idx, r) => {
          if (idx === 8) inRun = r;
        },
      },
    );
    assert.ok(
      alone.selectionCounts.filter((v) => v > 0).length >= 2,
      `votes did not split: ${alone.selectionCounts}`,
    );
    assert.equal(alone.selectionCounts.reduce((a, b) => a + b, 0), RUN.n0);
    assert.equal(alone.estimationCounts.reduce((a, b) => a + b, 0), RUN.n);
    assert.equal(alone.estimationCounts[alone.cA], alone.nA);
    assert.deepEqual(inRun, alone);
    // one batch per round: 50 selection rows, then 100 per round
    assert.deepEqual(reports.map((r) => r.samples), [50, 150, 250, 350]);
    assert.deepEqual(reports.map((r) => r.decided), [0, 0, 0, 1]);
    opened.model.dispose();
  },
);

gpuTest("an AbortSignal stops a run between rounds with its reason", async () => {
  const { opened, image, smoothed } = await setUp();
  const stop = new AbortController();
  let rounds = 0;
  await assert.rejects(
    smoothed.certify(image(0), RUN, {
      signal: stop.signal,
      onRound: () => {
        if (++rounds === 2) stop.abort(new Error("stopped by the user"));
      },
    }),
    /stopped by the user/,
  );
  assert.equal(rounds, 2, "no round after the abort");
  const aborted = new AbortController();
  aborted.abort();
  await assert.rejects(smoothed.predict(image(0), { ...RUN }, { signal: aborted.signal }), {
    name: "AbortError",
  });
  opened.model.dispose();
});

gpuTest("the noisy copies shown are the inputs PREDICT classified, with its votes", async () => {
  const { opened, image, smoothed } = await setUp();
  const count = 16;
  const p = await smoothed.predict(image(8), { ...RUN, n: count }, { stream: 8 });
  const shown = await smoothed.examples(image(8), {
    sigma: RUN.sigma,
    seed: RUN.seed,
    stream: 8,
    first: 0,
    count,
  });
  assert.equal(shown.images.length, count * 784);
  const votes = new Uint32Array(10);
  for (const v of shown.votes) votes[v]++;
  assert.deepEqual(votes, p.counts);
  assert.throws(
    () => smoothed.examples(new Float32Array(10), { ...RUN, stream: 0, first: 0, count: 1 }),
    /holds 10 values/,
  );
  opened.model.dispose();
});
