/** Elementwise ops: broadcasting forward against float64 references, backward by finite differences. */
import assert from "node:assert/strict";
import fc from "../fast_check.ts";
import {
  add,
  affine,
  clamp,
  div,
  exp,
  full,
  log,
  maximum,
  mul,
  readTensors,
  relu,
  reshape,
  scope,
  sqrt,
  square,
  sub,
  sum,
  Tensor,
  zeros,
} from "../../engine/mod.ts";
import { operandCopiesPay } from "../../engine/ops/operand_texture.ts";
import { assertClose, gpuTest, randomArray, withDispatches, withTextureCopies } from "../helpers.ts";
import { checkGradients } from "./gradcheck.ts";
import { broadcastRef } from "./references.ts";

const FC = { numRuns: 25, seed: 20261124 };

/** A shape and a broadcast-compatible partner (suffix, some dims set to 1). */
const broadcastPair = fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 4 }).chain((a) =>
  fc.tuple(
    fc.constant(a),
    fc.integer({ min: 0, max: a.length }),
    fc.array(fc.boolean(), { minLength: a.length, maxLength: a.length }),
  )
    .map(([s, drop, ones]) =>
      [s, s.slice(drop).map((d, i) => (ones[i + drop] ? 1 : d))] as [number[], number[]]
    )
);

const BINARY: [string, (a: Tensor, b: Tensor) => Tensor, (x: number, y: number) => number][] = [
  ["add", add, (x, y) => x + y],
  ["sub", sub, (x, y) => x - y],
  ["mul", mul, (x, y) => x * y],
  ["div", div, (x, y) => x / y],
  ["maximum", maximum, (x, y) => Math.max(x, y)],
];

for (const [name, op, ref] of BINARY) {
  gpuTest(`${name} broadcasts like NumPy and matches float64 within 1 ulp-ish (rtol 1e-6)`, async () => {
    await fc.assert(
      fc.asyncProperty(broadcastPair, fc.boolean(), async ([sa, sb], swap) => {
        const [s1, s2] = swap ? [sb, sa] : [sa, sb];
        const a = randomArray(s1.reduce((p, d) => p * d, 1), 1);
        const b = randomArray(s2.reduce((p, d) => p * d, 1), 2, 0.5, 2);
        const expected = broadcastRef(a, s1, b, s2, ref);
        const out = scope(() => op(Tensor.from(a, s1), Tensor.from(b, s2)));
        assert.deepEqual(out.shape, expected.shape);
        assertClose(await out.read(), expected.data, { rtol: 1e-6, atol: 1e-7, what: name });
        out.dispose();
      }),
      // Always among them: equal shapes of whole vec4s (binary_same4) and of not (binary_same), and a
      // per-channel operand of planes of 16k values (binary_channel4; the second read from a texture copy).
      {
        ...FC,
        examples: [
          [[[3, 4, 5], [3, 4, 5]], false],
          [[[3, 5], [3, 5]], true],
          [[[2, 3, 4, 8], [1, 3, 1, 1]], false],
          [[[6, 3, 32, 32], [3, 1, 1]], false],
        ],
      },
    );
  });
}

gpuTest(
  "a per-channel operand over planes of 16k values runs binary_channel4, reading b once per 4 vec4s",
  async () => {
    // [N, C, H, W] - [C, 1, 1] at 32 x 32 and 4 x 4: planes of 1,024 and 16 values; 3 x 5 planes (15
    // values) keep the scalar pass.
    for (
      const [shape, entry] of [[[5, 3, 32, 32], "binary_channel4"], [[2, 4, 4, 4], "binary_channel4"], [
        [2, 3, 3, 5],
        "binary_channel",
      ]] as const
    ) {
      const C = shape[1];
      const a = randomArray(shape.reduce((p, d) => p * d, 1), 3);
      const b = randomArray(C, 4, 0.5, 2);
      const expected = broadcastRef(a, [...shape], b, [C, 1, 1], (x, y) => (x - y) / y);
      const [out, seen] = await withDispatches(() =>
        scope(() => {
          const bt = Tensor.from(b, [C, 1, 1]);
          return div(sub(Tensor.from(a, shape), bt), bt);
        })
      );
      assert.deepEqual(seen.filter((d) => d.family === "elementwise").map((d) => d.entry), [entry, entry]);
      assertClose(await out.read(), expected.data, { rtol: 2e-6, atol: 1e-7, what: `${shape}` });
      out.dispose();
    }
  },
);

gpuTest("incompatible shapes are rejected naming both", () => {
  const a = Tensor.empty([2, 3]), b = Tensor.empty([4]);
  assert.throws(() => add(a, b), /add: shapes \[2, 3\] and \[4\] do not broadcast/);
  const i = Tensor.empty([3], "i32");
  assert.throws(() => add(a, i), /expected an f32 tensor, got i32/);
  for (const t of [a, b, i]) t.dispose();
});

const UNARY: [string, (a: Tensor) => Tensor, (x: number) => number, number, number][] = [
  ["relu", relu, (x) => Math.max(0, x), -2, 2],
  ["exp", exp, Math.exp, -3, 3],
  ["log", log, Math.log, 0.1, 4],
  ["sqrt", sqrt, Math.sqrt, 0.1, 4],
  ["square", square, (x) => x * x, -2, 2],
  ["affine(x*1.5-0.25)", (a) => affine(a, 1.5, -0.25), (x) => x * 1.5 - 0.25, -2, 2],
  ["clamp(0,1)", (a) => clamp(a, 0, 1), (x) => Math.min(1, Math.max(0, x)), -1, 2],
];

