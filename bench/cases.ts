/**
 * The benchmark plan as data: every figure is a `Case` naming what to measure (`CaseParams`), how
 * often, and in which unit to report it. The same plan drives our measurement (bench/ours.ts) and the
 * PyTorch counterpart (bench/torch_reference.py receives it as JSON), so the two can only be compared
 * figure by figure when they measured the same thing.
 */
import type { Summary } from "./stats.ts";

export const GROUPS = ["kernels", "certify", "train", "compile"] as const;
export type GroupName = typeof GROUPS[number];

export type Arch = "mnist_cnn" | "cifar_resnet20" | "cifar_resnet110";
/**
 * "inference": the forward pass certification runs, packed activations in and out
 * (conv2dFusedPacked: on the CPU adapter the 3x3 stride-1 layers are Winograd's, credited with the
 * direct convolution's FLOPs); "fwd": the training forward (conv2dRaw, NCHW).
 */
export type ConvPass = "fwd" | "inference" | "bwd-input" | "bwd-weight";
export type BatchNormMode = "train-forward" | "train-backward" | "eval";
export type DispatchProbe = "record" | "execute" | "readback-small" | "queue-wait" | "readback-large";

/** What one call measures. `kind` selects the implementation on both sides. */
export type CaseParams =
  | { kind: "peak_fma"; threads: number; iters: number }
  | { kind: "copy"; bytes: number }
  | { kind: "matmul"; size: number }
  | {
    kind: "conv";
    batch: number;
    cin: number;
    cout: number;
    size: number;
    kernel: number;
    stride: number;
    pass: ConvPass;
  }
  | { kind: "batchnorm"; batch: number; channels: number; size: number; mode: BatchNormMode }
  | { kind: "noise"; count: number; shape: number[]; sigma: number }
  | { kind: "softmax_average"; images: number; m: number; classes: number }
  | { kind: "votes"; rows: number; classes: number }
  | { kind: "dispatch"; probe: DispatchProbe; count: number; bytes: number }
  | { kind: "certify_rate"; arch: Arch; batch: number; batches: number; sigma: number }
  | { kind: "certify_image"; arch: Arch; n0: number; n: number; batch: number; sigma: number }
  | {
    /**
     * Seconds per image to the certified-accuracy table at `radii`: ours in the radii mode on the
     * shipped model and the first `images` test images at indices 0, skip, 2 skip, ...; PyTorch's
     * reference CERTIFY at N from its sample rate over `torchBatches` batches.
     */
    kind: "time_to_certificate";
    arch: "mnist_cnn" | "cifar_resnet20";
    radii: number[];
    n0: number;
    n: number;
    batch: number;
    sigma: number;
    images: number;
    skip: number;
    torchBatches: number;
  }
  | {
    /**
     * A start up to the first batch's votes or training step (bench/compile_probe.ts) with an empty or a filled Mesa
     * shader cache: the whole wait ("ready"), or the part in creating pipelines or in their first
     * dispatches, where lavapipe generates code.
     */
    kind: "compile";
    /** certify: to the first batch's votes; train: to the first Gaussian training step's loss */
    job: "certify" | "train";
    arch: Arch;
    batch: number;
    /** cold_ahead: an empty cache, with smoothing/compile_ahead.ts's second device (certify's and train's way) */
    cache: "cold" | "cold_ahead" | "warm";
    part: "ready" | "create" | "first_dispatch";
  }
  | { kind: "train_gaussian"; arch: Arch; batch: number; sigma: number }
  | {
    kind: "train_smoothadv";
    arch: Arch;
    /** Loader batch B: the step trains one chunk of B / m images, i.e. B noisy rows. */
    batch: number;
    m: number;
    steps: number;
    epsilon: number;
    sigma: number;
  };

export type CaseKind = CaseParams["kind"];

/** Rates (higher is better) divide work by time; times (lower is better) divide time by work. */
export const UNITS = {
  "GFLOP/s": { rate: true, scale: 1e9 },
  "GB/s": { rate: true, scale: 1e9 },
  "samples/s": { rate: true, scale: 1 },
  "images/s": { rate: true, scale: 1 },
  "s/image": { rate: false, scale: 1 },
  "us/dispatch": { rate: false, scale: 1e6 },
  "us/call": { rate: false, scale: 1e6 },
  "ms": { rate: false, scale: 1e3 },
  "s": { rate: false, scale: 1 },
} as const;
export type Unit = keyof typeof UNITS;

