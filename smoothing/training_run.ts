/**
 * A training run kept in a directory: `checkpoint.safetensors` (weights, SGD momentum and the per-epoch
 * log, written atomically every epoch), `model.safetensors` (weights only) and `log.tsv` (the
 * reference's per-epoch columns). A run continues after its last finished epoch, bit for bit as if it
 * had never stopped: the kernels are deterministic and data order, augmentation and noise are
 * functions of the seed, epoch and step. Everything but the epoch count must match to continue.
 */
import { liveTensorCount, Tensor } from "../engine/mod.ts";
import { loadWeightsFile } from "../nn/checkpoint/load.ts";
import { saveModel, splitOptimizer } from "../nn/checkpoint/model_io.ts";
import { DEFAULT_CIFAR_DIR, loadCifar10 } from "../nn/data/cifar10.ts";
import { type ImageDataset, limitDataset } from "../nn/data/dataset.ts";
import { DataLoader } from "../nn/data/loader.ts";
import { loadMnist } from "../nn/data/mnist.ts";
import type { NormalizeMode } from "../nn/layers.ts";
import { type Arch, ARCH_INFO, buildModel } from "../nn/models.ts";
import type { Module, StateDict } from "../nn/module.ts";
import { ParameterError } from "../nn/parameter_error.ts";
import { type CompileAheadReport, PhaseWorkers } from "./compile_ahead.ts";
import { writeFileAtomic } from "./log.ts";
import {
  evaluateNoisy,
  learningRate,
  readStats,
  SgdState,
  type StepStats,
  trainBatch,
  type TrainConfig,
  validateTrainConfig,
  warmupEpsilon,
} from "./train.ts";

export const LOG_HEADER = "epoch\ttime\tlr\ttrain loss\ttrain acc\ttestloss\ttest acc";

export interface TrainingRunOptions {
  /** The run's directory. */
  out: string;
  dataset: "mnist" | "cifar10";
  /** CIFAR-10's binary batches (default data/cifar-10-batches-bin). */
  dataDir?: string;
  arch: Arch;
  /** Default: the architecture's reference normalisation. */
  normalize?: NormalizeMode;
  config: TrainConfig;
  /** Train on the first N training images only (-1: all). */
  trainLimit: number;
  /** Evaluate on the first N test images only (-1: all). */
  testLimit: number;
  /** Continue the run the directory holds. */
  resume: boolean;
  /** Start over although the directory holds a run, moving that run aside. */
  force: boolean;
}

/** One finished epoch. */
export interface EpochReport {
  epoch: number;
  seconds: number;
  images: number;
  lr: number;
  /** SmoothAdv's (warmed-up) attack radius this epoch. */
  epsilon: number;
  train: { loss: number; acc: number };
  /** Loss and accuracy (%) on noisy test images. */
  test: { loss: number; acc: number };
  liveTensors: number;
  /** The log.tsv row. */
  row: string;
}

/** What a run tells as it goes. */
export interface TrainingEvents {
  /** The previous run was moved aside (`force`). */
  movedAside?(to: string): void;
  /** Continuing after `epoch`, with `sgdSteps` steps done. */
  resumed?(epoch: number, sgdSteps: number): void;
  /** Training begins at `firstEpoch`. */
  started?(run: { model: Module; images: number; firstEpoch: number }): void;
  /** An epoch of `images` training images begins. */
  epochStarted?(epoch: number, images: number): void;
  /**
   * The process's first step is done, `seconds` after it began: on a software adapter mostly the
   * compilation of the run's kernels (reported apart, so that rates can leave it out).
   */
  ready?(seconds: number): void;
  /**
   * Training images done so far in the current epoch: after the epoch's first batch, then every 8
   * batches and at its end.
   */
  progress?(done: number): void;
  /**
   * What a second device that built kernels while the process's first step or first evaluation began
   * did (smoothing/compile_ahead.ts; null: it failed or was cut short). Told at the end of the run, for
   * each one started.
   */
  compiledAhead?(phase: "first step" | "first evaluation", report: CompileAheadReport | null): void;
  epochDone?(report: EpochReport): void;
}

