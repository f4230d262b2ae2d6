/**
 * The GPU device layer: adapter selection, limits and features, and turning every
 * asynchronous WebGPU failure (validation, out-of-memory, device loss) into a thrown Error.
 */
import {
  applyGpuSelector,
  checkSelectedAdapter,
  GpuSelectionError,
  type GpuSelector,
  parseGpuSelector,
} from "./gpu_select.ts";

export type AdapterChoice = "auto" | "software" | "hardware";

export interface GpuOptions {
  /** "software" demands the fallback adapter (Mesa lavapipe/llvmpipe); "hardware" refuses it. */
  adapter?: AdapterChoice;
  /** Forwarded to wgpu as DENO_WEBGPU_BACKEND ("vulkan", "gl", "metal", "dx12"). */
  backend?: string;
  /** Disable shader-f16 even when offered (tests use this to compare both paths). */
  disableF16?: boolean;
  /**
   * The GPU to use, by PCI ids `VENDOR:DEVICE` in hex (see engine/gpu_select.ts); when absent,
   * SMOOTHCERT_GPU decides, else wgpu's own choice.
   */
  gpu?: string;
}

export interface GpuInfo {
  description: string;
  vendor: string;
  backend: string;
  isFallbackAdapter: boolean;
  f16: boolean;
  maxStorageBuffersPerShaderStage: number;
  maxComputeWorkgroupStorageSize: number;
  maxComputeInvocationsPerWorkgroup: number;
  maxStorageBufferBindingSize: number;
  maxBufferSize: number;
  subgroupMinSize: number;
  subgroupMaxSize: number;
  /** The selection that chose this adapter (`SMOOTHCERT_GPU=10de:2330`), when there was one. */
  selectedBy?: string;
}

/** Raised for every GPU-side failure; `context` names the kernel or operation involved. */
export class GpuError extends Error {
  constructor(message: string, readonly context: string) {
    super(`${context}: ${message}`);
    this.name = "GpuError";
  }
}

export const NO_ADAPTER_MESSAGE =
  "No WebGPU adapter found. Install a GPU driver (NVIDIA/AMD/Intel Vulkan driver) or, for the software " +
  "adapter, Mesa's Vulkan driver: `apt-get install -y mesa-vulkan-drivers` (Debian/Ubuntu).";

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

/** Limits the kernels want; each is capped at what the adapter offers. */
const WANTED_LIMITS: Record<string, number> = {
  maxStorageBuffersPerShaderStage: 10,
  maxComputeWorkgroupStorageSize: 32768,
  maxComputeInvocationsPerWorkgroup: 1024,
  maxComputeWorkgroupSizeX: 1024,
  maxComputeWorkgroupSizeY: 1024,
  maxComputeWorkgroupsPerDimension: 65535,
  maxStorageBufferBindingSize: 2 ** 31 - 4,
  maxBufferSize: 2 ** 31 - 4,
  maxBindGroups: 4,
};

export class Gpu {
  /** Errors reported asynchronously since the last `check()`; the first is thrown there. */
  private pending: Error[] = [];
  private lostReason: string | null = null;

  private constructor(readonly device: GPUDevice, readonly info: GpuInfo) {
    device.addEventListener("uncapturederror", (ev: Event) => {
      const err = (ev as GPUUncapturedErrorEvent).error;
      this.pending.push(new GpuError(err.message, "uncaptured WebGPU error"));
    });
    device.lost.then((info) => {
      if (info.reason !== "destroyed") this.lostReason = info.message || String(info.reason);
    });
  }

