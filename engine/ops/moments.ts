/**
 * A training-mode batchnorm's statistics computed where its input is produced: the Winograd kernel that
 * writes a convolution's output (engine/ops/conv_winograd.ts) can also write, per lane, each channel's
 * mean and sum of squared deviations over the lane's pixels, so the batchnorm that normalises that output
 * next merges a few partials per channel instead of reading the whole tensor again (batchnorm.wgsl's
 * train_stats with MOM = 1). The partials belong to the output's storage: they are found only for that
 * tensor, with its shape, and are released with it. Only for tensors no pass writes after creating them
 * (activations): an in-place write would leave the partials describing the old values.
 */
import { engine } from "../runtime.ts";
import type { Storage, Tensor } from "../tensor.ts";

/**
 * Per-lane partial moments of an [N, C, H, W] tensor: for channel group q (channels 4q .. 4q + 3) and
 * partial i, vec4 (2 * (q * perGroup + i)) holds the 4 channels' means over `count` values and vec4
 * (2 * (q * perGroup + i) + 1) their sums of squared deviations from those means.
 */
export interface ChannelMoments {
  parts: Tensor;
  perGroup: number;
  count: number;
}

interface Entry {
  storage: Storage;
  shape: string;
  moments: ChannelMoments;
}

const entries = new WeakMap<object, Entry[]>();

/** Entries of this engine whose tensor is still alive; the partials of released ones are freed. */
function live(): Entry[] {
  const e = engine();
  const kept: Entry[] = [];
  for (const entry of entries.get(e) ?? []) {
    if (entry.storage.refs > 0) kept.push(entry);
    else entry.moments.parts.dispose();
  }
  entries.set(e, kept);
  return kept;
}

/** Leave `moments` (their partials kept out of scopes: owned here until taken) for the tensor `t`. */
export function recordChannelMoments(t: Tensor, moments: ChannelMoments): void {
  const [N, C, H, W] = t.shape;
  if (t.rank !== 4 || C % 4 !== 0 || moments.parts.size !== 8 * (C / 4) * moments.perGroup) {
    throw new Error(`internal: ${moments.parts.size} partial moments for a tensor [${t.shape}]`);
  }
  if (moments.perGroup * moments.count !== N * H * W) {
    throw new Error(`internal: ${moments.perGroup} x ${moments.count} partial values for [${t.shape}]`);
  }
  moments.parts.keep();
  live().push({ storage: t.storage, shape: t.shape.join(), moments });
}

/**
 * The moments recorded for `x` (its storage and shape), removed from the record: the caller disposes
 * their partials. Null where none were recorded.
 */
export function takeChannelMoments(x: Tensor): ChannelMoments | null {
  const list = live();
  const at = list.findIndex((entry) => entry.storage === x.storage && entry.shape === x.shape.join());
  if (at < 0) return null;
  const [entry] = list.splice(at, 1);
  return entry.moments;
}
