/**
 * relu?(conv(x, w) * scale + bias + residual) for frozen weights, with the gradients of x and the
 * residual: an attack on an eval-mode model (smoothing/attacks.ts) runs every convolution with its
 * folded batchnorm, residual and ReLU in the kernel's store, as certification does, where the layers one
 * by one spent two passes over each activation on the normalisation and its gradient.
 */
import { attach, isGradEnabled, needsGrad } from "../autograd.ts";
import { Tensor } from "../tensor.ts";
import { binaryRaw } from "./elementwise_kernels.ts";
import { checkPair } from "./matmul.ts";
import { fmt } from "./util.ts";
import { type Conv2dOptions, convGeometry } from "./conv_geometry.ts";
import { emptyForward, forward } from "./conv_forward.ts";
import { inputGradient, OutputGradient, type ReluMask } from "./conv_backward.ts";
import { pointwiseFits, pointwiseForward } from "./conv_pointwise.ts";
import { checkChannelParams } from "./conv_inference.ts";
import { holdWeights, releaseWeights } from "./held_weights.ts";

/**
 * A convolution's constant weights w [O, C, KH, KW] with its per-channel scale and bias ([O] each, or
 * null), and what the frozen convolution derives from them once, for any number of calls (an attack's
 * steps share one): the scaled kernels (`scaled`) and, through holdWeights, what the kernels derive from
 * w and them (Winograd's transformed weights, the direct kernel's packed ones). It holds its own
 * references (dispose it). A convolution with a graph refuses those that require a gradient; inference
 * (no graph) may hold a model's parameters.
 */
export class FrozenWeights {
  readonly w: Tensor;
  readonly scale: Tensor | null;
  readonly bias: Tensor | null;
  /** The first of w, bias and scale that required a gradient when these were made, or null. */
  readonly trainable: "w" | "bias" | "scale" | null;
  #scaled: Tensor | null = null;

  constructor(w: Tensor, scale: Tensor | null = null, bias: Tensor | null = null) {
    const op = "conv2d (frozen)";
    if (w.dtype !== "f32" || w.rank !== 4) {
      throw new TypeError(`${op}: w must be f32 [O, C, KH, KW], got ${w.dtype} ${fmt(w.shape)}`);
    }
    checkChannelParams(op, w.shape[0], { scale, bias });
    this.trainable =
      ([["w", w], ["bias", bias], ["scale", scale]] as const).find(([, t]) => t?.requiresGrad)?.[0] ??
        null;
    this.w = w.view().keep();
    this.scale = scale?.view().keep() ?? null;
    this.bias = bias?.view().keep() ?? null;
    holdWeights(this.w);
  }

  /** w with each kernel w[o] times scale[o]: what x's gradient convolves with. */
  scaled(): Tensor {
    if (!this.#scaled) {
      if (!this.scale) this.#scaled = this.w.view().keep();
      else {
        const sv = this.scale.view([this.scale.size, 1, 1, 1]);
        this.#scaled = binaryRaw("mul", this.w, sv).keep();
        sv.dispose();
      }
      holdWeights(this.#scaled);
    }
    return this.#scaled;
  }

  dispose(): void {
    for (const t of [this.w, this.#scaled]) if (t) releaseWeights(t);
    for (const t of [this.w, this.scale, this.bias, this.#scaled]) t?.dispose();
    this.#scaled = null;
  }
}

/**
 * x [N, C, H, W] f32 through the frozen weights `fw`, `residual` shaped like the output. The gradient is
 * masked by the output's sign where `relu`, and is the residual's as it is; x's is the input gradient of
 * the convolution with fw's scaled kernels.
 */
export function conv2dFrozen(
  x: Tensor,
  fw: FrozenWeights,
  opts: Conv2dOptions & { residual?: Tensor | null; relu?: boolean } = {},
): Tensor {
  const op = "conv2d (frozen)";
  const { w, scale, bias } = fw;
  checkPair(op, x, "x", w, "w");
  if (isGradEnabled() && fw.trainable) {
    throw new TypeError(`${op}: ${fw.trainable} requires a gradient; the frozen convolution takes constants`);
  }
  if (x.dtype !== "f32") throw new TypeError(`${op}: x must be f32, got ${x.dtype}`);
  const g = convGeometry(op, x.shape, w.shape, opts);
  const residual = opts.residual ?? null;
  const outShape = [g.N, g.O, g.OH, g.OW];
  if (residual && (residual.dtype !== "f32" || residual.shape.join() !== outShape.join())) {
    throw new RangeError(
      `${op}: residual must be f32 ${fmt(outShape)}, got ${residual.dtype} ${fmt(residual.shape)}`,
    );
  }
  const relu = opts.relu ?? false;
  const epi = { scale, residual, relu };
  // a 1 x 1 stride-2 shortcut (no residual or ReLU) by the pointwise kernel, which has no epilogue to
  // scale in: the scaled kernels instead
  const pointwise = pointwiseFits(g, x, w) && !residual && !relu;
  const y = (pointwise ? pointwiseForward(x, fw.scaled(), bias, g) : null) ?? emptyForward(g, bias, epi) ??
    forward(x, w, bias, g, epi);
  if (!needsGrad(x, residual)) return y;
  // x itself where a frozen convolution's ReLU made it: x's gradient is masked as it is computed
  const masks = x.requiresGrad && reluOutputs.has(x);
  const saved = [...(x.requiresGrad ? [fw.scaled()] : []), ...(masks ? [x] : []), ...(relu ? [y] : [])];
  const out = attach(y, op, [x, residual], saved, (gOut, kept, pending) => {
    const rest = [...kept];
    const sw = x.requiresGrad ? rest.shift()! : null;
    const sx = masks ? rest.shift()! : null;
    const sy = relu ? rest.shift()! : null;
    // gOut comes masked where the only use of y was a frozen convolution that masked its input gradient
    const gy = sy && !maskedGradients.has(gOut) ? binaryRaw("reluGrad", sy, gOut) : gOut;
    let dx: Tensor | null = null;
    if (sw) {
      const grad = new OutputGradient(gy);
      const mask: ReluMask | undefined = sx && pending.flows(0) ? { source: sx, applied: false } : undefined;
      dx = inputGradient(grad, sw, g, `${op} backward (input)`, pending, mask);
      if (mask?.applied) maskedGradients.add(dx);
      grad.dispose();
    }
    const dres = residual?.requiresGrad ? gy.view() : null;
    if (gy !== gOut) gy.dispose();
    return [dx, dres];
  });
  if (relu) reluOutputs.add(out);
  return out;
}

/** Outputs of frozen convolutions with a ReLU: their gradient may be masked by the convolution using them. */
const reluOutputs = new WeakSet<Tensor>();

/**
 * Input gradients a frozen convolution computed masked by its input's ReLU (x > 0), after adding x's
 * other uses' gradients (pending), where x's gradient flows on to the ReLU's convolution (pending.flows):
 * where one reaches that convolution as its whole output gradient, it skips its own masking pass. Masking
 * twice changes nothing, so any other sum is masked again as usual.
 */
const maskedGradients = new WeakSet<Tensor>();
