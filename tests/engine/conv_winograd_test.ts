/**
 * The Winograd F(2x2, 3x3) convolution (shaders/conv_winograd.wgsl, engine/ops/conv_winograd.ts) against
 * float64 direct convolutions: on the software adapter every 3x3 stride-1 padding-1 layer whose output
 * blocks tile the image and channels runs there, for inference (conv2dFusedPacked: packed output, fused
 * epilogue of scale, bias, residual, ReLU) and for training (conv2d: NCHW output with bias, and the input
 * gradient as the convolution of the output gradient with the flipped, transposed weights); other shapes,
 * and a GPU's tile policy, keep the direct kernel.
 */
import fc from "../fast_check.ts";
import assert from "node:assert/strict";
import { add, backward, mul, readTensors, scope, sum, Tensor } from "../../engine/mod.ts";
import { conv2d } from "../../engine/ops/conv.ts";
import { conv2dBackwardInput } from "../../engine/ops/conv_backward.ts";
import { conv2dFusedPacked, packForConv } from "../../engine/ops/conv_inference.ts";
import { currentTileConfig, overrideTileConfig } from "../../engine/ops/matmul.ts";
import { setWinogradSharedWeights, WINOGRAD_WS_GROUPS } from "../../engine/ops/conv_winograd.ts";
import { tileConfig } from "../../engine/ops/matmul_tiles.ts";
import { assertClose, gpuTest, randomArray, withDispatches, withTextureCopies } from "../helpers.ts";
import { packedLayout, refConv, refConvBackward } from "./references.ts";

interface Case {
  N: number;
  C: number;
  H: number;
  W: number;
  O: number;
  bias: boolean;
  scale: boolean;
  residual: boolean;
  relu: boolean;
}

/** relu?(conv3x3(x, w, padding 1) * scale + bias + residual) in float64, NCHW. */
function reference(
  c: Case,
  x: Float32Array,
  w: Float32Array,
  scale: Float32Array,
  bias: Float32Array,
  res: Float32Array,
) {
  const y = new Float64Array(c.N * c.O * c.H * c.W);
  for (let n = 0; n < c.N; n++) {
    for (let o = 0; o < c.O; o++) {
      for (let oh = 0; oh < c.H; oh++) {
        for (let ow = 0; ow < c.W; ow++) {
          let s = 0;
          for (let ci = 0; ci < c.C; ci++) {
            for (let kh = 0; kh < 3; kh++) {
              const ih = oh - 1 + kh;
              if (ih < 0 || ih >= c.H) continue;
              for (let kw = 0; kw < 3; kw++) {
                const iw = ow - 1 + kw;
                if (iw < 0 || iw >= c.W) continue;
                s += x[((n * c.C + ci) * c.H + ih) * c.W + iw] * w[((o * c.C + ci) * 3 + kh) * 3 + kw];
              }
            }
          }
          const i = ((n * c.O + o) * c.H + oh) * c.W + ow;
          let v = s * (c.scale ? scale[o] : 1) + (c.bias ? bias[o] : 0) + (c.residual ? res[i] : 0);
          if (c.relu) v = Math.max(0, v);
          y[i] = v;
        }
      }
    }
  }
  return y;
}

/** The packed output of conv2dFusedPacked on case c, its float64 reference, and the kernels that ran. */
async function run(c: Case, seed: number) {
  const x = randomArray(c.N * c.C * c.H * c.W, seed);
  const w = randomArray(c.O * c.C * 9, seed + 1, -0.3, 0.3);
  const scale = randomArray(c.O, seed + 2, 0.5, 1.5), bias = randomArray(c.O, seed + 3);
  const res = randomArray(c.N * c.O * c.H * c.W, seed + 4);
  const [[got], seen] = await withDispatches(async () =>
    await readTensors(scope(() => {
      const y = conv2dFusedPacked(
        packForConv(Tensor.from(x, [c.N, c.C, c.H, c.W])),
        Tensor.from(w, [c.O, c.C, 3, 3]),
        {
          padding: 1,
          bias: c.bias ? Tensor.from(bias, [c.O]) : null,
          scale: c.scale ? Tensor.from(scale, [c.O]) : null,
          residual: c.residual ? packForConv(Tensor.from(res, [c.N, c.O, c.H, c.W])) : null,
          relu: c.relu,
        },
      );
      return [y.data];
    }))
  );
  const want = packedLayout(reference(c, x, w, scale, bias, res), c.N, c.O, c.H * c.W);
  const kernels = seen.filter((d) => d.entry === "main").map((d) => d.family);
  return { got, want, kernels };
}

