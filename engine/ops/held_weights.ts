/**
 * Values derived from weights held constant, kept from holdWeights to releaseWeights instead of derived at
 * every call: Winograd's transformed weights (conv_winograd.ts), the direct kernel's packed weights
 * (conv_layout.ts). engine/ops/conv_frozen.ts FrozenWeights holds them for an attack's passes or a
 * certification call's batches. Keyed by w's storage, so every view of w shares them; w must not change
 * meanwhile.
 */
import type { Storage, Tensor } from "../tensor.ts";

/** A derived value, and how to let it go when its weights are released. */
export interface HeldValue {
  release(): void;
}

const held = new Map<Storage, Map<string, HeldValue>>();

/** Keep what kernels derive from w (each value at its first use) until releaseWeights. */
export function holdWeights(w: Tensor): void {
  if (!held.has(w.storage)) held.set(w.storage, new Map());
}

/** Let go of everything held for w. */
export function releaseWeights(w: Tensor): void {
  const kept = held.get(w.storage);
  if (!kept) return;
  held.delete(w.storage);
  for (const v of kept.values()) v.release();
}

/** The values held for w, by the deriving kernel's key; null where w is not held. */
export function heldValues(w: Tensor): Map<string, HeldValue> | null {
  return held.get(w.storage) ?? null;
}
