/** Shared test helpers: one engine per test process, float64 comparison utilities. */
import { type Engine, initEngine } from "../engine/mod.ts";

/** A test that needs the GPU engine (async WebGPU callbacks outlive a test, so sanitizers are off). */
export function gpuTest(name: string, fn: (e: Engine) => Promise<void> | void): void {
  Deno.test({
    name,
    sanitizeOps: false,
    sanitizeResources: false,
    fn: async () => {
      const e = await initEngine();
      await fn(e);
      await e.rec.settle();
    },
  });
}

/** Deterministic uniform values in [lo, hi) from a seed (xorshift32), for test data. */
export function randomArray(n: number, seed: number, lo = -1, hi = 1): Float32Array {
  let s = (seed * 2654435761) >>> 0 || 1;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    out[i] = lo + (hi - lo) * (s / 4294967296);
  }
  return out;
}

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
      `${what}[${at}]: got ${actual[at]}, expected ${expected[at]} (error ${worst.toFixed(2)}x tolerance rtol ${rtol} atol ${atol})`,
    );
  }
}

/** ||a - b|| / ||b|| */
export function normRel(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  let num = 0, den = 0;
  for (let i = 0; i < expected.length; i++) {
    num += (actual[i] - expected[i]) ** 2;
    den += expected[i] ** 2;
  }
  return Math.sqrt(num) / Math.max(Math.sqrt(den), 1e-300);
}
