/**
 * Float64 references of the training losses of MACER, Consistency and SmoothMix on a small network,
 * logits = x W^T + b, written from the papers' and reference codes' formulas (not from our ops), for
 * finite-difference gradient checks of the whole loss with respect to W and b.
 */
import { macerMarginRef } from "../engine/references.ts";

/** Rows of x [n, d] through W [c, d] and b [c]: logits [n][c]. */
export function linearRef(x: ArrayLike<number>, n: number, w: Float64Array, b: Float64Array): number[][] {
  const c = b.length;
  const d = w.length / c;
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: c }, (_, k) => {
      let s = b[k];
      for (let j = 0; j < d; j++) s += x[i * d + j] * w[k * d + j];
      return s;
    }));
}

export function softmaxRef(z: readonly number[]): number[] {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, v) => a + v, 0);
  return e.map((v) => v / s);
}

export function logSoftmaxRef(z: readonly number[]): number[] {
  const m = Math.max(...z);
  const l = Math.log(z.reduce((a, v) => a + Math.exp(v - m), 0));
  return z.map((v) => v - m - l);
}

/** Mean of the rows' softmaxes per image: rows i*m .. i*m + m - 1 are image i. */
export function averageSoftmaxRef(logits: number[][], m: number, scale = 1): number[][] {
  const b = logits.length / m;
  return Array.from({ length: b }, (_, i) => {
    const acc = new Array<number>(logits[0].length).fill(0);
    for (let j = 0; j < m; j++) {
      softmaxRef(logits[i * m + j].map((v) => v * scale)).forEach((p, k) => (acc[k] += p / m));
    }
    return acc;
  });
}

/** macer.py: (sum_i -log(p_i[y] + 1e-10) + lbd (sigma / 2) sum_kept (PhiInv(2nd) - PhiInv(top) + gamma)) / B. */
export function macerLossRef(
  logits: number[][],
  labels: readonly number[],
  k: number,
  o: { lbd: number; margin: number; beta: number; sigma: number },
): number {
  const b = labels.length;
  const p = averageSoftmaxRef(logits, k);
  let cl = 0;
  for (let i = 0; i < b; i++) cl -= Math.log(p[i][labels[i]] + 1e-10);
  const q = averageSoftmaxRef(logits, k, o.beta);
  const { term } = macerMarginRef(q.flat(), labels, q[0].length, o.margin);
  const rl = term.reduce((a, v) => a + v, 0) * o.sigma / 2;
  return (cl + o.lbd * rl) / b;
}

/**
 * consistency.py (loss='default') plus the cross-entropy over all rows: mean_rows CE +
 * mean_i [lbd (1/m) sum_j KL(pbar_i || p_ij) + eta H(pbar_i)].
 */
export function consistencyLossRef(
  logits: number[][],
  labels: readonly number[],
  m: number,
  o: { lbd: number; eta: number },
): number {
  const b = labels.length;
  let ce = 0;
  for (let r = 0; r < b * m; r++) ce -= logSoftmaxRef(logits[r])[labels[Math.floor(r / m)]];
  ce /= b * m;
  const pbar = averageSoftmaxRef(logits, m);
  let reg = 0;
  for (let i = 0; i < b; i++) {
    let kl = 0;
    for (let j = 0; j < m; j++) {
      const lp = logSoftmaxRef(logits[i * m + j]);
      pbar[i].forEach((p, c) => (kl += p * (Math.log(p) - lp[c]) / m));
    }
    const h = -pbar[i].reduce((a, p) => a + p * Math.log(Math.max(p, 1e-20)), 0);
    reg += (o.lbd * kl + o.eta * h) / b;
  }
  return ce + reg;
}

/**
 * SmoothMix's training loss (train.py): mean CE over the clean side's B m noisy rows +
 * eta (1 / (B m)) sum_ij [argmax pbar_i = y_i] KL(t_i || softmax(f(x_mix,i + d_ij))), with
 * t_i = (1 - l_i) pbar_i + l_i / C and x_mix = (1 - l) x_s + l x'.
 */
export function smoothMixLossRef(
  forward: (rows: Float64Array, n: number) => number[][],
  clean: ArrayLike<number>,
  adversarial: ArrayLike<number>,
  labels: readonly number[],
  noise: ArrayLike<number>,
  lambda: ArrayLike<number>,
  o: { m: number; eta: number },
): number {
  const { m } = o;
  const b = labels.length;
  const per = clean.length / b;
  const rows = (img: (i: number, e: number) => number) => {
    const out = new Float64Array(b * m * per);
    for (let i = 0; i < b; i++) {
      for (let j = 0; j < m; j++) {
        for (let e = 0; e < per; e++) out[(i * m + j) * per + e] = img(i, e) + noise[(i * m + j) * per + e];
      }
    }
    return out;
  };
  const logits = forward(rows((i, e) => clean[i * per + e]), b * m);
  const classes = logits[0].length;
  let ce = 0;
  for (let r = 0; r < b * m; r++) ce -= logSoftmaxRef(logits[r])[labels[Math.floor(r / m)]];
  ce /= b * m;
  const pbar = averageSoftmaxRef(logits, m);
  const mixedLogits = forward(
    rows((i, e) => (1 - lambda[i]) * clean[i * per + e] + lambda[i] * adversarial[i * per + e]),
    b * m,
  );
  let mix = 0;
  for (let i = 0; i < b; i++) {
    const top = pbar[i].indexOf(Math.max(...pbar[i]));
    if (top !== labels[i]) continue;
    const t = pbar[i].map((p) => (1 - lambda[i]) * p + lambda[i] / classes);
    for (let j = 0; j < m; j++) {
      const lq = logSoftmaxRef(mixedLogits[i * m + j]);
      t.forEach((tc, c) => (mix += tc * (Math.log(tc) - lq[c])));
    }
  }
  return ce + o.eta * mix / (b * m);
}
