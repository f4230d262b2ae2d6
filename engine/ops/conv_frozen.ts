/**
 * relu?(conv(x, w) * scale + bias + residual) for frozen weights, with the gradients of x and the
 * residual: an attack on an eval-mode model (smoothing/attacks.ts) runs every convolution with its
 * folded batchnorm, residual and ReLU in the kernel's store, as certification does, where the layers one
 * by one spent two passes over each activation on the normalisation and its gradient.
 */
import { attach, needsGrad } from "../autograd.ts";
import { Tensor } from "../tensor.ts";
import { binaryRaw } from "./elementwise_kernels.ts";
import { checkPair } from "./matmul.ts";
import { fmt } from "./util.ts";
import { convGeometry } from "./conv_geometry.ts";
import { emptyForward, forward } from "./conv_forward.ts";
import { inputGradient, OutputGradient } from "./conv_backward.ts";
import { pointwiseFits, pointwiseForward } from "./conv_pointwise.ts";
import { checkChannelParams, type FusedOptions } from "./conv_inference.ts";

/**
 * x [N, C, H, W] and w [O, C, KH, KW] f32, `scale` and `bias` [O], `residual` shaped like the output. The
 * weights, scale and bias are constants here: none may require a gradient (train them through conv2d and
 * batchNorm2d). The gradient is masked by the output's sign where `relu`, and is the residual's as it is;
 * x's is the input gradient of the convolution with each kernel w[o] scaled by scale[o].
 */
export function conv2dFrozen(x: Tensor, w: Tensor, opts: FusedOptions<Tensor>): Tensor {
  const op = "conv2d (frozen)";
  checkPair(op, x, "x", w, "w");
  if (x.dtype !== "f32") throw new TypeError(`${op}: x and w must be f32, got ${x.dtype}`);
  const g = convGeometry(op, x.shape, w.shape, opts);
  checkChannelParams(op, g.O, opts);
  const bias = opts.bias ?? null, scale = opts.scale ?? null, residual = opts.residual ?? null;
  const outShape = [g.N, g.O, g.OH, g.OW];
  if (residual && (residual.dtype !== "f32" || residual.shape.join() !== outShape.join())) {
    throw new RangeError(
      `${op}: residual must be f32 ${fmt(outShape)}, got ${residual.dtype} ${fmt(residual.shape)}`,
    );
  }
  for (const [name, t] of [["w", w], ["bias", bias], ["scale", scale]] as const) {
    if (t?.requiresGrad) {
      throw new TypeError(`${op}: ${name} requires a gradient; the frozen convolution takes constants`);
    }
  }
  const relu = opts.relu ?? false;
  const epi = { scale, residual, relu };
  const grad = needsGrad(x, residual);
  // w with each kernel w[o] scaled by scale[o]: what x's gradient convolves with, and the weights of a 1 x 1
  // stride-2 shortcut (no residual or ReLU), whose pointwise kernel has no epilogue to scale in
  const pointwise = pointwiseFits(g, x, w) && !residual && !relu;
  const ws = (pointwise || (grad && x.requiresGrad)) ? scaledKernels(w, scale) : null;
  const y = (pointwise ? pointwiseForward(x, ws!, bias, g) : null) ?? emptyForward(g, bias, epi) ??
    forward(x, w, bias, g, epi);
  if (!grad) {
    ws?.dispose();
    return y;
  }
  const out = attach(
    y,
    op,
    [x, residual],
    [...(ws ? [ws] : []), ...(relu ? [y] : [])],
    (gOut, kept, pending) => {
      const [sw, sy] = ws ? kept : [null, kept[0]];
      const gy = sy ? binaryRaw("reluGrad", sy, gOut) : gOut;
      let dx: Tensor | null = null;
      if (sw && x.requiresGrad) {
        const grad = new OutputGradient(gy);
        dx = inputGradient(grad, sw, g, `${op} backward (input)`, pending);
        grad.dispose();
      }
      const dres = residual?.requiresGrad ? gy.view() : null;
      if (gy !== gOut) gy.dispose();
      return [dx, dres];
    },
  );
  ws?.dispose();
  return out;
}

/** w [O, C, KH, KW] with kernel w[o] times scale[o] (a view of w itself without a scale). */
function scaledKernels(w: Tensor, scale: Tensor | null): Tensor {
  if (!scale) return w.view();
  const sv = scale.view([scale.size, 1, 1, 1]);
  const ws = binaryRaw("mul", w, sv);
  sv.dispose();
  return ws;
}
