/**
 * `deno task convert IN OUT.safetensors`: turns a PyTorch checkpoint (zip or legacy `torch.save`
 * format, e.g. the reference code's `checkpoint.pth.tar`) or a safetensors file into a safetensors
 * file of its state_dict, with the checkpoint's arch and epoch and the source file name as metadata.
 */
import { basename, resolve } from "node:path";
import { loadWeightsFile } from "../nn/checkpoint/load.ts";
import { ParameterError } from "../nn/parameter_error.ts";
import { saveSafetensorsFile } from "../nn/checkpoint/safetensors.ts";
import { booleanFlag, type CommandIO, defineCommand, runAsMain, runCommand, UsageError } from "./args.ts";

export const CONVERT = defineCommand({
  name: "convert",
  usage: "[options] IN OUT.safetensors",
  summary: "Converts a PyTorch checkpoint (.pth / .pth.tar, zip or legacy format) or a .safetensors file " +
    "into a safetensors file holding its state_dict. Metadata written: arch and epoch (when the " +
    "checkpoint has them), source (the input's file name) and source_format. Pickles are read by a " +
    "restricted unpickler that never executes code.",
  flags: {
    "allow-nonfinite": booleanFlag("write weights that contain NaN or Inf (refused by default)"),
  },
  positionals: { name: "IN OUT", min: 0 },
  examples: ["deno task convert noise_0.25/checkpoint.pth.tar resnet110_0.25.safetensors"],
});

/** Runs the command; exported for tests. Returns the exit code. */
export function main(args: readonly string[], io?: CommandIO): Promise<number> {
  return runCommand(CONVERT, args, async ({ values, positionals }, io) => {
    const [input, output, ...rest] = positionals;
    if (!input || !output || rest.length > 0) {
      throw new UsageError(`expected exactly two arguments IN and OUT, found ${positionals.length}`);
    }
    if (!output.endsWith(".safetensors")) {
      throw new UsageError(`OUT must end in .safetensors, found ${output}`);
    }
    if (resolve(input) === resolve(output)) throw new UsageError("OUT must differ from IN");

    const { tensors, metadata } = await loadWeightsFile(input, {
      allowNonFinite: values["allow-nonfinite"],
      parameter: "IN",
    }).catch((e) => {
      // a missing or unreadable IN is a bad argument, as certify's --checkpoint is
      throw e instanceof ParameterError ? new UsageError(e.message) : e;
    });
    // Overrides the `source` an already converted input may carry.
    metadata.source = basename(input);
    await saveSafetensorsFile(output, tensors, metadata);
    const params = [...tensors.values()].reduce((n, t) => n + t.data.length, 0);
    io.out(`wrote ${output}: ${tensors.size} tensors, ${params} values (${JSON.stringify(metadata)})\n`);
    return 0;
  }, io);
}

if (import.meta.main) {
  await runAsMain(
    main,
    "convert: interrupted; the output is written whole or not at all, so nothing half-written was left.",
  );
}
