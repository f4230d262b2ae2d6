/**
 * `deno task train`: Gaussian data augmentation (Cohen et al. 2019) or SmoothAdv (Salman et al. 2019)
 * training with the reference code's knobs. Every epoch writes an atomic checkpoint (weights + SGD
 * momentum + the log so far) and a row of the reference's per-epoch log; --resume continues after the
 * last finished epoch.
 */
import { liveTensorCount, Tensor } from "../engine/mod.ts";
import { loadWeightsFile } from "../nn/checkpoint/load.ts";
import { saveModel, splitOptimizer } from "../nn/checkpoint/model_io.ts";
import { loadCifar10 } from "../nn/data/cifar10.ts";
import type { ImageDataset } from "../nn/data/dataset.ts";
import { DataLoader } from "../nn/data/loader.ts";
import { loadMnist } from "../nn/data/mnist.ts";
import { type Arch, ARCH_INFO, buildModel, parseArch } from "../nn/models.ts";
import type { StateDict } from "../nn/module.ts";
import { writeFileAtomic } from "../smoothing/log.ts";
import { OutputLock, OutputLockedError } from "../smoothing/output_lock.ts";
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
} from "../smoothing/train.ts";
import {
  atInterrupt,
  booleanFlag,
  choiceFlag,
  type CommandIO,
  defineCommand,
  type FlagValues,
  floatFlag,
  intFlag,
  positiveFloatFlag,
  positiveIntFlag,
  runAsMain,
  runCommand,
  stringFlag,
  UsageError,
} from "./args.ts";
import {
  adapterFlag,
  DEFAULT_ARCH,
  DEFAULT_CIFAR_DIR,
  NORMALIZE_CHOICES,
  normalizeMode,
  openEngine,
} from "./common.ts";
import { Progress } from "./progress.ts";

export const TRAIN = defineCommand({
  name: "train",
  usage: "--out DIR [options]   (writes DIR/checkpoint.safetensors, DIR/model.safetensors, DIR/log.tsv)",
  summary:
    "Train a base classifier for randomized smoothing: Gaussian noise augmentation (--method gaussian) " +
    "or SmoothAdv (--method smoothadv: PGD or DDN on the smoothed soft classifier with m noise draws, then " +
    "training on the adversarial points under the same noise). SGD with step learning-rate decay.",
  flags: {
    dataset: choiceFlag("dataset", ["mnist", "cifar10"] as const, "cifar10"),
    "data-dir": stringFlag("CIFAR-10 binary batches directory", { defaultText: DEFAULT_CIFAR_DIR }),
    arch: stringFlag("architecture", { defaultText: "by dataset" }),
    normalize: choiceFlag("input normalisation inside the model", NORMALIZE_CHOICES, "default"),
    method: choiceFlag("training method", ["gaussian", "smoothadv"] as const, "gaussian"),
    attack: choiceFlag("SmoothAdv attack", ["pgd", "ddn"] as const, "pgd"),
    "num-steps": intFlag("attack steps T", { default: 10, min: 0 }),
    epsilon: floatFlag("attack radius in 1/256 units as the reference (64 -> 0.25, 255 -> 0.996)", {
      default: 64,
      min: 0,
    }),
    "num-noise-vec": positiveIntFlag("noise draws m per image", { default: 1 }),
    "train-multi-noise": booleanFlag("train on all m noisy copies (else on the first draw only)"),
    warmup: intFlag("epochs of linear epsilon warm-up", { default: 1, min: 0 }),
    "noise-sd": positiveFloatFlag("training noise sigma"),
    epochs: positiveIntFlag("epochs", { default: 90 }),
    batch: positiveIntFlag("batch size", { default: 256 }),
    lr: positiveFloatFlag("initial learning rate", { default: 0.1 }),
    "lr-step-size": positiveIntFlag("epochs between learning-rate decays", { default: 30 }),
    gamma: positiveFloatFlag("learning-rate decay factor", { default: 0.1 }),
    momentum: floatFlag("SGD momentum", { default: 0.9, min: 0 }),
    "weight-decay": floatFlag("SGD weight decay", { default: 1e-4, min: 0 }),
    seed: intFlag("seed of initialisation, data order, augmentation and noise", { default: 0, min: 0 }),
    "test-limit": intFlag("evaluate on the first N test images only (-1: all)", { default: -1, min: -1 }),
    "train-limit": intFlag("train on the first N training images only (-1: all; for quick runs)", {
      default: -1,
      min: -1,
    }),
    resume: booleanFlag("continue from DIR/checkpoint.safetensors after its last finished epoch"),
    force: booleanFlag(
      "start over although DIR holds a run: the old run is moved aside to DIR.replaced-TIME",
    ),
    adapter: adapterFlag,
    out: stringFlag("output directory (checkpoint.safetensors, log.tsv)", { valueName: "DIR" }),
  },
  examples: [
    "deno task train --dataset mnist --method gaussian --noise-sd 0.25 --epochs 2 --batch 128 --lr 0.01 --out runs/mnist",
    "deno task train --dataset cifar10 --arch cifar_resnet110 --method smoothadv --attack pgd --num-steps 2 " +
    "--epsilon 255 --num-noise-vec 2 --train-multi-noise --warmup 10 --noise-sd 0.25 --epochs 150 " +
    "--lr-step-size 50 --out runs/smoothadv",
  ],
});

