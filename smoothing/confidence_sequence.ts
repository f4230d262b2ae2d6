/**
 * Anytime-valid bounds on a binomial proportion, for certification with optional stopping.
 *
 * Construction: the one-sided conjugate mixture martingale (Robbins 1970, "Statistical methods
 * related to the law of the iterated logarithm"; Howard, Ramdas, McAuliffe & Sekhon 2021,
 * "Time-uniform, nonparametric, nonasymptotic confidence sequences", Ann. Statist., section 3 on
 * conjugate mixtures). After n Bernoulli trials with S successes (F = n - S failures), the evidence
 * against H0: p <= p0 is the likelihood ratio of an alternative q = p0 + (1 - p0) u against p0,
 * mixed over a prior on u in [0, 1] chosen before any data:
 *
 *   M(p0) = E_u[ (q/p0)^S ((1 - q)/(1 - p0))^F ] = E_u[ (1 + u (1 - p0)/p0)^S (1 - u)^F ].
 *
 * For every q >= p0 and every true p <= p0 the factor of one trial has mean p q/p0 + (1 - p)(1 - q)/(1 - p0)
 * <= 1, so M(p0) is a non-negative supermartingale with M_0 = 1, and Ville's inequality gives
 * P(M_n(p0) >= 1/alpha for some n) <= alpha: the test "p > p0 once M_n(p0) >= 1/alpha" keeps its
 * level under any stopping rule, any schedule of looks and any number of looks. The integrand falls
 * as p0 grows, so M is non-increasing in p0 and the rejected values form an interval [0, L_n): L_n is
 * a (1 - alpha) lower confidence sequence, and "L_n >= t" is the same event as "M_n(t) >= 1/alpha".
 *
 * The prior is w = 1/2 on u = 1 (q = 1: the alternative "every vote is for the class", which rejects
 * p0 after ln(2/alpha) / -ln p0 unanimous votes, close to the fixed-n ln(1/alpha) / -ln p0) and 1/2
 * uniform on [0, 1], which gives the closed form
 *
 *   E_uniform = B(S+1, F+1) (1 - I_p0(S+1, F+1)) / (p0^S (1 - p0)^(F+1)),
 *
 * computed in logs from the regularised incomplete beta function without cancellation. The upper
 * bound uses the mirror image (q = p0 (1 - v), v uniform on [0, 1]; no atom), for futility: it stops
 * sampling once a threshold can no longer be reached. Each side holds at its own level alpha.
 */
import { betaTails } from "./beta.ts";

/** Prior weight of the alternative q = 1 (all votes for the class) in the lower-side mixture. */
export const UNANIMOUS_WEIGHT = 0.5;

/**
 * Evidence is compared with ln(1/alpha) plus this margin, so that rounding in the log-tails
 * (relative 1e-14 on terms of magnitude up to ~1e5 at n = 1e6) never tips a decision.
 */
export const EVIDENCE_MARGIN = 1e-6;

function checkTrials(successes: number, trials: number, fn: string): void {
  if (!Number.isSafeInteger(trials) || trials < 0) {
    throw new RangeError(`${fn}: trials must be an integer >= 0, got ${trials}`);
  }
  if (!Number.isSafeInteger(successes) || successes < 0 || successes > trials) {
    throw new RangeError(`${fn}: successes must be an integer in [0, ${trials}], got ${successes}`);
  }
}

function checkLevel(p0: number, fn: string): void {
  if (!(p0 > 0 && p0 < 1)) throw new RangeError(`${fn}: p0 must lie in (0, 1), got ${p0}`);
}

function checkAlpha(alpha: number, fn: string): void {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`${fn}: alpha must lie in (0, 1), got ${alpha}`);
}

function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const m = Math.max(a, b);
  return m + Math.log(Math.exp(a - m) + Math.exp(b - m));
}

/**
 * ln M_n(p0): the evidence against "p <= p0" after `successes` of `trials` (the mixture above). It is
 * 0 before any trial and non-increasing in p0.
 */
