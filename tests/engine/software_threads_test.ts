/**
 * The CPU driver's thread count: more threads than cores where the user has not chosen one (lavapipe
 * hands each thread a fixed share of every dispatch, engine/software_threads.ts), the user's
 * LP_NUM_THREADS left as it is, and the count in effect in a fresh process's adapter line and threads.
 */
import assert from "node:assert/strict";
import {
  applySoftwareThreads,
  MESA_MAX_THREADS,
  softwareThreads,
  THREADS_PER_CORE,
  THREADS_VARIABLE,
} from "../../engine/software_threads.ts";
import { mapEnv } from "../helpers.ts";
import { runProbe } from "./run_probe.ts";

Deno.test("four threads per core, at most Mesa's 32, never fewer than one per core", () => {
  assert.equal(THREADS_PER_CORE, 4);
  assert.equal(softwareThreads(1), 4);
  assert.equal(softwareThreads(2), 8);
  assert.equal(softwareThreads(6), 24);
  assert.equal(softwareThreads(8), MESA_MAX_THREADS);
  assert.equal(softwareThreads(20), MESA_MAX_THREADS);
  // 32 cores or more: Mesa's default (one per core, clamped by Mesa itself) is left alone
  assert.equal(softwareThreads(32), null);
  assert.equal(softwareThreads(64), null);
  // a core count the runtime could not tell
  assert.equal(softwareThreads(0), null);
  assert.equal(softwareThreads(Number.NaN), null);
});

Deno.test("the engine sets LP_NUM_THREADS only where the environment lacks it", () => {
  const unset = mapEnv();
  assert.equal(applySoftwareThreads(unset, 2), "LP_NUM_THREADS=8 (engine)");
  assert.equal(unset.vars.get(THREADS_VARIABLE), "8");

  const user = mapEnv({ [THREADS_VARIABLE]: "3" });
  assert.equal(applySoftwareThreads(user, 2), "LP_NUM_THREADS=3 (user)");
  assert.equal(user.vars.get(THREADS_VARIABLE), "3");

  const big = mapEnv();
  assert.equal(applySoftwareThreads(big, 64), "LP_NUM_THREADS unset (Mesa's default)");
  assert.equal(big.vars.has(THREADS_VARIABLE), false);
});

Deno.test("a fresh process runs the count the engine chose, or the user's, before Mesa sizes its pools", async () => {
  const expected = softwareThreads(navigator.hardwareConcurrency);
  const engine = await runProbe({}, [THREADS_VARIABLE]);
  const one = await runProbe({ [THREADS_VARIABLE]: "1" });
  const twelve = await runProbe({ [THREADS_VARIABLE]: "12" });
  for (const out of [engine, one, twelve]) assert.equal(out.error, undefined);
  assert.match(one.adapter ?? "", /LP_NUM_THREADS=1 \(user\)/);
  assert.match(twelve.adapter ?? "", /LP_NUM_THREADS=12 \(user\)/);
  if (expected !== null) {
    assert.match(engine.adapter ?? "", new RegExp(`LP_NUM_THREADS=${expected} \\(engine\\)`));
  } else {
    assert.match(engine.adapter ?? "", /LP_NUM_THREADS unset \(Mesa's default\)/);
  }
  // Mesa starts a compute pool and a rasteriser pool of that many threads: 11 more of each from 1 to 12,
  // which only happens if the variable was set before the instance was created
  if (one.threads != null && twelve.threads != null) {
    assert.ok(
      twelve.threads - one.threads >= 11,
      `threads: ${one.threads} with 1, ${twelve.threads} with 12`,
    );
    if (expected !== null && engine.threads != null) {
      assert.ok(engine.threads - one.threads >= expected - 1, `threads: ${engine.threads} as chosen`);
    }
  }
});
