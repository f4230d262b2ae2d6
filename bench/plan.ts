/**
 * What `deno task bench` measures, full and `--quick`. Sizes and repeat counts are chosen to keep
 * `bench all` within 15 minutes on the 2-core software adapter (pipeline compilation alone costs 2-4 s
 * per new convolution tile variant there) and `--quick` near a minute; the row names carry the sizes.
 */
import type { Arch, Case, ConvPass, GroupName, MeasuredCase } from "./cases.ts";

/** The roofline figure of the FMA peak, the ceiling that compute-bound figures are compared with. */
export const PEAK_FMA_ID = "roofline/peak-fma";

interface ConvShape {
  /** Row label and id part. */
  label: string;
  cin: number;
  cout: number;
  size: number;
  kernel: number;
  stride: number;
}

/** The distinct convolutions of a CIFAR ResNet (20, 56 and 110 share them). */
export const RESNET_CONVS: readonly ConvShape[] = [
  { label: "stem 3->16 32x32 k3 s1", cin: 3, cout: 16, size: 32, kernel: 3, stride: 1 },
  { label: "16->16 32x32 k3 s1", cin: 16, cout: 16, size: 32, kernel: 3, stride: 1 },
  { label: "32->32 16x16 k3 s1", cin: 32, cout: 32, size: 16, kernel: 3, stride: 1 },
  { label: "64->64 8x8 k3 s1", cin: 64, cout: 64, size: 8, kernel: 3, stride: 1 },
  { label: "16->32 32x32 k3 s2", cin: 16, cout: 32, size: 32, kernel: 3, stride: 2 },
  { label: "32->64 16x16 k3 s2", cin: 32, cout: 64, size: 16, kernel: 3, stride: 2 },
  { label: "16->32 32x32 k1 s2 (downsample)", cin: 16, cout: 32, size: 32, kernel: 1, stride: 2 },
  { label: "32->64 16x16 k1 s2 (downsample)", cin: 32, cout: 64, size: 16, kernel: 1, stride: 2 },
];

const CONV_PASSES: readonly ConvPass[] = ["fwd", "inference", "bwd-input", "bwd-weight"];
const ARCHS: readonly Arch[] = ["mnist_cnn", "cifar_resnet20", "cifar_resnet110"];
const SIGMA = 0.25;
/** SmoothAdv's attack radius in the tables' middle setting: 127/256. */
const EPSILON = 127 / 256;
const MIB = 1 << 20;
/** One batch size for every model and kernel in --quick, so pipelines compiled once serve all groups. */
const QUICK_BATCH = 8;

function measured(c: Omit<MeasuredCase, "torch"> & { torch?: boolean }): MeasuredCase {
  return { torch: true, ...c };
}

/** The floating-point operations of shaders/peak.wgsl: 32 vec4 FMAs per loop trip and lane, 2 per component. */
export function peakFmaFlops(threads: number, iters: number): number {
  return threads * iters * 32 * 4 * 2;
}

/** The two ceilings every group's peak fractions refer to. */
export function rooflinePlan(quick: boolean): MeasuredCase[] {
  const threads = 64 * 512;
  const iters = quick ? 128 : 512;
  const bytes = (quick ? 16 : 64) * MIB;
  const repeats = quick ? 2 : 5;
  return [
    measured({
      id: PEAK_FMA_ID,
      section: "roofline",
      name: "peak FMA (shaders/peak.wgsl)",
      unit: "GFLOP/s",
      work: peakFmaFlops(threads, iters),
      params: { kind: "peak_fma", threads, iters },
      repeats,
      warmup: 1,
      targetMs: quick ? 100 : 400,
      torch: false,
    }),
    measured({
      id: "roofline/copy",
      section: "roofline",
      name: `copy bandwidth, ${bytes / MIB} MiB vec4 copy (read + write)`,
      unit: "GB/s",
      work: 2 * bytes,
      params: { kind: "copy", bytes },
      repeats,
      warmup: 1,
      targetMs: quick ? 100 : 400,
    }),
  ];
}

