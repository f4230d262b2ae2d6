/**
 * One measured case of a benchmark group, ours and then PyTorch's on the same CPU, in one run: for
 * comparing two commits or settings on a single case (a training step, say) without running its whole
 * group. The case and its parameters are the group's (bench/plan.ts); run it on an otherwise idle machine.
 *
 *   deno run -A bench/one_case.ts CASE_ID [REPEATS]
 *   (CASE_ID as in the group's JSON, e.g. train/cifar_resnet20/gaussian; REPEATS default: the group's)
 */
import { type Case, GROUPS, isDerived, type MeasuredCase } from "./cases.ts";
import { initEngine } from "../engine/mod.ts";
import { speedup, unitValue } from "./figure.ts";
import { measureOurs } from "./ours.ts";
import { groupPlan } from "./plan.ts";
import { findTorch, runTorch } from "./torch.ts";

const measured = GROUPS.flatMap((g) => groupPlan(g, false)).filter((c: Case): c is MeasuredCase =>
  !isDerived(c)
);
const [id, repeatsArg] = Deno.args;
const found = measured.find((c) => c.id === id);
const repeats = repeatsArg === undefined ? found?.repeats : Number(repeatsArg);
if (!found || !(Number.isInteger(repeats) && repeats! >= 1)) {
  console.error(
    `usage: deno run -A bench/one_case.ts CASE_ID [REPEATS]\n` +
      `  CASE_ID: one of the groups' measured cases, e.g. ${
        measured.filter((c) => c.id.startsWith("train/")).slice(0, 3).map((c) => c.id).join(", ")
      }; got ${JSON.stringify(Deno.args)}`,
  );
  Deno.exit(2);
}
const c: MeasuredCase = { ...found, repeats: repeats! };
const values = (samples: { wallS: number }[]) => samples.map((s) => unitValue(c.unit, c.work, s.wallS));
const show = (xs: number[]) => xs.map((x) => x.toPrecision(4)).join(", ");

console.log(`${c.id}: ${c.name}`);
await initEngine();
const ours = values(await measureOurs(c, []));
console.log(`ours:    ${show(ours)} ${c.unit}`);
const torch = c.torch ? await findTorch() : null;
if (!torch?.available) {
  console.log(`PyTorch: not measured (${torch?.reason ?? "the case has no PyTorch counterpart"})`);
} else {
  const run = await runTorch(torch, [c]);
  const theirs = values(run.results.get(c.id) ?? []);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`PyTorch: ${show(theirs)} ${c.unit} (${run.errors.get(c.id) ?? `torch ${torch.version}`})`);
  if (theirs.length) {
    console.log(`speed-up of medians: ${speedup(c.unit, median(ours), median(theirs)).toFixed(2)}x`);
  }
}
