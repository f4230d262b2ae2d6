/**
 * MACER's robustness term (the differentiable Phi^-1 of the soft smoothed probabilities) against its
 * float64 reference: forward and analytic gradient on random rows, Phi^-1 over the whole f32 range,
 * the reference's selection rules one by one, central differences, and refused inputs.
 */
import assert from "node:assert/strict";
import fc from "../fast_check.ts";
import { grad, macerMargin, mul, sum, Tensor } from "../../engine/mod.ts";
import { phiInv } from "../../smoothing/normal.ts";
import { assertClose, gpuTest, randomArray } from "../helpers.ts";
import { checkGradients } from "./gradcheck.ts";
import { macerMarginRef } from "./references.ts";

/** Softmax rows of logits in float64, rounded to f32 (as the op receives them). */
function softmaxRows(logits: Float32Array, classes: number): Float32Array {
  const out = new Float32Array(logits.length);
  for (let r = 0; r < logits.length / classes; r++) {
    const row = logits.subarray(r * classes, (r + 1) * classes);
    const mx = Math.max(...row);
    const e = Array.from(row, (v) => Math.exp(v - mx));
    const s = e.reduce((a, b) => a + b, 0);
    e.forEach((v, c) => (out[r * classes + c] = v / s));
  }
  return out;
}

/** Runs the op; the terms and d (sum_r w_r term_r) / d p. */
async function run(
  p: Float32Array,
  labels: Int32Array,
  classes: number,
  gamma: number,
  weights: Float32Array,
): Promise<{ term: Float32Array; grad: Float32Array }> {
  const rows = labels.length;
  const probs = Tensor.from(p, [rows, classes]);
  probs.requiresGrad = true;
  const term = macerMargin(probs, Tensor.from(labels, [rows], "i32"), gamma);
  const [g] = grad(sum(mul(term, Tensor.from(weights, [rows]))), [probs]);
  const out = { term: Float32Array.from(await term.read()), grad: Float32Array.from(await g.read()) };
  for (const t of [probs, term, g]) t.dispose();
  return out;
}

gpuTest("macerMargin forward and gradient match the float64 reference", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.record({
        rows: fc.integer({ min: 1, max: 40 }),
        classes: fc.integer({ min: 2, max: 12 }),
        scale: fc.constantFrom(0.5, 2, 8, 30),
        gamma: fc.constantFrom(0.5, 2, 8),
        seed: fc.nat({ max: 100000 }),
      }),
      async ({ rows, classes, scale, gamma, seed }) => {
        const p = softmaxRows(randomArray(rows * classes, seed, -scale, scale), classes);
        // Three rows in four carry their top class as label (those can pass the selection).
        const labels = Int32Array.from({ length: rows }, (_, r) => {
          if ((seed + r) % 4 === 3) return (seed + 5 * r) % classes;
          const row = p.subarray(r * classes, (r + 1) * classes);
          return row.indexOf(Math.max(...row));
        });
        const weights = Float32Array.from({ length: rows }, (_, r) => 0.5 + r);
        const got = await run(p, labels, classes, gamma, weights);
        const ref = macerMarginRef(p, labels, classes, gamma);
        // Rows within rounding of the hinge may be decided either way: leave them out.
        const term = Array.from(got.term), wantTerm = Array.from(ref.term);
        const g = Array.from(got.grad),
          wantGrad = ref.grad.map((v, t) => v * weights[Math.floor(t / classes)]);
        for (let r = 0; r < rows; r++) {
          if (Math.abs(Math.abs(ref.margin[r]) - gamma) < 1e-4 * (1 + gamma)) {
            term[r] = wantTerm[r] = 0;
            for (let c = 0; c < classes; c++) g[r * classes + c] = wantGrad[r * classes + c] = 0;
          }
        }
        // AS241 PPND7 in f32: ~1e-6 relative in Phi^-1, amplified by |x| in exp(x^2 / 2).
        assertClose(term, wantTerm, { atol: 2e-5, rtol: 1e-5, what: "term" });
        assertClose(g, wantGrad, { atol: 1e-5, rtol: 3e-4, what: "gradient" });
      },
    ),
    { seed: 1818, numRuns: 40 },
  );
});

gpuTest("Phi^-1 is accurate over the f32 range, both tails", async () => {
  const gamma = 16;
  const small = Array.from({ length: 60 }, (_, i) => Math.fround(10 ** (-37 + (36.8 * i) / 59)));
  const large = [0.3, 0.5, 0.6, 0.9, 0.99, 0.999, 1 - 1e-5, 1 - 1e-6, 1 - 2 ** -23, 1 - 2 ** -24].map(
    Math.fround,
  );
  // Rows (0.75, p) for p < 0.75 and (p, 0.25) for p > 0.25: the term is gamma + PhiInv(p1) - PhiInv(p0).
  const p = new Float32Array(2 * (small.length + large.length));
  small.forEach((v, i) => p.set([0.75, v], 2 * i));
  large.forEach((v, i) => p.set([v, 0.25], 2 * (small.length + i)));
  const labels = new Int32Array(p.length / 2);
  const got = await run(p, labels, 2, gamma, new Float32Array(labels.length).fill(1));
  const want = Array.from(labels, (_, r) => gamma + phiInv(p[2 * r + 1]) - phiInv(p[2 * r]));
  assert.ok(Math.min(...want.map((w) => w - gamma)) < -13, "reaches PhiInv(1e-37) = -12.8");
  assertClose(got.term, want, { atol: 2e-5, rtol: 1e-6, what: "gamma + PhiInv(p1) - PhiInv(p0)" });
});

