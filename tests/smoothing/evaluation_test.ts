import * as assert from "node:assert/strict";
import { ParameterError } from "../../nn/parameter_error.ts";
import { openEvaluation } from "../../smoothing/evaluation.ts";

Deno.test("an evaluation names a missing checkpoint before it looks for the data", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const error = await openEvaluation({
      dataset: "cifar10",
      split: "test",
      dataDir: `${dir}/no-data`,
      checkpoint: `${dir}/nope.safetensors`,
      precision: "f32",
      skip: 1,
      max: -1,
      shard: { k: 0, n: 1 },
    }).then(() => null, (e: unknown) => e);
    assert.ok(error instanceof ParameterError, String(error));
    assert.match(
      error.renamed({ checkpoint: "--checkpoint" }),
      /^--checkpoint .*\/nope\.safetensors: no such file$/,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
