/**
 * Certification throughput through the production path: `sampleVotes` (noise kernel, eval forward,
 * vote kernel, one readback per call) and `certify` (both CERTIFY phases, as cli/certify.ts runs them).
 * Weights are random: the work per sample does not depend on them. The warm-up batch of every model
 * is profiled, which gives the share of GPU time per kernel family.
 */
import { fileURLToPath } from "node:url";
import { engine, Tensor } from "../engine/mod.ts";
import type { KernelTime } from "../engine/profiler.ts";
import { loadModelWeights } from "../nn/checkpoint/model_io.ts";
import { loadCifar10 } from "../nn/data/cifar10.ts";
import { buildCifar10 } from "../nn/data/cifar10_build.ts";
import type { ImageDataset } from "../nn/data/dataset.ts";
import { U8_TO_UNIT } from "../nn/data/loader.ts";
import { loadMnist } from "../nn/data/mnist.ts";
import { buildModel } from "../nn/models.ts";
import type { Module } from "../nn/module.ts";
import { certify, certifyImages } from "../smoothing/certify.ts";
import { sampleVotes } from "../smoothing/sampling.ts";
import type { Arch, CaseParams, KernelShare, MeasuredCase, Profile, Sample } from "./cases.ts";
import { cpuSeconds, measureAsync, randomArray } from "./measure.ts";

type Params<K extends CaseParams["kind"]> = Extract<CaseParams, { kind: K }>;

const CLASSES = 10;
const INPUT: Record<Arch, number[]> = {
  mnist_cnn: [1, 28, 28],
  cifar_resnet20: [3, 32, 32],
  cifar_resnet110: [3, 32, 32],
};

/** Models and test images are built once per process and shared by the cases of one architecture. */
const models = new Map<Arch, { model: Module; image: Tensor }>();

function setup(arch: Arch): { model: Module; image: Tensor } {
  let s = models.get(arch);
  if (!s) {
    const shape = INPUT[arch];
    const image = Tensor.from(randomArray(shape.reduce((a, b) => a * b, 1), 21, 0, 1), shape).keep();
    s = { model: buildModel(arch, { seed: 0 }), image };
    models.set(arch, s);
  }
  return s;
}

/** Free the images of every model built so far (the models' parameters are small and stay). */
export function releaseCertifyModels(): void {
  for (const s of models.values()) s.image.dispose();
  models.clear();
}

function shares(times: KernelTime[], key: (label: string) => string): KernelShare[] {
  const total = times.reduce((s, t) => s + t.ms, 0);
  const byKey = new Map<string, KernelShare>();
  for (const t of times) {
    const k = key(t.label);
    const e = byKey.get(k) ?? { name: k, dispatches: 0, ms: 0, share: 0 };
    e.dispatches += t.dispatches;
    e.ms += t.ms;
    byKey.set(k, e);
  }
  const out = [...byKey.values()].sort((a, b) => b.ms - a.ms);
  for (const e of out) e.share = total > 0 ? e.ms / total : 0;
  return out;
}

