/**
 * What a caller asks of the GPU device (GpuOptions) and what the engine learns of the adapter it got
 * (GpuInfo): plain types, apart from engine/device.ts, so that the host modules and the tile policy, which
 * device.ts imports, need not import it back.
 */
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
  /** A software adapter's thread count and who chose it (`LP_NUM_THREADS=8 (engine)`), where known. */
  softwareThreads?: string;
}
