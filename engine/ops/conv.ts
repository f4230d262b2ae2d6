/**
 * 2-D convolution (NCHW, OIHW weights, zero padding, any kernel size, any stride) with autograd.
 * Forward and both backward passes are implicit GEMMs in shaders/conv2d.wgsl (see the pass table
 * there); the f16 inference path uses shaders/conv2d_f16.wgsl. Tile sizes come from `tileConfig`.
 */
import { attach, needsGrad, type PendingGrads } from "../autograd.ts";
import type { Bindable, TextureBindable } from "../recorder.ts";
import { engine } from "../runtime.ts";
import { type Shape, Tensor } from "../tensor.ts";
import { binaryRaw, unaryRaw, zeros } from "./elementwise_kernels.ts";
import { concat } from "./layout.ts";
import { checkPair, currentTileConfig, splitCount } from "./matmul.ts";
import type { LaneAxis } from "./matmul_tiles.ts";
import { sum } from "./reduce.ts";
import { scalarConst } from "./reduce_kernels.ts";
import { fmt, MAX_GRID, paddedView, spareOutput } from "./util.ts";
import { winogradFits, winogradForward, winogradGradFits, winogradWeightGradient } from "./conv_winograd.ts";
import {
  copyIntoRows,
  heldVec4Texture,
  operandCopiesPay,
  sizedTexture,
  spareTexture,
  TEXTURE_ROW,
  vec4Texture,
} from "./operand_texture.ts";

export interface Conv2dOptions {
  /** Same stride along height and width (default 1). */
  stride?: number;
  /** Zero padding on every side (default 0). */
  padding?: number;
  /**
   * conv2d: the output goes next into a training-mode batchnorm, which may then take its statistics from
   * partial moments the convolution leaves where its kernel computes them (engine/ops/moments.ts).
   */
  batchMoments?: boolean;
}

export interface ConvGeometry {
  N: number;
  C: number;
  H: number;
  W: number;
  O: number;
  KH: number;
  KW: number;
  S: number;
  P: number;
  OH: number;
  OW: number;
}

/** Output size and argument checks shared by the forward and backward entry points. */
export function convGeometry(op: string, xShape: Shape, wShape: Shape, opts: Conv2dOptions): ConvGeometry {
  const S = opts.stride ?? 1;
  const P = opts.padding ?? 0;
  if (!Number.isInteger(S) || S < 1) {
    throw new RangeError(`${op}: stride must be a positive integer, got ${S}`);
  }
  if (!Number.isInteger(P) || P < 0) {
    throw new RangeError(`${op}: padding must be a non-negative integer, got ${P}`);
  }
  if (xShape.length !== 4) throw new RangeError(`${op}: x must be [N, C, H, W], got ${fmt(xShape)}`);
  if (wShape.length !== 4) throw new RangeError(`${op}: w must be [O, C, KH, KW], got ${fmt(wShape)}`);
  const [N, C, H, W] = xShape;
  const [O, Cw, KH, KW] = wShape;
  if (Cw !== C) {
    throw new RangeError(
      `${op}: w must be [O, ${C}, KH, KW] to match x ${fmt(xShape)} (C=${C}), got ${fmt(wShape)}`,
    );
  }
  if (KH < 1 || KW < 1) throw new RangeError(`${op}: kernel size must be at least 1x1, got w ${fmt(wShape)}`);
  const OH = Math.floor((H + 2 * P - KH) / S) + 1;
  const OW = Math.floor((W + 2 * P - KW) / S) + 1;
  if (OH < 1 || OW < 1) {
    throw new RangeError(
      `${op}: kernel ${KH}x${KW} with padding ${P} does not fit input ${H}x${W} (x ${fmt(xShape)}, w ${
        fmt(wShape)
      })`,
    );
  }
  // The kernels' float-reciprocal divisions are exact for quotients below ~4e6 (the quotients are
  // batch, row, channel and tap indices) and offsets are u32.
  if (Math.max(N, C, O, H, W, KH, KW) >= 1 << 20) {
    throw new RangeError(`${op}: x ${fmt(xShape)} with w ${fmt(wShape)} exceeds the supported sizes`);
  }
  if (N * Math.max(C, O) * Math.max(H * W, OH * OW) >= 2 ** 31) {
    throw new RangeError(
      `${op}: x ${fmt(xShape)} with w ${fmt(wShape)} has more than 2^31 elements per tensor`,
    );
  }
  return { N, C, H, W, O, KH, KW, S, P, OH, OW };
}

