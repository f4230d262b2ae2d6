/** Refusal of non-finite model weights: a NaN or Inf parameter poisons every output silently. */
import { CheckpointError, type HostTensor } from "./host_tensor.ts";

/**
 * Throws if any floating-point tensor holds NaN or +-Inf, naming each offending tensor with its
 * count and first bad element; integer tensors cannot hold such values and are skipped.
 */
export function assertFiniteWeights(tensors: ReadonlyMap<string, HostTensor>, file: string): void {
  const problems: string[] = [];
  for (const [name, t] of tensors) {
    if (t.dtype !== "F32" && t.dtype !== "F64") continue;
    let count = 0;
    let first = -1;
    for (let i = 0; i < t.data.length; i++) {
      if (!Number.isFinite(t.data[i])) {
        if (first < 0) first = i;
        count++;
      }
    }
    if (count > 0) {
      problems.push(
        `tensor "${name}" has ${count} non-finite value${count > 1 ? "s" : ""} (first: ${
          t.data[first]
        } at flat index ${first})`,
      );
    }
  }
  if (problems.length > 0) {
    throw new CheckpointError(`${file}: refusing non-finite model weights: ${problems.join("; ")}`);
  }
}
