/**
 * A tiny pickle emitter for tests: builds opcode streams like the ones CPython's pickler writes, so
 * the reader can be tested on checkpoints with features the fixtures lack (strides, views, OrderedDict
 * state, protocol 4) without needing Python at test time.
 */

export class PickleWriter {
  private parts: number[] = [];

  op(code: number, ...args: number[]): this {
    this.parts.push(code, ...args);
    return this;
  }
  proto(v = 2): this {
    return this.op(0x80, v);
  }
  stop(): Uint8Array {
    this.parts.push(0x2e);
    return new Uint8Array(this.parts);
  }
  mark(): this {
    return this.op(0x28);
  }
  none(): this {
    return this.op(0x4e);
  }
  bool(v: boolean): this {
    return this.op(v ? 0x88 : 0x89);
  }
  /** The shortest integer opcode, as CPython picks it. */
  int(v: number | bigint): this {
    const n = BigInt(v);
    if (n >= 0n && n < 256n) return this.op(0x4b, Number(n));
    if (n >= 0n && n < 65536n) return this.op(0x4d, Number(n) & 0xff, Number(n) >> 8);
    if (n >= -(2n ** 31n) && n < 2n ** 31n) return this.op(0x4a, ...le(n, 4));
    let len = 1;
    while (n >= 2n ** BigInt(8 * len - 1) || n < -(2n ** BigInt(8 * len - 1))) len++;
    return this.op(0x8a, len, ...le(n, len));
  }
  float(v: number): this {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setFloat64(0, v, false);
    return this.op(0x47, ...b);
  }
  str(s: string): this {
    const b = new TextEncoder().encode(s);
    return this.op(0x58, ...le(BigInt(b.length), 4), ...b);
  }
  shortStr(s: string): this {
    const b = new TextEncoder().encode(s);
    return this.op(0x8c, b.length, ...b);
  }
  global(module: string, name: string): this {
    return this.op(0x63, ...new TextEncoder().encode(`${module}\n${name}\n`));
  }
  stackGlobal(module: string, name: string): this {
    return this.shortStr(module).shortStr(name).op(0x93);
  }
  tuple(build: (w: this) => void): this {
    this.mark();
    build(this);
    return this.op(0x74);
  }
  intTuple(xs: number[]): this {
    return this.tuple((w) => xs.forEach((x) => w.int(x)));
  }
  emptyDict(): this {
    return this.op(0x7d);
  }
  emptyList(): this {
    return this.op(0x5d);
  }
  /** MARK key value key value ... SETITEMS onto the dict on top of the stack. */
  setItems(build: (w: this) => void): this {
    this.mark();
    build(this);
    return this.op(0x75);
  }
  appends(build: (w: this) => void): this {
    this.mark();
    build(this);
    return this.op(0x65);
  }
  reduce(): this {
    return this.op(0x52);
  }
  build(): this {
    return this.op(0x62);
  }
  binput(i: number): this {
    return this.op(0x71, i);
  }
  binget(i: number): this {
    return this.op(0x68, i);
  }
  memoize(): this {
    return this.op(0x94);
  }
  persid(): this {
    return this.op(0x51);
  }
  /** `torch._utils._rebuild_tensor_v2(storage, offset, size, stride, False, OrderedDict())` */
  tensor(storage: (w: this) => void, offset: number, size: number[], stride: number[]): this {
    this.global("torch._utils", "_rebuild_tensor_v2");
    return this.tuple((w) => {
      storage(w);
      w.persid().int(offset).intTuple(size).intTuple(stride).bool(false);
      w.global("collections", "OrderedDict").op(0x29).reduce();
    }).reduce();
  }
}

function le(v: bigint, n: number): number[] {
  const out: number[] = [];
  let x = BigInt.asUintN(8 * n, v);
  for (let i = 0; i < n; i++) {
    out.push(Number(x & 0xffn));
    x >>= 8n;
  }
  return out;
}

/** Little-endian u64 bytes, as the legacy format writes storage sizes. */
export function u64le(v: number): Uint8Array {
  return new Uint8Array(le(BigInt(v), 8));
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
