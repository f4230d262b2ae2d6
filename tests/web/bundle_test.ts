/**
 * `deno task bundle` (web/build.ts): the library and the page bundle for browsers with every WGSL
 * family inlined and no Deno API left; the shipped test images are exactly the datasets' pixels; the
 * page server serves web/ and models/ only.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { listShaderFamilies } from "../../engine/mod.ts";
import { DEFAULT_CIFAR_DIR, loadCifar10 } from "../../nn/data/cifar10.ts";
import { imageInput } from "../../nn/data/image_input.ts";
import { loadMnist } from "../../nn/data/mnist.ts";
import { bundle, ROOT, WEB_ENTRY_POINTS } from "../../web/build.ts";
import type { ShippedImage } from "../../web/make_images.ts";
import { servedFile } from "../../web/serve.ts";

Deno.test("the bundle inlines every kernel family and holds no Deno API", async () => {
  const outdir = await Deno.makeTempDir({ prefix: "smoothcert-bundle-test-" });
  try {
    const r = await bundle({ entryPoints: WEB_ENTRY_POINTS, outdir });
    assert.deepEqual(r.shaders, listShaderFamilies());
    const text = r.files.filter((f) => f.endsWith(".js")).map((f) => Deno.readTextFileSync(f)).join("\n");
    assert.ok(!/\bDeno\./.test(text));
    assert.ok(text.includes("fn nan() -> f32"), "WGSL sources are in the bundle");
    assert.ok(!text.includes("readTextFileSync"), "the Deno host (shaders from disk) is replaced");
    assert.ok(
      r.files.some((f) => f.endsWith("/smoothcert.js")) && r.files.some((f) => f.endsWith("/page.js")),
    );
  } finally {
    await Deno.remove(outdir, { recursive: true });
  }
});

Deno.test("the page's test images are the datasets' test images, pixel for pixel", async () => {
  const manifest = JSON.parse(Deno.readTextFileSync(`${ROOT}web/images/index.json`)) as ShippedImage[];
  const cifarDir = [
    `${ROOT}${DEFAULT_CIFAR_DIR}`,
    fileURLToPath(new URL("../../../shared/data/cifar-10-batches-bin", import.meta.url)),
  ]
    .find((d) => existsSync(`${d}/test_batch.bin`));
  const sets = {
    mnist: await loadMnist("test"),
    cifar10: cifarDir ? await loadCifar10(cifarDir, "test") : null,
  };
  for (const s of manifest) {
    const ds = sets[s.dataset];
    if (ds === null) continue; // no CIFAR-10 batches on this machine
    const per = ds.shape[0] * ds.shape[1] * ds.shape[2];
    const png = Deno.readFileSync(`${ROOT}web/images/${s.file}`);
    assert.deepEqual(
      imageInput(png, s.file, ds.shape).pixels,
      ds.images.subarray(s.index * per, (s.index + 1) * per),
      s.file,
    );
    assert.equal(s.label, ds.labels[s.index], s.file);
  }
  assert.ok(manifest.filter((s) => s.dataset === "mnist").length >= 3);
});

Deno.test("the page server serves web/ and models/ and nothing else", () => {
  assert.equal(servedFile("/web/index.html"), `${ROOT}web/index.html`);
  assert.equal(
    servedFile("/models/mnist_cnn_gaussian_0.25.safetensors"),
    `${ROOT}models/mnist_cnn_gaussian_0.25.safetensors`,
  );
  assert.equal(servedFile("/web/dist/page.js", "/tmp/d"), "/tmp/d/page.js");
  for (
    const p of [
      "/cli/certify.ts",
      "/web/../deno.json",
      "/%2e%2e/etc/passwd",
      "/webx/a",
      "/models/../.git/config",
    ]
  ) {
    assert.equal(servedFile(p), null, p);
  }
});
