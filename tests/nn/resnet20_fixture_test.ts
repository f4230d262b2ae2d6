/**
 * The CIFAR ResNet-20 reference fixture (PyTorch 1.13): our model, built by name and loaded from the
 * fixture's safetensors, reproduces eval logits (clean and noisy), train-mode logits and loss, every
 * parameter gradient, the input gradient and the batchnorm running statistics after one training
 * forward, within the tolerances of ../shared/fixtures/resnet20_cifar/tolerances.json.
 */
import assert from "node:assert/strict";
import { add, affine, backward, crossEntropy, noGrad, readTensors, scope, Tensor } from "../../engine/mod.ts";
import { loadModelWeights } from "../../nn/checkpoint/model_io.ts";
import { Conv2d, Linear } from "../../nn/layers.ts";
import { buildModel } from "../../nn/models.ts";
import { gpuTest } from "../helpers.ts";
import { assertWithin, loadFixture } from "./fixture_util.ts";

const fx = await loadFixture("resnet20_cifar");
const labels = Int32Array.from(fx.cases.get("labels")!.data as BigInt64Array, Number);

async function model() {
  const m = buildModel("cifar_resnet20");
  await loadModelWeights(m, `${fx.dir}weights.safetensors`);
  return m;
}

gpuTest(
  "ResNet-20 has 272,474 parameters and the reference's 128 state-dict keys; ResNet-110 has 1,730,714",
  () => {
    const m = buildModel("cifar_resnet20");
    assert.equal(m.parameterCount(), 272474);
    const keys = m.stateKeys();
    assert.equal(keys.length, 128);
    assert.ok(keys.includes("1.layer2.0.downsample.0.weight") && keys.includes("1.fc.bias"));
    assert.ok(keys.includes("1.layer3.2.bn2.num_batches_tracked"));
    m.dispose();
    const big = buildModel("cifar_resnet110");
    assert.equal(big.parameterCount(), 1730714);
    big.dispose();
  },
);

gpuTest("eval logits, clean and noisy (sigma 0.25), match PyTorch", async () => {
  const m = await model();
  m.eval();
  const x = fx.f32("input");
  const out = scope(() => {
    const input = Tensor.from(x, [8, 3, 32, 32]);
    const noisy = add(input, affine(Tensor.from(fx.f32("noise"), [8, 3, 32, 32]), 0.25));
    return [m.forward(input), m.forward(noisy)];
  });
  const [clean, noisy] = await readTensors(out);
  assertWithin("logits_eval", clean, fx.f32("logits_eval"), fx.tolerance("logits_eval"));
  assertWithin(
    "logits_eval_noisy",
    noisy,
    fx.f32("logits_eval_noisy_sigma0.25"),
    fx.tolerance("logits_eval_noisy_sigma0.25"),
  );
  out.forEach((t) => t.dispose());
  m.dispose();
});

gpuTest(
  "the inference path (folded batchnorm, fused residual and ReLU, activations packed from stem to pooling) reproduces the eval logits",
  async () => {
    const m = await model();
    m.eval();
    const out = scope(() => noGrad(() => m.forward(Tensor.from(fx.f32("input"), [8, 3, 32, 32]))));
    assertWithin(
      "logits_eval (fused inference)",
      await out.read(),
      fx.f32("logits_eval"),
      fx.tolerance("logits_eval"),
    );
    out.dispose();
    m.dispose();
  },
);

gpuTest(
  "train mode: logits, loss, every parameter gradient, the input gradient and BN running stats match",
  async () => {
    const m = await model();
    m.train();
    const input = Tensor.from(fx.f32("input"), [8, 3, 32, 32]);
    input.requiresGrad = true;
    const { logits, loss } = scope(() => {
      const logits = m.forward(input);
      return { logits, loss: crossEntropy(logits, Tensor.from(labels, [8], "i32")) };
    });
    backward(loss);
    const [lg, ls, gin] = await readTensors([logits, loss, input.grad!]);
    assertWithin("logits_train", lg, fx.f32("logits_train"), fx.tolerance("logits_train"));
    assertWithin("loss_train", ls, fx.f32("loss_train"), fx.tolerance("loss_train"));
    // gradients: norm-relative only (see the fixture README: elementwise comparison is not meaningful)
    assertWithin("grad.input", gin, fx.f32("grad.input"), fx.tolerance("grad.input"), false);
    const params = m.namedParameters();
    const grads = await readTensors(params.map(([, p]) => p.grad!));
    let worst = 0;
    params.forEach(([k], i) => {
      worst = Math.max(
        worst,
        assertWithin(`grad.${k}`, grads[i], fx.f32(`grad.${k}`), fx.tolerance(`grad.${k}`), false),
      );
    });
    console.log(
      `worst parameter-gradient norm-relative error: ${worst.toExponential(2)} over ${params.length} tensors`,
    );
    const sd = await m.stateDict();
    let checked = 0;
    for (const [k, h] of fx.cases) {
      if (!k.startsWith("after_train_forward.")) continue;
      const key = k.slice("after_train_forward.".length);
      const ours = sd.get(key)!;
      if (h.dtype === "I64") assert.equal(Number((ours.data as BigInt64Array)[0]), Number(h.data[0]), key);
      else assertWithin(k, ours.data as Float32Array, h.data as Float32Array, fx.tolerance(k));
      checked++;
    }
    assert.equal(checked, 63);
    for (const t of [logits, loss, input.grad!, input]) t.dispose();
    m.dispose();
  },
);

gpuTest(
  "f16 convolutions (f32 accumulation) reproduce the eval logits within 1e-2 norm-relative",
  async (e) => {
    if (!e.f16) return console.log("adapter without shader-f16: f16 path not available, nothing to check");
    const m = await model();
    m.eval();
    for (const [, mod] of m.modules()) {
      if (mod instanceof Conv2d || mod instanceof Linear) {
        mod.precision = "f16";
      }
    }
    const out = scope(() => m.forward(Tensor.from(fx.f32("input"), [8, 3, 32, 32])));
    const v = await out.read();
    const nr = assertWithin("logits_eval (f16)", v, fx.f32("logits_eval"), {
      norm_rel: 1e-2,
      max_abs: Infinity,
    }, false);
    console.log(`f16 eval logits: norm-relative error ${nr.toExponential(2)}`);
    out.dispose();
    m.dispose();
  },
);
