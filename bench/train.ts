/**
 * Training throughput on random weights and random images (the work does not depend on either): a
 * Gaussian data-augmentation step through `trainBatch`, and one SmoothAdv step, i.e. the PGD attack
 * on the smoothed soft classifier and one optimizer step, for a single chunk of B / m images with m
 * noise draws each (multi-noise), built from the functions `trainBatch` calls. `trainBatch` itself
 * would run all m chunks of a loader batch, m times the work of the step the figure is about.
 */
import {
  add,
  backward,
  crossEntropy,
  gaussianNoise,
  repeatInterleave,
  scope,
  Tensor,
} from "../engine/mod.ts";
import type { Batch } from "../nn/data/loader.ts";
import { buildModel } from "../nn/models.ts";
import type { Module } from "../nn/module.ts";
import { pgdL2 } from "../smoothing/attacks.ts";
import { SgdState, trainBatch, type TrainConfig } from "../smoothing/train.ts";
import type { Arch, CaseParams, MeasuredCase, Sample } from "./cases.ts";
import { measureAsync, randomArray } from "./measure.ts";

type Params<K extends CaseParams["kind"]> = Extract<CaseParams, { kind: K }>;

const SHAPE = [3, 32, 32];
const PIXELS = 3 * 32 * 32;

/** The training configuration of the train group's cases (the reference's defaults where they apply). */
export function config(
  method: "gaussian" | "smoothadv",
  sigma: number,
  batch: number,
  m = 1,
  steps = 0,
  eps = 0,
): TrainConfig {
  return {
    method,
    attack: "pgd",
    numSteps: steps,
    epsilon: eps,
    numNoiseVec: m,
    trainMultiNoise: true,
    warmup: 1,
    noiseSd: sigma,
    epochs: 1,
    batch,
    lr: 0.1,
    lrStepSize: 30,
    gamma: 0.1,
    momentum: 0.9,
    weightDecay: 1e-4,
    seed: 0,
  };
}

/** A batch of `size` random CIFAR-shaped images and labels. */
export function syntheticBatch(size: number, seed: number): Batch {
  return {
    epoch: 0,
    index: 0,
    size,
    images: randomArray(size * PIXELS, seed, 0, 1),
    labels: Int32Array.from(randomArray(size, seed + 1, 0, 10), Math.floor),
    indices: Uint32Array.from({ length: size }, (_, i) => i),
  };
}

function model(arch: Arch): Module {
  if (arch === "mnist_cnn") throw new RangeError("the train group benchmarks the CIFAR ResNets only");
  return buildModel(arch, { seed: 0 });
}

export async function measureTrainGaussian(p: Params<"train_gaussian">, c: MeasuredCase): Promise<Sample[]> {
  const net = model(p.arch);
  const opt = new SgdState(net);
  const cfg = config("gaussian", p.sigma, p.batch);
  const batch = syntheticBatch(p.batch, 31);
  let step = 0;
  try {
    return await measureAsync(async () => {
      const stats = await trainBatch(net, opt, cfg, batch, 0, step++, SHAPE);
      for (const s of stats) {
        s.loss.dispose();
        s.correct.dispose();
      }
    }, c);
  } finally {
    opt.dispose();
  }
}

export async function measureTrainSmoothAdv(
  p: Params<"train_smoothadv">,
  c: MeasuredCase,
): Promise<Sample[]> {
  if (p.batch % p.m !== 0) throw new RangeError(`SmoothAdv batch ${p.batch} is not a multiple of m = ${p.m}`);
  const net = model(p.arch);
  const opt = new SgdState(net);
  const cfg = config("smoothadv", p.sigma, p.batch, p.m, p.steps, p.epsilon);
  const chunk = p.batch / p.m;
  const data = syntheticBatch(chunk, 41);
  let stream = 0;
  // The multi-noise branch of trainBatch for one chunk: same calls, same order.
  const step = async () => {
    const s = stream++;
    const x = Tensor.from(data.images, [chunk, ...SHAPE]).keep();
    const y = Tensor.from(data.labels, [chunk], "i32").keep();
    const noise = gaussianNoise([chunk * p.m, ...SHAPE], { sigma: p.sigma, seed: cfg.seed, stream: s })
      .keep();
    const adv = (await pgdL2(net, x, y, noise, {
      eps: p.epsilon,
      steps: p.steps,
      m: p.m,
      seed: cfg.seed,
      stream: s,
    })).keep();
    net.train();
    scope(() => {
      const logits = net.forward(add(repeatInterleave(adv, p.m), noise));
      backward(crossEntropy(logits, repeatInterleave(y, p.m)));
      opt.step(net, cfg, cfg.lr);
    });
    for (const t of [x, y, noise, adv]) t.dispose();
  };
  try {
    return await measureAsync(step, c);
  } finally {
    opt.dispose();
  }
}
