/**
 * `deno task slurm`: certification sweeps on a Slurm cluster. `write` writes a sweep's array job
 * script (checkpoints x sigmas x shards, one task each, certify's flags after `--`), `submit` writes
 * it and submits the tasks that are neither complete nor still queued (so the same command, run
 * again, submits only what is unfinished), `status` prints images done per (checkpoint, sigma) and
 * an ETA, and `merge` merges each (checkpoint, sigma)'s shard logs into one log, checked.
 */
import { fileURLToPath } from "node:url";
import { resolve } from "node:path";
import { mergeShards, ShardMergeError } from "../smoothing/shards.ts";
import {
  absolutePathArgs,
  certifyCommandFrom,
  definitionDifferences,
  readManifest,
  scriptPath,
  type SweepDefinition,
  SweepError,
  type SweepManifest,
  validateDefinition,
  writeSweep,
} from "../smoothing/sweep.ts";
import { formatProgress, sweepProgress } from "../smoothing/sweep_status.ts";
import {
  type CommandRunner,
  planSubmission,
  queryActiveTasks,
  submitArray,
} from "../smoothing/sweep_submit.ts";
import {
  booleanFlag,
  type CommandIO,
  defineCommand,
  type FlagValues,
  floatListFlag,
  parseCommand,
  positiveIntFlag,
  runAsMain,
  runCommand,
  stringFlag,
  stringListFlag,
  UsageError,
} from "./args.ts";
import { CERTIFY } from "./certify.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url)).replace(/\/$/, "");

const ACTIONS = ["write", "submit", "status", "merge"] as const;

/** sbatch options with a flag of their own; any other goes through --sbatch. */
const SBATCH_FLAGS = ["partition", "gres", "time", "account", "qos", "mem", "cpus-per-task"] as const;

export const SLURM = defineCommand({
  name: "slurm",
  usage: "write|submit|status|merge --dir DIR [options] [-- CERTIFY_FLAGS...]",
  summary: "Certification sweeps on Slurm: every --checkpoint at every --sigma, split into --shards array " +
    "tasks, each running certify with its own --shard K/N and log (certify's other flags follow `--`). " +
    "`write` writes DIR/sweep.sh; `submit` writes it and submits the tasks that are neither complete nor " +
    "still queued or running, so the same command submitted again resumes what is unfinished; `status` " +
    "prints images done per (checkpoint, sigma) and an ETA; `merge` merges each (checkpoint, sigma)'s " +
    "shards into DIR/merged/ (checked as `deno task analyze --merge`). One GPU per task: pass --gres=gpu:1.",
  flags: {
    dir: stringFlag("the sweep's directory: logs, job script, Slurm output", { valueName: "DIR" }),
    checkpoint: stringListFlag("a checkpoint to certify", { valueName: "FILE" }),
    sigma: floatListFlag("noise levels; every checkpoint is certified at each", {
      min: 0,
      exclusive: true,
      valueName: "S1,S2,...",
    }),
    shards: positiveIntFlag("array tasks per (checkpoint, sigma)"),
    partition: stringFlag("sbatch --partition", { valueName: "NAME" }),
    gres: stringFlag("sbatch --gres, per task (gpu:1 for one GPU each)", { valueName: "SPEC" }),
    time: stringFlag("sbatch --time, per task", { valueName: "LIMIT" }),
    account: stringFlag("sbatch --account", { valueName: "NAME" }),
    qos: stringFlag("sbatch --qos", { valueName: "NAME" }),
    mem: stringFlag("sbatch --mem, per task", { valueName: "SIZE" }),
    "cpus-per-task": stringFlag("sbatch --cpus-per-task", { valueName: "N" }),
    sbatch: stringListFlag("any other sbatch option, e.g. --sbatch=--constraint=a100", {
      valueName: "OPTION",
    }),
    "max-running": positiveIntFlag("submit: at most N tasks at once (--array=...%N)"),
    deno: stringFlag("the Deno executable the tasks run", { valueName: "PATH", defaultText: "this one" }),
    partial: booleanFlag("merge: also merge (checkpoint, sigma) whose shards are not all complete"),
  },
  positionals: { name: "ACTION", min: 1, max: 1 },
  examples: [
    "deno task slurm submit --dir sweeps/cifar --checkpoint noise_0.25/checkpoint.pth.tar " +
    "--checkpoint noise_0.50/checkpoint.pth.tar --sigma 0.25,0.5 --shards 8 --gres gpu:1 --time 4:00:00 " +
    "-- --dataset cifar10 --arch cifar_resnet110 --skip 20 --N 100000",
    "deno task slurm status --dir sweeps/cifar",
    "deno task slurm submit --dir sweeps/cifar     # again: only what is unfinished",
    "deno task slurm merge --dir sweeps/cifar",
  ],
});

