/**
 * The reference certification and prediction logs (certify.py / predict.py of Cohen et al. 2019,
 * also used by SmoothAdv): tab-separated, one row per image, appended and flushed row by row so
 * that an interrupted run can resume after its last complete row.
 *
 *   certify: idx  label  predict  radius  correct  time     e.g. 1  8  8  0.36  1  0:00:13.996586
 *   predict: idx  label  predict  correct  time
 *   predict under attack (SmoothAdv's predict.py): idx  label  predict  basePredict  correct  time
 *
 * The sequential certification modes add a last column, `samples` (noisy samples the image used),
 * after the reference columns, so the reference's analysis scripts read those logs unchanged.
 *
 * radius is '{:.3}'.format(r), time is str(timedelta), correct = 1 iff predict == label (an
 * abstention, predict = -1, counts as wrong). Readers also accept radii with more digits and
 * times given as float seconds (as in some released logs).
 */
import { formatRadius, formatTimedelta, parseElapsed } from "./pyformat.ts";

export { formatPythonGeneral, formatRadius, formatTimedelta, parseElapsed } from "./pyformat.ts";

export type LogKind = "certify" | "predict";

export const CERTIFY_HEADER = "idx\tlabel\tpredict\tradius\tcorrect\ttime";
export const CERTIFY_SAMPLES_HEADER = `${CERTIFY_HEADER}\tsamples`;
export const PREDICT_HEADER = "idx\tlabel\tpredict\tcorrect\ttime";
/** SmoothAdv's predict.py: the base classifier's own class on the (attacked) image after `predict`. */
export const PREDICT_BASE_HEADER = "idx\tlabel\tpredict\tbasePredict\tcorrect\ttime";

/**
 * The layouts: a kind, for certification logs whether the samples column follows, for prediction
 * logs whether the basePredict column is there.
 */
export type LogFormat = "certify" | "certify+samples" | "predict" | "predict+base";

const HEADERS: Record<LogFormat, string> = {
  certify: CERTIFY_HEADER,
  "certify+samples": CERTIFY_SAMPLES_HEADER,
  predict: PREDICT_HEADER,
  "predict+base": PREDICT_BASE_HEADER,
};

function kindOf(format: LogFormat): LogKind {
  return format === "predict" || format === "predict+base" ? "predict" : "certify";
}

/** One row of a prediction log (and the common part of a certification row). */
export interface PredictRow {
  idx: number;
  label: number;
  /** predicted class, -1 for an abstention */
  predict: number;
  correct: boolean;
  /** wall-clock seconds the image took */
  seconds: number;
  /** the base classifier's class (logs with the basePredict column only) */
  basePredict?: number;
  /** 1-based line number in the file it was read from (0 for rows not read from a file) */
  line: number;
  /** the row as written, without its newline, so that merging copies rows verbatim */
  text: string;
}

/** One row of a certification log. */
export interface CertifyRow extends PredictRow {
  /** certified l2 radius, 0 for an abstention */
  radius: number;
  /** noisy samples the image used (logs of the sequential modes only) */
  samples?: number;
}

interface LogBase {
  path: string;
  format: LogFormat;
  /** a trailing line without a newline (an interrupted write), ignored; null when none */
  partialTail: string | null;
  /** bytes up to and including the last complete line */
  completeBytes: number;
}

export interface CertifyLog extends LogBase {
  kind: "certify";
  rows: CertifyRow[];
}

export interface PredictLog extends LogBase {
  kind: "predict";
  rows: PredictRow[];
}

export type AnyLog = CertifyLog | PredictLog;

/** A malformed log: the message names the file and line. */
export class LogFormatError extends Error {
  constructor(readonly path: string, readonly line: number, detail: string) {
    super(line > 0 ? `${path}:${line}: ${detail}` : `${path}: ${detail}`);
    this.name = "LogFormatError";
  }
}

/** A log with a header but no rows, where rows are needed. */
export class EmptyLogError extends Error {
  constructor(readonly path: string) {
    super(`${path}: header only, no rows`);
    this.name = "EmptyLogError";
  }
}

// ---------------------------------------------------------------------------------------------
// Formatting.

