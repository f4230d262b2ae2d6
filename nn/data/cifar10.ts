/**
 * CIFAR-10 in the official binary format: a directory with data_batch_1.bin ... data_batch_5.bin
 * and test_batch.bin, each 10,000 records of 1 label byte followed by 3,072 pixel bytes (the R, G
 * and B planes of a 32x32 image, rows top to bottom). `deno task data cifar10 --out DIR` builds it.
 */
import { join } from "node:path";
import { CIFAR10_CLASSES } from "./classes.ts";
import { DataError, type ImageDataset } from "./dataset.ts";

export { CIFAR10_CLASSES };

export type Cifar10Batch =
  | "data_batch_1"
  | "data_batch_2"
  | "data_batch_3"
  | "data_batch_4"
  | "data_batch_5"
  | "test_batch";

export const CIFAR10_BATCHES: Readonly<Record<"train" | "test", readonly Cifar10Batch[]>> = {
  train: ["data_batch_1", "data_batch_2", "data_batch_3", "data_batch_4", "data_batch_5"],
  test: ["test_batch"],
};

export const CIFAR10_RECORD_BYTES = 1 + 3 * 32 * 32;
export const CIFAR10_BATCH_RECORDS = 10_000;

/** Where `deno task data cifar10` puts the batches by default, and where the commands look for them. */
export const DEFAULT_CIFAR_DIR = "data/cifar-10-batches-bin";

/** Loads one split; errors name the missing or malformed file. */
export async function loadCifar10(dir: string, split: "train" | "test"): Promise<ImageDataset> {
  const files = CIFAR10_BATCHES[split];
  const count = files.length * CIFAR10_BATCH_RECORDS;
  const images = new Uint8Array(count * 3072);
  const labels = new Uint8Array(count);
  for (let f = 0; f < files.length; f++) {
    const path = join(dir, `${files[f]}.bin`);
    const bytes = await readBatch(path);
    decodeCifar10Batch(
      bytes,
      path,
      images.subarray(f * CIFAR10_BATCH_RECORDS * 3072),
      labels.subarray(f * CIFAR10_BATCH_RECORDS),
    );
  }
  return { images, labels, count, shape: [3, 32, 32], classes: CIFAR10_CLASSES };
}

async function readBatch(path: string): Promise<Uint8Array> {
  try {
    return await Deno.readFile(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) {
      throw new DataError(
        `${path}: CIFAR-10 batch file not found (build the directory with: deno task data cifar10 --out DIR)`,
      );
    }
    throw e;
  }
}

/** Splits one batch file into pixel planes and labels, validating its size and labels. */
export function decodeCifar10Batch(
  bytes: Uint8Array,
  path: string,
  images: Uint8Array,
  labels: Uint8Array,
): void {
  const expected = CIFAR10_BATCH_RECORDS * CIFAR10_RECORD_BYTES;
  if (bytes.length !== expected) {
    const records = bytes.length % CIFAR10_RECORD_BYTES === 0
      ? `${bytes.length / CIFAR10_RECORD_BYTES} records`
      : `not a whole number of ${CIFAR10_RECORD_BYTES}-byte records`;
    throw new DataError(
      `${path}: size ${bytes.length} bytes (${records}), expected ${CIFAR10_BATCH_RECORDS} records of ${CIFAR10_RECORD_BYTES} bytes = ${expected}`,
    );
  }
  for (let i = 0; i < CIFAR10_BATCH_RECORDS; i++) {
    const at = i * CIFAR10_RECORD_BYTES;
    if (bytes[at] > 9) {
      throw new DataError(`${path}: record ${i} has label ${bytes[at]}, expected 0-9 (corrupt file?)`);
    }
    labels[i] = bytes[at];
    images.set(bytes.subarray(at + 1, at + CIFAR10_RECORD_BYTES), i * 3072);
  }
}
