/**
 * Run records and output locks: a log is only appended to by the run that wrote it, and by one process
 * at a time.
 */
import assert from "node:assert/strict";
import { hostname } from "node:os";
import { OutputLock, OutputLockedError } from "../../smoothing/output_lock.ts";
import {
  checkRunRecord,
  openRunOutput,
  readRunRecord,
  recordDifferences,
  recordPath,
  RunMismatchError,
} from "../../smoothing/run_record.ts";
import { CertLogWriter } from "../../smoothing/log.ts";

const RECORD = {
  dataset: "mnist",
  sigma: 0.25,
  N: 1000,
  max: 500,
  checkpointPath: "models/a",
  checkpointSha256: "ab",
};

async function withDir(fn: (dir: string) => void | Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir();
  try {
    await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("a new log gets its record; the same run passes; another run is refused naming each difference", () =>
  withDir((dir) => {
    const out = `${dir}/log.tsv`;
    checkRunRecord(out, RECORD, 0);
    assert.deepEqual(readRunRecord(out), RECORD);
    checkRunRecord(out, RECORD, 10);
    // the path a checkpoint was given by is informational: its content hash is what counts
    checkRunRecord(out, { ...RECORD, checkpointPath: "./models/a" }, 10);
    assert.throws(
      () => checkRunRecord(out, { ...RECORD, sigma: 0.5, checkpointSha256: "cd" }, 10),
      (e: Error) =>
        e instanceof RunMismatchError && /sigma: 0\.25 in the log, 0\.5 now/.test(e.message) &&
        /checkpointSha256: "ab" in the log, "cd" now/.test(e.message),
    );
    assert.throws(
      () => checkRunRecord(out, { ...RECORD, extra: 1 }, 10),
      /extra: \(none\) in the log, 1 now/,
    );
  }));

Deno.test("a log with rows but no record is refused; an empty one is adopted", () =>
  withDir((dir) => {
    const out = `${dir}/log.tsv`;
    assert.throws(
      () => checkRunRecord(out, RECORD, 3),
      /holds 3 row\(s\) but .*log\.tsv\.params\.json is missing/,
    );
    checkRunRecord(out, RECORD, 0);
    assert.ok(readRunRecord(out));
    Deno.writeTextFileSync(recordPath(out), "{not json");
    assert.throws(() => readRunRecord(out), /malformed run parameters/);
  }));

Deno.test("a growable key may grow (the record follows) but not shrink", () =>
  withDir((dir) => {
    const out = `${dir}/log.tsv`;
    checkRunRecord(out, RECORD, 0, { growable: ["max"] });
    checkRunRecord(out, { ...RECORD, max: 800 }, 5, { growable: ["max"] });
    assert.equal(readRunRecord(out)!.max, 800);
    checkRunRecord(out, { ...RECORD, max: -1 }, 5, { growable: ["max"] });
    assert.equal(readRunRecord(out)!.max, -1);
    assert.throws(
      () => checkRunRecord(out, { ...RECORD, max: 700 }, 5, { growable: ["max"] }),
      /max: -1 in the log, 700 now/,
    );
  }));

Deno.test("recordDifferences compares values, not key order or spelling of numbers", () => {
  assert.deepEqual(recordDifferences({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1.0 }), []);
  assert.deepEqual(recordDifferences({ a: 1 }, { a: 2 }, [], ["in A", "in B"]), ["a: 1 in A, 2 in B"]);
});

Deno.test("an output lock refuses a second writer, names the owner, and is released", () =>
  withDir((dir) => {
    const out = `${dir}/log.tsv`;
    const lock = OutputLock.acquire(out);
    assert.throws(
      () => OutputLock.acquire(out),
      (e: Error) => e instanceof OutputLockedError && e.message.includes(`pid ${Deno.pid} on ${hostname()}`),
    );
    lock.release();
    lock.release();
    OutputLock.acquire(out).release();
    assert.throws(() => Deno.statSync(`${out}.lock`), Deno.errors.NotFound);
  }));

Deno.test("a lock left by a dead process is taken over; one of another host is reported", async () => {
  await withDir(async (dir) => {
    const out = `${dir}/log.tsv`;
    const child = new Deno.Command("true").spawn();
    const dead = child.pid;
    await child.status;
    Deno.writeTextFileSync(
      `${out}.lock`,
      JSON.stringify({ pid: dead, host: hostname(), start: null, since: "x" }) + "\n",
    );
    const lock = OutputLock.acquire(out);
    assert.equal(JSON.parse(Deno.readTextFileSync(`${out}.lock`)).pid, Deno.pid);
    lock.release();
    // our own pid with another start time: the pid was reused by another process
    Deno.writeTextFileSync(
      `${out}.lock`,
      JSON.stringify({ pid: Deno.pid, host: hostname(), start: 1, since: "x" }) + "\n",
    );
    OutputLock.acquire(out).release();
    Deno.writeTextFileSync(
      `${out}.lock`,
      JSON.stringify({ pid: dead, host: "elsewhere", start: null, since: "x" }) + "\n",
    );
    assert.throws(
      () => OutputLock.acquire(out),
      /pid \d+ on elsewhere.*delete .*log\.tsv\.lock if that run is gone/,
    );
    Deno.writeTextFileSync(`${out}.lock`, "garbage");
    assert.throws(() => OutputLock.acquire(out), /whose owner cannot be read/);
  });
});

Deno.test("openRunOutput takes the lock, checks the record against the rows, and lets go on failure", () =>
  withDir((dir) => {
    const out = `${dir}/sub/log.tsv`;
    const a = openRunOutput(out, RECORD, () => CertLogWriter.open(out));
    a.writer.append({ idx: 3, label: 1, predict: 1, radius: 0.5, seconds: 1 });
    assert.throws(() => openRunOutput(out, RECORD, () => CertLogWriter.open(out)), OutputLockedError);
    a.close();
    Deno.removeSync(recordPath(out));
    assert.throws(() => openRunOutput(out, RECORD, () => CertLogWriter.open(out)), /holds 1 row\(s\)/);
    // the failed attempt released its lock
    assert.throws(() => Deno.statSync(`${out}.lock`), Deno.errors.NotFound);
  }));
