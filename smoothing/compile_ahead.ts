/**
 * Kernel compilation on a second core while an evaluation or a training run starts. A software adapter
 * (Mesa's lavapipe) generates each pipeline's machine code at its first dispatch, one pipeline after
 * another on its device's queue thread, so a cold start keeps one core busy and leaves the other idle:
 * most of a CIFAR ResNet's first batch, and a minute of a ResNet training run's first step. A device in
 * a worker thread of its own can build the same pipelines meanwhile, and Mesa's disk cache hands them to
 * the run's device when it reaches them. The worker makes the same model (an evaluation's from the same
 * file; a training run's freshly, as its weights do not choose kernels) on an engine with the same
 * options, records one batch of the same size under `Engine.compileAhead` (each pipeline's first
 * dispatch with its real uniforms, one workgroup) and builds the pipelines last first, so the two
 * devices meet about halfway. Once the run's first batch is done the worker stops at its next pipeline,
 * and the run notes in the cache directory that the cache holds its pipelines, so later runs start no
 * worker (`CompiledMarks`). Deno only (a worker, a file path).
 */
import { engine, type EngineOptions, listShaderFamilies, shaderFamily } from "../engine/mod.ts";
import { writeFileAtomic } from "../nn/checkpoint/atomic_file.ts";
import { sha256Hex } from "../nn/sha256.ts";
import type { ModelRequest } from "../nn/open_model.ts";
import type { Arch } from "../nn/models.ts";
import type { NormalizeMode } from "../nn/layers.ts";
import type { EmpiricalAttackOptions } from "./empirical.ts";
import type { TrainConfig } from "./train.ts";

/** The pipelines an evaluation (certify, predict) builds for its first batch of noisy samples. */
export interface VotesRequest {
  kind: "votes";
  /** Path of the weights file the run opened. */
  checkpoint: string;
  /** How the run opened it (architecture and normalisation as resolved by the run, precision). */
  model: ModelRequest;
  /** Rows per GPU batch: the convolutions' pipelines are chosen for it. */
  batch: number;
  sigma: number;
  /** `predict --attack`: each image is attacked first, so the attack's pipelines come first. */
  attack?: EmpiricalAttackOptions;
}

/** The pipelines a training run builds for its first batch (its forward, backward and SGD passes). */
export interface TrainStepRequest {
  kind: "train";
  arch: Arch;
  normalize?: NormalizeMode;
  /** The run's recipe; its epoch count and seed do not choose kernels and are left out of the key. */
  config: TrainConfig;
  /** The epoch of the run's first step (SmoothAdv's attack radius warms up with it). */
  epoch: number;
  /** Images in the run's first batch. */
  images: number;
}

/** The pipelines a training run's evaluation on noisy test images builds for its first batch. */
export interface TestBatchRequest {
  kind: "test";
  arch: Arch;
  normalize?: NormalizeMode;
  sigma: number;
  /** Images in the test loader's first batch. */
  images: number;
}

export type CompileAheadRequest = VotesRequest | TrainStepRequest | TestBatchRequest;

/** What the worker did: the pipelines it dispatched (built, or found in the cache) and its seconds. */
export interface CompileAheadReport {
  pipelines: string[];
  seconds: number;
}

/** The worker's messages. */
export type CompileAheadReply = CompileAheadReport | { error: string };

/**
 * What the worker is sent first: the request, the run's engine options (adapter, tile cap), and Mesa's
 * cache directory with the number of entries it held before the run's first batch.
 */
export type CompileAheadMessage = CompileAheadRequest & {
  engine: EngineOptions;
  cache: { dir: string; entries: number };
};

export interface CompileAhead {
  /** The run's own first batch is done: the worker ends after the pipeline it is building. */
  finish(): void;
  /**
   * End the worker: after `finish`, wait for it (up to `CLOSE_WAIT_MS`; a pipeline being built would
   * hold up the process's exit anyway), else at once. Its report; null if it failed or was cut short
   * (the run never depends on it).
   */
  close(): Promise<CompileAheadReport | null>;
}

