import * as assert from "node:assert/strict";
import { deepStrictEqual as assertEquals, throws } from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { loadWeightsFile, readWeights } from "../../../nn/checkpoint/load.ts";
import { ParameterError } from "../../../nn/parameter_error.ts";

const FIXTURES = fileURLToPath(new URL("../../../../shared/fixtures/", import.meta.url));

Deno.test("weights load from safetensors and both PyTorch formats, recognised by content", async () => {
  const st = await loadWeightsFile(`${FIXTURES}resnet20_cifar/weights.safetensors`);
  assertEquals([st.tensors.size, st.metadata.source_format, st.metadata.arch], [
    128,
    "safetensors",
    "cifar_resnet20",
  ]);
  for (const format of ["zip", "legacy"]) {
    const ck = await loadWeightsFile(`${FIXTURES}pytorch_checkpoints/checkpoint_${format}.pth.tar`);
    assertEquals(ck.metadata, { arch: "cifar_resnet20", epoch: "90", source_format: `pytorch-${format}` });
    assertEquals([...ck.tensors.keys()], [...st.tensors.keys()]);
  }
});

Deno.test("non-finite weights are refused unless explicitly allowed", async () => {
  const file = `${FIXTURES}safetensors_bad/good_format_nan_values.safetensors`;
  const bytes = await Deno.readFile(file);
  throws(() => readWeights(bytes, file), /tensor "a" has 2 non-finite values/);
  assertEquals(readWeights(bytes, file, { allowNonFinite: true }).tensors.size, 2);
});

Deno.test("a weights path that is missing or a directory is an error naming the parameter and the path", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const cases: [string, string | undefined, RegExp][] = [
      [`${dir}/nope.safetensors`, undefined, /^checkpoint .*\/nope\.safetensors: no such file$/],
      [`${dir}/nope.pth.tar`, "IN", /^IN .*\/nope\.pth\.tar: no such file$/],
      [dir, undefined, /^checkpoint .*: a directory, not a weights file/],
    ];
    for (const [path, parameter, message] of cases) {
      const error = await loadWeightsFile(path, { parameter }).then(() => null, (e: unknown) => e);
      assert.ok(error instanceof ParameterError, `${path}: ${error}`);
      assert.match(error.message, message);
      assert.match(error.renamed({ checkpoint: "--checkpoint" }), parameter ? /^IN / : /^--checkpoint /);
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
