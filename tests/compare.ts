/**
 * Comparing kernel results with their float64 references. No Deno or Node API: the same comparison
 * serves the Deno tests and the kernel cases run in Chromium (tests/web/kernel_cases.ts).
 */

/** max |a - b| / (atol + rtol * |b|) must stay <= 1; reports the worst element. */
export function assertClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  { rtol = 1e-5, atol = 1e-6, what = "value" }: { rtol?: number; atol?: number; what?: string } = {},
): void {
  if (actual.length !== expected.length) {
    throw new Error(`${what}: length ${actual.length}, expected ${expected.length}`);
  }
  let worst = 0, at = -1;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i], b = expected[i];
    if (Number.isNaN(a) !== Number.isNaN(b)) throw new Error(`${what}[${i}]: got ${a}, expected ${b}`);
    const r = Math.abs(a - b) / (atol + rtol * Math.abs(b));
    if (r > worst) {
      worst = r;
      at = i;
    }
  }
  if (worst > 1) {
    throw new Error(
      `${what}[${at}]: got ${actual[at]}, expected ${expected[at]} (error ${
        worst.toFixed(2)
      }x tolerance rtol ${rtol} atol ${atol})`,
    );
  }
}
