/**
 * The worker of smoothing/compile_ahead.ts: open the run's model on an engine of its own and build the
 * pipelines of one batch, last first, until the run says "finish". Posts a CompileAheadReply.
 */
import { engine, initEngine, Tensor } from "../engine/mod.ts";
import { ARCH_INFO } from "../nn/models.ts";
import { openModel } from "../nn/open_model.ts";
import type { CompileAheadMessage, CompileAheadReply } from "./compile_ahead.ts";
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
    const pipelines = await engine().compileAhead(batch, () => finished);
    scope.postMessage({ pipelines, seconds: (performance.now() - t0) / 1000 });
  } catch (err) {
    scope.postMessage({ error: (err as Error).message });
  }
};
