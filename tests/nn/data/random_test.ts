import { deepStrictEqual as assertEquals, ok as assert } from "node:assert/strict";
import { hash32, permutation, Xoshiro128 } from "../../../nn/data/random.ts";

Deno.test("xoshiro128** matches the reference implementation from state (1, 2, 3, 4)", () => {
  const g = Xoshiro128.fromState([1, 2, 3, 4]);
  // First outputs of the reference C code (Blackman & Vigna) for this state.
  assertEquals(Array.from({ length: 6 }, () => g.nextU32()), [
    11520,
    0,
    5927040,
    70819200,
    2031721883,
    1637235492,
  ]);
});

Deno.test("the same seed gives the same stream; floats lie in [0, 1) with their mean near 1/2", () => {
  const a = new Xoshiro128(42);
  const b = new Xoshiro128(42);
  let sum = 0;
  for (let i = 0; i < 20000; i++) {
    const x = a.nextFloat();
    assertEquals(x, b.nextFloat());
    assert(x >= 0 && x < 1);
    sum += x;
  }
  assert(Math.abs(sum / 20000 - 0.5) < 0.01, `mean ${sum / 20000}`);
  assert(new Xoshiro128(43).nextU32() !== new Xoshiro128(42).nextU32());
});

Deno.test("hash32 separates nearby inputs and depends on the order of its words", () => {
  const seen = new Set<number>();
  for (let e = 0; e < 50; e++) for (let p = 0; p < 200; p++) seen.add(hash32(7, e, p));
  assertEquals(seen.size, 50 * 200);
  assert(hash32(1, 2) !== hash32(2, 1));
});

Deno.test("permutation returns every index exactly once, and each position is roughly uniform", () => {
  const rng = new Xoshiro128(1);
  const counts = new Array(5).fill(0);
  for (let t = 0; t < 5000; t++) {
    const p = permutation(5, rng);
    assertEquals([...p].sort(), [0, 1, 2, 3, 4]);
    counts[p[0]]++;
  }
  for (const c of counts) assert(Math.abs(c - 1000) < 120, `first-position counts ${counts}`);
});
