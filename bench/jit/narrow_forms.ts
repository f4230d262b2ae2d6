// A direct 3x3 convolution (padding 1, stride S) reading its input NCHW from a texture (a texel = 4 pixels of
// a row), its weights from workgroup memory, each lane P output pixels of one row x OT output channels, the
// output NCHW by vec4s, no packing pass: the form of shaders/conv_narrow.wgsl, written four ways (FORM):
// 0 the whole body written out, each weight at a constant index; 1 a loop over the input channels (the
// weights' index computed from the loop's counter); 2 a function per channel and kernel row called with
// constant arguments from straight-line code, the accumulators private variables; 3 the same with them in a
// private array; 4 the same with a loop over the output channels inside the function (conv_narrow.wgsl's).
// Raw WebGPU, no engine; checks 400 outputs against float64, then times the variants in turn in one process
// (REPS dispatches a round, default 10). docs/SPEED.md "Convolutions with few channels on one side".
//   deno run -A --unstable-webgpu bench/jit/narrow_forms.ts C O H S N P,OT[,FORM] ...
//   e.g. 16 3 32 1 400 8,3,0 8,3,1 8,3,2   (a CIFAR stem's input gradient at batch 400, as a forward pass)
import { randomArray } from "../measure.ts";
import { computePipeline, msPerDispatch } from "./dispatch_time.ts";

const ROW = 4096, LANES = 64;
const REPS = Number(Deno.env.get("REPS") ?? 10);
const [C, O, H, S, N] = Deno.args.slice(0, 5).map(Number);
const variants = Deno.args.slice(5).map((v) => v.split(",").map(Number));
if (![C, O, H, S, N].every((v) => Number.isInteger(v) && v > 0) || !variants.length) {
  console.error("usage: deno run -A --unstable-webgpu bench/jit/narrow_forms.ts C O H S N P,OT[,FORM] ...");
  Deno.exit(2);
}
const W = H, W4 = W / 4, OH = Math.floor((H - 1) / S) + 1, OW = OH, OW4 = OW / 4;
const adapter = await navigator.gpu.requestAdapter();
const device = await adapter!.requestDevice({ requiredLimits: { maxComputeWorkgroupStorageSize: 32768 } });
device.addEventListener(
  "uncapturederror",
  (e) => console.log("GPU error:", (e as GPUUncapturedErrorEvent).error.message),
);
const x = randomArray(N * C * H * W, 1);
const w = randomArray(O * C * 9, 2); // [O, C, 3, 3]
const texels = x.length / 4, rows = Math.ceil(texels / ROW);
const tex = device.createTexture({
  size: [ROW, rows],
  format: "rgba32float",
  usage: GPUTextureUsage.STORAGE_BINDING | GPUTextureUsage.COPY_DST,
});
const padded = new Float32Array(ROW * rows * 4);
padded.set(x);
device.queue.writeTexture({ texture: tex }, padded, { bytesPerRow: ROW * 16 }, [ROW, rows]);
const wbuf = device.createBuffer({
  size: w.byteLength,
  usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST,
});
device.queue.writeBuffer(wbuf, 0, Float32Array.from(w));
const outBytes = N * O * OH * OW * 4;
const out = device.createBuffer({ size: outBytes, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC });
const flop = 2 * N * O * OH * OW * C * 9;

/** The bindings, the weights' workgroup array and the texel load of a variant with OT output channels a lane. */
function bindings(OT: number): string {
  return `@group(0) @binding(0) var xt: texture_storage_2d<rgba32float, read>;
@group(0) @binding(1) var<storage, read> wb: array<f32>;
@group(0) @binding(2) var<storage, read_write> y: array<vec4<f32>>;
var<workgroup> ws: array<f32, ${C * 9 * OT}>;
fn ld(q: u32) -> vec4<f32> { return textureLoad(xt, vec2<u32>(q % ${ROW}u, q / ${ROW}u)); }`;
}

/**
 * `main` up to the lane's image base: the slice's weights copied into workgroup memory, then the lane's
 * output row, first input column (ix0) and its vec4 block (b0).
 */
function mainOpening(P: number, OT: number): string {
  const XB = OW / P, slices = O / OT, lanes = N * OH * XB;
  return `@compute @workgroup_size(${LANES})
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) lin: u32) {
  let slice = wg.x % ${slices}u;
  for (var i = lin; i < ${C * 9 * OT}u; i += ${LANES}u) { ws[i] = wb[slice * ${C * 9 * OT}u + i]; }
  workgroupBarrier();
  let m0 = (wg.x / ${slices}u) * ${LANES}u + lin;
  let m = min(m0, ${lanes - 1}u);
  let xb = m % ${XB}u;
  let oy = (m / ${XB}u) % ${OH}u;
  let n = m / ${XB * OH}u;
  let ix0 = i32(xb * ${S * P}u) - 1;
  let b0 = (ix0 + 4) / 4 - 1;
  let base = n * ${C * H * W4}u;`;
}

