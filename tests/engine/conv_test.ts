/**
 * conv2d (forward, gradient of the input, gradient of the weight) against float64 CPU references on
 * random shapes from fast-check (odd sizes, channel counts that are not multiples of 4, kernels 1..7,
 * strides 1..3, paddings 0..3, batch 1), the CIFAR ResNet shapes, split-K, finite-difference gradient
 * checks of the op and of a small composed network, the f16 forward path (when the adapter has
 * shader-f16) and the argument errors.
 *
 * Tolerance (f32, inputs in [-1, 1]; tests/engine/conv_check.ts): |got - ref| <= 1e-5 * (1 + sqrt(R)) + 1e-5 *
 * |ref| where R is the length of the reduction behind each output (C*KH*KW forward, O*KH*KW for the input
 * gradient, N*OH*OW for the weight gradient). Wrong indices or a missing tap give errors of order 1. f16: the
 * inputs are rounded to f16 and the reference is computed from the rounded values, tolerance
 * 1e-4 * (1 + sqrt(R)).
 */
import fc from "../fast_check.ts";
import assert, { throws } from "node:assert/strict";
import { engine, mul, relu, reshape, scope, sum, Tensor } from "../../engine/mod.ts";
import { conv2d } from "../../engine/ops/conv.ts";
import { conv2dBackwardInput, conv2dBackwardWeight } from "../../engine/ops/conv_backward.ts";
import { currentTileConfig, linear, overrideTileConfig } from "../../engine/ops/matmul.ts";
import { tileConfig } from "../../engine/ops/matmul_tiles.ts";
import { f16BitsToF32, f32ToF16Bits } from "../../engine/tensor.ts";
import { assertClose, gpuTest, randomArray, withDispatches, withTextureCopies } from "../helpers.ts";
import { checkGradients } from "./gradcheck.ts";
import { type Geo, outSize, refConv, refConvBackward } from "./references.ts";
import { checkConv, tol } from "./conv_check.ts";

const geoArb = fc.record({
  N: fc.integer({ min: 1, max: 3 }),
  C: fc.integer({ min: 1, max: 9 }),
  H: fc.integer({ min: 1, max: 12 }),
  W: fc.integer({ min: 1, max: 12 }),
  O: fc.integer({ min: 1, max: 10 }),
  KH: fc.constantFrom(1, 2, 3, 5, 7),
  KW: fc.constantFrom(1, 3, 4, 7),
  S: fc.integer({ min: 1, max: 3 }),
  P: fc.integer({ min: 0, max: 3 }),
}).filter((g) => outSize(g)[0] >= 1 && outSize(g)[1] >= 1);

gpuTest("conv2d: random geometries, forward and both gradients match the float64 reference", async () => {
  await fc.assert(
    fc.asyncProperty(geoArb, fc.integer({ min: 1, max: 1 << 20 }), (g, seed) => checkConv(g, seed)),
    { numRuns: 14, seed: 424242 },
  );
});

gpuTest(
  "conv2d: ResNet shapes (3x3 s1/s2, 1x1 s2 downsample, 7x7 s2 stem), split-K, batch 1, 1M pixels",
  async () => {
    const shapes: Geo[] = [
      { N: 2, C: 16, H: 8, W: 8, O: 16, KH: 3, KW: 3, S: 1, P: 1 },
      { N: 2, C: 16, H: 8, W: 8, O: 32, KH: 3, KW: 3, S: 2, P: 1 },
      { N: 3, C: 16, H: 8, W: 8, O: 32, KH: 1, KW: 1, S: 2, P: 0 },
      { N: 1, C: 3, H: 15, W: 13, O: 8, KH: 7, KW: 7, S: 2, P: 3 },
      { N: 1, C: 3, H: 32, W: 32, O: 16, KH: 3, KW: 3, S: 1, P: 1 }, // CIFAR stem, C = 3 padded to 4
      { N: 16, C: 4, H: 16, W: 16, O: 4, KH: 3, KW: 3, S: 1, P: 1 }, // weight gradient: K = 4096, split-K
      { N: 1, C: 96, H: 2, W: 2, O: 5, KH: 3, KW: 3, S: 1, P: 1 }, // tiny output, long K: forward split-K
      { N: 256, C: 2, H: 64, W: 64, O: 1, KH: 1, KW: 1, S: 1, P: 0 }, // 1M pixels: index arithmetic at scale
    ];
    for (const [i, g] of shapes.entries()) await checkConv(g, 100 + i);
  },
);