/** Runs sbatch and squeue. */
const runSlurm: CommandRunner = async (command, args) => {
  try {
    const r = await new Deno.Command(command, { args, stdout: "piped", stderr: "piped" }).output();
    const dec = new TextDecoder();
    return { code: r.code, stdout: dec.decode(r.stdout), stderr: dec.decode(r.stderr) };
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) {
      throw new UsageError(`${command} not found: run this where Slurm's commands are (a login node)`);
    }
    throw e;
  }
};

/** certify's flags after `--`: checked by certify's own parser, so a typo fails here, not on a node. */
function checkCertifyArgs(args: readonly string[]): void {
  let parsed;
  try {
    parsed = parseCommand(CERTIFY, args);
  } catch (e) {
    throw e instanceof UsageError ? new UsageError(`certify flags after --: ${e.message}`) : e;
  }
  if (parsed.help) throw new UsageError("certify flags after --: --help is not a certify run's flag");
  if (parsed.positionals.length > 0) {
    throw new UsageError(
      `certify flags after --: unexpected argument '${parsed.positionals[0]}' (give certify's flags only)`,
    );
  }
}

type Values = FlagValues<typeof SLURM.flags>;

function sbatchOptions(v: Values): string[] {
  return [
    ...SBATCH_FLAGS.filter((f) => v[f] !== undefined).map((f) => `--${f}=${v[f]}`),
    ...v.sbatch,
  ];
}

/** The sweep to write or submit: from the flags, else from the directory's manifest. */
function sweepFor(dir: string, v: Values, certifyArgs: string[], io: CommandIO): SweepManifest {
  const existing = readManifest(dir);
  const defining = v.checkpoint.length > 0 || v.sigma !== undefined || v.shards !== undefined ||
    certifyArgs.length > 0;
  let def: SweepDefinition;
  if (defining) {
    const missing = [
      v.checkpoint.length === 0 ? "--checkpoint" : "",
      v.sigma === undefined ? "--sigma" : "",
      v.shards === undefined ? "--shards" : "",
    ].filter((x) => x !== "");
    if (missing.length > 0) throw new UsageError(`a sweep needs ${missing.join(", ")}`);
    const checkpoints = v.checkpoint.map((c) => resolve(c));
    for (const c of checkpoints) {
      try {
        if (!Deno.statSync(c).isFile) throw new UsageError(`--checkpoint ${c}: not a file`);
      } catch (e) {
        if (e instanceof Deno.errors.NotFound) throw new UsageError(`--checkpoint ${c}: no such file`);
        throw e;
      }
    }
    def = {
      checkpoints,
      sigmas: v.sigma!,
      shards: v.shards!,
      certifyArgs: absolutePathArgs(certifyArgs, Deno.cwd()),
      sbatch: sbatchOptions(v),
    };
    validateDefinition(def);
    checkCertifyArgs(def.certifyArgs);
    if (existing !== null) {
      const diff = definitionDifferences(existing, def);
      if (diff.length > 0) {
        throw new UsageError(
          `${dir} holds another sweep; use another --dir, or submit it as it is with only --dir:\n  ${
            diff.join("\n  ")
          }`,
        );
      }
    }
  } else {
    if (existing === null) {
      throw new UsageError(
        `${dir} holds no sweep yet: give --checkpoint, --sigma, --shards and certify's flags after --`,
      );
    }
    def = existing;
  }
  const sbatch = sbatchOptions(v);
  const options = sbatch.length > 0 ? sbatch : def.sbatch;
  if (defining && options.every((o) => !/^--(gres|gpus)/.test(o))) {
    io.err("note: no --gres: the tasks are given no GPU (fine for the software adapter)\n");
  }
  return {
    version: 1,
    checkpoints: def.checkpoints,
    sigmas: def.sigmas,
    shards: def.shards,
    certifyArgs: def.certifyArgs,
    // options given now replace the sweep's (a longer --time for a resubmission, say)
    sbatch: options,
    root: ROOT,
    deno: v.deno === undefined ? Deno.execPath() : resolve(v.deno),
    certify: certifyCommandFrom(Deno.readTextFileSync(`${ROOT}/deno.json`)),
    jobs: existing?.jobs ?? [],
  };
}

