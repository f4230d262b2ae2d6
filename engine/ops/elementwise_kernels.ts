/**
 * The elementwise kernels without autograd (broadcast binary, unary, expand, fill): what the
 * differentiable ops in elementwise.ts, their gradient rules and autograd's own gradient sums run.
 */
import { engine } from "../runtime.ts";
import { type DType, f32ToF16Bits, type Shape, Tensor } from "../tensor.ts";
import { operandCopies } from "./operand_texture.ts";
import { broadcastShapes, broadcastStrides, fmt, grid1d, pack8, paddedView, sameShape } from "./util.ts";

const BIN = { add: 0, sub: 1, mul: 2, div: 3, reluGrad: 4, max: 5, eq: 6 } as const;
const UN = {
  affine: 0,
  relu: 1,
  exp: 2,
  log: 3,
  sqrt: 4,
  square: 5,
  clamp: 6,
  inRange: 7,
  recip: 8,
  round: 9,
} as const;

function requireF32(t: Tensor, op: string): void {
  if (t.dtype !== "f32") throw new TypeError(`${op}: expected an f32 tensor, got ${t.dtype} ${fmt(t.shape)}`);
}

/**
 * When `b` broadcast to `shape` varies along one contiguous block of dimensions only (and is smaller
 * than `shape`), its element for flat index i is (i / inner) % count.
 */
function channelBroadcast(b: Shape, shape: Shape): { inner: number; count: number } | null {
  const off = shape.length - b.length;
  const full = shape.map((_, i) => (i < off ? 1 : b[i - off]));
  const varying = full.map((d, i) => d !== 1 && d === shape[i]);
  const first = varying.indexOf(true);
  if (first < 0) return { inner: 1, count: 1 };
  const last = varying.lastIndexOf(true);
  for (let i = first; i <= last; i++) if (!varying[i]) return null;
  const count = full.slice(first, last + 1).reduce((p, d) => p * d, 1);
  const inner = shape.slice(last + 1).reduce((p, d) => p * d, 1);
  if (count === shape.reduce((p, d) => p * d, 1)) return null; // not a broadcast at all
  return { inner, count };
}

/**
 * Vec4s from which a same-shape pass copies its operands into textures (binary_same4 and unary4 with TX,
 * engine/ops/operand_texture.ts): below it a copy's fixed cost is not worth saving the loads.
 */
const MIN_COPIED_VEC4S = 4096;

/** Raw broadcast binary kernel (no autograd). */
export function binaryRaw(op: keyof typeof BIN, a: Tensor, b: Tensor): Tensor {
  requireF32(a, op);
  requireF32(b, op);
  const shape = broadcastShapes(a.shape, b.shape, op);
  const out = Tensor.empty(shape, "f32", op);
  const n = out.size;
  if (n === 0) return out;
  const g = grid1d(n);
  const ch = sameShape(a.shape, shape) ? channelBroadcast(b.shape, shape) : null;
  if (ch && ch.inner % 16 === 0) {
    // by vec4s, 4 per thread and one read of b each (elementwise.wgsl's binary_channel4)
    const g4 = grid1d(n / 16);
    const { TX, textures } = operandCopies(n / 4 >= MIN_COPIED_VEC4S, { ta: a }, "elementwise");
    engine().run("elementwise", "binary_channel4", {
      bindings: { a4: paddedView(a), b, out4: paddedView(out), ...textures },
      uniforms: { n: n / 4, row: g4.row, inner: ch.inner / 4, count: ch.count },
      workgroups: g4.workgroups,
    }, { OP: BIN[op], TX });
    return out;
  }
  if (ch) {
    engine().run("elementwise", "binary_channel", {
      bindings: { a, b, out },
      uniforms: { n, row: g.row, inner: ch.inner, count: ch.count },
      workgroups: g.workgroups,
    }, { OP: BIN[op] });
    return out;
  }
  const same = sameShape(a.shape, shape) && sameShape(b.shape, shape);
  if (same && n % 4 === 0) {
    // Same shapes, whole vec4s: no index arithmetic and a quarter of the accesses.
    const g4 = grid1d(n / 4);
    const none = pack8([], op);
    const { TX, textures } = operandCopies(n / 4 >= MIN_COPIED_VEC4S, { ta: a, tb: b }, "elementwise");
    engine().run("elementwise", "binary_same4", {
      bindings: { a4: paddedView(a), b4: paddedView(b), out4: paddedView(out), ...textures },
      uniforms: { n: n / 4, rank: shape.length, row: g4.row, _pad: 0, shape: none, sa: none, sb: none },
      workgroups: g4.workgroups,
    }, { OP: BIN[op], TX });
    return out;
  }
  engine().run("elementwise", same ? "binary_same" : "binary", {
    bindings: { a, b, out },
    uniforms: {
      n,
      rank: shape.length,
      row: g.row,
      _pad: 0,
      shape: pack8(shape, op),
      sa: pack8(broadcastStrides(a.shape, shape), op),
      sb: pack8(broadcastStrides(b.shape, shape), op),
    },
    workgroups: g.workgroups,
  }, { OP: BIN[op] });
  return out;
}

