/**
 * Smoke test of `deno task bench all --quick` (structure, not speed: speed requirements live in
 * bench/, never in timed tests), and of the command line's errors.
 */
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { type BenchFile, type Figure, GROUPS, isDerived } from "../../bench/cases.ts";
import { parseBenchArgs, UsageError } from "../../bench/main.ts";
import { groupPlan, PEAK_FMA_ID, rooflinePlan } from "../../bench/plan.ts";
import { ceilingNote, displayPath, formatMarkdown, renderMarkdown } from "../../bench/report.ts";

const MAIN = fileURLToPath(new URL("../../bench/main.ts", import.meta.url));

function checkFigure(f: Figure, torchRan: boolean, torchCapable: boolean): void {
  for (const s of [f.value, f.cpu]) {
    assert.ok(Number.isFinite(s.median) && s.median > 0, `${f.id}: median ${s.median}`);
    assert.ok(s.min <= s.median && s.median <= s.max, `${f.id}: min/median/max out of order`);
    assert.ok(Number.isFinite(s.spread) && s.spread >= 0, `${f.id}: spread ${s.spread}`);
    assert.ok(s.repeats >= 1, `${f.id}: repeats`);
  }
  if (f.bound) assert.ok(Number.isFinite(f.peakFraction), `${f.id}: peak fraction missing`);
  if (!torchCapable) assert.equal(f.torch, undefined, `${f.id}: a torch figure without a counterpart`);
  else if (torchRan) {
    assert.ok(f.torch, `${f.id}: torch ran but the figure has no torch value`);
    assert.ok(Number.isFinite(f.torch.speedup) && f.torch.speedup > 0, `${f.id}: speedup`);
  } else assert.equal(f.torch, null, `${f.id}: torch did not run, expected null`);
}

