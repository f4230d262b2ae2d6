// Lavapipe runs a loop slower than the same code written out: the Winograd kernel's loop over groups of 4
// input channels (shaders/conv_winograd.wgsl `main`, as shipped) against a variant with those groups
// written out (each group's row a block of its own, its index a constant), for a packed C -> 16 channel
// layer at 32 x 32, ReLU, bias and scale, in one process, the variants alternating round by round (a machine
// whose speed drifts between runs then compares them under the same conditions). Prints each variant's
// first dispatch (its code generation: set MESA_SHADER_CACHE_DIR to an empty folder for a cold start), its
// checksum (the two must agree) and its ms per dispatch. Raw WebGPU, no engine. docs/SPEED.md.
//   deno run -A --unstable-webgpu bench/jit/winograd_written.ts [C=16] [N=400] [ROUNDS=8] [nchw|packed] [O=16] [H=32]
//     [VARIANT=written]
// (the variant writes out C4 / 4 groups; nchw: the NCHW-in, NCHW-out variant of training's passes; O output
// channels, a multiple of 16; H x H pixels, H a multiple of 8). Other variants of the loop, for the same
// comparison: wgs64 (workgroups of 64 lanes instead of 8), og-outer (the lanes of a workgroup share their
// output channels and differ in their pixels, where the shipped order puts a pixel block's output channel
// groups on adjacent lanes).
import { winogradBody } from "../../engine/kernel_gen_winograd.ts";
import { msPerDispatch } from "./dispatch_time.ts";

const C = Number(Deno.args[0] ?? 16), N = Number(Deno.args[1] ?? 400), ROUNDS = Number(Deno.args[2] ?? 8);
const nchw = Deno.args[3] === "nchw";
const O = Number(Deno.args[4] ?? 16), H = Number(Deno.args[5] ?? 32), W = H;
const VARIANTS = ["written", "wgs64", "og-outer"] as const;
const variant = VARIANTS.find((v) => v === (Deno.args[6] ?? "written"));
if (!variant) throw new Error(`winograd_written: VARIANT ${Deno.args[6]}; one of ${VARIANTS.join(", ")}`);
const C4 = Math.ceil(C / 4) * 4, OG = O / 4, GROUPS = C4 / 4;
if (O % 16 !== 0 || H % 8 !== 0) throw new Error(`winograd_written: O = ${O}, H = ${H}; O % 16 = H % 8 = 0`);
const source = Deno.readTextFileSync(new URL("../../shaders/conv_winograd.wgsl", import.meta.url));
const BEGIN = "  // generated: Winograd tile (engine/kernel_gen.ts writes it; edit there)";
const END = "  // end of generated Winograd tile";
const LOOP = "for (var cg = 0u; cg < p.C4 / 4u; cg++) {";

/** The shipped body with each product row's loop over the groups written out, GROUPS blocks of it. */
function writtenOut(): string[] {
  const L = winogradBody(), out: string[] = [];
  for (let i = 0; i < L.length; i++) {
    if (L[i].trim() !== LOOP) {
      out.push(L[i]);
      continue;
    }
    const indent = L[i].slice(0, L[i].indexOf("for"));
    const end = L.indexOf(`${indent}}`, i + 1);
    for (let k = 0; k < GROUPS; k++) {
      out.push(`${indent}{`, `${indent}  let cg = ${k}u;`, ...L.slice(i + 1, end), `${indent}}`);
    }
    i = end;
  }
  if (out.length === L.length) {
    throw new Error("winograd_written: the generated body has no loop to write out");
  }
  return out;
}
const written = source.slice(0, source.indexOf(BEGIN)) + [BEGIN, ...writtenOut(), END].join("\n") +
  source.slice(source.indexOf(END) + END.length);

const adapter = await navigator.gpu.requestAdapter();
if (!adapter) throw new Error("winograd_written: no WebGPU adapter");
const device = await adapter.requestDevice();
console.log(
  `adapter: ${adapter.info.description}; C=${C} -> O=${O}, ${H} x ${W}, N=${N}${nchw ? ", NCHW" : ""}`,
);