/** What CERTIFY produced for one image. */
export interface CertifyResult {
  idx: number;
  label: number;
  /** class, or -1 to abstain */
  predict: number;
  /** certified radius, 0 when abstaining */
  radius: number;
  seconds: number;
  /** noisy samples used: written as the last column when given */
  samples?: number;
}

/** What PREDICT produced for one image. */
export interface PredictResult {
  idx: number;
  label: number;
  predict: number;
  seconds: number;
  /** the base classifier's class: written after predict when given */
  basePredict?: number;
}

function checkInteger(value: number, name: string, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`${name} must be an integer >= ${min}, got ${value}`);
  }
}

function checkResult(result: PredictResult): void {
  checkInteger(result.idx, "idx", 0);
  checkInteger(result.label, "label", 0);
  checkInteger(result.predict, "predict", -1);
}

/** A certification log row exactly as certify.py prints it (without the newline). */
export function formatCertifyRow(result: CertifyResult): string {
  checkResult(result);
  const correct = result.predict === result.label ? 1 : 0;
  const fields = [
    result.idx,
    result.label,
    result.predict,
    formatRadius(result.radius),
    correct,
    formatTimedelta(result.seconds),
  ];
  if (result.samples !== undefined) {
    checkInteger(result.samples, "samples", 1);
    fields.push(result.samples);
  }
  return fields.join("\t");
}

/**
 * A prediction log row exactly as predict.py prints it (without the newline): Cohen et al.'s columns,
 * or SmoothAdv's with basePredict when the result has one.
 */
export function formatPredictRow(result: PredictResult): string {
  checkResult(result);
  const correct = result.predict === result.label ? 1 : 0;
  const base = result.basePredict === undefined ? [] : [result.basePredict];
  if (result.basePredict !== undefined) checkInteger(result.basePredict, "basePredict", 0);
  return [result.idx, result.label, result.predict, ...base, correct, formatTimedelta(result.seconds)].join(
    "\t",
  );
}

// ---------------------------------------------------------------------------------------------
// Parsing.

const INTEGER = /^-?\d+$/;
const DECIMAL = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function parseIntField(text: string, name: string, min: number, path: string, line: number): number {
  const value = Number(text);
  if (!INTEGER.test(text) || !Number.isSafeInteger(value) || value < min) {
    throw new LogFormatError(path, line, `${name} must be an integer >= ${min}, got '${text}'`);
  }
  return value;
}

function parseRow(format: LogFormat, text: string, path: string, line: number): CertifyRow | PredictRow {
  const kind = kindOf(format);
  const fields = text.split("\t");
  const expected = HEADERS[format].split("\t").length;
  if (fields.length !== expected) {
    throw new LogFormatError(
      path,
      line,
      `expected ${expected} tab-separated fields (${
        HEADERS[format].replaceAll("\t", " ")
      }), got ${fields.length}`,
    );
  }
  const idx = parseIntField(fields[0], "idx", 0, path, line);
  const label = parseIntField(fields[1], "label", 0, path, line);
  const predict = parseIntField(fields[2], "predict", -1, path, line);
  // certify's radius and predict+base's basePredict both sit between predict and correct
  const shifted = format !== "predict";
  const correctText = fields[shifted ? 4 : 3];
  if (correctText !== "0" && correctText !== "1") {
    throw new LogFormatError(path, line, `correct must be 0 or 1, got '${correctText}'`);
  }
  const correct = correctText === "1";
  if (correct !== (predict === label)) {
    throw new LogFormatError(
      path,
      line,
      `correct is ${correctText} but predict (${predict}) ${correct ? "!=" : "=="} label (${label})`,
    );
  }
  const timeText = fields[shifted ? 5 : 4];
  const seconds = parseElapsed(timeText);
  if (seconds === null) {
    throw new LogFormatError(path, line, `time must be H:MM:SS[.ffffff] or seconds, got '${timeText}'`);
  }
  const row: PredictRow = { idx, label, predict, correct, seconds, line, text };
  if (format === "predict+base") {
    return { ...row, basePredict: parseIntField(fields[3], "basePredict", 0, path, line) };
  }
  if (kind === "predict") return row;
  const radiusText = fields[3];
  const radius = Number(radiusText);
  if (!DECIMAL.test(radiusText) || !Number.isFinite(radius)) {
    throw new LogFormatError(path, line, `radius must be a number >= 0, got '${radiusText}'`);
  }
  if (format === "certify+samples") {
    return { ...row, radius, samples: parseIntField(fields[6], "samples", 1, path, line) };
  }
  return { ...row, radius };
}

