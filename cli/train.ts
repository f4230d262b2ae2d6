/**
 * `deno task train`: Gaussian data augmentation (Cohen et al. 2019), SmoothAdv (Salman et al. 2019),
 * MACER (Zhai et al. 2020), Consistency (Jeong and Shin 2020) or SmoothMix (Jeong et al. 2021)
 * training with the reference codes' knobs and defaults. Every epoch writes an atomic checkpoint (weights + SGD
 * momentum + the log so far) and a row of the reference's per-epoch log; --resume continues after the
 * last finished epoch.
 */
import { DEFAULT_CIFAR_DIR } from "../nn/data/cifar10.ts";
import { DEFAULT_ARCH, parseArch } from "../nn/models.ts";
import { OutputLock, OutputLockedError } from "../smoothing/output_lock.ts";
import { CONSISTENCY_DEFAULTS } from "../smoothing/consistency.ts";
import { MACER_DEFAULTS } from "../smoothing/macer.ts";
import { SMOOTHMIX_DEFAULTS } from "../smoothing/smoothmix.ts";
import { type Method, METHODS, type TrainConfig } from "../smoothing/train.ts";
import {
  LOG_HEADER,
  runTraining,
  type TrainingRunOptions,
  validateTrainingRun,
} from "../smoothing/training_run.ts";
import {
  atInterrupt,
  booleanFlag,
  choiceFlag,
  type CommandIO,
  defineCommand,
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
  formatCompileAhead,
  NORMALIZE_CHOICES,
  NORMALIZE_HELP,
  normalizeMode,
  openEngine,
  parameterError,
  reportCompileTrace,
  startCompileTrace,
  withFlagNamesAsync,
} from "./common.ts";
import { Progress } from "./progress.ts";

export const TRAIN = defineCommand({
  name: "train",
  usage: "--out DIR [options]   (writes DIR/checkpoint.safetensors, DIR/model.safetensors, DIR/log.tsv)",
  summary:
    "Train a base classifier for randomized smoothing: Gaussian noise augmentation (--method gaussian), " +
    "SmoothAdv (--method smoothadv: PGD or DDN on the smoothed soft classifier with m noise draws, then " +
    "training on the adversarial points under the same noise), MACER (--method macer: cross-entropy of " +
    "the soft smoothed classifier plus a hinge on its certified radius, m copies per image), Consistency " +
    "(--method consistency: Gaussian training of m copies plus a KL term pulling them to their mean and " +
    "its entropy) or SmoothMix (--method smoothmix: an l2 attack on the smoothed classifier, then mixup " +
    "between clean and adversarial points towards a flattened target). SGD with step learning-rate decay. " +
    "Each method's defaults are its reference implementation's.",
  flags: {
    dataset: choiceFlag("dataset", ["mnist", "cifar10"] as const, "cifar10"),
    "data-dir": stringFlag("CIFAR-10 binary batches directory", { defaultText: DEFAULT_CIFAR_DIR }),
    arch: stringFlag("architecture", { defaultText: "by dataset" }),
    normalize: choiceFlag(NORMALIZE_HELP, NORMALIZE_CHOICES, "default"),
    method: choiceFlag("training method", METHODS, "gaussian"),
    attack: choiceFlag("SmoothAdv attack", ["pgd", "ddn"] as const, "pgd"),
    "num-steps": intFlag("attack steps T (smoothadv, smoothmix)", {
      min: 0,
      defaultText: `10; smoothmix: ${SMOOTHMIX_DEFAULTS.numSteps}`,
    }),
    epsilon: floatFlag("attack radius in 1/256 units as the reference (64 -> 0.25, 255 -> 0.996)", {
      default: 64,
      min: 0,
    }),
    "num-noise-vec": positiveIntFlag("noise draws m per image", {
      defaultText:
        `1; macer: ${MACER_DEFAULTS.numNoiseVec}, consistency: ${CONSISTENCY_DEFAULTS.numNoiseVec}, ` +
        `smoothmix: ${SMOOTHMIX_DEFAULTS.numNoiseVec}`,
    }),
    "train-multi-noise": booleanFlag("train on all m noisy copies (else on the first draw only)"),
    warmup: intFlag("epochs of linear warm-up (smoothadv: of epsilon; smoothmix: of eta and maxnorm-s)", {
      min: 0,
      defaultText: `1; smoothmix: ${SMOOTHMIX_DEFAULTS.warmup}`,
    }),
    lbd: floatFlag("lambda: weight of MACER's robustness loss or of Consistency's KL term", {
      min: 0,
      defaultText: `macer: ${MACER_DEFAULTS.lbd}, consistency: ${CONSISTENCY_DEFAULTS.lbd}`,
    }),
    eta: floatFlag("Consistency's entropy weight, SmoothMix's mixup-loss weight", {
      min: 0,
      defaultText: `consistency: ${CONSISTENCY_DEFAULTS.eta}, smoothmix: ${SMOOTHMIX_DEFAULTS.eta}`,
    }),
    beta: positiveFloatFlag("MACER's inverse softmax temperature of the robustness loss", {
      default: MACER_DEFAULTS.beta,
    }),
    margin: floatFlag("MACER's hinge gamma on the margin (the authors' --gamma)", {
      default: MACER_DEFAULTS.margin,
      min: 0,
    }),
    deferred: booleanFlag("MACER: lambda = 0 until the first learning-rate drop (train_macer.py --deferred)"),
    "step-size": positiveFloatFlag("SmoothMix's attack step alpha (pixel units)", {
      default: SMOOTHMIX_DEFAULTS.stepSize,
    }),
    "mix-step": intFlag("SmoothMix: the attack step whose iterate is the clean side (0: the image)", {
      default: SMOOTHMIX_DEFAULTS.mixStep,
      min: 0,
    }),
    "maxnorm-s": floatFlag("SmoothMix: radius of the clean side's ball", {
      min: 0,
      defaultText: "step-size * mix-step",
    }),
    maxnorm: floatFlag("SmoothMix: radius of the attack's ball", { min: 0, defaultText: "unbounded" }),
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
    verbose: booleanFlag(
      "list every kernel pipeline the run built with its cost (creation, and first dispatch: compilation)",
    ),
  },
  examples: [
    "deno task train --dataset mnist --method gaussian --noise-sd 0.25 --epochs 2 --batch 128 --lr 0.01 --out runs/mnist",
    "deno task train --dataset cifar10 --arch cifar_resnet110 --method smoothadv --attack pgd --num-steps 2 " +
    "--epsilon 255 --num-noise-vec 2 --train-multi-noise --warmup 10 --noise-sd 0.25 --epochs 150 " +
    "--lr-step-size 50 --out runs/smoothadv",
  ],
});