function convFlops(s: ConvShape, batch: number): number {
  const pad = (s.kernel - 1) / 2;
  const out = Math.floor((s.size + 2 * pad - s.kernel) / s.stride) + 1;
  return 2 * batch * s.cout * out * out * s.cin * s.kernel * s.kernel;
}

function kernelsPlan(quick: boolean): Case[] {
  const cases: Case[] = [];
  const repeats = quick ? 2 : 3;
  const targetMs = quick ? 60 : 250;
  for (const size of quick ? [512] : [1024, 2048]) {
    cases.push(measured({
      id: `matmul/${size}`,
      section: "matmul",
      name: `matmul ${size}^3`,
      unit: "GFLOP/s",
      work: 2 * size ** 3,
      bound: "compute",
      params: { kind: "matmul", size },
      repeats: size > 1024 ? 2 : repeats,
      warmup: 1,
      targetMs: size > 1024 ? 0 : targetMs,
    }));
  }
  // --quick uses the training batch of the train group, so both share their compiled tile variants.
  const convs = quick ? [RESNET_CONVS[1]] : RESNET_CONVS;
  for (const batch of quick ? [QUICK_BATCH] : [128, 400]) {
    for (const s of convs) {
      const id = `${s.cin}-${s.cout}-${s.size}-k${s.kernel}-s${s.stride}`;
      for (const pass of CONV_PASSES) {
        cases.push(measured({
          id: `conv/${id}/N${batch}/${pass}`,
          section: `conv2d, batch ${batch}`,
          name: `conv ${s.label} ${pass}`,
          unit: "GFLOP/s",
          work: convFlops(s, batch),
          bound: "compute",
          params: { kind: "conv", batch, ...s, pass },
          repeats,
          warmup: 1,
          targetMs,
        }));
      }
    }
  }
  const bnTrain = quick ? QUICK_BATCH : 128;
  const bnEval = quick ? QUICK_BATCH : 400;
  const act = (n: number) => n * 16 * 32 * 32 * 4;
  // Minimal traffic: the statistics pass reads x, the normalisation reads x and writes y; backward
  // reduces over (g, x) and then reads both again to write dx.
  const bn: [string, number, number, "train-forward" | "train-backward" | "eval"][] = [
    ["train forward (stats + normalise)", bnTrain, 3, "train-forward"],
    ["train backward (dx, dweight, dbias)", bnTrain, 5, "train-backward"],
    ["eval (running statistics)", bnEval, 2, "eval"],
  ];
  for (const [what, batch, passes, mode] of bn) {
    cases.push(measured({
      id: `batchnorm/${mode}/N${batch}`,
      section: "memory-bound kernels",
      name: `batchnorm ${what}, [${batch}, 16, 32, 32]`,
      unit: "GB/s",
      work: passes * act(batch),
      bound: "memory",
      params: { kind: "batchnorm", batch, channels: 16, size: 32, mode },
      repeats: quick ? 2 : 5,
      warmup: 1,
      targetMs,
    }));
  }
  const copies = quick ? 100 : 400;
  cases.push(measured({
    id: `noise/${copies}x3x32x32`,
    section: "memory-bound kernels",
    name: `Gaussian sampling: noisyCopies ${copies} x [3, 32, 32] (bytes written)`,
    unit: "GB/s",
    work: copies * 3 * 32 * 32 * 4,
    bound: "memory",
    params: { kind: "noise", count: copies, shape: [3, 32, 32], sigma: SIGMA },
    repeats: quick ? 2 : 5,
    warmup: 1,
    targetMs,
  }));
  const images = quick ? 1024 : 8192;
  const m = 8;
  const rows = images * m;
  cases.push(measured({
    id: `softmax-average/${images}x${m}x10`,
    section: "memory-bound kernels",
    name: `softmax-average forward + backward, ${images} images x m = ${m} x 10 classes`,
    unit: "GB/s",
    // logits read by both passes, gradient written; per-row (max, log-sum) written then read
    work: 3 * rows * 10 * 4 + 2 * rows * 2 * 4,
    bound: "memory",
    params: { kind: "softmax_average", images, m, classes: 10 },
    repeats: quick ? 2 : 5,
    warmup: 1,
    targetMs,
  }));
  const voteRows = quick ? 8192 : 65536;
  cases.push(measured({
    id: `votes/${voteRows}x10`,
    section: "memory-bound kernels",
    name: `argmax-count (countVotes), ${voteRows} rows x 10 classes`,
    unit: "GB/s",
    work: voteRows * 10 * 4,
    bound: "memory",
    params: { kind: "votes", rows: voteRows, classes: 10 },
    repeats: quick ? 2 : 5,
    warmup: 1,
    targetMs,
  }));
  const n = quick ? 500 : 2000;
  const dispatch: [
    string,
    "record" | "execute" | "readback-small" | "queue-wait" | "readback-large",
    string,
    number,
    number,
    boolean,
  ][] = [
    ["record", "record", `record ${n} tiny dispatches (host side only)`, n, 0, false],
    ["execute", "execute", `record + submit + execute ${n} tiny dispatches`, n, 0, true],
    ["readback-4B", "readback-small", "readback of 4 bytes, nothing pending", 1, 4, false],
    ["queue-wait", "queue-wait", "onSubmittedWorkDone, nothing pending", 1, 0, false],
    ["readback-16MiB", "readback-large", "readback of 16 MiB", 1, 16 * MIB, false],
  ];
  for (const [id, probe, name, count, bytes, torch] of dispatch) {
    cases.push(measured({
      id: `dispatch/${id}`,
      section: "dispatch and readback",
      name,
      unit: count > 1 ? "us/dispatch" : "ms",
      work: count,
      params: { kind: "dispatch", probe, count, bytes },
      repeats: quick ? 3 : probe === "readback-large" ? 5 : 10,
      warmup: 1,
      targetMs: 0,
      torch,
      note: torch ? "PyTorch: one tiny in-place op per dispatch (eager CPU op overhead)" : undefined,
    }));
  }
  return cases;
}

