/**
 * Statistical guarantees of the Clopper-Pearson bound and of CERTIFY, checked by exact
 * computation and by seeded simulation with stated false-alarm probabilities.
 *
 * A simulation count C of "bound exceeded the truth" events among M independent runs is
 * Binomial(M, q) with q <= alpha when the bound is valid. Each check fails only if C exceeds the
 * critical value t with P(Binomial(M, alpha) > t) <= 1e-6, so a correct implementation fails a
 * check with probability at most 1e-6 (over the choice of seed), and a whole test of K checks with
 * probability at most K * 1e-6 (union bound); the seeds are fixed, so runs are reproducible.
 */
import assert from "node:assert/strict";
import fc from "../fast_check.ts";
import { binomPmf, clopperPearsonLower, phi, phiInv } from "../../smoothing/stats.ts";
import { binomialUpperCriticalValue, Rng } from "./rng.ts";

const ALPHA = 0.05; // large enough for a simulation of a few thousand runs to be informative
const RUNS = 4000;
const FALSE_ALARM = 1e-6;
const CRITICAL = binomialUpperCriticalValue(RUNS, ALPHA, FALSE_ALARM); // 269 of 4000 (mean 200)

/** Lower bounds for every possible count 0 .. n, so simulations only look them up. */
function boundTable(n: number, alpha: number): Float64Array {
  const table = new Float64Array(n + 1);
  for (let k = 0; k <= n; k++) table[k] = clopperPearsonLower(k, n, alpha);
  return table;
}

Deno.test("exact coverage: P(lower bound > p) <= alpha for random n <= 400 and p", () => {
  // Deterministic: the sum over all outcomes of pmf(k) [bound(k) > p]; no false alarms.
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 400 }),
      fc.double({ min: 0.001, max: 0.999, noNaN: true }),
      fc.constantFrom(0.001, 0.01, 0.05, 0.2),
      (n, p, alpha) => {
        const bounds = boundTable(n, alpha);
        let exceed = 0;
        for (let k = 0; k <= n; k++) if (bounds[k] > p) exceed += binomPmf(k, n, p);
        assert.ok(exceed <= alpha * (1 + 1e-9), `n=${n} p=${p} alpha=${alpha}: coverage failure ${exceed}`);
      },
    ),
    { seed: 41, numRuns: 150 },
  );
});

Deno.test("simulated coverage: the lower bound exceeds the true p in at most ~alpha of draws", () => {
  // 30 configurations x false-alarm 1e-6 each: this test fails wrongly with probability <= 3e-5.
  const rng = new Rng(20240501);
  fc.assert(
    fc.property(
      fc.double({ min: 0.02, max: 0.98, noNaN: true }),
      fc.integer({ min: 1, max: 300 }),
      (p, n) => {
        const bounds = boundTable(n, ALPHA);
        let exceed = 0;
        for (let run = 0; run < RUNS; run++) if (bounds[rng.binomial(n, p)] > p) exceed++;
        assert.ok(
          exceed <= CRITICAL,
          `p=${p} n=${n}: ${exceed} of ${RUNS} bounds above p (critical ${CRITICAL})`,
        );
      },
    ),
    { seed: 42, numRuns: 30 },
  );
});

/** One run of CERTIFY for a binary classifier whose smoothed top-class probability is pTrue. */
function certifyOnce(
  rng: Rng,
  pClass1: number,
  n0: number,
  bounds: Float64Array,
  n: number,
): { predict: number; pALower: number } {
  // Selection: n0 votes, ties to the lower class index (class 0).
  const votes1 = rng.binomial(n0, pClass1);
  const cA = votes1 > n0 - votes1 ? 1 : 0;
  const nA = rng.binomial(n, cA === 1 ? pClass1 : 1 - pClass1);
  const pALower = bounds[nA];
  return { predict: pALower < 0.5 ? -1 : cA, pALower };
}

interface LinearCase {
  w: number[];
  b: number;
  x: number[];
  sigma: number;
}

/**
 * f(x) = [w.x + b > 0] under x + N(0, sigma^2 I): w.(x + d) + b ~ N(margin, sigma^2 |w|^2), so
 * P(f = 1) = Phi(margin / (sigma |w|)) and the smoothed classifier's exact l2 robust radius is the
 * distance to the hyperplane, |margin| / |w| = sigma PhiInv(P(top class)).
 */
