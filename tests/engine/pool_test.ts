import assert from "node:assert/strict";
import fc from "../fast_check.ts";
import { grad, scopeAsync, Tensor } from "../../engine/mod.ts";
import { avgPool2d, globalAvgPool2d, globalAvgPoolPacked, maxPool2d } from "../../engine/ops/pool.ts";
import { packForConv } from "../../engine/ops/conv_inference.ts";
import { assertClose, assertThrows, dot, fdGrad, gpuTest, randomArray, withDispatches } from "../helpers.ts";
import { avgRef, gapRef, maxRef } from "./references.ts";

type Shape4 = [number, number, number, number];

const planeArb = fc.tuple(
  fc.integer({ min: 1, max: 3 }),
  fc.integer({ min: 1, max: 5 }),
  fc.integer({ min: 1, max: 19 }),
  fc.integer({ min: 1, max: 19 }),
);

/** Run `op` forward and backward (seeded with r) on the GPU. */
async function forwardBackward(
  xs: Float32Array,
  shape: Shape4,
  op: (x: Tensor) => Tensor,
  seedOf: (outShape: readonly number[]) => Float32Array,
): Promise<{ y: Float32Array; dx: Float32Array; r: Float32Array }> {
  return await scopeAsync(async () => {
    const x = Tensor.from(xs, shape);
    x.requiresGrad = true;
    const y = op(x);
    const r = seedOf(y.shape);
    const [dx] = grad(y, [x], { seed: Tensor.from(r, y.shape), retainGraph: true });
    return { y: (await y.read()) as Float32Array, dx: (await dx.read()) as Float32Array, r };
  });
}

gpuTest(
  "avgPool2d's backward by vec4 rows (W and k multiples of 4) vs float64, windows past the plane included",
  async () => {
    // A ResNet's global 8 x 8 pooling; windows of 4 along rows of 4 windows; planes that end in a partial
    // window (rows 8-9 and columns 8-11 of a 10 x 12 plane get no gradient); a 4 x 4 plane with k = 4.
    const cases: [Shape4, number][] = [[[2, 3, 8, 8], 8], [[2, 2, 12, 16], 4], [[1, 2, 10, 12], 8], [[
      3,
      1,
      4,
      4,
    ], 4]];
    for (const [shape, k] of cases) {
      const n = shape.reduce((a, b) => a * b, 1);
      const xs = randomArray(n, 71 + k);
      const [{ y, dx, r }, seen] = await withDispatches(() =>
        forwardBackward(
          xs,
          shape,
          (x) => avgPool2d(x, k),
          (s) => randomArray(s.reduce((a, b) => a * b, 1), 72),
        )
      );
      assert.deepEqual(seen.filter((d) => d.family === "pool").map((d) => d.entry), ["avg_fwd", "avg_bwd4"]);
      assertClose(y, avgRef(xs, shape, k), { rtol: 1e-5, atol: 1e-6, what: `avgPool2d y ${shape} k=${k}` });
      const fd = fdGrad((v) => dot(r, avgRef(v, shape, k)), xs, 1e-3);
      assertClose(dx, fd, { rtol: 1e-4, atol: 1e-6, what: `avgPool2d dx ${shape} k=${k}` });
    }
  },
);

gpuTest("avgPool2d: forward and backward vs float64 (kernel not dividing the plane)", async () => {
  // Tolerance: rtol 1e-5, atol 1e-6 (sums of at most k*k f32 values).
  await fc.assert(
    fc.asyncProperty(
      planeArb,
      fc.integer({ min: 1, max: 6 }),
      fc.integer({ min: 1, max: 1e6 }),
      async (shape, k, seed) => {
        const [N, C, H, W] = shape;
        fc.pre(k <= H && k <= W);
        const xs = randomArray(N * C * H * W, seed);
        const sh = shape as Shape4;
        const { y, dx, r } = await forwardBackward(
          xs,
          sh,
          (x) => avgPool2d(x, k),
          (s) => randomArray(s.reduce((a, b) => a * b, 1), seed + 1),
        );
        assertClose(y, avgRef(xs, sh, k), { rtol: 1e-5, atol: 1e-6, what: `avgPool2d y ${shape} k=${k}` });
        const fd = fdGrad(
          (v) => dot(r, avgRef(v, sh, k)),
          xs,
          1e-3,
        );
        assertClose(dx, fd, { rtol: 1e-4, atol: 1e-6, what: `avgPool2d dx ${shape} k=${k}` });
      },
    ),
    { numRuns: 25 },
  );
});

