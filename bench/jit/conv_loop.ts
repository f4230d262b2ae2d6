// A packed forward 3x3 convolution (batch 400, C -> C channels at H x H; C = 0: the MNIST CNN's first
// two layers through conv2d.wgsl's `first`) run in a loop for a while, for bench/jit/profile.sh to
// sample: prints "ready <pid>" once its pipeline is compiled.
//   deno run -A bench/jit/conv_loop.ts [C=64] [H=8] [ms=20000]
import { initEngine, scope, Tensor } from "../../engine/mod.ts";
import { conv2dAfterFirstPacked, conv2dFusedPacked, packForConv } from "../../engine/ops/conv_inference.ts";
import { randomArray } from "../measure.ts";
const [C, H, ms] = [Number(Deno.args[0] ?? 64), Number(Deno.args[1] ?? 8), Number(Deno.args[2] ?? 20000)];
await initEngine();
const N = 400;
const f = C === 0 ? mnistPair() : conv(C, H);

function conv(C: number, H: number) {
  const x = Tensor.from(randomArray(N * C * H * H, 1, -1, 1), [N, C, H, H]).keep();
  const w = Tensor.from(randomArray(C * C * 9, 2, -0.1, 0.1), [C, C, 3, 3]).keep();
  const xp = packForConv(x);
  xp.data.keep();
  return () => conv2dFusedPacked(xp, w, { padding: 1, relu: true }).data;
}

function mnistPair() {
  const x = Tensor.from(randomArray(N * 784, 1, 0, 1), [N, 1, 28, 28]).keep();
  const w1 = Tensor.from(randomArray(32 * 9, 2, -0.3, 0.3), [32, 1, 3, 3]).keep();
  const b1 = Tensor.from(randomArray(32, 3, -0.3, 0.3), [32]).keep();
  const w2 = Tensor.from(randomArray(64 * 32 * 9, 4, -0.06, 0.06), [64, 32, 3, 3]).keep();
  const b2 = Tensor.from(randomArray(64, 5, -0.06, 0.06), [64]).keep();
  const first = { weight: w1, bias: b1, padding: 1 };
  return () => conv2dAfterFirstPacked(x, first, w2, { stride: 2, padding: 1, bias: b2, relu: true }).data;
}
await scope(() => f()).read();
console.log("ready", Deno.pid);
const t0 = performance.now();
let n = 0;
while (performance.now() - t0 < ms) {
  const outs: Tensor[] = [];
  for (let i = 0; i < 4; i++) outs.push(scope(() => f()));
  await outs[3].read();
  outs.forEach((t) => t.dispose());
  n += 4;
}
console.log(`${n} calls, ${((performance.now() - t0) / n).toFixed(1)} ms each`);
