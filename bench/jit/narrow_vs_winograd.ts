// A 3x3 stride-1 forward pass with at most 4 input channels (a CIFAR stem: 3 16 32) three ways, alternating in
// one process (the machine's speed drifts between runs): Winograd's NCHW kernel without and with the
// batchnorm's partial moments (what training runs), and the narrow kernel (conv_narrow.wgsl). GPU time per
// call, each on x's held texture (no copy counted). docs/SPEED.md "Tried and left: ...".
//   deno run -A bench/jit/narrow_vs_winograd.ts C O H N [R=6]
import { engine, initEngine, Tensor } from "../../engine/mod.ts";
import { winogradNchwForward } from "../../engine/ops/conv_forward.ts";
import { narrowForward, narrowForwardFits } from "../../engine/ops/conv_narrow.ts";
import { convGeometry } from "../../engine/ops/conv_geometry.ts";
import { randomArray } from "../measure.ts";
import { summarize } from "../stats.ts";

const [C, O, H, N] = Deno.args.slice(0, 4).map(Number);
const R = Number(Deno.args[4] ?? 6);
if (![C, O, H, N, R].every((v) => Number.isInteger(v) && v > 0)) {
  console.error("usage: deno run -A bench/jit/narrow_vs_winograd.ts C O H N [R]");
  Deno.exit(2);
}
await initEngine();
const xShape = [N, C, H, H], wShape = [O, C, 3, 3];
const x = Tensor.from(randomArray(N * C * H * H, 3), xShape).keep();
const w = Tensor.from(randomArray(O * C * 9, 4), wShape).keep();
const g = convGeometry("narrow_vs_winograd", xShape, wShape, { stride: 1, padding: 1 });
if (!narrowForwardFits(g, x, w)) throw new Error("the narrow kernel does not take this layer");
const forms: Record<string, () => Tensor | null> = {
  winograd: () => winogradNchwForward(x, w, null, g, undefined, true, false),
  "winograd + moments": () => winogradNchwForward(x, w, null, g, undefined, true, true),
  narrow: () => narrowForward(x, w, { bias: null, scale: null, relu: false }, g, true),
};
const rec = engine().rec;
const call = (f: () => Tensor | null) => {
  const y = f();
  if (!y) throw new Error("Winograd does not take this layer");
  y.dispose();
};
for (const f of Object.values(forms)) { // the first call builds the pipelines
  for (let i = 0; i < 2; i++) {
    call(f);
    await rec.finish();
  }
}
const ms: Record<string, number[]> = {};
for (let r = 0; r < R; r++) {
  for (const [name, f] of Object.entries(forms)) {
    const profiler = rec.startProfiling();
    profiler.reset();
    call(f);
    rec.flush();
    const times = await profiler.report();
    rec.stopProfiling();
    (ms[name] ??= []).push(times.reduce((s, t) => s + t.ms, 0));
  }
}
const flops = 2 * N * O * H * H * C * 9;
for (const [name, v] of Object.entries(ms)) {
  const s = summarize(v);
  console.log(
    `${name.padEnd(20)} median ${s.median.toFixed(2)} ms (${(flops / s.median / 1e6).toFixed(1)} GFLOP/s): ${
      v.map((t) => t.toFixed(2)).join(" ")
    }`,
  );
}
