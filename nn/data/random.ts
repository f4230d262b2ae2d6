/**
 * Deterministic randomness for data loading. Every random choice is derived from (seed, epoch,
 * position) rather than drawn from one running stream, so the batches of an epoch come out the same
 * whether it is iterated from the start or resumed at any batch.
 */

/** murmur3's 32-bit finaliser: a bijective mix in which every input bit affects every output bit. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 32-bit hash of a sequence of integers (each taken modulo 2^32). */
export function hash32(...words: number[]): number {
  let h = 0x9e3779b9;
  for (const w of words) h = fmix32((h ^ fmix32((w >>> 0) + 0x7f4a7c15)) + 0x632be59b);
  return h;
}

/** xoshiro128** (Blackman and Vigna): small state, good statistical quality, fast in 32-bit JS. */
export class Xoshiro128 {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(seed: number) {
    // Expand the seed with splitmix32-style hashing; the state must not be all zero.
    this.s0 = hash32(seed, 1);
    this.s1 = hash32(seed, 2);
    this.s2 = hash32(seed, 3);
    this.s3 = hash32(seed, 4) | 1;
  }

  /** A generator with an explicit state (for known-answer tests against the reference code). */
  static fromState(state: readonly [number, number, number, number]): Xoshiro128 {
    if (state.every((w) => w >>> 0 === 0)) throw new RangeError("xoshiro128** state must not be all zero");
    const g = new Xoshiro128(0);
    [g.s0, g.s1, g.s2, g.s3] = state.map((w) => w | 0);
    return g;
  }

  nextU32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform in [0, 1) with 53 random bits, like Python's random.random(). */
  nextFloat(): number {
    const a = this.nextU32() >>> 5;
    const b = this.nextU32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** Uniform integer in [0, n); the bias of the 53-bit float method is below n / 2^53. */
  below(n: number): number {
    return Math.floor(this.nextFloat() * n);
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** A uniformly random permutation of 0..n-1 (Fisher-Yates) from `rng`. */
export function permutation(n: number, rng: Xoshiro128): Uint32Array {
  const p = new Uint32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.below(i + 1);
    const t = p[i];
    p[i] = p[j];
    p[j] = t;
  }
  return p;
}