/** How long `close` waits for a finished worker's last pipeline. */
const CLOSE_WAIT_MS = 60_000;

/** `SMOOTHCERT_COMPILE_AHEAD=0` turns the worker off (for comparisons, or to save its memory). */
const SWITCH = "SMOOTHCERT_COMPILE_AHEAD";

/**
 * Start building the run's pipelines in a worker, where that can help: on a software adapter whose
 * disk cache is on and has not yet seen this run's pipelines (`CompiledMarks`), unless SWITCH is "0".
 * Null otherwise: a GPU driver compiles at pipeline creation, and with a warm cache the worker's own
 * start (about 0.4 s of a core for the MNIST CNN) would only slow the run down.
 */
export async function startCompileAhead(request: CompileAheadRequest): Promise<CompileAhead | null> {
  const e = engine();
  if (!e.gpu.info.isFallbackAdapter || Deno.env.get(SWITCH) === "0") return null;
  const marks = CompiledMarks.open();
  if (!marks) return null;
  const key = await runKey(request, e.options, e.gpu.info.description);
  if (await marks.has(key)) return null;
  const worker = new Worker(new URL("./compile_ahead_worker.ts", import.meta.url).href, { type: "module" });
  let ended = false;
  let settle: (r: CompileAheadReport | null) => void = () => {};
  const done = new Promise<CompileAheadReport | null>((resolve) => (settle = resolve));
  const stop = (report: CompileAheadReport | null = null) => {
    if (ended) return;
    ended = true;
    worker.terminate();
    settle(report);
  };
  worker.onmessage = (m: MessageEvent<CompileAheadReply>) => stop("error" in m.data ? null : m.data);
  worker.onerror = (err) => {
    err.preventDefault();
    stop();
  };
  const message: CompileAheadMessage = {
    ...request,
    engine: e.options,
    cache: { dir: marks.cacheDir, entries: cacheEntries(marks.cacheDir) },
  };
  worker.postMessage(message);
  let finished = false;
  let marking: Promise<void> = Promise.resolve();
  return {
    finish: () => {
      if (finished) return;
      finished = true;
      if (!ended) worker.postMessage("finish");
      // the run's own device has built (and cached) every pipeline of the run by now
      marking = marks.add(key).catch(() => {});
    },
    close: async () => {
      await marking;
      if (finished) {
        let timer: ReturnType<typeof setTimeout> | undefined;
        await Promise.race([done, new Promise((resolve) => (timer = setTimeout(resolve, CLOSE_WAIT_MS)))]);
        clearTimeout(timer);
      }
      stop();
      return done;
    },
  };
}

/**
 * The second devices of a run with several phases (a training run's first step, its first evaluation):
 * each started with its phase, ended when the run has built that phase's kernels, reported at the end.
 */
export class PhaseWorkers<Phase extends string> {
  readonly #running = new Map<Phase, CompileAhead>();
  readonly #reports: [Phase, Promise<CompileAheadReport | null>][] = [];

  /** Start `phase`'s worker where one can help (startCompileAhead). */
  async start(phase: Phase, request: CompileAheadRequest): Promise<void> {
    const ahead = await startCompileAhead(request);
    if (ahead) this.#running.set(phase, ahead);
  }

  /** The run has built `phase`'s kernels: its worker ends after the pipeline it is building. */
  end(phase: Phase): void {
    const ahead = this.#running.get(phase);
    if (!ahead) return;
    this.#running.delete(phase);
    ahead.finish();
    this.#reports.push([phase, ahead.close()]);
  }

