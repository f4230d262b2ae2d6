// One convolution pass through the engine, dispatch by dispatch: GPU time per kernel (the engine's
// profiler; buffer-to-texture copies are not dispatches and are not counted) over R calls, and GFLOP/s at the
// direct convolution's FLOPs. PASS: fwd (conv2dRaw on NCHW x), inference (the packed forward),
// bwd-input or bwd-weight. Padding (K - 1) / 2. docs/SPEED.md.
//   deno run -A bench/jit/pass_profile.ts C O H S K N PASS [R=3]
//   e.g. 1 32 28 1 3 400 bwd-input   (the MNIST CNN's first layer's input gradient at batch 400)
import { engine, initEngine, Tensor } from "../../engine/mod.ts";
import { conv2dRaw } from "../../engine/ops/conv.ts";
import { conv2dBackwardInput, conv2dBackwardWeight } from "../../engine/ops/conv_backward.ts";
import { conv2dFusedPacked, packForConv } from "../../engine/ops/conv_inference.ts";
import { randomArray } from "../measure.ts";

const [C, O, H, S, K, N] = Deno.args.slice(0, 6).map(Number);
const pass = Deno.args[6], R = Number(Deno.args[7] ?? 3);
const PASSES = ["fwd", "inference", "bwd-input", "bwd-weight"];
if (![C, O, H, S, K, N, R].every((v) => Number.isInteger(v) && v > 0) || !PASSES.includes(pass)) {
  console.error(`usage: deno run -A bench/jit/pass_profile.ts C O H S K N ${PASSES.join("|")} [R]`);
  Deno.exit(2);
}
await initEngine();
const opts = { stride: S, padding: (K - 1) / 2 };
const OH = Math.floor((H + 2 * opts.padding - K) / S) + 1;
const xShape = [N, C, H, H], wShape = [O, C, K, K];
const x = Tensor.from(randomArray(N * C * H * H, 3), xShape).keep();
const w = Tensor.from(randomArray(O * C * K * K, 4), wShape).keep();
const gy = Tensor.from(randomArray(N * O * OH * OH, 5), [N, O, OH, OH]).keep();
const packed = pass === "inference" ? packForConv(x) : null;
packed?.data.keep();
const calls: Record<string, () => void> = {
  fwd: () => conv2dRaw(x, w, null, opts).dispose(),
  inference: () => conv2dFusedPacked(packed!, w, opts).data.dispose(),
  "bwd-input": () => conv2dBackwardInput(gy, w, xShape, opts).dispose(),
  "bwd-weight": () => conv2dBackwardWeight(gy, x, wShape, opts).dispose(),
};
const call = calls[pass];
const rec = engine().rec;
for (let i = 0; i < 2; i++) { // the first builds the pipelines
  call();
  await rec.finish();
}
const flop = 2 * N * O * OH * OH * C * K * K;
for (let r = 0; r < R; r++) {
  const profiler = rec.startProfiling();
  profiler.reset();
  call();
  rec.flush();
  const times = await profiler.report();
  rec.stopProfiling();
  const total = times.reduce((s, t) => s + t.ms, 0);
  const parts = times.map((t) => `${t.label} ${t.ms.toFixed(2)} (${t.dispatches})`).join(", ");
  console.log(`${total.toFixed(2)} ms, ${(flop / total / 1e6).toFixed(1)} GFLOP/s: ${parts}`);
}
