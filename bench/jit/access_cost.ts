// What one vec4 load or store per lane costs on this adapter, by kind of binding: a loop of 256 dependent
// accesses per invocation over a 256 KB working set (64 KB for a uniform buffer; cache-resident), 1,024
// workgroups of 64, best of 3 after a warm-up; the loop's own cost (the same loop without the access) is
// printed and subtracted. Each lane reads an address of its own (adjacent lanes adjacent vec4s) or, for
// "shared", the address every lane of its workgroup reads. Raw WebGPU, no engine: run it alone on an
// otherwise idle machine.
//   deno run -A --unstable-webgpu bench/jit/access_cost.ts
import { msPerDispatch } from "./dispatch_time.ts";

const adapter = await navigator.gpu.requestAdapter();
if (!adapter) throw new Error("access_cost: no WebGPU adapter");
const device = await adapter.requestDevice();
const W = 4096, H = 256, ITER = 256, GROUPS = 1024, WS = 16384; // working set: 16384 vec4s
const data = new Float32Array(W * H * 4).map((_, i) => (i % 97) * 0.01);
const buffer = device.createBuffer({
  size: data.byteLength,
  usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST,
});
device.queue.writeBuffer(buffer, 0, data);
const usage = GPUTextureUsage.TEXTURE_BINDING | GPUTextureUsage.STORAGE_BINDING | GPUTextureUsage.COPY_DST;
const texture = device.createTexture({ size: [W, H], format: "rgba32float", usage });
device.queue.writeTexture({ texture }, data, { bytesPerRow: W * 16 }, [W, H]);
const texel = "vec2<u32>(q & 4095u, q >> 12u)";

interface Case {
  name: string;
  decl: string;
  /** The loop body: reads into `v` (summed) or stores `v`. */
  access: string;
  store: boolean;
  resource: GPUBindingResource;
}
// A uniform buffer holds at most 64 KB: its loads wrap the address into its 4,096 vec4s.
const uniform = device.createBuffer({ size: 65536, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });
device.queue.writeBuffer(uniform, 0, data.subarray(0, 16384));
const loads: Case[] = [
  ["storage buffer", "var<storage, read> t: array<vec4<f32>>;", "t[q]", { buffer }],
  ["uniform buffer", "var<uniform> t: array<vec4<f32>, 4096>;", "t[q & 4095u]", { buffer: uniform }],
  ["sampled texture", "var t: texture_2d<f32>;", `textureLoad(t, ${texel}, 0)`, texture.createView()],
  [
    "storage texture",
    "var t: texture_storage_2d<rgba32float, read>;",
    `textureLoad(t, ${texel})`,
    texture.createView(),
  ],
].map(([name, decl, access, resource]) => ({
  name: `load, ${name}`,
  decl: decl as string,
  access: `s = s * 0.999 + ${access};`,
  store: false,
  resource: resource as GPUBindingResource,
}));
const stores: Case[] = [
  ["storage buffer", "var<storage, read_write> t: array<vec4<f32>>;", "t[q] = v;", { buffer }],
  [
    "storage texture",
    "var t: texture_storage_2d<rgba32float, write>;",
    `textureStore(t, ${texel}, v);`,
    texture.createView(),
  ],
].map(([name, decl, access, resource]) => ({
  name: `store, ${name}`,
  decl: decl as string,
  access: `${access} s += v;`,
  store: true,
  resource: resource as GPUBindingResource,
}));
const baseline: Case = {
  name: "the loop alone",
  decl: "var<storage, read_write> t: array<vec4<f32>>;",
  access: "s = s * 0.999 + v;",
  store: true,
  resource: { buffer },
};

function shader(c: Case, shared: boolean): string {
  return `@group(0) @binding(0) ${c.decl}
@group(0) @binding(1) var<storage, read_write> sink: array<vec4<f32>>;
@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) g: vec3<u32>, @builtin(workgroup_id) w: vec3<u32>) {
  var s = vec4<f32>(0.0);
  var q = ${shared ? "w.x * 64u" : "g.x"};
  for (var i = 0u; i < ${ITER}u; i++) {
    q = (q + 64u) & ${WS - 1}u;
    let v = vec4<f32>(f32(q), 1.0, 2.0, f32(i));
    ${c.access}
  }
  if (s.x == 1.5) { sink[g.x] = s; }
}`;
}

const sink = device.createBuffer({ size: 16 * GROUPS * 64, usage: GPUBufferUsage.STORAGE });

async function nsPerAccess(c: Case, shared: boolean): Promise<number> {
  const module = device.createShaderModule({ code: shader(c, shared) });
  const pipeline = device.createComputePipeline({ layout: "auto", compute: { module, entryPoint: "main" } });
  const bindGroup = device.createBindGroup({
    layout: pipeline.getBindGroupLayout(0),
    entries: [{ binding: 0, resource: c.resource }, { binding: 1, resource: { buffer: sink } }],
  });
  const best = await msPerDispatch(device, pipeline, bindGroup, GROUPS, 10);
  return best * 1e6 / (GROUPS * 64 * ITER / 8); // ns per access of 8 lanes (one SIMD group)
}

const loop = await nsPerAccess(baseline, false);
const rows: { access: string; lanes: string; ns: number }[] = [];
for (const c of [...loads, ...stores]) {
  for (const shared of c.store ? [false] : [false, true]) {
    rows.push({ access: c.name, lanes: shared ? "shared" : "own", ns: await nsPerAccess(c, shared) - loop });
  }
}
console.log(`adapter: ${adapter.info.description || adapter.info.vendor}`);
console.log(`the loop alone: ${loop.toFixed(1)} ns per iteration of 8 lanes (subtracted below)`);
console.log("| access                  | address | ns per vec4 of 8 lanes |");
console.log("|-------------------------|---------|------------------------|");
for (const r of rows) {
  console.log(`| ${r.access.padEnd(23)} | ${r.lanes.padEnd(7)} | ${r.ns.toFixed(1).padStart(22)} |`);
}
console.log(JSON.stringify({ loopNs: loop, rows }));
