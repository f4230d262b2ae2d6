/**
 * Command recording and submission. Dispatches go into one command encoder and one compute pass and are
 * submitted lazily: at a readback, an upload, an explicit flush, or every `maxDispatches` dispatches.
 * Uniform values are deduplicated into persistent slots and bind groups are cached, so a loop that repeats
 * the same dispatches on the same (pooled) buffers creates no WebGPU objects after its first iteration.
 */
import { Gpu, GpuError } from "./device.ts";
import { Kernel, KernelError, packUniforms, type UniformValues } from "./kernel.ts";
import { Profiler } from "./profiler.ts";
import { type CompileTrace, pipelineName } from "./compile_trace.ts";

/** Anything that can be bound as a buffer: tensors, or a raw buffer range. */
export interface Bindable {
  readonly buffer: GPUBuffer;
  readonly byteOffset: number;
  readonly byteLength: number;
}

/** A texture bound whole (a read-only `texture_storage_2d` binding). */
export interface TextureBindable {
  readonly texture: GPUTexture;
}

export interface DispatchArgs {
  bindings: Record<string, Bindable | TextureBindable>;
  uniforms?: UniformValues;
  workgroups: readonly [number, number?, number?];
  /** Bytes each binding must hold for this call (checked before dispatch). */
  need?: Record<string, number>;
}

export interface RecorderStats {
  dispatches: number;
  submits: number;
  readbacks: number;
  bindGroupsCreated: number;
  uniformSlots: number;
}

const PAGE_BYTES = 65536;
const MAX_UNIFORM_PAGES = 64;

let bufferIds = new WeakMap<GPUBuffer, number>();
let nextResourceId = 1; // bind-group cache keys name buffers by id and textures by "t" + id
let textureViews = new WeakMap<GPUTexture, { id: number; view: GPUTextureView }>();
function textureView(t: GPUTexture): { id: number; view: GPUTextureView } {
  let v = textureViews.get(t);
  if (!v) textureViews.set(t, v = { id: nextResourceId++, view: t.createView() });
  return v;
}

function bufferId(b: GPUBuffer): number {
  let id = bufferIds.get(b);
  if (id === undefined) bufferIds.set(b, id = nextResourceId++);
  return id;
}

/** Persistent uniform storage: each distinct byte pattern is written once and then reused. */
class UniformSlots {
  private pages: GPUBuffer[] = [];
  private page = -1;
  private used = PAGE_BYTES;
  private slots = new Map<string, Bindable>();
  private align: number;

  constructor(private device: GPUDevice) {
    this.align = Math.max(16, device.limits.minUniformBufferOffsetAlignment);
  }

  get count(): number {
    return this.slots.size;
  }

  get full(): boolean {
    return this.page >= MAX_UNIFORM_PAGES - 1 && this.used + 256 > PAGE_BYTES;
  }

  slot(bytes: ArrayBuffer): Bindable {
    const key = new Uint32Array(bytes).join(",");
    let s = this.slots.get(key);
    if (!s) {
      const size = bytes.byteLength;
      const step = Math.ceil(size / this.align) * this.align;
      if (this.used + step > PAGE_BYTES) {
        this.page++;
        if (this.page === this.pages.length) {
          this.pages.push(this.device.createBuffer({
            size: PAGE_BYTES,
            usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
            label: "uniform slots",
          }));
        }
        this.used = 0;
      }
      const buffer = this.pages[this.page];
      // A fresh slot is never referenced by recorded work yet, so writing it now is race-free.
      this.device.queue.writeBuffer(buffer, this.used, bytes);
      s = { buffer, byteOffset: this.used, byteLength: size };
      this.used += step;
      this.slots.set(key, s);
    }
    return s;
  }

  /**
   * Forget all slots and reuse the pages. Callers flush first; queue writes are ordered after the
   * submitted work that still reads the old values.
   */
  reset(): void {
    this.slots.clear();
    this.page = -1;
    this.used = PAGE_BYTES;
  }
}

/** A pipeline's first dispatch, recorded by Recorder.recordAhead to be built by Recorder.buildAhead. */
export interface AheadDispatch {
  kernel: Kernel;
  bindings: GPUBindGroup;
}

/** Bytes per texel of the texture formats copyToTexture fills. */
const TEXEL_BYTES: Partial<Record<GPUTextureFormat, number>> = {
  rgba32float: 16,
  r32float: 4,
  rgba32uint: 16,
};