for (const [name, op, ref, lo, hi] of UNARY) {
  gpuTest(`${name} matches float64 (rtol 2e-6: GPU exp/log/sqrt are not correctly rounded)`, async () => {
    for (const n of [1000 + 37, 1000 + 36]) { // scalar and vec4 (unary4) kernels
      const a = randomArray(n, 3, lo, hi);
      const out = scope(() => op(Tensor.from(a, [n])));
      assertClose(await out.read(), Array.from(a, ref), { rtol: 2e-6, atol: 1e-7, what: `${name} n=${n}` });
      out.dispose();
    }
  });
}

gpuTest(
  "on the CPU adapter, same-shape passes of 4096 vec4s or more read their operands from texture copies (two texture rows, the second in part) with float64's values",
  async () => {
    for (const n of [4096 * 4 + 36, 4095 * 4]) { // 4105 vec4s: 4096 + 9 in a second row; 4095: no copy
      const a = randomArray(n, 41, -2, 2), b = randomArray(n, 42, 0.5, 2);
      const [[s, q, r], copies] = await withTextureCopies(() =>
        scope(() => {
          const ta = Tensor.from(a, [n]), tb = Tensor.from(b, [n]);
          return readTensors([add(ta, tb), div(ta, tb), relu(ta)]);
        })
      );
      assertClose(s, Array.from(a, (x, i) => x + b[i]), { rtol: 1e-6, atol: 1e-7, what: `add n=${n}` });
      assertClose(q, Array.from(a, (x, i) => x / b[i]), { rtol: 1e-6, atol: 1e-7, what: `div n=${n}` });
      assertClose(r, Array.from(a, (x) => Math.max(0, x)), { rtol: 0, atol: 0, what: `relu n=${n}` });
      // Two operands each for add and div, one for relu: two copy calls each (whole rows, then the rest).
      assert.equal(copies.length, operandCopiesPay() && n > 4096 * 4 ? 10 : 0, `texture copies for n=${n}`);
    }
  },
);

gpuTest("fill, zeros and full produce constants of every dtype", async () => {
  const ts = [full([5], 2.5), zeros([3], "i32"), full([3], 7, "u32"), full([2, 2], -4, "i32")];
  const vals = await readTensors(ts);
  assert.deepEqual([...vals[0]], [2.5, 2.5, 2.5, 2.5, 2.5]);
  assert.deepEqual([...vals[1]], [0, 0, 0]);
  assert.deepEqual([...vals[2]], [7, 7, 7]);
  assert.deepEqual([...vals[3]], [-4, -4, -4, -4]);
  ts.forEach((t) => t.dispose());
});

gpuTest("reshape is a view: same buffer, -1 inferred, sizes checked", () => {
  const a = Tensor.from([1, 2, 3, 4, 5, 6], [2, 3]);
  const v = reshape(a, [3, -1]);
  assert.deepEqual(v.shape, [3, 2]);
  assert.equal(v.buffer, a.buffer);
  assert.throws(() => reshape(a, [4, -1]), /cannot reshape \[2, 3\] to \[4, -1\]/);
  a.dispose();
  v.dispose();
});

// ---- gradients --------------------------------------------------------------------------------

const w6 = randomArray(24, 9);
const weighted = (t: Tensor) => sum(mul(t, Tensor.from(w6.subarray(0, t.size), t.shape)));
const weighted64 = (v: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * w6[i];
  return s;
};

for (const [name, op, ref] of BINARY) {
  gpuTest(`${name} backward (with broadcasting) matches finite differences`, async () => {
    await checkGradients({
      what: name,
      inputs: [{ shape: [2, 3, 4], data: randomArray(24, 4) }, {
        shape: [3, 1],
        data: randomArray(3, 5, 0.5, 2),
      }],
      gpu: ([a, b]) => weighted(op(a, b)),
      cpu: ([a, b]) =>
        weighted64(broadcastRef(Float32Array.from(a), [2, 3, 4], Float32Array.from(b), [3, 1], ref).data),
    });
  });
}

for (const [name, op, ref, lo, hi] of UNARY) {
  gpuTest(`${name} backward matches finite differences`, async () => {
    // keep probes away from kinks (relu at 0, clamp at 0 and 1) where differences are not derivatives
    const data = randomArray(24, 6, lo, hi).map((
      x,
    ) => (Math.abs(x) < 0.05 || Math.abs(x - 1) < 0.05 ? x + 0.1 : x));
    await checkGradients({
      what: name,
      inputs: [{ shape: [4, 6], data }],
      gpu: ([a]) => weighted(op(a)),
      cpu: ([a]) => weighted64(Array.from(a, ref)),
    });
  });
}

gpuTest("a tensor used several times accumulates its gradient: d/dx sum(x*x + x) = 2x + 1", async () => {
  await checkGradients({
    inputs: [{ shape: [7], data: randomArray(7, 11) }],
    gpu: ([x]) => sum(add(mul(x, x), x)),
    cpu: ([x]) => x.reduce((s, v) => s + v * v + v, 0),
  });
});
