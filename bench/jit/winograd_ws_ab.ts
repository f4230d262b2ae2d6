// The Winograd kernel's two ways to read the transformed weights, alternating in one process (the
// machine's speed drifts between runs): WS = 0 (a texel gather per load) against WS = 1 (workgroup memory
// at constant indices, for 16 output channels and at most 16 input channels: conv_winograd.wgsl). Prints
// each round's rates and checks that both give the same votes. docs/SPEED.md.
//   deno run -A bench/jit/winograd_ws_ab.ts certify ARCH [BATCHES=4] [ROUNDS=6]   (samples/s, batch 400)
//   deno run -A bench/jit/winograd_ws_ab.ts train ARCH [STEPS=3] [ROUNDS=6]        (Gaussian steps, images/s)
import { initEngine, Tensor } from "../../engine/mod.ts";
import { setWinogradSharedWeights } from "../../engine/ops/conv_winograd.ts";
import { type Arch, buildModel } from "../../nn/models.ts";
import { sampleVotes } from "../../smoothing/sampling.ts";
import { SgdState, trainBatch } from "../../smoothing/train.ts";
import { randomArray } from "../measure.ts";
import { config, syntheticBatch } from "../train.ts";

const [mode, archArg = "cifar_resnet20", countArg, roundsArg] = Deno.args;
const ARCHS = ["cifar_resnet20", "cifar_resnet110"];
if ((mode !== "certify" && mode !== "train") || !ARCHS.includes(archArg)) {
  console.error(
    `usage: deno run -A bench/jit/winograd_ws_ab.ts certify|train ${ARCHS.join("|")} [COUNT] [ROUNDS]`,
  );
  Deno.exit(2);
}
const arch = archArg as Arch, rounds = Number(roundsArg ?? 6);
await initEngine();
const net = buildModel(arch, { seed: 0 });
let work: () => Promise<number>;
if (mode === "certify") {
  const batches = Number(countArg ?? 4);
  const image = Tensor.from(randomArray(3072, 21, 0, 1), [3, 32, 32]).keep();
  const votes = (count: number) =>
    sampleVotes(net, image, 10, { count, batch: 400, sigma: 0.25, seed: 0, stream: 7, firstSample: 0 });
  const seen = new Set<string>();
  for (const ws of [false, true]) {
    setWinogradSharedWeights(ws);
    seen.add((await votes(400)).join(","));
  }
  console.log(`the same votes with both: ${seen.size === 1}`);
  work = async () => (await votes(400 * batches), 400 * batches);
} else {
  const steps = Number(countArg ?? 3), size = arch === "cifar_resnet20" ? 128 : 32;
  const opt = new SgdState(net);
  const cfg = config("gaussian", 0.25, size);
  const batch = syntheticBatch(size, 31);
  let step = 0;
  work = async () => {
    for (let s = 0; s < steps; s++) {
      for (const st of await trainBatch(net, opt, cfg, batch, 0, step++, [3, 32, 32])) {
        st.loss.dispose();
        st.correct.dispose();
      }
    }
    return steps * size;
  };
  for (const ws of [false, true]) {
    setWinogradSharedWeights(ws);
    await work();
  }
}
for (let r = 0; r < rounds; r++) {
  const line: string[] = [];
  for (const ws of r % 2 ? [true, false] : [false, true]) {
    setWinogradSharedWeights(ws);
    const t = performance.now();
    const n = await work();
    line.push(`WS=${ws ? 1 : 0} ${(n / ((performance.now() - t) / 1000)).toFixed(1)}`);
  }
  console.log(`${line.join("  ")} ${mode === "certify" ? "samples/s" : "images/s"}`);
}
