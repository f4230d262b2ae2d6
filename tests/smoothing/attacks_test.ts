/**
 * Invariants of the attacks on the smoothed soft classifier, on the shipped MNIST model: PGD and DDN
 * return images in [0, 1] within the eps ball; DDN's are on the 1/255 grid; the model's training
 * state is restored; PGD raises the smoothed objective over the clean images; DDN returns, per image,
 * either the clean image (no adversarial found, as the reference does) or one whose majority vote
 * over the same noise copies is wrong.
 */
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { add, gaussianNoise, noGrad, repeatInterleave, scope, Tensor } from "../../engine/mod.ts";
import { loadModelWeights } from "../../nn/checkpoint/model_io.ts";
import { loadMnist } from "../../nn/data/mnist.ts";
import { U8_TO_UNIT } from "../../nn/data/loader.ts";
import { buildModel } from "../../nn/models.ts";
import { ddn, pgdL2, smoothedObjective } from "../../smoothing/attacks.ts";
import { gpuTest } from "../helpers.ts";

const MODEL = fileURLToPath(new URL("../../models/mnist_cnn_gaussian_0.25.safetensors", import.meta.url));

gpuTest(
  "PGD and DDN stay in [0,1] and the eps ball, DDN on the 1/255 grid; PGD raises the objective, DDN only returns adversarials",
  async () => {
    const model = buildModel("mnist_cnn");
    await loadModelWeights(model, MODEL);
    model.train();
    const ds = await loadMnist("test");
    const B = 4, m = 2, eps = 0.5;
    const xs = Float32Array.from(ds.images.subarray(0, B * 784), (v) => U8_TO_UNIT[v]);
    const x = Tensor.from(xs, [B, 1, 28, 28]).keep();
    const y = Tensor.from(Int32Array.from(ds.labels.subarray(0, B)), [B], "i32").keep();
    const noise = gaussianNoise([B * m, 1, 28, 28], { sigma: 0.25, seed: 7, stream: 0 }).keep();
    const zero = Tensor.from(new Float32Array(B * 784), [B, 1, 28, 28]).keep();
    const objective = async (adv: Tensor) => {
      const t = scope(() => noGrad(() => smoothedObjective(model, adv, zero, noise, y, m)));
      const v = (await t.read())[0];
      t.dispose();
      return v;
    };
    model.eval();
    const clean = await objective(x);
    model.train();
    for (const [name, attack] of [["pgd", pgdL2], ["ddn", ddn]] as const) {
      const adv = await attack(model, x, y, noise, { eps, steps: 4, m, seed: 1, stream: 0 });
      assert.equal(model.training, true, `${name} restores train mode`);
      assert.ok(model.parameters().every((p) => p.requiresGrad), `${name} unfreezes the parameters`);
      const a = await adv.read();
      for (let i = 0; i < B; i++) {
        let n = 0;
        for (let k = 0; k < 784; k++) {
          const v = a[i * 784 + k];
          assert.ok(v >= 0 && v <= 1, `${name}: pixel ${v} outside [0, 1]`);
          if (name === "ddn") {
            assert.ok(Math.abs(v * 255 - Math.round(v * 255)) < 1e-3, `ddn: ${v} is not on the 1/255 grid`);
          }
          n += (v - xs[i * 784 + k]) ** 2;
        }
        // DDN quantises after projecting, which can add up to half a level per pixel
        const slack = name === "ddn" ? Math.sqrt(784) * 0.5 / 255 : 1e-5;
        assert.ok(Math.sqrt(n) <= eps + slack, `${name}: ||delta|| = ${Math.sqrt(n)} > eps`);
      }
      if (name === "pgd") {
        model.eval();
        const attacked = await objective(adv);
        model.train();
        assert.ok(attacked > clean, `pgd: objective ${attacked} did not rise above ${clean}`);
      }
      adv.dispose();
    }
    // Unbounded DDN: every image is either returned unchanged or misclassified by the noisy majority vote.
    const adv = await ddn(model, x, y, noise, { eps: 100, steps: 10, m, seed: 1, stream: 0 });
    const a = await adv.read();
    model.eval();
    const logits = scope(() => noGrad(() => model.forward(add(repeatInterleave(adv, m), noise))));
    model.train();
    const l = await logits.read();
    const labels = await y.read();
    let found = 0;
    for (let i = 0; i < B; i++) {
      const unchanged = xs.subarray(i * 784, (i + 1) * 784).every((v, k) =>
        Math.abs(v - a[i * 784 + k]) < 1e-6
      );
      const votes = new Array(10).fill(0);
      for (let j = 0; j < m; j++) {
        const row = l.subarray((i * m + j) * 10, (i * m + j + 1) * 10);
        votes[row.indexOf(Math.max(...row))]++;
      }
      const mode = votes.indexOf(Math.max(...votes));
      if (!unchanged) found++;
      assert.ok(
        unchanged || mode !== labels[i],
        `ddn: image ${i} changed but its vote ${mode} is still correct`,
      );
    }
    assert.ok(found > 0, "unbounded ddn found no adversarial image in 10 steps");
    adv.dispose();
    logits.dispose();
    for (const t of [x, y, noise, zero]) t.dispose();
    model.dispose();
  },
);
