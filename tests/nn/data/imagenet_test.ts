import { deepStrictEqual as assertEquals, ok as assert, rejects, throws } from "node:assert/strict";
import { join } from "node:path";
import { encode as encodePng } from "fast-png";
import jpeg from "jpeg-js";
import {
  decodeRgb,
  evalTransform,
  loadEvalImage,
  loadImagenetEval,
  scanImageFolder,
} from "../../../nn/data/imagenet.ts";
import { resizeBilinear } from "../../../nn/data/resize.ts";

function solidJpeg(width: number, height: number, rgb: [number, number, number]): Uint8Array {
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) data.set([...rgb, 255], 4 * i);
  return jpeg.encode({ width, height, data }, 100).data;
}

async function withTempDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir();
  try {
    await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/** Writes files (path -> bytes) under `root`, creating folders. */
async function writeTree(root: string, files: Record<string, Uint8Array>): Promise<void> {
  for (const [rel, bytes] of Object.entries(files)) {
    const path = join(root, rel);
    await Deno.mkdir(join(path, ".."), { recursive: true });
    await Deno.writeFile(path, bytes);
  }
}

Deno.test("image folders are indexed like torchvision's ImageFolder", async () => {
  await withTempDir(async (root) => {
    const img = solidJpeg(8, 8, [10, 20, 30]);
    await writeTree(root, {
      "n02/b.jpg": img,
      "n02/a.JPEG": img, // extensions match case-insensitively
      "n02/notes.txt": new Uint8Array(3), // not an image: skipped
      "n02/sub/0.png": img, // sorted(os.walk): "n02" before "n02/sub", whatever the file names
      "n01/z.jpeg": img,
      "B/x.jpg": img, // Python orders by code point: upper case first
    });
    const f = await scanImageFolder(root);
    assertEquals(f.classes, ["B", "n01", "n02"]);
    assertEquals(
      f.samples.map((s) => [s.path.slice(root.length + 1), s.label]),
      [["B/x.jpg", 0], ["n01/z.jpeg", 1], ["n02/a.JPEG", 2], ["n02/b.jpg", 2], ["n02/sub/0.png", 2]],
    );
    await Deno.mkdir(join(root, "n03"));
    await rejects(() => scanImageFolder(root), /no image files .* for class\(es\) n03/);
  });
  await rejects(
    () => scanImageFolder("/nonexistent/imagenet/val"),
    /\/nonexistent\/imagenet\/val: image folder not found/,
  );
});

/** A raw RGB image whose pixel (x, y) holds (x, y, x + y) modulo 256. */
function coordinateImage(w: number, h: number): Uint8Array {
  const rgb = new Uint8Array(w * h * 3);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) rgb.set([x % 256, y % 256, (x + y) % 256], (y * w + x) * 3);
  }
  return rgb;
}

Deno.test("the center crop uses torchvision's offsets, rounding halves to even, and outputs CHW", () => {
  // Shorter side already 256: no resize. Width 256 -> left 16; height 257 -> (257 - 224) / 2 = 16.5 -> 16.
  const out = evalTransform(coordinateImage(256, 257), 256, 257);
  assertEquals(out.length, 3 * 224 * 224);
  assertEquals([out[0], out[224 * 224], out[2 * 224 * 224]], [16, 16, 32]); // R=x, G=y, B=x+y at (16, 16)
  assertEquals([out[223], out[224 * 224 + 223 * 224]], [16 + 223, 16 + 223]);
  // Height 259 -> 17.5 -> 18.
  assertEquals(evalTransform(coordinateImage(256, 259), 256, 259)[224 * 224], 18);
});

Deno.test("the shorter side is resized to 256 (longer side truncated) before the crop", () => {
  const src = coordinateImage(300, 200);
  const out = evalTransform(src, 300, 200);
  // 300x200 -> int(256 * 300 / 200) = 384 x 256, then crop at left 80, top 16.
  const resized = resizeBilinear(src, 300, 200, 3, 384, 256);
  for (const [y, x] of [[0, 0], [100, 57], [223, 223]]) {
    for (let c = 0; c < 3; c++) {
      assertEquals(out[c * 224 * 224 + y * 224 + x], resized[((y + 16) * 384 + x + 80) * 3 + c]);
    }
  }
});

Deno.test("an image smaller than the crop is zero-padded around its center", () => {
  const out = evalTransform(new Uint8Array(4 * 4 * 3).fill(200), 4, 4, { resize: 4, crop: 8 });
  const plane = [...out.subarray(0, 64)];
  for (let y = 0; y < 8; y++) {
    for (let x = 0; x < 8; x++) assertEquals(plane[y * 8 + x], y >= 2 && y < 6 && x >= 2 && x < 6 ? 200 : 0);
  }
});

Deno.test("JPEG and PNG files decode to RGB; the eval image is CHW float32 in [0, 1]", async () => {
  await withTempDir(async (dir) => {
    await Deno.writeFile(join(dir, "solid.jpg"), solidJpeg(300, 260, [250, 128, 3]));
    const x = await loadEvalImage(join(dir, "solid.jpg"));
    assertEquals(x.length, 3 * 224 * 224);
    for (const [c, v] of [[0, 250], [1, 128], [2, 3]]) {
      // A solid JPEG at quality 100 decodes to within a couple of levels of its color.
      const plane = x.subarray(c * 224 * 224, (c + 1) * 224 * 224);
      assert(plane.every((p) => Math.abs(p * 255 - v) <= 2), `channel ${c}`);
    }
    const gray = encodePng({
      width: 3,
      height: 2,
      data: Uint8Array.from([0, 50, 100, 150, 200, 250]),
      channels: 1,
      depth: 8,
    });
    assertEquals([...decodeRgb(gray, "g.png").rgb.subarray(0, 6)], [0, 0, 0, 50, 50, 50]);
    const rgba = encodePng({
      width: 1,
      height: 1,
      data: Uint8Array.from([9, 8, 7, 0]),
      channels: 4,
      depth: 8,
    });
    assertEquals([...decodeRgb(rgba, "a.png").rgb], [9, 8, 7]);
  });
  throws(() => decodeRgb(new TextEncoder().encode("BM...."), "x.bmp"), /x\.bmp: unsupported image format/);
  throws(
    () => decodeRgb(Uint8Array.from([0xff, 0xd8, 0xff, 0, 1, 2]), "bad.jpg"),
    /bad\.jpg: cannot decode JPEG/,
  );
});

Deno.test("an evaluation subset takes every k-th image of the folder order, with labels and indices", async () => {
  await withTempDir(async (root) => {
    const files: Record<string, Uint8Array> = {};
    for (let c = 0; c < 3; c++) {
      for (let i = 0; i < 3; i++) files[`val/class${c}/img${i}.jpg`] = solidJpeg(16, 20, [c * 100, 0, 0]);
    }
    await writeTree(root, files);
    const ds = await loadImagenetEval(root, "val", { every: 2, offset: 1, limit: 3 });
    assertEquals(ds.indices, [1, 3, 5]);
    assertEquals([...ds.labels], [0, 1, 1]);
    assertEquals([ds.count, ds.shape, ds.classes], [3, [3, 224, 224], ["class0", "class1", "class2"]]);
    assert(Math.abs(ds.images[2 * 3 * 224 * 224] - 100) <= 2, "third image is from class 1 (red 100)");
  });
});
