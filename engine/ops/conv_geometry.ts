/** A convolution's options and geometry (output size and argument checks), shared by all its passes. */
import type { Shape } from "../tensor.ts";
import { fmt } from "./util.ts";

export interface Conv2dOptions {
  /** Same stride along height and width (default 1). */
  stride?: number;
  /** Zero padding on every side (default 0). */
  padding?: number;
  /**
   * conv2d: the output goes next into a training-mode batchnorm, which may then take its statistics from
   * partial moments the convolution leaves where its kernel computes them (engine/ops/moments.ts).
   */
  batchMoments?: boolean;
}

export interface ConvGeometry {
  N: number;
  C: number;
  H: number;
  W: number;
  O: number;
  KH: number;
  KW: number;
  S: number;
  P: number;
  OH: number;
  OW: number;
}

/** Output size and argument checks shared by the forward and backward entry points. */
export function convGeometry(op: string, xShape: Shape, wShape: Shape, opts: Conv2dOptions): ConvGeometry {
  const S = opts.stride ?? 1;
  const P = opts.padding ?? 0;
  if (!Number.isInteger(S) || S < 1) {
    throw new RangeError(`${op}: stride must be a positive integer, got ${S}`);
  }
  if (!Number.isInteger(P) || P < 0) {
    throw new RangeError(`${op}: padding must be a non-negative integer, got ${P}`);
  }
  if (xShape.length !== 4) throw new RangeError(`${op}: x must be [N, C, H, W], got ${fmt(xShape)}`);
  if (wShape.length !== 4) throw new RangeError(`${op}: w must be [O, C, KH, KW], got ${fmt(wShape)}`);
  const [N, C, H, W] = xShape;
  const [O, Cw, KH, KW] = wShape;
  if (Cw !== C) {
    throw new RangeError(
      `${op}: w must be [O, ${C}, KH, KW] to match x ${fmt(xShape)} (C=${C}), got ${fmt(wShape)}`,
    );
  }
  if (KH < 1 || KW < 1) throw new RangeError(`${op}: kernel size must be at least 1x1, got w ${fmt(wShape)}`);
  const OH = Math.floor((H + 2 * P - KH) / S) + 1;
  const OW = Math.floor((W + 2 * P - KW) / S) + 1;
  if (OH < 1 || OW < 1) {
    throw new RangeError(
      `${op}: kernel ${KH}x${KW} with padding ${P} does not fit input ${H}x${W} (x ${fmt(xShape)}, w ${
        fmt(wShape)
      })`,
    );
  }
  // The kernels' float-reciprocal divisions are exact for quotients below ~4e6 (the quotients are
  // batch, row, channel and tap indices) and offsets are u32.
  if (Math.max(N, C, O, H, W, KH, KW) >= 1 << 20) {
    throw new RangeError(`${op}: x ${fmt(xShape)} with w ${fmt(wShape)} exceeds the supported sizes`);
  }
  if (N * Math.max(C, O) * Math.max(H * W, OH * OW) >= 2 ** 31) {
    throw new RangeError(
      `${op}: x ${fmt(xShape)} with w ${fmt(wShape)} has more than 2^31 elements per tensor`,
    );
  }
  return { N, C, H, W, O, KH, KW, S, P, OH, OW };
}

export const pad4 = (n: number) => Math.ceil(n / 4) * 4;
