/**
 * A frozen eval-mode model (an attack's: no parameter requires a gradient) runs each convolution with its
 * folded batchnorm, residual and ReLU in one kernel (engine/ops/conv_frozen.ts): its input gradient equals
 * the layer-by-layer one, and inside withFrozenWeights each batchnorm is folded once for all passes.
 */
import assert from "node:assert/strict";
import { backward, mul, readTensors, scope, sum, Tensor } from "../../engine/mod.ts";
import { buildModel } from "../../nn/models.ts";
import { withFrozenWeights } from "../../nn/layers.ts";
import type { Module } from "../../nn/module.ts";
import { assertClose, gpuTest, randomArray, withDispatches } from "../helpers.ts";

const SHAPE = [2, 3, 32, 32];

/** d sum(logits * r) / dx for the model as it is (eval mode). */
async function inputGradient(m: Module, xData: Float32Array, r: Tensor): Promise<Float32Array> {
  const x = Tensor.from(xData, SHAPE);
  x.requiresGrad = true;
  const loss = scope(() => sum(mul(m.forward(x), r)));
  backward(loss);
  const [g] = await readTensors([x.grad!]);
  for (const t of [x.grad!, x, loss]) t.dispose();
  return g as Float32Array;
}

gpuTest(
  "a frozen ResNet's input gradient equals its layer-by-layer one, each batchnorm folded once per attack",
  async () => {
    const m = buildModel("cifar_resnet20", { seed: 4 });
    // batch statistics in the running averages, so that folding them matters
    m.train();
    scope(() => m.forward(Tensor.from(randomArray(8 * 3 * 32 * 32, 9, 0, 1), [8, 3, 32, 32])));
    m.eval();
    const xData = randomArray(2 * 3 * 32 * 32, 5, 0, 1);
    const r = Tensor.from(randomArray(2 * 10, 6), [2, 10]);
    const layerByLayer = await inputGradient(m, xData, r);
    const params = m.parameters();
    params.forEach((p) => (p.requiresGrad = false));
    const [frozen, seen] = await withDispatches(() => withFrozenWeights(() => inputGradient(m, xData, r)));
    assertClose(frozen, layerByLayer, {
      rtol: 1e-4,
      atol: 1e-4 * Math.max(...Array.from(layerByLayer, Math.abs)),
      what: "input gradient",
    });
    const count = (entry: string) => seen.filter((d) => d.family === "batchnorm" && d.entry === entry).length;
    // 21 batchnorms (the stem's, two per block, two shortcuts'), no normalising pass
    assert.equal(count("fold"), 21);
    assert.equal(count("eval_apply4") + count("eval_apply"), 0);
    // two passes in one withFrozenWeights fold them once; outside it, once per pass
    const [, twice] = await withDispatches(() =>
      withFrozenWeights(async () => {
        await inputGradient(m, xData, r);
        await inputGradient(m, xData, r);
      })
    );
    assert.equal(twice.filter((d) => d.entry === "fold").length, 21);
    const [, apart] = await withDispatches(async () => {
      await inputGradient(m, xData, r);
      await inputGradient(m, xData, r);
    });
    assert.equal(apart.filter((d) => d.entry === "fold").length, 42);
    r.dispose();
    m.dispose();
  },
);
