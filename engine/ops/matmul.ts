/**
 * Matrix products: `matmul` (2-D and batched 3-D, either operand transposed) and `linear`
 * (x W^T + b, PyTorch weight layout), with autograd. Both run the register-tiled GEMM kernel in
 * shaders/matmul.wgsl (f32) or shaders/matmul_f16.wgsl (f16 inputs, f32 accumulation and output,
 * forward only); tile sizes come from `tileConfig` in matmul_tiles.ts.
 */
import { attach, needsGrad } from "../autograd.ts";
import type { Bindable, TextureBindable } from "../recorder.ts";
import { type Engine, engine } from "../runtime.ts";
import { type Shape, Tensor } from "../tensor.ts";
import { binaryRaw, zeros } from "./elementwise_kernels.ts";
import { sum } from "./reduce.ts";
import { scalarConst } from "./reduce_kernels.ts";
import {
  type GemmTile,
  type LaneAxis,
  MIN_SPLIT_CHUNK,
  type TileConfig,
  tileConfig,
  workgroupsOf,
} from "./matmul_tiles.ts";
import { operandCopies } from "./operand_texture.ts";
import { fmt, MAX_GRID, paddedView } from "./util.ts";

export interface MatmulOptions {
  /** Use A^T: `a` is stored [K, M] (or [B, K, M]). */
  transA?: boolean;
  /** Use B^T: `b` is stored [N, K] (or [B, N, K]). */
  transB?: boolean;
}

const configs = new WeakMap<Engine, TileConfig>();
let forced: TileConfig | null = null;

/**
 * Use `cfg` instead of the adapter's tile policy until called with null (tests run the hardware-GPU
 * policy on the CPU adapter to check its kernels' configurations).
 */
export function overrideTileConfig(cfg: TileConfig | null): void {
  forced = cfg;
}

/** The tile policy of the current engine's adapter. */
export function currentTileConfig(): TileConfig {
  if (forced) return forced;
  const e = engine();
  let c = configs.get(e);
  if (!c) configs.set(e, c = tileConfig(e.gpu.info, e.tileLimit));
  return c;
}

/** Split-K factor: enough workgroups for every core, chunks of at least `minChunk` k values. */
export function splitCount(
  workgroups: number,
  K: number,
  cfg: TileConfig,
  minChunk = MIN_SPLIT_CHUNK,
): number {
  if (workgroups >= cfg.minWorkgroups) return 1;
  const want = Math.ceil(cfg.minWorkgroups / Math.max(1, workgroups));
  return Math.max(1, Math.min(want, Math.floor(K / minChunk), 64));
}

export interface GemmArgs {
  a: Tensor;
  b: Tensor;
  M: number;
  N: number;
  K: number;
  batch: number;
  transA: boolean;
  transB: boolean;
  bias: Tensor | null;
  /** Output shape (numel batch * M * N). */
  outShape: Shape;
  op: string;
  /** Which operand the lanes of a workgroup share (see matmul_tiles.ts). */
  lanes?: LaneAxis;
}

/**
 * Multiply-adds from which a product reads its operands from texture copies on the software adapter
 * (operand_texture.ts): the MNIST CNN's head at batch 400 (12.5M) and larger; below, the copies' fixed
 * cost is not worth what they save.
 */
const MIN_COPIED_MACS = 2 ** 20;

