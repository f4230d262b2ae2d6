/** Layers with PyTorch's parameter names, shapes and initialisations. */
import {
  add,
  binaryRaw,
  div,
  foldBatchNorm,
  isGradEnabled,
  noGrad,
  relu,
  sub,
  Tensor,
} from "../engine/mod.ts";
import { batchNorm2d } from "../engine/ops/batchnorm.ts";
import { conv2d } from "../engine/ops/conv.ts";
import { conv2dFrozen, FrozenWeights } from "../engine/ops/conv_frozen.ts";
import {
  conv2dAfterFirstPacked,
  conv2dFused,
  conv2dFusedPacked,
  type FusedOptions,
  type PackedActivations,
} from "../engine/ops/conv_inference.ts";
import { linear } from "../engine/ops/matmul.ts";
import { avgPool2d, globalAvgPool2d, maxPool2d } from "../engine/ops/pool.ts";
import { cast, flatten, permute } from "../engine/ops/layout.ts";
import { full } from "../engine/ops/elementwise_kernels.ts";
import type { InitRng } from "./init.ts";
import { Module } from "./module.ts";

/** Arithmetic precision of conv/linear in eval mode: f16 storage with f32 accumulation where offered. */
export type Precision = "f32" | "f16";

/**
 * "he": N(0, sqrt(2 / (k*k*out))) as the reference CIFAR/ImageNet ResNets initialise convolutions;
 * "default": PyTorch's default U(-1/sqrt(fan_in), 1/sqrt(fan_in)) for weight and bias.
 */
export type ConvInit = "he" | "default";

export interface Conv2dOptions {
  stride?: number;
  padding?: number;
  bias?: boolean;
  init?: ConvInit;
}

export class Conv2d extends Module {
  readonly stride: number;
  readonly padding: number;
  precision: Precision = "f32";

  constructor(
    readonly inChannels: number,
    readonly outChannels: number,
    readonly kernel: number,
    rng: InitRng,
    opts: Conv2dOptions = {},
  ) {
    super();
    this.stride = opts.stride ?? 1;
    this.padding = opts.padding ?? 0;
    const n = outChannels * inChannels * kernel * kernel;
    const fanIn = inChannels * kernel * kernel;
    const bound = 1 / Math.sqrt(fanIn);
    const w = (opts.init ?? "default") === "he"
      ? rng.normalArray(n, Math.sqrt(2 / (kernel * kernel * outChannels)))
      : rng.uniformArray(n, -bound, bound);
    this.param("weight", Tensor.from(w, [outChannels, inChannels, kernel, kernel], "f32", "conv weight"));
    this.hasBias = opts.bias ?? true;
    if (this.hasBias) {
      this.param(
        "bias",
        Tensor.from(rng.uniformArray(outChannels, -bound, bound), [outChannels], "f32", "conv bias"),
      );
    }
  }

  private readonly hasBias: boolean;

  get weight(): Tensor {
    return this.getParam("weight");
  }

  get bias(): Tensor | null {
    return this.hasBias ? this.getParam("bias") : null;
  }

  /**
   * conv then ReLU as one convolution with the ReLU in its store: in inference, and in an attack on a frozen
   * model (the MNIST CNN's layers), where the gradient is then masked by the output's sign as the frozen
   * convolution computes it, with no ReLU passes of its own.
   */
  override forwardFused(next: Module, x: Tensor): Tensor | null {
    return next instanceof ReLU && (fusable(this) || frozen(this, null))
      ? convBnAct(this, null, x, { relu: true })
      : null;
  }

  forward(x: Tensor): Tensor {
    return this.forwardInto(x, false);
  }

  /**
   * forward, telling the convolution whether a training-mode batchnorm normalises its output next (it may
   * then compute the batch statistics as it writes the output: engine/ops/moments.ts).
   */
  forwardInto(x: Tensor, batchNorm: boolean): Tensor {
    const opts = { stride: this.stride, padding: this.padding };
    if (this.precision === "f16" && !this.training) {
      // inference only: the f16 kernels have no backward
      return noGrad(() => conv2d(cast(x, "f16"), cast(this.weight, "f16"), this.bias, opts));
    }
    return conv2d(x, this.weight, this.bias, { ...opts, batchMoments: batchNorm });
  }
}

export class Linear extends Module {
  private readonly hasBias: boolean;
  precision: Precision = "f32";