  static async create(opts: GpuOptions = {}): Promise<Gpu> {
    const backend = opts.backend ?? Deno.env.get("DENO_WEBGPU_BACKEND") ?? undefined;
    if (backend) {
      checkBackend(backend);
      Deno.env.set("DENO_WEBGPU_BACKEND", backend);
    }
    ensureRuntimeDir();
    if (!("gpu" in navigator) || !navigator.gpu) throw new GpuError(NO_ADAPTER_MESSAGE, "adapter");
    const choice = opts.adapter ?? adapterFromEnv();
    const selector = gpuSelector(opts.gpu);
    // before the first adapter request: the Vulkan stack reads these when wgpu creates its instance
    if (selector) selectionStep(() => applyGpuSelector(selector, Deno.env));
    const adapter = await navigator.gpu.requestAdapter({
      powerPreference: "high-performance",
      forceFallbackAdapter: choice === "software",
    });
    if (!adapter) throw new GpuError(NO_ADAPTER_MESSAGE, "adapter");
    const ainfo = adapter.info;
    if (selector) {
      selectionStep(() => checkSelectedAdapter(selector, ainfo, { backend, env: Deno.env }));
    }
    if (choice === "hardware" && ainfo.isFallbackAdapter) {
      throw new GpuError(
        `only a software adapter is available (${ainfo.description}); a hardware GPU was demanded`,
        "adapter",
      );
    }
    const requiredLimits: Record<string, number> = {};
    const limits = adapter.limits as unknown as Record<string, number>;
    for (const [k, v] of Object.entries(WANTED_LIMITS)) {
      if (typeof limits[k] === "number") requiredLimits[k] = Math.min(v, limits[k]);
    }
    const f16 = !opts.disableF16 && adapter.features.has("shader-f16");
    const requiredFeatures: GPUFeatureName[] = f16 ? ["shader-f16"] : [];
    // timestamps let benchmarks attribute GPU time to kernels (engine/profiler.ts)
    if (adapter.features.has("timestamp-query")) requiredFeatures.push("timestamp-query");
    const device = await adapter.requestDevice({ requiredLimits, requiredFeatures });
    const dl = device.limits;
    const info: GpuInfo = {
      description: ainfo.description || ainfo.device || "unknown adapter",
      vendor: ainfo.vendor,
      backend: inferBackend(backend),
      isFallbackAdapter: Boolean(ainfo.isFallbackAdapter),
      f16,
      maxStorageBuffersPerShaderStage: dl.maxStorageBuffersPerShaderStage,
      maxComputeWorkgroupStorageSize: dl.maxComputeWorkgroupStorageSize,
      maxComputeInvocationsPerWorkgroup: dl.maxComputeInvocationsPerWorkgroup,
      maxStorageBufferBindingSize: dl.maxStorageBufferBindingSize,
      maxBufferSize: dl.maxBufferSize,
      subgroupMinSize: (ainfo as unknown as { subgroupMinSize?: number }).subgroupMinSize ?? 0,
      subgroupMaxSize: (ainfo as unknown as { subgroupMaxSize?: number }).subgroupMaxSize ?? 0,
      ...(selector ? { selectedBy: `${selector.source}=${selector.text}` } : {}),
    };
    return new Gpu(device, info);
  }

  /** One line for logs and progress headers. */
  describe(): string {
    const i = this.info;
    return `${i.description} [backend ${i.backend}${i.isFallbackAdapter ? ", software" : ""}` +
      `${i.f16 ? ", shader-f16" : ""}${i.selectedBy ? `, selected by ${i.selectedBy}` : ""}]`;
  }

  /** Record an error found asynchronously; it is thrown at the next `check()`. */
  report(e: Error): void {
    this.pending.push(e);
  }

  /** Throw the first asynchronous error seen so far (or the device loss), naming `context`. */
  check(context = "GPU"): void {
    if (this.lostReason !== null) throw new GpuError(`device lost: ${this.lostReason}`, context);
    const e = this.pending.shift();
    if (e) {
      this.pending.length = 0;
      throw e instanceof GpuError || e.name === "KernelError" ? e : new GpuError(e.message, context);
    }
  }

  /** Run `fn` inside validation + out-of-memory error scopes; a captured error is thrown naming `context`. */
  async scoped<T>(context: string, fn: () => T): Promise<T> {
    this.device.pushErrorScope("out-of-memory");
    this.device.pushErrorScope("validation");
    let result: T | undefined;
    let thrown: unknown = null;
    try {
      result = fn();
    } catch (e) {
      thrown = e;
    }
    const validation = await this.device.popErrorScope();
    const oom = await this.device.popErrorScope();
    if (thrown) throw thrown;
    if (oom) throw new GpuError(`out of GPU memory: ${oom.message}`, context);
    if (validation) throw new GpuError(validation.message, context);
    return result as T;
  }

  destroy(): void {
    this.device.destroy();
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
