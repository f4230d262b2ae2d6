/**
 * MACER's robustness term (Zhai et al., ICLR 2020), the differentiable Phi^-1 of the soft smoothed
 * probabilities: for each row of p [R, C] with top two entries p0 >= p1 at classes c0, c1,
 * Phi^-1(p1) - Phi^-1(p0) + gamma when c0 is the row's label and |Phi^-1(p1) - Phi^-1(p0)| <= gamma
 * (the hinge), else 0, as the reference drops every other image (wrong top class, an infinite or NaN
 * difference, or a margin beyond gamma). One forward kernel (a thread per row, Phi^-1 by Wichura's
 * AS241 in f32) and one backward kernel (a thread per probability) in `shaders/macer_margin.wgsl`.
 * The gradient reaches p only at c0 and c1; the selection itself (top two, label, hinge) is not
 * differentiated, as in the reference, where it comes from `torch.topk` indices and boolean masks.
 */
import { attach } from "../autograd.ts";
import { engine } from "../runtime.ts";
import { Tensor } from "../tensor.ts";
import { fmt, grid1d } from "./util.ts";

const WG = 64;

/**
 * probs: f32 [R, C] with C >= 2 (rows need not sum to 1); labels: i32 [R]; gamma: the hinge, >= 0.
 * Returns the per-row terms [R]; differentiable in probs.
 */
export function macerMargin(probs: Tensor, labels: Tensor, gamma: number): Tensor {
  const op = "macerMargin";
  if (probs.dtype !== "f32" || probs.rank !== 2 || probs.shape[0] < 1 || probs.shape[1] < 2) {
    throw new TypeError(
      `${op}: probs must be f32 [R, C] with R >= 1 and C >= 2 classes, got ${probs.dtype} ${
        fmt(probs.shape)
      }`,
    );
  }
  const [rows, classes] = probs.shape;
  if (labels.dtype !== "i32" || labels.rank !== 1 || labels.shape[0] !== rows) {
    throw new TypeError(`${op}: labels must be i32 [${rows}], got ${labels.dtype} ${fmt(labels.shape)}`);
  }
  if (!(gamma >= 0) || !Number.isFinite(gamma)) {
    throw new RangeError(`${op}: gamma must be a finite number >= 0, got ${gamma}`);
  }
  const term = Tensor.empty([rows], "f32", op);
  const sel = Tensor.empty([rows, 2], "u32", `${op} top classes`);
  const slope = Tensor.empty([rows, 2], "f32", `${op} slopes`);
  const g = grid1d(rows, WG);
  engine().run("macer_margin", "forward", {
    bindings: { probs, labels, term, sel, slope },
    uniforms: { rows, classes, row: g.row, gamma },
    workgroups: g.workgroups,
  }, { WG });
  const out = attach(term, op, [probs, labels], [sel, slope], (gout, [savedSel, savedSlope]) => {
    const grad = Tensor.empty([rows, classes], "f32", `${op} grad`);
    const n = rows * classes;
    const gb = grid1d(n, WG);
    engine().run("macer_margin", "backward", {
      bindings: { saved_sel: savedSel, saved_slope: savedSlope, gout, grad },
      uniforms: { n, classes, row: gb.row, _p0: 0 },
      workgroups: gb.workgroups,
    }, { WG });
    return [grad, null];
  });
  // The node (if any) holds its own references to what backward reads.
  sel.dispose();
  slope.dispose();
  return out;
}
