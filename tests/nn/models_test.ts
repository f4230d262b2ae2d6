/**
 * Model registry: architectures by name with the reference code's state-dict keys and parameter
 * counts; ResNet-50's inference path (folded batchnorm, fused epilogues) agrees with its layer-by-layer
 * forward; strict state-dict loading names every problem.
 */
import assert from "node:assert/strict";
import { noGrad, readTensors, scope, Tensor } from "../../engine/mod.ts";
import { buildModel, parseArch } from "../../nn/models.ts";
import { assertClose, gpuTest, randomArray } from "../helpers.ts";

gpuTest("ResNet-50 has torchvision's 25,557,032 parameters under DataParallel's `1.module.` prefix", () => {
  const m = buildModel("imagenet_resnet50");
  assert.equal(m.parameterCount(), 25557032);
  const keys = m.stateKeys();
  assert.equal(keys.length, 320);
  for (
    const k of [
      "1.module.conv1.weight",
      "1.module.layer1.0.downsample.0.weight",
      "1.module.layer4.2.bn3.running_var",
      "1.module.fc.bias",
    ]
  ) {
    assert.ok(keys.includes(k), k);
  }
  m.dispose();
});

gpuTest("ResNet-50's fused inference forward equals its layer-by-layer forward (rtol 1e-4)", async () => {
  const m = buildModel("imagenet_resnet50", { seed: 3 });
  m.eval();
  const x = Tensor.from(randomArray(2 * 3 * 32 * 32, 5, 0, 1), [2, 3, 32, 32]);
  const [plain, fused] = scope(() => [m.forward(x), noGrad(() => m.forward(x))]);
  const [a, b] = await readTensors([plain, fused]);
  assert.equal(a.length, 2000);
  assertClose(b, a, { rtol: 1e-4, atol: 1e-4 * Math.max(...Array.from(a, Math.abs)) });
  for (const t of [plain, fused, x]) t.dispose();
  m.dispose();
});

gpuTest("strict loading names missing, unexpected and mis-shaped keys, and non-finite values", () => {
  const m = buildModel("mnist_cnn");
  const sd = new Map([
    ["0.weight", { dtype: "F32" as const, shape: [32, 1, 3, 3], data: new Float32Array(288).fill(NaN) }],
    ["0.bias", { dtype: "F32" as const, shape: [31], data: new Float32Array(31) }],
    ["extra", { dtype: "F32" as const, shape: [1], data: new Float32Array(1) }],
  ]);
  assert.throws(
    () => m.loadStateDict(sd, "w.safetensors"),
    (e: Error) =>
      /w\.safetensors does not fit the model/.test(e.message) && /missing keys: 2\.weight/.test(e.message) &&
      /unexpected keys: extra/.test(e.message) &&
      /0\.bias: shape \[31\] in the file, the model expects \[32\]/.test(e.message) &&
      /0\.weight: 288 non-finite/.test(e.message),
  );
  m.dispose();
  assert.throws(() => parseArch("resnet18"), /unknown architecture "resnet18"/);
  assert.throws(() => buildModel("mnist_cnn", { normalize: "full" }), /mnist_cnn takes inputs in \[0,1\]/);
});