interface PassArgs {
  pass: 0 | 1 | 2;
  /** Packed operands (see shaders/conv2d.wgsl): a is read as vec4 (and scalars in PASS 2), b as vec4. */
  a: Tensor;
  b: Tensor;
  bias: Tensor | null;
  g: ConvGeometry;
  M: number;
  NC: number;
  K: number;
  D1: number;
  D2: number;
  CK: number;
  TW: number;
  phase?: { ph: number; pw: number; kh0: number; kw0: number; dh: number; dw: number };
  lanes: LaneAxis;
  VA: number;
  /** Forward only: per-channel scale, residual input and ReLU applied in the kernel's store. */
  epi?: Epilogue;
  /** Forward only, without split-K: write the packed layout [N, OH, OW, O4] (stPacked). */
  packedOut?: boolean;
  /** Forward only, one split: A is this first layer's output, computed in the kernel (entry `first`). */
  first?: FirstLayer;
}

/**
 * A one-channel 3x3 first layer relu(conv(x, w) + bias) whose output a convolution's kernel computes
 * as it reads it (shaders/conv2d.wgsl, entry point `first`) from x [N, 1, H, W]; g is its geometry. Its
 * weights at the 9 taps and its bias ([10, C4]) reach the kernel as the texture `at` (firstWeightsTexture).
 */
interface FirstLayer {
  /** x as a texture (firstInputTexture). */
  xt: TextureBindable;
  g: ConvGeometry;
}

/** y = relu?(conv(x, w) * scale[o] + bias[o] + residual): a convolution, its folded batchnorm and the tail of a ResNet block. */
export interface Epilogue {
  scale: Tensor | null;
  residual: Tensor | null;
  relu: boolean;
}

interface Plan {
  gx: number;
  gy: number;
  overrides: Record<string, number>;
}

const pad4 = (n: number) => Math.ceil(n / 4) * 4;

function plan(args: PassArgs, t = currentTileConfig().gemm(args.M, args.NC, args.lanes, args.K)): Plan {
  const gx = Math.ceil(args.NC / (4 * t.CB * t.WGX));
  const gy = Math.ceil(args.M / (4 * t.RB * t.WGY));
  if (gx > MAX_GRID || gy > MAX_GRID) {
    throw new RangeError(`conv2d: GEMM ${args.M}x${args.NC} exceeds the dispatch grid`);
  }
  return {
    gx,
    gy,
    overrides: {
      RB: t.RB,
      CB: t.CB,
      WGX: t.WGX,
      WGY: t.WGY,
      WGS: t.WGX * t.WGY,
      PASS: args.pass,
      VA: args.VA,
      BIAS: 0,
    },
  };
}

/**
 * On the software adapter, the operand that all lanes of a workgroup share, as a texture (conv2d.wgsl's
 * WT): in a forward or input-gradient pass, whose lanes span rows, the weights (b4's rows: wf [O, K] or
 * wb [KH*KW*O4, C4]); in a weight-gradient pass, whose lanes span columns, the output gradient g
 * ([N*O, OH*OW] rows, read by vec4s of 4 pixels when OH*OW % 4 == 0).
 */
function sharedOperandTexture(args: PassArgs, pl: Plan): TextureBindable | null {
  if (args.a.dtype === "f16" || currentTileConfig().kind !== "software") return null;
  const { a, b, g } = args;
  if (args.pass === 2) {
    // g's vec4s 4096 to a texture row (TEXTURE_ROW): a row per image and channel went past the texture
    // size from N*O = 8192 (the 32- and 64-channel layers at batch 400 fell back to the storage buffer,
    // 3x slower).
    return pl.overrides.WGX > 1 && args.VA === 1 ? vec4Texture(a, "output gradient") : null;
  }
  if (pl.overrides.WGX !== 1) return null;
  if (args.pass === 1) return rowsTexture(b, g.KH * g.KW * pad4(g.O), pad4(g.C));
  // Forward: two more rows for the epilogue's bias (row NC) and scale (NC + 1), which every lane reads
  // at the same address too (conv2d.wgsl's st).
  const wt = rowsTexture(b, args.NC, args.K, args.NC + 2, Math.ceil(args.NC / 4));
  if (wt) {
    if (args.bias) copyRow(args.bias, wt.texture, args.NC);
    if (args.epi?.scale) copyRow(args.epi.scale, wt.texture, args.NC + 1);
  }
  return wt;
}

/** `values` as vec4s into row `row` of `texture` (a bias or folded scale into `wt`, `first`'s weights). */
function copyRow(values: Tensor, texture: GPUTexture, row = 0): void {
  const texels = Math.ceil(values.size / 4);
  engine().rec.copyToTexture(paddedView(values), Math.ceil(texels / 16) * 256, texture, texels, 1, row);
}

/**
 * Record one pass into `target` (split s writes elements [s*ssplit, (s+1)*ssplit)); `wt`, when given,
 * is sharedOperandTexture(args, pl) already copied (passes that share their weights copy them once).
 */
