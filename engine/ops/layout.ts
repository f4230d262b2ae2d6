/**
 * Layout ops: permute / transpose2d, slice, concat, flatten, repeatInterleave and cast, with autograd.
 *
 * Every copy is a single pass (one strided-copy dispatch per output, or per input for concat). They work
 * on any dtype: 32-bit elements move as words; f16 moves as 16-bit halves without needing shader-f16
 * (see shaders/layout.wgsl), as does `cast`, which converts on the bit patterns.
 */
import { attach } from "../autograd.ts";
import { engine } from "../runtime.ts";
import { type DType, numel, type Shape, Tensor } from "../tensor.ts";
import { reshape } from "./elementwise.ts";
import { fillInPlace } from "./elementwise_kernels.ts";
import { operandCopiesPay } from "./operand_texture.ts";
import { sum } from "./reduce.ts";
import { fmt, grid1d, MAX_GRID, pack8, stridesOf } from "./util.ts";

const WG = 256;
const TILE = 16;

interface CopySpec {
  box: readonly number[];
  sstride: readonly number[];
  dstride: readonly number[];
  sbase?: number;
  dbase?: number;
  /** Padding gather: box coordinates along `axis` outside [lo, hi) produce zeros. */
  window?: { axis: number; lo: number; hi: number };
}

/** An output for a copy; 16-bit outputs start zeroed because the copy ORs halves into words. */
function copyTarget(shape: Shape, dtype: DType, label: string): Tensor {
  const out = Tensor.empty(shape, dtype, label);
  if (dtype === "f16" && out.size > 0) fillInPlace(out, 0);
  return out;
}

/**
 * Contiguous runs of at least this many 32-bit elements move by buffer-to-buffer copies on the software
 * adapter, where the copy kernel reads each element from a storage buffer at the cost of a loop over the
 * lanes (engine/ops/operand_texture.ts) and a buffer copy is a memcpy: repeating a chunk of 16 CIFAR
 * images twice (SmoothAdv's noise copies, 98,304 values) took 9 ms as a kernel.
 */
const MIN_RUN = 256;
/** At most this many runs per op go as buffer copies (each is a command of its own). */
const MAX_RUNS = 4096;

/**
 * The copy as buffer-to-buffer copies of its innermost rows, when they are contiguous on both sides,
 * long and few enough and the adapter is a CPU one; false (nothing recorded) otherwise.
 */
function copyRuns(src: Tensor, dst: Tensor, spec: CopySpec): boolean {
  const r = spec.box.length - 1;
  const run = spec.box[r];
  const runs = numel(spec.box) / run;
  if (
    src.dtype === "f16" || spec.window || spec.sstride[r] !== 1 || spec.dstride[r] !== 1 || run < MIN_RUN ||
    runs > MAX_RUNS || !operandCopiesPay()
  ) return false;
  const rec = engine().rec;
  const at = new Array<number>(r).fill(0);
  for (let k = 0; k < runs; k++) {
    let s = spec.sbase ?? 0, d = spec.dbase ?? 0;
    for (let i = 0; i < r; i++) {
      s += at[i] * spec.sstride[i];
      d += at[i] * spec.dstride[i];
    }
    rec.copy(
      { buffer: src.buffer, byteOffset: src.byteOffset + 4 * s, byteLength: 4 * run },
      { buffer: dst.buffer, byteOffset: dst.byteOffset + 4 * d, byteLength: 4 * run },
      4 * run,
    );
    for (let i = r - 1; i >= 0 && ++at[i] === spec.box[i]; i--) at[i] = 0;
  }
  return true;
}

function stridedCopy(op: string, src: Tensor, dst: Tensor, spec: CopySpec): void {
  const n = numel(spec.box);
  if (n === 0 || copyRuns(src, dst, spec)) return;
  const g = grid1d(n, WG);
  const wide = src.dtype !== "f16";
  engine().run("layout", wide ? "copy32" : "copy16", {
    bindings: wide ? { src, dst } : { src, dst16: dst },
    uniforms: {
      n,
      rank: spec.box.length,
      row: g.row,
      sbase: spec.sbase ?? 0,
      dbase: spec.dbase ?? 0,
      waxis: spec.window?.axis ?? 8,
      wlo: spec.window?.lo ?? 0,
      whi: spec.window?.hi ?? 0,
      shape: pack8(spec.box, op),
      sstride: pack8(spec.sstride, op),
      dstride: pack8(spec.dstride, op),
    },
    workgroups: g.workgroups,
  }, { WG });
}

