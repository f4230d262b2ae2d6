/**
 * What happens to one image, as a state machine that asks for samples and decides: CERTIFY at a fixed
 * N (Cohen et al. 2019), the sequential modes built on the confidence sequence of
 * confidence_sequence.ts (certification at chosen radii, and an adaptive full-radius mode), and
 * PREDICT. A procedure knows nothing of GPUs or batches: the loop in packing.ts serves its requests in
 * whatever pieces fit a round, and it decides only at its own looks, which depend on nothing but its
 * parameters. So its result is a function of (seed, image, parameters) alone: packing, batch size,
 * sharding and resumption cannot change it.
 *
 * Sample indices of an image's noise stream: [0, n0) select the class (CERTIFY's step 1), then
 * [n0, n0 + N) estimate its probability, of which the sequential modes use a prefix.
 */
import { lowerConfidenceBound, provesAbove, provesBelow } from "./confidence_sequence.ts";
import { phi } from "./normal.ts";
import { argmaxCounts } from "./sampling.ts";
import { certifiedRadius, certifyFromCounts, predictFromCounts } from "./stats.ts";

export const ABSTAIN = -1;

/** The next samples an image wants before it can decide: indices first .. first + count - 1. */
export interface SampleRange {
  first: number;
  count: number;
}

export interface Procedure<R> {
  /** The samples wanted before the next look, or null once decided. */
  next(): SampleRange | null;
  /** Class counts of the next `count` samples (a prefix of what next() asked for). */
  observe(count: number, counts: Uint32Array): void;
  /** The outcome; only once next() has returned null. */
  result(): R;
}

/** How the estimation phase stops. */
export type CertifyMode =
  /** CERTIFY: all N samples, then the Clopper-Pearson bound. */
  | { kind: "fixed" }
  /** Certify each radius (or refute it) as soon as the confidence sequence decides it. */
  | { kind: "radii"; radii: readonly number[] }
  /** Stop once the rest of the budget could not raise the radius by more than `tolerance`. */
  | { kind: "adaptive"; tolerance: number };

const FIXED: CertifyMode = { kind: "fixed" };

export interface CertifyParameters {
  n0: number;
  /** Estimation budget: all of it in the fixed mode, at most this in the sequential modes. */
  n: number;
  alpha: number;
  sigma: number;
  /** Default: the reference's fixed-N CERTIFY. */
  mode?: CertifyMode;
}

export interface Certificate {
  /** Predicted class, or ABSTAIN. */
  prediction: number;
  /**
   * Certified l2 radius (0 when abstaining). In the radii mode: the largest requested radius that is
   * certified, 0 when none is.
   */
  radius: number;
  /** Class guessed from the selection samples, and its votes among the estimation samples. */
  cA: number;
  nA: number;
  /** Estimation samples used. */
  n: number;
  /** Samples classified in all (n0 + n). */
  samples: number;
  /** The lower bound on P(f(x + noise) = cA) behind the result (Clopper-Pearson, or the sequence's). */
  pALower: number;
  /** Votes per class among the selection samples, and among the estimation samples used. */
  selectionCounts: Uint32Array;
  estimationCounts: Uint32Array;
}

// ---------------------------------------------------------------------------------------------
// The schedule of looks.

/** Estimation samples at the first look of the sequential modes. */
export const FIRST_LOOK = 32;
/**
 * Each later look is this much larger. Simulated on Bernoulli streams (alpha = 0.001, radii sigma and
 * 2 sigma, p from 0.6 to 1): growth 1.1 needs ~7 % fewer samples than 1.25 with twice the looks (GPU
 * round trips), 1.5 ~15 % more.
 */
export const LOOK_GROWTH = 1.25;

/** The look after one at `n` estimation samples, within the budget `budget`. */
export function nextLook(n: number, budget: number): number {
  if (n <= 0) return Math.min(FIRST_LOOK, budget);
  return Math.min(budget, Math.max(n + 1, Math.ceil(n * LOOK_GROWTH)));
}

// ---------------------------------------------------------------------------------------------
// Parameters.

