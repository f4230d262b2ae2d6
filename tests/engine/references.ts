/**
 * The float64 references of the kernel tests, in one module without Deno or Node APIs, so that the
 * same references check the kernels under Deno (tests/engine/*_test.ts) and in Chromium
 * (tests/web/kernel_cases.ts).
 */
import type { ConvGeometry } from "../../engine/ops/conv_geometry.ts";
import type { GemmArgs } from "../../engine/ops/matmul.ts";
import { phiInv } from "../../smoothing/normal.ts";

/** [N, C, H, W] */
export type Shape4 = [number, number, number, number];

// ---- matmul --------------------------------------------------------------------------------------

/** The sizes of a (batched) product and how its operands are stored. */
export type GemmShape = Pick<GemmArgs, "M" | "N" | "K" | "batch" | "transA" | "transB">;

/** C[b] = op(A[b]) op(B[b]) in float64; A/B are stored as the transposes say. */
export function refMatmul(A: ArrayLike<number>, B: ArrayLike<number>, c: GemmShape): Float64Array {
  const { M, N, K, batch, transA, transB } = c;
  const C = new Float64Array(batch * M * N);
  for (let b = 0; b < batch; b++) {
    const ao = b * M * K, bo = b * K * N, co = b * M * N;
    for (let i = 0; i < M; i++) {
      for (let j = 0; j < N; j++) {
        let s = 0;
        for (let k = 0; k < K; k++) {
          s += A[ao + (transA ? k * M + i : i * K + k)] * B[bo + (transB ? j * K + k : k * N + j)];
        }
        C[co + i * N + j] = s;
      }
    }
  }
  return C;
}

// ---- conv ----------------------------------------------------------------------------------------

/** A convolution's sizes: the engine's geometry without the output size (outSize computes it). */
export type Geo = Omit<ConvGeometry, "OH" | "OW">;

export function outSize(g: Geo): [number, number] {
  return [Math.floor((g.H + 2 * g.P - g.KH) / g.S) + 1, Math.floor((g.W + 2 * g.P - g.KW) / g.S) + 1];
}

/** y = conv(x, w) + b in float64. */
export function refConv(
  x: ArrayLike<number>,
  w: ArrayLike<number>,
  b: ArrayLike<number> | null,
  g: Geo,
): Float64Array {
  const [OH, OW] = outSize(g);
  const y = new Float64Array(g.N * g.O * OH * OW);
  for (let n = 0; n < g.N; n++) {
    for (let o = 0; o < g.O; o++) {
      for (let oh = 0; oh < OH; oh++) {
        for (let ow = 0; ow < OW; ow++) {
          let s = b ? b[o] : 0;
          for (let c = 0; c < g.C; c++) {
            for (let kh = 0; kh < g.KH; kh++) {
              const ih = oh * g.S - g.P + kh;
              if (ih < 0 || ih >= g.H) continue;
              for (let kw = 0; kw < g.KW; kw++) {
                const iw = ow * g.S - g.P + kw;
                if (iw < 0 || iw >= g.W) continue;
                s += x[((n * g.C + c) * g.H + ih) * g.W + iw] * w[((o * g.C + c) * g.KH + kh) * g.KW + kw];
              }
            }
          }
          y[((n * g.O + o) * OH + oh) * OW + ow] = s;
        }
      }
    }
  }
  return y;
}

