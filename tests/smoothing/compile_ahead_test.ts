/**
 * Building a run's kernels on a second device (smoothing/compile_ahead.ts, engine Recorder.compileAhead):
 * the recording mode dispatches each pipeline once and leaves results alone; a run defers the 16-channel
 * layers' faster form while the worker builds it after the run's own pipelines, and takes it once every
 * worker that deferred it has built it; the marks say which runs the shader cache holds; and the certify,
 * predict --attack and train commands, started on an empty cache, use the worker once and then no more,
 * with the same rows either way.
 */
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { engine, initEngine, Tensor } from "../../engine/mod.ts";
import { mnistCnn } from "../../nn/mnist_cnn.ts";
import type { Module } from "../../nn/module.ts";
import { setWinogradSharedWeights, winogradSharedWeightsOn } from "../../engine/ops/conv_winograd.ts";
import { InitRng } from "../../nn/init.ts";
import { Conv2d, Flatten, GlobalAvgPool, Linear, ReLU } from "../../nn/layers.ts";
import { Sequential } from "../../nn/module.ts";
import { buildRunPipelines, CompiledMarks, FormDeferral } from "../../smoothing/compile_ahead.ts";
import { sampleVotes } from "../../smoothing/sampling.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

Deno.test({
  name: "compileAhead dispatches each new pipeline once, last first, until told to stop, and reads zeros",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    await initEngine();
    const image = Tensor.from(Float32Array.from({ length: 784 }, (_, i) => (i % 29) / 29), [1, 28, 28])
      .keep();
    // a model of its own for the recording, as the worker has (a model's first batch may prepare state)
    const run = (model: Module) =>
      sampleVotes(model, image, 10, {
        count: 64,
        batch: 32,
        sigma: 0.25,
        seed: 5,
        stream: 7,
        firstSample: 0,
      });
    let inside: Uint32Array | null = null;
    const dispatches = engine().rec.stats.dispatches;
    const positions: number[] = [];
    const pipelines = await engine().compileAhead(async () => (inside = await run(mnistCnn(3))), (p) => {
      positions.push(p);
      return p < 2; // the run would be building its third pipeline
    });
    // two batches of the same kernels: each new pipeline once, last first, down to position 2
    assert.ok(pipelines.length >= 3, `${pipelines.length} pipelines`);
    const last = pipelines.length + 1;
    assert.deepEqual(positions, Array.from({ length: last }, (_, i) => last - i), "asked last first");
    assert.equal(engine().rec.stats.dispatches, dispatches, "no dispatch counted as a run's own");
    assert.deepEqual([...inside!], new Array(10).fill(0));
    const votes = await run(mnistCnn(3));
    assert.equal(votes.reduce((a, b) => a + b, 0), 64);
    assert.deepEqual([...await run(mnistCnn(3))], [...votes]);
    // pipelines made before the recording are built already: none is dispatched again
    assert.deepEqual(await engine().compileAhead(() => run(mnistCnn(3))), []);
  },
});

Deno.test("a deferred form comes on when every worker that deferred it has built it, and never after a failure", () => {
  let on = true;
  const switches: boolean[] = [];
  const deferral = new FormDeferral(() => on, (v) => switches.push(on = v));
  assert.equal(deferral.start(), true, "the first worker defers the form");
  assert.equal(on, false);
  assert.equal(deferral.start(), true, "a second one, started meanwhile (a training run's evaluation), too");
  deferral.end(true);
  assert.equal(on, false, "still off: the second worker has not built its pipelines of the form");
  deferral.end(true);
  assert.equal(on, true);
  // a failed (or abandoned) worker leaves the form off, and later workers then have nothing to defer
  assert.equal(deferral.start(), true);
  deferral.end(false);
  assert.equal(on, false);
  assert.equal(deferral.start(), false);
  assert.deepEqual(switches, [false, true, false]);
  assert.throws(() => deferral.end(true), /without a start/);
  // where the run does not take the form (a GPU, llvmpipe through GL), there is nothing to defer
  assert.equal(new FormDeferral(() => false, () => assert.fail("switched")).start(), false);
});

