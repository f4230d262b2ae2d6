/**
 * The certified-accuracy rows of the shipped models in the README come from the logs kept in
 * `models/certified/`: every log is a complete certification of its shipped model with the stated
 * parameters (every 20th MNIST test image, sigma 0.25, N0 100, N 10,000, alpha 0.001), and the README's
 * row for it shows exactly what `deno task analyze` computes from it, so no figure there is typed by hand.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { summarize } from "../../smoothing/analyze.ts";
import { readCertifyLog, requireRows } from "../../smoothing/log.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const DIR = `${ROOT}models/certified/`;
const RADII = [0, 0.25, 0.5, 0.75, 1];

/** The README's certified-accuracy rows: model name -> the cells after it. */
function readmeRows(): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const line of Deno.readTextFileSync(`${ROOT}README.md`).split("\n")) {
    const cells = line.split("|").slice(1, -1).map((c) => c.trim().replaceAll("**", ""));
    if (cells.length === 9 && /^mnist_cnn_\w+_0\.25$/.test(cells[0])) rows.set(cells[0], cells.slice(1));
  }
  return rows;
}

const logs = readdirSync(DIR).filter((f) => f.endsWith(".tsv")).sort();

Deno.test("models/certified holds a log with its parameters for shipped models only", () => {
  assert.ok(logs.length > 0, "no certification log in models/certified");
  for (const f of logs) {
    const model = f.replace(/\.tsv$/, "");
    assert.ok(
      existsSync(`${ROOT}models/${model}.safetensors`),
      `${f}: models/${model}.safetensors is not shipped`,
    );
    const params = JSON.parse(Deno.readTextFileSync(`${DIR}${f}.params.json`));
    assert.equal(params.checkpointPath, `models/${model}.safetensors`, `${f}: checkpoint`);
    assert.deepEqual(
      [
        params.dataset,
        params.skip,
        params.sigma,
        params.N0,
        params.N,
        params.alpha,
        params.max,
        params.shard,
      ],
      ["mnist", 20, 0.25, 100, 10000, 0.001, -1, "0/1"],
      `${f}: dataset, skip, sigma, N0, N, alpha, max, shard`,
    );
  }
});

for (const f of logs) {
  const model = f.replace(/\.tsv$/, "");
  Deno.test(`the README's certified row of ${model} is what its log gives`, () => {
    const rows = requireRows(readCertifyLog(`${DIR}${f}`));
    // Every 20th of the 10,000 test images, each once and in order: a complete run.
    assert.deepEqual(rows.map((r) => r.idx), Array.from({ length: 500 }, (_, i) => 20 * i), `${f}: indices`);
    const s = summarize(model, rows, RADII);
    const expected = [
      ...s.accuracy.map((a) => a.toFixed(4)),
      s.averageRadius.toFixed(4),
      s.abstention.toFixed(4),
      String(s.rows),
    ];
    const row = readmeRows().get(model);
    assert.ok(row, `README has no certified row for ${model}`);
    assert.deepEqual(row, expected, `README row of ${model} (r = ${RADII.join(", ")}, ACR, abstain, rows)`);
  });
}
