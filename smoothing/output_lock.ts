/**
 * An exclusive lock on an output file while a run writes it: a sibling `OUT.lock` created with
 * O_EXCL, holding the owner's pid, host and process start time. A second run on the same output is
 * refused with the owner named. A lock left by a process that died (kill -9, power loss) is stale:
 * on the same host its pid no longer runs (or runs a different process, told by its start time), and
 * the next run takes it over. Locks of other hosts (a shared file system) cannot be checked and are
 * reported instead.
 */
import { hostname } from "node:os";

export class OutputLockedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutputLockedError";
  }
}

interface Owner {
  pid: number;
  host: string;
  /** /proc/PID/stat start time in clock ticks since boot, when known (tells a reused pid apart). */
  start: number | null;
  since: string;
}

/** The start time of a process from /proc (Linux), or null where /proc is absent. */
function processStart(pid: number): number | null {
  try {
    const stat = Deno.readTextFileSync(`/proc/${pid}/stat`);
    // the command name (field 2) is in parentheses and may hold spaces; fields after it are plain
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[19]); // field 22 of stat
  } catch {
    return null;
  }
}

function procAvailable(): boolean {
  try {
    Deno.statSync("/proc/self/stat");
    return true;
  } catch {
    return false;
  }
}

/** Whether the owner is certainly gone: same host, /proc readable, and its pid absent or reused. */
function isStale(owner: Owner): boolean {
  if (owner.host !== hostname() || !procAvailable()) return false;
  const start = processStart(owner.pid);
  return start === null || (owner.start !== null && start !== owner.start);
}

function readOwner(path: string): Owner | null {
  try {
    const o = JSON.parse(Deno.readTextFileSync(path));
    if (typeof o.pid === "number" && typeof o.host === "string") {
      return {
        pid: o.pid,
        host: o.host,
        start: typeof o.start === "number" ? o.start : null,
        since: String(o.since),
      };
    }
  } catch {
    // unreadable or half-written: treated as held by an unknown owner below
  }
  return null;
}

/** Who holds the lock on an output, as far as this process can tell. */
export interface LockHolder {
  /** The lock file's owner; null when the file cannot be read (half-written, damaged). */
  owner: { pid: number; host: string; since: string } | null;
  /** The owner is certainly gone (same host, pid absent or reused); such a lock is taken over. */
  stale: boolean;
}

/** The holder of `output`'s lock, or null when the output is not locked. */
export function lockHolder(output: string): LockHolder | null {
  const path = `${output}.lock`;
  try {
    Deno.statSync(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return null;
    throw e;
  }
  const owner = readOwner(path);
  return {
    owner: owner === null ? null : { pid: owner.pid, host: owner.host, since: owner.since },
    stale: owner !== null && isStale(owner),
  };
}

export class OutputLock {
  #released = false;

  private constructor(readonly output: string, readonly path: string, private readonly text: string) {}

  /** Locks `output` (through `output.lock`) or throws OutputLockedError naming the owner. */
  static acquire(output: string): OutputLock {
    const path = `${output}.lock`;
    const me: Owner = {
      pid: Deno.pid,
      host: hostname(),
      start: processStart(Deno.pid),
      since: new Date().toISOString(),
    };
    const text = JSON.stringify(me) + "\n";
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const file = Deno.openSync(path, { write: true, createNew: true });
        try {
          file.writeSync(new TextEncoder().encode(text));
        } finally {
          file.close();
        }
        return new OutputLock(output, path, text);
      } catch (e) {
        if (!(e instanceof Deno.errors.AlreadyExists)) throw e;
      }
      const owner = readOwner(path);
      if (owner !== null && isStale(owner)) {
        // Take the stale lock over; if another run beats us to it, the next attempt names that run.
        try {
          const now = readOwner(path);
          if (now !== null && now.pid === owner.pid && now.start === owner.start) Deno.removeSync(path);
        } catch {
          // removed by someone else meanwhile
        }
        continue;
      }
      throw new OutputLockedError(
        owner === null
          ? `${output} is locked by ${path}, whose owner cannot be read; if no run is writing ${output}, delete ${path}`
          : `${output} is being written by another run (pid ${owner.pid} on ${owner.host}, since ${owner.since}); ` +
            `wait for it to finish or stop it${
              owner.host === hostname() ? "" : `, or delete ${path} if that run is gone`
            }`,
      );
    }
    throw new OutputLockedError(`${output}: could not take over the stale lock ${path}`);
  }

  /** Removes the lock file if it is still ours. Safe to call twice. */
  release(): void {
    if (this.#released) return;
    this.#released = true;
    try {
      if (Deno.readTextFileSync(this.path) === this.text) Deno.removeSync(this.path);
    } catch {
      // already gone
    }
  }

  [Symbol.dispose](): void {
    this.release();
  }
}
