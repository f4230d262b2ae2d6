/**
 * The inference convolution's fused epilogue, relu?(conv(x, w) * scale + bias + residual), against a
 * float64 reference, on shapes that use the in-kernel epilogue and shapes whose long reduction is split
 * (the epilogue then runs as separate passes); f16 operands where the adapter offers shader-f16. The
 * packed variant (conv2dFusedPacked: input, residual and output in the kernels' channels-last layout)
 * is checked on the same shapes against the reference laid out [N, OH, OW, O4], padded channels 0.
 */
import assert from "node:assert/strict";
import { cast, engine, readTensors, scope, Tensor } from "../../engine/mod.ts";
import { conv2dFused, conv2dFusedPacked, packForConv } from "../../engine/ops/conv_inference.ts";
import { currentTileConfig, overrideTileConfig } from "../../engine/ops/matmul.ts";
import { tileConfig } from "../../engine/ops/matmul_tiles.ts";
import { assertClose, gpuTest, randomArray, type SeenDispatch, withDispatches } from "../helpers.ts";
import { packedLayout } from "./references.ts";

interface Geo {
  N: number;
  C: number;
  H: number;
  O: number;
  K: number;
  S: number;
  P: number;
}

function reference(
  x: Float32Array,
  w: Float32Array,
  g: Geo,
  scale: Float32Array,
  bias: Float32Array,
  res: Float32Array | null,
  relu: boolean,
) {
  const OH = Math.floor((g.H + 2 * g.P - g.K) / g.S) + 1;
  const y = new Float64Array(g.N * g.O * OH * OH);
  for (let n = 0; n < g.N; n++) {
    for (let o = 0; o < g.O; o++) {
      for (let oh = 0; oh < OH; oh++) {
        for (let ow = 0; ow < OH; ow++) {
          let s = 0;
          for (let c = 0; c < g.C; c++) {
            for (let kh = 0; kh < g.K; kh++) {
              const ih = oh * g.S - g.P + kh;
              if (ih < 0 || ih >= g.H) continue;
              for (let kw = 0; kw < g.K; kw++) {
                const iw = ow * g.S - g.P + kw;
                if (iw < 0 || iw >= g.H) continue;
                s += x[((n * g.C + c) * g.H + ih) * g.H + iw] * w[((o * g.C + c) * g.K + kh) * g.K + kw];
              }
            }
          }
          const i = ((n * g.O + o) * OH + oh) * OH + ow;
          let v = s * scale[o] + bias[o] + (res ? res[i] : 0);
          if (relu) v = Math.max(0, v);
          y[i] = v;
        }
      }
    }
  }
  return { y, OH };
}

const GEOS: Geo[] = [
  { N: 3, C: 5, H: 9, O: 7, K: 3, S: 1, P: 1 }, // odd sizes, in-kernel epilogue, scalar stores
  { N: 3, C: 5, H: 8, O: 7, K: 3, S: 1, P: 1 }, // OH*OW % 4 == 0: vec4 stores (V4), 7 channels
  { N: 2, C: 4, H: 6, O: 9, K: 3, S: 1, P: 1 }, // V4 with blocks that span two output rows (OW = 6)
  { N: 2, C: 3, H: 12, O: 5, K: 1, S: 1, P: 0 }, // V4 with a 1x1 kernel
  { N: 2, C: 16, H: 8, O: 16, K: 3, S: 2, P: 1 },
  { N: 1, C: 64, H: 4, O: 6, K: 3, S: 1, P: 1 }, // tiny M, long K: split-K path
  { N: 2, C: 8, H: 6, O: 12, K: 1, S: 2, P: 0 },
  { N: 2, C: 1, H: 8, O: 6, K: 3, S: 1, P: 1 }, // one channel: im2col copy (f32), packed path (f16)
];