Deno.test({
  name: "a worker builds its run's pipelines without the deferred form, then the form's own, and the run's " +
    "votes are the same with it",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    await initEngine();
    if (!winogradSharedWeightsOn()) return; // lavapipe (Vulkan) alone has the workgroup-memory form
    const rng = new InitRng(17);
    // a stem (3 -> 16 channels) and a first-stage layer (16 -> 16), the two layers with the form
    const model = new Sequential([
      new Conv2d(3, 16, 3, rng, { padding: 1 }),
      new ReLU(),
      new Conv2d(16, 16, 3, rng, { padding: 1 }),
      new GlobalAvgPool(),
      new Flatten(),
      new Linear(16, 10, rng),
    ]);
    model.eval();
    const image = Tensor.from(Float32Array.from({ length: 192 }, (_, i) => (i % 13) / 13), [3, 8, 8]).keep();
    const votes = () =>
      sampleVotes(model, image, 10, { count: 24, batch: 8, sigma: 0.5, seed: 3, stream: 1, firstSample: 0 });
    const upgrades: string[][] = [];
    const stops: [number, number][] = [];
    try {
      const { pipelines } = await buildRunPipelines(votes, {
        deferred: true,
        stop: (position, built) => {
          stops.push([position, built]);
          return false;
        },
        abandoned: () => false,
        upgraded: (p) => upgrades.push(p),
      });
      const winograd = (names: string[]) =>
        names.filter((n) => n.startsWith("shaders/conv_winograd.wgsl:main"));
      assert.deepEqual(winograd(pipelines), ["shaders/conv_winograd.wgsl:main (NCHW=1)"], "the loop form");
      // asked last first, each pipeline built counted
      assert.deepEqual(stops, pipelines.map((_, i) => [pipelines.length - 1 - i, i]));
      assert.equal(upgrades.length, 1);
      // built last first: the first-stage layer's (4 groups of 4 input channels), then the stem's
      assert.deepEqual(upgrades[0], [
        "shaders/conv_winograd.wgsl:main (NCHW=1 WS=1 CG=4 WGS=64)",
        "shaders/conv_winograd.wgsl:main (NCHW=1 WS=1 CG=1 WGS=64)",
      ]);
      // the run switched between two calls gives the votes it gave before
      setWinogradSharedWeights(false);
      const before = await votes();
      setWinogradSharedWeights(true);
      assert.deepEqual([...await votes()], [...before]);
      assert.equal(before.reduce((a, b) => a + b, 0), 24);
    } finally {
      setWinogradSharedWeights(true);
    }
  },
});

