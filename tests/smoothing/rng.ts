/** Seeded random numbers for the statistical tests (reproducible runs, independent of the engine). */

/** xoshiro128** (Blackman & Vigna), seeded through splitmix32 so that nearby seeds diverge. */
export class Rng {
  #s = new Uint32Array(4);

  constructor(seed: number) {
    let x = seed >>> 0;
    for (let i = 0; i < 4; i++) {
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      this.#s[i] = (z ^ (z >>> 16)) >>> 0;
    }
  }

  /** Uniform 32-bit unsigned integer. */
  nextU32(): number {
    const s = this.#s;
    const t = s[1] << 9;
    let r = Math.imul(s[1], 5);
    r = Math.imul((r << 7) | (r >>> 25), 9) >>> 0;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = (s[3] << 11) | (s[3] >>> 21);
    return r;
  }

  /** Uniform double in [0, 1) with 53 random bits. */
  next(): number {
    return ((this.nextU32() >>> 5) * 67108864 + (this.nextU32() >>> 6)) / 9007199254740992;
  }

  /** Exact Binomial(n, p) draw as a sum of n Bernoulli trials. */
  binomial(n: number, p: number): number {
    let k = 0;
    for (let i = 0; i < n; i++) if (this.next() < p) k++;
    return k;
  }
}

/**
 * The smallest t with P(Binomial(m, q) > t) <= delta, by direct summation of the pmf (independent
 * of smoothing/stats.ts, which is under test). A count above t is then a false alarm with
 * probability at most delta whenever the true rate is at most q.
 */
export function binomialUpperCriticalValue(m: number, q: number, delta: number): number {
  const pmf = new Float64Array(m + 1);
  pmf[0] = Math.exp(m * Math.log1p(-q));
  for (let j = 0; j < m; j++) pmf[j + 1] = pmf[j] * (m - j) / (j + 1) * q / (1 - q);
  let tail = 0;
  for (let t = m; t >= 0; t--) {
    if (tail + pmf[t] > delta) return t;
    tail += pmf[t];
  }
  return -1;
}
