/**
 * Finite-difference gradient checks: the GPU op's backward is compared with central differences of a
 * float64 CPU reference of the same loss. A mismatch means the backward rule is wrong (or the forward
 * disagrees with the reference, which is checked too).
 */
import { backward, readTensors, scope, Tensor } from "../../engine/mod.ts";

export interface GradCase {
  inputs: { shape: number[]; data: Float32Array }[];
  /** Build the scalar loss on the GPU from tensors that require gradients. */
  gpu: (xs: Tensor[]) => Tensor;
  /** The same loss in float64. */
  cpu: (xs: Float64Array[]) => number;
  /** Finite-difference step (default 1e-4: the reference is float64, so truncation error dominates). */
  h?: number;
  /** Elements probed per input (all if the input is smaller). */
  probes?: number;
  rtol?: number;
  atol?: number;
  what?: string;
}

export async function checkGradients(c: GradCase): Promise<void> {
  const { h = 1e-4, probes = 24, rtol = 2e-3, atol = 1e-4, what = "gradient" } = c;
  const xs = c.inputs.map((i) => {
    const t = Tensor.from(i.data, i.shape);
    t.requiresGrad = true;
    return t;
  });
  const loss = scope(() => c.gpu(xs));
  backward(loss);
  const [lossValue, ...grads] = await readTensors([loss, ...xs.map((x) => x.grad!)]);
  const ref64 = c.inputs.map((i) => Float64Array.from(i.data));
  const f0 = c.cpu(ref64);
  const scaleF = Math.max(1, Math.abs(f0));
  if (Math.abs(lossValue[0] - f0) > 1e-4 * scaleF) {
    throw new Error(`${what}: forward loss ${lossValue[0]} differs from the float64 reference ${f0}`);
  }
  for (let k = 0; k < xs.length; k++) {
    const n = ref64[k].length;
    const idx = n <= probes ? [...Array(n).keys()] : pick(n, probes, k);
    for (const i of idx) {
      const orig = ref64[k][i];
      ref64[k][i] = orig + h;
      const fp = c.cpu(ref64);
      ref64[k][i] = orig - h;
      const fm = c.cpu(ref64);
      ref64[k][i] = orig;
      const fd = (fp - fm) / (2 * h);
      const g = grads[k][i];
      if (Math.abs(g - fd) > atol + rtol * Math.abs(fd)) {
        throw new Error(`${what}: d loss / d input${k}[${i}] = ${g} on the GPU, ${fd} by finite differences`);
      }
    }
  }
  for (const x of xs) {
    x.grad!.dispose();
    x.dispose();
  }
  loss.dispose();
}

function pick(n: number, count: number, salt: number): number[] {
  const out = new Set<number>([0, n - 1]);
  let s = (0x9e3779b9 ^ (salt * 7919)) >>> 0;
  while (out.size < count) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out.add(s % n);
  }
  return [...out];
}
