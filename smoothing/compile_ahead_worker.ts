/**
 * The worker of smoothing/compile_ahead.ts: make the run's model on an engine of its own and build the
 * pipelines of one batch, last first, until it reaches the run's progress or the run says "finish"; where
 * the run deferred the 16-channel layers' faster form, then build that form's pipelines for the same batch
 * and say so, unless the run says "abandon" first. Posts CompileAheadReplies.
 */
import { initEngine, Tensor } from "../engine/mod.ts";
import { ARCH_INFO, buildModel } from "../nn/models.ts";
import type { Batch } from "../nn/data/loader.ts";
import { openModel } from "../nn/open_model.ts";
import {
  buildRunPipelines,
  cacheEntries,
  type CompileAheadMessage,
  type CompileAheadReply,
  type CompileAheadSignal,
  type TestBatchRequest,
  type TrainStepRequest,
  type VotesRequest,
} from "./compile_ahead.ts";
import { attackImage } from "./empirical.ts";
import { sampleVotes } from "./sampling.ts";
import { noisyTestBatch, SgdState, trainBatch } from "./train.ts";

interface WorkerScope {
  onmessage: ((e: MessageEvent<CompileAheadMessage | CompileAheadSignal>) => void) | null;
  postMessage(message: CompileAheadReply): void;
}
const scope = globalThis as unknown as WorkerScope;
let finished = false;
let abandoned = false;

scope.onmessage = async (e) => {
  if (e.data === "finish" || e.data === "abandon") {
    finished = true;
    abandoned ||= e.data === "abandon";
    return;
  }
  const r = e.data;
  try {
    const t0 = performance.now();
    await initEngine(r.engine);
    const batch = r.kind === "votes" ? await votesBatch(r) : r.kind === "train" ? trainStep(r) : testBatch(r);
    // Stop once the run is done, or before a pipeline the run has built or is building. The positions
    // count the run's pipelines (after the model's own, which the run built before it counted the cache's
    // entries), in the run's order too; each entry since that count that this worker did not write is
    // one of them the run has built (the worker's builds are all new entries until they meet).
    const { pipelines, builtAt } = await buildRunPipelines(batch, {
      deferred: r.deferred,
      stop: (position, built) => finished || position <= cacheEntries(r.cache.dir) - r.cache.entries - built,
      abandoned: () => abandoned,
      upgraded: (upgraded) => scope.postMessage({ upgraded, seconds: (performance.now() - t0) / 1000 }),
    });
    scope.postMessage({ pipelines, seconds: (builtAt - t0) / 1000 });
  } catch (err) {
    scope.postMessage({ error: (err as Error).message });
  }
};

/**
 * One batch of noisy samples of the run's model (the model opened, as the run did, before it counted),
 * after an attack on a black image where the run attacks each image first.
 */
async function votesBatch(r: VotesRequest): Promise<() => Promise<unknown>> {
  const opened = await openModel(await Deno.readFile(r.checkpoint), r.checkpoint, r.model);
  const { inputShape, classes } = ARCH_INFO[opened.arch];
  const values = new Float32Array(inputShape.reduce((a, b) => a * b, 1));
  const image = Tensor.from(values, inputShape).keep();
  return async () => {
    if (r.attack) await attackImage(opened.model, values, inputShape, 0, 0, r.attack);
    return sampleVotes(opened.model, image, classes, {
      count: r.batch,
      batch: r.batch,
      sigma: r.sigma,
      seed: 0,
      stream: 0,
      firstSample: 0,
    });
  };
}

/** One training step on a batch of zeros, with a fresh model and optimizer (made before the recording). */
function trainStep(r: TrainStepRequest): () => Promise<unknown> {
  const shape = ARCH_INFO[r.arch].inputShape;
  const model = buildModel(r.arch, { normalize: r.normalize, seed: r.config.seed });
  const opt = new SgdState(model);
  const batch = zeroBatch(r.images, shape, r.epoch);
  return () => trainBatch(model, opt, r.config, batch, r.epoch, 0, shape);
}

/** One batch of a training run's evaluation on noisy test images, with a fresh model in evaluation mode. */
function testBatch(r: TestBatchRequest): () => Promise<unknown> {
  const shape = ARCH_INFO[r.arch].inputShape;
  const model = buildModel(r.arch, { normalize: r.normalize });
  model.eval();
  const batch = zeroBatch(r.images, shape, 0);
  return () => {
    const stats = noisyTestBatch(model, batch, shape, r.sigma, 0, 0);
    return Promise.all([stats.loss.read(), stats.correct.read()]);
  };
}

/** A loader batch of `images` black images of class 0. */
function zeroBatch(images: number, shape: readonly number[], epoch: number): Batch {
  return {
    epoch,
    index: 0,
    size: images,
    images: new Float32Array(images * shape.reduce((a, b) => a * b, 1)),
    labels: new Int32Array(images),
    indices: Uint32Array.from({ length: images }, (_, i) => i),
  };
}
