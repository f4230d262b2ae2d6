/** What several commands share: opening the engine, the evaluation data and the model. */
import { type Engine, initEngine, Tensor } from "../engine/mod.ts";
import { readWeights } from "../nn/checkpoint/load.ts";
import { splitOptimizer } from "../nn/checkpoint/model_io.ts";
import { loadCifar10 } from "../nn/data/cifar10.ts";
import type { ImageDataset } from "../nn/data/dataset.ts";
import { loadEvalImage, scanImageFolder } from "../nn/data/imagenet.ts";
import { U8_TO_UNIT } from "../nn/data/loader.ts";
import { loadMnist } from "../nn/data/mnist.ts";
import { Conv2d, Linear, type NormalizeMode, type Precision } from "../nn/layers.ts";
import { type Arch, ARCH_INFO, buildModel, parseArch } from "../nn/models.ts";
import type { Module } from "../nn/module.ts";
import { OutputLockedError } from "../smoothing/output_lock.ts";
import {
  openRunOutput,
  RunMismatchError,
  type RunOutput,
  type RunRecord,
  sha256Hex,
} from "../smoothing/run_record.ts";
import { parseShardText, selectIndices, type Shard } from "../smoothing/selection.ts";
import { atInterrupt, UsageError, valueFlag } from "./args.ts";

export const DATASETS = ["mnist", "cifar10", "imagenet"] as const;
export type DatasetName = typeof DATASETS[number];

export const DEFAULT_ARCH: Record<DatasetName, Arch> = {
  mnist: "mnist_cnn",
  cifar10: "cifar_resnet110",
  imagenet: "imagenet_resnet50",
};

export const DEFAULT_CIFAR_DIR = "data/cifar-10-batches-bin";

export const ADAPTER_CHOICES = ["auto", "software", "hardware"] as const;
export type AdapterFlag = typeof ADAPTER_CHOICES[number];

/** --adapter; when absent, SMOOTHCERT_ADAPTER decides (else auto). */
export const adapterFlag = valueFlag<AdapterFlag>(
  "WebGPU adapter: auto (high-performance), software (Mesa lavapipe/llvmpipe), hardware",
  (text, flag) => {
    if (!(ADAPTER_CHOICES as readonly string[]).includes(text)) {
      throw new UsageError(`${flag} must be one of ${ADAPTER_CHOICES.join(", ")}, got "${text}"`);
    }
    return text as AdapterFlag;
  },
  { valueName: ADAPTER_CHOICES.join("|"), defaultText: "$SMOOTHCERT_ADAPTER, else auto" },
);

export const NORMALIZE_CHOICES = ["default", "full", "mean", "none"] as const;

/** "default" defers to the architecture's reference normalisation. */
export function normalizeMode(choice: typeof NORMALIZE_CHOICES[number]): NormalizeMode | undefined {
  return choice === "default" ? undefined : choice;
}

/** Open the GPU and say which adapter and backend are in use. */
export async function openEngine(
  adapter: AdapterFlag | undefined,
  log: (s: string) => void,
): Promise<Engine> {
  const e = await initEngine({ adapter });
  log(`adapter: ${e.gpu.describe()}\n`);
  return e;
}

/** Images to evaluate, addressed by their index in the full split. */
export interface EvalSource {
  readonly count: number;
  readonly shape: readonly [number, number, number];
  readonly classes: number;
  label(i: number): number;
  /** The image as float32 CHW in [0, 1]. */
  image(i: number): Promise<Float32Array>;
  /** What identifies the data: SHA-256 of the images and labels (or of the file list, for folders). */
  identity(): Promise<string>;
}

function fromDataset(ds: ImageDataset, classes: number): EvalSource {
  const per = ds.shape[0] * ds.shape[1] * ds.shape[2];
  return {
    count: ds.count,
    shape: ds.shape,
    classes,
    label: (i) => ds.labels[i],
    image: (i) =>
      Promise.resolve(Float32Array.from(ds.images.subarray(i * per, (i + 1) * per), (v) => U8_TO_UNIT[v])),
    identity: async () => {
      const both = new Uint8Array(ds.images.length + ds.labels.length);
      both.set(ds.images);
      both.set(ds.labels, ds.images.length);
      return `sha256:${await sha256Hex(both)}`;
    },
  };
}

