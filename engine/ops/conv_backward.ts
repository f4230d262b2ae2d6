/**
 * conv2d's gradients: the input gradient (Winograd, a narrow kernel for at most 4 input channels, or the
 * direct kernel once per stride phase) and the weight gradient (Winograd, or split-K over the packed
 * input), both reading the output gradient in the forms one backward step shares (OutputGradient).
 */
import type { PendingGrads } from "../autograd.ts";
import type { TextureBindable } from "../recorder.ts";
import { type Shape, Tensor } from "../tensor.ts";
import { zeros } from "./elementwise_kernels.ts";
import { fmt } from "./util.ts";
import { winogradFits, winogradForward, winogradGradFits, winogradWeightGradient } from "./conv_winograd.ts";
import { heldVec4Texture, vec4Texture } from "./operand_texture.ts";
import { pointwiseFits, pointwiseInputGradient, pointwiseWeightGradient } from "./conv_pointwise.ts";
import { narrowInputGradient, narrowInputGradientFits } from "./conv_narrow.ts";
import { type Conv2dOptions, type ConvGeometry, convGeometry, pad4 } from "./conv_geometry.ts";
import { packActivations, packWeightsBackward } from "./conv_layout.ts";
import {
  activationTexture,
  dispatch,
  type PassArgs,
  plan,
  reduceSplits,
  sharedOperandTexture,
  splitsFor,
} from "./conv_pass.ts";

/** Gradient of conv2d with respect to its input: g [N, O, OH, OW], w [O, C, KH, KW] -> [N, C, H, W]. */
export function conv2dBackwardInput(gy: Tensor, w: Tensor, xShape: Shape, opts: Conv2dOptions = {}): Tensor {
  const op = "conv2d backward (input)";
  const g = convGeometry(op, xShape, w.shape, opts);
  checkGrad(op, gy, g);
  const grad = new OutputGradient(gy);
  const dx = inputGradient(grad, w, g, op);
  grad.dispose();
  return dx;
}

/**
 * The output gradient gy [N, O, OH, OW] of one backward step in the forms its passes read, each made when
 * first asked for and shared: packed [N, OH, OW, O4] (the direct input gradient), and copied as it is into
 * a texture (the Winograd passes).
 */