function certifyPlan(quick: boolean): Case[] {
  const cases: Case[] = [];
  const n0 = 100;
  const n = 10_000;
  for (const arch of ARCHS) {
    const batch = quick ? QUICK_BATCH : 400;
    const batches = quick ? 1 : arch === "mnist_cnn" ? 5 : arch === "cifar_resnet20" ? 2 : 1;
    const rateId = `certify/${arch}/rate`;
    cases.push(measured({
      id: rateId,
      section: "certification",
      name: `${arch}: noisy samples per second (batch ${batch}, ${batches} batch${
        batches > 1 ? "es" : ""
      } per repeat)`,
      unit: "samples/s",
      work: batch * batches,
      params: { kind: "certify_rate", arch, batch, batches, sigma: SIGMA },
      repeats: quick || arch === "cifar_resnet110" ? 2 : 3,
      warmup: 1,
      targetMs: 0,
    }));
    // A full image where it fits the budget (MNIST: ~12 s here; ResNet-20 would take over a minute,
    // ResNet-110 several); otherwise the rate's timings, converted.
    if (arch === "mnist_cnn") {
      const qn0 = quick ? QUICK_BATCH : n0;
      const qn = quick ? 2 * QUICK_BATCH : n;
      cases.push(measured({
        id: `certify/${arch}/image`,
        section: "certification",
        name: `${arch}: seconds per image, CERTIFY n0 = ${qn0}, N = ${qn} (batch ${batch}, measured)`,
        unit: "s/image",
        work: 1,
        params: { kind: "certify_image", arch, n0: qn0, n: qn, batch, sigma: SIGMA },
        repeats: quick ? 1 : 3,
        warmup: quick ? 0 : 1,
        targetMs: 0,
      }));
    } else {
      cases.push({
        id: `certify/${arch}/image`,
        section: "certification",
        name: `${arch}: seconds per image at n0 = ${n0}, N = ${n} (derived: (n0 + N) / rate)`,
        unit: "s/image",
        work: (batch * batches) / (n0 + n),
        derivedFrom: rateId,
        note: "a full image would take minutes here; computed from the sampling rate above",
      });
    }
  }
  // Time to certificate: the sequential radii mode against the reference CERTIFY at N = 100,000.
  // --quick keeps the MNIST case only: ResNet-20's would build CIFAR-10 and compile another batch shape.
  const targets = [
    { arch: "mnist_cnn" as const, radii: [0.25, 0.5, 0.75], images: quick ? 2 : 10, skip: 1000 },
    ...(quick ? [] : [{ arch: "cifar_resnet20" as const, radii: [0.25, 0.5], images: 8, skip: 1250 }]),
  ];
  for (const t of targets) {
    const batch = quick ? QUICK_BATCH : 400;
    const budget = quick ? 2000 : 100_000;
    cases.push(measured({
      id: `certify/${t.arch}/time-to-certificate`,
      section: "time to certificate",
      name:
        `${t.arch}: seconds per image for certified accuracy at r = ${t.radii.join(", ")} (ours: --radii, ` +
        `N <= ${budget.toLocaleString("en-US")}; PyTorch: CERTIFY at N = ${budget.toLocaleString("en-US")})`,
      unit: "s/image",
      work: t.images,
      params: {
        kind: "time_to_certificate",
        arch: t.arch,
        radii: t.radii,
        n0: n0,
        n: budget,
        batch,
        sigma: SIGMA,
        images: t.images,
        skip: t.skip,
        torchBatches: quick ? 1 : t.arch === "mnist_cnn" ? 10 : 3,
      },
      repeats: 1,
      warmup: 0,
      targetMs: 0,
      note:
        `ours: the shipped ${t.arch} model (sigma 0.25) on test images 0, ${t.skip}, ${2 * t.skip}, ..., ` +
        "kernel compilation excluded; PyTorch: (n0 + N) / its sample rate on the same architecture",
    }));
  }
  return cases;
}

