/**
 * Which architecture certify and predict build: --arch when given, else the checkpoint's own `arch`
 * metadata (as `deno task train` and the reference's checkpoints record it), else the dataset's default.
 */
import assert from "node:assert/strict";
import { UsageError } from "../../cli/args.ts";
import { resolveArch } from "../../cli/common.ts";

const spec = { fallbackArch: "cifar_resnet110" as const, checkpoint: "ck.safetensors" };

Deno.test("without --arch the checkpoint's recorded architecture is built", () => {
  assert.equal(resolveArch(undefined, { arch: "cifar_resnet20" }, spec), "cifar_resnet20");
});

Deno.test("the reference's short names in checkpoint metadata are understood", () => {
  assert.equal(resolveArch(undefined, { arch: "resnet50" }, spec), "imagenet_resnet50");
  assert.equal(resolveArch("cifar_resnet110", { arch: "resnet110" }, spec), "cifar_resnet110");
});

Deno.test("without --arch or metadata, or with an unknown recorded name, the dataset default is used", () => {
  assert.equal(resolveArch(undefined, {}, spec), "cifar_resnet110");
  assert.equal(resolveArch(undefined, { arch: "vgg16" }, spec), "cifar_resnet110");
});

Deno.test("--arch that contradicts the checkpoint's metadata is refused, naming both", () => {
  assert.throws(
    () => resolveArch("cifar_resnet110", { arch: "cifar_resnet20" }, spec),
    (e: unknown) =>
      e instanceof UsageError &&
      /--arch cifar_resnet110, but ck\.safetensors holds a cifar_resnet20/.test(e.message),
  );
});

Deno.test("--arch agreeing with the metadata, or with none recorded, is used", () => {
  assert.equal(resolveArch("cifar_resnet20", { arch: "cifar_resnet20" }, spec), "cifar_resnet20");
  assert.equal(resolveArch("cifar_resnet56", {}, spec), "cifar_resnet56");
});
