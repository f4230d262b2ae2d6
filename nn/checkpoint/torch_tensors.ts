/**
 * The PyTorch side of checkpoint unpickling: the allow-list of globals a checkpoint may name,
 * storages (raw typed bytes, filled in by the zip or legacy container reader) and the tensors
 * `_rebuild_tensor_v2` describes as (storage, offset, size, stride) over them.
 *
 * Tensors are materialised only after every storage is known: in the legacy format the storage
 * bytes follow the object pickle, so rebuilding during unpickling would be too early.
 */
import { bf16BytesToF32, f16BytesToF32 } from "./half.ts";
import { CheckpointError, type HostDType, type HostTensor, tensorFromBytes } from "./host_tensor.ts";
import { type PickleEnv, PyDict, PyGlobal, PyObject, PyTuple, pyTypeName, type PyValue } from "./pickle.ts";

/** Storage classes a checkpoint may reference, with the element type they hold. */
const STORAGE_TYPES: Readonly<Record<string, { bytes: number; dtype: HostDType; widen?: "F16" | "BF16" }>> = {
  "torch.FloatStorage": { bytes: 4, dtype: "F32" },
  "torch.DoubleStorage": { bytes: 8, dtype: "F64" },
  "torch.HalfStorage": { bytes: 2, dtype: "F32", widen: "F16" },
  "torch.BFloat16Storage": { bytes: 2, dtype: "F32", widen: "BF16" },
  "torch.LongStorage": { bytes: 8, dtype: "I64" },
  "torch.IntStorage": { bytes: 4, dtype: "I32" },
  "torch.ByteStorage": { bytes: 1, dtype: "U8" },
};

/** Real storage classes this reader does not decode: named in a clear error rather than "forbidden". */
const OTHER_STORAGE_TYPES = [
  "torch.BoolStorage",
  "torch.CharStorage",
  "torch.ShortStorage",
  "torch.ComplexFloatStorage",
];

const MAX_EXPANDED_BYTES = 1 << 28;

/** A storage: `numel` elements of one type, whose bytes the container reader supplies. */
export class TorchStorage extends PyObject {
  readonly pyType = "torch.Storage";
  bytes: Uint8Array | null = null;
  constructor(readonly type: string, readonly key: string, readonly numel: number) {
    super();
  }
  get elementBytes(): number {
    return STORAGE_TYPES[this.type].bytes;
  }
}

/** A tensor as pickled: a strided view of a storage. */
export class TorchTensor extends PyObject {
  readonly pyType = "torch.Tensor";
  constructor(
    readonly storage: TorchStorage,
    readonly offset: number,
    readonly shape: number[],
    readonly stride: number[],
  ) {
    super();
  }
}

/** The storage class named by a persistent id, checked against the allow-list. */
export function storageType(v: PyValue, where: string): string {
  if (!(v instanceof PyGlobal) || !(v.qualname in STORAGE_TYPES)) {
    const found = v instanceof PyGlobal ? v.qualname : pyTypeName(v);
    throw new CheckpointError(
      `${where}: unsupported storage type ${found} (supported: ${Object.keys(STORAGE_TYPES).join(", ")})`,
    );
  }
  return v.qualname;
}

/** A non-negative safe integer from a pickle value, or an error naming what it should be. */
export function pyIndex(v: PyValue, what: string, where: string): number {
  if (typeof v !== "number" || !Number.isSafeInteger(v) || v < 0) {
    throw new CheckpointError(
      `${where}: ${what} must be a non-negative integer, found ${pyTypeName(v)} ${String(v)}`,
    );
  }
  return v;
}

function intTuple(v: PyValue, what: string, where: string): number[] {
  if (!(v instanceof PyTuple)) {
    throw new CheckpointError(`${where}: ${what} must be a tuple, found ${pyTypeName(v)}`);
  }
  return v.items.map((x, i) => pyIndex(x, `${what}[${i}]`, where));
}

function rebuildTensor(args: PyValue[], where: string): TorchTensor {
  const [storage, offset, size, stride] = args;
  if (!(storage instanceof TorchStorage)) {
    throw new CheckpointError(`${where}: first argument must be a storage, found ${pyTypeName(storage)}`);
  }
  const shape = intTuple(size, "size", where);
  const strides = intTuple(stride, "stride", where);
  if (shape.length !== strides.length) {
    throw new CheckpointError(
      `${where}: size has ${shape.length} dimensions but stride has ${strides.length}`,
    );
  }
  return new TorchTensor(storage, pyIndex(offset, "storage offset", where), shape, strides);
}

