/**
 * SmoothAdv's softmax-average objective against float64 references: forward, full analytic
 * gradient, central differences, m = 1 = cross-entropy, large logits, the 1e-20 clamp, bad labels.
 */
import assert from "node:assert/strict";
import fc from "../fast_check.ts";
import { grad, mul, sum, Tensor } from "../../engine/mod.ts";
import { softmaxAverageLoss } from "../../engine/ops/softmax_average.ts";
import { assertClose, gpuTest, randomArray } from "../helpers.ts";
import { checkGradients } from "./gradcheck.ts";
import { softmaxAverageRef as reference } from "./references.ts";

const caseArb = fc.record({
  images: fc.integer({ min: 1, max: 9 }),
  m: fc.oneof(fc.constantFrom(1, 2, 3, 4, 8), fc.integer({ min: 1, max: 70 })),
  k: fc.integer({ min: 1, max: 23 }),
  scale: fc.constantFrom(0.1, 1, 5, 30),
  seed: fc.nat({ max: 100000 }),
  reduction: fc.constantFrom("mean" as const, "sum" as const, "none" as const),
});

gpuTest("softmaxAverageLoss forward and gradient match the float64 reference", async () => {
  await fc.assert(
    fc.asyncProperty(caseArb, async ({ images, m, k, scale, seed, reduction }) => {
      const x = randomArray(images * m * k, seed, -scale, scale);
      const y = Int32Array.from({ length: images }, (_, i) => (seed + 7 * i) % k);
      const ref = reference(x, y, m, k);
      const logits = Tensor.from(x, [images * m, k]);
      logits.requiresGrad = true;
      const labels = Tensor.from(y, [images], "i32");
      const out = softmaxAverageLoss(logits, labels, m, { reduction });
      // Upstream gradient: 1 for the scalar reductions, distinct weights per image for "none".
      const wImg = Float32Array.from({ length: images }, (_, i) => 0.5 + i);
      const root = reduction === "none" ? sum(mul(out, Tensor.from(wImg, [images]))) : out;
      const [g] = grad(root, [logits]);
      const [lossV, gV] = [await out.read(), await g.read()];
      const gs = reduction === "mean" ? 1 / images : 1;
      const wantLoss = reduction === "none" ? ref.loss : [ref.loss.reduce((a, b) => a + b, 0) * gs];
      const wantGrad = ref.grad.map((v, t) =>
        v * gs * (reduction === "none" ? wImg[Math.floor(t / (m * k))] : 1)
      );
      assert.deepEqual(out.shape, reduction === "none" ? [images] : []);
      // f32 logits of magnitude `scale`: each log-softmax carries ~K ulp(scale) of rounding.
      assertClose(lossV, wantLoss, { atol: 2e-6 * (1 + scale) * k, rtol: 1e-5, what: `loss (${reduction})` });
      assertClose(gV, wantGrad, { atol: 2e-6 * (1 + scale), rtol: 1e-4, what: `gradient (${reduction})` });
      for (const t of [logits, labels, out, g]) t.dispose();
    }),
    { seed: 606, numRuns: 60 },
  );
});

gpuTest("softmaxAverageLoss gradients match central differences (m = 1, 3, 4)", async () => {
  for (const [images, m, k] of [[3, 1, 5], [2, 3, 7], [4, 4, 10]]) {
    const y = Int32Array.from({ length: images }, (_, i) => (3 * i + 1) % k);
    for (const reduction of ["mean", "sum"] as const) {
      await checkGradients({
        what: `softmaxAverageLoss m=${m} ${reduction}`,
        inputs: [{ shape: [images * m, k], data: randomArray(images * m * k, 10 * m + k, -3, 3) }],
        gpu: ([x]) => softmaxAverageLoss(x, Tensor.from(y, [images], "i32"), m, { reduction }),
        cpu: ([x]) => {
          const l = reference(x, y, m, k).loss.reduce((a, b) => a + b, 0);
          return reduction === "mean" ? l / images : l;
        },
        probes: 40,
      });
    }
  }
});

/** Cross-entropy in float64, written independently: logsumexp(row) - row[y]. */
function crossEntropy(x: ArrayLike<number>, y: ArrayLike<number>, k: number): number[] {
  return Array.from(y, (label, r) => {
    const row = Array.from({ length: k }, (_, c) => x[r * k + c]);
    const mx = Math.max(...row);
    return mx + Math.log(row.reduce((s, v) => s + Math.exp(v - mx), 0)) - row[label];
  });
}