for (const g of GEOS) {
  for (const withRes of [false, true]) {
    gpuTest(
      `fused conv ${JSON.stringify(g)}${
        withRes ? " + residual + relu" : " (no relu)"
      } matches float64 (rtol 1e-5)`,
      async (e) => {
        const x = randomArray(g.N * g.C * g.H * g.H, 1);
        const w = randomArray(g.O * g.C * g.K * g.K, 2);
        const scale = randomArray(g.O, 3, 0.5, 1.5);
        const bias = randomArray(g.O, 4);
        const OH = Math.floor((g.H + 2 * g.P - g.K) / g.S) + 1;
        const res = withRes ? randomArray(g.N * g.O * OH * OH, 5) : null;
        // The ReLU is a uniform of the kernel: one pipeline serves both, so both are checked.
        const relu = withRes;
        const ref = reference(x, w, g, scale, bias, res, relu);
        const outs = scope(() => {
          const xt = Tensor.from(x, [g.N, g.C, g.H, g.H]);
          const wt = Tensor.from(w, [g.O, g.C, g.K, g.K]);
          const common = {
            stride: g.S,
            padding: g.P,
            scale: Tensor.from(scale, [g.O]),
            bias: Tensor.from(bias, [g.O]),
            residual: res ? Tensor.from(res, [g.N, g.O, OH, OH]) : null,
            relu,
          };
          const packed = conv2dFusedPacked(packForConv(xt), wt, {
            ...common,
            residual: common.residual ? packForConv(common.residual) : null,
          });
          const list = [conv2dFused(xt, wt, common), packed.data];
          if (e.f16) list.push(conv2dFused(cast(xt, "f16"), cast(wt, "f16"), common));
          return list;
        });
        const vals = await readTensors(outs);
        const R = g.C * g.K * g.K;
        assertClose(vals[0], ref.y, { rtol: 1e-5, atol: 1e-5 * Math.sqrt(R), what: "f32" });
        assertClose(vals[1], packedLayout(ref.y, g.N, g.O, OH * OH), {
          rtol: 1e-5,
          atol: 1e-5 * Math.sqrt(R),
          what: "f32, packed",
        });
        if (vals[2]) assertClose(vals[2], ref.y, { rtol: 2e-3, atol: 2e-3 * Math.sqrt(R), what: "f16" });
        outs.forEach((t) => t.dispose());
      },
    );
  }
}

gpuTest(
  "a packed ResNet block reads its shortcut's input and its residual from the texture its first convolution's input went to, with the same values",
  async () => {
    // 16 -> 16 channels, 3x3: enough multiply-adds per texel for the first convolution to copy x into a
    // texture on the CPU adapter. A 1x1 stride-2 shortcut on x (too little work per texel to repay a copy
    // of its own) then reads x there, and so does the second convolution's residual (Conv.res = 2).
    const g: Geo = { N: 17, C: 16, H: 8, O: 16, K: 3, S: 1, P: 1 }; // 4352 texels: two texture rows
    const gs: Geo = { ...g, K: 1, S: 2, P: 0 };
    const x = randomArray(g.N * g.C * g.H * g.H, 40);
    const w1 = randomArray(g.O * g.C * 9, 41, -0.2, 0.2), w2 = randomArray(g.O * g.O * 9, 42, -0.2, 0.2);
    const ws = randomArray(g.O * g.C, 43, -0.2, 0.2);
    const ones = new Float32Array(g.O).fill(1), zeros = new Float32Array(g.O);
    const y1 = reference(x, w1, g, ones, zeros, null, true).y;
    const want = reference(Float32Array.from(y1), w2, g, ones, zeros, x, true).y;
    const short = reference(x, ws, gs, ones, zeros, null, false);
    const e = engine();
    const run = e.run.bind(e), copy = e.rec.copyToTexture.bind(e.rec);
    const passes: { kernel: string; AT?: unknown; res: unknown }[] = [];
    let activationCopies = 0;
    e.run = (family, entry, args, overrides) => {
      if (family === "conv2d" && entry === "main") {
        passes.push({ kernel: "direct", AT: overrides?.AT, res: args.uniforms?.res });
      }
      if (family === "conv_winograd" && entry === "main") {
        passes.push({ kernel: "winograd", res: args.uniforms?.res });
      }
      run(family, entry, args, overrides);
    };
    e.rec.copyToTexture = (src, bytesPerRow, dst, ...rest) => {
      if (dst.label.includes("activations")) activationCopies++;
      copy(src, bytesPerRow, dst, ...rest);
    };
    let outs: Tensor[];
    try {
      outs = scope(() => {
        const xp = packForConv(Tensor.from(x, [g.N, g.C, g.H, g.H]));
        const h = conv2dFusedPacked(xp, Tensor.from(w1, [g.O, g.C, 3, 3]), { padding: 1, relu: true });
        const s = conv2dFusedPacked(xp, Tensor.from(ws, [g.O, g.C, 1, 1]), { stride: 2 });
        const y = conv2dFusedPacked(h, Tensor.from(w2, [g.O, g.O, 3, 3]), {
          padding: 1,
          residual: xp,
          relu: true,
        });
        return [y.data, s.data];
      });
    } finally {
      e.run = run;
      e.rec.copyToTexture = copy;
    }
    const [got, gotShort] = await readTensors(outs);
    // Float32 rounding of y1 feeds the second convolution: a looser tolerance than one layer's.
    assertClose(got, packedLayout(want, g.N, g.O, g.H * g.H), { rtol: 1e-4, atol: 1e-4, what: "block" });
    assertClose(gotShort, packedLayout(short.y, g.N, g.O, short.OH * short.OH), {
      rtol: 1e-5,
      atol: 1e-5 * 4,
      what: "shortcut",
    });
    const software = currentTileConfig().kind === "software";
    // On lavapipe the two 3x3 convolutions are Winograd's (conv_winograd_test.ts), which reads its
    // operand and residual from the same textures.
    assert.deepEqual(
      passes,
      currentTileConfig().winograd
        ? [
          { kernel: "winograd", res: 0 }, // conv1: copies x (two rows: two copies)
          { kernel: "direct", AT: 1, res: 0 }, // shortcut: x as conv1 left it, no copy
          { kernel: "winograd", res: 1 }, // conv2: copies h; residual x from its texture
        ]
        : [
          { kernel: "direct", AT: 0, res: 0 },
          { kernel: "direct", AT: 0, res: 0 },
          { kernel: "direct", AT: 0, res: 1 },
        ],
    );
    assert.equal(activationCopies, software ? 4 : 0);
    outs.forEach((t) => t.dispose());
  },
);

