/**
 * SMOOTHCERT_GPU: parsing, the Vulkan variables it sets, the check of the adapter wgpu returns, and
 * runs in fresh processes on the adapters this machine has: lavapipe (Vulkan, PCI ids 10005:0) and
 * llvmpipe through OpenGL (Vulkan driver hidden). A selection of a GPU that is not there is an error
 * on both, never a run on another adapter.
 */
import assert from "node:assert/strict";
import {
  applyGpuSelector,
  checkSelectedAdapter,
  GpuSelectionError,
  parseAdapterId,
  parseGpuSelector,
  selectorEnvironment,
} from "../../engine/gpu_select.ts";
import { assertClose, assertThrows, mapEnv } from "../helpers.ts";
import { acrossBackends, runProbe } from "./run_probe.ts";

Deno.test("VENDOR:DEVICE in hex is parsed; anything else is refused naming the variable", () => {
  assert.deepEqual(parseGpuSelector("10de:2330", "SMOOTHCERT_GPU"), {
    vendor: 0x10de,
    device: 0x2330,
    text: "10de:2330",
    source: "SMOOTHCERT_GPU",
  });
  const lavapipe = parseGpuSelector(" 0x10005:0x0 ", "SMOOTHCERT_GPU");
  assert.equal(lavapipe.vendor, 0x10005);
  assert.equal(lavapipe.device, 0);
  for (const bad of ["", "1", "0000:65:00.0", "10de:", "gpu0", "10de:2330:1"]) {
    assertThrows(() => parseGpuSelector(bad, "SMOOTHCERT_GPU"), GpuSelectionError, `SMOOTHCERT_GPU=${bad}`);
  }
});

Deno.test("the selection sets Mesa's device-select and the loader's variables, and refuses a conflicting one", () => {
  const sel = parseGpuSelector("10DE:2330", "SMOOTHCERT_GPU");
  assert.deepEqual(selectorEnvironment(sel), {
    MESA_VK_DEVICE_SELECT: "10de:2330",
    MESA_VK_DEVICE_SELECT_FORCE_DEFAULT_DEVICE: "1",
    VK_LOADER_DEVICE_SELECT: "10de:2330",
  });
  const env = mapEnv({ VK_LOADER_DEVICE_SELECT: "0x10de:0x2330" });
  applyGpuSelector(sel, env);
  assert.equal(env.vars.get("MESA_VK_DEVICE_SELECT"), "10de:2330");
  assertThrows(
    () => applyGpuSelector(sel, mapEnv({ MESA_VK_DEVICE_SELECT: "1002:73ff" })),
    GpuSelectionError,
    "SMOOTHCERT_GPU=10DE:2330 and MESA_VK_DEVICE_SELECT=1002:73ff select different GPUs",
  );
});

Deno.test("adapter ids are read in decimal (Deno) or 0x-hex; a mismatch names what was found and why", () => {
  assert.equal(parseAdapterId("65541"), 0x10005);
  assert.equal(parseAdapterId("0x10de"), 0x10de);
  assert.equal(parseAdapterId(""), null);
  assert.equal(parseAdapterId("NVIDIA"), null);
  const sel = parseGpuSelector("10de:2330", "SMOOTHCERT_GPU");
  const lavapipe = { vendor: "65541", device: "0", description: "llvmpipe (LLVM 15.0.6, 256 bits)" };
  checkSelectedAdapter(parseGpuSelector("10005:0", "SMOOTHCERT_GPU"), lavapipe, { env: mapEnv() });
  const noLayer = mapEnv({
    XDG_DATA_DIRS: "/nonexistent",
    XDG_CONFIG_DIRS: "/nonexistent",
    HOME: "/nonexistent",
  });
  assert.throws(
    () => checkSelectedAdapter(sel, lavapipe, { backend: "gl", env: noLayer }),
    (e: Error) =>
      e instanceof GpuSelectionError &&
      e.message.includes("asks for the GPU with PCI ids 10de:2330, but the adapter offered is llvmpipe") &&
      e.message.includes("(10005:0)") && e.message.includes("DENO_WEBGPU_BACKEND=gl asks for OpenGL") &&
      /Mesa's device-select Vulkan layer is not installed/.test(e.message),
  );
  assert.throws(
    () => checkSelectedAdapter(sel, lavapipe, { env: mapEnv({ NODEVICE_SELECT: "1" }) }),
    /NODEVICE_SELECT=1 disables Mesa's device-select layer/,
  );
});

const GL = { VK_ICD_FILENAMES: "/nonexistent", DENO_WEBGPU_BACKEND: "gl" };

Deno.test("SMOOTHCERT_GPU=10005:0 runs on lavapipe and on the GL fallback, with the same results", async () => {
  const plain = await runProbe({});
  const vulkan = await runProbe({ SMOOTHCERT_GPU: "10005:0" });
  const gl = await runProbe({ ...GL, SMOOTHCERT_GPU: "10005:0" });
  for (const r of [vulkan, gl]) {
    assert.ok(r.results, `the probe ran: ${r.error ?? ""}`);
    assert.match(r.adapter!, /llvmpipe.*selected by SMOOTHCERT_GPU=10005:0\]/);
  }
  assert.equal(gl.backend, "gl");
  vulkan.results!.forEach((r, i) =>
    assertClose(r, plain.results![i], { rtol: 0, atol: 0, what: `output ${i}` })
  );
  gl.results!.forEach((r, i) =>
    assertClose(r, plain.results![i], { ...acrossBackends(i), what: `GL output ${i}` })
  );
});

Deno.test("a GPU that is not there, or a malformed selection, is an adapter error on both backends", async () => {
  const vulkan = await runProbe({ SMOOTHCERT_GPU: "10de:2330" });
  assert.match(
    vulkan.error ?? "",
    /^adapter: SMOOTHCERT_GPU=10de:2330 asks for the GPU with PCI ids 10de:2330, but the adapter offered is llvmpipe.*\(10005:0\)/,
  );
  const gl = await runProbe({ ...GL, SMOOTHCERT_GPU: "10de:2330" });
  assert.match(
    gl.error ?? "",
    /but the adapter offered is llvmpipe[\s\S]*DENO_WEBGPU_BACKEND=gl asks for OpenGL/,
  );
  const bad = await runProbe({ SMOOTHCERT_GPU: "gpu1" });
  assert.match(bad.error ?? "", /^adapter: SMOOTHCERT_GPU=gpu1: expected VENDOR:DEVICE/);
});

Deno.test("variables a process sets before its first adapter request reach Mesa's device-select layer", async () => {
  // MESA_VK_DEVICE_SELECT=list makes the layer print the devices it can select and exit: proof that
  // a selection set by the engine at run time (not only by a launcher) is what Vulkan reads.
  const { code, stderr } = await new Deno.Command(Deno.execPath(), {
    args: [
      "eval",
      'Deno.env.set("MESA_VK_DEVICE_SELECT", "list"); await navigator.gpu.requestAdapter(); ' +
      'console.log("the layer did not run")',
    ],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const err = new TextDecoder().decode(stderr);
  assert.equal(code, 0);
  assert.match(err, /selectable devices:\n\s+GPU 0: 10005:0 "llvmpipe/);
});
