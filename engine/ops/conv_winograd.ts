/**
 * 3x3 convolutions (stride 1, padding 1) by Winograd F(2x2, 3x3) on lavapipe (shaders/conv_winograd.wgsl):
 * packed activations in and out with the fused epilogue of the direct kernel (folded batchnorm scale, bias,
 * residual, ReLU) for inference; NCHW in and out, read from a plain copy (no packing), for training's
 * forward pass and, with the weights transposed and flipped, its input gradient; and the weight gradient
 * (shaders/conv_winograd_grad.wgsl) from NCHW copies of the input and the output gradient. 2.25x fewer multiplies; measured on lavapipe against
 * the direct kernel (docs/SPEED.md). conv_forward.ts and conv_backward.ts route a pass here where winogradFits says so and the
 * textures it reads are at hand.
 */
import type { TextureBindable } from "../recorder.ts";
import { engine } from "../runtime.ts";
import { type Storage, Tensor } from "../tensor.ts";
import type { ConvGeometry } from "./conv_geometry.ts";
import { currentTileConfig } from "./matmul.ts";
import {
  heldTexture,
  returnHeldTexture,
  sizedTexture,
  spareTexture,
  vec4Texture,
} from "./operand_texture.ts";
import { recordChannelMoments } from "./moments.ts";
import { type HeldValue, heldValues } from "./held_weights.ts";
import { grid1d, paddedView, spareOutput } from "./util.ts";

/**
 * A lane's tiles (2 x 2 outputs each) in rows and columns, and its groups of 4 output channels: the size
 * engine/kernel_gen.ts writes conv_winograd.wgsl's body for (1,024 live values per lane).
 */
export const WINOGRAD_ROWS = 2;
export const WINOGRAD_COLS = 4;
export const WINOGRAD_GROUPS = 4;
/**
 * Most channel groups (of 4 input channels) of `main`'s written-out body (WS = 1 in conv_winograd.wgsl:
 * the transformed weights from workgroup memory at constant indices, which lavapipe loads as one scalar
 * and a broadcast where no loop or branch encloses the load, against a gather lane by lane from a texture).
 */
export const WINOGRAD_WS_GROUPS = 4;
/** Tiles side by side that the weight gradient's lanes take at a time (conv_winograd_grad.wgsl's runs). */
export const WINOGRAD_GRAD_RUN = 4;
/** Lanes per workgroup of `main` with WS = 1: one copy of the weights into workgroup memory serves them. */
const WS_LANES = 64;

/** Output pixels per lane: rows and columns (2 x 2 per tile). */
const BLOCK_H = 2 * WINOGRAD_ROWS, BLOCK_W = 2 * WINOGRAD_COLS;
/** Output channels per lane. */
const BLOCK_O = 4 * WINOGRAD_GROUPS;

/**
 * Whether the Winograd kernel computes this convolution (a forward pass, or an input gradient as the
 * convolution with channels swapped): where the tile policy says so (TileConfig.winograd: lavapipe), a 3x3
 * kernel at stride 1 with padding 1 (output size = input size), output blocks that tile the image
 * (H % 4 == 0, W % 8 == 0) and the channels (O % 16 == 0). Every 3x3 stride-1 layer of a CIFAR ResNet
 * qualifies, its stem's forward pass too (3 channels, padded to 4): as fast as the direct kernel there
 * (22.4 against 23.9 ms at batch 400, profiled), and a ResNet then compiles no 8 x 4 direct tile
 * (ResNet-20 to its first batch with an empty cache 20.9 s against 24.8).
 */
export function winogradFits(g: ConvGeometry): boolean {
  return currentTileConfig().winograd === true && g.KH === 3 && g.KW === 3 && g.S === 1 && g.P === 1 &&
    g.H % BLOCK_H === 0 && g.W % BLOCK_W === 0 && g.O % BLOCK_O === 0 && g.N > 0;
}

