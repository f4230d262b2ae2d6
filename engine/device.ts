/**
 * The GPU device layer: adapter selection, limits and features, and turning every
 * asynchronous WebGPU failure (validation, out-of-memory, device loss) into a thrown Error.
 */
import { GpuError, NO_ADAPTER_MESSAGE } from "./gpu_error.ts";
// The browser bundle (web/build.ts) substitutes host_web.ts for this module.
import { host } from "./host_deno.ts";
import type { GpuInfo, GpuOptions } from "./gpu_info.ts";

export { GpuError, NO_ADAPTER_MESSAGE };

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
    const plan = host.planAdapter(opts);
    if (!("gpu" in navigator) || !navigator.gpu) throw new GpuError(NO_ADAPTER_MESSAGE, "adapter");
    const adapter = await navigator.gpu.requestAdapter({
      powerPreference: "high-performance",
      forceFallbackAdapter: plan.choice === "software",
    });
    if (!adapter) throw new GpuError(NO_ADAPTER_MESSAGE, "adapter");
    const ainfo = adapter.info;
    const selectedBy = plan.check(ainfo);
    if (plan.choice === "hardware" && ainfo.isFallbackAdapter) {
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
      // browsers leave description and device empty and name vendor and architecture ("google swiftshader")
      description: ainfo.description || ainfo.device ||
        [ainfo.vendor, ainfo.architecture].filter((s) => s).join(" ") || "unknown adapter",
      vendor: ainfo.vendor,
      backend: plan.backend,
      isFallbackAdapter: Boolean(ainfo.isFallbackAdapter),
      f16,
      maxStorageBuffersPerShaderStage: dl.maxStorageBuffersPerShaderStage,
      maxComputeWorkgroupStorageSize: dl.maxComputeWorkgroupStorageSize,
      maxComputeInvocationsPerWorkgroup: dl.maxComputeInvocationsPerWorkgroup,
      maxStorageBufferBindingSize: dl.maxStorageBufferBindingSize,
      maxBufferSize: dl.maxBufferSize,
      subgroupMinSize: (ainfo as unknown as { subgroupMinSize?: number }).subgroupMinSize ?? 0,
      subgroupMaxSize: (ainfo as unknown as { subgroupMaxSize?: number }).subgroupMaxSize ?? 0,
      ...(selectedBy ? { selectedBy } : {}),
      ...(ainfo.isFallbackAdapter && plan.softwareThreads ? { softwareThreads: plan.softwareThreads } : {}),
    };
    return new Gpu(device, info);
  }

  /** One line for logs and progress headers. */
  describe(): string {
    const i = this.info;
    return `${i.description} [backend ${i.backend}${i.isFallbackAdapter ? ", software" : ""}` +
      `${i.softwareThreads ? `, ${i.softwareThreads}` : ""}${i.f16 ? ", shader-f16" : ""}` +
      `${i.selectedBy ? `, selected by ${i.selectedBy}` : ""}]`;
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