/**
 * Parses a log's text. The kind comes from the header; a trailing line without a newline is an
 * interrupted write and is left out (reported as partialTail). Duplicate idx values are an error.
 */
export function parseLog(text: string, path: string): AnyLog {
  const bytes = new TextEncoder();
  const lastNewline = text.lastIndexOf("\n");
  if (lastNewline < 0) {
    throw new LogFormatError(
      path,
      1,
      text === "" ? "file is empty (no header line)" : "no complete header line",
    );
  }
  const partialTail = lastNewline === text.length - 1 ? null : text.slice(lastNewline + 1);
  const lines = text.slice(0, lastNewline).split("\n").map((l) => l.endsWith("\r") ? l.slice(0, -1) : l);
  const header = lines[0].replace(/^\uFEFF/, "");
  const format = (Object.keys(HEADERS) as LogFormat[]).find((k) => HEADERS[k] === header);
  if (format === undefined) {
    throw new LogFormatError(
      path,
      1,
      `header must be '${CERTIFY_HEADER.replaceAll("\t", "<tab>")}' (optionally followed by <tab>samples), '${
        PREDICT_HEADER.replaceAll("\t", "<tab>")
      }' or '${PREDICT_BASE_HEADER.replaceAll("\t", "<tab>")}', got '${header.replaceAll("\t", "<tab>")}'`,
    );
  }
  const kind = kindOf(format);
  const rows: PredictRow[] = [];
  const firstLine = new Map<number, number>();
  for (let i = 1; i < lines.length; i++) {
    if (lines[i] === "" && i === lines.length - 1) continue;
    const row = parseRow(format, lines[i], path, i + 1);
    const seen = firstLine.get(row.idx);
    if (seen !== undefined) {
      throw new LogFormatError(path, i + 1, `duplicate idx ${row.idx} (first on line ${seen})`);
    }
    firstLine.set(row.idx, i + 1);
    rows.push(row);
  }
  const completeBytes = bytes.encode(text.slice(0, lastNewline + 1)).length;
  return kind === "certify"
    ? { kind, format, path, rows: rows as CertifyRow[], partialTail, completeBytes }
    : { kind: "predict", format, path, rows, partialTail, completeBytes };
}

function readText(path: string): string {
  try {
    return Deno.readTextFileSync(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) throw new Error(`${path}: no such log file`);
    throw error;
  }
}

/** Reads a certification or prediction log (complete rows only). */
export function readLog(path: string): AnyLog {
  return parseLog(readText(path), path);
}

/** Reads a certification log; a prediction log is an error naming the file. */
export function readCertifyLog(path: string): CertifyLog {
  const log = readLog(path);
  if (log.kind !== "certify") {
    throw new LogFormatError(
      path,
      1,
      "this is a prediction log (no radius column); a certification log is needed",
    );
  }
  return log;
}

/** The rows already present in a log, ignoring a trailing partial line (for resuming). */
export function readCompleteRows(path: string): CertifyRow[] | PredictRow[] {
  return readLog(path).rows;
}

/** The rows of a certification log, or EmptyLogError when it holds only its header. */
export function requireRows(log: CertifyLog): CertifyRow[] {
  if (log.rows.length === 0) throw new EmptyLogError(log.path);
  return log.rows;
}

// ---------------------------------------------------------------------------------------------
// Writing.

function writeAll(file: Deno.FsFile, data: Uint8Array): void {
  let offset = 0;
  while (offset < data.length) offset += file.writeSync(data.subarray(offset));
}

function exists(path: string): boolean {
  try {
    Deno.statSync(path);
    return true;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return false;
    throw error;
  }
}

