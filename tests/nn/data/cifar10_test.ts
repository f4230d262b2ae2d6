import { deepStrictEqual as assertEquals, rejects, throws } from "node:assert/strict";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadSafetensorsFile } from "../../../nn/checkpoint/safetensors.ts";
import { CIFAR10_CLASSES, decodeCifar10Batch, loadCifar10 } from "../../../nn/data/cifar10.ts";

const SHARED = fileURLToPath(new URL("../../../../shared/", import.meta.url));
const OFFICIAL_DIR = `${SHARED}data/cifar-10-batches-bin`;

Deno.test("the official test batch loads as 10,000 CHW images matching the PyTorch fixture inputs", async () => {
  const ds = await loadCifar10(OFFICIAL_DIR, "test");
  assertEquals([ds.count, ds.shape, ds.images.length], [10000, [3, 32, 32], 10000 * 3072]);
  assertEquals([...ds.labels.subarray(0, 16)], [3, 8, 8, 0, 6, 6, 1, 6, 3, 1, 0, 9, 5, 7, 9, 8]);
  assertEquals(ds.classes, CIFAR10_CLASSES);
  const cases = (await loadSafetensorsFile(`${SHARED}fixtures/resnet20_cifar/cases.safetensors`)).tensors;
  const u8 = cases.get("input_u8")!.data;
  const labels = cases.get("labels")!.data;
  [...cases.get("indices")!.data].map(Number).forEach((idx, k) => {
    assertEquals(
      ds.images.subarray(idx * 3072, (idx + 1) * 3072),
      u8.subarray(k * 3072, (k + 1) * 3072),
      `image ${idx}`,
    );
    assertEquals(ds.labels[idx], Number(labels[k]));
  });
});

Deno.test("a missing batch file is named, with the command that builds the directory", async () => {
  await rejects(
    () => loadCifar10(OFFICIAL_DIR, "train"),
    (e: Error) =>
      e.message.includes("data_batch_1.bin: CIFAR-10 batch file not found") &&
      e.message.includes("deno task data cifar10"),
  );
});

Deno.test("corrupt batch files are refused: wrong size, wrong record count, impossible label", async () => {
  const rec = 3073;
  const images = new Uint8Array(10000 * 3072);
  const labels = new Uint8Array(10000);
  throws(
    () => decodeCifar10Batch(new Uint8Array(rec * 10000 - 1), "b.bin", images, labels),
    /b\.bin: size 30729999 bytes \(not a whole number of 3073-byte records\), expected 10000 records/,
  );
  throws(
    () => decodeCifar10Batch(new Uint8Array(rec * 5000), "b.bin", images, labels),
    /b\.bin: size 15365000 bytes \(5000 records\)/,
  );
  const bad = new Uint8Array(rec * 10000);
  bad[rec * 17] = 10;
  throws(
    () => decodeCifar10Batch(bad, "b.bin", images, labels),
    /b\.bin: record 17 has label 10, expected 0-9/,
  );

  const dir = await Deno.makeTempDir();
  try {
    await Deno.writeFile(join(dir, "test_batch.bin"), new Uint8Array(100));
    await rejects(
      () => loadCifar10(dir, "test"),
      (e: Error) => e.message.startsWith(join(dir, "test_batch.bin")),
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
