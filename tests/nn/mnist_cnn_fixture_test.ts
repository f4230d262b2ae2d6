/**
 * The small MNIST CNN fixture (PyTorch 1.13): built by name, loaded from safetensors, it reproduces
 * the logits, the loss, every parameter gradient and the input gradient within the fixture's
 * tolerances; the MNIST test images of the package match the fixture's bytes.
 */
import assert from "node:assert/strict";
import { backward, crossEntropy, engine, noGrad, readTensors, scope, Tensor } from "../../engine/mod.ts";
import { currentTileConfig, overrideTileConfig } from "../../engine/ops/matmul.ts";
import { tileConfig } from "../../engine/ops/matmul_tiles.ts";
import { loadModelWeights } from "../../nn/checkpoint/model_io.ts";
import { Conv2d, Linear } from "../../nn/layers.ts";
import { buildModel } from "../../nn/models.ts";
import { gpuTest } from "../helpers.ts";
import { assertWithin, loadFixture } from "./fixture_util.ts";

const fx = await loadFixture("mnist_cnn");
const labels = Int32Array.from(fx.cases.get("labels")!.data as BigInt64Array, Number);

gpuTest(
  "MNIST CNN: 87,114 parameters; logits, loss, all gradients and the input gradient match PyTorch",
  async () => {
    const m = buildModel("mnist_cnn");
    assert.equal(m.parameterCount(), 87114);
    assert.deepEqual(m.stateKeys(), [
      "0.weight",
      "0.bias",
      "2.weight",
      "2.bias",
      "4.weight",
      "4.bias",
      "7.weight",
      "7.bias",
    ]);
    await loadModelWeights(m, `${fx.dir}weights.safetensors`);
    const input = Tensor.from(fx.f32("input"), [16, 1, 28, 28]);
    input.requiresGrad = true;
    const { logits, loss } = scope(() => {
      const logits = m.forward(input);
      return { logits, loss: crossEntropy(logits, Tensor.from(labels, [16], "i32")) };
    });
    backward(loss);
    const [lg, ls, gin] = await readTensors([logits, loss, input.grad!]);
    assertWithin("logits", lg, fx.f32("logits"), fx.tolerance("logits"));
    assertWithin("loss", ls, fx.f32("loss"), fx.tolerance("loss"));
    assertWithin("grad.input", gin, fx.f32("grad.input"), fx.tolerance("grad.input"), false);
    const params = m.namedParameters();
    const grads = await readTensors(params.map(([, p]) => p.grad!));
    params.forEach(([k], i) =>
      assertWithin(`grad.${k}`, grads[i], fx.f32(`grad.${k}`), fx.tolerance(`grad.${k}`), false)
    );
    for (const t of [logits, loss, input.grad!, input]) t.dispose();
    m.dispose();
  },
);

gpuTest(
  "MNIST CNN inference path (convolution and ReLU fused, packed activations between the convolutions) reproduces the logits",
  async () => {
    const m = buildModel("mnist_cnn");
    await loadModelWeights(m, `${fx.dir}weights.safetensors`);
    m.eval();
    const out = scope(() => noGrad(() => m.forward(Tensor.from(fx.f32("input"), [16, 1, 28, 28]))));
    assertWithin("logits (fused inference)", await out.read(), fx.f32("logits"), fx.tolerance("logits"));
    out.dispose();
    m.dispose();
  },
);

gpuTest("MNIST CNN in f16 (f32 accumulation) reproduces the logits within 1e-2 norm-relative", async (e) => {
  if (!e.f16) return console.log("adapter without shader-f16: nothing to check");
  const m = buildModel("mnist_cnn");
  await loadModelWeights(m, `${fx.dir}weights.safetensors`);
  m.eval();
  for (const [, mod] of m.modules()) {
    if (mod instanceof Conv2d || mod instanceof Linear) mod.precision = "f16";
  }
  const out = scope(() => m.forward(Tensor.from(fx.f32("input"), [16, 1, 28, 28])));
  const nr = assertWithin("logits (f16)", await out.read(), fx.f32("logits"), {
    norm_rel: 1e-2,
    max_abs: Infinity,
  }, false);
  console.log(`f16 logits: norm-relative error ${nr.toExponential(2)}`);
  out.dispose();
  m.dispose();
});

gpuTest(
  "MNIST CNN inference with its first layer computed inside the second convolution (tiles of 8 x 32) reproduces the logits",
  async (e) => {
    const m = buildModel("mnist_cnn");
    await loadModelWeights(m, `${fx.dir}weights.safetensors`);
    m.eval();
    // Tiles as wide as 32 output columns, where the CPU adapter fuses the first layer (the test task's
    // 8 x 4 cap does not); 2 row blocks keep the pipelines quick to compile.
    overrideTileConfig(tileConfig(e.gpu.info, { rows: 2, cols: 8 }));
    const trace = engine().traceCompiles();
    try {
      const out = scope(() => noGrad(() => m.forward(Tensor.from(fx.f32("input"), [16, 1, 28, 28]))));
      assertWithin("logits (first layer fused)", await out.read(), fx.f32("logits"), fx.tolerance("logits"));
      out.dispose();
      const labels = (await trace.costs()).map((c) => c.label);
      if (currentTileConfig().kind === "software") {
        assert.ok(labels.includes("shaders/conv2d.wgsl:first"), labels.join());
      }
    } finally {
      engine().stopTracingCompiles();
      overrideTileConfig(null);
      m.dispose();
    }
  },
);
