/**
 * Import of PyTorch checkpoints as the reference code saves them (`checkpoint.pth.tar`: a dict with
 * `state_dict`, `arch`, `epoch`, `optimizer`), in the zip format (PyTorch >= 1.6) and the legacy one.
 * No Python object is ever constructed: see pickle.ts for the allow-list.
 */
import { CheckpointError, type HostTensor } from "./host_tensor.ts";
import { PyDict, PyGlobal, PyObject, PyTuple, pyTypeName, type PyValue } from "./pickle.ts";
import { readTorchLegacy } from "./torch_legacy.ts";
import { materialize, TorchTensor } from "./torch_tensors.ts";
import { readTorchZip } from "./torch_zip.ts";

export interface TorchCheckpoint {
  /** The model's tensors in checkpoint order (F16/BF16 widened to F32, int64 kept exact). */
  stateDict: Map<string, HostTensor>;
  /** The other top-level entries (epoch, arch, optimizer, ...) as plain values; tensors as HostTensor. */
  extra: Record<string, unknown>;
}

export type TorchFormat = "zip" | "legacy";

/** Which `torch.save` container `bytes` is, from its first bytes; null if neither. */
export function detectTorchFormat(bytes: Uint8Array): TorchFormat | null {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return "zip";
  }
  // Legacy files open with the pickled magic number: PROTO 2, LONG1 of 10 bytes.
  if (bytes.length >= 4 && bytes[0] === 0x80 && bytes[2] === 0x8a && bytes[3] === 0x0a) return "legacy";
  return null;
}

/** Parses a checkpoint held in memory; `file` labels the errors. */
export function readTorchCheckpoint(bytes: Uint8Array, file: string): TorchCheckpoint {
  const format = detectTorchFormat(bytes);
  if (!format) {
    const tar = bytes.length > 262 && new TextDecoder().decode(bytes.subarray(257, 262)) === "ustar";
    throw new CheckpointError(
      tar
        ? `${file}: tar-format checkpoints (PyTorch 0.1-0.3) are not supported; re-save with a newer PyTorch`
        : `${file}: not a PyTorch checkpoint (expected a zip archive or a legacy pickle, found first bytes ${
          hex(bytes.subarray(0, 4))
        })`,
    );
  }
  const root = format === "zip" ? readTorchZip(bytes, file) : readTorchLegacy(bytes, file);
  return splitCheckpoint(root, file);
}

export async function loadTorchCheckpoint(path: string): Promise<TorchCheckpoint> {
  return readTorchCheckpoint(await Deno.readFile(path), path);
}

/** Separates the state dict from the rest: a `state_dict` entry, or a top-level dict of tensors. */
function splitCheckpoint(root: PyValue, file: string): TorchCheckpoint {
  if (!(root instanceof PyDict)) {
    throw new CheckpointError(`${file}: checkpoint must be a dict, found ${pyTypeName(root)}`);
  }
  const sd = root.map.get("state_dict");
  const bare = sd === undefined && root.map.size > 0 &&
    [...root.map.values()].every((v) => v instanceof TorchTensor);
  if (sd === undefined && !bare) {
    throw new CheckpointError(
      `${file}: no "state_dict" entry and the top level is not a dict of tensors (keys: ${
        [...root.map.keys()].map(String).join(", ")
      })`,
    );
  }
  const source = bare ? root : sd;
  if (!(source instanceof PyDict)) {
    throw new CheckpointError(`${file}: "state_dict" must be a dict, found ${pyTypeName(source)}`);
  }
  const stateDict = new Map<string, HostTensor>();
  for (const [k, v] of source.map) {
    if (typeof k !== "string") {
      throw new CheckpointError(`${file}: state_dict key ${String(k)} is not a string`);
    }
    if (!(v instanceof TorchTensor)) {
      throw new CheckpointError(`${file}: state_dict entry "${k}" is a ${pyTypeName(v)}, expected a tensor`);
    }
    stateDict.set(k, materialize(v, `${file}: state_dict "${k}"`));
  }
  const extra: Record<string, unknown> = {};
  if (!bare) {
    for (const [k, v] of root.map) {
      if (k !== "state_dict") extra[String(k)] = toPlain(v, `${file}: "${String(k)}"`);
    }
  }
  return { stateDict, extra };
}

/** Pickle values as plain JS: dicts become objects (keys stringified), tuples arrays, tensors HostTensors. */
function toPlain(v: PyValue, where: string): unknown {
  if (v instanceof TorchTensor) return materialize(v, where);
  if (v instanceof PyDict) {
    const o: Record<string, unknown> = {};
    for (const [k, x] of v.map) o[String(k)] = toPlain(x, `${where}.${String(k)}`);
    return o;
  }
  if (v instanceof PyTuple) return v.items.map((x, i) => toPlain(x, `${where}[${i}]`));
  if (Array.isArray(v)) return v.map((x, i) => toPlain(x, `${where}[${i}]`));
  if (v instanceof PyGlobal) return v.qualname;
  if (v instanceof PyObject) return v.pyType;
  return v;
}

function hex(b: Uint8Array): string {
  return [...b].map((x) => x.toString(16).padStart(2, "0")).join(" ");
}
