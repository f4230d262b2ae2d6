/**
 * A real single-node Slurm for tests: munged, slurmctld and slurmd on localhost, configured in a
 * temporary directory (Debian's slurm-wlm and munge packages; `bash .ci/run` installs them).
 *
 * Process tracking is proctrack/linuxproc and task binding task/none, so no cgroup is needed: the
 * test machines are VMs and containers whose cgroup hierarchy belongs to the host, and without GPUs
 * there are no devices for a cgroup to constrain. Jobs run as the user who starts the daemons.
 */
import { hostname } from "node:os";

export interface CommandOutput {
  code: number;
  stdout: string;
  stderr: string;
}

export interface LocalSlurm {
  dir: string;
  /** SLURM_CONF, for the Slurm commands (sbatch, squeue, scancel) to find this cluster. */
  env: Record<string, string>;
  run(command: string, args: string[]): Promise<CommandOutput>;
  /** The daemons' logs, for a failing test's message. */
  logs(): string;
  /** Cancels every job and stops the daemons; safe to call twice. */
  stop(): Promise<void>;
}

const BINARIES = ["munged", "slurmctld", "slurmd", "sbatch", "squeue", "scancel"];

/** The Slurm and munge programs that are not installed. */
export function missingBinaries(): string[] {
  const path = (Deno.env.get("PATH") ?? "").split(":").concat(["/usr/sbin", "/sbin"]);
  return BINARIES.filter((b) =>
    !path.some((d) => {
      try {
        return Deno.statSync(`${d}/${b}`).isFile;
      } catch {
        return false;
      }
    })
  );
}

async function output(command: string, args: string[], env: Record<string, string>): Promise<CommandOutput> {
  const path = `${Deno.env.get("PATH") ?? ""}:/usr/sbin:/sbin`;
  const r = await new Deno.Command(command, {
    args,
    env: { ...env, PATH: path },
    stdout: "piped",
    stderr: "piped",
  })
    .output();
  const dec = new TextDecoder();
  return { code: r.code, stdout: dec.decode(r.stdout), stderr: dec.decode(r.stderr) };
}

/** A port nothing listens on (probed with bash's /dev/tcp, which needs no network permission). */
async function freePort(taken: readonly number[]): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 20000 + Math.floor(Math.random() * 40000);
    if (taken.includes(port)) continue;
    const probe = await output("bash", ["-c", `exec 3<>/dev/tcp/127.0.0.1/${port}`], {});
    if (probe.code !== 0) return port;
  }
  throw new Error("local Slurm: no free port found");
}

function readPid(path: string): number | null {
  try {
    const pid = Number(Deno.readTextFileSync(path).trim());
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    Deno.kill(pid, "SIGCONT");
    return true;
  } catch {
    return false;
  }
}

