import fc from "../fast_check.ts";
import { type DType, engine, grad, readTensors, scopeAsync, Tensor } from "../../engine/mod.ts";
import { operandCopiesPay } from "../../engine/ops/operand_texture.ts";
import {
  cast,
  concat,
  flatten,
  permute,
  repeatInterleave,
  slice,
  transpose2d,
} from "../../engine/ops/layout.ts";
import { f16BitsToF32, f32ToF16Bits } from "../../engine/tensor.ts";
import { assertClose, assertThrows, dot, fdGrad, gpuTest, randomArray } from "../helpers.ts";
import { coords, permuteRef, strides } from "./references.ts";

const prod = (s: readonly number[]) => s.reduce((a, b) => a * b, 1);

// ---- references (index arithmetic on plain arrays) ----------------------------------------------

function sliceRef(
  x: ArrayLike<number>,
  shape: readonly number[],
  axis: number,
  start: number,
  end: number,
): Float64Array {
  const outShape = shape.map((d, i) => (i === axis ? end - start : d));
  const st = strides(shape);
  return Float64Array.from({ length: prod(outShape) }, (_, i) => {
    const c = coords(i, outShape);
    c[axis] += start;
    return x[c.reduce((acc, ci, d) => acc + ci * st[d], 0)];
  });
}

function concatRef(xs: ArrayLike<number>[], shapes: number[][], axis: number): Float64Array {
  const total = shapes.reduce((a, s) => a + s[axis], 0);
  const outShape = shapes[0].map((d, i) => (i === axis ? total : d));
  return Float64Array.from({ length: prod(outShape) }, (_, i) => {
    const c = coords(i, outShape);
    let k = 0;
    while (c[axis] >= shapes[k][axis]) c[axis] -= shapes[k++][axis];
    const st = strides(shapes[k]);
    return xs[k][c.reduce((acc, ci, d) => acc + ci * st[d], 0)];
  });
}

function repeatRef(x: ArrayLike<number>, B: number, m: number): Float64Array {
  const R = x.length / B;
  const y = new Float64Array(x.length * m);
  for (let i = 0; i < B; i++) {
    for (let j = 0; j < m; j++) for (let r = 0; r < R; r++) y[(i * m + j) * R + r] = x[i * R + r];
  }
  return y;
}

/** Values exactly representable in every dtype under test (f16 included). */
function exactData(n: number, seed: number): Float32Array {
  return Float32Array.from(randomArray(n, seed, -1000, 1000), Math.round);
}

const dtypeArb = fc.constantFrom<DType>("f32", "i32", "f16");

const shapeArb = (minRank: number, maxRank: number) =>
  fc.array(fc.integer({ min: 1, max: 7 }), { minLength: minRank, maxLength: maxRank });

function permFrom(rank: number, seed: number): number[] {
  const keys = randomArray(rank, seed);
  return Array.from({ length: rank }, (_, i) => i).sort((a, b) => keys[a] - keys[b]);
}

gpuTest(
  "permute: random ranks, permutations and dtypes (f32, i32, f16) match index arithmetic exactly",
  async () => {
    await fc.assert(
      fc.asyncProperty(
        shapeArb(1, 5),
        dtypeArb,
        fc.integer({ min: 1, max: 1e6 }),
        async (shape, dtype, seed) => {
          const perm = permFrom(shape.length, seed);
          const xs = exactData(prod(shape), seed);
          const y = await scopeAsync(async () => await permute(Tensor.from(xs, shape, dtype), perm).read());
          assertClose(y, permuteRef(xs, shape, perm), {
            rtol: 0,
            atol: 0,
            what: `permute ${dtype} [${shape}] by [${perm}]`,
          });
        },
      ),
      { numRuns: 60 },
    );
  },
);

