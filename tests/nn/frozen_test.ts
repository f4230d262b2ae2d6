/**
 * A frozen eval-mode model (an attack's: no parameter requires a gradient) runs each convolution with its
 * folded batchnorm, residual and ReLU in one kernel (engine/ops/conv_frozen.ts): its input gradient equals
 * the layer-by-layer one, and inside withFrozenWeights each batchnorm is folded, each Winograd kernel's
 * weights transformed and each direct kernel's weights packed once for all passes. The MNIST CNN's
 * convolutions take their ReLUs into the kernel the same way.
 */
import assert from "node:assert/strict";
import { backward, mul, readTensors, scope, sum, Tensor } from "../../engine/mod.ts";
import { buildModel } from "../../nn/models.ts";
import { withFrozenWeights } from "../../nn/layers.ts";
import type { Module } from "../../nn/module.ts";
import { currentTileConfig } from "../../engine/ops/matmul.ts";
import { assertClose, gpuTest, randomArray, type SeenDispatch, withDispatches } from "../helpers.ts";

const SHAPE = [2, 3, 32, 32];

/** d sum(logits * r) / dx for the model as it is (eval mode). */
async function inputGradient(
  m: Module,
  xData: Float32Array,
  r: Tensor,
  shape = SHAPE,
): Promise<Float32Array> {
  const x = Tensor.from(xData, shape);
  x.requiresGrad = true;
  const loss = scope(() => sum(mul(m.forward(x), r)));
  backward(loss);
  const [g] = await readTensors([x.grad!]);
  for (const t of [x.grad!, x, loss]) t.dispose();
  return g as Float32Array;
}

gpuTest(
  "a frozen ResNet's input gradient equals its layer-by-layer one; an attack folds, transforms and packs once",
  async () => {
    const m = buildModel("cifar_resnet20", { seed: 4 });
    // batch statistics in the running averages, so that folding them matters
    m.train();
    scope(() => m.forward(Tensor.from(randomArray(8 * 3 * 32 * 32, 9, 0, 1), [8, 3, 32, 32])));
    m.eval();
    const xData = randomArray(2 * 3 * 32 * 32, 5, 0, 1);
    const r = Tensor.from(randomArray(2 * 10, 6), [2, 10]);
    const layerByLayer = await inputGradient(m, xData, r);
    m.parameters().forEach((p) => (p.requiresGrad = false));
    // two passes in one withFrozenWeights: the second reuses the folded and transformed weights
    const [[first, second], seen] = await withDispatches(() =>
      withFrozenWeights(async () => [await inputGradient(m, xData, r), await inputGradient(m, xData, r)])
    );
    for (const frozen of [first, second]) {
      assertClose(frozen, layerByLayer, {
        rtol: 1e-4,
        atol: 1e-4 * Math.max(...Array.from(layerByLayer, Math.abs)),
        what: "input gradient",
      });
    }
    const count = (ds: SeenDispatch[], family: string, entry: string) =>
      ds.filter((d) => d.family === family && d.entry === entry).length;
    // 21 batchnorms (the stem's, two per block, two shortcuts'), each folded once, and no normalising pass
    assert.equal(count(seen, "batchnorm", "fold"), 21);
    assert.equal(count(seen, "batchnorm", "eval_apply4") + count(seen, "batchnorm", "eval_apply"), 0);
    // outside withFrozenWeights the weights are folded and transformed at every pass
    const [, apart] = await withDispatches(async () => {
      await inputGradient(m, xData, r);
      await inputGradient(m, xData, r);
    });
    assert.equal(count(apart, "batchnorm", "fold"), 42);
    const transforms = count(seen, "conv_winograd", "transform");
    if (transforms > 0) assert.equal(count(apart, "conv_winograd", "transform"), 2 * transforms);
    // and the direct kernel's weights (every adapter runs the stride-2 layers on it) packed once per direction:
    // permute's bounds are [O, 3, 3, C] for the forward packing, [3, 3, O, C] for the input gradient's
    const weightPacks = (ds: SeenDispatch[]) =>
      ds.filter((d) => {
        const lim = d.uniforms.lim as number[];
        return d.family === "conv2d" && d.entry === "permute" && lim[0] !== SHAPE[0] &&
          ((lim[1] === 3 && lim[2] === 3) || (lim[0] === 3 && lim[1] === 3));
      }).length;
    assert.ok(weightPacks(seen) > 0);
    assert.equal(weightPacks(apart), 2 * weightPacks(seen));
    r.dispose();
    m.dispose();
  },
);

gpuTest(
  "a frozen MNIST CNN's input gradient equals its layer-by-layer one, each convolution's ReLU in its kernel",
  async () => {
    const shape = [3, 1, 28, 28];
    const m = buildModel("mnist_cnn", { seed: 4 });
    m.eval();
    const xData = randomArray(3 * 784, 7, 0, 1);
    const r = Tensor.from(randomArray(3 * 10, 8), [3, 10]);
    const relus = (ds: SeenDispatch[]) =>
      ds.filter((d) => d.family === "elementwise" && d.entry.startsWith("unary")).length;
    const [layerByLayer, apart] = await withDispatches(() => inputGradient(m, xData, r, shape));
    m.parameters().forEach((p) => (p.requiresGrad = false));
    const [frozen, seen] = await withDispatches(() =>
      withFrozenWeights(() => inputGradient(m, xData, r, shape))
    );
    assertClose(frozen, layerByLayer, {
      rtol: 1e-4,
      atol: 1e-4 * Math.max(...Array.from(layerByLayer, Math.abs)),
      what: "input gradient",
    });
    // the three ReLUs' forward passes gone (their gradients are masked by the frozen convolutions)
    // ReLU passes spared: each layer's ReLU goes into its kernel's store, except where a layer sums split-K
    // partials afterwards (then its epilogue runs as passes; on lavapipe the third layer's); the first
    // layer runs on the narrow kernel with the ReLU in it
    assert.ok(relus(seen) < relus(apart), `${relus(seen)} ReLU passes frozen, ${relus(apart)} apart`);
    if (currentTileConfig().kind === "software") {
      assert.ok(
        seen.some((d) => d.family === "conv_narrow" && d.overrides.RELU === 1),
        "the narrow kernel's ReLU",
      );
    }
    r.dispose();
    m.dispose();
  },
);
