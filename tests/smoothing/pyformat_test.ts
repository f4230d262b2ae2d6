/** Radii and times are printed exactly as CPython prints them in the reference logs. */
import assert from "node:assert/strict";
import fc from "../fast_check.ts";
import {
  formatPythonGeneral,
  formatRadius,
  formatTimedelta,
  parseElapsed,
} from "../../smoothing/pyformat.ts";

const reference: { radius: [number, string][]; timedelta: [number, string][] } = JSON.parse(
  Deno.readTextFileSync(new URL("./python_format_reference.json", import.meta.url)),
);

Deno.test("formatRadius equals '{:.3}'.format(r) for 270 values, exact binary ties included", () => {
  for (const [value, expected] of reference.radius) {
    assert.equal(formatRadius(value), expected, `'{:.3}'.format(${value})`);
  }
});

Deno.test("Python's rules: at least one decimal, half-to-even on exact ties, e-notation from 100", () => {
  assert.equal(formatRadius(0), "0.0");
  assert.equal(formatRadius(1), "1.0");
  assert.equal(formatRadius(3.8114565633899145), "3.81");
  // 1.125 is exactly representable: a tie that Python rounds to even, JavaScript's toPrecision up.
  assert.equal((1.125).toPrecision(3), "1.13");
  assert.equal(formatRadius(1.125), "1.12");
  assert.equal(formatRadius(9.996), "10.0");
  assert.equal(formatRadius(99.96), "1e+02");
  assert.equal(formatRadius(1.5e-5), "1.5e-05");
  assert.equal(formatPythonGeneral(-0, 3), "-0.0");
  assert.equal(formatPythonGeneral(-2.5e-7, 2), "-2.5e-07");
  assert.equal(formatPythonGeneral(Infinity, 3), "inf");
  assert.throws(() => formatRadius(-1), /radius must be a finite number >= 0, got -1/);
  assert.throws(() => formatRadius(NaN), /radius must be a finite number >= 0/);
});

Deno.test("formatted radii read back to within half a unit of the third significant digit", () => {
  fc.assert(
    fc.property(fc.double({ min: 1e-6, max: 50, noNaN: true }), (r) => {
      const back = Number(formatRadius(r));
      assert.ok(
        Math.abs(back - r) <= 0.5 * 10 ** (Math.floor(Math.log10(r)) - 2) * (1 + 1e-12),
        `${r} -> ${back}`,
      );
    }),
    { seed: 51, numRuns: 1000 },
  );
});

Deno.test("formatTimedelta equals str(timedelta(seconds=s)), omitting a zero fraction and counting days", () => {
  for (const [seconds, expected] of reference.timedelta) {
    assert.equal(formatTimedelta(seconds), expected, `timedelta(seconds=${seconds})`);
  }
  assert.equal(formatTimedelta(14.114881), "0:00:14.114881");
  assert.equal(formatTimedelta(86400), "1 day, 0:00:00");
  assert.throws(() => formatTimedelta(-1), /elapsed time must be a finite number of seconds >= 0/);
});

Deno.test("parseElapsed reads timedelta strings and float seconds, and nothing else", () => {
  for (const [seconds, text] of reference.timedelta) {
    assert.ok(Math.abs(parseElapsed(text)! - seconds) <= 5e-7 * (1 + seconds * 1e-9), text);
  }
  assert.equal(parseElapsed("2 days, 1:00:00"), 2 * 86400 + 3600);
  assert.equal(parseElapsed("14.114881"), 14.114881);
  assert.equal(parseElapsed("3"), 3);
  assert.equal(parseElapsed("0:00:14.5"), 14.5);
  for (const bad of ["", "abc", "-1", "0:61:00", "1:2:3", "14,5", "0:00:14.1234567"]) {
    assert.equal(parseElapsed(bad), null, bad);
  }
});
