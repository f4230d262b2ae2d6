import { deepStrictEqual as assertEquals, throws } from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { loadWeightsFile, readWeights } from "../../../nn/checkpoint/load.ts";

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
