/**
 * The channels-last layouts the convolution kernels read (shaders/conv2d.wgsl): packed activations
 * [N, H, W, C4] (4 channels of a pixel per aligned vec4, zero past C), packed weights, and the im2col copy
 * that serves a one-channel input.
 */
import { engine } from "../runtime.ts";
import { Tensor } from "../tensor.ts";
import { MAX_GRID, paddedView } from "./util.ts";
import { operandCopiesPay, spareTexture, vec4Texture } from "./operand_texture.ts";
import { type ConvGeometry, pad4 } from "./conv_geometry.ts";
import { type HeldValue, heldValues } from "./held_weights.ts";

/** A per-channel affine map x * scale[c] + shift[c] (an input normalisation). */
export interface ChannelAffine {
  readonly scale: readonly number[];
  readonly shift: readonly number[];
}

/**
 * Channels-last copy with zero padding: out[i0, i1, i2, i3] = src[sum(i * st)] where every i is below
 * `lim`, else 0. The last output dimension must be a multiple of 4.
 */
export function permute4(
  src: Tensor,
  outShape: readonly [number, number, number, number],
  st: number[],
  lim: number[],
): Tensor {
  const [D0, D1, D2, D3] = outShape;
  const out = Tensor.empty(outShape, src.dtype, "conv2d pack");
  const total = D0 * D1 * D2 * (D3 / 4);
  if (total === 0) return out;
  const f16 = src.dtype === "f16";
  const WG = 64;
  const groups = Math.ceil(total / WG);
  const gx = Math.min(groups, MAX_GRID);
  engine().run(f16 ? "conv2d_f16" : "conv2d", "permute", {
    bindings: { src, packed: out },
    uniforms: {
      D1,
      D2,
      D3q: D3 / 4,
      total,
      row: gx * WG,
      inv123: 4 / (D1 * D2 * D3),
      inv23: 4 / (D2 * D3),
      inv3: 4 / D3,
      st,
      lim,
      nscale: [1, 1, 1, 1],
      nshift: [0, 0, 0, 0],
    },
    workgroups: [gx, Math.ceil(groups / gx)],
  }, { WG });
  return out;
}

/**
 * x [N, C, H, W] -> [N, H, W, C4] (4x4 tiles with vec4 loads and stores when H*W % 4 == 0: a plane
 * is packed as one row of H*W pixels, so 4 consecutive pixels are one aligned vec4 of the source and
 * 4 consecutive pixels of the destination whatever W is; 14x14 planes need no scalar gathers).
 */
export function packActivations(x: Tensor, affine?: ChannelAffine): Tensor {
  const [N, C, H, W] = x.shape;
  const C4 = pad4(C);
  const HW = H * W;
  if (HW % 4 !== 0 || x.dtype !== "f32") {
    return permute4(x, [N, H, W, C4], [C * H * W, W, 1, H * W], [N, H, W, C]);
  }
  const out = Tensor.empty([N, H, W, C4], x.dtype, "conv2d pack");
  const total = N * (HW / 4) * (C4 / 4);
  if (total === 0) return out;
  const WG = 64;
  const groups = Math.ceil(total / WG);
  const gx = Math.min(groups, MAX_GRID);
  // On the software adapter the source from a texture copy (AT; a storage load is the slower part).
  const at = operandCopiesPay() ? vec4Texture(x, "pack source") : null;
  engine().run("conv2d", "pack", {
    bindings: { src4: paddedView(x), packed: out, at: at ?? spareTexture() },
    uniforms: {
      D1: 1,
      D2: HW / 4,
      D3q: C4 / 4,
      total,
      row: gx * WG,
      inv123: 16 / (HW * C4),
      inv23: 16 / (HW * C4),
      inv3: 4 / C4,
      st: [0, 0, 0, 0],
      lim: [N, H, W, C],
      nscale: [0, 1, 2, 3].map((c) => c >= C ? 0 : affine?.scale[c] ?? 1),
      nshift: [0, 1, 2, 3].map((c) => c >= C ? 0 : affine?.shift[c] ?? 0),
    },
    workgroups: [gx, Math.ceil(groups / gx)],
  }, { WG, AT: at ? 1 : 0 });
  return out;
}

/**
 * Whether the forward pass runs on an im2col copy of x (shaders/conv2d.wgsl `im2col`): when packing
 * channels by 4 per tap would at least double the reduction, e.g. C = 1 with a 3x3 kernel (K = 12
 * instead of 9 taps x 4 = 36; the MNIST CNN's first layer spent 20 % of a certification batch there).
 * C = 3 (a CIFAR stem: 28 against 36) stays on the packed path, where the copy would cost more than
 * the multiplies it saves.
 */
export function useIm2col(x: Tensor, g: ConvGeometry): boolean {
  const taps = g.KH * g.KW;
  return x.dtype === "f32" && taps > 1 && 2 * pad4(g.C * taps) <= taps * pad4(g.C);
}

/** x [N, C, H, W] -> [N, OH, OW, K4], K4 = pad4(C*KH*KW), column j = (c*KH + kh)*KW + kw. */
export function im2col(x: Tensor, g: ConvGeometry): Tensor {
  const Cj = g.C * g.KH * g.KW;
  const K4 = pad4(Cj);
  const out = Tensor.empty([g.N, g.OH, g.OW, K4], "f32", "conv2d im2col");
  // One invocation per output pixel (it writes the pixel's K4 / 4 vec4s).
  const total = g.N * g.OH * g.OW;
  const WG = 64;
  const groups = Math.ceil(total / WG);
  const gx = Math.min(groups, MAX_GRID);
  engine().run("conv2d", "im2col", {
    bindings: { src: x, packed: out },
    uniforms: {
      D1: g.OH,
      D2: g.OW,
      D3q: 1,
      total,
      row: gx * WG,
      inv123: 1 / (g.OH * g.OW),
      inv23: 1 / g.OW,
      inv3: 1,
      st: [g.H, g.W, g.S, g.P],
      lim: [g.C, g.KH, g.KW, Cj],
      nscale: [1, 1, 1, 1],
      nshift: [0, 0, 0, 0],
    },
    workgroups: [gx, Math.ceil(groups / gx)],
  }, { WG });
  return out;
}

/** w [O, C, KH, KW] -> [O, KH, KW, C4] (forward). */
export function packWeightsForward(w: Tensor): Tensor {
  return heldOr(w, "forward", () => {
    const [O, C, KH, KW] = w.shape;
    return permute4(w, [O, KH, KW, pad4(C)], [C * KH * KW, KW, 1, KH * KW], [O, KH, KW, C]);
  });
}

/** w [O, C, KH, KW] -> [KH, KW, O4, C4] (gradient of the input). */
export function packWeightsBackward(w: Tensor): Tensor {
  return heldOr(w, "backward", () => {
    const [O, C, KH, KW] = w.shape;
    return permute4(w, [KH, KW, pad4(O), pad4(C)], [KW, 1, C * KH * KW, KH * KW], [KH, KW, O, C]);
  });
}

/** The caller's own view of w's packing in `direction`, made once where w is held (held_weights.ts). */
function heldOr(w: Tensor, direction: "forward" | "backward", pack: () => Tensor): Tensor {
  const kept = heldValues(w);
  if (!kept) return pack();
  const key = `packed ${direction} ${w.shape.join("x")}`;
  let entry = kept.get(key) as (HeldValue & { packed: Tensor }) | undefined;
  if (!entry) {
    const packed = pack().keep();
    entry = { packed, release: () => packed.dispose() };
    kept.set(key, entry);
  }
  return entry.packed.view();
}