export interface WinogradArgs {
  /** The convolution computed: input channels C, output channels O. */
  g: ConvGeometry;
  /** [O, C, 3, 3] f32, or with `flip` [C, O, 3, 3] (an input gradient: each kernel turned by 180 degrees). */
  w: Tensor;
  flip?: boolean;
  /** [O] each, or null (no bias; scale 1). */
  bias: Tensor | null;
  scale: Tensor | null;
  /**
   * The input as a texture of vec4s: packed [N, H, W, C4] (an activation texture, conv_pass.ts
   * activationTexture) or, for the NCHW layout, [N, C, H, W] as it is (operand_texture.ts vec4Texture).
   */
  at: TextureBindable;
  /**
   * The residual, laid out like the output (packed: an activation texture; NCHW: a vec4Texture copy, an
   * input gradient's sum from the input's other uses), added before the ReLU; or null for none.
   */
  rt: TextureBindable | null;
  relu: boolean;
  /**
   * NCHW only: zero the outputs where this (laid out like the output) is not positive, after the residual:
   * an input gradient through the ReLU whose output is the convolution's input. Null: no mask.
   */
  mt?: TextureBindable | null;
  /** The layout of the input and the output: packed (inference), or NCHW [N, O, H, W] out (training). */
  layout: "packed" | "nchw";
  /**
   * NCHW only: also leave the output's per-channel partial moments for the training-mode batchnorm that
   * normalises it next (engine/ops/moments.ts).
   */
  moments?: boolean;
}

let sharedWeights = true;

/**
 * Whether `main` may read the transformed weights from workgroup memory (WS = 1, where it applies; on by
 * default), for comparing the two forms; returns the previous setting.
 */
export function setWinogradSharedWeights(on: boolean): boolean {
  const was = sharedWeights;
  sharedWeights = on;
  return was;
}

/**
 * Whether the 16-channel layers of this adapter take the workgroup-memory form now: the tile policy
 * offers it and the switch is on (smoothing/compile_ahead.ts defers it while a second device builds it).
 */
export function winogradSharedWeightsOn(): boolean {
  return sharedWeights && currentTileConfig().winogradSharedWeights === true;
}

