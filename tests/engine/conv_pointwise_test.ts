/**
 * 1x1 stride-2 convolutions (a ResNet's downsample shortcut) on the software adapter run on the pointwise
 * kernels (shaders/conv_pointwise.wgsl): forward with and without bias, the input gradient and the weight
 * gradient against float64 references (tests/engine/conv_check.ts, its tolerance) on random fitting shapes
 * (channel counts multiples of 4 but not always of 8, widths multiples of 8, batch 1-3), a finite-difference
 * gradient check, and the shapes just outside the fit, which keep the implicit GEMM.
 */
import fc from "../fast_check.ts";
import assert from "node:assert/strict";
import { mul, sum, Tensor } from "../../engine/mod.ts";
import { conv2d } from "../../engine/ops/conv.ts";
import { currentTileConfig } from "../../engine/ops/matmul.ts";
import { gpuTest, randomArray, type SeenDispatch, withDispatches } from "../helpers.ts";
import { checkConv } from "./conv_check.ts";
import { checkGradients } from "./gradcheck.ts";
import { type Geo, outSize, refConv } from "./references.ts";

const software = () => currentTileConfig().kind === "software";

function pointwiseEntries(seen: SeenDispatch[]): string[] {
  return seen.filter((d) => d.family === "conv_pointwise").map((d) => d.entry);
}

/** checkConv's passes, and the pointwise kernels they ran. */
async function check(g: Geo, seed: number, withBias: boolean): Promise<string[]> {
  const [, seen] = await withDispatches(() => checkConv(g, seed, withBias));
  return pointwiseEntries(seen);
}

const fitting = fc.record({
  N: fc.integer({ min: 1, max: 3 }),
  C: fc.integer({ min: 1, max: 16 }).map((k) => 4 * k),
  H: fc.integer({ min: 1, max: 9 }).map((k) => 2 * k),
  W: fc.integer({ min: 1, max: 3 }).map((k) => 8 * k),
  O: fc.integer({ min: 1, max: 10 }).map((k) => 4 * k),
  KH: fc.constant(1),
  KW: fc.constant(1),
  S: fc.constant(2),
  P: fc.constant(0),
});

gpuTest(
  "conv2d pointwise: random 1x1 stride-2 shapes (channels multiples of 4, widths of 8) match the float64 reference, forward with and without bias and both gradients, on the pointwise kernels",
  async () => {
    await fc.assert(
      fc.asyncProperty(
        fitting,
        fc.integer({ min: 1, max: 1 << 20 }),
        fc.boolean(),
        async (g, seed, withBias) => {
          const ran = await check(g, seed, withBias);
          assert.deepEqual(ran, software() ? ["forward", "input_grad", "weight_grad"] : []);
        },
      ),
      { numRuns: 12, seed: 1717 },
    );
  },
);

gpuTest(
  "conv2d pointwise: shapes just outside the fit (width 12, 6 channels, stride 1 or 3, odd height, padding 1, 68 input channels) keep the implicit GEMM, with the same values",
  async () => {
    const shapes: Geo[] = [
      { N: 2, C: 8, H: 6, W: 12, O: 8, KH: 1, KW: 1, S: 2, P: 0 },
      { N: 2, C: 6, H: 6, W: 8, O: 8, KH: 1, KW: 1, S: 2, P: 0 },
      { N: 1, C: 8, H: 6, W: 8, O: 6, KH: 1, KW: 1, S: 2, P: 0 },
      { N: 1, C: 8, H: 6, W: 8, O: 8, KH: 1, KW: 1, S: 1, P: 0 },
      { N: 1, C: 8, H: 6, W: 24, O: 8, KH: 1, KW: 1, S: 3, P: 0 },
      { N: 1, C: 8, H: 7, W: 8, O: 8, KH: 1, KW: 1, S: 2, P: 0 },
      { N: 1, C: 8, H: 6, W: 8, O: 8, KH: 1, KW: 1, S: 2, P: 1 },
      { N: 1, C: 68, H: 4, W: 8, O: 8, KH: 1, KW: 1, S: 2, P: 0 },
    ];
    for (const [i, g] of shapes.entries()) {
      assert.deepEqual(await check(g, 300 + i, i % 2 === 0), [], JSON.stringify(g));
    }
  },
);

gpuTest("conv2d pointwise: gradients of x, w and bias match float64 finite differences", async () => {
  const g: Geo = { N: 2, C: 4, H: 4, W: 8, O: 8, KH: 1, KW: 1, S: 2, P: 0 };
  const [OH, OW] = outSize(g);
  const R = randomArray(g.N * g.O * OH * OW, 5);
  const weighted = (out: Float64Array) => out.reduce((s, v, i) => s + v * R[i], 0);
  await checkGradients({
    inputs: [
      { shape: [g.N, g.C, g.H, g.W], data: randomArray(g.N * g.C * g.H * g.W, 1) },
      { shape: [g.O, g.C, 1, 1], data: randomArray(g.O * g.C, 2) },
      { shape: [g.O], data: randomArray(g.O, 3) },
    ],
    gpu: ([x, w, b]) => sum(mul(conv2d(x, w, b, { stride: 2 }), Tensor.from(R, [g.N, g.O, OH, OW]))),
    cpu: ([x, w, b]) => weighted(refConv(x, w, b, g)),
    what: `conv2d pointwise gradient ${JSON.stringify(g)}`,
  });
});