function normAxis(op: string, axis: number, rank: number): number {
  const a = axis < 0 ? axis + rank : axis;
  if (!Number.isInteger(a) || a < 0 || a >= rank) {
    throw new RangeError(`${op}: axis ${axis} out of range for rank ${rank}`);
  }
  return a;
}

/** [outer, dim, inner] around `axis`: every slice / concat copy is a rank-3 box. */
function around(shape: Shape, axis: number): [number, number, number] {
  return [numel(shape.slice(0, axis)), shape[axis], numel(shape.slice(axis + 1))];
}

// ---- permute -------------------------------------------------------------------------------------

/**
 * The same permutation on fewer dimensions: size-1 dimensions dropped, and output dimensions that
 * are adjacent and in order in the input merged (NCHW -> NHWC becomes [N, C, HW] -> [N, HW, C]).
 */
function simplifyPermutation(shape: Shape, perm: readonly number[]): { shape: number[]; perm: number[] } {
  const kept = shape.map((d, i) => (d !== 1 ? i : -1)).filter((i) => i >= 0);
  const renumber = new Map(kept.map((d, j) => [d, j]));
  const s = kept.map((i) => shape[i]);
  const p = perm.filter((d) => shape[d] !== 1).map((d) => renumber.get(d)!);
  const groups: number[][] = [];
  for (const d of p) {
    const last = groups[groups.length - 1];
    if (last && last[last.length - 1] + 1 === d) last.push(d);
    else groups.push([d]);
  }
  const byInput = groups.map((_, k) => k).sort((a, b) => groups[a][0] - groups[b][0]);
  const position = new Map(byInput.map((k, r) => [k, r]));
  return {
    shape: byInput.map((k) => groups[k].reduce((acc, d) => acc * s[d], 1)),
    perm: groups.map((_, k) => position.get(k)!),
  };
}

function permuteRaw(x: Tensor, perm: readonly number[]): Tensor {
  const outShape = perm.map((d) => x.shape[d]);
  const simple = simplifyPermutation(x.shape, perm);
  const k = simple.perm.length;
  if (simple.perm.every((d, i) => d === i)) {
    // The memory order is unchanged: a copy with the new shape.
    const out = Tensor.empty(outShape, x.dtype, "permute");
    if (out.size > 0) engine().rec.copy(x, out, x.byteLength);
    return out;
  }
  const swapLast = k >= 2 && simple.perm[k - 1] === k - 2 && simple.perm[k - 2] === k - 1 &&
    simple.perm.slice(0, k - 2).every((d, i) => d === i);
  if (swapLast && x.dtype !== "f16") {
    const B = numel(simple.shape.slice(0, k - 2)), R = simple.shape[k - 2], C = simple.shape[k - 1];
    const gx = Math.ceil(C / TILE), gy = Math.ceil(R / TILE);
    if (gx <= MAX_GRID && gy <= MAX_GRID && B <= MAX_GRID) {
      const out = Tensor.empty(outShape, x.dtype, "transpose");
      engine().run("layout", "transpose32", {
        bindings: { src: x, dst: out },
        uniforms: { B, R, C, _p0: 0 },
        workgroups: [gx, gy, B],
      }, { TILE });
      return out;
    }
  }
  const inStrides = stridesOf(simple.shape);
  const box = simple.perm.map((d) => simple.shape[d]);
  const out = copyTarget(outShape, x.dtype, "permute");
  stridedCopy("permute", x, out, {
    box,
    sstride: simple.perm.map((d) => inStrides[d]),
    dstride: stridesOf(box),
  });
  return out;
}

