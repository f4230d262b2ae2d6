/**
 * `deno task visualize DATASET OUTDIR IDX NOISE_SD...`: the reference's visualize.py, one dataset image
 * under increasing noise levels, saved as OUTDIR/{idx}_{int(sd * 100)}.png (smoothing/visualize.ts).
 */
import { type DatasetName, DATASETS, openEvalSource } from "../nn/data/eval_source.ts";
import { imagePng } from "../nn/data/image_output.ts";
import { noisyImageName, noisyImages } from "../smoothing/visualize.ts";
import {
  choiceFlag,
  type CommandIO,
  defineCommand,
  intFlag,
  runAsMain,
  runCommand,
  stringFlag,
  UsageError,
} from "./args.ts";
import { adapterFlag, EVALUATION_FLAG_NAMES, openEngine, withFlagNamesAsync } from "./common.ts";

export const VISUALIZE = defineCommand({
  name: "visualize",
  usage: "DATASET OUTDIR IDX NOISE_SD... [options]",
  summary: "Saves image IDX of DATASET under each noise level: clamp(x + sd * z, 0, 1) with one standard " +
    "normal draw z for all levels (z is the first noise sample certify draws for the image with the same " +
    "seed, divided by sigma), as OUTDIR/{IDX}_{int(sd * 100)}.png, 8-bit gray or RGB.",
  flags: {
    split: choiceFlag("split", ["test", "train"] as const, "test"),
    "data-dir": stringFlag("data directory (required for imagenet)", { valueName: "DIR" }),
    seed: intFlag("noise seed", { default: 0, min: 0 }),
    adapter: adapterFlag,
  },
  positionals: { name: "ARG", min: 0 },
  examples: ["deno task visualize mnist runs/vis 0 0 0.12 0.25 0.5 1.0"],
});

export function visualizeCommand(args: readonly string[], io?: CommandIO): Promise<number> {
  return runCommand(VISUALIZE, args, async ({ values: v, positionals }, io) => {
    if (positionals.length < 4) {
      throw new UsageError(`expected DATASET OUTDIR IDX NOISE_SD..., got ${positionals.length} argument(s)`);
    }
    const [dataset, outdir, idxText, ...sdTexts] = positionals;
    if (!(DATASETS as readonly string[]).includes(dataset)) {
      throw new UsageError(`DATASET must be one of ${DATASETS.join(", ")}, got '${dataset}'`);
    }
    const idx = Number(idxText);
    if (!/^\d+$/.test(idxText) || !Number.isSafeInteger(idx)) {
      throw new UsageError(`IDX must be an integer >= 0, got '${idxText}'`);
    }
    const sds = sdTexts.map((t) => {
      const sd = Number(t);
      if (t.trim() === "" || !Number.isFinite(sd) || sd < 0) {
        throw new UsageError(`NOISE_SD must be a number >= 0, got '${t}'`);
      }
      return sd;
    });
    const source = await withFlagNamesAsync(
      EVALUATION_FLAG_NAMES,
      () => openEvalSource(dataset as DatasetName, v.split, v["data-dir"]),
    );
    if (idx >= source.count) {
      throw new UsageError(`IDX ${idx} is beyond the ${source.count} images of ${dataset} ${v.split}`);
    }
    await openEngine(v.adapter, io.err);
    const image = await source.image(idx);
    const noisy = await noisyImages(image, source.shape, sds, { seed: v.seed, idx });
    Deno.mkdirSync(outdir, { recursive: true });
    for (let i = 0; i < sds.length; i++) {
      const path = `${outdir}/${noisyImageName(idx, sds[i])}`;
      Deno.writeFileSync(path, imagePng(noisy[i], source.shape));
      io.out(`${path}\n`);
    }
    return 0;
  }, io);
}

if (import.meta.main) await runAsMain(visualizeCommand, "visualize: interrupted.");
