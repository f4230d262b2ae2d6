/**
 * Inference convolutions with a fused epilogue, on activations kept in the kernels' packed layout from one
 * convolution to the next (certification's forward passes; no autograd), and a one-channel first layer
 * computed inside the next convolution's kernel.
 */
import { needsGrad } from "../autograd.ts";
import { Tensor } from "../tensor.ts";
import { concat } from "./layout.ts";
import { checkPair, currentTileConfig } from "./matmul.ts";
import { fmt } from "./util.ts";
import { type Conv2dOptions, type ConvGeometry, convGeometry, pad4 } from "./conv_geometry.ts";
import { type ChannelAffine, packActivations, packWeightsForward, permute4 } from "./conv_layout.ts";
import { firstInputTexture, firstWeightsTexture } from "./conv_textures.ts";
import { dispatch, type Epilogue, plan } from "./conv_pass.ts";
import {
  emptyForward,
  forward,
  forwardArgs,
  forwardPacked,
  packWithTail,
  withoutTail,
} from "./conv_forward.ts";

/** The epilogue options of the fused inference convolutions; R is the residual's form. */
export type FusedOptions<R> = Conv2dOptions & {
  bias?: Tensor | null;
  scale?: Tensor | null;
  residual?: R | null;
  relu?: boolean;
};

/**
 * Activations in the layout the convolution kernels read: `data` is [N, H, W, C4] with C4 =
 * 4*ceil(C/4), 4 channels of a pixel per aligned vec4, padded channels 0. Inference chains
 * convolutions in it (conv2dFusedPacked), so no pass repacks between them; f32 only.
 */
export interface PackedActivations {
  readonly data: Tensor;
  /** Channels in use (data's last dimension is C rounded up to a multiple of 4). */
  readonly C: number;
}

/** Whether packForConv can apply a channel affine to x: f32, at most 4 channels, H*W % 4 == 0. */
export function affinePackable(x: Tensor): boolean {
  return x.dtype === "f32" && x.rank === 4 && x.shape[1] <= 4 && (x.shape[2] * x.shape[3]) % 4 === 0;
}

/**
 * x [N, C, H, W] (f32) in the packed layout; with `affine`, x * scale[c] + shift[c] (an input
 * normalisation folded into the packing pass, where affinePackable(x)). The convolution then pads the
 * normalised input with zeros, as it would pad a normalised tensor.
 */
export function packForConv(x: Tensor, affine?: ChannelAffine): PackedActivations {
  if (x.dtype !== "f32" || x.rank !== 4) {
    throw new TypeError(`packForConv: x must be f32 [N, C, H, W], got ${x.dtype} ${fmt(x.shape)}`);
  }
  if (affine) {
    const C = x.shape[1];
    if (!affinePackable(x)) {
      throw new RangeError(
        `packForConv: a channel affine needs at most 4 channels and H*W % 4 == 0, got x ${fmt(x.shape)}`,
      );
    }
    if (affine.scale.length !== C || affine.shift.length !== C) {
      throw new RangeError(
        `packForConv: scale and shift must have ${C} values, got ${affine.scale.length} and ${affine.shift.length}`,
      );
    }
  }
  return { data: packActivations(x, affine), C: x.shape[1] };
}

function checkPacked(op: string, name: string, p: PackedActivations): void {
  const s = p.data.shape;
  if (p.data.dtype !== "f32" || s.length !== 4 || s[3] !== pad4(p.C)) {
    throw new RangeError(
      `${op}: ${name} must be packed f32 [N, H, W, ${pad4(p.C)}] for ${p.C} channels, got ${p.data.dtype} ${
        fmt(s)
      }`,
    );
  }
}

/**
 * The geometry of a fused inference convolution, with x (NCHW or packed) and w checked; packed
 * activations, in or out, need f32.
 */
