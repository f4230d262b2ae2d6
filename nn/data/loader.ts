/**
 * Batches over an in-memory u8 image dataset: seeded shuffling, optional CIFAR training
 * augmentation, conversion to float32 in [0, 1], and preparation of the next batch while the
 * caller's GPU work on the current one runs.
 *
 * Determinism: the order of epoch e is a permutation drawn from hash(seed, e), and the crop and
 * flip of the sample at position p of that order from hash(seed, e, p). A batch is therefore a pure
 * function of (seed, epoch, batch index): resuming an epoch at batch k yields exactly the batches
 * a full pass would have produced from k on.
 *
 * Overlap: batch preparation is synchronous CPU work on the main thread. The iterator starts
 * preparing batch k+1 in a macrotask as soon as it hands out batch k; that task runs when the
 * caller next yields to the event loop, which a training step does while it waits for the GPU
 * (buffer mapping / queue completion). CPU preparation thus overlaps GPU execution without
 * workers, and at most one batch is prepared ahead.
 */
import { checkDataset, DataError, type ImageDataset } from "./dataset.ts";
import { hash32, permutation, Xoshiro128 } from "./random.ts";

export interface LoaderOptions {
  batchSize: number;
  /** Reshuffle every epoch (default false: dataset order). */
  shuffle?: boolean;
  /** Seed of the shuffling and augmentation (default 0). */
  seed?: number;
  /** Drop the last batch when it would be smaller than batchSize (default false). */
  dropLast?: boolean;
  /**
   * "cifar": the CIFAR training transform, RandomCrop(size, padding=4) with zero padding followed
   * by RandomHorizontalFlip(0.5). Default "none".
   */
  augment?: "none" | "cifar";
}

export interface Batch {
  epoch: number;
  /** Index of the batch within its epoch. */
  index: number;
  /** Number of images (batchSize, or fewer for a final partial batch). */
  size: number;
  /** size x C x H x W values, float32(u8) / 255. */
  images: Float32Array;
  labels: Int32Array;
  /** Dataset index of each row. */
  indices: Uint32Array;
}

/** float32(u / 255) for every byte value: the same value PyTorch's ToTensor produces. */
export const U8_TO_UNIT: Float32Array = Float32Array.from({ length: 256 }, (_, u) => Math.fround(u / 255));

const CIFAR_PADDING = 4;

export class DataLoader {
  readonly batchSize: number;
  readonly shuffle: boolean;
  readonly seed: number;
  readonly dropLast: boolean;
  readonly augment: "none" | "cifar";
  private cachedOrder: { epoch: number; order: Uint32Array } | null = null;

  constructor(readonly dataset: ImageDataset, options: LoaderOptions) {
    const { batchSize, shuffle = false, seed = 0, dropLast = false, augment = "none" } = options;
    if (!Number.isInteger(batchSize) || batchSize < 1) {
      throw new DataError(`batchSize must be a positive integer, found ${batchSize}`);
    }
    if (!Number.isInteger(seed)) throw new DataError(`seed must be an integer, found ${seed}`);
    if (augment !== "none" && augment !== "cifar") {
      throw new DataError(`augment must be "none" or "cifar", found ${augment}`);
    }
    checkDataset(dataset, "DataLoader dataset", dataset.classes?.length);
    this.batchSize = batchSize;
    this.shuffle = shuffle;
    this.seed = seed;
    this.dropLast = dropLast;
    this.augment = augment;
  }

  get batchesPerEpoch(): number {
    const n = this.dataset.count / this.batchSize;
    return this.dropLast ? Math.floor(n) : Math.ceil(n);
  }

  /** The dataset indices of epoch `epoch`, in the order they are served. */
  order(epoch: number): Uint32Array {
    if (this.cachedOrder?.epoch === epoch) return this.cachedOrder.order;
    const n = this.dataset.count;
    const order = this.shuffle
      ? permutation(n, new Xoshiro128(hash32(this.seed, epoch, 0x5f1e)))
      : Uint32Array.from({ length: n }, (_, i) => i);
    this.cachedOrder = { epoch, order };
    return order;
  }

