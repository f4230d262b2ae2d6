/**
 * Clopper-Pearson bounds, certified radii and the PREDICT binomial test against the reference
 * fixture (scipy 1.10), 40-digit references, MISSION.md's check values and exact rational p-values.
 */
import assert from "node:assert/strict";
import fc from "../fast_check.ts";
import {
  binomCdf,
  binomPmf,
  binomSf,
  binomTestTwoSided,
  certifiedRadius,
  certifyFromCounts,
  clopperPearsonInterval,
  clopperPearsonLower,
  clopperPearsonUpper,
  CP_MARGIN,
  predictFromCounts,
} from "../../smoothing/stats.ts";
import { SHARED_AVAILABLE, sharedPath } from "./shared.ts";

function relativeError(actual: number, expected: number): number {
  return expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
}

interface FixtureEntry {
  n: number;
  k: number;
  alpha_one_sided: number;
  pA_lower: number;
  pA_lower_statsmodels: number;
  abstain: boolean;
  phi_inv_pA_lower: number | null;
  radius_by_sigma: Record<string, number | null>;
}

function loadFixture() {
  return JSON.parse(Deno.readTextFileSync(sharedPath("fixtures/clopper_pearson_reference.json")));
}

Deno.test({
  name: "clopperPearsonLower matches scipy's beta.ppf on all 207 fixture entries (n = 1 .. 1e6) to 1e-9",
  ignore: !SHARED_AVAILABLE,
  fn() {
    const entries: FixtureEntry[] = loadFixture().entries;
    assert.equal(entries.length, 207);
    let worstBound = 0, worstRadius = 0;
    for (const e of entries) {
      const what = `n=${e.n} nA=${e.k} alpha=${e.alpha_one_sided}`;
      const bound = clopperPearsonLower(e.k, e.n, e.alpha_one_sided);
      if (e.k === 0) assert.equal(bound, 0, what);
      worstBound = Math.max(
        worstBound,
        relativeError(bound, e.pA_lower),
        relativeError(bound, e.pA_lower_statsmodels),
      );
      for (const [sigma, expected] of Object.entries(e.radius_by_sigma)) {
        const radius = certifiedRadius(bound, Number(sigma));
        assert.equal(radius === null, expected === null, `${what} sigma=${sigma}: abstain`);
        assert.equal(radius === null, e.abstain, `${what}: abstain flag`);
        if (radius !== null && expected !== null) {
          worstRadius = Math.max(worstRadius, relativeError(radius, expected));
        }
      }
    }
    // Achieved: bounds 2.3e-14 (scipy's own error vs mpmath is up to 1.8e-14, plus our deliberate
    // 1e-14 downward rounding), radii 1.6e-10 (sigma * PhiInv amplifies the bound's error where
    // pA_lower is near 1, e.g. n = 1e6, nA = n).
    assert.ok(worstBound <= 1e-9 && worstBound <= 5e-14, `worst bound relative error ${worstBound}`);
    assert.ok(worstRadius <= 1e-9, `worst radius relative error ${worstRadius}`);
  },
});

Deno.test("Clopper-Pearson bounds are within 2.5e-15 of 40-digit roots before, and never above them after, the margin", () => {
  const reference: { cp: { n: number; k: number; alpha: number; lower: string; upper: string }[] } = JSON
    .parse(
      Deno.readTextFileSync(new URL("./special_reference.json", import.meta.url)),
    );
  for (const c of reference.cp) {
    const exactLower = Number(c.lower), exactUpper = Number(c.upper);
    const lower = clopperPearsonLower(c.k, c.n, c.alpha), upper = clopperPearsonUpper(c.k, c.n, c.alpha);
    const what = `n=${c.n} k=${c.k} alpha=${c.alpha}`;
    assert.ok(lower <= exactLower, `${what}: lower ${lower} exceeds the exact ${c.lower}`);
    assert.ok(upper >= exactUpper, `${what}: upper ${upper} is below the exact ${c.upper}`);
    assert.ok(
      relativeError(lower / (1 - CP_MARGIN), exactLower) <= 2.5e-15,
      `${what}: lower ${lower} vs ${c.lower}`,
    );
    if (exactUpper < 1) {
      // Upper bounds: 2.7e-15 measured (n = 1e6, k = 1).
      assert.ok(
        relativeError(upper / (1 + CP_MARGIN), exactUpper) <= 5e-15,
        `${what}: upper ${upper} vs ${c.upper}`,
      );
    } else {
      assert.equal(upper, 1);
    }
  }
});

