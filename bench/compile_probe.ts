/**
 * One cold or warm start, measured in a process of its own (bench/compile.ts runs it with
 * MESA_SHADER_CACHE_DIR set): open the engine, build the model, and classify one noisy batch, as a
 * certification does before its first image (or, with `train`, take one Gaussian training step, as
 * `train` does before its first progress), with every pipeline's cost traced. Prints one JSON line:
 * seconds to the end of that batch (from the engine's start), the pipelines, and their costs (listed
 * one by one on stderr). With `ahead`, it first starts smoothing/compile_ahead.ts as certify (on the
 * model saved to a temporary file) or train does on a software adapter with a cold cache; with `switch`
 * as well, it then goes on with batches (or steps) until the run has switched to the form it deferred
 * (the 16-channel layers' workgroup-memory form) or the worker has ended, and reports when.
 *
 *   deno run -A bench/compile_probe.ts ARCH BATCH [ahead [switch]] [train]
 */
import { engine, formatCompileCosts, initEngine, Tensor } from "../engine/mod.ts";
import { winogradSharedWeightsOn } from "../engine/ops/conv_winograd.ts";
import { buildModel } from "../nn/models.ts";
import { saveModel } from "../nn/checkpoint/model_io.ts";
import { type CompileAhead, type CompileAheadReport, startCompileAhead } from "../smoothing/compile_ahead.ts";
import { readStats, SgdState, trainBatch } from "../smoothing/train.ts";
import { config as trainConfig } from "./train.ts";
import { sampleVotes } from "../smoothing/sampling.ts";
import type { Arch } from "./cases.ts";
import { cpuSeconds, randomArray } from "./measure.ts";

const SHAPES: Record<Arch, number[]> = {
  mnist_cnn: [1, 28, 28],
  cifar_resnet20: [3, 32, 32],
  cifar_resnet110: [3, 32, 32],
};

export interface ProbeResult {
  arch: Arch;
  batch: number;
  /** From the engine's start to the first batch's votes on the host. */
  readySeconds: number;
  /** This process's CPU seconds over the same span. */
  cpuSeconds: number;
  pipelines: number;
  createSeconds: number;
  firstDispatchSeconds: number;
  /** With `ahead`: what the second device did (null: it failed or was not started). */
  ahead?: CompileAheadReport | null;
  /**
   * With `switch`: the batches (or steps) after the first until the run switched to the deferred form
   * (or the worker ended), and the seconds from the engine's start to then; null where nothing was
   * deferred.
   */
  switched?: { batches: number; seconds: number; on: boolean } | null;
}

if (import.meta.main) {
  const [arch, batchText, ...modes] = Deno.args as [Arch, string, ...string[]];
  if (
    !(arch in SHAPES) || !(Number(batchText) > 0) ||
    modes.some((m) => !["ahead", "switch", "train"].includes(m)) ||
    (modes.includes("switch") && !modes.includes("ahead"))
  ) {
    console.error(
      `usage: compile_probe.ts ARCH BATCH [ahead [switch]] [train] (ARCH one of ${
        Object.keys(SHAPES).join(", ")
      })`,
    );
    Deno.exit(2);
  }
  const batch = Number(batchText);
  const ahead = modes.includes("ahead"), job = modes.includes("train") ? "train" : "certify";
  const untilSwitch = modes.includes("switch");
  const t0 = performance.now();
  const c0 = cpuSeconds();
  await initEngine();
  const trace = engine().traceCompiles();
  const shape = SHAPES[arch];
  const model = buildModel(arch, { seed: 0 });
  let aheadRun: CompileAhead | null = null;
  let file: string | null = null;
  let next: () => Promise<unknown>;
  if (job === "train") {
    const config = trainConfig("gaussian", 0.25, batch);
    const images = randomArray(batch * shape.reduce((a, b) => a * b, 1), 31, 0, 1);
    const labels = Int32Array.from(randomArray(batch, 32, 0, 10), Math.floor);
    const opt = new SgdState(model);
    if (ahead) aheadRun = await startCompileAhead({ kind: "train", arch, config, epoch: 0, images: batch });
    const step = { epoch: 0, index: 0, size: batch, images, labels, indices: new Uint32Array(batch) };
    next = async () => await readStats(await trainBatch(model, opt, config, step, 0, 0, shape));
    await next();
  } else {
    const image = Tensor.from(randomArray(shape.reduce((a, b) => a * b, 1), 21, 0, 1), shape);
    if (ahead) {
      file = await Deno.makeTempFile({ suffix: ".safetensors" });
      await saveModel(model, file, { arch });
      aheadRun = await startCompileAhead({
        kind: "votes",
        checkpoint: file,
        model: { arch },
        batch,
        sigma: 0.25,
      });
    }
    let stream = 0;
    next = () =>
      sampleVotes(model, image, 10, {
        count: batch,
        batch,
        sigma: 0.25,
        seed: 0,
        stream: stream++,
        firstSample: 0,
      });
    await next();
  }
  const readySeconds = (performance.now() - t0) / 1000;
  const cpu = cpuSeconds() - c0;
  aheadRun?.finish();
  let switched: ProbeResult["switched"];
  if (untilSwitch) {
    switched = null;
    if (aheadRun && !winogradSharedWeightsOn()) {
      let ended = false;
      aheadRun.report().then(() => (ended = true));
      let batches = 0;
      while (!winogradSharedWeightsOn() && !ended) {
        await next();
        batches++;
      }
      switched = { batches, seconds: (performance.now() - t0) / 1000, on: winogradSharedWeightsOn() };
    }
  }
  const aheadReport = aheadRun ? await aheadRun.close() : ahead ? null : undefined;
  if (file) await Deno.remove(file);
  const costs = await trace.costs();
  const result: ProbeResult = {
    arch,
    batch,
    readySeconds,
    cpuSeconds: cpu,
    pipelines: costs.length,
    createSeconds: costs.reduce((s, c) => s + c.createMs, 0) / 1000,
    firstDispatchSeconds: costs.reduce((s, c) => s + (c.firstDispatchMs ?? 0), 0) / 1000,
    ...(aheadReport === undefined ? {} : { ahead: aheadReport }),
    ...(switched === undefined ? {} : { switched }),
  };
  console.error(formatCompileCosts(costs));
  console.log(JSON.stringify(result));
}
