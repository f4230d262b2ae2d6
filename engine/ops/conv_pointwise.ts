/**
 * 1x1 stride-2 convolutions without padding (a ResNet's downsample shortcut) on the software adapter, on
 * NCHW tensors as they are: the forward pass, the input gradient and the weight gradient of
 * shaders/conv_pointwise.wgsl, reading texture copies of their operands; no packing, no stride phases, and
 * one copy of x for the forward pass and the weight gradient.
 */
import { engine } from "../runtime.ts";
import { Tensor } from "../tensor.ts";
import type { Bindable, TextureBindable } from "../recorder.ts";
import { currentTileConfig } from "./matmul.ts";
import { operandCopies } from "./operand_texture.ts";
import { grid1d, spareOutput } from "./util.ts";
import type { ConvGeometry } from "./conv_geometry.ts";
import { reduceSplits } from "./conv_pass.ts";

const WG = 64;

/**
 * Where the pointwise kernels apply: the software adapter, a 1x1 kernel at stride 2 without padding, f32,
 * channel counts multiples of 4 and the input's width a multiple of 8 (conv_pointwise.wgsl's texels), an
 * even height (so that dx's rows pair up with the output's), and at most MAX_CHANNELS input channels.
 */
export function pointwiseFits(g: ConvGeometry, ...tensors: Tensor[]): boolean {
  const shape = g.KH === 1 && g.KW === 1 && g.S === 2 && g.P === 0 && g.N > 0 && g.C <= MAX_CHANNELS &&
    g.C % 4 === 0 && g.O % 4 === 0 && g.W % 8 === 0 && g.H % 2 === 0;
  return shape && currentTileConfig().kind === "software" && tensors.every((t) => t.dtype === "f32");
}

/**
 * Input channels at most. Measured against the implicit GEMM (docs/SPEED.md): faster for the CIFAR ResNets'
 * 16 -> 32 and 32 -> 64 and for 64 -> 128 at 56 x 56, slower for ResNet-50's 256 -> 512, whose long
 * reductions the GEMM's register tiles serve better (its weight gradient a third of the time).
 */
const MAX_CHANNELS = 64;

function run(
  entry: string,
  g: ConvGeometry,
  lanes: number,
  bindings: Record<string, Bindable | TextureBindable>,
  hasBias = 0,
  images = 0,
): void {
  const grid = grid1d(lanes, WG);
  engine().run("conv_pointwise", entry, {
    bindings,
    uniforms: {
      C: g.C,
      H: g.H,
      W: g.W,
      O: g.O,
      OH: g.OH,
      OW: g.OW,
      lanes,
      row: grid.row,
      hasBias,
      N: g.N,
      images,
      _p0: 0,
    },
    workgroups: grid.workgroups,
  });
}

/**
 * Texture copies of the operands a pass reads (operandCopies: x's held while x lives, so the weight gradient
 * reads the copy the forward pass made), or null where one exceeds the adapter's texture size.
 */
function textures(operands: Record<string, Tensor>): Record<string, TextureBindable> | null {
  const { textures, TX } = operandCopies(true, operands, "pointwise", HELD);
  return TX ? textures : null;
}
const HELD: ReadonlySet<string> = new Set(["xt"]);

/** Lanes of the forward pass and the input gradient: 8 channels by 4 output columns each. */
function lanes(g: ConvGeometry, channels: number): number {
  return g.N * Math.ceil(channels / 8) * g.OH * (g.OW / 4);
}

/** y = conv(x, w) + bias where pointwiseFits(g): x [N, C, H, W] -> [N, O, OH, OW]; null beyond the texture size. */
export function pointwiseForward(x: Tensor, w: Tensor, bias: Tensor | null, g: ConvGeometry): Tensor | null {
  const tex = textures({ xt: x, wt: w });
  if (!tex) return null;
  const y = Tensor.empty([g.N, g.O, g.OH, g.OW], "f32", "conv2d 1x1");
  run("forward", g, lanes(g, g.O), { ...tex, bias: bias ?? spareOutput(), out4: y }, bias ? 1 : 0);
  return y;
}

/** The input gradient [N, C, H, W] where pointwiseFits(g), from the output gradient's texture gt; null beyond the texture size. */
export function pointwiseInputGradient(gt: TextureBindable, w: Tensor, g: ConvGeometry): Tensor | null {
  const tex = textures({ wt: w });
  if (!tex) return null;
  const dx = Tensor.empty([g.N, g.C, g.H, g.W], "f32", "conv2d 1x1 input gradient");
  run("input_grad", g, lanes(g, g.C), { gt, ...tex, out4: dx });
  return dx;
}

/**
 * Lanes of the weight gradient wanted (each sums a run of images for an 8 x 8 block of it): enough
 * workgroups to share among the adapter's threads (measured: 512 lanes, 8 workgroups, ran the 32 -> 64
 * channel layer at batch 400 slower than 2048).
 */
const WEIGHT_LANES = 2048;
/** Runs of images at most: the sum over more partials (reduce.wgsl along a leading axis) costs more. */
const MAX_RUNS = 128;

/**
 * The weight gradient [O, C, 1, 1] where pointwiseFits(g), from the output gradient's texture gt: partial
 * sums over runs of images, then their sum; null beyond the texture size.
 */
export function pointwiseWeightGradient(gt: TextureBindable, x: Tensor, g: ConvGeometry): Tensor | null {
  const tex = textures({ xt: x });
  if (!tex) return null;
  const blocks = Math.ceil(g.O / 8) * Math.ceil(g.C / 8);
  const images = Math.ceil(g.N / Math.min(g.N, Math.ceil(WEIGHT_LANES / blocks), MAX_RUNS));
  const runs = Math.ceil(g.N / images);
  const shape = [g.O, g.C, 1, 1];
  const partials = Tensor.empty(runs === 1 ? shape : [runs, ...shape], "f32", "conv2d 1x1 weight gradient");
  run("weight_grad", g, runs * blocks, { gt, ...tex, out4: partials }, 0, images);
  return reduceSplits(partials, runs, shape);
}
