/**
 * Weights held for many calls (engine/ops/conv_frozen.ts FrozenWeights) and a second device that records a
 * batch ahead (Engine.compileAhead: each pipeline's first dispatch is kept with its bindings and dispatched
 * later): the held Winograd transforms' textures outlive their holder, so a pipeline recorded while they were
 * held is built after they were released. A file of its own, so that its pipelines are new to the process.
 */
import assert from "node:assert/strict";
import { noGrad, Tensor } from "../../engine/mod.ts";
import { conv2dFrozen, FrozenWeights } from "../../engine/ops/conv_frozen.ts";
import { currentTileConfig } from "../../engine/ops/matmul.ts";
import { gpuTest, randomArray } from "../helpers.ts";

gpuTest("a pipeline recorded ahead with held weights builds after they are released", async (e) => {
  const x = Tensor.from(randomArray(2 * 16 * 8 * 8, 1), [2, 16, 8, 8]);
  const w = Tensor.from(randomArray(16 * 16 * 9, 2), [16, 16, 3, 3]);
  const built = await e.compileAhead(() => {
    const fw = new FrozenWeights(w);
    noGrad(() => conv2dFrozen(x, fw, { padding: 1 })).dispose();
    fw.dispose();
    return Promise.resolve();
  });
  if (currentTileConfig().winograd) {
    assert.ok(built.some((p) => p.startsWith("shaders/conv_winograd.wgsl:main")));
  }
  // a device error (a destroyed texture in the submission) would surface here
  await e.rec.finish();
  const fw = new FrozenWeights(w);
  const y = noGrad(() => conv2dFrozen(x, fw, { padding: 1 }));
  assert.equal((await y.read()).length, 2 * 16 * 64);
  for (const t of [x, w, y, fw]) t.dispose();
});
