/**
 * A direct 3x3 convolution (any stride, padding 1; packed input [N, H, W, C4] in a texture, 4 channels a
 * texel) whose weights come from workgroup memory at constant indices, the form that lavapipe loads as one
 * scalar and a broadcast (docs/SPEED.md: 16-channel Winograd layers read their weights from workgroup
 * memory): each lane computes P output pixels x OT output channels, the reduction over taps and channels
 * written out, and a workgroup of 64 lanes first copies its OT-channel slice of the weights (in phases of
 * at most 2,048 vec4s, the 32 KiB limit, with a barrier between). FF > 0 puts a scheduling fence after every
 * FF vec4 FMAs (engine/wgsl_sections.ts FMAS_PER_FENCE). K = 1 takes the weights as pipeline constants
 * instead (one WGSL override per weight, their values fixed when the pipeline is created, as a frozen
 * model's could be; each slice's body behind a branch that is uniform in a workgroup, so that every weight
 * index stays constant): no copy and no barrier, and the driver compiles the weights as constants. Raw
 * WebGPU, no engine; checks 200 outputs against float64, then times the variants alternately in one
 * process (REPS dispatches a round, default 3: each round's ~10 ms wait is spread over them). Run it alone
 * on an otherwise idle machine.
 *
 *   [REPS=10] deno run -A --unstable-webgpu bench/jit/direct_shared_weights.ts C O H S N OT,P,FF[,K] ...
 *   e.g. 32 64 16 2 400 16,1,0 8,2,0   (a CIFAR ResNet's second stride-2 layer at batch 400)
 *        3 16 32 1 400 16,1,0,0 16,1,0,1   (the CIFAR stem, weights from workgroup memory or constants)
 */
import { randomArray } from "../measure.ts";
import { computePipeline, msPerDispatch } from "./dispatch_time.ts";

const TEXTURE_ROW = 4096, LANES = 64, WS_VEC4S = 2048, ROUNDS = 4;
const REPS = Number(Deno.env.get("REPS") ?? 3);
const [C, O, H, S, N] = Deno.args.slice(0, 5).map(Number);
const variants = Deno.args.slice(5).map((v) => v.split(",").map(Number));
if (![C, O, H, S, N, REPS].every((x) => Number.isInteger(x) && x > 0) || !variants.length) {
  console.error(
    "usage: [REPS=n] deno run -A --unstable-webgpu bench/jit/direct_shared_weights.ts C O H S N OT,P,FF[,K] ...",
  );
  Deno.exit(2);
}
const OH = Math.floor((H - 1) / S) + 1, C4 = Math.ceil(C / 4) * 4, CG = C4 / 4, pixels = N * OH * OH;
const flop = 2 * pixels * O * C * 9;

const adapter = await navigator.gpu.requestAdapter();
if (!adapter) throw new Error("direct_shared_weights: no WebGPU adapter");
const device = await adapter.requestDevice();
device.addEventListener(
  "uncapturederror",
  (e) => console.log("GPU error:", (e as GPUUncapturedErrorEvent).error.message),
);
device.lost.then((i) => console.log("device lost:", i.message));

const x = randomArray(N * H * H * C4, 1).map((v, i) => (i % C4 < C ? v : 0));
const w = randomArray(O * C * 9, 2); // [O, C, 3, 3]

const texture = (width: number, rows: number, data: Float32Array) => {
  const t = device.createTexture({
    size: [width, rows],
    format: "rgba32float",
    usage: GPUTextureUsage.STORAGE_BINDING | GPUTextureUsage.COPY_DST,
  });
  const padded = new Float32Array(width * rows * 4);
  padded.set(data);
  device.queue.writeTexture({ texture: t }, padded, { bytesPerRow: width * 16 }, [width, rows]);
  return t;
};
const xTexture = texture(TEXTURE_ROW, Math.ceil((x.length / 4) / TEXTURE_ROW), x);
const out = device.createBuffer({
  size: pixels * O * 4,
  usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST,
});
const fence = device.createBuffer({ size: 16, usage: GPUBufferUsage.UNIFORM });

/**
 * The WGSL of one variant: OT output channels and P pixels per lane, a fence every FF FMAs (0: none), the
 * weights from workgroup memory (K = 0) or from the overrides k<slice>_<vec4>_<component> (K = 1), which
 * name the values of weightTexture's row `slice`.
 */
