/**
 * The library's layers: shaders/ <- engine/ <- nn/ <- smoothing/ <- cli/. A module imports only from its
 * own layer or those below, and no chain of imports among the library's modules, type-only ones included,
 * comes back to where it started (autograd.ts once loaded the elementwise ops that load it, and those the
 * reductions that load them; now both sides import the kernels of elementwise_kernels.ts and
 * reduce_kernels.ts; and types two modules share live in a third, as engine/gpu_info.ts and
 * smoothing/train_config.ts).
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

/** The repository-relative paths a module imports or re-exports by a relative specifier, types included. */
function relativeImports(path: string): string[] {
  const text = Deno.readTextFileSync(join(ROOT, path));
  const statements = [...text.matchAll(/^(import|export)\b[^;]*?\bfrom\s+"(\.{1,2}\/[^"]+)"/gms)];
  return statements.map((m) => relative(ROOT, resolve(join(ROOT, dirname(path)), m[2])));
}

const layerOf = (path: string) => LAYERS.indexOf(path.split("/")[0]);
const library = LAYERS.flatMap(modules);
const graph = new Map(library.map((m) => [m, relativeImports(m)]));

Deno.test("a library module imports only from its own layer or the layers below", () => {
  const upward: string[] = [];
  for (const [m, deps] of graph) {
    for (const d of deps) if (layerOf(d) > layerOf(m)) upward.push(`${m} -> ${d}`);
  }
  assert.ok(graph.size > 100, `found only ${graph.size} modules under ${LAYERS.join(", ")}`);
  assert.deepEqual(upward, []);
});

Deno.test("no library module reaches itself through its imports, type-only ones included", () => {
  const state = new Map<string, 1 | 2>(); // 1: on the current path, 2: done
  const cycles: string[] = [];
  const visit = (m: string, path: string[]) => {
    state.set(m, 1);
    for (const d of graph.get(m) ?? []) {
      if (!graph.has(d)) continue;
      if (state.get(d) === 1) cycles.push([...path.slice(path.indexOf(d)), d].join(" -> "));
      else if (!state.has(d)) visit(d, [...path, d]);
    }
    state.set(m, 2);
  };
  for (const m of [...graph.keys()].sort()) if (!state.has(m)) visit(m, [m]);
  assert.deepEqual(cycles, []);
});