Deno.test({
  name: "bench all --quick writes every group and figure, and RESULTS.md",
  sanitizeOps: false,
  sanitizeResources: false,
  fn: async () => {
    const dir = await Deno.makeTempDir({ prefix: "bench-test-" });
    try {
      const out = await new Deno.Command(Deno.execPath(), {
        args: ["run", "-A", MAIN, "all", "--quick", "--out", dir],
        stdout: "piped",
        stderr: "piped",
      }).output();
      const stderr = new TextDecoder().decode(out.stderr);
      assert.ok(out.success, `bench failed:\n${stderr.slice(-3000)}`);
      const stdout = new TextDecoder().decode(out.stdout);
      const files: BenchFile[] = [];
      for (const group of GROUPS) {
        const file = JSON.parse(await Deno.readTextFile(`${dir}/${group}.json`)) as BenchFile;
        files.push(file);
        assert.equal(file.group, group);
        assert.equal(file.quick, true);
        assert.ok(file.adapter.description.length > 0 && file.adapter.backend.length > 0);
        assert.ok(file.deno.deno.length > 0 && !Number.isNaN(Date.parse(file.date)));
        assert.ok(stdout.includes(`## ${group}`), `no console table for ${group}`);
        const torchRan = file.torch.available && !file.torch.reason;
        if (file.torch.available) {
          assert.equal(file.torch.reason, undefined, `torch failed: ${file.torch.reason}`);
        } else assert.ok(file.torch.reason, "torch unavailable without a reason");

        const roof = rooflinePlan(true);
        assert.deepEqual(file.roofline.map((f) => f.id), roof.map((c) => c.id));
        file.roofline.forEach((f, i) => checkFigure(f, torchRan, roof[i].torch));

        const plan = groupPlan(group, true);
        assert.deepEqual(file.figures.map((f) => f.id), plan.map((c) => c.id), `${group}: figures`);
        file.figures.forEach((f, i) => {
          const c = plan[i];
          const src = isDerived(c) ? plan.find((x) => x.id === c.derivedFrom) : c;
          checkFigure(f, torchRan, src !== undefined && !isDerived(src) && src.torch);
        });
      }
      const certify = files.find((f) => f.group === "certify")!;
      const archs = groupPlan("certify", true).flatMap((c) =>
        !isDerived(c) && c.params.kind === "certify_rate" ? [c.params.arch] : []
      );
      assert.deepEqual(certify.profiles.map((p) => p.arch), archs, "one kernel profile per model");
      for (const p of certify.profiles) {
        const total = p.families.reduce((s, k) => s + k.share, 0);
        assert.ok(Math.abs(total - 1) < 1e-9, `${p.arch}: family shares sum to ${total}`);
      }
      const md = await Deno.readTextFile(`${dir}/RESULTS.md`);
      assert.equal(
        md,
        await formatMarkdown(renderMarkdown(files, displayPath(dir))),
        "RESULTS.md is exactly the (formatted) rendering of the JSON files",
      );
      for (const title of ["## Roofline", "## Kernels", "## Certification", "## Training", "## Start-up"]) {
        assert.ok(md.includes(title), `RESULTS.md lacks ${title}`);
      }
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test("bench command line: groups, defaults and clear errors", () => {
  const all = parseBenchArgs([]);
  assert.ok(all !== "help");
  assert.deepEqual(all.groups, [...GROUPS]);
  const some = parseBenchArgs(["train", "kernels", "--quick", "--out", "/tmp/x"]);
  assert.ok(some !== "help");
  assert.deepEqual(some.groups, ["kernels", "train"]);
  assert.equal(some.reportPath, "/tmp/x/RESULTS.md");
  assert.equal(parseBenchArgs(["--help"]), "help");
  assert.throws(
    () => parseBenchArgs(["bogus"]),
    (e) => e instanceof UsageError && /unknown group "bogus"/.test(e.message),
  );
  assert.throws(
    () => parseBenchArgs(["--bogus"]),
    (e) => e instanceof UsageError && /--bogus/.test(e.message),
  );
  assert.throws(
    () => parseBenchArgs(["--torch-threads", "0"]),
    (e) => e instanceof UsageError && /--torch-threads/.test(e.message),
  );
});

/** A bench script's exit code and standard error for `args`. */
async function runScript(file: string, args: string[]): Promise<{ code: number; err: string }> {
  const script = fileURLToPath(new URL(`../../bench/${file}`, import.meta.url));
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", script, ...args],
    stdout: "piped",
    stderr: "piped",
  }).output();
  return { code: out.code, err: new TextDecoder().decode(out.stderr) };
}

Deno.test("bench/sampling_rate.ts names the architectures it takes when given another", async () => {
  for (const args of [["resnet50"], ["mnist_cnn", "0"], ["mnist_cnn", "2", "x"]]) {
    const { code, err } = await runScript("sampling_rate.ts", args);
    assert.equal(code, 2, args.join(" "));
    assert.match(err, /usage: deno run -A bench\/sampling_rate\.ts ARCH/);
    assert.match(err, /one of mnist_cnn, cifar_resnet20, cifar_resnet110/);
  }
});

Deno.test("bench/one_case.ts names some of the cases it takes when given an unknown one or a bad repeat count", async () => {
  for (const args of [[], ["train/resnet50/gaussian"], ["train/cifar_resnet20/gaussian", "0"]]) {
    const { code, err } = await runScript("one_case.ts", args);
    assert.equal(code, 2, args.join(" "));
    assert.match(err, /usage: deno run -A bench\/one_case\.ts CASE_ID/);
    assert.match(err, /train\/cifar_resnet20\/gaussian/);
  }
});

Deno.test("RESULTS.md sets PyTorch's fastest compute-bound kernel against the FMA peak", () => {
  const summary = (median: number) => ({ median, min: median, max: median, spread: 0, repeats: 1 });
  const figure = (id: string, bound: "compute" | "memory", ours: number, theirs?: number): Figure => ({
    id,
    section: "s",
    name: id,
    unit: "GFLOP/s",
    work: 1,
    value: summary(ours),
    cpu: summary(ours),
    bound,
    ...(theirs === undefined
      ? {}
      : { torch: { value: summary(theirs), cpu: summary(theirs), speedup: ours / theirs, cpuSpeedup: 1 } }),
  });
  const roofline = [figure(PEAK_FMA_ID, "compute", 80)];
  const kernels = [
    figure("conv/a", "compute", 40, 160),
    figure("conv/b", "compute", 50, 200),
    figure("bandwidth/c", "memory", 9, 900),
    figure("conv/d", "compute", 60),
  ];
  const note = ceilingNote(roofline, kernels);
  assert.match(note, /\(conv\/b\) ran at 200 GFLOP\/s, 2\.50x the FMA peak/);
  assert.equal(ceilingNote([], kernels), "", "no peak, no sentence");
  assert.equal(
    ceilingNote(roofline, [figure("conv/d", "compute", 60)]),
    "",
    "no PyTorch figure, no sentence",
  );
});
