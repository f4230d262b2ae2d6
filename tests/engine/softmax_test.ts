import fc from "../fast_check.ts";
import { backward, grad, scopeAsync, Tensor } from "../../engine/mod.ts";
import { accuracyCount, argmax, crossEntropy, logSoftmax, softmax } from "../../engine/ops/softmax.ts";
import { assertClose, assertThrows, dot, fdGrad, gpuTest, randomArray } from "../helpers.ts";
import { argmaxRowsRef as argmaxRef, logSoftmaxRef, softmaxRef, xentRef } from "./references.ts";

function labelsFor(N: number, C: number, seed: number): Int32Array {
  return Int32Array.from(randomArray(N, seed, 0, 1), (u) => Math.min(C - 1, Math.floor(u * C)));
}

/** Shapes of rank 1 to 3 whose last dimension spans both the thread-per-row and workgroup-per-row paths. */
const rowsArb = fc.tuple(
  fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 0, maxLength: 2 }),
  fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 100, max: 700 })),
);

gpuTest("softmax and logSoftmax: forward vs float64 on shifted and scaled rows", async () => {
  // Rows are offset by up to 1e4 and spread by up to 100: a shift-free exp would overflow.
  // Tolerance: softmax rtol 1e-4 atol 1e-6; logSoftmax rtol 1e-5 atol 2e-5 (|x| up to 1e4 in f32).
  await fc.assert(
    fc.asyncProperty(
      rowsArb,
      fc.integer({ min: 1, max: 1e6 }),
      fc.double({ min: -1e4, max: 1e4, noNaN: true }),
      fc.double({ min: 0.1, max: 100, noNaN: true }),
      async ([lead, C], seed, offset, spread) => {
        const shape = [...lead, C];
        const n = shape.reduce((a, b) => a * b, 1);
        const xs = randomArray(n, seed, offset - spread, offset + spread);
        const [y, ly] = await scopeAsync(async () => {
          const x = Tensor.from(xs, shape);
          return [await softmax(x).read(), await logSoftmax(x).read()];
        });
        assertClose(y, softmaxRef(xs, C), { rtol: 1e-4, atol: 1e-6, what: `softmax ${shape}` });
        assertClose(ly, logSoftmaxRef(xs, C), { rtol: 1e-5, atol: 2e-5, what: `logSoftmax ${shape}` });
      },
    ),
    { numRuns: 25 },
  );
});

const smallRowsArb = fc.tuple(
  fc.integer({ min: 1, max: 4 }),
  fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 33, max: 70 })),
);

gpuTest("softmax and logSoftmax backward: finite differences of the float64 reference", async () => {
  // Tolerance: rtol 1e-3, atol 1e-5 (f32 gradient vs float64 central differences, h = 1e-4).
  await fc.assert(
    fc.asyncProperty(smallRowsArb, fc.integer({ min: 1, max: 1e6 }), async ([N, C], seed) => {
      const xs = randomArray(N * C, seed, -3, 3);
      const r = randomArray(N * C, seed + 1, -1, 1);
      const [gs, gl] = await scopeAsync(async () => {
        const x = Tensor.from(xs, [N, C]);
        x.requiresGrad = true;
        const seedT = Tensor.from(r, [N, C]);
        const [a] = grad(softmax(x), [x], { seed: seedT });
        const [b] = grad(logSoftmax(x), [x], { seed: seedT });
        return [await a.read(), await b.read()];
      });
      const fs = fdGrad((v) => dot(r, softmaxRef(v, C)), xs, 1e-4);
      const fl = fdGrad((v) => dot(r, logSoftmaxRef(v, C)), xs, 1e-4);
      assertClose(gs, fs, { rtol: 1e-3, atol: 1e-5, what: `softmax dx [${N}, ${C}]` });
      assertClose(gl, fl, { rtol: 1e-3, atol: 1e-5, what: `logSoftmax dx [${N}, ${C}]` });
    }),
    { numRuns: 15 },
  );
});

gpuTest(
  "crossEntropy: forward (mean, sum, none) and backward vs float64 and finite differences",
  async () => {
    // Tolerance: loss rtol 1e-5 atol 1e-5; gradient rtol 1e-3 atol 1e-5 against central differences.
    await fc.assert(
      fc.asyncProperty(
        smallRowsArb,
        fc.constantFrom("mean" as const, "sum" as const, "none" as const),
        fc.integer({ min: 1, max: 1e6 }),
        async ([N, C], reduction, seed) => {
          const xs = randomArray(N * C, seed, -4, 4);
          const ls = labelsFor(N, C, seed + 1);
          const r = reduction === "none" ? randomArray(N, seed + 2, -1, 1) : Float32Array.of(0.7);
          const [loss, dx] = await scopeAsync(async () => {
            const x = Tensor.from(xs, [N, C]);
            x.requiresGrad = true;
            const l = crossEntropy(x, Tensor.from(ls, [N], "i32"), { reduction });
            if (reduction !== "none" && l.rank !== 0) throw new Error(`reduced loss has shape [${l.shape}]`);
            const v = await l.read();
            const [g] = grad(l, [x], { seed: Tensor.from(r, l.shape) });
            return [v, await g.read()];
          });
          assertClose(loss, xentRef(xs, ls, C, reduction), {
            rtol: 1e-5,
            atol: 1e-5,
            what: `loss ${reduction}`,
          });
          const fd = fdGrad((v) => dot(r, xentRef(v, ls, C, reduction)), xs, 1e-4);
          assertClose(dx, fd, { rtol: 1e-3, atol: 1e-5, what: `dlogits ${reduction} [${N}, ${C}]` });
        },
      ),
      { numRuns: 30 },
    );
  },
);

