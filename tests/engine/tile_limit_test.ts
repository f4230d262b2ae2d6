/**
 * The software tiles' cap of a process: SMOOTHCERT_MAX_TILE where set, else what the run asked for
 * (`initEngine({ tileLimit })`: the embedded default certify asks for FAST_START_TILE_LIMIT), else
 * DEFAULT_TILE_LIMIT. Each case opens an engine in a process of its own (the cap is fixed per process).
 */
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

async function capIn(env: string | null, requested: string): Promise<string> {
  const code = `
    import { engine, initEngine } from "${ROOT}engine/mod.ts";
    import { currentTileConfig } from "${ROOT}engine/ops/matmul.ts";
    await initEngine({ tileLimit: ${requested} });
    const t = currentTileConfig().gemm(3072, 64, "rows", 64);
    console.log(JSON.stringify({ limit: engine().tileLimit, kind: currentTileConfig().kind, RB: t.RB, CB: t.CB }));
  `;
  // The test task sets the variable and a child inherits its parent's environment: the child gets a
  // copy without it (not a change to this process's, which test files running beside this one share).
  const childEnv = Deno.env.toObject();
  delete childEnv.SMOOTHCERT_MAX_TILE;
  if (env !== null) childEnv.SMOOTHCERT_MAX_TILE = env;
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["eval", "--ext=ts", code],
    cwd: ROOT,
    clearEnv: true,
    env: childEnv,
    stdout: "piped",
    stderr: "piped",
  }).output();
  assert.ok(out.success, new TextDecoder().decode(out.stderr).slice(-2000));
  return new TextDecoder().decode(out.stdout).trim();
}

Deno.test({
  name: "SMOOTHCERT_MAX_TILE overrides the run's requested tile cap, which overrides the default",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const asked = await capIn(null, "{ rows: 2, cols: 1 }");
    const r1 = JSON.parse(asked);
    assert.deepEqual(r1.limit, { rows: 2, cols: 1 });
    if (r1.kind === "software") assert.deepEqual([r1.RB, r1.CB], [2, 1]);

    const r2 = JSON.parse(await capIn("8x4", "{ rows: 2, cols: 1 }"));
    assert.deepEqual(r2.limit, { rows: 8, cols: 4 });

    const r3 = JSON.parse(await capIn(null, "undefined"));
    assert.equal(r3.limit, null);
    if (r3.kind === "software") assert.deepEqual([r3.RB, r3.CB], [8, 8]);
  },
});