gpuTest(
  "conv2d: one input channel runs on an im2col copy (MNIST layer 1, odd sizes, stride 2, a 5x5 kernel whose 25 taps pad to 28); planes with H*W % 4 == 0 but W % 4 != 0 pack by vec4s",
  async () => {
    const shapes: Geo[] = [
      { N: 3, C: 1, H: 28, W: 28, O: 32, KH: 3, KW: 3, S: 1, P: 1 },
      { N: 2, C: 1, H: 7, W: 5, O: 3, KH: 3, KW: 3, S: 2, P: 1 },
      { N: 1, C: 1, H: 9, W: 6, O: 5, KH: 5, KW: 5, S: 1, P: 2 },
      { N: 2, C: 1, H: 4, W: 3, O: 2, KH: 1, KW: 2, S: 1, P: 0 },
      { N: 2, C: 6, H: 14, W: 14, O: 9, KH: 3, KW: 3, S: 2, P: 1 }, // MNIST layer 3's 14x14 input
      { N: 3, C: 5, H: 2, W: 6, O: 4, KH: 3, KW: 3, S: 1, P: 1 },
    ];
    for (const [i, g] of shapes.entries()) await checkConv(g, 200 + i);
  },
);

function weighted(out: Float64Array, R: Float32Array): number {
  let s = 0;
  for (let i = 0; i < out.length; i++) s += out[i] * R[i];
  return s;
}

gpuTest("conv2d: gradients of x, w and bias match float64 finite differences (stride 1 and 2)", async () => {
  for (
    const g of [
      { N: 2, C: 3, H: 5, W: 6, O: 4, KH: 3, KW: 3, S: 1, P: 1 },
      { N: 1, C: 2, H: 7, W: 5, O: 3, KH: 3, KW: 2, S: 2, P: 1 },
    ]
  ) {
    const [OH, OW] = outSize(g);
    const R = randomArray(g.N * g.O * OH * OW, 5);
    await checkGradients({
      inputs: [
        { shape: [g.N, g.C, g.H, g.W], data: randomArray(g.N * g.C * g.H * g.W, 1) },
        { shape: [g.O, g.C, g.KH, g.KW], data: randomArray(g.O * g.C * g.KH * g.KW, 2) },
        { shape: [g.O], data: randomArray(g.O, 3) },
      ],
      gpu: ([x, w, b]) =>
        sum(mul(conv2d(x, w, b, { stride: g.S, padding: g.P }), Tensor.from(R, [g.N, g.O, OH, OW]))),
      cpu: ([x, w, b]) => weighted(refConv(x, w, b, g), R),
      what: `conv2d gradient ${JSON.stringify(g)}`,
    });
  }
});

gpuTest("conv2d: end-to-end gradient of conv -> relu -> conv(stride 2) -> linear", async () => {
  const N = 2;
  const g1: Geo = { N, C: 3, H: 6, W: 6, O: 4, KH: 3, KW: 3, S: 1, P: 1 };
  const g2: Geo = { N, C: 4, H: 6, W: 6, O: 5, KH: 3, KW: 3, S: 2, P: 1 };
  const [OH2, OW2] = outSize(g2);
  const F = 5 * OH2 * OW2, OUT = 3;
  const R = randomArray(N * OUT, 9);
  const cpu = ([x, w1, b1, w2, wl, bl]: Float64Array[]) => {
    const h = refConv(x, w1, b1, g1).map((v) => Math.max(v, 0));
    const z = refConv(h, w2, null, g2);
    let s = 0;
    for (let n = 0; n < N; n++) {
      for (let o = 0; o < OUT; o++) {
        let v = bl[o];
        for (let f = 0; f < F; f++) v += z[n * F + f] * wl[o * F + f];
        s += v * R[n * OUT + o];
      }
    }
    return s;
  };
  await checkGradients({
    inputs: [
      { shape: [N, 3, 6, 6], data: randomArray(N * 3 * 36, 1) },
      { shape: [4, 3, 3, 3], data: randomArray(4 * 27, 2) },
      { shape: [4], data: randomArray(4, 3) },
      { shape: [5, 4, 3, 3], data: randomArray(5 * 36, 4) },
      { shape: [OUT, F], data: randomArray(OUT * F, 5) },
      { shape: [OUT], data: randomArray(OUT, 6) },
    ],
    gpu: ([x, w1, b1, w2, wl, bl]) => {
      const h = relu(conv2d(x, w1, b1, { padding: 1 }));
      const z = conv2d(h, w2, null, { stride: 2, padding: 1 });
      return sum(mul(linear(reshape(z, [N, F]), wl, bl), Tensor.from(R, [N, OUT])));
    },
    cpu,
    what: "conv-relu-conv-linear gradient",
  });
});

