/** In-memory image datasets as the data loaders consume them. */

/**
 * `count` images of `shape` = [channels, height, width] stored as u8, image after image, each in
 * CHW order (channel planes), and one label per image.
 */
export interface ImageDataset {
  readonly images: Uint8Array;
  /** u8 where classes fit (MNIST, CIFAR), int32 otherwise (ImageNet's 1000). */
  readonly labels: Uint8Array | Int32Array;
  readonly count: number;
  readonly shape: readonly [number, number, number];
  /** Class names indexed by label, where the dataset knows them. */
  readonly classes?: readonly string[];
}

/** Errors about a data file or directory; the message names the file and what was expected. */
export class DataError extends Error {
  override name = "DataError";
}

/** Checks the internal consistency of a dataset (sizes, label range), naming `what` on failure. */
export function checkDataset(ds: ImageDataset, what: string, numClasses?: number): void {
  const [c, h, w] = ds.shape;
  if (ds.images.length !== ds.count * c * h * w) {
    throw new DataError(`${what}: ${ds.images.length} image bytes, expected ${ds.count} x ${c}x${h}x${w}`);
  }
  if (ds.labels.length !== ds.count) {
    throw new DataError(`${what}: ${ds.labels.length} labels, expected ${ds.count}`);
  }
  if (numClasses !== undefined) {
    const bad = ds.labels.findIndex((l) => l >= numClasses);
    if (bad >= 0) {
      throw new DataError(`${what}: image ${bad} has label ${ds.labels[bad]}, expected 0-${numClasses - 1}`);
    }
  }
}

/** The first `limit` images of `ds` (all of them when limit < 0), for quick runs and partial evaluations. */
export function limitDataset(ds: ImageDataset, limit: number): ImageDataset {
  if (limit < 0 || limit >= ds.count) return ds;
  const per = ds.shape[0] * ds.shape[1] * ds.shape[2];
  return {
    ...ds,
    count: limit,
    images: ds.images.subarray(0, limit * per),
    labels: ds.labels.subarray(0, limit),
  };
}
