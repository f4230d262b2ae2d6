/**
 * The confidence sequence behind the sequential certification modes: its closed form against a
 * float64 quadrature of the mixture integral, the supermartingale identity it rests on, monotonicity,
 * and its anytime guarantee computed exactly (no simulation, hence no false alarms): the probability
 * that the lower bound ever exceeds the true p within n_max trials, under continuous monitoring, by
 * dynamic programming over the number of successes. The same computation shows that re-applying the
 * fixed-n Clopper-Pearson bound at every trial breaks the level, so the check has the power to catch
 * an unsound bound.
 */
import assert from "node:assert/strict";
import fc from "../fast_check.ts";
import {
  EVIDENCE_MARGIN,
  logEvidenceAbove,
  logEvidenceBelow,
  lowerConfidenceBound,
  provesAbove,
  provesBelow,
  UNANIMOUS_WEIGHT,
  upperConfidenceBound,
} from "../../smoothing/confidence_sequence.ts";
import { clopperPearsonLower, phi } from "../../smoothing/stats.ts";

/** ln of the integral over [0, 1] of exp(f), by composite Simpson on a fine grid around the peak. */
function logIntegral(f: (u: number) => number): number {
  const n = 200000;
  let peak = -Infinity;
  for (let i = 0; i <= 2000; i++) peak = Math.max(peak, f(i / 2000));
  let sum = 0;
  for (let i = 0; i <= n; i++) {
    const w = i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2;
    sum += w * Math.exp(f(i / n) - peak);
  }
  return peak + Math.log(sum / (3 * n));
}

/** The mixture of the module's documentation, integrated numerically. */
function referenceAbove(s: number, n: number, p0: number): number {
  const f = n - s, c = (1 - p0) / p0;
  const uniform = logIntegral((u) => s * Math.log1p(u * c) + (f > 0 ? f * Math.log1p(-u) : 0));
  const atom = f === 0 ? UNANIMOUS_WEIGHT * Math.exp(-s * Math.log(p0)) : 0;
  return Math.log(atom + (1 - UNANIMOUS_WEIGHT) * Math.exp(uniform));
}

function referenceBelow(s: number, n: number, p0: number): number {
  const f = n - s, c = p0 / (1 - p0);
  return logIntegral((v) => (s > 0 ? s * Math.log1p(-v) : 0) + f * Math.log1p(v * c));
}

Deno.test("the closed form equals the mixture integral (float64 quadrature)", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 300 }),
      fc.integer({ min: 0, max: 300 }),
      fc.double({ min: 0.02, max: 0.995, noNaN: true }),
      (s, f, p0) => {
        const n = s + f;
        for (
          const [got, want] of [
            [logEvidenceAbove(s, n, p0), referenceAbove(s, n, p0)],
            [logEvidenceBelow(s, n, p0), referenceBelow(s, n, p0)],
          ]
        ) {
          assert.ok(
            Math.abs(got - want) <= 1e-7 * Math.max(1, Math.abs(want)),
            `s=${s} f=${f} p0=${p0}: ${got} vs ${want}`,
          );
        }
      },
    ),
    { seed: 5, numRuns: 60 },
  );
});

Deno.test("a martingale at p = p0: p0 M(S+1, n+1) + (1 - p0) M(S, n+1) = M(S, n), both sides", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 5000 }),
      fc.integer({ min: 0, max: 5000 }),
      fc.double({ min: 0.01, max: 0.999, noNaN: true }),
      (s, f, p0) => {
        const n = s + f;
        const above = (k: number, m: number) =>
          Math.exp(logEvidenceAbove(k, m, p0) - logEvidenceAbove(s, n, p0));
        const lhs = p0 * above(s + 1, n + 1) + (1 - p0) * above(s, n + 1);
        assert.ok(Math.abs(lhs - 1) < 1e-9, `above: s=${s} f=${f} p0=${p0}: ${lhs}`);
        const below = (k: number, m: number) =>
          Math.exp(logEvidenceBelow(k, m, p0) - logEvidenceBelow(s, n, p0));
        const rhs = p0 * below(s + 1, n + 1) + (1 - p0) * below(s, n + 1);
        assert.ok(Math.abs(rhs - 1) < 1e-9, `below: s=${s} f=${f} p0=${p0}: ${rhs}`);
      },
    ),
    { seed: 6, numRuns: 300 },
  );
  assert.ok(Math.abs(logEvidenceAbove(0, 0, 0.3)) < 1e-15);
  assert.ok(Math.abs(logEvidenceBelow(0, 0, 0.3)) < 1e-15);
});

Deno.test("evidence is monotone in p0 and the bounds sit where the decisions change", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 100000 }),
      fc.integer({ min: 0, max: 100000 }),
      fc.constantFrom(0.001, 0.01, 0.2),
      (s, f, alpha) => {
        const n = s + f;
        // Where the evidence is flat in p0 (no successes, say) rounding in the log-tails, whose terms
        // reach ~n in size, shows at ~1e-12 relative of n; EVIDENCE_MARGIN is far above that.
        const slack = 1e-12 * (n + 1);
        let previousAbove = Infinity, previousBelow = -Infinity;
        for (let i = 1; i < 100; i++) {
          const p0 = i / 100;
          const a = logEvidenceAbove(s, n, p0), b = logEvidenceBelow(s, n, p0);
          assert.ok(a <= previousAbove + slack && b >= previousBelow - slack, `s=${s} n=${n} p0=${p0}`);
          previousAbove = a;
          previousBelow = b;
        }
        const lower = lowerConfidenceBound(s, n, alpha), upper = upperConfidenceBound(s, n, alpha);
        assert.ok(lower <= upper, `s=${s} n=${n}: [${lower}, ${upper}]`);
        if (n > 0) assert.ok(lower <= s / n && s / n <= upper);
        if (lower > 0) {
          assert.ok(provesAbove(s, n, lower, alpha));
          assert.ok(!provesAbove(s, n, lower + 1e-9, alpha));
        }
        if (upper < 1) {
          assert.ok(provesBelow(s, n, upper, alpha));
          assert.ok(!provesBelow(s, n, upper - 1e-9, alpha));
        }
      },
    ),
    { seed: 7, numRuns: 80 },
  );
});

