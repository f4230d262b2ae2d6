/**
 * What a log was written with, kept beside it as `OUT.params.json`: every parameter that shapes its
 * rows, the checkpoint's content hash and the data's identity. A run that appends to a log (resume)
 * must bring the same record; a log with rows but no record is refused, since nothing tells which run
 * wrote those rows. Merging shards compares their records the same way.
 */
import { dirname } from "node:path";
import { LogFormatError, readLog, writeFileAtomic } from "./log.ts";
import { OutputLock } from "./output_lock.ts";

/** JSON values a record holds. */
export type RecordValue = string | number | boolean | null | readonly number[];
export type RunRecord = Readonly<Record<string, RecordValue>>;

/** A log that belongs to another run, or whose run cannot be told. */
export class RunMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RunMismatchError";
  }
}

export function recordPath(out: string): string {
  return `${out}.params.json`;
}

const show = (v: unknown) => v === undefined ? "(none)" : JSON.stringify(v);

/**
 * The differences between two records as "key: A in the log, B now", leaving out `ignore`d keys
 * (informational ones, such as the path a checkpoint was given as).
 */
export function recordDifferences(
  before: RunRecord,
  now: RunRecord,
  ignore: readonly string[] = [],
  labels: readonly [string, string] = ["in the log", "now"],
): string[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(now)])].filter((k) => !ignore.includes(k));
  return keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(now[k])).map((k) =>
    `${k}: ${show(before[k])} ${labels[0]}, ${show(now[k])} ${labels[1]}`
  );
}

/** The record beside `out`, or null when there is none; a malformed one is an error naming it. */
export function readRunRecord(out: string): RunRecord | null {
  const path = recordPath(out);
  let text: string;
  try {
    text = Deno.readTextFileSync(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return null;
    throw new Error(`${path}: unreadable run parameters: ${(e as Error).message}`);
  }
  try {
    const value = JSON.parse(text);
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      throw new Error("not a JSON object");
    }
    return value as RunRecord;
  } catch (e) {
    throw new Error(`${path}: malformed run parameters (${(e as Error).message})`);
  }
}

/** Keys recorded for information only: the same checkpoint may be given by other paths. */
export const INFORMATIONAL_KEYS = ["checkpointPath"] as const;

/** -1 stands for "no limit" in a growable key (the images below --max, say). */
function grows(before: RecordValue, now: RecordValue): boolean {
  return typeof before === "number" && typeof now === "number" && before >= 0 && (now < 0 || now > before);
}

/**
 * Before appending to `out`: the record beside it must equal `params` (informational keys aside), or,
 * for a log without rows, is written now. `rows` is the number of rows the log already holds. Keys in
 * `growable` may grow (a run extended to more images): the record is then rewritten with the new value.
 */
export function checkRunRecord(
  out: string,
  params: RunRecord,
  rows: number,
  options: { option?: string; growable?: readonly string[] } = {},
): void {
  const option = options.option ?? "--out";
  const growable = options.growable ?? [];
  const before = readRunRecord(out);
  if (before === null) {
    if (rows > 0) {
      throw new RunMismatchError(
        `${out} holds ${rows} row(s) but ${recordPath(out)} is missing, so nothing tells which run wrote ` +
          `them; restore that file, or use another ${option}`,
      );
    }
    writeFileAtomic(recordPath(out), JSON.stringify(params, null, 1) + "\n");
    return;
  }
  const grown = growable.filter((k) => grows(before[k], params[k]));
  const diff = recordDifferences(before, params, [...INFORMATIONAL_KEYS, ...grown]);
  if (diff.length > 0) {
    throw new RunMismatchError(
      `${out} was written with other parameters; use another ${option} or the same settings:\n  ${
        diff.join("\n  ")
      }`,
    );
  }
  if (grown.length > 0) {
    const updated = { ...before, ...Object.fromEntries(grown.map((k) => [k, params[k]])) };
    writeFileAtomic(recordPath(out), JSON.stringify(updated, null, 1) + "\n");
  }
}

/** Rows already in a log: 0 when it does not exist or holds an interrupted header write. */
function existingRows(out: string): number {
  try {
    return readLog(out).rows.length;
  } catch (e) {
    if (
      e instanceof LogFormatError && e.line === 1 && /no complete header line|file is empty/.test(e.message)
    ) return 0;
    if (e instanceof Error && /no such log file/.test(e.message)) return 0;
    throw e;
  }
}

/** A log opened for appending under its lock, after its record was checked (or written). */
export interface RunOutput<W extends { close(): void }> {
  writer: W;
  lock: OutputLock;
  /** Closes the writer and releases the lock. */
  close(): void;
}

/**
 * Opens `out` for a run with parameters `record`: creates its directory, takes its lock, checks the
 * record against the rows already there (see checkRunRecord) and opens the writer. On any failure the
 * lock is released again.
 */
export async function openRunOutput<W extends { close(): void }>(
  out: string,
  record: RunRecord,
  open: () => W,
  options: { option?: string; growable?: readonly string[] } = {},
): Promise<RunOutput<W>> {
  Deno.mkdirSync(dirname(out), { recursive: true });
  const lock = await OutputLock.acquire(out);
  try {
    checkRunRecord(out, record, existingRows(out), options);
    const writer = open();
    return {
      writer,
      lock,
      close: () => {
        try {
          writer.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (e) {
    lock.release();
    throw e;
  }
}