Deno.test("compiled marks: a run is known only to the cache directory it was built into", async () => {
  const root = await Deno.makeTempDir({ prefix: "marks-" });
  try {
    const marks = CompiledMarks.at(root);
    assert.equal(await marks.has("run"), false);
    await marks.add("run"); // Mesa has not made its cache directory: nothing to vouch for
    assert.equal(await marks.has("run"), false);
    await Deno.mkdir(`${root}/mesa_shader_cache`);
    await marks.add("run");
    assert.equal(await marks.has("run"), true);
    assert.equal(await marks.has("other run"), false);
    assert.equal(await CompiledMarks.at(`${root}/elsewhere`).has("run"), false);
    await Deno.writeTextFile(`${root}/mesa_shader_cache/smoothcert-compiled.json`, "not json");
    assert.equal(await marks.has("run"), false, "an unreadable file knows nothing");
    await marks.add("run");
    assert.equal(await marks.has("run"), true);
    // a cache deleted and made again is cold
    await Deno.remove(`${root}/mesa_shader_cache`, { recursive: true });
    await Deno.mkdir(`${root}/mesa_shader_cache`);
    assert.equal(await marks.has("run"), false);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

const MNIST_MODEL = `${ROOT}models/mnist_cnn_gaussian_0.25.safetensors`;

/**
 * A command (`cli/NAME.ts ARGS`) in a process of its own on the Mesa shader cache in `cache`: its stderr,
 * and its stdout's rows without the columns `timeColumns` names (times differ from run to run).
 */
async function runOnCache(
  name: string,
  args: string[],
  cache: string,
  timeColumns: number[],
): Promise<{ err: string; rows: string[] }> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", `${ROOT}cli/${name}.ts`, ...args],
    env: { MESA_SHADER_CACHE_DIR: cache },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const err = new TextDecoder().decode(out.stderr);
  assert.ok(out.success, err.slice(-2000));
  const lines = new TextDecoder().decode(out.stdout).trim().split("\n");
  const rows = lines.map((l) => l.split("\t").filter((_, i) => !timeColumns.includes(i)).join("\t"));
  return { err, rows };
}

/** A test of commands started on an empty Mesa shader cache of its own, removed afterwards. */
function cacheTest(name: string, fn: (cache: string) => Promise<void>): void {
  Deno.test({
    name,
    sanitizeResources: false,
    sanitizeOps: false,
    fn: async () => {
      const cache = await Deno.makeTempDir({ prefix: "ahead-cache-" });
      try {
        await fn(cache);
      } finally {
        await Deno.remove(cache, { recursive: true });
      }
    },
  });
}

/** The run keys of the marks file in `cache`. */
async function markedRuns(cache: string): Promise<string[]> {
  return Object.keys(
    JSON.parse(await Deno.readTextFile(`${cache}/mesa_shader_cache/smoothcert-compiled.json`)),
  );
}

cacheTest(
  "certify builds its kernels on a second device when the cache is cold, and not once it is warm",
  async (cache) => {
    const args = ["--dataset", "mnist", "--checkpoint", MNIST_MODEL, "--skip", "1000", "--max", "2000"]
      .concat(["--N0", "50", "--N", "200", "--batch", "50", "--verbose"]);
    const cold = await runOnCache("certify", args, cache, [5]);
    assert.match(cold.err, /compile ahead: a second device dispatched \d+ pipeline/);
    assert.equal((await markedRuns(cache)).length, 1);
    const warm = await runOnCache("certify", args, cache, [5]);
    assert.doesNotMatch(warm.err, /compile ahead/, "a warm cache needs no second device");
    assert.deepEqual(warm.rows, cold.rows);
    assert.equal(cold.rows.length, 3, "header and two images");
  },
);

cacheTest(
  "predict --attack records the attack before the batch on the second device, then knows the run",
  async (cache) => {
    const args = ["--dataset", "mnist", "--checkpoint", MNIST_MODEL, "--skip", "1000", "--max", "2000"]
      .concat(["--N", "100", "--batch", "50", "--attack", "PGD", "--epsilon", "64", "--num-steps", "1"])
      .concat(["--num-noise-vec", "2", "--verbose"]);
    const cold = await runOnCache("predict", args, cache, [5]);
    // the attack's gradient passes (batch m = 2) come first in the run and in the recording
    assert.match(cold.err, /compile ahead: a second device dispatched \d+ pipeline/);
    assert.ok((await markedRuns(cache)).some((k) => k.includes('"PGD"')), "the key names the attack");
    const warm = await runOnCache("predict", args, cache, [5]);
    assert.doesNotMatch(warm.err, /compile ahead/);
    assert.deepEqual(warm.rows, cold.rows);
  },
);

cacheTest(
  "train builds its first step's and first evaluation's kernels on a second device when the cache is " +
    "cold, and not once it is warm, with the same log",
  async (cache) => {
    const runs = await Deno.makeTempDir({ prefix: "ahead-train-" });
    try {
      const args = ["--dataset", "mnist", "--noise-sd", "0.25", "--batch", "64", "--lr", "0.01"]
        .concat(["--train-limit", "192", "--test-limit", "100", "--epochs", "1", "--verbose"]);
      const train = (out: string) => runOnCache("train", [...args, "--out", `${runs}/${out}`], cache, [1]);
      const cold = await train("cold");
      assert.match(cold.err, /first step \(kernels compiled\) in \d+\.\d s/);
      assert.match(cold.err, /first step: compile ahead: a second device dispatched \d+ pipeline/);
      assert.match(cold.err, /first evaluation: compile ahead: a second device dispatched \d+ pipeline/);
      assert.equal((await markedRuns(cache)).length, 2, "the step's and the evaluation's kernels are known");
      const warm = await train("warm");
      assert.doesNotMatch(warm.err, /compile ahead/, "a warm cache needs no second device");
      assert.deepEqual(warm.rows, cold.rows);
      assert.equal(cold.rows.length, 2, "header and one epoch");
    } finally {
      await Deno.remove(runs, { recursive: true });
    }
  },
);
