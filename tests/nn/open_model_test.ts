/**
 * Models opened from bytes (nn/open_model.ts), as the commands and the page open them: architecture,
 * normalisation and noise level from the file's metadata; errors that name the file or the parameter.
 */
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { CheckpointError } from "../../nn/checkpoint/host_tensor.ts";
import { F16_ON_SOFTWARE_NOTE, openModel, resolveArch } from "../../nn/open_model.ts";
import { ParameterError } from "../../nn/parameter_error.ts";
import { gpuTest } from "../helpers.ts";

const MODELS = fileURLToPath(new URL("../../models/", import.meta.url));

gpuTest("a deno task train checkpoint says its architecture, normalisation and noise level", async () => {
  const bytes = await Deno.readFile(`${MODELS}cifar_resnet20_gaussian_0.25.safetensors`);
  const m = await openModel(bytes, "resnet20.safetensors");
  assert.equal(m.arch, "cifar_resnet20");
  assert.equal(m.normalize, "full");
  assert.equal(m.noiseSd, 0.25);
  assert.deepEqual(m.info.inputShape, [3, 32, 32]);
  assert.match(m.sha256, /^[0-9a-f]{64}$/);
  m.model.dispose();
});

gpuTest("a file that is not a model, or weights of another architecture, is refused naming it", async () => {
  const noise = crypto.getRandomValues(new Uint8Array(256));
  noise[0] = 0x13; // not a zip or a pickle
  noise[8] = 0x00; // not the "{" or "[" that would make it a (broken) safetensors file
  await assert.rejects(
    openModel(noise, "upload.bin"),
    (e: unknown) =>
      e instanceof CheckpointError && /upload\.bin is not a model file this tool reads/.test(e.message),
  );
  const mnist = await Deno.readFile(`${MODELS}mnist_cnn_gaussian_0.25.safetensors`);
  await assert.rejects(
    openModel(mnist, "m.safetensors", { arch: "cifar_resnet20" }),
    (e: unknown) =>
      e instanceof ParameterError &&
      /^arch cifar_resnet20, but m\.safetensors holds a mnist_cnn .*leave arch out$/.test(e.message),
  );
});

gpuTest(
  "f16 on a software adapter comes with a note that it runs slower there; f32 comes with none",
  async (e) => {
    const bytes = await Deno.readFile(`${MODELS}mnist_cnn_gaussian_0.25.safetensors`);
    const f32 = await openModel(bytes, "m.safetensors");
    assert.deepEqual(f32.notes, []);
    f32.model.dispose();
    if (!e.f16) return; // without shader-f16, openModel refuses f16: nothing to note
    const f16 = await openModel(bytes, "m.safetensors", { precision: "f16" });
    assert.deepEqual(f16.notes, e.software ? [F16_ON_SOFTWARE_NOTE] : []);
    assert.match(F16_ON_SOFTWARE_NOTE, /^precision f16 runs about half as fast as f32/);
    f16.model.dispose();
  },
);

Deno.test("the architecture: asked, else recorded, else the fallback; none at all is a parameter error", () => {
  assert.equal(resolveArch(undefined, { arch: "resnet110" }, { checkpoint: "c" }), "cifar_resnet110");
  assert.equal(resolveArch(undefined, {}, { checkpoint: "c", fallbackArch: "mnist_cnn" }), "mnist_cnn");
  assert.throws(
    () => resolveArch(undefined, {}, { checkpoint: "c.pth.tar" }),
    (e: unknown) =>
      e instanceof ParameterError && /c\.pth\.tar does not say which architecture it holds/.test(e.message),
  );
  const mismatch = (() => {
    try {
      resolveArch("cifar_resnet56", { arch: "cifar_resnet20" }, { checkpoint: "c" });
    } catch (e) {
      return e as ParameterError;
    }
  })()!;
  assert.match(mismatch.message, /^arch cifar_resnet56, but c holds a cifar_resnet20/);
  assert.match(
    mismatch.renamed({ arch: "--arch" }),
    /^--arch cifar_resnet56, .*pass --arch cifar_resnet20 or leave --arch out/,
  );
});