/** The library's names of the training parameters, as flags. */
const TRAIN_FLAG_NAMES: Record<string, string> = {
  arch: "--arch",
  resume: "--resume",
  force: "--force",
  epochs: "--epochs",
  batch: "--batch",
  numNoiseVec: "--num-noise-vec",
  lrStepSize: "--lr-step-size",
  numSteps: "--num-steps",
  noiseSd: "--noise-sd",
  lr: "--lr",
  epsilon: "--epsilon",
  momentum: "--momentum",
  weightDecay: "--weight-decay",
  gamma: "--gamma",
  warmup: "--warmup",
  lbd: "--lbd",
  eta: "--eta",
  beta: "--beta",
  margin: "--margin",
  stepSize: "--step-size",
  mixStep: "--mix-step",
  maxnorm: "--maxnorm",
  maxnormS: "--maxnorm-s",
};

/** Flags that belong to some methods only: giving one to another method is a usage error. */
const METHOD_FLAGS: Record<string, readonly Method[]> = {
  attack: ["smoothadv"],
  epsilon: ["smoothadv"],
  "train-multi-noise": ["smoothadv"],
  "num-steps": ["smoothadv", "smoothmix"],
  "num-noise-vec": ["smoothadv", "macer", "consistency", "smoothmix"],
  warmup: ["smoothadv", "smoothmix"],
  lbd: ["macer", "consistency"],
  eta: ["consistency", "smoothmix"],
  beta: ["macer"],
  margin: ["macer"],
  deferred: ["macer"],
  "step-size": ["smoothmix"],
  "mix-step": ["smoothmix"],
  "maxnorm-s": ["smoothmix"],
  maxnorm: ["smoothmix"],
};

/** Whether the command line names --flag (as --flag VALUE or --flag=VALUE). */
function flagGiven(args: readonly string[], flag: string): boolean {
  return args.some((a) => a === `--${flag}` || a.startsWith(`--${flag}=`));
}

