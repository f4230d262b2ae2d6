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
 * devices meet about halfway. Once the run's first batch is done the worker stops at its next pipeline.
 *
 * On lavapipe the 16-channel Winograd layers have a faster form whose code takes longest of all to
 * generate (weights from workgroup memory: engine/ops/conv_winograd.ts; 11-15 s of a ResNet's cold
 * start). A run with a worker defers it: it starts on the loop form, which its 32- and 64-channel layers
 * build anyway and which computes the same sums in the same order, while the worker, after the run's own
 * pipelines, builds the faster form's and then tells the run, which switches to it between two batches
 * (no value changes). Once the run has every pipeline it uses (its first batch done and the faster form
 * built), it notes in the cache directory that the cache holds them, so later runs start no worker and
 * use the faster form from their first batch (`CompiledMarks`). Deno only (a worker, a file path).
 */
import {
  type AheadDispatch,
  engine,
  type EngineOptions,
  listShaderFamilies,
  shaderFamily,
} from "../engine/mod.ts";
import { setWinogradSharedWeights, winogradSharedWeightsOn } from "../engine/ops/conv_winograd.ts";
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
  /**
   * Where the run deferred the 16-channel layers' faster form: the pipelines the worker then built for
   * it and the seconds from its start to the run's switch; null if the run ended (or the worker failed)
   * first, and the run stayed on the loop form.
   */
  deferred?: { pipelines: string[]; seconds: number } | null;
}

/**
 * The worker's messages: the deferred form's pipelines are built (`upgraded`, then it goes on to its
 * report), its report, or why it failed.
 */
export type CompileAheadReply = { upgraded: string[]; seconds: number } | CompileAheadReport | {
  error: string;
};

/**
 * What the worker is sent first: the request, the run's engine options (adapter, tile cap), Mesa's cache
 * directory with the number of entries it held before the run's first batch, and whether the run
 * deferred the 16-channel layers' faster form (`deferred`: build the run's pipelines without it, then
 * its own).
 */
export type CompileAheadMessage = CompileAheadRequest & {
  engine: EngineOptions;
  cache: { dir: string; entries: number };
  deferred: boolean;
};

/** What the run sends the worker: its first batch is done ("finish"), or it is ending ("abandon"). */
export type CompileAheadSignal = "finish" | "abandon";

export interface CompileAhead {
  /**
   * The run's own first batch is done: the worker stops building the run's pipelines after the one it
   * is building, and goes on to the deferred form's, if any.
   */
  finish(): void;
  /** The worker's report once it has ended by itself; null if it failed (the run never depends on it). */
  report(): Promise<CompileAheadReport | null>;
  /**
   * The run is ending: the worker stops after the pipeline it is building (a deferred form not yet built
   * is left), and is waited for after `finish` (up to `CLOSE_WAIT_MS`: a pipeline being built would hold
   * up the process's exit anyway), else ended at once. Its report; null if it failed or was cut short.
   */
  close(): Promise<CompileAheadReport | null>;
}

/** How long `close` waits for a finished worker's last pipeline. */
const CLOSE_WAIT_MS = 60_000;

/** `SMOOTHCERT_COMPILE_AHEAD=0` turns the worker off (for comparisons, or to save its memory). */
const SWITCH = "SMOOTHCERT_COMPILE_AHEAD";

/**
 * Which workers' runs deferred a faster form and have not had it built yet. The form stays off while any
 * is left (a training run's evaluation worker may start while its first step's is still at it), and
 * comes on when the last one has built it; a worker that fails or is abandoned leaves it off for the rest
 * of the process, so that the run never builds it at a dispatch of its own.
 */
export class FormDeferral {
  #pending = 0;
  #failed = false;
  /** `isOn`: whether the run takes the form now; `set` turns it on or off. */
  constructor(private readonly isOn: () => boolean, private readonly set: (on: boolean) => void) {}

  /** A worker starts: whether its run defers the form (turned off now if it was on). */
  start(): boolean {
    if (this.#pending === 0) {
      if (!this.isOn()) return false;
      this.set(false);
      this.#failed = false;
    }
    this.#pending++;
    return true;
  }

