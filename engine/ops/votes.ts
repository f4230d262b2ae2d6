/**
 * Votes of the base classifier for the smoothed classifier: argmax per row, counted into a per-class
 * u32 histogram on the GPU (`shaders/vote_count.wgsl`). Counts accumulate in place across batches;
 * read them once per image.
 *
 * Argmax order (torch.argmax's, which the reference code uses): a NaN logit ranks above every number
 * and the first NaN wins; otherwise the largest logit, ties to the lowest class index.
 */
import { engine } from "../runtime.ts";
import { Tensor } from "../tensor.ts";
import { checkTable } from "./noise.ts";
import { fmt, grid1d, MAX_GRID } from "./util.ts";

const THREAD_WG = 64;

function checkCounts(counts: Tensor, k: number, op: string): void {
  if (counts.dtype !== "u32" || counts.rank !== 1 || counts.shape[0] !== k) {
    throw new TypeError(`${op}: counts must be u32 [${k}], got ${counts.dtype} ${fmt(counts.shape)}`);
  }
}

/** counts[argmax(logits[r])] += 1 for every row r. logits: f32 [B, K]; counts: u32 [K], updated in place. */
export function countVotes(logits: Tensor, counts: Tensor): void {
  const op = "countVotes";
  if (logits.dtype !== "f32" || logits.rank !== 2 || logits.shape[1] < 1) {
    throw new TypeError(
      `${op}: logits must be f32 [B, K] with K >= 1, got ${logits.dtype} ${fmt(logits.shape)}`,
    );
  }
  const [rows, k] = logits.shape;
  checkCounts(counts, k, op);
  if (rows === 0) return;
  const g = grid1d(rows, THREAD_WG);
  engine().run("vote_count", "count", {
    bindings: { logits, counts },
    uniforms: { rows, k, row: g.row, d: 0, has_bias: 0, row0: 0, _p1: 0, _p2: 0 },
    workgroups: g.workgroups,
  }, { WG: THREAD_WG });
}

/**
 * Votes of a batch of packed rows (see `noisyRows`): counts[t.counter, argmax(logits[r])] += 1 with
 * t = table[row0 + r], skipping rows whose counter is NO_COUNTER (padding). logits: f32 [B, K];
 * counts: u32 [counters, K], updated in place.
 */
export function countVotesRows(logits: Tensor, table: Tensor, row0: number, counts: Tensor): void {
  const op = "countVotesRows";
  if (logits.dtype !== "f32" || logits.rank !== 2 || logits.shape[1] < 1) {
    throw new TypeError(
      `${op}: logits must be f32 [B, K] with K >= 1, got ${logits.dtype} ${fmt(logits.shape)}`,
    );
  }
  const [rows, k] = logits.shape;
  if (counts.dtype !== "u32" || counts.rank !== 2 || counts.shape[1] !== k) {
    throw new TypeError(
      `${op}: counts must be u32 [counters, ${k}], got ${counts.dtype} ${fmt(counts.shape)}`,
    );
  }
  checkTable(table, row0, rows, op);
  if (rows === 0) return;
  const g = grid1d(rows, THREAD_WG);
  engine().run("vote_count", "count_rows", {
    bindings: { logits, table, counts },
    uniforms: { rows, k, row: g.row, d: 0, has_bias: 0, row0, _p1: 0, _p2: 0 },
    workgroups: g.workgroups,
  }, { WG: THREAD_WG });
}

/**
 * `countVotes` of the final Linear layer's output, logits = features @ weight^T + bias, without
 * writing the logits. features: f32 [B, D]; weight: f32 [K, D] (PyTorch layout); bias: f32 [K] or
 * null. The dot products are summed in index order in f32, which may round differently from the
 * matmul kernel, so a row whose top two logits agree to within rounding may vote differently.
 */
export function countVotesLinear(
  features: Tensor,
  weight: Tensor,
  bias: Tensor | null,
  counts: Tensor,
): void {
  const op = "countVotesLinear";
  if (features.dtype !== "f32" || features.rank !== 2) {
    throw new TypeError(`${op}: features must be f32 [B, D], got ${features.dtype} ${fmt(features.shape)}`);
  }
  const [rows, d] = features.shape;
  if (weight.dtype !== "f32" || weight.rank !== 2 || weight.shape[1] !== d || weight.shape[0] < 1) {
    throw new TypeError(
      `${op}: weight must be f32 [K, ${d}] with K >= 1, got ${weight.dtype} ${fmt(weight.shape)}`,
    );
  }
  const k = weight.shape[0];
  if (bias && (bias.dtype !== "f32" || bias.rank !== 1 || bias.shape[0] !== k)) {
    throw new TypeError(`${op}: bias must be f32 [${k}], got ${bias.dtype} ${fmt(bias.shape)}`);
  }
  checkCounts(counts, k, op);
  if (rows === 0) return;
  // Enough threads to cover the classes once, as a power of two for the tree reduction.
  const wg = Math.min(256, 2 ** Math.ceil(Math.log2(Math.max(k, 32))));
  const gx = Math.min(rows, MAX_GRID);
  engine().run("vote_count", "count_linear", {
    // Without a bias the kernel ignores the bias binding; the weight stands in so it is valid.
    bindings: { features, weight, bias: bias ?? weight, counts },
    uniforms: { rows, k, row: gx, d, has_bias: bias ? 1 : 0, row0: 0, _p1: 0, _p2: 0 },
    workgroups: [gx, Math.ceil(rows / gx)],
  }, { WG: wg });
}