/** A kernel row's texels v0, v1, ... (blocks of them) from q, zero where outside the image. */
function rowLoads(blocks: number, pad: string): string[] {
  return Array.from({ length: blocks }, (_, b) => `${pad}let v${b} = ld(q + cb${b}) * (ok${b} * okr);`);
}

/**
 * The input values under output vec4 j at kernel column kx, s<kx>_<j>, from the row's texels: the lane's
 * first input column is column 3 of v0 (S * P is a multiple of 4).
 */
function tapVectors(kx: number, J: number, pad: string): string[] {
  const col = (k: number) => `v${Math.floor(k / 4)}.${"xyzw"[k % 4]}`;
  return Array.from({ length: J }, (_, j) => {
    const cols = [0, 1, 2, 3].map((p) => col(3 + S * (4 * j + p) + kx));
    return `${pad}let s${kx}_${j} = vec4<f32>(${cols.join(", ")});`;
  });
}

/** The WGSL of one variant: P pixels and OT output channels a lane, in form FORM (the header). */
function shader(P: number, OT: number, FORM = 0): string {
  const J = P / 4, XB = OW / P, lanes = N * OH * XB;
  const blocks = Math.floor((3 + S * (P - 1) + 2) / 4) + 1; // vec4 blocks from the one holding column S*ox0 - 1
  if (FORM >= 2) return shaderFn(P, OT, FORM);
  const L: string[] = [];
  L.push(bindings(OT), mainOpening(P, OT));
  for (let b = 0; b < blocks; b++) {
    L.push(`  let ok${b} = f32(u32(b0 + ${b}) < ${W4}u); let cb${b} = u32(clamp(b0 + ${b}, 0, ${W4 - 1}));`);
  }
  for (let t = 0; t < OT; t++) for (let j = 0; j < J; j++) L.push(`  var a${t}_${j} = vec4<f32>();`);
  for (let ky = 0; ky < 3; ky++) {
    L.push(`  {
    let r = i32(oy * ${S}u) + ${ky - 1};
    let okr = f32(u32(r) < ${H}u);
    let rb = base + u32(clamp(r, 0, ${H - 1})) * ${W4}u;`);
    for (let c = 0; c < (FORM ? 1 : C); c++) {
      if (FORM) {
        L.push(`    for (var c = 0u; c < ${C}u; c++) {
      let q = rb + c * ${H * W4}u;`);
      } else {
        L.push(`    {
      let q = rb + ${c * H * W4}u;`);
      }
      L.push(...rowLoads(blocks, "      "));
      for (let kx = 0; kx < 3; kx++) {
        L.push(...tapVectors(kx, J, "      "));
        for (let t = 0; t < OT; t++) {
          L.push(
            FORM
              ? `      { let u = ws[(${t}u * ${C}u + c) * 9u + ${ky * 3 + kx}u];`
              : `      { let u = ws[${((t * C + c) * 3 + ky) * 3 + kx}];`,
          );
          for (let j = 0; j < J; j++) {
            L.push(`        a${t}_${j} = fma(vec4<f32>(u), s${kx}_${j}, a${t}_${j});`);
          }
          L.push(`      }`);
        }
      }
      L.push(`    }`);
    }
    L.push(`  }`);
  }
  L.push(`  if (m0 < ${lanes}u) {`);
  for (let t = 0; t < OT; t++) {
    for (let j = 0; j < J; j++) {
      L.push(
        `    y[((n * ${O}u + slice * ${OT}u + ${t}u) * ${OH}u + oy) * ${OW4}u + xb * ${J}u + ${j}u] = a${t}_${j};`,
      );
    }
  }
  L.push(`  }`, `}`);
  return L.join("\n");
}