const winograd = () => currentTileConfig().winograd === true;

/** Whether a Winograd pass with O output and C input channels reads its weights from workgroup memory. */
const sharedWeights = (O: number, C: number) =>
  currentTileConfig().winogradSharedWeights === true && O === 16 && Math.ceil(C / 4) <= WINOGRAD_WS_GROUPS;

Deno.test("the workgroup-memory weights are lavapipe's (Vulkan) only: not llvmpipe through GL, not GPUs", () => {
  const config = (description: string, backend: string, isFallbackAdapter = true) =>
    tileConfig({ description, backend, isFallbackAdapter });
  assert.equal(config("llvmpipe (LLVM 15.0.6, 256 bits)", "vulkan").winogradSharedWeights, true);
  assert.equal(config("llvmpipe (LLVM 15.0.6, 256 bits)", "gl").winogradSharedWeights, false);
  assert.equal(config("NVIDIA H100", "vulkan", false).winogradSharedWeights, undefined);
});

Deno.test("main reads the image height and the mask flag through wid.z, which lavapipe cannot inline", async () => {
  // With p.H in its address arithmetic, lavapipe (Mesa 22.3) recompiled the NCHW pipelines at every
  // dispatch when their first image was 16 or 40 rows high (shaders/conv_winograd.wgsl at imageH).
  const code = (await Deno.readTextFile(new URL("../../shaders/conv_winograd.wgsl", import.meta.url)))
    .replace(/\/\/.*$/gm, "");
  const reads = [...code.matchAll(/\bp\.H\b.*$/gm)].map((m) => m[0].trim());
  assert.deepEqual(reads, ["p.H + wid.z;"]);
  const body = code.slice(code.indexOf("fn main("));
  assert.equal(body.slice(body.indexOf("{") + 1).trim().split("\n")[0], "imageH = p.H + wid.z;");
  // the mask flag likewise (lavapipe could drop its branch where it inlines mask = 0)
  assert.deepEqual([...code.matchAll(/\bp\.mask\b.*$/gm)].map((m) => m[0].trim()), ["p.mask + wid.z;"]);
});

const CASES: Case[] = [
  // a ResNet's three stages, scaled down, with their epilogues
  { N: 3, C: 16, H: 8, W: 8, O: 16, bias: true, scale: true, residual: false, relu: true },
  { N: 2, C: 32, H: 4, W: 8, O: 32, bias: true, scale: true, residual: true, relu: true },
  { N: 1, C: 64, H: 8, W: 16, O: 64, bias: false, scale: false, residual: true, relu: false },
  // channels that are not a multiple of 4 (the packed input pads them with zeros: a CIFAR stem's 3), H != W,
  // many images
  { N: 5, C: 13, H: 12, W: 8, O: 48, bias: true, scale: false, residual: false, relu: true },
  { N: 9, C: 8, H: 4, W: 24, O: 16, bias: false, scale: true, residual: true, relu: true },
  { N: 4, C: 3, H: 8, W: 8, O: 16, bias: true, scale: true, residual: false, relu: true },
];

for (const [i, c] of CASES.entries()) {
  gpuTest(`Winograd F(2x2, 3x3) on the CPU adapter: ${JSON.stringify(c)} matches float64`, async () => {
    const { got, want, kernels } = await run(c, 100 + 10 * i);
    // Winograd's transforms add rounding: a looser tolerance than the direct kernel's 1e-5.
    assertClose(got, want, { rtol: 2e-5, atol: 2e-5 * Math.sqrt(9 * c.C), what: "winograd" });
    assert.deepEqual(kernels, [winograd() ? "conv_winograd" : "conv2d"]);
  });
}