gpuTest("crossEntropy: stable on huge logits (1e4 offsets, 1e3 gaps) in both kernel paths", async () => {
  for (const C of [10, 1000]) {
    const N = 6;
    const xs = new Float32Array(N * C);
    for (let r = 0; r < N; r++) {
      for (let j = 0; j < C; j++) {
        xs[r * C + j] = (r % 2 ? -1 : 1) * 1e4 + ((j * 37 + r * 11) % C) * (r < 3 ? 1e3 / C : 1);
      }
    }
    const ls = labelsFor(N, C, 5);
    const [loss, dx] = await scopeAsync(async () => {
      const x = Tensor.from(xs, [N, C]);
      x.requiresGrad = true;
      const l = crossEntropy(x, Tensor.from(ls, [N], "i32"), { reduction: "sum" });
      backward(l);
      return [await l.read(), await x.grad!.read()];
    });
    const ref = xentRef(xs, ls, C, "sum")[0];
    if (!Number.isFinite(loss[0])) throw new Error(`C=${C}: loss ${loss[0]}`);
    // Tolerance: rtol 1e-5 of a loss of order 1e3 (exact shifts, f32 logs).
    assertClose(loss, [ref], { rtol: 1e-5, atol: 1e-3, what: `loss C=${C}` });
    const ex = softmaxRef(xs, C);
    ls.forEach((t, r) => (ex[r * C + t] -= 1));
    assertClose(dx, ex, { rtol: 1e-4, atol: 1e-6, what: `dlogits C=${C}` });
  }
});

gpuTest("crossEntropy: an out-of-range label gives NaN instead of reading out of bounds", async () => {
  const loss = await scopeAsync(async () =>
    await crossEntropy(Tensor.from(randomArray(12, 1), [3, 4]), Tensor.from([1, 4, -1], [3], "i32"), {
      reduction: "none",
    }).read()
  );
  if (!Number.isFinite(loss[0]) || !Number.isNaN(loss[1]) || !Number.isNaN(loss[2])) {
    throw new Error(`losses ${loss}`);
  }
});

gpuTest("argmax and accuracyCount: ties go to the lowest index, counts stay on the GPU", async () => {
  // Small integer logits make ties frequent; N up to 700 exceeds the counting workgroup.
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 1, max: 700 }),
      fc.integer({ min: 1, max: 40 }),
      fc.integer({ min: 1, max: 1e6 }),
      async (N, C, seed) => {
        const xs = Float32Array.from(randomArray(N * C, seed, 0, 4), Math.floor);
        const ls = labelsFor(N, C, seed + 1);
        const [am, cnt] = await scopeAsync(async () => {
          const x = Tensor.from(xs, [N, C]);
          const a = argmax(x), c = accuracyCount(x, Tensor.from(ls, [N], "i32"));
          if (a.dtype !== "i32" || c.dtype !== "u32" || c.size !== 1) throw new Error("dtypes");
          return [await a.read(), await c.read()];
        });
        const ref = argmaxRef(xs, C);
        assertClose(am, ref, { rtol: 0, atol: 0, what: `argmax [${N}, ${C}]` });
        const hits = ref.reduce((s, a, r) => s + (a === ls[r] ? 1 : 0), 0);
        if (cnt[0] !== hits) throw new Error(`accuracyCount ${cnt[0]}, expected ${hits}`);
      },
    ),
    { numRuns: 25 },
  );
  const tie = await scopeAsync(async () =>
    await argmax(Tensor.from([1, 3, 3, 0, 2, 2, 2, 2], [2, 4])).read()
  );
  assertClose(tie, [1, 0], { rtol: 0, atol: 0, what: "explicit ties" });
});

gpuTest("softmax family rejects bad inputs naming the op and argument", () => {
  const x = Tensor.empty([3, 4]);
  assertThrows(
    () => crossEntropy(x, Tensor.empty([3], "f32")),
    TypeError,
    "crossEntropy: labels must be i32, got f32",
  );
  assertThrows(
    () => crossEntropy(x, Tensor.empty([4], "i32")),
    RangeError,
    "crossEntropy: labels must have shape [3] (one per row of logits), got [4]",
  );
  assertThrows(
    () => crossEntropy(Tensor.empty([3, 4, 1]), Tensor.empty([3], "i32")),
    RangeError,
    "crossEntropy: logits must be [N, C], got [3, 4, 1]",
  );
  assertThrows(() => softmax(Tensor.empty([3], "i32")), TypeError, "softmax: input must be f32, got i32");
  assertThrows(() => argmax(Tensor.empty([3])), RangeError, "argmax: input must be [N, C], got [3]");
  assertThrows(
    () => accuracyCount(x, Tensor.empty([3, 1], "i32")),
    RangeError,
    "accuracyCount: labels must have shape [3]",
  );
  x.dispose();
});
