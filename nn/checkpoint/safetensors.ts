/**
 * The Hugging Face safetensors format: an 8-byte little-endian header length, a JSON header
 * `{name: {dtype, shape, data_offsets: [begin, end]}, __metadata__?: {string: string}}`, then the
 * data section, where offsets are relative to its first byte and the tensors tile it exactly.
 *
 * The reader trusts nothing in the file: every length and offset is checked against the bytes that
 * are actually there before anything is allocated, so a malformed file gives an error naming the
 * file, the tensor and the expected-vs-found values rather than a crash or a huge allocation.
 */
import { writeFileAtomic } from "./atomic_file.ts";
import { bf16BytesToF32, f16BytesToF32 } from "./half.ts";
import {
  checkHostTensor,
  CheckpointError,
  HOST_DTYPE_BYTES,
  type HostDType,
  type HostTensor,
  tensorBytes,
  tensorFromBytes,
} from "./host_tensor.ts";
import { parseJsonFaithfully } from "./faithful_json.ts";

export interface Safetensors {
  tensors: Map<string, HostTensor>;
  metadata: Record<string, string>;
}

/** Dtypes this reader decodes, with their element sizes. F16 and BF16 are widened to F32. */
const READABLE_DTYPES: Readonly<Record<string, number>> = {
  F32: 4,
  F64: 8,
  F16: 2,
  BF16: 2,
  I64: 8,
  I32: 4,
  U8: 1,
};

/** Legal safetensors dtypes this engine has no use for: refused by name rather than misread. */
const UNSUPPORTED_DTYPES = new Set([
  "BOOL",
  "I8",
  "I16",
  "U16",
  "U32",
  "U64",
  "F8_E4M3",
  "F8_E5M2",
  "F8_E8M0",
  "F4",
  "F6_E2M3",
  "F6_E3M2",
  "C64",
]);

/** The reference implementation's cap on the header; anything larger is not a real file. */
const MAX_HEADER_BYTES = 100_000_000;

const METADATA_KEY = "__metadata__";

interface Entry {
  name: string;
  dtype: string;
  shape: number[];
  begin: number;
  end: number;
}

/** Parses a safetensors file held in memory; `name` (usually the path) labels every error. */
export function readSafetensors(bytes: Uint8Array, name: string): Safetensors {
  const fail = (msg: string): never => {
    throw new CheckpointError(`${name}: ${msg}`);
  };
  if (bytes.length < 8) {
    fail(`file is ${bytes.length} bytes, too short for the 8-byte safetensors header length`);
  }

  // The header length is a u64: read both words so a value above 2^53 is caught, not rounded.
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLen = (BigInt(view.getUint32(4, true)) << 32n) | BigInt(view.getUint32(0, true));
  if (headerLen > BigInt(bytes.length - 8)) {
    fail(
      `header length ${headerLen} exceeds the file size ${bytes.length} (at most ${
        bytes.length - 8
      } bytes follow the length field)`,
    );
  }
  if (headerLen > BigInt(MAX_HEADER_BYTES)) {
    fail(`header length ${headerLen} exceeds the ${MAX_HEADER_BYTES}-byte limit`);
  }
  const hlen = Number(headerLen);

  let text = "";
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(8, 8 + hlen));
  } catch {
    fail(`header is not valid UTF-8 (${describeBadUtf8(bytes.subarray(8, 8 + hlen))})`);
  }
  try {
    JSON.parse(text);
  } catch (e) {
    fail(`header is not valid JSON: ${(e as Error).message}`);
  }
  // Rebuilt rather than taken from JSON.parse, whose object keys can be wrong (see faithful_json.ts).
  const read = parseJsonFaithfully(text);
  const header = read.value;
  if (typeof header !== "object" || header === null || Array.isArray(header)) {
    fail(`header must be a JSON object, found ${jsonKind(header)}`);
  }
  if (read.duplicate) {
    fail(`duplicate key "${read.duplicate.path}" in the header (a tensor name may appear only once)`);
  }

  const metadata = parseMetadata((header as Record<string, unknown>)[METADATA_KEY], fail);
  const dataStart = 8 + hlen;
  const dataLen = bytes.length - dataStart;
  const entries: Entry[] = [];
  // Text order, not Object.entries order, which would move integer-like names ("0") first.
  for (const tname of read.topLevel) {
    if (tname === METADATA_KEY) continue;
    entries.push(parseEntry(tname, (header as Record<string, unknown>)[tname], dataLen, fail));
  }
  checkTiling(entries, dataLen, fail);

  const tensors = new Map<string, HostTensor>();
  for (const e of entries) {
    const raw = bytes.subarray(dataStart + e.begin, dataStart + e.end);
    tensors.set(e.name, decodeTensor(e.dtype, e.shape, raw));
  }
  return { tensors, metadata };
}

