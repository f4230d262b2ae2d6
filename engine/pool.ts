/**
 * Size-class buffer pool. Buffers are never destroyed while the pool owns them; a freed buffer goes back
 * to its class's free list and is handed out again, so steady-state loops allocate nothing.
 */

export const STORAGE_USAGE = GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST;

/** Round up to the pool's size classes: multiples of 256 below 4 KiB, then 4 steps per power of two. */
export function sizeClass(bytes: number): number {
  const b = Math.max(256, bytes);
  if (b <= 4096) return Math.ceil(b / 256) * 256;
  const p = 2 ** Math.floor(Math.log2(b));
  const step = p / 4;
  return Math.ceil(b / step) * step;
}

export interface PoolStats {
  /** Bytes held by live tensors (by size class). */
  liveBytes: number;
  peakLiveBytes: number;
  /** Bytes of idle buffers kept for reuse. */
  freeBytes: number;
  /** Buffers created over the pool's lifetime. */
  created: number;
}

export class BufferPool {
  private free = new Map<number, GPUBuffer[]>();
  private stats: PoolStats = { liveBytes: 0, peakLiveBytes: 0, freeBytes: 0, created: 0 };
  /** Called before a buffer is destroyed, so caches keyed on it can drop it. */
  onDestroy: (b: GPUBuffer) => void = () => {};

  /** `create` makes a new buffer; the engine wraps it in an out-of-memory error scope. */
  constructor(private create: (size: number, label: string) => GPUBuffer, private maxBufferSize: number) {}

  acquire(bytes: number, label: string): GPUBuffer {
    const size = sizeClass(bytes);
    if (size > this.maxBufferSize) {
      throw new RangeError(
        `${label}: a ${bytes}-byte buffer exceeds the adapter's maxBufferSize (${this.maxBufferSize})`,
      );
    }
    const list = this.free.get(size);
    let buf = list?.pop();
    if (buf) this.stats.freeBytes -= size;
    else {
      buf = this.create(size, label);
      this.stats.created++;
    }
    this.stats.liveBytes += size;
    this.stats.peakLiveBytes = Math.max(this.stats.peakLiveBytes, this.stats.liveBytes);
    return buf;
  }

  release(buf: GPUBuffer): void {
    const size = buf.size;
    this.stats.liveBytes -= size;
    this.stats.freeBytes += size;
    let list = this.free.get(size);
    if (!list) this.free.set(size, list = []);
    list.push(buf);
  }

  /** Destroy every idle buffer (e.g. between jobs of very different shapes). */
  trim(): void {
    for (const list of this.free.values()) {
      for (const b of list) {
        this.onDestroy(b);
        b.destroy();
      }
    }
    this.free.clear();
    this.stats.freeBytes = 0;
  }

  resetPeak(): void {
    this.stats.peakLiveBytes = this.stats.liveBytes;
  }

  get statistics(): Readonly<PoolStats> {
    return { ...this.stats };
  }
}