  constructor(
    readonly inFeatures: number,
    readonly outFeatures: number,
    rng: InitRng,
    opts: { bias?: boolean } = {},
  ) {
    super();
    const bound = 1 / Math.sqrt(inFeatures);
    this.param(
      "weight",
      Tensor.from(
        rng.uniformArray(inFeatures * outFeatures, -bound, bound),
        [outFeatures, inFeatures],
        "f32",
        "linear weight",
      ),
    );
    this.hasBias = opts.bias ?? true;
    if (this.hasBias) {
      this.param(
        "bias",
        Tensor.from(rng.uniformArray(outFeatures, -bound, bound), [outFeatures], "f32", "linear bias"),
      );
    }
  }

  get weight(): Tensor {
    return this.getParam("weight");
  }

  get bias(): Tensor | null {
    return this.hasBias ? this.getParam("bias") : null;
  }

  forward(x: Tensor): Tensor {
    if (this.precision === "f16" && !this.training) {
      return noGrad(() => linear(cast(x, "f16"), cast(this.weight, "f16"), this.bias));
    }
    return linear(x, this.weight, this.bias);
  }
}

export class BatchNorm2d extends Module {
  private readonly tracked;

  constructor(readonly channels: number, readonly eps = 1e-5, readonly momentum = 0.1) {
    super();
    this.param("weight", full([channels], 1));
    this.param("bias", full([channels], 0));
    this.buffer("running_mean", full([channels], 0));
    this.buffer("running_var", full([channels], 1));
    this.tracked = this.counter("num_batches_tracked", 0);
  }

  get numBatchesTracked(): number {
    return this.tracked.value;
  }

  get runningMean(): Tensor {
    return this.getBuffer("running_mean");
  }

  get runningVar(): Tensor {
    return this.getBuffer("running_var");
  }

  /** Eval-mode batchnorm as a per-channel affine map: y = x * scale + shift. */
  folded(): { scale: Tensor; shift: Tensor } {
    return foldBatchNorm(
      this.getParam("weight"),
      this.getParam("bias"),
      this.runningMean,
      this.runningVar,
      this.eps,
    );
  }

  forward(x: Tensor): Tensor {
    return this.forwardTail(x, {});
  }

  /** relu?(bn(x) + residual?): the tail of a ResNet block, applied in the normalising pass when training. */
  forwardTail(x: Tensor, tail: { residual?: Tensor | null; relu?: boolean }): Tensor {
    if (this.training) this.tracked.value++;
    return batchNorm2d(x, this.getParam("weight"), this.getParam("bias"), this.runningMean, this.runningVar, {
      training: this.training,
      momentum: this.momentum,
      eps: this.eps,
      ...tail,
    });
  }
}

export class ReLU extends Module {
  forward(x: Tensor): Tensor {
    return relu(x);
  }
}

export class Flatten extends Module {
  forward(x: Tensor): Tensor {
    return flatten(x, 1);
  }
}

export class AvgPool2d extends Module {
  constructor(readonly kernel: number) {
    super();
  }

  forward(x: Tensor): Tensor {
    return avgPool2d(x, this.kernel);
  }
}

/** Adaptive average pooling to 1x1 followed by flatten: [N,C,H,W] -> [N,C]. */
export class GlobalAvgPool extends Module {
  forward(x: Tensor): Tensor {
    return globalAvgPool2d(x);
  }
}

export class MaxPool2d extends Module {
  constructor(readonly kernel: number, readonly stride: number, readonly padding: number) {
    super();
  }

  forward(x: Tensor): Tensor {
    return maxPool2d(x, { kernel: this.kernel, stride: this.stride, padding: this.padding });
  }
}

export type NormalizeMode = "full" | "mean" | "none";

export const CIFAR10_MEAN = [0.4914, 0.4822, 0.4465];
export const CIFAR10_STD = [0.2023, 0.1994, 0.2010];
export const IMAGENET_MEAN = [0.485, 0.456, 0.406];
export const IMAGENET_STD = [0.229, 0.224, 0.225];

/**
 * The model's first layer: (x - mean) / std per channel ("full"), x - mean ("mean"), or identity.
 * It has no state-dict keys, as in the reference code, so checkpoints do not say which one they need.
 */
export class Normalize extends Module {
  private readonly meanT: Tensor | null;
  private readonly stdT: Tensor | null;

