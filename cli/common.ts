/**
 * What several commands share: the flags that choose the adapter, the model and the images, opening
 * the engine (and saying which adapter is in use), opening a log for writing, and the library's
 * parameter errors as usage errors that name the flags.
 */
import {
  type CompileTrace,
  type Engine,
  engine,
  type EngineOptions,
  formatCompileCosts,
  initEngine,
} from "../engine/mod.ts";
import type { DatasetName } from "../nn/data/eval_source.ts";
import type { NormalizeMode, Precision } from "../nn/layers.ts";
import { type Arch, parseArch } from "../nn/models.ts";
import { resolveArch as resolveArchFromMetadata } from "../nn/open_model.ts";
import { ParameterError } from "../nn/parameter_error.ts";
import { type CompileAhead, type CompileAheadReport, startCompileAhead } from "../smoothing/compile_ahead.ts";
import {
  type Evaluation,
  evaluationRecord as libraryEvaluationRecord,
  evaluationSigma,
  type EvaluationSpec,
  modelRequest,
  openEvaluation as openLibraryEvaluation,
} from "../smoothing/evaluation.ts";
import type { EmpiricalAttackOptions } from "../smoothing/empirical.ts";
import { OutputLockedError } from "../smoothing/output_lock.ts";
import { openRunOutput, RunMismatchError, type RunOutput, type RunRecord } from "../smoothing/run_record.ts";
import { parseShardText, type Shard } from "../smoothing/selection.ts";
import { atInterrupt, UsageError, valueFlag } from "./args.ts";

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

/** --normalize's help text (certify, predict, train). */
export const NORMALIZE_HELP =
  "input normalisation inside the model: the architecture's reference choice, (x - mean) / std, x - mean, or none";

/** "default" defers to the architecture's reference normalisation. */
export function normalizeMode(choice: typeof NORMALIZE_CHOICES[number]): NormalizeMode | undefined {
  return choice === "default" ? undefined : choice;
}

/** Open the GPU and say which adapter and backend are in use. */
export async function openEngine(
  adapter: AdapterFlag | undefined,
  log: (s: string) => void,
  options: Omit<EngineOptions, "adapter"> = {},
): Promise<Engine> {
  const e = await initEngine({ ...options, adapter });
  log(`adapter: ${e.gpu.describe()}\n`);
  return e;
}

/** The --verbose report: from now on, trace what each new kernel pipeline costs (null: not asked). */
export function startCompileTrace(verbose: boolean): CompileTrace | null {
  return verbose ? engine().traceCompiles() : null;
}

/**
 * Build the run's kernels on a second core as well, where the adapter compiles at first dispatch
 * (smoothing/compile_ahead.ts); null where it cannot help.
 */
export function startCompileAheadFor(
  ev: Evaluation & { spec: EvaluationSpec },
  run: { batch: number; sigma: number; attack?: EmpiricalAttackOptions },
): Promise<CompileAhead | null> {
  return startCompileAhead({
    kind: "votes",
    checkpoint: ev.spec.checkpoint,
    model: modelRequest(ev.spec),
    ...run,
  });
}

/** End the worker of `startCompileAheadFor`; with --verbose, say what it did. */
export async function endCompileAhead(
  ahead: CompileAhead | null,
  verbose: boolean,
  log: (s: string) => void,
): Promise<void> {
  if (!ahead) return;
  const r = await ahead.close();
  if (verbose) log(formatCompileAhead(r));
}

/** The --verbose line on what a compile-ahead worker did (null: it failed or was cut short). */
export function formatCompileAhead(r: CompileAheadReport | null): string {
  if (!r) return "compile ahead: the second device did not finish (stopped or failed)\n";
  let line = `compile ahead: a second device dispatched ${r.pipelines.length} pipeline(s), last first, in ${
    r.seconds.toFixed(1)
  } s: ${r.pipelines.join(", ")}`;
  if (r.deferred && r.deferred.pipelines.length > 0) {
    line += `; then the 16-channel layers' faster form (${r.deferred.pipelines.length} pipeline(s): ${
      r.deferred.pipelines.join(", ")
    }), which the run took from ${r.deferred.seconds.toFixed(1)} s on`;
  } else if (r.deferred === null) {
    line += "; the run ended before the 16-channel layers' faster form was built, and kept the loop form";
  }
  return line + "\n";
}