gpuTest(
  "permute: tiled transpose path (NCHW -> NHWC, transpose2d) on sizes that do not divide the tile",
  async () => {
    const cases: [number[], number[]][] = [
      [[2, 19, 5, 7], [0, 2, 3, 1]],
      [[3, 37, 20], [0, 2, 1]],
      [[1, 70, 33], [0, 2, 1]],
      [[4, 1, 17, 1, 16], [0, 4, 3, 2, 1]],
    ];
    for (const dtype of ["f32", "u32", "f16"] as const) {
      for (const [shape, perm] of cases) {
        const xs = Float32Array.from(exactData(prod(shape), shape[1]), (v) => Math.abs(v));
        const y = await scopeAsync(async () => await permute(Tensor.from(xs, shape, dtype), perm).read());
        assertClose(y, permuteRef(xs, shape, perm), {
          rtol: 0,
          atol: 0,
          what: `permute ${dtype} [${shape}] by [${perm}]`,
        });
      }
    }
    const xs = randomArray(3 * 37 * 20, 2);
    const y = await scopeAsync(async () => await transpose2d(Tensor.from(xs, [3, 37, 20])).read());
    assertClose(y, permuteRef(xs, [3, 37, 20], [0, 2, 1]), { rtol: 0, atol: 0, what: "transpose2d" });
  },
);

gpuTest("permute and transpose2d backward: finite differences of the float64 reference", async () => {
  // Linear maps: the finite differences are exact up to rounding; tolerance rtol 1e-6, atol 1e-6.
  await fc.assert(
    fc.asyncProperty(
      shapeArb(2, 4),
      fc.integer({ min: 1, max: 1e6 }),
      fc.boolean(),
      async (shape, seed, useTranspose) => {
        const perm = useTranspose
          ? [...shape.keys()].map((i) => (i < shape.length - 2 ? i : 2 * shape.length - 3 - i))
          : permFrom(shape.length, seed);
        const xs = randomArray(prod(shape), seed);
        const r = randomArray(prod(shape), seed + 1);
        const dx = await scopeAsync(async () => {
          const x = Tensor.from(xs, shape);
          x.requiresGrad = true;
          const y = useTranspose ? transpose2d(x) : permute(x, perm);
          const [g] = grad(y, [x], { seed: Tensor.from(r, y.shape) });
          return await g.read();
        });
        const fd = fdGrad((v) => dot(r, permuteRef(v, shape, perm)), xs, 1e-3);
        assertClose(dx, fd, { rtol: 1e-6, atol: 1e-6, what: `permute dx [${shape}] by [${perm}]` });
      },
    ),
    { numRuns: 20 },
  );
});

gpuTest(
  "slice: forward (all dtypes) and backward (finite differences) on random axes and ranges",
  async () => {
    await fc.assert(
      fc.asyncProperty(
        shapeArb(1, 4),
        dtypeArb,
        fc.integer({ min: 1, max: 1e6 }),
        async (shape, dtype, seed) => {
          const [u1, u2, u3] = randomArray(3, seed, 0, 1);
          const axis = Math.floor(u1 * shape.length);
          const a = Math.floor(u2 * (shape[axis] + 1)), b = Math.floor(u3 * (shape[axis] + 1));
          const [start, end] = [Math.min(a, b), Math.max(a, b)];
          const xs = exactData(prod(shape), seed);
          const r = randomArray(prod(shape.map((d, i) => (i === axis ? end - start : d))), seed + 1);
          const [y, dx] = await scopeAsync(async () => {
            const x = Tensor.from(xs, shape, dtype);
            x.requiresGrad = dtype === "f32";
            const y = slice(x, axis - shape.length, start, end);
            const out = await y.read();
            if (dtype !== "f32") return [out, null];
            const [g] = grad(y, [x], { seed: Tensor.from(r, y.shape) });
            return [out, await g.read()];
          });
          assertClose(y, sliceRef(xs, shape, axis, start, end), {
            rtol: 0,
            atol: 0,
            what: `slice ${dtype} [${shape}] axis ${axis} [${start}, ${end})`,
          });
          if (dx) {
            const fd = fdGrad((v) => dot(r, sliceRef(v, shape, axis, start, end)), xs, 1e-3);
            assertClose(dx, fd, {
              rtol: 1e-6,
              atol: 1e-6,
              what: `slice dx [${shape}] axis ${axis} [${start}, ${end})`,
            });
          }
        },
      ),
      { numRuns: 50 },
    );
  },
);

