/**
 * The compile trace (`Engine.traceCompiles`, `--verbose`): it lists every pipeline a computation uses
 * once, with its creation time when it was created under the trace and its first dispatch timed in a
 * pass of its own, and it leaves the computed values bit for bit as they are without it.
 */
import assert from "node:assert/strict";
import { engine, formatCompileCosts, type PipelineCost, Tensor } from "../../engine/mod.ts";
import { matmul } from "../../engine/ops/matmul.ts";
import { gpuTest, randomArray } from "../helpers.ts";

async function product(M: number, K: number, N: number): Promise<Float32Array> {
  const a = Tensor.from(randomArray(M * K, 1), [M, K]);
  const b = Tensor.from(randomArray(K * N, 2), [K, N]);
  const y = matmul(a, b);
  const out = (await y.read()) as Float32Array;
  a.dispose();
  b.dispose();
  y.dispose();
  return out;
}

gpuTest("a compile trace times each pipeline once and changes no result", async (e) => {
  // Shapes of this file only, so their pipelines are new to the process.
  const before = await product(37, 29, 41);
  const trace = e.traceCompiles();
  try {
    const again = await product(37, 29, 41); // pipelines created before the trace
    const other = await product(3, 517, 5); // a different tile (or split-K): new pipelines
    await product(3, 517, 5); // dispatched again: not listed twice
    assert.deepEqual(again, before);
    assert.equal(other.length, 15);
    const costs = await trace.costs();
    const ids = costs.map((c) => `${c.label} ${JSON.stringify(c.overrides)}`);
    assert.equal(new Set(ids).size, ids.length, `a pipeline listed twice: ${ids.join("; ")}`);
    assert.ok(costs.some((c) => c.label === "shaders/matmul.wgsl:main"), ids.join("; "));
    for (const c of costs) {
      assert.ok(c.createMs >= 0);
      if (e.gpu.device.features.has("timestamp-query")) {
        assert.ok(c.firstDispatchMs !== null && c.firstDispatchMs >= 0, `${c.label}: not timed`);
      }
    }
    // created under the trace: a creation time; created before it: none
    assert.ok(costs.some((c) => c.createMs > 0), "no pipeline was created under the trace");
  } finally {
    e.stopTracingCompiles();
  }
  assert.equal(engine().rec.trace, null);
  assert.equal(engine().kernels.trace, null);
});

Deno.test("the --verbose report lists pipelines costliest first, with totals", () => {
  const costs: PipelineCost[] = [
    { label: "shaders/a.wgsl:main", overrides: {}, createMs: 10, firstDispatchMs: 20 },
    {
      label: "shaders/conv2d.wgsl:main",
      overrides: { RB: 8, CB: 8 },
      createMs: 2400,
      firstDispatchMs: 23700,
    },
    { label: "shaders/b.wgsl:fill", overrides: {}, createMs: 0, firstDispatchMs: null },
  ];
  const text = formatCompileCosts(costs);
  const lines = text.trimEnd().split("\n");
  assert.equal(
    lines[0],
    "3 pipeline(s): 2.41 s creating them, 23.72 s in their first dispatches (where a software adapter compiles)",
  );
  assert.match(
    lines[1],
    /^ {2}2\.40 s create, 23\.70 s first dispatch {2}shaders\/conv2d\.wgsl:main \(RB=8 CB=8\)$/,
  );
  assert.match(lines[2], /shaders\/a\.wgsl:main$/);
  assert.match(lines[3], /first dispatch not timed {2}shaders\/b\.wgsl:fill$/);
  const untimed = formatCompileCosts([{ ...costs[2] }]);
  assert.match(untimed, /first dispatches not timed \(the adapter has no timestamp queries\)/);
});
