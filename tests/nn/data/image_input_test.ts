/**
 * PNG and JPEG files as model inputs (nn/data/image_input.ts): an image of the model's size passes
 * unchanged, colour becomes luma for a gray model, other sizes are resized and center-cropped, and a
 * file of the wrong kind is refused naming it.
 */
import assert from "node:assert/strict";
import { encode } from "fast-png";
import { DataError } from "../../../nn/data/dataset.ts";
import { imageInput } from "../../../nn/data/image_input.ts";

Deno.test("a gray image of the model's size gives its own pixels; invert flips them", () => {
  const gray = Uint8Array.from({ length: 28 * 28 }, (_, i) => (i * 7) % 256);
  const png = encode({ width: 28, height: 28, data: gray, channels: 1, depth: 8 });
  const x = imageInput(png, "digit.png", [1, 28, 28]);
  assert.deepEqual(x.pixels, gray);
  assert.equal(x.data[1], Math.fround(7 / 255));
  assert.deepEqual(
    imageInput(png, "digit.png", [1, 28, 28], { invert: true }).pixels,
    gray.map((v) => 255 - v),
  );
});

Deno.test("colour becomes BT.601 luma for a gray model, channel planes for a colour one", () => {
  const rgb = new Uint8Array(32 * 32 * 3);
  for (let p = 0; p < 32 * 32; p++) rgb.set([200, 100, 50], 3 * p);
  const png = encode({ width: 32, height: 32, data: rgb, channels: 3, depth: 8 });
  assert.equal(
    imageInput(png, "c.png", [1, 32, 32]).pixels[5],
    Math.floor((299 * 200 + 587 * 100 + 114 * 50 + 500) / 1000),
  );
  const planes = imageInput(png, "c.png", [3, 32, 32]).pixels;
  assert.deepEqual([planes[0], planes[1024], planes[2048]], [200, 100, 50]);
});

Deno.test("other sizes are resized on the shorter side and center-cropped to the input", () => {
  const wide = new Uint8Array(112 * 56).fill(90);
  const png = encode({ width: 112, height: 56, data: wide, channels: 1, depth: 8 });
  const x = imageInput(png, "wide.png", [1, 28, 28]);
  assert.equal(x.pixels.length, 28 * 28);
  assert.ok(x.pixels.every((v) => v === 90));
  assert.deepEqual([x.width, x.height], [112, 56]);
});

Deno.test("a file that is not a PNG or JPEG is refused naming it", () => {
  assert.throws(
    () => imageInput(new TextEncoder().encode("GIF89a..."), "cat.gif", [3, 32, 32]),
    (e: unknown) => e instanceof DataError && /cat\.gif: unsupported image format/.test(e.message),
  );
});
