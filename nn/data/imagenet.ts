/**
 * ImageNet in the usual class-folder layout (`<root>/<split>/<class>/<image>`), indexed exactly as
 * torchvision's ImageFolder does (sorted class names -> 0, 1, ...; files in sorted order), with the
 * standard evaluation transform: resize the shorter side to 256 with Pillow's bilinear filter,
 * center-crop 224, scale to [0, 1].
 *
 * JPEG decoding uses jpeg-js, whose IDCT and chroma upsampling differ slightly from libjpeg-turbo's
 * (Pillow's decoder), so decoded pixels may differ by a few levels from what PyTorch sees; the resize
 * and crop reproduce Pillow and torchvision exactly on the decoded pixels.
 */
import { join } from "node:path";
import { DataError, type ImageDataset } from "./dataset.ts";
import { decodeRgb, evalTransform, type EvalTransformOptions } from "./image_decode.ts";
import { U8_TO_UNIT } from "./loader.ts";

export { decodeRgb, evalTransform, type EvalTransformOptions };

/** torchvision's IMG_EXTENSIONS: files ImageFolder indexes (matched case-insensitively). */
export const IMG_EXTENSIONS = [".jpg", ".jpeg", ".png", ".ppm", ".bmp", ".pgm", ".tif", ".tiff", ".webp"];

export interface ImageFolder {
  root: string;
  classes: string[];
  samples: { path: string; label: number }[];
}

/** Python's string order (by code point), which ImageFolder's `sorted` uses. */
function comparePy(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0)! - y[i].codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

async function isDirectory(path: string, entry: Deno.DirEntry): Promise<boolean> {
  // ImageFolder follows symbolic links (os.walk(followlinks=True)).
  if (entry.isSymlink) return (await Deno.stat(path)).isDirectory;
  return entry.isDirectory;
}

/** Indexes `root` like torchvision.datasets.ImageFolder(root). */
export async function scanImageFolder(root: string): Promise<ImageFolder> {
  const classes: string[] = [];
  try {
    for await (const e of Deno.readDir(root)) {
      if (await isDirectory(join(root, e.name), e)) classes.push(e.name);
    }
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) throw new DataError(`${root}: image folder not found`);
    throw e;
  }
  if (classes.length === 0) {
    throw new DataError(`${root}: no class subdirectories found (expected <root>/<class>/<image>)`);
  }
  classes.sort(comparePy);
  const samples: { path: string; label: number }[] = [];
  for (let label = 0; label < classes.length; label++) {
    // sorted(os.walk(dir)): every directory under the class, ordered by path, files sorted within.
    const dirs: { path: string; files: string[] }[] = [];
    const walk = async (dir: string) => {
      const files: string[] = [];
      for await (const e of Deno.readDir(dir)) {
        const p = join(dir, e.name);
        if (await isDirectory(p, e)) await walk(p);
        else if (IMG_EXTENSIONS.some((x) => e.name.toLowerCase().endsWith(x))) files.push(e.name);
      }
      dirs.push({ path: dir, files: files.sort(comparePy) });
    };
    await walk(join(root, classes[label]));
    dirs.sort((a, b) => comparePy(a.path, b.path));
    for (const d of dirs) for (const f of d.files) samples.push({ path: join(d.path, f), label });
  }
  // Like torchvision, refuse a class without images rather than keep an index nothing can predict.
  const perClass = new Array<number>(classes.length).fill(0);
  for (const s of samples) perClass[s.label]++;
  const empty = classes.filter((_, label) => perClass[label] === 0);
  if (empty.length > 0) {
    throw new DataError(
      `${root}: no image files (${IMG_EXTENSIONS.join(" ")}) for class(es) ${empty.join(", ")}`,
    );
  }
  return { root, classes, samples };
}

/** One image through the evaluation transform, as u8 CHW. */
export async function loadEvalImageU8(path: string, options: EvalTransformOptions = {}): Promise<Uint8Array> {
  const { width, height, rgb } = decodeRgb(await Deno.readFile(path), path);
  return evalTransform(rgb, width, height, options);
}

/** One image through the evaluation transform, as float32 CHW in [0, 1]. */
export async function loadEvalImage(path: string, options: EvalTransformOptions = {}): Promise<Float32Array> {
  const u8 = await loadEvalImageU8(path, options);
  return Float32Array.from(u8, (v) => U8_TO_UNIT[v]);
}

export interface EvalSubsetOptions extends EvalTransformOptions {
  /** Take every `every`-th image (ImageNet certification uses 100). */
  every?: number;
  /** Index of the first image taken. */
  offset?: number;
  /** At most this many images. */
  limit?: number;
}

/**
 * Loads a subset of `<root>/<split>` through the evaluation transform into memory (u8 CHW, ready
 * for DataLoader). `indices` in the result name the positions in the full ImageFolder order.
 */
export async function loadImagenetEval(
  root: string,
  split: "train" | "val",
  options: EvalSubsetOptions = {},
): Promise<ImageDataset & { indices: number[] }> {
  const { every = 1, offset = 0, limit = Infinity, crop = 224 } = options;
  if (!Number.isInteger(every) || every < 1) {
    throw new DataError(`every must be a positive integer, found ${every}`);
  }
  const folder = await scanImageFolder(join(root, split));
  const indices: number[] = [];
  for (let i = offset; i < folder.samples.length && indices.length < limit; i += every) indices.push(i);
  const per = 3 * crop * crop;
  const images = new Uint8Array(indices.length * per);
  const labels = new Int32Array(indices.length);
  for (let k = 0; k < indices.length; k++) {
    const s = folder.samples[indices[k]];
    images.set(await loadEvalImageU8(s.path, options), k * per);
    labels[k] = s.label;
  }
  return { images, labels, count: indices.length, shape: [3, crop, crop], classes: folder.classes, indices };
}
