import { deepStrictEqual as assertEquals, ok as assert } from "node:assert/strict";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { main } from "../../cli/data.ts";
import { runInProcess } from "./run_cli.ts";
import { loadCifar10 } from "../../nn/data/cifar10.ts";

const run = (args: string[]) => runInProcess(main, args);

/** The official MD5 sums of the cifar-10-binary release, restated here independently of the builder. */
const OFFICIAL_MD5: Record<string, string> = {
  "data_batch_1.bin": "5dd7e06a14cb22eb9f671a540d1b7c25",
  "data_batch_2.bin": "5ea93a67294ea407fff1d09f752e9692",
  "data_batch_3.bin": "942cd6a4bcdd0dd3c604fbe906cb4421",
  "data_batch_4.bin": "ae636b3ba5c66a11e91e8cb52e771fcb",
  "data_batch_5.bin": "53f37980c15c3d472c316c40844f3f0d",
  "test_batch.bin": "803d5f7f4d78ea53de84dbe85f74fb6d",
};

Deno.test("data cifar10 --out DIR builds all six official files (MD5-checked) that the loader reads", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const out = join(dir, "cifar");
    const r = await run(["cifar10", "--out", out]);
    assertEquals(r.code, 0, r.err);
    for (const [file, md5] of Object.entries(OFFICIAL_MD5)) {
      assertEquals(createHash("md5").update(await Deno.readFile(join(out, file))).digest("hex"), md5, file);
    }
    const train = await loadCifar10(out, "train");
    assertEquals([train.count, train.labels.length], [50000, 50000]);
    assertEquals([...train.labels.subarray(0, 10)], [6, 9, 9, 4, 1, 1, 2, 7, 8, 3]);
    assertEquals(
      [...Deno.readDirSync(out)].length,
      7,
      "six batches and batches.meta.txt, no temporary files",
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("data explains its usage on bad arguments", async () => {
  for (
    const [args, fragment] of [
      [[], "missing the dataset name"],
      [["cifar10"], "--out DIR is required"],
      [["imagenet", "--out", "x"], `unknown dataset "imagenet" (available: cifar10)`],
      [["cifar10", "--out", "x", "extra"], "unexpected arguments: extra"],
      [["cifar10", "--outdir", "x"], "unknown option '--outdir'"],
    ] as [string[], string][]
  ) {
    const r = await run(args);
    assertEquals(r.code, 2, `${args}`);
    assert(r.err.includes(fragment) && r.err.includes("deno task data --help"), r.err);
  }
});