  /** Images in batch `index` (batchSize, or fewer for a final partial batch), without preparing it. */
  batchSizeAt(index: number): number {
    if (!Number.isInteger(index) || index < 0 || index >= this.batchesPerEpoch) {
      throw new DataError(`batch index ${index} is outside 0..${this.batchesPerEpoch - 1}`);
    }
    return Math.min(this.batchSize, this.dataset.count - index * this.batchSize);
  }

  /** Prepares batch `index` of epoch `epoch` synchronously. */
  batch(epoch: number, index: number): Batch {
    const size = this.batchSizeAt(index);
    const order = this.order(epoch);
    const start = index * this.batchSize;
    const [c, h, w] = this.dataset.shape;
    const per = c * h * w;
    const images = new Float32Array(size * per);
    const labels = new Int32Array(size);
    const indices = order.slice(start, start + size);
    for (let r = 0; r < size; r++) {
      const src = this.dataset.images.subarray(indices[r] * per, (indices[r] + 1) * per);
      const dst = images.subarray(r * per, (r + 1) * per);
      labels[r] = this.dataset.labels[indices[r]];
      if (this.augment === "cifar") {
        const rng = new Xoshiro128(hash32(this.seed, epoch, start + r, 0xa06));
        // Draw order as torchvision: crop offsets (top, then left), then the flip.
        const top = rng.below(2 * CIFAR_PADDING + 1);
        const left = rng.below(2 * CIFAR_PADDING + 1);
        const flip = rng.nextFloat() < 0.5;
        cropFlip(src, dst, c, h, w, top - CIFAR_PADDING, left - CIFAR_PADDING, flip);
      } else {
        for (let i = 0; i < per; i++) dst[i] = U8_TO_UNIT[src[i]];
      }
    }
    return { epoch, index, size, images, labels, indices };
  }

  /**
   * The batches of `epoch` from `startBatch` on, each prepared while the caller works on the
   * previous one. Breaking out of the loop cancels the batch being prepared.
   */
  epoch(epoch: number, { startBatch = 0 }: { startBatch?: number } = {}): AsyncIterableIterator<Batch> {
    const total = this.batchesPerEpoch;
    if (!Number.isInteger(startBatch) || startBatch < 0 || startBatch > total) {
      throw new DataError(`startBatch ${startBatch} is outside 0..${total}`);
    }
    let next = startBatch;
    let pending: { promise: Promise<Batch>; timer: ReturnType<typeof setTimeout> } | null = null;
    const schedule = () => {
      if (next >= total) return null;
      const index = next++;
      const { promise, resolve, reject } = Promise.withResolvers<Batch>();
      const timer = setTimeout(() => {
        try {
          resolve(this.batch(epoch, index));
        } catch (e) {
          reject(e);
        }
      }, 0);
      // Marks the rejection as handled here; the error still reaches the caller through next().
      promise.catch(() => {});
      return { promise, timer };
    };
    pending = schedule();
    return {
      [Symbol.asyncIterator]() {
        return this;
      },
      async next(): Promise<IteratorResult<Batch>> {
        if (!pending) return { done: true, value: undefined };
        const current = pending;
        pending = null;
        const batch = await current.promise;
        pending = schedule();
        return { done: false, value: batch };
      },
      return(): Promise<IteratorResult<Batch>> {
        if (pending) clearTimeout(pending.timer);
        pending = null;
        next = total;
        return Promise.resolve({ done: true, value: undefined });
      },
    };
  }
}

/**
 * Zero-padded crop at offset (dy, dx) relative to the image, then an optional horizontal flip:
 * out[y][x] = img[y + dy][(flip ? w - 1 - x : x) + dx], or 0 outside the image.
 */
function cropFlip(
  src: Uint8Array,
  dst: Float32Array,
  c: number,
  h: number,
  w: number,
  dy: number,
  dx: number,
  flip: boolean,
): void {
  for (let ch = 0; ch < c; ch++) {
    const plane = ch * h * w;
    for (let y = 0; y < h; y++) {
      const sy = y + dy;
      const row = plane + y * w;
      if (sy < 0 || sy >= h) {
        dst.fill(0, row, row + w);
        continue;
      }
      const srow = plane + sy * w;
      for (let x = 0; x < w; x++) {
        const sx = (flip ? w - 1 - x : x) + dx;
        dst[row + x] = sx >= 0 && sx < w ? U8_TO_UNIT[src[srow + sx]] : 0;
      }
    }
  }
}