gpuTest(
  "conv2d: f16 inputs use the f16 forward kernel (f32 output) when the adapter has shader-f16",
  async () => {
    if (!engine().f16) return; // the f16 kernels cannot compile without shader-f16
    const r16 = (x: Float32Array) => x.map((v) => f16BitsToF32(f32ToF16Bits(v)));
    const check = async (g: Geo, seed: number) => {
      const X = r16(randomArray(g.N * g.C * g.H * g.W, seed));
      const Wt = r16(randomArray(g.O * g.C * g.KH * g.KW, seed + 1));
      const B = randomArray(g.O, seed + 2);
      const y = scope(() =>
        conv2d(
          Tensor.from(X, [g.N, g.C, g.H, g.W], "f16"),
          Tensor.from(Wt, [g.O, g.C, g.KH, g.KW], "f16"),
          Tensor.from(B, [g.O]),
          { stride: g.S, padding: g.P },
        )
      );
      if (y.dtype !== "f32") throw new Error(`f16 conv2d returned ${y.dtype}, expected f32`);
      assertClose(await y.read(), refConv(X, Wt, B, g), {
        ...tol(g.C * g.KH * g.KW, 1e-4),
        what: `f16 conv2d ${JSON.stringify(g)}`,
      });
      y.dispose();
    };
    await fc.assert(fc.asyncProperty(geoArb, fc.integer({ min: 1, max: 1 << 20 }), check), {
      numRuns: 6,
      seed: 99,
    });
    await check({ N: 2, C: 16, H: 8, W: 8, O: 32, KH: 3, KW: 3, S: 2, P: 1 }, 7);
  },
);

gpuTest("conv2d: bad shapes, options and dtypes are rejected naming the op, the input and the shapes", () => {
  scope(() => {
    const x = Tensor.from(new Float32Array(2 * 3 * 5 * 5), [2, 3, 5, 5]);
    const w = Tensor.from(new Float32Array(4 * 3 * 3 * 3), [4, 3, 3, 3]);
    throws(() => conv2d(x.view([6, 5, 5]), w, null), /conv2d: x must be \[N, C, H, W\], got \[6, 5, 5\]/);
    throws(
      () => conv2d(x, Tensor.from(new Float32Array(4 * 2 * 9), [4, 2, 3, 3]), null),
      /conv2d: w must be \[O, 3, KH, KW\] to match x \[2, 3, 5, 5\] \(C=3\), got \[4, 2, 3, 3\]/,
    );
    throws(
      () => conv2d(x, w, Tensor.from(new Float32Array(3), [3])),
      /conv2d: bias must be \[4\] for w \[4, 3, 3, 3\], got \[3\]/,
    );
    throws(() => conv2d(x, w, null, { stride: 0 }), /conv2d: stride must be a positive integer, got 0/);
    throws(
      () => conv2d(x, w, null, { padding: -1 }),
      /conv2d: padding must be a non-negative integer, got -1/,
    );
    throws(
      () => conv2d(x, Tensor.from(new Float32Array(4 * 3 * 49), [4, 3, 7, 7]), null),
      /conv2d: kernel 7x7 with padding 0 does not fit input 5x5/,
    );
    throws(
      () => conv2d(x, Tensor.from(new Int32Array(4 * 27), [4, 3, 3, 3], "i32"), null),
      /conv2d: w must be f32 or f16, got i32/,
    );
    if (engine().f16) {
      throws(
        () => conv2d(x, Tensor.from(new Float32Array(4 * 27), [4, 3, 3, 3], "f16"), null),
        /conv2d: x is f32 \[2, 3, 5, 5\] but w is f16 \[4, 3, 3, 3\]/,
      );
    }
    throws(
      () => conv2dBackwardInput(Tensor.from(new Float32Array(8), [2, 4, 1, 1]), w, x.shape, { padding: 1 }),
      /conv2d backward \(input\): output gradient must be \[2, 4, 5, 5\], got \[2, 4, 1, 1\]/,
    );
  });
});