interface TrainSetting {
  arch: Arch;
  /** Gaussian batch and SmoothAdv loader batch B (one SmoothAdv step = one chunk of B / m images). */
  gaussianBatch: number;
  smoothAdvBatch: number;
}

function trainPlan(quick: boolean): Case[] {
  const settings: TrainSetting[] = quick
    ? [
      { arch: "cifar_resnet20", gaussianBatch: QUICK_BATCH, smoothAdvBatch: QUICK_BATCH },
      { arch: "cifar_resnet110", gaussianBatch: QUICK_BATCH, smoothAdvBatch: QUICK_BATCH },
    ]
    : [
      { arch: "cifar_resnet20", gaussianBatch: 128, smoothAdvBatch: 64 },
      { arch: "cifar_resnet110", gaussianBatch: 32, smoothAdvBatch: 16 },
    ];
  const attacks: [number, number][] = quick ? [[2, 1], [8, 1]] : [[2, 2], [2, 10], [8, 2], [8, 10]];
  const cases: Case[] = [];
  for (const s of settings) {
    cases.push(measured({
      id: `train/${s.arch}/gaussian`,
      section: "training",
      name: `${s.arch}: Gaussian step, batch ${s.gaussianBatch}`,
      unit: "images/s",
      work: s.gaussianBatch,
      params: { kind: "train_gaussian", arch: s.arch, batch: s.gaussianBatch, sigma: SIGMA },
      repeats: quick ? 2 : 3,
      warmup: 1,
      targetMs: 0,
    }));
    attacks.forEach(([m, steps], i) => {
      const chunk = s.smoothAdvBatch / m;
      cases.push(measured({
        id: `train/${s.arch}/smoothadv-m${m}-T${steps}`,
        section: "training",
        name: `${s.arch}: SmoothAdv PGD step, m = ${m}, T = ${steps}, chunk ${chunk} images x ${m} noise = ` +
          `${s.smoothAdvBatch} rows`,
        unit: "images/s",
        work: chunk,
        params: {
          kind: "train_smoothadv",
          arch: s.arch,
          batch: s.smoothAdvBatch,
          m,
          steps,
          epsilon: EPSILON,
          sigma: SIGMA,
        },
        repeats: quick ? 1 : 2,
        // The attack settings share every kernel (same rows per forward), so only the first compiles.
        warmup: i === 0 ? 1 : 0,
        targetMs: 0,
      }));
    });
  }
  return cases;
}