export class Recorder {
  private encoder: GPUCommandEncoder | null = null;
  private pass: GPUComputePassEncoder | null = null;
  private pendingCount = 0;
  private pendingKernels = new Set<string>();
  private bindGroups = new Map<string, GPUBindGroup>();
  private uniforms: UniformSlots;
  private scopeChecks: Promise<void>[] = [];
  private stagingFree: GPUBuffer[] = [];
  private maxWorkgroups: number;
  readonly stats: RecorderStats = {
    dispatches: 0,
    submits: 0,
    readbacks: 0,
    bindGroupsCreated: 0,
    uniformSlots: 0,
  };
  /** Submit after this many recorded dispatches even without a readback. */
  maxDispatches = 2048;
  /** When set, every dispatch runs in its own timestamped pass (see profiler.ts). */
  profiler: Profiler | null = null;
  /** When set, each pipeline's first dispatch gets a timestamped pass of its own (see compile_trace.ts). */
  trace: CompileTrace | null = null;
  /** While `recordAhead` records: each pipeline's first dispatch. */
  private ahead: { seen: Set<number>; firsts: AheadDispatch[] } | null = null;

  /**
   * The first half of compiling ahead (Engine.compileAhead: this, then `buildAhead`). On a software adapter,
   * which generates a pipeline's code at its first dispatch and keeps it in its disk cache, a second device
   * fills the cache with the pipelines a run reaches last while the run's own device builds those it
   * reaches first (smoothing/compile_ahead.ts).
   * Run `work` for the pipelines it would dispatch: each pipeline's first dispatch is recorded with its
   * real bindings and uniforms (what the driver specialises on), later dispatches of it are dropped,
   * copies are skipped and reads return zeros. Resolves with the first dispatches of the pipelines made
   * during `work` (not those made before it, which the driver has built already), in the order `work`
   * reached them.
   */
  async recordAhead(work: () => Promise<unknown>): Promise<AheadDispatch[]> {
    if (this.ahead) throw new KernelError("compileAhead: already running");
    this.flush();
    const known = Kernel.issued; // pipelines made before: already built, and not counted
    this.ahead = { seen: new Set(), firsts: [] };
    let firsts;
    try {
      await work();
    } finally {
      firsts = this.ahead.firsts;
      this.ahead = null;
    }
    return firsts.filter((f) => f.kernel.id > known);
  }

  /**
   * Dispatch each of `firsts` (from recordAhead) with one workgroup, last first, one submission at a
   * time, until `stop(position)` says so for the next one (its position in `firsts`); pipelines created
   * with KernelCache.deferPipelines are created just before. Resolves with those dispatched, in order.
   */
  async buildAhead(
    firsts: readonly AheadDispatch[],
    stop: (position: number) => boolean = () => false,
  ): Promise<string[]> {
    const built: string[] = [];
    for (let position = firsts.length - 1; position >= 0; position--) {
      if (stop(position)) break;
      const { kernel, bindings } = firsts[position];
      const enc = this.device.createCommandEncoder();
      const pass = enc.beginComputePass();
      pass.setPipeline(kernel.pipeline);
      pass.setBindGroup(0, bindings);
      pass.dispatchWorkgroups(1, 1, 1);
      pass.end();
      this.device.queue.submit([enc.finish()]);
      await this.device.queue.onSubmittedWorkDone();
      built.push(pipelineName(kernel.label, kernel.overrides));
    }
    await this.settle();
    return built;
  }

  /** Start collecting per-kernel GPU times (needs the adapter's timestamp-query feature). */
  startProfiling(): Profiler {
    if (!this.device.features.has("timestamp-query")) {
      throw new KernelError("profiling needs the timestamp-query feature, which this adapter does not offer");
    }
    this.flush();
    this.profiler ??= new Profiler(this.device);
    return this.profiler;
  }

  stopProfiling(): void {
    this.flush();
    this.profiler = null;
  }

  constructor(readonly gpu: Gpu) {
    this.uniforms = new UniformSlots(gpu.device);
    this.maxWorkgroups = gpu.device.limits.maxComputeWorkgroupsPerDimension;
  }

  private get device(): GPUDevice {
    return this.gpu.device;
  }

