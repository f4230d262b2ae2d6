import fc from "../fast_check.ts";
import { grad, noGrad, readTensors, scope, scopeAsync, Tensor } from "../../engine/mod.ts";
import { batchNorm2d, foldBatchNorm } from "../../engine/ops/batchnorm.ts";
import { currentTileConfig, overrideTileConfig } from "../../engine/ops/matmul.ts";
import { tileConfig } from "../../engine/ops/matmul_tiles.ts";
import { operandCopiesPay } from "../../engine/ops/operand_texture.ts";
import { engine } from "../../engine/runtime.ts";
import {
  assertClose,
  assertThrows,
  dot,
  fdGrad,
  gpuTest,
  randomArray,
  withDispatches,
  withTextureCopies,
} from "../helpers.ts";
import assert from "node:assert/strict";
import { bnRef } from "./references.ts";

type Shape4 = [number, number, number, number];

/** `fn` must throw an instance of `type` whose message contains `part`. */

/** Central differences of f at v (float64), one coordinate at a time. */

function maxAbs(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
}

/** Shapes with at least two values per channel, including sizes that are not multiples of 256. */
const shapeArb = fc.tuple(
  fc.integer({ min: 1, max: 5 }),
  fc.integer({ min: 1, max: 7 }),
  fc.integer({ min: 1, max: 23 }),
  fc.integer({ min: 1, max: 23 }),
).filter(([n, , h, w]) => n * h * w >= 2);

function channelData(C: number, seed: number, lo: number, hi: number): Float32Array {
  return randomArray(C, seed, lo, hi);
}

gpuTest("batchNorm2d training: output, batch statistics and running-stat update vs float64", async () => {
  // Offsets up to 300 with unit spread: a naive sum-of-squares variance in f32 would fail here.
  // Tolerance: outputs are O(|weight|) so atol 3e-4, rtol 1e-4; running stats rtol 1e-4 (f32 accumulation).
  await fc.assert(
    fc.asyncProperty(
      shapeArb,
      fc.integer({ min: 1, max: 1e6 }),
      fc.double({ min: 0, max: 300, noNaN: true }),
      async (shape, seed, offset) => {
        const [N, C, H, W] = shape as Shape4;
        const xs = randomArray(N * C * H * W, seed, offset - 1, offset + 1);
        const w = channelData(C, seed + 1, 0.5, 2);
        const b = channelData(C, seed + 2, -1, 1);
        const rm0 = channelData(C, seed + 3, -1, 1);
        const rv0 = channelData(C, seed + 4, 0.5, 2);
        const momentum = 0.1 + (seed % 5) / 10;
        const eps = 1e-5;
        const [y, rm, rv] = await scopeAsync(async () => {
          const x = Tensor.from(xs, shape);
          const runningMean = Tensor.from(rm0, [C]);
          const runningVar = Tensor.from(rv0, [C]);
          const out = batchNorm2d(x, Tensor.from(w, [C]), Tensor.from(b, [C]), runningMean, runningVar, {
            training: true,
            momentum,
            eps,
          });
          return [await out.read(), await runningMean.read(), await runningVar.read()];
        });
        const ref = bnRef(xs, shape as Shape4, w, b, eps);
        assertClose(y, ref.y, { rtol: 1e-4, atol: 3e-4, what: `y ${shape}` });
        const M = N * H * W;
        const erm = Array.from(rm0, (r, c) => (1 - momentum) * r + momentum * ref.mean[c]);
        const erv = Array.from(rv0, (r, c) => (1 - momentum) * r + momentum * ref.varBiased[c] * M / (M - 1));
        assertClose(rm, erm, { rtol: 1e-5, atol: 1e-5, what: "running mean" });
        assertClose(rv, erv, { rtol: 1e-4, atol: 1e-5, what: "running var" });
      },
    ),
    {
      numRuns: 25,
      // A fixed seed, as the other property tests here: unseeded, a CI run drew two values per channel at
      // offset 265 whose variance was near eps, where f32's mean (an ulp of 3e-5) moves the output by
      // more than this tolerance (1.07x) in any f32 implementation, a case the tolerance is not meant for.
      seed: 20261205,
      // Always among them: planes of a multiple of 4 values (the vec4 passes), with fewer and with
      // more vec4s per channel than threads, and planes of 80 vec4s, which do not divide the workgroup:
      // with 5 images a thread's second vec4 lies in a later image (the wrap of its plane index).
      examples: [[[2, 3, 2, 2], 5, 200], [[2, 3, 8, 8], 6, 300], [[5, 2, 16, 20], 7, 100], [
        [2, 2, 32, 32],
        8,
        1,
      ]],
    },
  );
});