export function trainCommand(args: readonly string[], io?: CommandIO): Promise<number> {
  return runCommand(TRAIN, args, async ({ values: v }, io) => {
    if (!v.out) throw new UsageError("--out DIR is required");
    if (v["noise-sd"] === undefined) {
      throw new UsageError("--noise-sd is required (the training noise sigma)");
    }
    const method = v.method;
    for (const [flag, methods] of Object.entries(METHOD_FLAGS)) {
      if (!methods.includes(method) && flagGiven(args, flag)) {
        throw new UsageError(`--${flag} is for --method ${methods.join(" or ")}, not ${method}`);
      }
    }
    const smoothmix = method === "smoothmix";
    const defaultM: Record<Method, number> = {
      gaussian: 1,
      smoothadv: 1,
      macer: MACER_DEFAULTS.numNoiseVec,
      consistency: CONSISTENCY_DEFAULTS.numNoiseVec,
      smoothmix: SMOOTHMIX_DEFAULTS.numNoiseVec,
    };
    const config: TrainConfig = {
      method,
      attack: v.attack,
      numSteps: v["num-steps"] ?? (smoothmix ? SMOOTHMIX_DEFAULTS.numSteps : 10),
      epsilon: v.epsilon / 256,
      numNoiseVec: method === "gaussian" ? 1 : v["num-noise-vec"] ?? defaultM[method],
      trainMultiNoise: v["train-multi-noise"],
      warmup: v.warmup ?? (smoothmix ? SMOOTHMIX_DEFAULTS.warmup : 1),
      noiseSd: v["noise-sd"],
      epochs: v.epochs,
      batch: v.batch,
      lr: v.lr,
      lrStepSize: v["lr-step-size"],
      gamma: v.gamma,
      momentum: v.momentum,
      weightDecay: v["weight-decay"],
      seed: v.seed,
      ...(method === "macer"
        ? {
          macer: {
            lbd: v.lbd ?? MACER_DEFAULTS.lbd,
            margin: v.margin,
            beta: v.beta,
            deferred: v.deferred,
          },
        }
        : {}),
      ...(method === "consistency"
        ? { consistency: { lbd: v.lbd ?? CONSISTENCY_DEFAULTS.lbd, eta: v.eta ?? CONSISTENCY_DEFAULTS.eta } }
        : {}),
      ...(smoothmix
        ? {
          smoothmix: {
            stepSize: v["step-size"],
            eta: v.eta ?? SMOOTHMIX_DEFAULTS.eta,
            mixStep: v["mix-step"],
            maxnormS: v["maxnorm-s"] ?? null,
            maxnorm: v.maxnorm ?? null,
          },
        }
        : {}),
    };
    const out = v.out.replace(/\/+$/, "");
    const run: TrainingRunOptions = {
      out,
      dataset: v.dataset,
      dataDir: v["data-dir"],
      arch: parseArch(v.arch ?? DEFAULT_ARCH[v.dataset]),
      normalize: normalizeMode(v.normalize),
      config,
      trainLimit: v["train-limit"],
      testLimit: v["test-limit"],
      resume: v.resume,
      force: v.force,
    };
    try {
      validateTrainingRun(run);
    } catch (e) {
      throw parameterError(e, TRAIN_FLAG_NAMES);
    }
    let lock: OutputLock;
    try {
      lock = await OutputLock.acquire(out);
    } catch (e) {
      throw e instanceof OutputLockedError ? new UsageError(e.message) : e;
    }
    atInterrupt(() => lock.release());
    try {
      const e = await openEngine(v.adapter, io.err);
      const trace = startCompileTrace(v.verbose);
      // an epoch's line starts after its first batch, which stays out of the rate and the ETA (the
      // process's first one compiles the kernels)
      let progress: Progress | null = null;
      let epochLine = { label: "", images: 0, first: 0 };
      const rows = await withFlagNamesAsync(TRAIN_FLAG_NAMES, () =>
        runTraining(run, {
          movedAside: (to) => io.err(`moved the previous run in ${out} aside to ${to}\n`),
          resumed: (epoch, steps) => io.err(`resuming after epoch ${epoch} (${steps} SGD steps)\n`),
          started: ({ model, images, firstEpoch }) =>
            io.err(
              `training ${run.arch} (${model.parameterCount()} parameters) on ${images} ${v.dataset} images, ` +
                `${config.method}${
                  config.method === "smoothadv"
                    ? ` ${config.attack} T=${config.numSteps} m=${config.numNoiseVec}`
                    : config.method === "smoothmix"
                    ? ` T=${config.numSteps} m=${config.numNoiseVec}`
                    : config.method === "gaussian"
                    ? ""
                    : ` m=${config.numNoiseVec}`
                }, sigma ${config.noiseSd}, epochs ${firstEpoch}..${config.epochs - 1}\n`,
            ),
          epochStarted: (epoch, images) => {
            epochLine = { label: `epoch ${epoch}`, images, first: 0 };
          },
          ready: (seconds) => io.err(`first step (kernels compiled) in ${seconds.toFixed(1)} s\n`),
          progress: (done) => {
            if (!progress) {
              epochLine.first = done;
              progress = new Progress({
                total: epochLine.images,
                initial: done,
                label: epochLine.label,
                rateUnit: "images",
              });
            }
            progress.update(done, done - epochLine.first);
          },
          compiledAhead: (phase, r) => {
            if (v.verbose) io.err(`${phase}: ${formatCompileAhead(r)}`);
          },
          epochDone: (r) => {
            (progress as Progress | null)?.finish();
            progress = null;
            io.err(
              `epoch ${r.epoch}: ${r.seconds.toFixed(0)} s, ${
                (r.images / r.seconds).toFixed(0)
              } images/s, lr ${r.lr}` +
                `${config.method === "smoothadv" ? `, eps ${r.epsilon.toFixed(4)}` : ""}, train loss ` +
                `${r.train.loss.toFixed(4)} acc ${r.train.acc.toFixed(2)}%, noisy test loss ` +
                `${r.test.loss.toFixed(4)} acc ${
                  r.test.acc.toFixed(2)
                }% (live tensors ${r.liveTensors}, adapter ` +
                `${e.gpu.info.description})\n`,
            );
          },
        }));
      await reportCompileTrace(trace, io.err);
      io.out(`${[LOG_HEADER, ...rows].join("\n")}\n`);
      return 0;
    } finally {
      lock.release();
    }
  }, io);
}

if (import.meta.main) {
  await runAsMain(
    trainCommand,
    "train: interrupted. The checkpoint of the last finished epoch is kept; add --resume to continue from it.",
  );
}