export const LOG_HEADER = "epoch\ttime\tlr\ttrain loss\ttrain acc\ttestloss\ttest acc";

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

/** The first `limit` images of `ds` (all of them when limit < 0), as --train-limit and --test-limit take. */
export function limitDataset(ds: ImageDataset, limit: number): ImageDataset {
  if (limit < 0 || limit >= ds.count) return ds;
  const per = ds.shape[0] * ds.shape[1] * ds.shape[2];
  return {
    ...ds,
    count: limit,
    images: ds.images.subarray(0, limit * per),
    labels: ds.labels.subarray(0, limit),
  };
}

export function trainCommand(args: readonly string[], io?: CommandIO): Promise<number> {
  return runCommand(TRAIN, args, async ({ values: v }, io) => {
    if (!v.out) throw new UsageError("--out DIR is required");
    if (v["noise-sd"] === undefined) {
      throw new UsageError("--noise-sd is required (the training noise sigma)");
    }
    const config: TrainConfig = {
      method: v.method,
      attack: v.attack,
      numSteps: v["num-steps"],
      epsilon: v.epsilon / 256,
      numNoiseVec: v.method === "smoothadv" ? v["num-noise-vec"] : 1,
      trainMultiNoise: v["train-multi-noise"],
      warmup: v.warmup,
      noiseSd: v["noise-sd"],
      epochs: v.epochs,
      batch: v.batch,
      lr: v.lr,
      lrStepSize: v["lr-step-size"],
      gamma: v.gamma,
      momentum: v.momentum,
      weightDecay: v["weight-decay"],
      seed: v.seed,
    };
    try {
      validateTrainConfig(config);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const arch = parseArch(v.arch ?? DEFAULT_ARCH[v.dataset]);
    const info = ARCH_INFO[arch];
    if (info.dataset !== v.dataset) {
      throw new UsageError(`--arch ${arch} is for ${info.dataset}, not ${v.dataset}`);
    }
    const out = v.out.replace(/\/+$/, "");
    const ckPath = `${out}/checkpoint.safetensors`;
    const logPath = `${out}/log.tsv`;
    if (v.resume && v.force) throw new UsageError("--resume and --force exclude each other");
    let lock: OutputLock;
    try {
      lock = await OutputLock.acquire(out);
    } catch (e) {
      throw e instanceof OutputLockedError ? new UsageError(e.message) : e;
    }
    atInterrupt(() => lock.release());
    try {
      return await trainInto(out, ckPath, logPath, arch, v, config, io);
    } finally {
      lock.release();
    }
  }, io);
}

/** What --out DIR already holds: a run is there when its checkpoint or its log is. */
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

async function trainInto(
  out: string,
  ckPath: string,
  logPath: string,
  arch: Arch,
  v: FlagValues<typeof TRAIN.flags>,
  config: TrainConfig,
  io: CommandIO,
): Promise<number> {
  {
    if (!v.resume && existingRun(ckPath, logPath)) {
      if (!v.force) {
        throw new UsageError(
          `${out} already holds a training run; add --resume to continue it, or --force to move it aside ` +
            "and start over",
        );
      }
      const aside = `${out}.replaced-${new Date().toISOString().replace(/[:.]/g, "-")}`;
      Deno.renameSync(out, aside);
      io.err(`moved the previous run in ${out} aside to ${aside}\n`);
    }
    Deno.mkdirSync(out, { recursive: true });
    const e = await openEngine(v.adapter, io.err);
    const [fullTrain, test] = await loadTrainData(v.dataset, v["data-dir"]);
    const train = limitDataset(fullTrain, v["train-limit"]);
    const shape = [...train.shape];
    const model = buildModel(arch, { normalize: normalizeMode(v.normalize), seed: v.seed });
    let opt: SgdState;
    let startEpoch = 0;
    let logRows: string[] = [];
    // everything but the epoch count must match on --resume (training may be extended)
    const { epochs: _epochs, ...recipe } = config;
    const configText = JSON.stringify({
      arch,
      dataset: v.dataset,
      normalize: v.normalize,
      trainLimit: v["train-limit"],
      ...recipe,
    });
    if (v.resume) {
      let w;
      try {
        w = await loadWeightsFile(ckPath);
      } catch (err) {
        if (err instanceof Deno.errors.NotFound) throw new UsageError(`--resume: ${ckPath} does not exist`);
        throw err;
      }
      if (w.metadata.config !== configText) {
        throw new UsageError(
          `--resume: ${ckPath} was trained with other settings:\n  ${w.metadata.config}\nnow:\n  ${configText}`,
        );
      }
      const { model: sd, optimizer } = splitOptimizer(w);
      model.loadStateDict(sd, ckPath);
      const buffers = new Map<string, Tensor>();
      for (const [k, p] of model.namedParameters()) {
        const h = optimizer.get(`momentum_buffer.${k}`);
        if (!h || h.dtype !== "F32") {
          throw new UsageError(`--resume: ${ckPath} lacks the momentum buffer of ${k}`);
        }
        buffers.set(k, Tensor.from(h.data, p.shape).keep());
      }
      opt = new SgdState(model, buffers, Number(w.metadata.sgd_steps));
      startEpoch = Number(w.metadata.epoch) + 1;
      logRows = JSON.parse(w.metadata.log ?? "[]");
      io.err(`resuming after epoch ${startEpoch - 1} (${opt.steps} SGD steps)\n`);
    } else {
      opt = new SgdState(model);
    }
    writeFileAtomic(logPath, [LOG_HEADER, ...logRows].join("\n") + "\n");
    const loader = new DataLoader(train, {
      batchSize: config.batch,
      shuffle: true,
      seed: config.seed,
      augment: v.dataset === "cifar10" ? "cifar" : "none",
    });
    const testLoader = new DataLoader(limitDataset(test, v["test-limit"]), {
      batchSize: Math.min(config.batch, 400),
    });
    io.err(
      `training ${arch} (${model.parameterCount()} parameters) on ${train.count} ${v.dataset} images, ` +
        `${config.method}${
          config.method === "smoothadv"
            ? ` ${config.attack} T=${config.numSteps} m=${config.numNoiseVec}`
            : ""
        }, ` +
        `sigma ${config.noiseSd}, epochs ${startEpoch}..${config.epochs - 1}\n`,
    );
    for (let epoch = startEpoch; epoch < config.epochs; epoch++) {
      const before = performance.now();
      const progress = new Progress({ total: train.count, label: `epoch ${epoch}`, rateUnit: "images" });
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
        if (pending.length >= 8 || i === loader.batchesPerEpoch - 1) {
          add(await readStats(pending));
          pending = [];
          progress.update(seen, seen);
        }
      }
      progress.finish();
      const test = await evaluateNoisy(model, testLoader, shape, config.noiseSd, config.seed + 1);
      const seconds = (performance.now() - before) / 1000;
      const row = [
        epoch,
        g3(seconds),
        g3(learningRate(config, epoch)),
        g3(total.loss),
        g3(total.acc),
        g3(test.loss),
        g3(test.acc),
      ].join("\t");
      logRows.push(row);
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
      await saveModel(model, ckPath, {
        arch,
        epoch: String(epoch),
        sgd_steps: String(opt.steps),
        config: configText,
        log: JSON.stringify(logRows),
        normalize: v.normalize,
      }, optimizer);
      // weights only, for certification and sharing (the checkpoint also holds the optimizer)
      await saveModel(model, `${out}/model.safetensors`, {
        arch,
        epoch: String(epoch),
        normalize: v.normalize,
        config: configText,
      });
      writeFileAtomic(logPath, [LOG_HEADER, ...logRows].join("\n") + "\n");
      io.err(
        `epoch ${epoch}: ${seconds.toFixed(0)} s, ${(train.count / seconds).toFixed(0)} images/s, lr ${
          learningRate(config, epoch)
        }` +
          `${
            config.method === "smoothadv" ? `, eps ${warmupEpsilon(config, epoch).toFixed(4)}` : ""
          }, train loss ${total.loss.toFixed(4)} ` +
          `acc ${total.acc.toFixed(2)}%, noisy test loss ${test.loss.toFixed(4)} acc ${
            test.acc.toFixed(2)
          }% ` +
          `(live tensors ${liveTensorCount()}, adapter ${e.gpu.info.description})\n`,
      );
    }
    io.out(`${[LOG_HEADER, ...logRows].join("\n")}\n`);
    return 0;
  }
}

if (import.meta.main) {
  await runAsMain(
    trainCommand,
    "train: interrupted. The checkpoint of the last finished epoch is kept; add --resume to continue from it.",
  );
}
