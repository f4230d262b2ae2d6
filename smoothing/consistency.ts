/**
 * Consistency regularisation (Jeong and Shin, "Consistency Regularization for Certified Robustness of
 * Smoothed Classifiers", NeurIPS 2020): Gaussian training on m noisy copies per image, plus a term that
 * pulls the copies' predictions together and keeps their average confident:
 *
 *   pbar_i = (1/m) sum_j softmax(f(x_i + d_ij))
 *   loss   = CE over all B m rows + mean_i [ lambda (1/m) sum_j KL(pbar_i || softmax(f(x_i + d_ij)))
 *                                           + eta H(pbar_i) ],   H(p) = -sum_c p_c log max(p_c, 1e-20)
 *
 * with gradients through pbar too, as the authors' code (github.com/jh-jeong/smoothing-consistency,
 * code/consistency.py, loss='default'). Each loader batch is split into m chunks of B/m images (a
 * remainder is dropped, as their _chunk_minibatch does), each trained on its m copies in one SGD step.
 * Defaults: lambda 10 and eta 0.5 (train_consistency.py); m = 2, the paper's setting in every
 * experiment (the script's default m = 1 makes the KL term vanish). IBM ART 1.20 has no implementation.
 */
import {
  accuracyCount,
  add,
  addNoise,
  affine,
  backward,
  clamp,
  crossEntropy,
  exp,
  log,
  logSoftmax,
  mean,
  mul,
  repeatInterleave,
  reshape,
  scope,
  sub,
  sum,
  Tensor,
} from "../engine/mod.ts";
import type { Module } from "../nn/module.ts";
import type { SgdState, StepStats } from "./sgd_state.ts";
import type { ConsistencyConfig, TrainConfig } from "./train_config.ts";

/** The paper's m and the authors' train_consistency.py defaults. */
export const CONSISTENCY_DEFAULTS = { numNoiseVec: 2, lbd: 10, eta: 0.5 } as const;

/**
 * The loss from the logits [B*m, C] of m noisy copies per image (rows i*m .. i*m + m - 1 are image i)
 * and their labels [B*m] (i32, each image's label repeated).
 */
export function consistencyLoss(logits: Tensor, labels: Tensor, m: number, o: ConsistencyConfig): Tensor {
  const [rows, classes] = logits.shape;
  if (logits.rank !== 2 || rows % m !== 0) {
    throw new RangeError(
      `consistencyLoss: logits [${logits.shape.join(", ")}] are not m = ${m} copies per image`,
    );
  }
  const b = rows / m;
  const logp = reshape(logSoftmax(logits), [b, m, classes]);
  const pbar = mean(exp(logp), [1]);
  // sum_c pbar log pbar: minus the entropy, and the first half of every KL(pbar || p_j)
  const negEntropy = sum(mul(pbar, log(clamp(pbar, 1e-20, 2))), [1]);
  const cross = mean(sum(mul(reshape(pbar, [b, 1, classes]), logp), [2]), [1]);
  const kl = sub(negEntropy, cross);
  const regulariser = mean(add(affine(kl, o.lbd), affine(negEntropy, -o.eta)));
  return add(crossEntropy(logits, labels), regulariser);
}

/** One loader batch: m chunks, each one SGD step on its images' m noisy copies. */
export function consistencyBatch(
  model: Module,
  opt: SgdState,
  c: TrainConfig,
  chunks: readonly { x: Tensor; y: Tensor; stream: number }[],
  lr: number,
): StepStats[] {
  const m = c.numNoiseVec;
  model.train();
  return chunks.map(({ x, y, stream }) =>
    scope(() => {
      const inputs = addNoise(repeatInterleave(x, m), { sigma: c.noiseSd, seed: c.seed, stream });
      const logits = model.forward(inputs);
      const labels = repeatInterleave(y, m);
      const loss = consistencyLoss(logits, labels, m, c.consistency!);
      backward(loss);
      opt.step(model, c, lr);
      return { loss, correct: accuracyCount(logits, labels), rows: logits.shape[0] };
    })
  );
}