function dispatch(
  args: PassArgs,
  pl: Plan,
  target: Tensor,
  splits: number,
  ssplit: number,
  wt = sharedOperandTexture(args, pl),
  at = activationTexture(args),
): void {
  const { a, b, g } = args;
  const f16 = a.dtype === "f16";
  const kchunk = Math.max(4, Math.ceil(Math.ceil(args.K / splits) / 4) * 4);
  const ph = args.phase ?? { ph: 0, pw: 0, kh0: 0, kw0: 0, dh: 0, dw: 0 };
  const D1 = Math.max(1, args.D1),
    D2 = Math.max(1, args.D2),
    CK = Math.max(1, args.CK),
    TW = Math.max(1, args.TW);
  const useBias = args.bias !== null && splits === 1;
  const biasT = useBias ? args.bias! : scalarConst(0);
  const epi = splits === 1 && args.pass === 0 ? args.epi : undefined;
  const scaled = epi?.scale ? 1 : 0;
  const scale = epi?.scale ?? scalarConst(1);
  const res = epi?.residual ?? scalarConst(0);
  if (f16 && args.pass !== 0) throw new TypeError("conv2d: the f16 path is forward-only");
  // V4: the forward rows come in blocks of 4 adjacent pixels of one image, stored by vec4s through
  // out4, a vec4 binding of the output (st4 in conv2d.wgsl); on lavapipe the unrolled stores then
  // compile 2-2.5x faster. Used where the epilogue loads per-channel or residual data (a ResNet's
  // folded batchnorm): a plain convolution keeps scalar stores, so that a model whose planes are not
  // all multiples of 4 (the MNIST CNN: 28x28, 14x14, 7x7) compiles one store variant, not two
  // (measured: the default certify's first image 7.9 s -> 12.2 s with an empty cache with two).
  const OUTP = args.packedOut ? 1 : 0;
  if (OUTP && (splits !== 1 || f16)) throw new Error("conv2d: packed output needs one f32 split");
  const forwardV4 = !OUTP && args.pass === 0 && (scaled || epi?.residual) && (g.OH * g.OW) % 4 === 0;
  // An input gradient at stride 1 has one phase whose rows are the input's pixels, so its blocks are 4
  // adjacent pixels too where H*W % 4 == 0.
  const inputV4 = args.pass === 1 && g.S === 1 && (g.H * g.W) % 4 === 0;
  const V4 = forwardV4 || inputV4 ? 1 : 0;
  // A forward V4 kernel, and a packed-output one whose epilogue loads data (a folded batchnorm), always
  // carries the residual code, switched by the uniform `res`: a ResNet's convolutions with and without
  // a residual then share one pipeline per tile (two variants cost ResNet-20 13 s more code
  // generation with an empty cache); a plain convolution (the MNIST CNN) compiles none.
  const carriesResidual = forwardV4 || (OUTP && scaled) || epi?.residual;
  const EPI = scaled | (carriesResidual ? 2 : 0);
  // A kernel writes through out or out4, never both, but WebGPU forbids binding one buffer to two
  // writable bindings of a dispatch, so the other one gets a spare buffer it never touches.
  const outputs = V4 || OUTP
    ? { out: spareOutput(), out4: paddedView(target) }
    : { out: target, out4: spareOutput() };
  const epilogueIo = { ...outputs, scale, res4: paddedView(res) };
  // On the software adapter a packed output's residual comes from a texture (residualTexture), and
  // such a kernel compiles only that source (RT), with or without a residual this dispatch.
  const rt = OUTP && epi?.residual ? residualTexture(epi.residual, at) : null;
  const RT = OUTP && (EPI & 2) && currentTileConfig().kind === "software" && (rt || !epi?.residual) ? 1 : 0;
  const first = args.first;
  if (first && (splits !== 1 || !OUTP)) {
    throw new Error("conv2d: a fused first layer needs one split into packed activations");
  }
  const operands: Record<string, Bindable | TextureBindable> = first
    ? { a, xt: first.xt } // `first` reads x through xt; a is bound for the PASS 2 code it compiles out
    : { a, a4: paddedView(a) };
  const bindings: Record<string, Bindable | TextureBindable> = f16
    ? { a2: paddedView(a, 8), b2: paddedView(b, 8), bias: biasT, ...epilogueIo }
    : { ...operands, b4: paddedView(b), bias: biasT, wt: wt ?? spareTexture(), ...epilogueIo };
  if (!f16) {
    bindings.at = at ?? spareTexture();
    bindings.rt = rt ?? spareTexture();
  }
  const fg = first?.g;
  engine().run(
    f16 ? "conv2d_f16" : "conv2d",
    first ? "first" : "main",
    {
      bindings,
      uniforms: {
        N: g.N,
        C: g.C,
        H: g.H,
        W: g.W,
        O: g.O,
        OH: g.OH,
        OW: g.OW,
        KH: g.KH,
        KW: g.KW,
        S: g.S,
        P: g.P,
        M: args.M,
        NC: args.NC,
        K: args.K,
        kchunk,
        ssplit,
        D1,
        D2,
        CK,
        TW,
        invD12: 1 / (D1 * D2),
        invD2: 1 / D2,
        invCK: 1 / CK,
        invTW: 1 / TW,
        ph: ph.ph,
        pw: ph.pw,
        kh0: ph.kh0,
        kw0: ph.kw0,
        dh: ph.dh,
        dw: ph.dw,
        C4: pad4(g.C),
        O4: pad4(g.O),
        res: rt ? 2 : epi?.residual ? 1 : 0,
        relu: epi?.relu ? 1 : 0,
        // conv2d.wgsl's first layer (conv2d_f16.wgsl has none)
        ...(f16 ? {} : { xH: fg?.H ?? 0, xW: fg?.W ?? 0, xS: fg?.S ?? 0, xP: fg?.P ?? 0 }),
        fence: 0,
      },
      workgroups: [pl.gx, pl.gy, splits],
    },
    f16 ? { ...f16Overrides(pl.overrides), BIAS: useBias ? 1 : 0, EPI, V4 } : {
      ...pl.overrides,
      BIAS: useBias ? 1 : 0,
      EPI,
      V4,
      OUTP,
      WT: wt ? 1 : 0,
      RT,
      AT: at ? 1 : 0,
      ...(first ? { FIRST: 1 } : {}),
    },
  );
}