function rebuildParameter(args: PyValue[], where: string): PyValue {
  if (!(args[0] instanceof TorchTensor)) {
    throw new CheckpointError(
      `${where}: expected a tensor as the parameter's data, found ${pyTypeName(args[0])}`,
    );
  }
  return args[0];
}

function orderedDict(args: PyValue[], where: string): PyDict {
  const d = new PyDict();
  const items = args[0];
  if (items === undefined) return d;
  if (!Array.isArray(items)) {
    throw new CheckpointError(`${where}: expected a list of (key, value) pairs, found ${pyTypeName(items)}`);
  }
  for (const p of items) {
    if (!(p instanceof PyTuple) || p.items.length !== 2) {
      throw new CheckpointError(`${where}: expected (key, value) pairs`);
    }
    const k = p.items[0];
    if (typeof k !== "string" && typeof k !== "number") {
      throw new CheckpointError(`${where}: unsupported key type ${pyTypeName(k)}`);
    }
    d.map.set(k, p.items[1]);
  }
  return d;
}

export const TORCH_GLOBALS_SUMMARY =
  "collections.OrderedDict, torch._utils._rebuild_tensor(_v2), torch._utils._rebuild_parameter, torch.<Type>Storage";

/** The globals a PyTorch checkpoint may name; everything else is refused by the pickle VM. */
export const TORCH_GLOBALS: PickleEnv["globals"] = new Map<
  string,
  ((args: PyValue[], where: string) => PyValue) | null
>([
  ["collections.OrderedDict", orderedDict],
  ["torch._utils._rebuild_tensor_v2", rebuildTensor],
  ["torch._utils._rebuild_tensor", rebuildTensor],
  ["torch._utils._rebuild_parameter", rebuildParameter],
  ...[...Object.keys(STORAGE_TYPES), ...OTHER_STORAGE_TYPES].map((k) => [k, null] as [string, null]),
]);

/** Copies a tensor's elements out of its storage into a new contiguous host tensor. */
export function materialize(t: TorchTensor, where: string): HostTensor {
  const s = t.storage;
  if (!s.bytes) throw new CheckpointError(`${where}: storage ${s.key} has no data`);
  const es = s.elementBytes;
  const numel = t.shape.reduce((a, b) => a * b, 1);
  // More elements than the storage holds is only possible with zero strides (an expanded view);
  // bound it so a hostile shape cannot demand an arbitrary allocation.
  if (numel > s.numel && numel * es > MAX_EXPANDED_BYTES) {
    throw new CheckpointError(
      `${where}: shape [${
        t.shape.join(", ")
      }] has ${numel} elements over a storage of ${s.numel}; refusing to expand beyond ${MAX_EXPANDED_BYTES} bytes`,
    );
  }
  const out = new Uint8Array(numel * es);
  if (numel > 0) {
    let last = t.offset;
    for (let i = 0; i < t.shape.length; i++) last += (t.shape[i] - 1) * t.stride[i];
    if (last >= s.numel) {
      throw new CheckpointError(
        `${where}: shape [${t.shape.join(", ")}] stride [${
          t.stride.join(", ")
        }] at offset ${t.offset} reaches element ${last} of storage ${s.key}, which holds ${s.numel}`,
      );
    }
    gather(s.bytes, es, t, out);
  }
  const info = STORAGE_TYPES[s.type];
  if (info.widen === "F16") return { dtype: "F32", shape: t.shape, data: f16BytesToF32(out) };
  if (info.widen === "BF16") return { dtype: "F32", shape: t.shape, data: bf16BytesToF32(out) };
  return tensorFromBytes(info.dtype, t.shape, out);
}

/** Strided copy; a contiguous (row-major) view is one block copy. */
function gather(src: Uint8Array, es: number, t: TorchTensor, out: Uint8Array): void {
  const rank = t.shape.length;
  let contiguous = true;
  for (let i = rank - 1, expect = 1; i >= 0; i--) {
    if (t.shape[i] !== 1 && t.stride[i] !== expect) contiguous = false;
    expect *= t.shape[i];
  }
  if (contiguous) {
    out.set(src.subarray(t.offset * es, t.offset * es + out.length));
    return;
  }
  const idx = new Array<number>(rank).fill(0);
  let srcElem = t.offset;
  for (let o = 0; o < out.length; o += es) {
    out.set(src.subarray(srcElem * es, srcElem * es + es), o);
    for (let d = rank - 1; d >= 0; d--) {
      idx[d]++;
      srcElem += t.stride[d];
      if (idx[d] < t.shape[d]) break;
      srcElem -= t.stride[d] * t.shape[d];
      idx[d] = 0;
    }
  }
}
