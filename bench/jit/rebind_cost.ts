/**
 * Milliseconds per call of one convolution pass at one shape, each shape the first use of its pipelines in
 * a process of its own: Mesa 22.3's lavapipe decides at a pipeline's first bind whether to inline its
 * uniform values again at every later bind, compiling the shader anew each time (docs/SPEED.md: uniform
 * inlining), so a shape can only be tested first. Batch 1, so the work is small next to the readback
 * (~12 ms under Deno): a call well above the fastest one recompiles. Prints a table and JSON; exits 1 if a
 * call takes over SLOW_FACTOR times the fastest shape's. Run it alone on an otherwise idle machine.
 *
 *   deno run -A bench/jit/rebind_cost.ts              (the grid: 4 passes x 3 channel counts x 6 heights)
 *   deno run -A bench/jit/rebind_cost.ts PASS C H S [N] (one shape, batch N (1), in this process; under
 *   `strace -f -e trace=openat` a pipeline that recompiles opens its file of Mesa's shader cache at every call)
 */
import { initEngine, Tensor } from "../../engine/mod.ts";
import { conv2dRaw } from "../../engine/ops/conv.ts";
import { conv2dBackwardInput, conv2dBackwardWeight } from "../../engine/ops/conv_backward.ts";
import { conv2dFusedPacked, packForConv } from "../../engine/ops/conv_inference.ts";
import { randomArray } from "../measure.ts";

const PASSES = ["fwd", "inference", "bwd-input", "bwd-weight"] as const;
type Pass = typeof PASSES[number];
const CHANNELS = [16, 32, 64], HEIGHTS = [8, 16, 24, 32, 40, 64], STRIDES = [1, 2];
const SLOW_FACTOR = 3;

/** The fastest of three calls after a first one, in ms. */
async function msPerCall(pass: Pass, C: number, H: number, S: number, N = 1): Promise<number> {
  await initEngine();
  const O = C, OH = Math.floor((H - 1) / S) + 1;
  const opts = { padding: 1, stride: S };
  const x = Tensor.from(randomArray(N * C * H * H, 3), [N, C, H, H]).keep();
  const w = Tensor.from(randomArray(O * C * 9, 4), [O, C, 3, 3]).keep();
  const g = Tensor.from(randomArray(N * O * OH * OH, 5), [N, O, OH, OH]).keep();
  const packed = pass === "inference" ? packForConv(x) : null;
  const call = pass === "fwd"
    ? () => conv2dRaw(x, w, null, opts)
    : packed
    ? () => conv2dFusedPacked(packed, w, opts).data
    : pass === "bwd-input"
    ? () => conv2dBackwardInput(g, w, [N, C, H, H], opts)
    : () => conv2dBackwardWeight(g, x, [O, C, 3, 3], opts);
  const run = async () => {
    const y = call();
    await y.read();
    y.dispose();
  };
  await run();
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    await run();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

if (Deno.args.length === 4 || Deno.args.length === 5) {
  const [pass, ...sizes] = Deno.args;
  const [C, H, S, N = 1] = sizes.map(Number);
  if (!PASSES.includes(pass as Pass)) throw new Error(`rebind_cost: pass ${pass}, expected one of ${PASSES}`);
  console.log(JSON.stringify({ ms: await msPerCall(pass as Pass, C, H, S, N) }));
} else {
  const rows: { pass: Pass; C: number; H: number; S: number; ms: number }[] = [];
  for (const pass of PASSES) {
    for (const S of STRIDES) {
      for (const C of CHANNELS) {
        for (const H of HEIGHTS) {
          const out = await new Deno.Command(Deno.execPath(), {
            args: ["run", "-A", import.meta.filename!, pass, String(C), String(H), String(S)],
            stderr: "inherit",
          }).output();
          const line = new TextDecoder().decode(out.stdout).trim().split("\n").at(-1) ?? "";
          rows.push({ pass, C, H, S, ms: out.success ? JSON.parse(line).ms : NaN });
        }
      }
    }
  }
  const floor = Math.min(...rows.map((r) => r.ms).filter(Number.isFinite));
  const slow = rows.filter((r) => !(r.ms <= SLOW_FACTOR * floor));
  console.log("| pass | stride | channels | " + HEIGHTS.map((h) => `H ${h}`).join(" | ") + " |");
  console.log("|---|---|---|" + HEIGHTS.map(() => "---").join("|") + "|");
  for (const pass of PASSES) {
    for (const S of STRIDES) {
      for (const C of CHANNELS) {
        const ms = HEIGHTS.map((H) =>
          rows.find((r) => r.pass === pass && r.C === C && r.H === H && r.S === S)!.ms
        );
        console.log(`| ${pass} | ${S} | ${C} | ${ms.map((m) => m.toFixed(1)).join(" | ")} |`);
      }
    }
  }
  console.log(`fastest ${floor.toFixed(1)} ms; over ${SLOW_FACTOR}x that: ${slow.length} of ${rows.length}`);
  console.log(JSON.stringify({ floorMs: floor, slowFactor: SLOW_FACTOR, rows }));
  if (slow.length) Deno.exit(1);
}
