/**
 * `deno task certify`: CERTIFY of Cohen et al. (2019) over a dataset split, writing the reference log
 * (`idx label predict radius correct time`, flushed per image), or one of the sequential modes
 * (`--radii`, `--adaptive`), whose logs add a `samples` column. Re-running with the same --out resumes
 * after the last complete row. Without arguments it certifies the shipped MNIST model on a slice of
 * the MNIST test set.
 */
import { fileURLToPath } from "node:url";
import { FAST_START_TILE_LIMIT } from "../engine/ops/matmul_tiles.ts";
import { type DatasetName, DATASETS } from "../nn/data/eval_source.ts";
import { STANDARD_RADII, summarize } from "../smoothing/analyze.ts";
import {
  certifyImages,
  type CertifyMode,
  type CertifyOptions,
  DEFAULT_TOLERANCE_SIGMAS,
  validateCertifyOptions,
} from "../smoothing/certify.ts";
import { CERTIFY_HEADER, CERTIFY_SAMPLES_HEADER, CertLogWriter, formatCertifyRow } from "../smoothing/log.ts";
import type { RunOutput } from "../smoothing/run_record.ts";
import {
  booleanFlag,
  choiceFlag,
  type CommandIO,
  defineCommand,
  floatListFlag,
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

export const DEFAULT_MODEL = fileURLToPath(
  new URL("../models/mnist_cnn_gaussian_0.25.safetensors", import.meta.url),
);

/** The embedded default: every 100th MNIST test image, N = 1000, with the shipped Gaussian model. */
export const DEFAULT_ARGS = [
  "--dataset",
  "mnist",
  "--checkpoint",
  DEFAULT_MODEL,
  "--sigma",
  "0.25",
  "--skip",
  "100",
  "--N",
  "1000",
  "--out",
  "out/certify_mnist_default.tsv",
];

export const CERTIFY = defineCommand({
  name: "certify",
  usage: "[options]   (or the reference's positional form: DATASET CHECKPOINT SIGMA OUTFILE)",
  summary: "Certify the Gaussian-smoothed classifier g(x) = argmax_c P(f(x + d) = c), d ~ N(0, sigma^2 I), " +
    "on every --skip-th image: n0 noisy samples select the top class, N fresh samples bound its probability " +
    "(one-sided Clopper-Pearson at level alpha), and the certified l2 radius is sigma * PhiInv(pA_lower). " +
    "Without any argument, runs the embedded MNIST default.",
  flags: {
    dataset: choiceFlag("dataset", DATASETS, "cifar10"),
    "data-dir": stringFlag("data directory (cifar10: the binary batches; imagenet: folder with val/)", {
      valueName: "DIR",
    }),
    split: choiceFlag("split", ["test", "train"] as const, "test"),
    checkpoint: stringFlag("model weights: safetensors or a reference checkpoint.pth.tar", {
      valueName: "FILE",
    }),
    arch: stringFlag("architecture (mnist_cnn, cifar_resnet20/56/110, imagenet_resnet50)", {
      defaultText: "the checkpoint's recorded arch, else by dataset",
    }),
    normalize: choiceFlag(
      NORMALIZE_HELP,
      NORMALIZE_CHOICES,
      "default",
    ),
    sigma: positiveFloatFlag("noise level sigma", {
      defaultText: "the level the checkpoint was trained with",
    }),
    N0: positiveIntFlag("samples to select the top class", { default: 100 }),
    N: positiveIntFlag("samples to estimate its probability (the budget in the sequential modes)", {
      default: 100000,
    }),
    radii: floatListFlag(
      "sequential mode: certify these radii, sampling only until each is certified or refuted (radius column: " +
        "the largest certified)",
      { min: 0, valueName: "R1,R2,..." },
    ),
    adaptive: booleanFlag(
      "sequential mode: the full radius, sampling until the rest of the budget could not raise it by more " +
        "than --tolerance",
    ),
    tolerance: positiveFloatFlag("radius the adaptive mode may leave unclaimed", {
      defaultText: `${DEFAULT_TOLERANCE_SIGMAS} x sigma`,
    }),
    "in-flight": positiveIntFlag("images sampled together in shared batches", {
      defaultText: "enough to fill 16 batches with first requests",
    }),
    alpha: probabilityFlag("failure probability", { default: 0.001 }),
    batch: positiveIntFlag("noisy samples per forward pass", { default: 400 }),
    skip: positiveIntFlag("certify every skip-th image", { default: 1 }),
    max: intFlag("stop before this image index (-1: all)", { default: -1, min: -1 }),
    seed: intFlag("noise seed (results are reproducible from it)", { default: 0, min: 0 }),
    shard: stringFlag("certify only shard K of N (K/N); merge with `deno task analyze --merge`", {
      valueName: "K/N",
    }),
    precision: choiceFlag(
      "convolution precision (f16: f16 storage, f32 accumulation)",
      ["f32", "f16"] as const,
      "f32",
    ),
    adapter: adapterFlag,
    out: stringFlag("output log (resumed if it exists)", { valueName: "FILE" }),
    verbose: booleanFlag(
      "list every kernel pipeline the run built with its cost (creation, and first dispatch: compilation)",
    ),
  },
  positionals: { name: "ARG", min: 0, max: 4 },
  examples: [
    "deno task certify",
    "deno task certify --dataset cifar10 --data-dir data/cifar-10-batches-bin --checkpoint noise_0.25.pth.tar " +
    "--arch cifar_resnet110 --sigma 0.25 --skip 20 --out certify_0.25.tsv",
  ],
});

/** Parameter names of the library's messages, as the flags that set them. */
const CERTIFY_FLAG_NAMES: Record<string, string> = {
  n0: "--N0",
  N: "--N",
  alpha: "--alpha",
  sigma: "--sigma",
  batch: "--batch",
  seed: "--seed",
  radii: "--radii",
  tolerance: "--tolerance",
  inFlight: "--in-flight",
};

export function certifyCommand(args: readonly string[], io?: CommandIO): Promise<number> {
  const isDefault = args.length === 0;
  return runCommand(CERTIFY, isDefault ? DEFAULT_ARGS : args, async ({ values, positionals }, io) => {
    let v = values;
    if (positionals.length > 0) {
      if (positionals.length !== 4) {
        throw new UsageError("the positional form takes DATASET CHECKPOINT SIGMA OUTFILE");
      }
      const [d, ck, s, o] = positionals;
      if (!(DATASETS as readonly string[]).includes(d)) {
        throw new UsageError(`unknown dataset "${d}" (expected ${DATASETS.join(", ")})`);
      }
      const sigma = Number(s);
      if (!(sigma > 0)) throw new UsageError(`SIGMA must be a number > 0, got "${s}"`);
      v = { ...values, dataset: d as DatasetName, checkpoint: ck, sigma, out: o };
    }
    if (v.checkpoint === undefined) {
      throw new UsageError("--checkpoint is required (safetensors or checkpoint.pth.tar)");
    }
    if (v.radii !== undefined && v.adaptive) {
      throw new UsageError("--radii and --adaptive exclude each other");
    }
    if (v.tolerance !== undefined && !v.adaptive) {
      throw new UsageError("--tolerance applies to --adaptive only");
    }
    const modeOf = (sigma: number): CertifyMode =>
      v.radii !== undefined
        ? { kind: "radii", radii: v.radii }
        : v.adaptive
        ? { kind: "adaptive", tolerance: v.tolerance ?? DEFAULT_TOLERANCE_SIGMAS * sigma }
        : { kind: "fixed" };
    const optionsFor = (sigma: number): CertifyOptions => ({
      n0: v.N0,
      n: v.N,
      alpha: v.alpha,
      batch: v.batch,
      sigma,
      seed: v.seed,
      mode: modeOf(sigma),
      inFlight: v["in-flight"],
    });
    try {
      // everything but sigma, which may come from the checkpoint below
      validateCertifyOptions(optionsFor(v.sigma ?? 1));
    } catch (e) {
      throw parameterError(e, CERTIFY_FLAG_NAMES);
    }
    // The embedded default is a short demonstration: small tiles, so a fresh machine waits seconds
    // rather than most of a minute for its kernels (SMOOTHCERT_MAX_TILE still decides where set).
    const ev = await openEvaluation(
      { ...v, checkpoint: v.checkpoint },
      io.err,
      isDefault ? { tileLimit: FAST_START_TILE_LIMIT } : {},
    );
    const trace = startCompileTrace(v.verbose);
    const { source, model, indices } = ev;
    const shard = ev.spec.shard;
    const sigma = resolveSigma(v.sigma, ev, v.checkpoint, io.err);
    const opts = optionsFor(sigma);
    const mode = opts.mode!;
    const sequential = mode.kind !== "fixed";
    let output: RunOutput<CertLogWriter> | null = null;
    if (v.out) {
      const record = {
        ...await evaluationRecord(ev, { sigma, seed: v.seed }),
        N0: v.N0,
        N: v.N,
        alpha: v.alpha,
        mode: mode.kind,
        ...(mode.kind === "radii" ? { radii: [...mode.radii].sort((a, b) => a - b) } : {}),
        ...(mode.kind === "adaptive" ? { tolerance: mode.tolerance } : {}),
      };
      output = await openLogOutput(v.out, record, () => CertLogWriter.open(v.out!, { samples: sequential }));
      if (output.writer.size > 0) {
        io.err(`resuming ${v.out}: ${output.writer.size} image(s) already certified\n`);
      }
    } else io.out((sequential ? CERTIFY_SAMPLES_HEADER : CERTIFY_HEADER) + "\n");
    const log = output?.writer ?? null;
    const todo = indices.filter((i) => !log?.has(i));
    const how = mode.kind === "fixed"
      ? `N = ${v.N}`
      : mode.kind === "radii"
      ? `radii ${mode.radii.join(", ")} (sequential, budget N = ${v.N})`
      : `adaptive radius (tolerance ${Number(mode.tolerance.toPrecision(6))}, budget N = ${v.N})`;
    io.err(
      `certifying ${todo.length} of ${indices.length} image(s) (${v.dataset} ${v.split}, every ${v.skip}th` +
        `${
          shard.n > 1 ? `, shard ${shard.k}/${shard.n}` : ""
        }) with n0 = ${v.N0}, ${how}, alpha = ${v.alpha}, ` +
        `sigma = ${sigma}, batch ${v.batch}\n`,
    );
    let progress: Progress | null = null;
    let t0 = performance.now();
    let samples = 0;
    const ahead = todo.length > 0 ? await startCompileAheadFor(ev, { batch: v.batch, sigma }) : null;
    try {
      await certifyImages(
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
            ahead?.finish();
            io.err(`kernels compiled in ${seconds.toFixed(1)} s\n`);
            t0 = performance.now();
            progress = new Progress({
              total: indices.length,
              initial: indices.length - todo.length,
              label: "certify",
              rateUnit: "samples",
            });
          },
          onResult: (idx, r, cost) => {
            const row = {
              idx,
              label: source.label(idx),
              predict: r.prediction,
              radius: r.radius,
              seconds: cost.seconds,
              ...(sequential ? { samples: r.samples } : {}),
            };
            if (log) log.append(row);
            else io.out(formatCertifyRow(row) + "\n");
            samples += r.samples;
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
    const elapsed = (performance.now() - t0) / 1000;
    await reportCompileTrace(trace, io.err);
    if (todo.length > 0) {
      io.err(
        `${todo.length} image(s) in ${elapsed.toFixed(1)} s: ${(samples / elapsed).toFixed(0)} samples/s, ` +
          `${(elapsed / todo.length).toFixed(2)} s/image, ${
            Math.round(samples / todo.length)
          } samples/image\n`,
      );
    }
    if (v.out) {
      const rows = CertLogWriter.open(v.out, { samples: sequential });
      const all = [...rows.existing];
      rows.close();
      if (all.length > 0) {
        const radii = mode.kind === "radii"
          ? [0, ...[...mode.radii].sort((a, b) => a - b).filter((r) => r > 0)]
          : [0, ...(v.dataset === "imagenet" ? STANDARD_RADII.imagenet : STANDARD_RADII.cifar10)];
        const s = summarize(v.out, all, radii);
        io.out(`\ncertified accuracy (${all.length} images, ${v.out}):\n`);
        io.out(`radius    ${radii.map((r) => r.toFixed(2).padStart(6)).join(" ")}\n`);
        io.out(`accuracy  ${s.accuracy.map((a) => a.toFixed(3).padStart(6)).join(" ")}\n`);
        io.out(
          `abstained ${(100 * s.abstention).toFixed(1)}%, average certified radius ${
            s.averageRadius.toFixed(3)
          }${s.meanSamples === null ? "" : `, ${Math.round(s.meanSamples)} samples per image`}\n`,
        );
      }
    }
    if (isDefault) {
      io.out(
        "\nThis was the embedded default (shipped MNIST model, every 100th test image, N = 1000).\n" +
          "Paper scale (CIFAR-10, ResNet-110, every 20th test image, N = 100,000):\n" +
          "  deno task data cifar10 --out data/cifar-10-batches-bin\n" +
          "  deno task certify --dataset cifar10 --checkpoint noise_0.25/checkpoint.pth.tar --arch cifar_resnet110 \\\n" +
          "    --sigma 0.25 --skip 20 --N 100000 --batch 400 --out certify_cifar10_0.25.tsv\n" +
          "The same certified-accuracy table from a fraction of the samples (sequential, same alpha):\n" +
          "  deno task certify ... --N 100000 --radii 0.25,0.5,0.75,1 --out certify_cifar10_0.25_radii.tsv\n",
      );
    }
    return 0;
  }, io);
}

if (import.meta.main) {
  await runAsMain(
    certifyCommand,
    "certify: interrupted. Every finished image is in the log; the same command resumes after them.",
  );
}