gpuTest("globalAvgPool2d: forward and backward vs float64", async () => {
  // Tolerance: rtol 1e-5, atol 1e-6.
  await fc.assert(
    fc.asyncProperty(planeArb, fc.integer({ min: 1, max: 1e6 }), async (shape, seed) => {
      const [N, C, H, W] = shape;
      const xs = randomArray(N * C * H * W, seed);
      const sh = shape as Shape4;
      const { y, dx, r } = await forwardBackward(
        xs,
        sh,
        globalAvgPool2d,
        (s) => randomArray(s[0] * s[1], seed + 1),
      );
      assertClose(y, gapRef(xs, sh), { rtol: 1e-5, atol: 1e-6, what: `globalAvgPool2d y ${shape}` });
      const fd = fdGrad((v) => dot(r, gapRef(v, sh)), xs, 1e-3);
      assertClose(dx, fd, { rtol: 1e-4, atol: 1e-6, what: `globalAvgPool2d dx ${shape}` });
    }),
    { numRuns: 20 },
  );
});

gpuTest(
  "globalAvgPoolPacked: the mean of every packed channel equals globalAvgPool2d's, vs float64",
  async () => {
    // Channel counts that are and are not multiples of 4 (the packed layout pads them); rtol 1e-5.
    await fc.assert(
      fc.asyncProperty(planeArb, fc.integer({ min: 1, max: 1e6 }), async (shape, seed) => {
        const [N, C, H, W] = shape;
        const xs = randomArray(N * C * H * W, seed);
        const y = await scopeAsync(async () => {
          const p = packForConv(Tensor.from(xs, shape));
          return (await globalAvgPoolPacked(p.data, p.C).read()) as Float32Array;
        });
        assertClose(y, gapRef(xs, shape as Shape4), { rtol: 1e-5, atol: 1e-6, what: `packed ${shape}` });
      }),
      { numRuns: 12 },
    );
    // By vec4s of 4 channels where C is a multiple of 4 (gap_packed4: a ResNet's 64 channels at 8 x 8),
    // by channel otherwise.
    for (
      const [shape, entry] of [[[3, 64, 8, 8], "gap_packed4"], [[2, 8, 5, 7], "gap_packed4"], [
        [2, 6, 3, 3],
        "gap_packed",
      ]] as const
    ) {
      const xs = randomArray(shape.reduce((a, b) => a * b, 1), 91);
      const [y, seen] = await withDispatches(() =>
        scopeAsync(async () => {
          const p = packForConv(Tensor.from(xs, [...shape]));
          return (await globalAvgPoolPacked(p.data, p.C).read()) as Float32Array;
        })
      );
      assert.deepEqual(seen.filter((d) => d.family === "pool").map((d) => d.entry), [entry]);
      assertClose(y, gapRef(xs, [...shape]), { rtol: 1e-5, atol: 1e-6, what: `packed ${shape}` });
    }
    assertThrows(
      () => globalAvgPoolPacked(Tensor.empty([2, 4, 4, 4]), 6),
      RangeError,
      "globalAvgPoolPacked: input must be packed f32 [N, H, W, 8] for 6 channels, got f32 [2, 4, 4, 4]",
    );
  },
);

/** Distinct values at least 1/(4n) apart, so finite differences never cross a tie. */
function distinctValues(n: number, seed: number): Float32Array {
  const keys = randomArray(n, seed);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => keys[a] - keys[b]);
  const out = new Float32Array(n);
  order.forEach((i, rank) => (out[i] = (rank - n / 2) / (4 * n) * 8));
  return out;
}

