/**
 * Certified accuracy, ACR, abstention and envelopes: on small hand-made logs with known answers,
 * and on the released logs, which must reproduce the SmoothAdv paper's tables exactly.
 */
import assert from "node:assert/strict";
import fc from "../fast_check.ts";
import {
  abstentionRate,
  accuracyCurve,
  averageCertifiedRadius,
  certifiedAccuracies,
  certifiedAccuracy,
  defaultRadii,
  envelope,
  envelopeCurve,
  latexEscape,
  latexTable,
  markdownTable,
  STANDARD_RADII,
  summarize,
} from "../../smoothing/analyze.ts";
import { type CertifyRow, EmptyLogError, readCertifyLog } from "../../smoothing/log.ts";
import { SHARED_AVAILABLE, sharedPath } from "./shared.ts";

function row(idx: number, label: number, predict: number, radius: number): CertifyRow {
  return { idx, label, predict, radius, correct: predict === label, seconds: 1, line: 0, text: "" };
}

// 5 rows: correct at 0.2, 0.5, 1.0; wrong class at 0.9; one abstention.
const SMALL = [row(0, 1, 1, 0.2), row(1, 2, 2, 0.5), row(2, 3, 3, 1.0), row(3, 4, 5, 0.9), row(4, 6, -1, 0)];

Deno.test("certified accuracy counts correct rows with radius >= r over ALL rows", () => {
  assert.deepEqual(certifiedAccuracies(SMALL, [0, 0.2, 0.21, 0.5, 0.9, 1.0, 1.01]), [
    0.6,
    0.6,
    0.4,
    0.4,
    0.2,
    0.2,
    0,
  ]);
  assert.equal(certifiedAccuracy(SMALL, 0.5), 0.4);
  // ACR: (0.2 + 0.5 + 1.0) / 5; the wrong row's 0.9 does not count.
  assert.ok(Math.abs(averageCertifiedRadius(SMALL) - 1.7 / 5) < 1e-15);
  assert.equal(abstentionRate(SMALL), 0.2);
  assert.throws(() => certifiedAccuracies(SMALL, [-0.1]), /radius must be a finite number >= 0, got -0.1/);
});

Deno.test("certified accuracy is non-increasing in r and matches a direct count", () => {
  const rows = fc.array(
    fc.record({
      label: fc.nat(3),
      predict: fc.integer({ min: -1, max: 3 }),
      radius: fc.double({ min: 0, max: 3, noNaN: true }),
    }),
    { minLength: 1, maxLength: 60 },
  ).map((rs) => rs.map((r, i) => row(i, r.label, r.predict, r.predict === -1 ? 0 : r.radius)));
  fc.assert(
    fc.property(
      rows,
      fc.array(fc.double({ min: 0, max: 3.5, noNaN: true }), { minLength: 1, maxLength: 10 }),
      (log, radii) => {
        const sorted = [...radii].sort((a, b) => a - b);
        const acc = certifiedAccuracies(log, sorted);
        sorted.forEach((r, i) => {
          const direct = log.filter((x) => x.correct && x.radius >= r).length / log.length;
          assert.equal(acc[i], direct);
          if (i > 0) assert.ok(acc[i] <= acc[i - 1]);
        });
      },
    ),
    { seed: 71, numRuns: 200 },
  );
});

Deno.test("a log without rows is an EmptyLogError naming it, not a crash", () => {
  assert.throws(
    () => summarize("header-only.tsv", [], [0.5]),
    (e) => e instanceof EmptyLogError && e.message === "header-only.tsv: header only, no rows",
  );
  assert.throws(() => averageCertifiedRadius([], "x.tsv"), EmptyLogError);
});

Deno.test("the envelope takes the best log per radius and remembers which", () => {
  const a = summarize("a", SMALL, [0, 0.5, 1]);
  const b = summarize("b", [row(0, 1, 1, 0.6), row(1, 1, 2, 0)], [0, 0.5, 1]);
  assert.deepEqual(envelope([a, b]), {
    radii: [0, 0.5, 1],
    accuracy: [0.6, 0.5, 0.2],
    best: ["a", "b", "a"],
  });
  assert.throws(() => envelope([a, summarize("c", SMALL, [0.25])]), /c was summarized at other radii/);
});