  /** A deferring worker has built the form (`built`), or ended without it. */
  end(built: boolean): void {
    if (this.#pending === 0) throw new Error("internal: FormDeferral.end without a start");
    this.#pending--;
    if (!built) this.#failed = true;
    if (this.#pending === 0 && !this.#failed) this.set(true);
  }
}

/** The 16-channel Winograd layers' workgroup-memory form (engine/ops/conv_winograd.ts). */
const deferral = new FormDeferral(winogradSharedWeightsOn, (on) => void setWinogradSharedWeights(on));

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
  const deferred = deferral.start();
  let waiting = deferred; // for the deferred form
  let switched: { pipelines: string[]; seconds: number } | null = null;
  let finished = false;
  let marking: Promise<void> = Promise.resolve();
  // the run's device has built (and cached) every pipeline it dispatches, the deferred form's excepted,
  // once its first batch is done, and the worker that form's once it says so
  const mark = () => {
    if (finished && !waiting) marking = marks.add(key).catch(() => {});
  };
  const settleDeferral = (built: boolean) => {
    if (!waiting) return;
    waiting = false;
    deferral.end(built);
  };
  let ended = false;
  let settle: (r: CompileAheadReport | null) => void = () => {};
  const done = new Promise<CompileAheadReport | null>((resolve) => (settle = resolve));
  const stop = (report: CompileAheadReport | null = null) => {
    if (ended) return;
    ended = true;
    worker.terminate();
    settleDeferral(false);
    settle(report && (deferred ? { ...report, deferred: switched } : report));
  };
  worker.onmessage = (m: MessageEvent<CompileAheadReply>) => {
    const reply = m.data;
    if ("upgraded" in reply) {
      switched = { pipelines: reply.upgraded, seconds: reply.seconds };
      settleDeferral(true);
      mark();
    } else stop("error" in reply ? null : reply);
  };
  worker.onerror = (err) => {
    err.preventDefault();
    stop();
  };
  const message: CompileAheadMessage = {
    ...request,
    engine: e.options,
    cache: { dir: marks.cacheDir, entries: cacheEntries(marks.cacheDir) },
    deferred,
  };
  worker.postMessage(message);
  const signal = (s: CompileAheadSignal) => {
    if (!ended) worker.postMessage(s);
  };
  return {
    finish: () => {
      if (finished) return;
      finished = true;
      signal("finish");
      mark();
    },
    report: () => done,
    close: async () => {
      if (finished) {
        signal("abandon");
        let timer: ReturnType<typeof setTimeout> | undefined;
        await Promise.race([done, new Promise((resolve) => (timer = setTimeout(resolve, CLOSE_WAIT_MS)))]);
        clearTimeout(timer);
      }
      stop();
      await marking;
      return done;
    },
  };
}

/** How `buildRunPipelines` goes about a run's pipelines. */
export interface BuildPlan {
  /** The run deferred the 16-channel layers' faster form: build that form's pipelines after the run's. */
  deferred: boolean;
  /**
   * Whether to stop before the run's pipeline at `position` (in the order the run reaches them), this
   * device having built `built` of them.
   */
  stop(position: number, built: number): boolean;
  /** The run is ending: build no more of the deferred form. */
  abandoned(): boolean;
  /** The deferred form's pipelines are built (called once, unless abandoned first; at once if none). */
  upgraded(pipelines: string[]): void;
}

/**
 * A worker's work on one batch of its run (`batch`, recorded as the run dispatches it, and again with the
 * deferred form, if any, whose pipelines are the only new ones by then): the run's pipelines, last first,
 * until `plan.stop`, then the deferred form's. Resolves with the run's pipelines built and when that
 * ended (performance.now()).
 */
export async function buildRunPipelines(
  batch: () => Promise<unknown>,
  plan: BuildPlan,
): Promise<{ pipelines: string[]; builtAt: number }> {
  if (plan.deferred) setWinogradSharedWeights(false);
  const own = await engine().recordAhead(batch);
  let deferred: AheadDispatch[] = [];
  if (plan.deferred) {
    setWinogradSharedWeights(true);
    deferred = await engine().recordAhead(batch);
  }
  let built = 0;
  const pipelines = await engine().rec.buildAhead(own, (position) => {
    if (plan.stop(position, built)) return true;
    built++;
    return false;
  });
  const builtAt = performance.now();
  // Then the deferred form, while the run goes on without it. (Built first, it held up the run's first
  // batch instead: the run's device then built all of its own pipelines alone; docs/SPEED.md.)
  if (plan.deferred && (deferred.length === 0 || !plan.abandoned())) {
    // (a model without such layers has nothing to build: the run may take the form at once)
    const upgraded = await engine().rec.buildAhead(deferred, () => plan.abandoned());
    if (upgraded.length === deferred.length) plan.upgraded(upgraded);
  }
  return { pipelines, builtAt };
}

/**
 * The second devices of a run with several phases (a training run's first step, its first evaluation):
 * each started with its phase, ended when the run has built that phase's kernels, reported at the end.
 */
export class PhaseWorkers<Phase extends string> {
  readonly #running = new Map<Phase, CompileAhead>();
  readonly #ended: [Phase, CompileAhead][] = [];

  /** Start `phase`'s worker where one can help (startCompileAhead). */
  async start(phase: Phase, request: CompileAheadRequest): Promise<void> {
    const ahead = await startCompileAhead(request);
    if (ahead) this.#running.set(phase, ahead);
  }

  /**
   * The run has built `phase`'s kernels: its worker stops building them after the one it is building,
   * and goes on to the deferred form's, if any.
   */
  end(phase: Phase): void {
    const ahead = this.#running.get(phase);
    if (!ahead) return;
    this.#running.delete(phase);
    ahead.finish();
    this.#ended.push([phase, ahead]);
  }

  /**
   * The run is ending: end every worker (at once where its phase did not end, after the pipeline it is
   * building otherwise) and tell what each did, in order.
   */
  async close(tell?: (phase: Phase, report: CompileAheadReport | null) => void): Promise<void> {
    const all = [...this.#ended.splice(0), ...this.#running];
    this.#running.clear();
    const reports = all.map(([phase, ahead]) => [phase, ahead.close()] as const);
    for (const [phase, report] of reports) tell?.(phase, await report);
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
