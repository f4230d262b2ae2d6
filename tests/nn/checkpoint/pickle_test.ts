import { deepStrictEqual as assertEquals } from "node:assert/strict";
import fc from "../../fast_check.ts";
import { unpickle } from "../../../nn/checkpoint/pickle.ts";

const NO_GLOBALS = { globals: new Map() };

/** A protocol-2 pickle of one integer as LONG1 (at most 255 bytes) or LONG4. */
function longPickle(bytes: Uint8Array, op: "LONG1" | "LONG4"): Uint8Array {
  const length = op === "LONG1" ? [bytes.length] : [0, 8, 16, 24].map((s) => (bytes.length >>> s) & 0xff);
  return new Uint8Array([0x80, 2, op === "LONG1" ? 0x8a : 0x8b, ...length, ...bytes, 0x2e]);
}

/** Python's int.from_bytes(b, "little", signed=True), the slow way. */
function fromBytesLittleSigned(b: Uint8Array): bigint {
  let v = 0n;
  for (let i = b.length - 1; i >= 0; i--) v = v * 256n + BigInt(b[i]);
  return b.length && b[b.length - 1] & 0x80 ? v - 256n ** BigInt(b.length) : v;
}

/** Integers come back as numbers where a double holds them exactly, as bigints beyond. */
const asRead = (
  v: bigint,
) => (v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v);

Deno.test("LONG1 and LONG4 read little-endian two's complement integers, as Python's int.from_bytes", () => {
  const cases: [number[], number | bigint][] = [
    [[], 0],
    [[0xff], -1],
    [[0x7f], 127],
    [[0x00, 0x80], -32768],
    [[0xff, 0x7f], 32767],
    [[0, 0, 0, 0, 0, 0, 0, 0x80], -(2n ** 63n)],
    [[0, 0, 0, 0, 0, 0, 0, 0, 0x01], 2n ** 64n],
    [[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x1f], Number.MAX_SAFE_INTEGER],
    [[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x3f], 2n ** 54n - 1n],
  ];
  for (const [bytes, want] of cases) {
    for (const op of ["LONG1", "LONG4"] as const) {
      assertEquals(unpickle(longPickle(new Uint8Array(bytes), op), 0, "t", NO_GLOBALS).value, want);
    }
  }
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
      const want = asRead(fromBytesLittleSigned(bytes));
      if (bytes.length <= 255) {
        assertEquals(unpickle(longPickle(bytes, "LONG1"), 0, "t", NO_GLOBALS).value, want);
      }
      assertEquals(unpickle(longPickle(bytes, "LONG4"), 0, "t", NO_GLOBALS).value, want);
    }),
    { numRuns: 500 },
  );
});

Deno.test("a LONG4 as long as a whole checkpoint (2 MiB) is read exactly", () => {
  // a corrupted byte can turn a checkpoint's next opcode into a LONG4 claiming the rest of the file: the
  // reader must get through it (it once took minutes, shifting a bigint in byte by byte)
  const n = 2 << 20;
  const bytes = new Uint8Array(n).fill(0xff);
  bytes[n - 1] = 0x7f;
  assertEquals(unpickle(longPickle(bytes, "LONG4"), 0, "t", NO_GLOBALS).value, 2n ** BigInt(8 * n - 1) - 1n);
  bytes[n - 1] = 0x80;
  bytes.fill(0, 0, n - 1);
  assertEquals(unpickle(longPickle(bytes, "LONG4"), 0, "t", NO_GLOBALS).value, -(2n ** BigInt(8 * n - 1)));
});
