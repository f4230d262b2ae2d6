/**
 * Any PNG or JPEG as a model's input [C, H, W] in [0, 1]: decoded to RGB, the shorter side resized and
 * the center cropped to the model's size (torchvision's evaluation transform: 256 then 224 for ImageNet
 * models, straight to the input size for the small ones), reduced to one channel (luma, ITU-R BT.601)
 * for a gray model. An image already of the model's size and kind passes unchanged: the test images
 * shipped with the page give exactly the dataset's pixels.
 */
import { DataError } from "./dataset.ts";
import { decodeRgb, evalTransform } from "./image_decode.ts";
import { U8_TO_UNIT } from "./loader.ts";

export interface ImageInputOptions {
  /** 255 - v: a dark digit on light paper becomes MNIST's light digit on black. */
  invert?: boolean;
}

export interface ImageInput {
  /** [C, H, W] in [0, 1]. */
  data: Float32Array;
  /** The same as u8 CHW, for display. */
  pixels: Uint8Array;
  /** The decoded file's size. */
  width: number;
  height: number;
}

/** ImageNet models see the center 224 of the image resized to 256, as in training. */
const IMAGENET_RESIZE = 256;

/** `bytes` (a PNG or JPEG file; `name` labels the errors) as the input of a model taking `shape`. */
export function imageInput(
  bytes: Uint8Array,
  name: string,
  shape: readonly [number, number, number],
  { invert = false }: ImageInputOptions = {},
): ImageInput {
  const [c, h, w] = shape;
  if (h !== w || (c !== 1 && c !== 3)) {
    throw new DataError(
      `models taking [${shape.join(", ")}] inputs are not supported (square, 1 or 3 channels)`,
    );
  }
  const { width, height, rgb } = decodeRgb(bytes, name);
  const side = h === 224 ? IMAGENET_RESIZE : h;
  const chw = evalTransform(rgb, width, height, { resize: side, crop: h });
  const plane = h * w;
  const pixels = new Uint8Array(c * plane);
  if (c === 3) pixels.set(chw);
  else {
    for (let i = 0; i < plane; i++) {
      pixels[i] = Math.floor((299 * chw[i] + 587 * chw[plane + i] + 114 * chw[2 * plane + i] + 500) / 1000);
    }
  }
  if (invert) { for (let i = 0; i < pixels.length; i++) pixels[i] = 255 - pixels[i]; }
  return { data: Float32Array.from(pixels, (v) => U8_TO_UNIT[v]), pixels, width, height };
}