/** Reorder dimensions: output dimension i is input dimension perm[i] (a strided copy). */
export function permute(x: Tensor, perm: readonly number[]): Tensor {
  const op = "permute";
  if (perm.length !== x.rank || [...perm].sort((a, b) => a - b).some((d, i) => d !== i)) {
    throw new RangeError(
      `${op}: [${perm.join(", ")}] is not a permutation of the ${x.rank} dimensions of ${fmt(x.shape)}`,
    );
  }
  const out = permuteRaw(x, perm);
  const inverse = new Array<number>(perm.length);
  perm.forEach((d, i) => (inverse[d] = i));
  return attach(out, op, [x], [], (g) => [permuteRaw(g, inverse)]);
}

/** Swap the last two dimensions ([..., R, C] -> [..., C, R]); a tiled transpose for 32-bit data. */
export function transpose2d(x: Tensor): Tensor {
  if (x.rank < 2) {
    throw new RangeError(`transpose2d: input must have at least 2 dimensions, got ${fmt(x.shape)}`);
  }
  const perm = x.shape.map((_, i) => i);
  [perm[x.rank - 2], perm[x.rank - 1]] = [x.rank - 1, x.rank - 2];
  return permute(x, perm);
}

// ---- slice ---------------------------------------------------------------------------------------

function sliceRaw(x: Tensor, axis: number, start: number, end: number): Tensor {
  const shape = [...x.shape];
  shape[axis] = end - start;
  const out = copyTarget(shape, x.dtype, "slice");
  const [outer, dim, inner] = around(x.shape, axis);
  const len = end - start;
  stridedCopy("slice", x, out, {
    box: [outer, len, inner],
    sstride: [dim * inner, inner, 1],
    dstride: [len * inner, inner, 1],
    sbase: start * inner,
  });
  return out;
}

/** Elements start..end-1 along `axis` (0 <= start <= end <= size; negative axes count from the end). */
export function slice(x: Tensor, axis: number, start: number, end: number): Tensor {
  const op = "slice";
  const a = normAxis(op, axis, x.rank);
  const d = x.shape[a];
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > d) {
    throw new RangeError(
      `${op}: range [${start}, ${end}) must satisfy 0 <= start <= end <= ${d} (axis ${a} of ${fmt(x.shape)})`,
    );
  }
  const out = sliceRaw(x, a, start, end);
  return attach(out, op, [x], [], (g) => {
    // One padding gather: dx is g inside [start, end) along the axis and zero elsewhere.
    const dx = copyTarget(x.shape, g.dtype, "slice dx");
    const [outer, dim, inner] = around(x.shape, a);
    const len = end - start;
    stridedCopy("slice backward", g, dx, {
      box: [outer, dim, inner],
      sstride: [len * inner, inner, 1],
      dstride: [dim * inner, inner, 1],
      window: { axis: 1, lo: start, hi: end },
    });
    return [dx];
  });
}

// ---- concat --------------------------------------------------------------------------------------

/** Join tensors along `axis`; all other dimensions and the dtype must agree. */
export function concat(xs: readonly Tensor[], axis: number): Tensor {
  const op = "concat";
  if (xs.length === 0) throw new RangeError(`${op}: needs at least one tensor`);
  const first = xs[0];
  const a = normAxis(op, axis, first.rank);
  xs.forEach((t, k) => {
    if (t.dtype !== first.dtype) {
      throw new TypeError(`${op}: input ${k} is ${t.dtype}, input 0 is ${first.dtype}`);
    }
    if (t.rank !== first.rank || t.shape.some((d, i) => i !== a && d !== first.shape[i])) {
      throw new RangeError(
        `${op}: input ${k} has shape ${fmt(t.shape)}, expected [${
          first.shape.map((d, i) => (i === a ? "*" : String(d))).join(", ")
        }] (all dimensions but axis ${a} equal to input 0)`,
      );
    }
  });
  const sizes = xs.map((t) => t.shape[a]);
  const total = sizes.reduce((p, d) => p + d, 0);
  const shape = [...first.shape];
  shape[a] = total;
  const out = copyTarget(shape, first.dtype, op);
  const [outer, , inner] = around(shape, a);
  let off = 0;
  xs.forEach((t, k) => {
    stridedCopy(op, t, out, {
      box: [outer, sizes[k], inner],
      sstride: [sizes[k] * inner, inner, 1],
      dstride: [total * inner, inner, 1],
      dbase: off * inner,
    });
    off += sizes[k];
  });
  const starts = sizes.map((_, k) => sizes.slice(0, k).reduce((p, d) => p + d, 0));
  return attach(
    out,
    op,
    xs,
    [],
    (g) => xs.map((t, k) => (t.requiresGrad ? sliceRaw(g, a, starts[k], starts[k] + sizes[k]) : null)),
  );
}

