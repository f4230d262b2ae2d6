/**
 * The forward convolution without autograd: by Winograd where it fits (conv_winograd.ts), else directly on
 * x for at most 4 input channels (conv_narrow.ts), as a 1x1 convolution of an im2col copy for a one-channel
 * input, else on packed activations; a folded batchnorm, residual and ReLU applied in the kernel's store
 * (the epilogue), or after the split-K sum.
 */
import { Tensor } from "../tensor.ts";
import { binaryRaw, unaryRaw, zeros } from "./elementwise_kernels.ts";
import { winogradFits, winogradForward } from "./conv_winograd.ts";
import { heldVec4Texture, vec4Texture } from "./operand_texture.ts";
import { type ConvGeometry, pad4 } from "./conv_geometry.ts";
import { im2col, packActivations, packWeightsForward, useIm2col } from "./conv_layout.ts";
import { residualTexture } from "./conv_textures.ts";
import { pointwiseFits, pointwiseForward } from "./conv_pointwise.ts";
import { narrowForward, narrowForwardFits } from "./conv_narrow.ts";
import {
  activationTexture,
  dispatch,
  type Epilogue,
  type PassArgs,
  plan,
  reduceSplits,
  splitsFor,
} from "./conv_pass.ts";

/**
 * Forward pass (no autograd): a pointwise convolution on x itself, by Winograd, a narrow convolution on x
 * itself, on the packed input, or as a 1 x 1 convolution of x's im2col copy.
 */
export function forward(
  x: Tensor,
  w: Tensor,
  bias: Tensor | null,
  g: ConvGeometry,
  epi?: Epilogue,
  packedOut = false,
): Tensor {
  const pointwise = !packedOut && !epi && pointwiseFits(g, x, w) ? pointwiseForward(x, w, bias, g) : null;
  if (pointwise) return pointwise;
  const winograd = packedOut ? null : winogradNchwForward(x, w, bias, g, epi);
  if (winograd) return winograd;
  const narrow = !packedOut && !epi?.residual && narrowForwardFits(g, x, w)
    ? narrowForward(x, w, { bias, scale: epi?.scale ?? null, relu: epi?.relu ?? false }, g)
    : null;
  if (narrow) return narrow;
  if (useIm2col(x, g)) {
    const cols = im2col(x, g);
    const Cj = g.C * g.KH * g.KW;
    const w1 = w.view([g.O, Cj, 1, 1]);
    const g1: ConvGeometry = { ...g, C: Cj, H: g.OH, W: g.OW, KH: 1, KW: 1, S: 1, P: 0 };
    const y = forwardPacked(cols, w1, bias, g1, epi, packedOut);
    w1.dispose();
    cols.dispose();
    return y;
  }
  const xp = packActivations(x);
  const y = forwardPacked(xp, w, bias, g, epi, packedOut);
  xp.dispose();
  return y;
}

/**
 * A forward pass with an NCHW output by Winograd where it fits (winogradFits): x itself, and the residual
 * where there is one, from texture copies, no packing. Null elsewhere.
 */
export function winogradNchwForward(
  x: Tensor,
  w: Tensor,
  bias: Tensor | null,
  g: ConvGeometry,
  epi?: Epilogue,
  hold = false,
  moments = false,
): Tensor | null {
  if (!winogradFits(g) || x.dtype !== "f32" || w.dtype !== "f32") return null;
  const at = (hold ? heldVec4Texture(x) : null) ?? vec4Texture(x, "winograd input");
  if (!at) return null;
  const rt = epi?.residual ? vec4Texture(epi.residual, "winograd residual") : null;
  if (epi?.residual && !rt) return null;
  const relu = epi?.relu ?? false;
  return winogradForward({
    g,
    w,
    bias,
    scale: epi?.scale ?? null,
    at,
    rt,
    relu,
    layout: "nchw",
    moments,
  });
}

/** The forward pass's GEMM over the packed input xp and packed weights wf (see conv2d.wgsl). */
export function forwardArgs(
  xp: Tensor,
  wf: Tensor,
  bias: Tensor | null,
  g: ConvGeometry,
  epi?: Epilogue,
): PassArgs {
  return {
    pass: 0,
    a: xp,
    b: wf,
    bias,
    g,
    M: g.N * g.OH * g.OW,
    NC: g.O,
    K: g.KH * g.KW * pad4(g.C),
    D1: g.OH,
    D2: g.OW,
    CK: pad4(g.C),
    TW: g.KW,
    lanes: "rows",
    VA: 0,
    epi,
  };
}

