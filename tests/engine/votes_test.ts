/** Argmax-and-count against a CPU reference: ties, NaN and infinities, odd K, accumulation. */
import assert from "node:assert/strict";
import fc from "../fast_check.ts";
import { Tensor } from "../../engine/mod.ts";
import { NO_COUNTER } from "../../engine/ops/noise.ts";
import { countVotes, countVotesLinear, countVotesRows } from "../../engine/ops/votes.ts";
import { gpuTest, randomArray } from "../helpers.ts";
import { torchArgmaxRef as argmaxRef, votesRef } from "./references.ts";

/** An empty upload would reach queue.writeBuffer with 0 bytes, which crashes Deno 2.9.6. */
function upload(x: Float32Array, shape: number[]): Tensor {
  return x.length ? Tensor.from(x, shape) : Tensor.empty(shape);
}

/** Values drawn from a few levels (many ties), with NaN, +-inf and -0 mixed in. */
const valueArb = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -2, max: 2 }) },
  { weight: 6, arbitrary: fc.double({ min: -1e3, max: 1e3, noNaN: true }).map(Math.fround) },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Infinity, -Infinity, -0) },
);

const batchesArb = fc.integer({ min: 1, max: 37 }).chain((k) =>
  fc.record({
    k: fc.constant(k),
    start: fc.array(fc.nat({ max: 1000 }), { minLength: k, maxLength: k }),
    batches: fc.array(
      fc.integer({ min: 0, max: 150 }).chain((b) =>
        fc.array(valueArb, { minLength: b * k, maxLength: b * k })
      ),
      { minLength: 1, maxLength: 4 },
    ),
  })
);

gpuTest("countVotes accumulates the argmax of every row over several batches", async () => {
  await fc.assert(
    fc.asyncProperty(batchesArb, async ({ k, start, batches }) => {
      const counts = Tensor.from(start, [k], "u32");
      const want = Uint32Array.from(start);
      const ts: Tensor[] = [];
      for (const b of batches) {
        const x = Float32Array.from(b);
        const t = upload(x, [x.length / k, k]);
        countVotes(t, counts);
        votesRef(x, k, want);
        ts.push(t);
      }
      assert.deepEqual([...await counts.read()], [...want]);
      for (const t of [...ts, counts]) t.dispose();
    }),
    { seed: 404, numRuns: 60 },
  );
});

gpuTest("countVotes: tie, NaN and infinity rules on fixed rows", async () => {
  const rows = [
    [1, 3, 3, 2], // tie -> 1
    [Number.NaN, 5, 5, 5], // NaN first -> 0
    [0, 9, Number.NaN, Number.NaN], // first NaN -> 2
    [-Infinity, -Infinity, -Infinity, -Infinity], // all equal -> 0
    [-0, 0, -1, -1], // -0 and +0 tie -> 0
    [1, 2, Infinity, 3], // -> 2
    [-5, -4, -4, -Infinity], // -> 1
  ];
  const counts = Tensor.from([0, 0, 0, 0], [4], "u32");
  countVotes(Tensor.from(rows.flat(), [rows.length, 4]), counts);
  assert.deepEqual([...await counts.read()], [3, 2, 2, 0]);
});

gpuTest("countVotes over 70000 rows and with K = 1", async () => {
  const k = 10, b = 70000;
  const x = new Float32Array(b * k);
  for (let i = 0; i < x.length; i++) x[i] = ((i * 2654435761) >>> 0) % 7; // integers 0..6: many ties
  const counts = Tensor.from(new Uint32Array(k), [k], "u32");
  countVotes(Tensor.from(x, [b, k]), counts);
  const want = new Uint32Array(k);
  votesRef(x, k, want);
  assert.deepEqual([...await counts.read()], [...want]);
  const one = Tensor.from([7], [1], "u32");
  countVotes(Tensor.from([3, -1, Number.NaN], [3, 1]), one);
  assert.deepEqual([...await one.read()], [10]);
});

