/**
 * The frozen convolution (engine/ops/conv_frozen.ts), relu?(conv(x, w) * scale + bias + residual) with the
 * gradients of x and the residual, against float64 by finite differences: on a shape the Winograd kernel
 * takes (its residual then read from a texture copy), the stem's three channels, a stride-2 layer, a 1 x 1
 * stride-2 shortcut and odd sizes no tile divides; a residual block whose input is also the residual
 * (the gradient of x's other use added in the kernel); and the operands it refuses.
 */
import assert from "node:assert/strict";
import { mul, noGrad, sum, Tensor } from "../../engine/mod.ts";
import { conv2dFrozen, FrozenWeights } from "../../engine/ops/conv_frozen.ts";
import { currentTileConfig } from "../../engine/ops/matmul.ts";
import { gpuTest, randomArray, withDispatches } from "../helpers.ts";
import { checkGradients } from "./gradcheck.ts";
import { type Geo, outSize, refConv } from "./references.ts";

interface Case extends Geo {
  what: string;
  relu: boolean;
  residual: boolean;
}

const CASES: Case[] = [
  {
    what: "3x3 stride 1 (Winograd on the CPU adapter)",
    N: 2,
    C: 5,
    H: 8,
    W: 8,
    O: 16,
    KH: 3,
    KW: 3,
    S: 1,
    P: 1,
  },
  { what: "the stem's 3 channels", N: 1, C: 3, H: 4, W: 8, O: 16, KH: 3, KW: 3, S: 1, P: 1 },
  { what: "3x3 stride 2", N: 2, C: 6, H: 8, W: 8, O: 8, KH: 3, KW: 3, S: 2, P: 1 },
  { what: "1x1 stride 2", N: 2, C: 8, H: 6, W: 6, O: 12, KH: 1, KW: 1, S: 2, P: 0 },
  { what: "odd sizes", N: 3, C: 5, H: 9, W: 7, O: 7, KH: 3, KW: 3, S: 1, P: 1 },
].flatMap((c) => [true, false].map((relu) => ({ ...c, relu, residual: true }))).concat(
  // a ResNet's shortcut: no residual or ReLU, the pointwise kernel on the CPU adapter
  {
    what: "1x1 stride 2 shortcut",
    N: 2,
    C: 8,
    H: 8,
    W: 8,
    O: 12,
    KH: 1,
    KW: 1,
    S: 2,
    P: 0,
    relu: false,
    residual: false,
  },
);

/** sum(r * relu?(conv(x, w) * scale + bias + res)) in float64 (res null: none). */
function loss(
  c: Case,
  x: ArrayLike<number>,
  res: ArrayLike<number> | null,
  w: Float32Array,
  scale: Float32Array,
  bias: Float32Array,
  r: Float32Array,
): number {
  const y = refConv(x, w, null, c);
  const plane = y.length / (c.N * c.O);
  let s = 0;
  for (let i = 0; i < y.length; i++) {
    const o = Math.floor(i / plane) % c.O;
    const v = y[i] * scale[o] + bias[o] + (res ? res[i] : 0);
    s += r[i] * (c.relu ? Math.max(0, v) : v);
  }
  return s;
}