Deno.test({
  name: "MISSION.md check values: R/sigma at alpha = 0.001 and the smallest certifying nA",
  ignore: !SHARED_AVAILABLE,
  fn() {
    const radius = (nA: number, n: number) => certifiedRadius(clopperPearsonLower(nA, n, 0.001), 1);
    for (const [nA, expected] of [[100000, 3.811457], [99000, 2.29], [90000, 1.264845]]) {
      assert.ok(Math.abs(radius(nA, 100000)! - expected) < 5e-7, `nA=${nA}: R/sigma = ${radius(nA, 100000)}`);
    }
    for (const [n, smallest] of [[100000, 50490], [10000, 5156]]) {
      assert.notEqual(radius(smallest, n), null, `n=${n}: nA=${smallest} must certify`);
      assert.equal(radius(smallest - 1, n), null, `n=${n}: nA=${smallest - 1} must abstain`);
    }
    const check = loadFixture().mission_check_values;
    for (const c of check.R_over_sigma as { n: number; nA: number; R_over_sigma: number }[]) {
      assert.ok(relativeError(radius(c.nA, c.n)!, c.R_over_sigma) <= 1e-10);
    }
  },
});

Deno.test("Clopper-Pearson bounds are monotone: up in nA, up in n at a fixed fraction, up in alpha", () => {
  const alpha = fc.constantFrom(0.001, 0.01, 0.05, 0.2);
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 200000 }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      alpha,
      (n, f, a) => {
        const k = Math.min(n - 1, Math.floor(f * n));
        assert.ok(clopperPearsonLower(k + 1, n, a) > clopperPearsonLower(k, n, a), `n=${n} k=${k}`);
        assert.ok(clopperPearsonUpper(k + 1, n, a) >= clopperPearsonUpper(k, n, a), `n=${n} k=${k}`);
      },
    ),
    { seed: 31, numRuns: 300 },
  );
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 500 }),
      fc.integer({ min: 1, max: 500 }),
      fc.integer({ min: 1, max: 50 }),
      fc.integer({ min: 1, max: 50 }),
      alpha,
      (n, kRaw, m1, dm, a) => {
        // (m k, m n) keeps the fraction k/n; more samples at the same fraction tighten the bound.
        const k = 1 + (kRaw % n), m2 = m1 + dm;
        assert.ok(
          clopperPearsonLower(m2 * k, m2 * n, a) > clopperPearsonLower(m1 * k, m1 * n, a),
          `k/n=${k}/${n}`,
        );
      },
    ),
    { seed: 32, numRuns: 300 },
  );
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 1e5 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
      const k = Math.max(1, Math.floor(f * n));
      assert.ok(clopperPearsonLower(k, n, 0.001) < clopperPearsonLower(k, n, 0.01));
      const [low, high] = clopperPearsonInterval(k, n, 0.02);
      assert.equal(low, clopperPearsonLower(k, n, 0.01));
      assert.ok(low < k / n && high >= k / n);
    }),
    { seed: 33, numRuns: 200 },
  );
});

