/**
 * Softmax family over the last dimension: softmax, logSoftmax, fused cross-entropy (PyTorch
 * semantics), argmax and an on-GPU accuracy count. All of them subtract the row maximum before
 * exponentiating, so large logits neither overflow nor lose the loss.
 */
import { attach, noGrad } from "../autograd.ts";
import { engine } from "../runtime.ts";
import { Tensor } from "../tensor.ts";
import { mean, sum } from "./reduce.ts";
import { fmt, grid1d, MAX_GRID } from "./util.ts";

/** Rows up to this long run one thread per row; longer rows one workgroup per row. */
const THREAD_ROW_MAX = 32;
const WG = 128;

function rowsOf(op: string, x: Tensor): { R: number; C: number } {
  if (x.dtype !== "f32") throw new TypeError(`${op}: input must be f32, got ${x.dtype}`);
  if (x.rank < 1) throw new RangeError(`${op}: input must have at least one dimension, got a scalar`);
  const C = x.shape[x.rank - 1];
  return { R: C === 0 ? 0 : x.size / C, C };
}

function checkMatrix(op: string, name: string, x: Tensor): void {
  if (x.dtype !== "f32") throw new TypeError(`${op}: ${name} must be f32, got ${x.dtype}`);
  if (x.rank !== 2) throw new RangeError(`${op}: ${name} must be [N, C], got ${fmt(x.shape)}`);
  if (x.shape[1] === 0) throw new RangeError(`${op}: ${name} has no classes: ${fmt(x.shape)}`);
}

function checkLabels(op: string, labels: Tensor, N: number): void {
  if (labels.dtype !== "i32") throw new TypeError(`${op}: labels must be i32, got ${labels.dtype}`);
  if (labels.rank !== 1 || labels.shape[0] !== N) {
    throw new RangeError(
      `${op}: labels must have shape [${N}] (one per row of logits), got ${fmt(labels.shape)}`,
    );
  }
}

interface Launch {
  entry: string;
  workgroups: [number, number];
  row: number;
}

/** Thread-per-row or workgroup-per-row launch for R rows of length C. */
function rowLaunch(base: string, R: number, C: number): Launch {
  if (C <= THREAD_ROW_MAX) {
    const g = grid1d(R, WG);
    return { entry: `${base}_thread`, workgroups: g.workgroups, row: g.row };
  }
  const gx = Math.min(Math.max(R, 1), MAX_GRID);
  return { entry: `${base}_group`, workgroups: [gx, Math.ceil(R / gx)], row: gx };
}

function rowUniforms(R: number, C: number, row: number, perRow = 0, gmul = 1): Record<string, number> {
  return { R, C, row, per_row: perRow, gmul, _p0: 0, _p1: 0, _p2: 0 };
}

function softmaxRaw(x: Tensor, log: boolean): Tensor {
  const op = log ? "logSoftmax" : "softmax";
  const { R, C } = rowsOf(op, x);
  const y = Tensor.empty(x.shape, "f32", op);
  if (R > 0) {
    const l = rowLaunch("softmax", R, C);
    engine().run("softmax_xent", l.entry, {
      bindings: { x, y },
      uniforms: rowUniforms(R, C, l.row),
      workgroups: l.workgroups,
    }, { WG, LOG: log ? 1 : 0 });
  }
  return y;
}

function softmaxBackward(y: Tensor, g: Tensor, log: boolean): Tensor {
  const { R, C } = rowsOf("softmax backward", y);
  const dx = Tensor.empty(y.shape, "f32", log ? "logSoftmax dx" : "softmax dx");
  if (R > 0) {
    const l = rowLaunch("softmax_bwd", R, C);
    engine().run("softmax_xent", l.entry, {
      bindings: { yin: y, g, y: dx },
      uniforms: rowUniforms(R, C, l.row),
      workgroups: l.workgroups,
    }, { WG, LOG: log ? 1 : 0 });
  }
  return dx;
}

/** Softmax over the last dimension. */
export function softmax(x: Tensor): Tensor {
  const y = softmaxRaw(x, false);
  return attach(y, "softmax", [x], [y], (g, [sy]) => [softmaxBackward(sy, g, false)]);
}

