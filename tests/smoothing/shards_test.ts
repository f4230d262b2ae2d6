/**
 * Merging shard logs: one run's complete shards merge into the single-process log (with its record);
 * shards of other runs, a missing or repeated shard, a shard cut short, rows outside a selection and
 * logs without records are refused, each with its own message; and a fuzz test over damaged logs
 * (random truncation, random bytes, duplicated, reordered and dropped rows, changed parameters): the
 * merge never crashes and never accepts an inconsistent set.
 */
import assert from "node:assert/strict";
import fc from "../fast_check.ts";
import { CERTIFY_SAMPLES_HEADER, LogFormatError, readLog } from "../../smoothing/log.ts";
import { readRunRecord, recordPath, type RunRecord } from "../../smoothing/run_record.ts";
import { selectIndices } from "../../smoothing/selection.ts";
import { mergeShards, ShardMergeError } from "../../smoothing/shards.ts";
import { withTempDir } from "../helpers.ts";

const RUN: RunRecord = {
  dataset: "mnist",
  images: 100,
  skip: 7,
  max: -1,
  sigma: 0.25,
  N: 1000,
  mode: "radii",
  checkpointSha256: "ab",
  checkpointPath: "m.safetensors",
};

/** A deterministic row per idx (label, prediction, radius and samples derived from it). */
function row(idx: number): string {
  const label = idx % 10, predict = idx % 13 === 0 ? -1 : label;
  return [
    idx,
    label,
    predict,
    predict < 0 ? "0.0" : String((idx % 4) * 0.25),
    predict === label ? 1 : 0,
    "0:00:01",
    100 + idx,
  ].join("\t");
}

/** Writes shard k of n of the run into dir; returns its path. */
function writeShard(dir: string, k: number, n: number, record: RunRecord = RUN, rows?: number[]): string {
  const path = `${dir}/shard${k}.tsv`;
  const indices = rows ?? selectIndices(100, 7, -1, { k, n });
  Deno.writeTextFileSync(path, [CERTIFY_SAMPLES_HEADER, ...indices.map(row)].join("\n") + "\n");
  Deno.writeTextFileSync(recordPath(path), JSON.stringify({ ...record, shard: `${k}/${n}` }));
  return path;
}

Deno.test("complete shards of one run merge into the single-process log, with the run's record", () =>
  withTempDir((dir) => {
    const shards = [0, 1, 2].map((k) => writeShard(dir, k, 3));
    const report = mergeShards([shards[2], shards[0], shards[1]], `${dir}/all.tsv`);
    assert.equal(report.rows, 15);
    assert.deepEqual(report.missing, []);
    const single = writeShard(`${dir}`, 9, 10, RUN, selectIndices(100, 7, -1));
    assert.deepEqual(Deno.readTextFileSync(`${dir}/all.tsv`), Deno.readTextFileSync(single));
    assert.deepEqual(readRunRecord(`${dir}/all.tsv`), { ...RUN, shard: "0/1" });
  }));

Deno.test("merge refusals, each named", () =>
  withTempDir((dir) => {
    const out = `${dir}/all.tsv`;
    const refuse = (paths: string[], pattern: RegExp, options = {}) =>
      assert.throws(() => mergeShards(paths, out, options), (e: Error) =>
        e instanceof ShardMergeError && pattern.test(e.message));
    const a = writeShard(dir, 0, 2);
    const b = writeShard(dir, 1, 2);
    // a shard of another sigma
    const other = writeShard(`${dir}`, 1, 2, { ...RUN, sigma: 0.5 });
    refuse([a, other], /belongs to another run[\s\S]*sigma: 0\.25 in .*shard0\.tsv, 0\.5 in .*shard1\.tsv/);
    writeShard(dir, 1, 2);
    // another checkpoint content, another mode
    refuse(
      [a, writeShard(dir, 1, 2, { ...RUN, checkpointSha256: "cd" })],
      /checkpointSha256: "ab" in .*, "cd" in/,
    );
    refuse([a, writeShard(dir, 1, 2, { ...RUN, mode: "fixed" })], /mode: "radii" in .*, "fixed" in/);
    writeShard(dir, 1, 2);
    // a missing shard, a repeated one, shards of different splits
    refuse([a], /shard 1\/2 missing: give all 2 shards/);
    refuse([a, a], /shard 0\/2 is given twice/);
    refuse([a, writeShard(`${dir}`, 1, 3)], /is shard 1\/3, but .* is one of 2/);
    writeShard(dir, 1, 2);
    // a shard cut short (gaps), and rows outside a shard's selection
    const short = writeShard(dir, 1, 2, RUN, selectIndices(100, 7, -1, { k: 1, n: 2 }).slice(0, 3));
    refuse(
      [a, short],
      /shard1\.tsv \(shard 1\/2\) is incomplete: 4 of 7 images missing \(idx 49, 63, 77, 91\)/,
    );
    refuse([a, writeShard(dir, 1, 2, RUN, [7, 8])], /holds rows outside its selection: idx 8/);
    // logs without records
    Deno.removeSync(recordPath(b));
    refuse([a, b], /no parameters file beside .*shard1\.tsv/);
    assert.ok(mergeShards([a, b], out, { unchecked: true }).notes[0].startsWith("unchecked merge"));
  }));

