/**
 * Run records and output locks: a log is only appended to by the run that wrote it, and by one process
 * at a time (the lock is an flock, which the kernel drops when its process dies).
 */
import assert from "node:assert/strict";
import { hostname } from "node:os";
import { lockHolder, OutputLock, OutputLockedError } from "../../smoothing/output_lock.ts";
import {
  checkRunRecord,
  openRunOutput,
  readRunRecord,
  recordDifferences,
  recordPath,
  RunMismatchError,
} from "../../smoothing/run_record.ts";
import { CertLogWriter } from "../../smoothing/log.ts";
import { withTempDir } from "../helpers.ts";

const RECORD = {
  dataset: "mnist",
  sigma: 0.25,
  N: 1000,
  max: 500,
  checkpointPath: "models/a",
  checkpointSha256: "ab",
};

Deno.test("a new log gets its record; the same run passes; another run is refused naming each difference", () =>
  withTempDir((dir) => {
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
  withTempDir((dir) => {
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
  withTempDir((dir) => {
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
  withTempDir(async (dir) => {
    const out = `${dir}/log.tsv`;
    const lock = await OutputLock.acquire(out);
    await assert.rejects(
      () => OutputLock.acquire(out),
      (e: Error) => e instanceof OutputLockedError && e.message.includes(`pid ${Deno.pid} on ${hostname()}`),
    );
    lock.release();
    lock.release();
    (await OutputLock.acquire(out)).release();
    assert.throws(() => Deno.statSync(`${out}.lock`), Deno.errors.NotFound);
  }));

/**
 * A process that holds the flock of `path` (util-linux flock; -o keeps the lock out of its `sleep`
 * child, so killing flock lets go of it), as a running certify would.
 */
async function holder(path: string): Promise<Deno.ChildProcess> {
  const child = new Deno.Command("flock", {
    args: ["-x", "-o", path, "sleep", "60"],
    stdout: "null",
    stderr: "null",
  }).spawn();
  // wait until it holds the lock (our lockHolder sees it taken)
  for (let i = 0; i < 100 && !(await lockHolder(path.replace(/\.lock$/, "")))?.stale === false; i++) {
    await new Promise((r) => setTimeout(r, 50));
  }
  return child;
}

Deno.test("a lock file whose flock is free (its run was killed) is taken over at once", () =>
  withTempDir(async (dir) => {
    const out = `${dir}/log.tsv`;
    Deno.writeTextFileSync(
      `${out}.lock`,
      JSON.stringify({ pid: 999999, host: "gone", since: "then" }) + "\n",
    );
    assert.deepEqual(await lockHolder(out), {
      owner: { pid: 999999, host: "gone", since: "then" },
      stale: true,
    });
    const lock = await OutputLock.acquire(out);
    assert.equal(JSON.parse(Deno.readTextFileSync(`${out}.lock`)).pid, Deno.pid);
    lock.release();
    assert.equal(await lockHolder(out), null);
  }));

Deno.test("a lock held by another process is refused until that process ends", () =>
  withTempDir(async (dir) => {
    const out = `${dir}/log.tsv`;
    Deno.writeTextFileSync(`${out}.lock`, JSON.stringify({ pid: 4242, host: "node7", since: "t" }) + "\n");
    const other = await holder(`${out}.lock`);
    assert.equal((await lockHolder(out))?.stale, false);
    await assert.rejects(
      () => OutputLock.acquire(out),
      /pid 4242 on node7, since t\); wait for it to finish/,
    );
    Deno.writeTextFileSync(`${out}.lock`, "garbage");
    await assert.rejects(() => OutputLock.acquire(out), /its lock file .*log\.tsv\.lock does not say which/);
    other.kill("SIGKILL");
    await other.status;
    (await OutputLock.acquire(out)).release();
  }));

Deno.test("openRunOutput takes the lock, checks the record against the rows, and lets go on failure", () =>
  withTempDir(async (dir) => {
    const out = `${dir}/sub/log.tsv`;
    const a = await openRunOutput(out, RECORD, () => CertLogWriter.open(out));
    a.writer.append({ idx: 3, label: 1, predict: 1, radius: 0.5, seconds: 1 });
    await assert.rejects(() => openRunOutput(out, RECORD, () => CertLogWriter.open(out)), OutputLockedError);
    a.close();
    Deno.removeSync(recordPath(out));
    await assert.rejects(() => openRunOutput(out, RECORD, () => CertLogWriter.open(out)), /holds 1 row\(s\)/);
    // the failed attempt released its lock
    assert.throws(() => Deno.statSync(`${out}.lock`), Deno.errors.NotFound);
  }));