/** Adjoints of the convolution for an output gradient gy, in float64. */
export function refConvBackward(gy: ArrayLike<number>, x: ArrayLike<number>, w: ArrayLike<number>, g: Geo) {
  const [OH, OW] = outSize(g);
  const dx = new Float64Array(g.N * g.C * g.H * g.W);
  const dw = new Float64Array(g.O * g.C * g.KH * g.KW);
  for (let n = 0; n < g.N; n++) {
    for (let o = 0; o < g.O; o++) {
      for (let oh = 0; oh < OH; oh++) {
        for (let ow = 0; ow < OW; ow++) {
          const gv = gy[((n * g.O + o) * OH + oh) * OW + ow];
          for (let c = 0; c < g.C; c++) {
            for (let kh = 0; kh < g.KH; kh++) {
              const ih = oh * g.S - g.P + kh;
              if (ih < 0 || ih >= g.H) continue;
              for (let kw = 0; kw < g.KW; kw++) {
                const iw = ow * g.S - g.P + kw;
                if (iw < 0 || iw >= g.W) continue;
                const xi = ((n * g.C + c) * g.H + ih) * g.W + iw;
                const wi = ((o * g.C + c) * g.KH + kh) * g.KW + kw;
                dx[xi] += gv * w[wi];
                dw[wi] += gv * x[xi];
              }
            }
          }
        }
      }
    }
  }
  return { dx, dw };
}

/** y [N, O, HW] in the convolution kernels' packed layout [N, HW, O4], the channels past O zero. */
export function packedLayout(y: ArrayLike<number>, N: number, O: number, HW: number): Float64Array {
  const O4 = Math.ceil(O / 4) * 4;
  const out = new Float64Array(N * HW * O4);
  for (let n = 0; n < N; n++) {
    for (let o = 0; o < O; o++) {
      for (let p = 0; p < HW; p++) out[(n * HW + p) * O4 + o] = y[(n * O + o) * HW + p];
    }
  }
  return out;
}

// ---- softmax -------------------------------------------------------------------------------------

export function logSoftmaxRef(x: ArrayLike<number>, C: number): Float64Array {
  const y = new Float64Array(x.length);
  for (let b = 0; b < x.length; b += C) {
    let m = -Infinity;
    for (let j = 0; j < C; j++) m = Math.max(m, x[b + j]);
    let s = 0;
    for (let j = 0; j < C; j++) s += Math.exp(x[b + j] - m);
    const l = m + Math.log(s);
    for (let j = 0; j < C; j++) y[b + j] = x[b + j] - l;
  }
  return y;
}

export function softmaxRef(x: ArrayLike<number>, C: number): Float64Array {
  return logSoftmaxRef(x, C).map(Math.exp);
}

export function xentRef(
  x: ArrayLike<number>,
  labels: ArrayLike<number>,
  C: number,
  reduction: string,
): Float64Array {
  const ls = logSoftmaxRef(x, C);
  const per = Float64Array.from(labels, (t, r) => -ls[r * C + t]);
  if (reduction === "none") return per;
  const s = per.reduce((a, b) => a + b, 0);
  return Float64Array.of(reduction === "mean" ? s / per.length : s);
}

export function argmaxRowsRef(x: ArrayLike<number>, C: number): Int32Array {
  const out = new Int32Array(x.length / C);
  for (let r = 0; r < out.length; r++) {
    let at = 0;
    for (let j = 1; j < C; j++) if (x[r * C + j] > x[r * C + at]) at = j;
    out[r] = at;
  }
  return out;
}

// ---- reduce --------------------------------------------------------------------------------------

export function reduceRef(
  x: ArrayLike<number>,
  shape: number[],
  axes: number[],
  kind: "sum" | "mean" | "max",
): Float64Array {
  const outShape = shape.map((d, i) => (axes.includes(i) ? 1 : d));
  const nout = outShape.reduce((p, d) => p * d, 1);
  const out = new Float64Array(nout).fill(kind === "max" ? -Infinity : 0);
  const idx = new Array(shape.length).fill(0);
  const count = axes.reduce((p, a) => p * shape[a], 1);
  for (let k = 0; k < x.length; k++) {
    let o = 0;
    for (let d = 0; d < shape.length; d++) o = o * outShape[d] + (axes.includes(d) ? 0 : idx[d]);
    out[o] = kind === "max" ? Math.max(out[o], x[k]) : out[o] + x[k];
    for (let d = shape.length - 1; d >= 0; d--) {
      if (++idx[d] < shape[d]) break;
      else idx[d] = 0;
    }
  }
  if (kind === "mean") { for (let i = 0; i < nout; i++) out[i] /= count; }
  return out;
}

