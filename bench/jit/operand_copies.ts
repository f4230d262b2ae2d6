// The software adapter's operand copies (buffer -> texture, engine/ops/operand_texture.ts) in one Gaussian
// training step of a CIFAR ResNet: how many, how many bytes, by use; then the rate of one such copy of a
// 16-channel 32 x 32 activation and the step's own time, for the copies' share of it. Lavapipe runs a copy on
// its queue thread alone, between dispatches. docs/SPEED.md ("Operand copies in a training step").
//   deno run -A bench/jit/operand_copies.ts [ARCH=cifar_resnet20] [BATCH=128] [STEPS=5]
import { engine, initEngine, Tensor } from "../../engine/mod.ts";
import { vec4Texture } from "../../engine/ops/operand_texture.ts";
import { buildModel } from "../../nn/models.ts";
import { SgdState, trainBatch } from "../../smoothing/train.ts";
import { randomArray } from "../measure.ts";
import { summarize } from "../stats.ts";
import { config, syntheticBatch } from "../train.ts";

const arch = (Deno.args[0] ?? "cifar_resnet20") as "cifar_resnet20";
const B = Number(Deno.args[1] ?? 128), STEPS = Number(Deno.args[2] ?? 5);
await initEngine();
const net = buildModel(arch, { seed: 0 });
const opt = new SgdState(net);
const cfg = config("gaussian", 0.25, B);
const batch = syntheticBatch(B, 31);
let stream = 0;
const step = async () => {
  const stats = await trainBatch(net, opt, cfg, batch, 0, stream++, [3, 32, 32]);
  for (const s of stats) {
    s.loss.dispose();
    s.correct.dispose();
  }
  await engine().rec.finish();
};
await step();
await step();

// One step with the recorder's copies counted: bytes are the texture extents copied (whole rows).
const rec = engine().rec;
const copyToTexture = rec.copyToTexture.bind(rec);
const byUse = new Map<string, { copies: number; bytes: number }>();
rec.copyToTexture = (...args) => {
  const use = args[2].label.replace(/^operand /, "").replace(/ rgba32float.*$/, "").replace(/ \d+x\d+$/, "");
  const e = byUse.get(use) ?? { copies: 0, bytes: 0 };
  e.copies++;
  e.bytes += args[3] * args[4] * 16;
  byUse.set(use, e);
  copyToTexture(...args);
};
await step();
rec.copyToTexture = copyToTexture;
const total = [...byUse.values()].reduce(
  (t, e) => ({ copies: t.copies + e.copies, bytes: t.bytes + e.bytes }),
  {
    copies: 0,
    bytes: 0,
  },
);

// The copy rate: a [B, 16, 32, 32] tensor copied 20 times, once recorded and waited for.
const x = Tensor.from(randomArray(B * 16 * 32 * 32, 3), [B, 16, 32, 32]).keep();
const rates: number[] = [];
for (let r = 0; r < 4; r++) {
  const t0 = performance.now();
  for (let i = 0; i < 20; i++) vec4Texture(x, "probe copy");
  await rec.finish();
  rates.push(x.size * 4 * 20 / ((performance.now() - t0) / 1e3) / 1e9);
}
const stepMs: number[] = [];
for (let i = 0; i < STEPS; i++) {
  const t0 = performance.now();
  await step();
  stepMs.push(performance.now() - t0);
}
const rate = summarize(rates).median, ms = summarize(stepMs).median, copyMs = total.bytes / 1e6 / rate;
console.log(
  `${arch}, Gaussian step at batch ${B}: ${total.copies} operand copies, ${
    (total.bytes / 1e6).toFixed(1)
  } MB`,
);
for (const [use, e] of [...byUse].sort((a, b) => b[1].bytes - a[1].bytes)) {
  console.log(`  ${String(e.copies).padStart(4)} ${(e.bytes / 1e6).toFixed(1).padStart(7)} MB  ${use}`);
}
console.log(
  `copy rate ${rate.toFixed(2)} GB/s (${rates.map((r) => r.toFixed(2)).join(", ")}); step ${
    ms.toFixed(0)
  } ms ` +
    `(${stepMs.map((t) => t.toFixed(0)).join(", ")}): the copies about ${copyMs.toFixed(0)} ms, ` +
    `${(100 * copyMs / ms).toFixed(1)} % of it`,
);
