/**
 * SmoothAdv's attack objective (Salman et al. 2019): for B images with m noisy copies each,
 * loss_i = -log(max(1e-20, (1/m) sum_j softmax(logits[i*m + j])[y_i])), fused into one forward
 * kernel (a workgroup per image) and one backward kernel (a thread per logit), in
 * `shaders/softmax_average.wgsl`. With m = 1 the clamp is not applied, so the loss is exactly the
 * cross-entropy (what the reference code uses for m = 1). Where the clamp is active the gradient is 0.
 */
import { attach } from "../autograd.ts";
import { engine } from "../runtime.ts";
import { Tensor } from "../tensor.ts";
import { fmt, grid1d, MAX_GRID } from "./util.ts";

export type LossReduction = "mean" | "sum" | "none";

export interface SoftmaxAverageOptions {
  /** "mean" (default) and "sum" give a scalar (shape []), "none" the per-image losses [B]. */
  reduction?: LossReduction;
}

const TOTAL_WG = 256;
const BACKWARD_WG = 256;

/**
 * logits: f32 [B*m, K], row i*m + j = copy j of image i; labels: i32 [B]. Differentiable in the
 * logits. A label outside [0, K) gives NaN (loss and gradient) rather than an error, as the labels
 * stay on the GPU.
 */
export function softmaxAverageLoss(
  logits: Tensor,
  labels: Tensor,
  m: number,
  opts: SoftmaxAverageOptions = {},
): Tensor {
  const op = "softmaxAverageLoss";
  const reduction = opts.reduction ?? "mean";
  if (reduction !== "mean" && reduction !== "sum" && reduction !== "none") {
    throw new RangeError(`${op}: reduction must be "mean", "sum" or "none", got ${String(reduction)}`);
  }
  if (logits.dtype !== "f32" || logits.rank !== 2 || logits.shape[1] < 1 || logits.shape[0] < 1) {
    throw new TypeError(
      `${op}: logits must be f32 [B*m, K] with B, K >= 1, got ${logits.dtype} ${fmt(logits.shape)}`,
    );
  }
  if (!Number.isInteger(m) || m < 1) throw new RangeError(`${op}: m must be an integer >= 1, got ${m}`);
  const [rows, k] = logits.shape;
  if (rows % m !== 0) throw new RangeError(`${op}: ${rows} rows are not a multiple of m = ${m}`);
  const images = rows / m;
  if (labels.dtype !== "i32" || labels.rank !== 1 || labels.shape[0] !== images) {
    throw new TypeError(`${op}: labels must be i32 [${images}], got ${labels.dtype} ${fmt(labels.shape)}`);
  }

  const lse = Tensor.empty([rows, 2], "f32", `${op} row max and log-sum`);
  const stats = Tensor.empty([images, 2], "f32", `${op} stats`);
  const perImage = Tensor.empty([images], "f32", op);
  // One thread per copy up to 64; the tree reduction needs a power of two.
  const wg = Math.min(64, 2 ** Math.ceil(Math.log2(m)));
  const gx = Math.min(images, MAX_GRID);
  engine().run("softmax_average", "forward", {
    bindings: { logits, labels, lse, stats, loss: perImage },
    uniforms: { images, m, k, row: gx, log_m: Math.log(m), _p0: 0, _p1: 0, _p2: 0 },
    workgroups: [gx, Math.ceil(images / gx)],
  }, { WG: wg });

  let out = perImage;
  if (reduction !== "none") {
    out = Tensor.empty([], "f32", op);
    engine().run("softmax_average", "total", {
      bindings: { per_image: perImage, total_out: out },
      uniforms: { n: images, scale: reduction === "mean" ? 1 / images : 1, _p0: 0, _p1: 0 },
      workgroups: [1],
    }, { WG: TOTAL_WG });
    perImage.dispose();
  }

  const result = attach(out, op, [logits, labels], [logits, labels, lse, stats], (g, [sl, sy, slse, sst]) => {
    const gradLogits = Tensor.empty([rows, k], "f32", `${op} grad`);
    const n = rows * k;
    const grid = grid1d(n, BACKWARD_WG);
    engine().run("softmax_average", "backward", {
      bindings: { logits: sl, labels: sy, saved_lse: slse, saved_stats: sst, gout: g, grad: gradLogits },
      uniforms: {
        n,
        k,
        m,
        row: grid.row,
        gscale: reduction === "mean" ? 1 / images : 1,
        gstride: reduction === "none" ? 1 : 0,
        _p0: 0,
        _p1: 0,
      },
      workgroups: grid.workgroups,
    }, { WG: BACKWARD_WG });
    return [gradLogits, null];
  });
  // The node (if any) holds its own references to what backward reads.
  lse.dispose();
  stats.dispose();
  return result;
}