gpuTest(
  "batchNorm2d training: running statistics over several steps follow PyTorch's recursion",
  async () => {
    const shape: Shape4 = [4, 3, 5, 6];
    const C = 3, M = 4 * 5 * 6;
    const w = Tensor.from([1, 1, 1], [C]), b = Tensor.from([0, 0, 0], [C]);
    const runningMean = Tensor.from([0, 0, 0], [C]), runningVar = Tensor.from([1, 1, 1], [C]);
    const erm = [0, 0, 0], erv = [1, 1, 1];
    for (let step = 0; step < 4; step++) {
      const xs = randomArray(4 * 3 * 5 * 6, 100 + step, -2 + step, 3 + 2 * step);
      const ref = bnRef(xs, shape, [1, 1, 1], [0, 0, 0], 1e-5);
      for (let c = 0; c < C; c++) {
        erm[c] = 0.9 * erm[c] + 0.1 * ref.mean[c];
        erv[c] = 0.9 * erv[c] + 0.1 * ref.varBiased[c] * M / (M - 1);
      }
      scope(() => batchNorm2d(Tensor.from(xs, shape), w, b, runningMean, runningVar, { training: true }));
    }
    assertClose(await runningMean.read(), erm, { rtol: 1e-5, atol: 1e-6, what: "running mean" });
    assertClose(await runningVar.read(), erv, { rtol: 1e-5, atol: 1e-6, what: "running var" });
    for (const t of [w, b, runningMean, runningVar]) t.dispose();
  },
);

gpuTest("batchNorm2d evaluation: one pass over x, matches float64, leaves running stats alone", async () => {
  // Tolerance rtol 1e-5, atol 1e-5 (a handful of f32 roundings per element).
  await fc.assert(
    fc.asyncProperty(shapeArb, fc.integer({ min: 1, max: 1e6 }), async (shape, seed) => {
      const [N, C, H, W] = shape as Shape4;
      const xs = randomArray(N * C * H * W, seed, -3, 3);
      const w = channelData(C, seed + 1, -2, 2), b = channelData(C, seed + 2, -1, 1);
      const rm = channelData(C, seed + 3, -1, 1), rv = channelData(C, seed + 4, 0.1, 3);
      const [y, rmAfter, dispatches] = await scopeAsync(async () => {
        const x = Tensor.from(xs, shape);
        const tw = Tensor.from(w, [C]), tb = Tensor.from(b, [C]);
        const trm = Tensor.from(rm, [C]), trv = Tensor.from(rv, [C]);
        const before = engine().rec.stats.dispatches;
        const out = batchNorm2d(x, tw, tb, trm, trv, { training: false });
        const d = engine().rec.stats.dispatches - before;
        const [yv, rmv, rvv] = await readTensors([out, trm, trv]);
        return [yv, [...rmv, ...rvv], d] as const;
      });
      // By vec4s a per-channel table first (eval_table: C threads), which the pass's lanes read as one
      // vec4 each instead of four storage loads.
      const expected = (H * W) % 4 === 0 ? 2 : 1;
      if (dispatches !== expected) {
        throw new Error(`evaluation batchnorm recorded ${dispatches} dispatches, expected ${expected}`);
      }
      const ref = bnRef(xs, shape as Shape4, w, b, 1e-5, { mean: rm, var: rv });
      assertClose(y, ref.y, { rtol: 1e-5, atol: 1e-5, what: `y ${shape}` });
      assertClose(rmAfter, [...rm, ...rv], { rtol: 0, atol: 0, what: "running statistics untouched" });
    }),
    // and three by vec4s: 1, 2 and 4 vec4s per invocation (planes of 6, 16 and 64 vec4s)
    { numRuns: 20, examples: [[[2, 3, 4, 6], 11], [[3, 2, 8, 8], 12], [[2, 3, 16, 16], 13]] },
  );
});

