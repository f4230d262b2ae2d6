/**
 * A sweep's progress from its shard logs: images done of each selection, complete / running /
 * partial / pending shards, seconds per image from the time column, the ETA, and the status table.
 */
import assert from "node:assert/strict";
import { sweepTasks } from "../../smoothing/sweep.ts";
import { formatDuration, formatProgress, sweepProgress } from "../../smoothing/sweep_status.ts";
import { definition, lockShard, RECORD, withDir, writeShardLog, writeTestSweep } from "./sweep_fixture.ts";

Deno.test("before any record the totals are unknown, and so is the ETA", () =>
  withDir(async (dir) => {
    const def = definition();
    writeTestSweep(dir, def);
    const p = await sweepProgress(dir, def);
    assert.equal(p.tasks.length, 6);
    assert.ok(p.tasks.every((t) => t.state === "pending" && t.total === null));
    assert.equal(p.total, null);
    const text = formatProgress(p);
    assert.match(text, /^checkpoint\s+sigma\s+images\s+shards done\s+running\s+s\/image\s+eta\n/);
    assert.match(text, /a\s+0\.25\s+0\/\?\s+0\/3\s+0\s+\?\s+\?\n/);
    assert.match(text, /all: 0\/\? images; no estimate until a shard has logged an image\n$/);
  }));

Deno.test("done / total per (checkpoint, sigma), shard states, seconds per image and the ETA", () =>
  withDir(async (dir) => {
    const def = definition();
    writeTestSweep(dir, def);
    const t = sweepTasks(dir, def);
    // sigma 0.25: shard 0 complete (9 images), shard 1 running with 3 of 8, shard 2 not started
    writeShardLog(t[0], 9, 2);
    writeShardLog(t[1], 3, 4);
    const live = await lockShard(t[1], Deno.pid);
    // sigma 0.5: shard 0 cut short (cancelled: its lock released), the others complete
    writeShardLog(t[3], 5, 1);
    writeShardLog(t[4], 8, 1);
    writeShardLog(t[5], 8, 1);
    const p = await sweepProgress(dir, def);
    assert.deepEqual(p.tasks.map((x) => x.state), [
      "complete",
      "running",
      "pending",
      "partial",
      "complete",
      "complete",
    ]);
    assert.deepEqual(p.tasks.map((x) => x.total), [9, 8, 8, 9, 8, 8]);
    const [g25, g50] = p.groups;
    assert.equal(g25.done, 12);
    assert.equal(g25.total, 25);
    assert.equal(g25.complete, 1);
    assert.equal(g25.running, 1);
    // (9 * 2 + 3 * 4) s over 12 images
    assert.equal(g25.secondsPerImage, 2.5);
    // 5 + 8 images left; the longest shard, 8 images, bounds the ETA when all run at once
    assert.equal(g25.workLeft, 13 * 2.5);
    assert.equal(g25.eta, 8 * 2.5);
    assert.equal(g50.done, 21);
    assert.equal(g50.secondsPerImage, 1);
    assert.equal(g50.eta, 4);
    assert.equal(p.done, 33);
    assert.equal(p.total, 50);
    assert.equal(p.workLeft, 32.5 + 4);
    assert.equal(p.eta, 20);
    const text = formatProgress(p);
    assert.match(text, /a\s+0\.25\s+12\/25 \(48%\)\s+1\/3\s+1\s+2\.50\s+20 s\n/);
    assert.match(text, /a\s+0\.5\s+21\/25 \(84%\)\s+2\/3\s+0\s+1\.00\s+4 s\n/);
    assert.match(
      text,
      /all: 33\/50 \(66%\) images; 37 s of process time left, 20 s if every unfinished shard/,
    );
    // a held lock whose file nobody can read is reported with its shard
    const held = await lockShard(t[3], Deno.pid);
    Deno.writeTextFileSync(`${t[3].out}.lock`, "{");
    assert.match(
      formatProgress(await sweepProgress(dir, def)),
      /task 3 \(.*shard_0_of_3\.tsv\): unreadable lock\n/,
    );
    held?.release();
    live?.release();
  }));

Deno.test("a finished sweep says so; a log of another shard is reported, not counted", () =>
  withDir(async (dir) => {
    const def = definition(1);
    writeTestSweep(dir, def);
    const [a, b] = sweepTasks(dir, def);
    writeShardLog(a, 25);
    writeShardLog(b, 25);
    assert.match(
      formatProgress(await sweepProgress(dir, def)),
      /all: 50\/50 \(100%\) images, every shard complete\n$/,
    );
    Deno.writeTextFileSync(`${b.out}.params.json`, JSON.stringify({ ...RECORD, shard: "1/2" }));
    const p = await sweepProgress(dir, def);
    assert.equal(p.tasks[1].done, 0);
    assert.notEqual(p.tasks[1].state, "complete");
    assert.match(formatProgress(p), /task 1 .*records shard 1\/2, not 0\/1/);
  }));

Deno.test("durations read as seconds, minutes, hours or days", () => {
  assert.equal(formatDuration(42), "42 s");
  assert.equal(formatDuration(210), "3.5 min");
  assert.equal(formatDuration(7560), "2.1 h");
  assert.equal(formatDuration(3 * 86400), "3.0 d");
});
