/**
 * A model input [C, H, W] in [0, 1] as a PNG file, the way the reference scripts save one
 * (torchvision's `ToPILImage()(x).save(...)`): the float is scaled by 255 in float32 and truncated to
 * a byte (`x.mul(255).byte()`, so 0.999 becomes 254, not 255), one channel as 8-bit gray, three as
 * 8-bit RGB. Encoding is fast-png's, the package that already decodes PNG inputs.
 */
import { encode as encodePng } from "fast-png";
import { DataError } from "./dataset.ts";

/** The bytes torchvision writes for a [0, 1] value: trunc(fround(v * 255)), in [0, 255]. */
export function unitToByte(v: number): number {
  // values outside [0, 1] do not occur in the reference's calls (clamped images); saturate rather than wrap
  return Math.min(255, Math.max(0, Math.trunc(Math.fround(v * 255))));
}

/** PNG bytes of `data` ([C, H, W] planar, C = 1 or 3, values in [0, 1]). */
export function imagePng(data: Float32Array, shape: readonly [number, number, number]): Uint8Array {
  const [c, h, w] = shape;
  if (c !== 1 && c !== 3) throw new DataError(`a PNG needs 1 or 3 channels, got [${shape.join(", ")}]`);
  if (data.length !== c * h * w) {
    throw new DataError(`${data.length} values do not fill an image of [${shape.join(", ")}]`);
  }
  // PNG stores pixels interleaved (HWC), the models planar (CHW)
  const pixels = new Uint8Array(c * h * w);
  for (let ch = 0; ch < c; ch++) {
    for (let p = 0; p < h * w; p++) pixels[p * c + ch] = unitToByte(data[ch * h * w + p]);
  }
  return encodePng({ width: w, height: h, data: pixels, channels: c, depth: 8 });
}
