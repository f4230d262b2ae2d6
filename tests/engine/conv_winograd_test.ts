/**
 * The Winograd F(2x2, 3x3) inference convolution (shaders/conv_winograd.wgsl, engine/ops/conv_winograd.ts)
 * against a float64 direct convolution: on the software adapter conv2dFusedPacked routes every 3x3
 * stride-1 padding-1 layer whose output blocks tile the image and channels there, with the fused
 * epilogue (scale, bias, residual, ReLU); other shapes, and a GPU's tile policy, keep the direct kernel.
 */
import fc from "../fast_check.ts";
import assert from "node:assert/strict";
import { readTensors, scope, Tensor } from "../../engine/mod.ts";
import { conv2dFusedPacked, packForConv } from "../../engine/ops/conv.ts";
import { currentTileConfig, overrideTileConfig } from "../../engine/ops/matmul.ts";
import { tileConfig } from "../../engine/ops/matmul_tiles.ts";
import { assertClose, gpuTest, randomArray, withDispatches } from "../helpers.ts";
import { packedLayout } from "./references.ts";

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
