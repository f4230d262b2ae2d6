// GPU time of a per-channel sum, [N, C, H, W] over [0, 2, 3] (a convolution's bias gradient: reduce.wgsl's
// akb_group4 where H * W % 4 == 0, else akb_group), the mean of 5 calls per round, and its rate in GB/s read.
//   deno run -A bench/jit/channel_sum.ts N C H W [R=5]
import { engine, initEngine, Tensor } from "../../engine/mod.ts";
import { reduceRaw } from "../../engine/ops/reduce_kernels.ts";
import { randomArray } from "../measure.ts";

const [N, C, H, W] = Deno.args.slice(0, 4).map(Number);
const R = Number(Deno.args[4] ?? 5);
if (![N, C, H, W, R].every((v) => Number.isInteger(v) && v > 0)) {
  console.error("usage: deno run -A bench/jit/channel_sum.ts N C H W [R]");
  Deno.exit(2);
}
await initEngine();
const x = Tensor.from(randomArray(N * C * H * W, 3), [N, C, H, W]).keep();
const rec = engine().rec;
const call = () => reduceRaw("sum", x, [0, 2, 3], false, 1).dispose();
call();
await rec.finish();
const ms: number[] = [];
for (let r = 0; r < R; r++) {
  const p = rec.startProfiling();
  p.reset();
  for (let i = 0; i < 5; i++) call();
  rec.flush();
  const t = await p.report();
  rec.stopProfiling();
  ms.push(t.reduce((s, x) => s + x.ms, 0) / 5);
}
const gb = N * C * H * W * 4 / 1e9;
console.log(
  `[${N}, ${C}, ${H}, ${W}]: ${ms.map((m) => m.toFixed(2)).join(" ")} ms a sum (best ${
    (gb / Math.min(...ms) * 1e3).toFixed(1)
  } GB/s)`,
);