async function waitFor(
  what: string,
  ok: () => Promise<boolean> | boolean,
  seconds: number,
  logs: () => string,
) {
  const end = Date.now() + seconds * 1000;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`local Slurm: ${what} within ${seconds} s\n${logs()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Starts munged, slurmctld and slurmd; `stop()` ends them (call it in a finally). */
export async function startLocalSlurm(): Promise<LocalSlurm> {
  const missing = missingBinaries();
  if (missing.length > 0) {
    throw new Error(
      `Slurm is not installed (missing ${missing.join(", ")}): apt-get install -y --no-install-recommends ` +
        "slurm-wlm munge (bash .ci/run installs them)",
    );
  }
  const dir = await Deno.makeTempDir({ prefix: "smoothcert-slurm-" });
  // munged refuses a socket directory that others cannot traverse, and a key others can read
  for (const d of ["state", "spool", "log", "munge", "munge-socket"]) Deno.mkdirSync(`${dir}/${d}`);
  Deno.chmodSync(dir, 0o755);
  Deno.chmodSync(`${dir}/munge`, 0o700);
  Deno.chmodSync(`${dir}/munge-socket`, 0o755);
  const key = crypto.getRandomValues(new Uint8Array(1024));
  Deno.writeFileSync(`${dir}/munge/munge.key`, key, { mode: 0o600 });
  const socket = `${dir}/munge-socket/munge.socket`;
  const user = (await output("id", ["-un"], {})).stdout.trim();
  const node = hostname().split(".")[0];
  const cpus = navigator.hardwareConcurrency;
  const conf = `${dir}/slurm.conf`;
  const ctldPort = await freePort([]);
  const slurmdPort = await freePort([ctldPort]);
  Deno.writeTextFileSync(
    conf,
    [
      "ClusterName=smoothcerttest",
      `SlurmctldHost=${node}(127.0.0.1)`,
      `SlurmUser=${user}`,
      `SlurmdUser=${user}`,
      "AuthType=auth/munge",
      `AuthInfo=socket=${socket}`,
      "CryptoType=crypto/munge",
      "MpiDefault=none",
      "ProctrackType=proctrack/linuxproc",
      "TaskPlugin=task/none",
      "SwitchType=switch/none",
      "SchedulerType=sched/builtin",
      "SelectType=select/cons_tres",
      "SelectTypeParameters=CR_Core",
      `StateSaveLocation=${dir}/state`,
      `SlurmdSpoolDir=${dir}/spool`,
      `SlurmctldPidFile=${dir}/slurmctld.pid`,
      `SlurmdPidFile=${dir}/slurmd.pid`,
      `SlurmctldPort=${ctldPort}`,
      `SlurmdPort=${slurmdPort}`,
      `SlurmctldLogFile=${dir}/log/slurmctld.log`,
      `SlurmdLogFile=${dir}/log/slurmd.log`,
      "JobCompType=jobcomp/none",
      "AccountingStorageType=accounting_storage/none",
      "JobAcctGatherType=jobacct_gather/none",
      "ReturnToService=2",
      // a cancelled task gets SIGTERM, then SIGKILL after this many seconds
      "KillWait=10",
      `NodeName=${node} NodeAddr=127.0.0.1 CPUs=${cpus} State=UNKNOWN`,
      "PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP",
      "",
    ].join("\n"),
  );
  const env = { SLURM_CONF: conf };
  const logs = () =>
    ["munge/munged.log", "log/slurmctld.log", "log/slurmd.log"].map((f) => {
      try {
        return `--- ${f}\n${Deno.readTextFileSync(`${dir}/${f}`).split("\n").slice(-15).join("\n")}`;
      } catch {
        return `--- ${f}: none`;
      }
    }).join("\n");
  const run = (command: string, args: string[]) => output(command, args, env);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await run("scancel", ["--user", user]).catch(() => {});
    const pids = [`${dir}/slurmd.pid`, `${dir}/slurmctld.pid`, `${dir}/munge/munged.pid`].map(readPid);
    for (const pid of pids) {
      if (pid === null) continue;
      try {
        Deno.kill(pid, "SIGTERM");
      } catch { /* already gone */ }
    }
    const end = Date.now() + 20_000;
    for (const pid of pids) {
      while (pid !== null && alive(pid) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
      if (pid !== null && alive(pid)) Deno.kill(pid, "SIGKILL");
    }
    await Deno.remove(dir, { recursive: true }).catch(() => {});
  };
  try {
    const start = async (command: string, args: string[]) => {
      const r = await run(command, args);
      if (r.code !== 0) throw new Error(`local Slurm: ${command} failed (${r.code}): ${r.stderr}\n${logs()}`);
    };
    await start("munged", [
      `--key-file=${dir}/munge/munge.key`,
      `--socket=${socket}`,
      `--pid-file=${dir}/munge/munged.pid`,
      `--log-file=${dir}/munge/munged.log`,
      `--seed-file=${dir}/munge/munged.seed`,
    ]);
    // -i: a fresh controller, ignoring any state (there is none)
    await start("slurmctld", ["-i"]);
    await start("slurmd", []);
    await waitFor(
      "the node to become idle",
      async () => {
        const r = await run("sinfo", ["--noheader", "--format=%t"]);
        return r.code === 0 && r.stdout.trim() === "idle";
      },
      60,
      logs,
    );
  } catch (e) {
    await stop();
    throw e;
  }
  return { dir, env, run, logs, stop };
}
