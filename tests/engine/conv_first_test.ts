/**
 * conv2dAfterFirstPacked: a one-channel 3x3 first layer, its ReLU and the convolution after it, with
 * the first layer's output computed inside the second convolution's kernel (shaders/conv2d.wgsl entry
 * point `first`) on the CPU adapter, against float64 on shapes that divide no tile; and the shapes
 * where the two convolutions run one after the other (a tile cap whose columns cover fewer than
 * min(32, O) outputs, a residual) give the same values.
 */
import assert from "node:assert/strict";
import { engine, readTensors, scope, Tensor } from "../../engine/mod.ts";
import { conv2dAfterFirstPacked, packForConv } from "../../engine/ops/conv_inference.ts";
import { currentTileConfig, overrideTileConfig } from "../../engine/ops/matmul.ts";
import { tileConfig } from "../../engine/ops/matmul_tiles.ts";
import { assertClose, gpuTest, randomArray } from "../helpers.ts";
import { outSize, packedLayout, refConv } from "./references.ts";

interface Case {
  N: number;
  /** input side */
  H: number;
  /** first layer: channels, stride, padding */
  C1: number;
  S1: number;
  P1: number;
  /** second layer: outputs, kernel, stride, padding */
  O: number;
  K: number;
  S: number;
  P: number;
}

const relu = (y: Float64Array) => y.map((v) => Math.max(v, 0));

/** relu(conv(relu(conv(x, w1) + b1), w2) * scale + b2) in float64, packed. */
function reference(
  c: Case,
  x: Float32Array,
  w1: Float32Array,
  b1: Float32Array,
  w2: Float32Array,
  scale: Float32Array,
  b2: Float32Array,
) {
  const g1 = { N: c.N, C: 1, H: c.H, W: c.H, O: c.C1, KH: 3, KW: 3, S: c.S1, P: c.P1 };
  const y1 = relu(refConv(x, w1, b1, g1));
  const [H1] = outSize(g1);
  const g2 = { N: c.N, C: c.C1, H: H1, W: H1, O: c.O, KH: c.K, KW: c.K, S: c.S, P: c.P };
  const y2 = refConv(y1, w2, null, g2);
  const [OH, OW] = outSize(g2);
  const HW = OH * OW;
  const y = relu(y2.map((v, i) => v * scale[Math.floor(i / HW) % c.O] + b2[Math.floor(i / HW) % c.O]));
  return { y: packedLayout(y, c.N, c.O, HW), OH, OW };
}

async function run(c: Case, residual: boolean) {
  const x = randomArray(c.N * c.H * c.H, 1, 0, 1);
  const w1 = randomArray(c.C1 * 9, 2, -0.5, 0.5);
  const b1 = randomArray(c.C1, 3, -0.3, 0.3);
  const w2 = randomArray(c.O * c.C1 * c.K * c.K, 4);
  const scale = randomArray(c.O, 5, 0.5, 1.5);
  const b2 = randomArray(c.O, 6);
  const ref = reference(c, x, w1, b1, w2, scale, b2);
  const [out] = await readTensors([scope(() => {
    const first = {
      weight: Tensor.from(w1, [c.C1, 1, 3, 3]),
      bias: Tensor.from(b1, [c.C1]),
      stride: c.S1,
      padding: c.P1,
    };
    const res = residual
      ? packForConv(Tensor.from(new Float32Array(c.N * c.O * ref.OH * ref.OW), [c.N, c.O, ref.OH, ref.OW]))
      : null;
    return conv2dAfterFirstPacked(
      Tensor.from(x, [c.N, 1, c.H, c.H]),
      first,
      Tensor.from(w2, [c.O, c.C1, c.K, c.K]),
      {
        stride: c.S,
        padding: c.P,
        scale: Tensor.from(scale, [c.O]),
        bias: Tensor.from(b2, [c.O]),
        residual: res,
        relu: true,
      },
    ).data;
  })]);
  const R = c.C1 * c.K * c.K;
  assertClose(out, ref.y, { rtol: 1e-5, atol: 1e-5 * Math.sqrt(R), what: JSON.stringify(c) });
}

/**
 * The entry points of conv2d.wgsl that `f` dispatched, with the adapter's tile policy capped at 2 x 4
 * blocks (quick to compile; larger tiles add only blocks under the same guards) or at `cols` columns.
 */
async function convEntries(f: () => Promise<void>, cols = 4): Promise<string[]> {
  overrideTileConfig(tileConfig(engine().gpu.info, { rows: 2, cols }));
  const trace = engine().traceCompiles();
  try {
    await f();
    return (await trace.costs()).map((p) => p.label).filter((l) => l.includes("conv2d.wgsl:"))
      .map((l) => l.split(":")[1]).sort();
  } finally {
    engine().stopTracingCompiles();
    overrideTileConfig(null);
  }
}

// Enough rows for 6 workgroups (three per core), so the tile is not shrunk below the columns it must
// span; no size divides a tile; 13-16 outputs, so the cases share one pipeline.
const FUSED: Case[] = [
  { N: 4, H: 20, C1: 5, S1: 1, P1: 1, O: 13, K: 3, S: 1, P: 1 }, // 5 of 8 channels in use
  { N: 9, H: 27, C1: 8, S1: 2, P1: 0, O: 16, K: 3, S: 1, P: 1 }, // a strided first layer, no padding
  { N: 9, H: 28, C1: 32, S1: 1, P1: 1, O: 14, K: 3, S: 2, P: 1 }, // the MNIST CNN's pair, fewer outputs
  { N: 6, H: 15, C1: 6, S1: 1, P1: 2, O: 15, K: 1, S: 1, P: 0 }, // a 1x1 second layer; padding 2 first
];