// ---- views and repeats ---------------------------------------------------------------------------

/** Merge dimensions startDim.. into one (a view sharing the buffer); negative startDim counts from the end. */
export function flatten(x: Tensor, startDim = 1): Tensor {
  if (x.rank === 0) return reshape(x, [1]);
  const s = normAxis("flatten", startDim, x.rank);
  return reshape(x, [...x.shape.slice(0, s), numel(x.shape.slice(s))]);
}

/**
 * Repeat every row of x [B, ...] m times in place: row i*m + j of the [B*m, ...] result is x[i]
 * (torch.repeat_interleave along dim 0). The backward pass sums the m copies.
 */
export function repeatInterleave(x: Tensor, m: number): Tensor {
  const op = "repeatInterleave";
  if (x.rank < 1) throw new RangeError(`${op}: input must have a leading dimension, got a scalar`);
  if (!Number.isInteger(m) || m < 1) throw new RangeError(`${op}: repeats must be an integer >= 1, got ${m}`);
  const B = x.shape[0];
  const R = numel(x.shape.slice(1));
  const outShape = [B * m, ...x.shape.slice(1)];
  const out = copyTarget(outShape, x.dtype, op);
  stridedCopy(op, x, out, { box: [B, m, R], sstride: [R, 0, 1], dstride: [m * R, R, 1] });
  return attach(out, op, [x], [], (g) => {
    const g32 = g.dtype === "f32" ? g.view() : castRaw(g, "f32");
    const wide = g32.view([B, m, R]);
    const s = sum(wide, [1]);
    const dx32 = s.view(x.shape);
    for (const t of [g32, wide, s]) t.dispose();
    if (g.dtype === "f32") return [dx32];
    const dx = castRaw(dx32, g.dtype);
    dx32.dispose();
    return [dx];
  });
}

// ---- cast ----------------------------------------------------------------------------------------

function castRaw(x: Tensor, dtype: DType): Tensor {
  const out = Tensor.empty(x.shape, dtype, "cast");
  if (out.size === 0) return out;
  const toHalf = dtype === "f16";
  const g = grid1d(toHalf ? Math.ceil(x.size / 2) : x.size, WG);
  engine().run("cast_f16", toHalf ? "to_f16" : "to_f32", {
    bindings: { src: x, dst: out },
    uniforms: { n: x.size, row: g.row, _p0: 0, _p1: 0 },
    workgroups: g.workgroups,
  }, { WG });
  return out;
}

/**
 * Convert between f32 and f16 exactly as PyTorch's `.half()` / `.float()`: round to nearest even,
 * +-infinity from 65520 up, NaN and subnormals kept. Bit-exact on every adapter (integer arithmetic
 * on the bit patterns, see shaders/cast_f16.wgsl), so it needs no shader-f16. Casting to the same
 * dtype returns a view. The gradient is cast back to the input's dtype.
 */
export function cast(x: Tensor, dtype: "f32" | "f16"): Tensor {
  const op = "cast";
  if (dtype !== "f32" && dtype !== "f16") {
    throw new TypeError(`${op}: target dtype must be f32 or f16, got ${dtype}`);
  }
  if (x.dtype !== "f32" && x.dtype !== "f16") {
    throw new TypeError(`${op}: input must be f32 or f16, got ${x.dtype}`);
  }
  if (x.dtype === dtype) return reshape(x, x.shape);
  const out = castRaw(x, dtype);
  return attach(out, op, [x], [], (g) => [castRaw(g, x.dtype)]);
}