// ---- votes ---------------------------------------------------------------------------------------

/** torch.argmax order: the first NaN, else the first maximum. */
export function torchArgmaxRef(row: ArrayLike<number>): number {
  let best = 0;
  for (let c = 0; c < row.length; c++) {
    if (Number.isNaN(row[c])) return c;
    if (row[c] > row[best]) best = c;
  }
  return best;
}

export function votesRef(logits: Float32Array, k: number, counts: Uint32Array): void {
  for (let r = 0; r * k < logits.length; r++) counts[torchArgmaxRef(logits.subarray(r * k, (r + 1) * k))]++;
}

// ---- pool ----------------------------------------------------------------------------------------

export function avgRef(x: ArrayLike<number>, [N, C, H, W]: Shape4, k: number): Float64Array {
  const Ho = Math.floor(H / k), Wo = Math.floor(W / k);
  const y = new Float64Array(N * C * Ho * Wo);
  for (let pl = 0; pl < N * C; pl++) {
    for (let oh = 0; oh < Ho; oh++) {
      for (let ow = 0; ow < Wo; ow++) {
        let s = 0;
        for (let a = 0; a < k; a++) {
          for (let b = 0; b < k; b++) s += x[pl * H * W + (oh * k + a) * W + ow * k + b];
        }
        y[(pl * Ho + oh) * Wo + ow] = s / (k * k);
      }
    }
  }
  return y;
}

export function gapRef(x: ArrayLike<number>, [N, C, H, W]: Shape4): Float64Array {
  const y = new Float64Array(N * C);
  for (let pl = 0; pl < N * C; pl++) {
    let s = 0;
    for (let j = 0; j < H * W; j++) s += x[pl * H * W + j];
    y[pl] = s / (H * W);
  }
  return y;
}

/** Max pooling; also returns the winner of each window (first maximum in row-major order). */
export function maxRef(x: ArrayLike<number>, [N, C, H, W]: Shape4, k: number, s: number, p: number) {
  const Ho = Math.floor((H + 2 * p - k) / s) + 1, Wo = Math.floor((W + 2 * p - k) / s) + 1;
  const y = new Float64Array(N * C * Ho * Wo);
  const arg = new Int32Array(y.length);
  for (let pl = 0; pl < N * C; pl++) {
    for (let oh = 0; oh < Ho; oh++) {
      for (let ow = 0; ow < Wo; ow++) {
        let best = -Infinity, at = -1;
        for (let a = 0; a < k; a++) {
          for (let b = 0; b < k; b++) {
            const h = oh * s - p + a, w = ow * s - p + b;
            if (h < 0 || h >= H || w < 0 || w >= W) continue;
            const v = x[pl * H * W + h * W + w];
            if (at < 0 || v > best) [best, at] = [v, h * W + w];
          }
        }
        y[(pl * Ho + oh) * Wo + ow] = best;
        arg[(pl * Ho + oh) * Wo + ow] = pl * H * W + at;
      }
    }
  }
  return { y, arg, Ho, Wo };
}

// ---- batchnorm -----------------------------------------------------------------------------------

export interface BnRef {
  y: Float64Array;
  mean: Float64Array;
  varBiased: Float64Array;
}