function parseMetadata(raw: unknown, fail: (msg: string) => never): Record<string, string> {
  if (raw === undefined) return {};
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    fail(`${METADATA_KEY} must be an object mapping strings to strings, found ${jsonKind(raw)}`);
  }
  const entries = Object.entries(raw as Record<string, unknown>);
  for (const [k, v] of entries) {
    if (typeof v !== "string") {
      fail(`${METADATA_KEY} values must be strings, but "${k}" holds ${jsonKind(v)} ${JSON.stringify(v)}`);
    }
  }
  // fromEntries defines own properties, so even a key named "__proto__" is kept as data.
  return Object.fromEntries(entries) as Record<string, string>;
}

function parseEntry(name: string, raw: unknown, dataLen: number, fail: (msg: string) => never): Entry {
  const where = `tensor "${name}"`;
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    fail(`${where}: header entry must be an object {dtype, shape, data_offsets}, found ${jsonKind(raw)}`);
  }
  const { dtype, shape, data_offsets: offsets } = raw as Record<string, unknown>;
  if (typeof dtype !== "string") fail(`${where}: dtype must be a string, found ${jsonKind(dtype)}`);
  const dt = dtype as string;
  if (!(dt in READABLE_DTYPES)) {
    if (UNSUPPORTED_DTYPES.has(dt)) {
      fail(`${where}: unsupported dtype ${dt} (supported: ${Object.keys(READABLE_DTYPES).join(", ")})`);
    }
    fail(`${where}: unknown dtype ${dt} (expected one of ${Object.keys(READABLE_DTYPES).join(", ")})`);
  }
  if (!Array.isArray(shape)) fail(`${where}: shape must be an array of dimensions, found ${jsonKind(shape)}`);
  const dims = shape as unknown[];
  for (const d of dims) {
    if (typeof d !== "number" || !Number.isSafeInteger(d) || d < 0) {
      const what = typeof d === "number" && d < 0 ? "negative dimension" : "invalid dimension";
      fail(
        `${where}: ${what} ${JSON.stringify(d)} in shape ${
          JSON.stringify(dims)
        } (dimensions are non-negative integers)`,
      );
    }
  }
  if (offsets === undefined) fail(`${where}: missing data_offsets (expected [begin, end])`);
  if (
    !Array.isArray(offsets) || offsets.length !== 2 ||
    !offsets.every((o) => typeof o === "number" && Number.isSafeInteger(o) && o >= 0)
  ) {
    fail(
      `${where}: data_offsets must be [begin, end] with non-negative integers, found ${
        JSON.stringify(offsets)
      }`,
    );
  }
  const [begin, end] = offsets as number[];
  if (begin > end) fail(`${where}: invalid data_offsets [${begin}, ${end}] (begin is after end)`);
  if (end > dataLen) {
    fail(
      `${where}: data_offsets [${begin}, ${end}] lie outside the data section, which holds only ${dataLen} bytes (truncated file?)`,
    );
  }
  // BigInt so that a product beyond 2^53 (or 2^64) cannot round to a plausible size.
  let need = BigInt(READABLE_DTYPES[dt]);
  for (const d of dims as number[]) need *= BigInt(d);
  if (need !== BigInt(end - begin)) {
    fail(
      `${where}: shape ${
        JSON.stringify(dims)
      } ${dt} needs ${need} bytes but data_offsets [${begin}, ${end}] span ${end - begin}`,
    );
  }
  return { name, dtype: dt, shape: dims as number[], begin, end };
}

