/** Tensors, the buffer pool and scopes: memory returns to its baseline; views share storage. */
import assert from "node:assert/strict";
import {
  add,
  backward,
  liveTensorCount,
  mul,
  readTensors,
  relu,
  scope,
  scopeAsync,
  sizeClass,
  sum,
  Tensor,
} from "../../engine/mod.ts";
import { f16BitsToF32, f32ToF16Bits } from "../../engine/tensor.ts";
import { gpuTest, randomArray } from "../helpers.ts";

Deno.test("pool size classes round up to 256-byte steps, then four steps per power of two", () => {
  assert.equal(sizeClass(1), 256);
  assert.equal(sizeClass(257), 512);
  assert.equal(sizeClass(4096), 4096);
  assert.equal(sizeClass(4097), 5120);
  assert.equal(sizeClass(1 << 20), 1 << 20);
  assert.equal(sizeClass((1 << 20) + 1), 1.25 * (1 << 20));
  for (let b = 1; b < 1e7; b = Math.ceil(b * 1.37)) {
    const c = sizeClass(b);
    assert.ok(c >= b && c <= Math.max(256, b * 1.25 + 256), `class of ${b} is ${c}`);
  }
});

Deno.test("f16 conversion rounds to nearest even and round-trips every half", () => {
  for (let h = 0; h < 0x10000; h++) {
    const f = f16BitsToF32(h);
    if (Number.isNaN(f)) continue;
    assert.equal(f32ToF16Bits(f), h, `half 0x${h.toString(16)}`);
  }
  assert.equal(f32ToF16Bits(1 + 2 ** -11), f32ToF16Bits(1)); // tie -> even
  assert.equal(f32ToF16Bits(1 + 3 * 2 ** -11), f32ToF16Bits(1 + 2 ** -9)); // tie -> even (up)
  assert.equal(f16BitsToF32(f32ToF16Bits(70000)), Infinity);
});

gpuTest("upload and read back every dtype, including f16", async () => {
  const ts = [
    Tensor.from([1.5, -2, 3], [3], "f32"),
    Tensor.from([-7, 8], [2], "i32"),
    Tensor.from([4294967295, 1], [2], "u32"),
    Tensor.from([0.1, -65504, 1 / 3], [3], "f16"),
  ];
  const [f, i, u, h] = await readTensors(ts);
  assert.deepEqual([...f], [1.5, -2, 3]);
  assert.deepEqual([...i], [-7, 8]);
  assert.deepEqual([...u], [4294967295, 1]);
  assert.deepEqual([...h], [0.0999755859375, -65504, 0.333251953125]);
  ts.forEach((t) => t.dispose());
  assert.throws(() => Tensor.from([1, 2], [3]), /2 values do not fill shape \[3\]/);
  assert.throws(() => Tensor.empty([2, -1]), /invalid dimension/);
});

gpuTest("views share the buffer and keep it alive until the last reference goes", async (e) => {
  const a = Tensor.from([1, 2, 3, 4], [2, 2]);
  const v = a.view([4]);
  const live = e.pool.statistics.liveBytes;
  a.dispose();
  assert.equal(e.pool.statistics.liveBytes, live, "the view still holds the buffer");
  assert.deepEqual([...await v.read()], [1, 2, 3, 4]);
  v.dispose();
  assert.equal(e.pool.statistics.liveBytes, live - 256);
  assert.throws(() => a.buffer, /use of a disposed tensor/);
});

gpuTest("scope returns live bytes and tensor count to the baseline after thousands of ops", async (e) => {
  const x = Tensor.from(randomArray(1000, 1), [10, 100]);
  const baseBytes = e.pool.statistics.liveBytes;
  const baseCount = liveTensorCount();
  for (let iter = 0; iter < 50; iter++) {
    const s = scope(() => {
      let y = x;
      for (let i = 0; i < 40; i++) y = relu(add(mul(y, y), x));
      return sum(y);
    });
    s.dispose();
  }
  await e.rec.finish();
  assert.equal(e.pool.statistics.liveBytes, baseBytes);
  assert.equal(liveTensorCount(), baseCount);
  assert.ok(e.rec.stats.dispatches > 6000);
  x.dispose();
});

gpuTest("scope keeps exactly what it returns (arrays and objects too) and frees it on error", async () => {
  const base = liveTensorCount();
  const r = scope(() => {
    const a = Tensor.from([1], [1]);
    const b = Tensor.from([2], [1]);
    Tensor.from([3], [1]);
    return { pair: [a, b], n: 1 };
  });
  assert.equal(liveTensorCount(), base + 2);
  r.pair.forEach((t) => t.dispose());
  assert.throws(() =>
    scope(() => {
      Tensor.from([1], [1]);
      throw new Error("boom");
    }), /boom/);
  assert.equal(liveTensorCount(), base);
  const kept = await scopeAsync(async () => {
    const t = Tensor.from([5], [1]);
    await t.read();
    return t;
  });
  assert.equal(liveTensorCount(), base + 1);
  kept.dispose();
});

gpuTest(
  "backward frees every saved tensor: memory returns to the baseline after training-like steps",
  async (e) => {
    const w = Tensor.from(randomArray(64, 2), [8, 8]);
    w.requiresGrad = true;
    const base = e.pool.statistics.liveBytes;
    for (let step = 0; step < 20; step++) {
      const loss = scope(() => sum(relu(mul(add(w, w), w))));
      backward(loss);
      loss.dispose();
      w.grad!.dispose();
      w.grad = null;
    }
    await e.rec.finish();
    assert.equal(e.pool.statistics.liveBytes, base);
    w.dispose();
  },
);

gpuTest("a graph that is never backpropagated is released when its scope ends", async (e) => {
  const w = Tensor.from(randomArray(64, 2), [64]);
  w.requiresGrad = true;
  const base = e.pool.statistics.liveBytes;
  const v = await scopeAsync(async () => {
    const loss = sum(mul(relu(w), w));
    return (await loss.read())[0];
  });
  assert.ok(Number.isFinite(v));
  assert.equal(e.pool.statistics.liveBytes, base);
  w.dispose();
});
