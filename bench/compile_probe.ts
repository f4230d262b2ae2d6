/**
 * One cold or warm start, measured in a process of its own (bench/compile.ts runs it with
 * MESA_SHADER_CACHE_DIR set): open the engine, build the model, and classify one noisy batch, as a
 * certification does before its first image, with every pipeline's cost traced. Prints one JSON line:
 * seconds to the end of that batch (from the engine's start), the pipelines, and their costs (listed
 * one by one on stderr).
 *
 *   deno run -A bench/compile_probe.ts ARCH BATCH
 */
import { engine, formatCompileCosts, initEngine, Tensor } from "../engine/mod.ts";
import { buildModel } from "../nn/models.ts";
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
}

if (import.meta.main) {
  const [arch, batchText] = Deno.args as [Arch, string];
  if (!(arch in SHAPES) || !(Number(batchText) > 0)) {
    console.error(`usage: compile_probe.ts ARCH BATCH (ARCH one of ${Object.keys(SHAPES).join(", ")})`);
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
  const costs = await trace.costs();
  const result: ProbeResult = {
    arch,
    batch,
    readySeconds,
    cpuSeconds: cpu,
    pipelines: costs.length,
    createSeconds: costs.reduce((s, c) => s + c.createMs, 0) / 1000,
    firstDispatchSeconds: costs.reduce((s, c) => s + (c.firstDispatchMs ?? 0), 0) / 1000,
  };
  console.error(formatCompileCosts(costs));
  console.log(JSON.stringify(result));
}
