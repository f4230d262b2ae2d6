/**
 * 2-D batch normalisation (PyTorch `BatchNorm2d` semantics) with its backward rules.
 *
 * Training: one workgroup-per-channel reduction computes the batch mean and biased variance (and
 * updates the running statistics in place), then one elementwise pass normalises. Evaluation: a single
 * elementwise pass straight from the running statistics.
 */
import { attach, needsGrad } from "../autograd.ts";
import type { Bindable, TextureBindable } from "../recorder.ts";
import { engine } from "../runtime.ts";
import { Tensor } from "../tensor.ts";
import { add, relu } from "./elementwise.ts";
import { binaryRaw } from "./elementwise_kernels.ts";
import { currentTileConfig } from "./matmul.ts";
import { takeChannelMoments } from "./moments.ts";
import { operandCopies, spareTexture, vec4Texture } from "./operand_texture.ts";
import { fmt, grid1d, MAX_GRID, paddedView, spareOutput } from "./util.ts";

export interface BatchNormOptions {
  /** Batch statistics (and a running-statistics update) when true; running statistics when false. */
  training: boolean;
  /** Weight of the new batch statistics in the running averages (PyTorch default 0.1). */
  momentum?: number;
  eps?: number;
  /** Added to the normalised output (a ResNet block's shortcut), before the ReLU; shaped like x. */
  residual?: Tensor | null;
  /** A ReLU on the output. */
  relu?: boolean;
}

const WG = 256;

/** Invocations per workgroup of the per-channel reductions (TileConfig.reductionLanes). */
function reductionLanes(): number {
  return currentTileConfig().reductionLanes ?? WG;
}
/** The elementwise passes find a channel by float division, exact for quotients below 2^22. */
const MAX_PLANES = 2 ** 22;
/** Adjacent lanes that read adjacent vec4s in the elementwise passes (STREAM in batchnorm.wgsl). */
const STREAM = 8;

function checkParam(op: string, name: string, t: Tensor, C: number): void {
  if (t.dtype !== "f32") throw new TypeError(`${op}: ${name} must be f32, got ${t.dtype}`);
  if (t.rank !== 1 || t.shape[0] !== C) {
    throw new RangeError(
      `${op}: ${name} must have shape [${C}] (one value per channel), got ${fmt(t.shape)}`,
    );
  }
}

function checkInput(op: string, x: Tensor): void {
  if (x.dtype !== "f32") throw new TypeError(`${op}: input must be f32, got ${x.dtype}`);
  if (x.rank !== 4) throw new RangeError(`${op}: input must be [N, C, H, W], got ${fmt(x.shape)}`);
  if (x.shape[0] * x.shape[1] > MAX_PLANES) {
    throw new RangeError(`${op}: input ${fmt(x.shape)} has more than ${MAX_PLANES} planes (N * C)`);
  }
}

/** Workgroups for one workgroup per channel. */
function channelGrid(C: number): { workgroups: [number, number]; row: number } {
  const gx = Math.min(Math.max(C, 1), MAX_GRID);
  return { workgroups: [gx, Math.ceil(C / gx)], row: gx };
}

/**
 * Whether x's planes hold a multiple of 4 values, so that every aligned vec4 lies in one channel and
 * the passes can move vec4s (the reductions' V4, the elementwise `*4` entries).
 */
function byVec4(x: Tensor): boolean {
  return x.size > 0 && (x.shape[2] * x.shape[3]) % 4 === 0;
}

/**
 * The vec4 passes' x, g and residual, copied into the textures `xt`, `gt` and `rt` on the software
 * adapter (TX = 1: batchnorm.wgsl reads them there, operand_texture.ts says why). With `hold`, x and the
 * residual (activations, saved for the backward pass) go into textures of their own that the backward
 * pass finds again (heldVec4Texture): one copy of x per layer and step instead of two.
 */
function operands(
  v4: boolean,
  x: Tensor | null,
  g: Tensor | null = null,
  residual: Tensor | null = null,
  hold = false,
) {
  return operandCopies(v4, { xt: x, gt: g, rt: residual }, "batchnorm", hold ? HELD : undefined);
}

const HELD: ReadonlySet<string> = new Set(["xt", "rt"]);

