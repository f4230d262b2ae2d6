/**
 * The merge of a sweep's shards refuses, one test each: a shard written with another sigma, N, N0,
 * alpha, seed, mode or checkpoint content; a missing shard; an image index missing inside a
 * shard's selection; an image index given twice within a shard. Each refusal names the shard and
 * what differs.
 */
import assert from "node:assert/strict";
import { CERTIFY_HEADER, LogFormatError } from "../../smoothing/log.ts";
import { recordPath, type RunRecord } from "../../smoothing/run_record.ts";
import { selectIndices } from "../../smoothing/selection.ts";
import { mergeShards, ShardMergeError } from "../../smoothing/shards.ts";
import { withDir } from "./sweep_fixture.ts";

const RUN: RunRecord = {
  dataset: "mnist",
  images: 60,
  skip: 4,
  max: -1,
  checkpointSha256: "ab",
  sigma: 0.25,
  seed: 0,
  N0: 100,
  N: 1000,
  alpha: 0.001,
  mode: "fixed",
};

function write(dir: string, k: number, record: RunRecord = RUN, rows?: number[]): string {
  const path = `${dir}/shard_${k}_of_3.tsv`;
  const indices = rows ?? selectIndices(60, 4, -1, { k, n: 3 });
  const lines = indices.map((i) => `${i}\t${i % 10}\t${i % 10}\t0.5\t1\t0:00:01`);
  Deno.writeTextFileSync(path, [CERTIFY_HEADER, ...lines].join("\n") + "\n");
  Deno.writeTextFileSync(recordPath(path), JSON.stringify({ ...record, shard: `${k}/3` }));
  return path;
}

function refused(paths: string[], out: string, pattern: RegExp): void {
  assert.throws(
    () => mergeShards(paths, out),
    (e: Error) => e instanceof ShardMergeError && pattern.test(e.message),
  );
}

type RecordPatch = Record<string, RunRecord[string]>;

const CHANGES: [string, RecordPatch, RegExp][] = [
  ["sigma", { sigma: 0.5 }, /sigma: 0\.25 in .*shard_0_of_3\.tsv, 0\.5 in .*shard_2_of_3\.tsv/],
  ["N", { N: 100000 }, /N: 1000 in .*, 100000 in/],
  ["N0", { N0: 10 }, /N0: 100 in .*, 10 in/],
  ["alpha", { alpha: 0.01 }, /alpha: 0\.001 in .*, 0\.01 in/],
  ["seed", { seed: 7 }, /seed: 0 in .*, 7 in/],
  [
    "mode",
    { mode: "radii", radii: [0.25, 0.5] },
    /mode: "fixed" in .*, "radii" in[\s\S]*radii: \(none\) in .*, \[0\.25,0\.5\] in/,
  ],
  ["checkpoint content", { checkpointSha256: "cd" }, /checkpointSha256: "ab" in .*, "cd" in/],
];

for (const [what, patch, pattern] of CHANGES) {
  Deno.test(`a shard written with another ${what} is refused, naming the difference`, () =>
    withDir((dir) => {
      const paths = [write(dir, 0), write(dir, 1), write(dir, 2, { ...RUN, ...patch })];
      refused(
        paths,
        `${dir}/all.tsv`,
        new RegExp(`shard_2_of_3\\.tsv belongs to another run[\\s\\S]*${pattern.source}`),
      );
      // the same shards, all of one run, merge
      write(dir, 2);
      assert.equal(mergeShards(paths, `${dir}/all.tsv`).rows, 15);
    }));
}

Deno.test("a missing shard is refused, naming it", () =>
  withDir((dir) => {
    refused([write(dir, 0), write(dir, 2)], `${dir}/all.tsv`, /shard 1\/3 missing: give all 3 shards/);
  }));

Deno.test("an image index missing inside a shard's selection is refused, naming it", () =>
  withDir((dir) => {
    const gap = selectIndices(60, 4, -1, { k: 1, n: 3 }).filter((i) => i !== 16);
    refused(
      [write(dir, 0), write(dir, 1, RUN, gap), write(dir, 2)],
      `${dir}/all.tsv`,
      /shard_1_of_3\.tsv \(shard 1\/3\) is incomplete: 1 of 5 images missing \(idx 16\)/,
    );
  }));

Deno.test("an image index given twice within a shard is refused, naming the line", () =>
  withDir((dir) => {
    const twice = [...selectIndices(60, 4, -1, { k: 1, n: 3 }), 4];
    assert.throws(
      () => mergeShards([write(dir, 0), write(dir, 1, RUN, twice), write(dir, 2)], `${dir}/all.tsv`),
      (e: Error) =>
        e instanceof LogFormatError &&
        /shard_1_of_3\.tsv:7: duplicate idx 4 \(first on line 2\)/.test(e.message),
    );
  }));
