/**
 * PNGs of model inputs as torchvision's ToPILImage writes them: bytes trunc(fround(v * 255)) (so 0.999
 * is 254), planar channels interleaved, gray or RGB; decoded back with fast-png.
 */
import assert from "node:assert/strict";
import { decode } from "fast-png";
import { imagePng, unitToByte } from "../../../nn/data/image_output.ts";
import { DataError } from "../../../nn/data/dataset.ts";
import { U8_TO_UNIT } from "../../../nn/data/loader.ts";

Deno.test("unitToByte truncates v * 255 in float32 and round-trips every dataset byte", () => {
  assert.deepEqual([0, 0.999, 1, 0.5, 1 / 255, 0.00392].map(unitToByte), [0, 254, 255, 127, 1, 0]);
  for (let v = 0; v < 256; v++) assert.equal(unitToByte(U8_TO_UNIT[v]), v);
});

Deno.test("imagePng writes gray and RGB images that decode to the same bytes", () => {
  const gray = Float32Array.from({ length: 6 }, (_, i) => i / 5); // 2 x 3
  const g = decode(imagePng(gray, [1, 2, 3]));
  assert.deepEqual([g.width, g.height, g.channels, g.depth], [3, 2, 1, 8]);
  assert.deepEqual([...g.data], [0, 51, 102, 153, 204, 255]);
  // planar R, G, B planes of a 2 x 2 image: pixel p is (R[p], G[p], B[p]) in the file
  const rgb = Float32Array.from([0, 0.25, 0.5, 1, 1, 1, 1, 1, 0, 0, 0, 0.999]);
  const c = decode(imagePng(rgb, [3, 2, 2]));
  assert.deepEqual([c.width, c.height, c.channels], [2, 2, 3]);
  assert.deepEqual([...c.data], [0, 255, 0, 63, 255, 0, 127, 255, 0, 255, 255, 254]);
  assert.throws(() => imagePng(new Float32Array(8), [2, 2, 2]), DataError);
  assert.throws(() => imagePng(new Float32Array(5), [1, 2, 3]), DataError);
});
