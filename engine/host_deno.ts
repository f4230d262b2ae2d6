/**
 * The engine's host under Deno (see host.ts): WGSL sources read from `shaders/` on disk, so an edited
 * kernel takes effect at the next run, and the adapter steered by the process environment:
 * SMOOTHCERT_ADAPTER (auto, software, hardware), SMOOTHCERT_GPU (engine/gpu_select.ts) and
 * DENO_WEBGPU_BACKEND (checked here, read by wgpu).
 */
import type { AdapterChoice, GpuOptions } from "./gpu_info.ts";
import { GpuError } from "./gpu_error.ts";
import {
  applyGpuSelector,
  checkSelectedAdapter,
  GpuSelectionError,
  type GpuSelector,
  parseGpuSelector,
} from "./gpu_select.ts";
import type { AdapterPlan, EngineHost } from "./host.ts";
import { parseTileLimit } from "./ops/matmul_tiles.ts";
import { applySoftwareThreads } from "./software_threads.ts";

const SHADERS = new URL("../shaders/", import.meta.url);

export const host: EngineHost = {
  shaderSource: (name) => Deno.readTextFileSync(new URL(`${name}.wgsl`, SHADERS)),
  shaderNames() {
    const names: string[] = [];
    for (const e of Deno.readDirSync(SHADERS)) {
      if (e.isFile && e.name.endsWith(".wgsl")) names.push(e.name.slice(0, -5));
    }
    return names.sort();
  },
  planAdapter,
  tileLimit: () => parseTileLimit(Deno.env.get("SMOOTHCERT_MAX_TILE")),
};

function planAdapter(opts: GpuOptions): AdapterPlan {
  const backend = opts.backend ?? Deno.env.get("DENO_WEBGPU_BACKEND") ?? undefined;
  if (backend) {
    checkBackend(backend);
    Deno.env.set("DENO_WEBGPU_BACKEND", backend);
  } else if (Deno.build.os === "linux" && vulkanDriverPresent()) {
    // Vulkan only, the backend wgpu picks here anyway (inferBackend). Left to its default, every backend,
    // wgpu also opens GL, which loads libglvnd's libEGL and Mesa's GL driver; at process exit libEGL's
    // destructor then ran while other threads that had used the device were still exiting (deno test's
    // module threads), and glibc aborted with "corrupted size vs. prev_size in fastbins" or "double free
    // or corruption" after every test had passed: 10 of 150 runs of 8 small GPU test modules with
    // --parallel and 32 of 120 without, none of 150 and 120 with Vulkan alone (core dumps: _dl_fini ->
    // libEGL.so.1 -> free on the main thread, tcache_thread_shutdown on another). A machine whose only
    // hardware driver is GL then gets lavapipe; DENO_WEBGPU_BACKEND=gl (or vulkan,gl) still opens GL.
    Deno.env.set("DENO_WEBGPU_BACKEND", "vulkan");
  }
  ensureRuntimeDir();
  const choice = opts.adapter ?? adapterFromEnv();
  const selector = gpuSelector(opts.gpu);
  // before the first adapter request: the Vulkan stack reads these when wgpu creates its instance
  if (selector) selectionStep(() => applyGpuSelector(selector, Deno.env));
  // also before it: Mesa's CPU driver sizes its thread pools when the instance is created
  const softwareThreads = applySoftwareThreads(Deno.env, navigator.hardwareConcurrency);
  return {
    softwareThreads,
    choice,
    backend: inferBackend(backend),
    check(adapter) {
      if (!selector) return undefined;
      selectionStep(() => checkSelectedAdapter(selector, adapter, { backend, env: Deno.env }));
      return `${selector.source}=${selector.text}`;
    },
  };
}

const VULKAN_ICD_DIRS = ["/usr/share/vulkan/icd.d", "/etc/vulkan/icd.d", "/usr/local/share/vulkan/icd.d"];

function vulkanDriverPresent(): boolean {
  const listed = Deno.env.get("VK_ICD_FILENAMES") ?? Deno.env.get("VK_DRIVER_FILES");
  if (listed !== undefined) {
    return listed.split(":").some((f) => {
      try {
        return Deno.statSync(f).isFile;
      } catch {
        return false;
      }
    });
  }
  for (const dir of VULKAN_ICD_DIRS) {
    try {
      for (const e of Deno.readDirSync(dir)) if (e.name.endsWith(".json")) return true;
    } catch { /* directory absent */ }
  }
  return false;
}

/** wgpu does not report its backend, so name the one it must have picked by the rules it follows. */
function inferBackend(explicit: string | undefined): string {
  if (explicit) return explicit;
  switch (Deno.build.os) {
    case "darwin":
      return "metal";
    case "windows":
      return "dx12 or vulkan";
    default:
      return vulkanDriverPresent() ? "vulkan" : "gl";
  }
}

/** Mesa warns on every start when XDG_RUNTIME_DIR is unset; give it a private directory. */
function ensureRuntimeDir(): void {
  if (Deno.build.os === "windows" || Deno.env.get("XDG_RUNTIME_DIR")) return;
  try {
    const dir = `/tmp/smoothcert-runtime-${Deno.uid() ?? "user"}`;
    Deno.mkdirSync(dir, { recursive: true, mode: 0o700 });
    Deno.env.set("XDG_RUNTIME_DIR", dir);
  } catch { /* only a warning is at stake */ }
}

/** The names wgpu's backend list understands (wgpu-types `Backends::from_comma_list`). */
const BACKEND_NAMES = ["vulkan", "vk", "dx12", "d3d12", "metal", "mtl", "opengl", "gles", "gl", "webgpu"];

/** wgpu ignores names it does not know, which would read as "no adapter": refuse them by name. */
function checkBackend(backend: string): void {
  const unknown = backend.split(",").map((b) => b.trim()).filter((b) =>
    !BACKEND_NAMES.includes(b.toLowerCase())
  );
  if (unknown.length > 0) {
    throw new GpuError(
      `DENO_WEBGPU_BACKEND=${backend}: unknown backend ${unknown.map((b) => JSON.stringify(b)).join(", ")} ` +
        "(expected vulkan, gl, metal or dx12, or a comma-separated list of them)",
      "adapter",
    );
  }
}

/** The GPU selection from the options, else from SMOOTHCERT_GPU; null for wgpu's own choice. */
function gpuSelector(given: string | undefined): GpuSelector | null {
  if (given !== undefined) return selectionStep(() => parseGpuSelector(given, "gpu option"));
  const v = Deno.env.get("SMOOTHCERT_GPU");
  if (v === undefined || v.trim() === "") return null;
  return selectionStep(() => parseGpuSelector(v, "SMOOTHCERT_GPU"));
}

/** A selection failure as the adapter error it is. */
function selectionStep<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw e instanceof GpuSelectionError ? new GpuError(e.message, "adapter") : e;
  }
}

function adapterFromEnv(): AdapterChoice {
  const v = Deno.env.get("SMOOTHCERT_ADAPTER");
  if (v === undefined || v === "" || v === "auto") return "auto";
  if (v === "software" || v === "hardware") return v;
  throw new Error(`SMOOTHCERT_ADAPTER must be auto, software or hardware (got "${v}")`);
}