export function validateCertifyParameters(p: CertifyParameters): void {
  if (!(p.sigma > 0) || !Number.isFinite(p.sigma)) {
    throw new RangeError(`sigma must be a finite number > 0, got ${p.sigma}`);
  }
  if (!Number.isInteger(p.n0) || p.n0 < 1) throw new RangeError(`n0 must be a positive integer, got ${p.n0}`);
  if (!Number.isInteger(p.n) || p.n < 1) throw new RangeError(`N must be a positive integer, got ${p.n}`);
  if (p.n0 > p.n) throw new RangeError(`n0 (${p.n0}) must not exceed N (${p.n})`);
  if (p.n0 + p.n > 2 ** 32) throw new RangeError(`n0 + N must not exceed 2^32 samples, got ${p.n0 + p.n}`);
  if (!(p.alpha > 0 && p.alpha < 1)) throw new RangeError(`alpha must lie in (0, 1), got ${p.alpha}`);
  const mode = p.mode ?? FIXED;
  if (mode.kind === "radii") {
    if (mode.radii.length === 0) throw new RangeError("radii: give at least one radius");
    for (const r of mode.radii) {
      if (!(r >= 0 && Number.isFinite(r))) {
        throw new RangeError(`radii must be finite numbers >= 0, got ${r}`);
      }
    }
  } else if (mode.kind === "adaptive") {
    if (!(mode.tolerance >= 0 && Number.isFinite(mode.tolerance))) {
      throw new RangeError(`tolerance must be a finite number >= 0, got ${mode.tolerance}`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// CERTIFY and its sequential variants.

/** Decides, from (votes for cA, estimation samples), whether to stop, and what to return then. */
interface StoppingRule {
  /** Estimation samples at the next look after `n`. */
  nextLook(n: number): number;
  /** Whether the looks may stop at `n` with `nA` votes for cA (n = budget always stops). */
  stops(nA: number, n: number): boolean;
  certificate(
    cA: number,
    nA: number,
    n: number,
  ): Omit<Certificate, "cA" | "nA" | "n" | "samples" | "selectionCounts" | "estimationCounts">;
}

function fixedRule(p: CertifyParameters): StoppingRule {
  return {
    nextLook: () => p.n,
    stops: () => false,
    certificate: (cA, nA, n) => {
      const o = certifyFromCounts(cA, nA, n, p.alpha, p.sigma);
      return { prediction: o.predict, radius: o.radius, pALower: o.pALower };
    },
  };
}

/** The radius the sequence certifies for nA of n votes, or null (abstain) below 1/2. */
function sequenceRadius(
  nA: number,
  n: number,
  p: CertifyParameters,
): { radius: number | null; pALower: number } {
  const pALower = lowerConfidenceBound(nA, n, p.alpha);
  return { radius: certifiedRadius(pALower, p.sigma), pALower };
}

function radiiRule(p: CertifyParameters, radii: readonly number[]): StoppingRule {
  // A radius r is certified once P(f = cA) > Phi(r / sigma) is proven (the r = 0 threshold 1/2 decides
  // the prediction), and refuted once P(f = cA) < Phi(r / sigma) is.
  const sorted = [...new Set(radii)].sort((a, b) => a - b);
  const thresholds = sorted.map((r) => phi(r / p.sigma));
  const decided = (nA: number, n: number) =>
    thresholds.every((t) => provesAbove(nA, n, t, p.alpha) || provesBelow(nA, n, t, p.alpha));
  return {
    nextLook: (n) => nextLook(n, p.n),
    stops: decided,
    certificate: (cA, nA, n) => {
      const predicts = provesAbove(nA, n, 0.5, p.alpha);
      let radius = 0;
      thresholds.forEach((t, i) => {
        if (provesAbove(nA, n, t, p.alpha)) radius = Math.max(radius, sorted[i]);
      });
      return {
        prediction: predicts ? cA : ABSTAIN,
        radius: predicts ? radius : 0,
        pALower: lowerConfidenceBound(nA, n, p.alpha),
      };
    },
  };
}

function adaptiveRule(p: CertifyParameters, tolerance: number): StoppingRule {
  return {
    nextLook: (n) => nextLook(n, p.n),
    stops: (nA, n) => {
      // Abstention is final only once P(f = cA) < 1/2 is proven.
      if (provesBelow(nA, n, 0.5, p.alpha)) return true;
      const now = sequenceRadius(nA, n, p).radius;
      if (now === null) return false;
      // The radius at the budget if the vote share stayed at its current estimate.
      const atBudget = sequenceRadius(Math.round((nA / n) * p.n), p.n, p).radius ?? 0;
      return atBudget - now <= tolerance;
    },
    certificate: (cA, nA, n) => {
      const { radius, pALower } = sequenceRadius(nA, n, p);
      return radius === null
        ? { prediction: ABSTAIN, radius: 0, pALower }
        : { prediction: cA, radius, pALower };
    },
  };
}

/** CERTIFY of one image in the given mode. */
export class CertifyProcedure implements Procedure<Certificate> {
  readonly #p: CertifyParameters;
  readonly #rule: StoppingRule;
  #selected = 0;
  #selection: Uint32Array | null = null;
  #estimation: Uint32Array | null = null;
  #cA = -1;
  #n = 0;
  #nA = 0;
  #look = 0;
  #done = false;

  constructor(p: CertifyParameters) {
    validateCertifyParameters(p);
    this.#p = p;
    const mode = p.mode ?? FIXED;
    this.#rule = mode.kind === "fixed"
      ? fixedRule(p)
      : mode.kind === "radii"
      ? radiiRule(p, mode.radii)
      : adaptiveRule(p, mode.tolerance);
  }

  next(): SampleRange | null {
    if (this.#done) return null;
    if (this.#cA < 0) return { first: this.#selected, count: this.#p.n0 - this.#selected };
    if (this.#look === 0) this.#look = this.#rule.nextLook(0);
    return { first: this.#p.n0 + this.#n, count: this.#look - this.#n };
  }

  observe(count: number, counts: Uint32Array): void {
    const want = this.next();
    if (want === null) throw new Error("CertifyProcedure: observe() after the decision");
    if (!Number.isInteger(count) || count < 1 || count > want.count) {
      throw new RangeError(`CertifyProcedure: observed ${count} samples, expected 1 .. ${want.count}`);
    }
    if (this.#cA < 0) {
      this.#selection ??= new Uint32Array(counts.length);
      for (let c = 0; c < counts.length; c++) this.#selection[c] += counts[c];
      this.#selected += count;
      if (this.#selected === this.#p.n0) this.#cA = argmaxCounts(this.#selection);
      return;
    }
    this.#estimation ??= new Uint32Array(counts.length);
    for (let c = 0; c < counts.length; c++) this.#estimation[c] += counts[c];
    this.#n += count;
    this.#nA += counts[this.#cA];
    if (this.#n < this.#look) return;
    if (this.#n >= this.#p.n || this.#rule.stops(this.#nA, this.#n)) this.#done = true;
    else this.#look = this.#rule.nextLook(this.#n);
  }

  result(): Certificate {
    if (!this.#done) throw new Error("CertifyProcedure: result() before the decision");
    const c = this.#rule.certificate(this.#cA, this.#nA, this.#n);
    return {
      ...c,
      cA: this.#cA,
      nA: this.#nA,
      n: this.#n,
      samples: this.#p.n0 + this.#n,
      selectionCounts: this.#selection!,
      estimationCounts: this.#estimation!,
    };
  }
}

// ---------------------------------------------------------------------------------------------
// PREDICT.

export interface PredictParameters {
  n: number;
  alpha: number;
}

export interface Prediction {
  /** Predicted class, or ABSTAIN. */
  prediction: number;
  pValue: number;
  counts: Uint32Array;
}

export function validatePredictParameters(p: PredictParameters): void {
  if (!Number.isInteger(p.n) || p.n < 1) throw new RangeError(`N must be a positive integer, got ${p.n}`);
  if (!(p.alpha > 0 && p.alpha < 1)) throw new RangeError(`alpha must lie in (0, 1), got ${p.alpha}`);
}

/**
 * PREDICT(x, n, alpha): the top two counts of n noisy votes; abstain unless the two-sided binomial
 * test of the top count in (top + second) trials at p = 1/2 has p-value <= alpha.
 */
export class PredictProcedure implements Procedure<Prediction> {
  #seen = 0;
  #total: Uint32Array | null = null;

  constructor(readonly params: PredictParameters) {
    validatePredictParameters(params);
  }

  next(): SampleRange | null {
    return this.#seen === this.params.n ? null : { first: this.#seen, count: this.params.n - this.#seen };
  }

  observe(count: number, counts: Uint32Array): void {
    if (!Number.isInteger(count) || count < 1 || this.#seen + count > this.params.n) {
      throw new RangeError(
        `PredictProcedure: observed ${count} samples, expected 1 .. ${this.params.n - this.#seen}`,
      );
    }
    this.#total ??= new Uint32Array(counts.length);
    for (let c = 0; c < counts.length; c++) this.#total[c] += counts[c];
    this.#seen += count;
  }

  result(): Prediction {
    if (this.#total === null || this.#seen < this.params.n) {
      throw new Error("PredictProcedure: result() before all samples were observed");
    }
    const o = predictFromCounts(this.#total, this.params.alpha);
    return { prediction: o.predict, pValue: o.pValue, counts: this.#total };
  }
}
