/**
 * Per-kernel GPU time from timestamp queries. WebGPU only timestamps pass boundaries, so while profiling
 * the recorder gives every dispatch its own compute pass; totals are accumulated per kernel label. The
 * extra passes cost a little, so profile only to measure shares, not to time end-to-end throughput.
 */

export interface KernelTime {
  label: string;
  dispatches: number;
  /** Total GPU time in milliseconds. */
  ms: number;
}

const CAPACITY = 4096; // queries, i.e. 2048 dispatches per submission

export class Profiler {
  private readonly querySet: GPUQuerySet;
  private readonly resolve: GPUBuffer;
  private labels: string[] = [];
  private readonly totals = new Map<string, KernelTime>();
  private readonly inFlight: Promise<void>[] = [];
  private readonly freeStaging: GPUBuffer[] = [];

  constructor(private readonly device: GPUDevice) {
    this.querySet = device.createQuerySet({ type: "timestamp", count: CAPACITY });
    this.resolve = device.createBuffer({
      size: CAPACITY * 8,
      usage: GPUBufferUsage.QUERY_RESOLVE | GPUBufferUsage.COPY_SRC,
    });
  }

  get full(): boolean {
    return 2 * this.labels.length + 2 > CAPACITY;
  }

  /** Timestamp writes for the pass of the next dispatch of `label`. */
  next(label: string): GPUComputePassTimestampWrites {
    const i = this.labels.length;
    this.labels.push(label);
    return { querySet: this.querySet, beginningOfPassWriteIndex: 2 * i, endOfPassWriteIndex: 2 * i + 1 };
  }

  /** Append the resolve and readback copies of this submission's queries to `encoder`. */
  encodeResolve(encoder: GPUCommandEncoder): (() => void) | null {
    const n = this.labels.length;
    if (n === 0) return null;
    const labels = this.labels;
    this.labels = [];
    encoder.resolveQuerySet(this.querySet, 0, 2 * n, this.resolve, 0);
    const staging = this.freeStaging.pop() ??
      this.device.createBuffer({
        size: CAPACITY * 8,
        usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
      });
    encoder.copyBufferToBuffer(this.resolve, 0, staging, 0, 16 * n);
    return () => {
      this.inFlight.push(
        staging.mapAsync(GPUMapMode.READ, 0, 16 * n).then(() => {
          const t = new BigUint64Array(staging.getMappedRange(0, 16 * n).slice(0));
          staging.unmap();
          this.freeStaging.push(staging);
          for (let i = 0; i < n; i++) {
            const ns = Number(t[2 * i + 1] - t[2 * i]);
            const e = this.totals.get(labels[i]) ?? { label: labels[i], dispatches: 0, ms: 0 };
            e.dispatches++;
            e.ms += ns / 1e6;
            this.totals.set(labels[i], e);
          }
        }),
      );
    };
  }

  /** Totals per kernel so far, largest first (waits for outstanding readbacks). */
  async report(): Promise<KernelTime[]> {
    await Promise.all(this.inFlight.splice(0));
    return [...this.totals.values()].sort((a, b) => b.ms - a.ms);
  }

  reset(): void {
    this.totals.clear();
  }

  destroy(): void {
    this.querySet.destroy();
    this.resolve.destroy();
    for (const b of this.freeStaging) b.destroy();
  }
}
