/**
 * A safe subset of the Python pickle virtual machine, enough to read PyTorch checkpoints.
 *
 * Nothing is ever executed: a GLOBAL opcode is looked up in an allow-list the caller supplies, and
 * anything else (e.g. `posix.system`) stops the load with an error naming it. Only allow-listed
 * callables can be applied by REDUCE, and they are TypeScript functions that build plain values.
 * Every length is checked against the bytes present before reading, so a hostile stream can make
 * the VM fail but not allocate more than the input's size or loop.
 */
import { CheckpointError } from "./host_tensor.ts";

/** Values a pickle can produce here. Objects built by allow-listed callables extend `PyObject`. */
export type PyValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | Uint8Array
  | PyValue[]
  | PyTuple
  | PyDict
  | PyGlobal
  | PyObject;

/** Python dict keys this reader accepts (checkpoint dicts are keyed by strings and ints). */
export type PyKey = string | number | bigint | boolean | null;

export class PyTuple {
  constructor(readonly items: PyValue[]) {}
}

/** A dict or OrderedDict; `state` holds what a BUILD opcode attached (e.g. a state_dict's `_metadata`). */
export class PyDict {
  readonly map = new Map<PyKey, PyValue>();
  state: PyValue = null;
}

/** A reference to an allow-listed global that may appear as a value (e.g. `torch.FloatStorage`). */
export class PyGlobal {
  constructor(readonly module: string, readonly name: string) {}
  get qualname(): string {
    return `${this.module}.${this.name}`;
  }
}

/** Base class of the objects allow-listed callables return (tensors, storages). */
export abstract class PyObject {
  abstract readonly pyType: string;
}

/**
 * What the caller allows. `globals` maps "module.name" to the function REDUCE applies, or to null
 * for a global that may only be referenced (storage types); `persistentLoad` resolves BINPERSID ids.
 */
export interface PickleEnv {
  globals: ReadonlyMap<string, ((args: PyValue[], where: string) => PyValue) | null>;
  persistentLoad?: (pid: PyValue, where: string) => PyValue;
  /** Summary of `globals` for the refusal message (defaults to the full list). */
  allowedSummary?: string;
}

const MARK = Symbol("mark");
type StackItem = PyValue | typeof MARK;

/**
 * Runs one pickle starting at `start` of `bytes` and returns the value and the offset just past
 * its STOP opcode. `name` (the file, with the part being read) labels every error.
 */
