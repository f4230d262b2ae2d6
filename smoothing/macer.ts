/**
 * MACER training (Zhai, Dan, He, Zhang, Gong, Ravikumar, Hsieh and Wang, "MACER: Attack-free and
 * Scalable Robust Training via Maximizing Certified Radius", ICLR 2020): no attack; each image gets k
 * noisy copies, and the loss adds to the smoothed classifier's cross-entropy a hinge on its certified
 * radius, written with the soft smoothed probabilities so that it is differentiable:
 *
 *   p_i       = (1/k) sum_j softmax(f(x_i + d_ij))                  (classification)
 *   q_i       = (1/k) sum_j softmax(beta f(x_i + d_ij))             (robustness, inverse temperature beta)
 *   CL        = sum_i -log(p_i[y_i] + 1e-10)
 *   RL        = (sigma / 2) sum_i [PhiInv(q_i 2nd) - PhiInv(q_i top) + gamma]   over the images whose top
 *               class is y_i and whose |PhiInv(2nd) - PhiInv(top)| <= gamma (the others are dropped)
 *   loss      = (CL + lambda RL) / B,   one SGD step per loader batch.
 *
 * As the authors' code (github.com/RuntianZ/macer, macer.py) and IBM ART 1.20's PyTorchMACER compute
 * it; the robustness term is engine/ops/macer_margin.ts. Defaults are the authors' main.py
 * (--gauss_num 16 --lbd 12 --gamma 8 --beta 16), which ART 1.20 shares (gaussian_samples=16,
 * lmbda=12.0, gamma=8.0, beta=16.0). The authors' CIFAR-10 recipe also sets lr 0.01, momentum 0.9,
 * weight decay 5e-4 and batch 64 (main.py), which are this command's general flags. The "deferred"
 * variant (jh-jeong/smoothing-consistency, train_macer.py --deferred, used for the MNIST baselines of
 * Jeong et al. 2020 and 2021 with lambda 16) trains with lambda = 0 until the first learning-rate drop.
 */
import {
  accuracyCount,
  add,
  addNoise,
  affine,
  backward,
  log,
  macerMargin,
  mean,
  mul,
  neg,
  repeatInterleave,
  reshape,
  scope,
  softmax,
  sum,
  Tensor,
} from "../engine/mod.ts";
import type { Module } from "../nn/module.ts";
import { oneHot } from "./one_hot.ts";
import type { SgdState, StepStats } from "./sgd_state.ts";
import type { TrainConfig } from "./train_config.ts";

/** The authors' main.py defaults (= IBM ART 1.20's PyTorchMACER). */
export const MACER_DEFAULTS = { numNoiseVec: 16, lbd: 12, margin: 8, beta: 16, deferred: false } as const;

export interface MacerLossOptions {
  lbd: number;
  margin: number;
  beta: number;
  /** The training noise level (the radius is sigma times the margin). */
  sigma: number;
}

/**
 * MACER's loss from the logits [B*k, C] of k noisy copies per image (rows i*k .. i*k + k - 1 are
 * image i) and the B labels (host values): (CL + lambda RL) / B as above.
 */
export function macerLoss(logits: Tensor, labels: Int32Array, k: number, o: MacerLossOptions): Tensor {
  const b = labels.length;
  const classes = logits.shape[1];
  if (logits.rank !== 2 || logits.shape[0] !== b * k) {
    throw new RangeError(
      `macerLoss: logits [${logits.shape.join(", ")}] must be [${b * k}, C] (${b} x k = ${k})`,
    );
  }
  const perImage = reshape(logits, [b, k, classes]);
  const p = mean(softmax(perImage), [1]);
  const classification = neg(sum(mul(oneHot(labels, classes), log(affine(p, 1, 1e-10)))));
  if (o.lbd === 0) return affine(classification, 1 / b);
  const q = mean(softmax(affine(perImage, o.beta)), [1]);
  const robustness = sum(macerMargin(q, Tensor.from(labels, [b], "i32"), o.margin));
  return affine(add(classification, affine(robustness, (o.lbd * o.sigma) / 2)), 1 / b);
}

/** The lambda of an epoch: 0 before the first learning-rate drop when deferred. */
export function macerLambda(c: TrainConfig, epoch: number): number {
  const m = c.macer!;
  return m.deferred && epoch <= c.lrStepSize ? 0 : m.lbd;
}

/** One MACER step on a loader batch: k = numNoiseVec copies of every image, one SGD step. */
export function macerBatch(
  model: Module,
  opt: SgdState,
  c: TrainConfig,
  batch: { x: Tensor; y: Tensor; labels: Int32Array },
  epoch: number,
  globalBatch: number,
  lr: number,
): StepStats {
  const m = c.macer!;
  const k = c.numNoiseVec;
  model.train();
  return scope(() => {
    const noisy = addNoise(repeatInterleave(batch.x, k), {
      sigma: c.noiseSd,
      seed: c.seed,
      stream: globalBatch,
    });
    const logits = model.forward(noisy);
    const loss = macerLoss(logits, batch.labels, k, {
      lbd: macerLambda(c, epoch),
      margin: m.margin,
      beta: m.beta,
      sigma: c.noiseSd,
    });
    backward(loss);
    opt.step(model, c, lr);
    return { loss, correct: accuracyCount(logits, repeatInterleave(batch.y, k)), rows: logits.shape[0] };
  });
}