  /** End every worker (at once where its phase did not end) and tell what each did, in order. */
  async close(tell?: (phase: Phase, report: CompileAheadReport | null) => void): Promise<void> {
    for (const [phase, ahead] of this.#running) this.#reports.push([phase, ahead.close()]);
    this.#running.clear();
    for (const [phase, report] of this.#reports.splice(0)) tell?.(phase, await report);
  }
}

/** What decides a run's pipelines: the model, the batch, the engine's options, the adapter, the shaders. */
async function runKey(
  request: CompileAheadRequest,
  options: EngineOptions,
  adapter: string,
): Promise<string> {
  const shaders = listShaderFamilies().sort().map((name) => shaderFamily(name).code).join("\0");
  const digest = await sha256Hex(new TextEncoder().encode(shaders));
  let run: unknown[];
  if (request.kind === "votes") {
    run = request.attack ? [request.model, request.batch, request.attack] : [request.model, request.batch];
  } else if (request.kind === "train") {
    const { epochs: _epochs, seed: _seed, ...recipe } = request.config;
    run = ["train", request.arch, request.normalize ?? null, recipe, request.epoch, request.images];
  } else run = ["test", request.arch, request.normalize ?? null, request.sigma, request.images];
  return JSON.stringify([
    ...run,
    options,
    Deno.env.get("SMOOTHCERT_MAX_TILE"),
    adapter,
    digest,
  ]);
}

/**
 * The runs whose pipelines Mesa's disk cache holds, as far as this project knows: a small JSON file
 * of run keys inside the cache directory (`mesa_shader_cache` in MESA_SHADER_CACHE_DIR, else in
 * XDG_CACHE_HOME or ~/.cache), so that a cache deleted, or pointed elsewhere, knows no run. A key whose
 * pipelines Mesa has since evicted only means a cold start without the worker.
 */
export class CompiledMarks {
  private readonly file: string;
  private constructor(readonly cacheDir: string) {
    this.file = `${cacheDir}/smoothcert-compiled.json`;
  }

  /** Null where Mesa keeps no disk cache (MESA_SHADER_CACHE_DISABLE) or no cache root is known. */
  static open(): CompiledMarks | null {
    const off = Deno.env.get("MESA_SHADER_CACHE_DISABLE");
    if (off !== undefined && !["", "0", "false", "no", "n", "f"].includes(off.toLowerCase())) return null;
    const home = Deno.env.get("HOME");
    const root = Deno.env.get("MESA_SHADER_CACHE_DIR") ?? Deno.env.get("XDG_CACHE_HOME") ??
      (home ? `${home}/.cache` : null);
    return root ? CompiledMarks.at(root) : null;
  }

  /** The marks for the Mesa cache under `root` (where `mesa_shader_cache` is or will be). */
  static at(root: string): CompiledMarks {
    return new CompiledMarks(`${root}/mesa_shader_cache`);
  }

  async has(key: string): Promise<boolean> {
    return (await this.read())[key] === true;
  }

  /** Record `key`, if Mesa has made its cache directory (else there is nothing to vouch for). */
  async add(key: string): Promise<void> {
    try {
      if (!(await Deno.stat(this.cacheDir)).isDirectory) return;
    } catch {
      return;
    }
    const marks = await this.read();
    marks[key] = true;
    await writeFileAtomic(this.file, new TextEncoder().encode(JSON.stringify(marks) + "\n"));
  }

  private async read(): Promise<Record<string, boolean>> {
    try {
      const v = JSON.parse(await Deno.readTextFile(this.file));
      return v && typeof v === "object" && !Array.isArray(v) ? v : {};
    } catch {
      return {}; // missing or unreadable: nothing known
    }
  }
}

/**
 * The entries in Mesa's disk cache directory (its two-hex-digit subdirectories; 0 if there is none).
 * Lavapipe 22.3 writes one entry per pipeline it generates code for (11 for the MNIST CNN's 11), so the
 * worker can tell how far the run's device has got: an entry it did not write is one the run has built.
 */
export function cacheEntries(dir: string): number {
  let n = 0;
  try {
    for (const sub of Deno.readDirSync(dir)) {
      if (!sub.isDirectory || !/^[0-9a-f]{2}$/.test(sub.name)) continue;
      for (const f of Deno.readDirSync(`${dir}/${sub.name}`)) if (f.isFile) n++;
    }
  } catch {
    return n; // no cache directory yet
  }
  return n;
}
