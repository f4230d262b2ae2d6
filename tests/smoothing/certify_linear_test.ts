/**
 * Soundness of the certification modes end to end on the GPU (noise kernel, model, vote kernel,
 * packing, procedures), on binary linear classifiers whose smoothed probability is known in closed
 * form: f(x) = class 1 iff w.x + b > 0, so under x + N(0, sigma^2 I) class 0 wins with probability
 * pA = Phi(-(w.x + b) / (sigma ||w||)), and g's robust radius at x is sigma * PhiInv(pA) (the distance
 * to the hyperplane). Each image index is an independent noise stream, so a run over M indices of the
 * same image is M independent trials.
 *
 * A count C of wrong certificates (radius above the true one, or class 1) among M trials is
 * Binomial(M, q) with q <= alpha when the mode is sound; a check fails only if C exceeds t with
 * P(Binomial(M, alpha) > t) <= 1e-6, so a sound implementation fails it with probability <= 1e-6.
 */
import assert from "node:assert/strict";
import { type Certificate, certifyImages, type CertifyMode } from "../../smoothing/certify.ts";
import { phi, phiInv } from "../../smoothing/stats.ts";
import { gpuTest } from "../helpers.ts";
import { BinaryLinear } from "./binary_linear.ts";
import { binomialUpperCriticalValue } from "./rng.ts";

const SIDE = 4; // images [1, 4, 4]
const SIGMA = 0.25;
const ALPHA = 0.2;

/** A classifier with P(class 0 under noise) = pA at the all-zeros image. */
function classifierWith(pA: number): BinaryLinear {
  const w = Array.from({ length: SIDE * SIDE }, (_, i) => (i % 3) - 1 + 0.25); // ||w|| ~ 3.4
  const norm = Math.hypot(...w);
  return new BinaryLinear(w, -SIGMA * norm * phiInv(pA));
}

async function wrongCertificates(pA: number, mode: CertifyMode, trials: number, n: number): Promise<number> {
  const model = classifierWith(pA);
  const truth = SIGMA * phiInv(pA);
  const image = new Float32Array(SIDE * SIDE);
  let wrong = 0, seen = 0;
  await certifyImages(
    model,
    {
      shape: [1, SIDE, SIDE],
      classes: 2,
      indices: Array.from({ length: trials }, (_, i) => i),
      load: () => image,
    },
    { n0: 10, n, alpha: ALPHA, sigma: SIGMA, seed: 5, batch: 1024, inFlight: trials, mode },
    {
      onResult: (_, r: Certificate) => {
        seen++;
        if (r.prediction === 1 || (r.prediction === 0 && r.radius > truth)) wrong++;
      },
    },
  );
  model.dispose();
  assert.equal(seen, trials);
  return wrong;
}

gpuTest(
  "radii mode on the GPU: wrong certificates stay within alpha with pA just below a threshold",
  async () => {
    const trials = 200;
    const critical = binomialUpperCriticalValue(trials, ALPHA, 1e-6);
    // Thresholds of radii 0.25 and 0.5 at sigma = 0.25: Phi(1) and Phi(2).
    for (const pA of [phi(1) - 0.003, phi(2) - 0.002]) {
      const wrong = await wrongCertificates(pA, { kind: "radii", radii: [0.25, 0.5] }, trials, 4000);
      assert.ok(wrong <= critical, `pA = ${pA}: ${wrong} wrong of ${trials} (critical ${critical})`);
    }
  },
);

gpuTest(
  "adaptive mode on the GPU: returned radii exceed the true radius in at most ~alpha of trials",
  async () => {
    const trials = 200;
    const critical = binomialUpperCriticalValue(trials, ALPHA, 1e-6);
    for (const pA of [0.8, 0.99]) {
      const wrong = await wrongCertificates(pA, { kind: "adaptive", tolerance: 0.01 }, trials, 4000);
      assert.ok(wrong <= critical, `pA = ${pA}: ${wrong} wrong of ${trials} (critical ${critical})`);
    }
  },
);

gpuTest("fixed-N CERTIFY on the GPU: the vote share matches the closed-form pA", async () => {
  // 200 images x 4000 votes at pA = 0.9: the pooled share has standard deviation 0.00106; a share
  // more than 5 of those away from pA (false alarm 6e-7) means the noise or the votes are off.
  const pA = 0.9;
  const model = classifierWith(pA);
  let nA = 0, n = 0;
  await certifyImages(
    model,
    {
      shape: [1, SIDE, SIDE],
      classes: 2,
      indices: Array.from({ length: 200 }, (_, i) => 1000 + i),
      load: () => new Float32Array(SIDE * SIDE),
    },
    { n0: 10, n: 4000, alpha: 0.001, sigma: SIGMA, seed: 9, batch: 1024 },
    {
      onResult: (_, r) => {
        assert.equal(r.cA, 0);
        nA += r.nA;
        n += r.n;
      },
    },
  );
  model.dispose();
  const sd = Math.sqrt(pA * (1 - pA) / n);
  assert.ok(Math.abs(nA / n - pA) < 5 * sd, `share ${nA / n} vs pA ${pA} (sd ${sd})`);
});