/**
 * Opens a log for appending: creates it with its header, or resumes an existing one after its
 * last complete row, cutting away a partial line left by an interrupted write.
 */
function openForAppend(path: string, format: LogFormat): { file: Deno.FsFile; rows: PredictRow[] } {
  const header = HEADERS[format];
  let rows: PredictRow[] = [];
  if (exists(path)) {
    const text = readText(path);
    // An interrupted header write leaves a prefix of the header: start over.
    if (!text.includes("\n") && header.startsWith(text)) {
      Deno.truncateSync(path, 0);
    } else {
      const log = parseLog(text, path);
      if (log.kind !== kindOf(format)) {
        throw new LogFormatError(path, 1, `is a ${log.kind} log, cannot append ${kindOf(format)} rows to it`);
      }
      if (log.format !== format) {
        throw new LogFormatError(
          path,
          1,
          log.format === "certify"
            ? "is a fixed-N certification log (no samples column), cannot append sequential-mode rows to it"
            : log.format === "certify+samples"
            ? "is a sequential-mode certification log (with a samples column), cannot append fixed-N rows to it"
            : log.format === "predict"
            ? "is a prediction log without attack (no basePredict column), cannot append rows of an attack to it"
            : "is a prediction log under attack (basePredict column), cannot append rows without one to it",
        );
      }
      if (log.partialTail !== null) Deno.truncateSync(path, log.completeBytes);
      rows = log.rows;
    }
  }
  const file = Deno.openSync(path, { append: true, create: true });
  if (rows.length === 0 && Deno.statSync(path).size === 0) {
    writeAll(file, new TextEncoder().encode(header + "\n"));
  }
  return { file, rows };
}

abstract class LogWriter<Row extends PredictRow, Result extends PredictResult> {
  readonly #file: Deno.FsFile;
  readonly #done: Set<number>;
  readonly #encoder = new TextEncoder();
  /** rows that were already in the file when it was opened */
  readonly existing: readonly Row[];

  protected constructor(readonly path: string, format: LogFormat) {
    const { file, rows } = openForAppend(path, format);
    this.#file = file;
    this.existing = rows as Row[];
    this.#done = new Set(rows.map((r) => r.idx));
  }

  protected abstract format(result: Result): string;

  /** Whether a row for this image index is already in the log. */
  has(idx: number): boolean {
    return this.#done.has(idx);
  }

  /** Number of rows in the log. */
  get size(): number {
    return this.#done.size;
  }

