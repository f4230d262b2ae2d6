/**
 * SmoothMix (smoothmix.ts) on a small network, logits = flatten(x) W^T + b: the training loss's value and
 * gradients with respect to W and b (through both forward passes and through the mixup target's
 * average softmax) against central differences of the float64 reference (train.py's formula); the
 * warm-up weight; and the attack's invariants (the clean side at mix_step 0 is the image, the
 * adversarial point stays in [0, 1] and in the maxnorm ball, and raises the smoothed objective).
 */
import assert from "node:assert/strict";
import { flatten, noGrad, scope, softmaxAverageLoss, Tensor } from "../../engine/mod.ts";
import { add, repeatInterleave } from "../../engine/mod.ts";
import { linear } from "../../engine/ops/matmul.ts";
import { Module } from "../../nn/module.ts";
import { smoothMixAttack, smoothMixLoss, smoothMixWarmup } from "../../smoothing/smoothmix.ts";
import { checkGradients } from "../engine/gradcheck.ts";
import { gpuTest, randomArray } from "../helpers.ts";
import { averageSoftmaxRef, linearRef, smoothMixLossRef } from "./train_losses_reference.ts";

const B = 3, M = 2, C = 4, SHAPE = [1, 2, 3], PER = 6;

gpuTest(
  "SmoothMix's loss on a linear network: value and gradients match float64 finite differences",
  async () => {
    const clean = randomArray(B * PER, 31, 0, 1);
    const adversarial = randomArray(B * PER, 32, 0, 1);
    const noise = randomArray(B * M * PER, 33, -0.5, 0.5);
    const lambda = randomArray(B, 34, 0, 0.5);
    const w = randomArray(C * PER, 35, -1, 1);
    const b = randomArray(C, 36, -0.3, 0.3);
    const rows = new Float64Array(B * M * PER).map((_, k) =>
      clean[Math.floor(k / (M * PER)) * PER + (k % PER)] + noise[k]
    );
    const pbar = averageSoftmaxRef(linearRef(rows, B * M, Float64Array.from(w), Float64Array.from(b)), M);
    // images 0 and 1 labelled with their top class (they enter the mixup term), image 2 not
    const labels = pbar.map((p, i) => p.indexOf(i < 2 ? Math.max(...p) : Math.min(...p)));
    const o = { m: M, eta: 2 };
    await checkGradients({
      what: "SmoothMix loss",
      inputs: [{ shape: [C, PER], data: w }, { shape: [C], data: b }],
      gpu: ([tw, tb]) =>
        smoothMixLoss(
          (t) => linear(flatten(t, 1), tw, tb),
          Tensor.from(clean, [B, ...SHAPE]),
          Tensor.from(adversarial, [B, ...SHAPE]),
          { y: Tensor.from(labels, [B], "i32"), host: Int32Array.from(labels) },
          Tensor.from(noise, [B * M, ...SHAPE]),
          Tensor.from(lambda, [B]),
          o,
        ).loss,
      cpu: ([rw, rb]) =>
        smoothMixLossRef((r, n) => linearRef(r, n, rw, rb), clean, adversarial, labels, noise, lambda, o),
    });
  },
);

class Linear extends Module {
  constructor(readonly w: Tensor, readonly b: Tensor) {
    super();
  }
  forward(x: Tensor): Tensor {
    return linear(flatten(x, 1), this.w, this.b);
  }
}

gpuTest("SmoothMix's attack: clean side, [0, 1], the maxnorm ball, a higher smoothed objective", async () => {
  const x = Tensor.from(randomArray(B * PER, 41, 0.2, 0.8), [B, ...SHAPE]).keep();
  const y = Tensor.from([0, 1, 2], [B], "i32").keep();
  const noise = Tensor.from(randomArray(B * M * PER, 42, -0.25, 0.25), [B * M, ...SHAPE]).keep();
  const model = new Linear(
    Tensor.from(randomArray(C * PER, 43, -2, 2), [C, PER]).keep(),
    Tensor.from(new Float32Array(C), [C]).keep(),
  );
  const objective = async (t: Tensor) => {
    const v = scope(() =>
      noGrad(() =>
        softmaxAverageLoss(model.forward(add(repeatInterleave(t, M), noise)), y, M, { reduction: "sum" })
      )
    );
    const [r] = await v.read();
    v.dispose();
    return r;
  };
  const maxnorm = 0.3;
  const { clean, adversarial } = await smoothMixAttack(model, x, y, noise, {
    steps: 3,
    stepSize: 0.25,
    mixStep: 0,
    maxnormS: 0,
    maxnorm,
    m: M,
  });
  const [xs, cs, as] = [await x.read(), await clean.read(), await adversarial.read()];
  assert.deepEqual([...cs], [...xs], "mix_step 0: the clean side is the image");
  for (let i = 0; i < B; i++) {
    let n = 0;
    for (let e = 0; e < PER; e++) {
      const v = as[i * PER + e];
      assert.ok(v >= 0 && v <= 1);
      n += (v - xs[i * PER + e]) ** 2;
    }
    assert.ok(Math.sqrt(n) <= maxnorm + 1e-5, `image ${i}: ||x' - x|| = ${Math.sqrt(n)}`);
  }
  assert.ok(await objective(adversarial) > await objective(x), "the attack raises the smoothed objective");
  for (const t of [x, y, noise, clean, adversarial, model.w, model.b]) t.dispose();
});

Deno.test("SmoothMix's warm-up weight is min(1, (epoch + 1) / warmup), as train.py", () => {
  assert.deepEqual([0, 4, 9, 20].map((e) => smoothMixWarmup(10, e)), [0.1, 0.5, 1, 1]);
  assert.equal(smoothMixWarmup(0, 0), 1);
});
