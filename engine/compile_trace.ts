/**
 * What a run's pipelines cost to build. WebGPU hides most of it: `createComputePipeline` returns
 * after the driver's front end, and a software adapter (Mesa lavapipe) generates machine code at the
 * pipeline's first dispatch, inside the queue's execution. While a trace is installed
 * (`Engine.traceCompiles`), every pipeline's creation is timed on the host and its first dispatch
 * gets a compute pass of its own with timestamps, which bracket that code generation (measured on
 * lavapipe: a 3,000-FMA kernel's first pass took 408 ms with an empty Mesa shader cache, 13 ms with
 * a warm one, its second 0.5 ms). The first dispatch's time is compilation plus one run of the
 * kernel. Host-side promises cannot time it: Deno resolves every `onSubmittedWorkDone` at once
 * when the queue drains.
 */
import { Profiler } from "./profiler.ts";

export interface PipelineCost {
  /** `family.wgsl:entry`. */
  label: string;
  /** The override constants the pipeline was specialised with. */
  overrides: Readonly<Record<string, number>>;
  /** Host milliseconds in `createComputePipeline` (0 if created before the trace began). */
  createMs: number;
  /**
   * GPU milliseconds of the pipeline's first dispatch; null if it was not dispatched or the adapter
   * has no timestamp queries.
   */
  firstDispatchMs: number | null;
}

/** What the trace reads of a pipeline (engine/kernel.ts's Kernel, which calls the trace, has it). */
export interface TracedKernel {
  readonly id: number;
  readonly label: string;
  readonly overrides: Readonly<Record<string, number>>;
}

export class CompileTrace {
  private readonly costsById = new Map<number, PipelineCost>();
  private readonly dispatched = new Set<number>();
  /** Timestamps of first dispatches, labelled by kernel id (null without timestamp-query). */
  private readonly timer: Profiler | null;

  constructor(device: GPUDevice) {
    this.timer = device.features.has("timestamp-query") ? new Profiler(device) : null;
  }

  private cost(kernel: TracedKernel, createMs: number): PipelineCost {
    let c = this.costsById.get(kernel.id);
    if (!c) {
      c = { label: kernel.label, overrides: { ...kernel.overrides }, createMs, firstDispatchMs: null };
      this.costsById.set(kernel.id, c);
    }
    return c;
  }

  /** Called by the kernel cache for every pipeline it creates while the trace is installed. */
  created(kernel: TracedKernel, createMs: number): void {
    this.cost(kernel, createMs);
  }

  /** Whether `kernel` has not been dispatched yet under this trace (its next dispatch is timed). */
  isFirstDispatch(kernel: TracedKernel): boolean {
    return !this.dispatched.has(kernel.id);
  }

  /** Whether the next timed dispatch needs a submission first (the query set is full). */
  get full(): boolean {
    return this.timer?.full ?? false;
  }

  /** Timestamp writes for the pass of `kernel`'s first dispatch (null: not timed). */
  firstDispatch(kernel: TracedKernel): GPUComputePassTimestampWrites | null {
    this.dispatched.add(kernel.id);
    this.cost(kernel, 0);
    return this.timer?.next(String(kernel.id)) ?? null;
  }

  /** Append the resolve of this submission's timestamps to `encoder` (see Profiler.encodeResolve). */
  encodeResolve(encoder: GPUCommandEncoder): (() => void) | null {
    return this.timer?.encodeResolve(encoder) ?? null;
  }

  /** Every traced pipeline, once the timestamps submitted so far are read back. */
  async costs(): Promise<PipelineCost[]> {
    if (this.timer) {
      for (const t of await this.timer.report()) {
        const c = this.costsById.get(Number(t.label));
        if (c) c.firstDispatchMs = t.ms;
      }
    }
    return [...this.costsById.values()];
  }
}

/** A pipeline as logs name it: its kernel's label and its override constants, `label (K=V ...)`. */
export function pipelineName(label: string, overrides: Readonly<Record<string, number>>): string {
  const o = Object.entries(overrides).map(([k, v]) => `${k}=${v}`).join(" ");
  return o ? `${label} (${o})` : label;
}

/** One line per pipeline, costliest first, after a total; the --verbose report. */
export function formatCompileCosts(costs: readonly PipelineCost[]): string {
  const first = (c: PipelineCost) => c.firstDispatchMs ?? 0;
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const total = (f: (c: PipelineCost) => number) => costs.reduce((s, c) => s + f(c), 0);
  const timed = costs.some((c) => c.firstDispatchMs !== null);
  const lines = [...costs]
    .sort((a, b) => first(b) + b.createMs - first(a) - a.createMs)
    .map((c) => {
      const firstText = c.firstDispatchMs === null
        ? "first dispatch not timed"
        : `${seconds(first(c))} first dispatch`;
      return `  ${seconds(c.createMs)} create, ${firstText}  ${pipelineName(c.label, c.overrides)}\n`;
    });
  return `${costs.length} pipeline(s): ${seconds(total((c) => c.createMs))} creating them, ` +
    (timed
      ? `${seconds(total(first))} in their first dispatches (where a software adapter compiles)`
      : "first dispatches not timed (the adapter has no timestamp queries)") +
    "\n" + lines.join("");
}