/** GPU gradients (seeded with r) vs central differences of the float64 reference loss sum(r * y). */
async function checkGrad(shape: Shape4, seed: number, training: boolean): Promise<void> {
  const [N, C, H, W] = shape;
  const n = N * C * H * W;
  const xs = randomArray(n, seed, -2, 2);
  const w = channelData(C, seed + 1, 0.5, 2), b = channelData(C, seed + 2, -1, 1);
  const rm = channelData(C, seed + 3, -1, 1), rv = channelData(C, seed + 4, 0.5, 2);
  const r = randomArray(n, seed + 5, -1, 1);
  const eps = 1e-5;
  const stats = training ? undefined : { mean: rm, var: rv };
  const [gx, gw, gb] = await scopeAsync(async () => {
    const x = Tensor.from(xs, shape), tw = Tensor.from(w, [C]), tb = Tensor.from(b, [C]);
    for (const t of [x, tw, tb]) t.requiresGrad = true;
    const y = batchNorm2d(x, tw, tb, Tensor.from(rm, [C]), Tensor.from(rv, [C]), { training, eps });
    const gs = grad(y, [x, tw, tb], { seed: Tensor.from(r, shape) });
    return await Promise.all(gs.map((t) => t.read()));
  });
  const loss = (xv: ArrayLike<number>, wv: ArrayLike<number>, bv: ArrayLike<number>) =>
    dot(r, bnRef(xv, shape, wv, bv, eps, stats).y);
  const h = 1e-4;
  const fx = fdGrad((v) => loss(v, w, b), xs, h);
  const fw = fdGrad((v) => loss(xs, v, b), w, h);
  const fb = fdGrad((v) => loss(xs, w, v), b, h);
  // Tolerance: f32 gradients vs float64 differences, atol 1e-4 of the largest entry, rtol 1e-3.
  assertClose(gx, fx, { rtol: 1e-3, atol: 1e-4 * Math.max(1, maxAbs(fx)), what: `dx ${shape} ${training}` });
  assertClose(gw, fw, { rtol: 1e-3, atol: 1e-4 * Math.max(1, maxAbs(fw)), what: `dweight ${shape}` });
  assertClose(gb, fb, { rtol: 1e-3, atol: 1e-4 * Math.max(1, maxAbs(fb)), what: `dbias ${shape}` });
}

const smallShapeArb = fc.tuple(
  fc.integer({ min: 1, max: 3 }),
  fc.integer({ min: 1, max: 4 }),
  fc.integer({ min: 1, max: 5 }),
  fc.integer({ min: 1, max: 5 }),
).filter(([n, , h, w]) => n * h * w >= 2);

gpuTest("batchNorm2d training backward: finite differences of the float64 reference", async () => {
  await fc.assert(
    fc.asyncProperty(
      smallShapeArb,
      fc.integer({ min: 1, max: 1e6 }),
      (shape, seed) => checkGrad(shape as Shape4, seed, true),
    ),
    { numRuns: 12 },
  );
  // More values per channel than threads in a workgroup (the strided loop of the reduction).
  await checkGrad([2, 2, 15, 11], 7, true);
  // Planes of a multiple of 4 values (the vec4 passes): fewer vec4s per plane than threads, and more
  // vec4s per channel than threads with planes that do not divide the workgroup (80 vec4s, 5 images).
  await checkGrad([3, 2, 2, 6], 8, true);
  await checkGrad([5, 2, 16, 20], 9, true);
  // Planes of 64 vec4s: the elementwise pass moves 4 vec4s per invocation.
  await checkGrad([2, 2, 16, 16], 11, true);
});

