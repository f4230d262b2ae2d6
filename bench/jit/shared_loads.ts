// What a vec4 load at a constant address costs in straight-line code (no loop or branch around it), by
// where the value lives: a storage texture (conv_winograd.wgsl's transformed weights, WS = 0), workgroup
// memory at a constant index (WS = 1), and workgroup memory at an index read from a uniform buffer. Each
// lane does K such loads, each into one vec4 FMA; workgroups of WG lanes first copy the K values into
// workgroup memory. Mesa 22.3's lavapipe loads a value as one scalar and a broadcast only where the index
// is a constant (or computed from constants) and no control flow encloses the load; otherwise it gathers
// lane by lane. Raw WebGPU, no engine: run it alone on an otherwise idle machine (docs/SPEED.md).
//   deno run -A --unstable-webgpu bench/jit/shared_loads.ts [K=256] [WG=64]
import { msPerDispatch } from "./dispatch_time.ts";

const K = Number(Deno.args[0] ?? 256), WG = Number(Deno.args[1] ?? 64), GROUPS = 4096;
const adapter = await navigator.gpu.requestAdapter();
if (!adapter) throw new Error("shared_loads: no WebGPU adapter");
const device = await adapter.requestDevice();
const data = new Float32Array(K * 4).map((_, i) => (i % 97) * 0.01);
const texture = device.createTexture({
  size: [K, 1],
  format: "rgba32float",
  usage: GPUTextureUsage.STORAGE_BINDING | GPUTextureUsage.COPY_DST,
});
device.queue.writeTexture({ texture }, data, { bytesPerRow: K * 16 }, [K, 1]);
const sink = device.createBuffer({ size: GROUPS * WG * 16, usage: GPUBufferUsage.STORAGE });
const offset = device.createBuffer({ size: 16, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });

type Kind = "texture" | "workgroup, constant index" | "workgroup, uniform-buffer index";
const KINDS: Kind[] = ["texture", "workgroup, constant index", "workgroup, uniform-buffer index"];

function shader(kind: Kind): string {
  const load = (k: number) =>
    kind === "texture"
      ? `textureLoad(t, vec2<u32>(${k}u, 0u))`
      : kind === "workgroup, constant index"
      ? `wts[${k}]`
      : `wts[${k}u + p.x]`;
  const body = Array.from({ length: K }, (_, k) => `  a${k % 8} = fma(${load(k)}, x, a${k % 8});`).join("\n");
  const copy = kind === "texture" ? "" : `
  for (var i = lin; i < ${K}u; i += ${WG}u) { wts[i] = textureLoad(t, vec2<u32>(i, 0u)); }
  workgroupBarrier();`;
  return `@group(0) @binding(0) var t: texture_storage_2d<rgba32float, read>;
@group(0) @binding(1) var<storage, read_write> sink: array<vec4<f32>>;
${kind === "workgroup, uniform-buffer index" ? "@group(0) @binding(2) var<uniform> p: vec4<u32>;" : ""}
var<workgroup> wts: array<vec4<f32>, ${K}>;
@compute @workgroup_size(${WG})
fn main(@builtin(global_invocation_id) g: vec3<u32>, @builtin(local_invocation_index) lin: u32) {${copy}
  let x = vec4<f32>(f32(g.x) * 1e-6);
  var a0 = x; var a1 = x; var a2 = x; var a3 = x; var a4 = x; var a5 = x; var a6 = x; var a7 = x;
${body}
  sink[g.x] = a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7;
}`;
}

const rows: { kind: Kind; ns: number }[] = [];
for (const kind of KINDS) {
  const pipeline = device.createComputePipeline({
    layout: "auto",
    compute: { module: device.createShaderModule({ code: shader(kind) }), entryPoint: "main" },
  });
  const entries: GPUBindGroupEntry[] = [
    { binding: 0, resource: texture.createView() },
    { binding: 1, resource: { buffer: sink } },
  ];
  if (kind === "workgroup, uniform-buffer index") entries.push({ binding: 2, resource: { buffer: offset } });
  const bindGroup = device.createBindGroup({ layout: pipeline.getBindGroupLayout(0), entries });
  const ms = await msPerDispatch(device, pipeline, bindGroup, GROUPS, 4);
  rows.push({ kind, ns: (ms * 1e6) / ((GROUPS * WG) / 8) / K });
}
console.log(`adapter: ${adapter.info.description || adapter.info.device || "unknown"}; K = ${K}, WG = ${WG}`);
console.log("| load | ns per vec4 load and FMA of 8 lanes |\n|---|---|");
for (const r of rows) console.log(`| ${r.kind} | ${r.ns.toFixed(2)} |`);
console.log(JSON.stringify({ K, WG, rows }));