/** The convolution's output, in args.layout (see winogradFits for what it takes). */
export function winogradForward(args: WinogradArgs): Tensor {
  const { g, w, bias, scale, at, rt, relu, layout, flip = false, moments = false, mt = null } = args;
  if (!winogradFits(g)) throw new Error("internal: winogradForward on a convolution it does not fit");
  const want = flip ? [g.C, g.O, 3, 3] : [g.O, g.C, 3, 3];
  if (w.shape.join() !== want.join()) {
    throw new Error(`internal: Winograd weights ${w.shape}, expected ${want}`);
  }
  if (mt && layout !== "nchw") throw new Error("internal: a Winograd mask on a packed output");
  if (moments && (layout !== "nchw" || rt)) {
    throw new Error("internal: Winograd moments of a packed output or with a residual");
  }
  const C4 = Math.ceil(g.C / 4) * 4, OG = g.O / 4;
  // U as rows of 64-float multiples (a buffer-to-texture copy needs rows 256 bytes apart), then the
  // bias and scale rows.
  const rowFloats = Math.ceil(g.O / 64) * 64;
  const uRows = 16 * C4;
  const lanes = g.N * (g.H / BLOCK_H) * (g.W / BLOCK_W) * (g.O / BLOCK_O);
  // where the tile policy says so: 16 output channels (so every lane has og0 = 0) and at most
  // WINOGRAD_WS_GROUPS channel groups
  const ws = sharedWeights && currentTileConfig().winogradSharedWeights === true && g.O === BLOCK_O &&
    C4 / 4 <= WINOGRAD_WS_GROUPS;
  const { workgroups } = grid1d(lanes, ws ? WS_LANES : 8);
  const gridX = workgroups[0];
  const uniforms = {
    H: g.H,
    W: g.W,
    C: g.C,
    C4,
    O: g.O,
    BX: g.W / BLOCK_W,
    BY: g.H / BLOCK_H,
    OGB: g.O / BLOCK_O,
    lanes,
    gridX,
    res: rt ? 1 : 0,
    relu: relu ? 1 : 0,
    bias: bias ? 1 : 0,
    scale: scale ? 1 : 0,
    rowFloats,
    flip: flip ? 1 : 0,
    moments: moments ? 1 : 0,
    momLanes: lanes / (g.O / BLOCK_O),
    fence: 0,
    mask: mt ? 1 : 0,
  };
  const e = engine();
  const texture = transformedWeights(w, flip, bias, scale, OG, uRows, () => {
    const u = Tensor.empty([uRows * rowFloats], "f32", "winograd weights");
    e.run("conv_winograd", "transform", {
      bindings: { w, u },
      uniforms,
      workgroups: [Math.ceil((C4 * g.O) / 64)],
    });
    return u;
  }, rowFloats);
  const nchw = layout === "nchw";
  const out = Tensor.empty(nchw ? [g.N, g.O, g.H, g.W] : [g.N, g.H, g.W, g.O], "f32", "conv2d winograd");
  const perGroup = uniforms.momLanes;
  const parts = moments ? Tensor.empty([(g.O / 4) * perGroup * 8], "f32", "winograd moments") : null;
  e.run("conv_winograd", "main", {
    bindings: {
      at,
      wt: { texture },
      rt: rt ?? spareTexture(),
      out4: paddedView(out),
      mom4: parts ? paddedView(parts) : spareOutput(),
      mt: mt ?? spareTexture(),
    },
    uniforms,
    workgroups,
  }, {
    ...(nchw ? { NCHW: 1 } : {}),
    ...(ws ? { WS: 1, CG: C4 / 4, WGS: WS_LANES } : {}),
  });
  if (parts) recordChannelMoments(out, { parts, perGroup, count: BLOCK_H * BLOCK_W });
  return out;
}

/** Transformed weights held for constant weights (held_weights.ts), per direction. */
interface HeldTransform extends HeldValue {
  texture: GPUTexture;
  bias: Storage | null;
  scale: Storage | null;
}

/**
 * The texture main reads the transformed weights from (rows 0 .. uRows - 1, then the bias and scale rows):
 * filled now from `transform`'s U (rows of rowFloats floats), in the shared texture of that size, or for
 * held weights (held_weights.ts) once, in a texture of their own.
 */
function transformedWeights(
  w: Tensor,
  flip: boolean,
  bias: Tensor | null,
  scale: Tensor | null,
  OG: number,
  uRows: number,
  transform: () => Tensor,
  rowFloats: number,
): GPUTexture {
  const kept = heldValues(w);
  const key = `winograd ${flip ? "flipped" : "forward"}`;
  const prior = kept?.get(key) as HeldTransform | undefined;
  if (prior && prior.bias === (bias?.storage ?? null) && prior.scale === (scale?.storage ?? null)) {
    return prior.texture;
  }
  const texture = prior?.texture ??
    (kept
      ? heldTexture(OG, uRows + 2, "held winograd weights")
      : sizedTexture(OG, uRows + 2, "winograd weights"));
  if (!texture) throw new Error(`internal: ${uRows + 2} rows of Winograd weights exceed the texture size`);
  const rec = engine().rec;
  const u = transform();
  rec.copyToTexture(paddedView(u), rowFloats * 4, texture, OG, uRows);
  u.dispose();
  const rowBytes = Math.ceil(OG / 16) * 256;
  if (bias) rec.copyToTexture(paddedView(bias), rowBytes, texture, OG, 1, uRows);
  if (scale) rec.copyToTexture(paddedView(scale), rowBytes, texture, OG, 1, uRows + 1);
  const entry: HeldTransform = {
    texture,
    bias: bias?.storage ?? null,
    scale: scale?.storage ?? null,
    release: () => returnHeldTexture(texture),
  };
  kept?.set(key, entry);
  return texture;
}