gpuTest(
  "batchNorm2d training with the GPUs' 256-lane reductions (the software adapter runs 8): statistics, running statistics and gradients",
  async () => {
    // The software adapter's policy reduces each channel in one group of 8 lanes (TileConfig.reductionLanes);
    // the same passes with GPUs' workgroups of 256, walking in 32 streams and merging in a tree of 8 levels.
    overrideTileConfig(
      tileConfig({ isFallbackAdapter: false, description: "hardware GPU (forced in a test)" }),
    );
    try {
      assert.equal(currentTileConfig().reductionLanes ?? 256, 256);
      for (const [shape, seed] of [[[5, 2, 16, 20], 31], [[2, 3, 15, 11], 32]] as [Shape4, number][]) {
        const [N, C, H, W] = shape;
        const xs = randomArray(N * C * H * W, seed, 299, 301);
        const w = channelData(C, seed + 1, 0.5, 2);
        const b = channelData(C, seed + 2, -1, 1);
        const [[y, rv], seen] = await withDispatches(() =>
          scopeAsync(async () => {
            const runningVar = Tensor.from(new Float32Array(C).fill(1), [C]);
            const out = batchNorm2d(
              Tensor.from(xs, shape),
              Tensor.from(w, [C]),
              Tensor.from(b, [C]),
              Tensor.from(new Float32Array(C), [C]),
              runningVar,
              { training: true, momentum: 1, eps: 1e-5 },
            );
            return [await out.read(), await runningVar.read()];
          })
        );
        assert.ok(
          seen.some((d) => d.entry === "train_stats" && d.overrides.WG === 256),
          "train_stats by 256",
        );
        const ref = bnRef(xs, shape, w, b, 1e-5);
        assertClose(y, ref.y, { rtol: 1e-4, atol: 3e-4, what: `y ${shape}` });
        const M = N * H * W;
        assertClose(rv, Array.from(ref.varBiased, (v) => v * M / (M - 1)), {
          rtol: 1e-4,
          atol: 1e-5,
          what: "var",
        });
        await checkGrad(shape, seed, true);
      }
    } finally {
      overrideTileConfig(null);
    }
  },
);

/** What f returns, and how many elementwise-family dispatches it recorded. */
function elementwiseRuns<T>(f: () => T): [T, number] {
  const e = engine();
  const run = e.run.bind(e);
  let n = 0;
  e.run = (family, ...rest) => {
    if (family === "elementwise") n++;
    run(family, ...rest);
  };
  try {
    return [f(), n];
  } finally {
    e.run = run;
  }
}

/**
 * relu?(bn(x) + residual?), training or evaluation: the normalising pass applies the residual and the
 * ReLU where planes hold a multiple of 4 values (one pass instead of three); the values, the forward's
 * dispatch count, whether the backward masks by the ReLU in its own passes, and the gradients of x,
 * weight, bias and the residual against central differences of the float64 reference. The residual is nudged so that no pre-activation lies within 0.05 of the
 * ReLU's kink, where differences would straddle it.
 */