/**
 * `rows` rows of `K` floats (packed weights wf [O, K] or wb [KH*KW*O4, C4]), as the texture conv2d.wgsl
 * reads on the software adapter (`wt`): texel (k / 4, r) holds row r's
 * k..k+3, in a texture of at least `height` rows and `minWidth` texels (room for a forward pass's
 * epilogue rows). The texture is shared by every pass whose operand fits the same size and is rewritten before
 * each (copies and dispatches run in recording order, so a pass reads what was copied just before it);
 * null when the operand exceeds the adapter's texture size.
 */
function rowsTexture(
  w: Tensor,
  rows: number,
  K: number,
  height = rows,
  minWidth = 0,
): TextureBindable | null {
  const width = K / 4;
  const texture = sizedTexture(Math.max(width, minWidth), height);
  if (!texture) return null;
  // A buffer-to-texture copy needs rows at multiples of 256 bytes: pad K to a multiple of 64 floats.
  const Kp = Math.ceil(K / 64) * 64;
  const padded = Kp === K ? w : permute4(w, [1, 1, rows, Kp], [0, 0, K, 1], [1, 1, rows, K]);
  engine().rec.copyToTexture(padded, Kp * 4, texture, width, rows);
  if (padded !== w) padded.dispose();
  return { texture };
}

/**
 * Multiply-adds per texel below which a pass does not copy its per-lane operand into a texture. Measured
 * with sampled textures (batch 400, interleaved): a 1x1 stride-2 downsample (32 and 64 per texel) ran
 * 10.5-10.8 -> 12.9-14.7 ms with it, a 3x3 stride-2 convolution from 16 to 32 channels (288) the same, the
 * 3x3 stride-1 ones (576 and more) 5-15 % faster. With storage textures (four times cheaper to read, an
 * AVX2 machine): the CIFAR stem's input gradient (3 outputs, 108 per texel) 157 -> 16 ms over two
 * SmoothAdv steps (profiled), the Gaussian step unchanged with the threshold at 16.
 */
const MIN_MACS_PER_TEXEL = 96;

/**
 * On the software adapter, the packed operand whose rows are each lane's own (activations or output
 * gradients, [..., C4] as vec4s: A of a forward or input-gradient pass, B of a weight-gradient pass) as
 * the texture conv2d.wgsl's `at`, copied in recording order, where the pass (`macs` multiply-adds: all
 * its dispatches') does enough work per texel to repay the copy; null elsewhere or beyond the adapter's
 * texture size.
 */
function activationTexture(args: PassArgs, macs = args.M * args.NC * args.K): TextureBindable | null {
  const a = args.pass === 2 ? args.b : args.a;
  if (a.dtype !== "f32" || args.first || currentTileConfig().kind !== "software") return null;
  if (a.size % 4 !== 0) throw new Error(`conv2d: packed operand of ${a.size} values is not whole vec4s`);
  // A packed pass whose operand a texture still holds reads it there, copy-free (a ResNet downsample's
  // shortcut reads the block input its first convolution copied), whatever its work per texel.
  const resident = args.packedOut ? residentTexture(a) : null;
  if (resident) return resident;
  const texels = a.size / 4;
  if (macs < MIN_MACS_PER_TEXEL * texels) return null;
  const texture = activationSlot(a);
  if (!texture) return null;
  copyIntoRows(a, texture, TEXTURE_ROW, 16);
  return { texture };
}

/**
 * Which of the two activation textures of this size receives `a`: the one written less recently, so
 * that the other keeps the operand before (a ResNet block's input, copied for its first convolution,
 * survives the copy of the second's input and serves as that one's residual: residentTexture), and
 * never `keep` (the texture a pass reads its operand from, when its residual is copied beside it).
 */