for (const c of CASES) {
  gpuTest(
    `${c.what}${c.residual ? " + residual" : ""}${c.relu ? ", ReLU" : ""}: ` +
      `the gradients of x${c.residual ? " and the residual" : ""} match finite differences`,
    async () => {
      const [OH, OW] = outSize(c);
      const ySize = c.N * c.O * OH * OW;
      const w = randomArray(c.O * c.C * c.KH * c.KW, 3);
      const scale = randomArray(c.O, 4).map((v) => 0.5 + v);
      const bias = randomArray(c.O, 5);
      const r = randomArray(ySize, 6);
      const consts = [w, scale, bias, r].map((a, i) =>
        Tensor.from(a, [[c.O, c.C, c.KH, c.KW], [c.O], [c.O], [c.N, c.O, OH, OW]][i])
      );
      const [wt, st, bt, rt] = consts;
      const inputs = [{ shape: [c.N, c.C, c.H, c.W], data: randomArray(c.N * c.C * c.H * c.W, 1) }];
      if (c.residual) inputs.push({ shape: [c.N, c.O, OH, OW], data: randomArray(ySize, 2) });
      const fw = new FrozenWeights(wt, st, bt);
      const opts = { stride: c.S, padding: c.P, relu: c.relu };
      const [, seen] = await withDispatches(() =>
        checkGradients({
          what: c.what,
          inputs,
          gpu: ([x, res]) => sum(mul(conv2dFrozen(x, fw, { ...opts, residual: res ?? null }), rt)),
          cpu: ([x, res]) => loss(c, x, res ?? null, w, scale, bias, r),
          // the loss is piecewise linear in float64: a small step only narrows the ReLU kinks it can cross
          h: 1e-6,
        })
      );
      const software = currentTileConfig().kind === "software";
      if (c.S === 1 && c.KH === 3 && c.O === 16 && currentTileConfig().winograd) {
        assert.ok(
          seen.some((d) => d.family === "conv_winograd" && d.uniforms.res === 1),
          "Winograd with its residual",
        );
      }
      if (!c.residual && software) {
        assert.ok(
          seen.some((d) => d.family === "conv_pointwise" && d.entry === "forward"),
          "the pointwise kernel",
        );
      }
      consts.forEach((t) => t.dispose());
      fw.dispose();
    },
  );
}

gpuTest("a block whose input is also the residual: x's gradient sums both uses", async () => {
  const g = { N: 2, C: 16, H: 8, W: 8, O: 16, KH: 3, KW: 3, S: 1, P: 1 };
  const w = randomArray(16 * 16 * 9, 7);
  const r = randomArray(2 * 16 * 64, 8);
  const ones = new Float32Array(16).fill(1), zeros = new Float32Array(16);
  const wt = Tensor.from(w, [16, 16, 3, 3]), rt = Tensor.from(r, [2, 16, 8, 8]);
  const fw = new FrozenWeights(wt);
  await checkGradients({
    what: "x as input and residual",
    inputs: [{ shape: [2, 16, 8, 8], data: randomArray(2 * 16 * 64, 9) }],
    gpu: ([x]) => sum(mul(conv2dFrozen(x, fw, { padding: 1, residual: x, relu: true }), rt)),
    cpu: ([x]) => loss({ ...g, what: "", relu: true, residual: true }, x, x, w, ones, zeros, r),
    h: 1e-6,
  });
  for (const t of [wt, rt, fw]) t.dispose();
});

gpuTest(
  "with a graph, the frozen convolution refuses weights that require a gradient, and a misshapen residual",
  () => {
    const x = Tensor.from(randomArray(2 * 4 * 8 * 8, 1), [2, 4, 8, 8]);
    const w = Tensor.from(randomArray(16 * 4 * 9, 2), [16, 4, 3, 3]);
    const scale = Tensor.from(randomArray(16, 3), [16]);
    scale.requiresGrad = true;
    const withScale = new FrozenWeights(w, scale);
    assert.throws(
      () => conv2dFrozen(x, withScale, { padding: 1 }),
      /conv2d \(frozen\): scale requires a gradient/,
    );
    // inference (no graph) may hold parameters that train elsewhere
    noGrad(() => conv2dFrozen(x, withScale, { padding: 1 })).dispose();
    w.requiresGrad = true;
    const trainable = new FrozenWeights(w);
    assert.throws(
      () => conv2dFrozen(x, trainable, { padding: 1 }),
      /conv2d \(frozen\): w requires a gradient/,
    );
    w.requiresGrad = false;
    const two = Tensor.from([1, 2], [2]);
    assert.throws(() => new FrozenWeights(w, two), /scale must be f32 \[16\], got f32 \[2\]/);
    const fw = new FrozenWeights(w);
    const residual = Tensor.from(randomArray(2 * 16 * 4 * 4, 4), [2, 16, 4, 4]);
    assert.throws(
      () => conv2dFrozen(x, fw, { padding: 1, residual }),
      /conv2d \(frozen\): residual must be f32 \[2, 16, 8, 8\], got f32 \[2, 16, 4, 4\]/,
    );
    for (const t of [x, w, scale, two, residual, fw, withScale, trainable]) t.dispose();
  },
);
