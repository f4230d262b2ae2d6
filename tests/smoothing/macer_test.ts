/**
 * MACER's loss (macer.ts) on a small network, logits = x W^T + b for k noisy copies per image: its value
 * and its gradients with respect to W and b against central differences of the float64 reference
 * (tests/smoothing/train_losses_reference.ts: macer.py's formula, PhiInv by AS241 PPND16). The labels
 * are chosen so that some images enter the robustness hinge and one (wrong top class) is dropped, away
 * from the selection's boundaries, where the loss is differentiable.
 */
import assert from "node:assert/strict";
import { Tensor } from "../../engine/mod.ts";
import { linear } from "../../engine/ops/matmul.ts";
import { MACER_DEFAULTS, macerLambda, macerLoss } from "../../smoothing/macer.ts";
import type { TrainConfig } from "../../smoothing/train.ts";
import { macerMarginRef } from "../engine/references.ts";
import { checkGradients } from "../engine/gradcheck.ts";
import { gpuTest, randomArray } from "../helpers.ts";
import { averageSoftmaxRef, linearRef, macerLossRef } from "./train_losses_reference.ts";

const B = 4, K = 3, C = 4, D = 6;

gpuTest(
  "MACER's loss on a linear network: value and gradients match float64 finite differences",
  async () => {
    const x = randomArray(B * K * D, 11, -1, 1);
    const w = randomArray(C * D, 12, -0.6, 0.6);
    const b = randomArray(C, 13, -0.2, 0.2);
    // beta 2 keeps the soft probabilities away from 0 and 1 (f32 cannot tell 1 - 1e-8 from 1)
    const o = { lbd: MACER_DEFAULTS.lbd, margin: MACER_DEFAULTS.margin, beta: 2, sigma: 0.25 };
    const logits0 = linearRef(x, B * K, Float64Array.from(w), Float64Array.from(b));
    const q = averageSoftmaxRef(logits0, K, o.beta);
    // images 0..2 labelled with their top class, image 3 with its lowest (dropped by the hinge's selection)
    const labels = q.map((row, i) => row.indexOf(i < 3 ? Math.max(...row) : Math.min(...row)));
    const sel = macerMarginRef(q.flat(), labels, C, o.margin);
    assert.deepEqual(
      sel.kept,
      [true, true, true, false],
      "the case must exercise the hinge and the selection",
    );
    for (const row of q) {
      const s = [...row].sort((a, c) => c - a);
      assert.ok(s[0] - s[1] > 1e-3 && s[1] - s[2] > 1e-3, "top two well separated: the selection is stable");
    }
    await checkGradients({
      what: "MACER loss",
      inputs: [{ shape: [C, D], data: w }, { shape: [C], data: b }],
      gpu: ([tw, tb]) => macerLoss(linear(Tensor.from(x, [B * K, D]), tw, tb), Int32Array.from(labels), K, o),
      cpu: ([rw, rb]) => macerLossRef(linearRef(x, B * K, rw, rb), labels, K, o),
      probes: 30,
    });
    // lambda 0: the classification term alone
    await checkGradients({
      what: "MACER loss, lambda 0",
      inputs: [{ shape: [C, D], data: w }, { shape: [C], data: b }],
      gpu: ([tw, tb]) =>
        macerLoss(linear(Tensor.from(x, [B * K, D]), tw, tb), Int32Array.from(labels), K, { ...o, lbd: 0 }),
      cpu: ([rw, rb]) => macerLossRef(linearRef(x, B * K, rw, rb), labels, K, { ...o, lbd: 0 }),
    });
  },
);

Deno.test("MACER's deferred lambda is 0 until the first learning-rate drop, as train_macer.py --deferred", () => {
  const c = { lrStepSize: 30, macer: { lbd: 16, margin: 8, beta: 16, deferred: true } } as TrainConfig;
  assert.deepEqual([0, 30, 31].map((e) => macerLambda(c, e)), [0, 0, 16]);
  const plain = { ...c, macer: { ...c.macer!, deferred: false } } as TrainConfig;
  assert.equal(macerLambda(plain, 0), 16);
});