gpuTest(
  "16 output channels from at most 16 input channels: the weights from workgroup memory give the texture's values bit for bit",
  async () => {
    if (!winograd()) return;
    const cases: Case[] = [
      // 1, 2 and 4 channel groups written out (a CIFAR stem's 3 channels, 8, 16), and 5 groups, which loop
      { N: 4, C: 3, H: 8, W: 8, O: 16, bias: true, scale: true, residual: false, relu: true },
      { N: 3, C: 8, H: 4, W: 16, O: 16, bias: false, scale: true, residual: true, relu: true },
      { N: 5, C: 16, H: 12, W: 8, O: 16, bias: true, scale: false, residual: true, relu: false },
      { N: 2, C: 20, H: 4, W: 8, O: 16, bias: true, scale: true, residual: false, relu: true },
    ];
    for (const [i, c] of cases.entries()) {
      const what = JSON.stringify(c);
      const outs: Float32Array[] = [];
      for (const on of [true, false]) {
        const was = setWinogradSharedWeights(on);
        try {
          const [got, seen] = await withDispatches(() => run(c, 400 + 10 * i));
          assertClose(got.got, got.want, { rtol: 2e-5, atol: 2e-5 * Math.sqrt(9 * c.C), what });
          const main = seen.filter((d) => d.family === "conv_winograd" && d.entry === "main");
          const C4 = Math.ceil(c.C / 4) * 4;
          const expected = on && sharedWeights(c.O, c.C) ? { WS: 1, CG: C4 / 4, WGS: 64 } : {};
          assert.deepEqual(main.map((d) => d.overrides), [expected], what);
          outs.push(got.got as Float32Array);
        } finally {
          setWinogradSharedWeights(was);
        }
      }
      assert.deepEqual(outs[0], outs[1], `${what}: the same sums in the same order`);
    }
  },
);

