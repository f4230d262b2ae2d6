// Whether the machine's drift moves the FMA peak and a convolution alike: bursts of 10 calls of the peak
// kernel (bench/roofline.ts's shaders/peak.wgsl at 64 x 1024 lanes) around bursts of 10 calls of a packed
// 16 -> 16 channel Winograd layer (batch 400, 32 x 32), ms per call. docs/SPEED.md, "Where a 16-channel
// layer's fixed cost goes".
//   deno run -A bench/jit/peak_drift.ts [ROUNDS=10]
import { engine, initEngine, Tensor } from "../../engine/mod.ts";
import { conv2dFusedPacked, packForConv } from "../../engine/ops/conv_inference.ts";
import { randomArray } from "../measure.ts";
import { peakFmaFlops } from "../plan.ts";
import { recordPeak } from "../roofline.ts";

const rounds = Number(Deno.args[0] ?? 10);
await initEngine();
const x = Tensor.from(randomArray(400 * 16 * 32 * 32, 3), [400, 16, 32, 32]);
const w = Tensor.from(randomArray(16 * 16 * 9, 4), [16, 16, 3, 3]);
const packed = packForConv(x);
const conv = () => conv2dFusedPacked(packed, w, { stride: 1, padding: 1 }).data.dispose();
const threads = 64 * 1024, iters = 2048;
const out = Tensor.empty([threads], "f32", "peak");
const peak = () => recordPeak(out, threads, iters);
const peakGflop = peakFmaFlops(threads, iters) / 1e9;

const rec = engine().rec;
async function msPerCall(f: () => void, calls: number): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < calls; i++) f();
  await rec.finish();
  return (performance.now() - t0) / calls;
}
await msPerCall(conv, 2);
await msPerCall(peak, 2);
for (let r = 0; r < rounds; r++) {
  const a = await msPerCall(peak, 10), b = await msPerCall(conv, 10), c = await msPerCall(peak, 10);
  const rate = (ms: number) => (peakGflop / ms * 1e3).toFixed(0);
  console.log(
    `round ${r + 1}: peak ${a.toFixed(1)} ms (${rate(a)} GFLOP/s), conv ${b.toFixed(1)} ms, ` +
      `peak ${c.toFixed(1)} ms (${rate(c)} GFLOP/s)`,
  );
}
