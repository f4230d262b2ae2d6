// Probe: a fused Winograd F(MxM, 3x3) forward convolution (M = 2 or 4; stride 1, padding 1, then a ReLU) on the
// software adapter, in raw WebGPU, to compare with conv2d.wgsl's direct one (bench/jit/conv_loop.ts, and
// docs/SPEED.md: measured and left). The input is packed [N, H, W, C4] in a texture (vec4 q at texel
// (q % 4096, q / 4096), as conv2d.wgsl's `at`), the transformed weights U = G g G^T in another (texel
// (og, xi * C4 + c) holds U[xi][4og .. 4og + 3][c]), the output packed [N, H, W, O4] in a storage buffer.
// Each lane transforms its input tiles as it reads them and keeps the (M+2)^2 products of T tiles (a strip
// of M x MT outputs) by OGL groups of 4 output channels: 4 (M+2)^2 T OGL accumulators, written out as
// generated WGSL; with GROUPS > 1 (a divisor of M + 2) the products are accumulated (M+2)/GROUPS rows of
// their grid at a time, a pass over the input each, folded into the outputs after each pass (what
// shaders/conv_winograd.wgsl does with M = 2, GROUPS = 4). M = 4 has 2.25/4 of M = 2's multiplies and
// weight fetches per output, but dearer transforms (coefficients other than +-1) and more rounding.
// Prints the compile time (the first dispatch included), the worst error against a float64 direct
// convolution at 2,000 sampled outputs, and milliseconds per convolution (five per submission, three times).
//   deno run -A bench/jit/winograd_probe.ts [C=16] [O=16] [H=32] [T=4] [OGL=4] [GROUPS=1] [N=400] [M=2]
import { AT as AT2, BT as BT2 } from "../../engine/kernel_gen_winograd.ts";

const [C, O, H, T, OGL, GROUPS, N, M] = [16, 16, 32, 4, 4, 1, 400, 2].map((d, i) =>
  Number(Deno.args[i] ?? d)
);
if (M !== 2 && M !== 4) throw new Error("M must be 2 or 4");
const E = M + 2; // the input tile's side, and the product grid's
if (!Number.isInteger(E / GROUPS)) throw new Error(`GROUPS must divide ${E}`);
// F(4x4, 3x3) with the interpolation points 0, +-1, +-2 (Lavin and Gray, 2016)
const BT4 = [
  [4, 0, -5, 0, 1, 0],
  [0, -4, -4, 1, 1, 0],
  [0, 4, -4, -1, 1, 0],
  [0, -2, -1, 2, 1, 0],
  [0, 2, -1, -2, 1, 0],
  [0, 4, 0, -5, 0, 1],
];
const AT4 = [[1, 1, 1, 1, 1, 0], [0, 1, -1, 2, -2, 0], [0, 1, 1, 4, 4, 0], [0, 1, -1, 8, -8, 1]];
const G2 = [[1, 0, 0], [0.5, 0.5, 0.5], [0.5, -0.5, 0.5], [0, 0, 1]];
const G4 = [[1 / 4, 0, 0], [-1 / 6, -1 / 6, -1 / 6], [-1 / 6, 1 / 6, -1 / 6], [1 / 24, 1 / 12, 1 / 6], [
  1 / 24,
  -1 / 12,
  1 / 6,
], [0, 0, 1]];
const [BT, AT, G] = M === 2 ? [BT2, AT2, G2] : [BT4, AT4, G4];
const W = H;
const C4 = Math.ceil(C / 4) * 4, O4 = Math.ceil(O / 4) * 4;
const OG = O4 / 4; // output channel groups
if (OG % OGL) throw new Error("OG % OGL");
const TX = W / M / T; // tile strips per tile row
if (!Number.isInteger(TX) || H % M) throw new Error("H and W must be multiples of M, W/M of T");

