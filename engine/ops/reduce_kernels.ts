/**
 * The reduction kernel without autograd (sum or max over chosen axes), the broadcast gradient's sum back
 * to an input's shape, and cached scalar constants: what reduce.ts's differentiable reductions and the
 * gradient rules of elementwise.ts run.
 */
import { engine } from "../runtime.ts";
import { type Shape, Tensor } from "../tensor.ts";
import { fmt, grid1d, MAX_GRID, normAxes, pack8, paddedView, stridesOf } from "./util.ts";

const WG = 256;

/** Raw reduction kernel. The result keeps reduced dimensions as size 1 when keepDims. */
export function reduceRaw(
  kind: "sum" | "max",
  x: Tensor,
  axes: readonly number[],
  keepDims: boolean,
  scale: number,
): Tensor {
  if (x.dtype !== "f32") throw new TypeError(`${kind}: expected an f32 tensor, got ${x.dtype}`);
  const ax = normAxes(axes, x.rank, kind);
  const st = stridesOf(x.shape);
  const kshape: number[] = [], kstride: number[] = [], rshape: number[] = [], rstride: number[] = [];
  x.shape.forEach((d, i) => {
    if (ax.includes(i)) {
      rshape.push(d);
      rstride.push(st[i]);
    } else {
      kshape.push(d);
      kstride.push(st[i]);
    }
  });
  const outShape = keepDims ? x.shape.map((d, i) => (ax.includes(i) ? 1 : d)) : kshape;
  const out = Tensor.empty(outShape, "f32", kind);
  const nout = out.size;
  const nred = rshape.reduce((p, d) => p * d, 1);
  if (nout === 0) return out;
  if (nred === 0) {
    if (kind === "max") throw new RangeError(`max: reduction over an empty axis of ${fmt(x.shape)}`);
  }
  const akb = akbView(x.shape, ax);
  if (akb) {
    const [A, K, B] = akb;
    const grouped = A * B >= 256;
    const g = grouped
      ? {
        workgroups: [Math.min(K, MAX_GRID), Math.ceil(K / Math.min(K, MAX_GRID))] as [number, number],
        row: Math.min(K, MAX_GRID),
      }
      : grid1d(K, WG);
    const v4 = grouped && B % 4 === 0;
    engine().run("reduce", v4 ? "akb_group4" : grouped ? "akb_group" : "akb_thread", {
      bindings: v4 ? { x4: paddedView(x), out } : { x, out },
      uniforms: { a: A, k: K, b: B, row: g.row, scale, _p0: 0, _p1: 0, _p2: 0 },
      workgroups: g.workgroups,
    }, { OP: kind === "max" ? 1 : 0, WG });
    return out;
  }
  // A reduced block between kept ones ([A, R, B] summed over R: repeatInterleave's gradient, a mean over
  // noise copies), few terms per output: one thread per output stepping by B. The general kernel below
  // decodes every offset dimension by dimension (10 ms for a [32, 2, 3072] sum on lavapipe, 1 ms here).
  const krk = nred < 256 ? krkView(x.shape, ax) : null;
  if (krk) {
    const [A, R, B] = krk;
    const g = grid1d(A * B, WG);
    engine().run("reduce", "krk_thread", {
      bindings: { x, out },
      uniforms: { a: A, k: R, b: B, row: g.row, scale, _p0: 0, _p1: 0, _p2: 0 },
      workgroups: g.workgroups,
    }, { OP: kind === "max" ? 1 : 0, WG });
    return out;
  }
  const grouped = nred >= 256;
  let workgroups: [number, number];
  let row: number;
  if (grouped) {
    const gx = Math.min(nout, MAX_GRID);
    workgroups = [gx, Math.ceil(nout / gx)];
    row = gx;
  } else {
    const g = grid1d(nout, WG);
    workgroups = g.workgroups;
    row = g.row;
  }
  engine().run("reduce", grouped ? "reduce_group" : "reduce_thread", {
    bindings: { x, out },
    uniforms: {
      nout,
      nred,
      krank: kshape.length,
      rrank: rshape.length,
      row,
      scale,
      _p0: 0,
      _p1: 0,
      kshape: pack8(kshape, kind),
      kstride: pack8(kstride, kind),
      rshape: pack8(rshape, kind),
      rstride: pack8(rstride, kind),
    },
    workgroups,
  }, { OP: kind === "max" ? 1 : 0, WG });
  return out;
}

/** The shape's dimensions, size-1 ones dropped, merged into runs of reduced or kept ones. */
function runsOf(shape: readonly number[], axes: readonly number[]): { reduced: boolean; size: number }[] {
  const runs: { reduced: boolean; size: number }[] = [];
  shape.forEach((d, i) => {
    if (d === 1) return;
    const reduced = axes.includes(i);
    const last = runs[runs.length - 1];
    if (last?.reduced === reduced) last.size *= d;
    else runs.push({ reduced, size: d });
  });
  return runs;
}

/**
 * [A, K, B] when the kept dimensions form one contiguous block between reduced ones (size-1 dimensions
 * fit anywhere); null otherwise.
 */
function akbView(shape: readonly number[], axes: readonly number[]): [number, number, number] | null {
  const runs = runsOf(shape, axes);
  const lead = runs[0]?.reduced ? runs.shift()!.size : 1;
  const kept = runs[0] && !runs[0].reduced ? runs.shift()!.size : 1;
  const trail = runs[0]?.reduced ? runs.shift()!.size : 1;
  return runs.length === 0 ? [lead, kept, trail] : null;
}

/**
 * [A, R, B] when the reduced dimensions form one contiguous block with kept dimensions on both sides
 * (size-1 dimensions fit anywhere); null otherwise (akbView covers a block at either end).
 */
function krkView(shape: readonly number[], axes: readonly number[]): [number, number, number] | null {
  const runs = runsOf(shape, axes);
  return runs.length === 3 && runs[1].reduced ? [runs[0].size, runs[1].size, runs[2].size] : null;
}

/** Sum a broadcast result back down to `shape` (no autograd: used inside backward rules). */
export function sumTo(g: Tensor, shape: Shape): Tensor {
  const off = g.rank - shape.length;
  if (off < 0) throw new RangeError(`sumTo: cannot sum ${fmt(g.shape)} to the larger rank ${fmt(shape)}`);
  const axes: number[] = [];
  g.shape.forEach((d, i) => {
    if (i < off || (shape[i - off] === 1 && d !== 1)) axes.push(i);
  });
  const r = reduceRaw("sum", g, axes, true, 1);
  if (r.size !== shape.reduce((p, d) => p * d, 1)) {
    throw new RangeError(`sumTo: ${fmt(g.shape)} -> ${fmt(shape)}`);
  }
  const v = r.view(shape);
  r.dispose();
  return v;
}

const constCache = new Map<number, Tensor>();

/** A cached one-element constant (kept for the process lifetime). */
export function scalarConst(v: number): Tensor {
  let t = constCache.get(v);
  if (!t || t.disposed) {
    t = Tensor.from([v], [1], "f32", "constant").keep();
    constCache.set(v, t);
  }
  return t;
}