function shader(OT: number, P: number, FF: number, K: number): string {
  const OG = OT / 4, slices = O / OT, perTap = CG * 4 * OG;
  const tapsPerPhase = K ? 9 : Math.max(1, Math.floor(WS_VEC4S / perTap));
  const L: string[] = [];
  let fmas = 0;
  if (K) {
    for (let s = 0; s < slices; s++) {
      for (let v = 0; v < 9 * perTap; v++) for (const j of "0123") L.push(`override k${s}_${v}_${j}: f32;`);
    }
  }
  L.push(`@group(0) @binding(0) var xt: texture_storage_2d<rgba32float, read>;
@group(0) @binding(1) var wt: texture_storage_2d<rgba32float, read>;
@group(0) @binding(2) var<storage, read_write> out: array<vec4<f32>>;
@group(0) @binding(3) var<uniform> f: vec4<u32>;
var<workgroup> uw: array<vec4<f32>, ${K ? 1 : Math.min(9, tapsPerPhase) * perTap}>;
fn ld(q: u32) -> vec4<f32> { return textureLoad(xt, vec2<u32>(q % ${TEXTURE_ROW}u, q / ${TEXTURE_ROW}u)); }
@compute @workgroup_size(${LANES})
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) lin: u32) {
  let slice = wg.x % ${slices}u;
  let blk = wg.x / ${slices}u;`);
  for (let p = 0; p < P; p++) {
    L.push(`  let m${p} = min((blk * ${P}u + ${p}u) * ${LANES}u + lin, ${pixels - 1}u);
  let iy${p} = i32((m${p} % ${OH * OH}u) / ${OH}u) * ${S} - 1;
  let ix${p} = i32(m${p} % ${OH}u) * ${S} - 1;
  let base${p} = (m${p} / ${OH * OH}u) * ${H * H}u;`);
    for (let og = 0; og < OG; og++) L.push(`  var a${p}_${og} = vec4<f32>();`);
  }
  for (let s = 0; s < (K ? slices : 1); s++) {
    if (K) L.push(slices === 1 ? `  {` : `  if (slice == ${s}u) {`);
    for (let t0 = 0; t0 < 9; t0 += tapsPerPhase) {
      const t1 = Math.min(9, t0 + tapsPerPhase);
      if (t0 > 0) L.push(`  workgroupBarrier();`);
      if (!K) {
        L.push(`  for (var i = lin; i < ${(t1 - t0) * perTap}u; i += ${LANES}u) {
    uw[i] = textureLoad(wt, vec2<u32>(${t0 * perTap}u + i, slice));
  }
  workgroupBarrier();`);
      }
      for (let t = t0; t < t1; t++) {
        L.push(`  {`);
        for (let p = 0; p < P; p++) {
          L.push(`    let y${p} = iy${p} + ${Math.floor(t / 3)}; let x${p} = ix${p} + ${t % 3};
    let ok${p} = f32(u32(y${p}) < ${H}u && u32(x${p}) < ${H}u);
    let q${p} = (base${p} + u32(clamp(y${p}, 0, ${H - 1})) * ${H}u + u32(clamp(x${p}, 0, ${
            H - 1
          }))) * ${CG}u;`);
        }
        for (let cg = 0; cg < CG; cg++) {
          for (let p = 0; p < P; p++) L.push(`    let v${p}_${cg} = ld(q${p} + ${cg}u) * ok${p};`);
          for (let c = 0; c < 4; c++) {
            for (let og = 0; og < OG; og++) {
              const v = (((t - t0) * CG + cg) * 4 + c) * OG + og;
              L.push(
                `    { let u = ${
                  K ? `vec4<f32>(${[0, 1, 2, 3].map((j) => `k${s}_${v}_${j}`).join(", ")})` : `uw[${v}]`
                };`,
              );
              for (let p = 0; p < P; p++) {
                L.push(`    a${p}_${og} = fma(u, vec4<f32>(v${p}_${cg}.${"xyzw"[c]}), a${p}_${og});`);
                if (FF > 0 && ++fmas % FF === 0) L.push(`    if (f.x != 0u) { out[0] = a${p}_${og}; }`);
              }
              L.push(`    }`);
            }
          }
        }
        L.push(`  }`);
      }
    }
    if (K) L.push(`  }`);
  }
  // the bindings K = 1 does not read, kept in the pipeline's layout for the bind group every variant uses
  if (K) L.push(`  if (f.x != 0u) { out[2] = uw[0] + textureLoad(wt, vec2<u32>(0u, 0u)); }`);
  for (let p = 0; p < P; p++) {
    L.push(`  if ((blk * ${P}u + ${p}u) * ${LANES}u + lin < ${pixels}u) {`);
    for (let og = 0; og < OG; og++) {
      L.push(`    out[m${p} * ${O / 4}u + slice * ${OG}u + ${og}u] = a${p}_${og};`);
    }
    L.push(`  }`);
  }
  L.push(`  if (f.x != 0u) { out[1] = a0_0; }`, `}`);
  return L.join("\n");
}

/** The weights of each OT-channel slice as one texture row: vec4 ((tap * CG + cg) * 4 + c) * OG + og. */
function weightTexture(OT: number): GPUTexture {
  return texture(9 * CG * OT, O / OT, weightRows(OT));
}

