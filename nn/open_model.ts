/**
 * A model from the bytes of a weights file (safetensors, or the reference's `checkpoint.pth.tar`),
 * built, loaded strictly and switched to evaluation. The architecture, the input normalisation and
 * the training noise level come from the file's metadata where it records them (`deno task train`
 * records all three; the reference's checkpoints name the architecture), unless the caller asks for
 * others. The commands read the file and pass its bytes; the browser page passes a download's or a
 * dropped file's.
 */
import { engine } from "../engine/mod.ts";
import { readWeights } from "./checkpoint/load.ts";
import { splitOptimizer } from "./checkpoint/model_io.ts";
import { Conv2d, Linear, type NormalizeMode, type Precision } from "./layers.ts";
import { type Arch, ARCH_INFO, type ArchInfo, ARCHS, buildModel, parseArch } from "./models.ts";
import type { Module } from "./module.ts";
import { ParameterError } from "./parameter_error.ts";
import { sha256Hex } from "./sha256.ts";

export interface ModelRequest {
  /** The architecture to build; when absent, the checkpoint's `arch` metadata decides. */
  arch?: Arch;
  /** Used when neither `arch` nor the checkpoint names an architecture. */
  fallbackArch?: Arch;
  /** Default: what the checkpoint records, else the architecture's reference choice. */
  normalize?: NormalizeMode;
  /** Default f32; f16 needs an adapter with shader-f16. */
  precision?: Precision;
}

export interface OpenedModel {
  model: Module;
  arch: Arch;
  /** Input shape, classes and dataset of the architecture. */
  info: ArchInfo;
  normalize: NormalizeMode;
  /** SHA-256 of the file's bytes: the checkpoint's identity, whatever name it goes by. */
  sha256: string;
  /** The training noise level the checkpoint records (`deno task train` checkpoints), or null. */
  noiseSd: number | null;
  /** Everything the file says about itself (safetensors metadata; arch and epoch of a .pth.tar). */
  metadata: Readonly<Record<string, string>>;
  /** What the caller should tell the user about how the model will run (one sentence each). */
  notes: string[];
}

/**
 * Said when f16 is asked for on a software adapter: there it runs about half as fast as f32 (Mesa's
 * lavapipe, README "Certification": the Winograd and packed inference kernels are f32 only, and f16 runs
 * the direct kernel layer by layer), so it buys f16 numerics, not speed.
 */
export const F16_ON_SOFTWARE_NOTE = "precision f16 runs about half as fast as f32 on this software adapter " +
  "(its fastest convolution kernels are f32 only): it gives f16 numerics, not speed";

/**
 * The architecture to build: `asked` if given (it must agree with the checkpoint's `arch` metadata
 * when that names a known architecture), else the checkpoint's metadata, else the fallback.
 */
export function resolveArch(
  asked: Arch | undefined,
  metadata: Readonly<Record<string, string>>,
  spec: { fallbackArch?: Arch; checkpoint: string },
): Arch {
  let recorded: Arch | undefined;
  try {
    if (metadata.arch !== undefined) recorded = parseArch(metadata.arch);
  } catch {
    recorded = undefined; // a name we do not know: strict loading reports any mismatch of the weights
  }
  if (asked && recorded && asked !== recorded) {
    throw new ParameterError((p) =>
      `${p("arch")} ${asked}, but ${spec.checkpoint} holds a ${recorded} (its "arch" metadata); ` +
      `pass ${p("arch")} ${recorded} or leave ${p("arch")} out`
    );
  }
  const arch = asked ?? recorded ?? spec.fallbackArch;
  if (arch === undefined) {
    throw new ParameterError((p) =>
      `${spec.checkpoint} does not say which architecture it holds (no "arch" metadata); give ${p("arch")} ` +
      `(${ARCHS.join(", ")})`
    );
  }
  return arch;
}

/** The normalisation a `deno task train` checkpoint records, if any. */
function recordedNormalize(metadata: Readonly<Record<string, string>>): NormalizeMode | undefined {
  const n = metadata.normalize;
  return n === "full" || n === "mean" || n === "none" ? n : undefined;
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
 * Opens the model held by `bytes`; `name` (a path or a file name) labels the errors. Needs the engine
 * (`initEngine`): the weights go to the GPU. A file that is not a model, or whose weights do not fit
 * the architecture, is an error naming it, and nothing stays allocated.
 */
export async function openModel(
  bytes: Uint8Array,
  name: string,
  request: ModelRequest = {},
): Promise<OpenedModel> {
  const weights = readWeights(bytes, name);
  const arch = resolveArch(request.arch, weights.metadata, {
    fallbackArch: request.fallbackArch,
    checkpoint: name,
  });
  const normalize = request.normalize ?? recordedNormalize(weights.metadata) ??
    ARCH_INFO[arch].defaultNormalize;
  const model = buildModel(arch, { normalize });
  const notes: string[] = [];
  try {
    model.loadStateDict(splitOptimizer(weights).model, name);
    model.eval();
    if (request.precision === "f16") {
      if (!engine().f16) {
        throw new ParameterError((p) =>
          `${p("precision")} f16 needs an adapter with shader-f16; this one has none`
        );
      }
      for (const [, m] of model.modules()) {
        if (m instanceof Conv2d || m instanceof Linear) m.precision = "f16";
      }
      if (engine().software) notes.push(F16_ON_SOFTWARE_NOTE);
    }
  } catch (e) {
    model.dispose();
    throw e;
  }
  return {
    model,
    arch,
    info: ARCH_INFO[arch],
    normalize,
    sha256: await sha256Hex(bytes),
    noiseSd: recordedNoiseSd(weights.metadata),
    metadata: weights.metadata,
    notes,
  };
}
