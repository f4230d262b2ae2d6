/**
 * Monte-Carlo sampling and CERTIFY on the shipped MNIST model: the vote counts are a function of
 * (seed, image index, sample range) alone, so any batch size and any split of the range into resumed
 * pieces give exactly the same counts, and therefore the same certificate.
 */
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { Tensor } from "../../engine/mod.ts";
import { loadModelWeights } from "../../nn/checkpoint/model_io.ts";
import { loadMnist } from "../../nn/data/mnist.ts";
import { U8_TO_UNIT } from "../../nn/data/loader.ts";
import { buildModel } from "../../nn/models.ts";
import { type Certificate, certify, certifyImages } from "../../smoothing/certify.ts";
import { sampleVotes } from "../../smoothing/sampling.ts";
import { gpuTest, type SeenDispatch, withDispatches } from "../helpers.ts";

const MODEL = fileURLToPath(new URL("../../models/mnist_cnn_gaussian_0.25.safetensors", import.meta.url));

gpuTest(
  "vote counts and certificates do not depend on batch size or on where a run was resumed",
  async () => {
    const model = buildModel("mnist_cnn");
    await loadModelWeights(model, MODEL);
    const ds = await loadMnist("test");
    // Each new batch size compiles pipelines (tiles depend on it), so the sizes here are few and shared.
    // Half of a 7 over half of a 2 with sigma = 1: votes split across classes, so any disagreement
    // between batch shapes (a different reduction order flipping an argmax) would show.
    const pixels = new Float32Array(784);
    for (let k = 0; k < 784; k++) {
      pixels[k] = 0.5 * (U8_TO_UNIT[ds.images[k]] + U8_TO_UNIT[ds.images[784 + k]]);
    }
    const image = Tensor.from(pixels, [1, 28, 28]).keep();
    const common = { sigma: 1, seed: 3, stream: 42 };
    const whole = await sampleVotes(model, image, 10, { ...common, count: 600, batch: 600, firstSample: 0 });
    assert.equal(whole.reduce((s, v) => s + v, 0), 600);
    assert.ok(whole.filter((v) => v > 0).length >= 2, `votes did not split: ${whole}`);
    for (const batch of [1000, 250]) {
      const c = await sampleVotes(model, image, 10, { ...common, count: 600, batch, firstSample: 0 });
      assert.deepEqual(c, whole, `batch ${batch}`);
    }
    const pieces = [[0, 200], [200, 600]];
    const summed = new Uint32Array(10);
    for (const [a, b] of pieces) {
      const c = await sampleVotes(model, image, 10, { ...common, count: b - a, batch: 100, firstSample: a });
      c.forEach((v, i) => (summed[i] += v));
    }
    assert.deepEqual(summed, whole, "sample range resumed at 200");

    const opts = { n0: 100, n: 300, alpha: 0.001, sigma: 1, seed: 3 };
    const a = await certify(model, image, 10, 42, { ...opts, batch: 300 });
    const b = await certify(model, image, 10, 42, { ...opts, batch: 100 });
    assert.deepEqual(a, b);
    assert.equal(a.samples, 400);

    await assert.rejects(
      sampleVotes(model, image, 10, { ...common, sigma: 0, count: 1, batch: 1, firstSample: 0 }),
      /sigma must be > 0/,
    );
    image.dispose();
    model.dispose();
  },
);

gpuTest(
  "sequential certificates do not depend on batch size, images in flight, round size or resumption",
  async () => {
    const model = buildModel("mnist_cnn");
    await loadModelWeights(model, MODEL);
    const ds = await loadMnist("test");
    // sigma = 1 splits the votes, so images run many looks and a disagreement between packings shows.
    const images = {
      shape: [1, 28, 28] as const,
      classes: 10,
      indices: [3, 10, 21, 33, 47, 52],
      load: (i: number) =>
        Float32Array.from(ds.images.subarray(784 * i, 784 * (i + 1)), (v) => U8_TO_UNIT[v]),
    };
    for (
      const mode of [{ kind: "radii", radii: [0.25, 0.5, 1] }, { kind: "adaptive", tolerance: 0.1 }] as const
    ) {
      const run = async (batch: number, inFlight: number, roundBatches: number, indices = images.indices) => {
        const out: [number, Certificate][] = [];
        await certifyImages(model, { ...images, indices }, {
          n0: 50,
          n: 1500,
          alpha: 0.01,
          sigma: 1,
          seed: 11,
          batch,
          inFlight,
          roundBatches,
          mode,
        }, { onResult: (idx, r) => void out.push([idx, r]) });
        return out.sort((a, b) => a[0] - b[0]);
      };
      const reference = await run(100, 6, 16);
      assert.ok(
        new Set(reference.map(([, r]) => r.samples)).size > 2,
        `${mode.kind}: ${reference.map(([, r]) => r.samples)}`,
      );
      assert.deepEqual(
        await run(250, 2, 1),
        reference,
        `${mode.kind}: batch 250, 2 in flight, rounds of one batch`,
      );
      const resumed = await run(100, 3, 4, [21, 47, 52]);
      assert.deepEqual(resumed, reference.filter(([i]) => [21, 47, 52].includes(i)), `${mode.kind}: resumed`);
    }
    model.dispose();
  },
);

gpuTest(
  "a sampling call folds each batchnorm and transforms each Winograd kernel's weights once for all its batches",
  async () => {
    const model = buildModel("cifar_resnet20", { seed: 2 });
    model.eval();
    const image = Tensor.from(new Float32Array(3 * 32 * 32).fill(0.5), [3, 32, 32]);
    const options = { batch: 4, sigma: 0.25, seed: 0, stream: 0, firstSample: 0 };
    const [oneBatch, one] = await withDispatches(() =>
      sampleVotes(model, image, 10, { ...options, count: 4 })
    );
    const [threeBatches, three] = await withDispatches(() =>
      sampleVotes(model, image, 10, { ...options, count: 12 })
    );
    const count = (ds: SeenDispatch[], entry: string) => ds.filter((d) => d.entry === entry).length;
    assert.equal(count(one, "fold"), 21);
    assert.equal(count(three, "fold"), 21);
    assert.equal(count(three, "transform"), count(one, "transform"));
    assert.equal(oneBatch.reduce((a, b) => a + b), 4);
    assert.equal(threeBatches.reduce((a, b) => a + b), 12);
    image.dispose();
    model.dispose();
  },
);