gpuTest("concat: forward (all dtypes, odd f16 sizes) and backward (finite differences)", async () => {
  await fc.assert(
    fc.asyncProperty(
      shapeArb(1, 4),
      fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 4 }),
      dtypeArb,
      fc.integer({ min: 1, max: 1e6 }),
      async (base, sizes, dtype, seed) => {
        const axis = seed % base.length;
        const shapes = sizes.map((s) => base.map((d, i) => (i === axis ? s : d)));
        const datas = shapes.map((s, k) => exactData(prod(s), seed + k));
        const total = sizes.reduce((a, b) => a + b, 0);
        const r = randomArray(prod(base.map((d, i) => (i === axis ? total : d))), seed + 9);
        const [y, dxs] = await scopeAsync(async () => {
          const xs = datas.map((d, k) => Tensor.from(d, shapes[k], dtype));
          if (dtype === "f32") xs.forEach((x) => (x.requiresGrad = true));
          const y = concat(xs, axis);
          const out = await y.read();
          if (dtype !== "f32") return [out, []];
          const gs = grad(y, xs, { seed: Tensor.from(r, y.shape) });
          return [out, await Promise.all(gs.map((g) => g.read()))];
        });
        assertClose(y, concatRef(datas, shapes, axis), {
          rtol: 0,
          atol: 0,
          what: `concat ${dtype} axis ${axis} of ${JSON.stringify(shapes)}`,
        });
        dxs.forEach((dx, k) => {
          const fd = fdGrad(
            (v) => dot(r, concatRef(datas.map((d, j) => (j === k ? v : d)), shapes, axis)),
            datas[k],
            1e-3,
          );
          assertClose(dx, fd, { rtol: 1e-6, atol: 1e-6, what: `concat dx ${k}` });
        });
      },
    ),
    { numRuns: 40 },
  );
});

gpuTest("flatten: views with the merged shape; the gradient flows back reshaped", async () => {
  const xs = randomArray(2 * 3 * 4 * 5, 1);
  const [shape1, shape0, shapeNeg, dx] = await scopeAsync(async () => {
    const x = Tensor.from(xs, [2, 3, 4, 5]);
    x.requiresGrad = true;
    const y = flatten(x);
    if (y.buffer !== x.buffer) throw new Error("flatten copied instead of viewing");
    const [g] = grad(y, [x], { seed: Tensor.from(xs, y.shape) });
    return [y.shape, flatten(x, 0).shape, flatten(x, -2).shape, await g.read()];
  });
  assertClose(shape1, [2, 60], { rtol: 0, atol: 0, what: "flatten(x)" });
  assertClose(shape0, [120], { rtol: 0, atol: 0, what: "flatten(x, 0)" });
  assertClose(shapeNeg, [2, 3, 20], { rtol: 0, atol: 0, what: "flatten(x, -2)" });
  assertClose(dx, xs, { rtol: 0, atol: 0, what: "flatten dx" });
});

