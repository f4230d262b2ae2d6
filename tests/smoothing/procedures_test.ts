/**
 * The per-image procedures and the packing loop, on the CPU with simulated votes:
 * - fixed-N CERTIFY asks for [0, n0) then [n0, n0 + N) and returns Clopper-Pearson's certificate;
 * - the sequential modes decide at their own looks, so any way of serving the samples (round sizes,
 *   images in flight, resumption) gives the same result;
 * - soundness, by simulation with stated false-alarm rates: a returned certificate exceeds the true
 *   robust radius sigma * PhiInv(pA) in at most ~alpha of the runs, with pA placed just below a
 *   requested radius's threshold (radii mode) or anywhere (adaptive mode).
 *
 * A count C of wrong certificates among M runs is Binomial(M, q) with q <= alpha when the procedure is
 * sound. A check fails only if C exceeds t with P(Binomial(M, alpha) > t) <= 1e-6, so a sound
 * procedure fails a check with probability at most 1e-6 (seeds are fixed: runs are reproducible).
 */
import assert from "node:assert/strict";
import { runPacked } from "../../smoothing/packing.ts";
import {
  ABSTAIN,
  type Certificate,
  type CertifyMode,
  CertifyProcedure,
  FIRST_LOOK,
  nextLook,
  type Procedure,
  type SampleRange,
} from "../../smoothing/procedures.ts";
import type { SampleRequest, VoteSampler } from "../../smoothing/sampling.ts";
import { certifyFromCounts, phi, phiInv } from "../../smoothing/stats.ts";
import { binomialUpperCriticalValue, Rng } from "./rng.ts";

/** Serve a procedure until it decides, drawing each sample's class with `draw`. */
function drive<R>(
  procedure: Procedure<R>,
  classes: number,
  draw: () => number,
  ranges: SampleRange[] = [],
): R {
  for (let want = procedure.next(); want !== null; want = procedure.next()) {
    ranges.push(want);
    const counts = new Uint32Array(classes);
    for (let i = 0; i < want.count; i++) counts[draw()]++;
    procedure.observe(want.count, counts);
  }
  return procedure.result();
}

/** Binary votes: class 0 with probability pA. */
const binary = (rng: Rng, pA: number) => () => rng.next() < pA ? 0 : 1;

Deno.test("fixed-N CERTIFY: selection then all N estimation samples, Clopper-Pearson's certificate", () => {
  const rng = new Rng(1);
  const ranges: SampleRange[] = [];
  const r = drive(
    new CertifyProcedure({ n0: 50, n: 1000, alpha: 0.001, sigma: 0.5 }),
    3,
    () => (rng.next() < 0.9 ? 2 : 0),
    ranges,
  );
  assert.deepEqual(ranges, [{ first: 0, count: 50 }, { first: 50, count: 1000 }]);
  const expected = certifyFromCounts(2, r.nA, 1000, 0.001, 0.5);
  assert.deepEqual(
    { prediction: r.prediction, radius: r.radius, pALower: r.pALower, cA: r.cA, n: r.n, samples: r.samples },
    {
      prediction: expected.predict,
      radius: expected.radius,
      pALower: expected.pALower,
      cA: 2,
      n: 1000,
      samples: 1050,
    },
  );
});

Deno.test("the sequential modes look at 32, 40, 50, ... estimation samples, capped by the budget", () => {
  const looks = [0];
  while (looks[looks.length - 1] < 300) looks.push(nextLook(looks[looks.length - 1], 300));
  assert.deepEqual(looks.slice(1), [FIRST_LOOK, 40, 50, 63, 79, 99, 124, 155, 194, 243, 300]);
  // Unanimous votes certify sigma and 2 sigma after the look at 380 (2 sigma needs 325).
  const ranges: SampleRange[] = [];
  const r = drive(
    new CertifyProcedure({
      n0: 100,
      n: 100000,
      alpha: 0.001,
      sigma: 0.25,
      mode: { kind: "radii", radii: [0.25, 0.5] },
    }),
    10,
    () => 4,
    ranges,
  );
  assert.deepEqual({ prediction: r.prediction, radius: r.radius, n: r.n, samples: r.samples }, {
    prediction: 4,
    radius: 0.5,
    n: 380,
    samples: 480,
  });
  assert.equal(ranges[1].first, 100);
});