Deno.test("known values: unanimous votes reject p0 once (p0^-n + uniform part) / 2 reaches 1/alpha", () => {
  // With no failure the uniform part is ((1/p0)^(n+1) - 1) p0 / ((n + 1)(1 - p0)), so the first n at
  // which the mixture reaches 1/alpha can be found by hand.
  const firstUnanimous = (p0: number, alpha: number) => {
    for (let n = 1;; n++) {
      const uniform = (Math.pow(1 / p0, n + 1) - 1) * p0 / ((n + 1) * (1 - p0));
      if (Math.log(0.5 * Math.pow(p0, -n) + 0.5 * uniform) >= -Math.log(alpha) + EVIDENCE_MARGIN) return n;
    }
  };
  for (const z of [0.5, 1, 2, 3]) {
    const p0 = phi(z);
    const n = firstUnanimous(p0, 0.001);
    assert.ok(provesAbove(n, n, p0, 0.001), `z=${z}: n=${n}`);
    assert.ok(!provesAbove(n - 1, n - 1, p0, 0.001), `z=${z}: n-1=${n - 1}`);
  }
  // Reported in the README: sigma, 2 sigma and 3 sigma need 44, 325 and 5,534 unanimous votes at
  // alpha = 0.001 (the fixed-n Clopper-Pearson bound: 40, 301 and 5,114).
  assert.deepEqual([1, 2, 3].map((z) => firstUnanimous(phi(z), 0.001)), [44, 325, 5534]);
  assert.equal(lowerConfidenceBound(0, 50, 0.05), 0);
  assert.equal(upperConfidenceBound(50, 50, 0.05), 1);
  assert.throws(() => logEvidenceAbove(5, 4, 0.5), /successes must be an integer in \[0, 4\]/);
  assert.throws(() => provesAbove(1, 2, 0.5, 1), /alpha must lie in \(0, 1\)/);
  assert.throws(() => logEvidenceBelow(1, 2, 1), /p0 must lie in \(0, 1\)/);
});

/**
 * Exact P(crossing by n_max): the successes S_n of a Bernoulli(p) stream, among paths that have not yet
 * crossed, evolve by one DP step per trial; a path crosses at n when S_n >= threshold[n].
 */
function crossingProbability(p: number, threshold: Int32Array): number {
  const nMax = threshold.length - 1;
  let alive = new Float64Array(nMax + 2);
  alive[0] = 1;
  let crossed = 0;
  for (let n = 1; n <= nMax; n++) {
    const next = new Float64Array(nMax + 2);
    for (let s = 0; s < n; s++) {
      if (alive[s] === 0) continue;
      next[s] += alive[s] * (1 - p);
      next[s + 1] += alive[s] * p;
    }
    for (let s = Math.max(0, threshold[n]); s <= n; s++) {
      crossed += next[s];
      next[s] = 0;
    }
    alive = next;
  }
  return crossed;
}

/** The smallest S with decides(S, n), per n (decides is monotone in S), or n + 1 when none. */
function thresholds(nMax: number, decides: (s: number, n: number) => boolean): Int32Array {
  const t = new Int32Array(nMax + 1).fill(0);
  t[0] = 1;
  for (let n = 1; n <= nMax; n++) {
    let lo = 0, hi = n + 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (decides(mid, n)) hi = mid;
      else lo = mid + 1;
    }
    t[n] = lo;
  }
  return t;
}

Deno.test("anytime validity, exactly: P(L_n > p for some n <= n_max) <= alpha; re-applied Clopper-Pearson exceeds it", () => {
  const nMax = 1500;
  for (const [p, alpha] of [[0.5, 0.05], [0.8413, 0.1], [0.97725, 0.2], [0.99, 0.05], [0.999, 0.2]]) {
    const sequence = crossingProbability(p, thresholds(nMax, (s, n) => provesAbove(s, n, p, alpha)));
    assert.ok(sequence <= alpha, `p=${p} alpha=${alpha}: crossing probability ${sequence}`);
    const upper = crossingProbability(
      1 - p,
      thresholds(nMax, (s, n) => provesBelow(n - s, n, p, alpha)), // failures play successes
    );
    assert.ok(upper <= alpha, `p=${p} alpha=${alpha}: upper crossing probability ${upper}`);
    if (p <= 0.99) {
      // The fixed-n bound, looked at after every trial, is not a confidence sequence.
      const naive = crossingProbability(p, thresholds(nMax, (s, n) => clopperPearsonLower(s, n, alpha) > p));
      assert.ok(naive > alpha, `p=${p} alpha=${alpha}: re-applied Clopper-Pearson crosses with ${naive}`);
    }
  }
});
