/**
 * The PyTorch side by side: find a python3 that imports torch (Debian's python3-torch lives under
 * /usr/bin/python3, which a pyenv python3 first on PATH does not see), hand it the plan's cases one at
 * a time, and read back its timings. Without torch nothing fails; the figures say "torch not available".
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

/**
 * A running bench/torch_reference.py that measures one case per request, so that a caller can measure
 * each case on both sides back to back (bench/main.ts does). Its progress goes to our stderr.
 */
export class TorchSession {
  private readonly writer: WritableStreamDefaultWriter<Uint8Array>;
  private constructor(
    private readonly child: Deno.ChildProcess,
    private readonly lines: AsyncIterator<string>,
    readonly version: string,
  ) {
    this.writer = child.stdin.getWriter();
  }

  static async start(info: TorchInfo): Promise<TorchSession> {
    if (!info.available || !info.python) throw new Error("TorchSession: torch is not available");
    const child = new Deno.Command(info.python, {
      args: [SCRIPT, String(info.threads ?? CORES)],
      env: { OMP_WAIT_POLICY: info.ompWaitPolicy ?? ompWaitPolicy() },
      stdin: "piped",
      stdout: "piped",
      stderr: "inherit",
    }).spawn();
    const lines = lineReader(child.stdout);
    const first = await lines.next();
    if (first.done) {
      await child.stdin.close().catch(() => {});
      const status = await child.status;
      throw new Error(`bench/torch_reference.py exited with status ${status.code} before it was ready`);
    }
    return new TorchSession(child, lines, (JSON.parse(first.value) as { version: string }).version);
  }

  /** The case's samples, or PyTorch's error message for it. Throws if the process has gone. */
  async measure(c: MeasuredCase): Promise<{ samples: Sample[] } | { error: string }> {
    await this.writer.write(new TextEncoder().encode(JSON.stringify(c) + "\n"));
    const next = await this.lines.next();
    if (next.done) {
      const status = await this.child.status;
      throw new Error(`bench/torch_reference.py exited with status ${status.code} during ${c.id}`);
    }
    const answer = JSON.parse(next.value) as { id: string; samples?: Sample[]; error?: string };
    if (answer.id !== c.id) throw new Error(`bench/torch_reference.py answered ${answer.id} for ${c.id}`);
    return answer.samples ? { samples: answer.samples } : { error: answer.error ?? "no samples" };
  }

  /** Measure `c` and add its samples, or its error, to `run`; returns the error, if any. */
  async measureInto(c: MeasuredCase, run: TorchRun): Promise<string | null> {
    const r = await this.measure(c);
    if ("error" in r) {
      run.errors.set(c.id, r.error);
      return r.error;
    }
    run.results.set(c.id, r.samples);
    return null;
  }

  /** Ends the process (end of its input) and waits for it. */
  async close(): Promise<void> {
    await this.writer.close().catch(() => {});
    await this.lines.return?.();
    await this.child.status;
  }
}

/** The lines of a byte stream, without their newlines. */
async function* lineReader(stream: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let pending = "";
  for await (const chunk of stream) {
    pending += decoder.decode(chunk, { stream: true });
    let nl;
    while ((nl = pending.indexOf("\n")) >= 0) {
      yield pending.slice(0, nl);
      pending = pending.slice(nl + 1);
    }
  }
  if (pending) yield pending;
}

/** Measure `cases` one after another in one PyTorch process. */
export async function runTorch(info: TorchInfo, cases: readonly MeasuredCase[]): Promise<TorchRun> {
  const session = await TorchSession.start(info);
  const run: TorchRun = { results: new Map(), errors: new Map() };
  try {
    for (const c of cases) await session.measureInto(c, run);
  } finally {
    await session.close();
  }
  return run;
}
