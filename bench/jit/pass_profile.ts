// One convolution pass through the engine, dispatch by dispatch: GPU time per kernel (the engine's
// profiler; buffer-to-texture copies are not dispatches and are not counted) over R calls, and GFLOP/s at the
// direct convolution's FLOPs. PASS: fwd, fwd-held, inference, bwd-input or bwd-weight (bench/jit/conv_calls.ts).
// Padding (K - 1) / 2. docs/SPEED.md.
//   deno run -A bench/jit/pass_profile.ts C O H S K N PASS [R=3]
//   e.g. 1 32 28 1 3 400 bwd-input   (the MNIST CNN's first layer's input gradient at batch 400)
import { engine, initEngine } from "../../engine/mod.ts";
import { CONV_PASSES, convCalls, type ConvPass } from "./conv_calls.ts";

const [C, O, H, S, K, N] = Deno.args.slice(0, 6).map(Number);
const pass = Deno.args[6] as ConvPass, R = Number(Deno.args[7] ?? 3);
if (![C, O, H, S, K, N, R].every((v) => Number.isInteger(v) && v > 0) || !CONV_PASSES.includes(pass)) {
  console.error(`usage: deno run -A bench/jit/pass_profile.ts C O H S K N ${CONV_PASSES.join("|")} [R]`);
  Deno.exit(2);
}
await initEngine();
const { calls, flops } = convCalls(C, O, H, S, K, N);
const call = calls[pass];
const rec = engine().rec;
for (let i = 0; i < 2; i++) { // the first builds the pipelines
  call();
  await rec.finish();
}
for (let r = 0; r < R; r++) {
  const profiler = rec.startProfiling();
  profiler.reset();
  call();
  rec.flush();
  const times = await profiler.report();
  rec.stopProfiling();
  const total = times.reduce((s, t) => s + t.ms, 0);
  const parts = times.map((t) => `${t.label} ${t.ms.toFixed(2)} (${t.dispatches})`).join(", ");
  console.log(`${total.toFixed(2)} ms, ${(flops / total / 1e6).toFixed(1)} GFLOP/s: ${parts}`);
}