Deno.test("the certified radius grows with pA_lower and sigma, and abstains below 1/2", () => {
  fc.assert(
    fc.property(
      fc.double({ min: 0.5, max: 0.999999, noNaN: true }),
      fc.double({ min: 0.5, max: 0.999999, noNaN: true }),
      fc.double({ min: 0.01, max: 4, noNaN: true }),
      (p, q, sigma) => {
        const [lo, hi] = p <= q ? [p, q] : [q, p];
        assert.ok(certifiedRadius(lo, sigma)! <= certifiedRadius(hi, sigma)!);
        assert.ok(certifiedRadius(hi, sigma)! <= certifiedRadius(hi, sigma * 1.5)!);
        assert.ok(certifiedRadius(hi, sigma)! >= 0);
      },
    ),
    { seed: 34, numRuns: 300 },
  );
  assert.equal(certifiedRadius(0.4999999, 0.25), null);
  assert.equal(certifiedRadius(0, 0.25), null);
  // The reference code abstains only below 1/2, so exactly 1/2 certifies radius 0.
  assert.equal(certifiedRadius(0.5, 0.25), 0);
  assert.ok(Math.abs(certifiedRadius(0.9, 0.5)! - 0.5 * 1.2815515655446004) < 1e-15);
});

Deno.test({
  name: "binomTestTwoSided reproduces scipy.stats.binomtest on the fixture (50 cases up to n = 1e5)",
  ignore: !SHARED_AVAILABLE,
  fn() {
    const fixture = loadFixture();
    let worst = 0;
    for (
      const e of fixture.binomtest_two_sided as {
        k: number;
        n: number;
        pvalue: number;
        "abstain_at_alpha_0.001": boolean;
      }[]
    ) {
      const p = binomTestTwoSided(e.k, e.n, 0.5);
      if (e.pvalue === 0) assert.ok(p < 1e-300, `k=${e.k} n=${e.n}: ${p}`);
      else worst = Math.max(worst, relativeError(p, e.pvalue));
      assert.equal(p > 0.001, e["abstain_at_alpha_0.001"], `k=${e.k} n=${e.n}: abstain`);
    }
    // Achieved 8.8e-14 (the p-values are sums of two tails, each ~4e-14).
    assert.ok(worst <= 1e-12, `worst relative error ${worst}`);
    assert.equal(binomTestTwoSided(10, 10), 1.953125e-3);
    for (const skipped of fixture.binomtest_skipped as { k: number; n: number }[]) {
      assert.throws(() => binomTestTwoSided(skipped.k, skipped.n), RangeError);
    }
  },
});

/** Exact two-sided p-value at p = 1/2 with integers: P(|X - n/2| >= |k - n/2|). */
function exactPValue(k: number, n: number): number {
  const distance = Math.abs(2 * k - n);
  let numerator = 0n, binomial = 1n;
  for (let j = 0; j <= n; j++) {
    if (Math.abs(2 * j - n) >= distance) numerator += binomial;
    binomial = binomial * BigInt(n - j) / BigInt(j + 1);
  }
  // Scale so that the division keeps 60 significant bits before the conversion to a double.
  const scale = 2n ** 64n;
  return Number(numerator * scale / 2n ** BigInt(n)) / Number(scale) || Number(numerator) / 2 ** n;
}

Deno.test("binomTestTwoSided equals the exact rational p-value at p = 1/2 and is symmetric", () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 400 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
      const k = Math.round(f * n);
      const p = binomTestTwoSided(k, n);
      assert.ok(
        relativeError(p, Math.min(1, exactPValue(k, n))) <= 1e-12,
        `k=${k} n=${n}: ${p} vs ${exactPValue(k, n)}`,
      );
      assert.equal(p, binomTestTwoSided(n - k, n));
    }),
    { seed: 35, numRuns: 300 },
  );
});

