/** Shared test helpers: one engine per test process, float64 comparison utilities. */
import type { Environment } from "../engine/gpu_select.ts";
import { randomArray as benchRandomArray } from "../bench/measure.ts";
import { type Engine, engine, initEngine } from "../engine/mod.ts";

export { assertClose } from "./compare.ts";

/** A test that needs the GPU engine (async WebGPU callbacks outlive a test, so sanitizers are off). */
export function gpuTest(name: string, fn: (e: Engine) => Promise<void> | void): void {
  Deno.test({
    name,
    sanitizeOps: false,
    sanitizeResources: false,
    fn: async () => {
      const e = await initEngine();
      await fn(e);
      await e.rec.settle();
    },
  });
}

/** Deterministic uniform values in [lo, hi) from a seed (xorshift32, as the benchmarks' inputs), for test data. */
export function randomArray(n: number, seed: number, lo = -1, hi = 1): Float32Array {
  return benchRandomArray(n, seed, lo, hi);
}

/** ||a - b|| / ||b|| */
export function normRel(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  let num = 0, den = 0;
  for (let i = 0; i < expected.length; i++) {
    num += (actual[i] - expected[i]) ** 2;
    den += expected[i] ** 2;
  }
  return Math.sqrt(num) / Math.max(Math.sqrt(den), 1e-300);
}

/** `fn` must throw an error of `type` whose message contains `part`. */
export function assertThrows(fn: () => unknown, type: new (...a: never[]) => Error, part: string): void {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof type)) {
      throw new Error(`expected ${type.name}, got ${(e as Error).name}: ${(e as Error).message}`);
    }
    if (!(e as Error).message.includes(part)) {
      throw new Error(`message "${(e as Error).message}" lacks "${part}"`);
    }
    return;
  }
  throw new Error(`expected ${type.name} containing "${part}", nothing was thrown`);
}

/** Central finite differences of a float64 function at v, step h. */
export function fdGrad(f: (v: Float64Array) => number, v: ArrayLike<number>, h: number): Float64Array {
  const p = Float64Array.from(v);
  const out = new Float64Array(p.length);
  for (let i = 0; i < p.length; i++) {
    const keep = p[i];
    p[i] = keep + h;
    const fp = f(p);
    p[i] = keep - h;
    const fm = f(p);
    p[i] = keep;
    out[i] = (fp - fm) / (2 * h);
  }
  return out;
}

/** Float64 dot product. */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Runs `fn` with a fresh temporary directory, removed afterwards whatever happens. */
export async function withTempDir(fn: (dir: string) => void | Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir();
  try {
    await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/** One dispatch `withDispatches` saw: the kernel family, entry point, override constants and uniforms. */
export interface SeenDispatch {
  family: string;
  entry: string;
  overrides: Record<string, unknown>;
  uniforms: Record<string, unknown>;
}

/** What `f` returns, and every dispatch it records, in order. */
export async function withDispatches<T>(f: () => Promise<T> | T): Promise<[T, SeenDispatch[]]> {
  const e = engine();
  const run = e.run.bind(e);
  const seen: SeenDispatch[] = [];
  e.run = (family, entry, args, overrides = {}) => {
    seen.push({ family, entry, overrides, uniforms: (args.uniforms ?? {}) as Record<string, unknown> });
    run(family, entry, args, overrides);
  };
  try {
    return [await f(), seen];
  } finally {
    e.run = run;
  }
}

/**
 * What `f` returns, and [width, height, first row] of each buffer-to-texture copy it records (the
 * software adapter's operand copies: engine/ops/operand_texture.ts), each destination's label pushed to
 * `labels` if given.
 */
export async function withTextureCopies<T>(
  f: () => Promise<T> | T,
  labels?: string[],
): Promise<[T, [number, number, number][]]> {
  const rec = engine().rec;
  const copies: [number, number, number][] = [];
  const copyToTexture = rec.copyToTexture.bind(rec);
  rec.copyToTexture = (...args) => {
    copies.push([args[3], args[4], args[5] ?? 0]);
    labels?.push(args[2].label);
    copyToTexture(...args);
  };
  try {
    return [await f(), copies];
  } finally {
    rec.copyToTexture = copyToTexture;
  }
}

/** An environment held in a map (engine/gpu_select.ts's `Environment`), for code that reads and sets variables. */
export function mapEnv(init: Record<string, string> = {}): Environment & { vars: Map<string, string> } {
  const vars = new Map(Object.entries(init));
  return { vars, get: (n) => vars.get(n), set: (n, v) => void vars.set(n, v) };
}
