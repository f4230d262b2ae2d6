/**
 * Attacks on the smoothed soft classifier G(x) = E_d[softmax(f(x + d))] (SmoothAdv, Salman et al. 2019).
 * The noise is drawn once by the caller ([B*m, ...], row i*m + j = copy j of image i) and reused in every
 * step. The model is put in eval mode with frozen parameters for the attack; only d objective / d delta
 * is computed.
 */
import {
  add,
  affine,
  binaryRaw,
  clamp,
  crossEntropy,
  div,
  exp,
  full,
  gaussianNoise,
  grad,
  log,
  maximum,
  mean,
  mul,
  neg,
  noGrad,
  randomUniform,
  repeatInterleave,
  reshape,
  RNG_DOMAIN,
  scope,
  softmaxAverageLoss,
  sqrt,
  square,
  sub,
  sum,
  Tensor,
  unaryRaw,
} from "../engine/mod.ts";
import type { Module } from "../nn/module.ts";
import { withFrozenWeights } from "../nn/layers.ts";

export interface AttackOptions {
  /** l2 radius of the attack (pixel units, e.g. 0.5; the CLI converts the reference's 1/256 units). */
  eps: number;
  steps: number;
  /** Noise copies per image. */
  m: number;
  /** Seed and stream of the random directions that replace zero gradients. */
  seed: number;
  stream: number;
}

/** PGD's options beyond the shared ones; both default to the reference's behaviour (off). */
export interface PgdOptions extends AttackOptions {
  /**
   * Start from a random point of the eps ball instead of 0: a Gaussian direction scaled to a radius
   * eps * u^(1/d) (u uniform, d the pixels per image: uniform in the ball), then clamped to [0, 1].
   * The reference's PGD_L2 takes a `random_start` argument but never reads it (predict.py's
   * --random-start has no effect there), so off is the reference's behaviour.
   */
  randomStart?: boolean;
  /**
   * The reference's "no-grad" trick (predict.py --no-grad-attack, `_attack_mutlinoise_no_grad`):
   * instead of back-propagating, step along -(1/m) sum_j softmax(f(x + delta + d_j))_y d_j, the
   * Stein estimate of the gradient of E[softmax_y] up to a positive factor (no backward pass).
   */
  gradientFree?: boolean;
}

/** The SmoothAdv objective at x + delta: mean over images of -log(mean_j softmax(f(x + delta + d_ij))_y). */
export function smoothedObjective(
  model: Module,
  x: Tensor,
  delta: Tensor,
  noise: Tensor,
  labels: Tensor,
  m: number,
): Tensor {
  const adv = repeatInterleave(add(x, delta), m);
  return softmaxAverageLoss(model.forward(add(adv, noise)), labels, m);
}

/** Per-example l2 norms of a [B, ...] tensor, shaped [B, 1, ..., 1] for broadcasting. */
export function rowNorms(t: Tensor): Tensor {
  const axes = t.shape.map((_, i) => i).slice(1);
  return sqrt(sum(square(t), axes, { keepDims: true }));
}

/**
 * Run `fn` with the model in eval mode and its parameters frozen (each convolution's folded weights built
 * once for all of fn's passes: nn/layers.ts withFrozenWeights), restoring both afterwards.
 */
export async function withFrozenEval<T>(model: Module, fn: () => Promise<T>): Promise<T> {
  const params = model.parameters();
  const wasTraining = model.training;
  const flags = params.map((p) => p.requiresGrad);
  model.eval();
  params.forEach((p) => (p.requiresGrad = false));
  try {
    return await withFrozenWeights(fn);
  } finally {
    params.forEach((p, i) => (p.requiresGrad = flags[i]));
    model.train(wasTraining);
  }
}

/**
 * g / ||g|| per example; an example whose gradient is exactly zero gets a standard normal direction
 * instead, as the reference code does (`torch.randn_like`, not normalised).
 */
function normalizedDirection(g: Tensor, seed: number, stream: number): Tensor {
  const norms = rowNorms(g);
  const zero = binaryRaw("eq", norms, full([1], 0));
  const safe = maximum(norms, full([1], 1e-30));
  const random = gaussianNoise(g.shape, { sigma: 1, seed, stream, domain: RNG_DOMAIN.direction });
  return add(div(g, safe), mul(random, zero));
}

/**
 * One PGD-l2 step from `delta` (model already frozen in eval mode): the objective and its gradient at
 * delta, then delta + (2 eps / T) g_hat, clamped so x + delta stays in [0, 1], projected onto the eps ball.
 */
export function pgdStep(
  model: Module,
  x: Tensor,
  delta: Tensor,
  labels: Tensor,
  noise: Tensor,
  o: PgdOptions,
  step: number,
): { delta: Tensor; gradient: Tensor; objective: Tensor } {
  return scope(() => {
    const d = delta.view();
    let objective: Tensor, g: Tensor;
    if (o.gradientFree) {
      ({ objective, direction: g } = noGrad(() => steinDirection(model, add(x, d), labels, noise, o.m)));
    } else {
      d.requiresGrad = true;
      objective = smoothedObjective(model, x, d, noise, labels, o.m);
      [g] = grad(objective, [d]);
    }
    return noGrad(() => {
      const moved = add(
        d,
        affine(normalizedDirection(g, o.seed, o.stream * o.steps + step), (2 * o.eps) / o.steps),
      );
      const clamped = sub(clamp(add(x, moved), 0, 1), x);
      return { delta: projectL2(clamped, o.eps), gradient: g, objective: objective.view() };
    });
  });
}