export class OutputGradient {
  #packed: Tensor | null = null;
  #texture: TextureBindable | null | undefined;
  constructor(readonly gy: Tensor) {}
  packed(): Tensor {
    return this.#packed ??= packActivations(this.gy);
  }
  /** gy's vec4s in a texture (null beyond the texture size), copied once in recording order. */
  texture(): TextureBindable | null {
    if (this.#texture === undefined) this.#texture = vec4Texture(this.gy, "winograd output gradient");
    return this.#texture;
  }
  dispose(): void {
    this.#packed?.dispose();
  }
}

/**
 * The input x of the convolution, where x is a ReLU's output: the input gradient is then masked by x > 0 in
 * the Winograd kernel's store where that kernel computes it (`applied` says whether it did), sparing the
 * ReLU's own masking pass.
 */
export interface ReluMask {
  readonly source: Tensor;
  applied: boolean;
}

/** conv2dBackwardInput on its checked geometry. */
export function inputGradient(
  grad: OutputGradient,
  w: Tensor,
  g: ConvGeometry,
  op: string,
  pending?: PendingGrads,
  mask?: ReluMask,
): Tensor {
  if (w.dtype !== "f32") throw new TypeError(`${op}: w must be f32, got ${w.dtype}`);
  const shape = [g.N, g.C, g.H, g.W];
  if (g.N * g.C * g.H * g.W === 0) return zeros(shape);
  if (g.O === 0) return zeros(shape);
  const gt = pointwiseFits(g, w) ? grad.texture() : null;
  const pointwise = gt && pointwiseInputGradient(gt, w, g);
  if (pointwise) return pointwise;
  const S = g.S;
  const O4 = pad4(g.O);
  const winograd = winogradInputGradient(grad, w, g, pending, mask);
  if (winograd) return winograd;
  const narrowFrom = narrowInputGradientFits(g, w) ? grad.texture() : null;
  if (narrowFrom) return narrowInputGradient(narrowFrom, w, g);
  const gp = grad.packed(); // [N, OH, OW, O4]
  const wb = packWeightsBackward(w);
  const phases: PassArgs[] = [];
  for (let ph = 0; ph < S; ph++) {
    for (let pw = 0; pw < S; pw++) {
      const Hp = Math.ceil((g.H - ph) / S), Wp = Math.ceil((g.W - pw) / S);
      if (Hp <= 0 || Wp <= 0) continue;
      // Taps kh with (ph + P - kh) % S == 0 reach this phase: kh0, kh0 + S, ...
      const kh0 = (ph + g.P) % S, kw0 = (pw + g.P) % S;
      const KHp = kh0 < g.KH ? Math.ceil((g.KH - kh0) / S) : 0;
      const KWp = kw0 < g.KW ? Math.ceil((g.KW - kw0) / S) : 0;
      phases.push({
        pass: 1,
        a: gp,
        b: wb,
        bias: null,
        g,
        M: g.N * Hp * Wp,
        NC: g.C,
        K: KHp * KWp * O4,
        D1: Hp,
        D2: Wp,
        CK: O4,
        TW: KWp,
        phase: { ph, pw, kh0, kw0, dh: (ph + g.P - kh0) / S, dw: (pw + g.P - kw0) / S },
        lanes: "rows",
        VA: 0,
      });
    }
  }
  const plans = phases.map((p) => plan(p));
  // One split count for all phases (each split slice must be written by every phase).
  let splits = 1;
  phases.forEach((p, i) => (splits = Math.max(splits, splitsFor(plans[i], p.K))));
  const size = g.N * g.C * g.H * g.W;
  const target = Tensor.empty(splits === 1 ? shape : [splits, ...shape], "f32", op);
  // The stride phases read the same weights: one texture copy serves them all.
  const wt = sharedOperandTexture(phases[0], plans[0]);
  const at = activationTexture(phases[0], phases.reduce((n, p) => n + p.M * p.NC * p.K, 0));
  phases.forEach((p, i) => dispatch(p, plans[i], target, splits, size, wt, at));
  wb.dispose();
  return reduceSplits(target, splits, shape);
}

/**
 * The input gradient by Winograd where it fits (winogradFits): for a 3x3 stride-1 padding-1 convolution it
 * is the same convolution of the output gradient (read as it is, NCHW, from its texture) with each kernel
 * w[o, c] turned by 180 degrees and the channels swapped. Where x's gradient from its other uses is already
 * summed (`pending`: a residual block's input), the kernel adds it as its residual, from a texture copy,
 * instead of a separate addition reading copies of both; with `mask`, it then zeroes the sum where x is not
 * positive. Null where it does not fit or the texture is not at hand.
 */
function winogradInputGradient(
  grad: OutputGradient,
  w: Tensor,
  g: ConvGeometry,
  pending?: PendingGrads,
  mask?: ReluMask,
): Tensor | null {
  const gt: ConvGeometry = { ...g, C: g.O, O: g.C };
  if (!winogradFits(gt)) return null;
  const at = grad.texture();
  if (!at) return null;
  const other = pending?.peek(0);
  const fits = other?.dtype === "f32" && other.shape.join() === [g.N, g.C, g.H, g.W].join();
  const rt = fits ? vec4Texture(other, "winograd accumulated gradient") : null;
  if (rt) pending!.take(0);
  const mt = mask ? vec4Texture(mask.source, "winograd relu mask") : null;
  if (mask && mt) mask.applied = true;
  return winogradForward({
    g: gt,
    w,
    flip: true,
    bias: null,
    scale: null,
    at,
    rt,
    relu: false,
    layout: "nchw",
    mt,
  });
}

/** Weight gradient from the packed input xp [N, H, W, C4]. */
export function backwardWeightPacked(gy: Tensor, xp: Tensor, g: ConvGeometry, op: string): Tensor {
  const shape = [g.O, g.C, g.KH, g.KW];
  const K = g.N * g.OH * g.OW;
  const NC = g.KH * g.KW * pad4(g.C);
  if (g.O * g.C === 0 || K === 0) return zeros(shape);
  const args: PassArgs = {
    pass: 2,
    a: gy,
    b: xp,
    bias: null,
    g,
    M: g.O,
    NC,
    K,
    D1: g.OH,
    D2: g.OW,
    CK: pad4(g.C),
    TW: g.KW,
    lanes: "cols",
    VA: (g.OH * g.OW) % 4 === 0 ? 1 : 0,
  };
  const pl = plan(args);
  const splits = splitsFor(pl, K);
  const size = g.O * g.C * g.KH * g.KW;
  const target = Tensor.empty(splits === 1 ? shape : [splits, ...shape], "f32", op);
  dispatch(args, pl, target, splits, size);
  return reduceSplits(target, splits, shape);
}

/**
 * The weight gradient by Winograd where it fits (winogradGradFits): x and the output gradient read as they
 * are, NCHW, from texture copies (the output gradient's shared with the input gradient). Null where it does
 * not fit or a texture is not at hand.
 */
export function winogradWeightGradientOf(grad: OutputGradient, x: Tensor, g: ConvGeometry): Tensor | null {
  if (!winogradGradFits(g) || x.dtype !== "f32") return null;
  const gt = grad.texture();
  if (!gt) return null;
  const xt = heldVec4Texture(x) ?? vec4Texture(x, "winograd input");
  return xt && winogradWeightGradient(g, xt, gt);
}

/** Gradient of conv2d with respect to its weight: g [N, O, OH, OW], x [N, C, H, W] -> [O, C, KH, KW]. */
export function conv2dBackwardWeight(gy: Tensor, x: Tensor, wShape: Shape, opts: Conv2dOptions = {}): Tensor {
  const op = "conv2d backward (weight)";
  const g = convGeometry(op, x.shape, wShape, opts);
  checkGrad(op, gy, g);
  if (x.dtype !== "f32") throw new TypeError(`${op}: x must be f32, got ${x.dtype}`);
  if (g.N * g.C * g.H * g.W === 0) return zeros([g.O, g.C, g.KH, g.KW]);
  const grad = new OutputGradient(gy);
  const dw = weightGradient(grad, x, g, op);
  grad.dispose();
  return dw;
}

/** The weight gradient from x itself: pointwise or by Winograd where it fits, else on x packed here. */
export function weightGradient(grad: OutputGradient, x: Tensor, g: ConvGeometry, op: string): Tensor {
  const gt = pointwiseFits(g, x) ? grad.texture() : null;
  const pointwise = gt && pointwiseWeightGradient(gt, x, g);
  if (pointwise) return pointwise;
  const winograd = winogradWeightGradientOf(grad, x, g);
  if (winograd) return winograd;
  const xp = packActivations(x);
  const dw = backwardWeightPacked(grad.gy, xp, g, op);
  xp.dispose();
  return dw;
}

export function checkGrad(op: string, gy: Tensor, g: ConvGeometry): void {
  const want = [g.N, g.O, g.OH, g.OW];
  if (gy.dtype !== "f32") throw new TypeError(`${op}: the output gradient must be f32, got ${gy.dtype}`);
  if (gy.rank !== 4 || gy.shape.some((d, i) => d !== want[i])) {
    throw new RangeError(`${op}: output gradient must be ${fmt(want)}, got ${fmt(gy.shape)}`);
  }
}
