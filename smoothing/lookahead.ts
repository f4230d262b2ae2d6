/**
 * Padding put to use. A sampler classifies whole batches, so a call whose rows do not fill its last
 * batch pads it with rows that vote for nobody; a run with few images in flight (a handful of images,
 * or the tail of any run) pays a whole batch for a few dozen rows at each of its images' looks.
 * `LookaheadSampler` fills those rows with the samples its images will ask for next instead: the
 * continuation, on the same noise stream, of what each image asked for in the call, one row per
 * sample, whose votes it keeps per slot and hands out when they are asked for, with no batch at all
 * where every request is kept.
 *
 * A sample's vote is a pure function of (seed, stream, sample index) whoever asks for it and whatever
 * shares its batch (PackedSampler), so every count it returns, and so every result, is the same as
 * without it; what changes is how many calls (batches, GPU round trips) a run takes.
 */
import type { Tensor } from "../engine/mod.ts";
import type { SampleRequest, VoteSampler } from "./sampling.ts";

/** Votes kept for one slot: the classes of samples first, first + 1, ... of `stream`. */
interface Kept {
  stream: number;
  first: number;
  classes: number[];
}

/** The last sample index a request may name, plus one (PackedSampler's range). */
const INDEX_END = 2 ** 32;

export class LookaheadSampler implements VoteSampler {
  readonly #kept = new Map<number, Kept>();

  constructor(readonly inner: VoteSampler) {}

  get slots(): number {
    return this.inner.slots;
  }
  get batch(): number {
    return this.inner.batch;
  }
  get classes(): number {
    return this.inner.classes;
  }

  load(slot: number, image: Float32Array | Tensor): void {
    this.inner.load(slot, image);
    this.#kept.delete(slot);
  }

  async sample(requests: readonly SampleRequest[]): Promise<Uint32Array[]> {
    const k = this.classes;
    const out = requests.map(() => new Uint32Array(k));
    // What is kept serves each request's first samples; the rest goes to the inner sampler.
    const rest: SampleRequest[] = requests.map((r, i) => {
      const kept = this.#kept.get(r.slot);
      if (!kept || kept.stream !== r.stream || r.first < kept.first) return r;
      // samples before r.first will not be asked for again: procedures ask in order
      kept.classes.splice(0, Math.min(r.first - kept.first, kept.classes.length));
      kept.first = r.first;
      const served = Math.min(r.count, kept.classes.length);
      for (const c of kept.classes.splice(0, served)) out[i][c]++;
      kept.first += served;
      return { ...r, first: r.first + served, count: r.count - served };
    });
    const rows = rest.reduce((sum, r) => sum + r.count, 0);
    if (rows === 0) return out;
    const ahead = this.#ahead(rest, Math.ceil(rows / this.batch) * this.batch - rows);
    const votes = await this.inner.sample([...rest, ...ahead]);
    rest.forEach((_, i) => {
      for (let c = 0; c < k; c++) out[i][c] += votes[i][c];
    });
    ahead.forEach((a, j) => this.#keep(a, votes[rest.length + j].indexOf(1)));
    return out;
  }

  /**
   * `spare` one-sample requests continuing the call's requests, shared out evenly in request order:
   * each continues its request's samples or, where the request was served from what is kept, the kept
   * samples (procedures ask for one range per image and call).
   */
  #ahead(rest: readonly SampleRequest[], spare: number): SampleRequest[] {
    const ahead: SampleRequest[] = [];
    rest.forEach((r, i) => {
      const kept = this.#kept.get(r.slot);
      const end = r.first + r.count;
      const keptEnd = kept?.stream === r.stream ? kept.first + kept.classes.length : -1;
      const first = r.count === 0 && keptEnd >= 0 ? keptEnd : end;
      const share = Math.floor(spare / rest.length) + (i < spare % rest.length ? 1 : 0);
      for (let j = 0; j < share && first + j < INDEX_END; j++) {
        ahead.push({ slot: r.slot, stream: r.stream, first: first + j, count: 1 });
      }
    });
    return ahead;
  }

  /** Keep one sample's class: it extends the slot's run when it continues it, else starts a new one. */
  #keep(a: SampleRequest, cls: number): void {
    const kept = this.#kept.get(a.slot);
    if (kept?.stream === a.stream && kept.first + kept.classes.length === a.first) kept.classes.push(cls);
    else this.#kept.set(a.slot, { stream: a.stream, first: a.first, classes: [cls] });
  }
}
