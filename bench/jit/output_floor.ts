/**
 * What writing a convolution's output costs on its own: per output pixel one texel load and S vec4s
 * written (4S channels), no arithmetic, either stored from a compute shader into a storage buffer (Mesa
 * 22.3's lavapipe stores lane by lane: docs/SPEED.md) or written by a fragment shader into S rgba32float
 * render targets (the rasteriser's own output path). Raw WebGPU, no engine; checks every variant's output
 * against the expected values, then times the variants alternately in one process, best of 3 rounds of REPS
 * dispatches or draws each (wall-clock to the queue's completion, so each round's ~10 ms wait is spread over
 * its REPS). Run it alone on an otherwise idle machine.
 *
 *   deno run -A --unstable-webgpu bench/jit/output_floor.ts PIXELS REPS S[,S...]
 *   e.g. 409600 30 1,2,4   (the CIFAR stem's output at batch 400: 400 x 32 x 32 pixels, 16 channels = S 4)
 */
import { computePipeline } from "./dispatch_time.ts";

const ROW = 4096, ROUNDS = 4;
const [PIXELS, REPS] = Deno.args.slice(0, 2).map(Number);
const sizes = (Deno.args[2] ?? "").split(",").map(Number);
if (
  !(Number.isInteger(PIXELS) && PIXELS % ROW === 0 && REPS >= 1) ||
  !sizes.every((s) => Number.isInteger(s) && s >= 1 && s <= 8)
) {
  console.error(
    "usage: deno run -A --unstable-webgpu bench/jit/output_floor.ts PIXELS(multiple of 4096) REPS S,...",
  );
  Deno.exit(2);
}
const rows = PIXELS / ROW;
const adapter = await navigator.gpu.requestAdapter();
if (!adapter) throw new Error("output_floor: no WebGPU adapter");
const device = await adapter.requestDevice({
  requiredLimits: { maxColorAttachmentBytesPerSample: 16 * Math.max(...sizes) },
});
device.addEventListener("uncapturederror", (e) => {
  throw new Error(`output_floor: ${(e as GPUUncapturedErrorEvent).error.message}`);
});

// the input: texel k holds (k, 2k, 0, 1)
const input = new Float32Array(PIXELS * 4);
for (let k = 0; k < PIXELS; k++) input.set([k, 2 * k, 0, 1], 4 * k);
const xt = device.createTexture({
  size: [ROW, rows],
  format: "rgba32float",
  usage: GPUTextureUsage.STORAGE_BINDING | GPUTextureUsage.COPY_DST,
});
device.queue.writeTexture({ texture: xt }, input, { bytesPerRow: ROW * 16 }, [ROW, rows]);

/** Output s of pixel k is its texel plus s: what every variant writes. */
const value = (k: number, s: number) => [k + s, 2 * k + s, s, 1 + s];

type Variant = {
  name: string;
  encode: (e: GPUCommandEncoder) => void;
  outputs: () => Promise<Float32Array[]>;
};

function computeVariant(S: number): Variant {
  const out = device.createBuffer({
    size: PIXELS * S * 16,
    usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC,
  });
  const stores = Array.from({ length: S }, (_, s) => `  out[k * ${S}u + ${s}u] = v + vec4<f32>(${s}.0);`);
  const code = `@group(0) @binding(0) var xt: texture_storage_2d<rgba32float, read>;
@group(0) @binding(1) var<storage, read_write> out: array<vec4<f32>>;
@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let k = gid.x;
  let v = textureLoad(xt, vec2<u32>(k % ${ROW}u, k / ${ROW}u));
${stores.join("\n")}
}`;
  const { pipeline, bindGroup } = computePipeline(device, code, [xt.createView(), { buffer: out }]);
  return {
    name: `compute, ${S} vec4 stores`,
    encode: (e) => {
      const pass = e.beginComputePass();
      pass.setPipeline(pipeline);
      pass.setBindGroup(0, bindGroup);
      pass.dispatchWorkgroups(PIXELS / 64);
      pass.end();
    },
    outputs: async () => {
      const all = await read((e, b) => e.copyBufferToBuffer(out, 0, b, 0, PIXELS * S * 16), PIXELS * S * 16);
      return Array.from({ length: S }, (_, s) => {
        const one = new Float32Array(PIXELS * 4);
        for (let k = 0; k < PIXELS; k++) one.set(all.subarray((k * S + s) * 4, (k * S + s) * 4 + 4), 4 * k);
        return one;
      });
    },
  };
}

