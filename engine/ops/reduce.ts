/** Reductions over chosen axes (sum, mean, max) with their backward rules. */
import { attach } from "../autograd.ts";
import type { Tensor } from "../tensor.ts";
import { binaryRaw, expandRaw } from "./elementwise_kernels.ts";
import { reduceRaw, scalarConst } from "./reduce_kernels.ts";
import { normAxes } from "./util.ts";

function allAxes(x: Tensor): number[] {
  return x.shape.map((_, i) => i);
}

export interface ReduceOptions {
  keepDims?: boolean;
}

export function sum(x: Tensor, axes: readonly number[] = allAxes(x), opts: ReduceOptions = {}): Tensor {
  const keep = opts.keepDims ?? false;
  const out = reduceRaw("sum", x, axes, keep, 1);
  const kshape = x.shape.map((d, i) => (normAxes(axes, x.rank, "sum").includes(i) ? 1 : d));
  return attach(out, "sum", [x], [], (g) => {
    const gk = g.view(kshape);
    const r = expandRaw(gk, x.shape);
    gk.dispose();
    return [r];
  });
}

export function mean(x: Tensor, axes: readonly number[] = allAxes(x), opts: ReduceOptions = {}): Tensor {
  const keep = opts.keepDims ?? false;
  const ax = normAxes(axes, x.rank, "mean");
  const count = ax.reduce((p, a) => p * x.shape[a], 1);
  const out = reduceRaw("sum", x, ax, keep, 1 / count);
  const kshape = x.shape.map((d, i) => (ax.includes(i) ? 1 : d));
  return attach(out, "mean", [x], [], (g) => {
    const gk = g.view(kshape);
    const e = expandRaw(gk, x.shape);
    const r = binaryRaw("mul", e, scalarConst(1 / count));
    for (const t of [gk, e]) t.dispose();
    return [r];
  });
}

/** Max over axes; the gradient is split equally among tied maxima. */
export function max(x: Tensor, axes: readonly number[] = allAxes(x), opts: ReduceOptions = {}): Tensor {
  const keep = opts.keepDims ?? false;
  const ax = normAxes(axes, x.rank, "max");
  const out = reduceRaw("max", x, ax, keep, 1);
  const kshape = x.shape.map((d, i) => (ax.includes(i) ? 1 : d));
  return attach(out, "max", [x], [x, out], (g, [sx, y]) => {
    const yk = y.view(kshape);
    const mask = binaryRaw("eq", sx, yk);
    const ties = reduceRaw("sum", mask, ax, true, 1);
    const gk = g.view(kshape);
    const share = binaryRaw("div", gk, ties);
    const r = binaryRaw("mul", mask, share);
    for (const t of [yk, mask, ties, gk, share]) t.dispose();
    return [r];
  });
}
