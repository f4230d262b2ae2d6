/**
 * Bilinear resizing of u8 images as Pillow does it (torchvision's default `Resize` on PIL images):
 * a separable triangle filter whose support widens with the downscaling factor (so it averages,
 * i.e. antialiases, when shrinking), coefficients normalised per output pixel and quantised to
 * 22-bit fixed point, a horizontal pass to an intermediate u8 image, then a vertical pass.
 * Reproducing the fixed-point arithmetic and the intermediate rounding is what makes the output
 * match Pillow's bytes rather than just approximately.
 */

/** Pillow's PRECISION_BITS for 8-bit images: 32 - 8 (pixel) - 2 (headroom). */
const PRECISION_BITS = 22;

interface Coefficients {
  /** Per output pixel: first input index and tap count. */
  bounds: Int32Array;
  /** Per output pixel, `ksize` fixed-point weights. */
  weights: Int32Array;
  ksize: number;
}

/** Pillow's precompute_coeffs (bilinear filter, support 1) and normalize_coeffs_8bpc. */
function coefficients(inSize: number, outSize: number): Coefficients {
  const scale = inSize / outSize;
  const filterscale = Math.max(scale, 1);
  const support = filterscale; // bilinear support 1.0 x filterscale
  const ksize = Math.ceil(support) * 2 + 1;
  const bounds = new Int32Array(outSize * 2);
  const weights = new Int32Array(outSize * ksize);
  const k = new Float64Array(ksize);
  for (let xx = 0; xx < outSize; xx++) {
    const center = (xx + 0.5) * scale;
    const ss = 1 / filterscale;
    const xmin = Math.max(Math.trunc(center - support + 0.5), 0);
    const xmax = Math.min(Math.trunc(center + support + 0.5), inSize) - xmin;
    let ww = 0;
    for (let x = 0; x < xmax; x++) {
      const w = Math.max(0, 1 - Math.abs((x + xmin - center + 0.5) * ss));
      k[x] = w;
      ww += w;
    }
    for (let x = 0; x < ksize; x++) {
      const v = x < xmax && ww !== 0 ? k[x] / ww : 0;
      weights[xx * ksize + x] = Math.trunc(
        v < 0 ? -0.5 + v * (1 << PRECISION_BITS) : 0.5 + v * (1 << PRECISION_BITS),
      );
    }
    bounds[2 * xx] = xmin;
    bounds[2 * xx + 1] = xmax;
  }
  return { bounds, weights, ksize };
}

function clip8(v: number): number {
  if (v <= 0) return 0;
  const r = Math.floor(v / (1 << PRECISION_BITS));
  return r > 255 ? 255 : r;
}

/**
 * Resizes an interleaved (HWC) u8 image of `channels` channels from w x h to outW x outH with
 * Pillow's BILINEAR filter. A dimension that does not change is not filtered, as in Pillow.
 */
export function resizeBilinear(
  src: Uint8Array,
  w: number,
  h: number,
  channels: number,
  outW: number,
  outH: number,
): Uint8Array {
  if (src.length !== w * h * channels) {
    throw new RangeError(`image buffer holds ${src.length} bytes, expected ${w}x${h}x${channels}`);
  }
  if (!(outW >= 1 && outH >= 1)) throw new RangeError(`output size ${outW}x${outH} must be at least 1x1`);
  let img = src;
  let curW = w;
  if (outW !== w) {
    const { bounds, weights, ksize } = coefficients(w, outW);
    const out = new Uint8Array(outW * h * channels);
    for (let y = 0; y < h; y++) {
      const row = y * w * channels;
      for (let xx = 0; xx < outW; xx++) {
        const xmin = bounds[2 * xx];
        const n = bounds[2 * xx + 1];
        const kb = xx * ksize;
        for (let c = 0; c < channels; c++) {
          // Integer sums stay below 2^31 (255 x 2^22 x 1.x) and are exact in float64.
          let ss = 1 << (PRECISION_BITS - 1);
          for (let x = 0; x < n; x++) ss += img[row + (x + xmin) * channels + c] * weights[kb + x];
          out[(y * outW + xx) * channels + c] = clip8(ss);
        }
      }
    }
    img = out;
    curW = outW;
  }
  if (outH !== h) {
    const { bounds, weights, ksize } = coefficients(h, outH);
    const out = new Uint8Array(curW * outH * channels);
    const stride = curW * channels;
    for (let yy = 0; yy < outH; yy++) {
      const ymin = bounds[2 * yy];
      const n = bounds[2 * yy + 1];
      const kb = yy * ksize;
      for (let i = 0; i < stride; i++) {
        let ss = 1 << (PRECISION_BITS - 1);
        for (let y = 0; y < n; y++) ss += img[(y + ymin) * stride + i] * weights[kb + y];
        out[yy * stride + i] = clip8(ss);
      }
    }
    img = out;
  }
  return img === src ? src.slice() : img;
}
