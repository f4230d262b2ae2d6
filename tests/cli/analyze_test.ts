/**
 * `deno task analyze`: reproduces the published envelopes from the released logs, skips
 * header-only logs with a message, writes plots and merged logs, and reports usage errors.
 */
import assert from "node:assert/strict";
import { analyze } from "../../cli/analyze.ts";
import { CERTIFY_HEADER } from "../../smoothing/log.ts";
import { SHARED_AVAILABLE, sharedPath } from "../smoothing/shared.ts";
import { capture } from "./run_cli.ts";
import { withTempDir } from "../helpers.ts";

function logsIn(folder: string): string[] {
  const dir = sharedPath(`anchors/certify-logs/${folder}`);
  return [...Deno.readDirSync(dir)].map((e) => `${dir}/${e.name}`).filter((p) => p.endsWith(".tsv")).sort();
}

/** The accuracies of the envelope row of a markdown table. */
function envelopeRow(markdown: string): string {
  const line = markdown.split("\n").find((l) => l.startsWith("| envelope |"));
  assert.ok(line, `no envelope row in:\n${markdown}`);
  return line.split("|").map((c) => c.trim()).filter((c) => /^\d\.\d{4}$/.test(c)).join(" ");
}

const CIFAR = "0.25,0.5,0.75,1,1.25,1.5,1.75,2,2.25";
const IMAGENET = "0.5,1,1.5,2,2.5,3,3.5";
const cases = [
  ["cifar10/smoothadv", CIFAR, "0.7303 0.5764 0.4778 0.3827 0.3321 0.2906 0.2405 0.1843 0.1591"],
  ["cifar10/cohen", CIFAR, "0.6116 0.4279 0.3245 0.2213 0.1722 0.1328 0.0967 0.0663 0.0431"],
  ["imagenet/smoothadv", IMAGENET, "0.5620 0.4460 0.3820 0.2820 0.2560 0.2040 0.1740"],
  ["imagenet/cohen-replication", IMAGENET, "0.4880 0.3900 0.2740 0.2060 0.1440 0.1080 0.0720"],
] as const;

for (const [folder, radii, expected] of cases) {
  Deno.test({
    name: `analyze ${folder}/*.tsv --radii ${radii} prints the envelope ${expected}`,
    ignore: !SHARED_AVAILABLE,
    async fn() {
      const io = capture();
      const logs = logsIn(folder);
      assert.equal(await analyze([...logs, "--radii", radii], io), 0, io.stderr());
      assert.equal(envelopeRow(io.stdout()), expected);
      // One table row per log with rows, each with ACR and abstention rate.
      const withRows = logs.filter((p) => Deno.statSync(p).size > CERTIFY_HEADER.length + 1);
      assert.equal(
        io.stdout().split("\n").filter((l) => /^\| \S.* \| \d+ \|$/.test(l)).length,
        withRows.length,
      );
    },
  });
}

Deno.test({
  name: "header-only logs are named on stderr and skipped",
  ignore: !SHARED_AVAILABLE,
  async fn() {
    const io = capture();
    assert.equal(await analyze([...logsIn("imagenet/smoothadv"), "--radii", IMAGENET], io), 0);
    const skipped = io.stderr().split("\n").filter((l) => l.startsWith("skipping "));
    assert.equal(skipped.length, 3);
    assert.ok(
      skipped.every((l) => /PGD_1step_eps_2048_resnet50_noise_\d\.\d\d\.tsv: header only, no rows$/.test(l)),
    );
    const onlyEmpty = capture();
    const empty = logsIn("imagenet/smoothadv").filter((p) => p.includes("eps_2048"));
    assert.equal(await analyze(empty, onlyEmpty), 1);
    assert.match(onlyEmpty.stderr(), /analyze: no log with rows to analyze\n$/);
  },
});

