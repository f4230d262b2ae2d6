/** The standard normal CDF and quantile against 40-digit mpmath and scipy references. */
import assert from "node:assert/strict";
import fc from "../fast_check.ts";
import { normalPdf, phi, phiInv } from "../../smoothing/normal.ts";
import { SHARED_AVAILABLE, sharedPath } from "./shared.ts";

const reference: { phi: { x: number; phi: string }[] } = JSON.parse(
  Deno.readTextFileSync(new URL("./special_reference.json", import.meta.url)),
);

function relativeError(actual: number, expected: number): number {
  return expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
}

Deno.test("phi matches 40-digit references from x = -38 to 8, tails included", () => {
  // Measured worst 5.3e-15 (x = -1.9999, where the series hands over to the continued fraction).
  for (const { x, phi: expected } of reference.phi) {
    const value = Number(expected);
    // x = -38 gives a subnormal result (2.9e-316), which carries fewer significant bits.
    const tolerance = value < 2.2250738585072014e-308 ? 1e-6 : 1e-14;
    assert.ok(relativeError(phi(x), value) <= tolerance, `phi(${x}) = ${phi(x)}, expected ${expected}`);
  }
  assert.equal(phi(-Infinity), 0);
  assert.equal(phi(Infinity), 1);
  assert.equal(phi(-40), 0);
});

Deno.test({
  name: "phiInv matches scipy's norm.ppf on the reference fixture to 5e-16",
  ignore: !SHARED_AVAILABLE,
  fn() {
    const fixture = JSON.parse(Deno.readTextFileSync(sharedPath("fixtures/clopper_pearson_reference.json")));
    // Measured worst 4.2e-16 (two ulps, at p = 0.3, where the two lie one ulp either side of the
    // exact quantile); scipy itself is within 1.8e-16 of mpmath.
    for (const e of fixture.phi_inv_reference as { p: number; phi_inv: number }[]) {
      const got = phiInv(e.p);
      if (e.phi_inv === 0) assert.equal(got, 0);
      else {assert.ok(
          relativeError(got, e.phi_inv) <= 5e-16,
          `phiInv(${e.p}) = ${got}, expected ${e.phi_inv}`,
        );}
    }
  },
});

Deno.test("phiInv inverts phi and is odd about 1/2", () => {
  fc.assert(
    fc.property(fc.double({ min: -37, max: 8, noNaN: true }), (x) => {
      // Round trip: the error of phi (1e-14 relative) divided by the slope of Phi at x.
      const p = phi(x);
      const back = phiInv(p);
      const slopeBound = 1e-14 * p / normalPdf(x) + 1e-15 * Math.abs(x);
      assert.ok(Math.abs(back - x) <= Math.max(slopeBound, 1e-15), `phiInv(phi(${x})) = ${back}`);
    }),
    { seed: 21, numRuns: 500 },
  );
  fc.assert(
    fc.property(fc.double({ min: 0.5, max: 1, noNaN: true, maxExcluded: true }), (p) => {
      // 1 - p is exact for p >= 1/2, so the quantile is exactly odd (=== equates 0 and -0).
      assert.ok(
        phiInv(p) === -phiInv(1 - p),
        `phiInv(${p}) = ${phiInv(p)}, -phiInv(1 - p) = ${-phiInv(1 - p)}`,
      );
    }),
    { seed: 22, numRuns: 500 },
  );
  assert.equal(phiInv(0), -Infinity);
  assert.equal(phiInv(1), Infinity);
});

Deno.test("normalPdf and bad input", () => {
  assert.ok(relativeError(normalPdf(0), 1 / Math.sqrt(2 * Math.PI)) <= 1e-16);
  // exp(-x^2/2) keeps full relative accuracy in the tail thanks to the exact split of x^2.
  assert.ok(relativeError(normalPdf(30), 1.4736461348785475e-196) <= 1e-14);
  assert.throws(() => phiInv(1.2), /phiInv: p must lie in \[0, 1\], got 1.2/);
  assert.throws(() => phi(NaN), /phi: x must be a number, got NaN/);
});
