/**
 * One implicit-GEMM pass of shaders/conv2d.wgsl (forward, input gradient or weight gradient: see the pass
 * table there): its tile plan (`tileConfig`), its split-K partials, the operand textures it binds on the
 * software adapter, and the dispatch.
 */
import type { Bindable, TextureBindable } from "../recorder.ts";
import { engine } from "../runtime.ts";
import { type Shape, Tensor } from "../tensor.ts";
import { currentTileConfig, splitCount } from "./matmul.ts";
import type { LaneAxis } from "./matmul_tiles.ts";
import { sum } from "./reduce.ts";
import { scalarConst } from "./reduce_kernels.ts";
import { MAX_GRID, paddedView, spareOutput } from "./util.ts";
import { copyIntoRows, spareTexture, TEXTURE_ROW, vec4Texture } from "./operand_texture.ts";
import { type ConvGeometry, pad4 } from "./conv_geometry.ts";
import { activationSlot, copyRow, residentTexture, residualTexture, rowsTexture } from "./conv_textures.ts";

export interface PassArgs {
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

export function plan(
  args: PassArgs,
  t = currentTileConfig().gemm(args.M, args.NC, args.lanes, args.K),
): Plan {
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
export function sharedOperandTexture(args: PassArgs, pl: Plan): TextureBindable | null {
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

/**
 * Record one pass into `target` (split s writes elements [s*ssplit, (s+1)*ssplit)); `wt`, when given,
 * is sharedOperandTexture(args, pl) already copied (passes that share their weights copy them once).
 */
export function dispatch(
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
export function activationTexture(args: PassArgs, macs = args.M * args.NC * args.K): TextureBindable | null {
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

/** conv2d_f16.wgsl has only the forward pass: no PASS or VA constants. */
function f16Overrides(o: Record<string, number>): Record<string, number> {
  const { PASS: _pass, VA: _va, ...rest } = o;
  return rest;
}

export function splitsFor(pl: Plan, K: number): number {
  const cfg = currentTileConfig();
  return Math.min(splitCount(pl.gx * pl.gy, K, cfg), MAX_GRID);
}

/** Sum split partials [splits, ...shape] into shape (or return the only one). */
export function reduceSplits(t: Tensor, splits: number, shape: Shape): Tensor {
  if (splits === 1) return t;
  const r = sum(t.view([splits, t.size / splits]), [0]);
  t.dispose();
  const v = r.view(shape);
  r.dispose();
  return v;
}