Deno.test("--partial merges what there is and reports what is missing", () =>
  withTempDir((dir) => {
    const a = writeShard(dir, 0, 3);
    const b = writeShard(dir, 1, 3, RUN, selectIndices(100, 7, -1, { k: 1, n: 3 }).slice(1));
    const report = mergeShards([a, b], `${dir}/all.tsv`, { partial: true });
    assert.deepEqual(report.missing, [7, 14, 35, 56, 77, 98]);
    assert.equal(report.notes.length, 2);
    assert.match(report.notes.join("\n"), /shard 2\/3 missing/);
    assert.match(report.notes.join("\n"), /incomplete: 1 of 5 images missing \(idx 7\)/);
  }));

type Damage =
  | { kind: "truncate"; file: number; at: number }
  | { kind: "bytes"; file: number; at: number; bytes: number[] }
  | { kind: "duplicate"; file: number; line: number }
  | { kind: "drop"; file: number; line: number }
  | { kind: "reorder"; file: number; seed: number }
  | { kind: "parameter"; file: number; value: number };

const damageArb: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ kind: fc.constant("truncate" as const), file: fc.nat(2), at: fc.nat(400) }),
  fc.record({
    kind: fc.constant("bytes" as const),
    file: fc.nat(2),
    at: fc.nat(400),
    bytes: fc.array(fc.nat(255), { minLength: 1, maxLength: 6 }),
  }),
  fc.record({ kind: fc.constant("duplicate" as const), file: fc.nat(2), line: fc.nat(20) }),
  fc.record({ kind: fc.constant("drop" as const), file: fc.nat(2), line: fc.nat(20) }),
  fc.record({ kind: fc.constant("reorder" as const), file: fc.nat(2), seed: fc.nat() }),
  fc.record({
    kind: fc.constant("parameter" as const),
    file: fc.nat(2),
    value: fc.constantFrom(0.12, 0.5, 1),
  }),
);

function damage(paths: string[], d: Damage): void {
  const path = paths[d.file];
  const text = Deno.readTextFileSync(path);
  const lines = text.trimEnd().split("\n");
  switch (d.kind) {
    case "truncate":
      Deno.writeTextFileSync(path, text.slice(0, Math.min(d.at, text.length - 1)));
      return;
    case "bytes": {
      const bytes = new TextEncoder().encode(text);
      bytes.set(d.bytes.slice(0, Math.max(0, bytes.length - d.at)), Math.min(d.at, bytes.length));
      Deno.writeFileSync(path, bytes);
      return;
    }
    case "duplicate":
    case "drop": {
      const i = 1 + d.line % Math.max(1, lines.length - 1);
      if (d.kind === "duplicate") lines.splice(i, 0, lines[i]);
      else lines.splice(i, 1);
      Deno.writeTextFileSync(path, lines.join("\n") + "\n");
      return;
    }
    case "reorder": {
      const body = lines.slice(1);
      let s = d.seed;
      for (let i = body.length - 1; i > 0; i--) {
        s = (s * 1103515245 + 12345) >>> 0;
        const j = s % (i + 1);
        [body[i], body[j]] = [body[j], body[i]];
      }
      Deno.writeTextFileSync(path, [lines[0], ...body].join("\n") + "\n");
      return;
    }
    case "parameter": {
      const record = JSON.parse(Deno.readTextFileSync(recordPath(path)));
      Deno.writeTextFileSync(recordPath(path), JSON.stringify({ ...record, sigma: d.value }));
      return;
    }
  }
}

Deno.test("fuzz: damaged shards never crash the merge and are never accepted as a consistent run", async () => {
  await withTempDir((dir) => {
    const full = selectIndices(100, 7, -1);
    const expected = new Map(full.map((i) => [i, row(i)]));
    fc.assert(
      fc.property(fc.array(damageArb, { minLength: 1, maxLength: 3 }), (damages) => {
        const paths = [0, 1, 2].map((k) => writeShard(dir, k, 3));
        for (const d of damages) damage(paths, d);
        const out = `${dir}/merged.tsv`;
        let merged: ReturnType<typeof mergeShards> | null = null;
        try {
          merged = mergeShards(paths, out);
        } catch (e) {
          // a refusal, naming a file: never a TypeError or an unexplained crash
          assert.ok(
            e instanceof ShardMergeError || e instanceof LogFormatError ||
              (e instanceof Error && /shard\d\.tsv/.test(e.message)),
            `unexpected ${(e as Error).name}: ${(e as Error).message}`,
          );
          return;
        }
        // Accepted: it must be the complete run under the run's parameters. (A byte flipped inside a
        // field, a radius digit say, leaves a valid row that no merge can tell from the original.)
        assert.equal(merged.rows, full.length);
        const rows = readLog(out).rows;
        assert.deepEqual(rows.map((r) => r.idx), full);
        assert.equal(readRunRecord(out)!.sigma, RUN.sigma);
        assert.ok(damages.every((d) => d.kind === "reorder" || d.kind === "bytes" || d.kind === "truncate"));
        if (damages.every((d) => d.kind !== "bytes")) {
          for (const r of rows) {
            assert.equal(r.text, expected.get(r.idx), `idx ${r.idx} altered yet accepted`);
          }
        }
      }),
      { seed: 99, numRuns: 300 },
    );
  });
});
