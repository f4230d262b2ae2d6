/**
 * Model weights to and from files. Training checkpoints keep the optimizer's state in the same
 * safetensors file under the `optimizer.` prefix; loading a model ignores those keys, so a training
 * checkpoint certifies (and converts) like any other weights file.
 */
import type { Module, StateDict } from "../module.ts";
import { loadWeightsFile, type Weights } from "./load.ts";
import { saveSafetensorsFile } from "./safetensors.ts";

export const OPTIMIZER_PREFIX = "optimizer.";

/** Split a file's tensors into the model's and the optimizer's (prefix removed). */
export function splitOptimizer(w: Weights): { model: StateDict; optimizer: StateDict } {
  const model: StateDict = new Map();
  const optimizer: StateDict = new Map();
  for (const [k, t] of w.tensors) {
    if (k.startsWith(OPTIMIZER_PREFIX)) optimizer.set(k.slice(OPTIMIZER_PREFIX.length), t);
    else model.set(k, t);
  }
  return { model, optimizer };
}

/** Load weights (safetensors or a reference `.pth.tar`) into `model`, strictly; returns the file's metadata. */
export async function loadModelWeights(model: Module, path: string): Promise<Record<string, string>> {
  const w = await loadWeightsFile(path);
  model.loadStateDict(splitOptimizer(w).model, path);
  return w.metadata;
}

/** Save the model's state dict (and optionally optimizer tensors) atomically. */
export async function saveModel(
  model: Module,
  path: string,
  metadata: Record<string, string>,
  optimizer?: StateDict,
): Promise<void> {
  const sd = await model.stateDict();
  if (optimizer) { for (const [k, t] of optimizer) sd.set(OPTIMIZER_PREFIX + k, t); }
  await saveSafetensorsFile(path, sd, metadata);
}