  /** Drop cached bind groups that refer to `b` (called before the pool destroys a buffer). */
  forgetBuffer(_b: GPUBuffer): void {
    this.bindGroups.clear();
  }

  dispatch(kernel: Kernel, args: DispatchArgs): void {
    const spec = kernel.spec;
    const entries: GPUBindGroupEntry[] = [];
    let key = `${kernel.id}`;
    const given = args.bindings;
    for (const name of Object.keys(given)) {
      if (!spec.bindings.some((b) => b.name === name)) {
        throw new KernelError(
          `${kernel.label}: unknown binding "${name}" (expects ${
            spec.bindings.map((b) => b.name).join(", ")
          })`,
        );
      }
    }
    const writable: [string, Bindable][] = [];
    const all: [string, Bindable][] = [];
    for (const b of spec.bindings) {
      let r: Bindable;
      if (b.kind === "texture") {
        const g = given[b.name];
        if (!g) throw new KernelError(`${kernel.label}: binding "${b.name}" missing`);
        if (!("texture" in g)) throw new KernelError(`${kernel.label}: binding "${b.name}" needs a texture`);
        if (!(g.texture.usage & GPUTextureUsage.STORAGE_BINDING)) {
          throw new KernelError(`${kernel.label}: texture "${b.name}" needs STORAGE_BINDING usage`);
        }
        if (g.texture.format !== b.format) {
          throw new KernelError(
            `${kernel.label}: texture "${b.name}" must be ${b.format}, not ${g.texture.format}`,
          );
        }
        const v = textureView(g.texture);
        entries.push({ binding: b.binding, resource: v.view });
        key += `|t${v.id}`;
        continue;
      }
      if (b.kind === "uniform") {
        if (given[b.name]) {
          throw new KernelError(`${kernel.label}: uniform "${b.name}" is set through uniforms`);
        }
        if (!args.uniforms) throw new KernelError(`${kernel.label}: uniform values for "${b.name}" missing`);
        r = this.uniforms.slot(packUniforms(kernel.label, spec.uniform!, args.uniforms));
      } else {
        const g = given[b.name];
        if (!g) throw new KernelError(`${kernel.label}: binding "${b.name}" missing`);
        if (!("buffer" in g)) throw new KernelError(`${kernel.label}: binding "${b.name}" needs a buffer`);
        if (g.buffer.usage !== undefined && !(g.buffer.usage & GPUBufferUsage.STORAGE)) {
          throw new KernelError(`${kernel.label}: binding "${b.name}" needs a buffer with STORAGE usage`);
        }
        if (g.byteLength < b.minBytes) {
          throw new KernelError(
            `${kernel.label}: binding "${b.name}" is ${g.byteLength} bytes, smaller than the minimum ${b.minBytes}`,
          );
        }
        const need = args.need?.[b.name];
        if (need !== undefined && g.byteLength < need) {
          throw new KernelError(
            `${kernel.label}: binding "${b.name}" is too small: ${g.byteLength} bytes, the call needs ${need}`,
          );
        }
        if (g.byteOffset + g.byteLength > g.buffer.size) {
          throw new KernelError(`${kernel.label}: binding "${b.name}" range exceeds its buffer`);
        }
        if (b.kind === "read_write") writable.push([b.name, g]);
        all.push([b.name, g]);
        r = g;
      }
      const size = Math.ceil(r.byteLength / 4) * 4;
      entries.push({ binding: b.binding, resource: { buffer: r.buffer, offset: r.byteOffset, size } });
      key += `|${bufferId(r.buffer)}:${r.byteOffset}:${size}`;
    }
    for (const [wname, w] of writable) {
      for (const [name, g] of all) {
        if (
          name !== wname && g.buffer === w.buffer && g.byteOffset < w.byteOffset + w.byteLength &&
          w.byteOffset < g.byteOffset + g.byteLength
        ) {
          throw new KernelError(`${kernel.label}: binding "${name}" aliases a writable binding`);
        }
      }
    }
    const [x, y = 1, z = 1] = args.workgroups;
    for (const n of [x, y, z]) {
      if (!Number.isInteger(n) || n < 0 || n > this.maxWorkgroups) {
        throw new KernelError(
          `${kernel.label}: workgroup count ${n} outside [0, ${this.maxWorkgroups}] (grid ${x}x${y}x${z})`,
        );
      }
    }
    if (x * y * z === 0) return;
    if (this.ahead && this.ahead.seen.has(kernel.id)) return;
    let bg = this.bindGroups.get(key);
    if (!bg) {
      bg = this.device.createBindGroup({ label: kernel.label, layout: kernel.layout, entries });
      this.bindGroups.set(key, bg);
      this.stats.bindGroupsCreated++;
      if (this.bindGroups.size > 8192) this.bindGroups.clear();
    }
    if (this.ahead) {
      this.ahead.seen.add(kernel.id);
      this.ahead.firsts.push({ kernel, bindings: bg });
      return;
    }
    // A dispatch with timestamps runs in a pass of its own: a pipeline's first dispatch under a compile
    // trace (which displaces the profiler's timestamps for that one dispatch), or any while profiling.
    const firstUnderTrace = this.trace?.isFirstDispatch(kernel) ?? false;
    if (firstUnderTrace ? this.trace!.full : this.profiler?.full) this.flush();
    const timestamps = firstUnderTrace
      ? this.trace!.firstDispatch(kernel)
      : this.profiler?.next(kernel.label) ?? null;
    const pass = timestamps
      ? this.commandEncoder().beginComputePass({ timestampWrites: timestamps })
      : this.beginPass();
    pass.setPipeline(kernel.pipeline);
    pass.setBindGroup(0, bg);
    pass.dispatchWorkgroups(x, y, z);
    if (timestamps) pass.end();
    this.pendingKernels.add(kernel.label);
    this.pendingCount++;
    this.stats.dispatches++;
    if (this.pendingCount >= this.maxDispatches) this.flush();
    else if (this.uniforms.full) {
      this.flush();
      this.uniforms.reset();
      this.bindGroups.clear();
    }
  }

