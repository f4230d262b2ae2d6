/**
 * The reference certification / prediction log: exact row text, strict reading with errors that
 * name the file and line, resumable appending, and merging of shard logs.
 */
import assert from "node:assert/strict";
import fc from "../fast_check.ts";
import {
  CERTIFY_HEADER,
  CertLogWriter,
  EmptyLogError,
  formatCertifyRow,
  formatPredictRow,
  LogFormatError,
  mergeLogs,
  parseLog,
  PREDICT_BASE_HEADER,
  PREDICT_HEADER,
  PredictLogWriter,
  readCertifyLog,
  readCompleteRows,
  readLog,
  requireRows,
} from "../../smoothing/log.ts";
import { SHARED_AVAILABLE, sharedPath } from "./shared.ts";

function withTempDir(fn: (dir: string) => void): void {
  const dir = Deno.makeTempDirSync({ prefix: "log_test_" });
  try {
    fn(dir);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
}

Deno.test("rows are printed exactly as certify.py and predict.py print them", () => {
  assert.equal(
    formatCertifyRow({ idx: 1, label: 8, predict: 8, radius: 0.36, seconds: 13.996586 }),
    "1\t8\t8\t0.36\t1\t0:00:13.996586",
  );
  // Abstention: predict -1, radius 0.0, counted wrong.
  assert.equal(
    formatCertifyRow({ idx: 0, label: 3, predict: -1, radius: 0, seconds: 14 }),
    "0\t3\t-1\t0.0\t0\t0:00:14",
  );
  assert.equal(
    formatCertifyRow({ idx: 5, label: 3, predict: 4, radius: 0.0574, seconds: 1.5 }),
    "5\t3\t4\t0.0574\t0\t0:00:01.500000",
  );
  assert.equal(
    formatPredictRow({ idx: 7, label: 2, predict: 2, seconds: 0.25 }),
    "7\t2\t2\t1\t0:00:00.250000",
  );
  assert.throws(
    () => formatCertifyRow({ idx: -1, label: 0, predict: 0, radius: 0, seconds: 0 }),
    /idx must be an integer >= 0/,
  );
  assert.throws(
    () => formatCertifyRow({ idx: 0, label: 0, predict: -2, radius: 0, seconds: 0 }),
    /predict must be an integer >= -1/,
  );
  assert.throws(
    () => formatCertifyRow({ idx: 0, label: 0, predict: 0, radius: NaN, seconds: 0 }),
    /radius must be a finite number/,
  );
});

Deno.test("formatted rows parse back to the same result", () => {
  fc.assert(
    fc.property(
      fc.nat(100000),
      fc.nat(999),
      fc.integer({ min: -1, max: 999 }),
      fc.double({ min: 0, max: 10, noNaN: true }),
      fc.double({ min: 0, max: 1e6, noNaN: true }),
      (idx, label, predict, radius, seconds) => {
        const text = `${CERTIFY_HEADER}\n${formatCertifyRow({ idx, label, predict, radius, seconds })}\n`;
        const log = parseLog(text, "mem.tsv");
        assert.equal(log.kind, "certify");
        const [row] = readRows(log);
        assert.deepEqual([row.idx, row.label, row.predict, row.correct], [
          idx,
          label,
          predict,
          predict === label,
        ]);
        assert.ok(Math.abs(row.radius - radius) <= 0.005 * radius + 1e-300);
        assert.ok(Math.abs(row.seconds - seconds) <= 5e-7 + 1e-9 * seconds);
      },
    ),
    { seed: 61, numRuns: 300 },
  );
});

function readRows(log: ReturnType<typeof parseLog>) {
  if (log.kind !== "certify") throw new Error("expected a certify log");
  return log.rows;
}

Deno.test({
  name: "the released logs read completely, header-only files as empty logs",
  ignore: !SHARED_AVAILABLE,
  fn() {
    const cohen = readCertifyLog(sharedPath("anchors/certify-logs/cifar10/cohen/resnet110_noise_0.25.tsv"));
    assert.equal(cohen.rows.length, 10000);
    assert.equal(cohen.partialTail, null);
    assert.deepEqual(cohen.rows.map((r) => r.idx).slice(0, 3), [0, 1, 2]);
    // ImageNet logs print 4-decimal radii ('0.0000').
    const imagenet = readCertifyLog(
      sharedPath("anchors/certify-logs/imagenet/smoothadv/PGD_1step_eps_512_resnet50_noise_0.50.tsv"),
    );
    assert.equal(imagenet.rows.length, 500);
    assert.ok(imagenet.rows.some((r) => /\t\d\.\d{4}\t/.test(r.text)));
    const empty = readCertifyLog(
      sharedPath("anchors/certify-logs/imagenet/smoothadv/PGD_1step_eps_2048_resnet50_noise_0.25.tsv"),
    );
    assert.equal(empty.rows.length, 0);
    assert.throws(
      () => requireRows(empty),
      (e) => e instanceof EmptyLogError && /header only, no rows/.test(e.message),
    );
  },
});

Deno.test("readers accept float-second times, 4-decimal radii and CRLF line ends", () => {
  const log = parseLog(
    `${CERTIFY_HEADER}\r\n0\t3\t3\t0.4123\t1\t14.114881\r\n1\t2\t-1\t0.0000\t0\t1e1\r\n`,
    "x.tsv",
  );
  const rows = readRows(log);
  assert.deepEqual(rows.map((r) => [r.radius, r.seconds, r.correct]), [[0.4123, 14.114881, true], [
    0,
    10,
    false,
  ]]);
});

Deno.test("malformed logs fail with the file, the line and what was expected", () => {
  const cases: [string, RegExp][] = [
    ["", /^x\.tsv:1: file is empty \(no header line\)$/],
    ["idx\tlabel\n", /^x\.tsv:1: header must be 'idx<tab>label<tab>predict<tab>radius/],
    [
      `${CERTIFY_HEADER}\n0\t3\t3\t0.5\t1\n`,
      /^x\.tsv:2: expected 6 tab-separated fields \(idx label predict radius correct time\), got 5$/,
    ],
    [
      `${CERTIFY_HEADER}\n0\t3\t3\t0.5\t1\t0:00:01\nx\t3\t3\t0.5\t1\t0:00:01\n`,
      /^x\.tsv:3: idx must be an integer >= 0, got 'x'$/,
    ],
    [
      `${CERTIFY_HEADER}\n0\t3\t-2\t0.5\t0\t0:00:01\n`,
      /^x\.tsv:2: predict must be an integer >= -1, got '-2'$/,
    ],
    [`${CERTIFY_HEADER}\n0\t3\t3\tnan\t1\t0:00:01\n`, /^x\.tsv:2: radius must be a number >= 0, got 'nan'$/],
    [`${CERTIFY_HEADER}\n0\t3\t3\t0.5\t2\t0:00:01\n`, /^x\.tsv:2: correct must be 0 or 1, got '2'$/],
    [
      `${CERTIFY_HEADER}\n0\t3\t4\t0.5\t1\t0:00:01\n`,
      /^x\.tsv:2: correct is 1 but predict \(4\) != label \(3\)$/,
    ],
    [
      `${CERTIFY_HEADER}\n0\t3\t3\t0.5\t1\tsoon\n`,
      /^x\.tsv:2: time must be H:MM:SS\[\.ffffff\] or seconds, got 'soon'$/,
    ],
    [
      `${CERTIFY_HEADER}\n4\t3\t3\t0.5\t1\t1.0\n4\t3\t3\t0.5\t1\t1.0\n`,
      /^x\.tsv:3: duplicate idx 4 \(first on line 2\)$/,
    ],
    [`${PREDICT_HEADER}\n0\t3\t3\t0.5\t1\t1.0\n`, /^x\.tsv:2: expected 5 tab-separated fields/],
  ];
  for (const [text, message] of cases) {
    assert.throws(
      () => parseLog(text, "x.tsv"),
      (e) => e instanceof LogFormatError && message.test(e.message),
      JSON.stringify(text),
    );
  }
});

Deno.test("a trailing line without a newline is an interrupted write and is left out", () => {
  const log = parseLog(`${CERTIFY_HEADER}\n0\t3\t3\t0.5\t1\t0:00:01\n1\t2\t2\t0.4`, "x.tsv");
  assert.equal(log.rows.length, 1);
  assert.equal(log.partialTail, "1\t2\t2\t0.4");
  assert.equal(log.completeBytes, CERTIFY_HEADER.length + 1 + "0\t3\t3\t0.5\t1\t0:00:01\n".length);
});

Deno.test("CertLogWriter creates a log with its header and appends complete rows", () => {
  withTempDir((dir) => {
    const path = `${dir}/run.tsv`;
    const writer = CertLogWriter.open(path);
    assert.equal(writer.existing.length, 0);
    writer.append({ idx: 0, label: 3, predict: 3, radius: 0.4125, seconds: 14.114881 });
    // Each append leaves the file ending in a complete row.
    assert.equal(Deno.readTextFileSync(path), `${CERTIFY_HEADER}\n0\t3\t3\t0.412\t1\t0:00:14.114881\n`);
    writer.append({ idx: 20, label: 1, predict: -1, radius: 0, seconds: 2 });
    assert.ok(writer.has(20) && !writer.has(1));
    assert.throws(
      () => writer.append({ idx: 20, label: 1, predict: 1, radius: 1, seconds: 2 }),
      /idx 20 is already in the log/,
    );
    writer.close();
    assert.deepEqual(readCompleteRows(path).map((r) => r.idx), [0, 20]);
  });
});

Deno.test("reopening resumes after the last complete row and cuts away a partial one", () => {
  withTempDir((dir) => {
    const path = `${dir}/run.tsv`;
    const complete = `${CERTIFY_HEADER}\n0\t3\t3\t0.412\t1\t0:00:14\n1\t8\t8\t0.36\t1\t0:00:13\n`;
    Deno.writeTextFileSync(path, complete + "2\t8\t8\t0.3");
    assert.deepEqual(readCompleteRows(path).map((r) => r.idx), [0, 1]);
    const writer = CertLogWriter.open(path);
    assert.deepEqual(writer.existing.map((r) => r.idx), [0, 1]);
    assert.equal(Deno.readTextFileSync(path), complete);
    writer.append({ idx: 2, label: 8, predict: 8, radius: 0.31, seconds: 13 });
    writer.close();
    assert.equal(Deno.readTextFileSync(path), complete + "2\t8\t8\t0.31\t1\t0:00:13\n");
  });
});

Deno.test("a half-written header is rewritten; a log of the other kind is refused", () => {
  withTempDir((dir) => {
    const path = `${dir}/run.tsv`;
    Deno.writeTextFileSync(path, "idx\tlab");
    CertLogWriter.open(path).close();
    assert.equal(Deno.readTextFileSync(path), CERTIFY_HEADER + "\n");
    const predictPath = `${dir}/predict.tsv`;
    const predict = PredictLogWriter.open(predictPath);
    predict.append({ idx: 3, label: 1, predict: -1, seconds: 0.5 });
    predict.close();
    assert.equal(Deno.readTextFileSync(predictPath), `${PREDICT_HEADER}\n3\t1\t-1\t0\t0:00:00.500000\n`);
    assert.throws(
      () => CertLogWriter.open(predictPath),
      /predict\.tsv:1: is a predict log, cannot append certify rows to it/,
    );
  });
});

Deno.test("predict logs under attack carry basePredict after predict, as SmoothAdv's predict.py", () => {
  assert.equal(PREDICT_BASE_HEADER, "idx\tlabel\tpredict\tbasePredict\tcorrect\ttime");
  // the smoothed classifier abstains, the base classifier says 3: correct follows predict only
  assert.equal(
    formatPredictRow({ idx: 40, label: 7, predict: -1, basePredict: 3, seconds: 2.5 }),
    "40\t7\t-1\t3\t0\t0:00:02.500000",
  );
  const log = parseLog(`${PREDICT_BASE_HEADER}\n40\t7\t-1\t3\t0\t0:00:02.5\n60\t1\t1\t1\t1\t3.25\n`, "a.tsv");
  assert.equal(log.kind, "predict");
  assert.equal(log.format, "predict+base");
  assert.deepEqual(log.rows.map((r) => [r.idx, r.predict, r.basePredict, r.correct, r.seconds]), [
    [40, -1, 3, false, 2.5],
    [60, 1, 1, true, 3.25],
  ]);
  assert.throws(
    () => parseLog(`${PREDICT_BASE_HEADER}\n1\t7\t7\t-1\t1\t1.0\n`, "b.tsv"),
    /b\.tsv:2: basePredict/,
  );
  assert.throws(() => parseLog(`${PREDICT_BASE_HEADER}\n1\t7\t7\t1\t1.0\n`, "c.tsv"), /c\.tsv:2: expected 6/);
  withTempDir((dir) => {
    const path = `${dir}/attack.tsv`;
    const w = PredictLogWriter.open(path, { basePredict: true });
    w.append({ idx: 0, label: 7, predict: 7, basePredict: 2, seconds: 1 });
    assert.throws(() => w.append({ idx: 1, label: 7, predict: 7, seconds: 1 }), /need a basePredict/);
    w.close();
    assert.equal(Deno.readTextFileSync(path), `${PREDICT_BASE_HEADER}\n0\t7\t7\t2\t1\t0:00:01\n`);
    assert.throws(() => PredictLogWriter.open(path), /prediction log under attack/);
    const plain = `${dir}/plain.tsv`;
    PredictLogWriter.open(plain).close();
    assert.throws(() => PredictLogWriter.open(plain, { basePredict: true }), /without attack/);
    assert.throws(() => mergeLogs([path, plain], `${dir}/m.tsv`), /under attack/);
  });
});

Deno.test("mergeLogs sorts shards by idx, keeps agreeing duplicates once, copies rows verbatim", () => {
  withTempDir((dir) => {
    Deno.writeTextFileSync(
      `${dir}/a.tsv`,
      `${CERTIFY_HEADER}\n20\t1\t1\t0.5\t1\t0:00:01\n0\t3\t3\t0.4123\t1\t14.1\n`,
    );
    Deno.writeTextFileSync(
      `${dir}/b.tsv`,
      `${CERTIFY_HEADER}\n10\t2\t-1\t0.0\t0\t0:00:02\n20\t1\t1\t0.5\t1\t0:00:09\n`,
    );
    const report = mergeLogs([`${dir}/a.tsv`, `${dir}/b.tsv`], `${dir}/all.tsv`);
    assert.deepEqual(report, { kind: "certify", rows: 3, duplicates: 1, warnings: [] });
    assert.equal(
      Deno.readTextFileSync(`${dir}/all.tsv`),
      `${CERTIFY_HEADER}\n0\t3\t3\t0.4123\t1\t14.1\n10\t2\t-1\t0.0\t0\t0:00:02\n20\t1\t1\t0.5\t1\t0:00:01\n`,
    );
    // Only the output is left: the temporary file was renamed onto it.
    assert.deepEqual([...Deno.readDirSync(dir)].map((e) => e.name).sort(), ["a.tsv", "all.tsv", "b.tsv"]);
  });
});

Deno.test("mergeLogs refuses conflicting duplicates and mixed kinds, naming idx and files", () => {
  withTempDir((dir) => {
    Deno.writeTextFileSync(`${dir}/a.tsv`, `${CERTIFY_HEADER}\n5\t1\t1\t0.5\t1\t0:00:01\n`);
    Deno.writeTextFileSync(`${dir}/b.tsv`, `${CERTIFY_HEADER}\n5\t1\t1\t0.7\t1\t0:00:01\n`);
    Deno.writeTextFileSync(`${dir}/p.tsv`, `${PREDICT_HEADER}\n5\t1\t1\t1\t0:00:01\n`);
    assert.throws(() => mergeLogs([`${dir}/a.tsv`, `${dir}/b.tsv`], `${dir}/out.tsv`), (e) => {
      const m = (e as Error).message;
      return m.includes("conflicting rows for idx 5") && m.includes(`${dir}/a.tsv:2`) &&
        m.includes(`${dir}/b.tsv:2`);
    });
    assert.throws(
      () => mergeLogs([`${dir}/a.tsv`, `${dir}/p.tsv`], `${dir}/out.tsv`),
      /cannot merge a predict log/,
    );
    assert.throws(() => mergeLogs([], `${dir}/out.tsv`), /no input logs/);
    assert.throws(() => readLog(`${dir}/missing.tsv`), /missing\.tsv: no such log file/);
    assert.equal(
      [...Deno.readDirSync(dir)].some((e) => e.name.startsWith("out") || e.name.endsWith(".tmp")),
      false,
    );
  });
});
