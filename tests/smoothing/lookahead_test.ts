/**
 * LookaheadSampler fills a call's padding with the samples its images will ask for next:
 * - every count it returns is the count a plain sampler returns for the same request, so a run's
 *   results and sample counts are the same with it, in fewer calls where few images are in flight;
 * - the inner sampler is sent whole batches: the look-ahead rows fill the last batch's padding and no
 *   more, and a call whose requests are all kept sends nothing;
 * - kept votes serve only the slot, noise stream and samples they were drawn for.
 */
import assert from "node:assert/strict";
import { LookaheadSampler } from "../../smoothing/lookahead.ts";
import { runPacked } from "../../smoothing/packing.ts";
import { type Certificate, type CertifyMode, CertifyProcedure } from "../../smoothing/procedures.ts";
import type { SampleRequest, VoteSampler } from "../../smoothing/sampling.ts";
import { Rng } from "./rng.ts";

/**
 * Votes that are a pure function of (stream, sample), as PackedSampler's are; records each call's rows and
 * its last call's requests.
 */
class HashSampler implements VoteSampler {
  readonly classes = 3;
  calls: number[] = [];
  lastRequests: readonly SampleRequest[] = [];
  constructor(readonly slots: number, readonly batch: number, readonly pA: (stream: number) => number) {}
  load(): void {}
  vote(stream: number, sample: number): number {
    const u = new Rng(stream * 1000003 + sample).next();
    const p = this.pA(stream);
    return u < p ? 1 : u < p + (1 - p) / 2 ? 0 : 2;
  }
  sample(requests: readonly SampleRequest[]): Promise<Uint32Array[]> {
    this.calls.push(requests.reduce((sum, r) => sum + r.count, 0));
    this.lastRequests = requests;
    return Promise.resolve(requests.map((r) => {
      const counts = new Uint32Array(this.classes);
      for (let j = r.first; j < r.first + r.count; j++) counts[this.vote(r.stream, j)]++;
      return counts;
    }));
  }
}

const pA = (stream: number) => [0.999, 0.97, 0.9, 0.8, 0.6, 0.45][stream % 6];

Deno.test("a run's results and samples are the same with the look-ahead, in fewer calls", async () => {
  const indices = Array.from({ length: 12 }, (_, i) => 7 * i);
  const modes: CertifyMode[] = [
    { kind: "fixed" },
    { kind: "radii", radii: [0.25, 0.5] },
    { kind: "adaptive", tolerance: 0.05 },
  ];
  for (const mode of modes) {
    for (const inFlight of [1, 3, 12]) {
      const run = async (ahead: boolean) => {
        const inner = new HashSampler(inFlight, 400, pA);
        const out = new Map<number, Certificate & { used: number }>();
        await runPacked(ahead ? new LookaheadSampler(inner) : inner, {
          indices,
          load: () => Promise.resolve(new Float32Array(1)),
          procedure: () => new CertifyProcedure({ n0: 20, n: 3000, alpha: 0.01, sigma: 0.25, mode }),
          onResult: (idx, r, cost) => void out.set(idx, { ...r, used: cost.samples }),
          inFlight,
          roundRows: 6400,
          firstRoundRows: 400,
        });
        return { out, calls: inner.calls.length };
      };
      const plain = await run(false), ahead = await run(true);
      const what = `${mode.kind}, ${inFlight} in flight`;
      assert.deepEqual([...ahead.out.entries()], [...plain.out.entries()], what);
      assert.ok(ahead.calls <= plain.calls, `${what}: ${ahead.calls} calls against ${plain.calls}`);
      // few images in flight: each look of the sequential modes would pay a batch of its own
      if (mode.kind !== "fixed" && inFlight < 12) {
        assert.ok(ahead.calls < 0.6 * plain.calls, `${what}: ${ahead.calls} calls against ${plain.calls}`);
      }
    }
  }
});