/**
 * Forward pass on the packed input; returns y (no autograd), or with `packedOut` y in the packed
 * layout [N, OH, OW, O4] (written so by the kernel, or packed afterwards when K is split).
 */
export function forwardPacked(
  xp: Tensor,
  w: Tensor,
  bias: Tensor | null,
  g: ConvGeometry,
  epi?: Epilogue,
  packedOut = false,
): Tensor {
  const outShape = [g.N, g.O, g.OH, g.OW];
  if (packedOut && winogradFits(g) && w.dtype === "f32") {
    // Both operands the Winograd kernel reads come from activation textures, as the direct kernel's do.
    const at = activationTexture({ ...forwardArgs(xp, w, bias, g, epi), packedOut });
    const rt = at && epi?.residual ? residualTexture(epi.residual, at) : null;
    if (at && (rt || !epi?.residual)) {
      const relu = epi?.relu ?? false;
      return winogradForward({ g, w, bias, scale: epi?.scale ?? null, at, rt, relu, layout: "packed" });
    }
  }
  const wf = packWeightsForward(w);
  const args = forwardArgs(xp, wf, bias, g, epi);
  const pl = plan(args);
  const splits = splitsFor(pl, args.K);
  if (packedOut && splits === 1) {
    const target = Tensor.empty([g.N, g.OH, g.OW, pad4(g.O)], "f32", "conv2d packed");
    dispatch({ ...args, packedOut }, pl, target, 1, target.size);
    wf.dispose();
    return target;
  }
  // With split-K and a packed output, the residual (packed like the output) and the ReLU are
  // applied after packing.
  const early = packedOut ? withoutTail(epi) : epi;
  const size = g.N * g.O * g.OH * g.OW;
  const target = Tensor.empty(splits === 1 ? outShape : [splits, ...outShape], "f32", "conv2d");
  dispatch({ ...args, epi: early }, pl, target, splits, size);
  wf.dispose();
  const y = reduceSplits(target, splits, outShape);
  // split-K sums partials afterwards, so the epilogue runs as separate elementwise passes
  const out = splits === 1 ? y : applyEpilogue(y, bias, early, g.O);
  return packedOut ? packWithTail(out, epi) : out;
}

/** The epilogue without its residual and ReLU (those of a packed output come after packing). */
export function withoutTail(epi: Epilogue | undefined): Epilogue | undefined {
  return epi && { ...epi, residual: null, relu: false };
}

/**
 * y [N, O, OH, OW] (computed with withoutTail(epi)) packed, then epi's residual, packed like the
 * output, and ReLU; consumes y.
 */
export function packWithTail(y: Tensor, epi: Epilogue | undefined): Tensor {
  let r = packActivations(y);
  y.dispose();
  const step = (next: Tensor) => {
    r.dispose();
    r = next;
  };
  if (epi?.residual) step(binaryRaw("add", r, epi.residual));
  if (epi?.relu) step(unaryRaw("relu", r));
  return r;
}

function applyEpilogue(y: Tensor, bias: Tensor | null, epi: Epilogue | undefined, O: number): Tensor {
  let r = y;
  const step = (f: (t: Tensor) => Tensor) => {
    const next = f(r);
    r.dispose();
    r = next;
  };
  const channel = (t: Tensor) => t.view([1, O, 1, 1]);
  if (epi?.scale) {
    const sv = channel(epi.scale);
    step((t) => binaryRaw("mul", t, sv));
    sv.dispose();
  }
  if (bias) {
    const bv = channel(bias);
    step((t) => binaryRaw("add", t, bv));
    bv.dispose();
  }
  if (epi?.residual) step((t) => binaryRaw("add", t, epi.residual!));
  if (epi?.relu) step((t) => unaryRaw("relu", t));
  return r;
}

export function emptyForward(g: ConvGeometry, bias: Tensor | null, epi?: Epilogue): Tensor | null {
  const outShape = [g.N, g.O, g.OH, g.OW];
  if (g.N * g.O !== 0 && g.C !== 0) return null;
  const z = zeros(outShape);
  if (z.size === 0) return z;
  return applyEpilogue(z, bias, epi, g.O);
}