  private beginPass(): GPUComputePassEncoder {
    if (!this.encoder) this.encoder = this.device.createCommandEncoder();
    if (!this.pass) this.pass = this.encoder.beginComputePass();
    return this.pass;
  }

  /** Encoder for non-compute commands (copies); ends the current compute pass. */
  private commandEncoder(): GPUCommandEncoder {
    if (this.pass) {
      this.pass.end();
      this.pass = null;
    }
    if (!this.encoder) this.encoder = this.device.createCommandEncoder();
    return this.encoder;
  }

  copy(src: Bindable, dst: Bindable, bytes: number): void {
    if (bytes % 4 !== 0) throw new KernelError(`copy: ${bytes} bytes is not a multiple of 4`);
    if (src.byteLength < bytes || dst.byteLength < bytes) {
      throw new KernelError(`copy: ${bytes} bytes out of range`);
    }
    if (this.ahead) return;
    this.commandEncoder().copyBufferToBuffer(src.buffer, src.byteOffset, dst.buffer, dst.byteOffset, bytes);
    this.pendingCount++;
  }

  /**
   * Copy rows of `src` (`bytesPerRow` apart, a multiple of 256) into `width` x `height` texels (16 bytes
   * each in rgba32float, 4 in r32float) of a texture, from its row `firstRow` on, in recording order
   * with the dispatches around it.
   */
  copyToTexture(
    src: Bindable,
    bytesPerRow: number,
    dst: GPUTexture,
    width: number,
    height: number,
    firstRow = 0,
  ): void {
    const texel = TEXEL_BYTES[dst.format];
    if (texel === undefined) throw new KernelError(`copyToTexture: unsupported texture format ${dst.format}`);
    // WebGPU's rule: whole rows but the last, which needs only its texels.
    const needed = bytesPerRow * (height - 1) + width * texel;
    if (bytesPerRow % 256 !== 0 || bytesPerRow < width * texel || src.byteLength < needed) {
      throw new KernelError(
        `copyToTexture: ${height} rows of ${bytesPerRow} bytes out of range or misaligned`,
      );
    }
    if (this.ahead) return;
    this.commandEncoder().copyBufferToTexture(
      { buffer: src.buffer, offset: src.byteOffset, bytesPerRow, rowsPerImage: height },
      { texture: dst, origin: [0, firstRow] },
      [width, height],
    );
    this.pendingCount++;
  }

