/**
 * Timing on the GPU queue. Each repeat records its calls without waiting and waits once at the end
 * (`engine().rec.finish()`), because one queue wait costs ~10 ms in Deno; wall time and this
 * process's CPU time are both taken, as other processes sharing the cores stretch the first only.
 */
import process from "node:process";
import { engine } from "../engine/mod.ts";
import type { MeasuredCase, Sample } from "./cases.ts";

export const CORES = navigator.hardwareConcurrency || 1;

export function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/** Calls per repeat so that one repeat lasts about `targetMs` (at least 1, at most `max`). */
export function callsFor(oneCallMs: number, targetMs: number, max = 2000): number {
  if (targetMs <= 0) return 1;
  return Math.max(1, Math.min(max, Math.round(targetMs / Math.max(oneCallMs, 1e-3))));
}

/**
 * Per-call seconds of `record` (which only records GPU work), `c.repeats` times. After the warm-up one
 * timed call calibrates how many calls make a repeat of `c.targetMs`.
 */
export async function measureRecorded(record: () => void, c: MeasuredCase): Promise<Sample[]> {
  const rec = engine().rec;
  for (let i = 0; i < c.warmup; i++) {
    record();
    await rec.finish();
  }
  let calls = 1;
  if (c.targetMs > 0) {
    const t0 = performance.now();
    record();
    await rec.finish();
    calls = callsFor(performance.now() - t0, c.targetMs);
  }
  const out: Sample[] = [];
  for (let r = 0; r < c.repeats; r++) {
    const t0 = performance.now();
    const c0 = cpuSeconds();
    for (let i = 0; i < calls; i++) record();
    await rec.finish();
    out.push({ wallS: (performance.now() - t0) / 1000 / calls, cpuS: (cpuSeconds() - c0) / calls });
  }
  return out;
}

/** Per-call seconds of an asynchronous call that ends with its own readback (certification, training). */
export async function measureAsync(fn: () => Promise<void>, c: MeasuredCase): Promise<Sample[]> {
  const rec = engine().rec;
  for (let i = 0; i < c.warmup; i++) {
    await fn();
    await rec.finish();
  }
  const out: Sample[] = [];
  for (let r = 0; r < c.repeats; r++) {
    const t0 = performance.now();
    const c0 = cpuSeconds();
    await fn();
    await rec.finish();
    out.push({ wallS: (performance.now() - t0) / 1000, cpuS: cpuSeconds() - c0 });
  }
  return out;
}

/** Deterministic values in [lo, hi) (xorshift32): benchmark inputs, where only the sizes matter. */
export function randomArray(n: number, seed: number, lo = -0.5, hi = 0.5): Float32Array {
  let s = (seed * 2654435761) >>> 0 || 1;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    out[i] = lo + (hi - lo) * (s / 4294967296);
  }
  return out;
}