async function submit(dir: string, m: SweepManifest, maxRunning: number | undefined, io: CommandIO) {
  const progress = await sweepProgress(dir, m);
  const plan = planSubmission(progress, await queryActiveTasks(runSlurm, m.jobs));
  const total = progress.tasks.length;
  const summary = `${plan.complete.length} of ${total} complete` +
    (plan.active.size > 0
      ? `, ${plan.active.size} still queued or running (${
        [...plan.active.values()]
          .slice(0, 6).join(", ")
      }${plan.active.size > 6 ? ", ..." : ""})`
      : "");
  if (plan.submit.length === 0) {
    io.out(`nothing to submit: ${summary}\n`);
    return;
  }
  for (const s of plan.staleLocks) {
    // Slurm no longer runs this task, so nothing writes its log: the lock's writer is gone
    Deno.removeSync(s.path);
    const who = s.holder.owner === null
      ? "an unreadable owner"
      : `pid ${s.holder.owner.pid} on ${s.holder.owner.host}`;
    io.err(`removed ${s.path}, left by ${who}: no job of this sweep runs task ${s.task}\n`);
  }
  const id = await submitArray(runSlurm, scriptPath(dir), plan.submit, maxRunning);
  m.jobs.push({ id, tasks: plan.submit, at: new Date().toISOString() });
  writeSweep(dir, m);
  io.out(`submitted job ${id}: ${plan.submit.length} task(s) (${summary})\n`);
}

async function merge(dir: string, m: SweepManifest, partial: boolean, io: CommandIO): Promise<number> {
  const progress = await sweepProgress(dir, m);
  let failed = 0;
  for (const g of progress.groups) {
    const out = `${dir}/merged/${g.name}_sigma_${g.sigma}.tsv`;
    const incomplete = g.complete < g.shards;
    if (incomplete && !partial) {
      io.out(`${g.name} sigma ${g.sigma}: ${g.complete}/${g.shards} shards complete, not merged\n`);
      continue;
    }
    const logs = g.tasks.filter((t) => t.state !== "pending").map((t) => t.task.out);
    if (logs.length === 0) {
      io.out(`${g.name} sigma ${g.sigma}: no shard started, nothing to merge\n`);
      continue;
    }
    try {
      Deno.mkdirSync(`${dir}/merged`, { recursive: true });
      const r = mergeShards(logs, out, { partial });
      io.out(`${g.name} sigma ${g.sigma}: ${r.rows} rows -> ${out}\n`);
      for (const note of r.notes) io.err(`note: ${note}\n`);
    } catch (e) {
      if (!(e instanceof ShardMergeError)) throw e;
      io.err(`${g.name} sigma ${g.sigma}: not merged: ${e.message}\n`);
      failed++;
    }
  }
  return failed > 0 ? 1 : 0;
}

/** Runs the command; exported for tests. Returns the exit code. */
export function slurmCommand(args: readonly string[], io?: CommandIO): Promise<number> {
  // certify's flags follow the first `--`
  const cut = args.indexOf("--");
  const own = cut < 0 ? args : args.slice(0, cut);
  const certifyArgs = cut < 0 ? [] : args.slice(cut + 1);
  return runCommand(SLURM, own, async ({ values: v, positionals }, io) => {
    const action = positionals[0];
    if (!(ACTIONS as readonly string[]).includes(action)) {
      throw new UsageError(`unknown action '${action}' (expected ${ACTIONS.join(", ")})`);
    }
    if (v.dir === undefined) throw new UsageError("--dir is required (the sweep's directory)");
    const dir = resolve(v.dir);
    if (/\s/.test(dir)) throw new UsageError(`--dir ${dir}: Slurm's #SBATCH lines cannot hold whitespace`);
    try {
      if (action === "status" || action === "merge") {
        const defining = v.checkpoint.length > 0 || v.sigma !== undefined || v.shards !== undefined ||
          certifyArgs.length > 0;
        if (defining) {
          throw new UsageError(`${action} reads the sweep in --dir; it takes no sweep definition`);
        }
        const m = readManifest(dir);
        if (m === null) throw new UsageError(`${dir} holds no sweep (no ${dir}/sweep.json)`);
        if (action === "merge") return await merge(dir, m, v.partial, io);
        io.out(
          `sweep ${dir}: ${m.checkpoints.length} checkpoint(s) x ${m.sigmas.length} sigma(s) x ${m.shards} ` +
            `shard(s)${m.jobs.length > 0 ? `, jobs ${m.jobs.map((j) => j.id).join(", ")}` : ""}\n\n`,
        );
        io.out(formatProgress(await sweepProgress(dir, m)));
        return 0;
      }
      const m = sweepFor(dir, v, certifyArgs, io);
      writeSweep(dir, m);
      const tasks = m.checkpoints.length * m.sigmas.length * m.shards;
      if (action === "write") {
        io.out(
          `wrote ${scriptPath(dir)}: ${tasks} task(s) (${m.checkpoints.length} checkpoint(s) x ` +
            `${m.sigmas.length} sigma(s) x ${m.shards} shard(s)); submit the unfinished ones with\n` +
            `  deno task slurm submit --dir ${dir}\n`,
        );
        return 0;
      }
      await submit(dir, m, v["max-running"], io);
      return 0;
    } catch (e) {
      throw e instanceof SweepError ? new UsageError(e.message) : e;
    }
  }, io);
}

if (import.meta.main) {
  await runAsMain(
    slurmCommand,
    "slurm: interrupted; the sweep's files are written whole or not at all.",
  );
}