export async function openEvalSource(
  dataset: DatasetName,
  split: "train" | "test",
  dataDir: string | undefined,
): Promise<EvalSource> {
  switch (dataset) {
    case "mnist":
      return fromDataset(await loadMnist(split, dataDir), 10);
    case "cifar10":
      return fromDataset(await loadCifar10(dataDir ?? DEFAULT_CIFAR_DIR, split), 10);
    case "imagenet": {
      if (!dataDir) {
        throw new UsageError(
          "--data-dir is required for imagenet (a folder with train/ and val/ class folders)",
        );
      }
      const folder = await scanImageFolder(`${dataDir}/${split === "test" ? "val" : "train"}`);
      return {
        count: folder.samples.length,
        shape: [3, 224, 224],
        classes: folder.classes.length,
        label: (i) => folder.samples[i].label,
        image: (i) => loadEvalImage(folder.samples[i].path),
        // the class folders and file names in order (decoding 50,000 JPEGs to hash them would take minutes)
        identity: async () => {
          const list = folder.samples.map((x) => `${x.label}\t${x.path.slice(dataDir.length)}`).join("\n");
          return `files-sha256:${await sha256Hex(new TextEncoder().encode(list))}`;
        },
      };
    }
  }
}

export interface ModelSpec {
  /** The architecture asked for (--arch); when absent, the checkpoint's own `arch` metadata decides. */
  arch?: Arch;
  /** Used when neither --arch nor the checkpoint names an architecture (the dataset's default). */
  fallbackArch: Arch;
  normalize?: NormalizeMode;
  checkpoint: string;
  precision: Precision;
}

/**
 * The architecture to build: --arch if given (it must agree with the checkpoint's `arch` metadata when
 * that names a known architecture), else the checkpoint's metadata, else the fallback.
 */
export function resolveArch(
  asked: Arch | undefined,
  metadata: Readonly<Record<string, string>>,
  spec: { fallbackArch: Arch; checkpoint: string },
): Arch {
  let recorded: Arch | undefined;
  try {
    if (metadata.arch !== undefined) recorded = parseArch(metadata.arch);
  } catch {
    recorded = undefined; // a name we do not know: strict loading reports any mismatch of the weights
  }
  if (asked && recorded && asked !== recorded) {
    throw new UsageError(
      `--arch ${asked}, but ${spec.checkpoint} holds a ${recorded} (its "arch" metadata); ` +
        `pass --arch ${recorded} or leave --arch out`,
    );
  }
  return asked ?? recorded ?? spec.fallbackArch;
}

/** What a checkpoint says about itself beyond its weights. */
export interface CheckpointFacts {
  /** SHA-256 of the file's bytes: the checkpoint's identity, whatever path names it. */
  sha256: string;
  /** The training noise level it records (`deno task train` checkpoints), if any. */
  noiseSd: number | null;
}

/** The noise level in a `deno task train` checkpoint's config metadata, or null. */
function recordedNoiseSd(metadata: Readonly<Record<string, string>>): number | null {
  try {
    const sd = JSON.parse(metadata.config ?? "null")?.noiseSd;
    return typeof sd === "number" && sd > 0 && Number.isFinite(sd) ? sd : null;
  } catch {
    return null;
  }
}

/**
 * Build the architecture, load the weights strictly, switch to eval mode and the requested precision.
 * A checkpoint written by `deno task train` also supplies its architecture and input normalisation.
 */
export async function openModel(
  spec: ModelSpec,
  e: Engine,
): Promise<{ model: Module; arch: Arch; checkpoint: CheckpointFacts }> {
  const bytes = await Deno.readFile(spec.checkpoint);
  const weights = readWeights(bytes, spec.checkpoint);
  const arch = resolveArch(spec.arch, weights.metadata, spec);
  const trained = weights.metadata.normalize;
  const recordedNormalize = trained === "full" || trained === "mean" || trained === "none"
    ? trained
    : undefined;
  const normalize = spec.normalize ?? recordedNormalize ?? ARCH_INFO[arch].defaultNormalize;
  const model = buildModel(arch, { normalize });
  model.loadStateDict(splitOptimizer(weights).model, spec.checkpoint);
  model.eval();
  if (spec.precision === "f16") {
    if (!e.f16) throw new UsageError("--precision f16 needs an adapter with shader-f16; this one has none");
    for (const [, m] of model.modules()) if (m instanceof Conv2d || m instanceof Linear) m.precision = "f16";
  }
  return {
    model,
    arch,
    checkpoint: { sha256: await sha256Hex(bytes), noiseSd: recordedNoiseSd(weights.metadata) },
  };
}

/** Upload one image as a [C,H,W] tensor (kept until disposed). */
export function imageTensor(data: Float32Array, shape: readonly number[]): Tensor {
  return Tensor.from(data, shape, "f32", "image").keep();
}

/** "K/N" with 0 <= K < N. */
export function parseShard(text: string | undefined): Shard {
  if (text === undefined) return { k: 0, n: 1 };
  const shard = parseShardText(text);
  if (shard === null) {
    throw new UsageError(
      /^\s*\d+\/\d+\s*$/.test(text)
        ? `--shard ${text}: need 0 <= K < N`
        : `--shard must look like K/N (e.g. 0/4), got "${text}"`,
    );
  }
  return shard;
}