/** sum of coef[k] * term(k), as WGSL (coefficients of +-1 without a multiply). */
function linearSum(coef: readonly number[], term: (k: number) => string): string {
  let out = "";
  coef.forEach((c, k) => {
    if (c === 0) return;
    const mag = Math.abs(c) === 1 ? term(k) : `${Math.abs(c).toFixed(1)} * ${term(k)}`;
    out += out ? ` ${c > 0 ? "+" : "-"} ${mag}` : `${c > 0 ? "" : "-"}${mag}`;
  });
  return out;
}

function gen(): string {
  const L: string[] = [];
  L.push(`@group(0) @binding(0) var at: texture_storage_2d<rgba32float, read>;
@group(0) @binding(1) var wt: texture_storage_2d<rgba32float, read>;
@group(0) @binding(2) var<storage, read_write> out4: array<vec4<f32>>;
struct P { N: u32, H: u32, W: u32, C4: u32, O4: u32, TX: u32, lanesPerImageRow: u32, total: u32 }
@group(0) @binding(3) var<uniform> p: P;
fn texelOf(q: u32) -> vec2<u32> { return vec2<u32>(q & 4095u, q >> 12u); }
fn ld(n: u32, y: i32, x: i32, cg: u32) -> vec4<f32> {
  let ok = u32(y) < p.H && u32(x) < p.W;
  let q = select(0u, ((n * p.H + u32(y)) * p.W + u32(x)) * (p.C4 / 4u) + cg, ok);
  return select(vec4<f32>(), textureLoad(at, texelOf(q)), ok);
}
@compute @workgroup_size(8)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let lane = gid.x + gid.y * 65535u * 8u;
  // lane -> (og block, n, tile row ty, strip sx)
  let live = lane < p.total;
  let l = min(lane, p.total - 1u);
  let ogb = l % ${OG / OGL}u;
  let r1 = l / ${OG / OGL}u;
  let sx = r1 % p.TX;
  let r2 = r1 / p.TX;
  let ty = r2 % (p.H / ${M}u);
  let n = r2 / (p.H / ${M}u);
  let y0 = i32(ty * ${M}u) - 1;
  let x0 = i32(sx * ${M * T}u) - 1;
  let og0 = ogb * ${OGL}u;`);
  // Y[r][s] = sum over products (i, j) of AT[r][i] M[i][j] AT[s][j], accumulated after each pass
  for (let t = 0; t < T; t++) {
    for (let g = 0; g < OGL; g++) {
      for (let r = 0; r < M; r++) {
        for (let c = 0; c < M; c++) L.push(`  var y${t}_${g}_${r}${c} = vec4<f32>();`);
      }
    }
  }
  for (let pass = 0; pass < GROUPS; pass++) {
    const rows = Array.from({ length: E / GROUPS }, (_, k) => pass * (E / GROUPS) + k);
    const xis = rows.flatMap((i) => Array.from({ length: E }, (_, j) => E * i + j));
    L.push(`  {`);
    for (const xi of xis) {
      for (let t = 0; t < T; t++) {
        for (let g = 0; g < OGL; g++) L.push(`  var a${xi}_${t}_${g} = vec4<f32>();`);
      }
    }
    L.push(`  for (var cg = 0u; cg < p.C4 / 4u; cg++) {`);
    for (let r = 0; r < E; r++) {
      for (let c = 0; c < M * T + 2; c++) L.push(`    let p${r}_${c} = ld(n, y0 + ${r}, x0 + ${c}, cg);`);
    }
    for (let t = 0; t < T; t++) {
      for (const i of rows) {
        // row i of B^T d, then its products with B's columns
        for (let b = 0; b < E; b++) {
          L.push(`    let r${t}_${i}_${b} = ${linearSum(BT[i], (a) => `p${a}_${M * t + b}`)};`);
        }
        for (let j = 0; j < E; j++) {
          L.push(`    let v${t}_${E * i + j} = ${linearSum(BT[j], (b) => `r${t}_${i}_${b}`)};`);
        }
      }
    }
    for (const xi of xis) {
      L.push(`    {`);
      for (let g = 0; g < OGL; g++) {
        for (let ci = 0; ci < 4; ci++) {
          L.push(
            `      let u${g}_${ci} = textureLoad(wt, vec2<u32>(og0 + ${g}u, ${xi}u * p.C4 + cg * 4u + ${ci}u));`,
          );
        }
      }
      for (let t = 0; t < T; t++) {
        for (let g = 0; g < OGL; g++) {
          L.push(
            `      a${xi}_${t}_${g} = fma(u${g}_3, vec4<f32>(v${t}_${xi}.w), fma(u${g}_2, vec4<f32>(v${t}_${xi}.z), fma(u${g}_1, vec4<f32>(v${t}_${xi}.y), fma(u${g}_0, vec4<f32>(v${t}_${xi}.x), a${xi}_${t}_${g}))));`,
          );
        }
      }
      L.push(`    }`);
    }
    L.push(`  }`);
    for (let t = 0; t < T; t++) {
      for (let g = 0; g < OGL; g++) {
        for (const i of rows) {
          for (let c = 0; c < M; c++) {
            const q = linearSum(AT[c], (j) => `a${E * i + j}_${t}_${g}`);
            for (let r = 0; r < M; r++) {
              const k = AT[r][i];
              if (k !== 0) {
                L.push(
                  `  y${t}_${g}_${r}${c} ${k > 0 ? "+=" : "-="} ${
                    Math.abs(k) === 1 ? "" : `${Math.abs(k).toFixed(1)} * `
                  }(${q});`,
                );
              }
            }
          }
        }
      }
    }
    L.push(`  }`);
  }
  L.push(`  if (!live) { return; }`);
  for (let t = 0; t < T; t++) {
    for (let g = 0; g < OGL; g++) {
      for (let r = 0; r < M; r++) {
        for (let c = 0; c < M; c++) {
          L.push(
            `  out4[((n * p.H + ty * ${M}u + ${r}u) * p.W + sx * ${M * T}u + ${
              M * t + c
            }u) * (p.O4 / 4u) + og0 + ${g}u] = max(y${t}_${g}_${r}${c}, vec4<f32>());`,
          );
        }
      }
    }
  }
  L.push(`}`);
  return L.join("\n");
}

