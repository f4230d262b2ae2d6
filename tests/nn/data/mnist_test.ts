import { deepStrictEqual as assertEquals, ok as assert, rejects, throws } from "node:assert/strict";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { loadSafetensorsFile } from "../../../nn/checkpoint/safetensors.ts";
import { loadMnist, mnistPackageDir, parseIdxImages, parseIdxLabels } from "../../../nn/data/mnist.ts";

const FIXTURES = fileURLToPath(new URL("../../../../shared/fixtures/", import.meta.url));

Deno.test("the test split has 10,000 28x28 digits whose pixels match the PyTorch fixture images", async () => {
  const ds = await loadMnist("test");
  assertEquals([ds.count, ds.shape, ds.images.length, ds.labels.length], [
    10000,
    [1, 28, 28],
    10000 * 784,
    10000,
  ]);
  assertEquals([...ds.labels.subarray(0, 10)], [7, 2, 1, 0, 4, 1, 4, 9, 5, 9]);
  const cases = (await loadSafetensorsFile(`${FIXTURES}mnist_cnn/cases.safetensors`)).tensors;
  const indices = cases.get("indices")!;
  const u8 = cases.get("input_u8")!;
  const labels = cases.get("labels")!;
  [...indices.data].map(Number).forEach((idx, k) => {
    assertEquals(
      ds.images.subarray(idx * 784, (idx + 1) * 784),
      u8.data.subarray(k * 784, (k + 1) * 784),
      `image ${idx}`,
    );
    assertEquals(ds.labels[idx], Number(labels.data[k]));
  });
});

Deno.test("the training split has 60,000 digits with every class present", async () => {
  const ds = await loadMnist("train");
  assertEquals(ds.count, 60000);
  assertEquals([...ds.labels.subarray(0, 10)], [5, 0, 4, 1, 9, 2, 1, 3, 1, 4]);
  const perClass = new Array(10).fill(0);
  for (const l of ds.labels) perClass[l]++;
  assert(perClass.every((n) => n > 5000 && n < 7000), `class counts ${perClass}`);
});

Deno.test("a directory of gzipped IDX files (the original download layout) loads identically", async () => {
  const dir = await Deno.makeTempDir();
  try {
    for (const f of ["t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"]) {
      await Deno.writeFile(
        join(dir, `${f}.gz`),
        gzipSync(await Deno.readFile(join(mnistPackageDir(), f)), { level: 1 }),
      );
    }
    const fromGz = await loadMnist("test", dir);
    const fromPkg = await loadMnist("test");
    assertEquals(fromGz.images, fromPkg.images);
    assertEquals(fromGz.labels, fromPkg.labels);
    await rejects(
      () => loadMnist("train", dir),
      (e: Error) => e.message.includes("train-images-idx3-ubyte: MNIST IDX file not found"),
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

function idxImages(count: number, rows = 28, cols = 28, magic = 0x803, extra = 0): Uint8Array {
  const b = new Uint8Array(16 + count * rows * cols + extra);
  const v = new DataView(b.buffer);
  [magic, count, rows, cols].forEach((x, i) => v.setUint32(4 * i, x, false));
  return b;
}

Deno.test("malformed IDX files are refused with the file name and expected-vs-found values", () => {
  assertEquals(parseIdxImages(idxImages(2), "ok").count, 2);
  throws(
    () => parseIdxImages(idxImages(2, 28, 28, 0x801), "f.idx"),
    /f\.idx: IDX magic 0x00000801, expected 0x00000803/,
  );
  throws(() => parseIdxImages(idxImages(2, 32, 32), "f.idx"), /f\.idx: images are 32x32, expected 28x28/);
  throws(
    () => parseIdxImages(idxImages(2, 28, 28, 0x803, 5), "f.idx"),
    /f\.idx: 1589 bytes, expected 16 \+ 2 x 784 = 1584/,
  );
  throws(() => parseIdxImages(new Uint8Array(10), "f.idx"), /too short/);
  const labels = new Uint8Array([0, 0, 8, 1, 0, 0, 0, 3, 1, 2, 3]);
  assertEquals([...parseIdxLabels(labels, "l.idx")], [1, 2, 3]);
  throws(
    () => parseIdxLabels(labels.subarray(0, 10), "l.idx"),
    /l\.idx: 10 bytes, expected 8 \+ 3 labels = 11/,
  );
  labels[9] = 12;
  throws(() => parseIdxLabels(labels, "l.idx"), /l\.idx: label 1 is 12, expected 0-9/);
});
