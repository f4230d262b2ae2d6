/**
 * Tensors: a shape, a dtype and a reference-counted pooled GPU buffer. Lifetimes are explicit:
 * `dispose()`, or `scope(fn)`, which frees every tensor created inside `fn` except what it returns.
 */
import type { Bindable } from "./recorder.ts";
import { engine } from "./runtime.ts";

export type DType = "f32" | "f16" | "i32" | "u32";
export type Shape = readonly number[];
export type HostArray = Float32Array | Int32Array | Uint32Array;

export const BYTES_PER_ELEMENT: Record<DType, number> = { f32: 4, f16: 2, i32: 4, u32: 4 };

export function numel(shape: Shape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

export function checkShape(shape: Shape, what = "shape"): void {
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) {
      throw new RangeError(`${what} [${shape.join(", ")}] has an invalid dimension`);
    }
  }
}

/** A pooled buffer shared by a tensor and its views; returned to the pool when the last one lets go. */
export class Storage {
  refs = 1;
  constructor(readonly buffer: GPUBuffer, readonly bytes: number) {}

  retain(): this {
    if (this.refs <= 0) throw new Error("retain() on freed storage");
    this.refs++;
    return this;
  }

  release(): void {
    if (--this.refs === 0) engine().pool.release(this.buffer);
    if (this.refs < 0) throw new Error("storage released twice");
  }
}

/** What autograd attaches to a tensor it produced (defined in autograd.ts). */
export interface GradFnLike {
  readonly name: string;
  readonly inputs: readonly (Tensor | null)[];
  released: boolean;
  release(): void;
}

interface ScopeFrame {
  tensors: Set<Tensor>;
  nodes: GradFnLike[];
}

const frames: ScopeFrame[] = [];
let liveTensors = 0;

export class Tensor implements Bindable {
  readonly shape: Shape;
  readonly size: number;
  requiresGrad = false;
  grad: Tensor | null = null;
  gradFn: GradFnLike | null = null;
  private disposedFlag = false;

  constructor(shape: Shape, readonly dtype: DType, readonly storage: Storage) {
    checkShape(shape);
    this.shape = Object.freeze([...shape]);
    this.size = numel(shape);
    liveTensors++;
    const f = frames[frames.length - 1];
    if (f) f.tensors.add(this);
  }

  /** A tensor with uninitialised contents (pooled memory may hold old data). */
  static empty(shape: Shape, dtype: DType = "f32", label = "tensor"): Tensor {
    checkShape(shape);
    const bytes = Math.max(4, Math.ceil((numel(shape) * BYTES_PER_ELEMENT[dtype]) / 4) * 4);
    const buffer = engine().pool.acquire(bytes, label);
    return new Tensor(shape, dtype, new Storage(buffer, bytes));
  }

  /** Upload host data. Numbers are converted to the dtype (f16 rounds to nearest even). */
  static from(data: ArrayLike<number>, shape: Shape, dtype: DType = "f32", label = "upload"): Tensor {
    if (data.length !== numel(shape)) {
      throw new RangeError(`${label}: ${data.length} values do not fill shape [${shape.join(", ")}]`);
    }
    const t = Tensor.empty(shape, dtype, label);
    engine().rec.write(t, toHost(data, dtype), label);
    return t;
  }

  static scalar(x: number, dtype: DType = "f32"): Tensor {
    return Tensor.from([x], [], dtype);
  }

  get buffer(): GPUBuffer {
    this.assertAlive();
    return this.storage.buffer;
  }

  get byteOffset(): number {
    return 0;
  }

  /** Bytes of the tensor's elements, rounded up to a multiple of 4. */
  get byteLength(): number {
    return Math.max(4, Math.ceil((this.size * BYTES_PER_ELEMENT[this.dtype]) / 4) * 4);
  }

  get disposed(): boolean {
    return this.disposedFlag;
  }

  get rank(): number {
    return this.shape.length;
  }

  private assertAlive(): void {
    if (this.disposedFlag) {
      throw new Error(`use of a disposed tensor [${this.shape.join(", ")}] ${this.dtype}`);
    }
  }

  /** A tensor sharing this one's buffer (a reshape or an alias); it holds its own reference. */
  view(shape: Shape = this.shape): Tensor {
    this.assertAlive();
    if (numel(shape) !== this.size) {
      throw new RangeError(`cannot view [${this.shape.join(", ")}] as [${shape.join(", ")}]`);
    }
    return new Tensor(shape, this.dtype, this.storage.retain());
  }

  /** Copy the contents to the host (f16 is widened to f32). One submission, one map. */
  async read(): Promise<HostArray> {
    return (await readTensors([this]))[0];
  }

  /** Exclude this tensor from every enclosing scope: it lives until disposed explicitly. */
  keep(): this {
    for (const f of frames) f.tensors.delete(this);
    return this;
  }

  dispose(): void {
    if (this.disposedFlag) return;
    this.disposedFlag = true;
    liveTensors--;
    for (let i = frames.length - 1; i >= 0; i--) if (frames[i].tensors.delete(this)) break;
    this.storage.release();
  }

  toString(): string {
    return `Tensor[${this.shape.join(", ")}] ${this.dtype}${this.requiresGrad ? " (requires grad)" : ""}`;
  }
}

/** Read several tensors with one submission and one map. */
export async function readTensors(ts: readonly Tensor[]): Promise<HostArray[]> {
  const raw = await engine().rec.read(ts);
  return raw.map((buf, i) => fromHost(buf, ts[i]));
}