export function logEvidenceAbove(successes: number, trials: number, p0: number): number {
  const fn = "logEvidenceAbove";
  checkTrials(successes, trials, fn);
  checkLevel(p0, fn);
  const failures = trials - successes;
  // E_uniform = (1 - I_p0(S+1, F+1)) p0 / front, front = p0^(S+1) (1-p0)^(F+1) / B(S+1, F+1)
  const t = betaTails(p0, successes + 1, failures + 1);
  const uniform = t.logUpper - t.logFront + Math.log(p0);
  const unanimous = failures === 0 ? -successes * Math.log(p0) : -Infinity;
  return logAddExp(Math.log(UNANIMOUS_WEIGHT) + unanimous, Math.log1p(-UNANIMOUS_WEIGHT) + uniform);
}

/**
 * ln M'_n(p0): the evidence against "p >= p0" (uniform mixture over q in [0, p0]); non-decreasing in p0.
 */
export function logEvidenceBelow(successes: number, trials: number, p0: number): number {
  const fn = "logEvidenceBelow";
  checkTrials(successes, trials, fn);
  checkLevel(p0, fn);
  const failures = trials - successes;
  // E = I_p0(S+1, F+1) (1 - p0) / front
  const t = betaTails(p0, successes + 1, failures + 1);
  return t.logLower - t.logFront + Math.log1p(-p0);
}

/** Whether the evidence rejects "p <= p0" at level alpha: then p > p0, whatever the stopping rule. */
export function provesAbove(successes: number, trials: number, p0: number, alpha: number): boolean {
  checkAlpha(alpha, "provesAbove");
  if (p0 <= 0) return successes > 0 && provesAbove(successes, trials, Number.MIN_VALUE, alpha);
  if (p0 >= 1) return false;
  return logEvidenceAbove(successes, trials, p0) >= -Math.log(alpha) + EVIDENCE_MARGIN;
}

/** Whether the evidence rejects "p >= p0" at level alpha: then p < p0, whatever the stopping rule. */
export function provesBelow(successes: number, trials: number, p0: number, alpha: number): boolean {
  checkAlpha(alpha, "provesBelow");
  if (p0 >= 1) return successes < trials && provesBelow(successes, trials, 1 - Number.EPSILON / 2, alpha);
  if (p0 <= 0) return false;
  return logEvidenceBelow(successes, trials, p0) >= -Math.log(alpha) + EVIDENCE_MARGIN;
}

/** Bisection steps: the bound is found to 2^-60 of the unit interval, far below any radius digit. */
const BISECTION_STEPS = 60;

/**
 * L_n: the (1 - alpha) lower confidence sequence, the largest p0 that the evidence still rejects
 * (rounded down to the bisection's resolution), 0 when it rejects none.
 * P(L_n > p for some n) <= alpha under any stopping rule.
 */
export function lowerConfidenceBound(successes: number, trials: number, alpha: number): number {
  checkTrials(successes, trials, "lowerConfidenceBound");
  checkAlpha(alpha, "lowerConfidenceBound");
  let lo = 0, hi = 1; // invariant: everything below lo is rejected, hi is not
  if (!provesAbove(successes, trials, Number.MIN_VALUE, alpha)) return 0;
  for (let i = 0; i < BISECTION_STEPS; i++) {
    const mid = (lo + hi) / 2;
    if (provesAbove(successes, trials, mid, alpha)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** U_n: the (1 - alpha) upper confidence sequence (rounded up), 1 when the evidence rejects nothing. */
export function upperConfidenceBound(successes: number, trials: number, alpha: number): number {
  checkTrials(successes, trials, "upperConfidenceBound");
  checkAlpha(alpha, "upperConfidenceBound");
  let lo = 0, hi = 1; // invariant: everything above hi is rejected, lo is not
  if (!provesBelow(successes, trials, 1 - Number.EPSILON / 2, alpha)) return 1;
  for (let i = 0; i < BISECTION_STEPS; i++) {
    const mid = (lo + hi) / 2;
    if (provesBelow(successes, trials, mid, alpha)) hi = mid;
    else lo = mid;
  }
  return hi;
}
