/**
 * SmoothMix (Jeong, Park, Kim, Lee, Kim and Shin, "SmoothMix: Training Confidence-calibrated Smoothed
 * Classifiers for Certified Robustness", NeurIPS 2021). Per chunk of B/m images with m noisy copies
 * each (the noise drawn once and reused throughout):
 *
 * 1. Attack (model in eval mode, parameters frozen): T steps of l2 gradient ascent on the smoothed
 *    objective -log(max((1/m) sum_j softmax(f(x' + d_j))_y, 1e-20)) (summed over the chunk), each
 *    x' += alpha g / (||g|| + 1e-8), then projected to ||x' - x|| <= maxnorm when one is given (torch's
 *    renorm) and clamped to [0, 1]. The "clean side" x_s is x' as it was before step mix_step, projected
 *    to a ball of maxnorm_s (default alpha * mix_step, so x_s = x for mix_step 0).
 * 2. Training (model in train mode), with pbar_i = (1/m) sum_j softmax(f(x_s,i + d_ij)):
 *      x_mix = (1 - l) x_s + l x',   t_mix = (1 - l) pbar + l / C,   l ~ U[0, 1/2) per image
 *      loss  = CE over the B m rows of f(x_s + d)
 *              + eta w (1 / (B m)) sum_ij [argmax pbar_i == y_i] KL(t_mix,i || softmax(f(x_mix,i + d_ij)))
 *    where w = min(1, (epoch + 1) / warmup) also scales maxnorm_s; gradients flow through pbar in t_mix,
 *    as in the authors' code (F.kl_div's target is not detached there).
 *
 * As the authors' code (github.com/jh-jeong/smoothmix, code/train.py) and IBM ART 1.20's
 * PyTorchSmoothMix compute it. Defaults are the authors' train.py: --num-steps 8, --alpha 1.0 (here
 * --step-size), --eta 1.0, --mix_step 0, --warmup 10, --num-noise-vec 1. ART 1.20 shares eta, mix_step
 * and m but defaults to num_steps 10 and warmup 1, and takes the attack's step size from `alpha`, its
 * smoothing failure probability (0.001), which leaves the attack almost still; the step size here is the
 * authors'. The paper's MNIST settings are m = 4, T in {2, 3} (sigma 0.25), alpha 1, eta in {1, 5}.
 */
import {
  accuracyCount,
  add,
  affine,
  backward,
  binaryRaw,
  clamp,
  clone,
  crossEntropy,
  div,
  full,
  gaussianNoise,
  grad,
  log,
  logSoftmax,
  max,
  mean,
  mul,
  noGrad,
  randomUniform,
  repeatInterleave,
  reshape,
  RNG_DOMAIN,
  scope,
  softmax,
  softmaxAverageLoss,
  sub,
  sum,
  Tensor,
} from "../engine/mod.ts";
import type { Module } from "../nn/module.ts";
import { rowNorms, withFrozenEval } from "./attacks.ts";
import { oneHot } from "./one_hot.ts";
import type { SgdState, StepStats } from "./sgd_state.ts";
import type { TrainConfig } from "./train_config.ts";

/** The authors' train.py defaults (num-steps and warmup are the command's shared flags). */
export const SMOOTHMIX_DEFAULTS = {
  numNoiseVec: 1,
  numSteps: 8,
  warmup: 10,
  stepSize: 1,
  eta: 1,
  mixStep: 0,
  maxnormS: null,
  maxnorm: null,
} as const;

/** The warm-up weight of 0-based `epoch`: min(1, (epoch + 1) / warmup); 1 without a warm-up. */
export function smoothMixWarmup(warmup: number, epoch: number): number {
  return warmup <= 0 ? 1 : Math.min(1, (epoch + 1) / warmup);
}

/** torch's renorm(p=2, dim=0, maxnorm): rows longer than maxnorm scaled by maxnorm / (norm + 1e-7). */
function renorm(t: Tensor, maxnorm: number): Tensor {
  const n = rowNorms(t);
  return mul(t, clamp(div(full([1], maxnorm), affine(n, 1, 1e-7)), 0, 1));
}

/** x' moved back to the ball of radius maxnorm around x (when one is given), then clamped to [0, 1]. */
function project(adv: Tensor, x: Tensor, maxnorm: number | null): Tensor {
  const inBall = maxnorm === null ? adv : add(x, renorm(sub(adv, x), maxnorm));
  return clamp(inBall, 0, 1);
}

export interface SmoothMixAttackOptions {
  steps: number;
  stepSize: number;
  mixStep: number;
  /** Already scaled by the warm-up. */
  maxnormS: number;
  maxnorm: number | null;
  m: number;
}

/**
 * SmoothMix's attack on x [B, ...] with noise [B*m, ...] (row i*m + j: copy j of image i): the clean
 * side x_s and the adversarial x' (both [B, ...], kept: the caller disposes them).
 */
