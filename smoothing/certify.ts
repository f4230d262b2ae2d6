/** CERTIFY and PREDICT of Cohen et al. (2019), exactly as the reference implementation runs them. */
import type { Tensor } from "../engine/mod.ts";
import type { Module } from "../nn/module.ts";
import { argmaxCounts, sampleVotes } from "./sampling.ts";
import { binomTestTwoSided, clopperPearsonLower, phiInv } from "./stats.ts";

export const ABSTAIN = -1;

export interface CertifyOptions {
  n0: number;
  n: number;
  alpha: number;
  batch: number;
  sigma: number;
  seed: number;
}

export interface CertifyResult {
  /** Predicted class, or ABSTAIN. */
  prediction: number;
  /** Certified l2 radius (0 when abstaining). */
  radius: number;
  /** Guessed top class from the selection phase and its estimation-phase count. */
  cA: number;
  nA: number;
  pALower: number;
  /** Noisy samples classified (n0 + n). */
  samples: number;
}

export function validateCertifyOptions(o: CertifyOptions): void {
  if (!(o.sigma > 0) || !Number.isFinite(o.sigma)) {
    throw new RangeError(`--sigma must be a finite number > 0, got ${o.sigma}`);
  }
  if (!Number.isInteger(o.n0) || o.n0 < 1) {
    throw new RangeError(`--N0 must be a positive integer, got ${o.n0}`);
  }
  if (!Number.isInteger(o.n) || o.n < 1) throw new RangeError(`--N must be a positive integer, got ${o.n}`);
  if (o.n0 > o.n) throw new RangeError(`--N0 (${o.n0}) must not exceed --N (${o.n})`);
  if (!(o.alpha > 0 && o.alpha < 1)) throw new RangeError(`--alpha must lie in (0, 1), got ${o.alpha}`);
  if (!Number.isInteger(o.batch) || o.batch < 1) {
    throw new RangeError(`--batch must be a positive integer, got ${o.batch}`);
  }
}

/** The radius certified for `nA` of `n` votes: s * PhiInv(pA_lower), or abstention below 1/2. */
export function radiusFromCounts(
  nA: number,
  n: number,
  alpha: number,
  sigma: number,
): { pALower: number; radius: number; abstain: boolean } {
  const pALower = clopperPearsonLower(nA, n, alpha);
  if (pALower < 0.5) return { pALower, radius: 0, abstain: true };
  return { pALower, radius: sigma * phiInv(pALower), abstain: false };
}

/**
 * CERTIFY(x, n0, n, alpha): n0 noisy copies select cA, n fresh copies estimate its probability.
 * Noise comes from the stream of `index` (selection samples [0, n0), estimation [n0, n0 + n)).
 */
export async function certify(
  model: Module,
  image: Tensor,
  numClasses: number,
  index: number,
  o: CertifyOptions,
): Promise<CertifyResult> {
  validateCertifyOptions(o);
  const common = { batch: o.batch, sigma: o.sigma, seed: o.seed, stream: index };
  const counts0 = await sampleVotes(model, image, numClasses, { ...common, count: o.n0, firstSample: 0 });
  const cA = argmaxCounts(counts0);
  const counts = await sampleVotes(model, image, numClasses, { ...common, count: o.n, firstSample: o.n0 });
  const nA = counts[cA];
  const r = radiusFromCounts(nA, o.n, o.alpha, o.sigma);
  return {
    prediction: r.abstain ? ABSTAIN : cA,
    radius: r.radius,
    cA,
    nA,
    pALower: r.pALower,
    samples: o.n0 + o.n,
  };
}

export interface PredictOptions {
  n: number;
  alpha: number;
  batch: number;
  sigma: number;
  seed: number;
}

/**
 * PREDICT(x, n, alpha): the top two counts c1 > c2 of n noisy votes; abstain unless the two-sided
 * binomial test of c1 successes in c1 + c2 trials at p = 1/2 has p-value <= alpha.
 */
export async function predict(
  model: Module,
  image: Tensor,
  numClasses: number,
  index: number,
  o: PredictOptions,
): Promise<{ prediction: number; pValue: number; counts: Uint32Array }> {
  if (!(o.sigma > 0)) throw new RangeError(`--sigma must be > 0, got ${o.sigma}`);
  if (!(o.alpha > 0 && o.alpha < 1)) throw new RangeError(`--alpha must lie in (0, 1), got ${o.alpha}`);
  const counts = await sampleVotes(model, image, numClasses, {
    count: o.n,
    batch: o.batch,
    sigma: o.sigma,
    seed: o.seed,
    stream: index,
    firstSample: 0,
  });
  const { top, second } = topTwo(counts);
  const pValue = binomTestTwoSided(counts[top], counts[top] + counts[second], 0.5);
  return { prediction: pValue > o.alpha ? ABSTAIN : top, pValue, counts };
}

/** Indices of the two largest counts (ties to the lower index), as the reference's argsort does for distinct counts. */
export function topTwo(counts: ArrayLike<number>): { top: number; second: number } {
  const top = argmaxCounts(counts);
  let second = top === 0 ? 1 : 0;
  for (let i = 0; i < counts.length; i++) if (i !== top && counts[i] > counts[second]) second = i;
  return { top, second };
}
