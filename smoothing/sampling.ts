/**
 * Monte-Carlo sampling of the base classifier under Gaussian noise, entirely on the GPU: per batch the
 * noise kernel writes image + sigma * noise into the model's input, the model runs in eval mode without
 * a graph, and the vote kernel adds each row's argmax to per-class counters. The counters are read back
 * once per call (one phase of CERTIFY), never per batch.
 */
import { noGrad, scope, Tensor } from "../engine/mod.ts";
import { fillInPlace } from "../engine/ops/elementwise.ts";
import { noisyCopies } from "../engine/ops/noise.ts";
import { countVotes } from "../engine/ops/votes.ts";
import type { Module } from "../nn/module.ts";

export interface SamplingOptions {
  /** Number of noisy copies to classify. */
  count: number;
  batch: number;
  sigma: number;
  seed: number;
  /** Noise stream: the image's index in its dataset, so results do not depend on order or sharding. */
  stream: number;
  /** Index of the first sample within the stream (selection and estimation use disjoint ranges). */
  firstSample: number;
}

/** Class counts of the base classifier's votes on `count` noisy copies of `image` ([C,H,W] in [0,1]). */
export async function sampleVotes(
  model: Module,
  image: Tensor,
  numClasses: number,
  o: SamplingOptions,
): Promise<Uint32Array> {
  if (!(o.sigma > 0)) throw new RangeError(`sigma must be > 0, got ${o.sigma}`);
  if (!Number.isInteger(o.batch) || o.batch < 1) {
    throw new RangeError(`batch must be a positive integer, got ${o.batch}`);
  }
  if (!Number.isInteger(o.count) || o.count < 0) {
    throw new RangeError(`sample count must be a non-negative integer, got ${o.count}`);
  }
  if (image.rank !== 3) {
    throw new RangeError(`sampleVotes: image must be [C, H, W], got [${image.shape.join(", ")}]`);
  }
  model.eval();
  // [1, C, H, W]: noisyCopies drops a leading 1, which would otherwise eat a single channel
  const batched = image.view([1, ...image.shape]);
  const counts = Tensor.empty([numClasses], "u32", "vote counts");
  fillInPlace(counts, 0);
  for (let done = 0; done < o.count; done += o.batch) {
    const b = Math.min(o.batch, o.count - done);
    scope(() =>
      noGrad(() => {
        const x = noisyCopies(batched, {
          count: b,
          sigma: o.sigma,
          seed: o.seed,
          stream: o.stream,
          firstSample: o.firstSample + done,
        });
        countVotes(model.forward(x), counts);
      })
    );
  }
  const out = await counts.read();
  counts.dispose();
  batched.dispose();
  return Uint32Array.from(out);
}

/** argmax with ties to the lowest index. */
export function argmaxCounts(counts: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < counts.length; i++) if (counts[i] > counts[best]) best = i;
  return best;
}