export async function smoothMixAttack(
  model: Module,
  x: Tensor,
  labels: Tensor,
  noise: Tensor,
  o: SmoothMixAttackOptions,
): Promise<{ clean: Tensor; adversarial: Tensor }> {
  return await withFrozenEval(model, () => {
    let adv = noGrad(() => clone(x)).keep();
    let side: Tensor | null = null;
    for (let i = 0; i < o.steps; i++) {
      if (i === o.mixStep) side = noGrad(() => clone(adv)).keep();
      const next = scope(() => {
        const a = adv.view();
        a.requiresGrad = true;
        // The reference clamps the average at 1e-20 for m = 1 too; softmaxAverageLoss does not, which
        // matters only where the label's probability is below 1e-20 (there the reference does not move).
        const objective = softmaxAverageLoss(
          model.forward(add(repeatInterleave(a, o.m), noise)),
          labels,
          o.m,
          {
            reduction: "sum",
          },
        );
        const [g] = grad(objective, [a]);
        return noGrad(() => {
          const step = div(full([1], o.stepSize), affine(rowNorms(g), 1, 1e-8));
          return project(add(a, mul(g, step)), x, o.maxnorm);
        });
      }).keep();
      adv.dispose();
      adv = next;
    }
    const start = side ?? noGrad(() => clone(x)).keep();
    const clean = scope(() => noGrad(() => project(start, x, o.maxnormS))).keep();
    start.dispose();
    return Promise.resolve({ clean, adversarial: adv });
  });
}

export interface SmoothMixLossOptions {
  m: number;
  /** eta times the warm-up weight. */
  eta: number;
}

/**
 * SmoothMix's training loss (step 2 above) for a network `forward`, from the clean side and the
 * adversarial images [B, ...], the labels (i32 tensor and host values), the noise [B*m, ...] and the
 * mixing weights l [B]; with the logits of the clean side's noisy copies (for the accuracy).
 */
export function smoothMixLoss(
  forward: (x: Tensor) => Tensor,
  clean: Tensor,
  adversarial: Tensor,
  labels: { y: Tensor; host: Int32Array },
  noise: Tensor,
  lambda: Tensor,
  o: SmoothMixLossOptions,
): { loss: Tensor; logits: Tensor } {
  const { m } = o;
  const b = clean.shape[0];
  const imageOnes = clean.shape.slice(1).map(() => 1);
  const logits = forward(add(repeatInterleave(clean, m), noise));
  const classes = logits.shape[1];
  const xent = crossEntropy(logits, repeatInterleave(labels.y, m));
  const pbar = mean(reshape(softmax(logits), [b, m, classes]), [1]);
  const l = reshape(lambda, [b, 1]);
  const mixed = noGrad(() => {
    const li = reshape(lambda, [b, ...imageOnes]);
    return add(mul(clean, affine(li, -1, 1)), mul(adversarial, li));
  });
  const target = add(mul(pbar, affine(l, -1, 1)), affine(l, 1 / classes));
  const logq = reshape(logSoftmax(forward(add(repeatInterleave(mixed, m), noise))), [b, m, classes]);
  const t3 = reshape(target, [b, 1, classes]);
  const kl = sum(mul(t3, sub(log(t3), logq)), [2]);
  // [argmax pbar_i == y_i]: the label's average probability is the row's largest
  const correct = noGrad(() =>
    binaryRaw("eq", max(pbar, [1]), sum(mul(pbar, oneHot(labels.host, classes)), [1]))
  );
  const mixup = mean(mul(kl, reshape(correct, [b, 1])));
  return { loss: add(xent, affine(mixup, o.eta)), logits };
}

/** One loader batch: m chunks, each attacked and then trained in one SGD step. */
export async function smoothMixBatch(
  model: Module,
  opt: SgdState,
  c: TrainConfig,
  chunks: readonly { x: Tensor; y: Tensor; labels: Int32Array; stream: number }[],
  epoch: number,
  lr: number,
  shape: readonly number[],
): Promise<StepStats[]> {
  const s = c.smoothmix!;
  const m = c.numNoiseVec;
  const w = smoothMixWarmup(c.warmup, epoch);
  const stats: StepStats[] = [];
  for (const { x, y, labels, stream } of chunks) {
    const b = x.shape[0];
    const noise = gaussianNoise([b * m, ...shape], { sigma: c.noiseSd, seed: c.seed, stream }).keep();
    const { clean, adversarial } = await smoothMixAttack(model, x, y, noise, {
      steps: c.numSteps,
      stepSize: s.stepSize,
      mixStep: s.mixStep,
      maxnormS: (s.maxnormS ?? s.stepSize * s.mixStep) * w,
      maxnorm: s.maxnorm,
      m,
    });
    model.train();
    stats.push(scope(() => {
      // l ~ U[0, 1/2), as torch.rand(B) / 2
      const lambda = affine(randomUniform([b], { seed: c.seed, stream, domain: RNG_DOMAIN.mix }), 0.5);
      const forward = (t: Tensor) => model.forward(t);
      const { loss, logits } = smoothMixLoss(
        forward,
        clean,
        adversarial,
        { y, host: labels },
        noise,
        lambda,
        {
          m,
          eta: s.eta * w,
        },
      );
      backward(loss);
      opt.step(model, c, lr);
      return { loss, correct: accuracyCount(logits, repeatInterleave(y, m)), rows: b * m };
    }));
    for (const t of [noise, clean, adversarial]) t.dispose();
  }
  return stats;
}