  constructor(
    readonly mode: NormalizeMode,
    private readonly mean: readonly number[],
    private readonly std: readonly number[],
  ) {
    super();
    const c = mean.length;
    this.meanT = mode === "none" ? null : Tensor.from(mean, [1, c, 1, 1], "f32", "normalize mean").keep();
    this.stdT = mode === "full" ? Tensor.from(std, [1, c, 1, 1], "f32", "normalize std").keep() : null;
  }

  forward(x: Tensor): Tensor {
    if (this.mode === "none") return x;
    const centered = sub(x, this.meanT!);
    return this.mode === "full" ? div(centered, this.stdT!) : centered;
  }

  /** At inference the next module may fold (x - mean) / std into its first pass (a CIFAR ResNet's packing). */
  override forwardFused(next: Module, x: Tensor): Tensor | null {
    if (this.mode === "none" || !fusable(this)) return null;
    const scale = this.std.map((s) => this.mode === "full" ? 1 / s : 1);
    return next.forwardAffineInput(x, scale, this.mean.map((m, c) => -m * scale[c]));
  }

  protected override disposeExtra(): void {
    this.meanT?.dispose();
    this.stdT?.dispose();
  }
}

/** Inference without a graph can fold batchnorm and fuse the block tail into the convolution. */
function fusable(...mods: (Module | null)[]): boolean {
  return !isGradEnabled() && mods.every((m) => !m || !m.training);
}

/**
 * Whether conv (and bn) run as constants with a graph: eval mode, f32, no parameter that requires a
 * gradient (an attack on a frozen model, smoothing/attacks.ts withFrozenEval).
 */
function frozen(conv: Conv2d, bn: BatchNorm2d | null): boolean {
  return !conv.training && !bn?.training && conv.precision === "f32" &&
    [conv, ...(bn ? [bn] : [])].every((m) => m.parameters().every((p) => !p.requiresGrad));
}

/** conv's weights with bn folded into a per-channel scale and shift, as constants. */
function frozenWeights(conv: Conv2d, bn: BatchNorm2d | null): FrozenWeights {
  const { scale, bias } = fusedOptions(conv, bn, { relu: false });
  const fw = new FrozenWeights(conv.weight, scale, bias);
  // fw holds its own references; the folded tensors are this function's
  if (bn) { for (const t of [scale, bias]) t?.dispose(); }
  return fw;
}

/** Each convolution's frozen weights while withFrozenWeights runs (null otherwise: built per pass). */
let frozenCache: Map<Conv2d, FrozenWeights> | null = null;

/** conv's (and bn's) weights held for the current withFrozenWeights, or null outside one. */
function heldWeights(conv: Conv2d, bn: BatchNorm2d | null): FrozenWeights | null {
  if (!frozenCache) return null;
  let fw = frozenCache.get(conv);
  if (!fw) frozenCache.set(conv, fw = frozenWeights(conv, bn));
  return fw;
}

/**
 * fn with the parameters of every model it runs held constant (an attack's steps on a frozen model, a
 * certification's batches): the fused convolutions fold each batchnorm, scale each kernel and transform
 * Winograd's weights once for all of fn's passes, not once per pass. The caller changes no parameter or
 * running statistic inside fn.
 */
export async function withFrozenWeights<T>(fn: () => Promise<T>): Promise<T> {
  const outer = frozenCache;
  const cache = frozenCache = new Map();
  try {
    return await fn();
  } finally {
    for (const fw of cache.values()) fw.dispose();
    frozenCache = outer;
  }
}

/**
 * relu?(bn(conv(x)) + residual). In eval mode this is one convolution whose epilogue applies the folded
 * batchnorm (scale, shift), the residual and the ReLU: without a graph (inference), or with the gradients
 * of x and the residual where the parameters are frozen (attacks); otherwise (training) the layers run one
 * by one.
 */
export function convBnAct(
  conv: Conv2d,
  bn: BatchNorm2d | null,
  x: Tensor,
  opts: { residual?: Tensor | null; relu: boolean },
): Tensor {
  if (!fusable(conv, bn) && frozen(conv, bn)) {
    const held = heldWeights(conv, bn);
    const fw = held ?? frozenWeights(conv, bn);
    const y = conv2dFrozen(x, fw, { stride: conv.stride, padding: conv.padding, ...opts });
    if (!held) fw.dispose();
    return y;
  }
  if (!fusable(conv, bn)) {
    const y = conv.forwardInto(x, bn?.training ?? false);
    if (bn) return bn.forwardTail(y, opts);
    const r = opts.residual ? add(y, opts.residual) : y;
    return opts.relu ? relu(r) : r;
  }
  const half = conv.precision === "f16";
  return conv2dFused(
    half ? cast(x, "f16") : x,
    half ? cast(conv.weight, "f16") : conv.weight,
    fusedOptions(conv, bn, opts),
  );
}

