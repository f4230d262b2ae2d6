/**
 * One model's certification sampling rate, ours and then PyTorch's on the same CPU, in one run: the
 * `certify` group's rate case alone (noise, forward pass and vote count, batches of 400 per call), for
 * comparing two commits or settings without running the whole group. Run it on an otherwise idle machine.
 * Also prints how busy the cores were during each of our calls (this process's CPU time over wall time
 * times the cores): a figure that the machine's changing speed moves less than the rate (docs/SPEED.md:
 * the software adapter's thread count).
 *
 *   deno run -A bench/sampling_rate.ts ARCH [BATCHES_PER_CALL] [REPEATS]
 *   (ARCH: mnist_cnn, cifar_resnet20 or cifar_resnet110; defaults 2 and 3)
 */
import { engine, initEngine } from "../engine/mod.ts";
import type { Arch, CaseParams, MeasuredCase } from "./cases.ts";
import { measureCertifyRate } from "./certify.ts";
import { CORES } from "./measure.ts";
import { findTorch, runTorch } from "./torch.ts";

const ARCHS: readonly Arch[] = ["mnist_cnn", "cifar_resnet20", "cifar_resnet110"];
const [archArg, batchesArg = "2", repeatsArg = "3"] = Deno.args;
const arch = ARCHS.find((a) => a === archArg);
const batches = Number(batchesArg), repeats = Number(repeatsArg);
if (!arch || !(Number.isInteger(batches) && batches >= 1) || !(Number.isInteger(repeats) && repeats >= 1)) {
  console.error(
    `usage: deno run -A bench/sampling_rate.ts ARCH [BATCHES_PER_CALL] [REPEATS]\n` +
      `  ARCH: one of ${ARCHS.join(", ")}; got ${JSON.stringify(Deno.args)}`,
  );
  Deno.exit(2);
}
const params: Extract<CaseParams, { kind: "certify_rate" }> = {
  kind: "certify_rate",
  arch,
  batch: 400,
  batches,
  sigma: 0.25,
};
const c: MeasuredCase = {
  id: `certify/${arch}/rate`,
  section: "certification",
  name: `${arch}: noisy samples per second`,
  unit: "samples/s",
  work: params.batch * batches,
  params,
  repeats,
  warmup: 1,
  targetMs: 0,
  torch: true,
};
const rates = (samples: { wallS: number }[]) => samples.map((s) => c.work / s.wallS);
const show = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(", ");

await initEngine();
const samples = await measureCertifyRate(params, c, []);
const ours = rates(samples);
console.log(`ours:    ${show(ours)} samples/s (${engine().gpu.describe()})`);
const busy = samples.map((s) => (100 * s.cpuS) / (s.wallS * CORES));
console.log(`         cores busy ${busy.map((b) => b.toFixed(1)).join(", ")} % (${CORES} cores)`);
const torch = await findTorch();
if (!torch.available) {
  console.log(`PyTorch: not measured (${torch.reason})`);
} else {
  const run = await runTorch(torch, [c]);
  const theirs = rates(run.results.get(c.id) ?? []);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`PyTorch: ${show(theirs)} samples/s (${run.errors.get(c.id) ?? `torch ${torch.version}`})`);
  if (theirs.length) console.log(`ratio of medians: ${(median(ours) / median(theirs)).toFixed(2)}x`);
}
