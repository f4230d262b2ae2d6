/**
 * The zip container of `torch.save` (PyTorch >= 1.6): `<prefix>/data.pkl` holds the object pickle,
 * whose persistent ids ('storage', type, key, location, numel) refer to `<prefix>/data/<key>`.
 *
 * Unzipping uses fflate: torch writes its entries uncompressed (stored), but archives repacked by
 * other tools may be deflated, and fflate (small, dependency-free, already needed by fast-png)
 * reads both, including zip64 archives of large models.
 */
import { type UnzipFileInfo, unzipSync } from "fflate";
import { CheckpointError } from "./host_tensor.ts";
import { PyTuple, pyTypeName, type PyValue, unpickle } from "./pickle.ts";
import { pyIndex, storageType, TORCH_GLOBALS, TORCH_GLOBALS_SUMMARY, TorchStorage } from "./torch_tensors.ts";

/** Deflate cannot expand data more than about 1032:1, so a larger claimed size is a lie. */
const MAX_DEFLATE_RATIO = 1032;

/** Reads a zip-format checkpoint into its root object, with every referenced storage filled in. */
export function readTorchZip(bytes: Uint8Array, file: string): PyValue {
  const names: string[] = [];
  const meta = unzip(bytes, file, (f) => {
    names.push(f.name);
    return /^[^/]+\/(data\.pkl|byteorder)$/.test(f.name);
  });
  const pkls = names.filter((n) =>
    n.endsWith("/data.pkl") && n.indexOf("/") === n.length - "/data.pkl".length
  );
  if (pkls.length !== 1) {
    throw new CheckpointError(
      `${file}: expected exactly one <archive>/data.pkl entry in the PyTorch zip, found ${
        pkls.length ? pkls.join(", ") : "none"
      }`,
    );
  }
  const prefix = pkls[0].slice(0, -"data.pkl".length);
  const order = meta[`${prefix}byteorder`];
  if (order && new TextDecoder().decode(order).trim() !== "little") {
    throw new CheckpointError(
      `${file}: big-endian checkpoints are not supported (${prefix}byteorder says ${
        new TextDecoder().decode(order)
      })`,
    );
  }

  // The pickle is read first and storages fetched after, so a refused pickle never touches them.
  const storages = new Map<string, TorchStorage>();
  const persistentLoad = (pid: PyValue, where: string): PyValue => {
    if (!(pid instanceof PyTuple) || pid.items[0] !== "storage" || pid.items.length !== 5) {
      throw new CheckpointError(
        `${where}: unexpected persistent id ${
          pyTypeName(pid)
        }, expected ('storage', type, key, location, numel)`,
      );
    }
    const [, type, key, , numel] = pid.items;
    if (typeof key !== "string") {
      throw new CheckpointError(`${where}: storage key must be a string, found ${pyTypeName(key)}`);
    }
    const known = storages.get(key);
    if (known) return known;
    const s = new TorchStorage(storageType(type, where), key, pyIndex(numel, `storage ${key} numel`, where));
    storages.set(key, s);
    return s;
  };
  const { value } = unpickle(meta[pkls[0]], 0, `${file}: ${pkls[0]}`, {
    globals: TORCH_GLOBALS,
    allowedSummary: TORCH_GLOBALS_SUMMARY,
    persistentLoad,
  });

  const wanted = new Set([...storages.keys()].map((k) => `${prefix}data/${k}`));
  const data = unzip(bytes, file, (f) => wanted.has(f.name));
  for (const s of storages.values()) {
    const entry = `${prefix}data/${s.key}`;
    const b = data[entry];
    if (!b) throw new CheckpointError(`${file}: storage ${s.key} is missing (no entry ${entry})`);
    if (b.length !== s.numel * s.elementBytes) {
      throw new CheckpointError(
        `${file}: entry ${entry} holds ${b.length} bytes but storage ${s.key} needs ${s.numel} x ${s.elementBytes} = ${
          s.numel * s.elementBytes
        }`,
      );
    }
    s.bytes = b;
  }
  return value;
}

function unzip(
  bytes: Uint8Array,
  file: string,
  keep: (f: UnzipFileInfo) => boolean,
): Record<string, Uint8Array> {
  try {
    return unzipSync(bytes, {
      filter: (f) => {
        if (f.originalSize > f.size * MAX_DEFLATE_RATIO + 1024) {
          throw new Error(`entry ${f.name} claims ${f.originalSize} bytes from ${f.size} compressed`);
        }
        return keep(f);
      },
    });
  } catch (e) {
    throw new CheckpointError(`${file}: not a readable zip archive: ${(e as Error).message}`);
  }
}
