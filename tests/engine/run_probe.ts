/**
 * Runs backend_probe.ts in a subprocess with the given environment (a fresh wgpu instance each time, so
 * adapter variables and the backend choice take effect) and returns what it printed.
 */
const probe = new URL("./backend_probe.ts", import.meta.url).pathname;

export interface ProbeOut {
  backend?: string;
  adapter?: string;
  results?: number[][];
  egl?: boolean | null;
  /** Threads of the probe process once its kernels ran (null where there is no /proc/self/task). */
  threads?: number | null;
  error?: string;
}

/** `env` on top of this process's environment, without the variables named in `unset`. */
export async function runProbe(env: Record<string, string>, unset: string[] = []): Promise<ProbeOut> {
  const inherited = Deno.env.toObject();
  for (const name of unset) delete inherited[name];
  const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    // all permissions: Deno reads /proc/self/maps (backend_probe.ts: whether EGL is loaded) only with them
    args: ["run", "--allow-all", probe],
    env: { ...inherited, ...env },
    clearEnv: true,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(stdout).trim().split("\n").pop() ?? "";
  if (code !== 0) throw new Error(`probe failed (${code}): ${new TextDecoder().decode(stderr)}`);
  return JSON.parse(text) as ProbeOut;
}

/**
 * How closely probe output i agrees between two backends of the same driver: the elementwise ops and the
 * two sums (outputs 0-3) to rounding; the matmul and the convolutions (4 on) sum up to 128 products, which
 * the backends' shader compilers may contract into FMAs differently: the conv tests' tolerance against
 * float64, 1e-5 * (1 + sqrt(R)) with R <= 128.
 */
export function acrossBackends(i: number): { rtol: number; atol: number } {
  return i < 4 ? { rtol: 2e-6, atol: 1e-6 } : { rtol: 1e-5, atol: 1.2e-4 };
}
