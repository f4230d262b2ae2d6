/**
 * Where a sweep stands, from its shard logs alone: images done of each shard's selection, which
 * shards are complete, which are being written (their lock is held), and an estimate of the time
 * left from the seconds per image the logs record (each row's time column is that image's share of
 * its process's time, so their sum is the process time spent).
 */
import { LogFormatError, readLog } from "./log.ts";
import { type LockHolder, lockHolder } from "./output_lock.ts";
import { readRunRecord, type RunRecord } from "./run_record.ts";
import { selectIndices } from "./selection.ts";
import { type SweepDefinition, type SweepTask, sweepTasks } from "./sweep.ts";

export type TaskState = "complete" | "running" | "partial" | "pending";

export interface TaskProgress {
  task: SweepTask;
  /** Images of the shard's selection in its log. */
  done: number;
  /** Images in the shard's selection; null until some log of the sweep records the data it reads. */
  total: number | null;
  /** Process seconds the logged images took. */
  seconds: number;
  state: TaskState;
  lock: LockHolder | null;
  /** A log that cannot be read, or one that belongs to another shard. */
  problem: string | null;
}

/** One (checkpoint, sigma): its shards summed. */
export interface GroupProgress {
  name: string;
  checkpoint: string;
  sigma: number;
  done: number;
  total: number | null;
  complete: number;
  running: number;
  shards: number;
  /** Process seconds per image (this group's logs, else the sweep's); null before any image. */
  secondsPerImage: number | null;
  /** Process seconds left in all; null while unknown. */
  workLeft: number | null;
  /** Seconds until the last shard finishes if every unfinished shard runs at once; null while unknown. */
  eta: number | null;
  tasks: TaskProgress[];
}

export interface SweepProgress {
  groups: GroupProgress[];
  tasks: TaskProgress[];
  done: number;
  total: number | null;
  workLeft: number | null;
  eta: number | null;
}

interface Selection {
  images: number;
  skip: number;
  max: number;
}

function selectionOf(record: RunRecord | null): Selection | null {
  if (record === null) return null;
  const { images, skip, max } = record;
  return typeof images === "number" && typeof skip === "number" && typeof max === "number"
    ? { images, skip, max }
    : null;
}

interface Read {
  idx: number[];
  seconds: number;
  record: RunRecord | null;
  exists: boolean;
  problem: string | null;
}

function readShard(task: SweepTask): Read {
  let record: RunRecord | null = null;
  try {
    record = readRunRecord(task.out);
  } catch (e) {
    return { idx: [], seconds: 0, record: null, exists: true, problem: (e as Error).message };
  }
  if (record !== null && record.shard !== `${task.shard.k}/${task.shard.n}`) {
    return {
      idx: [],
      seconds: 0,
      record: null,
      exists: true,
      problem: `${task.out} records shard ${record.shard}, not ${task.shard.k}/${task.shard.n}`,
    };
  }
  try {
    const log = readLog(task.out);
    return {
      idx: log.rows.map((r) => r.idx),
      seconds: log.rows.reduce((s, r) => s + r.seconds, 0),
      record,
      exists: true,
      problem: null,
    };
  } catch (e) {
    if (e instanceof Error && /no such log file/.test(e.message)) {
      return { idx: [], seconds: 0, record, exists: false, problem: null };
    }
    // a run that has opened its log but not yet written the header line
    if (e instanceof LogFormatError && e.line === 1 && /file is empty|no complete header/.test(e.message)) {
      return { idx: [], seconds: 0, record, exists: true, problem: null };
    }
    return { idx: [], seconds: 0, record, exists: true, problem: (e as Error).message };
  }
}

