/**
 * Image files to model inputs, as torchvision reads them: JPEG (jpeg-js) and PNG (fast-png) decoded to
 * RGB as Pillow's convert("RGB") would, and the evaluation transform (resize the shorter side with
 * Pillow's bilinear filter, center crop). No file access: the bytes come from the caller, so the
 * browser page decodes an upload exactly as the command line decodes a file.
 */
import { convertIndexedToRgb, decode as decodePng } from "fast-png";
import jpeg from "jpeg-js";
import { DataError } from "./dataset.ts";
import { resizeBilinear } from "./resize.ts";

/** Decodes a JPEG or PNG file to interleaved RGB (HWC) u8, as Pillow's convert("RGB") would. */
export function decodeRgb(
  bytes: Uint8Array,
  path: string,
): { width: number; height: number; rgb: Uint8Array } {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    try {
      const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: false });
      return { width: img.width, height: img.height, rgb: img.data };
    } catch (e) {
      throw new DataError(`${path}: cannot decode JPEG: ${(e as Error).message}`);
    }
  }
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) {
    return decodePngRgb(bytes, path);
  }
  throw new DataError(`${path}: unsupported image format (only JPEG and PNG are decoded)`);
}

function decodePngRgb(bytes: Uint8Array, path: string): { width: number; height: number; rgb: Uint8Array } {
  let png;
  try {
    png = decodePng(bytes);
  } catch (e) {
    throw new DataError(`${path}: cannot decode PNG: ${(e as Error).message}`);
  }
  const { width, height } = png;
  let data = png.data;
  let channels = png.channels;
  if (png.palette) {
    data = convertIndexedToRgb(png);
    channels = data.length / (width * height);
  } else if (png.depth !== 8 && png.depth !== 16) {
    throw new DataError(`${path}: unsupported PNG bit depth ${png.depth} (expected 8 or 16)`);
  }
  const shift = !png.palette && png.depth === 16 ? 8 : 0;
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) {
    // Gray (+alpha) is replicated; alpha is dropped, as convert("RGB") does.
    for (let c = 0; c < 3; c++) rgb[3 * i + c] = data[i * channels + (channels < 3 ? 0 : c)] >> shift;
  }
  return { width, height, rgb };
}

/** Python's round() on a multiple of 0.5: halves go to the even neighbour. */
function roundHalfEven(v: number): number {
  const f = Math.floor(v);
  if (v - f !== 0.5) return Math.round(v);
  return f % 2 === 0 ? f : f + 1;
}

export interface EvalTransformOptions {
  /** Shorter side after resizing (torchvision Resize(256)). */
  resize?: number;
  /** Side of the center crop (torchvision CenterCrop(224)). */
  crop?: number;
}

/**
 * Resize(resize) then CenterCrop(crop) of an RGB (HWC) image, returned as u8 in CHW order;
 * dividing by 255 (`U8_TO_UNIT`) then gives ToTensor's values.
 */
export function evalTransform(
  rgb: Uint8Array,
  width: number,
  height: number,
  { resize = 256, crop = 224 }: EvalTransformOptions = {},
): Uint8Array {
  // torchvision: the shorter side becomes `resize`, the longer int(resize * long / short).
  let w = width;
  let h = height;
  if (!((w <= h && w === resize) || (h <= w && h === resize))) {
    if (w <= h) [w, h] = [resize, Math.trunc((resize * height) / width)];
    else [w, h] = [Math.trunc((resize * width) / height), resize];
  }
  const img = w === width && h === height ? rgb : resizeBilinear(rgb, width, height, 3, w, h);
  // center_crop: offsets round((size - crop) / 2); a smaller image is zero-padded around.
  const top = h >= crop ? roundHalfEven((h - crop) / 2) : -Math.floor((crop - h) / 2);
  const left = w >= crop ? roundHalfEven((w - crop) / 2) : -Math.floor((crop - w) / 2);
  const out = new Uint8Array(3 * crop * crop);
  for (let y = 0; y < crop; y++) {
    const sy = y + top;
    if (sy < 0 || sy >= h) continue;
    for (let x = 0; x < crop; x++) {
      const sx = x + left;
      if (sx < 0 || sx >= w) continue;
      for (let c = 0; c < 3; c++) out[c * crop * crop + y * crop + x] = img[(sy * w + sx) * 3 + c];
    }
  }
  return out;
}
