/**
 * The kernel families' core cases, a few shapes each against the float64 references of the Deno
 * tests (tests/engine/references.ts), written to run in a browser: tests/web/kernels_test.ts bundles
 * this module and runs it in Chromium, whose WebGPU (Dawn, with the Tint shader compiler) validates
 * WGSL differently from Deno's (wgpu, naga), so a kernel only one of them accepts fails a test. Every
 * family must also compile (the f16 families only where the adapter offers shader-f16; Chromium's
 * software adapter does not). Tolerances are the Deno tests'.
 */
import {
  add,
  argmax,
  avgPool2d,
  batchNorm2d,
  countVotes,
  crossEntropy,
  type Engine,
  gaussianNoise,
  globalAvgPool2d,
  initEngine,
  listShaderFamilies,
  logSoftmax,
  macerMargin,
  max,
  maxPool2d,
  mul,
  noGrad,
  permute,
  philox4x32,
  readTensors,
  relu,
  sgdStep,
  softmax,
  softmaxAverageLoss,
  sum,
  Tensor,
} from "../../engine/mod.ts";
import { conv2d, conv2dRaw } from "../../engine/ops/conv.ts";
import { conv2dBackwardInput, conv2dBackwardWeight } from "../../engine/ops/conv_backward.ts";
import {
  conv2dAfterFirstPacked,
  conv2dFused,
  conv2dFusedPacked,
  packForConv,
} from "../../engine/ops/conv_inference.ts";
import { globalAvgPoolPacked } from "../../engine/ops/pool.ts";
import { currentTileConfig, matmul } from "../../engine/ops/matmul.ts";
import { fillInPlace } from "../../engine/ops/elementwise_kernels.ts";
import { Xoshiro128 } from "../../nn/data/random.ts";
import { assertClose } from "../compare.ts";
import {
  argmaxRowsRef,
  avgRef,
  bitsRef,
  bnRef,
  broadcastRef,
  gapRef,
  type GemmShape,
  type Geo,
  logSoftmaxRef,
  macerMarginRef,
  maxRef,
  normalsRef,
  packedLayout,
  permuteRef,
  philoxRef,
  reduceRef,
  refConv,
  refConvBackward,
  refMatmul,
  sgdRef,
  softmaxAverageRef,
  softmaxRef,
  votesRef,
  xentRef,
} from "../engine/references.ts";

export interface CaseResult {
  family: string;
  name: string;
  /** null when the case passed, else what failed. */
  error: string | null;
}

/** Deterministic values in [lo, hi). */
function values(n: number, seed: number, lo = -1, hi = 1): Float32Array {
  const rng = new Xoshiro128(seed);
  return Float32Array.from({ length: n }, () => lo + (hi - lo) * rng.nextFloat());
}

const up = (data: ArrayLike<number>, shape: number[]) => Tensor.from(Float32Array.from(data), shape);

async function read(t: Tensor): Promise<Float32Array> {
  return Float32Array.from(await t.read());
}

type Case = [family: string, name: string, run: (e: Engine) => Promise<void>];

const GEMM_TOL = (k: number) => ({ atol: 1e-5 * (1 + Math.sqrt(k)), rtol: 1e-5 });

