/**
 * Wall time per training step of the MNIST CNN on random images (the `train` group benchmarks the CIFAR
 * ResNets): Gaussian, or SmoothAdv with m = 2 noise draws and T = 2 PGD steps (epsilon 0.5), as the README's
 * shipped MNIST models were trained; the median of STEPS steps after two that build the pipelines.
 *
 *   deno run -A bench/mnist_train_step.ts gaussian|smoothadv [BATCH=128] [STEPS=8]
 */
import { initEngine } from "../engine/mod.ts";
import { buildModel } from "../nn/models.ts";
import { SgdState, trainBatch } from "../smoothing/train.ts";
import { config } from "./train.ts";
import { randomArray } from "./measure.ts";
import { summarize } from "./stats.ts";

const method = Deno.args[0];
const B = Number(Deno.args[1] ?? 128), S = Number(Deno.args[2] ?? 8);
if ((method !== "gaussian" && method !== "smoothadv") || ![B, S].every((v) => Number.isInteger(v) && v > 0)) {
  console.error("usage: deno run -A bench/mnist_train_step.ts gaussian|smoothadv [BATCH] [STEPS]");
  Deno.exit(2);
}
await initEngine();
const net = buildModel("mnist_cnn", { seed: 0 });
const opt = new SgdState(net);
const cfg = method === "gaussian" ? config("gaussian", 0.25, B) : config("smoothadv", 0.25, B, 2, 2, 0.5);
const batch = {
  epoch: 0,
  index: 0,
  size: B,
  images: randomArray(B * 784, 31, 0, 1),
  labels: Int32Array.from(randomArray(B, 32, 0, 10), Math.floor),
  indices: Uint32Array.from({ length: B }, (_, i) => i),
};
let step = 0;
const one = async () => {
  for (const s of await trainBatch(net, opt, cfg, batch, 1, step++, [1, 28, 28])) {
    s.loss.dispose();
    s.correct.dispose();
  }
};
await one();
await one();
const ms: number[] = [];
for (let i = 0; i < S; i++) {
  const t0 = performance.now();
  await one();
  ms.push(performance.now() - t0);
}
console.log(
  `${method}, batch ${B}: median ${summarize(ms).median.toFixed(0)} ms a step (${
    ms.map((m) => m.toFixed(0)).join(" ")
  })`,
);