const adapter = (await navigator.gpu.requestAdapter({ forceFallbackAdapter: true }))!;
const device = await adapter.requestDevice({
  requiredLimits: {
    maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
    maxBufferSize: adapter.limits.maxBufferSize,
  },
});
let seed = 1;
const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32) * 2 - 1;
const x = new Float32Array(N * H * W * C4); // packed [N, H, W, C4]
for (let i = 0; i < x.length; i++) x[i] = (i % C4) < C ? rnd() : 0;
const g = new Float64Array(O * C * 9); // [O, C, 3, 3]
for (let i = 0; i < g.length; i++) g[i] = rnd() * 0.2;
// U[xi][o][c] = (G g G^T)[i][j], xi = E i + j
const OGt = OG;
const uTex = new Float32Array(E * E * C4 * OGt * 4); // rows xi*C4 + c, width OG texels of 4 (o)
for (let o = 0; o < O; o++) {
  for (let c = 0; c < C; c++) {
    for (let i = 0; i < E; i++) {
      for (let j = 0; j < E; j++) {
        let s = 0;
        for (let a = 0; a < 3; a++) {
          for (let b = 0; b < 3; b++) s += G[i][a] * g[((o * C + c) * 3 + a) * 3 + b] * G[j][b];
        }
        const row = (i * E + j) * C4 + c;
        uTex[(row * OGt + Math.floor(o / 4)) * 4 + (o % 4)] = s;
      }
    }
  }
}
const pot = (v: number) => 2 ** Math.ceil(Math.log2(Math.max(1, v)));
const xTexels = x.length / 4;
const xRows = Math.ceil(xTexels / 4096);
const atTex = device.createTexture({
  size: [4096, pot(xRows)],
  format: "rgba32float",
  usage: GPUTextureUsage.STORAGE_BINDING | GPUTextureUsage.COPY_DST,
});
const xPadded = new Float32Array(xRows * 4096 * 4);
xPadded.set(x);
device.queue.writeTexture({ texture: atTex }, xPadded, { bytesPerRow: 4096 * 16, rowsPerImage: xRows }, [
  4096,
  xRows,
]);
const wtTex = device.createTexture({
  size: [pot(OGt), pot(E * E * C4)],
  format: "rgba32float",
  usage: GPUTextureUsage.STORAGE_BINDING | GPUTextureUsage.COPY_DST,
});
device.queue.writeTexture({ texture: wtTex }, uTex, { bytesPerRow: OGt * 16, rowsPerImage: E * E * C4 }, [
  OGt,
  E * E * C4,
]);
const outBuf = device.createBuffer({
  size: N * H * W * O4 * 4,
  usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC,
});
const total = N * (H / M) * TX * (OG / OGL);
const ubuf = device.createBuffer({ size: 32, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });
device.queue.writeBuffer(ubuf, 0, new Uint32Array([N, H, W, C4, O4, TX, 0, total]));
const code = gen();
const t0 = performance.now();
const module = device.createShaderModule({ code });
const info = await module.getCompilationInfo();
for (const m of info.messages) console.log(m.type, m.lineNum, m.message);
const pipeline = device.createComputePipeline({ layout: "auto", compute: { module, entryPoint: "main" } });
const bg = device.createBindGroup({
  layout: pipeline.getBindGroupLayout(0),
  entries: [
    { binding: 0, resource: atTex.createView() },
    { binding: 1, resource: wtTex.createView() },
    { binding: 2, resource: { buffer: outBuf } },
    { binding: 3, resource: { buffer: ubuf } },
  ],
});
const groups = Math.ceil(total / 8);
const gx = Math.min(groups, 65535), gy = Math.ceil(groups / 65535);
function run(times: number) {
  const enc = device.createCommandEncoder();
  for (let i = 0; i < times; i++) {
    const pass = enc.beginComputePass();
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, bg);
    pass.dispatchWorkgroups(gx, gy);
    pass.end();
  }
  device.queue.submit([enc.finish()]);
  return device.queue.onSubmittedWorkDone();
}
await run(1);
console.log(
  `lines ${code.split("\n").length}, compile + first run ${
    ((performance.now() - t0) / 1000).toFixed(1)
  } s, lanes ${total}`,
);
// check against a direct convolution at sampled outputs
const rb = device.createBuffer({
  size: outBuf.size,
  usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
});
const enc = device.createCommandEncoder();
enc.copyBufferToBuffer(outBuf, 0, rb, 0, outBuf.size);
device.queue.submit([enc.finish()]);
await rb.mapAsync(GPUMapMode.READ);
const y = new Float32Array(rb.getMappedRange().slice(0));
rb.unmap();
let worst = 0;
for (let s = 0; s < 2000; s++) {
  const n = Math.floor(Math.abs(rnd()) * N),
    oh = Math.floor(Math.abs(rnd()) * H),
    ow = Math.floor(Math.abs(rnd()) * W),
    o = Math.floor(Math.abs(rnd()) * O);
  let acc = 0;
  for (let c = 0; c < C; c++) {
    for (let a = 0; a < 3; a++) {
      for (let b = 0; b < 3; b++) {
        const ih = oh - 1 + a, iw = ow - 1 + b;
        if (ih < 0 || ih >= H || iw < 0 || iw >= W) continue;
        acc += x[((n * H + ih) * W + iw) * C4 + c] * g[((o * C + c) * 3 + a) * 3 + b];
      }
    }
  }
  const want = Math.max(0, acc);
  const got = y[((n * H + oh) * W + ow) * O4 + o];
  worst = Math.max(worst, Math.abs(got - want) / (1e-3 + Math.abs(want)));
}
console.log(`worst relative error ${worst.toExponential(2)}`);
for (let r = 0; r < 3; r++) {
  const t1 = performance.now();
  await run(5);
  const ms = (performance.now() - t1) / 5;
  const flops = 2 * N * H * W * O * C * 9;
  console.log(`${ms.toFixed(1)} ms per conv, effective ${(flops / ms / 1e6).toFixed(1)} GFLOP/s`);
}