/** Python's '{:.3}' for floats, as the reference's per-epoch log prints its columns. */
function g3(x: number): string {
  if (x === 0) return "0.0";
  const s = x.toPrecision(3);
  const e = Math.floor(Math.log10(Math.abs(Number(s))));
  if (e < -4 || e >= 3) {
    const [m, ex] = Number(s).toExponential(2).split("e");
    const exp = Number(ex);
    return `${m.replace(/\.?0+$/, "")}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  const t = String(Number(s));
  return t.includes(".") ? t : `${t}.0`;
}

async function loadTrainData(
  dataset: "mnist" | "cifar10",
  dir: string | undefined,
): Promise<[ImageDataset, ImageDataset]> {
  if (dataset === "mnist") return [await loadMnist("train"), await loadMnist("test")];
  const d = dir ?? DEFAULT_CIFAR_DIR;
  return [await loadCifar10(d, "train"), await loadCifar10(d, "test")];
}

/** Whether a directory already holds a run: its checkpoint or its log is there. */
function existingRun(ckPath: string, logPath: string): boolean {
  for (const path of [ckPath, logPath]) {
    try {
      Deno.statSync(path);
      return true;
    } catch (e) {
      if (!(e instanceof Deno.errors.NotFound)) throw e;
    }
  }
  return false;
}

/** The parameters checked before any file is touched. */
export function validateTrainingRun(o: TrainingRunOptions): void {
  validateTrainConfig(o.config);
  const info = ARCH_INFO[o.arch];
  if (info.dataset !== o.dataset) {
    throw new ParameterError((p) => `${p("arch")} ${o.arch} is for ${info.dataset}, not ${o.dataset}`);
  }
  if (o.resume && o.force) {
    throw new ParameterError((p) => `${p("resume")} and ${p("force")} exclude each other`);
  }
}

/** Momentum buffers and step count saved with a checkpoint, back on the GPU. */
function restoreOptimizer(model: Module, optimizer: StateDict, steps: number, ckPath: string): SgdState {
  const buffers = new Map<string, Tensor>();
  for (const [k, p] of model.namedParameters()) {
    const h = optimizer.get(`momentum_buffer.${k}`);
    if (!h || h.dtype !== "F32") {
      throw new ParameterError((n) => `${n("resume")}: ${ckPath} lacks the momentum buffer of ${k}`);
    }
    buffers.set(k, Tensor.from(h.data, p.shape).keep());
  }
  return new SgdState(model, buffers, steps);
}

/** The momentum buffers as checkpoint tensors. */
async function optimizerState(opt: SgdState): Promise<StateDict> {
  const optimizer: StateDict = new Map();
  const buffers = await Promise.all([...opt.buffers].map(async ([k, t]) => [k, await t.read()] as const));
  for (const [k, data] of buffers) {
    const p = opt.buffers.get(k)!;
    optimizer.set(`momentum_buffer.${k}`, {
      dtype: "F32",
      shape: [...p.shape],
      data: Float32Array.from(data),
    });
  }
  return optimizer;
}

/**
 * Trains into `o.out` (the engine must be open; the caller holds the directory's lock) and returns the
 * log rows. A directory that holds a run is refused unless `resume` (continue it) or `force` (move it
 * aside to OUT.replaced-TIME and start over).
 */
export async function runTraining(o: TrainingRunOptions, events: TrainingEvents = {}): Promise<string[]> {
  validateTrainingRun(o);
  const { out, config, arch } = o;
  const ckPath = `${out}/checkpoint.safetensors`;
  const logPath = `${out}/log.tsv`;
  if (!o.resume && existingRun(ckPath, logPath)) {
    if (!o.force) {
      throw new ParameterError((p) =>
        `${out} already holds a training run; add ${p("resume")} to continue it, or ${p("force")} to move ` +
        "it aside and start over"
      );
    }
    const aside = `${out}.replaced-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    Deno.renameSync(out, aside);
    events.movedAside?.(aside);
  }
  Deno.mkdirSync(out, { recursive: true });
  const [fullTrain, test] = await loadTrainData(o.dataset, o.dataDir);
  const train = limitDataset(fullTrain, o.trainLimit);
  const shape = [...train.shape];
  const model = buildModel(arch, { normalize: o.normalize, seed: config.seed });
  // everything but the epoch count must match on resume (training may be extended)
  const { epochs: _epochs, ...recipe } = config;
  const normalizeText = o.normalize ?? "default";
  const configText = JSON.stringify({
    arch,
    dataset: o.dataset,
    normalize: normalizeText,
    trainLimit: o.trainLimit,
    ...recipe,
  });
  let opt: SgdState;
  let startEpoch = 0;
  let logRows: string[] = [];
  if (o.resume) {
    let w;
    try {
      w = await loadWeightsFile(ckPath);
    } catch (err) {
      if (err instanceof Deno.errors.NotFound) {
        throw new ParameterError((p) => `${p("resume")}: ${ckPath} does not exist`);
      }
      throw err;
    }
    if (w.metadata.config !== configText) {
      throw new ParameterError((p) =>
        `${
          p("resume")
        }: ${ckPath} was trained with other settings:\n  ${w.metadata.config}\nnow:\n  ${configText}`
      );
    }
    const { model: sd, optimizer } = splitOptimizer(w);
    model.loadStateDict(sd, ckPath);
    opt = restoreOptimizer(model, optimizer, Number(w.metadata.sgd_steps), ckPath);
    startEpoch = Number(w.metadata.epoch) + 1;
    logRows = JSON.parse(w.metadata.log ?? "[]");
    events.resumed?.(startEpoch - 1, opt.steps);
  } else {
    opt = new SgdState(model);
  }
  writeFileAtomic(logPath, [LOG_HEADER, ...logRows].join("\n") + "\n");
  const loader = new DataLoader(train, {
    batchSize: config.batch,
    shuffle: true,
    seed: config.seed,
    augment: o.dataset === "cifar10" ? "cifar" : "none",
  });
  const testLoader = new DataLoader(limitDataset(test, o.testLimit), {
    batchSize: Math.min(config.batch, 400),
  });
  events.started?.({ model, images: train.count, firstEpoch: startEpoch });
  // on a software adapter with a cold shader cache, build the first step's kernels on a second device too
  const workers = new PhaseWorkers<"first step" | "first evaluation">();
  if (startEpoch < config.epochs) {
    const images = loader.batchSizeAt(0);
    await workers.start("first step", {
      kind: "train",
      arch,
      normalize: o.normalize,
      config,
      epoch: startEpoch,
      images,
    });
  }
  let firstStep: number | null = performance.now();
  try {
    for (let epoch = startEpoch; epoch < config.epochs; epoch++) {
      const before = performance.now();
      events.epochStarted?.(epoch, train.count);
      let pending: StepStats[] = [];
      let total = { loss: 0, acc: 0, rows: 0 };
      const add = (r: { loss: number; acc: number; rows: number }) => {
        const rows = total.rows + r.rows;
        total = {
          loss: (total.loss * total.rows + r.loss * r.rows) / rows,
          acc: (total.acc * total.rows + r.acc * r.rows) / rows,
          rows,
        };
      };
      let seen = 0;
      for (let i = 0; i < loader.batchesPerEpoch; i++) {
        const batch = loader.batch(epoch, i);
        const globalBatch = epoch * loader.batchesPerEpoch + i;
        pending.push(...await trainBatch(model, opt, config, batch, epoch, globalBatch, shape));
        seen += batch.size;
        // the epoch's first batch is read alone (the same grouping in a resumed run): it tells when the
        // kernels are built
        if (i === 0 || pending.length >= 8 || i === loader.batchesPerEpoch - 1) {
          add(await readStats(pending));
          pending = [];
          if (firstStep !== null) {
            events.ready?.((performance.now() - firstStep) / 1000);
            firstStep = null;
            workers.end("first step");
          }
          events.progress?.(seen);
        }
      }
      // the evaluation's kernels (the model in evaluation mode) are others: built on a second device too
      if (epoch === startEpoch && testLoader.batchesPerEpoch > 0) {
        const images = testLoader.batchSizeAt(0);
        await workers.start("first evaluation", {
          kind: "test",
          arch,
          normalize: o.normalize,
          sigma: config.noiseSd,
          images,
        });
      }
      const testStats = await evaluateNoisy(model, testLoader, shape, config.noiseSd, config.seed + 1);
      workers.end("first evaluation");
      const seconds = (performance.now() - before) / 1000;
      const lr = learningRate(config, epoch);
      const row = [
        epoch,
        g3(seconds),
        g3(lr),
        g3(total.loss),
        g3(total.acc),
        g3(testStats.loss),
        g3(testStats.acc),
      ]
        .join("\t");
      logRows.push(row);
      await saveModel(model, ckPath, {
        arch,
        epoch: String(epoch),
        sgd_steps: String(opt.steps),
        config: configText,
        log: JSON.stringify(logRows),
        normalize: normalizeText,
      }, await optimizerState(opt));
      // weights only, for certification and sharing (the checkpoint also holds the optimizer)
      await saveModel(model, `${out}/model.safetensors`, {
        arch,
        epoch: String(epoch),
        normalize: normalizeText,
        config: configText,
      });
      writeFileAtomic(logPath, [LOG_HEADER, ...logRows].join("\n") + "\n");
      events.epochDone?.({
        epoch,
        seconds,
        images: train.count,
        lr,
        epsilon: warmupEpsilon(config, epoch),
        train: { loss: total.loss, acc: total.acc },
        test: testStats,
        liveTensors: liveTensorCount(),
        row,
      });
    }
  } finally {
    await workers.close((phase, report) => events.compiledAhead?.(phase, report));
  }
  return logRows;
}