gpuTest("countVotesLinear equals countVotes of the exact logits (integer data: no rounding)", async () => {
  const arb = fc.record({
    b: fc.integer({ min: 1, max: 40 }),
    k: fc.integer({ min: 1, max: 300 }),
    d: fc.integer({ min: 0, max: 24 }),
    bias: fc.boolean(),
    seed: fc.nat(),
  });
  await fc.assert(
    fc.asyncProperty(arb, async ({ b, k, d, bias, seed }) => {
      let s = seed | 1;
      const small = () => {
        s ^= s << 13;
        s ^= s >>> 17;
        s ^= s << 5;
        return ((s >>> 0) % 5) - 2; // -2 .. 2: exact products and sums, many ties
      };
      const f = Float32Array.from({ length: b * d }, small);
      const w = Float32Array.from({ length: k * d }, small);
      const bv = Float32Array.from({ length: k }, small);
      const logits = new Float32Array(b * k);
      for (let r = 0; r < b; r++) {
        for (let c = 0; c < k; c++) {
          let acc = bias ? bv[c] : 0;
          for (let j = 0; j < d; j++) acc += f[r * d + j] * w[c * d + j];
          logits[r * k + c] = acc;
        }
      }
      const want = new Uint32Array(k);
      votesRef(logits, k, want);
      const counts = Tensor.from(new Uint32Array(k), [k], "u32");
      const ts = [upload(f, [b, d]), upload(w, [k, d]), upload(bv, [k])];
      countVotesLinear(ts[0], ts[1], bias ? ts[2] : null, counts);
      assert.deepEqual([...await counts.read()], [...want], `b ${b} k ${k} d ${d} bias ${bias}`);
      for (const t of [...ts, counts]) t.dispose();
    }),
    { seed: 505, numRuns: 40 },
  );
});

gpuTest("countVotesLinear: NaN logits win, first NaN first", async () => {
  // features [1, 2]; class logits: 1, NaN (0 * inf), 4, NaN -> class 1
  const f = Tensor.from([1, 0], [1, 2]);
  const w = Tensor.from([1, 0, 0, Infinity, 4, 0, 0, Infinity], [4, 2]);
  const counts = Tensor.from([0, 0, 0, 0], [4], "u32");
  countVotesLinear(f, w, null, counts);
  assert.deepEqual([...await counts.read()], [0, 1, 0, 0]);
});

gpuTest("countVotes and countVotesLinear reject mismatched shapes and dtypes", () => {
  const l = Tensor.from([1, 2, 3, 4, 5, 6], [2, 3]);
  assert.throws(() => countVotes(l, Tensor.from([0, 0], [2], "u32")), TypeError);
  assert.throws(() => countVotes(l, Tensor.from([0, 0, 0], [3], "i32")), TypeError);
  assert.throws(() => countVotes(l.view([6]), Tensor.from([0, 0, 0], [3], "u32")), TypeError);
  const c = Tensor.from([0, 0], [2], "u32");
  assert.throws(() => countVotesLinear(l, Tensor.from([1, 2], [1, 2]), null, c), TypeError);
  assert.throws(
    () => countVotesLinear(l, Tensor.from([1, 2, 3, 4, 5, 6], [2, 3]), Tensor.from([1], [1]), c),
    TypeError,
  );
});

gpuTest("countVotesRows routes each row's vote to its counter and drops padding rows", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 1, max: 13 }),
      fc.integer({ min: 1, max: 5 }),
      fc.integer({ min: 1, max: 300 }),
      fc.integer({ min: 0, max: 40 }),
      fc.integer({ min: 0, max: 2 ** 31 }),
      async (k, counters, rows, row0, seed) => {
        const logits = randomArray(rows * k, seed).map((v) => Math.round(4 * v)); // ties
        const dest = Array.from({ length: row0 + rows }, (_, i) => (i * 7 + seed) % (counters + 1));
        const table = dest.map((d) => d === counters ? NO_COUNTER : d);
        const expected = new Uint32Array(counters * k);
        for (let r = 0; r < rows; r++) {
          const d = table[row0 + r];
          if (d !== NO_COUNTER) expected[d * k + argmaxRef(logits.subarray(r * k, (r + 1) * k))]++;
        }
        const l = Tensor.from(logits, [rows, k]);
        const t = Tensor.from(table.flatMap((d) => [0, 0, 0, d]), [table.length, 4], "u32");
        const counts = Tensor.from(new Uint32Array(counters * k), [counters, k], "u32");
        countVotesRows(l, t, row0, counts);
        assert.deepEqual([...(await counts.read())], [...expected]);
        for (const x of [l, t, counts]) x.dispose();
      },
    ),
    { seed: 17, numRuns: 25 },
  );
  const t = Tensor.from([0, 0, 0, 0], [1, 4], "u32");
  assert.throws(
    () => countVotesRows(Tensor.from([1, 2, 3, 4], [2, 2]), t, 0, Tensor.empty([1, 2], "u32")),
    /rows 0 \.\. 1 exceed the table's 1 entries/,
  );
  assert.throws(
    () => countVotesRows(Tensor.from([1, 2], [1, 2]), t, 0, Tensor.empty([2], "u32")),
    /counts must be u32 \[counters, 2\]/,
  );
});
