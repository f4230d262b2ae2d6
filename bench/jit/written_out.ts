// Winograd's written-out input channels against its loop (TileConfig.winogradWrittenOut: conv_winograd.wgsl's
// `mainWritten` or `main`), in one process, the two settings alternating round by round, so that a machine
// whose speed drifts between runs compares them under the same conditions. README "Speed".
//   deno run -A bench/jit/written_out.ts layer [ROUNDS=8]
//     a packed 16 -> 16 channel layer at 32 x 32, batch 400, ReLU: ms per call (8 calls per round)
//   deno run -A bench/jit/written_out.ts model [ARCH=cifar_resnet20] [ROUNDS=20]
//     profiled GPU time of a certification batch of 400 (noise, forward pass, votes)
// Each prints both settings' medians and minima and the paired difference per round.
import { engine, initEngine, scope, Tensor } from "../../engine/mod.ts";
import { conv2dFusedPacked, packForConv } from "../../engine/ops/conv.ts";
import { currentTileConfig, overrideTileConfig } from "../../engine/ops/matmul.ts";
import { buildModel } from "../../nn/models.ts";
import { sampleVotes } from "../../smoothing/sampling.ts";
import { randomArray } from "../measure.ts";

const [mode = "layer", ...rest] = Deno.args;
await initEngine();
const shipped = currentTileConfig();
if (!shipped.winograd) throw new Error("written_out: this adapter's tile policy has no Winograd kernel");
const settings = {
  written: { ...shipped, winogradWrittenOut: true },
  looped: { ...shipped, winogradWrittenOut: false },
};

/** One round's measurement under the current setting, in ms. */
let measure: () => Promise<number>;
let rounds: number;
if (mode === "layer") {
  rounds = Number(rest[0] ?? 8);
  const N = 400, C = 16, H = 32;
  const x = Tensor.from(randomArray(N * C * H * H, 1, -1, 1), [N, C, H, H]).keep();
  const w = Tensor.from(randomArray(16 * C * 9, 2, -0.1, 0.1), [16, C, 3, 3]).keep();
  const xp = packForConv(x);
  xp.data.keep();
  measure = async () => {
    const t = performance.now();
    const outs: Tensor[] = [];
    for (let i = 0; i < 8; i++) {
      outs.push(scope(() => conv2dFusedPacked(xp, w, { padding: 1, relu: true }).data));
    }
    await outs[7].read();
    outs.forEach((o) => o.dispose());
    return (performance.now() - t) / 8;
  };
} else if (mode === "model") {
  const arch = (rest[0] ?? "cifar_resnet20") as "cifar_resnet20";
  rounds = Number(rest[1] ?? 20);
  const shape = arch.startsWith("cifar") ? [3, 32, 32] : [1, 28, 28];
  const image = Tensor.from(randomArray(shape.reduce((a, b) => a * b, 1), 21, 0, 1), shape).keep();
  const model = buildModel(arch, { seed: 0 });
  let stream = 0;
  measure = async () => {
    const profiler = engine().rec.startProfiling();
    profiler.reset();
    try {
      await sampleVotes(model, image, 10, {
        count: 400,
        batch: 400,
        sigma: 0.25,
        seed: 0,
        stream: stream++,
        firstSample: 0,
      });
      return (await profiler.report()).reduce((s, k) => s + k.ms, 0);
    } finally {
      engine().rec.stopProfiling();
    }
  };
} else {
  throw new Error(`written_out: mode ${JSON.stringify(mode)}; expected "layer" or "model"`);
}

const res = { written: [] as number[], looped: [] as number[] };
try {
  // a first call under each setting generates its code (minutes with an empty shader cache)
  for (const cfg of Object.values(settings)) {
    overrideTileConfig(cfg);
    await measure();
  }
  for (let r = 0; r < rounds; r++) {
    for (const [name, cfg] of Object.entries(settings) as [keyof typeof res, typeof shipped][]) {
      overrideTileConfig(cfg);
      res[name].push(await measure());
    }
  }
} finally {
  overrideTileConfig(null);
}
const median = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1];
for (const [name, v] of Object.entries(res)) {
  console.log(
    `${mode} ${name}: median ${median(v).toFixed(1)} ms, min ${Math.min(...v).toFixed(1)} [${
      v.map((x) => x.toFixed(1)).join(" ")
    }]`,
  );
}
const d = res.written.map((v, i) => v - res.looped[i]);
console.log(
  `${mode} written - looped per round: median ${median(d).toFixed(1)} ms; written faster in ${
    d.filter((x) => x < 0).length
  } of ${d.length}`,
);