gpuTest(
  "conv2d: on the CPU adapter the weight gradient reads the output gradient from a texture where OH*OW % 4 == 0 (its vec4s 4096 to a row, so any batch fits), from its buffer otherwise, with the same values",
  async () => {
    // 6 outputs at 6 x 6 (36 pixels: 9 texels per image and output): 3 images are 162 texels, one partial
    // row; 1,367 images are 73,818 texels, 18 rows and 90 more (8,202 image-output rows, past the 8,192
    // of a texture row per image and output); then a 5 x 5 output plane, which stays in its buffer.
    const aligned: Geo = { N: 3, C: 5, H: 11, W: 11, O: 6, KH: 3, KW: 3, S: 2, P: 1 };
    const large: Geo = { ...aligned, N: 1367 };
    const odd: Geo = { N: 3, C: 5, H: 9, W: 9, O: 6, KH: 3, KW: 3, S: 2, P: 1 };
    const cases: [Geo, [number, number, number][]][] = [
      [aligned, [[162, 1, 0]]],
      [large, [[4096, 18, 0], [90, 1, 18]]],
      [odd, []],
    ];
    for (const [g, want] of cases) {
      const [OH, OW] = outSize(g);
      const [, copies] = await withTextureCopies(async () => {
        const X = randomArray(g.N * g.C * g.H * g.W, 31), G = randomArray(g.N * g.O * OH * OW, 32);
        const dw = scope(() =>
          conv2dBackwardWeight(Tensor.from(G, [g.N, g.O, OH, OW]), Tensor.from(X, [g.N, g.C, g.H, g.W]), [
            g.O,
            g.C,
            g.KH,
            g.KW,
          ], { stride: g.S, padding: g.P })
        );
        const ref = refConvBackward(G, X, new Float32Array(g.O * g.C * g.KH * g.KW), g).dw;
        assertClose(await dw.read(), ref, {
          ...tol(g.N * OH * OW),
          what: `weight gradient ${JSON.stringify(g)}`,
        });
        dw.dispose();
      });
      // The gradient's copies (x's packed copy, if any, is another size); none for the odd plane.
      const software = currentTileConfig().kind === "software";
      const found = want.filter((c) => copies.some((d) => d.join() === c.join()));
      assert.deepEqual(found, software ? want : [], `${JSON.stringify(g)}: ${JSON.stringify(copies)}`);
    }
  },
);

