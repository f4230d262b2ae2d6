// How fast lavapipe runs a straight run of multiply-adds, against where its basic blocks end: each of
// 64 x 4096 invocations runs 8 independent vec4 FMA chains, STEPS steps of all 8 per loop trip, TRIPS
// trips, with a never-taken branch on a uniform after every FENCE steps (0: none). docs/SPEED.md,
// "Scheduling fences in the generated multiply-add runs"; engine/wgsl_sections.ts FMAS_PER_FENCE.
//   deno run -A bench/jit/fence_probe.ts [STEPS=16] [TRIPS=500] [FENCE=0]
import { computePipeline, msPerDispatch } from "./dispatch_time.ts";

const [STEPS, TRIPS, FENCE] = [16, 500, 0].map((d, i) => Number(Deno.args[i] ?? d));
const CHAINS = 8, GROUPS = 4096;
const adapter = await navigator.gpu.requestAdapter();
if (!adapter) throw new Error("fence_probe: no WebGPU adapter");
const device = await adapter.requestDevice();
const out = device.createBuffer({ size: GROUPS * 64 * 4, usage: GPUBufferUsage.STORAGE });
const uniforms = device.createBuffer({ size: 16, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });
device.queue.writeBuffer(uniforms, 0, new Float32Array([0.9999, 1e-4, 0, 0]));
const chains = Array.from({ length: CHAINS }, (_, k) => k);
const steps = Array.from(
  { length: STEPS },
  (_, s) =>
    chains.map((k) => `c${k} = fma(c${k}, m, b);`).join(" ") +
    (FENCE && (s + 1) % FENCE === 0 ? " if (u.z != 0.0) { out[0] = c0.x; }" : ""),
);
const code = `
@group(0) @binding(0) var<storage, read_write> out: array<f32>;
@group(0) @binding(1) var<uniform> u: vec4<f32>;
@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let s = f32(gid.x) * 1e-7;
  let m = vec4<f32>(u.x);
  let b = vec4<f32>(u.y);
  ${chains.map((k) => `var c${k} = vec4<f32>(s + ${k}.0, s, s, s);`).join(" ")}
  for (var t = 0u; t < ${TRIPS}u; t++) {
    ${steps.join("\n    ")}
  }
  let r = ${chains.map((k) => `c${k}`).join(" + ")};
  out[gid.x] = r.x + r.y + r.z + r.w;
}`;
const { pipeline, bindGroup } = computePipeline(device, code, [{ buffer: out }, { buffer: uniforms }]);
const best = await msPerDispatch(device, pipeline, bindGroup, GROUPS);
const flops = GROUPS * 64 * TRIPS * STEPS * CHAINS * 4 * 2;
console.log(
  `${STEPS} steps per trip, fence every ${FENCE || "-"}: ${(flops / best / 1e6).toFixed(1)} GFLOP/s (${
    best.toFixed(0)
  } ms)`,
);