gpuTest(
  "repeatInterleave: row i*m+j is x[i]; the backward pass sums the m copies (finite differences)",
  async () => {
    await fc.assert(
      fc.asyncProperty(
        shapeArb(1, 4),
        fc.integer({ min: 1, max: 9 }),
        dtypeArb,
        fc.integer({ min: 1, max: 1e6 }),
        async (shape, m, dtype, seed) => {
          const xs = exactData(prod(shape), seed);
          const r = randomArray(prod(shape) * m, seed + 1);
          const [y, yShape, dx] = await scopeAsync(async () => {
            const x = Tensor.from(xs, shape, dtype);
            x.requiresGrad = dtype === "f32";
            const y = repeatInterleave(x, m);
            const out = await y.read();
            if (dtype !== "f32") return [out, y.shape, null];
            const [g] = grad(y, [x], { seed: Tensor.from(r, y.shape) });
            return [out, y.shape, await g.read()];
          });
          assertClose(yShape, [shape[0] * m, ...shape.slice(1)], { rtol: 0, atol: 0, what: "shape" });
          assertClose(y, repeatRef(xs, shape[0], m), {
            rtol: 0,
            atol: 0,
            what: `repeatInterleave ${dtype} [${shape}] x${m}`,
          });
          if (dx) {
            const fd = fdGrad((v) => dot(r, repeatRef(v, shape[0], m)), xs, 1e-3);
            // Sums of m seeds in f32: rtol 1e-5.
            assertClose(dx, fd, { rtol: 1e-5, atol: 1e-6, what: `repeatInterleave dx [${shape}] x${m}` });
          }
        },
      ),
      { numRuns: 30 },
    );
  },
);

gpuTest(
  "cast f32 -> f16: bit-exact round-to-nearest-even, infinities, NaN, subnormals, signed zero",
  async () => {
    // Exact (bitwise) against the host's IEEE conversion, which is what PyTorch's .half() computes.
    const special = [
      0,
      -0,
      1,
      -1,
      65504,
      65519,
      65520,
      -65520,
      1e6,
      -Infinity,
      Infinity,
      NaN,
      6.1e-5,
      5.96e-8,
      2.98e-8,
      2.99e-8,
      1e-45,
      1 / 3,
      2049,
      2051,
    ];
    const asF32 = (bits: number) => new Float32Array(new Uint32Array([bits]).buffer)[0];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 0xffffffff }), { minLength: 1, maxLength: 3000 }),
        async (bitsList) => {
          const xs = Float32Array.from([...special, ...bitsList.map(asF32)]);
          const h = await scopeAsync(async () => {
            const y = cast(Tensor.from(xs, [xs.length]), "f16");
            if (y.dtype !== "f16") throw new Error(`cast produced ${y.dtype}`);
            return await y.read();
          });
          for (let i = 0; i < xs.length; i++) {
            const want = f32ToF16Bits(xs[i]);
            const got = f32ToF16Bits(h[i]);
            const bothNaN = Number.isNaN(xs[i]) && Number.isNaN(h[i]);
            if (!bothNaN && got !== want) {
              throw new Error(
                `cast ${xs[i]} (bits ${new Uint32Array(xs.buffer)[i].toString(16)}): half bits ${
                  got.toString(16)
                }, expected ${want.toString(16)}`,
              );
            }
          }
        },
      ),
      { numRuns: 10 },
    );
  },
);

gpuTest("cast f16 -> f32: exact for every half bit pattern; gradients are cast back", async () => {
  const halves = Float32Array.from({ length: 65536 }, (_, b) => f16BitsToF32(b));
  const [viaGpu, back] = await scopeAsync(async () => {
    const x = Tensor.from(halves, [256, 256], "f16");
    const y = cast(x, "f32");
    return [await y.read(), await cast(y, "f16").read()];
  });
  for (let b = 0; b < 65536; b++) {
    const want = halves[b];
    if (!(Object.is(viaGpu[b], want) || (Number.isNaN(want) && Number.isNaN(viaGpu[b])))) {
      throw new Error(`half bits ${b.toString(16)}: got ${viaGpu[b]}, expected ${want}`);
    }
  }
  assertClose(back, halves, { rtol: 0, atol: 0, what: "f16 -> f32 -> f16 round trip" });
  // Rounding is not differentiable; like PyTorch the backward pass casts the gradient back.
  const gx = await scopeAsync(async () => {
    const x = Tensor.from([0.1, 2, -3], [3]);
    x.requiresGrad = true;
    const y = cast(x, "f16");
    const [g] = grad(y, [x], { seed: Tensor.from([0.5, -1.25, 1000], [3], "f16") });
    if (g.dtype !== "f32") throw new Error(`gradient dtype ${g.dtype}`);
    return await g.read();
  });
  assertClose(gx, [0.5, -1.25, 1000], { rtol: 0, atol: 0, what: "cast dx" });
});