// Inputs: pseudo-random activations (any layout: the checksums compare the two variants), U and its
// epilogue rows (bias 0.01, scale 1), as conv_winograd.wgsl lays them out.
let seed = 12345;
const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32) * 2 - 1;
const usage = GPUTextureUsage.STORAGE_BINDING | GPUTextureUsage.COPY_DST;
const texels = N * H * W * (C4 / 4), rowsA = Math.ceil(texels / 4096);
const a = new Float32Array(rowsA * 4096 * 4);
for (let i = 0; i < texels * 4; i++) a[i] = nchw || i % C4 < C ? rnd() : 0;
const at = device.createTexture({ size: [4096, rowsA], format: "rgba32float", usage });
device.queue.writeTexture({ texture: at }, a, { bytesPerRow: 4096 * 16 }, [4096, rowsA]);
const uRows = 16 * C4;
const u = new Float32Array(OG * (uRows + 2) * 4);
for (let i = 0; i < u.length; i++) {
  u[i] = i < OG * uRows * 4 ? rnd() * 0.1 : i < OG * (uRows + 1) * 4 ? 0.01 : 1;
}
const wt = device.createTexture({ size: [OG, uRows + 2], format: "rgba32float", usage });
device.queue.writeTexture({ texture: wt }, u, { bytesPerRow: OG * 16 }, [OG, uRows + 2]);
const rt = device.createTexture({ size: [1, 1], format: "rgba32float", usage });
const outBytes = N * H * W * O * 4;
const out = device.createBuffer({ size: outBytes, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC });
const mom = device.createBuffer({ size: 256, usage: GPUBufferUsage.STORAGE });
const lanes = N * (H / 4) * (W / 8) * (O / 16), groups = Math.ceil(lanes / 8);
// struct Wino by field name, in the order the shader declares them (every field a u32)
const values: Record<string, number> = {
  H,
  W,
  C,
  C4,
  O,
  BX: W / 8,
  BY: H / 4,
  OGB: O / 16,
  lanes,
  gridX: groups,
  res: 0,
  relu: 1,
  bias: 1,
  scale: 1,
  rowFloats: 64,
  flip: 0,
  moments: 0,
  momLanes: lanes,
  fence: 0,
};
const struct = source.match(/struct Wino \{([^}]*)\}/)![1];
const fields = [...struct.matchAll(/^\s*(\w+): u32,/gm)].map((m) => m[1]);
const missing = fields.filter((f) => !(f in values));
if (missing.length || fields.length !== Object.keys(values).length) {
  throw new Error(
    `winograd_written: struct Wino has fields ${fields.join(", ")}; this probe sets ${
      Object.keys(values).join(", ")
    }`,
  );
}
const uniforms = new Uint32Array(fields.map((f) => values[f]));
const p = device.createBuffer({ size: 256, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });
device.queue.writeBuffer(p, 0, uniforms);

const OG_OUTER = source.replace("let ob = l % p.OGB;", "let ob = l / (p.lanes / p.OGB);")
  .replace("let r1 = l / p.OGB;", "let r1 = l % (p.lanes / p.OGB);");
if (OG_OUTER === source) throw new Error("winograd_written: main's lane order not found");
const other: [string, string, number] = variant === "written"
  ? ["written out", written, 8]
  : variant === "wgs64"
  ? ["64-lane workgroups", source, 64]
  : ["output channels outer", OG_OUTER, 8];
const variants = ([["loop", source, 8], other] as const).map(([name, code, wgs]) => {
  const module = device.createShaderModule({ code });
  const constants: Record<string, number> = { WGS: wgs, ...(nchw ? { NCHW: 1 } : {}) };
  const pipeline = device.createComputePipeline({
    layout: "auto",
    compute: { module, entryPoint: "main", constants },
  });
  const bindGroup = device.createBindGroup({
    layout: pipeline.getBindGroupLayout(0),
    entries: [
      { binding: 0, resource: { buffer: p } },
      { binding: 1, resource: at.createView() },
      { binding: 2, resource: wt.createView() },
      { binding: 3, resource: rt.createView() },
      { binding: 4, resource: { buffer: out } },
      { binding: 7, resource: { buffer: mom } },
    ],
  });
  return { name, pipeline, bindGroup, groups: Math.ceil(lanes / wgs), ms: [] as number[] };
});

for (const v of variants) {
  const t = performance.now();
  const encoder = device.createCommandEncoder();
  const pass = encoder.beginComputePass();
  pass.setPipeline(v.pipeline);
  pass.setBindGroup(0, v.bindGroup);
  pass.dispatchWorkgroups(v.groups);
  pass.end();
  const read = device.createBuffer({
    size: outBytes,
    usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
  });
  encoder.copyBufferToBuffer(out, 0, read, 0, outBytes);
  device.queue.submit([encoder.finish()]);
  await read.mapAsync(GPUMapMode.READ);
  const y = new Float32Array(read.getMappedRange());
  let sum = 0;
  for (let i = 0; i < y.length; i += 97) sum += y[i] * ((i % 13) + 1);
  read.unmap();
  console.log(
    `${v.name}: first dispatch ${((performance.now() - t) / 1000).toFixed(1)} s, checksum ${sum.toFixed(4)}`,
  );
}
for (let r = 0; r < ROUNDS; r++) {
  for (const v of variants) v.ms.push(await msPerDispatch(device, v.pipeline, v.bindGroup, v.groups, 8));
}
const median = (x: number[]) => [...x].sort((s, t) => s - t)[x.length >> 1];
for (const v of variants) {
  console.log(
    `${v.name}: median ${median(v.ms).toFixed(1)} ms, min ${Math.min(...v.ms).toFixed(1)} [${
      v.ms.map((x) => x.toFixed(1)).join(" ")
    }]`,
  );
}
const d = variants[1].ms.map((x, i) => x - variants[0].ms[i]);
console.log(
  `${variants[1].name} - loop per round: median ${median(d).toFixed(1)} ms; faster in ${
    d.filter((x) => x < 0).length
  } of ${d.length}`,
);