/** "shaders/conv2d.wgsl:main" -> family "conv2d", kernel "conv2d:main". */
function family(label: string): string {
  return label.replace(/^shaders\//, "").replace(/\.wgsl(:.*)?$/, "");
}

function kernelName(label: string): string {
  return label.replace(/^shaders\//, "").replace(".wgsl", "");
}

export async function measureCertifyRate(
  p: Params<"certify_rate">,
  c: MeasuredCase,
  profiles: Profile[],
): Promise<Sample[]> {
  const { model, image } = setup(p.arch);
  let stream = 0;
  const call = async () => {
    await sampleVotes(model, image, CLASSES, {
      count: p.batch * p.batches,
      batch: p.batch,
      sigma: p.sigma,
      seed: 0,
      stream: stream++,
      firstSample: 0,
    });
  };
  let warmup = c.warmup;
  const rec = engine().rec;
  if (warmup > 0 && engine().gpu.device.features.has("timestamp-query")) {
    // The first warm-up batch compiles; the second is profiled. (On lavapipe a pipeline's code is
    // generated inside its first dispatch, between that pass's timestamps: engine/compile_trace.ts.)
    const oneBatch = () =>
      sampleVotes(model, image, CLASSES, {
        count: p.batch,
        batch: p.batch,
        sigma: p.sigma,
        seed: 0,
        stream: stream++,
        firstSample: 0,
      });
    await oneBatch();
    const profiler = rec.startProfiling();
    profiler.reset();
    try {
      await oneBatch();
      const times = await profiler.report();
      profiles.push({
        arch: p.arch,
        batch: p.batch,
        totalMs: times.reduce((s, t) => s + t.ms, 0),
        families: shares(times, family),
        kernels: shares(times, kernelName),
      });
    } finally {
      rec.stopProfiling();
    }
    warmup--;
  }
  return await measureAsync(call, { ...c, warmup });
}

export async function measureCertifyImage(p: Params<"certify_image">, c: MeasuredCase): Promise<Sample[]> {
  const { model, image } = setup(p.arch);
  let index = 0;
  const run = (n: number) =>
    certify(model, image, CLASSES, index++, {
      n0: p.n0,
      n,
      alpha: 0.001,
      batch: p.batch,
      sigma: p.sigma,
      seed: 0,
      mode: { kind: "fixed" },
    });
  // Warm-up: one CERTIFY with N = one batch compiles what a full image needs (the n0 phase runs a
  // smaller batch than the rate's warm-up did) at a fraction of a full image's cost.
  for (let i = 0; i < c.warmup; i++) await run(Math.max(p.n0, Math.min(p.n, p.batch)));
  return await measureAsync(async () => void await run(p.n), { ...c, warmup: 0 });
}

const SHIPPED: Record<Params<"time_to_certificate">["arch"], string> = {
  mnist_cnn: "mnist_cnn_gaussian_0.25.safetensors",
  cifar_resnet20: "cifar_resnet20_gaussian_0.25.safetensors",
};

async function testImages(arch: Params<"time_to_certificate">["arch"]): Promise<ImageDataset> {
  if (arch === "mnist_cnn") return await loadMnist("test");
  // The CIFAR-10 test batch as `deno task data cifar10` writes it (built here when missing).
  const dir = fileURLToPath(new URL("../data/cifar-10-batches-bin", import.meta.url));
  try {
    await Deno.stat(`${dir}/test_batch.bin`);
  } catch {
    await buildCifar10(dir);
  }
  return await loadCifar10(dir, "test");
}

/**
 * Wall time of the radii mode over the first `images` selected test images with the shipped model,
 * after compilation (the sampler's warm-up batch); prints the mean samples per image.
 */
export async function measureTimeToCertificate(
  p: Params<"time_to_certificate">,
  c: MeasuredCase,
): Promise<Sample[]> {
  const model = buildModel(p.arch);
  await loadModelWeights(model, fileURLToPath(new URL(`../models/${SHIPPED[p.arch]}`, import.meta.url)));
  const ds = await testImages(p.arch);
  const per = ds.shape[0] * ds.shape[1] * ds.shape[2];
  const out: Sample[] = [];
  for (let r = 0; r < c.repeats; r++) {
    let t0 = 0, c0 = 0, samples = 0, certified = 0;
    await certifyImages(model, {
      shape: ds.shape,
      classes: CLASSES,
      indices: Array.from({ length: p.images }, (_, i) => i * p.skip),
      load: (i) => Float32Array.from(ds.images.subarray(i * per, (i + 1) * per), (v) => U8_TO_UNIT[v]),
    }, {
      n0: p.n0,
      n: p.n,
      alpha: 0.001,
      batch: p.batch,
      sigma: p.sigma,
      seed: 0,
      mode: { kind: "radii", radii: p.radii },
    }, {
      onReady: () => {
        t0 = performance.now();
        c0 = cpuSeconds();
      },
      onResult: (idx, cert) => {
        samples += cert.samples;
        if (cert.prediction === ds.labels[idx] && cert.radius >= p.radii[p.radii.length - 1]) certified++;
      },
    });
    out.push({ wallS: (performance.now() - t0) / 1000, cpuS: cpuSeconds() - c0 });
    console.error(
      `    ${p.arch}: ${Math.round(samples / p.images)} samples per image on average; ` +
        `${certified} of ${p.images} certified at r = ${p.radii[p.radii.length - 1]}`,
    );
  }
  model.dispose();
  return out;
}
