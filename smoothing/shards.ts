/**
 * Merging the shard logs of one run (`--shard K/N`) into the log a single process would have written,
 * checked against the shards' run records: the shards must come from one run (same data, checkpoint
 * content, parameters and selection), every shard 0..N-1 must be there exactly once, and each must
 * hold exactly the images of its selection. A shard cut short or missing is an error unless the merge
 * is asked to be partial; rows outside a shard's selection are always an error. The merged log gets
 * the run's record with shard 0/1, so it can be resumed (which fills the gaps of a partial merge) or
 * analyzed like a single-process log.
 */
import { mergeLogs, type MergeReport, readLog, writeFileAtomic } from "./log.ts";
import { readRunRecord, recordDifferences, recordPath, type RunRecord } from "./run_record.ts";
import { parseShardText, selectIndices, type Shard } from "./selection.ts";

export interface ShardMergeOptions {
  /** Merge although shards are missing or cut short (what is missing is reported). */
  partial?: boolean;
  /** Merge logs without parameters files (e.g. the reference code's): only their rows are checked. */
  unchecked?: boolean;
}

export interface ShardMergeReport extends MergeReport {
  /** Images of the run's selection that no shard holds (non-empty only for a partial merge). */
  missing: number[];
  /** What a partial or unchecked merge let through, for the user. */
  notes: string[];
}

/** A merge refused because the inputs do not make up one run. */
export class ShardMergeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ShardMergeError";
  }
}

function list(values: readonly number[], max = 8): string {
  return values.slice(0, max).join(", ") + (values.length > max ? `, ... (${values.length} in all)` : "");
}

function number(record: RunRecord, key: string, path: string): number {
  const v = record[key];
  if (typeof v !== "number") {
    throw new ShardMergeError(`${recordPath(path)}: "${key}" is missing or not a number`);
  }
  return v;
}

function shardOf(record: RunRecord, path: string): Shard {
  const shard = typeof record.shard === "string" ? parseShardText(record.shard) : null;
  if (shard === null) throw new ShardMergeError(`${recordPath(path)}: "shard" is missing or not K/N`);
  return shard;
}

export function mergeShards(
  paths: readonly string[],
  out: string,
  options: ShardMergeOptions = {},
): ShardMergeReport {
  if (paths.length === 0) throw new RangeError("mergeShards: no input logs given");
  const records = paths.map(readRunRecord);
  const without = paths.filter((_, i) => records[i] === null);
  if (without.length > 0) {
    if (!options.unchecked) {
      throw new ShardMergeError(
        `no parameters file beside ${without.join(", ")} (expected ${recordPath(without[0])}), so nothing ` +
          "tells whether these logs belong to one run; merge logs without records (the reference code's) with " +
          "--unchecked",
      );
    }
    const report = mergeLogs(paths, out);
    return {
      ...report,
      missing: [],
      notes: ["unchecked merge: parameters, shards and coverage were not checked"],
    };
  }
  const first = records[0]!;
  for (let i = 1; i < paths.length; i++) {
    const diff = recordDifferences(first, records[i]!, ["checkpointPath", "shard"], [
      `in ${paths[0]}`,
      `in ${paths[i]}`,
    ]);
    if (diff.length > 0) {
      throw new ShardMergeError(
        `${paths[i]} belongs to another run than ${paths[0]}:\n  ${diff.join("\n  ")}`,
      );
    }
  }
  const shards = paths.map((p, i) => shardOf(records[i]!, p));
  const n = shards[0].n;
  const byK = new Map<number, string>();
  for (let i = 0; i < paths.length; i++) {
    if (shards[i].n !== n) {
      throw new ShardMergeError(
        `${paths[i]} is shard ${shards[i].k}/${shards[i].n}, but ${paths[0]} is one of ${n}`,
      );
    }
    const seen = byK.get(shards[i].k);
    if (seen !== undefined) {
      throw new ShardMergeError(`shard ${shards[i].k}/${n} is given twice: ${seen} and ${paths[i]}`);
    }
    byK.set(shards[i].k, paths[i]);
  }
  const notes: string[] = [];
  const absent = Array.from({ length: n }, (_, k) => k).filter((k) => !byK.has(k));
  if (absent.length > 0) {
    const text = `shard${absent.length > 1 ? "s" : ""} ${absent.map((k) => `${k}/${n}`).join(", ")} missing`;
    if (!options.partial) {
      throw new ShardMergeError(
        `${text}: give all ${n} shards of the run (or pass --partial to merge what there is)`,
      );
    }
    notes.push(text);
  }
  const images = number(first, "images", paths[0]);
  const skip = number(first, "skip", paths[0]);
  const max = number(first, "max", paths[0]);
  const missing: number[] = [];
  for (let i = 0; i < paths.length; i++) {
    const expected = selectIndices(images, skip, max, shards[i]);
    const want = new Set(expected);
    const rows = readLog(paths[i]).rows;
    const outside = rows.map((r) => r.idx).filter((idx) => !want.has(idx));
    if (outside.length > 0) {
      throw new ShardMergeError(
        `${paths[i]} (shard ${shards[i].k}/${n}) holds rows outside its selection: idx ${list(outside)}`,
      );
    }
    const have = new Set(rows.map((r) => r.idx));
    const lacking = expected.filter((idx) => !have.has(idx));
    if (lacking.length > 0) {
      const text =
        `${paths[i]} (shard ${shards[i].k}/${n}) is incomplete: ${lacking.length} of ${expected.length} ` +
        `images missing (idx ${list(lacking)})`;
      if (!options.partial) {
        throw new ShardMergeError(
          `${text}; let it finish or resume it, or pass --partial to merge what there is`,
        );
      }
      notes.push(text);
      missing.push(...lacking);
    }
  }
  for (const k of absent) missing.push(...selectIndices(images, skip, max, { k, n }));
  const report = mergeLogs(paths, out);
  writeFileAtomic(recordPath(out), JSON.stringify({ ...first, shard: "0/1" }, null, 1) + "\n");
  return { ...report, missing: missing.sort((a, b) => a - b), notes };
}