gpuTest(
  "on the CPU adapter, copies whose innermost runs are contiguous and 256 values or longer go as buffer copies (no copy kernel) with the same values: repeatInterleave, slice, concat",
  async () => {
    // 3 images of 2 x 300 values (runs of 600), repeated twice; a slice and a concat along axis 1 (runs of
    // 300 and of 2 x 300); i32 too, since the copies move 32-bit words whatever they hold.
    const shape = [3, 2, 300];
    const xs = exactData(prod(shape), 61), ys = exactData(prod(shape), 62);
    for (const dtype of ["f32", "i32"] as DType[]) {
      const e = engine();
      const before = e.rec.stats.dispatches;
      const [rep, sl, cat] = await scopeAsync(() => {
        const x = Tensor.from(xs, shape, dtype), y = Tensor.from(ys, shape, dtype);
        return readTensors([repeatInterleave(x, 2), slice(x, 1, 1, 2), concat([x, y], 1)]);
      });
      // Only the two uploads' work remains: none of the three ops dispatched a kernel.
      if (operandCopiesPay()) {
        assertClose([e.rec.stats.dispatches - before], [0], { rtol: 0, atol: 0, what: "kernels" });
      }
      assertClose(rep, repeatRef(xs, 3, 2), { rtol: 0, atol: 0, what: `repeatInterleave ${dtype}` });
      assertClose(sl, sliceRef(xs, shape, 1, 1, 2), { rtol: 0, atol: 0, what: `slice ${dtype}` });
      assertClose(cat, concatRef([xs, ys], [shape, shape], 1), { rtol: 0, atol: 0, what: `concat ${dtype}` });
    }
  },
);

gpuTest("layout ops reject bad inputs naming the op and argument", () => {
  const x = Tensor.empty([2, 3, 4]);
  assertThrows(
    () => permute(x, [0, 1]),
    RangeError,
    "permute: [0, 1] is not a permutation of the 3 dimensions of [2, 3, 4]",
  );
  assertThrows(() => permute(x, [0, 1, 1]), RangeError, "not a permutation");
  assertThrows(
    () => transpose2d(Tensor.empty([5])),
    RangeError,
    "transpose2d: input must have at least 2 dimensions, got [5]",
  );
  assertThrows(() => slice(x, 3, 0, 1), RangeError, "slice: axis 3 out of range for rank 3");
  assertThrows(
    () => slice(x, 1, 2, 4),
    RangeError,
    "slice: range [2, 4) must satisfy 0 <= start <= end <= 3 (axis 1 of [2, 3, 4])",
  );
  assertThrows(
    () => concat([x, Tensor.empty([2, 5, 5])], 1),
    RangeError,
    "concat: input 1 has shape [2, 5, 5], expected [2, *, 4]",
  );
  assertThrows(
    () => concat([x, Tensor.empty([2, 3, 4], "i32")], 0),
    TypeError,
    "concat: input 1 is i32, input 0 is f32",
  );
  assertThrows(() => concat([], 0), RangeError, "concat: needs at least one tensor");
  assertThrows(
    () => repeatInterleave(x, 0),
    RangeError,
    "repeatInterleave: repeats must be an integer >= 1, got 0",
  );
  assertThrows(
    () => cast(Tensor.empty([2], "i32"), "f16"),
    TypeError,
    "cast: input must be f32 or f16, got i32",
  );
  assertThrows(() => flatten(x, 3), RangeError, "flatten: axis 3 out of range for rank 3");
  x.dispose();
});