/**
 * The vec4 passes' per-channel table (`c4` in batchnorm.wgsl: `saved`, or bwd_reduce's dx table) and,
 * where they read their other operands from copies (TX = 1), its texture copy `ct`: on the software
 * adapter a storage-buffer load per lane costs about as much as the lane's 4 vec4s of work. Recorded
 * after the pass that writes the table.
 */
function table(t: Tensor, TX: 0 | 1): { c4: Bindable; ct: TextureBindable } {
  const copy = TX ? vec4Texture(t, "batchnorm ct") : null;
  if (TX && !copy) throw new Error(`batchNorm2d: no texture holds a table of ${t.size / 4} channel vec4s`);
  return { c4: paddedView(t), ct: copy ?? spareTexture() };
}

/**
 * Elementwise uniforms and grid; by vec4s (`n` and `HW` counted in vec4s) when `vec4`, each invocation
 * then moving Q vec4s of one plane (Q the largest of 4, 2, 1 dividing the plane's vec4s).
 */
function elemUniforms(
  x: Tensor,
  eps = 0,
  vec4 = false,
): { uniforms: Record<string, number>; workgroups: [number, number] } {
  const [, C, H, W] = x.shape;
  const k = vec4 ? 4 : 1;
  const HW = (H * W) / k;
  const Q = !vec4 ? 1 : HW % (4 * STREAM) === 0 ? 4 : HW % (2 * STREAM) === 0 ? 2 : 1;
  const n = x.size / k;
  const g = grid1d(n / Q, WG);
  return {
    uniforms: { n, C, HW, row: g.row, eps, Q, invHW: 1 / HW, invC: 1 / C },
    workgroups: g.workgroups,
  };
}

/** Per-channel [mean, invstd, scale, shift] (4*C floats) of the evaluation statistics. */
function evalSaved(
  weight: Tensor,
  bias: Tensor,
  runningMean: Tensor,
  runningVar: Tensor,
  eps: number,
): Tensor {
  const C = weight.size;
  const saved = Tensor.empty([C, 4], "f32", "batchNorm2d saved");
  engine().run("batchnorm", "eval_saved", {
    bindings: { weight, bias, rmean: runningMean, rvar: runningVar, saved_out: saved },
    uniforms: { C, eps, _p0: 0, _p1: 0 },
    workgroups: [Math.ceil(C / WG)],
  });
  return saved;
}

/** Which gradients a backward call computes. */
interface Wanted {
  x: boolean;
  params: boolean;
  /** The residual's (only with a ReLU after it: the masked gradient, written by dx_train4). */
  residual: boolean;
}

/**
 * Gradients of batchnorm given the per-channel `saved` statistics (no autograd): [dx, dweight, dbias,
 * dresidual]. With `afterRelu`, g is the gradient of relu(output) (the normalising pass's ReLU, training),
 * or of relu(output + residual) given the residual, which the passes mask themselves (MASK).
 */