function activationSlot(a: Tensor, keep?: GPUTexture): GPUTexture | null {
  const slots = activationTextures(a)?.filter((s) => s !== keep);
  if (!slots?.length) return null;
  const age = (t: GPUTexture) => textureContents.get(t)?.tick ?? -1;
  const texture = slots.reduce((x, y) => age(x) <= age(y) ? x : y);
  textureContents.set(texture, { tensor: a, tick: textureTick++ });
  return texture;
}

/** The two activation textures sized for `t`'s vec4s, or null beyond the adapter's texture size. */
function activationTextures(t: Tensor): [GPUTexture, GPUTexture] | null {
  const rows = Math.max(1, Math.ceil(t.size / 4 / TEXTURE_ROW));
  const a = sizedTexture(TEXTURE_ROW, rows, "activations 0"),
    b = sizedTexture(TEXTURE_ROW, rows, "activations 1");
  return a && b ? [a, b] : null;
}

/** What each activation texture holds (the tensor last copied into it) and when it was written. */
const textureContents = new WeakMap<GPUTexture, { tensor: Tensor; tick: number }>();
let textureTick = 0;

/**
 * A texture that holds `t` (copied there as an earlier pass's operand and not overwritten since), for a
 * packed forward pass to read its residual (`rt`, Conv.res = 2) or its operand from; null where none
 * does. Only the packed inference path asks: it never writes a tensor after creating it, so the copy is
 * still its value. Measured on an AVX2 machine (ResNet-20 at batch 400, interleaved runs), the residual
 * from there: a 16-channel residual layer 93-95 ms against 109-110 ms, a batch 1,449-1,537 ms against
 * 1,557-1,626 ms.
 */
function residentTexture(t: Tensor): TextureBindable | null {
  if (t.disposed || currentTileConfig().kind !== "software") return null;
  const texture = activationTextures(t)?.find((s) => textureContents.get(s)?.tensor === t);
  return texture ? { texture } : null;
}

/**
 * The texture a packed forward pass reads its residual from (`rt`, Conv.res = 2) on the software adapter:
 * the one that still holds it (residentTexture: a ResNet block's input), else a copy in the activation
 * texture of its size that does not hold the pass's operand `at` (a downsampling block's shortcut
 * output). Null elsewhere or beyond the adapter's texture size. Compiling one residual source instead
 * of two (a per-lane storage load besides) halved lavapipe's code generation for a ResNet's
 * convolutions; the copy runs near memcpy speed (ResNet-20's first downsampling block at batch 400: 13
 * MB, about 2.5 ms at the 5.3 GB/s measured on an AVX2 machine).
 */
function residualTexture(residual: Tensor, at: TextureBindable | null): TextureBindable | null {
  const resident = residentTexture(residual);
  if (resident || residual.dtype !== "f32" || currentTileConfig().kind !== "software") return resident;
  const texture = activationSlot(residual, at?.texture);
  if (!texture) return null;
  copyIntoRows(residual, texture, TEXTURE_ROW, 16);
  return { texture };
}

/**
 * The fused first layer's weights and bias ([10, C4] as vec4s) as the texture `first` reads them
 * (`at`, one row), or null where they exceed the adapter's texture size. Every lane of a workgroup
 * reads the same 10 texels per channel group and tap, and Mesa 22.3 issues a storage load at a shared
 * address as a loop over the lanes: measured on an AVX2 machine (the MNIST CNN's fused pair, batch
 * 400), 147-148 ms from the texture against 173-175 ms from a storage buffer.
 */
function firstWeightsTexture(w10: Tensor): TextureBindable | null {
  const texels = w10.size / 4;
  const texture = sizedTexture(texels, 1, "first layer");
  if (!texture) return null;
  copyRow(w10, texture);
  return { texture };
}

/**
 * The fused first layer's input x [N, 1, H, W] as the texture `first` reads it (`xt`, r32float, value q
 * at texel (q % 4096, q / 4096)), or null where it exceeds the adapter's texture size. Each lane reads 9
 * values of its own per tap, which a storage load makes a loop over the lanes with two branches per
 * value and a texel fetch a gather: measured on an AVX2 machine (the MNIST CNN's pair, batch 400),
 * 131-132 ms against 145-151 ms from a storage buffer.
 */
function firstInputTexture(x: Tensor): TextureBindable | null {
  const rows = Math.max(1, Math.ceil(x.size / TEXTURE_ROW));
  const texture = sizedTexture(TEXTURE_ROW, rows, "first layer input", "r32float");
  if (!texture) return null;
  copyIntoRows(x, texture, TEXTURE_ROW, 4);
  return { texture };
}

