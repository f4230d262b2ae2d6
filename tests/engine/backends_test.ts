/**
 * The same kernels (elementwise ops, sums, a matmul, a convolution and its gradients, which read textures
 * on these CPU adapters) give the same results on the lavapipe Vulkan adapter and on the GL fallback
 * (llvmpipe), and a machine with no adapter gets a message telling the user what to install.
 */
import assert from "node:assert/strict";
import { NO_ADAPTER_MESSAGE } from "../../engine/mod.ts";
import { assertClose } from "../helpers.ts";
import { acrossBackends, runProbe } from "./run_probe.ts";

Deno.test("kernels agree on the default adapter and the GL fallback (Vulkan driver hidden)", async () => {
  const main = await runProbe({});
  const gl = await runProbe({ VK_ICD_FILENAMES: "/nonexistent", DENO_WEBGPU_BACKEND: "gl" });
  assert.ok(main.results && gl.results, `both probes ran: ${main.error ?? ""} ${gl.error ?? ""}`);
  assert.equal(gl.backend, "gl");
  console.log(`default: ${main.adapter}\nfallback: ${gl.adapter}`);
  assert.equal(main.results.length, gl.results.length);
  main.results.forEach((r, i) =>
    assertClose(gl.results![i], r, { ...acrossBackends(i), what: `probe output ${i}` })
  );
});

Deno.test("with a Vulkan driver the engine opens Vulkan alone: no EGL, whose exit destructor crashed processes", async () => {
  const main = await runProbe({});
  if (main.backend !== "vulkan" || main.egl === null) return; // no Vulkan driver, or no /proc here
  assert.equal(main.egl, false, "libEGL loaded with the default backend");
  // the check sees EGL where GL is asked for
  const gl = await runProbe({ DENO_WEBGPU_BACKEND: "gl" });
  assert.equal(gl.egl, true, "libEGL not seen with the GL backend");
});

Deno.test("without any adapter the error says to install a GPU driver or mesa-vulkan-drivers", async () => {
  const none = await runProbe({ VK_ICD_FILENAMES: "/nonexistent", DENO_WEBGPU_BACKEND: "vulkan" });
  assert.equal(none.error, `adapter: ${NO_ADAPTER_MESSAGE}`);
  assert.match(none.error!, /mesa-vulkan-drivers/);
});
