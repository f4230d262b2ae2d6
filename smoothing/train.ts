/**
 * Training of base classifiers for randomized smoothing: Gaussian data augmentation (Cohen et al. 2019)
 * and SmoothAdv (Salman et al. 2019: PGD or DDN on the smoothed soft classifier, then training on the
 * adversarial points under the same noise), here; MACER (macer.ts), Consistency (consistency.ts) and
 * SmoothMix (smoothmix.ts) in their own modules, the configuration they share in train_config.ts and SGD's
 * state in sgd_state.ts (both re-exported here). One readback per logging interval, never per op.
 */
import {
  accuracyCount,
  add,
  addNoise,
  backward,
  crossEntropy,
  gaussianNoise,
  noGrad,
  readTensors,
  repeatInterleave,
  reshape,
  scope,
  slice,
  Tensor,
} from "../engine/mod.ts";
import { full } from "../engine/ops/elementwise_kernels.ts";
import type { Batch, DataLoader } from "../nn/data/loader.ts";
import type { Module } from "../nn/module.ts";
import { ddn, pgdL2 } from "./attacks.ts";
import { consistencyBatch } from "./consistency.ts";
import { macerBatch } from "./macer.ts";
import { type SgdState, type StepStats } from "./sgd_state.ts";
import { smoothMixBatch } from "./smoothmix.ts";
import { learningRate, type TrainConfig, warmupEpsilon } from "./train_config.ts";

export { SgdState, type StepStats } from "./sgd_state.ts";
export {
  type AttackName,
  type ConsistencyConfig,
  learningRate,
  type MacerConfig,
  type Method,
  METHODS,
  type SmoothMixConfig,
  type TrainConfig,
  validateTrainConfig,
  warmupEpsilon,
} from "./train_config.ts";

/** Domain tag of test-time noise, so it never shares a counter with training noise. */
const TEST_NOISE_DOMAIN = 0x54455354; // "TEST"

/** One loader batch: one optimizer step (Gaussian) or m steps, one per chunk (SmoothAdv). */
export async function trainBatch(
  model: Module,
  opt: SgdState,
  c: TrainConfig,
  batch: Batch,
  epoch: number,
  globalBatch: number,
  shape: readonly number[],
): Promise<StepStats[]> {
  const lr = learningRate(c, epoch);
  const b = batch.size;
  const x = Tensor.from(batch.images, [b, ...shape]).keep();
  const y = Tensor.from(batch.labels, [b], "i32").keep();
  const stats: StepStats[] = [];
  try {
    if (c.method === "macer") {
      stats.push(macerBatch(model, opt, c, { x, y, labels: batch.labels }, epoch, globalBatch, lr));
      return stats;
    }
    if (c.method === "consistency" || c.method === "smoothmix") {
      const parts = chunkBatch(x, y, batch.labels, c.numNoiseVec, globalBatch);
      try {
        stats.push(
          ...(c.method === "consistency"
            ? consistencyBatch(model, opt, c, parts, lr)
            : await smoothMixBatch(model, opt, c, parts, epoch, lr, shape)),
        );
      } finally {
        for (const p of parts) [p.x, p.y].forEach((t) => t.dispose());
      }
      return stats;
    }
    if (c.method === "gaussian") {
      model.train();
      stats.push(scope(() => {
        const noisy = addNoise(x, { sigma: c.noiseSd, seed: c.seed, stream: globalBatch });
        const logits = model.forward(noisy);
        const loss = crossEntropy(logits, y);
        backward(loss);
        opt.step(model, c, lr);
        return { loss, correct: accuracyCount(logits, y), rows: b };
      }));
      return stats;
    }
    const m = c.numNoiseVec;
    const chunk = b / m;
    if (!Number.isInteger(chunk)) {
      throw new RangeError(`batch of ${b} images does not split into ${m} chunks`);
    }
    const eps = warmupEpsilon(c, epoch);
    for (let k = 0; k < m; k++) {
      const stream = globalBatch * m + k;
      const xc = scope(() => noGrad(() => slice(x, 0, k * chunk, (k + 1) * chunk))).keep();
      const yc = scope(() => noGrad(() => slice(y, 0, k * chunk, (k + 1) * chunk))).keep();
      const noise = gaussianNoise([chunk * m, ...shape], { sigma: c.noiseSd, seed: c.seed, stream }).keep();
      let adv: Tensor;
      if (c.numSteps === 0 || eps === 0) adv = noGrad(() => add(xc, full([1], 0))).keep();
      else {
        const attack = { eps, steps: c.numSteps, m, seed: c.seed, stream };
        adv = (c.attack === "pgd"
          ? await pgdL2(model, xc, yc, noise, attack)
          : await ddn(model, xc, yc, noise, attack)).keep();
      }
      model.train();
      stats.push(scope(() => {
        let inputs: Tensor, labels: Tensor;
        if (c.trainMultiNoise) {
          inputs = add(repeatInterleave(adv, m), noise);
          labels = repeatInterleave(yc, m);
        } else {
          // the first noise draw of each image: rows 0, m, 2m, ...
          const per = noise.size / noise.shape[0];
          const first = reshape(slice(reshape(noise, [chunk, m, per]), 1, 0, 1), [chunk, ...shape]);
          inputs = add(adv, first);
          labels = yc;
        }
        const logits = model.forward(inputs);
        const loss = crossEntropy(logits, labels);
        backward(loss);
        opt.step(model, c, lr);
        return { loss, correct: accuracyCount(logits, labels), rows: labels.shape[0] };
      }));
      for (const t of [xc, yc, noise, adv]) t.dispose();
    }
    return stats;
  } finally {
    x.dispose();
    y.dispose();
  }
}