Deno.test("binomial pmf, cdf and survival function agree with direct summation", () => {
  fc.assert(
    // (1 - p)^n stays a normal double for n <= 140 and p <= 0.99, so the recurrence can start there.
    fc.property(
      fc.integer({ min: 1, max: 140 }),
      fc.double({ min: 0.01, max: 0.99, noNaN: true }),
      (n, p) => {
        // pmf by the recurrence pmf(j + 1) = pmf(j) (n - j) p / ((j + 1) (1 - p)); its error grows
        // ~1e-16 per step, hence the 1e-12 tolerance.
        let pmf = Math.pow(1 - p, n), cdf = 0;
        for (let j = 0; j <= n; j++) {
          cdf += pmf;
          if (pmf > 1e-250) {
            assert.ok(relativeError(binomPmf(j, n, p), pmf) <= 1e-12, `pmf(${j}; ${n}, ${p})`);
          }
          if (cdf < 0.5) assert.ok(relativeError(binomCdf(j, n, p), cdf) <= 1e-12, `cdf(${j}; ${n}, ${p})`);
          else assert.ok(Math.abs(binomSf(j, n, p) - (1 - cdf)) <= 1e-13, `sf(${j}; ${n}, ${p})`);
          pmf = pmf * (n - j) * p / ((j + 1) * (1 - p));
        }
      },
    ),
    { seed: 36, numRuns: 100 },
  );
  assert.equal(binomCdf(-1, 5, 0.3), 0);
  assert.equal(binomCdf(5, 5, 0.3), 1);
  assert.equal(binomSf(5, 5, 0.3), 0);
  assert.equal(binomPmf(0, 3, 0), 1);
  assert.equal(binomPmf(3, 3, 1), 1);
});

Deno.test("PREDICT: abstains unless the top count beats the runner-up at level alpha", () => {
  // n = 10 can never reach alpha = 0.001: the best case 10:0 has p = 2^-9 = 1.95e-3.
  assert.deepEqual(predictFromCounts([0, 10, 0], 0.001), { predict: -1, pValue: 1.953125e-3 });
  assert.equal(predictFromCounts([0, 10, 0], 0.01).predict, 1);
  assert.equal(predictFromCounts([40, 60, 0], 0.001).predict, -1);
  assert.equal(predictFromCounts([1, 5, 90, 4], 0.001).predict, 2);
  // A tie has p-value 1.
  assert.deepEqual(predictFromCounts([7, 7, 1], 0.5), { predict: -1, pValue: 1 });
  assert.throws(() => predictFromCounts([5], 0.001), /at least 2 classes/);
  assert.throws(() => predictFromCounts([0, 0], 0.001), /all zero/);
  assert.throws(() => predictFromCounts([1.5, 2], 0.001), /counts\[0\] must be an integer/);
});

Deno.test("CERTIFY decision: class and radius, or abstention with radius 0", () => {
  const certified = certifyFromCounts(3, 99000, 100000, 0.001, 0.5);
  assert.equal(certified.predict, 3);
  assert.ok(Math.abs(certified.radius - 0.5 * 2.289999955213766) < 1e-9);
  assert.deepEqual(certifyFromCounts(3, 50489, 100000, 0.001, 0.5).predict, -1);
  assert.equal(certifyFromCounts(3, 50489, 100000, 0.001, 0.5).radius, 0);
  assert.equal(certifyFromCounts(7, 0, 100, 0.001, 0.25).pALower, 0);
});

Deno.test("bad counts and levels are rejected with the input named", () => {
  assert.throws(
    () => clopperPearsonLower(11, 10, 0.001),
    /clopperPearsonLower: nA \(11\) must not exceed n \(10\)/,
  );
  assert.throws(
    () => clopperPearsonLower(1, 0, 0.001),
    /n \(number of samples\) must be an integer >= 1, got 0/,
  );
  assert.throws(() => clopperPearsonLower(2.5, 10, 0.001), /nA \(number of successes\) must be an integer/);
  assert.throws(() => clopperPearsonLower(5, 10, 1), /alpha must lie in \(0, 1\), got 1/);
  assert.throws(() => certifiedRadius(0.9, 0), /sigma must be a finite number > 0/);
  assert.throws(() => certifiedRadius(1.1, 0.5), /pALower must lie in \[0, 1\]/);
  assert.throws(() => binomTestTwoSided(0, 0), /n \(number of trials\) must be an integer >= 1/);
  assert.throws(() => binomTestTwoSided(11, 10), /k \(11\) must not exceed n \(10\)/);
});