async function checkTail(
  shape: Shape4,
  seed: number,
  training: boolean,
  withResidual: boolean,
  withRelu: boolean,
): Promise<void> {
  const [N, C, H, W] = shape;
  const n = N * C * H * W;
  const xs = randomArray(n, seed, -2, 2);
  const w = channelData(C, seed + 1, 0.5, 2), b = channelData(C, seed + 2, -1, 1);
  const r = randomArray(n, seed + 5, -1, 1);
  const eps = 1e-5;
  const rm = channelData(C, seed + 3, -1, 1), rv = channelData(C, seed + 4, 0.5, 2);
  const stats = training ? undefined : { mean: rm, var: rv };
  const bn0 = bnRef(xs, shape, w, b, eps, stats).y;
  const res = withResidual ? randomArray(n, seed + 6, -1, 1) : new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const pre = bn0[i] + res[i];
    if (Math.abs(pre) < 0.05) res[i] += pre < 0 ? -0.1 : 0.1;
  }
  const fwd = (xv: ArrayLike<number>, wv: ArrayLike<number>, bv: ArrayLike<number>, rv: ArrayLike<number>) =>
    bnRef(xv, shape, wv, bv, eps, stats).y.map((v, i) => {
      const pre = v + (withResidual ? rv[i] : 0);
      return withRelu ? Math.max(pre, 0) : pre;
    });
  const [y, dispatches, masks, gx, gw, gb, gr] = await scopeAsync(async () => {
    const x = Tensor.from(xs, shape), tw = Tensor.from(w, [C]), tb = Tensor.from(b, [C]);
    const tr = Tensor.from(res, shape);
    for (const t of [x, tw, tb, tr]) t.requiresGrad = true;
    const before = engine().rec.stats.dispatches;
    const out = batchNorm2d(
      x,
      tw,
      tb,
      Tensor.from(rm, [C]),
      Tensor.from(rv, [C]),
      {
        training,
        eps,
        residual: withResidual ? tr : null,
        relu: withRelu,
      },
    );
    const d = engine().rec.stats.dispatches - before;
    const inputs = withResidual ? [x, tw, tb, tr] : [x, tw, tb];
    const seedGrad = Tensor.from(r, shape);
    const [gs, masks] = elementwiseRuns(() => grad(out, inputs, { seed: seedGrad }));
    const vals = await readTensors([out, ...gs]);
    return [vals[0], d, masks, ...vals.slice(1)] as const;
  });
  const what = `${shape} ${training ? "training" : "evaluation"}, residual ${withResidual}, relu ${withRelu}`;
  // In training by vec4s, batchnorm's backward passes mask the gradient by the ReLU themselves (with a
  // residual, from x and the residual, and dx_train4 writes the residual's gradient); otherwise a ReLU's
  // gradient is an elementwise pass of its own.
  const folded = training && withRelu && (H * W) % 4 === 0;
  if (withRelu && (masks === 0) !== folded) {
    throw new Error(
      `${what}: the backward ran ${masks} elementwise pass(es), expected ${folded ? 0 : "some"}`,
    );
  }
  assertClose(y, fwd(xs, w, b, res), { rtol: 1e-5, atol: 1e-5, what: `y ${what}` });
  // by vec4s: the statistics (training) or the normalising pass's table and the statistics' snapshot for
  // the backward (evaluation), and one normalising pass; otherwise those, an add and a ReLU
  const want = (H * W) % 4 === 0 ? (training ? 2 : 3) : 2 + (withResidual ? 1 : 0) + (withRelu ? 1 : 0);
  if (dispatches !== want) {
    throw new Error(`${what}: the forward recorded ${dispatches} dispatches, expected ${want}`);
  }
  const loss = (xv: ArrayLike<number>, wv: ArrayLike<number>, bv: ArrayLike<number>, rv: ArrayLike<number>) =>
    dot(r, fwd(xv, wv, bv, rv));
  const h = 1e-4;
  const tol = (f: ArrayLike<number>) => ({ rtol: 1e-3, atol: 1e-4 * Math.max(1, maxAbs(f)) });
  const fx = fdGrad((v) => loss(v, w, b, res), xs, h);
  assertClose(gx, fx, { ...tol(fx), what: `dx ${what}` });
  const fw = fdGrad((v) => loss(xs, v, b, res), w, h);
  assertClose(gw, fw, { ...tol(fw), what: `dweight ${what}` });
  const fb = fdGrad((v) => loss(xs, w, v, res), b, h);
  assertClose(gb, fb, { ...tol(fb), what: `dbias ${what}` });
  if (withResidual) {
    const fr = fdGrad((v) => loss(xs, w, b, v), res, h);
    assertClose(gr!, fr, { ...tol(fr), what: `dresidual ${what}` });
  }
}

gpuTest(
  "batchNorm2d with a residual and a ReLU: one normalising pass, values and finite-difference gradients",
  async () => {
    for (const training of [true, false]) {
      for (const [residual, relu] of [[true, true], [false, true], [true, false]]) {
        await checkTail([2, 3, 4, 6], 21, training, residual, relu); // by vec4s
        await checkTail([2, 2, 16, 16], 22, training, residual, relu); // 4 vec4s per invocation
        await checkTail([3, 2, 3, 5], 23, training, residual, relu); // planes of 15: separate passes
      }
    }
  },
);

