import { deepStrictEqual as assertEquals, throws } from "node:assert/strict";
import {
  checkHostTensor,
  int64ToNumbers,
  shapeSize,
  tensorFromBytes,
} from "../../../nn/checkpoint/host_tensor.ts";

Deno.test("int64 tensors convert to numbers only within the exactly representable range", () => {
  const t = { dtype: "I64", shape: [3], data: new BigInt64Array([0n, -5n, 2n ** 53n - 1n]) } as const;
  assertEquals(int64ToNumbers(t, "n"), [0, -5, 2 ** 53 - 1]);
  throws(
    () => int64ToNumbers({ ...t, data: new BigInt64Array([2n ** 53n]) }, "nbt"),
    /nbt: int64 value 9007199254740992 is outside/,
  );
  throws(
    () => int64ToNumbers({ dtype: "U8", shape: [0], data: new Uint8Array(0) }, "u"),
    /u: expected an I64 tensor, found U8/,
  );
});

Deno.test("a tensor's data length must match its shape, and a 0-d tensor holds one element", () => {
  assertEquals(shapeSize([]), 1);
  assertEquals(shapeSize([2, 0, 3]), 0);
  checkHostTensor({ dtype: "F32", shape: [], data: new Float32Array(1) }, "s");
  throws(
    () => checkHostTensor({ dtype: "F32", shape: [2, 3], data: new Float32Array(5) }, "w"),
    /w: shape \[2, 3\] needs 6 elements but the F32 data holds 5/,
  );
  throws(
    () => checkHostTensor({ dtype: "F32", shape: [-1], data: new Float32Array(0) }, "w"),
    /invalid dimension -1/,
  );
});

Deno.test("tensors built from unaligned bytes copy them into aligned storage", () => {
  const raw = new Uint8Array(9);
  new DataView(raw.buffer).setFloat64(1, -2.5, true);
  const t = tensorFromBytes("F64", [1], raw.subarray(1));
  assertEquals([t.dtype, [...t.data]], ["F64", [-2.5]]);
});
