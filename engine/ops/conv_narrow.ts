/**
 * 3x3 stride-1 convolutions with padding 1 and at most 4 channels on one side, on the software adapter, on
 * NCHW tensors as they are (shaders/conv_narrow.wgsl): the forward pass of a layer with at most 4 input
 * channels (with a folded batchnorm's scale and a ReLU, as an attack's frozen convolution has them), and
 * the input gradient of one with at most 4 input channels and at most 32 output channels, each reading a
 * texture copy of its input; no packing.
 */
import { engine } from "../runtime.ts";
import { Tensor } from "../tensor.ts";
import type { TextureBindable } from "../recorder.ts";
import { currentTileConfig } from "./matmul.ts";
import { heldVec4Texture, vec4Texture } from "./operand_texture.ts";
import { grid1d, spareOutput } from "./util.ts";
import type { ConvGeometry } from "./conv_geometry.ts";

const WG = 64;
/** Input channels of a pass at most (the written-out calls in conv_narrow.wgsl's `rows`). */
const MAX_IN = 32;
/** Channels on the narrow side at most. */
const NARROW = 4;

/** Whether the shape is one the kernel takes: 3x3, stride 1, padding 1, a width of whole texels. */
function shapeFits(g: ConvGeometry): boolean {
  return g.KH === 3 && g.KW === 3 && g.S === 1 && g.P === 1 && g.W % 4 === 0 && g.N > 0 && g.H > 0 &&
    currentTileConfig().kind === "software";
}

/** The forward pass fits: at most 4 input channels (f32). */
export function narrowForwardFits(g: ConvGeometry, ...tensors: Tensor[]): boolean {
  return shapeFits(g) && g.C <= NARROW && tensors.every((t) => t.dtype === "f32");
}

/** The input gradient fits: at most 4 input channels and 32 output channels (f32). */
export function narrowInputGradientFits(g: ConvGeometry, ...tensors: Tensor[]): boolean {
  return shapeFits(g) && g.C <= NARROW && g.O <= MAX_IN && tensors.every((t) => t.dtype === "f32");
}

/**
 * Output channels a lane: all of them up to 8 where the pass has at most 4 input channels, else up to 4
 * (conv_narrow.wgsl's workgroup memory holds a slice's weights), as even slices as that allows.
 */
function perLane(inputs: number, outputs: number): number {
  const most = inputs <= NARROW ? 8 : NARROW;
  return Math.ceil(outputs / Math.ceil(outputs / most));
}

/** The forward pass's output: relu?(conv * scale + bias). */
export interface NarrowEpilogue {
  bias: Tensor | null;
  scale: Tensor | null;
  relu: boolean;
}

/** One pass: the NCHW input `xt` [N, CI, H, W] to out [N, COUT, H, W]. */
function pass(
  xt: TextureBindable,
  w: Tensor,
  epi: NarrowEpilogue,
  g: ConvGeometry,
  CI: number,
  COUT: number,
  flip: boolean,
  label: string,
): Tensor {
  const J = g.W % 8 === 0 ? 2 : 1;
  const OT = perLane(CI, COUT);
  const slices = Math.ceil(COUT / OT);
  const XB = g.W / (4 * J);
  const lanes = g.N * g.H * XB;
  const grid = grid1d(Math.ceil(lanes / WG) * slices * WG, WG);
  const out = Tensor.empty([g.N, COUT, g.H, g.W], "f32", label);
  engine().run("conv_narrow", "main", {
    bindings: { xt, w, bias: epi.bias ?? spareOutput(), scale: epi.scale ?? spareOutput(), out4: out },
    uniforms: {
      H: g.H,
      W4: g.W / 4,
      COUT,
      XB,
      lanes,
      slices,
      row: grid.row,
      hasBias: epi.bias ? 1 : 0,
      hasScale: epi.scale ? 1 : 0,
      _p0: 0,
      _p1: 0,
      _p2: 0,
    },
    workgroups: grid.workgroups,
  }, { CI, OT, J, FLIP: flip ? 1 : 0, RELU: epi.relu ? 1 : 0 });
  return out;
}

/**
 * y = relu?(conv(x, w) * scale + bias) where narrowForwardFits(g), reading x's held texture where `hold`
 * (its weight gradient reads it again); null beyond the texture size.
 */
export function narrowForward(
  x: Tensor,
  w: Tensor,
  epi: NarrowEpilogue,
  g: ConvGeometry,
  hold = false,
): Tensor | null {
  const xt = (hold ? heldVec4Texture(x) : null) ?? vec4Texture(x, "narrow input");
  return xt && pass(xt, w, epi, g, g.C, g.O, false, "conv2d narrow");
}

/** The input gradient [N, C, H, W] where narrowInputGradientFits(g), from the output gradient's texture gt. */
export function narrowInputGradient(gt: TextureBindable, w: Tensor, g: ConvGeometry): Tensor {
  const none = { bias: null, scale: null, relu: false };
  return pass(gt, w, none, g, g.O, g.C, true, "conv2d narrow input gradient");
}
