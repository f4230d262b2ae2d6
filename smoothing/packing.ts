/**
 * The loop that keeps the GPU busy with several images at once. Up to `inFlight` images are loaded
 * into the sampler's slots; each round gathers what their procedures want next, serves it in one
 * `sample` call (shared batches, one readback), and hands each image its votes. A decided image is
 * reported at once (so a log row is written as soon as its image is done) and its slot goes to the
 * next image. Rounds are capped at `roundRows` rows so that progress and the log advance steadily;
 * the smallest requests are served first (new images' early looks, which free slots soonest), and
 * the rest of the cap goes to the next larger one, possibly in part. Between rounds the run reports
 * its progress and stops if its abort signal has fired (a round in flight is finished first: the GPU
 * work is already queued).
 *
 * A run may start small (`firstRoundRows`): the first round's cap is that, each next one twice the
 * last up to `roundRows`, and images are admitted in the same proportion of `inFlight`. Without the
 * ramp the first images wait for every image in flight to be selected and for a full round more (the
 * default certification, 64 images in flight, decides its first image after 12,800 samples; with a
 * ramp from one batch, after 2,800: tests/smoothing/procedures_test.ts). What is sampled for an image,
 * and so every result, is the same.
 */
import type { Procedure } from "./procedures.ts";
import type { SampleRequest, VoteSampler } from "./sampling.ts";

/** What an image cost. */
export interface ImageCost {
  /** Samples its procedure classified. */
  samples: number;
  /** Its share of the rounds' wall time, by rows (padding shared out). */
  seconds: number;
}

/** Progress after a round. */
export interface RoundReport {
  /** Rows (samples) this round classified, and its wall time. */
  rows: number;
  seconds: number;
  /** Samples classified since the run began, over all images. */
  samples: number;
  /** Images decided (reported) so far. */
  decided: number;
}

export interface PackedRunOptions<R> {
  /** Image indices, in order; the index is also the image's noise stream. */
  indices: readonly number[];
  load(idx: number): Promise<Float32Array>;
  procedure(idx: number): Procedure<R>;
  onResult(idx: number, result: R, cost: ImageCost): void | Promise<void>;
  /** Images sampled together (at most the sampler's slots). */
  inFlight: number;
  /** Rows served per round at most (>= 1). */
  roundRows: number;
  /** The first round's cap (default `roundRows`: no ramp); it doubles each round up to `roundRows`. */
  firstRoundRows?: number;
  /** Called after every round. */
  onRound?(report: RoundReport): void;
  /** Stops the run between rounds, throwing the signal's reason. */
  signal?: AbortSignal;
  /** Clock in milliseconds (tests inject one). */
  now?: () => number;
}

interface InFlight<R> {
  idx: number;
  slot: number;
  procedure: Procedure<R>;
  samples: number;
  seconds: number;
}

export async function runPacked<R>(sampler: VoteSampler, o: PackedRunOptions<R>): Promise<void> {
  if (!Number.isInteger(o.inFlight) || o.inFlight < 1 || o.inFlight > sampler.slots) {
    throw new RangeError(`inFlight must be an integer in [1, ${sampler.slots}], got ${o.inFlight}`);
  }
  if (!Number.isInteger(o.roundRows) || o.roundRows < 1) {
    throw new RangeError(`roundRows must be a positive integer, got ${o.roundRows}`);
  }
  const firstRoundRows = o.firstRoundRows ?? o.roundRows;
  if (!Number.isInteger(firstRoundRows) || firstRoundRows < 1) {
    throw new RangeError(`firstRoundRows must be a positive integer, got ${firstRoundRows}`);
  }
  const now = o.now ?? (() => performance.now());
  const freeSlots = Array.from({ length: o.inFlight }, (_, i) => o.inFlight - 1 - i);
  const active: InFlight<R>[] = [];
  let nextImage = 0, samples = 0, decided = 0;
  let cap = Math.min(firstRoundRows, o.roundRows);
  while (nextImage < o.indices.length || active.length > 0) {
    o.signal?.throwIfAborted();
    const admit = Math.max(1, Math.ceil(o.inFlight * cap / o.roundRows));
    // admit <= inFlight, so a slot is free whenever fewer than `admit` images are active
    while (active.length < admit && nextImage < o.indices.length) {
      const idx = o.indices[nextImage++];
      const slot = freeSlots.pop()!;
      sampler.load(slot, await o.load(idx));
      active.push({ idx, slot, procedure: o.procedure(idx), samples: 0, seconds: 0 });
    }
    // Smallest requests first; ties keep admission order.
    const wants = active.map((a) => ({ a, range: a.procedure.next() }))
      .filter((w) => w.range !== null && w.range.count > 0)
      .sort((x, y) => x.range!.count - y.range!.count);
    if (wants.length !== active.length) {
      throw new Error("a procedure was asked for samples after it had decided");
    }
    const served: { a: InFlight<R>; request: SampleRequest }[] = [];
    let budget = cap;
    cap = Math.min(2 * cap, o.roundRows);
    for (const { a, range } of wants) {
      if (budget === 0) break;
      const count = Math.min(range!.count, budget);
      budget -= count;
      served.push({ a, request: { slot: a.slot, stream: a.idx, first: range!.first, count } });
    }
    const start = now();
    const votes = await sampler.sample(served.map((s) => s.request));
    const seconds = (now() - start) / 1000;
    const rows = served.reduce((sum, s) => sum + s.request.count, 0);
    for (let i = 0; i < served.length; i++) {
      const { a, request } = served[i];
      a.procedure.observe(request.count, votes[i]);
      a.samples += request.count;
      a.seconds += seconds * request.count / rows;
    }
    for (let i = 0; i < active.length;) {
      const a = active[i];
      if (a.procedure.next() !== null) {
        i++;
        continue;
      }
      active.splice(i, 1);
      freeSlots.push(a.slot);
      decided++;
      await o.onResult(a.idx, a.procedure.result(), { samples: a.samples, seconds: a.seconds });
    }
    samples += rows;
    o.onRound?.({ rows, seconds, samples, decided });
  }
}
