/**
 * 3x3 stride-1 convolutions with at most 4 input channels run on the narrow kernel on the software adapter
 * (shaders/conv_narrow.wgsl): the forward pass with and without bias, and the input gradient where the
 * layer has at most 32 output channels, against float64 references (tests/engine/conv_check.ts, its
 * tolerance) on random fitting shapes (1-4 input channels, widths of whole texels, odd or even, so a lane
 * holds 4 or 8 pixels; output channels that fill a lane's slice or not); a finite-difference gradient
 * check through conv2d; and the shapes just outside the fit, which keep the other kernels.
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

/** The narrow passes a run made: "forward" or "input gradient" (FLIP = 1), in order. */
function narrowPasses(seen: SeenDispatch[]): string[] {
  return seen.filter((d) => d.family === "conv_narrow").map((d) =>
    d.overrides.FLIP === 1 ? "input gradient" : "forward"
  );
}

async function check(g: Geo, seed: number, withBias: boolean): Promise<string[]> {
  const [, seen] = await withDispatches(() => checkConv(g, seed, withBias));
  return narrowPasses(seen);
}

const fitting = fc.record({
  N: fc.integer({ min: 1, max: 3 }),
  C: fc.integer({ min: 1, max: 4 }),
  H: fc.integer({ min: 1, max: 9 }),
  W: fc.integer({ min: 1, max: 7 }).map((k) => 4 * k),
  O: fc.oneof(fc.integer({ min: 1, max: 9 }), fc.constantFrom(16, 17, 32)),
  KH: fc.constant(3),
  KW: fc.constant(3),
  S: fc.constant(1),
  P: fc.constant(1),
});

gpuTest(
  "conv2d narrow: random 3x3 stride-1 shapes with 1-4 input channels match the float64 reference, forward with and without bias and both gradients, the forward and input gradient on the narrow kernel",
  async () => {
    await fc.assert(
      fc.asyncProperty(
        fitting,
        fc.integer({ min: 1, max: 1 << 20 }),
        fc.boolean(),
        async (g, seed, withBias) => {
          const ran = await check(g, seed, withBias);
          assert.deepEqual(ran, software() ? ["forward", "input gradient"] : [], JSON.stringify(g));
        },
      ),
      { numRuns: 10, seed: 2024 },
    );
  },
);

gpuTest(
  "conv2d narrow: shapes just outside the fit (5 input channels, width 6, stride 2, padding 0, a 5x5 kernel) keep the other kernels, and an input gradient into more than 32 output channels the direct one, with the same values",
  async () => {
    const shapes: Geo[] = [
      { N: 2, C: 5, H: 6, W: 8, O: 8, KH: 3, KW: 3, S: 1, P: 1 },
      { N: 2, C: 3, H: 6, W: 6, O: 8, KH: 3, KW: 3, S: 1, P: 1 },
      { N: 1, C: 3, H: 8, W: 8, O: 8, KH: 3, KW: 3, S: 2, P: 1 },
      { N: 1, C: 3, H: 6, W: 8, O: 8, KH: 3, KW: 3, S: 1, P: 0 },
      { N: 1, C: 2, H: 8, W: 8, O: 4, KH: 5, KW: 5, S: 1, P: 2 },
    ];
    for (const [i, g] of shapes.entries()) {
      assert.deepEqual(await check(g, 400 + i, i % 2 === 0), [], JSON.stringify(g));
    }
    const wide: Geo = { N: 2, C: 2, H: 4, W: 8, O: 33, KH: 3, KW: 3, S: 1, P: 1 };
    assert.deepEqual(await check(wide, 410, true), software() ? ["forward"] : []);
  },
);

gpuTest("conv2d narrow: gradients of x, w and bias match float64 finite differences", async () => {
  const g: Geo = { N: 2, C: 3, H: 5, W: 8, O: 6, KH: 3, KW: 3, S: 1, P: 1 };
  const [OH, OW] = outSize(g);
  const R = randomArray(g.N * g.O * OH * OW, 5);
  const weighted = (out: Float64Array) => out.reduce((s, v, i) => s + v * R[i], 0);
  const [, seen] = await withDispatches(() =>
    checkGradients({
      inputs: [
        { shape: [g.N, g.C, g.H, g.W], data: randomArray(g.N * g.C * g.H * g.W, 1) },
        { shape: [g.O, g.C, 3, 3], data: randomArray(g.O * g.C * 9, 2) },
        { shape: [g.O], data: randomArray(g.O, 3) },
      ],
      gpu: ([x, w, b]) => sum(mul(conv2d(x, w, b, { padding: 1 }), Tensor.from(R, [g.N, g.O, OH, OW]))),
      cpu: ([x, w, b]) => weighted(refConv(x, w, b, g)),
      what: `conv2d narrow gradient ${JSON.stringify(g)}`,
    })
  );
  if (software()) assert.ok(narrowPasses(seen).includes("input gradient"), "the narrow input gradient");
});
