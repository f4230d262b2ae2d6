/** Shape arithmetic and dispatch-grid helpers shared by the op families. */
import type { Bindable } from "../recorder.ts";
import { engine } from "../runtime.ts";
import { type Shape, Tensor } from "../tensor.ts";

export const MAX_GRID = 65535;

const spareOutputs = new WeakMap<object, Tensor>();

/**
 * A 16-byte buffer (per engine) bound to a binding a kernel does not touch in this dispatch (an output it
 * does not write, an input it does not read): every binding an entry names must be bound, and WebGPU forbids
 * one buffer in two writable bindings.
 */
export function spareOutput(): Tensor {
  const e = engine();
  let spare = spareOutputs.get(e);
  if (!spare || spare.disposed) {
    spare = Tensor.empty([4], "f32", "spare output").keep();
    spareOutputs.set(e, spare);
  }
  return spare;
}

/** A 2-D grid of `wg`-wide workgroups covering n threads; `row` is the flat-index stride of gid.y. */
export function grid1d(n: number, wg = 256): { workgroups: [number, number]; row: number } {
  const groups = Math.max(1, Math.ceil(n / wg));
  const x = Math.min(groups, MAX_GRID);
  const y = Math.ceil(groups / x);
  if (y > MAX_GRID) throw new RangeError(`${n} elements exceed the largest dispatch grid`);
  return { workgroups: [x, y], row: x * wg };
}

export function sameShape(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

export function fmt(s: Shape): string {
  return `[${s.join(", ")}]`;
}

/** NumPy broadcasting of two shapes; throws naming both when they are incompatible. */
export function broadcastShapes(a: Shape, b: Shape, op = "broadcast"): number[] {
  const r = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < r; i++) {
    const da = a[a.length - r + i] ?? 1;
    const db = b[b.length - r + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new RangeError(`${op}: shapes ${fmt(a)} and ${fmt(b)} do not broadcast`);
    }
    out.push(da === 1 ? db : da);
  }
  return out;
}

/** Row-major element strides. */
export function stridesOf(shape: Shape): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= shape[i];
  }
  return s;
}

/** Strides of `shape` seen through the broadcast `outShape` (0 on broadcast dimensions). */
export function broadcastStrides(shape: Shape, outShape: Shape): number[] {
  const st = stridesOf(shape);
  const off = outShape.length - shape.length;
  return outShape.map((_, i) => (i < off || shape[i - off] === 1 ? 0 : st[i - off]));
}

/** Pack up to 8 values into the `array<vec4<u32>, 2>` uniform layout. */
export function pack8(v: readonly number[], what: string): number[] {
  if (v.length > 8) throw new RangeError(`${what}: rank ${v.length} exceeds the supported 8`);
  const out = new Array<number>(8).fill(0);
  v.forEach((x, i) => (out[i] = x));
  return out;
}

/** Normalise possibly negative axes against a rank; throws on out-of-range or repeated axes. */
export function normAxes(axes: readonly number[], rank: number, op: string): number[] {
  const out = axes.map((a) => (a < 0 ? a + rank : a));
  for (const a of out) {
    if (!Number.isInteger(a) || a < 0 || a >= rank) {
      throw new RangeError(`${op}: axis ${a} out of range for rank ${rank}`);
    }
  }
  if (new Set(out).size !== out.length) throw new RangeError(`${op}: repeated axis in [${axes.join(", ")}]`);
  return out.sort((x, y) => x - y);
}

/** A binding of `t`'s buffer covering at least `minBytes` (vec4 views need 16-byte multiples). */
export function paddedView(t: Tensor, minBytes = 16): Bindable {
  const bytes = Math.ceil(Math.max(minBytes, t.byteLength) / 16) * 16;
  if (bytes > t.buffer.size) {
    throw new RangeError(`internal: a ${bytes}-byte view exceeds its ${t.buffer.size}-byte buffer`);
  }
  return { buffer: t.buffer, byteOffset: 0, byteLength: bytes };
}
