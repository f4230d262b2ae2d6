/**
 * CERTIFY and PREDICT of Cohen et al. (2019) over one image or many, in the reference's fixed-N form
 * or in the sequential modes (procedures.ts), with several images sharing each GPU batch
 * (packing.ts, sampling.ts).
 */
import type { Tensor } from "../engine/mod.ts";
import type { Module } from "../nn/module.ts";
import { LookaheadSampler } from "./lookahead.ts";
import { type ImageCost, type RoundReport, runPacked } from "./packing.ts";
import {
  type Certificate,
  type CertifyParameters,
  CertifyProcedure,
  type Prediction,
  type PredictParameters,
  PredictProcedure,
  type Procedure,
  validateCertifyParameters,
  validatePredictParameters,
} from "./procedures.ts";
import { PackedSampler } from "./sampling.ts";

export {
  ABSTAIN,
  type Certificate,
  type CertifyMode,
  FIRST_LOOK,
  LOOK_GROWTH,
  type Prediction,
} from "./procedures.ts";
export type { ImageCost, RoundReport } from "./packing.ts";

/** How the samples are drawn: the same for every mode. */
export interface SamplingParameters {
  /** Rows per forward pass. */
  batch: number;
  sigma: number;
  seed: number;
  /** Images sampled together (default: enough for a round's first requests to fill it). */
  inFlight?: number;
  /** Forward passes per round (one readback per round; default 16). */
  roundBatches?: number;
}

export type CertifyOptions = CertifyParameters & SamplingParameters;
export type PredictOptions = PredictParameters & SamplingParameters;

export const DEFAULT_ROUND_BATCHES = 16;
/**
 * Default tolerance of the adaptive mode, in units of sigma: the one that samples clearly less than a
 * third of fixed N's budget (0.25 sigma measured 2.99x fewer on the MNIST model, at the edge; 0.3 sigma
 * 3.7x in bench/adaptive_tolerance.ts) while the table radii's certified accuracy stays within about a
 * point of fixed N (README, "The adaptive tolerance").
 */
export const DEFAULT_TOLERANCE_SIGMAS = 0.3;
/** Most images in flight by default (each holds one image slot on the GPU). */
export const MAX_DEFAULT_IN_FLIGHT = 256;

function validateSampling(o: SamplingParameters): void {
  if (!Number.isInteger(o.batch) || o.batch < 1) {
    throw new RangeError(`batch must be a positive integer, got ${o.batch}`);
  }
  if (!Number.isSafeInteger(o.seed) || o.seed < 0) {
    throw new RangeError(`seed must be an integer in [0, 2^53), got ${o.seed}`);
  }
  for (const [name, v] of [["inFlight", o.inFlight], ["roundBatches", o.roundBatches]] as const) {
    if (v !== undefined && (!Number.isInteger(v) || v < 1)) {
      throw new RangeError(`${name} must be a positive integer, got ${v}`);
    }
  }
}

/** Checks every parameter once; errors name the parameter. */
export function validateCertifyOptions(o: CertifyOptions): void {
  validateCertifyParameters(o);
  validateSampling(o);
}

export function validatePredictOptions(o: PredictOptions): void {
  if (!(o.sigma > 0) || !Number.isFinite(o.sigma)) {
    throw new RangeError(`sigma must be a finite number > 0, got ${o.sigma}`);
  }
  validatePredictParameters(o);
  validateSampling(o);
}

/** Where the images come from: [C, H, W] in [0, 1], addressed by their index in the dataset. */
export interface ImageSet {
  shape: readonly [number, number, number];
  classes: number;
  indices: readonly number[];
  load(idx: number): Promise<Float32Array> | Float32Array;
}

export interface RunCallbacks<R> {
  /** Called as each image is decided (in decision order). */
  onResult(idx: number, result: R, cost: ImageCost): void | Promise<void>;
  /** Called once the kernels are compiled, before the first image is sampled, with the seconds it took. */
  onReady?(compileSeconds: number): void;
  /** Called after every round of sampling (progress). */
  onRound?(report: RoundReport): void;
  /** Stops the run between rounds (and before the kernels are compiled), throwing the signal's reason. */
  signal?: AbortSignal;
}

/** Images in flight when none are asked for: a round's first requests (n0 each) fill its rows. */
export function defaultInFlight(o: SamplingParameters, firstRequest: number, images: number): number {
  const roundRows = o.batch * (o.roundBatches ?? DEFAULT_ROUND_BATCHES);
  return Math.max(1, Math.min(images, MAX_DEFAULT_IN_FLIGHT, Math.ceil(roundRows / firstRequest)));
}