for (const policy of ["adapter", "hardware GPU"] as const) {
  gpuTest(
    `a downsampling ResNet block (${policy} tile policy): the residual is the shortcut's output, scaled, biased, and from a texture on the CPU adapter`,
    async () => {
      // conv1 3x3 stride 2 and a 1x1 stride-2 shortcut read x; conv2 adds the shortcut's output s, which
      // no texture holds: on the CPU adapter it is copied beside conv2's operand h (same size) without
      // overwriting it, and the kernel compiles the texture residual alone (RT = 1).
      const g: Geo = { N: 5, C: 8, H: 8, O: 16, K: 3, S: 2, P: 1 };
      const g2: Geo = { N: 5, C: 16, H: 4, O: 16, K: 3, S: 1, P: 1 };
      const gs: Geo = { ...g, K: 1, S: 2, P: 0 };
      const x = randomArray(g.N * g.C * g.H * g.H, 50);
      const w1 = randomArray(g.O * g.C * 9, 51, -0.3, 0.3), w2 = randomArray(g.O * g.O * 9, 52, -0.2, 0.2);
      const ws = randomArray(g.O * g.C, 53, -0.3, 0.3);
      const [sc1, b1, sc2, b2, scs, bs] = [54, 55, 56, 57, 58, 59].map((seed, i) =>
        randomArray(g.O, seed, i % 2 ? -0.5 : 0.5, i % 2 ? 0.5 : 1.5)
      );
      const y1 = reference(x, w1, g, sc1, b1, null, true).y;
      const short = reference(x, ws, gs, scs, bs, null, false).y;
      const want = reference(Float32Array.from(y1), w2, g2, sc2, b2, Float32Array.from(short), true).y;
      if (policy !== "adapter") {
        overrideTileConfig(
          tileConfig({ isFallbackAdapter: false, description: "hardware GPU (forced in a test)" }),
        );
      }
      let outs: Tensor[], seen: SeenDispatch[];
      try {
        [outs, seen] = await withDispatches(() =>
          scope(() => {
            const xp = packForConv(Tensor.from(x, [g.N, g.C, g.H, g.H]));
            const t = (v: Float32Array) => Tensor.from(v, [g.O]);
            const h = conv2dFusedPacked(xp, Tensor.from(w1, [g.O, g.C, 3, 3]), {
              stride: 2,
              padding: 1,
              scale: t(sc1),
              bias: t(b1),
              relu: true,
            });
            const s = conv2dFusedPacked(xp, Tensor.from(ws, [g.O, g.C, 1, 1]), {
              stride: 2,
              scale: t(scs),
              bias: t(bs),
            });
            const y = conv2dFusedPacked(h, Tensor.from(w2, [g.O, g.O, 3, 3]), {
              padding: 1,
              scale: t(sc2),
              bias: t(b2),
              residual: s,
              relu: true,
            });
            return [y.data];
          })
        );
      } finally {
        overrideTileConfig(null);
      }
      const passes = seen.filter((d) => d.family === "conv2d" && d.entry === "main")
        .map((d) => ({ RT: d.overrides.RT, res: d.uniforms.res }));
      const [got] = await readTensors(outs);
      assertClose(got, packedLayout(want, g.N, g.O, 16), { rtol: 1e-4, atol: 1e-4, what: "block" });
      const software = policy === "adapter" && currentTileConfig().kind === "software";
      assert.deepEqual(passes, [
        { RT: software ? 1 : 0, res: 0 }, // conv1 and the shortcut: one pipeline with conv2 on the CPU adapter
        { RT: software ? 1 : 0, res: 0 },
        { RT: software ? 1 : 0, res: software ? 2 : 1 },
      ]);
      outs.forEach((t) => t.dispose());
    },
  );
}

