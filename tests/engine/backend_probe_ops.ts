/** The ops the backend probe runs; grows as kernel families are added. */
import type { Tensor } from "../../engine/mod.ts";
export { exp, initEngine, mean, mul, readTensors, scope, sum, Tensor } from "../../engine/mod.ts";

/** Extra probe outputs from later kernel families (matmul, conv) once they exist. */
export function matmulProbe(): Tensor[] {
  return [];
}