// 50 outputs under a cap of 8 column blocks (32 columns): one tile 13 blocks wide (the kernel is
// written for 16), as for the MNIST CNN's 64 under the default cap.
const WIDE: Case = { N: 5, H: 12, C1: 7, S1: 1, P1: 1, O: 50, K: 3, S: 1, P: 1 };

for (const c of FUSED) {
  gpuTest(
    `a one-channel first layer fused into the next convolution ${JSON.stringify(c)} matches float64`,
    async () => {
      const entries = await convEntries(() => run(c, false));
      if (currentTileConfig().kind === "software") assert.ok(entries.includes("first"), entries.join());
    },
  );
}

gpuTest(
  `a fused first layer with tiles wider than 32 columns ${JSON.stringify(WIDE)} matches float64`,
  async () => {
    const entries = await convEntries(() => run(WIDE, false), 8);
    if (currentTileConfig().kind === "software") assert.ok(entries.includes("first"), entries.join());
  },
);

gpuTest(
  "the two layers run one after the other where fusing does not pay, with the same values",
  async () => {
    // a cap of 4 column blocks (16 columns, set for quick compiles) covers fewer than 20 outputs
    const wide = { N: 2, H: 9, C1: 5, S1: 1, P1: 1, O: 20, K: 3, S: 2, P: 1 };
    assert.ok(!(await convEntries(() => run(wide, false))).includes("first"));
    // a residual is not fused (the MNIST CNN has none); the kernel adds an all-zero one here
    assert.ok(!(await convEntries(() => run(FUSED[0], true))).includes("first"));
  },
);

Deno.test("the fused first layer's tiles span the output's columns, on the CPU adapter only", () => {
  const cpu = tileConfig({ isFallbackAdapter: true, description: "llvmpipe" }, null);
  // The MNIST CNN's second convolution at batch 400: 78,400 rows, 64 columns in one tile.
  assert.deepEqual(cpu.firstLayer!(78400, 64), { RB: 6, CB: 16, WGX: 1, WGY: 8 });
  // 100 columns: two tiles of 13 blocks rather than 16 + 9.
  assert.deepEqual(cpu.firstLayer!(78400, 100), { RB: 6, CB: 13, WGX: 1, WGY: 8 });
  // Few rows: fewer row blocks, never fewer columns, and no tile when the cores would idle.
  const few = cpu.firstLayer!(600, 64)!;
  assert.ok(few.RB < 6 && few.CB === 16, JSON.stringify(few));
  assert.ok(Math.ceil(600 / (4 * few.RB * 8)) >= cpu.minWorkgroups, JSON.stringify(few));
  assert.equal(cpu.firstLayer!(16, 64), null);
  // The caps' rows bound the tile's rows; a cap whose columns cover fewer than min(32, N) outputs
  // (FAST_START_TILE_LIMIT's 16 for the MNIST CNN's 64) keeps the layers apart.
  assert.deepEqual(
    tileConfig({ isFallbackAdapter: true, description: "llvmpipe" }, { rows: 2, cols: 8 })
      .firstLayer!(78400, 64),
    { RB: 2, CB: 16, WGX: 1, WGY: 8 },
  );
  const quick = tileConfig({ isFallbackAdapter: true, description: "llvmpipe" }, { rows: 8, cols: 4 });
  assert.equal(quick.firstLayer!(78400, 64), null);
  assert.deepEqual(quick.firstLayer!(78400, 16), { RB: 6, CB: 4, WGX: 1, WGY: 8 });
  const gpu = tileConfig({ isFallbackAdapter: false, description: "NVIDIA H100" }, null);
  assert.equal(gpu.firstLayer?.(78400, 64) ?? null, null);
});

gpuTest("conv2dAfterFirstPacked names the layer whose shapes disagree, and refuses a graph", () => {
  const x = Tensor.from(new Float32Array(2 * 81), [2, 1, 9, 9]);
  const first = {
    weight: Tensor.from(new Float32Array(8 * 9), [8, 1, 3, 3]),
    bias: Tensor.from(new Float32Array(7), [7]),
    padding: 1,
  };
  const w = Tensor.from(new Float32Array(4 * 8 * 9), [4, 8, 3, 3]);
  assert.throws(() => conv2dAfterFirstPacked(x, first, w, {}), /bias must be f32 \[8\], got f32 \[7\]/);
  const ok = { ...first, bias: Tensor.from(new Float32Array(8), [8]) };
  const w5 = Tensor.from(new Float32Array(4 * 5 * 9), [4, 5, 3, 3]);
  assert.throws(() => conv2dAfterFirstPacked(x, ok, w5, {}), /w must be \[O, 8, KH, KW\]/);
  // inference only: a weight that needs a gradient is refused (on the fused path and the separate one)
  w.requiresGrad = true;
  assert.throws(() => conv2dAfterFirstPacked(x, ok, w, {}), /inference only/);
  for (const t of [x, first.weight, first.bias, ok.bias, w, w5]) t.dispose();
});