function batchNormBackward(
  g: Tensor,
  x: Tensor,
  saved: Tensor,
  training: boolean,
  want: Wanted,
  afterRelu = false,
  residual: Tensor | null = null,
): [Tensor | null, Tensor | null, Tensor | null, Tensor | null] {
  const [N, C, H, W] = x.shape;
  const e = engine();
  const v4 = byVec4(x);
  // (the normalising pass applies a ReLU only by vec4s: tailFlags)
  if (afterRelu && !(v4 && training)) {
    throw new Error("batchNorm2d backward: MASK needs the vec4 training passes");
  }
  const MASK = afterRelu ? (residual ? 2 : 1) : 0;
  const wantRes = MASK === 2 && want.residual;
  // The dx pass also writes the residual's gradient (MASK = 2).
  const dxPass = want.x || wantRes;
  // Only the training passes and the parameters' gradients read x; the masks the residual (held).
  const { textures, TX } = operands(
    v4,
    want.params || training ? x : null,
    g,
    MASK === 2 ? residual : null,
    true,
  );
  const res = { res4: paddedView(residual ?? x), rt: textures.rt };
  let dweight: Tensor | null = null;
  let dbias: Tensor | null = null;
  // dx_train4's per-channel table: (mean, invstd, scale, shift) and (dbias / M, dweight / M, 0, 0)
  let dxTable: Tensor | null = null;
  // The training-mode dx needs both channel sums even when the parameters need no gradient.
  if (want.params || (dxPass && training)) {
    dweight = Tensor.empty([C], "f32", "batchNorm2d dweight");
    dbias = Tensor.empty([C], "f32", "batchNorm2d dbias");
    dxTable = Tensor.empty([2 * C, 4], "f32", "batchNorm2d dx table");
    const cg = channelGrid(C);
    e.run("batchnorm", "bwd_reduce", {
      bindings: {
        g4: paddedView(g),
        x4: paddedView(x),
        xt: textures.xt,
        gt: textures.gt,
        ...res,
        saved,
        dweight_out: dweight,
        dbias_out: dbias,
        dxtable_out: dxTable,
      },
      uniforms: { N, C, HW: H * W, row: cg.row },
      workgroups: cg.workgroups,
    }, { WG: reductionLanes(), V4: v4 ? 1 : 0, MASK, TX });
  }
  let dx: Tensor | null = null;
  let dres: Tensor | null = null;
  if (dxPass) {
    dx = Tensor.empty(x.shape, "f32", "batchNorm2d dx");
    const el = elemUniforms(x, 0, v4);
    const sfx = v4 ? "4" : "";
    const io: Record<string, Bindable | TextureBindable> = v4
      ? { g4: paddedView(g), out4: paddedView(dx), gt: textures.gt }
      : { g, out: dx };
    if (training) {
      // dres4 is written only with MASK = 2; otherwise a spare buffer is bound there.
      dres = wantRes ? Tensor.empty(x.shape, "f32", "batchNorm2d dresidual") : null;
      const dres4 = dres ? paddedView(dres) : spareOutput();
      const xb: Record<string, Bindable | TextureBindable> = v4
        ? { x4: paddedView(x), xt: textures.xt, ...table(dxTable!, TX), ...res, dres4 }
        : { x, saved, dweight_in: dweight!, dbias_in: dbias! };
      e.run("batchnorm", `dx_train${sfx}`, {
        bindings: { ...io, ...xb },
        uniforms: el.uniforms,
        workgroups: el.workgroups,
      }, v4 ? { WG, MASK, TX } : { WG });
    } else {
      e.run("batchnorm", `dx_eval${sfx}`, {
        bindings: { ...io, ...(v4 ? table(saved, TX) : { saved }) },
        uniforms: el.uniforms,
        workgroups: el.workgroups,
      }, v4 ? { WG, TX } : { WG });
    }
    if (!want.x) {
      dx.dispose();
      dx = null;
    }
  }
  dxTable?.dispose();
  if (!want.params) {
    dweight?.dispose();
    dbias?.dispose();
    return [dx, null, null, dres];
  }
  return [dx, dweight, dbias, dres];
}

/**
 * Batch normalisation of an [N, C, H, W] tensor over (N, H, W) per channel.
 *
 * Training mode normalises with the batch mean and biased batch variance and updates `runningMean`
 * and `runningVar` in place (no autograd) exactly as PyTorch does:
 * `running = (1 - momentum) * running + momentum * batch`, with the unbiased variance `var * n/(n-1)`.
 * Evaluation mode computes `(x - runningMean) / sqrt(runningVar + eps) * weight + bias` in one pass.
 * Gradients flow to x, weight and bias in both modes (the running statistics are constants).
 */