/** weightRows as the overrides of K = 1: k<slice>_<vec4>_<component>. */
function weightConstants(OT: number): Record<string, number> {
  const rows = weightRows(OT), perSlice = 9 * CG * OT;
  const out: Record<string, number> = {};
  for (let i = 0; i < rows.length; i++) {
    out[`k${Math.floor(i / (perSlice * 4))}_${Math.floor(i / 4) % perSlice}_${i % 4}`] = rows[i];
  }
  return out;
}

function weightRows(OT: number): Float32Array {
  const OG = OT / 4, perTap = CG * 4 * OG, slices = O / OT;
  const rows = new Float32Array(slices * 9 * perTap * 4);
  for (let s = 0; s < slices; s++) {
    for (let t = 0; t < 9; t++) {
      for (let k = 0; k < C4; k++) {
        for (let j = 0; j < OT; j++) {
          const o = s * OT + j, og = Math.floor(j / 4);
          const at = ((s * 9 * perTap) + (t * CG + Math.floor(k / 4)) * 4 * OG + (k % 4) * OG + og) * 4 +
            (j % 4);
          rows[at] = k < C ? w[(o * C + k) * 9 + t] : 0;
        }
      }
    }
  }
  return rows;
}

async function maxError(): Promise<number> {
  const read = device.createBuffer({
    size: pixels * O * 4,
    usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
  });
  const e = device.createCommandEncoder();
  e.copyBufferToBuffer(out, 0, read, 0, pixels * O * 4);
  device.queue.submit([e.finish()]);
  await read.mapAsync(GPUMapMode.READ);
  const got = new Float32Array(read.getMappedRange());
  let err = 0;
  for (let trial = 0; trial < 200; trial++) {
    const m = (trial * 7919) % pixels, o = (trial * 31) % O;
    const n = Math.floor(m / (OH * OH)), oy = Math.floor((m % (OH * OH)) / OH), ox = m % OH;
    let sum = 0;
    for (let k = 0; k < C; k++) {
      for (let t = 0; t < 9; t++) {
        const y = oy * S - 1 + Math.floor(t / 3), xx = ox * S - 1 + (t % 3);
        if (y >= 0 && y < H && xx >= 0 && xx < H) {
          sum += x[((n * H + y) * H + xx) * C4 + k] * w[(o * C + k) * 9 + t];
        }
      }
    }
    err = Math.max(err, Math.abs(sum - got[m * O + o]));
  }
  read.destroy();
  return err;
}

const built: { name: string; gflops: number[]; run: () => Promise<number> }[] = [];
for (const [OT, P, FF, K = 0] of variants) {
  if (!(OT % 4 === 0 && O % OT === 0 && P >= 1 && FF >= 0 && (K === 0 || K === 1))) {
    throw new Error(`bad variant ${[OT, P, FF, K]}`);
  }
  const code = shader(OT, P, FF, K);
  const t0 = performance.now();
  const weights = weightTexture(OT);
  const { pipeline, bindGroup } = computePipeline(
    device,
    code,
    [xTexture.createView(), weights.createView(), { buffer: out }, { buffer: fence }],
    K ? weightConstants(OT) : undefined,
  );
  const groups = Math.ceil(pixels / (LANES * P)) * (O / OT);
  const clear = device.createCommandEncoder(); // so that maxError sees this variant's outputs only
  clear.clearBuffer(out);
  device.queue.submit([clear.finish()]);
  const first = await msPerDispatch(device, pipeline, bindGroup, groups, 1);
  const name = `OT ${OT}, P ${P}, FF ${FF}, ${K ? "constants" : "workgroup memory"}`;
  console.log(
    `${name}: source ${(code.length / 1024).toFixed(0)} KiB, first round ${
      ((performance.now() - t0) / 1000).toFixed(1)
    } s ` +
      `(compilation included), max error ${(await maxError()).toExponential(1)}, ${
        (flop / first / 1e6).toFixed(1)
      } GFLOP/s`,
  );
  built.push({
    name,
    gflops: [],
    run: async () =>
      flop / (await msPerDispatch(device, pipeline, bindGroup, groups, REPS)) /
      1e6,
  });
}
for (let r = 0; r < ROUNDS; r++) for (const b of built) b.gflops.push(await b.run());
console.log(`C ${C}, O ${O}, H ${H}, stride ${S}, batch ${N}: GFLOP/s over ${ROUNDS} alternating rounds`);
for (const b of built) console.log(`  ${b.name}: ${b.gflops.map((g) => g.toFixed(1)).join(", ")}`);
console.log(
  JSON.stringify({ C, O, H, S, N, variants: built.map((b) => ({ name: b.name, gflops: b.gflops })) }),
);
