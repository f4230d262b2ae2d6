/**
 * The library's layers: shaders/ <- engine/ <- nn/ <- smoothing/ <- cli/. A module imports only from its
 * own layer or those below, and no chain of runtime imports among the library's modules comes back to
 * where it started (autograd.ts once loaded the elementwise ops that load it, and those the reductions
 * that load them; now both sides import the kernels of elementwise_kernels.ts and reduce_kernels.ts).
 */
import assert from "node:assert/strict";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const LAYERS = ["engine", "nn", "smoothing", "cli"];

function modules(dir: string): string[] {
  const out: string[] = [];
  for (const e of Deno.readDirSync(join(ROOT, dir))) {
    const path = join(dir, e.name);
    if (e.isDirectory) out.push(...modules(path));
    else if (e.isFile && e.name.endsWith(".ts")) out.push(path);
  }
  return out;
}

/**
 * The repository-relative paths a module imports or re-exports by a relative specifier; with `runtime`,
 * only the imports that load the module when this one runs (`import type` is erased).
 */
function relativeImports(path: string, runtime: boolean): string[] {
  const text = Deno.readTextFileSync(join(ROOT, path));
  const statements = [...text.matchAll(/^(import|export)\b(\s+type\b)?[^;]*?\bfrom\s+"(\.{1,2}\/[^"]+)"/gms)];
  return statements.filter((m) => !(runtime && m[2])).map((m) =>
    relative(ROOT, resolve(join(ROOT, dirname(path)), m[3]))
  );
}

const layerOf = (path: string) => LAYERS.indexOf(path.split("/")[0]);
const library = LAYERS.flatMap(modules);
const graph = new Map(library.map((m) => [m, relativeImports(m, false)]));
const loads = new Map(library.map((m) => [m, relativeImports(m, true)]));

Deno.test("a library module imports only from its own layer or the layers below", () => {
  const upward: string[] = [];
  for (const [m, deps] of graph) {
    for (const d of deps) if (layerOf(d) > layerOf(m)) upward.push(`${m} -> ${d}`);
  }
  assert.ok(graph.size > 100, `found only ${graph.size} modules under ${LAYERS.join(", ")}`);
  assert.deepEqual(upward, []);
});

Deno.test("no library module loads itself through its imports (type-only imports are erased)", () => {
  const state = new Map<string, 1 | 2>(); // 1: on the current path, 2: done
  const cycles: string[] = [];
  const visit = (m: string, path: string[]) => {
    state.set(m, 1);
    for (const d of loads.get(m) ?? []) {
      if (!loads.has(d)) continue;
      if (state.get(d) === 1) cycles.push([...path.slice(path.indexOf(d)), d].join(" -> "));
      else if (!state.has(d)) visit(d, [...path, d]);
    }
    state.set(m, 2);
  };
  for (const m of [...loads.keys()].sort()) if (!state.has(m)) visit(m, [m]);
  assert.deepEqual(cycles, []);
});