export function unpickle(
  bytes: Uint8Array,
  start: number,
  name: string,
  env: PickleEnv,
): { value: PyValue; end: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const stack: StackItem[] = [];
  const memo = new Map<number, PyValue>();
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  let pos = start;
  let opPos = start;

  const fail = (msg: string): never => {
    throw new CheckpointError(`${name}: pickle offset ${opPos - start}: ${msg}`);
  };
  const need = (n: number | bigint): number => {
    if (BigInt(n) > BigInt(bytes.length - pos)) {
      fail(`needs ${n} more bytes but only ${bytes.length - pos} remain (truncated file?)`);
    }
    const p = pos;
    pos += Number(n);
    return p;
  };
  const u8 = () => bytes[need(1)];
  const u16 = () => view.getUint16(need(2), true);
  const u32 = () => view.getUint32(need(4), true);
  const i32 = () => view.getInt32(need(4), true);
  const u64 = () => view.getBigUint64(need(8), true);
  const line = (): string => {
    const nl = bytes.indexOf(0x0a, pos);
    if (nl < 0) fail("unterminated text argument (no newline)");
    const s = new TextDecoder().decode(bytes.subarray(pos, nl));
    pos = nl + 1;
    return s;
  };
  const text = (n: number | bigint): string => {
    const p = need(n);
    try {
      return utf8.decode(bytes.subarray(p, pos));
    } catch {
      return fail("string is not valid UTF-8");
    }
  };
  const pop = (): PyValue => {
    const v = stack.pop();
    if (v === undefined) fail("stack underflow");
    if (v === MARK) fail("unexpected MARK on the stack");
    return v as PyValue;
  };
  const top = (): PyValue => {
    const v = stack[stack.length - 1];
    if (v === undefined || v === MARK) fail("expected a value on the stack");
    return v as PyValue;
  };
  const popMark = (): PyValue[] => {
    const i = stack.lastIndexOf(MARK);
    if (i < 0) fail("no MARK on the stack");
    const items = stack.splice(i) as PyValue[];
    items.shift();
    return items;
  };
  const memoGet = (i: number): PyValue => {
    if (!memo.has(i)) fail(`memo key ${i} is not defined`);
    return memo.get(i) as PyValue;
  };
  const setItems = (target: PyValue, kv: PyValue[]): void => {
    if (!(target instanceof PyDict)) fail(`SETITEM(S) on ${pyTypeName(target)}, expected a dict`);
    if (kv.length % 2 !== 0) fail("SETITEMS with an odd number of items");
    for (let i = 0; i < kv.length; i += 2) (target as PyDict).map.set(toKey(kv[i], fail), kv[i + 1]);
  };
  const appendItems = (target: PyValue, items: PyValue[]): void => {
    if (!Array.isArray(target)) fail(`APPEND(S) on ${pyTypeName(target)}, expected a list`);
    (target as PyValue[]).push(...items);
  };
  const global = (module: string, gname: string): PyGlobal => {
    const q = `${module}.${gname}`;
    if (!env.globals.has(q)) {
      fail(
        `forbidden global ${q} (allowed: ${
          env.allowedSummary ?? [...env.globals.keys()].join(", ")
        }); nothing was executed`,
      );
    }
    return new PyGlobal(module, gname);
  };

  for (;;) {
    opPos = pos;
    const op = u8();
    switch (op) {
      case 0x80: // PROTO
        if (u8() > 5) fail("unsupported pickle protocol");
        break;
      case 0x95: // FRAME: framing only groups opcodes; the length is advisory
        u64();
        break;
      case 0x2e: // STOP
        return { value: pop(), end: pos };
      case 0x28: // MARK
        stack.push(MARK);
        break;
      case 0x30: // POP
        if (stack.pop() === undefined) fail("stack underflow");
        break;
      case 0x31: // POP_MARK
        popMark();
        break;
      case 0x32: // DUP
        stack.push(top());
        break;
      case 0x4a: // BININT
        stack.push(i32());
        break;
      case 0x4b: // BININT1
        stack.push(u8());
        break;
      case 0x4d: // BININT2
        stack.push(u16());
        break;
      case 0x8a: // LONG1
        stack.push(littleEndianSigned(bytes.subarray(need(u8()), pos)));
        break;
      case 0x8b: { // LONG4
        const n = i32();
        if (n < 0) fail("negative LONG4 length");
        stack.push(littleEndianSigned(bytes.subarray(need(n), pos)));
        break;
      }
      case 0x49: { // INT (text; protocol 0 writes booleans as I00/I01)
        const s = line();
        if (s === "00" || s === "01") stack.push(s === "01");
        else stack.push(parseIntText(s, fail));
        break;
      }
      case 0x4c: // LONG (text)
        stack.push(parseIntText(line().replace(/L$/, ""), fail));
        break;
      case 0x47: // BINFLOAT (big-endian double)
        stack.push(view.getFloat64(need(8), false));
        break;
      case 0x46: { // FLOAT (text)
        const s = line();
        const f = Number(s);
        if (Number.isNaN(f) && s.trim().toLowerCase() !== "nan") fail(`invalid FLOAT ${JSON.stringify(s)}`);
        stack.push(f);
        break;
      }
      case 0x58: // BINUNICODE
        stack.push(text(u32()));
        break;
      case 0x8c: // SHORT_BINUNICODE
        stack.push(text(u8()));
        break;
      case 0x8d: // BINUNICODE8
        stack.push(text(u64()));
        break;
      case 0x54: { // BINSTRING (Python 2 str)
        const n = i32();
        if (n < 0) fail("negative BINSTRING length");
        stack.push(text(n));
        break;
      }
      case 0x55: // SHORT_BINSTRING
        stack.push(text(u8()));
        break;
      case 0x42: // BINBYTES
        stack.push(bytes.slice(need(u32()), pos));
        break;
      case 0x43: // SHORT_BINBYTES
        stack.push(bytes.slice(need(u8()), pos));
        break;
      case 0x8e: // BINBYTES8
        stack.push(bytes.slice(need(u64()), pos));
        break;
      case 0x4e: // NONE
        stack.push(null);
        break;
      case 0x88: // NEWTRUE
        stack.push(true);
        break;
      case 0x89: // NEWFALSE
        stack.push(false);
        break;
      case 0x5d: // EMPTY_LIST
        stack.push([]);
        break;
      case 0x6c: // LIST
        stack.push(popMark());
        break;
      case 0x61: { // APPEND
        const v = pop();
        appendItems(top(), [v]);
        break;
      }
      case 0x65: { // APPENDS
        const items = popMark();
        appendItems(top(), items);
        break;
      }
      case 0x29: // EMPTY_TUPLE
        stack.push(new PyTuple([]));
        break;
      case 0x74: // TUPLE
        stack.push(new PyTuple(popMark()));
        break;
      case 0x85: // TUPLE1
        stack.push(new PyTuple([pop()]));
        break;
      case 0x86: { // TUPLE2
        const b = pop();
        stack.push(new PyTuple([pop(), b]));
        break;
      }
      case 0x87: { // TUPLE3
        const c = pop();
        const b = pop();
        stack.push(new PyTuple([pop(), b, c]));
        break;
      }
      case 0x7d: // EMPTY_DICT
        stack.push(new PyDict());
        break;
      case 0x64: { // DICT
        const d = new PyDict();
        setItems(d, popMark());
        stack.push(d);
        break;
      }
      case 0x73: { // SETITEM
        const v = pop();
        const k = pop();
        setItems(top(), [k, v]);
        break;
      }
      case 0x75: { // SETITEMS
        const kv = popMark();
        setItems(top(), kv);
        break;
      }
      case 0x63: { // GLOBAL
        const module = line();
        stack.push(global(module, line()));
        break;
      }
      case 0x93: { // STACK_GLOBAL
        const gname = pop();
        const module = pop();
        if (typeof module !== "string" || typeof gname !== "string") fail("STACK_GLOBAL needs two strings");
        stack.push(global(module as string, gname as string));
        break;
      }
      case 0x52: { // REDUCE
        const args = pop();
        const fn = pop();
        if (!(fn instanceof PyGlobal)) fail(`REDUCE on ${pyTypeName(fn)}, expected an allowed callable`);
        if (!(args instanceof PyTuple)) fail(`REDUCE arguments must be a tuple, found ${pyTypeName(args)}`);
        const g = fn as PyGlobal;
        const impl = env.globals.get(g.qualname);
        if (!impl) fail(`global ${g.qualname} may be referenced but not called`);
        stack.push(impl!((args as PyTuple).items, `${name}: ${g.qualname}`));
        break;
      }
      case 0x62: { // BUILD
        const state = pop();
        const obj = top();
        if (!(obj instanceof PyDict)) {
          fail(`BUILD (setting object state) on ${pyTypeName(obj)} is not supported`);
        }
        (obj as PyDict).state = state;
        break;
      }
      case 0x71: // BINPUT
        memo.set(u8(), top());
        break;
      case 0x72: // LONG_BINPUT
        memo.set(u32(), top());
        break;
      case 0x70: // PUT
        memo.set(parseIndex(line(), fail), top());
        break;
      case 0x94: // MEMOIZE
        memo.set(memo.size, top());
        break;
      case 0x68: // BINGET
        stack.push(memoGet(u8()));
        break;
      case 0x6a: // LONG_BINGET
        stack.push(memoGet(u32()));
        break;
      case 0x67: // GET
        stack.push(memoGet(parseIndex(line(), fail)));
        break;
      case 0x51: { // BINPERSID
        const pid = pop();
        if (!env.persistentLoad) fail("persistent id found, but this stream may not reference external data");
        stack.push(env.persistentLoad!(pid, name));
        break;
      }
      case 0x50: { // PERSID (text)
        const pid = line();
        if (!env.persistentLoad) fail("persistent id found, but this stream may not reference external data");
        stack.push(env.persistentLoad!(pid, name));
        break;
      }
      default:
        fail(
          `unsupported pickle opcode 0x${op.toString(16).padStart(2, "0")} (not used by PyTorch checkpoints)`,
        );
    }
  }
}