  /** Appends one row with a single write, so the file never holds half a row after a crash. */
  append(result: Result): void {
    const line = this.format(result);
    if (this.#done.has(result.idx)) throw new Error(`${this.path}: idx ${result.idx} is already in the log`);
    try {
      writeAll(this.#file, this.#encoder.encode(line + "\n"));
    } catch (e) {
      // a full disk or a vanished mount: say which file, and that the rows before this one are kept
      throw new Error(`${this.path}: writing the row of idx ${result.idx} failed: ${(e as Error).message}`);
    }
    this.#done.add(result.idx);
  }

  close(): void {
    this.#file.close();
  }

  [Symbol.dispose](): void {
    this.close();
  }
}

/**
 * Appends certification rows in the reference format (with the samples column when `samples` is set);
 * resumes an existing log of the same format.
 */
export class CertLogWriter extends LogWriter<CertifyRow, CertifyResult> {
  private constructor(path: string, private readonly samples: boolean) {
    super(path, samples ? "certify+samples" : "certify");
  }

  static open(path: string, options: { samples?: boolean } = {}): CertLogWriter {
    return new CertLogWriter(path, options.samples ?? false);
  }

  protected format(result: CertifyResult): string {
    if ((result.samples !== undefined) !== this.samples) {
      throw new Error(`${this.path}: rows of this log ${this.samples ? "need" : "have no"} a samples count`);
    }
    return formatCertifyRow(result);
  }
}

/**
 * Appends prediction rows in the reference format (with the basePredict column when `basePredict` is
 * set); resumes an existing log of the same format.
 */
export class PredictLogWriter extends LogWriter<PredictRow, PredictResult> {
  private constructor(path: string, private readonly basePredict: boolean) {
    super(path, basePredict ? "predict+base" : "predict");
  }

  static open(path: string, options: { basePredict?: boolean } = {}): PredictLogWriter {
    return new PredictLogWriter(path, options.basePredict ?? false);
  }

  protected format(result: PredictResult): string {
    if ((result.basePredict !== undefined) !== this.basePredict) {
      throw new Error(
        `${this.path}: rows of this log ${this.basePredict ? "need" : "have no"} a basePredict`,
      );
    }
    return formatPredictRow(result);
  }
}

/** Writes a whole file through a temporary sibling and a rename, so readers never see half of it. */
export function writeFileAtomic(path: string, text: string): void {
  const slash = path.lastIndexOf("/");
  const dir = slash >= 0 ? path.slice(0, slash + 1) : "";
  const name = path.slice(slash + 1);
  const temp = `${dir}.${name}.${Deno.pid}.${crypto.randomUUID().slice(0, 8)}.tmp`;
  try {
    Deno.writeTextFileSync(temp, text);
    Deno.renameSync(temp, path);
  } catch (error) {
    try {
      Deno.removeSync(temp);
    } catch {
      // the temporary file may never have been created
    }
    if (error instanceof Deno.errors.NotCapable) throw error; // reported with its path by the CLI
    throw new Error(`${path}: writing failed: ${(error as Error).message}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Merging shards.

export interface MergeReport {
  kind: LogKind;
  rows: number;
  /** rows that appeared in more than one shard with the same result */
  duplicates: number;
  /** notes about ignored partial lines */
  warnings: string[];
}

function describeFormat(format: LogFormat): string {
  return format === "predict"
    ? "a predict log"
    : format === "predict+base"
    ? "a predict log under attack (basePredict column)"
    : format === "certify"
    ? "a fixed-N certify log"
    : "a sequential-mode certify log (samples column)";
}

function sameResult(a: PredictRow, b: PredictRow): boolean {
  const radius = (r: PredictRow) => "radius" in r ? (r as CertifyRow).radius : null;
  const samples = (r: PredictRow) => (r as CertifyRow).samples ?? null;
  return a.label === b.label && a.predict === b.predict && a.correct === b.correct &&
    radius(a) === radius(b) && (a.basePredict ?? null) === (b.basePredict ?? null) &&
    samples(a) === samples(b);
}

/**
 * Merges shard logs into one, sorted by idx, rows copied verbatim. A row present in several shards
 * with the same label, prediction, correctness and radius is kept once (from the first file
 * given); different results for one idx are an error naming the idx and both files. The output is
 * written atomically.
 */
export function mergeLogs(paths: readonly string[], out: string): MergeReport {
  if (paths.length === 0) throw new RangeError("mergeLogs: no input logs given");
  const logs = paths.map(readLog);
  const { kind, format } = logs[0];
  const other = logs.find((l) => l.format !== format);
  if (other) {
    throw new Error(
      `cannot merge ${describeFormat(other.format)} (${other.path}) with ${describeFormat(format)} (${
        logs[0].path
      })`,
    );
  }
  const warnings = logs.filter((l) => l.partialTail !== null).map((l) =>
    `${l.path}: ignored an incomplete last line '${l.partialTail}'`
  );
  const byIdx = new Map<number, { row: PredictRow; path: string }>();
  let duplicates = 0;
  for (const log of logs) {
    for (const row of log.rows as PredictRow[]) {
      const first = byIdx.get(row.idx);
      if (first === undefined) {
        byIdx.set(row.idx, { row, path: log.path });
      } else if (sameResult(first.row, row)) {
        duplicates++;
      } else {
        throw new Error(
          `conflicting rows for idx ${row.idx}: ${first.path}:${first.row.line} '${first.row.text}' vs ` +
            `${log.path}:${row.line} '${row.text}'`,
        );
      }
    }
  }
  const sorted = [...byIdx.values()].sort((a, b) => a.row.idx - b.row.idx);
  writeFileAtomic(out, [HEADERS[format], ...sorted.map((s) => s.row.text)].join("\n") + "\n");
  return { kind, rows: sorted.length, duplicates, warnings };
}
