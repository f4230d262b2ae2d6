/**
 * The legacy container of `torch.save` (before PyTorch 1.6, and `_use_new_zipfile_serialization=False`),
 * the format of the 2019 reference checkpoints: five consecutive parts,
 *   1. pickle: the magic number 0x1950a86a20f9469cfc6c,
 *   2. pickle: the protocol version 1001,
 *   3. pickle: system info {protocol_version, little_endian, type_sizes},
 *   4. pickle: the object, whose persistent ids are
 *      ('storage', type, key, location, numel, view_metadata | None),
 *   5. pickle: the list of storage keys, then for each key a little-endian u64 element count
 *      followed by the storage's raw bytes.
 */
import { CheckpointError } from "./host_tensor.ts";
import { type PickleEnv, PyDict, PyTuple, pyTypeName, type PyValue, unpickle } from "./pickle.ts";
import { pyIndex, storageType, TORCH_GLOBALS, TORCH_GLOBALS_SUMMARY, TorchStorage } from "./torch_tensors.ts";

const MAGIC = 0x1950a86a20f9469cfc6cn;
const PROTOCOL_VERSION = 1001;

/** Reads a legacy-format checkpoint into its root object, with every storage filled in. */
export function readTorchLegacy(bytes: Uint8Array, file: string): PyValue {
  const plain: PickleEnv = { globals: new Map() };
  const magic = unpickle(bytes, 0, `${file}: magic number`, plain);
  if (magic.value !== MAGIC && magic.value !== Number(MAGIC)) {
    throw new CheckpointError(
      `${file}: not a PyTorch legacy checkpoint (magic number ${String(magic.value)}, expected ${MAGIC})`,
    );
  }
  const proto = unpickle(bytes, magic.end, `${file}: protocol version`, plain);
  if (proto.value !== PROTOCOL_VERSION) {
    throw new CheckpointError(
      `${file}: unsupported legacy protocol version ${String(proto.value)} (expected ${PROTOCOL_VERSION})`,
    );
  }
  const sys = unpickle(bytes, proto.end, `${file}: system info`, plain);
  if (!(sys.value instanceof PyDict) || sys.value.map.get("little_endian") !== true) {
    throw new CheckpointError(
      `${file}: only little-endian checkpoints are supported (system info little_endian is not True)`,
    );
  }

  const storages = new Map<string, TorchStorage>();
  // Old PyTorch could pickle views of a storage: [offset, offset + numel) of a root storage.
  const views: { key: string; root: TorchStorage; offset: number; view: TorchStorage }[] = [];
  const persistentLoad = (pid: PyValue, where: string): PyValue => {
    if (!(pid instanceof PyTuple) || pid.items[0] !== "storage" || pid.items.length !== 6) {
      throw new CheckpointError(
        `${where}: unexpected persistent id ${
          pyTypeName(pid)
        }, expected ('storage', type, key, location, numel, view_metadata)`,
      );
    }
    const [, typeV, key, , numel, viewMeta] = pid.items;
    if (typeof key !== "string") {
      throw new CheckpointError(`${where}: storage key must be a string, found ${pyTypeName(key)}`);
    }
    const type = storageType(typeV, where);
    let root = storages.get(key);
    if (!root) {
      root = new TorchStorage(type, key, pyIndex(numel, `storage ${key} numel`, where));
      storages.set(key, root);
    }
    if (viewMeta === null) return root;
    if (
      !(viewMeta instanceof PyTuple) || viewMeta.items.length !== 3 || typeof viewMeta.items[0] !== "string"
    ) {
      throw new CheckpointError(
        `${where}: storage ${key}: view metadata must be (view_key, offset, numel), found ${
          pyTypeName(viewMeta)
        }`,
      );
    }
    const [vkey, off, vnumel] = viewMeta.items as [string, PyValue, PyValue];
    const known = views.find((v) => v.key === vkey);
    if (known) return known.view;
    const view = new TorchStorage(type, vkey, pyIndex(vnumel, `view ${vkey} numel`, where));
    views.push({ key: vkey, root, offset: pyIndex(off, `view ${vkey} offset`, where), view });
    return view;
  };
  const obj = unpickle(bytes, sys.end, `${file}: object pickle`, {
    globals: TORCH_GLOBALS,
    allowedSummary: TORCH_GLOBALS_SUMMARY,
    persistentLoad,
  });
  const keys = unpickle(bytes, obj.end, `${file}: storage key list`, plain);
  if (!Array.isArray(keys.value) || !keys.value.every((k) => typeof k === "string")) {
    throw new CheckpointError(
      `${file}: the storage key list must be a list of strings, found ${pyTypeName(keys.value)}`,
    );
  }

  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = keys.end;
  for (const key of keys.value as string[]) {
    const s = storages.get(key);
    if (!s) throw new CheckpointError(`${file}: storage ${key} is listed but no tensor refers to it`);
    if (pos + 8 > bytes.length) {
      throw new CheckpointError(
        `${file}: storage ${key}: file ends before its element count (truncated file?)`,
      );
    }
    const count = view.getBigUint64(pos, true);
    pos += 8;
    if (count !== BigInt(s.numel)) {
      throw new CheckpointError(
        `${file}: storage ${key} has ${count} elements in the file but its tensors declared ${s.numel}`,
      );
    }
    const len = s.numel * s.elementBytes;
    if (pos + len > bytes.length) {
      throw new CheckpointError(
        `${file}: storage ${key} needs ${len} bytes at offset ${pos} but the file has ${bytes.length} (truncated file?)`,
      );
    }
    s.bytes = bytes.subarray(pos, pos + len);
    pos += len;
  }
  for (const s of storages.values()) {
    if (!s.bytes) {
      throw new CheckpointError(
        `${file}: storage ${s.key} is used by a tensor but missing from the storage key list`,
      );
    }
  }
  for (const v of views) {
    const es = v.view.elementBytes;
    if (v.offset + v.view.numel > v.root.numel) {
      throw new CheckpointError(
        `${file}: storage view ${v.key} [${v.offset}, +${v.view.numel}) exceeds storage ${v.root.key} (${v.root.numel} elements)`,
      );
    }
    v.view.bytes = v.root.bytes!.subarray(v.offset * es, (v.offset + v.view.numel) * es);
  }
  return obj.value;
}
