/**
 * SmoothAdv's PGD-l2 step against the PyTorch fixture (../shared/fixtures/resnet20_cifar, B = 4 images,
 * m = 2 noise copies, eps = 0.5, T = 2): the objective, its gradient at delta = 0, delta after each step
 * (teacher-forced: each step starts from the fixture's previous delta) and the final x_adv, within the
 * fixture's recommended tolerances; the free-running attack within twice the ensemble figure (1.6e-4).
 */
import assert from "node:assert/strict";
import { readTensors, Tensor } from "../../engine/mod.ts";
import { loadModelWeights } from "../../nn/checkpoint/model_io.ts";
import { buildModel } from "../../nn/models.ts";
import { type AttackOptions, pgdL2, pgdStep, withFrozenEval } from "../../smoothing/attacks.ts";
import { gpuTest } from "../helpers.ts";
import { assertWithin, loadFixture } from "../nn/fixture_util.ts";

const fx = await loadFixture("resnet20_cifar");
const SHAPE = [4, 3, 32, 32];
const o: AttackOptions = { eps: 0.5, steps: 2, m: 2, seed: 0, stream: 0 };

gpuTest("PGD steps on the smoothed soft classifier match the fixture, teacher-forced", async () => {
  const m = buildModel("cifar_resnet20");
  await loadModelWeights(m, `${fx.dir}weights.safetensors`);
  const x = Tensor.from(fx.f32("adv.x"), SHAPE).keep();
  const labels = Tensor.from(
    Int32Array.from(fx.cases.get("adv.labels")!.data as BigInt64Array, Number),
    [4],
    "i32",
  ).keep();
  const noise = Tensor.from(fx.f32("adv.noise"), [8, 3, 32, 32]).keep();
  await withFrozenEval(m, async () => {
    const zero = Tensor.from(new Float32Array(4 * 3072), SHAPE).keep();
    const s1 = pgdStep(m, x, zero, labels, noise, o, 0);
    const [obj0, g0, d1] = await readTensors([s1.objective, s1.gradient, s1.delta]);
    assertWithin(
      "adv.objective_at_zero",
      obj0,
      fx.f32("adv.objective_at_zero"),
      fx.tolerance("adv.objective_at_zero"),
    );
    assertWithin(
      "adv.grad_delta_at_zero",
      g0,
      fx.f32("adv.grad_delta_at_zero"),
      fx.tolerance("adv.grad_delta_at_zero"),
      false,
    );
    assertWithin(
      "adv.delta_after_step1",
      d1,
      fx.f32("adv.delta_after_step1"),
      fx.tolerance("adv.delta_after_step1"),
      false,
    );
    const fxD1 = Tensor.from(fx.f32("adv.delta_after_step1"), SHAPE).keep();
    const s2 = pgdStep(m, x, fxD1, labels, noise, o, 1);
    const [obj1, g1, d2] = await readTensors([s2.objective, s2.gradient, s2.delta]);
    assertWithin(
      "adv.grad_delta_before_step2",
      g1,
      fx.f32("adv.grad_delta_before_step2"),
      fx.tolerance("adv.grad_delta_before_step2"),
      false,
    );
    assertWithin(
      "adv.delta_after_step2",
      d2,
      fx.f32("adv.delta_after_step2"),
      fx.tolerance("adv.delta_after_step2"),
      false,
    );
    const trace = fx.f32("adv.objective_trace");
    assertWithin("adv.objective_trace[1]", obj1, [trace[1]], {
      norm_rel: fx.tolerance("adv.objective_trace").norm_rel,
      max_abs: Infinity,
    });
    const fxD2 = fx.f32("adv.delta_after_step2");
    const xAdv = fx.f32("adv.x").map((v, i) => Math.fround(v + fxD2[i]));
    assertWithin("adv.x_adv (teacher-forced)", xAdv, fx.f32("adv.x_adv"), fx.tolerance("adv.x_adv"));
    for (const t of [zero, fxD1, s1.objective, s1.gradient, s1.delta, s2.objective, s2.gradient, s2.delta]) {
      t.dispose();
    }
  });
  const adv = await pgdL2(m, x, labels, noise, o);
  const free = await adv.read();
  const nr = assertWithin("adv.x_adv (free-running)", free, fx.f32("adv.x_adv"), {
    norm_rel: 1.6e-4,
    max_abs: 3e-3,
  });
  console.log(`free-running x_adv: norm-relative error ${nr.toExponential(2)}`);
  const d = fx.f32("adv.x").map((v, i) => free[i] - v);
  for (let i = 0; i < 4; i++) {
    const n = Math.hypot(...d.subarray(i * 3072, (i + 1) * 3072));
    assert.ok(Math.abs(n - 0.5) < 1e-5, `image ${i}: ||delta|| = ${n}, expected the eps ball's boundary 0.5`);
  }
  for (const t of [adv, x, labels, noise]) t.dispose();
  m.dispose();
});