export function batchNorm2d(
  x: Tensor,
  weight: Tensor,
  bias: Tensor,
  runningMean: Tensor,
  runningVar: Tensor,
  opts: BatchNormOptions,
): Tensor {
  const op = "batchNorm2d";
  checkInput(op, x);
  const [N, C, H, W] = x.shape;
  checkParam(op, "weight", weight, C);
  checkParam(op, "bias", bias, C);
  checkParam(op, "runningMean", runningMean, C);
  checkParam(op, "runningVar", runningVar, C);
  const momentum = opts.momentum ?? 0.1;
  const eps = opts.eps ?? 1e-5;
  if (!(eps > 0)) throw new RangeError(`${op}: eps must be positive, got ${eps}`);
  if (!(momentum >= 0 && momentum <= 1)) {
    throw new RangeError(`${op}: momentum must lie in [0, 1], got ${momentum}`);
  }
  const residual = opts.residual ?? null;
  if (residual && (residual.dtype !== "f32" || residual.shape.join() !== x.shape.join())) {
    throw new RangeError(
      `${op}: residual must be f32 ${fmt(x.shape)} like the input, got ${residual.dtype} ${
        fmt(residual.shape)
      }`,
    );
  }
  const e = engine();
  const out = Tensor.empty(x.shape, "f32", op);
  const M = N * H * W;

  if (opts.training) {
    if (M <= 1) {
      throw new RangeError(
        `${op}: expected more than 1 value per channel when training, got input of shape ${fmt(x.shape)}`,
      );
    }
    const saved = Tensor.empty([C, 4], "f32", `${op} saved`);
    const cg = channelGrid(C);
    const v4 = byVec4(x);
    const act = tailFlags(v4, residual, opts.relu);
    const { textures, TX } = operands(v4, x, null, act.residual, needsGrad(x, weight, bias, act.residual));
    // the statistics from the partial moments its producer left (moments.ts), or from x itself
    const moments = takeChannelMoments(x);
    const partsTexture = moments && TX ? vec4Texture(moments.parts, "batchnorm moments") : null;
    e.run("batchnorm", "train_stats", {
      bindings: {
        x,
        x4: paddedView(moments?.parts ?? x),
        xt: moments ? partsTexture ?? spareTexture() : textures.xt,
        weight,
        bias,
        run_mean: runningMean,
        run_var: runningVar,
        saved_out: saved,
      },
      uniforms: {
        N,
        C,
        HW: H * W,
        update: 1,
        eps,
        momentum,
        unbias: M / (M - 1),
        row: cg.row,
        parts: moments?.perGroup ?? 0,
        per: moments?.count ?? 0,
      },
      workgroups: cg.workgroups,
    }, {
      WG: reductionLanes(),
      V4: v4 ? 1 : 0,
      TX: moments ? (partsTexture ? 1 : 0) : TX,
      MOM: moments ? 1 : 0,
    });
    moments?.parts.dispose();
    const el = elemUniforms(x, 0, v4);
    // With vec4s, the residual and ReLU ride in the normalising pass (see tailFlags).
    e.run("batchnorm", v4 ? "train_apply4" : "train_apply", {
      bindings: v4
        ? {
          x4: paddedView(x),
          xt: textures.xt,
          ...table(saved, TX),
          out4: paddedView(out),
          res4: paddedView(residual ?? x),
          rt: textures.rt,
        }
        : { x, saved, out },
      uniforms: el.uniforms,
      workgroups: el.workgroups,
    }, v4 ? { WG, ACT: act.ACT, TX } : { WG });
    const y = attachNorm(op, out, x, weight, bias, saved, true, act);
    saved.dispose();
    return tail(y, residual, opts.relu ?? false, act);
  }

  const v4 = byVec4(x);
  const act = tailFlags(v4, residual, opts.relu);
  if (out.size > 0) {
    const el = elemUniforms(x, eps, v4);
    const { textures, TX } = operands(v4, x, null, act.residual);
    const params = { weight, bias, rmean: runningMean, rvar: runningVar };
    // by vec4s, each lane's channel values as one vec4 of a table (eval_table)
    const evalTable = v4 ? Tensor.empty([C, 4], "f32", `${op} eval table`) : null;
    if (evalTable) {
      e.run("batchnorm", "eval_table", {
        bindings: { ...params, etable_out: evalTable },
        uniforms: { C, eps, _p0: 0, _p1: 0 },
        workgroups: [Math.ceil(C / WG)],
      });
    }
    const io: Record<string, Bindable | TextureBindable> = evalTable
      ? {
        x4: paddedView(x),
        xt: textures.xt,
        out4: paddedView(out),
        res4: paddedView(residual ?? x),
        rt: textures.rt,
        ...table(evalTable, TX),
      }
      : { x, out, ...params };
    e.run("batchnorm", v4 ? "eval_apply4" : "eval_apply", {
      bindings: io,
      uniforms: el.uniforms,
      workgroups: el.workgroups,
    }, v4 ? { WG, ACT: act.ACT, TX } : { WG });
    evalTable?.dispose();
  }
  if (!needsGrad(x, weight, bias, act.residual)) return tail(out, residual, opts.relu ?? false, act);
  // A snapshot of the statistics used, so a later in-place update cannot change this node's gradient.
  const saved = evalSaved(weight, bias, runningMean, runningVar, eps);
  const y = attachNorm(op, out, x, weight, bias, saved, false, act);
  saved.dispose();
  return tail(y, residual, opts.relu ?? false, act);
}

