/**
 * `deno task visualize` (the reference's visualize.py): one MNIST image at several noise levels, the
 * PNGs decoded and checked against a float64-free CPU recomputation from the same draw z (sample 0 of
 * the image's noise stream): clamp(x + sd * z, 0, 1) in float32, truncated to bytes; sd = 0 is the
 * dataset's image; the reference's file names truncate sd * 100 (0.29 -> 28).
 */
import assert from "node:assert/strict";
import { decode } from "fast-png";
import { visualizeCommand } from "../../cli/visualize.ts";
import { gaussianNoise } from "../../engine/mod.ts";
import { unitToByte } from "../../nn/data/image_output.ts";
import { U8_TO_UNIT } from "../../nn/data/loader.ts";
import { loadMnist } from "../../nn/data/mnist.ts";
import { noisyImageName } from "../../smoothing/visualize.ts";
import { gpuTest } from "../helpers.ts";
import { runInProcess } from "./run_cli.ts";

gpuTest("visualize writes one PNG per noise level, all from one noise draw", async () => {
  const dir = await Deno.makeTempDir();
  const idx = 3;
  const sds = [0, 0.29, 0.5, 1];
  const r = await runInProcess(visualizeCommand, [
    "mnist",
    dir,
    String(idx),
    ...sds.map(String),
    "--seed",
    "4",
  ]);
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(sds.map((sd) => noisyImageName(idx, sd)), [
    "3_0.png",
    "3_28.png",
    "3_50.png",
    "3_100.png",
  ]);
  const ds = await loadMnist("test");
  const x = ds.images.subarray(idx * 784, (idx + 1) * 784);
  const zt = gaussianNoise([1, 1, 28, 28], { sigma: 1, seed: 4, stream: idx });
  const z = await zt.read();
  zt.dispose();
  for (const sd of sds) {
    const png = decode(await Deno.readFile(`${dir}/${noisyImageName(idx, sd)}`));
    assert.deepEqual([png.width, png.height, png.channels, png.depth], [28, 28, 1, 8]);
    const expected = Array.from(x, (v, k) => {
      const noisy = Math.fround(U8_TO_UNIT[v] + Math.fround(z[k] * sd));
      return unitToByte(Math.min(1, Math.max(0, noisy)));
    });
    assert.deepEqual([...png.data], expected, `sd ${sd}`);
    if (sd === 0) assert.deepEqual([...png.data], [...x]);
  }
  const bad = await runInProcess(visualizeCommand, ["mnist", dir, "3"]);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /expected DATASET OUTDIR IDX NOISE_SD/);
  const far = await runInProcess(visualizeCommand, ["mnist", dir, "10000", "0.5"]);
  assert.equal(far.code, 2);
  assert.match(far.err, /IDX 10000 is beyond the 10000 images/);
  await Deno.remove(dir, { recursive: true });
});
