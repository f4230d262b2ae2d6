/** Reading the PyTorch reference fixtures in ../shared/fixtures and comparing with their tolerances. */
import { fileURLToPath } from "node:url";
import { loadSafetensorsFile } from "../../nn/checkpoint/safetensors.ts";
import type { HostTensor } from "../../nn/checkpoint/host_tensor.ts";
import { normRel } from "../helpers.ts";

export const FIXTURES = fileURLToPath(new URL("../../../shared/fixtures/", import.meta.url));

export interface Tolerance {
  norm_rel: number;
  max_abs: number;
}

export interface Fixture {
  dir: string;
  cases: Map<string, HostTensor>;
  tolerance(name: string): Tolerance;
  f32(name: string): Float32Array;
}

export async function loadFixture(name: string): Promise<Fixture> {
  const dir = `${FIXTURES}${name}/`;
  const cases = (await loadSafetensorsFile(`${dir}cases.safetensors`)).tensors;
  const tol = JSON.parse(await Deno.readTextFile(`${dir}tolerances.json`)).tensors as Record<
    string,
    { recommended: Tolerance }
  >;
  return {
    dir,
    cases,
    tolerance: (n) => {
      const t = tol[n]?.recommended;
      if (!t) throw new Error(`${name}/tolerances.json has no entry for ${n}`);
      return t;
    },
    f32: (n) => {
      const t = cases.get(n);
      if (!t || t.dtype !== "F32") throw new Error(`${name}/cases.safetensors: no F32 tensor ${n}`);
      return t.data;
    },
  };
}

/** |ours - fixture| <= max_abs elementwise (when `elementwise`) and norm-relative error <= norm_rel. */
export function assertWithin(
  what: string,
  ours: ArrayLike<number>,
  ref: ArrayLike<number>,
  tol: Tolerance,
  elementwise = true,
  scale = 1,
): number {
  if (ours.length !== ref.length) {
    throw new Error(`${what}: ${ours.length} values, fixture has ${ref.length}`);
  }
  const nr = normRel(ours, ref);
  if (!(nr <= tol.norm_rel * scale)) {
    throw new Error(
      `${what}: norm-relative error ${nr.toExponential(2)} > ${(tol.norm_rel * scale).toExponential(2)}`,
    );
  }
  if (elementwise) {
    for (let i = 0; i < ref.length; i++) {
      const d = Math.abs(ours[i] - ref[i]);
      if (!(d <= tol.max_abs * scale)) {
        throw new Error(
          `${what}[${i}]: |${ours[i]} - ${ref[i]}| = ${d.toExponential(2)} > ${
            (tol.max_abs * scale).toExponential(2)
          }`,
        );
      }
    }
  }
  return nr;
}