Deno.test("the inner sampler is sent whole batches, and nothing when every request is kept", async () => {
  const inner = new HashSampler(2, 64, pA);
  const sampler = new LookaheadSampler(inner);
  const direct = (stream: number, first: number, count: number) => {
    const counts = new Uint32Array(3);
    for (let j = first; j < first + count; j++) counts[inner.vote(stream, j)]++;
    return counts;
  };
  // 10 + 30 rows: 24 rows of padding, 12 ahead for each slot
  let got = await sampler.sample([
    { slot: 0, stream: 4, first: 0, count: 10 },
    { slot: 1, stream: 5, first: 100, count: 30 },
  ]);
  assert.deepEqual(got, [direct(4, 0, 10), direct(5, 100, 30)]);
  assert.deepEqual(inner.calls, [64]);
  const aheadOf = (slot: number) => inner.lastRequests.slice(2).filter((r) => r.slot === slot);
  assert.deepEqual([aheadOf(0).length, aheadOf(1).length], [12, 12]);
  assert.deepEqual([aheadOf(0)[0].first, aheadOf(1)[0].first], [10, 130]);
  // both continuations kept: no call
  got = await sampler.sample([
    { slot: 0, stream: 4, first: 10, count: 12 },
    { slot: 1, stream: 5, first: 130, count: 5 },
  ]);
  assert.deepEqual(got, [direct(4, 10, 12), direct(5, 130, 5)]);
  assert.deepEqual(inner.calls, [64]);
  // slot 1's 7 kept samples serve the start of a larger request; its rest, 93 rows, pads to 128
  got = await sampler.sample([{ slot: 1, stream: 5, first: 135, count: 100 }]);
  assert.deepEqual(got, [direct(5, 135, 100)]);
  assert.deepEqual(inner.calls, [64, 128]);
  // the 35 rows of padding went ahead on slot 1 from sample 235
  got = await sampler.sample([{ slot: 1, stream: 5, first: 235, count: 35 }]);
  assert.deepEqual(got, [direct(5, 235, 35)]);
  assert.deepEqual(inner.calls, [64, 128]);
  // a call that fills its batches exactly samples nothing ahead
  got = await sampler.sample([{ slot: 0, stream: 4, first: 22, count: 64 }]);
  assert.deepEqual(got, [direct(4, 22, 64)]);
  assert.deepEqual(inner.lastRequests, [{ slot: 0, stream: 4, first: 22, count: 64 }]);
});

Deno.test("kept votes serve only their slot's image, stream and samples", async () => {
  const inner = new HashSampler(2, 64, pA);
  const sampler = new LookaheadSampler(inner);
  await sampler.sample([{ slot: 0, stream: 3, first: 0, count: 4 }]); // keeps stream 3, samples 4 .. 63
  // another stream in the same slot is sampled, not served from stream 3's votes
  await sampler.sample([{ slot: 0, stream: 9, first: 4, count: 8 }]);
  assert.equal(inner.calls.length, 2);
  // a new image in the slot drops what was kept for the old one (here the same stream, drawn anew)
  await sampler.sample([{ slot: 1, stream: 3, first: 0, count: 4 }]);
  const calls = inner.calls.length;
  await sampler.sample([{ slot: 1, stream: 3, first: 4, count: 8 }]);
  assert.equal(inner.calls.length, calls, "kept");
  sampler.load(1, new Float32Array(1));
  await sampler.sample([{ slot: 1, stream: 3, first: 12, count: 8 }]);
  assert.equal(inner.calls.length, calls + 1, "dropped on load");
  // samples asked for out of order (below what is kept) are sampled, and the counts stay exact
  const got = await sampler.sample([{ slot: 1, stream: 3, first: 0, count: 30 }]);
  const direct = new Uint32Array(3);
  for (let j = 0; j < 30; j++) direct[inner.vote(3, j)]++;
  assert.deepEqual(got, [direct]);
});