const ARCH_NAMES: Record<Arch, string> = {
  mnist_cnn: "MNIST CNN",
  cifar_resnet20: "ResNet-20",
  cifar_resnet110: "ResNet-110",
};

/**
 * Start-up per model at the certification batch: empty shader cache, the same with compile-ahead's
 * second device (smoothing/compile_ahead.ts; to the first votes only), then the cache the first filled;
 * and the same for ResNet-20's first Gaussian training step at the train group's batch. A cold start
 * compiles every pipeline (minutes for the ResNets), so each is run once (twice warm). --quick keeps
 * one warm start of the MNIST CNN at its small batch, on the user's own shader cache (which the other
 * groups of `bench all --quick` have filled), to stay within a smoke test's time.
 */
const CACHE_NAMES = {
  cold: "empty cache",
  cold_ahead: "empty cache, compiled ahead on a second device",
  warm: "warm cache",
} as const;

/** The training start measured: ResNet-20's Gaussian step at the train group's batch. */
const TRAIN_START = { arch: "cifar_resnet20", batch: 128 } as const;

function compilePlan(quick: boolean): Case[] {
  const batch = quick ? QUICK_BATCH : 400;
  const parts = {
    certify: [
      ["ready", "to the first batch's votes"],
      ["create", "creating pipelines"],
      ["first_dispatch", "first dispatches (code generation)"],
    ],
    train: [
      ["ready", "to the first training step's loss"],
      ["create", "creating pipelines"],
      ["first_dispatch", "first dispatches (code generation)"],
    ],
  } as const;
  const starts = (quick ? ARCHS.slice(0, 1) : ARCHS).map((arch) => ({
    job: "certify" as const,
    arch,
    batch,
  }));
  const all = quick ? starts : [...starts, { job: "train" as const, ...TRAIN_START }];
  const cases: Case[] = [];
  for (const { job, arch, batch } of all) {
    for (const cache of quick ? ["warm"] as const : ["cold", "cold_ahead", "warm"] as const) {
      for (const [part, what] of parts[job]) {
        if (cache === "cold_ahead" && part !== "ready") continue;
        cases.push({
          id: `compile/${job === "train" ? "train/" : ""}${arch}/N${batch}/${cache}/${part}`,
          section: job === "train" ? `training start-up, batch ${batch}` : `start-up, batch ${batch}`,
          name: `${ARCH_NAMES[arch]} ${CACHE_NAMES[cache]}: ${what}`,
          unit: "s",
          work: 1,
          params: { kind: "compile", job, arch, batch, cache, part },
          repeats: cache !== "warm" || quick ? 1 : 2,
          ...(quick ? { note: "on the user's shader cache, which the other groups of the run filled" } : {}),
          warmup: 0,
          targetMs: 0,
          torch: false,
        });
      }
    }
  }
  return cases;
}

export function groupPlan(group: GroupName, quick: boolean): Case[] {
  switch (group) {
    case "kernels":
      return kernelsPlan(quick);
    case "certify":
      return certifyPlan(quick);
    case "train":
      return trainPlan(quick);
    case "compile":
      return compilePlan(quick);
  }
}