function linearTruth(c: LinearCase): { pClass1: number; trueClass: number; trueRadius: number } {
  const norm = Math.hypot(...c.w);
  const margin = c.w.reduce((sum, wi, i) => sum + wi * c.x[i], c.b);
  const pClass1 = phi(margin / (c.sigma * norm));
  return { pClass1, trueClass: margin > 0 ? 1 : 0, trueRadius: Math.abs(margin) / norm };
}

/**
 * Random hyperplanes and points, with the offset b chosen so that margin / (sigma |w|) = z lies in
 * [-3.5, 3.5]: beyond that P(top class) > 0.9998 and n = 500 samples can never over-certify, so
 * such configurations would test nothing.
 */
const linearCase = fc.integer({ min: 2, max: 8 }).chain((d) =>
  fc.record({
    w: fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: d, maxLength: d }),
    x: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: d, maxLength: d }),
    // Integers spread z over the range; fc.double would favour 0 and the end points.
    z: fc.integer({ min: -350, max: 350 }).map((k) => k / 100),
    sigma: fc.constantFrom(0.12, 0.25, 0.5, 1),
  })
).filter((c) => Math.hypot(...c.w) > 0.1).map(({ w, x, z, sigma }): LinearCase => ({
  w,
  x,
  sigma,
  b: z * sigma * Math.hypot(...w) - w.reduce((sum, wi, i) => sum + wi * x[i], 0),
}));

Deno.test("CERTIFY on a linear classifier: the certified radius exceeds the true one in <= ~alpha of runs", () => {
  // 12 configurations x 1e-6: false-alarm probability of this test <= 1.2e-5.
  const n0 = 20, n = 500;
  const bounds = boundTable(n, ALPHA);
  const rng = new Rng(7777);
  let configurations = 0;
  fc.assert(
    fc.property(linearCase, (c) => {
      const { pClass1, trueClass, trueRadius } = linearTruth(c);
      // The radius identity itself (|z| <= 3.5 keeps PhiInv well conditioned).
      const pTop = Math.max(pClass1, 1 - pClass1);
      assert.ok(Math.abs(c.sigma * phiInv(pTop) - trueRadius) <= 1e-9 * Math.max(1, trueRadius));
      let failures = 0, certified = 0;
      for (let run = 0; run < RUNS; run++) {
        const { predict, pALower } = certifyOnce(rng, pClass1, n0, bounds, n);
        if (predict === -1) continue;
        certified++;
        const radius = c.sigma * phiInv(pALower);
        // A failure: a wrong class certified, or a radius beyond the true distance to the boundary.
        if (predict !== trueClass || radius > trueRadius) failures++;
      }
      configurations++;
      assert.ok(
        failures <= CRITICAL,
        `margin/|w|=${trueRadius} sigma=${c.sigma}: ${failures} of ${RUNS} runs over-certified (critical ${CRITICAL}, certified ${certified})`,
      );
    }),
    { seed: 43, numRuns: 12 },
  );
  assert.equal(configurations, 12);
});

Deno.test("the linear-classifier check has power: the plug-in estimate nA/n over-certifies", () => {
  // Using pA = nA / n instead of a confidence bound over-certifies in ~half of the runs; the chance
  // that 4000 runs at rate >= 0.4 stay below the critical 269 is below 1e-300.
  const c: LinearCase = { w: [1, -1], b: 0.1, x: [0.3, 0.1], sigma: 0.5 };
  const { pClass1, trueRadius } = linearTruth(c);
  const n = 500;
  const plugIn = new Float64Array(n + 1).map((_, k) => Math.min(k / n, 1 - 1e-12));
  const rng = new Rng(99);
  let failures = 0;
  for (let run = 0; run < RUNS; run++) {
    const { predict, pALower } = certifyOnce(rng, pClass1, 20, plugIn, n);
    if (predict !== -1 && c.sigma * phiInv(pALower) > trueRadius) failures++;
  }
  assert.ok(failures > CRITICAL, `plug-in estimate over-certified only ${failures} times`);
});
