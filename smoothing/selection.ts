/** Which images a run evaluates: the reference's --skip / --max selection, split into shards. */

export interface Shard {
  /** This shard's number, 0 <= k < n. */
  k: number;
  /** Shards in all. */
  n: number;
}

/**
 * The reference's selection: image indices i = 0, skip, 2*skip, ... below `max` (max < 0: all) among
 * `count` images, then the k-th of every n of them for shard k/n.
 */
export function selectIndices(
  count: number,
  skip: number,
  max: number,
  shard: Shard = { k: 0, n: 1 },
): number[] {
  const out: number[] = [];
  for (let i = 0, pos = 0; i < count && (max < 0 || i < max); i += skip, pos++) {
    if (pos % shard.n === shard.k) out.push(i);
  }
  return out;
}

/** "K/N" with 0 <= K < N, or null when the text is not of that form. */
export function parseShardText(text: string): Shard | null {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return null;
  const k = Number(m[1]), n = Number(m[2]);
  return n >= 1 && k < n ? { k, n } : null;
}