function toHost(data: ArrayLike<number>, dtype: DType): ArrayBufferView {
  switch (dtype) {
    case "f32":
      return data instanceof Float32Array ? data : Float32Array.from(data);
    case "i32":
      return data instanceof Int32Array ? data : Int32Array.from(data);
    case "u32":
      return data instanceof Uint32Array ? data : Uint32Array.from(data);
    case "f16": {
      const out = new Uint16Array(data.length);
      for (let i = 0; i < data.length; i++) out[i] = f32ToF16Bits(data[i]);
      return out;
    }
  }
}

function fromHost(buf: ArrayBuffer, t: Tensor): HostArray {
  switch (t.dtype) {
    case "f32":
      return new Float32Array(buf, 0, t.size);
    case "i32":
      return new Int32Array(buf, 0, t.size);
    case "u32":
      return new Uint32Array(buf, 0, t.size);
    case "f16": {
      const bits = new Uint16Array(buf, 0, t.size);
      const out = new Float32Array(t.size);
      for (let i = 0; i < t.size; i++) out[i] = f16BitsToF32(bits[i]);
      return out;
    }
  }
}

const f32buf = new Float32Array(1);
const u32buf = new Uint32Array(f32buf.buffer);

/** IEEE half from a double, round to nearest even (through f32, as the GPU would store it). */
export function f32ToF16Bits(x: number): number {
  f32buf[0] = x;
  const u = u32buf[0];
  const sign = (u >>> 16) & 0x8000;
  const exp = (u >>> 23) & 0xff;
  let mant = u & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0);
  let e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - e;
    const half = 1 << (shift - 1);
    let r = mant >>> shift;
    const rem = mant & ((1 << shift) - 1);
    if (rem > half || (rem === half && (r & 1))) r++;
    return sign | r;
  }
  let r = mant >>> 13;
  const rem = mant & 0x1fff;
  if (rem > 0x1000 || (rem === 0x1000 && (r & 1))) {
    r++;
    if (r === 0x400) {
      r = 0;
      e++;
      if (e >= 0x1f) return sign | 0x7c00;
    }
  }
  return sign | (e << 10) | r;
}

export function f16BitsToF32(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const e = (h >>> 10) & 0x1f;
  const m = h & 0x3ff;
  if (e === 0) return sign * m * 2 ** -24;
  if (e === 0x1f) return m ? NaN : sign * Infinity;
  return sign * (1 + m / 1024) * 2 ** (e - 15);
}

// ---- scopes ---------------------------------------------------------------------------------------

/** Autograd registers the nodes it creates so a scope can free what the returned tensors do not need. */
export function registerNode(n: GradFnLike): void {
  const f = frames[frames.length - 1];
  if (f) f.nodes.push(n);
}

function collect(value: unknown, out: Set<Tensor>, seen = new Set<unknown>()): void {
  if (value instanceof Tensor) out.add(value);
  else if (value && typeof value === "object" && !seen.has(value)) {
    seen.add(value);
    if (Array.isArray(value)) { for (const v of value) collect(v, out, seen); }
    else if (value instanceof Map) { for (const v of value.values()) collect(v, out, seen); }
    else if (Object.getPrototypeOf(value) === Object.prototype) {
      for (const v of Object.values(value)) collect(v, out, seen);
    }
  }
}

function closeFrame(frame: ScopeFrame, result: unknown): void {
  const kept = new Set<Tensor>();
  collect(result, kept);
  // Graph nodes the kept tensors still depend on stay alive (their saved tensors hold own references).
  const reachable = new Set<GradFnLike>();
  const stack: GradFnLike[] = [];
  for (const t of kept) if (t.gradFn) stack.push(t.gradFn);
  while (stack.length) {
    const n = stack.pop()!;
    if (reachable.has(n)) continue;
    reachable.add(n);
    for (const i of n.inputs) if (i?.gradFn && !reachable.has(i.gradFn)) stack.push(i.gradFn);
  }
  for (const n of frame.nodes) if (!reachable.has(n)) n.release();
  const parent = frames[frames.length - 1];
  for (const t of frame.tensors) {
    if (kept.has(t)) parent?.tensors.add(t);
    else t.dispose();
  }
  if (parent) { for (const n of frame.nodes) if (reachable.has(n)) parent.nodes.push(n); }
}

/** Run `fn`; every tensor it creates is disposed at the end except those in its return value. */
export function scope<T>(fn: () => T): T {
  const frame: ScopeFrame = { tensors: new Set(), nodes: [] };
  frames.push(frame);
  let result: T;
  try {
    result = fn();
  } catch (e) {
    frames.pop();
    closeFrame(frame, undefined);
    throw e;
  }
  frames.pop();
  closeFrame(frame, result);
  return result;
}

/** `scope` for async functions. Scopes must not interleave: await the returned promise before another. */
export async function scopeAsync<T>(fn: () => Promise<T>): Promise<T> {
  const frame: ScopeFrame = { tensors: new Set(), nodes: [] };
  frames.push(frame);
  const depth = frames.length;
  let result: T;
  try {
    result = await fn();
  } catch (e) {
    frames.splice(depth - 1, 1);
    closeFrame(frame, undefined);
    throw e;
  }
  if (frames.length !== depth) throw new Error("scopeAsync: scopes interleaved across an await");
  frames.pop();
  closeFrame(frame, result);
  return result;
}

export function liveTensorCount(): number {
  return liveTensors;
}
