import { deepStrictEqual as assertEquals, throws } from "node:assert/strict";
import { resizeBilinear } from "../../../nn/data/resize.ts";

interface PillowCase {
  width: number;
  height: number;
  out_width: number;
  out_height: number;
  src: number[];
  expected: number[];
}

// Generated once with Pillow 9.4.0 (Debian python3-pil): see the "about" field of the file.
const PILLOW = JSON.parse(
  await Deno.readTextFile(new URL("./pillow_bilinear_cases.json", import.meta.url)),
) as {
  cases: PillowCase[];
};

Deno.test("bilinear resizing reproduces Pillow's bytes when shrinking, enlarging and on one axis only", () => {
  for (const c of PILLOW.cases) {
    const out = resizeBilinear(Uint8Array.from(c.src), c.width, c.height, 3, c.out_width, c.out_height);
    assertEquals([...out], c.expected, `${c.width}x${c.height} -> ${c.out_width}x${c.out_height}`);
  }
});

Deno.test("a constant image stays constant at any size, and the same size is a copy", () => {
  const src = new Uint8Array(10 * 7 * 3).fill(93);
  assertEquals([...resizeBilinear(src, 10, 7, 3, 23, 4)], new Array(23 * 4 * 3).fill(93));
  const copy = resizeBilinear(src, 10, 7, 3, 10, 7);
  assertEquals(copy, src);
  copy[0] = 0;
  assertEquals(src[0], 93);
});

Deno.test("a buffer that does not match the stated size is refused", () => {
  throws(() => resizeBilinear(new Uint8Array(5), 2, 2, 3, 1, 1), /holds 5 bytes, expected 2x2x3/);
});