/** The flags certify and predict share for choosing the model and the images. */
export interface EvaluationFlags {
  dataset: DatasetName;
  split: "train" | "test";
  "data-dir"?: string;
  arch?: string;
  normalize: typeof NORMALIZE_CHOICES[number];
  checkpoint: string;
  precision: Precision;
  adapter: AdapterFlag | undefined;
  skip: number;
  max: number;
  shard?: string;
}

/** Open the engine, the images and the model; select the image indices of this run (and shard). */
export async function openEvaluation(v: EvaluationFlags, log: (s: string) => void) {
  const asked = v.arch === undefined ? undefined : parseArch(v.arch);
  const shard = parseShard(v.shard);
  const e = await openEngine(v.adapter, log);
  const source = await openEvalSource(v.dataset, v.split, v["data-dir"]);
  const { model, arch, checkpoint } = await openModel({
    arch: asked,
    fallbackArch: DEFAULT_ARCH[v.dataset],
    normalize: normalizeMode(v.normalize),
    checkpoint: v.checkpoint,
    precision: v.precision,
  }, e);
  if (ARCH_INFO[arch].dataset !== v.dataset) {
    throw new UsageError(
      `${v.checkpoint} is a ${arch} model (for ${ARCH_INFO[arch].dataset}), but --dataset is ${v.dataset}`,
    );
  }
  return {
    arch,
    shard,
    engine: e,
    source,
    model,
    checkpoint,
    indices: selectIndices(source.count, v.skip, v.max, shard),
  };
}

type Evaluation = Awaited<ReturnType<typeof openEvaluation>>;

/**
 * What identifies the rows of an evaluation log, whatever the mode: the data (by content), the model
 * (by content; the path is informational), how it is read, and which images.
 */
export async function evaluationRecord(
  v: EvaluationFlags & { seed: number },
  ev: Evaluation,
  sigma: number,
): Promise<RunRecord> {
  return {
    dataset: v.dataset,
    split: v.split,
    data: await ev.source.identity(),
    images: ev.source.count,
    checkpointPath: v.checkpoint,
    checkpointSha256: ev.checkpoint.sha256,
    arch: ev.arch,
    normalize: v.normalize,
    precision: v.precision,
    sigma,
    seed: v.seed,
    skip: v.skip,
    max: v.max,
    shard: `${ev.shard.k}/${ev.shard.n}`,
  };
}

/**
 * Opens a log for a run (lock, parameter record, writer; see smoothing/run_record.ts), turning a
 * foreign log or a held lock into a usage error, and releasing the lock if the user interrupts.
 * --max may grow between runs (the run is extended to more images).
 */
export async function openLogOutput<W extends { close(): void }>(
  out: string,
  record: RunRecord,
  open: () => W,
): Promise<RunOutput<W>> {
  let output: RunOutput<W>;
  try {
    output = await openRunOutput(out, record, open, { growable: ["max"] });
  } catch (e) {
    throw e instanceof RunMismatchError || e instanceof OutputLockedError ? new UsageError(e.message) : e;
  }
  atInterrupt(() => output.lock.release());
  return output;
}

/** The noise level: --sigma, else the one the checkpoint was trained with (said on stderr). */
export function resolveSigma(
  given: number | undefined,
  ev: Evaluation,
  checkpoint: string,
  log: (s: string) => void,
): number {
  if (given !== undefined) return given;
  const recorded = ev.checkpoint.noiseSd;
  if (recorded === null) {
    throw new UsageError(
      `--sigma is required: ${checkpoint} does not record the noise level it was trained for`,
    );
  }
  log(`sigma = ${recorded}: the noise level ${checkpoint} was trained with\n`);
  return recorded;
}

/**
 * A library parameter error as a usage error naming the flags: each parameter name of the message
 * (a whole word) becomes its flag, e.g. "n0 (500) must not exceed N (100)" -> "--N0 (500) must not
 * exceed --N (100)". Other errors pass through.
 */
export function parameterError(error: unknown, flags: Readonly<Record<string, string>>): unknown {
  if (!(error instanceof RangeError)) return error;
  const names = Object.keys(flags).sort((a, b) => b.length - a.length).map((n) =>
    n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
  );
  const pattern = new RegExp(`(?<![\\w-])(${names.join("|")})(?![\\w-])`, "g");
  return new UsageError(error.message.replace(pattern, (name) => flags[name]));
}

/** Create the directory a file will be written to. */
export function ensureParentDir(path: string): void {
  const slash = path.lastIndexOf("/");
  if (slash > 0) Deno.mkdirSync(path.slice(0, slash), { recursive: true });
}
