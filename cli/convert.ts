/**
 * `deno task convert IN OUT.safetensors`: turns a PyTorch checkpoint (zip or legacy `torch.save`
 * format, e.g. the reference code's `checkpoint.pth.tar`) or a safetensors file into a safetensors
 * file of its state_dict, with the checkpoint's arch and epoch and the source file name as metadata.
 */
import { basename, resolve } from "node:path";
import { parseArgs } from "node:util";
import { CheckpointError } from "../nn/checkpoint/host_tensor.ts";
import { loadWeightsFile } from "../nn/checkpoint/load.ts";
import { saveSafetensorsFile } from "../nn/checkpoint/safetensors.ts";

const USAGE = `Usage: deno task convert [options] IN OUT.safetensors

Converts a PyTorch checkpoint (.pth / .pth.tar, zip or legacy format) or a .safetensors file into
a safetensors file holding its state_dict. Metadata written: arch and epoch (when the checkpoint
has them), source (the input's file name) and source_format.

Options:
  --allow-nonfinite   write weights that contain NaN or Inf (refused by default)
  -h, --help          show this message`;

class UsageError extends Error {}

export async function main(args: string[]): Promise<number> {
  try {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        allowPositionals: true,
        strict: true,
        options: { "allow-nonfinite": { type: "boolean" }, help: { type: "boolean", short: "h" } },
      });
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    if (parsed.values.help) {
      console.log(USAGE);
      return 0;
    }
    const [input, output, ...rest] = parsed.positionals;
    if (!input || !output || rest.length > 0) {
      throw new UsageError(`expected exactly two arguments IN and OUT, found ${parsed.positionals.length}`);
    }
    if (!output.endsWith(".safetensors")) {
      throw new UsageError(`OUT must end in .safetensors, found ${output}`);
    }
    if (resolve(input) === resolve(output)) throw new UsageError("OUT must differ from IN");

    const { tensors, metadata } = await loadWeightsFile(input, {
      allowNonFinite: parsed.values["allow-nonfinite"],
    });
    // Overrides the `source` an already converted input may carry.
    metadata.source = basename(input);
    await saveSafetensorsFile(output, tensors, metadata);
    const params = [...tensors.values()].reduce((n, t) => n + t.data.length, 0);
    console.log(`wrote ${output}: ${tensors.size} tensors, ${params} values (${JSON.stringify(metadata)})`);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`convert: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    if (
      e instanceof CheckpointError || e instanceof Deno.errors.NotFound ||
      e instanceof Deno.errors.PermissionDenied
    ) {
      console.error(`convert: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

if (import.meta.main) Deno.exit(await main(Deno.args));