/** Raw batched GEMM dispatch (no autograd). a: [batch, M, K] (or [batch, K, M]), b likewise. */
export function gemmRaw(g: GemmArgs): Tensor {
  const { a, b, M, N, K, batch, transA, transB, op } = g;
  const f16 = a.dtype === "f16";
  if (K === 0 || batch * M * N === 0) {
    // An empty sum is zero (plus the bias).
    const z = zeros(g.outShape);
    if (!g.bias || z.size === 0) return z;
    const r = binaryRaw("add", z, g.bias);
    z.dispose();
    return r;
  }
  const cfg = currentTileConfig();
  const tile: GemmTile = cfg.gemm(M, N, g.lanes ?? "cols", K);
  const wg = workgroupsOf(tile, M, N);
  const gx = Math.ceil(N / (4 * tile.CB * tile.WGX));
  const gy = Math.ceil(M / (4 * tile.RB * tile.WGY));
  if (gx > MAX_GRID || gy > MAX_GRID) {
    throw new RangeError(`${op}: output ${M}x${N} exceeds the dispatch grid`);
  }
  let splits = splitCount(wg * batch, K, cfg);
  while (splits * batch > MAX_GRID) splits--;
  splits = Math.max(1, splits);
  const kchunk = Math.ceil(Math.ceil(K / splits) / 4) * 4;
  splits = Math.ceil(K / kchunk);
  // Vector loads need the operand's contiguous dimension to be a multiple of the vector width.
  const width = 4;
  const contA = transA ? M : K;
  const contB = transB ? K : N;
  const VA = contA % width === 0 ? 1 : 0;
  const VB = contB % width === 0 ? 1 : 0;
  const useBias = g.bias !== null && splits === 1;
  const target = Tensor.empty(
    splits === 1 ? g.outShape : [splits, ...g.outShape],
    "f32",
    splits === 1 ? op : `${op} split-K`,
  );
  const biasT = useBias ? g.bias! : scalarConst(0);
  // On the software adapter, f32 vec4 operands of a large enough product from texture copies (TX).
  const copy = !f16 && VA === 1 && VB === 1 && batch * M * N * K >= MIN_COPIED_MACS;
  const { textures, TX } = operandCopies(copy, { ta: a, tb: b }, "matmul");
  const bindings: Record<string, Bindable | TextureBindable> = f16
    ? { a, a2: paddedView(a, 8), b, b2: paddedView(b, 8), bias: biasT, out: target, ...textures }
    : { a, a4: paddedView(a), b, b4: paddedView(b), bias: biasT, out: target, ...textures };
  engine().run(f16 ? "matmul_f16" : "matmul", "main", {
    bindings,
    uniforms: {
      M,
      N,
      K,
      kchunk,
      sa: M * K,
      sb: K * N,
      sc: M * N,
      batch,
      ssplit: batch * M * N,
      fence: 0,
      _p1: 0,
      _p2: 0,
    },
    workgroups: [gx, gy, splits * batch],
  }, {
    RB: tile.RB,
    CB: tile.CB,
    WGX: tile.WGX,
    WGS: tile.WGX * tile.WGY,
    WGY: tile.WGY,
    TA: transA ? 1 : 0,
    TB: transB ? 1 : 0,
    VA,
    VB,
    BIAS: useBias ? 1 : 0,
    TX,
  });
  if (splits === 1) return target;
  const reduced = sum(target, [0]);
  target.dispose();
  if (!g.bias) return reduced;
  const withBias = binaryRaw("add", reduced, g.bias);
  reduced.dispose();
  return withBias;
}

function checkFloat(t: Tensor, op: string, name: string): void {
  if (t.dtype !== "f32" && t.dtype !== "f16") {
    throw new TypeError(`${op}: ${name} must be f32 or f16, got ${t.dtype} ${fmt(t.shape)}`);
  }
}

/** Both operands must share a float dtype; f16 (inference path) needs shader-f16 and no gradient. */
export function checkPair(op: string, x: Tensor, xName: string, w: Tensor, wName: string): void {
  checkFloat(x, op, xName);
  checkFloat(w, op, wName);
  if (x.dtype !== w.dtype) {
    throw new TypeError(
      `${op}: ${xName} is ${x.dtype} ${fmt(x.shape)} but ${wName} is ${w.dtype} ${fmt(w.shape)}; ` +
        `both must be f32, or both f16`,
    );
  }
  if (x.dtype === "f16") {
    if (!engine().f16) throw new TypeError(`${op}: f16 inputs need an adapter with shader-f16`);
    if (needsGrad(x, w)) throw new TypeError(`${op}: the f16 path is inference-only (no gradient); use f32`);
  }
}

/**
 * Matrix product of the last two dimensions: [M, K] x [K, N] -> [M, N], or batched
 * [B, M, K] x [B, K, N] -> [B, M, N]. `transA`/`transB` read an operand stored transposed.
 */