/**
 * -(1/m) sum_j softmax(f(x_i + d_ij))_y d_ij per image: the reference's gradient-free ascent direction
 * (the noise's weighted mean; by Stein's lemma E[p_y(x + d) d] = sigma^2 grad E[p_y(x + d)], so its
 * negation points where the smoothed probability of the label falls).
 */
function steinDirection(
  model: Module,
  adv: Tensor,
  labels: Tensor,
  noise: Tensor,
  m: number,
): { direction: Tensor; objective: Tensor } {
  const b = adv.shape[0];
  const per = adv.size / b;
  const logits = model.forward(add(repeatInterleave(adv, m), noise));
  // softmax_y = exp(-cross-entropy) per row, which stays on the GPU with the labels
  const py = exp(neg(crossEntropy(logits, repeatInterleave(labels, m), { reduction: "none" })));
  const weighted = mul(reshape(noise, [b * m, per]), reshape(py, [b * m, 1]));
  return {
    direction: reshape(neg(mean(reshape(weighted, [b, m, per]), [1])), adv.shape),
    objective: softmaxAverageLoss(logits, labels, m),
  };
}

/** PGD's random start (PgdOptions.randomStart): uniform in the eps ball, x + delta kept in [0, 1]. */
function randomStart(x: Tensor, o: PgdOptions): Tensor {
  return scope(() =>
    noGrad(() => {
      const b = x.shape[0];
      const d = x.size / b;
      const direction = gaussianNoise(x.shape, {
        sigma: 1,
        seed: o.seed,
        stream: o.stream,
        domain: RNG_DOMAIN.start,
      });
      // samples b .. 2b - 1 of the same stream: the directions use samples 0 .. b - 1
      const u = randomUniform([b], {
        seed: o.seed,
        stream: o.stream,
        firstSample: b,
        domain: RNG_DOMAIN.start,
      });
      // u^(1/d) = exp(log(u) / d): the radius of a uniform point of the d-dimensional ball
      const radius = reshape(exp(affine(log(u), 1 / d)), [b, ...x.shape.slice(1).map(() => 1)]);
      const start = mul(div(direction, rowNorms(direction)), affine(radius, o.eps));
      return sub(clamp(add(x, start), 0, 1), x);
    })
  );
}

/**
 * PGD-l2 of SmoothAdv: delta_0 = 0; each step moves delta by 2 eps / T along the per-example
 * normalised gradient of the objective, clamps x + delta to [0, 1] (noise excluded) and projects delta
 * onto the eps ball (scaling by exactly eps / ||delta||). Returns x + delta_T.
 */
export async function pgdL2(
  model: Module,
  x: Tensor,
  labels: Tensor,
  noise: Tensor,
  o: PgdOptions,
): Promise<Tensor> {
  checkAttack(x, noise, labels, o);
  return await withFrozenEval(model, () => {
    let delta = (o.randomStart ? randomStart(x, o) : full(x.shape, 0)).keep();
    for (let t = 0; t < o.steps; t++) {
      const next = pgdStep(model, x, delta, labels, noise, o, t);
      next.gradient.dispose();
      next.objective.dispose();
      delta.dispose();
      delta = next.delta.keep();
    }
    const adv = noGrad(() => add(x, delta));
    delta.dispose();
    return Promise.resolve(adv);
  });
}

/** delta * min(1, eps / ||delta||) per example. */
export function projectL2(delta: Tensor, eps: number): Tensor {
  const n = rowNorms(delta);
  const factor = div(full([1], eps), maximum(n, full([1], eps)));
  return mul(delta, factor);
}

function checkAttack(x: Tensor, noise: Tensor, labels: Tensor, o: AttackOptions): void {
  if (!(o.eps >= 0) || !Number.isFinite(o.eps)) {
    throw new RangeError(`attack epsilon must be finite and >= 0, got ${o.eps}`);
  }
  if (!Number.isInteger(o.steps) || o.steps < 1) {
    throw new RangeError(`attack steps must be a positive integer, got ${o.steps}`);
  }
  if (!Number.isInteger(o.m) || o.m < 1) {
    throw new RangeError(`noise copies m must be a positive integer, got ${o.m}`);
  }
  const b = x.shape[0];
  if (noise.shape[0] !== b * o.m || noise.size !== x.size * o.m) {
    throw new RangeError(
      `attack: noise [${noise.shape.join(", ")}] must hold ${o.m} copies of x [${x.shape.join(", ")}]`,
    );
  }
  if (labels.shape.length !== 1 || labels.shape[0] !== b) {
    throw new RangeError(`attack: labels [${labels.shape.join(", ")}] must be [${b}]`);
  }
}

