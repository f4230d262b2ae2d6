/** Reductions over arbitrary axes against float64 references, and their gradients. */
import assert from "node:assert/strict";
import fc from "../fast_check.ts";
import { backward, max, mean, mul, scope, sum, Tensor } from "../../engine/mod.ts";
import { assertClose, gpuTest, randomArray } from "../helpers.ts";
import { checkGradients } from "./gradcheck.ts";
import { reduceRef } from "./references.ts";

const FC = { numRuns: 30, seed: 7 };

const shapeAndAxes = fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 4 }).chain((s) =>
  fc.tuple(fc.constant(s), fc.subarray(s.map((_, i) => i), { minLength: 1 }))
);

for (const kind of ["sum", "mean", "max"] as const) {
  const op = { sum, mean, max }[kind];
  gpuTest(`${kind} over any set of axes matches float64 (rtol 1e-5)`, async () => {
    await fc.assert(
      fc.asyncProperty(shapeAndAxes, fc.boolean(), async ([shape, axes], keepDims) => {
        const x = randomArray(shape.reduce((p, d) => p * d, 1), shape.length * 31 + axes.length);
        const out = scope(() => op(Tensor.from(x, shape), axes, { keepDims }));
        const expShape = keepDims
          ? shape.map((d, i) => (axes.includes(i) ? 1 : d))
          : shape.filter((_, i) => !axes.includes(i));
        assert.deepEqual(out.shape, expShape);
        assertClose(await out.read(), reduceRef(x, shape, axes, kind), {
          rtol: 1e-5,
          atol: 1e-5,
          what: kind,
        });
        out.dispose();
      }),
      FC,
    );
  });
}

gpuTest(
  "large reductions (one workgroup per output) match float64: sum of 300000 values per row",
  async () => {
    const x = randomArray(2 * 300000, 99);
    const out = scope(() => sum(Tensor.from(x, [2, 300000]), [1]));
    assertClose(await out.read(), reduceRef(x, [2, 300000], [1], "sum"), { rtol: 1e-4, atol: 1e-3 });
    out.dispose();
  },
);

gpuTest(
  "a reduced block between kept ones ([A, R, B] over R, as repeatInterleave's gradient) matches float64",
  async () => {
    for (
      const [shape, axes] of [
        [[32, 2, 3072], [1]],
        [[3, 5, 7, 11], [1, 2]],
        [[2, 1, 9, 1, 257], [2]],
        [[4, 255, 3], [1]],
      ] as [number[], number[]][]
    ) {
      const x = randomArray(shape.reduce((p, d) => p * d, 1), shape.length * 7 + shape[2]);
      for (const kind of ["sum", "mean", "max"] as const) {
        const out = scope(() => ({ sum, mean, max })[kind](Tensor.from(x, shape), axes));
        assertClose(await out.read(), reduceRef(x, shape, axes, kind), {
          rtol: 1e-5,
          atol: 1e-5,
          what: `${kind} of [${shape}] over [${axes}]`,
        });
        out.dispose();
      }
    }
  },
);

gpuTest(
  "per-channel sums and maxima ([N, C, H, W] over [0, 2, 3], one workgroup per channel: by vec4s where a " +
    "plane holds whole vec4s, else by scalars) match float64",
  async () => {
    for (
      const shape of [
        [7, 5, 12, 12], // planes of 36 vec4s
        [5, 3, 13, 20], // 65 vec4s a plane: the lanes' shares end mid-plane
        [300, 2, 1, 4], // one vec4 a plane, shorter than a stream's step
        [9, 3, 7, 7], // 49 values a plane: scalars
        [1000, 6, 1, 1], // a bias gradient of a linear layer
      ]
    ) {
      const x = randomArray(shape.reduce((p, d) => p * d, 1), shape[0] * 13 + shape[3]);
      for (const kind of ["sum", "mean", "max"] as const) {
        const out = scope(() => ({ sum, mean, max })[kind](Tensor.from(x, shape), [0, 2, 3]));
        assertClose(await out.read(), reduceRef(x, shape, [0, 2, 3], kind), {
          rtol: 1e-5,
          atol: 1e-5,
          what: `${kind} of [${shape}] over [0, 2, 3]`,
        });
        out.dispose();
      }
    }
  },
);

gpuTest("reduction axes are validated", () => {
  const x = Tensor.empty([2, 3]);
  assert.throws(() => sum(x, [2]), /sum: axis 2 out of range for rank 2/);
  assert.throws(() => sum(x, [0, -2]), /repeated axis/);
  x.dispose();
});

for (const kind of ["sum", "mean", "max"] as const) {
  const op = { sum, mean, max }[kind];
  gpuTest(`${kind} backward matches finite differences`, async () => {
    const w = randomArray(8, 5);
    await checkGradients({
      what: kind,
      inputs: [{ shape: [2, 3, 4], data: randomArray(24, 13) }],
      gpu: ([x]) => sum(mul(op(x, [1]), Tensor.from(w, [2, 4]))),
      cpu: ([x]) => reduceRef(x, [2, 3, 4], [1], kind).reduce((s, v, i) => s + v * w[i], 0),
    });
  });
}

gpuTest("max backward splits the gradient equally among tied maxima", async () => {
  const x = Tensor.from([1, 3, 3, 2], [4]);
  x.requiresGrad = true;
  const y = scope(() => max(x));
  backward(y);
  assert.deepEqual([...await x.grad!.read()], [0, 0.5, 0.5, 0]);
  x.grad!.dispose();
  x.dispose();
  y.dispose();
});