  /** Submit everything recorded so far. */
  flush(): void {
    if (!this.encoder) return;
    if (this.pass) {
      this.pass.end();
      this.pass = null;
    }
    const kernels = [...this.pendingKernels];
    const afterSubmit = this.profiler?.encodeResolve(this.encoder) ?? null;
    const afterTrace = this.trace?.encodeResolve(this.encoder) ?? null;
    this.device.pushErrorScope("validation");
    this.device.queue.submit([this.encoder.finish()]);
    afterSubmit?.();
    afterTrace?.();
    const check = this.device.popErrorScope().then((err) => {
      if (err) {
        throw new GpuError(err.message, `submission of ${kernels.length} kernel(s): ${kernels.join(", ")}`);
      }
    });
    check.catch(() => {}); // observed in settle(); avoid an unhandled-rejection crash in between
    this.scopeChecks.push(check);
    this.encoder = null;
    this.pendingKernels.clear();
    this.pendingCount = 0;
    this.stats.submits++;
    this.stats.uniformSlots = this.uniforms.count;
  }

  /** Wait for the submission error scopes and throw the first error seen (with the kernels involved). */
  async settle(): Promise<void> {
    const checks = this.scopeChecks;
    this.scopeChecks = [];
    await Promise.all(checks);
    this.gpu.check("GPU");
  }

  /**
   * Write host data into a buffer. Pending work is submitted first: queue writes take effect at once,
   * so a dispatch recorded earlier but not yet submitted would otherwise see the new contents.
   */
  write(dst: Bindable, data: ArrayBufferView, context = "upload"): void {
    if (data.byteLength > dst.byteLength) {
      throw new KernelError(
        `${context}: ${data.byteLength} bytes do not fit a ${dst.byteLength}-byte buffer`,
      );
    }
    if (data.byteLength === 0) return; // Deno's writeBuffer panics on empty writes
    this.flush();
    const padded = data.byteLength % 4 === 0 ? data : padTo4(data);
    this.device.queue.writeBuffer(
      dst.buffer,
      dst.byteOffset,
      padded.buffer as ArrayBuffer,
      padded.byteOffset,
      padded.byteLength,
    );
  }

  /** Copy the given ranges to the host in one submission and one map. */
  async read(srcs: readonly Bindable[], context = "readback"): Promise<ArrayBuffer[]> {
    if (this.ahead) return srcs.map((s) => new ArrayBuffer(s.byteLength));
    const total = srcs.reduce((s, b) => s + align4(b.byteLength), 0);
    const staging = this.staging(Math.max(4, total));
    const enc = this.commandEncoder();
    let off = 0;
    for (const s of srcs) {
      const n = align4(s.byteLength);
      if (n > 0) enc.copyBufferToBuffer(s.buffer, s.byteOffset, staging, off, n);
      off += n;
    }
    this.flush();
    this.stats.readbacks++;
    try {
      await staging.mapAsync(GPUMapMode.READ, 0, Math.max(4, total));
    } catch (e) {
      await this.settle();
      throw new GpuError(`mapping the readback buffer failed: ${(e as Error).message}`, context);
    }
    const mapped = staging.getMappedRange(0, Math.max(4, total));
    const out: ArrayBuffer[] = [];
    off = 0;
    for (const s of srcs) {
      out.push(mapped.slice(off, off + s.byteLength));
      off += align4(s.byteLength);
    }
    staging.unmap();
    this.stagingFree.push(staging);
    await this.settle();
    return out;
  }

  /** Wait until all submitted work has finished (for timing). */
  async finish(): Promise<void> {
    this.flush();
    await this.device.queue.onSubmittedWorkDone();
    await this.settle();
  }

  private staging(bytes: number): GPUBuffer {
    const i = this.stagingFree.findIndex((b) => b.size >= bytes && b.size <= 4 * bytes + 65536);
    if (i >= 0) return this.stagingFree.splice(i, 1)[0];
    if (this.stagingFree.length > 8) this.stagingFree.shift()!.destroy();
    const size = Math.max(256, 2 ** Math.ceil(Math.log2(bytes)));
    return this.device.createBuffer({
      size,
      usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
      label: "readback",
    });
  }
}

function align4(n: number): number {
  return Math.ceil(n / 4) * 4;
}

function padTo4(data: ArrayBufferView): Uint8Array {
  const out = new Uint8Array(align4(data.byteLength));
  out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  return out;
}

/** For tests: reset buffer identities so keys do not grow across devices. */
export function resetBufferIds(): void {
  bufferIds = new WeakMap();
  textureViews = new WeakMap(); // their ids come from the same counter
  nextResourceId = 1;
}