export interface DdnOptions extends AttackOptions {
  /** Initial norm (reference: 1.0), norm factor gamma (0.05), quantisation levels (256). */
  initNorm?: number;
  gamma?: number;
  levels?: number;
}

/**
 * DDN (decoupled direction and norm) on the smoothed soft classifier, as the SmoothAdv reference runs it:
 * SGD on delta with lr cosine-annealed from 1 to 0.01, the norm shrunk by (1 - gamma) while adversarial
 * (the majority vote over the m noisy copies is wrong) and grown by (1 + gamma) otherwise, x + delta
 * quantised to `levels` levels; the smallest adversarial delta is kept and finally projected onto the
 * eps ball. The per-example decisions need the votes and norms on the host: one small readback per step.
 */
export async function ddn(
  model: Module,
  x: Tensor,
  labels: Tensor,
  noise: Tensor,
  o: DdnOptions,
): Promise<Tensor> {
  checkAttack(x, noise, labels, o);
  const gamma = o.gamma ?? 0.05;
  const levels = o.levels ?? 256;
  const b = x.shape[0];
  const per = x.size / b;
  const labelHost = await labels.read();
  return await withFrozenEval(model, async () => {
    const xHost = await x.read();
    const worst = new Float64Array(b);
    for (let i = 0; i < b; i++) {
      let s = 0;
      for (let k = 0; k < per; k++) {
        const v = xHost[i * per + k];
        s += Math.max(v, 1 - v) ** 2;
      }
      worst[i] = Math.sqrt(Math.fround(s));
    }
    const norm = new Float64Array(b).fill(o.initNorm ?? 1);
    const bestL2 = Float64Array.from(worst);
    let delta = full(x.shape, 0).keep();
    let best = full(x.shape, 0).keep();
    for (let t = 0; t < o.steps; t++) {
      // CosineAnnealingLR(T_max = steps, eta_min = 0.01), stepped before each iteration as the reference does.
      const lr = 0.01 + (1 - 0.01) * (1 + Math.cos((Math.PI * (t + 1)) / o.steps)) / 2;
      const { g, logits, l2 } = scope(() => {
        const d = delta.view();
        d.requiresGrad = true;
        const out = model.forward(add(repeatInterleave(add(x, d), o.m), noise));
        const loss = softmaxAverageLoss(out, labels, o.m);
        const [gd] = grad(loss, [d]);
        return { g: gd, logits: noGrad(() => out.view()), l2: noGrad(() => rowNorms(d)) };
      });
      const [logitHost, l2Host] = await Promise.all([logits.read(), l2.read()]);
      logits.dispose();
      l2.dispose();
      const k = logitHost.length / (b * o.m);
      const isAdv = new Float32Array(b);
      const better = new Float32Array(b);
      for (let i = 0; i < b; i++) {
        const votes = new Map<number, number>();
        for (let j = 0; j < o.m; j++) {
          const row = (i * o.m + j) * k;
          let am = 0;
          for (let c = 1; c < k; c++) if (logitHost[row + c] > logitHost[row + am]) am = c;
          votes.set(am, (votes.get(am) ?? 0) + 1);
        }
        // torch.mode: the most frequent value, the smallest one among ties
        let mode = -1, modeCount = -1;
        for (const [c, n] of votes) {
          if (n > modeCount || (n === modeCount && c < mode)) [mode, modeCount] = [c, n];
        }
        isAdv[i] = mode !== labelHost[i] ? 1 : 0;
        if (isAdv[i] && l2Host[i] < bestL2[i]) {
          better[i] = 1;
          bestL2[i] = l2Host[i];
        }
      }
      const nextBest = noGrad(() => {
        const m = Tensor.from(better, [b, ...x.shape.slice(1).map(() => 1)]);
        return add(mul(delta, m), mul(best, affine(m, -1, 1)));
      });
      best.dispose();
      best = nextBest.keep();
      for (let i = 0; i < b; i++) norm[i] = Math.min(norm[i] * (1 - (2 * isAdv[i] - 1) * gamma), worst[i]);
      const next = scope(() =>
        noGrad(() => {
          const stepped = add(delta, affine(normalizedDirection(g, o.seed, o.stream * o.steps + t), lr));
          const cur = rowNorms(stepped);
          const target = Tensor.from(Float32Array.from(norm), cur.shape);
          const rescaled = add(mul(stepped, div(target, cur)), x);
          return sub(clamp(quantize(rescaled, levels), 0, 1), x);
        })
      );
      g.dispose();
      delta.dispose();
      delta = next.keep();
    }
    const adv = scope(() =>
      noGrad(() => {
        // the reference quantises the kept delta itself (not x + delta) after the projection
        return add(x, quantize(projectL2(best, o.eps), levels));
      })
    );
    delta.dispose();
    best.dispose();
    return adv;
  });
}

/** Quantise to `levels` levels in [0, 1] steps: round(t * (levels - 1)) / (levels - 1), half to even. */
function quantize(t: Tensor, levels: number): Tensor {
  return affine(unaryRaw("round", affine(t, levels - 1)), 1 / (levels - 1));
}
