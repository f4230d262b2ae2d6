/**
 * 2-D convolution (NCHW, OIHW weights, zero padding, any kernel size, any stride) with autograd. The
 * passes are implicit GEMMs in shaders/conv2d.wgsl (conv_pass.ts) or Winograd on the software adapter
 * (conv_winograd.ts); conv_forward.ts and conv_backward.ts hold the forward pass and the gradients,
 * conv_inference.ts the packed inference API. The f16 inference path uses shaders/conv2d_f16.wgsl.
 */
import { attach, needsGrad, type PendingGrads } from "../autograd.ts";
import { Tensor } from "../tensor.ts";
import { zeros } from "./elementwise_kernels.ts";
import { checkPair } from "./matmul.ts";
import { sum } from "./reduce.ts";
import { fmt } from "./util.ts";
import { winogradGradFits } from "./conv_winograd.ts";
import { pointwiseFits } from "./conv_pointwise.ts";
import { narrowForward, narrowForwardFits } from "./conv_narrow.ts";
import { type Conv2dOptions, convGeometry } from "./conv_geometry.ts";
import { packActivations, useIm2col } from "./conv_layout.ts";
import { emptyForward, forward, forwardPacked, winogradNchwForward } from "./conv_forward.ts";
import {
  backwardWeightPacked,
  checkGrad,
  inputGradient,
  OutputGradient,
  weightGradient,
  winogradWeightGradientOf,
} from "./conv_backward.ts";

/** Forward convolution without autograd. */
export function conv2dRaw(x: Tensor, w: Tensor, bias: Tensor | null, opts: Conv2dOptions = {}): Tensor {
  const g = convGeometry("conv2d", x.shape, w.shape, opts);
  const empty = emptyForward(g, bias);
  if (empty) return empty;
  return forward(x, w, bias, g);
}

/**
 * 2-D convolution: x [N, C, H, W], w [O, C, KH, KW], optional bias [O] -> [N, O, OH, OW] with
 * OH = floor((H + 2*padding - KH) / stride) + 1. Both f32 (differentiable) or both f16 (inference).
 */
export function conv2d(x: Tensor, w: Tensor, bias: Tensor | null, opts: Conv2dOptions = {}): Tensor {
  const op = "conv2d";
  checkPair(op, x, "x", w, "w");
  const g = convGeometry(op, x.shape, w.shape, opts);
  if (bias) {
    if (bias.dtype !== "f32") {
      throw new TypeError(`${op}: bias must be f32, got ${bias.dtype} ${fmt(bias.shape)}`);
    }
    if (bias.rank !== 1 || bias.shape[0] !== g.O) {
      throw new RangeError(`${op}: bias must be [${g.O}] for w ${fmt(w.shape)}, got ${fmt(bias.shape)}`);
    }
  }
  const empty = emptyForward(g, bias);
  if (empty) {
    return attach(empty, op, [x, w, bias], [], (gy) => [
      x.requiresGrad ? zeros(x.shape) : null,
      w.requiresGrad ? zeros(w.shape) : null,
      bias?.requiresGrad ? sum(gy, [0, 2, 3]) : null,
    ]);
  }
  const wop = "conv2d backward (weight)";
  const grads = (
    gy: Tensor,
    sw: Tensor,
    weightGrad: (grad: OutputGradient) => Tensor,
    pending: PendingGrads,
  ) => {
    checkGrad(op, gy, g);
    // gy packed or copied once, for both gradients
    const grad = new OutputGradient(gy);
    const out = [
      x.requiresGrad ? inputGradient(grad, sw, g, "conv2d backward (input)", pending) : null,
      w.requiresGrad ? weightGrad(grad) : null,
      bias?.requiresGrad ? sum(gy, [0, 2, 3]) : null,
    ];
    grad.dispose();
    return out;
  };
  // By Winograd, a narrow or a pointwise kernel, x itself serves the forward pass and, saved, the weight
  // gradient; an im2col copy (one input channel) serves only the forward pass, and the weight gradient
  // packs x when it is needed.
  // (x's texture held from the forward pass to the weight gradient, where there is one)
  const hold = needsGrad(x, w, bias);
  const winograd = winogradNchwForward(x, w, bias, g, undefined, hold, opts.batchMoments);
  const narrow = !winograd && narrowForwardFits(g, x, w)
    ? narrowForward(x, w, { bias, scale: null, relu: false }, g, hold)
    : null;
  if (winograd || narrow || useIm2col(x, g) || pointwiseFits(g, x, w)) {
    const y = winograd ?? narrow ?? forward(x, w, bias, g);
    return attach(
      y,
      op,
      [x, w, bias],
      [x, w],
      (gy, [sx, sw], pending) => grads(gy, sw, (d) => weightGradient(d, sx, g, wop), pending),
    );
  }
  // The channels-last copy of x serves the forward pass and, saved, the weight gradient (and x itself, where
  // the weight gradient is Winograd's).
  const xp = packActivations(x);
  const y = forwardPacked(xp, w, bias, g);
  const keepX = winogradGradFits(g) && x.dtype === "f32";
  const out = attach(
    y,
    op,
    [x, w, bias],
    keepX ? [xp, w, x] : [xp, w],
    (gy, [sxp, sw, sx], pending) =>
      grads(
        gy,
        sw,
        (d) => (sx && winogradWeightGradientOf(d, sx, g)) ?? backwardWeightPacked(gy, sxp, g, wop),
        pending,
      ),
  );
  xp.dispose();
  return out;
}
