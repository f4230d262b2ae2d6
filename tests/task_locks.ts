/**
 * Each `deno task` runs with a lockfile of its own (`locks/NAME.lock`, `--frozen`), holding only the npm
 * packages its module graph imports, and deno.json sets "lock": false. Deno installs every package of
 * the lockfile it is given (and every import-map package) before a program starts, so with one shared
 * lockfile the first `deno task analyze` on a fresh machine fetched 245 MB: the CIFAR-10 package,
 * esbuild, the test packages. The packages only some commands use are imported by full `npm:`
 * specifiers instead of import-map entries for the same reason.
 *
 *   deno run -A tests/task_locks.ts     # rewrite locks/*.lock after changing what a task imports
 */
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../", import.meta.url));

export interface TaskLock {
  task: string;
  lock: string;
  /** The modules whose graph the lockfile covers. */
  entries: string[];
}

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of Deno.readDirSync(`${ROOT}${dir}`)) {
    const path = `${dir.replace(/\/$/, "")}/${e.name}`;
    if (e.isDirectory) out.push(...tsFiles(path));
    else if (e.name.endsWith(".ts")) out.push(path);
  }
  return out.sort();
}

/** Every task that runs Deno on modules, with its lockfile and modules (read from deno.json). */
export function taskLocks(): TaskLock[] {
  const config = JSON.parse(Deno.readTextFileSync(`${ROOT}deno.json`)) as { tasks: Record<string, string> };
  const out: TaskLock[] = [];
  for (const [task, command] of Object.entries(config.tasks)) {
    // leading VAR=value words set the environment (deno task's shell syntax)
    const words = command.split(/\s+/).filter((_, i, all) =>
      !all.slice(0, i + 1).every((x) => /^[A-Z_]+=/.test(x))
    );
    if (words[0] !== "deno" || !["run", "test", "check"].includes(words[1])) continue;
    const lock = words.find((w) => w.startsWith("--lock="))?.slice("--lock=".length);
    if (!lock) throw new Error(`deno.json: task ${task} runs without --lock=locks/${task}.lock`);
    const targets = words.slice(2).filter((w) => !w.startsWith("-"));
    const entries = words[1] === "run"
      ? [targets[0]]
      : targets.flatMap((t) => t.endsWith(".ts") ? [t] : tsFiles(t));
    out.push({ task, lock, entries });
  }
  return out;
}

/** `deno cache` of a task's modules against its lockfile (`frozen`: fail rather than change it). */
export function cacheCommand(t: TaskLock, frozen: boolean): Deno.Command {
  return new Deno.Command(Deno.execPath(), {
    args: ["cache", `--lock=${t.lock}`, ...(frozen ? ["--frozen"] : []), ...t.entries],
    cwd: ROOT,
    stdout: "piped",
    stderr: "piped",
  });
}

if (import.meta.main) {
  const written = new Set<string>();
  for (const t of taskLocks()) {
    // tasks may share a lockfile (test and check): it is rewritten once, from both graphs
    if (!written.has(t.lock)) await Deno.remove(`${ROOT}${t.lock}`).catch(() => {});
    written.add(t.lock);
    const r = await cacheCommand(t, false).output();
    if (!r.success) throw new Error(`${t.task}: ${new TextDecoder().decode(r.stderr)}`);
    console.log(`${t.lock}: ${t.task}`);
  }
}