/** The progress of every task and of every (checkpoint, sigma) of the sweep in `dir`. */
export async function sweepProgress(dir: string, def: SweepDefinition): Promise<SweepProgress> {
  const tasks = sweepTasks(dir, def);
  const reads = tasks.map(readShard);
  // Every task reads the same data with the same --skip/--max, so any record tells every selection.
  const selection = reads.map((r) => selectionOf(r.record)).find((s) => s !== null) ?? null;
  const holders = await Promise.all(tasks.map((task) => lockHolder(task.out)));
  const progress: TaskProgress[] = tasks.map((task, i) => {
    const r = reads[i];
    const expected = selection === null
      ? null
      : selectIndices(selection.images, selection.skip, selection.max, task.shard);
    const want = expected === null ? null : new Set(expected);
    const done = want === null ? r.idx.length : r.idx.filter((idx) => want.has(idx)).length;
    const total = expected === null ? null : expected.length;
    const lock = holders[i];
    const state: TaskState = total !== null && done === total && r.problem === null
      ? "complete"
      : lock !== null && !lock.stale
      ? "running"
      : r.exists
      ? "partial"
      : "pending";
    return { task, done, total, seconds: r.seconds, state, lock, problem: r.problem };
  });
  const perImage = (ps: readonly TaskProgress[]): number | null => {
    const done = ps.reduce((s, p) => s + p.done, 0);
    return done > 0 ? ps.reduce((s, p) => s + p.seconds, 0) / done : null;
  };
  const overall = perImage(progress);
  const groups: GroupProgress[] = [];
  for (let g = 0; g < tasks.length; g += def.shards) {
    const ps = progress.slice(g, g + def.shards);
    const rate = perImage(ps) ?? overall;
    const known = ps.every((p) => p.total !== null);
    const left = ps.map((p) => (p.total ?? 0) - p.done);
    groups.push({
      name: ps[0].task.name,
      checkpoint: ps[0].task.checkpoint,
      sigma: ps[0].task.sigma,
      done: ps.reduce((s, p) => s + p.done, 0),
      total: known ? ps.reduce((s, p) => s + p.total!, 0) : null,
      complete: ps.filter((p) => p.state === "complete").length,
      running: ps.filter((p) => p.state === "running").length,
      shards: def.shards,
      secondsPerImage: rate,
      workLeft: known && rate !== null ? left.reduce((s, l) => s + l, 0) * rate : null,
      eta: known && rate !== null ? Math.max(...left) * rate : null,
      tasks: ps,
    });
  }
  const allKnown = groups.every((g) => g.total !== null);
  return {
    groups,
    tasks: progress,
    done: groups.reduce((s, g) => s + g.done, 0),
    total: allKnown ? groups.reduce((s, g) => s + g.total!, 0) : null,
    workLeft: groups.every((g) => g.workLeft !== null) ? groups.reduce((s, g) => s + g.workLeft!, 0) : null,
    eta: groups.every((g) => g.eta !== null) ? Math.max(...groups.map((g) => g.eta!)) : null,
  };
}

/** 42 s, 3.5 min, 2.1 h, 1.2 d. */
export function formatDuration(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 90 * 60) return `${(seconds / 60).toFixed(1)} min`;
  if (seconds < 36 * 3600) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86400).toFixed(1)} d`;
}

function pad(cells: string[][]): string {
  const widths = cells[0].map((_, c) => Math.max(...cells.map((r) => r[c].length)));
  return cells.map((r) => r.map((x, c) => c === 0 ? x.padEnd(widths[c]) : x.padStart(widths[c])).join("  "))
    .join("\n") + "\n";
}

function fraction(done: number, total: number | null): string {
  return total === null ? `${done}/?` : `${done}/${total} (${(100 * done / Math.max(total, 1)).toFixed(0)}%)`;
}

/**
 * The status table: images done / total per (checkpoint, sigma), shards complete and running,
 * seconds per image and the ETA, then the shards that need attention.
 */
export function formatProgress(p: SweepProgress): string {
  const rows = [["checkpoint", "sigma", "images", "shards done", "running", "s/image", "eta"]];
  for (const g of p.groups) {
    rows.push([
      g.name,
      String(g.sigma),
      fraction(g.done, g.total),
      `${g.complete}/${g.shards}`,
      String(g.running),
      g.secondsPerImage === null ? "?" : g.secondsPerImage.toFixed(2),
      g.total !== null && g.done === g.total ? "done" : g.eta === null ? "?" : formatDuration(g.eta),
    ]);
  }
  let text = pad(rows);
  text += `\nall: ${fraction(p.done, p.total)} images`;
  if (p.total !== null && p.done === p.total) text += ", every shard complete\n";
  else if (p.eta !== null && p.workLeft !== null) {
    text += `; ${formatDuration(p.workLeft)} of process time left, ${
      formatDuration(p.eta)
    } if every unfinished shard runs at once\n`;
  } else text += "; no estimate until a shard has logged an image\n";
  const notes = p.tasks.filter((t) =>
    t.problem !== null || t.lock?.stale || (t.lock && t.lock.owner === null)
  );
  for (const t of notes) {
    text += `task ${t.task.id} (${t.task.out}): ${
      t.problem ?? (t.lock?.stale ? "its lock was left by a process that is gone" : "unreadable lock")
    }\n`;
  }
  return text;
}
