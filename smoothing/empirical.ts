/**
 * Empirical robustness of the smoothed classifier, as the SmoothAdv reference's predict.py measures it
 * (Salman et al. 2019): attack one image with PGD or DDN on the smoothed soft classifier
 * (attacks.ts), then run PREDICT on the adversarial image. Per image: m = numNoiseVec noise draws
 * sigma * N(0, I) (zeros for an attack on the base classifier), drawn once and reused in every step;
 * the base classifier's own prediction on the (noise-free) adversarial image is reported beside it.
 *
 * The reference's knobs and their quirks, kept:
 * - epsilon and DDN's initial norm come in 1/256 units (the command converts them);
 * - DDN's gamma is derived from epsilon whenever epsilon > 0: gamma = 1 - (3/510 / eps)^(1/steps)
 *   (the norm shrinks from eps to 3/510 = 1.5/255 over the steps); the gamma given is used only at
 *   epsilon 0;
 * - PGD starts from delta = 0: the reference's PGD_L2 never reads its `random_start` argument, so a
 *   random start (PgdOptions.randomStart) is off unless asked for;
 * - the gradient-free step (`noGradAttack`) applies to PGD with m > 1 only, as in the reference,
 *   whose m = 1 path back-propagates whatever the flag says; DDN has none (the reference raises);
 * - the attack noise uses its own RNG domain, so it is independent of PREDICT's noise for the image.
 */
import {
  argmax,
  full,
  gaussianNoise,
  noGrad,
  readTensors,
  RNG_DOMAIN,
  scope,
  Tensor,
} from "../engine/mod.ts";
import type { Module } from "../nn/module.ts";
import { ParameterError } from "../nn/parameter_error.ts";
import { ddn, pgdL2 } from "./attacks.ts";

export const EMPIRICAL_ATTACKS = ["PGD", "DDN"] as const;
export type EmpiricalAttack = typeof EMPIRICAL_ATTACKS[number];

export interface EmpiricalAttackOptions {
  attack: EmpiricalAttack;
  /** l2 radius in pixel units. */
  epsilon: number;
  numSteps: number;
  /** Noise draws m per image. */
  numNoiseVec: number;
  /** The smoothing noise level (the attack's noise is sigma * N(0, I)). */
  sigma: number;
  noGradAttack: boolean;
  /** Attack the base classifier: the m noise draws are zeros. */
  baseAttack: boolean;
  /** PGD only; off is the reference's behaviour (see above). */
  randomStart: boolean;
  /** DDN's initial norm, pixel units (the reference's default: 256/256 = 1). */
  initNormDdn: number;
  /** DDN's gamma when epsilon is 0 (otherwise derived, see ddnGamma). */
  gammaDdn: number;
  seed: number;
}

/** The reference's defaults (predict.py), epsilon and the initial norm already divided by 256. */
export const EMPIRICAL_DEFAULTS = {
  epsilon: 64 / 256,
  numSteps: 100,
  numNoiseVec: 1,
  initNormDdn: 256 / 256,
  gammaDdn: 0.05,
} as const;

/** DDN's gamma as predict.py sets it: 1 - (3/510 / eps)^(1/steps) for eps > 0, else the given one. */
export function ddnGamma(epsilon: number, steps: number, given: number): number {
  return epsilon > 0 ? 1 - (3 / 510 / epsilon) ** (1 / steps) : given;
}

/** Checks the options; errors name the parameter (`numSteps`), which the command renames to its flag. */
export function validateEmpiricalAttack(o: EmpiricalAttackOptions): void {
  if (!(o.epsilon >= 0) || !Number.isFinite(o.epsilon)) {
    throw new ParameterError((p) => `${p("epsilon")} must be a finite number >= 0, got ${o.epsilon}`);
  }
  for (const [name, v] of [["numSteps", o.numSteps], ["numNoiseVec", o.numNoiseVec]] as const) {
    if (!Number.isInteger(v) || v < 1) {
      throw new ParameterError((p) => `${p(name)} must be a positive integer, got ${v}`);
    }
  }
  if (!(o.initNormDdn > 0) || !Number.isFinite(o.initNormDdn)) {
    throw new ParameterError((p) => `${p("initNormDdn")} must be a finite number > 0, got ${o.initNormDdn}`);
  }
  if (!(o.gammaDdn > 0 && o.gammaDdn < 1)) {
    throw new ParameterError((p) => `${p("gammaDdn")} must lie in (0, 1), got ${o.gammaDdn}`);
  }
  if (o.attack === "DDN" && o.noGradAttack && o.numNoiseVec > 1) {
    throw new ParameterError((p) =>
      `${p("noGradAttack")} is not available for DDN with ${
        p("numNoiseVec")
      } > 1 (the reference has none either)`
    );
  }
  if (o.attack === "DDN" && o.randomStart) {
    throw new ParameterError((p) => `${p("randomStart")} is a PGD option`);
  }
}

/** The base classifier's class for one image, on the GPU (argmax of the logits, ties to the lowest index). */
function baseClass(model: Module, image: Tensor): Tensor {
  const wasTraining = model.training;
  model.eval();
  try {
    return scope(() => noGrad(() => argmax(model.forward(image.view([1, ...image.shape])))));
  } finally {
    model.train(wasTraining);
  }
}

export interface AttackedImage {
  /** x + delta, [C, H, W] in [0, 1]. */
  adversarial: Float32Array;
  /** The base classifier's class on it, without noise. */
  basePredict: number;
}

/**
 * Attacks image `idx` ([C, H, W] in [0, 1], label `label`) as predict.py does, the attack's noise and
 * random directions drawn from stream `idx` of `o.seed`. At epsilon 0 the image comes back unchanged
 * (the reference's steps are all zero then).
 */
export async function attackImage(
  model: Module,
  image: Float32Array,
  shape: readonly [number, number, number],
  label: number,
  idx: number,
  o: EmpiricalAttackOptions,
): Promise<AttackedImage> {
  validateEmpiricalAttack(o);
  const m = o.numNoiseVec;
  const x = Tensor.from(image, [1, ...shape]).keep();
  const y = Tensor.from([label], [1], "i32").keep();
  const noise = (o.baseAttack ? full([m, ...shape], 0) : gaussianNoise([m, ...shape], {
    sigma: o.sigma,
    seed: o.seed,
    stream: idx,
    domain: RNG_DOMAIN.attack,
  }))
    .keep();
  let adv: Tensor | null = null;
  try {
    if (o.epsilon === 0) {
      adv = x.view().keep();
    } else {
      const common = { eps: o.epsilon, steps: o.numSteps, m, seed: o.seed, stream: idx };
      adv = o.attack === "PGD"
        ? await pgdL2(model, x, y, noise, {
          ...common,
          randomStart: o.randomStart,
          gradientFree: o.noGradAttack && m > 1,
        })
        : await ddn(model, x, y, noise, {
          ...common,
          initNorm: o.initNormDdn,
          gamma: ddnGamma(o.epsilon, o.numSteps, o.gammaDdn),
        });
      adv.keep();
    }
    const flat = adv.view(shape).keep();
    const cls = baseClass(model, flat);
    // One readback for both: each costs a device round trip.
    const [c, pixels] = await readTensors([cls, flat]);
    cls.dispose();
    flat.dispose();
    return { adversarial: Float32Array.from(pixels), basePredict: c[0] };
  } finally {
    for (const t of [x, y, noise, adv]) t?.dispose();
  }
}