gpuTest("maxPool2d: forward and backward vs float64 over kernels, strides and paddings", async () => {
  // The forward is exact (a selection); the gradient is a sum of at most ceil(k/s)^2 seeds: rtol 1e-6.
  await fc.assert(
    fc.asyncProperty(
      planeArb,
      fc.integer({ min: 1, max: 5 }),
      fc.integer({ min: 1, max: 4 }),
      fc.integer({ min: 0, max: 2 }),
      fc.integer({ min: 1, max: 1e6 }),
      async (shape, k, s, p, seed) => {
        const [N, C, H, W] = shape;
        // Finite differences over every input are quadratic in the size: keep planes small here.
        fc.pre(N * C * H * W <= 1200);
        fc.pre(2 * p <= k && H + 2 * p >= k && W + 2 * p >= k);
        const sh = shape as Shape4;
        const xs = distinctValues(N * C * H * W, seed);
        const { y, dx, r } = await forwardBackward(
          xs,
          sh,
          (x) => maxPool2d(x, { kernel: k, stride: s, padding: p }),
          (os) => randomArray(os.reduce((a, b) => a * b, 1), seed + 1),
        );
        const ref = maxRef(xs, sh, k, s, p);
        assertClose(y, ref.y, { rtol: 0, atol: 0, what: `maxPool2d y ${shape} k${k} s${s} p${p}` });
        const fd = fdGrad((v) => dot(r, maxRef(v, sh, k, s, p).y), xs, 1e-5);
        assertClose(dx, fd, { rtol: 1e-5, atol: 1e-5, what: `maxPool2d dx ${shape} k${k} s${s} p${p}` });
      },
    ),
    { numRuns: 40 },
  );
});

gpuTest("maxPool2d: ResNet-50 stem (3, 2, 1) and ties going to the first maximum", async () => {
  // A constant plane: every window is a tie, so each window's gradient lands on its first real cell.
  const shape: Shape4 = [1, 2, 7, 6];
  const xs = new Float32Array(84).fill(0.5);
  const { y, dx, r } = await forwardBackward(
    xs,
    shape,
    (x) => maxPool2d(x, { kernel: 3, stride: 2, padding: 1 }),
    (os) => randomArray(os.reduce((a, b) => a * b, 1), 3),
  );
  const ref = maxRef(xs, shape, 3, 2, 1);
  if (ref.Ho !== 4 || ref.Wo !== 3) throw new Error(`reference output ${ref.Ho}x${ref.Wo}`);
  assertClose(y, ref.y, { rtol: 0, atol: 0, what: "y" });
  const expected = new Float64Array(84);
  ref.arg.forEach((at, o) => (expected[at] += r[o]));
  assertClose(dx, expected, { rtol: 1e-6, atol: 1e-7, what: "dx (ties)" });
  // The first real cell of window (oh, ow) is (max(0, 2oh-1), max(0, 2ow-1)).
  if (ref.arg[0] !== 0 || ref.arg[1] !== 1 || ref.arg[3] !== 6 + 0) {
    throw new Error(`tie winners ${ref.arg.slice(0, 4)}`);
  }
});

gpuTest("maxPool2d without gradient (no argmax output) matches float64", async () => {
  const xs = randomArray(2 * 3 * 9 * 9, 4);
  const y = await scopeAsync(async () =>
    await maxPool2d(Tensor.from(xs, [2, 3, 9, 9]), { kernel: 3, stride: 2 }).read()
  );
  assertClose(y, maxRef(xs, [2, 3, 9, 9], 3, 2, 0).y, { rtol: 0, atol: 0, what: "y" });
});

gpuTest("pooling rejects bad inputs naming the op and argument", () => {
  const x = Tensor.empty([1, 2, 5, 5]);
  assertThrows(
    () => avgPool2d(Tensor.empty([2, 5, 5]), 2),
    RangeError,
    "avgPool2d: input must be [N, C, H, W], got [2, 5, 5]",
  );
  assertThrows(() => avgPool2d(x, 6), RangeError, "avgPool2d: kernel 6 is larger than the input plane 5x5");
  assertThrows(() => avgPool2d(x, 0), RangeError, "avgPool2d: kernel must be an integer >= 1, got 0");
  assertThrows(
    () => globalAvgPool2d(Tensor.empty([1, 2, 5, 5], "i32")),
    TypeError,
    "globalAvgPool2d: input must be f32, got i32",
  );
  assertThrows(
    () => maxPool2d(x, { kernel: 3, padding: 2 }),
    RangeError,
    "maxPool2d: padding 2 must be at most half the kernel size 3",
  );
  assertThrows(
    () => maxPool2d(x, { kernel: 7 }),
    RangeError,
    "maxPool2d: kernel 7 with padding 0 does not fit",
  );
  x.dispose();
});
