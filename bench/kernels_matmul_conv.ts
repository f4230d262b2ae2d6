/**
 * Kernel benchmark: GFLOP/s of matmul (1024^3, 2048^3) and of the convolutions of a CIFAR ResNet at
 * batch 128 (forward, gradient w.r.t. input, gradient w.r.t. weight), next to the adapter's FMA peak
 * measured with shaders/peak.wgsl.
 *
 *   deno run -A bench/kernels_matmul_conv.ts [--quick] [--json out.json]
 *
 * Each measurement records `batch` calls (several dispatches each, nothing read back) and waits once
 * with `engine().rec.finish()`, because every queue wait costs milliseconds in Deno; the best of
 * `repeats` batches is reported (other processes on a shared machine only ever slow a batch down).
 */
import process from "node:process";
import { parseArgs } from "node:util";
import { engine, initEngine } from "../engine/runtime.ts";
import { Tensor } from "../engine/tensor.ts";
import { matmul } from "../engine/ops/matmul.ts";
import { conv2dBackwardInput, conv2dBackwardWeight, conv2dRaw } from "../engine/ops/conv.ts";

export interface Row {
  /** What was measured, e.g. "matmul 1024^3" or "conv 16->16 32x32 k3 s1 fwd". */
  name: string;
  /** Floating-point operations of one call (2 per multiply-add). */
  flops: number;
  /** Best time of one call, in milliseconds. */
  ms: number;
  gflops: number;
  /**
   * The same batch's rate per process CPU time spread over the machine's cores: flops divided by
   * (CPU seconds / cores). On a CPU adapter this is what the kernel reaches with the cores to itself
   * (other processes stretch wall time, not this process's CPU time); on a GPU it is meaningless.
   */
  cpuGflops: number;
}

export interface BenchOptions {
  /** Fewer and smaller measurements (skips 2048^3), for smoke runs. */
  quick?: boolean;
  /** Batches per measurement (the best is kept). */
  repeats?: number;
  /** Called with each row as soon as it is measured. */
  onRow?: (r: Row) => void;
}

const CORES = navigator.hardwareConcurrency || 1;

function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

interface Timing {
  /** Best wall time per call (ms). */
  ms: number;
  /** CPU time per call of the best batch, divided by the core count (ms). */
  cpuMs: number;
}

async function timeBest(fn: () => void, calls: number, repeats: number): Promise<Timing> {
  fn(); // compile pipelines and warm the buffer pool
  await engine().rec.finish();
  let best: Timing = { ms: Infinity, cpuMs: Infinity };
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    const c0 = cpuSeconds();
    for (let i = 0; i < calls; i++) fn();
    await engine().rec.finish();
    const ms = (performance.now() - t0) / calls;
    if (ms < best.ms) best = { ms, cpuMs: (cpuSeconds() - c0) * 1000 / calls / CORES };
  }
  return best;
}

function row(name: string, flops: number, t: Timing): Row {
  return { name, flops, ms: t.ms, gflops: flops / t.ms / 1e6, cpuGflops: flops / t.cpuMs / 1e6 };
}

function random(n: number, seed: number): Float32Array {
  let s = seed >>> 0 || 1;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    out[i] = s / 4294967296 - 0.5;
  }
  return out;
}

/** Calls per batch so that a batch takes roughly `targetMs`, at least `min`. */
function callsFor(flops: number, targetMs: number, min = 10): number {
  const guess = flops / 30e9 * 1000; // ~30 GFLOP/s guess for the software adapter
  return Math.max(min, Math.min(200, Math.round(targetMs / Math.max(guess, 1e-3))));
}

async function peakRow(repeats: number): Promise<Row> {
  const e = engine();
  const threads = 64 * 512;
  const out = Tensor.empty([threads], "f32", "peak");
  const iters = 512;
  // 4 x 8 vec4 FMAs per trip and invocation, 2 flops each.
  const flops = threads * iters * 4 * 8 * 4 * 2;
  const t = await timeBest(
    () => {
      e.run("peak", "main", {
        bindings: { out },
        uniforms: { iters, row: threads, a: 0.999, b: 0.001 },
        workgroups: [threads / 64, 1],
      });
    },
    10,
    repeats,
  );
  out.dispose();
  return row("peak FMA (shaders/peak.wgsl)", flops, t);
}