/** log(softmax(x)) over the last dimension, computed as x - max - log(sum(exp(x - max))). */
export function logSoftmax(x: Tensor): Tensor {
  const y = softmaxRaw(x, true);
  return attach(y, "logSoftmax", [x], [y], (g, [sy]) => [softmaxBackward(sy, g, true)]);
}

export interface CrossEntropyOptions {
  /** "mean" (default) over rows, "sum", or "none" for one loss per row. */
  reduction?: "mean" | "sum" | "none";
}

/**
 * Cross-entropy of logits [N, C] against class indices [N] (i32): loss_i = logsumexp(x_i) - x_i[y_i],
 * reduced as PyTorch's `F.cross_entropy` (mean by default; a scalar of shape [] unless "none").
 * One fused kernel per direction; the gradient is with respect to the logits only. Labels must lie
 * in [0, C): a row with an out-of-range label gets a NaN loss and gradient (it cannot be checked
 * without a readback).
 */
export function crossEntropy(logits: Tensor, labels: Tensor, opts: CrossEntropyOptions = {}): Tensor {
  const op = "crossEntropy";
  const reduction = opts.reduction ?? "mean";
  if (reduction !== "mean" && reduction !== "sum" && reduction !== "none") {
    throw new RangeError(`${op}: reduction must be "mean", "sum" or "none", got "${reduction}"`);
  }
  checkMatrix(op, "logits", logits);
  const [N, C] = logits.shape;
  checkLabels(op, labels, N);
  if (N === 0 && reduction === "mean") {
    throw new RangeError(`${op}: mean over an empty batch ${fmt(logits.shape)}`);
  }
  const e = engine();
  const losses = Tensor.empty([N], "f32", `${op} losses`);
  const lse = Tensor.empty([N, 2], "f32", `${op} row max and log-sum`);
  if (N > 0) {
    const l = rowLaunch("xent", N, C);
    e.run("softmax_xent", l.entry, {
      bindings: { x: logits, labels, loss: losses, lse_out: lse },
      uniforms: rowUniforms(N, C, l.row),
      workgroups: l.workgroups,
    }, { WG });
  }
  let out = losses;
  if (reduction !== "none") {
    out = noGrad(() => (reduction === "mean" ? mean(losses, [0]) : sum(losses, [0])));
    losses.dispose();
  }
  const res = attach(out, op, [logits, null], [logits, labels, lse], (g, [sx, sl, slse]) => {
    const dx = Tensor.empty(sx.shape, "f32", `${op} dlogits`);
    if (dx.size > 0) {
      const grid = grid1d(dx.size, WG);
      engine().run("softmax_xent", "xent_bwd", {
        bindings: { x: sx, labels: sl, lse: slse, g, y: dx },
        uniforms: rowUniforms(N, C, grid.row, reduction === "none" ? 1 : 0, reduction === "mean" ? 1 / N : 1),
        workgroups: grid.workgroups,
      }, { WG });
    }
    return [dx, null];
  });
  lse.dispose();
  return res;
}

/** Index of the maximum of each row of [N, C] (i32 [N]; ties go to the lowest index). No gradient. */
export function argmax(x: Tensor): Tensor {
  const op = "argmax";
  checkMatrix(op, "input", x);
  const [N, C] = x.shape;
  const out = Tensor.empty([N], "i32", op);
  if (N > 0) {
    const g = grid1d(N, WG);
    engine().run("softmax_xent", "argmax_thread", {
      bindings: { x, arg_out: out },
      uniforms: rowUniforms(N, C, g.row),
      workgroups: g.workgroups,
    }, { WG });
  }
  return out;
}

/**
 * Number of rows of logits [N, C] whose argmax (lowest index on ties) equals the i32 label: a u32
 * tensor of shape [1] that stays on the GPU until read (e.g. once per logging interval). No gradient.
 */
export function accuracyCount(logits: Tensor, labels: Tensor): Tensor {
  const op = "accuracyCount";
  checkMatrix(op, "logits", logits);
  const [N, C] = logits.shape;
  checkLabels(op, labels, N);
  const out = Tensor.empty([1], "u32", op);
  engine().run("softmax_xent", "accuracy", {
    bindings: { x: logits, labels, count: out },
    uniforms: rowUniforms(N, C, 0),
    workgroups: [1],
  }, { WG });
  return out;
}