export function matmul(a: Tensor, b: Tensor, opts: MatmulOptions = {}): Tensor {
  const op = "matmul";
  const transA = opts.transA ?? false;
  const transB = opts.transB ?? false;
  checkPair(op, a, "a", b, "b");
  if ((a.rank !== 2 && a.rank !== 3) || a.rank !== b.rank) {
    throw new RangeError(
      `${op}: expected a and b both 2-D or both 3-D (batched), got a ${fmt(a.shape)} and b ${fmt(b.shape)}`,
    );
  }
  const batched = a.rank === 3;
  const batch = batched ? a.shape[0] : 1;
  if (batched && b.shape[0] !== batch) {
    throw new RangeError(
      `${op}: batch sizes differ: a ${fmt(a.shape)} has ${batch}, b ${fmt(b.shape)} has ${b.shape[0]}`,
    );
  }
  const [ar, ac] = a.shape.slice(-2);
  const [br, bc] = b.shape.slice(-2);
  const M = transA ? ac : ar;
  const K = transA ? ar : ac;
  const Kb = transB ? bc : br;
  const N = transB ? br : bc;
  if (K !== Kb) {
    const ea = batched ? `[${batch}, ${transA ? "K, M" : "M, K"}]` : `[${transA ? "K, M" : "M, K"}]`;
    const eb = batched ? `[${batch}, ${transB ? "N, K" : "K, N"}]` : `[${transB ? "N, K" : "K, N"}]`;
    throw new RangeError(
      `${op}: inner dimensions differ: a ${fmt(a.shape)} (expected ${ea}) has K=${K}, ` +
        `b ${fmt(b.shape)} (expected ${eb}) has K=${Kb}`,
    );
  }
  const outShape = batched ? [batch, M, N] : [M, N];
  const out = gemmRaw({ a, b, M, N, K, batch, transA, transB, bias: null, outShape, op });
  return attach(out, op, [a, b], [a, b], (g, [sa, sb]) => [
    a.requiresGrad ? gradA(g, sb, transA, transB) : null,
    b.requiresGrad ? gradB(g, sa, transA, transB) : null,
  ]);
}

/** Raw matmul without autograd (used inside backward rules). */
function mm(a: Tensor, b: Tensor, transA: boolean, transB: boolean): Tensor {
  const batched = a.rank === 3;
  const batch = batched ? a.shape[0] : 1;
  const [ar, ac] = a.shape.slice(-2);
  const [br, bc] = b.shape.slice(-2);
  const M = transA ? ac : ar;
  const K = transA ? ar : ac;
  const N = transB ? br : bc;
  const outShape = batched ? [batch, M, N] : [M, N];
  return gemmRaw({ a, b, M, N, K, batch, transA, transB, bias: null, outShape, op: "matmul" });
}

// C = A'B' with A' = transA ? A^T : A. dA' = g B'^T and dB' = A'^T g; a transposed operand's gradient
// is the transpose of that, computed directly as the swapped product.
function gradA(g: Tensor, b: Tensor, transA: boolean, transB: boolean): Tensor {
  return transA ? mm(b, g, transB, true) : mm(g, b, false, !transB);
}

function gradB(g: Tensor, a: Tensor, transA: boolean, transB: boolean): Tensor {
  return transB ? mm(g, a, true, transA) : mm(a, g, !transA, false);
}

/**
 * Fully connected layer: x [N, in] times w^T (w is [out, in], PyTorch layout) plus bias [out],
 * giving [N, out]. The bias is added in the kernel's epilogue.
 */
export function linear(x: Tensor, w: Tensor, bias: Tensor | null = null): Tensor {
  const op = "linear";
  checkPair(op, x, "x", w, "w");
  if (x.rank !== 2) throw new RangeError(`${op}: x must be [N, in], got ${fmt(x.shape)}`);
  if (w.rank !== 2) throw new RangeError(`${op}: w must be [out, in], got ${fmt(w.shape)}`);
  const [N, inF] = x.shape;
  const [outF, inW] = w.shape;
  if (inF !== inW) {
    throw new RangeError(`${op}: w must be [out, ${inF}] to match x ${fmt(x.shape)}, got ${fmt(w.shape)}`);
  }
  if (bias) {
    if (bias.dtype !== "f32") {
      throw new TypeError(`${op}: bias must be f32, got ${bias.dtype} ${fmt(bias.shape)}`);
    }
    if (bias.rank !== 1 || bias.shape[0] !== outF) {
      throw new RangeError(`${op}: bias must be [${outF}], got ${fmt(bias.shape)}`);
    }
  }
  const out = gemmRaw({
    a: x,
    b: w,
    M: N,
    N: outF,
    K: inF,
    batch: 1,
    transA: false,
    transB: true,
    bias,
    outShape: [N, outF],
    op,
    // A classifier head has few outputs: with 8 lanes across 32 columns most lanes would idle (MNIST's
    // 3136 -> 10 layer, batch 400: 5.5 ms), with the lanes across rows none do (1.5 ms).
    lanes: outF < 32 ? "rows" : "cols",
  });
  return attach(out, op, [x, w, bias], [x, w], (g, [sx, sw]) => [
    // y = x w^T + b: dx = g w, dw = g^T x, db = column sums of g.
    x.requiresGrad ? mm(g, sw, false, false) : null,
    w.requiresGrad ? mm(g, sx, true, false) : null,
    bias?.requiresGrad ? sum(g, [0]) : null,
  ]);
}