function fusedGeometry(
  op: string,
  x: Tensor | PackedActivations,
  w: Tensor,
  opts: Conv2dOptions,
  packedOut: boolean,
): ConvGeometry {
  if (x instanceof Tensor) checkPair(op, x, "x", w, "w");
  else checkPacked(op, "x", x);
  if ((packedOut || !(x instanceof Tensor)) && w.dtype !== "f32") {
    throw new TypeError(`${op}: packed activations need f32 x and w, got w ${w.dtype}`);
  }
  const xs = x instanceof Tensor ? x.shape : [x.data.shape[0], x.C, x.data.shape[1], x.data.shape[2]];
  return convGeometry(op, xs, w.shape, opts);
}

/** bias and scale, where given, are f32 [O]. */
export function checkChannelParams(
  op: string,
  O: number,
  opts: { bias?: Tensor | null; scale?: Tensor | null },
): void {
  for (const [name, t] of [["bias", opts.bias], ["scale", opts.scale]] as const) {
    if (t && (t.dtype !== "f32" || t.rank !== 1 || t.shape[0] !== O)) {
      throw new RangeError(`${op}: ${name} must be f32 [${O}], got ${t.dtype} ${fmt(t.shape)}`);
    }
  }
}

/**
 * The fused inference convolution on x (NCHW or packed) into y (NCHW, or packed with `packedOut`);
 * `residual` is the residual's data, already checked against the output by the caller.
 */
function fusedForward(
  op: string,
  x: Tensor | PackedActivations,
  w: Tensor,
  g: ConvGeometry,
  opts: FusedOptions<unknown>,
  residual: Tensor | null,
  packedOut: boolean,
): Tensor {
  const xData = x instanceof Tensor ? x : x.data;
  if (needsGrad(xData, w, opts.bias, opts.scale, residual)) {
    throw new TypeError(`${op}: inference only (no gradient); use conv2d for training and attacks`);
  }
  checkChannelParams(op, g.O, opts);
  const bias = opts.bias ?? null;
  const epi: Epilogue = { scale: opts.scale ?? null, residual, relu: opts.relu ?? false };
  const empty = emptyForward(g, bias, packedOut ? withoutTail(epi) : epi);
  if (empty) return packedOut ? packWithTail(empty, epi) : empty;
  return x instanceof Tensor
    ? forward(x, w, bias, g, epi, packedOut)
    : forwardPacked(x.data, w, bias, g, epi, packedOut);
}

/**
 * Inference convolution with a fused epilogue: relu?(conv(x, w) * scale + bias + residual). No autograd
 * (certification runs without a graph); `scale`/`bias` are [O] (a folded batchnorm), `residual` is
 * shaped like the output. f16 x and w use the f16 kernel. x may come packed (the last convolution of a
 * packed chain); the output is [N, O, OH, OW].
 */
export function conv2dFused(x: Tensor | PackedActivations, w: Tensor, opts: FusedOptions<Tensor>): Tensor {
  const op = "conv2d (fused)";
  const g = fusedGeometry(op, x, w, opts, false);
  const outShape = [g.N, g.O, g.OH, g.OW];
  const res = opts.residual ?? null;
  if (res && (res.dtype !== "f32" || res.shape.join() !== outShape.join())) {
    throw new RangeError(`${op}: residual must be f32 ${fmt(outShape)}, got ${res.dtype} ${fmt(res.shape)}`);
  }
  return fusedForward(op, x, w, g, opts, res, false);
}

/**
 * conv2dFused into packed activations, from x packed or [N, C, H, W] (the first convolution of a
 * chain); the residual, if any, is packed like the output. No autograd; f32.
 */
export function conv2dFusedPacked(
  x: Tensor | PackedActivations,
  w: Tensor,
  opts: FusedOptions<PackedActivations>,
): PackedActivations {
  const op = "conv2d (fused, packed)";
  const g = fusedGeometry(op, x, w, opts, true);
  const res = opts.residual ?? null;
  if (res) {
    checkPacked(op, "residual", res);
    const want = [g.N, g.OH, g.OW, pad4(g.O)];
    if (res.C !== g.O || res.data.shape.join() !== want.join()) {
      throw new RangeError(
        `${op}: residual must be packed ${fmt(want)} with ${g.O} channels, got ${
          fmt(res.data.shape)
        } with ${res.C}`,
      );
    }
  }
  return { data: fusedForward(op, x, w, g, opts, res?.data ?? null, true), C: g.O };
}

