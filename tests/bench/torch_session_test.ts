/**
 * The PyTorch side of the benchmark as one process that measures a case per request (bench/torch.ts):
 * a failing case is answered with its error and the process goes on; a process that cannot start is a
 * clear error. The cases that need torch run only where a python3 imports it.
 */
import assert from "node:assert/strict";
import type { MeasuredCase } from "../../bench/cases.ts";
import { findTorch, runTorch, TorchSession } from "../../bench/torch.ts";

const torch = await findTorch(undefined, 1);

function matmulCase(id: string, repeats: number): MeasuredCase {
  return {
    id,
    section: "matmul",
    name: id,
    unit: "GFLOP/s",
    work: 2 * 64 ** 3,
    bound: "compute",
    params: { kind: "matmul", size: 64 },
    repeats,
    warmup: 1,
    targetMs: 0,
    torch: true,
  };
}

Deno.test("a PyTorch process that ends before it is ready is an error naming the script", async () => {
  await assert.rejects(
    () => TorchSession.start({ available: true, python: "/bin/false", threads: 1 }),
    /torch_reference\.py exited with status 1 before it was ready/,
  );
});

Deno.test({
  name: "one PyTorch process answers case after case, a failing case with its error",
  ignore: !torch.available,
  fn: async () => {
    const bogus = { ...matmulCase("bogus", 1), params: { kind: "no_such_kind" } } as unknown as MeasuredCase;
    const run = await runTorch(torch, [matmulCase("first", 2), bogus, matmulCase("after", 3)]);
    assert.deepEqual([...run.results.keys()], ["first", "after"]);
    assert.equal(run.results.get("first")!.length, 2);
    assert.equal(run.results.get("after")!.length, 3);
    for (const s of [...run.results.values()].flat()) assert.ok(s.wallS > 0 && s.cpuS >= 0);
    assert.match(run.errors.get("bogus")!, /unknown case kind 'no_such_kind'/);
  },
});
