/**
 * What the engine needs from the program it runs in, beyond WebGPU itself: the WGSL sources of
 * `shaders/`, and how an adapter request is prepared and its answer checked. Under Deno
 * (engine/host_deno.ts) the sources are read from disk and the process environment steers the adapter
 * (SMOOTHCERT_ADAPTER, SMOOTHCERT_GPU, DENO_WEBGPU_BACKEND). The browser bundle (web/build.ts) puts
 * engine/host_web.ts in its place: sources inlined at build time, no environment. Nothing else in the
 * engine touches a runtime-specific API, so the same modules run in both.
 */
import type { AdapterChoice, GpuOptions } from "./gpu_info.ts";
import type { TileLimit } from "./ops/matmul_tiles.ts";

/** How to ask for the adapter, and what to check about the one obtained. */
export interface AdapterPlan {
  choice: AdapterChoice;
  /** The backend in use, for messages ("vulkan", "gl", "browser WebGPU"). */
  backend: string;
  /**
   * Throws if the adapter obtained is not the one selected; returns the selection that chose it
   * (`SMOOTHCERT_GPU=10de:2330`), if there was one.
   */
  check(adapter: GPUAdapterInfo): string | undefined;
  /** The CPU driver's thread setting for this process (`LP_NUM_THREADS=8 (engine)`), where the host has one. */
  softwareThreads?: string;
}

export interface EngineHost {
  /** The text of `shaders/<name>.wgsl`. */
  shaderSource(name: string): string;
  /** Every kernel family shipped, sorted. */
  shaderNames(): string[];
  /** Called once per adapter request, before it is made. */
  planAdapter(options: GpuOptions): AdapterPlan;
  /** A cap on the software adapter's register tiles, if the environment sets one (see matmul_tiles.ts). */
  tileLimit(): TileLimit | null;
}