async function runImages<R>(
  model: Module,
  images: ImageSet,
  o: SamplingParameters,
  firstRequest: number,
  procedure: () => Procedure<R>,
  callbacks: RunCallbacks<R>,
): Promise<void> {
  if (images.indices.length === 0) return;
  const inFlight = Math.min(
    o.inFlight ?? defaultInFlight(o, firstRequest, images.indices.length),
    images.indices.length,
  );
  const sampler = new PackedSampler(model, images.shape, images.classes, {
    slots: inFlight,
    batch: o.batch,
    sigma: o.sigma,
    seed: o.seed,
  });
  try {
    if (callbacks.onReady) {
      // One batch first, so that compilation is over (and reported) before the first image is timed.
      const start = performance.now();
      await sampler.warmUp();
      callbacks.onReady((performance.now() - start) / 1000);
    }
    // the last batch of a round samples ahead for its images instead of padding
    await runPacked(new LookaheadSampler(sampler), {
      indices: images.indices,
      load: async (idx) => await images.load(idx),
      procedure,
      onResult: callbacks.onResult,
      onRound: callbacks.onRound,
      signal: callbacks.signal,
      inFlight,
      roundRows: o.batch * (o.roundBatches ?? DEFAULT_ROUND_BATCHES),
      // from one batch: the first images are logged within seconds, later rounds run full
      firstRoundRows: o.batch,
    });
  } finally {
    sampler.dispose();
  }
}

/** CERTIFY every image of the set; each result is reported as soon as its image is decided. */
export async function certifyImages(
  model: Module,
  images: ImageSet,
  o: CertifyOptions,
  callbacks: RunCallbacks<Certificate>,
): Promise<void> {
  validateCertifyOptions(o);
  await runImages(model, images, o, o.n0, () => new CertifyProcedure(o), callbacks);
}

/** PREDICT every image of the set. */
export async function predictImages(
  model: Module,
  images: ImageSet,
  o: PredictOptions,
  callbacks: RunCallbacks<Prediction>,
): Promise<void> {
  validatePredictOptions(o);
  await runImages(model, images, o, o.n, () => new PredictProcedure(o), callbacks);
}

/** What a run on one image may be given besides its parameters. */
export interface ImageRunControl {
  /** The image's noise stream: its index in its dataset (default 0). */
  stream?: number;
  /** Called after every round of sampling. */
  onRound?(report: RoundReport): void;
  /** Stops the run between rounds, throwing the signal's reason. */
  signal?: AbortSignal;
}

/** `run` (certifyImages or predictImages) on one image held on the host; its result. */
export async function runOneImage<R>(
  run: (images: ImageSet, callbacks: RunCallbacks<R>) => Promise<void>,
  image: { data: Float32Array; shape: readonly [number, number, number]; classes: number },
  control: ImageRunControl = {},
): Promise<R> {
  const stream = control.stream ?? 0;
  let out: R | null = null;
  await run({ shape: image.shape, classes: image.classes, indices: [stream], load: () => image.data }, {
    onResult: (_, r) => {
      out = r;
    },
    onRound: control.onRound,
    signal: control.signal,
  });
  return out!;
}

async function one<R>(
  run: (images: ImageSet, callbacks: RunCallbacks<R>) => Promise<void>,
  image: Tensor,
  classes: number,
  index: number,
): Promise<R> {
  if (image.rank !== 3) throw new RangeError(`image must be [C, H, W], got [${image.shape.join(", ")}]`);
  const data = Float32Array.from(await image.read());
  return runOneImage(run, { data, shape: image.shape as [number, number, number], classes }, {
    stream: index,
  });
}

/**
 * CERTIFY(x, n0, N, alpha) of one image ([C, H, W] in [0, 1]) whose noise stream is `index`:
 * selection samples [0, n0), estimation samples from n0 on.
 */
export function certify(
  model: Module,
  image: Tensor,
  classes: number,
  index: number,
  o: CertifyOptions,
): Promise<Certificate> {
  return one((images, cb) => certifyImages(model, images, o, cb), image, classes, index);
}

/** PREDICT(x, N, alpha) of one image whose noise stream is `index` (samples [0, N)). */
export function predict(
  model: Module,
  image: Tensor,
  classes: number,
  index: number,
  o: PredictOptions,
): Promise<Prediction> {
  return one((images, cb) => predictImages(model, images, o, cb), image, classes, index);
}
