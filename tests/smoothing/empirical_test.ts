/**
 * predict.py's attacks on a case with a known answer: a binary linear classifier, f(x) = class 1 iff
 * w.x + b > 0, whose smoothed probability of class 0 is Phi(D / sigma) with D = -(w.x + b) / ||w|| the
 * distance to the hyperplane. The best l2 attack of radius eps moves x by eps along w, leaving
 * Phi((D - eps) / sigma); PGD (with the gradient, any m, on the smoothed or the base classifier) finds
 * exactly that, since every gradient points along w. The gradient-free step, the random start and DDN
 * only lower it. Then the whole predict.py step (attackImage + PREDICT) on an image whose attack
 * crosses the hyperplane: the base and the smoothed classifier both say class 1.
 */
import assert from "node:assert/strict";
import { predictImages } from "../../smoothing/certify.ts";
import {
  attackImage,
  ddnGamma,
  type EmpiricalAttackOptions,
  validateEmpiricalAttack,
} from "../../smoothing/empirical.ts";
import { ParameterError } from "../../nn/parameter_error.ts";
import { phi } from "../../smoothing/stats.ts";
import { gpuTest } from "../helpers.ts";
import { BinaryLinear } from "./binary_linear.ts";

const SIDE = 4;
const SHAPE = [1, SIDE, SIDE] as const;
const SIGMA = 0.25;
const W = Array.from({ length: SIDE * SIDE }, (_, i) => (i % 3) - 1 + 0.25);
const NORM = Math.hypot(...W);
/** The clean image: mid-gray, so that the [0, 1] clamp never binds for these radii. */
const X = new Float32Array(SIDE * SIDE).fill(0.5);

/** A classifier whose hyperplane lies at distance `d` from X, on the class-1 side of w. */
function atDistance(d: number): BinaryLinear {
  const wx = W.reduce((s, w, i) => s + w * X[i], 0);
  return new BinaryLinear(W, -wx - d * NORM);
}

/** Distance of an image from the hyperplane of atDistance(d), in float64. */
function distance(img: ArrayLike<number>, d: number): number {
  let s = 0;
  for (let i = 0; i < W.length; i++) s += W[i] * (img[i] - X[i]);
  return d - s / NORM;
}

function l2(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - b[i]) ** 2;
  return Math.sqrt(s);
}

const BASE: EmpiricalAttackOptions = {
  attack: "PGD",
  epsilon: 0.2,
  numSteps: 4,
  numNoiseVec: 1,
  sigma: SIGMA,
  noGradAttack: false,
  baseAttack: false,
  randomStart: false,
  initNormDdn: 1,
  gammaDdn: 0.05,
  seed: 3,
};

gpuTest(
  "PGD on a linear classifier reaches the optimum: the smoothed probability falls to Phi((D - eps) / sigma)",
  async () => {
    const D = 0.3;
    const model = atDistance(D);
    const before = phi(D / SIGMA);
    for (
      const o of [
        { numNoiseVec: 1 },
        { numNoiseVec: 4 },
        { numNoiseVec: 4, baseAttack: true },
        { numNoiseVec: 1, noGradAttack: true }, // m = 1: the reference back-propagates anyway
      ]
    ) {
      const what = JSON.stringify(o);
      const r = await attackImage(model, X, SHAPE, 0, 7, { ...BASE, ...o });
      const after = distance(r.adversarial, D);
      assert.ok(
        Math.abs(after - (D - BASE.epsilon)) < 2e-5,
        `${what}: distance ${after}, optimum ${D - BASE.epsilon}`,
      );
      assert.ok(l2(r.adversarial, X) <= BASE.epsilon + 1e-5, `${what}: outside the eps ball`);
      assert.ok(phi(after / SIGMA) < before - 0.2, `${what}: smoothed probability did not fall`);
      assert.equal(r.basePredict, 0, `${what}: the base classifier still sees class 0 at distance 0.1`);
    }
    model.dispose();
  },
);