const CASES: Case[] = [
  ...([
    { M: 5, N: 7, K: 9, batch: 1, transA: false, transB: false },
    { M: 3, N: 4, K: 6, batch: 2, transA: true, transB: true },
  ] as GemmShape[]).map((c): Case => [
    "matmul",
    `${c.batch}x ${c.M}x${c.K} @ ${c.K}x${c.N}${c.transA ? ", A^T" : ""}${c.transB ? ", B^T" : ""}`,
    async () => {
      const { M, N, K, batch, transA, transB } = c;
      const a = values(batch * M * K, 1), b = values(batch * K * N, 2);
      const sa = transA ? [K, M] : [M, K], sb = transB ? [N, K] : [K, N];
      const out = matmul(up(a, batch > 1 ? [batch, ...sa] : sa), up(b, batch > 1 ? [batch, ...sb] : sb), {
        transA,
        transB,
      });
      assertClose(await read(out), refMatmul(a, b, c), { ...GEMM_TOL(K), what: "matmul" });
    },
  ]),
  ...([
    { N: 2, C: 3, H: 7, W: 6, O: 5, KH: 3, KW: 3, S: 1, P: 1 },
    { N: 1, C: 4, H: 9, W: 9, O: 6, KH: 3, KW: 3, S: 2, P: 1 },
  ] as Geo[]).map((g): Case => [
    "conv2d",
    `${g.N}x${g.C}x${g.H}x${g.W}, ${g.O} filters ${g.KH}x${g.KW}, stride ${g.S}`,
    async () => {
      const x = values(g.N * g.C * g.H * g.W, 3), w = values(g.O * g.C * g.KH * g.KW, 4), b = values(g.O, 5);
      const y = noGrad(() =>
        conv2d(up(x, [g.N, g.C, g.H, g.W]), up(w, [g.O, g.C, g.KH, g.KW]), up(b, [g.O]), {
          stride: g.S,
          padding: g.P,
        })
      );
      assertClose(await read(y), refConv(x, w, b, g), { ...GEMM_TOL(g.C * g.KH * g.KW), what: "conv2d" });
    },
  ]),
  [
    "conv_pointwise",
    "1x1 stride-2 downsample 8 -> 12 channels, 6x16 planes: forward with bias, input and weight gradients",
    async (e) => {
      // the pointwise kernels serve software adapters (SwiftShader here); count their dispatches
      const run = e.run.bind(e);
      let dispatched = 0;
      e.run = (family, entry, args, overrides) => {
        if (family === "conv_pointwise") dispatched++;
        run(family, entry, args, overrides);
      };
      const g: Geo = { N: 2, C: 8, H: 6, W: 16, O: 12, KH: 1, KW: 1, S: 2, P: 0 };
      const OH = g.H / 2, OW = g.W / 2;
      const x = values(g.N * g.C * g.H * g.W, 6), w = values(g.O * g.C, 7), b = values(g.O, 8);
      const gy = values(g.N * g.O * OH * OW, 9);
      const xt = up(x, [g.N, g.C, g.H, g.W]), wt = up(w, [g.O, g.C, 1, 1]);
      const y = noGrad(() => conv2dRaw(xt, wt, up(b, [g.O]), { stride: 2 }));
      const gt = up(gy, [g.N, g.O, OH, OW]);
      const dx = conv2dBackwardInput(gt, wt, xt.shape, { stride: 2 });
      const dw = conv2dBackwardWeight(gt, xt, wt.shape, { stride: 2 });
      e.run = run;
      const want = currentTileConfig().kind === "software" ? 3 : 0;
      if (dispatched !== want) {
        throw new Error(`conv_pointwise ran ${dispatched} dispatches, expected ${want}`);
      }
      const ref = refConvBackward(gy, x, w, g);
      assertClose(await read(y), refConv(x, w, b, g), { ...GEMM_TOL(g.C), what: "conv_pointwise forward" });
      assertClose(await read(dx), ref.dx, { ...GEMM_TOL(g.O), what: "conv_pointwise input gradient" });
      assertClose(await read(dw), ref.dw, {
        ...GEMM_TOL(g.N * OH * OW),
        what: "conv_pointwise weight gradient",
      });
    },
  ],
  [
    "conv_narrow",
    "3x3 stride-1 convolutions with 3 input channels, rows of 3 and 4 texels: forward with bias, input gradient",
    async (e) => {
      // the narrow kernel serves software adapters (SwiftShader here); count its dispatches
      const run = e.run.bind(e);
      let dispatched = 0;
      e.run = (family, entry, args, overrides) => {
        if (family === "conv_narrow") dispatched++;
        run(family, entry, args, overrides);
      };
      const checks: [Geo, Tensor, Tensor, Float32Array, Float32Array, Float32Array, Float32Array][] = [];
      for (const g of [{ N: 2, C: 3, H: 5, W: 12, O: 6 }, { N: 1, C: 3, H: 4, W: 16, O: 16 }]) {
        const geo: Geo = { ...g, KH: 3, KW: 3, S: 1, P: 1 };
        const x = values(g.N * g.C * g.H * g.W, 18), w = values(g.O * g.C * 9, 19), b = values(g.O, 20);
        const gy = values(g.N * g.O * g.H * g.W, 21);
        const wt = up(w, [g.O, g.C, 3, 3]);
        const y = noGrad(() => conv2dRaw(up(x, [g.N, g.C, g.H, g.W]), wt, up(b, [g.O]), { padding: 1 }));
        const dx = conv2dBackwardInput(up(gy, [g.N, g.O, g.H, g.W]), wt, [g.N, g.C, g.H, g.W], {
          padding: 1,
        });
        checks.push([geo, y, dx, x, w, b, gy]);
      }
      e.run = run;
      const want = currentTileConfig().kind === "software" ? 4 : 0;
      if (dispatched !== want) throw new Error(`conv_narrow ran ${dispatched} dispatches, expected ${want}`);
      for (const [g, y, dx, x, w, b, gy] of checks) {
        assertClose(await read(y), refConv(x, w, b, g), {
          ...GEMM_TOL(g.C * 9),
          what: "conv_narrow forward",
        });
        assertClose(await read(dx), refConvBackward(gy, x, w, g).dx, {
          ...GEMM_TOL(g.O * 9),
          what: "conv_narrow input gradient",
        });
      }
    },
  ],
  [
    "conv2d",
    "fused inference epilogue with vec4 stores: relu(conv * scale + bias + residual), 8x8 planes",
    async () => {
      const g: Geo = { N: 2, C: 3, H: 8, W: 8, O: 5, KH: 3, KW: 3, S: 1, P: 1 };
      const x = values(g.N * g.C * g.H * g.W, 13), w = values(g.O * g.C * g.KH * g.KW, 14);
      const scale = values(g.O, 15), bias = values(g.O, 16), res = values(g.N * g.O * g.H * g.W, 17);
      const y = conv2dFused(up(x, [g.N, g.C, g.H, g.W]), up(w, [g.O, g.C, g.KH, g.KW]), {
        padding: g.P,
        scale: up(scale, [g.O]),
        bias: up(bias, [g.O]),
        residual: up(res, [g.N, g.O, g.H, g.W]),
        relu: true,
      });
      const conv = refConv(x, w, new Float32Array(g.O), g);
      const ref = Array.from(conv, (v, i) => {
        const o = Math.floor(i / (g.H * g.W)) % g.O;
        return Math.max(0, v * scale[o] + bias[o] + res[i]);
      });
      assertClose(await read(y), ref, { ...GEMM_TOL(g.C * g.KH * g.KW), what: "fused conv2d" });
    },
  ],
  [
    "conv2d",
    "a packed chain: one channel by im2col into packed output, packed input and residual, packed input into [N, C, H, W]",
    async () => {
      const g1: Geo = { N: 2, C: 1, H: 6, W: 6, O: 5, KH: 3, KW: 3, S: 1, P: 1 };
      const g2: Geo = { ...g1, C: 5, O: 6 };
      const g3: Geo = { ...g2, C: 6, O: 3, S: 2 };
      const x = values(72, 18), w1 = values(45, 19), w2 = values(270, 20), w3 = values(162, 21);
      const b1 = values(5, 22),
        s2 = values(6, 23),
        b2 = values(6, 24),
        res = values(432, 25),
        b3 = values(3, 26);
      const p1 = conv2dFusedPacked(up(x, [2, 1, 6, 6]), up(w1, [5, 1, 3, 3]), {
        padding: 1,
        bias: up(b1, [5]),
        relu: true,
      });
      const p2 = conv2dFusedPacked(p1, up(w2, [6, 5, 3, 3]), {
        padding: 1,
        scale: up(s2, [6]),
        bias: up(b2, [6]),
        residual: packForConv(up(res, [2, 6, 6, 6])),
        relu: true,
      });
      const y = conv2dFused(p2, up(w3, [3, 6, 3, 3]), { stride: 2, padding: 1, bias: up(b3, [3]) });
      const r1 = Float32Array.from(refConv(x, w1, b1, g1), (v) => Math.max(0, v));
      const r2 = Float32Array.from(refConv(r1, w2, new Float32Array(6), g2), (v, i) => {
        const o = Math.floor(i / 36) % 6;
        return Math.max(0, v * s2[o] + b2[o] + res[i]);
      });
      assertClose(await read(y), refConv(r2, w3, b3, g3), { ...GEMM_TOL(54), what: "packed chain" });
    },
  ],
  [
    "conv2d",
    "a one-channel first layer computed inside the next convolution (entry point first), packed output",
    async (e) => {
      // 1600 output rows: enough workgroups that a software tile spans all 13 output columns
      const g1: Geo = { N: 4, C: 1, H: 20, W: 20, O: 5, KH: 3, KW: 3, S: 1, P: 1 };
      const g2: Geo = { ...g1, C: 5, O: 13 };
      const x = values(1600, 27, 0, 1), w1 = values(45, 28), b1 = values(5, 29);
      const w2 = values(585, 30), b2 = values(13, 31);
      const trace = e.traceCompiles();
      const y = conv2dAfterFirstPacked(
        up(x, [4, 1, 20, 20]),
        {
          weight: up(w1, [5, 1, 3, 3]),
          bias: up(b1, [5]),
          padding: 1,
        },
        up(w2, [13, 5, 3, 3]),
        { padding: 1, bias: up(b2, [13]), relu: true },
      );
      const r1 = Float32Array.from(refConv(x, w1, b1, g1), (v) => Math.max(0, v));
      const r2 = refConv(r1, w2, b2, g2);
      const want = packedLayout(r2.map((v) => Math.max(0, v)), 4, 13, 400);
      assertClose(await read(y.data), want, { ...GEMM_TOL(45), what: "first layer fused" });
      const labels = (await trace.costs()).map((c) => c.label);
      e.stopTracingCompiles();
      if (currentTileConfig().kind === "software" && !labels.includes("shaders/conv2d.wgsl:first")) {
        throw new Error(`the software adapter ran ${labels.join(", ")}, not conv2d.wgsl:first`);
      }
    },
  ],
  ["elementwise", "add and mul with broadcasting, relu", async () => {
    const a = values(12, 6), b = values(8, 7);
    const [sa, sb] = [[3, 1, 4], [2, 4]];
    const [s, p, r] = await readTensors([
      add(up(a, sa), up(b, sb)),
      mul(up(a, sa), up(b, sb)),
      relu(up(a, sa)),
    ]);
    assertClose(s, broadcastRef(a, sa, b, sb, (x, y) => x + y).data, { what: "add" });
    assertClose(p, broadcastRef(a, sa, b, sb, (x, y) => x * y).data, { what: "mul" });
    assertClose(r, Float64Array.from(a, (v) => Math.max(0, v)), { what: "relu" });
  }],
  ["reduce", "sum over axes 0 and 2, max over axis 1 of 3x40x5", async () => {
    const x = values(600, 8), shape = [3, 40, 5];
    const [s, m] = await readTensors([sum(up(x, shape), [0, 2]), max(up(x, shape), [1])]);
    assertClose(s, reduceRef(x, shape, [0, 2], "sum"), { atol: 1e-5, what: "sum" });
    assertClose(m, reduceRef(x, shape, [1], "max"), { what: "max" });
  }],
  ["softmax_xent", "softmax, log-softmax, cross-entropy and argmax of 6x10", async () => {
    const x = values(60, 9, -4, 4);
    const labels = Int32Array.from({ length: 6 }, (_, i) => (3 * i) % 10);
    const t = up(x, [6, 10]), y = Tensor.from(labels, [6], "i32");
    const [p, l, ce, am] = await readTensors([softmax(t), logSoftmax(t), crossEntropy(t, y), argmax(t)]);
    assertClose(p, softmaxRef(x, 10), { what: "softmax" });
    assertClose(l, logSoftmaxRef(x, 10), { atol: 1e-5, what: "logSoftmax" });
    assertClose(ce, xentRef(x, labels, 10, "mean"), { atol: 1e-5, what: "crossEntropy" });
    assertClose(am, argmaxRowsRef(x, 10), { rtol: 0, atol: 0, what: "argmax" });
  }],
  ["batchnorm", "training and evaluation of 4x3x5x6", async () => {
    const shape: [number, number, number, number] = [4, 3, 5, 6];
    const x = values(360, 10, -2, 3), w = values(3, 11), b = values(3, 12);
    const mean = values(3, 13), variance = values(3, 14, 0.5, 2);
    const args = () => [up(w, [3]), up(b, [3]), up(mean, [3]), up(variance, [3])] as const;
    const train = noGrad(() => batchNorm2d(up(x, shape), ...args(), { training: true, eps: 1e-5 }));
    const evaluated = noGrad(() => batchNorm2d(up(x, shape), ...args(), { training: false, eps: 1e-5 }));
    const [yt, ye] = await readTensors([train, evaluated]);
    assertClose(yt, bnRef(x, shape, w, b, 1e-5).y, { atol: 1e-5, rtol: 1e-4, what: "batchnorm (training)" });
    assertClose(ye, bnRef(x, shape, w, b, 1e-5, { mean, var: variance }).y, {
      atol: 1e-5,
      what: "batchnorm (eval)",
    });
  }],
  ["pool", "average 2x2, max 3x3 stride 2 padding 1, global average of 2x3x6x6", async () => {
    const shape: [number, number, number, number] = [2, 3, 6, 6];
    const x = values(216, 15);
    const t = up(x, shape);
    const [a, m, g] = await readTensors([
      avgPool2d(t, 2),
      maxPool2d(t, { kernel: 3, stride: 2, padding: 1 }),
      globalAvgPool2d(t),
    ]);
    assertClose(a, avgRef(x, shape, 2), { what: "avgPool2d" });
    assertClose(m, maxRef(x, shape, 3, 2, 1).y, { rtol: 0, atol: 0, what: "maxPool2d" });
    assertClose(g, gapRef(x, shape), { what: "globalAvgPool2d" });
    const p = packForConv(t);
    assertClose(await read(globalAvgPoolPacked(p.data, p.C)), gapRef(x, shape), {
      what: "globalAvgPoolPacked",
    });
  }],
  ["layout", "permute 2x3x4 by (2, 0, 1)", async () => {
    const x = values(24, 16);
    assertClose(await read(permute(up(x, [2, 3, 4]), [2, 0, 1])), permuteRef(x, [2, 3, 4], [2, 0, 1]), {
      rtol: 0,
      atol: 0,
      what: "permute",
    });
  }],
  ["sgd", "two Nesterov momentum steps with weight decay", async () => {
    const h = { lr: 0.1, momentum: 0.9, weightDecay: 1e-3, nesterov: true, dampening: 0 };
    const p0 = values(37, 17), g = [values(37, 18), values(37, 19)];
    const param = up(p0, [37]), momentumBuffer = up(new Float32Array(37), [37]);
    const ref = Float64Array.from(p0);
    let buf: Float64Array | null = null;
    for (let s = 0; s < 2; s++) {
      sgdStep([{ param, grad: up(g[s], [37]), momentumBuffer }], { ...h, firstStep: s === 0 });
      buf = sgdRef(ref, g[s], buf, h);
    }
    assertClose(await read(param), ref, { what: "sgd parameter" });
  }],
  ["gaussian", "Philox4x32-10 known answers, Box-Muller normals", async () => {
    const rows = [[0, 0, 0, 0, 0, 0], [1, 2, 3, 4, 5, 6], [0xffffffff, 7, 0x9e3779b9, 1, 0xdeadbeef, 42]];
    const words = await philox4x32(Tensor.from(rows.flat(), [rows.length, 6], "u32")).read();
    assertClose(words, rows.flatMap((r) => philoxRef(r.slice(0, 4), r.slice(4))), {
      rtol: 0,
      atol: 0,
      what: "philox",
    });
    const l = { seed: 7, stream: 3, first: 0, domain: 0x4e4f4953, samples: 5, elems: 13 };
    const noise = gaussianNoise([l.samples, l.elems], {
      seed: l.seed,
      stream: l.stream,
      sigma: 1,
      domain: l.domain,
    });
    assertClose(await read(noise), normalsRef(bitsRef(l), l), {
      atol: 2 ** -10,
      rtol: 2 ** -10,
      what: "normals",
    });
  }],
  ["vote_count", "argmax-and-count of 37x10", async () => {
    const logits = values(370, 20, -3, 3);
    const counts = Tensor.empty([10], "u32");
    fillInPlace(counts, 0);
    countVotes(up(logits, [37, 10]), counts);
    const want = new Uint32Array(10);
    votesRef(logits, 10, want);
    assertClose(await counts.read(), want, { rtol: 0, atol: 0, what: "votes" });
  }],
  ["softmax_average", "SmoothAdv's objective, 4 images x 3 copies x 10 classes", async () => {
    const logits = values(120, 21, -3, 3);
    const labels = Int32Array.from([1, 4, 9, 0]);
    const loss = softmaxAverageLoss(up(logits, [12, 10]), Tensor.from(labels, [4], "i32"), 3, {
      reduction: "none",
    });
    assertClose(await read(loss), softmaxAverageRef(logits, labels, 3, 10).loss, {
      atol: 1e-5,
      what: "loss",
    });
  }],
  ["macer_margin", "MACER's margin, 4 rows x 5 classes", async () => {
    const p = values(20, 22, 0.01, 0.99);
    const labels = Int32Array.from([0, 1, 2, 3]).map((c, r) => {
      const row = p.subarray(5 * r, 5 * r + 5);
      return r === 3 ? c : row.indexOf(Math.max(...row));
    });
    const term = macerMargin(up(p, [4, 5]), Tensor.from(labels, [4], "i32"), 8);
    assertClose(await read(term), macerMarginRef(p, labels, 5, 8).term, {
      atol: 2e-5,
      rtol: 1e-5,
      what: "term",
    });
  }],
];

/** Runs every case; the engine is opened here (the browser's WebGPU). */
export async function runKernelCases(): Promise<{ adapter: string; results: CaseResult[] }> {
  const e = await initEngine();
  const results: CaseResult[] = [];
  for (const family of listShaderFamilies()) {
    const f16 = family.endsWith("_f16") || family === "cast_f16";
    if (f16 && !e.f16) continue;
    try {
      await e.kernels.compile(family);
      results.push({ family, name: "compiles", error: null });
    } catch (err) {
      results.push({ family, name: "compiles", error: (err as Error).message });
    }
  }
  for (const [family, name, run] of CASES) {
    try {
      await run(e);
      e.gpu.check(`${family}: ${name}`);
      results.push({ family, name, error: null });
    } catch (err) {
      results.push({ family, name, error: (err as Error).message });
    }
  }
  return { adapter: e.gpu.describe(), results };
}
