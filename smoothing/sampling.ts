/**
 * Monte-Carlo sampling of the base classifier under Gaussian noise, entirely on the GPU, for several
 * images at once. A call to `PackedSampler.sample` takes the pending sample ranges of any number of
 * images, lays their rows out one after another in batches of exactly `batch` rows (the last padded),
 * and per batch the noise kernel writes image + sigma * noise straight into the model's input, the
 * model runs in eval mode without a graph, and the vote kernel adds each row's argmax to its range's
 * counter. The counters are read back once per call, never per batch or per image.
 *
 * The noise of a row is a pure function of (seed, image stream, sample index), and every row is
 * classified on its own, so the votes of a range do not depend on what shares its batches; the batch
 * shape never changes, so each kernel compiles once per run.
 */
import { engine, noGrad, scope, Tensor } from "../engine/mod.ts";
import { fillInPlace } from "../engine/ops/elementwise_kernels.ts";
import { NO_COUNTER, noisyRows } from "../engine/ops/noise.ts";
import { countVotesRows } from "../engine/ops/votes.ts";
import type { Module } from "../nn/module.ts";
import { withFrozenWeights } from "../nn/layers.ts";

/** Samples first .. first + count - 1 of noise stream `stream`, around the image loaded in `slot`. */
export interface SampleRequest {
  slot: number;
  stream: number;
  first: number;
  count: number;
}

/** What the certification loop needs from a sampler (the GPU one below; tests substitute others). */
export interface VoteSampler {
  /** Number of image slots. */
  readonly slots: number;
  /** Rows per forward pass. */
  readonly batch: number;
  readonly classes: number;
  /** Put an image ([C, H, W] in [0, 1]: host values, or a tensor already on the GPU) into a slot. */
  load(slot: number, image: Float32Array | Tensor): void;
  /** Per request, the class counts of its samples' votes. */
  sample(requests: readonly SampleRequest[]): Promise<Uint32Array[]>;
}

export interface PackedSamplerOptions {
  slots: number;
  batch: number;
  sigma: number;
  seed: number;
  /** Batches per uploaded row table (the table is rewritten between chunks of a call). */
  chunkBatches?: number;
}

const DEFAULT_CHUNK_BATCHES = 64;

function checkPositiveInteger(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`${name} must be a positive integer, got ${value}`);
  }
}

export class PackedSampler implements VoteSampler {
  readonly slots: number;
  readonly batch: number;
  readonly #elems: number;
  readonly #images: Tensor;
  readonly #table: Tensor;
  readonly #chunkRows: number;
  #disposed = false;