/** Print the pipelines a traced run built, costliest first. */
export async function reportCompileTrace(
  trace: CompileTrace | null,
  log: (s: string) => void,
): Promise<void> {
  if (trace) log(formatCompileCosts(await trace.costs()));
}

/** The library's names of the evaluation parameters, as flags. */
export const EVALUATION_FLAG_NAMES: Readonly<Record<string, string>> = {
  arch: "--arch",
  checkpoint: "--checkpoint",
  dataset: "--dataset",
  dataDir: "--data-dir",
  normalize: "--normalize",
  precision: "--precision",
  sigma: "--sigma",
};

/**
 * The architecture to build: --arch if given (it must agree with the checkpoint's `arch` metadata when
 * that names a known architecture), else the checkpoint's metadata, else the fallback.
 */
export function resolveArch(
  asked: Arch | undefined,
  metadata: Readonly<Record<string, string>>,
  spec: { fallbackArch: Arch; checkpoint: string },
): Arch {
  return withFlagNames(EVALUATION_FLAG_NAMES, () => resolveArchFromMetadata(asked, metadata, spec));
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

/** The library's description of an evaluation, from the flags. */
export function evaluationSpec(v: EvaluationFlags): EvaluationSpec {
  return {
    dataset: v.dataset,
    split: v.split,
    dataDir: v["data-dir"],
    checkpoint: v.checkpoint,
    arch: v.arch === undefined ? undefined : parseArch(v.arch),
    normalize: normalizeMode(v.normalize),
    precision: v.precision,
    skip: v.skip,
    max: v.max,
    shard: parseShard(v.shard),
  };
}

/** Open the engine, the images and the model; select the image indices of this run (and shard). */
export async function openEvaluation(
  v: EvaluationFlags,
  log: (s: string) => void,
  engineOptions: Omit<EngineOptions, "adapter"> = {},
): Promise<Evaluation & { spec: EvaluationSpec }> {
  const spec = evaluationSpec(v);
  await openEngine(v.adapter, log, engineOptions);
  const ev = await withFlagNamesAsync(EVALUATION_FLAG_NAMES, () => openLibraryEvaluation(spec));
  for (const note of ev.notes) log(`note: ${note}\n`);
  return { ...ev, spec };
}

/** What identifies the rows of an evaluation log (smoothing/evaluation.ts). */
export function evaluationRecord(
  ev: Evaluation & { spec: EvaluationSpec },
  run: { sigma: number; seed: number },
): Promise<RunRecord> {
  return libraryEvaluationRecord(ev.spec, ev, run);
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
  const { sigma, recorded } = withFlagNames(
    EVALUATION_FLAG_NAMES,
    () => evaluationSigma(given, ev, checkpoint),
  );
  if (recorded) log(`sigma = ${sigma}: the noise level ${checkpoint} was trained with\n`);
  return sigma;
}

/**
 * A library parameter error as a usage error naming the flags: a ParameterError is rendered with the
 * flags' names; in any other RangeError each parameter name of the message (a whole word) becomes its
 * flag, e.g. "n0 (500) must not exceed N (100)" -> "--N0 (500) must not exceed --N (100)". Other
 * errors pass through.
 */
export function parameterError(error: unknown, flags: Readonly<Record<string, string>>): unknown {
  if (error instanceof ParameterError) return new UsageError(error.renamed(flags));
  if (!(error instanceof RangeError)) return error;
  const names = Object.keys(flags).sort((a, b) => b.length - a.length).map((n) =>
    n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
  );
  const pattern = new RegExp(`(?<![\\w-])(${names.join("|")})(?![\\w-])`, "g");
  return new UsageError(error.message.replace(pattern, (name) => flags[name]));
}

/** `fn()`, with the library's ParameterErrors as usage errors naming the flags (other errors pass). */
export function withFlagNames<T>(flags: Readonly<Record<string, string>>, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw e instanceof ParameterError ? new UsageError(e.renamed(flags)) : e;
  }
}

/** withFlagNames for asynchronous work. */
export async function withFlagNamesAsync<T>(
  flags: Readonly<Record<string, string>>,
  fn: () => Promise<T>,
): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw e instanceof ParameterError ? new UsageError(e.renamed(flags)) : e;
  }
}