Deno.test("default radii run from 0 to the largest certified radius in exact steps", () => {
  assert.deepEqual(defaultRadii([SMALL]), [0, 0.25, 0.5, 0.75, 1]);
  assert.deepEqual(defaultRadii([[row(0, 1, 1, 0.1)]]), [0, 0.25]);
  assert.deepEqual(defaultRadii([SMALL], 0.3), [0, 0.3, 0.6, 0.9]);
});

Deno.test("accuracy curves sample the step function on a grid; their envelope is the pointwise max", () => {
  const curve = accuracyCurve("a", SMALL, 1, 0.25);
  assert.deepEqual(curve.radii, [0, 0.25, 0.5, 0.75, 1]);
  assert.deepEqual(curve.accuracy, [0.6, 0.4, 0.4, 0.2, 0.2]);
  const other = accuracyCurve("b", [row(0, 1, 1, 0.3)], 1, 0.25);
  assert.deepEqual(envelopeCurve([curve, other]).accuracy, [1, 1, 0.4, 0.2, 0.2]);
});

Deno.test("markdown and LaTeX tables: one row per log, best in bold, envelope last", () => {
  const a = summarize("model_a", SMALL, [0.5, 1]);
  const b = summarize("b|c", [row(0, 1, 1, 0.6), row(1, 1, 2, 0)], [0.5, 1]);
  assert.equal(
    markdownTable([a, b]),
    [
      "| model | r = 0.5 | r = 1 | ACR | abstain | rows |",
      "|---|---:|---:|---:|---:|---:|",
      "| model_a | 0.4000 | **0.2000** | 0.3400 | 0.2000 | 5 |",
      "| b\\|c | **0.5000** | 0.0000 | 0.3000 | 0.0000 | 2 |",
      "| envelope | 0.5000 | 0.2000 | | | |",
      "",
    ].join("\n"),
  );
  assert.equal(markdownTable([a]).includes("envelope"), false);
  const latex = latexTable([a, b], { digits: 2 });
  assert.ok(
    latex.startsWith(
      "\\begin{tabular}{lrrrr}\n\\toprule\nmodel & $r = 0.5$ & $r = 1$ & ACR & abstain \\\\\n",
    ),
  );
  assert.ok(latex.includes("model\\_a & 0.40 & \\textbf{0.20} & 0.34 & 0.20 \\\\"));
  assert.ok(latex.includes("\\midrule\nenvelope & 0.50 & 0.20 & & \\\\\n\\bottomrule\n\\end{tabular}\n"));
  assert.equal(
    latexEscape("a_b&c%d$e#f{g}h~i^j\\k"),
    "a\\_b\\&c\\%d\\$e\\#f\\{g\\}h\\textasciitilde{}i\\textasciicircum{}j\\textbackslash{}k",
  );
});

function folderEnvelope(folder: string, radii: readonly number[]): string[] {
  const dir = sharedPath(`anchors/certify-logs/${folder}`);
  const summaries = [...Deno.readDirSync(dir)]
    .map((e) => e.name)
    .filter((name) => name.endsWith(".tsv"))
    .sort()
    .map((name) => readCertifyLog(`${dir}/${name}`))
    .filter((log) => log.rows.length > 0)
    .map((log) => summarize(log.path, log.rows, radii));
  return envelope(summaries).accuracy.map((a) => a.toFixed(4));
}

const anchors = [
  [
    "cifar10/smoothadv",
    STANDARD_RADII.cifar10,
    "0.7303 0.5764 0.4778 0.3827 0.3321 0.2906 0.2405 0.1843 0.1591",
  ],
  ["cifar10/cohen", STANDARD_RADII.cifar10, "0.6116 0.4279 0.3245 0.2213 0.1722 0.1328 0.0967 0.0663 0.0431"],
  ["imagenet/smoothadv", STANDARD_RADII.imagenet, "0.5620 0.4460 0.3820 0.2820 0.2560 0.2040 0.1740"],
  ["imagenet/cohen-replication", STANDARD_RADII.imagenet, "0.4880 0.3900 0.2740 0.2060 0.1440 0.1080 0.0720"],
] as const;

for (const [folder, radii, expected] of anchors) {
  Deno.test({
    name: `the released ${folder} logs reproduce the published envelope ${expected}`,
    ignore: !SHARED_AVAILABLE,
    fn() {
      assert.equal(folderEnvelope(folder, radii).join(" "), expected);
    },
  });
}