Deno.test("radii mode: radius column is the largest certified radius; refuted radii stop early; abstains below 1/2", () => {
  const mode: CertifyMode = { kind: "radii", radii: [0.5, 0.25, 0.75] };
  const p = { n0: 100, n: 100000, alpha: 0.001, sigma: 0.25, mode };
  // pA = 0.95: certifies sigma (0.8413), refutes 2 sigma (0.9772) and 3 sigma (0.99865).
  const a = drive(new CertifyProcedure(p), 2, binary(new Rng(2), 0.95));
  assert.equal(a.prediction, 0);
  assert.equal(a.radius, 0.25);
  assert.ok(a.samples < 5000, `${a.samples} samples`);
  // The selection picks class 2, whose estimation share is 0.3: every radius is refuted and the
  // prediction is not certified (radius 0 is not requested, so the run stops without proving it).
  const rng = new Rng(3);
  let drawn = 0;
  const b = drive(new CertifyProcedure(p), 3, () => (drawn++ < 100 || rng.next() < 0.3 ? 2 : 0));
  assert.deepEqual({ cA: b.cA, prediction: b.prediction, radius: b.radius }, {
    cA: 2,
    prediction: ABSTAIN,
    radius: 0,
  });
  assert.ok(b.samples < 400, `${b.samples} samples`);
  // A budget too small for a decision: undecided radii count as not certified.
  const c = drive(new CertifyProcedure({ ...p, n: 200 }), 2, binary(new Rng(4), 0.999));
  assert.equal(c.n, 200);
  assert.equal(c.radius, 0.25);
});

/** Votes that are a pure function of (stream, sample): the same whoever asks, in whatever pieces. */
class HashSampler implements VoteSampler {
  readonly batch = 64;
  readonly classes = 3;
  requests = 0;
  constructor(readonly slots: number, readonly pA: (stream: number) => number) {}
  load(): void {}
  sample(requests: readonly SampleRequest[]): Promise<Uint32Array[]> {
    this.requests++;
    return Promise.resolve(requests.map((r) => {
      const counts = new Uint32Array(3);
      for (let j = r.first; j < r.first + r.count; j++) {
        const u = new Rng(r.stream * 1000003 + j).next();
        const p = this.pA(r.stream);
        counts[u < p ? 1 : u < p + (1 - p) / 2 ? 0 : 2]++;
      }
      return counts;
    }));
  }
}

Deno.test("results do not depend on images in flight, round size or resumption", async () => {
  const indices = Array.from({ length: 24 }, (_, i) => i);
  const pA = (stream: number) => [0.999, 0.97, 0.9, 0.8, 0.6, 0.45][stream % 6];
  for (
    const mode of [{ kind: "fixed" }, { kind: "radii", radii: [0.25, 0.5] }, {
      kind: "adaptive",
      tolerance: 0.05,
    }] as CertifyMode[]
  ) {
    const run = async (inFlight: number, roundRows: number, subset = indices, firstRoundRows?: number) => {
      const out = new Map<number, Certificate & { used: number }>();
      await runPacked(new HashSampler(inFlight, pA), {
        indices: subset,
        load: () => Promise.resolve(new Float32Array(1)),
        procedure: () => new CertifyProcedure({ n0: 20, n: 3000, alpha: 0.01, sigma: 0.25, mode }),
        onResult: (idx, r, cost) => void out.set(idx, { ...r, used: cost.samples }),
        inFlight,
        roundRows,
        firstRoundRows,
      });
      return out;
    };
    const reference = await run(1, 1_000_000);
    for (const [idx, r] of reference) assert.equal(r.used, r.samples, `${mode.kind} idx ${idx}`);
    for (
      const [inFlight, roundRows, first] of [[24, 100_000], [5, 37], [8, 1], [24, 6400, 400], [7, 500, 3]]
    ) {
      const other = await run(inFlight, roundRows, indices, first);
      assert.deepEqual(
        [...other.entries()].sort((a, b) => a[0] - b[0]),
        [...reference.entries()].sort((a, b) => a[0] - b[0]),
        `${mode.kind}: in flight ${inFlight}, round ${roundRows}, first round ${first ?? roundRows}`,
      );
    }
    const resumed = await run(6, 500, indices.filter((i) => i % 3 !== 0));
    for (const [idx, r] of resumed) {
      assert.deepEqual(r, reference.get(idx), `${mode.kind}: resumed idx ${idx}`);
    }
  }
});

Deno.test("packing: a ramp from one batch doubles the round cap, admits images in proportion, and decides the first image early", async () => {
  // The embedded default certification: n0 = 100, N = 1000, batch 400, rounds of 16 batches, 64 in flight.
  const run = async (firstRoundRows?: number) => {
    const rounds: number[] = [];
    let decidingRound = -1;
    await runPacked(new HashSampler(64, () => 0.99), {
      indices: Array.from({ length: 100 }, (_, i) => 100 * i),
      load: () => Promise.resolve(new Float32Array(1)),
      procedure: () => new CertifyProcedure({ n0: 100, n: 1000, alpha: 0.001, sigma: 0.25 }),
      // results are reported inside their round, before onRound counts it
      onResult: () => void (decidingRound < 0 && (decidingRound = rounds.length)),
      onRound: (r) => void rounds.push(r.rows),
      inFlight: 64,
      roundRows: 6400,
      firstRoundRows,
    });
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    return { rounds, beforeFirst: sum(rounds.slice(0, decidingRound + 1)), total: sum(rounds) };
  };
  const flat = await run();
  const ramp = await run(400);
  assert.equal(flat.total, 100 * 1100);
  assert.equal(ramp.total, 100 * 1100);
  assert.deepEqual(flat.rounds.slice(0, 2), [6400, 6400]);
  assert.deepEqual(ramp.rounds.slice(0, 5), [400, 800, 1600, 3200, 6400]);
  assert.equal(flat.beforeFirst, 12800); // every image's selection, then a full round
  assert.equal(ramp.beforeFirst, 2800);
});