gpuTest(
  "the gradient-free step, the random start and DDN lower the smoothed probability of the label",
  async () => {
    const D = 0.3;
    const model = atDistance(D);
    for (
      const o of [
        { numNoiseVec: 256, noGradAttack: true },
        { numNoiseVec: 2, randomStart: true },
        { attack: "DDN" as const, numNoiseVec: 1, epsilon: 0.5, numSteps: 20 },
        { attack: "DDN" as const, numNoiseVec: 4, epsilon: 0.5, numSteps: 20 },
      ]
    ) {
      const what = JSON.stringify(o);
      const opts = { ...BASE, ...o };
      const r = await attackImage(model, X, SHAPE, 0, 11, opts);
      const after = distance(r.adversarial, D);
      // DDN quantises x + delta to the 1/255 grid after projecting, up to half a level per pixel
      const slack = opts.attack === "DDN" ? Math.sqrt(W.length) * 0.5 / 255 : 1e-5;
      assert.ok(l2(r.adversarial, X) <= opts.epsilon + slack, `${what}: outside the eps ball`);
      assert.ok(after < D - 0.05, `${what}: distance ${after} did not fall below ${D - 0.05}`);
    }
    model.dispose();
  },
);

gpuTest(
  "predict.py's step: an attack that crosses the hyperplane flips the base and the smoothed classifier",
  async () => {
    const D = 0.3;
    const model = atDistance(D);
    const r = await attackImage(model, X, SHAPE, 0, 5, { ...BASE, epsilon: 0.45, numNoiseVec: 4 });
    assert.ok(Math.abs(distance(r.adversarial, D) + 0.15) < 2e-5);
    assert.equal(r.basePredict, 1);
    const predictions: number[] = [];
    const run = (image: Float32Array) =>
      predictImages(model, { shape: SHAPE, classes: 2, indices: [5], load: () => image }, {
        n: 1000,
        alpha: 0.001,
        batch: 500,
        sigma: SIGMA,
        seed: 0,
      }, { onResult: (_, p) => void predictions.push(p.prediction) });
    await run(X); // P(class 0) = Phi(1.2) = 0.885
    await run(r.adversarial); // P(class 0) = Phi(-0.6) = 0.274
    assert.deepEqual(predictions, [0, 1]);
    // epsilon 0 returns the image unchanged (the reference's steps are all zero then)
    const still = await attackImage(model, X, SHAPE, 0, 5, { ...BASE, epsilon: 0 });
    assert.deepEqual([...still.adversarial], [...X]);
    model.dispose();
  },
);

Deno.test("DDN's gamma is derived from epsilon as predict.py does, and the options are checked", () => {
  // the norm shrinks from eps to 3/510 over the steps
  for (const [eps, steps] of [[1, 100], [0.5, 20], [127 / 256, 7]]) {
    const g = ddnGamma(eps, steps, 0.05);
    assert.ok(Math.abs(eps * (1 - g) ** steps - 3 / 510) < 1e-12);
  }
  assert.equal(ddnGamma(0, 100, 0.07), 0.07);
  const bad: [Partial<EmpiricalAttackOptions>, string][] = [
    [{ epsilon: -1 }, "epsilon"],
    [{ numSteps: 0 }, "numSteps"],
    [{ numNoiseVec: 1.5 }, "numNoiseVec"],
    [{ attack: "DDN", noGradAttack: true, numNoiseVec: 2 }, "noGradAttack"],
    [{ attack: "DDN", randomStart: true }, "randomStart"],
    [{ gammaDdn: 1 }, "gammaDdn"],
  ];
  for (const [o, name] of bad) {
    assert.throws(() => validateEmpiricalAttack({ ...BASE, ...o }), (e: unknown) => {
      return e instanceof ParameterError && e.message.includes(name);
    }, JSON.stringify(o));
  }
});