function renderVariant(S: number): Variant {
  const targets = Array.from({ length: S }, () =>
    device.createTexture({
      size: [ROW, rows],
      format: "rgba32float",
      usage: GPUTextureUsage.RENDER_ATTACHMENT | GPUTextureUsage.COPY_SRC,
    }));
  const fields = Array.from({ length: S }, (_, s) => `@location(${s}) o${s}: vec4<f32>,`);
  const values = Array.from({ length: S }, (_, s) => `v + vec4<f32>(${s}.0)`);
  const code = `@group(0) @binding(0) var xt: texture_storage_2d<rgba32float, read>;
struct Out {
  ${fields.join("\n  ")}
}
// one triangle covering the viewport
@vertex
fn vs(@builtin(vertex_index) i: u32) -> @builtin(position) vec4<f32> {
  return vec4<f32>(f32(i & 1u) * 4.0 - 1.0, f32(i >> 1u) * 4.0 - 1.0, 0.0, 1.0);
}
@fragment
fn fs(@builtin(position) at: vec4<f32>) -> Out {
  let v = textureLoad(xt, vec2<u32>(at.xy));
  return Out(${values.join(", ")});
}`;
  const module = device.createShaderModule({ code });
  const pipeline = device.createRenderPipeline({
    layout: "auto",
    vertex: { module, entryPoint: "vs" },
    fragment: { module, entryPoint: "fs", targets: targets.map(() => ({ format: "rgba32float" as const })) },
  });
  const bindGroup = device.createBindGroup({
    layout: pipeline.getBindGroupLayout(0),
    entries: [{ binding: 0, resource: xt.createView() }],
  });
  const views = targets.map((t) => t.createView());
  return {
    name: `render, ${S} rgba32float targets`,
    encode: (e) => {
      const pass = e.beginRenderPass({
        colorAttachments: views.map((view) => ({ view, loadOp: "load" as const, storeOp: "store" as const })),
      });
      pass.setPipeline(pipeline);
      pass.setBindGroup(0, bindGroup);
      pass.draw(3);
      pass.end();
    },
    outputs: () =>
      Promise.all(
        targets.map((texture) =>
          read(
            (e, b) => e.copyTextureToBuffer({ texture }, { buffer: b, bytesPerRow: ROW * 16 }, [ROW, rows]),
            PIXELS * 16,
          )
        ),
      ),
  };
}

async function read(
  copy: (e: GPUCommandEncoder, b: GPUBuffer) => void,
  bytes: number,
): Promise<Float32Array> {
  const b = device.createBuffer({ size: bytes, usage: GPUBufferUsage.COPY_DST | GPUBufferUsage.MAP_READ });
  const e = device.createCommandEncoder();
  copy(e, b);
  device.queue.submit([e.finish()]);
  await b.mapAsync(GPUMapMode.READ);
  const got = new Float32Array(b.getMappedRange().slice(0));
  b.destroy();
  return got;
}

async function msPer(v: Variant, reps: number): Promise<number> {
  let best = Infinity;
  for (let r = 0; r < 3; r++) {
    const e = device.createCommandEncoder();
    for (let i = 0; i < reps; i++) v.encode(e);
    const t0 = performance.now();
    device.queue.submit([e.finish()]);
    await device.queue.onSubmittedWorkDone();
    best = Math.min(best, (performance.now() - t0) / reps);
  }
  return best;
}

const variants = sizes.flatMap((S) => [computeVariant(S), renderVariant(S)]);
for (const v of variants) {
  await msPer(v, 1);
  const outs = await v.outputs();
  outs.forEach((o, s) => {
    for (let k = 0; k < PIXELS; k += 997) {
      const want = value(k, s);
      for (let j = 0; j < 4; j++) {
        if (o[4 * k + j] !== want[j]) throw new Error(`${v.name}: output ${s} of pixel ${k} is wrong`);
      }
    }
  });
}
const times = variants.map(() => [] as number[]);
for (let r = 0; r < ROUNDS; r++) {
  for (let i = 0; i < variants.length; i++) times[i].push(await msPer(variants[i], REPS));
}
console.log(
  `${PIXELS} pixels, one texel load each; ms per dispatch or draw over ${ROUNDS} alternating rounds (${REPS} a round)`,
);
variants.forEach((v, i) => console.log(`  ${v.name}: ${times[i].map((t) => t.toFixed(2)).join(", ")}`));
console.log(
  JSON.stringify({ PIXELS, REPS, variants: variants.map((v, i) => ({ name: v.name, ms: times[i] })) }),
);