/** Which roofline ceiling a figure is compared with. */
export type Bound = "compute" | "memory";

interface CaseBase {
  /** Stable key, e.g. "conv/16-16-32-k3-s1/N128/fwd"; figures of different runs join on it. */
  id: string;
  /** Table the figure belongs to within its group, e.g. "matmul", "conv N128". */
  section: string;
  /** Row label. */
  name: string;
  unit: Unit;
  /**
   * Work of one call in the unit's numerator (flops, bytes, samples, images) for rates; for time
   * units the number of events one call stands for (value = call time / work).
   */
  work: number;
  bound?: Bound;
  /** Caveats worth a footnote (e.g. how seconds per image were derived). */
  note?: string;
}

export interface MeasuredCase extends CaseBase {
  params: CaseParams;
  repeats: number;
  /** Untimed calls first (pipeline compilation, buffer pool warm-up). */
  warmup: number;
  /**
   * For micro-benchmarks: calls per timed repeat are chosen so one repeat lasts about this long
   * (one queue wait costs ~10 ms here). 0 means one call per repeat.
   */
  targetMs: number;
  /** Whether bench/torch_reference.py has a counterpart. */
  torch: boolean;
}

/** A figure computed from another case's timings with a different `work` (e.g. s/image from samples/s). */
export interface DerivedCase extends CaseBase {
  derivedFrom: string;
}

export type Case = MeasuredCase | DerivedCase;

export function isDerived(c: Case): c is DerivedCase {
  return "derivedFrom" in c;
}

/** Seconds of one call: wall clock and this process's CPU time (all threads, lavapipe's included). */
export interface Sample {
  wallS: number;
  cpuS: number;
}

export interface TorchFigure {
  value: Summary;
  cpu: Summary;
  /** Our speed over PyTorch's (rates: ours / theirs; times: theirs / ours), > 1 when we are faster. */
  speedup: number;
  /** The same from per-CPU-time rates, which discount other processes sharing the cores. */
  cpuSpeedup: number;
}

export interface Figure {
  id: string;
  section: string;
  name: string;
  unit: Unit;
  work: number;
  value: Summary;
  /** The rate per process CPU time spread over the cores: what the work reaches with the machine to itself. */
  cpu: Summary;
  bound?: Bound;
  /** Median value over the median roofline ceiling (FMA peak or copy bandwidth). */
  peakFraction?: number;
  /** Absent when PyTorch has no counterpart; null when it was not run. */
  torch?: TorchFigure | null;
  note?: string;
}

export interface KernelShare {
  /** A `.wgsl` family ("conv2d") or a `family:entry` kernel label. */
  name: string;
  dispatches: number;
  ms: number;
  share: number;
}

/** GPU time per kernel family of one profiled certification batch. */
export interface Profile {
  arch: Arch;
  batch: number;
  totalMs: number;
  families: KernelShare[];
  kernels: KernelShare[];
}

export interface TorchInfo {
  available: boolean;
  /** Why not (missing python, torch not importable) or what failed. */
  reason?: string;
  python?: string;
  version?: string;
  /** torch.set_num_threads (default: the core count). */
  threads?: number;
  /** OMP_WAIT_POLICY of the torch process (bench/torch.ts explains the PASSIVE default). */
  ompWaitPolicy?: string;
  /** Build facts that decide its CPU speed, e.g. "BLAS_INFO=generic (reference BLAS for matmul), oneDNN on". */
  build?: string;
}

export interface AdapterInfo {
  description: string;
  backend: string;
  software: boolean;
  f16: boolean;
  /** The software adapter's thread count and who chose it (`LP_NUM_THREADS=8 (engine)`); absent in older files. */
  threads?: string;
}

export interface BenchFile {
  schema: 1;
  group: GroupName;
  /** The command line that produced the file. */
  command: string;
  quick: boolean;
  /** ISO date and time at the start of the group. */
  date: string;
  deno: { deno: string; v8: string; typescript: string };
  host: { os: string; arch: string; cores: number; memoryGiB: number; loadAverage: number[] };
  adapter: AdapterInfo;
  torch: TorchInfo;
  /** Ceilings measured in the same run (every group file carries them, for the peak fractions). */
  roofline: Figure[];
  figures: Figure[];
  profiles: Profile[];
  /** Wall time of the group (ours and PyTorch's), seconds. */
  wallSeconds: number;
}