/** float64 batchnorm with batch statistics (training) or given statistics (evaluation). */
export function bnRef(
  x: ArrayLike<number>,
  [N, C, H, W]: Shape4,
  w: ArrayLike<number>,
  b: ArrayLike<number>,
  eps: number,
  stats?: { mean: ArrayLike<number>; var: ArrayLike<number> },
): BnRef {
  const HW = H * W, M = N * HW;
  const mean = new Float64Array(C), varB = new Float64Array(C), y = new Float64Array(x.length);
  for (let c = 0; c < C; c++) {
    let s = 0;
    for (let n = 0; n < N; n++) for (let k = 0; k < HW; k++) s += x[(n * C + c) * HW + k];
    const m = s / M;
    let v = 0;
    for (let n = 0; n < N; n++) for (let k = 0; k < HW; k++) v += (x[(n * C + c) * HW + k] - m) ** 2;
    mean[c] = m;
    varB[c] = v / M;
    const um = stats ? stats.mean[c] : m, uv = stats ? stats.var[c] : v / M;
    const inv = 1 / Math.sqrt(uv + eps);
    for (let n = 0; n < N; n++) {
      for (let k = 0; k < HW; k++) {
        const i = (n * C + c) * HW + k;
        y[i] = (x[i] - um) * inv * w[c] + b[c];
      }
    }
  }
  return { y, mean, varBiased: varB };
}

// ---- elementwise ---------------------------------------------------------------------------------

export function broadcastRef(
  a: Float32Array,
  as: number[],
  b: Float32Array,
  bs: number[],
  f: (x: number, y: number) => number,
): { shape: number[]; data: Float64Array } {
  const r = Math.max(as.length, bs.length);
  const A = [...Array(r - as.length).fill(1), ...as], B = [...Array(r - bs.length).fill(1), ...bs];
  const shape = A.map((d, i) => Math.max(d, B[i]));
  const n = shape.reduce((p, d) => p * d, 1);
  const out = new Float64Array(n);
  const idx = new Array(r).fill(0);
  for (let k = 0; k < n; k++) {
    let ia = 0, ib = 0;
    for (let d = 0; d < r; d++) {
      ia = ia * A[d] + (A[d] === 1 ? 0 : idx[d]);
      ib = ib * B[d] + (B[d] === 1 ? 0 : idx[d]);
    }
    out[k] = f(a[ia], b[ib]);
    for (let d = r - 1; d >= 0; d--) {
      if (++idx[d] < shape[d]) break;
      else idx[d] = 0;
    }
  }
  return { shape, data: out };
}

// ---- noise ---------------------------------------------------------------------------------------

export const TWO32 = 4294967296;

const M0 = 0xD2511F53, M1 = 0xCD9E8D57, W0 = 0x9E3779B9, W1 = 0xBB67AE85;
/** (hi, lo) of a * b: both partial products are below 2^48, so float64 holds them exactly. */
function mulhilo(a: number, b: number): [number, number] {
  const t = (a & 0xffff) * b;
  const u = (a >>> 16) * b;
  const low48 = (u % 65536) * 65536 + t;
  return [Math.floor(u / 65536) + Math.floor(low48 / TWO32), low48 % TWO32];
}

export function philoxRef(ctr: readonly number[], key: readonly number[]): number[] {
  let [c0, c1, c2, c3] = ctr;
  let [k0, k1] = key;
  for (let r = 0; r < 10; r++) {
    const [h0, l0] = mulhilo(M0, c0);
    const [h1, l1] = mulhilo(M1, c2);
    [c0, c1, c2, c3] = [(h1 ^ c1 ^ k0) >>> 0, l1, (h0 ^ c3 ^ k1) >>> 0, l0];
    k0 = (k0 + W0) % TWO32;
    k1 = (k1 + W1) % TWO32;
  }
  return [c0, c1, c2, c3];
}

/** The documented radius uniform: cell midpoints on a 2^-23 grid, 2^-32 in the lowest cell. */
export function u01Ref(x: number): number {
  return x < 512 ? (2 * x + 1) * 2 ** -33 : (2 * Math.floor(x / 512) + 1) * 2 ** -24;
}

function angleRef(x: number): number {
  return 2 * Math.PI * (Math.floor(x / 256) - 2 ** 23) * 2 ** -24;
}

