/**
 * The process-wide engine: one device, its kernel cache, buffer pool and recorder.
 * `initEngine()` once at start-up (it is async: adapter and device requests are); everything else
 * reaches the engine synchronously through `engine()`.
 */
import { CompileTrace } from "./compile_trace.ts";
import { Gpu, GpuError } from "./device.ts";
import type { GpuOptions } from "./gpu_info.ts";
import { type Kernel, KernelCache, type OverrideValues } from "./kernel.ts";
import { isSoftwareAdapter, type TileLimit } from "./ops/matmul_tiles.ts";
import { host } from "./host_deno.ts";
import { BufferPool, STORAGE_USAGE } from "./pool.ts";
import { type AheadDispatch, type DispatchArgs, Recorder } from "./recorder.ts";

export interface EngineOptions extends GpuOptions {
  /**
   * The software adapter's tile cap for this process when SMOOTHCERT_MAX_TILE does not set one (absent:
   * DEFAULT_TILE_LIMIT of ops/matmul_tiles.ts). A short job asks for small tiles, which compile fast.
   */
  tileLimit?: TileLimit;
}

export class Engine {
  readonly kernels: KernelCache;
  readonly pool: BufferPool;
  readonly rec: Recorder;

  /**
   * `tileLimit`: the software tiles' cap (null: the default); `options`: what the engine was opened with
   * (a second engine opened with them in a worker builds the same pipelines: smoothing/compile_ahead.ts).
   */
  constructor(
    readonly gpu: Gpu,
    readonly tileLimit: TileLimit | null = null,
    readonly options: EngineOptions = {},
  ) {
    this.kernels = new KernelCache(gpu.device, (e) => this.gpu.report(e));
    this.pool = new BufferPool((size, label) => this.createBuffer(size, label), gpu.info.maxBufferSize);
    this.rec = new Recorder(gpu);
    this.pool.onDestroy = (b) => this.rec.forgetBuffer(b);
  }

  /** Allocation failures are silent in WebGPU; an error scope surfaces them at the next sync point. */
  private createBuffer(size: number, label: string): GPUBuffer {
    const device = this.gpu.device;
    device.pushErrorScope("out-of-memory");
    const b = device.createBuffer({ size, usage: STORAGE_USAGE, label });
    device.popErrorScope().then((err) => {
      if (err) this.gpu.report(new GpuError(`allocating ${size} bytes failed: ${err.message}`, label));
    });
    return b;
  }

  /**
   * From now on, record what every new pipeline costs: its creation and its first dispatch (timed
   * in a pass of its own). Returns the trace.
   */
  traceCompiles(): CompileTrace {
    const trace = new CompileTrace(this.gpu.device);
    this.rec.flush();
    this.kernels.trace = trace;
    this.rec.trace = trace;
    return trace;
  }

  /** Stop recording pipeline costs (what was traced stays in the trace). */
  stopTracingCompiles(): void {
    this.rec.flush();
    this.kernels.trace = null;
    this.rec.trace = null;
  }

  kernel(family: string, entry = "main", overrides: OverrideValues = {}): Kernel {
    return this.kernels.get(family, entry, overrides);
  }

  /** Record one validated dispatch of `family:entry`. */
  run(family: string, entry: string, args: DispatchArgs, overrides: OverrideValues = {}): void {
    this.rec.dispatch(this.kernels.get(family, entry, overrides), args);
  }

  get f16(): boolean {
    return this.gpu.info.f16;
  }

  /**
   * Build the pipelines `work` would dispatch, last first, without running it (Recorder.recordAhead, then
   * Recorder.buildAhead), creating each just before it is built; stops before the pipeline at `position`
   * (in the order `work` reached them) once `stop(position)` says so.
   */
  async compileAhead(work: () => Promise<unknown>, stop?: (position: number) => boolean): Promise<string[]> {
    return await this.rec.buildAhead(await this.recordAhead(work), stop);
  }

  /**
   * The first dispatches of the pipelines `work` would make, recorded without running it
   * (Recorder.recordAhead), their pipelines not yet created; build them with `rec.buildAhead`.
   */
  async recordAhead(work: () => Promise<unknown>): Promise<AheadDispatch[]> {
    this.kernels.deferPipelines = true;
    try {
      return await this.rec.recordAhead(work);
    } finally {
      this.kernels.deferPipelines = false;
    }
  }

  /** Whether the adapter runs shaders on the CPU (ops/matmul_tiles.ts: its tiles and kernels differ). */
  get software(): boolean {
    return isSoftwareAdapter(this.gpu.info);
  }
}

let current: Engine | null = null;
let pending: Promise<Engine> | null = null;

/**
 * Open the device once per process (later calls return the same engine, whatever their options).
 * SMOOTHCERT_MAX_TILE, where set, takes precedence over `opts.tileLimit`.
 */
export function initEngine(opts: EngineOptions = {}): Promise<Engine> {
  if (current) return Promise.resolve(current);
  if (!pending) {
    const limit = host.tileLimit() ?? opts.tileLimit ?? null;
    pending = Gpu.create(opts).then((gpu) => (current = new Engine(gpu, limit, opts)));
    pending.catch(() => (pending = null));
  }
  return pending;
}

export function engine(): Engine {
  if (!current) throw new Error("the GPU engine is not initialised: call `await initEngine()` first");
  return current;
}

/** Tear down the engine (tests use this to switch adapters). */
export function shutdownEngine(): void {
  if (current) current.gpu.destroy();
  current = null;
  pending = null;
}
