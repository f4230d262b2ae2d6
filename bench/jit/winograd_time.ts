// ms per packed Winograd forward convolution (batch N, C -> O channels at H x H, ReLU), best of R rounds of 8
// calls, and its first call (with an empty shader cache: its code generation). docs/SPEED.md.
//   deno run -A bench/jit/winograd_time.ts [C=16] [H=32] [R=5] [N=400] [O=16]
import { initEngine, scope, Tensor } from "../../engine/mod.ts";
import { conv2dFusedPacked, packForConv } from "../../engine/ops/conv_inference.ts";
import { randomArray } from "../measure.ts";
const [C, H, R, N, O] = [
  Number(Deno.args[0] ?? 16),
  Number(Deno.args[1] ?? 32),
  Number(Deno.args[2] ?? 5),
  Number(Deno.args[3] ?? 400),
  Number(Deno.args[4] ?? 16),
];
await initEngine();
const x = Tensor.from(randomArray(N * C * H * H, 1, -1, 1), [N, C, H, H]).keep();
const w = Tensor.from(randomArray(O * C * 9, 2, -0.1, 0.1), [O, C, 3, 3]).keep();
const xp = packForConv(x);
xp.data.keep();
const f = () => conv2dFusedPacked(xp, w, { padding: 1, relu: true }).data;
let t = performance.now();
await scope(() => f()).read();
console.log(`first call ${(performance.now() - t).toFixed(0)} ms`);
const res: number[] = [];
for (let r = 0; r < R; r++) {
  t = performance.now();
  const outs: Tensor[] = [];
  for (let i = 0; i < 8; i++) outs.push(scope(() => f()));
  await outs[7].read();
  outs.forEach((o) => o.dispose());
  res.push((performance.now() - t) / 8);
}
console.log(
  `C=${C} O=${O} H=${H}: ${res.map((v) => v.toFixed(1)).join(" ")} ms; min ${Math.min(...res).toFixed(1)}`,
);
