/**
 * A training batchnorm's statistics from the partial moments the Winograd convolution before it leaves
 * (engine/ops/moments.ts): the same normalisation and running statistics as float64's, and partials that
 * only ever serve the tensor they were computed for.
 */
import assert from "node:assert/strict";
import { scopeAsync, Tensor } from "../../engine/mod.ts";
import { batchNorm2d } from "../../engine/ops/batchnorm.ts";
import { conv2d } from "../../engine/ops/conv.ts";
import { winogradFits } from "../../engine/ops/conv_winograd.ts";
import { recordChannelMoments, takeChannelMoments } from "../../engine/ops/moments.ts";
import { assertClose, gpuTest, randomArray, withDispatches } from "../helpers.ts";
import { bnRef, refConv } from "./references.ts";

interface Case {
  N: number;
  C: number;
  O: number;
  H: number;
  W: number;
  /** The convolution's bias: all channels' outputs lie around it. */
  offset: number;
}

const CASES: Case[] = [
  { N: 2, C: 3, O: 16, H: 8, W: 8, offset: 0 }, // a stem: 3 input channels, one lane row per image
  { N: 3, C: 16, O: 32, H: 12, W: 16, offset: 1000 }, // two channel blocks; mean >> std
  { N: 1, C: 5, O: 48, H: 4, W: 24, offset: -3 }, // three channel blocks, one block row
];

gpuTest(
  "a training batchnorm after a Winograd convolution merges the convolution's partial moments: float64's output and running statistics, means of 1000 included",
  async () => {
    for (const [i, c] of CASES.entries()) {
      const g = { N: c.N, C: c.C, H: c.H, W: c.W, O: c.O, KH: 3, KW: 3, S: 1, P: 1 };
      const xs = randomArray(c.N * c.C * c.H * c.W, 10 + i, -1, 1);
      const ws = randomArray(c.O * c.C * 9, 20 + i, -0.3, 0.3);
      const bs = randomArray(c.O, 30 + i, c.offset - 0.5, c.offset + 0.5);
      const gamma = randomArray(c.O, 40 + i, 0.5, 2);
      const beta = randomArray(c.O, 50 + i, -1, 1);
      const rm0 = randomArray(c.O, 60 + i, -1, 1);
      const rv0 = randomArray(c.O, 70 + i, 0.5, 2);
      const momentum = 0.3, eps = 1e-5;
      const [[y, rm, rv], seen] = await withDispatches(() =>
        scopeAsync(async () => {
          const x = Tensor.from(xs, [c.N, c.C, c.H, c.W]);
          const w = Tensor.from(ws, [c.O, c.C, 3, 3]);
          const z = conv2d(x, w, Tensor.from(bs, [c.O]), { padding: 1, batchMoments: true });
          const runningMean = Tensor.from(rm0, [c.O]), runningVar = Tensor.from(rv0, [c.O]);
          const out = batchNorm2d(
            z,
            Tensor.from(gamma, [c.O]),
            Tensor.from(beta, [c.O]),
            runningMean,
            runningVar,
            {
              training: true,
              momentum,
              eps,
            },
          );
          return [await out.read(), await runningMean.read(), await runningVar.read()];
        })
      );
      const what = JSON.stringify(c);
      if (winogradFits({ ...g, OH: c.H, OW: c.W })) {
        assert.ok(
          seen.some((d) => d.family === "conv_winograd" && d.entry === "main" && d.uniforms.moments === 1),
          `${what}: the Winograd kernel wrote moments`,
        );
        assert.ok(
          seen.some((d) => d.entry === "train_stats" && d.overrides.MOM === 1),
          `${what}: train_stats merged them`,
        );
      }
      const z = refConv(xs, ws, bs, g);
      const ref = bnRef(z, [c.N, c.O, c.H, c.W], gamma, beta, eps);
      // Outputs O(|gamma|): f32's convolution (values near the offset) over a spread near 1.
      assertClose(y, ref.y, { rtol: 1e-4, atol: 1e-3, what: `${what}: y` });
      const M = c.N * c.H * c.W;
      const erm = Array.from(rm0, (r, k) => (1 - momentum) * r + momentum * ref.mean[k]);
      const erv = Array.from(rv0, (r, k) => (1 - momentum) * r + momentum * ref.varBiased[k] * M / (M - 1));
      assertClose(rm, erm, { rtol: 1e-5, atol: 1e-5, what: `${what}: running mean` });
      assertClose(rv, erv, { rtol: 1e-4, atol: 1e-5, what: `${what}: running var` });
    }
  },
);

gpuTest(
  "partial moments serve only their tensor, once: not another of its shape, not a view of another shape, and are freed with it",
  async () => {
    await scopeAsync(async () => {
      const x = Tensor.from(randomArray(2 * 16 * 8 * 8, 3, -1, 1), [2, 16, 8, 8]);
      const w = Tensor.from(randomArray(16 * 16 * 9, 4, -0.3, 0.3), [16, 16, 3, 3]);
      const y = conv2d(x, w, null, { padding: 1, batchMoments: true });
      const twin = Tensor.from(await y.read(), y.shape);
      assert.equal(takeChannelMoments(twin), null, "another tensor of the same shape");
      const view = y.view([2, 16, 64, 1]);
      assert.equal(takeChannelMoments(view), null, "a view of another shape");
      const m = takeChannelMoments(y);
      assert.ok(m, "the convolution's output");
      assert.equal(m.perGroup * m.count, 2 * 8 * 8);
      m.parts.dispose();
      assert.equal(takeChannelMoments(y), null, "taken once");
      const plain = conv2d(x, w, null, { padding: 1 });
      assert.equal(takeChannelMoments(plain), null, "not asked for");

      // Recorded for a tensor that nobody normalises: released with it.
      const t = Tensor.empty([2, 4, 2, 2], "f32", "t");
      const parts = Tensor.empty([16], "f32", "parts");
      recordChannelMoments(t, { parts, perGroup: 2, count: 4 });
      t.dispose();
      assert.equal(takeChannelMoments(twin), null);
      assert.ok(parts.disposed, "freed with their tensor");
    });
  },
);