/**
 * A loader batch as the reference's _chunk_minibatch splits it (Jeong et al.'s Consistency and SmoothMix
 * code): m chunks of floor(B / m) images, the remainder dropped; chunk k draws its noise from stream
 * globalBatch * m + k (as SmoothAdv's chunks do).
 */
function chunkBatch(
  x: Tensor,
  y: Tensor,
  labels: Int32Array,
  m: number,
  globalBatch: number,
): { x: Tensor; y: Tensor; labels: Int32Array; stream: number }[] {
  const size = Math.floor(x.shape[0] / m);
  if (size === 0) return [];
  return Array.from({ length: m }, (_, k) => ({
    x: scope(() => noGrad(() => slice(x, 0, k * size, (k + 1) * size))).keep(),
    y: scope(() => noGrad(() => slice(y, 0, k * size, (k + 1) * size))).keep(),
    labels: labels.subarray(k * size, (k + 1) * size),
    stream: globalBatch * m + k,
  }));
}

/** Mean loss and accuracy (%) of accumulated step statistics: one readback for all of them. */
export async function readStats(stats: StepStats[]): Promise<{ loss: number; acc: number; rows: number }> {
  if (stats.length === 0) return { loss: 0, acc: 0, rows: 0 };
  const vals = await readTensors(stats.flatMap((s) => [s.loss, s.correct]));
  let loss = 0, correct = 0, rows = 0;
  stats.forEach((s, i) => {
    loss += vals[2 * i][0] * s.rows;
    correct += vals[2 * i + 1][0];
    rows += s.rows;
  });
  for (const s of stats) {
    s.loss.dispose();
    s.correct.dispose();
  }
  return { loss: loss / rows, acc: (100 * correct) / rows, rows };
}

/** Cross-entropy and accuracy of the base classifier on noisy test images (as the reference's test()). */
export async function evaluateNoisy(
  model: Module,
  loader: DataLoader,
  shape: readonly number[],
  sigma: number,
  seed: number,
  onBatch?: (done: number) => void,
): Promise<{ loss: number; acc: number }> {
  model.eval();
  const stats: StepStats[] = [];
  let done = 0;
  for (let i = 0; i < loader.batchesPerEpoch; i++) {
    const batch = loader.batch(0, i);
    stats.push(noisyTestBatch(model, batch, shape, sigma, seed, i));
    done += batch.size;
    if (stats.length >= 16) {
      // bound the number of pending tensors; one readback per 16 batches
      const r = await readStats(stats.splice(0));
      stats.push(carry(r));
    }
    onBatch?.(done);
  }
  const r = await readStats(stats);
  return { loss: r.loss, acc: r.acc };
}

/**
 * The cross-entropy and the correct count of the test loader's `i`th batch under noise (queued, not
 * read; the model in evaluation mode).
 */
export function noisyTestBatch(
  model: Module,
  batch: Batch,
  shape: readonly number[],
  sigma: number,
  seed: number,
  i: number,
): StepStats {
  return scope(() =>
    noGrad(() => {
      const x = Tensor.from(batch.images, [batch.size, ...shape]);
      const y = Tensor.from(batch.labels, [batch.size], "i32");
      const noisy = addNoise(x, { sigma, seed, stream: i, domain: TEST_NOISE_DOMAIN });
      const logits = model.forward(noisy);
      return { loss: crossEntropy(logits, y), correct: accuracyCount(logits, y), rows: batch.size };
    })
  );
}

/** Re-materialise partial sums as tiny tensors so they combine with later batches in readStats. */
function carry(r: { loss: number; acc: number; rows: number }): StepStats {
  return {
    loss: Tensor.from([r.loss], [1]).keep(),
    correct: Tensor.from([Math.round((r.acc * r.rows) / 100)], [1], "u32").keep(),
    rows: r.rows,
  };
}
