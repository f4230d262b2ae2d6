/**
 * A training run's configuration: the method (Gaussian, SmoothAdv, MACER, Consistency, SmoothMix) and its
 * knobs, the schedule and the optimizer's settings, with their validation and the per-epoch schedules
 * (learning rate, SmoothAdv's epsilon warm-up). Types and checks only, so that the methods' modules and
 * train.ts, which calls them, share them without importing one another.
 */
import { ParameterError } from "../nn/parameter_error.ts";

export const METHODS = ["gaussian", "smoothadv", "macer", "consistency", "smoothmix"] as const;
export type Method = typeof METHODS[number];
export type AttackName = "pgd" | "ddn";

export interface TrainConfig {
  method: Method;
  attack: AttackName;
  /** Attack steps T. */
  numSteps: number;
  /** Attack radius in pixel units (the CLI converts from the reference's 1/256 units). */
  epsilon: number;
  /** Noise copies m per image (SmoothAdv). */
  numNoiseVec: number;
  /** Train on all m noisy copies (multi-noise) or on the first only. */
  trainMultiNoise: boolean;
  warmup: number;
  noiseSd: number;
  epochs: number;
  batch: number;
  lr: number;
  lrStepSize: number;
  gamma: number;
  momentum: number;
  weightDecay: number;
  seed: number;
  /**
   * The methods' own knobs, present only for their method (absent keys keep the recorded settings of
   * Gaussian and SmoothAdv runs, which --resume compares, as they were).
   */
  macer?: MacerConfig;
  consistency?: ConsistencyConfig;
  smoothmix?: SmoothMixConfig;
}

/** StepLR: lr * gamma^floor(epoch / stepSize). */
export function learningRate(c: TrainConfig, epoch: number): number {
  return c.lr * c.gamma ** Math.floor(epoch / c.lrStepSize);
}

/** SmoothAdv's epsilon warm-up: min(eps, (epoch + 1) * eps / warmup) at 0-based `epoch`. */
export function warmupEpsilon(c: TrainConfig, epoch: number): number {
  if (c.warmup <= 0) return c.epsilon;
  return Math.min(c.epsilon, ((epoch + 1) * c.epsilon) / c.warmup);
}

/** Checks every parameter; errors name it (`numNoiseVec`), and a command line renames it (`--num-noise-vec`). */
export function validateTrainConfig(c: TrainConfig): void {
  const posInt = (v: number, name: string) => {
    if (!Number.isInteger(v) || v < 1) {
      throw new ParameterError((p) => `${p(name)} must be a positive integer, got ${v}`);
    }
  };
  posInt(c.epochs, "epochs");
  posInt(c.batch, "batch");
  posInt(c.numNoiseVec, "numNoiseVec");
  posInt(c.lrStepSize, "lrStepSize");
  if (!Number.isInteger(c.numSteps) || c.numSteps < 0) {
    throw new ParameterError((p) => `${p("numSteps")} must be an integer >= 0, got ${c.numSteps}`);
  }
  if (!(c.noiseSd > 0) || !Number.isFinite(c.noiseSd)) {
    throw new ParameterError((p) => `${p("noiseSd")} must be a finite number > 0, got ${c.noiseSd}`);
  }
  if (!(c.lr > 0)) throw new ParameterError((p) => `${p("lr")} must be > 0, got ${c.lr}`);
  if (!(c.epsilon >= 0)) throw new ParameterError((p) => `${p("epsilon")} must be >= 0, got ${c.epsilon}`);
  if (!(c.momentum >= 0) || !(c.weightDecay >= 0) || !(c.gamma > 0)) {
    throw new ParameterError((p) =>
      `${p("momentum")} and ${p("weightDecay")} must be >= 0 and ${p("gamma")} > 0`
    );
  }
  const own = { macer: c.macer, consistency: c.consistency, smoothmix: c.smoothmix };
  for (const [method, knobs] of Object.entries(own)) {
    if ((knobs !== undefined) !== (c.method === method)) {
      throw new RangeError(
        `training config: ${method} settings ${knobs ? "given for" : "missing for"} ${c.method}`,
      );
    }
  }
  if (c.method === "macer" && !(c.macer!.lbd >= 0 && c.macer!.margin >= 0 && c.macer!.beta > 0)) {
    throw new ParameterError((p) => `${p("lbd")} and ${p("margin")} must be >= 0 and ${p("beta")} > 0`);
  }
  if (c.method === "consistency" && !(c.consistency!.lbd >= 0 && c.consistency!.eta >= 0)) {
    throw new ParameterError((p) => `${p("lbd")} and ${p("eta")} must be >= 0`);
  }
  if (c.method === "smoothmix") {
    const s = c.smoothmix!;
    if (!(s.stepSize > 0) || !(s.eta >= 0) || !Number.isInteger(s.mixStep) || s.mixStep < 0) {
      throw new ParameterError((p) =>
        `${p("stepSize")} must be > 0, ${p("eta")} >= 0 and ${p("mixStep")} an integer >= 0`
      );
    }
    for (const [name, v] of [["maxnorm", s.maxnorm], ["maxnormS", s.maxnormS]] as const) {
      if (v !== null && !(v >= 0)) throw new ParameterError((p) => `${p(name)} must be >= 0, got ${v}`);
    }
  }
  if ((c.method === "consistency" || c.method === "smoothmix") && c.batch < c.numNoiseVec) {
    throw new ParameterError((p) =>
      `${p("batch")} (${c.batch}) must be at least ${p("numNoiseVec")} (${c.numNoiseVec}): each batch is ` +
      "split into m chunks"
    );
  }
  if (c.method === "smoothadv" && c.batch % c.numNoiseVec !== 0) {
    throw new ParameterError((p) =>
      `${p("batch")} (${c.batch}) must be a multiple of ${
        p("numNoiseVec")
      } (${c.numNoiseVec}): each batch is ` +
      "split into m chunks"
    );
  }
}

/** MACER's knobs (macer.ts; Zhai et al. 2020). */
export interface MacerConfig {
  /** lambda: weight of the robustness loss. */
  lbd: number;
  /** gamma: the hinge on the margin PhiInv(2nd) - PhiInv(top) (the reference's --gamma, ART's gamma). */
  margin: number;
  /** beta: inverse temperature of the robustness loss's softmax. */
  beta: number;
  /** lambda = 0 while epoch <= lrStepSize (0-based), as train_macer.py --deferred. */
  deferred: boolean;
}

/** Consistency regularisation's knobs (consistency.ts; Jeong and Shin 2020). */
export interface ConsistencyConfig {
  /** lambda: weight of the KL term. */
  lbd: number;
  /** eta: weight of the entropy term. */
  eta: number;
}

/** SmoothMix's knobs (smoothmix.ts; Jeong et al. 2021). */
export interface SmoothMixConfig {
  /** alpha: the attack's l2 step (pixel units, as the reference: 1.0 on MNIST). */
  stepSize: number;
  /** eta: weight of the mixup loss. */
  eta: number;
  /** The attack step whose iterate is the clean side (0: the clean image). */
  mixStep: number;
  /** Radius of the clean side's ball (null: stepSize * mixStep), scaled by the warm-up. */
  maxnormS: number | null;
  /** Radius of the attack's ball (null: unbounded, as the reference's default). */
  maxnorm: number | null;
}