Deno.test("packing: a round is one sample call; decided images are reported at once and free their slot", async () => {
  const sampler = new HashSampler(4, () => 1);
  const order: number[] = [];
  await runPacked(sampler, {
    indices: [5, 6, 7, 8, 9, 10],
    load: () => Promise.resolve(new Float32Array(1)),
    procedure: () => new CertifyProcedure({ n0: 10, n: 100, alpha: 0.01, sigma: 1 }),
    onResult: (idx) => void order.push(idx),
    inFlight: 4,
    roundRows: 1000,
  });
  // Round 1: four selections; round 2: their estimations, then two new selections; ...
  assert.deepEqual(order, [5, 6, 7, 8, 9, 10]);
  assert.equal(sampler.requests, 4);
  await assert.rejects(
    runPacked(sampler, {
      indices: [1],
      load: () => Promise.resolve(new Float32Array(1)),
      procedure: () => new CertifyProcedure({ n0: 1, n: 1, alpha: 0.5, sigma: 1 }),
      onResult: () => {},
      inFlight: 5,
      roundRows: 1,
    }),
    /inFlight must be an integer in \[1, 4\]/,
  );
});

const ALPHA = 0.2;
const FALSE_ALARM = 1e-6;

/** Wrong certificates (radius above the true sigma * PhiInv(pA), or another class) among `runs` runs. */
function wrongCertificates(pA: number, mode: CertifyMode, runs: number, seed: number, n = 20000): number {
  const sigma = 0.25;
  const truth = sigma * phiInv(pA);
  const rng = new Rng(seed);
  let wrong = 0;
  for (let run = 0; run < runs; run++) {
    const r = drive(new CertifyProcedure({ n0: 10, n, alpha: ALPHA, sigma, mode }), 2, binary(rng, pA));
    if (r.prediction === 1 || (r.prediction === 0 && r.radius > truth)) wrong++;
  }
  return wrong;
}

Deno.test("soundness of the radii mode: pA just below a requested radius's threshold", () => {
  const runs = 600;
  const critical = binomialUpperCriticalValue(runs, ALPHA, FALSE_ALARM);
  // Radii 0.25, 0.5 at sigma = 0.25 have thresholds Phi(1) = 0.8413 and Phi(2) = 0.9772; pA sits
  // 0.002 below each (a certificate of that radius is then wrong), and at 0.55 (only r = 0 holds).
  for (const [pA, seed] of [[phi(1) - 0.002, 11], [phi(2) - 0.002, 12], [0.55, 13]]) {
    const wrong = wrongCertificates(pA, { kind: "radii", radii: [0.25, 0.5] }, runs, seed);
    assert.ok(wrong <= critical, `pA = ${pA}: ${wrong} wrong certificates of ${runs} (critical ${critical})`);
  }
});

Deno.test("soundness of the adaptive mode: returned radii exceed the true radius in at most ~alpha of runs", () => {
  const runs = 300;
  const critical = binomialUpperCriticalValue(runs, ALPHA, FALSE_ALARM);
  for (const [pA, seed] of [[0.7, 21], [0.9, 22], [0.995, 23]]) {
    const wrong = wrongCertificates(pA, { kind: "adaptive", tolerance: 0.02 }, runs, seed);
    assert.ok(wrong <= critical, `pA = ${pA}: ${wrong} wrong certificates of ${runs} (critical ${critical})`);
  }
});

Deno.test("parameters are validated once, naming the parameter", () => {
  const base = { n0: 10, n: 100, alpha: 0.01, sigma: 0.5 };
  const cases: [object, RegExp][] = [
    [{ n0: 0 }, /n0 must be a positive integer/],
    [{ n: 5 }, /n0 \(10\) must not exceed N \(5\)/],
    [{ alpha: 1 }, /alpha must lie in \(0, 1\)/],
    [{ sigma: -1 }, /sigma must be a finite number > 0/],
    [{ mode: { kind: "radii", radii: [] } }, /radii: give at least one radius/],
    [{ mode: { kind: "radii", radii: [0.5, -1] } }, /radii must be finite numbers >= 0/],
    [{ mode: { kind: "adaptive", tolerance: Number.NaN } }, /tolerance must be a finite number >= 0/],
  ];
  for (const [change, message] of cases) {
    assert.throws(() => new CertifyProcedure({ ...base, ...change }), message);
  }
  const p = new CertifyProcedure(base);
  assert.throws(() => p.result(), /before the decision/);
  assert.throws(() => p.observe(11, new Uint32Array(2)), /observed 11 samples, expected 1 \.\. 10/);
});
