/**
 * The frozen convolution (engine/ops/conv_frozen.ts), relu?(conv(x, w) * scale + bias + residual) with the
 * gradients of x and the residual, against float64 by finite differences: on a shape the Winograd kernel
 * takes (its residual then read from a texture copy), the stem's three channels (with a residual, and
 * without: the narrow kernel), a stride-2 layer, a 1 x 1 stride-2 shortcut and odd sizes no tile divides;
 * a residual block whose input is also the residual (the gradient of x's other use added in the kernel);
 * and the operands it refuses.
 */
import assert from "node:assert/strict";
import { grad, mul, noGrad, readTensors, sum, Tensor } from "../../engine/mod.ts";
import { conv2dFrozen, FrozenWeights } from "../../engine/ops/conv_frozen.ts";
import { currentTileConfig } from "../../engine/ops/matmul.ts";
import { gpuTest, randomArray, type SeenDispatch, withDispatches } from "../helpers.ts";
import { checkGradients } from "./gradcheck.ts";
import { type Geo, outSize, refConv } from "./references.ts";

interface Case extends Geo {
  what: string;
  relu: boolean;
  residual: boolean;
}

const NARROW = { N: 2, C: 3, H: 5, W: 8, O: 16, KH: 3, KW: 3, S: 1, P: 1 };

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
  // an attack's first layer: no residual, the narrow kernel on the CPU adapter
  ...[true, false].map((relu) => ({
    what: "the stem's 3 channels, no residual",
    ...NARROW,
    relu,
    residual: false,
  })),
);

/** relu?(conv(x, w) * scale + bias + res) in float64 (res null: none). */
function frozenRef(
  g: Geo,
  x: ArrayLike<number>,
  w: Float32Array,
  scale: Float32Array,
  bias: Float32Array,
  res: ArrayLike<number> | null,
  relu: boolean,
): Float64Array {
  const y = refConv(x, w, null, g);
  const plane = y.length / (g.N * g.O);
  return y.map((v, i) => {
    const o = Math.floor(i / plane) % g.O;
    const t = v * scale[o] + bias[o] + (res ? res[i] : 0);
    return relu ? Math.max(0, t) : t;
  });
}

/** sum(r * relu?(conv(x, w) * scale + bias + res)) in float64. */
function loss(
  c: Case,
  x: ArrayLike<number>,
  res: ArrayLike<number> | null,
  w: Float32Array,
  scale: Float32Array,
  bias: Float32Array,
  r: Float32Array,
): number {
  return frozenRef(c, x, w, scale, bias, res, c.relu).reduce((acc, v, i) => acc + v * r[i], 0);
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
      if (c.residual && c.S === 1 && c.KH === 3 && c.O === 16 && currentTileConfig().winograd) {
        assert.ok(
          seen.some((d) => d.family === "conv_winograd" && d.uniforms.res === 1),
          "Winograd with its residual",
        );
      }
      if (!c.residual && software) {
        const family = c.KH === 1 ? "conv_pointwise" : "conv_narrow";
        assert.ok(seen.some((d) => d.family === family), family);
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

gpuTest(
  "a ReLU's output read by a frozen Winograd convolution: its gradient is masked in that kernel, once, and exactly",
  async () => {
    const g = { N: 2, C: 16, H: 8, W: 8, O: 16, KH: 3, KW: 3, S: 1, P: 1 };
    const [w1, w2, w3] = [11, 12, 13].map((seed) => randomArray(16 * 16 * 9, seed));
    const [s1, s2, s3] = [14, 15, 16].map((seed) => randomArray(16, seed).map((v) => 0.5 + v));
    const [b1, b2, b3] = [17, 18, 19].map((seed) => randomArray(16, seed));
    const r = randomArray(2 * 16 * 64, 20);
    const fws = [[w1, s1, b1], [w2, s2, b2], [w3, s3, b3]].map(([w, s, b]) =>
      new FrozenWeights(Tensor.from(w, [16, 16, 3, 3]), Tensor.from(s, [16]), Tensor.from(b, [16]))
    );
    const rt = Tensor.from(r, [2, 16, 8, 8]);
    const dot = (y: Float64Array) => y.reduce((acc, v, i) => acc + v * r[i], 0);
    // a chain: y1 feeds one convolution, which masks y1's gradient itself
    const [, chain] = await withDispatches(() =>
      checkGradients({
        what: "chain",
        inputs: [{ shape: [2, 16, 8, 8], data: randomArray(2 * 16 * 64, 21) }],
        gpu: ([x]) => {
          const y1 = conv2dFrozen(x, fws[0], { padding: 1, relu: true });
          return sum(mul(conv2dFrozen(y1, fws[1], { padding: 1, relu: true }), rt));
        },
        cpu: ([x]) => dot(frozenRef(g, frozenRef(g, x, w1, s1, b1, null, true), w2, s2, b2, null, true)),
        h: 1e-6,
      })
    );
    // the masking passes (elementwise.wgsl's binary ops with OP = 4, reluGrad): the last layer's only
    const masks = (ds: SeenDispatch[]) =>
      ds.filter((d) => d.family === "elementwise" && d.entry.startsWith("binary") && d.overrides.OP === 4)
        .length;
    if (currentTileConfig().winograd) {
      assert.ok(
        chain.some((d) => d.family === "conv_winograd" && d.uniforms.mask === 1),
        "masked in the kernel",
      );
      assert.equal(masks(chain), 1);
    }
    // y1 read by two convolutions: the second's masked sum is the whole gradient
    await checkGradients({
      what: "two uses",
      inputs: [{ shape: [2, 16, 8, 8], data: randomArray(2 * 16 * 64, 22) }],
      gpu: ([x]) => {
        const y1 = conv2dFrozen(x, fws[0], { padding: 1, relu: true });
        const a = conv2dFrozen(y1, fws[1], { padding: 1, relu: true });
        return sum(mul(conv2dFrozen(y1, fws[2], { padding: 1, relu: true, residual: a }), rt));
      },
      cpu: ([x]) => {
        const y1 = frozenRef(g, x, w1, s1, b1, null, true);
        return dot(frozenRef(g, y1, w3, s3, b3, frozenRef(g, y1, w2, s2, b2, null, true), true));
      },
      h: 1e-6,
    });
    // asked for y1's own gradient, grad returns it unmasked: d loss / d y1, not through y1's ReLU
    const x = Tensor.from(randomArray(2 * 16 * 64, 23), [2, 16, 8, 8]);
    x.requiresGrad = true;
    const y1 = conv2dFrozen(x, fws[0], { padding: 1, relu: true });
    const loss = sum(mul(conv2dFrozen(y1, fws[1], { padding: 1, relu: true }), rt));
    const [dy1] = grad(loss, [y1]);
    const [y1Host, dHost] = await readTensors([y1, dy1]);
    // where y1 is 0 the gradient of y1 need not be: the layer after it sees y1 through its weights
    let atZero = 0;
    for (let i = 0; i < y1Host.length; i++) if (y1Host[i] === 0 && dHost[i] !== 0) atZero++;
    assert.ok(atZero > 0, "an unmasked gradient where y1 = 0");
    for (const t of [x, y1, loss, dy1, rt, ...fws]) t.dispose();
  },
);
