/**
 * `deno task predict`: PREDICT of Cohen et al. (2019) with abstention, writing the reference log
 * (`idx label predict correct time`, flushed per image, resumed when --out exists). With --attack,
 * SmoothAdv's predict.py: each image is first attacked (PGD or DDN on the smoothed soft classifier,
 * smoothing/empirical.ts), PREDICT runs on the adversarial image, and the log gains the base
 * classifier's class on it (`idx label predict basePredict correct time`).
 */
import { imagePng } from "../nn/data/image_output.ts";
import { DATASETS } from "../nn/data/eval_source.ts";
import { predictImages, type PredictOptions, validatePredictOptions } from "../smoothing/certify.ts";
import {
  attackImage,
  EMPIRICAL_ATTACKS,
  EMPIRICAL_DEFAULTS,
  type EmpiricalAttack,
  type EmpiricalAttackOptions,
  validateEmpiricalAttack,
} from "../smoothing/empirical.ts";
import { formatPredictRow, PREDICT_BASE_HEADER, PREDICT_HEADER, PredictLogWriter } from "../smoothing/log.ts";
import type { RunOutput } from "../smoothing/run_record.ts";
import {
  booleanFlag,
  choiceFlag,
  type CommandIO,
  defineCommand,
  floatFlag,
  intFlag,
  positiveFloatFlag,
  positiveIntFlag,
  probabilityFlag,
  runAsMain,
  runCommand,
  stringFlag,
  UsageError,
  valueFlag,
} from "./args.ts";
import {
  adapterFlag,
  endCompileAhead,
  evaluationRecord,
  NORMALIZE_CHOICES,
  NORMALIZE_HELP,
  openEvaluation,
  openLogOutput,
  parameterError,
  reportCompileTrace,
  resolveSigma,
  startCompileAheadFor,
  startCompileTrace,
} from "./common.ts";
import { Progress } from "./progress.ts";

export const PREDICT = defineCommand({
  name: "predict",
  usage: "[options]",
  summary:
    "Predict with the Gaussian-smoothed classifier: the top two vote counts c1, c2 of N noisy samples; " +
    "abstain (-1) unless the two-sided binomial test of c1 successes in c1 + c2 trials at p = 1/2 has " +
    "p-value <= alpha.",
  flags: {
    dataset: choiceFlag("dataset", DATASETS, "cifar10"),
    "data-dir": stringFlag("data directory", { valueName: "DIR" }),
    split: choiceFlag("split", ["test", "train"] as const, "test"),
    checkpoint: stringFlag("model weights: safetensors or a reference checkpoint.pth.tar", {
      valueName: "FILE",
    }),
    arch: stringFlag("architecture (mnist_cnn, cifar_resnet20/56/110, imagenet_resnet50)", {
      defaultText: "the checkpoint's recorded arch, else by dataset",
    }),
    normalize: choiceFlag(NORMALIZE_HELP, NORMALIZE_CHOICES, "default"),
    sigma: positiveFloatFlag("noise level sigma", {
      defaultText: "the level the checkpoint was trained with",
    }),
    N: positiveIntFlag("noisy samples", { default: 100000 }),
    alpha: probabilityFlag("failure probability", { default: 0.001 }),
    batch: positiveIntFlag("noisy samples per forward pass", { default: 400 }),
    skip: positiveIntFlag("predict every skip-th image", { default: 1 }),
    max: intFlag("stop before this image index (-1: all)", { default: -1, min: -1 }),
    seed: intFlag("noise seed", { default: 0, min: 0 }),
    "in-flight": positiveIntFlag("images sampled together in shared batches", {
      defaultText: "enough to fill 16 batches",
    }),
    shard: stringFlag("only shard K of N (K/N)", { valueName: "K/N" }),
    precision: choiceFlag("convolution precision", ["f32", "f16"] as const, "f32"),
    adapter: adapterFlag,
    out: stringFlag("output log (resumed if it exists)", { valueName: "FILE" }),
    verbose: booleanFlag(
      "list every kernel pipeline the run built with its cost (creation, and first dispatch: compilation)",
    ),
    attack: valueFlag<EmpiricalAttack>(
      "attack each image first (SmoothAdv's predict.py) and predict on the adversarial image; the log " +
        "gains a basePredict column",
      (text, flag) => {
        if (!(EMPIRICAL_ATTACKS as readonly string[]).includes(text)) {
          throw new UsageError(`--${flag} must be one of ${EMPIRICAL_ATTACKS.join(", ")}, got '${text}'`);
        }
        return text as EmpiricalAttack;
      },
      { valueName: EMPIRICAL_ATTACKS.join("|"), defaultText: "none" },
    ),
    epsilon: floatFlag("attack radius in 1/256 units, as the reference (127 -> 0.496, 255 -> 0.996)", {
      default: EMPIRICAL_DEFAULTS.epsilon * 256,
      min: 0,
    }),
    "num-steps": positiveIntFlag("attack steps", { default: EMPIRICAL_DEFAULTS.numSteps }),
    "num-noise-vec": positiveIntFlag("noise draws m the attack averages over", {
      default: EMPIRICAL_DEFAULTS.numNoiseVec,
    }),
    "no-grad-attack": booleanFlag(
      "PGD with m > 1: step along the noise weighted by the label's probability instead of the gradient " +
        "(the reference's cheap trick; with m = 1 the reference back-propagates regardless)",
    ),
    "base-attack": booleanFlag("attack the base classifier (no noise during the attack)"),
    "random-start": booleanFlag(
      "PGD from a uniform point of the eps ball (the reference's PGD ignores its random_start, so the " +
        "reference always starts at 0: this flag is off by default)",
    ),
    "init-norm-DDN": positiveFloatFlag("DDN's initial norm in 1/256 units", {
      default: EMPIRICAL_DEFAULTS.initNormDdn * 256,
    }),
    "gamma-DDN": floatFlag(
      "DDN's norm factor; as the reference, used only at --epsilon 0: otherwise 1 - (3/510/eps)^(1/steps)",
      { default: EMPIRICAL_DEFAULTS.gammaDdn, min: 0 },
    ),
    "visualize-examples": booleanFlag(
      "with --attack: save {idx}_clean.png and {idx}_adv.png for images idx < 1000 in OUT.adv_examples/",
    ),
  },
  examples: [
    "deno task predict --dataset mnist --checkpoint models/mnist_cnn_gaussian_0.25.safetensors --sigma 0.25 --N 1000 --skip 100",
    "deno task predict --dataset mnist --checkpoint models/mnist_cnn_smoothadv_0.25.safetensors --sigma 0.25 " +
    "--N 1000 --skip 20 --attack PGD --epsilon 127 --num-steps 20 --num-noise-vec 4 --out runs/pgd_127_m4.tsv",
  ],
});