gpuTest(
  "Winograd on random shapes its blocks tile (any input channels, padded to 4s) and random epilogues matches float64",
  async () => {
    const caseArb = fc.record({
      N: fc.integer({ min: 1, max: 4 }),
      C: fc.integer({ min: 1, max: 21 }),
      H: fc.integer({ min: 1, max: 3 }).map((b) => 4 * b),
      W: fc.integer({ min: 1, max: 3 }).map((b) => 8 * b),
      O: fc.integer({ min: 1, max: 3 }).map((b) => 16 * b),
      bias: fc.boolean(),
      scale: fc.boolean(),
      residual: fc.boolean(),
      relu: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(caseArb, fc.integer({ min: 1, max: 1 << 20 }), async (c, seed) => {
        const { got, want, kernels } = await run(c, seed);
        assertClose(got, want, { rtol: 2e-5, atol: 2e-5 * Math.sqrt(9 * c.C), what: JSON.stringify(c) });
        assert.deepEqual(kernels, [winograd() ? "conv_winograd" : "conv2d"]);
      }),
      { numRuns: 8, seed: 20261206 },
    );
  },
);

gpuTest(
  "shapes Winograd's blocks do not tile, and a GPU's tile policy, keep the direct kernel, with the same values",
  async () => {
    const base: Case = {
      N: 2,
      C: 16,
      H: 8,
      W: 8,
      O: 16,
      bias: true,
      scale: true,
      residual: true,
      relu: true,
    };
    for (const c of [{ ...base, W: 12 }, { ...base, H: 6 }, { ...base, O: 24 }]) {
      const { got, want, kernels } = await run(c, 200);
      assertClose(got, want, { rtol: 1e-5, atol: 1e-5 * Math.sqrt(9 * c.C), what: JSON.stringify(c) });
      assert.deepEqual(kernels, ["conv2d"], JSON.stringify(c));
    }
    overrideTileConfig(
      tileConfig({ isFallbackAdapter: false, description: "hardware GPU (forced in a test)" }),
    );
    try {
      const { got, want, kernels } = await run(base, 210);
      assertClose(got, want, { rtol: 1e-5, atol: 1e-5 * Math.sqrt(9 * base.C), what: "GPU policy" });
      assert.deepEqual(kernels, ["conv2d"]);
    } finally {
      overrideTileConfig(null);
    }
  },
);

/** A training convolution: x [N, C, H, W], w [O, C, 3, 3], padding 1. */
interface TrainCase {
  N: number;
  C: number;
  H: number;
  W: number;
  O: number;
}

/** The input and weight gradients of conv3x3(x, w, padding 1) for the output gradient gy, in float64. */
function refGradients(c: TrainCase, gy: Float32Array, x: Float32Array, w: Float32Array) {
  return refConvBackward(gy, x, w, { ...c, KH: 3, KW: 3, S: 1, P: 1 });
}

/**
 * conv2d's forward pass (with bias) and, through autograd, the input and weight gradients for an output
 * gradient gy (the gradients of sum(y * gy)), with the convolution kernels that ran, in order.
 */
async function runTraining(c: TrainCase, seed: number) {
  const x = randomArray(c.N * c.C * c.H * c.W, seed);
  const w = randomArray(c.O * c.C * 9, seed + 1, -0.3, 0.3);
  const bias = randomArray(c.O, seed + 2);
  const gy = randomArray(c.N * c.O * c.H * c.W, seed + 3);
  const labels: string[] = [];
  const [[[y, dx, dw], seen]] = await withTextureCopies(
    () =>
      withDispatches(async () =>
        await readTensors(scope(() => {
          const xt = Tensor.from(x, [c.N, c.C, c.H, c.W]), wt = Tensor.from(w, [c.O, c.C, 3, 3]);
          xt.requiresGrad = true;
          wt.requiresGrad = true;
          const out = conv2d(xt, wt, Tensor.from(bias, [c.O]), { padding: 1 });
          backward(sum(mul(out, Tensor.from(gy, [c.N, c.O, c.H, c.W]))));
          return [out, xt.grad!, wt.grad!];
        }))
      ),
    labels,
  );
  const g = { N: c.N, C: c.C, H: c.H, W: c.W, O: c.O, KH: 3, KW: 3, S: 1, P: 1 };
  const conv = (d: { family: string; entry: string }) => d.entry === "main" && d.family.startsWith("conv");
  const want = refGradients(c, gy, x, w);
  return {
    packs: seen.filter((d) => d.entry === "pack").length,
    gradientCopies: labels.filter((l) => l.includes("winograd output gradient")).length,
    heldCopies: labels.filter((l) => l.includes("held")).length,
    y,
    dx,
    dw,
    wantY: refConv(x, w, bias, g),
    wantDx: want.dx,
    wantDw: want.dw,
    kernels: seen.filter(conv).map((d) => d.family),
    ws: seen.filter(conv).map((d) => d.overrides.WS ?? 0),
  };
}

/** conv2d's three passes on case c against float64, and the kernel each ran (Winograd where its blocks fit). */
async function checkTraining(c: TrainCase, seed: number) {
  const { y, dx, dw, wantY, wantDx, wantDw, kernels, ws, packs, gradientCopies, heldCopies } =
    await runTraining(
      c,
      seed,
    );
  const what = JSON.stringify(c);
  assertClose(y, wantY, { rtol: 2e-5, atol: 2e-5 * Math.sqrt(9 * c.C), what: `forward ${what}` });
  assertClose(dx, wantDx, { rtol: 2e-5, atol: 2e-5 * Math.sqrt(9 * c.O), what: `input gradient ${what}` });
  assertClose(dw, wantDw, {
    rtol: 2e-5,
    atol: 2e-5 * Math.sqrt(c.N * c.H * c.W),
    what: `weight gradient ${what}`,
  });
  // The forward pass tiles 4 x 8 pixels and O by 16, the input gradient C by 16, the weight gradient
  // 2 x 2 pixels (rows of whole vec4s) and O by 16. Of the rest, on the software adapter, the forward pass
  // and the input gradient (at most 32 output channels) of a layer with at most 4 input channels and rows
  // of whole vec4s run the narrow kernel (conv_narrow_test.ts), the others the direct kernel.
  const on = winograd(), blocks = c.H % 4 === 0 && c.W % 8 === 0;
  const passes = [
    on && blocks && c.O % 16 === 0,
    on && blocks && c.C % 16 === 0,
    on && c.H % 2 === 0 && c.W % 4 === 0 && c.O % 16 === 0,
  ];
  const narrow = currentTileConfig().kind === "software" && c.C <= 4 && c.W % 4 === 0;
  assert.deepEqual(kernels, [
    passes[0] ? "conv_winograd" : narrow ? "conv_narrow" : "conv2d",
    passes[1] ? "conv_winograd" : narrow && c.O <= 32 ? "conv_narrow" : "conv2d",
    passes[2] ? "conv_winograd_grad" : "conv2d",
  ], what);
  // 16 output channels and at most 16 input channels: the weights from workgroup memory (WS = 1)
  assert.deepEqual(ws, [
    passes[0] && sharedWeights(c.O, c.C) ? 1 : 0,
    passes[1] && sharedWeights(c.C, c.O) ? 1 : 0,
    0,
  ], `workgroup-memory weights, ${what}`);
  // Winograd's passes read x and the output gradient as they are: nothing packed, the output gradient
  // copied into a texture once for both gradients, and x once for the forward pass and the weight gradient
  // (its held texture), each in one copy here (fewer than 4,096 vec4s).
  if (passes.every((p) => p)) assert.deepEqual([packs, gradientCopies, heldCopies], [0, 1, 1], what);
}

gpuTest(
  "training: conv2d's forward pass (NCHW, with bias), input gradient (flipped weights) and weight gradient run Winograd and match float64",
  async () => {
    const cases: TrainCase[] = [
      // a ResNet's stem (3 channels in) and stages
      { N: 2, C: 3, H: 8, W: 8, O: 16 },
      { N: 3, C: 16, H: 8, W: 16, O: 16 },
      { N: 2, C: 32, H: 12, W: 8, O: 32 },
      { N: 1, C: 64, H: 4, W: 24, O: 64 },
      // 13 channels out: forward and weight gradient direct, the input gradient on Winograd, its 13 input
      // channels (the output gradient's) read as 4 groups of 4, the last one zero past 13
      { N: 2, C: 16, H: 4, W: 8, O: 13 },
      // images the forward blocks do not tile but the weight gradient's do: 420 tiles in 70 runs of 4 side
      // by side (each row's second run half outside the image), shares of 3 runs, the last one of 1 (x
      // saved beside its packed copy for it)
      { N: 7, C: 16, H: 10, W: 12, O: 16 },
      // 13 input channels (zero past 13 in the last group), 48 out
      { N: 2, C: 13, H: 4, W: 8, O: 48 },
      // 64 blocks of 16 x 4 channels: two shares; 256 blocks: one share, nothing to add
      { N: 1, C: 64, H: 2, W: 4, O: 64 },
      { N: 1, C: 256, H: 2, W: 4, O: 64 },
    ];
    for (const [i, c] of cases.entries()) await checkTraining(c, 300 + 10 * i);
  },
);

gpuTest(
  "training: the 16-channel passes give the same values bit for bit with the weights from workgroup memory or a texture",
  async () => {
    // A run may switch forms between two batches (smoothing/compile_ahead.ts defers the workgroup-memory
    // form while a second device builds it), so its numbers must not depend on when it did.
    if (!winograd()) return;
    // the stem (forward pass only in the workgroup-memory form) and a first-stage layer (both passes)
    const cases: TrainCase[] = [{ N: 2, C: 3, H: 8, W: 8, O: 16 }, { N: 3, C: 16, H: 4, W: 16, O: 16 }];
    for (const [i, c] of cases.entries()) {
      const runs = [];
      for (const on of [true, false]) {
        const was = setWinogradSharedWeights(on);
        try {
          runs.push(await runTraining(c, 500 + 10 * i));
        } finally {
          setWinogradSharedWeights(was);
        }
      }
      const [shared, texture] = runs;
      const what = JSON.stringify(c);
      assert.deepEqual(shared.ws, [1, sharedWeights(c.C, c.O) ? 1 : 0, 0], what);
      assert.deepEqual(texture.ws, [0, 0, 0], what);
      assert.deepEqual(shared.y, texture.y, `forward ${what}`);
      assert.deepEqual(shared.dx, texture.dx, `input gradient ${what}`);
      assert.deepEqual(shared.dw, texture.dw, `weight gradient ${what}`);
    }
  },
);

gpuTest(
  "training convolutions on random shapes (3x3, stride 1) match float64 in all three passes",
  async () => {
    const caseArb = fc.record({
      N: fc.integer({ min: 1, max: 3 }),
      C: fc.integer({ min: 1, max: 40 }),
      H: fc.integer({ min: 1, max: 6 }).map((h) => 2 * h),
      W: fc.integer({ min: 1, max: 6 }).map((w) => 2 * w),
      O: fc.constantFrom(4, 16, 32, 48),
    });
    await fc.assert(
      fc.asyncProperty(caseArb, fc.integer({ min: 1, max: 1 << 20 }), (c, seed) => checkTraining(c, seed)),
      { numRuns: 8, seed: 20261207 },
    );
  },
);

gpuTest("Winograd's input gradient equals the direct kernel's on a random output gradient", async () => {
  // the same call under the GPU tile policy (direct kernel) and the software adapter's (Winograd)
  const c: TrainCase = { N: 2, C: 16, H: 8, W: 8, O: 32 };
  const gy = randomArray(c.N * c.O * c.H * c.W, 7), w = randomArray(c.O * c.C * 9, 8);
  const input = () =>
    readTensors(scope(() => [
      conv2dBackwardInput(Tensor.from(gy, [c.N, c.O, c.H, c.W]), Tensor.from(w, [c.O, c.C, 3, 3]), [
        c.N,
        c.C,
        c.H,
        c.W,
      ], { padding: 1 }),
    ]));
  const [[fast], seen] = await withDispatches(input);
  const software = winograd();
  overrideTileConfig(
    tileConfig({ isFallbackAdapter: false, description: "hardware GPU (forced in a test)" }),
  );
  try {
    const [[direct], seenDirect] = await withDispatches(input);
    assertClose(fast, direct, { rtol: 2e-5, atol: 2e-5 * Math.sqrt(9 * c.O), what: "input gradient" });
    assert.ok(seenDirect.every((d) => d.family !== "conv_winograd"));
    assert.equal(seen.some((d) => d.family === "conv_winograd"), software);
  } finally {
    overrideTileConfig(null);
  }
});

gpuTest(
  "a residual block's input gradient: Winograd's input gradient adds the shortcut's in its epilogue (no separate sum) and matches float64",
  async () => {
    // x = 2 x0 (a node, so its gradient from both uses is summed), y = conv(x) + x, loss = sum(y * gy):
    // dx0 = 2 (conv's input gradient of gy + gy). The shortcut's gradient is summed first, and the
    // convolution's backward takes it as its residual (NCHW, res = 1).
    for (
      const [i, c] of [{ N: 2, C: 16, H: 8, W: 8, O: 16 }, { N: 1, C: 32, H: 4, W: 16, O: 32 }].entries()
    ) {
      const x0s = randomArray(c.N * c.C * c.H * c.W, 500 + i, -1, 1);
      const ws = randomArray(c.O * c.C * 9, 510 + i, -0.3, 0.3);
      const gys = randomArray(c.N * c.O * c.H * c.W, 520 + i, -1, 1);
      const x0 = Tensor.from(x0s, [c.N, c.C, c.H, c.W]);
      x0.requiresGrad = true;
      const loss = scope(() => {
        const x = mul(x0, Tensor.from(new Float32Array(x0s.length).fill(2), x0.shape));
        const y = conv2d(x, Tensor.from(ws, [c.O, c.C, 3, 3]), null, { padding: 1 });
        return sum(mul(add(y, x), Tensor.from(gys, y.shape)));
      });
      const [dx0, seen] = await withDispatches(async () => {
        backward(loss);
        return await x0.grad!.read();
      });
      loss.dispose();
      const what = JSON.stringify(c);
      assert.ok(
        seen.some((d) =>
          d.family === "conv_winograd" && d.entry === "main" && d.overrides.NCHW === 1 && d.uniforms.res === 1
        ),
        `${what}: the input gradient added the shortcut's`,
      );
      assert.ok(
        !seen.some((d) => d.family === "elementwise" && d.entry.startsWith("binary") && d.overrides.OP === 0),
        `${what}: no separate sum (elementwise add, OP 0)`,
      );
      const { dx } = refGradients(c, gys, new Float32Array(x0s.length), ws);
      const want = Array.from(dx, (v, k) => 2 * (v + gys[k]));
      assertClose(dx0, want, { rtol: 1e-5, atol: 1e-5 * Math.sqrt(9 * c.O), what });
      x0.grad!.dispose();
      x0.dispose();
    }
  },
);