export interface Layout {
  seed: number;
  stream: number;
  first: number;
  domain: number;
  samples: number;
  elems: number;
}

export function bitsRef(l: Layout): Uint32Array {
  const out = new Uint32Array(l.samples * l.elems);
  const key = [l.seed % TWO32, Math.floor(l.seed / TWO32)];
  for (let s = 0; s < l.samples; s++) {
    for (let q = 0; 4 * q < l.elems; q++) {
      const w = philoxRef([q, l.first + s, l.stream, l.domain], key);
      for (let j = 0; j < 4 && 4 * q + j < l.elems; j++) out[s * l.elems + 4 * q + j] = w[j];
    }
  }
  return out;
}

/** float64 normals from the words (lane 0/1 = cos/sin of words 0,1; lane 2/3 of words 2,3). */
export function normalsRef(bits: Uint32Array, l: Layout): Float64Array {
  const out = new Float64Array(bits.length);
  const key = [l.seed % TWO32, Math.floor(l.seed / TWO32)];
  for (let s = 0; s < l.samples; s++) {
    for (let q = 0; 4 * q < l.elems; q++) {
      const w = philoxRef([q, l.first + s, l.stream, l.domain], key);
      const r0 = Math.sqrt(-2 * Math.log(u01Ref(w[0]))), t0 = angleRef(w[1]);
      const r1 = Math.sqrt(-2 * Math.log(u01Ref(w[2]))), t1 = angleRef(w[3]);
      const z = [r0 * Math.cos(t0), r0 * Math.sin(t0), r1 * Math.cos(t1), r1 * Math.sin(t1)];
      for (let j = 0; j < 4 && 4 * q + j < l.elems; j++) out[s * l.elems + 4 * q + j] = z[j];
    }
  }
  return out;
}

// ---- sgd -----------------------------------------------------------------------------------------

export interface Hyper {
  lr: number;
  momentum: number;
  weightDecay: number;
  nesterov: boolean;
  dampening: number;
}

/** float64 transcription of torch.optim.SGD.step for one parameter (buf null until the first step). */
export function sgdRef(
  p: Float64Array,
  g: ArrayLike<number>,
  buf: Float64Array | null,
  h: Hyper,
): Float64Array | null {
  const d = Float64Array.from(g, (gi, i) => (h.weightDecay !== 0 ? gi + h.weightDecay * p[i] : gi));
  if (h.momentum !== 0) {
    if (buf === null) buf = Float64Array.from(d);
    else for (let i = 0; i < d.length; i++) buf[i] = h.momentum * buf[i] + (1 - h.dampening) * d[i];
    for (let i = 0; i < d.length; i++) d[i] = h.nesterov ? d[i] + h.momentum * buf[i] : buf[i];
  }
  for (let i = 0; i < p.length; i++) p[i] -= h.lr * d[i];
  return buf;
}

// ---- softmax_average -----------------------------------------------------------------------------

export interface SoftmaxAverageRef {
  loss: Float64Array;
  /** d loss_i / d logits, per image (rows of image i only). */
  grad: Float64Array;
}