/** The library's names of the attack parameters, as flags. */
const ATTACK_FLAG_NAMES: Record<string, string> = {
  epsilon: "--epsilon",
  numSteps: "--num-steps",
  numNoiseVec: "--num-noise-vec",
  noGradAttack: "--no-grad-attack",
  randomStart: "--random-start",
  initNormDdn: "--init-norm-DDN",
  gammaDdn: "--gamma-DDN",
};

/** The reference saves example images for the first 1000 dataset indices only. */
const EXAMPLE_LIMIT = 1000;

export function predictCommand(args: readonly string[], io?: CommandIO): Promise<number> {
  return runCommand(PREDICT, args, async ({ values: v }, io) => {
    if (v.checkpoint === undefined) throw new UsageError("--checkpoint is required");
    const optionsFor = (sigma: number): PredictOptions => ({
      n: v.N,
      alpha: v.alpha,
      batch: v.batch,
      sigma,
      seed: v.seed,
      inFlight: v["in-flight"],
    });
    const attackFor = (sigma: number): EmpiricalAttackOptions | null =>
      v.attack === undefined ? null : {
        attack: v.attack,
        epsilon: v.epsilon / 256,
        numSteps: v["num-steps"],
        numNoiseVec: v["num-noise-vec"],
        sigma,
        noGradAttack: v["no-grad-attack"],
        baseAttack: v["base-attack"],
        randomStart: v["random-start"],
        initNormDdn: v["init-norm-DDN"] / 256,
        gammaDdn: v["gamma-DDN"],
        seed: v.seed,
      };
    if (v.attack === undefined) {
      const stray = ["no-grad-attack", "base-attack", "random-start", "visualize-examples"] as const;
      const given = stray.filter((f) => v[f]);
      if (given.length) throw new UsageError(`--${given[0]} needs --attack PGD|DDN`);
    }
    if (v["visualize-examples"] && !v.out) {
      throw new UsageError("--visualize-examples needs --out (the images go to OUT.adv_examples/)");
    }
    if (v.attack !== undefined && v.precision === "f16") {
      throw new UsageError("--attack needs --precision f32 (the attack differentiates the model)");
    }
    try {
      const a = attackFor(v.sigma ?? 1);
      if (a) validateEmpiricalAttack(a);
    } catch (e) {
      throw parameterError(e, ATTACK_FLAG_NAMES);
    }
    if (v.attack === "PGD" && v["no-grad-attack"] && v["num-noise-vec"] === 1) {
      io.err("note: --no-grad-attack has no effect with --num-noise-vec 1 (as in the reference)\n");
    }
    try {
      validatePredictOptions(optionsFor(v.sigma ?? 1));
    } catch (e) {
      throw parameterError(e, {
        N: "--N",
        alpha: "--alpha",
        sigma: "--sigma",
        batch: "--batch",
        inFlight: "--in-flight",
      });
    }
    const ev = await openEvaluation({ ...v, checkpoint: v.checkpoint }, io.err);
    const trace = startCompileTrace(v.verbose);
    const { source, model, indices } = ev;
    const sigma = resolveSigma(v.sigma, ev, v.checkpoint, io.err);
    const opts = optionsFor(sigma);
    const attack = attackFor(sigma);
    let output: RunOutput<PredictLogWriter> | null = null;
    if (v.out) {
      const record = {
        ...await evaluationRecord(ev, { sigma, seed: v.seed }),
        N: v.N,
        alpha: v.alpha,
        // an attack's every knob shapes the rows (absent without one, as logs have always been)
        ...(attack
          ? {
            attack: attack.attack,
            epsilon: attack.epsilon,
            numSteps: attack.numSteps,
            numNoiseVec: attack.numNoiseVec,
            noGradAttack: attack.noGradAttack,
            baseAttack: attack.baseAttack,
            randomStart: attack.randomStart,
            initNormDdn: attack.initNormDdn,
            gammaDdn: attack.gammaDdn,
          }
          : {}),
      };
      output = await openLogOutput(
        v.out,
        record,
        () => PredictLogWriter.open(v.out!, { basePredict: attack !== null }),
      );
      if (output.writer.size > 0) {
        io.err(`resuming ${v.out}: ${output.writer.size} image(s) already predicted\n`);
      }
    } else io.out((attack ? PREDICT_BASE_HEADER : PREDICT_HEADER) + "\n");
    const examplesDir = v["visualize-examples"] ? `${v.out}.adv_examples` : null;
    if (examplesDir) Deno.mkdirSync(examplesDir, { recursive: true });
    // per image under attack: the base classifier's class and the attack's seconds (the reference
    // times the attack and PREDICT together)
    const attacked = new Map<number, { basePredict: number; seconds: number }>();
    const load = async (idx: number): Promise<Float32Array> => {
      const image = await source.image(idx);
      if (!attack) return image;
      const start = performance.now();
      const r = await attackImage(model, image, source.shape, source.label(idx), idx, attack);
      attacked.set(idx, { basePredict: r.basePredict, seconds: (performance.now() - start) / 1000 });
      if (examplesDir && idx < EXAMPLE_LIMIT) {
        Deno.writeFileSync(`${examplesDir}/${idx}_clean.png`, imagePng(image, source.shape));
        Deno.writeFileSync(`${examplesDir}/${idx}_adv.png`, imagePng(r.adversarial, source.shape));
      }
      return r.adversarial;
    };
    const log = output?.writer ?? null;
    const todo = indices.filter((i) => !log?.has(i));
    let progress: Progress | null = null;
    let correct = 0, abstained = 0;
    const ahead = todo.length > 0
      ? await startCompileAheadFor(ev, { batch: v.batch, sigma, ...(attack ? { attack } : {}) })
      : null;
    try {
      await predictImages(
        model,
        {
          shape: source.shape,
          classes: source.classes,
          indices: todo,
          load,
        },
        opts,
        {
          onReady: (seconds) => {
            ahead?.finish();
            io.err(`kernels compiled in ${seconds.toFixed(1)} s\n`);
            progress = new Progress({
              total: indices.length,
              initial: indices.length - todo.length,
              label: "predict",
              rateUnit: "samples",
            });
          },
          onResult: (idx, r, cost) => {
            const a = attacked.get(idx);
            attacked.delete(idx);
            const row = {
              idx,
              label: source.label(idx),
              predict: r.prediction,
              seconds: cost.seconds + (a?.seconds ?? 0),
              ...(a ? { basePredict: a.basePredict } : {}),
            };
            if (log) log.append(row);
            else io.out(formatPredictRow(row) + "\n");
            if (row.predict === row.label) correct++;
            if (row.predict === -1) abstained++;
          },
          // after each round (its decisions reported above): images decided, and samples as they are
          // drawn, since with many images in flight most samples belong to images not yet decided
          onRound: (r) => progress?.update(indices.length - todo.length + r.decided, r.samples),
        },
      );
    } finally {
      (progress as Progress | null)?.finish();
      output?.close();
      await endCompileAhead(ahead, v.verbose, io.err);
    }
    await reportCompileTrace(trace, io.err);
    if (todo.length) {
      io.err(
        `accuracy ${(100 * correct / todo.length).toFixed(1)}%, abstained ${
          (100 * abstained / todo.length).toFixed(1)
        }% of ${todo.length} image(s)\n`,
      );
    }
    return 0;
  }, io);
}

if (import.meta.main) {
  await runAsMain(
    predictCommand,
    "predict: interrupted. Every finished image is in the log; the same command resumes after them.",
  );
}