/** The tensors must cover the data section exactly once, in any order, with no hole and nothing after. */
function checkTiling(entries: Entry[], dataLen: number, fail: (msg: string) => never): void {
  const sorted = [...entries].sort((a, b) => a.begin - b.begin || a.end - b.end);
  let covered = 0;
  let prev: Entry | null = null;
  for (const e of sorted) {
    if (e.begin < covered && prev) {
      fail(
        `tensors "${prev.name}" [${prev.begin}, ${prev.end}) and "${e.name}" [${e.begin}, ${e.end}) have overlapping data_offsets`,
      );
    }
    if (e.begin > covered) {
      const where = prev
        ? `between "${prev.name}" (ends at ${covered}) and`
        : "at the start of the data section, before";
      fail(
        `data_offsets do not tile the data section: ${
          e.begin - covered
        } unused bytes ${where} "${e.name}" (begins at ${e.begin})`,
      );
    }
    covered = e.end;
    prev = e;
  }
  if (covered !== dataLen) {
    fail(
      `data section is ${dataLen} bytes but the tensors cover only ${covered} (${
        dataLen - covered
      } trailing bytes)`,
    );
  }
}

function decodeTensor(dtype: string, shape: number[], raw: Uint8Array): HostTensor {
  if (dtype === "F16") return { dtype: "F32", shape, data: f16BytesToF32(raw) };
  if (dtype === "BF16") return { dtype: "F32", shape, data: bf16BytesToF32(raw) };
  return tensorFromBytes(dtype as HostDType, shape, raw);
}

/** Serialises tensors (in map order) and string metadata; the data section starts at a multiple of 8. */
export function encodeSafetensors(
  tensors: ReadonlyMap<string, HostTensor>,
  metadata: Record<string, string> = {},
): Uint8Array {
  // The header text is assembled by hand because a JS object would move integer-like names first.
  const fields: string[] = [];
  for (const [k, v] of Object.entries(metadata)) {
    if (typeof v !== "string") {
      throw new CheckpointError(`safetensors metadata "${k}" must be a string, found ${typeof v}`);
    }
  }
  if (Object.keys(metadata).length > 0) {
    fields.push(`${JSON.stringify(METADATA_KEY)}:${JSON.stringify(metadata)}`);
  }
  let offset = 0;
  for (const [name, t] of tensors) {
    if (name === METADATA_KEY) {
      throw new CheckpointError(`tensor name ${METADATA_KEY} is reserved by the safetensors format`);
    }
    checkHostTensor(t, `tensor "${name}"`);
    const len = t.data.length * HOST_DTYPE_BYTES[t.dtype];
    const entry = { dtype: t.dtype, shape: [...t.shape], data_offsets: [offset, offset + len] };
    fields.push(`${JSON.stringify(name)}:${JSON.stringify(entry)}`);
    offset += len;
  }
  const json = new TextEncoder().encode(`{${fields.join(",")}}`);
  const hlen = Math.ceil((8 + json.length) / 8) * 8 - 8;
  const out = new Uint8Array(8 + hlen + offset);
  const view = new DataView(out.buffer);
  view.setUint32(0, hlen, true);
  view.setUint32(4, 0, true);
  out.set(json, 8);
  out.fill(0x20, 8 + json.length, 8 + hlen);
  let pos = 8 + hlen;
  for (const t of tensors.values()) {
    const b = tensorBytes(t);
    out.set(b, pos);
    pos += b.length;
  }
  return out;
}

export async function loadSafetensorsFile(path: string): Promise<Safetensors> {
  return readSafetensors(await Deno.readFile(path), path);
}

/** Writes a safetensors file atomically (temporary file in the same directory, then rename). */
export async function saveSafetensorsFile(
  path: string,
  tensors: ReadonlyMap<string, HostTensor>,
  metadata: Record<string, string> = {},
): Promise<void> {
  await writeFileAtomic(path, encodeSafetensors(tensors, metadata));
}

function jsonKind(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (v === undefined) return "nothing";
  return typeof v === "object" ? "an object" : `a ${typeof v}`;
}

/** Where the first invalid UTF-8 sequence starts, for the error message. */
function describeBadUtf8(b: Uint8Array): string {
  let lo = 0;
  let hi = b.length;
  // The longest valid prefix, found by bisection; the byte after it is the first one in error.
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    try {
      // A fresh streaming decoder: a valid prefix may end in the middle of a character.
      new TextDecoder("utf-8", { fatal: true }).decode(b.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  return `invalid byte 0x${b[lo]?.toString(16).padStart(2, "0")} at header offset ${lo}`;
}
