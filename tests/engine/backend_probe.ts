/**
 * Run by run_probe.ts in a subprocess (so each run gets a fresh wgpu instance with the environment's
 * backend): computes a few kernels on fixed data and prints the adapter, the results and whether EGL was
 * loaded as JSON.
 */
import {
  exp,
  initEngine,
  kernelProbe,
  mean,
  mul,
  readTensors,
  scope,
  sum,
  Tensor,
} from "./backend_probe_ops.ts";

const e = await initEngine().catch((err: Error) => {
  console.log(JSON.stringify({ error: err.message }));
  Deno.exit(0);
});
const n = 4099;
const a = new Float32Array(n).map((_, i) => Math.sin(i) * 2);
const b = new Float32Array(n).map((_, i) => Math.cos(i * 0.7));
const outs = scope(() => {
  const ta = Tensor.from(a, [n]);
  const tb = Tensor.from(b, [n]);
  return [mul(ta, tb), exp(ta), sum(mul(ta, tb)), mean(Tensor.from(a, [1, n]), [1]), ...kernelProbe()];
});
const vals = await readTensors(outs);
console.log(
  JSON.stringify({
    backend: e.gpu.info.backend,
    adapter: e.gpu.describe(),
    results: vals.map((v) => [...v]),
    // whether the process loaded libglvnd's EGL (wgpu's GL backend), whose exit destructor crashed
    // processes (engine/host_deno.ts); null where there is no /proc/self/maps
    egl: eglLoaded(),
    threads: threadCount(),
  }),
);

function threadCount(): number | null {
  try {
    return [...Deno.readDirSync("/proc/self/task")].length;
  } catch {
    return null;
  }
}

function eglLoaded(): boolean | null {
  try {
    return Deno.readTextFileSync("/proc/self/maps").includes("libEGL");
  } catch {
    return null;
  }
}