/**
 * Whether the Winograd weight gradient (shaders/conv_winograd_grad.wgsl) computes this one: where the
 * tile policy says so, a 3x3 kernel at stride 1 with padding 1, an image of whole 2 x 2 tiles whose rows
 * are whole vec4s (H even, W a multiple of 4) and output channels in blocks of 16 (any input channels).
 */
export function winogradGradFits(g: ConvGeometry): boolean {
  return currentTileConfig().winograd === true && g.KH === 3 && g.KW === 3 && g.S === 1 && g.P === 1 &&
    g.H % 2 === 0 && g.W % 4 === 0 && g.O % BLOCK_O === 0 && g.N > 0 && g.C > 0;
}

/**
 * Lanes the weight gradient aims for: each sums a share of the tiles for 16 output x 4 input channels,
 * and the shares' partial sums are added afterwards (reduce.wgsl). Profiled at batch 128 on an AVX2
 * machine, 16 / 64 channels: 64 lanes 14.4 / 11.2 ms for the sums (0.4 / 0 ms to add them), 128 lanes 12.3
 * / 11.8 (0.7 / 1.0), 512 lanes 11.9 / 11.8 (3.2 / 2.7).
 */
const GRAD_LANES = 128;

/**
 * dw [O, C, 3, 3] of the convolution g from its input [N, C, H, W] and its output gradient [N, O, H, W], each
 * copied as it is into a texture of vec4s (`xt`, `gt`: operand_texture.ts vec4Texture): see
 * winogradGradFits.
 */
export function winogradWeightGradient(g: ConvGeometry, xt: TextureBindable, gt: TextureBindable): Tensor {
  if (!winogradGradFits(g)) {
    throw new Error("internal: winogradWeightGradient on a convolution it does not fit");
  }
  const CG = Math.ceil(g.C / 4), OB = g.O / BLOCK_O;
  // runs of WINOGRAD_GRAD_RUN tiles side by side (2 columns each) per row of tiles
  const PW = Math.ceil(g.W / (2 * WINOGRAD_GRAD_RUN));
  const runs = g.N * (g.H / 2) * PW;
  const per = Math.ceil(runs / Math.max(1, Math.round(GRAD_LANES / (OB * CG))));
  const shares = Math.ceil(runs / per);
  const lanes = shares * OB * CG;
  const { workgroups } = grid1d(lanes, 8);
  const gridX = workgroups[0];
  const uniforms = {
    H: g.H,
    W: g.W,
    C: g.C,
    O: g.O,
    CG,
    OB,
    TH: g.H / 2,
    PW,
    runs,
    per,
    lanes,
    gridX,
    shares,
  };
  const e = engine();
  const part = Tensor.empty([shares * 16 * g.O * CG * 4], "f32", "winograd weight gradient partials");
  e.run("conv_winograd_grad", "main", {
    bindings: { xt, gt, part: paddedView(part) },
    uniforms,
    workgroups,
  });
  // finish adds the shares as it reads them, from a texture copy where copies pay (one pass fewer than a
  // reduction, whose per-lane storage loads cost 0.6-0.8 ms a call on lavapipe)
  const pt = vec4Texture(part, "winograd weight gradient partials");
  const dw = Tensor.empty([g.O, g.C, 3, 3], "f32", "conv2d backward (weight) winograd");
  e.run("conv_winograd_grad", "finish", {
    bindings: { partIn: paddedView(part), dw, pt: pt ?? spareTexture() },
    uniforms,
    workgroups: [Math.ceil((g.O * CG) / 64)],
  }, { TX: pt ? 1 : 0 });
  part.dispose();
  return dw;
}
