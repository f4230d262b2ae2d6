/**
 * The PyTorch side by side: find a python3 that imports torch (Debian's python3-torch lives under
 * /usr/bin/python3, which a pyenv python3 first on PATH does not see), hand it the plan's cases, and
 * read back its timings. Without torch nothing fails; the figures say "torch not available".
 */
import { fileURLToPath } from "node:url";
import type { MeasuredCase, Sample, TorchInfo } from "./cases.ts";
import { CORES } from "./measure.ts";

const SCRIPT = fileURLToPath(new URL("./torch_reference.py", import.meta.url));
const CANDIDATES = ["/usr/bin/python3", "python3"];

/** Version and the build facts that decide its CPU speed (which BLAS serves matmul, whether oneDNN convs). */
const PROBE = `import json, re, torch
m = re.search(r"BLAS_INFO=([^,\\s]+)", torch.__config__.show())
print(json.dumps({"version": torch.__version__, "blas": m.group(1) if m else "unknown",
                  "onednn": torch.backends.mkldnn.is_available()}))`;

async function probe(python: string, threads: number): Promise<TorchInfo> {
  try {
    const out = await new Deno.Command(python, { args: ["-c", PROBE], stdout: "piped", stderr: "piped" })
      .output();
    if (!out.success) {
      const err = new TextDecoder().decode(out.stderr).trim().split("\n").pop() ?? "";
      return { available: false, python, reason: `${python}: ${err}` };
    }
    const p = JSON.parse(new TextDecoder().decode(out.stdout)) as {
      version: string;
      blas: string;
      onednn: boolean;
    };
    return {
      available: true,
      python,
      version: p.version,
      threads,
      ompWaitPolicy: ompWaitPolicy(),
      build: `BLAS_INFO=${p.blas}${p.blas === "generic" ? " (reference BLAS for matmul)" : ""}, oneDNN ${
        p.onednn ? "on (convolutions)" : "off"
      }`,
    };
  } catch (e) {
    return { available: false, python, reason: `${python}: ${(e as Error).message}` };
  }
}

/**
 * OpenMP's wait policy for torch's threads. GOMP's default spins at every barrier; with other processes
 * on the cores a spinning thread starves its partner, and a ResNet-110 SmoothAdv step measured here took
 * 8-30 s instead of ~1 s (1 thread: 0.85 s). PASSIVE sleeps instead; a value set by the user wins.
 */
export function ompWaitPolicy(): string {
  return Deno.env.get("OMP_WAIT_POLICY") ?? "PASSIVE";
}

/** The first candidate (or `explicit`) whose python imports torch; otherwise why none did. */
export async function findTorch(explicit?: string, threads = CORES): Promise<TorchInfo> {
  const reasons: string[] = [];
  for (const python of explicit ? [explicit] : CANDIDATES) {
    const info = await probe(python, threads);
    if (info.available) return info;
    reasons.push(info.reason ?? python);
  }
  return { available: false, reason: `torch not available (${reasons.join("; ")})` };
}

export interface TorchRun {
  results: Map<string, Sample[]>;
  errors: Map<string, string>;
}

/** Run bench/torch_reference.py on `cases`; its progress goes to our stderr. */
export async function runTorch(info: TorchInfo, cases: readonly MeasuredCase[]): Promise<TorchRun> {
  if (!info.available || !info.python) throw new Error("runTorch: torch is not available");
  const dir = await Deno.makeTempDir({ prefix: "bench-torch-" });
  try {
    const plan = `${dir}/plan.json`;
    const result = `${dir}/result.json`;
    await Deno.writeTextFile(plan, JSON.stringify({ threads: info.threads ?? CORES, cases }));
    const out = await new Deno.Command(info.python, {
      args: [SCRIPT, plan, result],
      env: { OMP_WAIT_POLICY: info.ompWaitPolicy ?? ompWaitPolicy() },
      stdout: "inherit",
      stderr: "inherit",
    }).output();
    if (!out.success) throw new Error(`bench/torch_reference.py exited with status ${out.code}`);
    const parsed = JSON.parse(await Deno.readTextFile(result)) as {
      results: Record<string, Sample[]>;
      errors: Record<string, string>;
    };
    return {
      results: new Map(Object.entries(parsed.results)),
      errors: new Map(Object.entries(parsed.errors)),
    };
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}