gpuTest(
  "batchNorm2d on the CPU adapter: the vec4 training passes read x, g and the residual from texture copies (two texture rows, the second in part) with float64's values",
  async () => {
    // 4608 vec4s: one full row of 4096 texels and 512 in the second. Forward: x copied once for both
    // passes, into a texture held for the backward pass; backward: g once for both passes (two copy calls
    // per tensor: rows, then the rest). Each elementwise pass also reads its per-channel table from a
    // copy (one call each: the statistics for train_apply4, bwd_reduce's dx table for dx_train4).
    const shape: Shape4 = [4, 2, 48, 48];
    const [N, C, H, W] = shape;
    const HW = H * W, M = N * HW, n = N * C * HW;
    const xs = randomArray(n, 31, -2, 3), gs = randomArray(n, 32, -1, 1);
    const w = channelData(C, 33, 0.5, 2), b = channelData(C, 34, -1, 1);
    const eps = 1e-5;
    let forwardCopies = 0;
    const [[y, gx, gw, gb], copies] = await withTextureCopies(() =>
      scopeAsync(async () => {
        const x = Tensor.from(xs, shape), tw = Tensor.from(w, [C]), tb = Tensor.from(b, [C]);
        for (const t of [x, tw, tb]) t.requiresGrad = true;
        const ones = Tensor.from(new Float32Array(C).fill(1), [C]);
        const [out, forward] = await withTextureCopies(() =>
          batchNorm2d(x, tw, tb, Tensor.from(new Float32Array(C), [C]), ones, { training: true, eps })
        );
        forwardCopies = forward.length;
        return await readTensors([out, ...grad(out, [x, tw, tb], { seed: Tensor.from(gs, shape) })]);
      })
    );
    assert.deepEqual([forwardCopies, copies.length], operandCopiesPay() ? [3, 6] : [0, 0]);
    const ref = bnRef(xs, shape, w, b, eps);
    assertClose(y, ref.y, { rtol: 1e-4, atol: 3e-4, what: "y" });
    // dbias = sum g, dweight = sum g * xhat, dx = w * invstd * (g - dbias / M - xhat * dweight / M).
    const dx = new Float64Array(n), dw = new Float64Array(C), db = new Float64Array(C);
    for (let c = 0; c < C; c++) {
      const inv = 1 / Math.sqrt(ref.varBiased[c] + eps);
      const at = (m: number, k: number) => (m * C + c) * HW + k;
      for (let m = 0; m < N; m++) {
        for (let k = 0; k < HW; k++) {
          db[c] += gs[at(m, k)];
          dw[c] += gs[at(m, k)] * (xs[at(m, k)] - ref.mean[c]) * inv;
        }
      }
      for (let m = 0; m < N; m++) {
        for (let k = 0; k < HW; k++) {
          const xhat = (xs[at(m, k)] - ref.mean[c]) * inv;
          dx[at(m, k)] = w[c] * inv * (gs[at(m, k)] - db[c] / M - xhat * dw[c] / M);
        }
      }
    }
    assertClose(gx, dx, { rtol: 1e-3, atol: 1e-5, what: "dx" });
    assertClose(gw, dw, { rtol: 1e-4, atol: 1e-3, what: "dweight" });
    assertClose(gb, db, { rtol: 1e-4, atol: 1e-3, what: "dbias" });
    // A block's tail, relu(bn(x) + residual): the residual from a copy too (x's two calls, then its two,
    // then the statistics' table).
    const rs = randomArray(n, 35, -1, 1);
    const [tailed, tailCopies] = await withTextureCopies(() =>
      scopeAsync(() => {
        const ones = Tensor.from(new Float32Array(C).fill(1), [C]);
        return batchNorm2d(
          Tensor.from(xs, shape),
          Tensor.from(w, [C]),
          Tensor.from(b, [C]),
          Tensor.from(new Float32Array(C), [C]),
          ones,
          { training: true, eps, residual: Tensor.from(rs, shape), relu: true },
        ).read();
      })
    );
    assert.equal(tailCopies.length, operandCopiesPay() ? 5 : 0, "copies of x, the residual and the table");
    assertClose(tailed, Array.from(ref.y, (v, i) => Math.max(0, v + rs[i])), {
      rtol: 1e-4,
      atol: 3e-4,
      what: "relu(y + residual)",
    });
  },
);

gpuTest("batchNorm2d evaluation backward: finite differences of the float64 reference", async () => {
  await fc.assert(
    fc.asyncProperty(
      smallShapeArb,
      fc.integer({ min: 1, max: 1e6 }),
      (shape, seed) => checkGrad(shape as Shape4, seed, false),
    ),
    { numRuns: 10 },
  );
  await checkGrad([2, 3, 4, 6], 10, false); // by vec4s
  await checkGrad([2, 2, 16, 16], 12, false); // 4 vec4s per invocation
});