/** Broadcast `a` to `shape` (no autograd). */
export function expandRaw(a: Tensor, shape: Shape): Tensor {
  requireF32(a, "expand");
  const full = broadcastShapes(a.shape, shape, "expand");
  if (!sameShape(full, shape)) {
    throw new RangeError(`expand: ${fmt(a.shape)} does not broadcast to ${fmt(shape)}`);
  }
  const out = Tensor.empty(shape, "f32", "expand");
  if (out.size === 0) return out;
  const g = grid1d(out.size);
  engine().run("elementwise", "expand", {
    bindings: { a, out },
    uniforms: {
      n: out.size,
      rank: shape.length,
      row: g.row,
      _pad: 0,
      shape: pack8(shape, "expand"),
      sa: pack8(broadcastStrides(a.shape, shape), "expand"),
      sb: pack8([], "expand"),
    },
    workgroups: g.workgroups,
  });
  return out;
}

/** Raw unary kernel (no autograd); alpha/beta parameterise affine and clamp. */
export function unaryRaw(op: keyof typeof UN, a: Tensor, alpha = 0, beta = 0): Tensor {
  requireF32(a, op);
  const out = Tensor.empty(a.shape, "f32", op);
  if (out.size === 0) return out;
  const v4 = a.size % 4 === 0;
  const n = v4 ? a.size / 4 : a.size;
  const g = grid1d(n);
  if (v4) {
    const { TX, textures } = operandCopies(n >= MIN_COPIED_VEC4S, { ta: a }, "elementwise");
    engine().run("elementwise", "unary4", {
      bindings: { a4: paddedView(a), out4: paddedView(out), ...textures },
      uniforms: { n, row: g.row, alpha, beta },
      workgroups: g.workgroups,
    }, { OP: UN[op], TX });
    return out;
  }
  engine().run("elementwise", "unary", {
    bindings: { a, out },
    uniforms: { n, row: g.row, alpha, beta },
    workgroups: g.workgroups,
  }, { OP: UN[op] });
  return out;
}

/** Fill a tensor's words with a constant (any dtype; f16 constants are packed in pairs). */
export function fillInPlace(t: Tensor, value: number): void {
  const words = t.byteLength / 4;
  let bits: number;
  if (value === 0) bits = 0;
  else if (t.dtype === "f32") bits = new Uint32Array(new Float32Array([value]).buffer)[0];
  else if (t.dtype === "i32" || t.dtype === "u32") bits = value >>> 0;
  else {
    const h = f32ToF16Bits(value);
    bits = (h | (h << 16)) >>> 0;
  }
  const g = grid1d(words);
  engine().run("elementwise", "fill", {
    bindings: { words: t },
    uniforms: { n: words, row: g.row, bits, _pad: 0 },
    workgroups: g.workgroups,
  });
}

export function full(shape: Shape, value: number, dtype: DType = "f32"): Tensor {
  const t = Tensor.empty(shape, dtype, "full");
  if (t.size > 0) fillInPlace(t, value);
  return t;
}

export function zeros(shape: Shape, dtype: DType = "f32"): Tensor {
  return full(shape, 0, dtype);
}