/**
 * What the normalising pass applies of relu?(y + residual?): all of it by vec4s (ACT in batchnorm.wgsl),
 * where a ResNet's training step spent an add and a ReLU pass over the activations; nothing otherwise.
 */
interface TailFlags {
  ACT: number;
  /** The residual the pass added, or null. */
  residual: Tensor | null;
  relu: boolean;
}

function tailFlags(v4: boolean, residual: Tensor | null, relu = false): TailFlags {
  if (!v4) return { ACT: 0, residual: null, relu: false };
  return { ACT: (relu ? 1 : 0) | (residual ? 2 : 0), residual, relu };
}

/**
 * The normalisation's autograd node, with the residual and ReLU its pass applied: the gradient is masked
 * by the output's sign (relu(y) > 0 iff y > 0) and is also the residual's. In training the backward
 * passes mask it themselves, from the pre-activation they recompute from x and the residual (MASK in
 * batchnorm.wgsl; both are kept for the backward pass anyway, with their texture copies): no masking
 * pass and no copies of the output and the gradient for one, and the output need not be kept. dx_train4
 * writes the masked gradient, which is the residual's, as a second output.
 */
function attachNorm(
  op: string,
  out: Tensor,
  x: Tensor,
  weight: Tensor,
  bias: Tensor,
  saved: Tensor,
  training: boolean,
  act: TailFlags,
): Tensor {
  // In training the backward passes mask the gradient themselves (batchNormBackward's MASK), from x
  // and the residual; in evaluation a pass masks it by the saved output.
  const foldMask = training && act.relu;
  const keep = foldMask ? act.residual : act.relu ? out : null;
  return attach(
    out,
    op,
    [x, weight, bias, act.residual],
    keep ? [x, saved, keep] : [x, saved],
    (g, [sx, ss, sk]) => {
      const wantRes = act.residual?.requiresGrad ?? false;
      const want = { x: x.requiresGrad, params: weight.requiresGrad || bias.requiresGrad, residual: wantRes };
      if (foldMask) return batchNormBackward(g, sx, ss, training, want, true, sk ?? null);
      const gy = sk ? binaryRaw("reluGrad", sk, g) : g;
      const [dx, dw, db] = batchNormBackward(gy, sx, ss, training, want);
      const dres = wantRes ? gy.view() : null;
      if (gy !== g) gy.dispose();
      return [dx, dw, db, dres];
    },
  );
}

/** relu?(y + residual?), the part the normalising pass did not apply (act), as separate passes; consumes y. */
function tail(y: Tensor, residual: Tensor | null, withRelu: boolean, act: TailFlags): Tensor {
  let r = y;
  const steps = [
    residual && !act.residual && ((t: Tensor) => add(t, residual)),
    withRelu && !act.relu && relu,
  ];
  for (const step of steps) {
    if (!step) continue;
    const next = step(r);
    r.dispose();
    r = next;
  }
  return r;
}

/**
 * Evaluation batchnorm as a per-channel affine map: `y = x * scale[c] + shift[c]`, with
 * `scale = weight / sqrt(runningVar + eps)` and `shift = bias - runningMean * scale`. Folding these into
 * the preceding convolution removes the batchnorm pass from inference entirely. No autograd.
 */
export function foldBatchNorm(
  weight: Tensor,
  bias: Tensor,
  runningMean: Tensor,
  runningVar: Tensor,
  eps = 1e-5,
): { scale: Tensor; shift: Tensor } {
  const op = "foldBatchNorm";
  if (weight.rank !== 1) throw new RangeError(`${op}: weight must be [C], got ${fmt(weight.shape)}`);
  const C = weight.shape[0];
  checkParam(op, "weight", weight, C);
  checkParam(op, "bias", bias, C);
  checkParam(op, "runningMean", runningMean, C);
  checkParam(op, "runningVar", runningVar, C);
  if (!(eps > 0)) throw new RangeError(`${op}: eps must be positive, got ${eps}`);
  const scale = Tensor.empty([C], "f32", `${op} scale`);
  const shift = Tensor.empty([C], "f32", `${op} shift`);
  if (C > 0) {
    engine().run("batchnorm", "fold", {
      bindings: { weight, bias, rmean: runningMean, rvar: runningVar, scale_out: scale, shift_out: shift },
      uniforms: { C, eps, _p0: 0, _p1: 0 },
      workgroups: [Math.ceil(C / WG)],
    });
  }
  return { scale, shift };
}
