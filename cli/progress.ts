/**
 * A progress line on stderr for long runs (certify, predict, train): items done of total, a rate
 * (noise samples per second, or items per second), elapsed time and ETA. On a terminal the line
 * is redrawn in place at most ~5 times a second; otherwise (CI logs, files) plain lines are
 * printed at a slower fixed interval, so logs stay readable.
 */

export interface ProgressOptions {
  /** number of items (images, batches) the run will complete */
  total: number;
  /** prefix of the line, e.g. "certify" */
  label?: string;
  /** unit of the work counted for the rate, e.g. "samples"; items per second when omitted */
  rateUnit?: string;
  /** items already done before this run started (resumed logs): excluded from the rate and ETA */
  initial?: number;
  /** sink for the text; stderr by default */
  write?: (text: string) => void;
  /** redraw in place; default: whether stderr is a terminal */
  interactive?: boolean;
  /** minimum milliseconds between redraws on a terminal (default 200) */
  redrawMs?: number;
  /** minimum milliseconds between plain lines when not on a terminal (default 10 s) */
  lineMs?: number;
  /** clock in milliseconds (tests inject one) */
  now?: () => number;
}

/** H:MM:SS of a number of seconds (rounded down), or --:--:-- when unknown. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return "--:--:--";
  const s = Math.floor(seconds);
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
  return `${h}:${String(m).padStart(2, "0")}:${String(r).padStart(2, "0")}`;
}

/** A rate with thousands separators and a sensible number of digits: 3,456 or 12.5 or 0.071. */
export function formatRate(perSecond: number): string {
  if (!Number.isFinite(perSecond)) return "-";
  if (perSecond >= 100) return Math.round(perSecond).toLocaleString("en-US");
  if (perSecond >= 1) return perSecond.toFixed(1);
  return perSecond.toPrecision(2);
}

const BAR_WIDTH = 24;
const encoder = new TextEncoder();

function writeStderr(text: string): void {
  const data = encoder.encode(text);
  let offset = 0;
  while (offset < data.length) offset += Deno.stderr.writeSync(data.subarray(offset));
}

export class Progress {
  readonly #total: number;
  readonly #label: string;
  readonly #rateUnit: string | undefined;
  readonly #initial: number;
  readonly #write: (text: string) => void;
  readonly #interactive: boolean;
  readonly #redrawMs: number;
  readonly #lineMs: number;
  readonly #now: () => number;
  readonly #start: number;
  #done: number;
  #work = 0;
  #lastDraw = -Infinity;
  #finished = false;

  constructor(options: ProgressOptions) {
    if (!Number.isSafeInteger(options.total) || options.total < 0) {
      throw new RangeError(`progress total must be an integer >= 0, got ${options.total}`);
    }
    this.#total = options.total;
    this.#label = options.label ?? "";
    this.#rateUnit = options.rateUnit;
    this.#initial = options.initial ?? 0;
    this.#done = this.#initial;
    this.#write = options.write ?? writeStderr;
    this.#interactive = options.interactive ?? Deno.stderr.isTerminal();
    this.#redrawMs = options.redrawMs ?? 200;
    this.#lineMs = options.lineMs ?? 10_000;
    this.#now = options.now ?? (() => performance.now());
    this.#start = this.#now();
  }

  /** Sets the items done and the cumulative work (for the rate) and redraws if it is time. */
  update(done: number, work = this.#work): void {
    if (!(done >= 0 && work >= 0)) {
      throw new RangeError(`progress: done and work must be >= 0, got ${done}, ${work}`);
    }
    this.#done = done;
    this.#work = work;
    const now = this.#now();
    if (now - this.#lastDraw >= (this.#interactive ? this.#redrawMs : this.#lineMs)) this.#draw(now);
  }

  /** One more item done, with `work` more units of work. */
  tick(work = 0): void {
    this.update(this.#done + 1, this.#work + work);
  }

  /** Draws the final state and ends the line. Further calls do nothing. */
  finish(): void {
    if (this.#finished) return;
    this.#finished = true;
    this.#draw(this.#now());
    if (this.#interactive) this.#write("\n");
  }

  /** The progress line for the current state. */
  line(now = this.#now()): string {
    const elapsed = Math.max(0, (now - this.#start) / 1000);
    const total = this.#total, done = Math.min(this.#done, total);
    const fraction = total === 0 ? 1 : done / total;
    const filled = Math.round(fraction * BAR_WIDTH);
    const bar = `[${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}]`;
    const newItems = this.#done - this.#initial;
    // unknown ("-") until this run has done items of its own
    const rate = elapsed > 0 && newItems > 0 ? (this.#rateUnit ? this.#work : newItems) / elapsed : NaN;
    const unit = this.#rateUnit ?? "items";
    const eta = newItems > 0 ? (total - done) * elapsed / newItems : NaN;
    const percent = (100 * fraction).toFixed(1).padStart(5);
    const parts = [
      this.#label,
      bar,
      `${String(done).padStart(String(total).length)}/${total}`,
      `${percent}%`,
      `${formatRate(rate)} ${unit}/s`,
      `elapsed ${formatDuration(elapsed)}`,
      `ETA ${formatDuration(eta)}`,
    ];
    return parts.filter((p) => p !== "").join("  ");
  }

  #draw(now: number): void {
    this.#lastDraw = now;
    const text = this.line(now);
    // \r returns to the line start and ESC[K clears what a longer previous line left behind.
    this.#write(this.#interactive ? `\r${text}\x1b[K` : `${text}\n`);
  }
}