/** A one-channel 3x3 first layer for conv2dAfterFirstPacked: relu(conv(x, weight) + bias). */
export interface FirstLayerOptions extends Conv2dOptions {
  weight: Tensor;
  bias: Tensor;
}

/**
 * conv2dFusedPacked(relu(conv2d(x, first.weight, first.bias, first)), w, opts) from x [N, 1, H, W],
 * where the first layer has one input channel and a 3x3 kernel. On the CPU adapter one kernel computes
 * the first layer's output as it reads it (shaders/conv2d.wgsl, entry point `first`): that output (32
 * channels per pixel for the MNIST CNN, 128 bytes where the input has 4) is never stored and read back,
 * and the k-steps of a tap read 9 input values per pixel instead of a vec4 per 4 channels. Elsewhere (a
 * GPU, a residual, too few rows to fill the cores without splitting K, a tile cap for quick compiles:
 * TileConfig.firstLayer) the two convolutions run one after the other. No autograd; f32.
 */
export function conv2dAfterFirstPacked(
  x: Tensor,
  first: FirstLayerOptions,
  w: Tensor,
  opts: FusedOptions<PackedActivations>,
): PackedActivations {
  const op = "conv2d (after a first layer)";
  const { weight: w1, bias: b1 } = first;
  const unfused = () => {
    const y1 = conv2dFusedPacked(x, w1, {
      stride: first.stride,
      padding: first.padding,
      bias: b1,
      relu: true,
    });
    const y = conv2dFusedPacked(y1, w, opts);
    y1.data.dispose();
    return y;
  };
  const fusable = x.dtype === "f32" && x.rank === 4 && x.shape[1] === 1 &&
    w1.shape.join() === `${w1.shape[0]},1,3,3` && !opts.residual && x.size > 0;
  if (!fusable) return unfused();
  const g1 = fusedGeometry(op, x, w1, first, true);
  checkChannelParams(op, g1.O, { bias: b1 });
  const g = convGeometry(op, [g1.N, g1.O, g1.OH, g1.OW], w.shape, opts);
  if (w.dtype !== "f32") throw new TypeError(`${op}: w must be f32, got ${w.dtype}`);
  checkChannelParams(op, g.O, opts);
  if (needsGrad(x, w1, b1, w, opts.bias, opts.scale)) {
    throw new TypeError(`${op}: inference only (no gradient); use conv2d for training and attacks`);
  }
  const epi = { scale: opts.scale ?? null, residual: null, relu: opts.relu ?? false };
  // The tile depends on the GEMM's sizes only: decide before packing anything. The policy says where
  // fusing pays (matmul_tiles.ts: every column tile recomputes the first layer).
  const gemm = forwardArgs(x, w, opts.bias ?? null, g, epi);
  const tile = currentTileConfig().firstLayer?.(gemm.M, gemm.NC) ?? null;
  if (!tile) return unfused();
  const pl = plan(gemm, tile);
  const wf = packWeightsForward(w);
  const args = { ...gemm, b: wf, packedOut: true };
  // [w1 | b1] [C, 10] -> [10, C4]: row t holds every channel's weight at tap t, row 9 the biases.
  const wb = concat([w1.view([g1.O, 9]), b1.view([g1.O, 1])], 1);
  const w10 = permute4(wb, [1, 1, 10, pad4(g1.O)], [0, 0, 1, 10], [1, 1, 10, g1.O]);
  const fw = firstWeightsTexture(w10);
  const xt = fw && firstInputTexture(x);
  for (const t of [wb, w10]) t.dispose();
  if (!xt) {
    wf.dispose();
    return unfused();
  }
  const target = Tensor.empty([g.N, g.OH, g.OW, pad4(g.O)], "f32", "conv2d packed");
  dispatch({ ...args, first: { xt, g: g1 } }, pl, target, 1, target.size, undefined, fw);
  wf.dispose();
  return { data: target, C: g.O };
}