gpuTest(
  "conv2d: on the CPU adapter every pass reads its packed per-lane operand (x, or the output gradient) from a texture 4096 texels wide, its last row copied in part, where the work per texel (96 multiply-adds or more) repays the copy, with the same values",
  async () => {
    // x packed: 3 * 33 * 33 pixels of 4 texels (16 channels) = 13,068 texels: 3 rows and 780 more;
    // the output gradient packed: 2 texels per pixel (8 outputs) = 6,534: 1 row and 2,438 more.
    const [, copies] = await withTextureCopies(() =>
      checkConv({ N: 3, C: 16, H: 33, W: 33, O: 8, KH: 3, KW: 3, S: 1, P: 1 }, 41)
    );
    if (currentTileConfig().kind === "software") {
      for (const [full, rest] of [[3, 780], [1, 2438]]) {
        assert.ok(copies.some(([w, h, y]) => w === 4096 && h === full && y === 0), JSON.stringify(copies));
        assert.ok(copies.some(([w, h, y]) => w === rest && h === 1 && y === full), JSON.stringify(copies));
      }
    }
    // A CIFAR stem's input gradient (3 input channels: 3 x 144 = 108 multiply-adds per texel of its 16-channel
    // output gradient, 2 x 16 x 16 x 16 values = 2048 texels) copies it too.
    const [, stem] = await withTextureCopies(() =>
      checkConv({ N: 2, C: 3, H: 16, W: 16, O: 16, KH: 3, KW: 3, S: 1, P: 1 }, 43)
    );
    if (currentTileConfig().kind === "software") {
      // Twice, the NCHW gradient as it is: for the input gradient (the narrow kernel: conv_narrow_test.ts)
      // and for the weight gradient (its shared operand; on lavapipe the Winograd weight gradient's copy of
      // it: conv_winograd_test.ts), which checkConv computes in calls of their own.
      const gradientCopies = stem.filter(([w, h, y]) => w === 2048 && h === 1 && y === 0);
      assert.equal(gradientCopies.length, 2, JSON.stringify(stem));
    }
    // A 1x1 stride-2 downsample does 8 multiply-adds per texel of its 13,068-texel input: no copy.
    const [, downsample] = await withTextureCopies(() =>
      checkConv({ N: 3, C: 16, H: 33, W: 33, O: 8, KH: 1, KW: 1, S: 2, P: 0 }, 42)
    );
    assert.ok(!downsample.some(([w]) => w === 4096 || w === 780), JSON.stringify(downsample));
  },
);

gpuTest(
  "conv2d: a stride-1 input gradient over planes of whole vec4s stores 4 pixels per vec4 (V4); stride-2 phases store by values",
  async () => {
    const [, seen] = await withDispatches(async () => {
      await checkConv({ N: 3, C: 6, H: 6, W: 10, O: 5, KH: 3, KW: 3, S: 1, P: 1 }, 44); // 60 pixels: V4
      await checkConv({ N: 3, C: 6, H: 5, W: 7, O: 5, KH: 3, KW: 3, S: 1, P: 1 }, 45); // 35: scalar stores
      await checkConv({ N: 2, C: 6, H: 8, W: 8, O: 5, KH: 3, KW: 3, S: 2, P: 1 }, 46); // stride 2: phases
      // A long reduction over few pixels: every phase splits K into as many slices as the longest phase needs.
      await checkConv({ N: 1, C: 5, H: 4, W: 8, O: 300, KH: 3, KW: 3, S: 2, P: 1 }, 49);
      // A 2 x 1 kernel at stride 2: the phases with pw = 1 have no taps and store zeros.
      await checkConv({ N: 2, C: 3, H: 6, W: 8, O: 4, KH: 2, KW: 1, S: 2, P: 0 }, 50);
    });
    const inputPasses = seen.filter((d) => d.family === "conv2d" && d.overrides.PASS === 1);
    const phases = [...Array(12)].map(() => [2, 0]);
    assert.deepEqual(inputPasses.map((d) => [d.uniforms.S, d.overrides.V4]), [[1, 1], [1, 0], ...phases]);
    const split = inputPasses.filter((d) => d.uniforms.C === 5 && d.uniforms.O === 300);
    assert.equal(split.length, 4);
    assert.ok(
      split.every((d) => Number(d.uniforms.kchunk) < Number(d.uniforms.K)),
      "the long reduction splits",
    );
  },
);

gpuTest("conv2d: the hardware-GPU tile policy (16x16 workgroups) gives the same results", async () => {
  overrideTileConfig(
    tileConfig({ isFallbackAdapter: false, description: "hardware GPU (forced in a test)" }),
  );
  try {
    await checkConv({ N: 2, C: 5, H: 9, W: 7, O: 6, KH: 3, KW: 3, S: 2, P: 1 }, 1);
    await checkConv({ N: 4, C: 16, H: 16, W: 16, O: 20, KH: 3, KW: 3, S: 1, P: 1 }, 2);
  } finally {
    overrideTileConfig(null);
  }
});
