/**
 * An exclusive lock on an output file while a run writes it: the run holds an flock on a sibling
 * `OUT.lock`, which also names it (pid, host, start time). A second run on the same output finds the
 * flock taken and is refused with the owner named. The kernel drops the flock of a process that dies
 * (kill -9, a crash), so the lock left behind by a dead run is simply taken by the next one; nothing
 * needs to tell a dead pid from a live one (which `deno task` could not do: Deno's sandbox refuses
 * /proc to programs without --allow-all). On NFS, Linux maps flock to POSIX locks, which lockd shares
 * between hosts.
 */
import { hostname } from "node:os";

export class OutputLockedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutputLockedError";
  }
}

/** Who holds (or last held) an output's lock, as its lock file says. */
export interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

/** The lock file of an output: its recorded owner, and whether that owner still holds it. */
export interface LockHolder {
  /** null when the file does not name an owner (being created, or damaged) */
  owner: LockOwner | null;
  /** true when no process holds the lock (its owner ended without removing the file) */
  stale: boolean;
}

/** How long a lock attempt waits before it counts the lock as held (an uncontended flock takes ~1 ms). */
const ATTEMPT_MS = 1000;

function lockPath(output: string): string {
  return `${output}.lock`;
}

function readOwner(path: string): LockOwner | null {
  try {
    const o = JSON.parse(Deno.readTextFileSync(path));
    if (typeof o.pid === "number" && typeof o.host === "string") {
      return { pid: o.pid, host: o.host, since: String(o.since) };
    }
  } catch {
    // empty (an owner between open and write), damaged, or gone
  }
  return null;
}

/**
 * Tries to take the flock within `ms`. When the time runs out the attempt stays pending inside Deno
 * (flock cannot be cancelled); should it succeed later, the file is closed at once, which lets go.
 */
async function tryLock(file: Deno.FsFile, ms: number): Promise<boolean> {
  let gaveUp = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const locked = file.lock(true).then(() => {
    if (gaveUp) file.close();
    return true;
  });
  const timeout = new Promise<boolean>((resolve) => timer = setTimeout(() => resolve(false), ms));
  const won = await Promise.race([locked, timeout]);
  clearTimeout(timer);
  if (!won) gaveUp = true;
  return won;
}

/** Whether `path` still names the file open as `file` (a releasing owner unlinks its lock file). */
function namesFile(file: Deno.FsFile, path: string): boolean {
  try {
    const a = file.statSync(), b = Deno.statSync(path);
    return a.ino === null || (a.ino === b.ino && a.dev === b.dev);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return false;
    throw e;
  }
}

function describeOwner(output: string, owner: LockOwner | null): string {
  return owner === null
    ? `${output} is being written by another run (its lock file ${lockPath(output)} does not say which)`
    : `${output} is being written by another run (pid ${owner.pid} on ${owner.host}, since ${owner.since}); ` +
      "wait for it to finish, or stop it";
}

export class OutputLock {
  #released = false;

  private constructor(readonly output: string, readonly path: string, private readonly file: Deno.FsFile) {}

  /** Locks `output` (through `output.lock`), or throws OutputLockedError naming the run that holds it. */
  static async acquire(output: string): Promise<OutputLock> {
    const path = lockPath(output);
    for (let attempt = 0; attempt < 5; attempt++) {
      const file = Deno.openSync(path, { read: true, write: true, create: true });
      if (!await tryLock(file, ATTEMPT_MS)) {
        throw new OutputLockedError(describeOwner(output, readOwner(path)));
      }
      if (!namesFile(file, path)) {
        // We locked a file its owner had just removed: start again on the current one.
        file.close();
        continue;
      }
      const me: LockOwner = { pid: Deno.pid, host: hostname(), since: new Date().toISOString() };
      file.truncateSync(0);
      file.writeSync(new TextEncoder().encode(JSON.stringify(me) + "\n"));
      return new OutputLock(output, path, file);
    }
    throw new OutputLockedError(`${output}: its lock file ${path} kept being replaced; try again`);
  }

  /** Removes the lock file and lets go of the lock. Safe to call twice. */
  release(): void {
    if (this.#released) return;
    this.#released = true;
    try {
      if (namesFile(this.file, this.path)) Deno.removeSync(this.path);
    } finally {
      this.file.close();
    }
  }

  [Symbol.dispose](): void {
    this.release();
  }
}

/**
 * Who holds the lock of `output`, or null when it has no lock file. A lock file whose flock is free
 * belongs to a run that ended without removing it (killed): `stale` is then true.
 */
export async function lockHolder(output: string): Promise<LockHolder | null> {
  const path = lockPath(output);
  let file: Deno.FsFile;
  try {
    file = Deno.openSync(path, { read: true, write: true });
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return null;
    throw e;
  }
  const owner = readOwner(path);
  if (await tryLock(file, ATTEMPT_MS)) {
    file.close();
    return { owner, stale: true };
  }
  return { owner, stale: false };
}
