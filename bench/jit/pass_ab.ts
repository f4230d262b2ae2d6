// One 3 x 3 stride-1 convolution's passes timed in one process, round by round in turn, so that the machine's
// drift falls on all of them alike: ms per call (K calls recorded, then one wait) over R rounds, and GFLOP/s at
// the direct convolution's FLOPs. Passes: fwd (training's NCHW forward, as the benchmark calls it: x copied
// into a texture each call), fwd-held (the same kernel on x's held texture, no copy), inference (the packed
// forward) and bwd-input (the input gradient). docs/SPEED.md.
//   deno run -A bench/jit/pass_ab.ts C N [R=12] [K=5] [PASS ...]   (H = 32 / (C / 16), O = C)
import { engine, initEngine, Tensor } from "../../engine/mod.ts";
import { conv2dRaw } from "../../engine/ops/conv.ts";
import { conv2dBackwardInput } from "../../engine/ops/conv_backward.ts";
import { winogradNchwForward } from "../../engine/ops/conv_forward.ts";
import { convGeometry } from "../../engine/ops/conv_geometry.ts";
import { conv2dFusedPacked, packForConv } from "../../engine/ops/conv_inference.ts";
import { randomArray } from "../measure.ts";

const C = Number(Deno.args[0] ?? 16), N = Number(Deno.args[1] ?? 128);
const R = Number(Deno.args[2] ?? 12), K = Number(Deno.args[3] ?? 5);
const passes = Deno.args.length > 4 ? Deno.args.slice(4) : ["fwd", "fwd-held", "inference", "bwd-input"];
const H = 32 / (C / 16);
await initEngine();
const opts = { stride: 1, padding: 1 };
const xShape = [N, C, H, H], wShape = [C, C, 3, 3];
const x = Tensor.from(randomArray(N * C * H * H, 3), xShape).keep();
const w = Tensor.from(randomArray(C * C * 9, 4), wShape).keep();
const gy = Tensor.from(randomArray(N * C * H * H, 5), xShape).keep();
const packed = packForConv(x);
packed.data.keep();
const g = convGeometry("pass_ab", xShape, wShape, opts);
const calls: Record<string, () => void> = {
  fwd: () => conv2dRaw(x, w, null, opts).dispose(),
  "fwd-held": () => winogradNchwForward(x, w, null, g, undefined, true)!.dispose(),
  inference: () => conv2dFusedPacked(packed, w, opts).data.dispose(),
  "bwd-input": () => conv2dBackwardInput(gy, w, xShape, opts).dispose(),
};
const unknown = passes.filter((p) => !calls[p]);
if (unknown.length) {
  throw new Error(`unknown pass ${unknown.join(", ")}; one of ${Object.keys(calls).join(", ")}`);
}
const wait = () => engine().rec.finish();
for (const p of passes) for (let i = 0; i < 2; i++) calls[p](), await wait();
const flops = 2 * N * C * H * H * C * 9;
const ms: Record<string, number[]> = {};
for (let r = 0; r < R; r++) {
  for (const p of passes) {
    const t = performance.now();
    for (let k = 0; k < K; k++) calls[p]();
    await wait();
    (ms[p] ??= []).push((performance.now() - t) / K);
  }
}
console.log(`${C} -> ${C} channels at ${H} x ${H}, batch ${N}, ${R} rounds of ${K} calls`);
for (const p of passes) {
  const v = ms[p].sort((a, b) => a - b), med = v[v.length >> 1];
  console.log(
    `${p.padEnd(10)} median ${med.toFixed(2)} ms (${(flops / med / 1e6).toFixed(1)} GFLOP/s), ` +
      `${v[0].toFixed(2)}-${v[v.length - 1].toFixed(2)}`,
  );
}
