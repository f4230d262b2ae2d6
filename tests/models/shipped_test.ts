/**
 * The models in `models/` are what the README's "Shipped models" table says they are: each row's
 * file exists next to its per-epoch log, records the training command's recipe in its metadata,
 * its log ends at the accuracy the README states, and its noisy (sigma = 0.25) accuracy on the first
 * test images agrees with that figure.
 *
 * The last check is statistical: the first K test images stand in for a random sample, so the
 * sample accuracy lies within 4 binomial standard deviations of the 10,000-image figure except with
 * probability about 6e-5 per model (normal approximation). With the training run's own evaluation
 * seed the check is deterministic; what it catches is a wrong architecture, normalisation or weights
 * (those give chance-level accuracy, far outside the band).
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadCifar10 } from "../../nn/data/cifar10.ts";
import { type ImageDataset, limitDataset } from "../../nn/data/dataset.ts";
import { DataLoader } from "../../nn/data/loader.ts";
import { loadMnist } from "../../nn/data/mnist.ts";
import { loadWeightsFile } from "../../nn/checkpoint/load.ts";
import { openModel } from "../../nn/open_model.ts";
import { evaluateNoisy } from "../../smoothing/train.ts";
import { gpuTest } from "../helpers.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SHARED_CIFAR = fileURLToPath(new URL("../../../shared/data/cifar-10-batches-bin", import.meta.url));

interface ShippedRow {
  file: string;
  command: string;
  accuracy: number;
}

/** The rows of the README table whose first cell is a `models/...safetensors` file. */
function shippedRows(): ShippedRow[] {
  const readme = Deno.readTextFileSync(`${ROOT}README.md`);
  const rows: ShippedRow[] = [];
  for (const line of readme.split("\n")) {
    const m = line.match(
      /^\|\s*`(models\/[^`]+\.safetensors)`\s*\|\s*`([^`]+)`\s*\|.*\|\s*([\d.]+)\s*%\s*\|\s*$/,
    );
    if (m) rows.push({ file: m[1], command: m[2], accuracy: Number(m[3]) });
  }
  return rows;
}

/** `--flag value` pairs of a command line (boolean flags map to "true"). */
function flags(command: string): Map<string, string> {
  const words = command.split(/\s+/);
  const out = new Map<string, string>();
  for (let i = 0; i < words.length; i++) {
    if (!words[i].startsWith("--")) continue;
    const next = words[i + 1];
    out.set(words[i].slice(2), next !== undefined && !next.startsWith("--") ? next : "true");
  }
  return out;
}

/** Of the recipe fields, those the README command states, as the config metadata spells them. */
const FLAG_TO_CONFIG: Readonly<Record<string, string>> = {
  dataset: "dataset",
  method: "method",
  "noise-sd": "noiseSd",
  batch: "batch",
  lr: "lr",
  seed: "seed",
  "num-steps": "numSteps",
  "num-noise-vec": "numNoiseVec",
  warmup: "warmup",
  "lr-step-size": "lrStepSize",
};

const ROWS = shippedRows();

/** Every model in models/ (one per training method on MNIST, and the CIFAR-10 ResNet-20). */
const SHIPPED = [
  "mnist_cnn_gaussian_0.25",
  "mnist_cnn_smoothadv_0.25",
  "mnist_cnn_consistency_0.25",
  "mnist_cnn_macer_0.25",
  "mnist_cnn_smoothmix_0.25",
  "cifar_resnet20_gaussian_0.25",
];

Deno.test("the README lists every shipped model", () => {
  const files = ROWS.map((r) => r.file);
  const onDisk = [...Deno.readDirSync(`${ROOT}models`)]
    .filter((e) => e.name.endsWith(".safetensors"))
    .map((e) => e.name.replace(/\.safetensors$/, ""));
  assert.deepEqual(onDisk.sort(), [...SHIPPED].sort(), "models/ holds exactly the shipped models");
  for (const f of SHIPPED) {
    assert.ok(
      files.includes(`models/${f}.safetensors`),
      `README "Shipped models" lacks models/${f}.safetensors`,
    );
  }
});

for (const row of ROWS) {
  Deno.test(`${row.file}: its metadata records the README command's recipe and its log ends at ${row.accuracy} %`, async () => {
    const w = await loadWeightsFile(`${ROOT}${row.file}`);
    const config = JSON.parse(w.metadata.config ?? "null") as Record<string, unknown> | null;
    assert.ok(config, `${row.file} has no "config" metadata`);
    const f = flags(row.command);
    for (const [flag, key] of Object.entries(FLAG_TO_CONFIG)) {
      const stated = f.get(flag);
      if (stated === undefined) continue;
      assert.equal(
        String(config[key]),
        stated,
        `${row.file}: --${flag} ${stated}, metadata ${key} = ${config[key]}`,
      );
    }
    assert.equal(Number(w.metadata.epoch) + 1, Number(f.get("epochs")), `${row.file}: epochs trained`);
    if (f.has("train-multi-noise")) assert.equal(config.trainMultiNoise, true);

    const log = `${ROOT}${row.file.replace(/\.safetensors$/, ".log.tsv")}`;
    assert.ok(existsSync(log), `${log} (the per-epoch log) is missing`);
    const lines = Deno.readTextFileSync(log).trim().split("\n");
    assert.equal(lines[0], "epoch\ttime\tlr\ttrain loss\ttrain acc\ttestloss\ttest acc");
    assert.equal(lines.length - 1, Number(f.get("epochs")), `${log}: one row per epoch`);
    const lastAcc = Number(lines.at(-1)!.split("\t")[6]);
    assert.equal(
      lastAcc,
      Number(row.accuracy.toFixed(1)),
      `${log} ends at ${lastAcc} %, README says ${row.accuracy} %`,
    );
  });
}

async function testSet(dataset: string): Promise<ImageDataset | null> {
  if (dataset === "mnist") return await loadMnist("test");
  for (const dir of [`${ROOT}data/cifar-10-batches-bin`, SHARED_CIFAR]) {
    if (existsSync(`${dir}/test_batch.bin`)) return await loadCifar10(dir, "test");
  }
  return null;
}

for (const row of ROWS) {
  gpuTest(
    `${row.file}: noisy accuracy on the first test images agrees with the README's ${row.accuracy} %`,
    async () => {
      const f = flags(row.command);
      const dataset = f.get("dataset")!;
      const ds = await testSet(dataset);
      if (!ds) throw new Error(`no CIFAR-10 test batch in data/ or ../shared/data for ${row.file}`);
      const k = dataset === "mnist" ? 1000 : 400;
      const path = `${ROOT}${row.file}`;
      const { model } = await openModel(await Deno.readFile(path), path, { fallbackArch: "mnist_cnn" });
      const sigma = Number(f.get("noise-sd"));
      const seed = Number(f.get("seed"));
      // the training run evaluates with batches of min(batch, 400) and noise seed seed + 1
      const loader = new DataLoader(limitDataset(ds, k), {
        batchSize: Math.min(Number(f.get("batch")), 400),
      });
      const { acc } = await evaluateNoisy(model, loader, ds.shape, sigma, seed + 1);
      model.dispose();
      const p = row.accuracy / 100;
      const band = 100 * 4 * Math.sqrt((p * (1 - p)) / k);
      assert.ok(
        Math.abs(acc - row.accuracy) <= band,
        `${row.file}: ${
          acc.toFixed(2)
        } % on the first ${k} noisy test images, README ${row.accuracy} % (band ±${band.toFixed(2)})`,
      );
    },
  );
}
