/**
 * The library: what the commands and the browser page share. Open the GPU engine, open a model from the
 * bytes of a weights file (safetensors or the reference's `.pth.tar`; architecture, normalisation and
 * noise level from its metadata), turn a PNG or JPEG into the model's input, and run CERTIFY or PREDICT
 * of the smoothed classifier on one image with progress and cancellation. Nothing here needs Deno:
 * `deno task bundle` builds this module for browsers (web/dist/smoothcert.js); file access stays with
 * the commands, which read files and pass their bytes.
 */
export {
  type Engine,
  engine,
  GpuError,
  type GpuInfo,
  type GpuOptions,
  initEngine,
  NO_ADAPTER_MESSAGE,
  shutdownEngine,
} from "../engine/mod.ts";
export { CheckpointError } from "../nn/checkpoint/host_tensor.ts";
export { className } from "../nn/data/classes.ts";
export { DataError } from "../nn/data/dataset.ts";
export { type ImageInput, imageInput, type ImageInputOptions } from "../nn/data/image_input.ts";
export type { NormalizeMode } from "../nn/layers.ts";
export { type Arch, ARCH_INFO, type ArchInfo, ARCHS, parseArch } from "../nn/models.ts";
export type { Module } from "../nn/module.ts";
export { type ModelRequest, type OpenedModel, openModel, resolveArch } from "../nn/open_model.ts";
export { ParameterError } from "../nn/parameter_error.ts";
export {
  ABSTAIN,
  type Certificate,
  type CertifyMode,
  type CertifyOptions,
  DEFAULT_TOLERANCE_SIGMAS,
  type ImageRunControl,
  type Prediction,
  type PredictOptions,
  type RoundReport,
  validateCertifyOptions,
  validatePredictOptions,
} from "./certify.ts";
export type { ExampleOptions, NoisyExamples } from "./examples.ts";
export { SmoothedClassifier } from "./smoothed_classifier.ts";
