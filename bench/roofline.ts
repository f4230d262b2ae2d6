/**
 * The adapter's two ceilings: arithmetic peak (independent FMA chains, shaders/peak.wgsl) and copy
 * bandwidth (a vec4 copy between two buffers larger than the caches, shaders/bandwidth.wgsl).
 * Compute-bound kernels are reported as a fraction of the first, memory-bound ones of the second.
 */
import { engine, Tensor } from "../engine/mod.ts";
import { grid1d } from "../engine/ops/util.ts";
import type { MeasuredCase, Sample } from "./cases.ts";
import { measureRecorded } from "./measure.ts";

export async function measurePeakFma(threads: number, iters: number, c: MeasuredCase): Promise<Sample[]> {
  const out = Tensor.empty([threads], "f32", "peak");
  try {
    return await measureRecorded(() => recordPeak(out, threads, iters), c);
  } finally {
    out.dispose();
  }
}

/** One dispatch of the peak kernel: `threads` lanes (a multiple of 64), `iters` loop trips each, into out. */
export function recordPeak(out: Tensor, threads: number, iters: number): void {
  engine().run("peak", "main", {
    bindings: { out },
    uniforms: { iters, row: threads, a: 0.999, b: 0.001 },
    workgroups: [threads / 64, 1],
  });
}

/** Vectors per invocation of the copy kernel (the fastest setting on lavapipe; see the shader). */
const PER = 4;
const WG = 256;

export async function measureCopy(bytes: number, c: MeasuredCase): Promise<Sample[]> {
  if (bytes % 16 !== 0) throw new RangeError(`copy: ${bytes} bytes are not whole vec4s`);
  const src = Tensor.empty([bytes / 4], "f32", "copy source");
  const dst = Tensor.empty([bytes / 4], "f32", "copy destination");
  const n = bytes / 16;
  const g = grid1d(Math.ceil(n / PER), WG);
  const stride = g.workgroups[0] * g.workgroups[1] * WG;
  try {
    return await measureRecorded(() => {
      engine().run("bandwidth", "copy", {
        bindings: { src, dst },
        uniforms: { n, row: g.row, stride, _pad: 0 },
        workgroups: g.workgroups,
      }, { WG, PER });
    }, c);
  } finally {
    src.dispose();
    dst.dispose();
  }
}
