/**
 * Runs backend_probe.ts in a subprocess with the given environment (a fresh wgpu instance each time, so
 * adapter variables and the backend choice take effect) and returns what it printed.
 */
const probe = new URL("./backend_probe.ts", import.meta.url).pathname;

export interface ProbeOut {
  backend?: string;
  adapter?: string;
  results?: number[][];
  error?: string;
}

export async function runProbe(env: Record<string, string>): Promise<ProbeOut> {
  const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-read", "--allow-env", "--allow-write", "--allow-sys", probe],
    env,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(stdout).trim().split("\n").pop() ?? "";
  if (code !== 0) throw new Error(`probe failed (${code}): ${new TextDecoder().decode(stderr)}`);
  return JSON.parse(text) as ProbeOut;
}