/** float64 objective and its gradient, straight from the definition (probabilities, not logs). */
export function softmaxAverageRef(
  logits: ArrayLike<number>,
  labels: ArrayLike<number>,
  m: number,
  k: number,
): SoftmaxAverageRef {
  const images = labels.length;
  const loss = new Float64Array(images);
  const grad = new Float64Array(images * m * k);
  for (let i = 0; i < images; i++) {
    const y = labels[i];
    const p = new Float64Array(m);
    const q: Float64Array[] = [];
    let ce = 0;
    for (let j = 0; j < m; j++) {
      const r = i * m + j;
      let mx = -Infinity;
      for (let c = 0; c < k; c++) mx = Math.max(mx, logits[r * k + c]);
      let s = 0;
      for (let c = 0; c < k; c++) s += Math.exp(logits[r * k + c] - mx);
      const lse = mx + Math.log(s);
      q.push(Float64Array.from({ length: k }, (_, c) => Math.exp(logits[r * k + c] - lse)));
      p[j] = q[j][y];
      ce = lse - logits[r * k + y];
    }
    const avg = p.reduce((a, b) => a + b, 0) / m;
    const clamped = m > 1 && avg < 1e-20;
    // m = 1 is plain cross-entropy, computed in log space so it stays exact beyond the clamp.
    loss[i] = m === 1 ? ce : -Math.log(Math.max(1e-20, avg));
    for (let j = 0; j < m; j++) {
      const w = m === 1 ? 1 : p[j] / (m * avg);
      for (let c = 0; c < k; c++) {
        grad[(i * m + j) * k + c] = clamped ? 0 : w * (q[j][c] - (c === y ? 1 : 0));
      }
    }
  }
  return { loss, grad };
}

// ---- MACER's margin ------------------------------------------------------------------------------

export interface MacerMarginRef {
  /** Per-row terms (0 for dropped rows). */
  term: Float64Array;
  /** d term_r / d p[r, c]. */
  grad: Float64Array;
  /** Whether each row passed the selection (top class = label, finite margin within gamma). */
  kept: boolean[];
  /** PhiInv(p1) - PhiInv(p0) per row (NaN where p1 = 0 or p0 = 1, or the top class is not the label). */
  margin: Float64Array;
}

/**
 * MACER's robustness term per row in float64, from the definition: the top two entries (ties: the
 * lower class first), PhiInv by AS241 PPND16, the reference's selection.
 */
export function macerMarginRef(
  p: ArrayLike<number>,
  labels: ArrayLike<number>,
  classes: number,
  gamma: number,
): MacerMarginRef {
  const rows = labels.length;
  const term = new Float64Array(rows);
  const grad = new Float64Array(rows * classes);
  const margin = new Float64Array(rows).fill(NaN);
  const kept: boolean[] = [];
  for (let r = 0; r < rows; r++) {
    const row = Array.from({ length: classes }, (_, c) => p[r * classes + c]);
    let c0 = 0;
    for (let c = 1; c < classes; c++) if (row[c] > row[c0]) c0 = c;
    let c1 = c0 === 0 ? 1 : 0;
    for (let c = 0; c < classes; c++) if (c !== c0 && row[c] > row[c1]) c1 = c;
    const [p0, p1] = [row[c0], row[c1]];
    let keep = false;
    if (labels[r] === c0 && p1 > 0 && p0 < 1) {
      const [x0, x1] = [phiInv(p0), phiInv(p1)];
      margin[r] = x1 - x0;
      if (Math.abs(x1 - x0) <= gamma) {
        keep = true;
        term[r] = x1 - x0 + gamma;
        const density = (x: number) => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
        grad[r * classes + c0] = -1 / density(x0);
        grad[r * classes + c1] = 1 / density(x1);
      }
    }
    kept.push(keep);
  }
  return { term, grad, kept, margin };
}

// ---- layout --------------------------------------------------------------------------------------

export function strides(shape: readonly number[]): number[] {
  const st = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    st[i] = acc;
    acc *= shape[i];
  }
  return st;
}

export function coords(i: number, shape: readonly number[]): number[] {
  const c = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    c[d] = i % shape[d];
    i = Math.floor(i / shape[d]);
  }
  return c;
}

export function permuteRef(
  x: ArrayLike<number>,
  shape: readonly number[],
  perm: readonly number[],
): Float64Array {
  const outShape = perm.map((d) => shape[d]);
  const st = strides(shape);
  const y = new Float64Array(x.length);
  for (let i = 0; i < y.length; i++) {
    const c = coords(i, outShape);
    y[i] = x[c.reduce((acc, ci, d) => acc + ci * st[perm[d]], 0)];
  }
  return y;
}