async function matmulRow(S: number, repeats: number): Promise<Row> {
  const a = Tensor.from(random(S * S, 1), [S, S]);
  const b = Tensor.from(random(S * S, 2), [S, S]);
  const flops = 2 * S ** 3;
  const t = await timeBest(() => matmul(a, b).dispose(), callsFor(flops, 1500, 4), repeats);
  a.dispose();
  b.dispose();
  return row(`matmul ${S}^3`, flops, t);
}

interface ConvShape {
  label: string;
  C: number;
  O: number;
  H: number;
  k: number;
  s: number;
}

/** The distinct convolutions of a CIFAR ResNet (20/56/110 share them), at batch 128. */
const RESNET_CONVS: ConvShape[] = [
  { label: "stem 3->16 32x32 k3 s1", C: 3, O: 16, H: 32, k: 3, s: 1 },
  { label: "16->16 32x32 k3 s1", C: 16, O: 16, H: 32, k: 3, s: 1 },
  { label: "32->32 16x16 k3 s1", C: 32, O: 32, H: 16, k: 3, s: 1 },
  { label: "64->64 8x8 k3 s1", C: 64, O: 64, H: 8, k: 3, s: 1 },
  { label: "16->32 32x32 k3 s2", C: 16, O: 32, H: 32, k: 3, s: 2 },
  { label: "32->64 16x16 k3 s2", C: 32, O: 64, H: 16, k: 3, s: 2 },
  { label: "16->32 32x32 k1 s2 (downsample)", C: 16, O: 32, H: 32, k: 1, s: 2 },
  { label: "32->64 16x16 k1 s2 (downsample)", C: 32, O: 64, H: 16, k: 1, s: 2 },
];

async function convRows(c: ConvShape, N: number, repeats: number): Promise<Row[]> {
  const P = (c.k - 1) / 2;
  const OH = Math.floor((c.H + 2 * P - c.k) / c.s) + 1;
  const opts = { stride: c.s, padding: P };
  const x = Tensor.from(random(N * c.C * c.H * c.H, 3), [N, c.C, c.H, c.H]);
  const w = Tensor.from(random(c.O * c.C * c.k * c.k, 4), [c.O, c.C, c.k, c.k]);
  const g = Tensor.from(random(N * c.O * OH * OH, 5), [N, c.O, OH, OH]);
  const flops = 2 * N * c.O * OH * OH * c.C * c.k * c.k;
  const calls = callsFor(flops, 600);
  const rows: Row[] = [];
  const passes: [string, () => void][] = [
    ["fwd", () => conv2dRaw(x, w, null, opts).dispose()],
    ["bwd-input", () => conv2dBackwardInput(g, w, x.shape, opts).dispose()],
    ["bwd-weight", () => conv2dBackwardWeight(g, x, w.shape, opts).dispose()],
  ];
  for (const [pass, fn] of passes) {
    rows.push(row(`conv ${c.label} N${N} ${pass}`, flops, await timeBest(fn, calls, repeats)));
  }
  for (const t of [x, w, g]) t.dispose();
  return rows;
}

/** Run every measurement and return the rows (also passed to `onRow` as they complete). */
export async function benchMatmulConv(opts: BenchOptions = {}): Promise<Row[]> {
  await initEngine();
  const repeats = opts.repeats ?? (opts.quick ? 2 : 3);
  const rows: Row[] = [];
  const add = (r: Row) => {
    rows.push(r);
    opts.onRow?.(r);
  };
  add(await peakRow(repeats));
  add(await matmulRow(1024, repeats));
  if (!opts.quick) add(await matmulRow(2048, Math.min(repeats, 2)));
  const N = opts.quick ? 32 : 128;
  for (const c of opts.quick ? RESNET_CONVS.slice(1, 3) : RESNET_CONVS) {
    for (const r of await convRows(c, N, repeats)) add(r);
  }
  return rows;
}

function formatRow(r: Row): string {
  return `${r.name.padEnd(52)} ${r.gflops.toFixed(1).padStart(7)} GFLOP/s ${r.ms.toFixed(2).padStart(9)} ms` +
    `   (per CPU time: ${r.cpuGflops.toFixed(1)} GFLOP/s)`;
}

if (import.meta.main) {
  const { values } = parseArgs({
    args: Deno.args,
    options: { quick: { type: "boolean", default: false }, json: { type: "string" } },
  });
  await initEngine();
  console.log(`adapter: ${engine().gpu.describe()}`);
  const rows = await benchMatmulConv({ quick: values.quick, onRow: (r) => console.log(formatRow(r)) });
  if (values.json) await Deno.writeTextFile(values.json, JSON.stringify(rows, null, 2) + "\n");
}