Deno.test("LaTeX and markdown, names, default radii, no envelope for one log, and an SVG plot", async () => {
  await withTempDir(async (dir) => {
    Deno.writeTextFileSync(
      `${dir}/a.tsv`,
      `${CERTIFY_HEADER}\n0\t1\t1\t0.6\t1\t0:00:01\n1\t2\t-1\t0.0\t0\t0:00:01\n`,
    );
    Deno.writeTextFileSync(
      `${dir}/b.tsv`,
      `${CERTIFY_HEADER}\n0\t1\t1\t0.2\t1\t0:00:01\n1\t2\t2\t0.3\t1\t0:00:01\n`,
    );
    let io = capture();
    assert.equal(await analyze([`${dir}/a.tsv`], io), 0);
    // Default radii: 0 to the largest radius (0.6) in steps of 0.25.
    assert.match(io.stdout(), /^\| model \| r = 0 \| r = 0\.25 \| r = 0\.5 \| ACR \| abstain \| rows \|\n/);
    assert.match(io.stdout(), /\| a \| 0\.5000 \| 0\.5000 \| 0\.5000 \| 0\.3000 \| 0\.5000 \| 2 \|\n/);
    assert.ok(!io.stdout().includes("envelope"));
    io = capture();
    const svg = `${dir}/plot.svg`;
    const args = [
      `${dir}/a.tsv`,
      `${dir}/b.tsv`,
      "--name",
      "first",
      "--name",
      "second_model",
      "--radii",
      "0.25",
    ];
    assert.equal(
      await analyze([...args, "--format", "both", "--svg", svg, "--title", "toy"], io),
      0,
      io.stderr(),
    );
    assert.match(io.stdout(), /\| envelope \| 0\.5000 \| \| \| \|\n/);
    assert.ok(io.stdout().includes("\\begin{tabular}") && io.stdout().includes("second\\_model & "));
    const plot = Deno.readTextFileSync(svg);
    assert.ok(
      plot.includes(">first</text>") && plot.includes(">envelope</text>") && plot.includes(">toy</text>"),
    );
    io = capture();
    assert.equal(await analyze([...args, "--no-envelope", "--format", "latex"], io), 0);
    assert.ok(!io.stdout().includes("envelope") && !io.stdout().includes("| model |"));
  });
});

Deno.test("--merge --unchecked joins shard logs without parameters files (the reference's) and analyzes it", async () => {
  await withTempDir(async (dir) => {
    Deno.writeTextFileSync(
      `${dir}/s0.tsv`,
      `${CERTIFY_HEADER}\n0\t1\t1\t0.6\t1\t0:00:01\n2\t1\t1\t0.1\t1\t0:00:01\n`,
    );
    Deno.writeTextFileSync(`${dir}/s1.tsv`, `${CERTIFY_HEADER}\n1\t2\t-1\t0.0\t0\t0:00:01\n`);
    const io = capture();
    assert.equal(
      await analyze([
        "--merge",
        `${dir}/all.tsv`,
        "--unchecked",
        `${dir}/s0.tsv`,
        `${dir}/s1.tsv`,
        "--radii",
        "0.5",
      ], io),
      0,
    );
    assert.ok(io.stdout().startsWith(`merged 3 rows from 2 logs into ${dir}/all.tsv\n`));
    assert.match(io.stdout(), /\| all \| 0\.3333 \|/);
    assert.equal(
      Deno.readTextFileSync(`${dir}/all.tsv`).split("\n").slice(1, 4).map((l) => l.split("\t")[0]).join(),
      "0,1,2",
    );
  });
});

Deno.test("bad input: exit code 2 for usage errors, 1 with the file and line for malformed logs", async () => {
  await withTempDir(async (dir) => {
    Deno.writeTextFileSync(`${dir}/bad.tsv`, `${CERTIFY_HEADER}\n0\t1\t1\t0.6\t1\n`);
    let io = capture();
    assert.equal(await analyze([`${dir}/bad.tsv`], io), 1);
    assert.equal(
      io.stderr(),
      `analyze: ${dir}/bad.tsv:2: expected 6 tab-separated fields (idx label predict radius correct time), got 5\n`,
    );
    io = capture();
    assert.equal(await analyze([], io), 2);
    assert.match(io.stderr(), /^analyze: expected at least 1 LOG argument, got 0\n/);
    io = capture();
    assert.equal(await analyze([`${dir}/bad.tsv`, "--radius", "1"], io), 2);
    assert.match(
      io.stderr(),
      /unknown option '--radius' \(did you mean --radii\?\); valid options: --radii, --step, --format/,
    );
    io = capture();
    assert.equal(await analyze([`${dir}/bad.tsv`, "--radii", "-1,2"], io), 2);
    io = capture();
    assert.equal(await analyze([`${dir}/bad.tsv`, "--name", "a", "--name", "b"], io), 2);
    assert.match(io.stderr(), /got 2 --name labels for 1 logs/);
    io = capture();
    assert.equal(await analyze([`${dir}/missing.tsv`], io), 1);
    assert.match(io.stderr(), /missing\.tsv: no such log file/);
  });
});

Deno.test("the task entry point exits with the command's code", async () => {
  const script = new URL("../../cli/analyze.ts", import.meta.url).pathname;
  const run = (args: string[]) =>
    new Deno.Command(Deno.execPath(), {
      args: ["run", "--allow-read", "--allow-write", script, ...args],
      stdout: "piped",
      stderr: "piped",
    })
      .output();
  const help = await run(["--help"]);
  assert.equal(help.code, 0);
  assert.match(new TextDecoder().decode(help.stdout), /^Usage: deno task analyze \[options\] LOG\.\.\./);
  const usage = await run(["--frobnicate"]);
  assert.equal(usage.code, 2);
  assert.match(new TextDecoder().decode(usage.stderr), /unknown option '--frobnicate'/);
});