/** conv2d_f16.wgsl has only the forward pass: no PASS or VA constants. */
function f16Overrides(o: Record<string, number>): Record<string, number> {
  const { PASS: _pass, VA: _va, ...rest } = o;
  return rest;
}

/**
 * Channels-last copy with zero padding: out[i0, i1, i2, i3] = src[sum(i * st)] where every i is below
 * `lim`, else 0. The last output dimension must be a multiple of 4.
 */
function permute4(
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
function packActivations(x: Tensor, affine?: ChannelAffine): Tensor {
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
function useIm2col(x: Tensor, g: ConvGeometry): boolean {
  const taps = g.KH * g.KW;
  return x.dtype === "f32" && taps > 1 && 2 * pad4(g.C * taps) <= taps * pad4(g.C);
}

/** x [N, C, H, W] -> [N, OH, OW, K4], K4 = pad4(C*KH*KW), column j = (c*KH + kh)*KW + kw. */
function im2col(x: Tensor, g: ConvGeometry): Tensor {
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

/** Forward pass (no autograd): on the packed input, or as a 1 x 1 convolution of x's im2col copy. */
function forward(
  x: Tensor,
  w: Tensor,
  bias: Tensor | null,
  g: ConvGeometry,
  epi?: Epilogue,
  packedOut = false,
): Tensor {
  const winograd = packedOut ? null : winogradNchwForward(x, w, bias, g, epi);
  if (winograd) return winograd;
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
 * A forward pass with an NCHW output by Winograd where it fits (winogradFits; no residual): x itself from a
 * texture copy, no packing. Null elsewhere.
 */
function winogradNchwForward(
  x: Tensor,
  w: Tensor,
  bias: Tensor | null,
  g: ConvGeometry,
  epi?: Epilogue,
  hold = false,
  moments = false,
): Tensor | null {
  if (!winogradFits(g) || x.dtype !== "f32" || w.dtype !== "f32" || epi?.residual) return null;
  const at = (hold ? heldVec4Texture(x) : null) ?? vec4Texture(x, "winograd input");
  if (!at) return null;
  const relu = epi?.relu ?? false;
  return winogradForward({
    g,
    w,
    bias,
    scale: epi?.scale ?? null,
    at,
    rt: null,
    relu,
    layout: "nchw",
    moments,
  });
}

/** w [O, C, KH, KW] -> [O, KH, KW, C4] (forward). */
function packWeightsForward(w: Tensor): Tensor {
  const [O, C, KH, KW] = w.shape;
  return permute4(w, [O, KH, KW, pad4(C)], [C * KH * KW, KW, 1, KH * KW], [O, KH, KW, C]);
}

/** w [O, C, KH, KW] -> [KH, KW, O4, C4] (gradient of the input). */
function packWeightsBackward(w: Tensor): Tensor {
  const [O, C, KH, KW] = w.shape;
  return permute4(w, [KH, KW, pad4(O), pad4(C)], [KW, 1, C * KH * KW, KH * KW], [KH, KW, O, C]);
}

function splitsFor(pl: Plan, K: number): number {
  const cfg = currentTileConfig();
  return Math.min(splitCount(pl.gx * pl.gy, K, cfg), MAX_GRID);
}

/** Sum split partials [splits, ...shape] into shape (or return the only one). */
function reduceSplits(t: Tensor, splits: number, shape: Shape): Tensor {
  if (splits === 1) return t;
  const r = sum(t.view([splits, t.size / splits]), [0]);
  t.dispose();
  const v = r.view(shape);
  r.dispose();
  return v;
}

/** The forward pass's GEMM over the packed input xp and packed weights wf (see conv2d.wgsl). */
function forwardArgs(xp: Tensor, wf: Tensor, bias: Tensor | null, g: ConvGeometry, epi?: Epilogue): PassArgs {
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
function forwardPacked(
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
function withoutTail(epi: Epilogue | undefined): Epilogue | undefined {
  return epi && { ...epi, residual: null, relu: false };
}

/**
 * y [N, O, OH, OW] (computed with withoutTail(epi)) packed, then epi's residual, packed like the
 * output, and ReLU; consumes y.
 */
function packWithTail(y: Tensor, epi: Epilogue | undefined): Tensor {
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

function emptyForward(g: ConvGeometry, bias: Tensor | null, epi?: Epilogue): Tensor | null {
  const outShape = [g.N, g.O, g.OH, g.OW];
  if (g.N * g.O !== 0 && g.C !== 0) return null;
  const z = zeros(outShape);
  if (z.size === 0) return z;
  return applyEpilogue(z, bias, epi, g.O);
}

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

/** A per-channel affine map x * scale[c] + shift[c] (an input normalisation). */
export interface ChannelAffine {
  readonly scale: readonly number[];
  readonly shift: readonly number[];
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
function checkChannelParams(
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

/** Forward convolution without autograd. */
export function conv2dRaw(x: Tensor, w: Tensor, bias: Tensor | null, opts: Conv2dOptions = {}): Tensor {
  const g = convGeometry("conv2d", x.shape, w.shape, opts);
  const empty = emptyForward(g, bias);
  if (empty) return empty;
  return forward(x, w, bias, g);
}

/** Gradient of conv2d with respect to its input: g [N, O, OH, OW], w [O, C, KH, KW] -> [N, C, H, W]. */
export function conv2dBackwardInput(gy: Tensor, w: Tensor, xShape: Shape, opts: Conv2dOptions = {}): Tensor {
  const op = "conv2d backward (input)";
  const g = convGeometry(op, xShape, w.shape, opts);
  checkGrad(op, gy, g);
  const grad = new OutputGradient(gy);
  const dx = inputGradient(grad, w, g, op);
  grad.dispose();
  return dx;
}

/**
 * The output gradient gy [N, O, OH, OW] of one backward step in the forms its passes read, each made when
 * first asked for and shared: packed [N, OH, OW, O4] (the direct input gradient), and copied as it is into
 * a texture (the Winograd passes).
 */
class OutputGradient {
  #packed: Tensor | null = null;
  #texture: TextureBindable | null | undefined;
  constructor(readonly gy: Tensor) {}
  packed(): Tensor {
    return this.#packed ??= packActivations(this.gy);
  }
  /** gy's vec4s in a texture (null beyond the texture size), copied once in recording order. */
  texture(): TextureBindable | null {
    if (this.#texture === undefined) this.#texture = vec4Texture(this.gy, "winograd output gradient");
    return this.#texture;
  }
  dispose(): void {
    this.#packed?.dispose();
  }
}

/** conv2dBackwardInput on its checked geometry. */
function inputGradient(
  grad: OutputGradient,
  w: Tensor,
  g: ConvGeometry,
  op: string,
  pending?: PendingGrads,
): Tensor {
  if (w.dtype !== "f32") throw new TypeError(`${op}: w must be f32, got ${w.dtype}`);
  const shape = [g.N, g.C, g.H, g.W];
  if (g.N * g.C * g.H * g.W === 0) return zeros(shape);
  if (g.O === 0) return zeros(shape);
  const S = g.S;
  const O4 = pad4(g.O);
  const winograd = winogradInputGradient(grad, w, g, pending);
  if (winograd) return winograd;
  const gp = grad.packed(); // [N, OH, OW, O4]
  const wb = packWeightsBackward(w);
  const phases: PassArgs[] = [];
  for (let ph = 0; ph < S; ph++) {
    for (let pw = 0; pw < S; pw++) {
      const Hp = Math.ceil((g.H - ph) / S), Wp = Math.ceil((g.W - pw) / S);
      if (Hp <= 0 || Wp <= 0) continue;
      // Taps kh with (ph + P - kh) % S == 0 reach this phase: kh0, kh0 + S, ...
      const kh0 = (ph + g.P) % S, kw0 = (pw + g.P) % S;
      const KHp = kh0 < g.KH ? Math.ceil((g.KH - kh0) / S) : 0;
      const KWp = kw0 < g.KW ? Math.ceil((g.KW - kw0) / S) : 0;
      phases.push({
        pass: 1,
        a: gp,
        b: wb,
        bias: null,
        g,
        M: g.N * Hp * Wp,
        NC: g.C,
        K: KHp * KWp * O4,
        D1: Hp,
        D2: Wp,
        CK: O4,
        TW: KWp,
        phase: { ph, pw, kh0, kw0, dh: (ph + g.P - kh0) / S, dw: (pw + g.P - kw0) / S },
        lanes: "rows",
        VA: 0,
      });
    }
  }
  const plans = phases.map((p) => plan(p));
  // One split count for all phases (each split slice must be written by every phase).
  let splits = 1;
  phases.forEach((p, i) => (splits = Math.max(splits, splitsFor(plans[i], p.K))));
  const size = g.N * g.C * g.H * g.W;
  const target = Tensor.empty(splits === 1 ? shape : [splits, ...shape], "f32", op);
  // The stride phases read the same weights: one texture copy serves them all.
  const wt = sharedOperandTexture(phases[0], plans[0]);
  const at = activationTexture(phases[0], phases.reduce((n, p) => n + p.M * p.NC * p.K, 0));
  phases.forEach((p, i) => dispatch(p, plans[i], target, splits, size, wt, at));
  wb.dispose();
  return reduceSplits(target, splits, shape);
}

/**
 * The input gradient by Winograd where it fits (winogradFits): for a 3x3 stride-1 padding-1 convolution it
 * is the same convolution of the output gradient (read as it is, NCHW, from its texture) with each kernel
 * w[o, c] turned by 180 degrees and the channels swapped. Where x's gradient from its other uses is already
 * summed (`pending`: a residual block's input), the kernel adds it as its residual, from a texture copy,
 * instead of a separate addition reading copies of both. Null where it does not fit or the texture is not
 * at hand.
 */
function winogradInputGradient(
  grad: OutputGradient,
  w: Tensor,
  g: ConvGeometry,
  pending?: PendingGrads,
): Tensor | null {
  const gt: ConvGeometry = { ...g, C: g.O, O: g.C };
  if (!winogradFits(gt)) return null;
  const at = grad.texture();
  if (!at) return null;
  const other = pending?.peek(0);
  const fits = other?.dtype === "f32" && other.shape.join() === [g.N, g.C, g.H, g.W].join();
  const rt = fits ? vec4Texture(other, "winograd accumulated gradient") : null;
  if (rt) pending!.take(0);
  return winogradForward({
    g: gt,
    w,
    flip: true,
    bias: null,
    scale: null,
    at,
    rt,
    relu: false,
    layout: "nchw",
  });
}

/** Weight gradient from the packed input xp [N, H, W, C4]. */
function backwardWeightPacked(gy: Tensor, xp: Tensor, g: ConvGeometry, op: string): Tensor {
  const shape = [g.O, g.C, g.KH, g.KW];
  const K = g.N * g.OH * g.OW;
  const NC = g.KH * g.KW * pad4(g.C);
  if (g.O * g.C === 0 || K === 0) return zeros(shape);
  const args: PassArgs = {
    pass: 2,
    a: gy,
    b: xp,
    bias: null,
    g,
    M: g.O,
    NC,
    K,
    D1: g.OH,
    D2: g.OW,
    CK: pad4(g.C),
    TW: g.KW,
    lanes: "cols",
    VA: (g.OH * g.OW) % 4 === 0 ? 1 : 0,
  };
  const pl = plan(args);
  const splits = splitsFor(pl, K);
  const size = g.O * g.C * g.KH * g.KW;
  const target = Tensor.empty(splits === 1 ? shape : [splits, ...shape], "f32", op);
  dispatch(args, pl, target, splits, size);
  return reduceSplits(target, splits, shape);
}

/**
 * The weight gradient by Winograd where it fits (winogradGradFits): x and the output gradient read as they
 * are, NCHW, from texture copies (the output gradient's shared with the input gradient). Null where it does
 * not fit or a texture is not at hand.
 */
function winogradWeightGradientOf(grad: OutputGradient, x: Tensor, g: ConvGeometry): Tensor | null {
  if (!winogradGradFits(g) || x.dtype !== "f32") return null;
  const gt = grad.texture();
  if (!gt) return null;
  const xt = heldVec4Texture(x) ?? vec4Texture(x, "winograd input");
  return xt && winogradWeightGradient(g, xt, gt);
}

/** Gradient of conv2d with respect to its weight: g [N, O, OH, OW], x [N, C, H, W] -> [O, C, KH, KW]. */
export function conv2dBackwardWeight(gy: Tensor, x: Tensor, wShape: Shape, opts: Conv2dOptions = {}): Tensor {
  const op = "conv2d backward (weight)";
  const g = convGeometry(op, x.shape, wShape, opts);
  checkGrad(op, gy, g);
  if (x.dtype !== "f32") throw new TypeError(`${op}: x must be f32, got ${x.dtype}`);
  if (g.N * g.C * g.H * g.W === 0) return zeros([g.O, g.C, g.KH, g.KW]);
  const grad = new OutputGradient(gy);
  const dw = weightGradient(grad, x, g, op);
  grad.dispose();
  return dw;
}

/** The weight gradient from x itself: by Winograd where it fits, else on x packed here. */
function weightGradient(grad: OutputGradient, x: Tensor, g: ConvGeometry, op: string): Tensor {
  const winograd = winogradWeightGradientOf(grad, x, g);
  if (winograd) return winograd;
  const xp = packActivations(x);
  const dw = backwardWeightPacked(grad.gy, xp, g, op);
  xp.dispose();
  return dw;
}

function checkGrad(op: string, gy: Tensor, g: ConvGeometry): void {
  const want = [g.N, g.O, g.OH, g.OW];
  if (gy.dtype !== "f32") throw new TypeError(`${op}: the output gradient must be f32, got ${gy.dtype}`);
  if (gy.rank !== 4 || gy.shape.some((d, i) => d !== want[i])) {
    throw new RangeError(`${op}: output gradient must be ${fmt(want)}, got ${fmt(gy.shape)}`);
  }
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
  // By Winograd, x itself serves the forward pass and, saved, the weight gradient; an im2col copy (one
  // input channel) serves only the forward pass, and the weight gradient packs x when it is needed.
  // (x's texture held from the forward pass to the weight gradient, where there is one)
  const winograd = winogradNchwForward(x, w, bias, g, undefined, needsGrad(x, w, bias), opts.batchMoments);
  if (winograd || useIm2col(x, g)) {
    const y = winograd ?? forward(x, w, bias, g);
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
