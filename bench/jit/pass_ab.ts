// One 3 x 3 stride-1 convolution's passes timed in one process, round by round in turn, so that the machine's
// drift falls on all of them alike: ms per call (K calls recorded, then one wait) over R rounds, and GFLOP/s at
// the direct convolution's FLOPs. Passes: fwd (training's NCHW forward, as the benchmark calls it: x copied
// into a texture each call), fwd-held (the same kernel on x's held texture, no copy), inference (the packed
// forward) and bwd-input (the input gradient). docs/SPEED.md.
//   deno run -A bench/jit/pass_ab.ts C N [R=12] [K=5] [PASS ...]   (H = 32 / (C / 16), O = C)
import { engine, initEngine } from "../../engine/mod.ts";
import { summarize } from "../stats.ts";
import { CONV_PASSES, convCalls, type ConvPass } from "./conv_calls.ts";

const C = Number(Deno.args[0] ?? 16), N = Number(Deno.args[1] ?? 128);
const R = Number(Deno.args[2] ?? 12), K = Number(Deno.args[3] ?? 5);
const passes =
  (Deno.args.length > 4 ? Deno.args.slice(4) : ["fwd", "fwd-held", "inference", "bwd-input"]) as ConvPass[];
const H = 32 / (C / 16);
const unknown = passes.filter((p) => !CONV_PASSES.includes(p));
if (unknown.length) throw new Error(`unknown pass ${unknown.join(", ")}; one of ${CONV_PASSES.join(", ")}`);
await initEngine();
const { calls, flops } = convCalls(C, C, H, 1, 3, N);
const wait = () => engine().rec.finish();
for (const p of passes) for (let i = 0; i < 2; i++) calls[p](), await wait();
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
  const { median, min, max } = summarize(ms[p]);
  console.log(
    `${p.padEnd(10)} median ${median.toFixed(2)} ms (${(flops / median / 1e6).toFixed(1)} GFLOP/s), ` +
      `${min.toFixed(2)}-${max.toFixed(2)}`,
  );
}