/**
 * The fused convolution's options for conv followed by an eval-mode batchnorm (folded into a
 * per-channel scale and shift), a residual and a ReLU.
 */
function fusedOptions<R>(
  conv: Conv2d,
  bn: BatchNorm2d | null,
  opts: { residual?: R | null; relu: boolean },
): FusedOptions<R> {
  let scale: Tensor | null = null;
  let shift = conv.bias;
  if (bn) {
    const f = bn.folded();
    scale = f.scale;
    // a conv bias b becomes b * scale + shift
    shift = conv.bias ? add(binaryRaw("mul", conv.bias, f.scale), f.shift) : f.shift;
  }
  const { stride, padding } = conv;
  return { stride, padding, bias: shift, scale, residual: opts.residual ?? null, relu: opts.relu };
}

/**
 * Whether a model's inference can chain its convolutions on packed activations (convBnActPacked): no
 * graph, every module in eval mode, f32 convolutions and linear layers.
 */
export function packedInference(model: Module): boolean {
  const mods = model.modules().map(([, m]) => m);
  return fusable(...mods) &&
    mods.every((m) => !(m instanceof Conv2d || m instanceof Linear) || m.precision === "f32");
}

/**
 * convBnAct on activations in the convolution kernels' packed layout (see engine/ops/conv_inference.ts
 * PackedActivations), for inference only (packedInference): the output stays packed for the next
 * convolution, so no pass repacks between them.
 */
export function convBnActPacked(
  conv: Conv2d,
  bn: BatchNorm2d | null,
  x: Tensor | PackedActivations,
  opts: { residual?: PackedActivations | null; relu: boolean },
): PackedActivations {
  const held = heldWeights(conv, bn);
  if (!held) return conv2dFusedPacked(x, conv.weight, fusedOptions(conv, bn, opts));
  const { stride, padding } = conv;
  return conv2dFusedPacked(x, held.w, { stride, padding, bias: held.bias, scale: held.scale, ...opts });
}

/**
 * relu(conv_n(... relu(conv_1(x)))) for inference (packedInference), from x [N, C, H, W] into packed
 * activations: nothing repacks between the convolutions. A one-channel 3x3 first layer (the MNIST CNN's)
 * is computed inside the second convolution (conv2dAfterFirstPacked), so its output is never stored.
 */
export function convReluChain(convs: readonly Conv2d[], x: Tensor): PackedActivations {
  let y: Tensor | PackedActivations = x;
  let rest = convs;
  const [c1, c2] = convs;
  // conv2dAfterFirstPacked decides whether the pair fuses (a one-channel 3x3 first layer, where it pays)
  if (c2 && c1.bias) {
    const first = { weight: c1.weight, bias: c1.bias, stride: c1.stride, padding: c1.padding };
    y = conv2dAfterFirstPacked(x, first, c2.weight, fusedOptions(c2, null, { relu: true }));
    rest = convs.slice(2);
  }
  for (const c of rest) y = convBnActPacked(c, null, y, { relu: true });
  return y as PackedActivations;
}

/**
 * fc(flatten(x)) for packed activations x [N, H, W, C] (C a multiple of 4, so no padded channels):
 * the weight's columns are reordered from flatten's (channel, pixel) order to the packed (pixel,
 * channel) order, so the activations need no unpacking pass.
 */
export function flattenLinearPacked(fc: Linear, x: PackedActivations): Tensor {
  const [N, H, W, C4] = x.data.shape;
  if (C4 !== x.C || fc.inFeatures !== x.C * H * W) {
    throw new RangeError(
      `flattenLinearPacked: packed input [${N}, ${H}, ${W}, ${C4}] with ${x.C} channels does not match a linear layer of ${fc.inFeatures} inputs`,
    );
  }
  const w = permute(fc.weight.view([fc.outFeatures, x.C, H * W]), [0, 2, 1]).view([
    fc.outFeatures,
    H * W * C4,
  ]);
  return linear(x.data.view([N, H * W * C4]), w, fc.bias);
}