gpuTest("m = 1 is cross-entropy, without the clamp (losses beyond -log 1e-20 included)", async () => {
  const k = 10, b = 50;
  const x = randomArray(b * k, 77, -8, 8);
  const y = Int32Array.from({ length: b }, (_, i) => (i * 3) % k);
  // Rows whose label logit is 60 to 80 below the maximum: CE between 60 and 80, above 46.05.
  for (let r = 0; r < 5; r++) x[r * k + y[r]] = -60 - 4 * r - 8;
  const out = softmaxAverageLoss(Tensor.from(x, [b, k]), Tensor.from(y, [b], "i32"), 1, {
    reduction: "none",
  });
  const ce = crossEntropy(x, y, k);
  assert.ok(ce.slice(0, 5).every((v) => v > 60));
  assertClose(await out.read(), ce, { atol: 1e-5, rtol: 1e-5, what: "CE" });
});

gpuTest("large logits stay finite and accurate", async () => {
  const k = 6, m = 3;
  // Gaps of a few units between logits of magnitude 1e4 (naive exp would overflow).
  const x = Float32Array.from([
    ...[1e4, 1e4 - 1, 1e4 - 3, -1e4, 0, 1e4 - 0.5],
    ...[2e4, 2e4 + 2, -3e4, 2e4 - 1, 2e4, 2e4],
    ...[-5e4, -5e4 + 1, -5e4 - 1, -5e4, -5e4 + 0.25, -5e4],
  ]);
  const y = [1];
  const logits = Tensor.from(x, [m, k]);
  logits.requiresGrad = true;
  const out = softmaxAverageLoss(logits, Tensor.from(y, [1], "i32"), m);
  const [g] = grad(out, [logits]);
  const ref = reference(x, y, m, k);
  const [lv, gv] = [await out.read(), await g.read()];
  assert.ok(Number.isFinite(lv[0]) && gv.every(Number.isFinite));
  // ulp(5e4) = 0.004 in f32: the logits themselves are exact, their differences too.
  assertClose(lv, ref.loss, { atol: 1e-5, rtol: 1e-5, what: "large-logit loss" });
  assertClose(gv, ref.grad, { atol: 1e-6, rtol: 1e-4, what: "large-logit gradient" });
});

gpuTest("the 1e-20 clamp: loss -log(1e-20) and zero gradient for that image only", async () => {
  const k = 4, m = 2;
  // Image 0: label logit 60 below the others in both copies (average ~ 1e-26 < 1e-20).
  // Image 1: an ordinary image in the same batch keeps its gradient.
  const x = Float32Array.from([0, -60, 0, 0, 1, -59, 0, 1, 0.5, 0.2, -0.3, 0.1, 0, 0, 1, 2]);
  const y = [1, 0];
  const logits = Tensor.from(x, [4, k]);
  logits.requiresGrad = true;
  const out = softmaxAverageLoss(logits, Tensor.from(y, [2], "i32"), m, { reduction: "none" });
  const [g] = grad(sum(out), [logits]);
  const ref = reference(x, y, m, k);
  const [lv, gv] = [await out.read(), await g.read()];
  assert.equal(lv[0], Math.fround(-Math.log(1e-20)));
  assertClose(lv, ref.loss, { atol: 1e-5, rtol: 1e-6, what: "clamped loss" });
  assert.deepEqual([...gv.slice(0, 8)], new Array(8).fill(0));
  assert.ok(gv.slice(8).some((v) => v !== 0));
  assertClose(gv, ref.grad, { atol: 1e-6, rtol: 1e-4, what: "clamped gradient" });
});

gpuTest("labels outside [0, K) give NaN for that image; bad shapes are rejected", async () => {
  const x = randomArray(4 * 3, 5);
  const logits = Tensor.from(x, [4, 3]);
  logits.requiresGrad = true;
  const out = softmaxAverageLoss(logits, Tensor.from([1, 3], [2], "i32"), 2, { reduction: "none" });
  const [g] = grad(sum(out), [logits]);
  const [lv, gv] = [await out.read(), await g.read()];
  assert.ok(Number.isFinite(lv[0]) && Number.isNaN(lv[1]));
  assert.ok(gv.slice(0, 6).every(Number.isFinite) && gv.slice(6).every(Number.isNaN));
  const neg = softmaxAverageLoss(logits, Tensor.from([-1, 0], [2], "i32"), 2, { reduction: "none" });
  assert.ok(Number.isNaN((await neg.read())[0]));

  const labels = Tensor.from([0, 1], [2], "i32");
  assert.throws(() => softmaxAverageLoss(logits, labels, 3), RangeError); // 4 rows, m = 3
  assert.throws(() => softmaxAverageLoss(logits, labels, 0), RangeError);
  assert.throws(() => softmaxAverageLoss(logits, labels, 1), TypeError); // needs 4 labels
  assert.throws(() => softmaxAverageLoss(logits, Tensor.from([0, 1], [2]), 2), TypeError); // f32 labels
  assert.throws(() => softmaxAverageLoss(logits.view([12]), labels, 2), TypeError);
});
