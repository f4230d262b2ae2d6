/**
 * One cold or warm start, measured in a process of its own (bench/compile.ts runs it with
 * MESA_SHADER_CACHE_DIR set): open the engine, build the model, and classify one noisy batch, as a
 * certification does before its first image, with every pipeline's cost traced. Prints one JSON line:
 * seconds to the end of that batch (from the engine's start), the pipelines, and their costs (listed
 * one by one on stderr). With `ahead`, it first saves the model to a temporary file and starts
 * smoothing/compile_ahead.ts on it, as certify does on a software adapter with a cold cache.
 *
 *   deno run -A bench/compile_probe.ts ARCH BATCH [ahead]
 */
import { engine, formatCompileCosts, initEngine, Tensor } from "../engine/mod.ts";
import { buildModel } from "../nn/models.ts";
import { saveModel } from "../nn/checkpoint/model_io.ts";
import { type CompileAheadReport, startCompileAhead } from "../smoothing/compile_ahead.ts";
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
}

if (import.meta.main) {
  const [arch, batchText, mode] = Deno.args as [Arch, string, string | undefined];
  if (!(arch in SHAPES) || !(Number(batchText) > 0) || (mode !== undefined && mode !== "ahead")) {
    console.error(
      `usage: compile_probe.ts ARCH BATCH [ahead] (ARCH one of ${Object.keys(SHAPES).join(", ")})`,
    );
    Deno.exit(2);
  }
  const batch = Number(batchText);
  const t0 = performance.now();
  const c0 = cpuSeconds();
  await initEngine();
  const trace = engine().traceCompiles();
  const shape = SHAPES[arch];
  const image = Tensor.from(randomArray(shape.reduce((a, b) => a * b, 1), 21, 0, 1), shape);
  const model = buildModel(arch, { seed: 0 });
  const file = mode === "ahead" ? await Deno.makeTempFile({ suffix: ".safetensors" }) : null;
  if (file) await saveModel(model, file, { arch });
  const ahead = file
    ? await startCompileAhead({ kind: "votes", checkpoint: file, model: { arch }, batch, sigma: 0.25 })
    : null;
  await sampleVotes(model, image, 10, {
    count: batch,
    batch,
    sigma: 0.25,
    seed: 0,
    stream: 0,
    firstSample: 0,
  });
  const readySeconds = (performance.now() - t0) / 1000;
  const cpu = cpuSeconds() - c0;
  ahead?.finish();
  const aheadReport = ahead ? await ahead.close() : mode === "ahead" ? null : undefined;
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
  };
  console.error(formatCompileCosts(costs));
  console.log(JSON.stringify(result));
}
