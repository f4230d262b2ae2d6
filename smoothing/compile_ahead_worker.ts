/**
 * The worker of smoothing/compile_ahead.ts: open the run's model on an engine of its own and build the
 * pipelines of one batch, last first, until it reaches the run's progress or the run says "finish".
 * Posts a CompileAheadReply.
 */
import { engine, initEngine, Tensor } from "../engine/mod.ts";
import { ARCH_INFO } from "../nn/models.ts";
import { openModel } from "../nn/open_model.ts";
import { cacheEntries, type CompileAheadMessage, type CompileAheadReply } from "./compile_ahead.ts";
import { sampleVotes } from "./sampling.ts";

interface WorkerScope {
  onmessage: ((e: MessageEvent<CompileAheadMessage | "finish">) => void) | null;
  postMessage(message: CompileAheadReply): void;
}
const scope = globalThis as unknown as WorkerScope;
let finished = false;

scope.onmessage = async (e) => {
  if (e.data === "finish") {
    finished = true;
    return;
  }
  const r = e.data;
  try {
    const t0 = performance.now();
    await initEngine(r.engine);
    const opened = await openModel(await Deno.readFile(r.checkpoint), r.checkpoint, r.model);
    const { inputShape, classes } = ARCH_INFO[opened.arch];
    const image = Tensor.from(new Float32Array(inputShape.reduce((a, b) => a * b, 1)), inputShape).keep();
    const batch = () =>
      sampleVotes(opened.model, image, classes, {
        count: r.batch,
        batch: r.batch,
        sigma: r.sigma,
        seed: 0,
        stream: 0,
        firstSample: 0,
      });
    // Stop once the run is done, or before a pipeline the run has built or is building. The positions
    // count the pipelines the batch makes (after the model's own, which the run built before it counted
    // the cache's entries), in the run's order too; each entry since that count that this worker did not
    // write is one of them the run has built (the worker's builds are all new entries until they meet).
    let mine = 0;
    const stop = (position: number) => {
      if (finished) return true;
      const runBuilt = cacheEntries(r.cache.dir) - r.cache.entries - mine;
      if (position <= runBuilt) return true;
      mine++;
      return false;
    };
    const pipelines = await engine().compileAhead(batch, stop);
    scope.postMessage({ pipelines, seconds: (performance.now() - t0) / 1000 });
  } catch (err) {
    scope.postMessage({ error: (err as Error).message });
  }
};
