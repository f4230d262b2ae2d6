/**
 * `deno task predict`: PREDICT of Cohen et al. (2019) with abstention, writing the reference log
 * (`idx label predict correct time`, flushed per image, resumed when --out exists).
 */
import { DATASETS } from "../nn/data/eval_source.ts";
import { predictImages, type PredictOptions, validatePredictOptions } from "../smoothing/certify.ts";
import { formatPredictRow, PREDICT_HEADER, PredictLogWriter } from "../smoothing/log.ts";
import type { RunOutput } from "../smoothing/run_record.ts";
import {
  choiceFlag,
  type CommandIO,
  defineCommand,
  intFlag,
  positiveFloatFlag,
  positiveIntFlag,
  probabilityFlag,
  runAsMain,
  runCommand,
  stringFlag,
  UsageError,
} from "./args.ts";
import {
  adapterFlag,
  evaluationRecord,
  NORMALIZE_CHOICES,
  openEvaluation,
  openLogOutput,
  parameterError,
  resolveSigma,
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
    normalize: choiceFlag("input normalisation inside the model", NORMALIZE_CHOICES, "default"),
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
  },
  examples: [
    "deno task predict --dataset mnist --checkpoint models/mnist_cnn_gaussian_0.25.safetensors --sigma 0.25 --N 1000 --skip 100",
  ],
});

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
    const { source, model, indices } = ev;
    const sigma = resolveSigma(v.sigma, ev, v.checkpoint, io.err);
    const opts = optionsFor(sigma);
    let output: RunOutput<PredictLogWriter> | null = null;
    if (v.out) {
      const record = {
        ...await evaluationRecord(ev, { sigma, seed: v.seed }),
        N: v.N,
        alpha: v.alpha,
      };
      output = await openLogOutput(v.out, record, () => PredictLogWriter.open(v.out!));
      if (output.writer.size > 0) {
        io.err(`resuming ${v.out}: ${output.writer.size} image(s) already predicted\n`);
      }
    } else io.out(PREDICT_HEADER + "\n");
    const log = output?.writer ?? null;
    const todo = indices.filter((i) => !log?.has(i));
    let progress: Progress | null = null;
    let correct = 0, abstained = 0;
    try {
      await predictImages(
        model,
        {
          shape: source.shape,
          classes: source.classes,
          indices: todo,
          load: (idx) => source.image(idx),
        },
        opts,
        {
          onReady: (seconds) => {
            io.err(`kernels compiled in ${seconds.toFixed(1)} s\n`);
            progress = new Progress({
              total: indices.length,
              initial: indices.length - todo.length,
              label: "predict",
              rateUnit: "samples",
            });
          },
          onResult: (idx, r, cost) => {
            const row = { idx, label: source.label(idx), predict: r.prediction, seconds: cost.seconds };
            if (log) log.append(row);
            else io.out(formatPredictRow(row) + "\n");
            if (row.predict === row.label) correct++;
            if (row.predict === -1) abstained++;
            progress!.tick(v.N);
          },
        },
      );
    } finally {
      (progress as Progress | null)?.finish();
      output?.close();
    }
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
