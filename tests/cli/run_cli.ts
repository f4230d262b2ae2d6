/** Running a `cli/` command in a subprocess, as a user would, or in-process with its output captured. */
import { fileURLToPath } from "node:url";
import type { CommandIO } from "../../cli/args.ts";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `env` adds to the inherited environment (INIT_CWD, say: the directory a `deno task` was typed in). */
export function cliCommand(script: string, args: string[], env: Record<string, string> = {}): Deno.Command {
  return new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--allow-read",
      "--allow-write",
      "--allow-env",
      "--allow-sys",
      `${ROOT}cli/${script}`,
      ...args,
    ],
    cwd: ROOT,
    env,
    stdout: "piped",
    stderr: "piped",
  });
}

export async function runCli(
  script: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<CliResult> {
  const { code, stdout, stderr } = await cliCommand(script, args, env).output();
  const dec = new TextDecoder();
  return { code, stdout: dec.decode(stdout), stderr: dec.decode(stderr) };
}

/** Rows of a certification log without the time column (the only field allowed to differ between runs). */
export function rowsWithoutTime(text: string): string[] {
  return text.trim().split("\n").map((l) => l.split("\t").slice(0, -1).join("\t"));
}

/** A CommandIO that keeps what a command prints, for running a command's exported entry in-process. */
export function capture(): CommandIO & { stdout: () => string; stderr: () => string } {
  const out: string[] = [], err: string[] = [];
  return {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    stdout: () => out.join(""),
    stderr: () => err.join(""),
  };
}

/** Runs a command's exported entry in-process with its output captured. */
export async function runInProcess(
  main: (args: readonly string[], io: CommandIO) => Promise<number>,
  args: string[],
): Promise<{ code: number; out: string; err: string }> {
  const io = capture();
  const code = await main(args, io);
  return { code, out: io.stdout(), err: io.stderr() };
}
