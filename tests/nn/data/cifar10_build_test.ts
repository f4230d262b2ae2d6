import { deepStrictEqual as assertEquals } from "node:assert/strict";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildCifar10, CIFAR10_MD5, CIFAR10_META_TEXT } from "../../../nn/data/cifar10_build.ts";

const OFFICIAL_DIR = fileURLToPath(new URL("../../../../shared/data/cifar-10-batches-bin/", import.meta.url));

// Building all six files takes about 5 s; tests/cli/data_test.ts does that through the CLI.
Deno.test("the test batch rebuilt from the npm PNG sheets is byte-identical to the official file", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const built = await buildCifar10(dir, { batches: ["test_batch"] });
    assertEquals(built.map((b) => [b.batch, b.md5]), [["test_batch", "803d5f7f4d78ea53de84dbe85f74fb6d"]]);
    const bytes = await Deno.readFile(join(dir, "test_batch.bin"));
    assertEquals(createHash("md5").update(bytes).digest("hex"), CIFAR10_MD5.test_batch);
    assertEquals(bytes, await Deno.readFile(join(OFFICIAL_DIR, "test_batch.bin")));
    assertEquals(
      await Deno.readFile(join(dir, "batches.meta.txt")),
      await Deno.readFile(join(OFFICIAL_DIR, "batches.meta.txt")),
    );
    assertEquals(CIFAR10_META_TEXT.length, 61);
    assertEquals([...Deno.readDirSync(dir)].map((e) => e.name).sort(), [
      "batches.meta.txt",
      "test_batch.bin",
    ]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
