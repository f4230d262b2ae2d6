/**
 * Model weights from any supported file: safetensors, or a PyTorch checkpoint (zip or legacy),
 * recognised by content rather than by extension.
 */
import { ParameterError } from "../parameter_error.ts";
import { assertFiniteWeights } from "./finite.ts";
import { CheckpointError, type HostTensor } from "./host_tensor.ts";
import { detectTorchFormat, readTorchCheckpoint } from "./pytorch.ts";
import { readSafetensors } from "./safetensors.ts";

export interface Weights {
  tensors: Map<string, HostTensor>;
  /**
   * safetensors: the file's metadata. PyTorch: arch and epoch when the checkpoint has them.
   * Both: source_format ("safetensors", "pytorch-zip" or "pytorch-legacy").
   */
  metadata: Record<string, string>;
}

/**
 * Safetensors by name, or by content: after the 8-byte header length its JSON header opens with "{"
 * (or, malformed, "["), so the safetensors parser's detailed errors apply.
 */
function looksLikeSafetensors(bytes: Uint8Array, file: string): boolean {
  return file.endsWith(".safetensors") || (bytes.length > 8 && (bytes[8] === 0x7b || bytes[8] === 0x5b));
}

/** Parses weights held in memory; `file` labels the errors. */
export function readWeights(bytes: Uint8Array, file: string, { allowNonFinite = false } = {}): Weights {
  const format = detectTorchFormat(bytes);
  let weights: Weights;
  if (!format && !looksLikeSafetensors(bytes, file)) {
    throw new CheckpointError(
      `${file} is not a model file this tool reads: not safetensors (an 8-byte header length, then a JSON ` +
        "header) and not a PyTorch checkpoint (a zip archive, or a legacy torch.save file)" +
        (bytes[0] === 0x80
          ? "; it holds a bare pickle, which is not how torch.save writes a checkpoint"
          : `; its first bytes are ${
            [...bytes.subarray(0, 8)].map((b) => b.toString(16).padStart(2, "0")).join(" ")
          }`),
    );
  }
  if (!format) {
    const st = readSafetensors(bytes, file);
    weights = { tensors: st.tensors, metadata: { ...st.metadata, source_format: "safetensors" } };
  } else {
    const ck = readTorchCheckpoint(bytes, file);
    const metadata: Record<string, string> = {};
    if (typeof ck.extra.arch === "string") metadata.arch = ck.extra.arch;
    if (typeof ck.extra.epoch === "number" || typeof ck.extra.epoch === "bigint") {
      metadata.epoch = String(ck.extra.epoch);
    }
    metadata.source_format = `pytorch-${format}`;
    weights = { tensors: ck.stateDict, metadata };
  }
  if (!allowNonFinite) assertFiniteWeights(weights.tensors, file);
  return weights;
}

/**
 * The bytes of a weights file given as `parameter`: a file that is missing, a directory or unreadable is a
 * ParameterError naming the parameter and the path, not the runtime's "os error".
 */
export async function readWeightsFile(path: string, parameter = "checkpoint"): Promise<Uint8Array> {
  try {
    return await Deno.readFile(path);
  } catch (e) {
    const why = e instanceof Deno.errors.NotFound
      ? "no such file"
      : e instanceof Deno.errors.IsADirectory
      ? "a directory, not a weights file (safetensors or checkpoint.pth.tar)"
      : e instanceof Deno.errors.PermissionDenied
      ? "not readable (permission denied)"
      : null;
    if (why === null) throw e;
    throw new ParameterError((p) => `${p(parameter)} ${path}: ${why}`);
  }
}

/** Loads model weights (refusing NaN/Inf unless `allowNonFinite`); `parameter` names the path in errors. */
export async function loadWeightsFile(
  path: string,
  options: { allowNonFinite?: boolean; parameter?: string } = {},
): Promise<Weights> {
  return readWeights(await readWeightsFile(path, options.parameter), path, options);
}