gpuTest("batchNorm2d evaluation: the gradient uses the statistics of the forward pass", async () => {
  // A training step between forward and backward updates the running statistics in place; the
  // evaluation node must still differentiate the function it computed.
  const shape: Shape4 = [2, 2, 3, 3];
  const xs = randomArray(36, 5, -1, 1);
  const rm = [0.5, -0.5], rv = [0.25, 4];
  const [gx] = await scopeAsync(async () => {
    const x = Tensor.from(xs, shape);
    x.requiresGrad = true;
    const w = Tensor.from([1, 1], [2]), b = Tensor.from([0, 0], [2]);
    const trm = Tensor.from(rm, [2]), trv = Tensor.from(rv, [2]);
    const y = batchNorm2d(x, w, b, trm, trv, { training: false });
    noGrad(() =>
      batchNorm2d(Tensor.from(randomArray(36, 9, 5, 9), shape), w, b, trm, trv, {
        training: true,
        momentum: 1,
      })
    );
    return await Promise.all(
      grad(y, [x], { seed: Tensor.from(new Float32Array(36).fill(1), shape) }).map((t) => t.read()),
    );
  });
  const expected = Array.from({ length: 36 }, (_, i) => 1 / Math.sqrt(rv[Math.floor(i / 9) % 2] + 1e-5));
  assertClose(gx, expected, { rtol: 1e-6, atol: 0, what: "dx" });
});

gpuTest("foldBatchNorm: per-channel scale and shift reproduce evaluation batchnorm", async () => {
  // Tolerance rtol 1e-6 (one rsqrt and a multiply-add in f32).
  const C = 37;
  const w = randomArray(C, 1, -2, 2),
    b = randomArray(C, 2),
    rm = randomArray(C, 3),
    rv = randomArray(C, 4, 0.1, 3);
  const { scale, shift } = foldBatchNorm(
    Tensor.from(w, [C]),
    Tensor.from(b, [C]),
    Tensor.from(rm, [C]),
    Tensor.from(rv, [C]),
    1e-3,
  );
  const es = Array.from(w, (wc, c) => wc / Math.sqrt(rv[c] + 1e-3));
  const eh = Array.from(b, (bc, c) => bc - rm[c] * es[c]);
  assertClose(await scale.read(), es, { rtol: 1e-6, atol: 1e-7, what: "scale" });
  assertClose(await shift.read(), eh, { rtol: 1e-6, atol: 1e-6, what: "shift" });
});

gpuTest("batchNorm2d rejects bad inputs naming the argument", () => {
  scope(() => {
    const p = (c: number) => Tensor.from(new Float32Array(c), [c]);
    const x = Tensor.empty([2, 3, 4, 4]);
    assertThrows(
      () => batchNorm2d(Tensor.empty([2, 3, 4]), p(3), p(3), p(3), p(3), { training: true }),
      RangeError,
      "batchNorm2d: input must be [N, C, H, W], got [2, 3, 4]",
    );
    assertThrows(
      () => batchNorm2d(x, p(3), p(3), p(3), p(3), { training: true, residual: Tensor.empty([2, 3, 4, 5]) }),
      RangeError,
      "batchNorm2d: residual must be f32 [2, 3, 4, 4] like the input, got f32 [2, 3, 4, 5]",
    );
    assertThrows(
      () => batchNorm2d(x, p(4), p(3), p(3), p(3), { training: true }),
      RangeError,
      "batchNorm2d: weight must have shape [3] (one value per channel), got [4]",
    );
    assertThrows(
      () => batchNorm2d(x, p(3), p(3), p(3), p(2), { training: false }),
      RangeError,
      "runningVar must have shape [3]",
    );
    assertThrows(
      () => batchNorm2d(Tensor.empty([2, 3, 4, 4], "i32"), p(3), p(3), p(3), p(3), { training: false }),
      TypeError,
      "batchNorm2d: input must be f32, got i32",
    );
    assertThrows(
      () => batchNorm2d(Tensor.empty([1, 3, 1, 1]), p(3), p(3), p(3), p(3), { training: true }),
      RangeError,
      "more than 1 value per channel",
    );
    // The elementwise passes find a pixel's channel by float division, exact below 2^22 planes.
    assertThrows(
      () => batchNorm2d(Tensor.empty([2 ** 21 + 1, 2, 1, 1]), p(2), p(2), p(2), p(2), { training: false }),
      RangeError,
      "batchNorm2d: input [2097153, 2, 1, 1] has more than 4194304 planes (N * C)",
    );
  });
});