/** Forms 2-4: a function per input channel and kernel row, inlined with constant arguments. */
function shaderFn(P: number, OT: number, V: number): string {
  const J = P / 4, XB = OW / P, lanes = N * OH * XB;
  const blocks = Math.floor((3 + S * (P - 1) + 2) / 4) + 1;
  const L: string[] = [];
  L.push(bindings(OT));
  if (V === 2) {
    for (let t = 0; t < OT; t++) for (let j = 0; j < J; j++) L.push(`var<private> a${t}_${j}: vec4<f32>;`);
  } else L.push(`var<private> acc: array<vec4<f32>, ${OT * J}>;`);
  const A = (t: number, j: number) => V === 2 ? `a${t}_${j}` : `acc[${t}u * ${J}u + ${j}u]`;
  for (let b = 0; b < blocks; b++) L.push(`var<private> ok${b}: f32;`, `var<private> cb${b}: u32;`);
  L.push(`fn row(c: u32, ky: u32, q: u32, okr: f32) {`);
  L.push(...rowLoads(blocks, "  "));
  for (let kx = 0; kx < 3; kx++) {
    L.push(...tapVectors(kx, J, "  "));
    if (V === 4) {
      L.push(`  for (var t = 0u; t < ${OT}u; t++) { let u = ws[(t * ${C}u + c) * 9u + ky * 3u + ${kx}u];`);
      for (let j = 0; j < J; j++) {
        L.push(`    acc[t * ${J}u + ${j}u] = fma(vec4<f32>(u), s${kx}_${j}, acc[t * ${J}u + ${j}u]);`);
      }
      L.push(`  }`);
    } else {
      for (let t = 0; t < OT; t++) {
        L.push(`  { let u = ws[(${t}u * ${C}u + c) * 9u + ky * 3u + ${kx}u];`);
        for (let j = 0; j < J; j++) L.push(`    ${A(t, j)} = fma(vec4<f32>(u), s${kx}_${j}, ${A(t, j)});`);
        L.push(`  }`);
      }
    }
  }
  L.push(`}`);
  L.push(mainOpening(P, OT));
  for (let b = 0; b < blocks; b++) {
    L.push(`  ok${b} = f32(u32(b0 + ${b}) < ${W4}u); cb${b} = u32(clamp(b0 + ${b}, 0, ${W4 - 1}));`);
  }
  for (let ky = 0; ky < 3; ky++) {
    L.push(`  {
    let r = i32(oy * ${S}u) + ${ky - 1};
    let okr = f32(u32(r) < ${H}u);
    let rb = base + u32(clamp(r, 0, ${H - 1})) * ${W4}u;`);
    for (let c = 0; c < C; c++) L.push(`    row(${c}u, ${ky}u, rb + ${c * H * W4}u, okr);`);
    L.push(`  }`);
  }
  L.push(`  if (m0 < ${lanes}u) {`);
  for (let t = 0; t < OT; t++) {
    for (let j = 0; j < J; j++) {
      L.push(
        `    y[((n * ${O}u + slice * ${OT}u + ${t}u) * ${OH}u + oy) * ${OW4}u + xb * ${J}u + ${j}u] = ${
          A(t, j)
        };`,
      );
    }
  }
  L.push(`  }`, `}`);
  return L.join("\n");
}

async function check(): Promise<number> {
  const read = device.createBuffer({
    size: outBytes,
    usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
  });
  const e = device.createCommandEncoder();
  e.copyBufferToBuffer(out, 0, read, 0, outBytes);
  device.queue.submit([e.finish()]);
  await read.mapAsync(GPUMapMode.READ);
  const got = new Float32Array(read.getMappedRange().slice(0));
  read.unmap();
  let err = 0;
  for (let t = 0; t < 400; t++) {
    const i = (t * 7919 + (t % 7) * 31) % got.length;
    const ox = i % OW,
      oy = Math.floor(i / OW) % OH,
      o = Math.floor(i / (OW * OH)) % O,
      n = Math.floor(i / (OW * OH * O));
    let s = 0;
    for (let c = 0; c < C; c++) {
      for (let ky = 0; ky < 3; ky++) {
        for (let kx = 0; kx < 3; kx++) {
          const r = oy * S + ky - 1, q = ox * S + kx - 1;
          if (r < 0 || r >= H || q < 0 || q >= W) continue;
          s += x[((n * C + c) * H + r) * W + q] * w[((o * C + c) * 3 + ky) * 3 + kx];
        }
      }
    }
    err = Math.max(err, Math.abs(s - got[i]));
  }
  return err;
}

const runs = [];
for (const [P, OT, FORM] of variants) {
  const code = shader(P, OT, FORM ?? 0);
  const t0 = performance.now();
  const { pipeline, bindGroup } = computePipeline(device, code, [tex.createView(), { buffer: wbuf }, {
    buffer: out,
  }]);
  const groups = Math.ceil((N * OH * (OW / P)) / LANES) * (O / OT);
  const ms = await msPerDispatch(device, pipeline, bindGroup, groups, 1);
  const err = await check();
  console.log(
    `P ${P} OT ${OT}: source ${(code.length / 1024).toFixed(0)} KiB, first ${
      (performance.now() - t0).toFixed(0)
    } ms, max error ${err.toExponential(1)}, ${ms.toFixed(2)} ms`,
  );
  runs.push({
    name: `P ${P} OT ${OT}${
      [" written out", " channel loop", " function", " function, array", " function, loop"][FORM ?? 0]
    }`,
    pipeline,
    bindGroup,
    groups,
  });
}
for (let round = 0; round < 4; round++) {
  const line = [];
  for (const r of runs) {
    const ms = await msPerDispatch(device, r.pipeline, r.bindGroup, r.groups, REPS);
    line.push(`${r.name}: ${ms.toFixed(2)} ms (${(flop / ms / 1e6).toFixed(1)})`);
  }
  console.log(line.join("   "));
}