  constructor(
    readonly model: Module,
    readonly shape: readonly [number, number, number],
    readonly classes: number,
    readonly options: PackedSamplerOptions,
  ) {
    checkPositiveInteger(options.slots, "slots");
    checkPositiveInteger(options.batch, "batch");
    checkPositiveInteger(classes, "classes");
    if (!(options.sigma > 0) || !Number.isFinite(options.sigma)) {
      throw new RangeError(`sigma must be > 0 (and finite), got ${options.sigma}`);
    }
    if (!Number.isSafeInteger(options.seed) || options.seed < 0) {
      throw new RangeError(`seed must be an integer in [0, 2^53), got ${options.seed}`);
    }
    this.slots = options.slots;
    this.batch = options.batch;
    this.#elems = shape[0] * shape[1] * shape[2];
    this.#chunkRows = options.batch * (options.chunkBatches ?? DEFAULT_CHUNK_BATCHES);
    model.eval();
    this.#images = Tensor.empty([this.slots, ...shape], "f32", "sampler images").keep();
    fillInPlace(this.#images, 0);
    this.#table = Tensor.empty([this.#chunkRows, 4], "u32", "sampler row table").keep();
  }

  load(slot: number, image: Float32Array | Tensor): void {
    if (!Number.isInteger(slot) || slot < 0 || slot >= this.slots) {
      throw new RangeError(`slot must be an integer in [0, ${this.slots}), got ${slot}`);
    }
    const length = image instanceof Tensor ? image.size : image.length;
    if (length !== this.#elems || (image instanceof Tensor && image.dtype !== "f32")) {
      throw new RangeError(
        `image must hold ${this.#elems} f32 values ([${this.shape.join(", ")}]), got ${length}`,
      );
    }
    const bytes = this.#elems * 4;
    const dst = { buffer: this.#images.buffer, byteOffset: slot * bytes, byteLength: bytes };
    if (image instanceof Tensor) engine().rec.copy(image, dst, bytes);
    else engine().rec.write(dst, image, "image upload");
  }

  async sample(requests: readonly SampleRequest[]): Promise<Uint32Array[]> {
    if (this.#disposed) throw new Error("PackedSampler: used after dispose()");
    let total = 0;
    for (const r of requests) {
      if (!Number.isInteger(r.slot) || r.slot < 0 || r.slot >= this.slots) {
        throw new RangeError(`request slot must be an integer in [0, ${this.slots}), got ${r.slot}`);
      }
      if (!Number.isInteger(r.count) || r.count < 0) {
        throw new RangeError(`request count must be an integer >= 0, got ${r.count}`);
      }
      if (!Number.isInteger(r.first) || r.first < 0 || r.first + r.count > 2 ** 32) {
        throw new RangeError(`request samples ${r.first} .. ${r.first + r.count - 1} exceed [0, 2^32)`);
      }
      if (!Number.isInteger(r.stream) || r.stream < 0 || r.stream >= 2 ** 32) {
        throw new RangeError(`request stream must be an integer in [0, 2^32), got ${r.stream}`);
      }
      total += r.count;
    }
    const k = this.classes;
    if (total === 0) return requests.map(() => new Uint32Array(k));
    // each convolution's folded and transformed weights once for all the call's batches
    return await withFrozenWeights(() => this.#sample(requests, total));
  }

  async #sample(requests: readonly SampleRequest[], total: number): Promise<Uint32Array[]> {
    const k = this.classes;
    const counts = Tensor.empty([requests.length, k], "u32", "vote counts");
    fillInPlace(counts, 0);
    const entries = new Uint32Array(this.#chunkRows * 4);
    let req = 0, within = 0;
    for (let start = 0; start < total; start += this.#chunkRows) {
      const rows = Math.min(this.#chunkRows, total - start);
      const padded = Math.ceil(rows / this.batch) * this.batch;
      for (let r = 0; r < padded; r++) {
        const e = 4 * r;
        if (r < rows) {
          while (within === requests[req].count) {
            req++;
            within = 0;
          }
          const q = requests[req];
          entries[e] = q.slot;
          entries[e + 1] = q.stream;
          entries[e + 2] = q.first + within;
          entries[e + 3] = req;
          within++;
        } else {
          // Padding repeats the last real row's inputs (valid data) and votes for nobody.
          entries.copyWithin(e, e - 4, e - 1);
          entries[e + 3] = NO_COUNTER;
        }
      }
      engine().rec.write(this.#table, entries.subarray(0, 4 * padded), "row table upload");
      for (let row0 = 0; row0 < padded; row0 += this.batch) {
        scope(() =>
          noGrad(() => {
            const x = noisyRows(this.#images, this.#table, {
              seed: this.options.seed,
              sigma: this.options.sigma,
              row0,
              rows: this.batch,
            });
            countVotesRows(this.model.forward(x), this.#table, row0, counts);
          })
        );
      }
    }
    const out = await counts.read();
    counts.dispose();
    return requests.map((_, i) => Uint32Array.from(out.subarray(i * k, (i + 1) * k)));
  }

  /** Classify one batch and wait for it, so that every kernel of the run is compiled afterwards. */
  async warmUp(): Promise<void> {
    await this.sample([{ slot: 0, stream: 0, first: 0, count: 1 }]);
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#images.dispose();
    this.#table.dispose();
  }
}

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
  if (image.rank !== 3) {
    throw new RangeError(`sampleVotes: image must be [C, H, W], got [${image.shape.join(", ")}]`);
  }
  if (!Number.isInteger(o.count) || o.count < 0) {
    throw new RangeError(`sample count must be a non-negative integer, got ${o.count}`);
  }
  const shape = image.shape as [number, number, number];
  const sampler = new PackedSampler(model, shape, numClasses, {
    slots: 1,
    batch: o.batch,
    sigma: o.sigma,
    seed: o.seed,
  });
  try {
    sampler.load(0, image);
    const [counts] = await sampler.sample([{
      slot: 0,
      stream: o.stream,
      first: o.firstSample,
      count: o.count,
    }]);
    return counts;
  } finally {
    sampler.dispose();
  }
}

/** argmax with ties to the lowest index. */
export function argmaxCounts(counts: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < counts.length; i++) if (counts[i] > counts[best]) best = i;
  return best;
}