/** A Python type name for error messages. */
export function pyTypeName(v: PyValue | undefined): string {
  if (v === null) return "None";
  if (v === undefined) return "nothing";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return Number.isInteger(v) ? "int" : "float";
  if (typeof v === "bigint") return "int";
  if (typeof v === "string") return "str";
  if (v instanceof Uint8Array) return "bytes";
  if (Array.isArray(v)) return "list";
  if (v instanceof PyTuple) return "tuple";
  if (v instanceof PyDict) return "dict";
  if (v instanceof PyGlobal) return v.qualname;
  return v.pyType;
}

function toKey(k: PyValue, fail: (msg: string) => never): PyKey {
  if (
    k === null || typeof k === "string" || typeof k === "number" || typeof k === "bigint" ||
    typeof k === "boolean"
  ) return k;
  return fail(`dict key of type ${pyTypeName(k)} is not supported`);
}

const HEX_BYTE = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/**
 * Little-endian two's complement integer; a number when exactly representable, else a bigint. Read as
 * one hexadecimal string, in time linear in its length: shifting a bigint in byte by byte copies it at
 * every byte, and a corrupted file's LONG4 can claim the rest of the file (a megabyte took minutes).
 */
function littleEndianSigned(b: Uint8Array): number | bigint {
  if (b.length === 0) return 0;
  const digits = new Array<string>(b.length);
  for (let i = 0; i < b.length; i++) digits[b.length - 1 - i] = HEX_BYTE[b[i]];
  let v = BigInt(`0x${digits.join("")}`);
  if (b[b.length - 1] & 0x80) v -= 1n << BigInt(8 * b.length);
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}

function parseIntText(s: string, fail: (msg: string) => never): number | bigint {
  if (!/^[+-]?\d+$/.test(s.trim())) fail(`invalid integer ${JSON.stringify(s)}`);
  const v = BigInt(s.trim());
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}

function parseIndex(s: string, fail: (msg: string) => never): number {
  const v = parseIntText(s, fail);
  if (typeof v !== "number" || v < 0) fail(`invalid memo index ${JSON.stringify(s)}`);
  return v as number;
}