gpuTest("macerMargin keeps only what the reference keeps", async () => {
  const gamma = 2;
  const x75 = phiInv(Math.fround(0.75)), x25 = phiInv(Math.fround(0.25));
  const cases: { row: number[]; label: number; term: number; what: string }[] = [
    { row: [0.75, 0.25, 0], label: 0, term: x25 - x75 + gamma, what: "top class is the label" },
    { row: [0.75, 0.25, 0], label: 1, term: 0, what: "top class is not the label" },
    { row: [1, 0, 0], label: 0, term: 0, what: "p0 = 1 (PhiInv infinite)" },
    { row: [0.9, 0, 0], label: 0, term: 0, what: "p1 = 0 (PhiInv infinite)" },
    { row: [0.999, 0.001, 0], label: 0, term: 0, what: "margin beyond gamma" },
    { row: [0.4, 0.4, 0.2], label: 0, term: gamma, what: "a tie: the lower class is first" },
    { row: [0.4, 0.4, 0.2], label: 1, term: 0, what: "a tie: the higher class is second" },
    { row: [0.2, 0.7, 0.1], label: -1, term: 0, what: "a label below the classes" },
    { row: [0.2, 0.7, 0.1], label: 3, term: 0, what: "a label beyond the classes" },
  ];
  const p = Float32Array.from(cases.flatMap((c) => c.row));
  const labels = Int32Array.from(cases.map((c) => c.label));
  const got = await run(p, labels, 3, gamma, new Float32Array(cases.length).fill(1));
  const ref = macerMarginRef(p, labels, 3, gamma);
  cases.forEach((c, r) => {
    assert.ok(Math.abs(got.term[r] - c.term) < 1e-5, `${c.what}: term ${got.term[r]}, expected ${c.term}`);
    const g = Array.from(got.grad.subarray(3 * r, 3 * r + 3));
    assert.equal(g.some((v) => v !== 0), c.term !== 0, `${c.what}: gradient ${g}`);
    assertClose(g, ref.grad.subarray(3 * r, 3 * r + 3), { atol: 1e-5, rtol: 1e-5, what: c.what });
  });
  // gamma = 0 keeps exact ties only (with a term of 0, but a gradient).
  const zero = await run(p, labels, 3, 0, new Float32Array(cases.length).fill(1));
  const keptRows = cases.map((_, r) => zero.grad.subarray(3 * r, 3 * r + 3).some((v) => v !== 0));
  assert.deepEqual(keptRows, cases.map((c) => c.what.startsWith("a tie: the lower")));
  assert.ok(zero.term.every((v) => v === 0));
});

gpuTest("macerMargin gradients match central differences", async () => {
  const rows = 6, classes = 5, gamma = 8;
  // Values well apart (the top two of each row differ by more than the step) so the selection is stable.
  const p = new Float32Array(rows * classes);
  const base = randomArray(rows * classes, 31, 0, 1);
  const order = [...base.keys()].sort((a, b) => base[a] - base[b]);
  order.forEach((t, rank) => (p[t] = 0.02 + (0.96 * rank) / (rows * classes)));
  const labels = Int32Array.from({ length: rows }, (_, r) => {
    const row = p.subarray(r * classes, (r + 1) * classes);
    return r === 2 ? (row.indexOf(Math.max(...row)) + 1) % classes : row.indexOf(Math.max(...row));
  });
  const w = Float32Array.from({ length: rows }, (_, r) => 1 + 0.25 * r);
  await checkGradients({
    what: "macerMargin",
    inputs: [{ shape: [rows, classes], data: p }],
    gpu: ([x]) => sum(mul(macerMargin(x, Tensor.from(labels, [rows], "i32"), gamma), Tensor.from(w, [rows]))),
    cpu: ([x]) => macerMarginRef(x, labels, classes, gamma).term.reduce((s, v, r) => s + v * w[r], 0),
    probes: rows * classes,
    rtol: 1e-3,
  });
});

gpuTest("macerMargin refuses inputs it cannot take, naming them", () => {
  const p = Tensor.from(new Float32Array(6), [3, 2]);
  const y = Tensor.from(new Int32Array(3), [3], "i32");
  assert.throws(() => macerMargin(Tensor.from(new Float32Array(3), [3, 1]), y, 1), /C >= 2 classes/);
  assert.throws(
    () => macerMargin(p, Tensor.from(new Int32Array(2), [2], "i32"), 1),
    /labels must be i32 \[3\]/,
  );
  assert.throws(() => macerMargin(p, Tensor.from(new Float32Array(3), [3]), 1), /labels must be i32/);
  assert.throws(() => macerMargin(p, y, -1), /gamma must be a finite number >= 0/);
});