gpuTest(
  "packForConv folds a per-channel affine (an input normalisation) into the packing, padded channels 0",
  async () => {
    for (const [N, C, H, W] of [[2, 3, 4, 6], [1, 1, 2, 2], [3, 4, 5, 4]]) {
      const x = randomArray(N * C * H * W, 30 + C);
      const scale = Array.from(randomArray(C, 31, 0.5, 2)), shift = Array.from(randomArray(C, 32));
      const [got] = await readTensors([packForConv(Tensor.from(x, [N, C, H, W]), { scale, shift }).data]);
      const want = packedLayout(
        Float64Array.from(x, (v, i) => {
          const c = Math.floor(i / (H * W)) % C;
          return v * scale[c] + shift[c];
        }),
        N,
        C,
        H * W,
      );
      assertClose(got, want, { rtol: 1e-6, atol: 1e-6, what: `affine pack ${[N, C, H, W]}` });
    }
    const big = Tensor.from(randomArray(2 * 5 * 2 * 2, 1), [2, 5, 2, 2]);
    const odd = Tensor.from(randomArray(1 * 3 * 3 * 3, 2), [1, 3, 3, 3]);
    const unit = { scale: [1, 1, 1], shift: [0, 0, 0] };
    assert.throws(
      () => packForConv(big, { scale: [1, 1, 1, 1, 1], shift: [0, 0, 0, 0, 0] }),
      /at most 4 channels/,
    );
    assert.throws(() => packForConv(odd, unit), /H\*W % 4 == 0, got x \[1, 3, 3, 3\]/);
    assert.throws(
      () => packForConv(Tensor.from(randomArray(12, 3), [1, 3, 2, 2]), { scale: [1], shift: [0] }),
      /scale and shift must have 3 values, got 1 and 1/,
    );
    for (const t of [big, odd]) t.dispose();
  },
);

gpuTest("the fused convolution is inference-only and checks its operands", () => {
  const x = Tensor.from(randomArray(2 * 3 * 4 * 4, 1), [2, 3, 4, 4]);
  const w = Tensor.from(randomArray(5 * 3 * 9, 2), [5, 3, 3, 3]);
  w.requiresGrad = true;
  assert.throws(() => conv2dFused(x, w, { padding: 1 }), /inference only/);
  w.requiresGrad = false;
  const bad = Tensor.from([1, 2], [2]);
  assert.throws(() => conv2dFused(x, w, { padding: 1, scale: bad }), /scale must be f32 \[5\]/);
  assert.throws(
    () => conv2dFused(x, w, { padding: 1, residual: bad }),
    /residual must be f32 \[2, 5, 4, 4\]/,
  );
  for (const t of [x, w, bad]) t.dispose();
});
