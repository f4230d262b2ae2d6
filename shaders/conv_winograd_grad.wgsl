// Weight gradient of a 3x3 stride-1 convolution with padding 1 by Winograd F(2x2, 3x3), on the software
// adapter (engine/ops/conv_winograd.ts decides where). The forward pass is Y = A^T [sum over c of
// (U_c .* V_c)] A per 2 x 2 output tile, with V = B^T d B for the 4 x 4 input tile d and U = G g G^T for
// the kernel g; so the gradient of U[o][c] is the sum over every tile of every image of
// (A dY_o A^T) .* V_c, and that of g is G^T dU G: 16 products per tile and channel pair instead of the
// direct weight gradient's 36 multiplies.
//
//   main    each lane sums (A dY A^T) .* V over its share (`per` runs of 4 tiles side by side) of the
//           N * H/2 * ceil(W/8) runs, for 16 output channels and 4 input channels: all 16 products, 1,024
//           live values (engine/kernel_gen.ts writes the body), then stores them to `part` as partial sums
//   finish  one invocation per output channel and 4 input channels: adds the shares' partial sums (read
//           from pt, a texture copy of part, with TX = 1, or from part itself) and writes dg = G^T dU G
//           to dw [O, C, 3, 3]
//
//   xt   the input [N, C, H, W], vec4 q (4 columns of a row: W is a multiple of 4) at texel
//        (q % 4096, q / 4096), as conv2d.wgsl's `at`
//   gt   the output gradient [N, O, H, W] the same way (O a multiple of 16)
//   part the partial sums: vec4 ((s * 16 + xi) * O + o) * CG + cg holds dU[xi][o][4cg .. 4cg + 3] summed over
//        share s, for product xi = 4i + j of the 4 x 4 grid
// Both textures are read-only storage textures, which lavapipe reads much faster than a storage buffer.

struct Grad {
  H: u32,
  W: u32,
  C: u32,
  O: u32,
  CG: u32,     // groups of 4 input channels (C4 / 4)
  OB: u32,     // blocks of 16 output channels
  TH: u32,     // tiles per column (H / 2)
  PW: u32,     // runs of 4 tiles per row (ceil(W / 8))
  runs: u32,   // N * TH * PW
  per: u32,    // runs per share
  lanes: u32,  // shares * OB * CG
  gridX: u32,  // workgroups per grid row
  shares: u32, // finish: shares of the partial sums
}

@group(0) @binding(0) var<uniform> p: Grad;
@group(0) @binding(1) var xt: texture_storage_2d<rgba32float, read>;
@group(0) @binding(2) var gt: texture_storage_2d<rgba32float, read>;
@group(0) @binding(3) var<storage, read_write> part: array<vec4<f32>>;
// finish: the partial sums in (pt with TX = 1: a texture copy, vec4 q at texel (q % 4096, q / 4096)), the
// gradient [O, C, 3, 3] out
@group(0) @binding(4) var<storage, read> partIn: array<vec4<f32>>;
@group(0) @binding(5) var<storage, read_write> dw: array<f32>;
@group(0) @binding(6) var pt: texture_storage_2d<rgba32float, read>;

override TX: u32 = 0u;

const V0 = vec4<f32>();

// The run's image, its top input row (padding 1), its top-left output pixel; the lane's group of input
// channels and first group of 4 output channels.
var<private> n: u32;
var<private> y0: i32;
var<private> oy: u32;
var<private> ox: u32;
var<private> cg: u32;
var<private> og0: u32;

fn texelOf(q: u32) -> vec2<u32> {
  return vec2<u32>(q & 4095u, q >> 12u);
}

// Columns 0 .. 9 of the run's 4 x 10 input patch (image columns ox - 1 .. ox + 8) at row r, each the lane's
// 4 input channels 4cg .. 4cg + 3: tile u of the run reads columns 2u .. 2u + 3.
fn ldxRow(r: i32) -> array<vec4<f32>, 10> {
  let a = xRow(r, 4u * cg);
  let b = xRow(r, 4u * cg + 1u);
  let c = xRow(r, 4u * cg + 2u);
  let d = xRow(r, 4u * cg + 3u);
  return array<vec4<f32>, 10>(
    vec4<f32>(a[0].w, b[0].w, c[0].w, d[0].w),
    across(a[1], b[1], c[1], d[1], 0u), across(a[1], b[1], c[1], d[1], 1u),
    across(a[1], b[1], c[1], d[1], 2u), across(a[1], b[1], c[1], d[1], 3u),
    across(a[2], b[2], c[2], d[2], 0u), across(a[2], b[2], c[2], d[2], 1u),
    across(a[2], b[2], c[2], d[2], 2u), across(a[2], b[2], c[2], d[2], 3u),
    vec4<f32>(a[3].x, b[3].x, c[3].x, d[3].x),
  );
}

// Component k of four channels' texels: one pixel's 4 channels.
fn across(a: vec4<f32>, b: vec4<f32>, c: vec4<f32>, d: vec4<f32>, k: u32) -> vec4<f32> {
  return vec4<f32>(a[k], b[k], c[k], d[k]);
}

// The 4 texels of input channel ch at image row y0 + r holding columns ox - 4 .. ox + 11 (ox a multiple of 8,
// W of 4), zero outside the image and past C. Where W is not a multiple of 8, a row's last run has only its
// first two tiles inside the image (texels past the row are zero).
fn xRow(r: i32, ch: u32) -> array<vec4<f32>, 4> {
  let y = y0 + r;
  let W4 = p.W / 4u;
  let k = ox / 4u;
  let ok = u32(y) < p.H && ch < p.C;
  let base = select(0u, ((n * p.C + ch) * p.H + u32(y)) * W4 + k, ok);
  let lo = ok && k > 0u;
  let hi = ok && k + 1u < W4;
  let hi2 = ok && k + 2u < W4;
  return array<vec4<f32>, 4>(
    select(V0, textureLoad(xt, texelOf(select(0u, base - 1u, lo))), lo),
    select(V0, textureLoad(xt, texelOf(base)), ok),
    select(V0, textureLoad(xt, texelOf(select(0u, base + 1u, hi))), hi),
    select(V0, textureLoad(xt, texelOf(select(0u, base + 2u, hi2))), hi2),
  );
}

// The run's 8 output-gradient pixels at row oy + r (columns ox .. ox + 7, two texels per channel, the second
// zero past the row's end), each output channels 4(og0 + g) .. + 3.
fn ldgRow(r: u32, g: u32) -> array<vec4<f32>, 8> {
  let o = 4u * (og0 + g);
  let row = (n * p.O + o) * p.H + oy + r;
  let plane = p.H * (p.W / 4u);
  let q = row * (p.W / 4u) + ox / 4u;
  let hi = ox / 4u + 1u < p.W / 4u;
  let q1 = select(q, q + 1u, hi);
  let a = textureLoad(gt, texelOf(q));
  let b = textureLoad(gt, texelOf(q + plane));
  let c = textureLoad(gt, texelOf(q + 2u * plane));
  let d = textureLoad(gt, texelOf(q + 3u * plane));
  let e = select(V0, textureLoad(gt, texelOf(q1)), hi);
  let f = select(V0, textureLoad(gt, texelOf(q1 + plane)), hi);
  let g2 = select(V0, textureLoad(gt, texelOf(q1 + 2u * plane)), hi);
  let h = select(V0, textureLoad(gt, texelOf(q1 + 3u * plane)), hi);
  return array<vec4<f32>, 8>(
    across(a, b, c, d, 0u), across(a, b, c, d, 1u), across(a, b, c, d, 2u), across(a, b, c, d, 3u),
    across(e, f, g2, h, 0u), across(e, f, g2, h, 1u), across(e, f, g2, h, 2u), across(e, f, g2, h, 3u),
  );
}

// The lane's partial sum of product xi for output channel 4(og0 + g) + k.
fn st(xi: u32, g: u32, k: u32, s: u32, v: vec4<f32>) {
  part[((s * 16u + xi) * p.O + 4u * (og0 + g) + k) * p.CG + cg] = v;
}

// Workgroups of 8 lanes, declared 1-D: Mesa's CPU driver vectorises invocations along x (conv2d.wgsl).
@compute @workgroup_size(8)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) lin: u32) {
  let lane = (wid.x + wid.y * p.gridX) * 8u + lin;
  if (lane >= p.lanes) { return; }
  cg = lane % p.CG;
  let r1 = lane / p.CG;
  og0 = (r1 % p.OB) * 4u;
  let s = r1 / p.OB;
  let t0 = s * p.per;
  let t1 = min(t0 + p.per, p.runs);
  var tx = t0 % p.PW;
  let r2 = t0 / p.PW;
  var ty = r2 % p.TH;
  n = r2 / p.TH;
  // generated: Winograd weight gradient (engine/kernel_gen.ts writes it; edit there)
  var a0_0 = V0; var a0_1 = V0; var a0_2 = V0; var a0_3 = V0; var a0_4 = V0; var a0_5 = V0; var a0_6 = V0; var a0_7 = V0; var a0_8 = V0; var a0_9 = V0; var a0_10 = V0; var a0_11 = V0; var a0_12 = V0; var a0_13 = V0; var a0_14 = V0; var a0_15 = V0;
  var a1_0 = V0; var a1_1 = V0; var a1_2 = V0; var a1_3 = V0; var a1_4 = V0; var a1_5 = V0; var a1_6 = V0; var a1_7 = V0; var a1_8 = V0; var a1_9 = V0; var a1_10 = V0; var a1_11 = V0; var a1_12 = V0; var a1_13 = V0; var a1_14 = V0; var a1_15 = V0;
  var a2_0 = V0; var a2_1 = V0; var a2_2 = V0; var a2_3 = V0; var a2_4 = V0; var a2_5 = V0; var a2_6 = V0; var a2_7 = V0; var a2_8 = V0; var a2_9 = V0; var a2_10 = V0; var a2_11 = V0; var a2_12 = V0; var a2_13 = V0; var a2_14 = V0; var a2_15 = V0;
  var a3_0 = V0; var a3_1 = V0; var a3_2 = V0; var a3_3 = V0; var a3_4 = V0; var a3_5 = V0; var a3_6 = V0; var a3_7 = V0; var a3_8 = V0; var a3_9 = V0; var a3_10 = V0; var a3_11 = V0; var a3_12 = V0; var a3_13 = V0; var a3_14 = V0; var a3_15 = V0;
  var a4_0 = V0; var a4_1 = V0; var a4_2 = V0; var a4_3 = V0; var a4_4 = V0; var a4_5 = V0; var a4_6 = V0; var a4_7 = V0; var a4_8 = V0; var a4_9 = V0; var a4_10 = V0; var a4_11 = V0; var a4_12 = V0; var a4_13 = V0; var a4_14 = V0; var a4_15 = V0;
  var a5_0 = V0; var a5_1 = V0; var a5_2 = V0; var a5_3 = V0; var a5_4 = V0; var a5_5 = V0; var a5_6 = V0; var a5_7 = V0; var a5_8 = V0; var a5_9 = V0; var a5_10 = V0; var a5_11 = V0; var a5_12 = V0; var a5_13 = V0; var a5_14 = V0; var a5_15 = V0;
  var a6_0 = V0; var a6_1 = V0; var a6_2 = V0; var a6_3 = V0; var a6_4 = V0; var a6_5 = V0; var a6_6 = V0; var a6_7 = V0; var a6_8 = V0; var a6_9 = V0; var a6_10 = V0; var a6_11 = V0; var a6_12 = V0; var a6_13 = V0; var a6_14 = V0; var a6_15 = V0;
  var a7_0 = V0; var a7_1 = V0; var a7_2 = V0; var a7_3 = V0; var a7_4 = V0; var a7_5 = V0; var a7_6 = V0; var a7_7 = V0; var a7_8 = V0; var a7_9 = V0; var a7_10 = V0; var a7_11 = V0; var a7_12 = V0; var a7_13 = V0; var a7_14 = V0; var a7_15 = V0;
  var a8_0 = V0; var a8_1 = V0; var a8_2 = V0; var a8_3 = V0; var a8_4 = V0; var a8_5 = V0; var a8_6 = V0; var a8_7 = V0; var a8_8 = V0; var a8_9 = V0; var a8_10 = V0; var a8_11 = V0; var a8_12 = V0; var a8_13 = V0; var a8_14 = V0; var a8_15 = V0;
  var a9_0 = V0; var a9_1 = V0; var a9_2 = V0; var a9_3 = V0; var a9_4 = V0; var a9_5 = V0; var a9_6 = V0; var a9_7 = V0; var a9_8 = V0; var a9_9 = V0; var a9_10 = V0; var a9_11 = V0; var a9_12 = V0; var a9_13 = V0; var a9_14 = V0; var a9_15 = V0;
  var a10_0 = V0; var a10_1 = V0; var a10_2 = V0; var a10_3 = V0; var a10_4 = V0; var a10_5 = V0; var a10_6 = V0; var a10_7 = V0; var a10_8 = V0; var a10_9 = V0; var a10_10 = V0; var a10_11 = V0; var a10_12 = V0; var a10_13 = V0; var a10_14 = V0; var a10_15 = V0;
  var a11_0 = V0; var a11_1 = V0; var a11_2 = V0; var a11_3 = V0; var a11_4 = V0; var a11_5 = V0; var a11_6 = V0; var a11_7 = V0; var a11_8 = V0; var a11_9 = V0; var a11_10 = V0; var a11_11 = V0; var a11_12 = V0; var a11_13 = V0; var a11_14 = V0; var a11_15 = V0;
  var a12_0 = V0; var a12_1 = V0; var a12_2 = V0; var a12_3 = V0; var a12_4 = V0; var a12_5 = V0; var a12_6 = V0; var a12_7 = V0; var a12_8 = V0; var a12_9 = V0; var a12_10 = V0; var a12_11 = V0; var a12_12 = V0; var a12_13 = V0; var a12_14 = V0; var a12_15 = V0;
  var a13_0 = V0; var a13_1 = V0; var a13_2 = V0; var a13_3 = V0; var a13_4 = V0; var a13_5 = V0; var a13_6 = V0; var a13_7 = V0; var a13_8 = V0; var a13_9 = V0; var a13_10 = V0; var a13_11 = V0; var a13_12 = V0; var a13_13 = V0; var a13_14 = V0; var a13_15 = V0;
  var a14_0 = V0; var a14_1 = V0; var a14_2 = V0; var a14_3 = V0; var a14_4 = V0; var a14_5 = V0; var a14_6 = V0; var a14_7 = V0; var a14_8 = V0; var a14_9 = V0; var a14_10 = V0; var a14_11 = V0; var a14_12 = V0; var a14_13 = V0; var a14_14 = V0; var a14_15 = V0;
  var a15_0 = V0; var a15_1 = V0; var a15_2 = V0; var a15_3 = V0; var a15_4 = V0; var a15_5 = V0; var a15_6 = V0; var a15_7 = V0; var a15_8 = V0; var a15_9 = V0; var a15_10 = V0; var a15_11 = V0; var a15_12 = V0; var a15_13 = V0; var a15_14 = V0; var a15_15 = V0;
  for (var t = t0; t < t1; t++) {
    oy = 2u * ty;
    ox = 8u * tx;
    y0 = i32(oy) - 1;
    let x0 = ldxRow(0); let d0_0 = x0[0]; let d0_1 = x0[1]; let d0_2 = x0[2]; let d0_3 = x0[3]; let d0_4 = x0[4]; let d0_5 = x0[5]; let d0_6 = x0[6]; let d0_7 = x0[7]; let d0_8 = x0[8]; let d0_9 = x0[9];
    let x1 = ldxRow(1); let d1_0 = x1[0]; let d1_1 = x1[1]; let d1_2 = x1[2]; let d1_3 = x1[3]; let d1_4 = x1[4]; let d1_5 = x1[5]; let d1_6 = x1[6]; let d1_7 = x1[7]; let d1_8 = x1[8]; let d1_9 = x1[9];
    let x2 = ldxRow(2); let d2_0 = x2[0]; let d2_1 = x2[1]; let d2_2 = x2[2]; let d2_3 = x2[3]; let d2_4 = x2[4]; let d2_5 = x2[5]; let d2_6 = x2[6]; let d2_7 = x2[7]; let d2_8 = x2[8]; let d2_9 = x2[9];
    let x3 = ldxRow(3); let d3_0 = x3[0]; let d3_1 = x3[1]; let d3_2 = x3[2]; let d3_3 = x3[3]; let d3_4 = x3[4]; let d3_5 = x3[5]; let d3_6 = x3[6]; let d3_7 = x3[7]; let d3_8 = x3[8]; let d3_9 = x3[9];
    let r00_0 = d0_0 - d2_0; let r00_1 = d0_1 - d2_1; let r00_2 = d0_2 - d2_2; let r00_3 = d0_3 - d2_3;
    let v00_0 = r00_0 - r00_2; let v00_1 = r00_1 + r00_2; let v00_2 = -r00_1 + r00_2; let v00_3 = r00_1 - r00_3;
    let r01_0 = d1_0 + d2_0; let r01_1 = d1_1 + d2_1; let r01_2 = d1_2 + d2_2; let r01_3 = d1_3 + d2_3;
    let v01_0 = r01_0 - r01_2; let v01_1 = r01_1 + r01_2; let v01_2 = -r01_1 + r01_2; let v01_3 = r01_1 - r01_3;
    let r02_0 = -d1_0 + d2_0; let r02_1 = -d1_1 + d2_1; let r02_2 = -d1_2 + d2_2; let r02_3 = -d1_3 + d2_3;
    let v02_0 = r02_0 - r02_2; let v02_1 = r02_1 + r02_2; let v02_2 = -r02_1 + r02_2; let v02_3 = r02_1 - r02_3;
    let r03_0 = d1_0 - d3_0; let r03_1 = d1_1 - d3_1; let r03_2 = d1_2 - d3_2; let r03_3 = d1_3 - d3_3;
    let v03_0 = r03_0 - r03_2; let v03_1 = r03_1 + r03_2; let v03_2 = -r03_1 + r03_2; let v03_3 = r03_1 - r03_3;
    let r10_0 = d0_2 - d2_2; let r10_1 = d0_3 - d2_3; let r10_2 = d0_4 - d2_4; let r10_3 = d0_5 - d2_5;
    let v10_0 = r10_0 - r10_2; let v10_1 = r10_1 + r10_2; let v10_2 = -r10_1 + r10_2; let v10_3 = r10_1 - r10_3;
    let r11_0 = d1_2 + d2_2; let r11_1 = d1_3 + d2_3; let r11_2 = d1_4 + d2_4; let r11_3 = d1_5 + d2_5;
    let v11_0 = r11_0 - r11_2; let v11_1 = r11_1 + r11_2; let v11_2 = -r11_1 + r11_2; let v11_3 = r11_1 - r11_3;
    let r12_0 = -d1_2 + d2_2; let r12_1 = -d1_3 + d2_3; let r12_2 = -d1_4 + d2_4; let r12_3 = -d1_5 + d2_5;
    let v12_0 = r12_0 - r12_2; let v12_1 = r12_1 + r12_2; let v12_2 = -r12_1 + r12_2; let v12_3 = r12_1 - r12_3;
    let r13_0 = d1_2 - d3_2; let r13_1 = d1_3 - d3_3; let r13_2 = d1_4 - d3_4; let r13_3 = d1_5 - d3_5;
    let v13_0 = r13_0 - r13_2; let v13_1 = r13_1 + r13_2; let v13_2 = -r13_1 + r13_2; let v13_3 = r13_1 - r13_3;
    let r20_0 = d0_4 - d2_4; let r20_1 = d0_5 - d2_5; let r20_2 = d0_6 - d2_6; let r20_3 = d0_7 - d2_7;
    let v20_0 = r20_0 - r20_2; let v20_1 = r20_1 + r20_2; let v20_2 = -r20_1 + r20_2; let v20_3 = r20_1 - r20_3;
    let r21_0 = d1_4 + d2_4; let r21_1 = d1_5 + d2_5; let r21_2 = d1_6 + d2_6; let r21_3 = d1_7 + d2_7;
    let v21_0 = r21_0 - r21_2; let v21_1 = r21_1 + r21_2; let v21_2 = -r21_1 + r21_2; let v21_3 = r21_1 - r21_3;
    let r22_0 = -d1_4 + d2_4; let r22_1 = -d1_5 + d2_5; let r22_2 = -d1_6 + d2_6; let r22_3 = -d1_7 + d2_7;
    let v22_0 = r22_0 - r22_2; let v22_1 = r22_1 + r22_2; let v22_2 = -r22_1 + r22_2; let v22_3 = r22_1 - r22_3;
    let r23_0 = d1_4 - d3_4; let r23_1 = d1_5 - d3_5; let r23_2 = d1_6 - d3_6; let r23_3 = d1_7 - d3_7;
    let v23_0 = r23_0 - r23_2; let v23_1 = r23_1 + r23_2; let v23_2 = -r23_1 + r23_2; let v23_3 = r23_1 - r23_3;
    let r30_0 = d0_6 - d2_6; let r30_1 = d0_7 - d2_7; let r30_2 = d0_8 - d2_8; let r30_3 = d0_9 - d2_9;
    let v30_0 = r30_0 - r30_2; let v30_1 = r30_1 + r30_2; let v30_2 = -r30_1 + r30_2; let v30_3 = r30_1 - r30_3;
    let r31_0 = d1_6 + d2_6; let r31_1 = d1_7 + d2_7; let r31_2 = d1_8 + d2_8; let r31_3 = d1_9 + d2_9;
    let v31_0 = r31_0 - r31_2; let v31_1 = r31_1 + r31_2; let v31_2 = -r31_1 + r31_2; let v31_3 = r31_1 - r31_3;
    let r32_0 = -d1_6 + d2_6; let r32_1 = -d1_7 + d2_7; let r32_2 = -d1_8 + d2_8; let r32_3 = -d1_9 + d2_9;
    let v32_0 = r32_0 - r32_2; let v32_1 = r32_1 + r32_2; let v32_2 = -r32_1 + r32_2; let v32_3 = r32_1 - r32_3;
    let r33_0 = d1_6 - d3_6; let r33_1 = d1_7 - d3_7; let r33_2 = d1_8 - d3_8; let r33_3 = d1_9 - d3_9;
    let v33_0 = r33_0 - r33_2; let v33_1 = r33_1 + r33_2; let v33_2 = -r33_1 + r33_2; let v33_3 = r33_1 - r33_3;
    {
      let gr0 = ldgRow(0u, 0u); let g0_0 = gr0[0]; let g0_1 = gr0[1]; let g0_2 = gr0[2]; let g0_3 = gr0[3]; let g0_4 = gr0[4]; let g0_5 = gr0[5]; let g0_6 = gr0[6]; let g0_7 = gr0[7]; let gr1 = ldgRow(1u, 0u); let g1_0 = gr1[0]; let g1_1 = gr1[1]; let g1_2 = gr1[2]; let g1_3 = gr1[3]; let g1_4 = gr1[4]; let g1_5 = gr1[5]; let g1_6 = gr1[6]; let g1_7 = gr1[7];
      let q00_0 = g0_0; let q00_1 = g0_1;
      let h00_0 = q00_0; let h00_1 = q00_0 + q00_1; let h00_2 = q00_0 - q00_1; let h00_3 = -q00_1;
      let q01_0 = g0_0 + g1_0; let q01_1 = g0_1 + g1_1;
      let h01_0 = q01_0; let h01_1 = q01_0 + q01_1; let h01_2 = q01_0 - q01_1; let h01_3 = -q01_1;
      let q02_0 = g0_0 - g1_0; let q02_1 = g0_1 - g1_1;
      let h02_0 = q02_0; let h02_1 = q02_0 + q02_1; let h02_2 = q02_0 - q02_1; let h02_3 = -q02_1;
      let q03_0 = -g1_0; let q03_1 = -g1_1;
      let h03_0 = q03_0; let h03_1 = q03_0 + q03_1; let h03_2 = q03_0 - q03_1; let h03_3 = -q03_1;
      let q10_0 = g0_2; let q10_1 = g0_3;
      let h10_0 = q10_0; let h10_1 = q10_0 + q10_1; let h10_2 = q10_0 - q10_1; let h10_3 = -q10_1;
      let q11_0 = g0_2 + g1_2; let q11_1 = g0_3 + g1_3;
      let h11_0 = q11_0; let h11_1 = q11_0 + q11_1; let h11_2 = q11_0 - q11_1; let h11_3 = -q11_1;
      let q12_0 = g0_2 - g1_2; let q12_1 = g0_3 - g1_3;
      let h12_0 = q12_0; let h12_1 = q12_0 + q12_1; let h12_2 = q12_0 - q12_1; let h12_3 = -q12_1;
      let q13_0 = -g1_2; let q13_1 = -g1_3;
      let h13_0 = q13_0; let h13_1 = q13_0 + q13_1; let h13_2 = q13_0 - q13_1; let h13_3 = -q13_1;
      let q20_0 = g0_4; let q20_1 = g0_5;
      let h20_0 = q20_0; let h20_1 = q20_0 + q20_1; let h20_2 = q20_0 - q20_1; let h20_3 = -q20_1;
      let q21_0 = g0_4 + g1_4; let q21_1 = g0_5 + g1_5;
      let h21_0 = q21_0; let h21_1 = q21_0 + q21_1; let h21_2 = q21_0 - q21_1; let h21_3 = -q21_1;
      let q22_0 = g0_4 - g1_4; let q22_1 = g0_5 - g1_5;
      let h22_0 = q22_0; let h22_1 = q22_0 + q22_1; let h22_2 = q22_0 - q22_1; let h22_3 = -q22_1;
      let q23_0 = -g1_4; let q23_1 = -g1_5;
      let h23_0 = q23_0; let h23_1 = q23_0 + q23_1; let h23_2 = q23_0 - q23_1; let h23_3 = -q23_1;
      let q30_0 = g0_6; let q30_1 = g0_7;
      let h30_0 = q30_0; let h30_1 = q30_0 + q30_1; let h30_2 = q30_0 - q30_1; let h30_3 = -q30_1;
      let q31_0 = g0_6 + g1_6; let q31_1 = g0_7 + g1_7;
      let h31_0 = q31_0; let h31_1 = q31_0 + q31_1; let h31_2 = q31_0 - q31_1; let h31_3 = -q31_1;
      let q32_0 = g0_6 - g1_6; let q32_1 = g0_7 - g1_7;
      let h32_0 = q32_0; let h32_1 = q32_0 + q32_1; let h32_2 = q32_0 - q32_1; let h32_3 = -q32_1;
      let q33_0 = -g1_6; let q33_1 = -g1_7;
      let h33_0 = q33_0; let h33_1 = q33_0 + q33_1; let h33_2 = q33_0 - q33_1; let h33_3 = -q33_1;
      a0_0 = fma(vec4<f32>(h30_0.x), v30_0, fma(vec4<f32>(h20_0.x), v20_0, fma(vec4<f32>(h10_0.x), v10_0, fma(vec4<f32>(h00_0.x), v00_0, a0_0)))); a0_1 = fma(vec4<f32>(h30_0.y), v30_0, fma(vec4<f32>(h20_0.y), v20_0, fma(vec4<f32>(h10_0.y), v10_0, fma(vec4<f32>(h00_0.y), v00_0, a0_1)))); a0_2 = fma(vec4<f32>(h30_0.z), v30_0, fma(vec4<f32>(h20_0.z), v20_0, fma(vec4<f32>(h10_0.z), v10_0, fma(vec4<f32>(h00_0.z), v00_0, a0_2)))); a0_3 = fma(vec4<f32>(h30_0.w), v30_0, fma(vec4<f32>(h20_0.w), v20_0, fma(vec4<f32>(h10_0.w), v10_0, fma(vec4<f32>(h00_0.w), v00_0, a0_3))));
      a1_0 = fma(vec4<f32>(h30_1.x), v30_1, fma(vec4<f32>(h20_1.x), v20_1, fma(vec4<f32>(h10_1.x), v10_1, fma(vec4<f32>(h00_1.x), v00_1, a1_0)))); a1_1 = fma(vec4<f32>(h30_1.y), v30_1, fma(vec4<f32>(h20_1.y), v20_1, fma(vec4<f32>(h10_1.y), v10_1, fma(vec4<f32>(h00_1.y), v00_1, a1_1)))); a1_2 = fma(vec4<f32>(h30_1.z), v30_1, fma(vec4<f32>(h20_1.z), v20_1, fma(vec4<f32>(h10_1.z), v10_1, fma(vec4<f32>(h00_1.z), v00_1, a1_2)))); a1_3 = fma(vec4<f32>(h30_1.w), v30_1, fma(vec4<f32>(h20_1.w), v20_1, fma(vec4<f32>(h10_1.w), v10_1, fma(vec4<f32>(h00_1.w), v00_1, a1_3))));
      a2_0 = fma(vec4<f32>(h30_2.x), v30_2, fma(vec4<f32>(h20_2.x), v20_2, fma(vec4<f32>(h10_2.x), v10_2, fma(vec4<f32>(h00_2.x), v00_2, a2_0)))); a2_1 = fma(vec4<f32>(h30_2.y), v30_2, fma(vec4<f32>(h20_2.y), v20_2, fma(vec4<f32>(h10_2.y), v10_2, fma(vec4<f32>(h00_2.y), v00_2, a2_1)))); a2_2 = fma(vec4<f32>(h30_2.z), v30_2, fma(vec4<f32>(h20_2.z), v20_2, fma(vec4<f32>(h10_2.z), v10_2, fma(vec4<f32>(h00_2.z), v00_2, a2_2)))); a2_3 = fma(vec4<f32>(h30_2.w), v30_2, fma(vec4<f32>(h20_2.w), v20_2, fma(vec4<f32>(h10_2.w), v10_2, fma(vec4<f32>(h00_2.w), v00_2, a2_3))));
      a3_0 = fma(vec4<f32>(h30_3.x), v30_3, fma(vec4<f32>(h20_3.x), v20_3, fma(vec4<f32>(h10_3.x), v10_3, fma(vec4<f32>(h00_3.x), v00_3, a3_0)))); a3_1 = fma(vec4<f32>(h30_3.y), v30_3, fma(vec4<f32>(h20_3.y), v20_3, fma(vec4<f32>(h10_3.y), v10_3, fma(vec4<f32>(h00_3.y), v00_3, a3_1)))); a3_2 = fma(vec4<f32>(h30_3.z), v30_3, fma(vec4<f32>(h20_3.z), v20_3, fma(vec4<f32>(h10_3.z), v10_3, fma(vec4<f32>(h00_3.z), v00_3, a3_2)))); a3_3 = fma(vec4<f32>(h30_3.w), v30_3, fma(vec4<f32>(h20_3.w), v20_3, fma(vec4<f32>(h10_3.w), v10_3, fma(vec4<f32>(h00_3.w), v00_3, a3_3))));
      a4_0 = fma(vec4<f32>(h31_0.x), v31_0, fma(vec4<f32>(h21_0.x), v21_0, fma(vec4<f32>(h11_0.x), v11_0, fma(vec4<f32>(h01_0.x), v01_0, a4_0)))); a4_1 = fma(vec4<f32>(h31_0.y), v31_0, fma(vec4<f32>(h21_0.y), v21_0, fma(vec4<f32>(h11_0.y), v11_0, fma(vec4<f32>(h01_0.y), v01_0, a4_1)))); a4_2 = fma(vec4<f32>(h31_0.z), v31_0, fma(vec4<f32>(h21_0.z), v21_0, fma(vec4<f32>(h11_0.z), v11_0, fma(vec4<f32>(h01_0.z), v01_0, a4_2)))); a4_3 = fma(vec4<f32>(h31_0.w), v31_0, fma(vec4<f32>(h21_0.w), v21_0, fma(vec4<f32>(h11_0.w), v11_0, fma(vec4<f32>(h01_0.w), v01_0, a4_3))));
      a5_0 = fma(vec4<f32>(h31_1.x), v31_1, fma(vec4<f32>(h21_1.x), v21_1, fma(vec4<f32>(h11_1.x), v11_1, fma(vec4<f32>(h01_1.x), v01_1, a5_0)))); a5_1 = fma(vec4<f32>(h31_1.y), v31_1, fma(vec4<f32>(h21_1.y), v21_1, fma(vec4<f32>(h11_1.y), v11_1, fma(vec4<f32>(h01_1.y), v01_1, a5_1)))); a5_2 = fma(vec4<f32>(h31_1.z), v31_1, fma(vec4<f32>(h21_1.z), v21_1, fma(vec4<f32>(h11_1.z), v11_1, fma(vec4<f32>(h01_1.z), v01_1, a5_2)))); a5_3 = fma(vec4<f32>(h31_1.w), v31_1, fma(vec4<f32>(h21_1.w), v21_1, fma(vec4<f32>(h11_1.w), v11_1, fma(vec4<f32>(h01_1.w), v01_1, a5_3))));
      a6_0 = fma(vec4<f32>(h31_2.x), v31_2, fma(vec4<f32>(h21_2.x), v21_2, fma(vec4<f32>(h11_2.x), v11_2, fma(vec4<f32>(h01_2.x), v01_2, a6_0)))); a6_1 = fma(vec4<f32>(h31_2.y), v31_2, fma(vec4<f32>(h21_2.y), v21_2, fma(vec4<f32>(h11_2.y), v11_2, fma(vec4<f32>(h01_2.y), v01_2, a6_1)))); a6_2 = fma(vec4<f32>(h31_2.z), v31_2, fma(vec4<f32>(h21_2.z), v21_2, fma(vec4<f32>(h11_2.z), v11_2, fma(vec4<f32>(h01_2.z), v01_2, a6_2)))); a6_3 = fma(vec4<f32>(h31_2.w), v31_2, fma(vec4<f32>(h21_2.w), v21_2, fma(vec4<f32>(h11_2.w), v11_2, fma(vec4<f32>(h01_2.w), v01_2, a6_3))));
      a7_0 = fma(vec4<f32>(h31_3.x), v31_3, fma(vec4<f32>(h21_3.x), v21_3, fma(vec4<f32>(h11_3.x), v11_3, fma(vec4<f32>(h01_3.x), v01_3, a7_0)))); a7_1 = fma(vec4<f32>(h31_3.y), v31_3, fma(vec4<f32>(h21_3.y), v21_3, fma(vec4<f32>(h11_3.y), v11_3, fma(vec4<f32>(h01_3.y), v01_3, a7_1)))); a7_2 = fma(vec4<f32>(h31_3.z), v31_3, fma(vec4<f32>(h21_3.z), v21_3, fma(vec4<f32>(h11_3.z), v11_3, fma(vec4<f32>(h01_3.z), v01_3, a7_2)))); a7_3 = fma(vec4<f32>(h31_3.w), v31_3, fma(vec4<f32>(h21_3.w), v21_3, fma(vec4<f32>(h11_3.w), v11_3, fma(vec4<f32>(h01_3.w), v01_3, a7_3))));
      a8_0 = fma(vec4<f32>(h32_0.x), v32_0, fma(vec4<f32>(h22_0.x), v22_0, fma(vec4<f32>(h12_0.x), v12_0, fma(vec4<f32>(h02_0.x), v02_0, a8_0)))); a8_1 = fma(vec4<f32>(h32_0.y), v32_0, fma(vec4<f32>(h22_0.y), v22_0, fma(vec4<f32>(h12_0.y), v12_0, fma(vec4<f32>(h02_0.y), v02_0, a8_1)))); a8_2 = fma(vec4<f32>(h32_0.z), v32_0, fma(vec4<f32>(h22_0.z), v22_0, fma(vec4<f32>(h12_0.z), v12_0, fma(vec4<f32>(h02_0.z), v02_0, a8_2)))); a8_3 = fma(vec4<f32>(h32_0.w), v32_0, fma(vec4<f32>(h22_0.w), v22_0, fma(vec4<f32>(h12_0.w), v12_0, fma(vec4<f32>(h02_0.w), v02_0, a8_3))));
      a9_0 = fma(vec4<f32>(h32_1.x), v32_1, fma(vec4<f32>(h22_1.x), v22_1, fma(vec4<f32>(h12_1.x), v12_1, fma(vec4<f32>(h02_1.x), v02_1, a9_0)))); a9_1 = fma(vec4<f32>(h32_1.y), v32_1, fma(vec4<f32>(h22_1.y), v22_1, fma(vec4<f32>(h12_1.y), v12_1, fma(vec4<f32>(h02_1.y), v02_1, a9_1)))); a9_2 = fma(vec4<f32>(h32_1.z), v32_1, fma(vec4<f32>(h22_1.z), v22_1, fma(vec4<f32>(h12_1.z), v12_1, fma(vec4<f32>(h02_1.z), v02_1, a9_2)))); a9_3 = fma(vec4<f32>(h32_1.w), v32_1, fma(vec4<f32>(h22_1.w), v22_1, fma(vec4<f32>(h12_1.w), v12_1, fma(vec4<f32>(h02_1.w), v02_1, a9_3))));
      a10_0 = fma(vec4<f32>(h32_2.x), v32_2, fma(vec4<f32>(h22_2.x), v22_2, fma(vec4<f32>(h12_2.x), v12_2, fma(vec4<f32>(h02_2.x), v02_2, a10_0)))); a10_1 = fma(vec4<f32>(h32_2.y), v32_2, fma(vec4<f32>(h22_2.y), v22_2, fma(vec4<f32>(h12_2.y), v12_2, fma(vec4<f32>(h02_2.y), v02_2, a10_1)))); a10_2 = fma(vec4<f32>(h32_2.z), v32_2, fma(vec4<f32>(h22_2.z), v22_2, fma(vec4<f32>(h12_2.z), v12_2, fma(vec4<f32>(h02_2.z), v02_2, a10_2)))); a10_3 = fma(vec4<f32>(h32_2.w), v32_2, fma(vec4<f32>(h22_2.w), v22_2, fma(vec4<f32>(h12_2.w), v12_2, fma(vec4<f32>(h02_2.w), v02_2, a10_3))));
      a11_0 = fma(vec4<f32>(h32_3.x), v32_3, fma(vec4<f32>(h22_3.x), v22_3, fma(vec4<f32>(h12_3.x), v12_3, fma(vec4<f32>(h02_3.x), v02_3, a11_0)))); a11_1 = fma(vec4<f32>(h32_3.y), v32_3, fma(vec4<f32>(h22_3.y), v22_3, fma(vec4<f32>(h12_3.y), v12_3, fma(vec4<f32>(h02_3.y), v02_3, a11_1)))); a11_2 = fma(vec4<f32>(h32_3.z), v32_3, fma(vec4<f32>(h22_3.z), v22_3, fma(vec4<f32>(h12_3.z), v12_3, fma(vec4<f32>(h02_3.z), v02_3, a11_2)))); a11_3 = fma(vec4<f32>(h32_3.w), v32_3, fma(vec4<f32>(h22_3.w), v22_3, fma(vec4<f32>(h12_3.w), v12_3, fma(vec4<f32>(h02_3.w), v02_3, a11_3))));
      a12_0 = fma(vec4<f32>(h33_0.x), v33_0, fma(vec4<f32>(h23_0.x), v23_0, fma(vec4<f32>(h13_0.x), v13_0, fma(vec4<f32>(h03_0.x), v03_0, a12_0)))); a12_1 = fma(vec4<f32>(h33_0.y), v33_0, fma(vec4<f32>(h23_0.y), v23_0, fma(vec4<f32>(h13_0.y), v13_0, fma(vec4<f32>(h03_0.y), v03_0, a12_1)))); a12_2 = fma(vec4<f32>(h33_0.z), v33_0, fma(vec4<f32>(h23_0.z), v23_0, fma(vec4<f32>(h13_0.z), v13_0, fma(vec4<f32>(h03_0.z), v03_0, a12_2)))); a12_3 = fma(vec4<f32>(h33_0.w), v33_0, fma(vec4<f32>(h23_0.w), v23_0, fma(vec4<f32>(h13_0.w), v13_0, fma(vec4<f32>(h03_0.w), v03_0, a12_3))));
      a13_0 = fma(vec4<f32>(h33_1.x), v33_1, fma(vec4<f32>(h23_1.x), v23_1, fma(vec4<f32>(h13_1.x), v13_1, fma(vec4<f32>(h03_1.x), v03_1, a13_0)))); a13_1 = fma(vec4<f32>(h33_1.y), v33_1, fma(vec4<f32>(h23_1.y), v23_1, fma(vec4<f32>(h13_1.y), v13_1, fma(vec4<f32>(h03_1.y), v03_1, a13_1)))); a13_2 = fma(vec4<f32>(h33_1.z), v33_1, fma(vec4<f32>(h23_1.z), v23_1, fma(vec4<f32>(h13_1.z), v13_1, fma(vec4<f32>(h03_1.z), v03_1, a13_2)))); a13_3 = fma(vec4<f32>(h33_1.w), v33_1, fma(vec4<f32>(h23_1.w), v23_1, fma(vec4<f32>(h13_1.w), v13_1, fma(vec4<f32>(h03_1.w), v03_1, a13_3))));
      a14_0 = fma(vec4<f32>(h33_2.x), v33_2, fma(vec4<f32>(h23_2.x), v23_2, fma(vec4<f32>(h13_2.x), v13_2, fma(vec4<f32>(h03_2.x), v03_2, a14_0)))); a14_1 = fma(vec4<f32>(h33_2.y), v33_2, fma(vec4<f32>(h23_2.y), v23_2, fma(vec4<f32>(h13_2.y), v13_2, fma(vec4<f32>(h03_2.y), v03_2, a14_1)))); a14_2 = fma(vec4<f32>(h33_2.z), v33_2, fma(vec4<f32>(h23_2.z), v23_2, fma(vec4<f32>(h13_2.z), v13_2, fma(vec4<f32>(h03_2.z), v03_2, a14_2)))); a14_3 = fma(vec4<f32>(h33_2.w), v33_2, fma(vec4<f32>(h23_2.w), v23_2, fma(vec4<f32>(h13_2.w), v13_2, fma(vec4<f32>(h03_2.w), v03_2, a14_3))));
      a15_0 = fma(vec4<f32>(h33_3.x), v33_3, fma(vec4<f32>(h23_3.x), v23_3, fma(vec4<f32>(h13_3.x), v13_3, fma(vec4<f32>(h03_3.x), v03_3, a15_0)))); a15_1 = fma(vec4<f32>(h33_3.y), v33_3, fma(vec4<f32>(h23_3.y), v23_3, fma(vec4<f32>(h13_3.y), v13_3, fma(vec4<f32>(h03_3.y), v03_3, a15_1)))); a15_2 = fma(vec4<f32>(h33_3.z), v33_3, fma(vec4<f32>(h23_3.z), v23_3, fma(vec4<f32>(h13_3.z), v13_3, fma(vec4<f32>(h03_3.z), v03_3, a15_2)))); a15_3 = fma(vec4<f32>(h33_3.w), v33_3, fma(vec4<f32>(h23_3.w), v23_3, fma(vec4<f32>(h13_3.w), v13_3, fma(vec4<f32>(h03_3.w), v03_3, a15_3))));
    }
    {
      let gr0 = ldgRow(0u, 1u); let g0_0 = gr0[0]; let g0_1 = gr0[1]; let g0_2 = gr0[2]; let g0_3 = gr0[3]; let g0_4 = gr0[4]; let g0_5 = gr0[5]; let g0_6 = gr0[6]; let g0_7 = gr0[7]; let gr1 = ldgRow(1u, 1u); let g1_0 = gr1[0]; let g1_1 = gr1[1]; let g1_2 = gr1[2]; let g1_3 = gr1[3]; let g1_4 = gr1[4]; let g1_5 = gr1[5]; let g1_6 = gr1[6]; let g1_7 = gr1[7];
      let q00_0 = g0_0; let q00_1 = g0_1;
      let h00_0 = q00_0; let h00_1 = q00_0 + q00_1; let h00_2 = q00_0 - q00_1; let h00_3 = -q00_1;
      let q01_0 = g0_0 + g1_0; let q01_1 = g0_1 + g1_1;
      let h01_0 = q01_0; let h01_1 = q01_0 + q01_1; let h01_2 = q01_0 - q01_1; let h01_3 = -q01_1;
      let q02_0 = g0_0 - g1_0; let q02_1 = g0_1 - g1_1;
      let h02_0 = q02_0; let h02_1 = q02_0 + q02_1; let h02_2 = q02_0 - q02_1; let h02_3 = -q02_1;
      let q03_0 = -g1_0; let q03_1 = -g1_1;
      let h03_0 = q03_0; let h03_1 = q03_0 + q03_1; let h03_2 = q03_0 - q03_1; let h03_3 = -q03_1;
      let q10_0 = g0_2; let q10_1 = g0_3;
      let h10_0 = q10_0; let h10_1 = q10_0 + q10_1; let h10_2 = q10_0 - q10_1; let h10_3 = -q10_1;
      let q11_0 = g0_2 + g1_2; let q11_1 = g0_3 + g1_3;
      let h11_0 = q11_0; let h11_1 = q11_0 + q11_1; let h11_2 = q11_0 - q11_1; let h11_3 = -q11_1;
      let q12_0 = g0_2 - g1_2; let q12_1 = g0_3 - g1_3;
      let h12_0 = q12_0; let h12_1 = q12_0 + q12_1; let h12_2 = q12_0 - q12_1; let h12_3 = -q12_1;
      let q13_0 = -g1_2; let q13_1 = -g1_3;
      let h13_0 = q13_0; let h13_1 = q13_0 + q13_1; let h13_2 = q13_0 - q13_1; let h13_3 = -q13_1;
      let q20_0 = g0_4; let q20_1 = g0_5;
      let h20_0 = q20_0; let h20_1 = q20_0 + q20_1; let h20_2 = q20_0 - q20_1; let h20_3 = -q20_1;
      let q21_0 = g0_4 + g1_4; let q21_1 = g0_5 + g1_5;
      let h21_0 = q21_0; let h21_1 = q21_0 + q21_1; let h21_2 = q21_0 - q21_1; let h21_3 = -q21_1;
      let q22_0 = g0_4 - g1_4; let q22_1 = g0_5 - g1_5;
      let h22_0 = q22_0; let h22_1 = q22_0 + q22_1; let h22_2 = q22_0 - q22_1; let h22_3 = -q22_1;
      let q23_0 = -g1_4; let q23_1 = -g1_5;
      let h23_0 = q23_0; let h23_1 = q23_0 + q23_1; let h23_2 = q23_0 - q23_1; let h23_3 = -q23_1;
      let q30_0 = g0_6; let q30_1 = g0_7;
      let h30_0 = q30_0; let h30_1 = q30_0 + q30_1; let h30_2 = q30_0 - q30_1; let h30_3 = -q30_1;
      let q31_0 = g0_6 + g1_6; let q31_1 = g0_7 + g1_7;
      let h31_0 = q31_0; let h31_1 = q31_0 + q31_1; let h31_2 = q31_0 - q31_1; let h31_3 = -q31_1;
      let q32_0 = g0_6 - g1_6; let q32_1 = g0_7 - g1_7;
      let h32_0 = q32_0; let h32_1 = q32_0 + q32_1; let h32_2 = q32_0 - q32_1; let h32_3 = -q32_1;
      let q33_0 = -g1_6; let q33_1 = -g1_7;
      let h33_0 = q33_0; let h33_1 = q33_0 + q33_1; let h33_2 = q33_0 - q33_1; let h33_3 = -q33_1;
      a0_4 = fma(vec4<f32>(h30_0.x), v30_0, fma(vec4<f32>(h20_0.x), v20_0, fma(vec4<f32>(h10_0.x), v10_0, fma(vec4<f32>(h00_0.x), v00_0, a0_4)))); a0_5 = fma(vec4<f32>(h30_0.y), v30_0, fma(vec4<f32>(h20_0.y), v20_0, fma(vec4<f32>(h10_0.y), v10_0, fma(vec4<f32>(h00_0.y), v00_0, a0_5)))); a0_6 = fma(vec4<f32>(h30_0.z), v30_0, fma(vec4<f32>(h20_0.z), v20_0, fma(vec4<f32>(h10_0.z), v10_0, fma(vec4<f32>(h00_0.z), v00_0, a0_6)))); a0_7 = fma(vec4<f32>(h30_0.w), v30_0, fma(vec4<f32>(h20_0.w), v20_0, fma(vec4<f32>(h10_0.w), v10_0, fma(vec4<f32>(h00_0.w), v00_0, a0_7))));
      a1_4 = fma(vec4<f32>(h30_1.x), v30_1, fma(vec4<f32>(h20_1.x), v20_1, fma(vec4<f32>(h10_1.x), v10_1, fma(vec4<f32>(h00_1.x), v00_1, a1_4)))); a1_5 = fma(vec4<f32>(h30_1.y), v30_1, fma(vec4<f32>(h20_1.y), v20_1, fma(vec4<f32>(h10_1.y), v10_1, fma(vec4<f32>(h00_1.y), v00_1, a1_5)))); a1_6 = fma(vec4<f32>(h30_1.z), v30_1, fma(vec4<f32>(h20_1.z), v20_1, fma(vec4<f32>(h10_1.z), v10_1, fma(vec4<f32>(h00_1.z), v00_1, a1_6)))); a1_7 = fma(vec4<f32>(h30_1.w), v30_1, fma(vec4<f32>(h20_1.w), v20_1, fma(vec4<f32>(h10_1.w), v10_1, fma(vec4<f32>(h00_1.w), v00_1, a1_7))));
      a2_4 = fma(vec4<f32>(h30_2.x), v30_2, fma(vec4<f32>(h20_2.x), v20_2, fma(vec4<f32>(h10_2.x), v10_2, fma(vec4<f32>(h00_2.x), v00_2, a2_4)))); a2_5 = fma(vec4<f32>(h30_2.y), v30_2, fma(vec4<f32>(h20_2.y), v20_2, fma(vec4<f32>(h10_2.y), v10_2, fma(vec4<f32>(h00_2.y), v00_2, a2_5)))); a2_6 = fma(vec4<f32>(h30_2.z), v30_2, fma(vec4<f32>(h20_2.z), v20_2, fma(vec4<f32>(h10_2.z), v10_2, fma(vec4<f32>(h00_2.z), v00_2, a2_6)))); a2_7 = fma(vec4<f32>(h30_2.w), v30_2, fma(vec4<f32>(h20_2.w), v20_2, fma(vec4<f32>(h10_2.w), v10_2, fma(vec4<f32>(h00_2.w), v00_2, a2_7))));
      a3_4 = fma(vec4<f32>(h30_3.x), v30_3, fma(vec4<f32>(h20_3.x), v20_3, fma(vec4<f32>(h10_3.x), v10_3, fma(vec4<f32>(h00_3.x), v00_3, a3_4)))); a3_5 = fma(vec4<f32>(h30_3.y), v30_3, fma(vec4<f32>(h20_3.y), v20_3, fma(vec4<f32>(h10_3.y), v10_3, fma(vec4<f32>(h00_3.y), v00_3, a3_5)))); a3_6 = fma(vec4<f32>(h30_3.z), v30_3, fma(vec4<f32>(h20_3.z), v20_3, fma(vec4<f32>(h10_3.z), v10_3, fma(vec4<f32>(h00_3.z), v00_3, a3_6)))); a3_7 = fma(vec4<f32>(h30_3.w), v30_3, fma(vec4<f32>(h20_3.w), v20_3, fma(vec4<f32>(h10_3.w), v10_3, fma(vec4<f32>(h00_3.w), v00_3, a3_7))));
      a4_4 = fma(vec4<f32>(h31_0.x), v31_0, fma(vec4<f32>(h21_0.x), v21_0, fma(vec4<f32>(h11_0.x), v11_0, fma(vec4<f32>(h01_0.x), v01_0, a4_4)))); a4_5 = fma(vec4<f32>(h31_0.y), v31_0, fma(vec4<f32>(h21_0.y), v21_0, fma(vec4<f32>(h11_0.y), v11_0, fma(vec4<f32>(h01_0.y), v01_0, a4_5)))); a4_6 = fma(vec4<f32>(h31_0.z), v31_0, fma(vec4<f32>(h21_0.z), v21_0, fma(vec4<f32>(h11_0.z), v11_0, fma(vec4<f32>(h01_0.z), v01_0, a4_6)))); a4_7 = fma(vec4<f32>(h31_0.w), v31_0, fma(vec4<f32>(h21_0.w), v21_0, fma(vec4<f32>(h11_0.w), v11_0, fma(vec4<f32>(h01_0.w), v01_0, a4_7))));
      a5_4 = fma(vec4<f32>(h31_1.x), v31_1, fma(vec4<f32>(h21_1.x), v21_1, fma(vec4<f32>(h11_1.x), v11_1, fma(vec4<f32>(h01_1.x), v01_1, a5_4)))); a5_5 = fma(vec4<f32>(h31_1.y), v31_1, fma(vec4<f32>(h21_1.y), v21_1, fma(vec4<f32>(h11_1.y), v11_1, fma(vec4<f32>(h01_1.y), v01_1, a5_5)))); a5_6 = fma(vec4<f32>(h31_1.z), v31_1, fma(vec4<f32>(h21_1.z), v21_1, fma(vec4<f32>(h11_1.z), v11_1, fma(vec4<f32>(h01_1.z), v01_1, a5_6)))); a5_7 = fma(vec4<f32>(h31_1.w), v31_1, fma(vec4<f32>(h21_1.w), v21_1, fma(vec4<f32>(h11_1.w), v11_1, fma(vec4<f32>(h01_1.w), v01_1, a5_7))));
      a6_4 = fma(vec4<f32>(h31_2.x), v31_2, fma(vec4<f32>(h21_2.x), v21_2, fma(vec4<f32>(h11_2.x), v11_2, fma(vec4<f32>(h01_2.x), v01_2, a6_4)))); a6_5 = fma(vec4<f32>(h31_2.y), v31_2, fma(vec4<f32>(h21_2.y), v21_2, fma(vec4<f32>(h11_2.y), v11_2, fma(vec4<f32>(h01_2.y), v01_2, a6_5)))); a6_6 = fma(vec4<f32>(h31_2.z), v31_2, fma(vec4<f32>(h21_2.z), v21_2, fma(vec4<f32>(h11_2.z), v11_2, fma(vec4<f32>(h01_2.z), v01_2, a6_6)))); a6_7 = fma(vec4<f32>(h31_2.w), v31_2, fma(vec4<f32>(h21_2.w), v21_2, fma(vec4<f32>(h11_2.w), v11_2, fma(vec4<f32>(h01_2.w), v01_2, a6_7))));
      a7_4 = fma(vec4<f32>(h31_3.x), v31_3, fma(vec4<f32>(h21_3.x), v21_3, fma(vec4<f32>(h11_3.x), v11_3, fma(vec4<f32>(h01_3.x), v01_3, a7_4)))); a7_5 = fma(vec4<f32>(h31_3.y), v31_3, fma(vec4<f32>(h21_3.y), v21_3, fma(vec4<f32>(h11_3.y), v11_3, fma(vec4<f32>(h01_3.y), v01_3, a7_5)))); a7_6 = fma(vec4<f32>(h31_3.z), v31_3, fma(vec4<f32>(h21_3.z), v21_3, fma(vec4<f32>(h11_3.z), v11_3, fma(vec4<f32>(h01_3.z), v01_3, a7_6)))); a7_7 = fma(vec4<f32>(h31_3.w), v31_3, fma(vec4<f32>(h21_3.w), v21_3, fma(vec4<f32>(h11_3.w), v11_3, fma(vec4<f32>(h01_3.w), v01_3, a7_7))));
      a8_4 = fma(vec4<f32>(h32_0.x), v32_0, fma(vec4<f32>(h22_0.x), v22_0, fma(vec4<f32>(h12_0.x), v12_0, fma(vec4<f32>(h02_0.x), v02_0, a8_4)))); a8_5 = fma(vec4<f32>(h32_0.y), v32_0, fma(vec4<f32>(h22_0.y), v22_0, fma(vec4<f32>(h12_0.y), v12_0, fma(vec4<f32>(h02_0.y), v02_0, a8_5)))); a8_6 = fma(vec4<f32>(h32_0.z), v32_0, fma(vec4<f32>(h22_0.z), v22_0, fma(vec4<f32>(h12_0.z), v12_0, fma(vec4<f32>(h02_0.z), v02_0, a8_6)))); a8_7 = fma(vec4<f32>(h32_0.w), v32_0, fma(vec4<f32>(h22_0.w), v22_0, fma(vec4<f32>(h12_0.w), v12_0, fma(vec4<f32>(h02_0.w), v02_0, a8_7))));
      a9_4 = fma(vec4<f32>(h32_1.x), v32_1, fma(vec4<f32>(h22_1.x), v22_1, fma(vec4<f32>(h12_1.x), v12_1, fma(vec4<f32>(h02_1.x), v02_1, a9_4)))); a9_5 = fma(vec4<f32>(h32_1.y), v32_1, fma(vec4<f32>(h22_1.y), v22_1, fma(vec4<f32>(h12_1.y), v12_1, fma(vec4<f32>(h02_1.y), v02_1, a9_5)))); a9_6 = fma(vec4<f32>(h32_1.z), v32_1, fma(vec4<f32>(h22_1.z), v22_1, fma(vec4<f32>(h12_1.z), v12_1, fma(vec4<f32>(h02_1.z), v02_1, a9_6)))); a9_7 = fma(vec4<f32>(h32_1.w), v32_1, fma(vec4<f32>(h22_1.w), v22_1, fma(vec4<f32>(h12_1.w), v12_1, fma(vec4<f32>(h02_1.w), v02_1, a9_7))));
      a10_4 = fma(vec4<f32>(h32_2.x), v32_2, fma(vec4<f32>(h22_2.x), v22_2, fma(vec4<f32>(h12_2.x), v12_2, fma(vec4<f32>(h02_2.x), v02_2, a10_4)))); a10_5 = fma(vec4<f32>(h32_2.y), v32_2, fma(vec4<f32>(h22_2.y), v22_2, fma(vec4<f32>(h12_2.y), v12_2, fma(vec4<f32>(h02_2.y), v02_2, a10_5)))); a10_6 = fma(vec4<f32>(h32_2.z), v32_2, fma(vec4<f32>(h22_2.z), v22_2, fma(vec4<f32>(h12_2.z), v12_2, fma(vec4<f32>(h02_2.z), v02_2, a10_6)))); a10_7 = fma(vec4<f32>(h32_2.w), v32_2, fma(vec4<f32>(h22_2.w), v22_2, fma(vec4<f32>(h12_2.w), v12_2, fma(vec4<f32>(h02_2.w), v02_2, a10_7))));
      a11_4 = fma(vec4<f32>(h32_3.x), v32_3, fma(vec4<f32>(h22_3.x), v22_3, fma(vec4<f32>(h12_3.x), v12_3, fma(vec4<f32>(h02_3.x), v02_3, a11_4)))); a11_5 = fma(vec4<f32>(h32_3.y), v32_3, fma(vec4<f32>(h22_3.y), v22_3, fma(vec4<f32>(h12_3.y), v12_3, fma(vec4<f32>(h02_3.y), v02_3, a11_5)))); a11_6 = fma(vec4<f32>(h32_3.z), v32_3, fma(vec4<f32>(h22_3.z), v22_3, fma(vec4<f32>(h12_3.z), v12_3, fma(vec4<f32>(h02_3.z), v02_3, a11_6)))); a11_7 = fma(vec4<f32>(h32_3.w), v32_3, fma(vec4<f32>(h22_3.w), v22_3, fma(vec4<f32>(h12_3.w), v12_3, fma(vec4<f32>(h02_3.w), v02_3, a11_7))));
      a12_4 = fma(vec4<f32>(h33_0.x), v33_0, fma(vec4<f32>(h23_0.x), v23_0, fma(vec4<f32>(h13_0.x), v13_0, fma(vec4<f32>(h03_0.x), v03_0, a12_4)))); a12_5 = fma(vec4<f32>(h33_0.y), v33_0, fma(vec4<f32>(h23_0.y), v23_0, fma(vec4<f32>(h13_0.y), v13_0, fma(vec4<f32>(h03_0.y), v03_0, a12_5)))); a12_6 = fma(vec4<f32>(h33_0.z), v33_0, fma(vec4<f32>(h23_0.z), v23_0, fma(vec4<f32>(h13_0.z), v13_0, fma(vec4<f32>(h03_0.z), v03_0, a12_6)))); a12_7 = fma(vec4<f32>(h33_0.w), v33_0, fma(vec4<f32>(h23_0.w), v23_0, fma(vec4<f32>(h13_0.w), v13_0, fma(vec4<f32>(h03_0.w), v03_0, a12_7))));
      a13_4 = fma(vec4<f32>(h33_1.x), v33_1, fma(vec4<f32>(h23_1.x), v23_1, fma(vec4<f32>(h13_1.x), v13_1, fma(vec4<f32>(h03_1.x), v03_1, a13_4)))); a13_5 = fma(vec4<f32>(h33_1.y), v33_1, fma(vec4<f32>(h23_1.y), v23_1, fma(vec4<f32>(h13_1.y), v13_1, fma(vec4<f32>(h03_1.y), v03_1, a13_5)))); a13_6 = fma(vec4<f32>(h33_1.z), v33_1, fma(vec4<f32>(h23_1.z), v23_1, fma(vec4<f32>(h13_1.z), v13_1, fma(vec4<f32>(h03_1.z), v03_1, a13_6)))); a13_7 = fma(vec4<f32>(h33_1.w), v33_1, fma(vec4<f32>(h23_1.w), v23_1, fma(vec4<f32>(h13_1.w), v13_1, fma(vec4<f32>(h03_1.w), v03_1, a13_7))));
      a14_4 = fma(vec4<f32>(h33_2.x), v33_2, fma(vec4<f32>(h23_2.x), v23_2, fma(vec4<f32>(h13_2.x), v13_2, fma(vec4<f32>(h03_2.x), v03_2, a14_4)))); a14_5 = fma(vec4<f32>(h33_2.y), v33_2, fma(vec4<f32>(h23_2.y), v23_2, fma(vec4<f32>(h13_2.y), v13_2, fma(vec4<f32>(h03_2.y), v03_2, a14_5)))); a14_6 = fma(vec4<f32>(h33_2.z), v33_2, fma(vec4<f32>(h23_2.z), v23_2, fma(vec4<f32>(h13_2.z), v13_2, fma(vec4<f32>(h03_2.z), v03_2, a14_6)))); a14_7 = fma(vec4<f32>(h33_2.w), v33_2, fma(vec4<f32>(h23_2.w), v23_2, fma(vec4<f32>(h13_2.w), v13_2, fma(vec4<f32>(h03_2.w), v03_2, a14_7))));
      a15_4 = fma(vec4<f32>(h33_3.x), v33_3, fma(vec4<f32>(h23_3.x), v23_3, fma(vec4<f32>(h13_3.x), v13_3, fma(vec4<f32>(h03_3.x), v03_3, a15_4)))); a15_5 = fma(vec4<f32>(h33_3.y), v33_3, fma(vec4<f32>(h23_3.y), v23_3, fma(vec4<f32>(h13_3.y), v13_3, fma(vec4<f32>(h03_3.y), v03_3, a15_5)))); a15_6 = fma(vec4<f32>(h33_3.z), v33_3, fma(vec4<f32>(h23_3.z), v23_3, fma(vec4<f32>(h13_3.z), v13_3, fma(vec4<f32>(h03_3.z), v03_3, a15_6)))); a15_7 = fma(vec4<f32>(h33_3.w), v33_3, fma(vec4<f32>(h23_3.w), v23_3, fma(vec4<f32>(h13_3.w), v13_3, fma(vec4<f32>(h03_3.w), v03_3, a15_7))));
    }
    {
      let gr0 = ldgRow(0u, 2u); let g0_0 = gr0[0]; let g0_1 = gr0[1]; let g0_2 = gr0[2]; let g0_3 = gr0[3]; let g0_4 = gr0[4]; let g0_5 = gr0[5]; let g0_6 = gr0[6]; let g0_7 = gr0[7]; let gr1 = ldgRow(1u, 2u); let g1_0 = gr1[0]; let g1_1 = gr1[1]; let g1_2 = gr1[2]; let g1_3 = gr1[3]; let g1_4 = gr1[4]; let g1_5 = gr1[5]; let g1_6 = gr1[6]; let g1_7 = gr1[7];
      let q00_0 = g0_0; let q00_1 = g0_1;
      let h00_0 = q00_0; let h00_1 = q00_0 + q00_1; let h00_2 = q00_0 - q00_1; let h00_3 = -q00_1;
      let q01_0 = g0_0 + g1_0; let q01_1 = g0_1 + g1_1;
      let h01_0 = q01_0; let h01_1 = q01_0 + q01_1; let h01_2 = q01_0 - q01_1; let h01_3 = -q01_1;
      let q02_0 = g0_0 - g1_0; let q02_1 = g0_1 - g1_1;
      let h02_0 = q02_0; let h02_1 = q02_0 + q02_1; let h02_2 = q02_0 - q02_1; let h02_3 = -q02_1;
      let q03_0 = -g1_0; let q03_1 = -g1_1;
      let h03_0 = q03_0; let h03_1 = q03_0 + q03_1; let h03_2 = q03_0 - q03_1; let h03_3 = -q03_1;
      let q10_0 = g0_2; let q10_1 = g0_3;
      let h10_0 = q10_0; let h10_1 = q10_0 + q10_1; let h10_2 = q10_0 - q10_1; let h10_3 = -q10_1;
      let q11_0 = g0_2 + g1_2; let q11_1 = g0_3 + g1_3;
      let h11_0 = q11_0; let h11_1 = q11_0 + q11_1; let h11_2 = q11_0 - q11_1; let h11_3 = -q11_1;
      let q12_0 = g0_2 - g1_2; let q12_1 = g0_3 - g1_3;
      let h12_0 = q12_0; let h12_1 = q12_0 + q12_1; let h12_2 = q12_0 - q12_1; let h12_3 = -q12_1;
      let q13_0 = -g1_2; let q13_1 = -g1_3;
      let h13_0 = q13_0; let h13_1 = q13_0 + q13_1; let h13_2 = q13_0 - q13_1; let h13_3 = -q13_1;
      let q20_0 = g0_4; let q20_1 = g0_5;
      let h20_0 = q20_0; let h20_1 = q20_0 + q20_1; let h20_2 = q20_0 - q20_1; let h20_3 = -q20_1;
      let q21_0 = g0_4 + g1_4; let q21_1 = g0_5 + g1_5;
      let h21_0 = q21_0; let h21_1 = q21_0 + q21_1; let h21_2 = q21_0 - q21_1; let h21_3 = -q21_1;
      let q22_0 = g0_4 - g1_4; let q22_1 = g0_5 - g1_5;
      let h22_0 = q22_0; let h22_1 = q22_0 + q22_1; let h22_2 = q22_0 - q22_1; let h22_3 = -q22_1;
      let q23_0 = -g1_4; let q23_1 = -g1_5;
      let h23_0 = q23_0; let h23_1 = q23_0 + q23_1; let h23_2 = q23_0 - q23_1; let h23_3 = -q23_1;
      let q30_0 = g0_6; let q30_1 = g0_7;
      let h30_0 = q30_0; let h30_1 = q30_0 + q30_1; let h30_2 = q30_0 - q30_1; let h30_3 = -q30_1;
      let q31_0 = g0_6 + g1_6; let q31_1 = g0_7 + g1_7;
      let h31_0 = q31_0; let h31_1 = q31_0 + q31_1; let h31_2 = q31_0 - q31_1; let h31_3 = -q31_1;
      let q32_0 = g0_6 - g1_6; let q32_1 = g0_7 - g1_7;
      let h32_0 = q32_0; let h32_1 = q32_0 + q32_1; let h32_2 = q32_0 - q32_1; let h32_3 = -q32_1;
      let q33_0 = -g1_6; let q33_1 = -g1_7;
      let h33_0 = q33_0; let h33_1 = q33_0 + q33_1; let h33_2 = q33_0 - q33_1; let h33_3 = -q33_1;
      a0_8 = fma(vec4<f32>(h30_0.x), v30_0, fma(vec4<f32>(h20_0.x), v20_0, fma(vec4<f32>(h10_0.x), v10_0, fma(vec4<f32>(h00_0.x), v00_0, a0_8)))); a0_9 = fma(vec4<f32>(h30_0.y), v30_0, fma(vec4<f32>(h20_0.y), v20_0, fma(vec4<f32>(h10_0.y), v10_0, fma(vec4<f32>(h00_0.y), v00_0, a0_9)))); a0_10 = fma(vec4<f32>(h30_0.z), v30_0, fma(vec4<f32>(h20_0.z), v20_0, fma(vec4<f32>(h10_0.z), v10_0, fma(vec4<f32>(h00_0.z), v00_0, a0_10)))); a0_11 = fma(vec4<f32>(h30_0.w), v30_0, fma(vec4<f32>(h20_0.w), v20_0, fma(vec4<f32>(h10_0.w), v10_0, fma(vec4<f32>(h00_0.w), v00_0, a0_11))));
      a1_8 = fma(vec4<f32>(h30_1.x), v30_1, fma(vec4<f32>(h20_1.x), v20_1, fma(vec4<f32>(h10_1.x), v10_1, fma(vec4<f32>(h00_1.x), v00_1, a1_8)))); a1_9 = fma(vec4<f32>(h30_1.y), v30_1, fma(vec4<f32>(h20_1.y), v20_1, fma(vec4<f32>(h10_1.y), v10_1, fma(vec4<f32>(h00_1.y), v00_1, a1_9)))); a1_10 = fma(vec4<f32>(h30_1.z), v30_1, fma(vec4<f32>(h20_1.z), v20_1, fma(vec4<f32>(h10_1.z), v10_1, fma(vec4<f32>(h00_1.z), v00_1, a1_10)))); a1_11 = fma(vec4<f32>(h30_1.w), v30_1, fma(vec4<f32>(h20_1.w), v20_1, fma(vec4<f32>(h10_1.w), v10_1, fma(vec4<f32>(h00_1.w), v00_1, a1_11))));
      a2_8 = fma(vec4<f32>(h30_2.x), v30_2, fma(vec4<f32>(h20_2.x), v20_2, fma(vec4<f32>(h10_2.x), v10_2, fma(vec4<f32>(h00_2.x), v00_2, a2_8)))); a2_9 = fma(vec4<f32>(h30_2.y), v30_2, fma(vec4<f32>(h20_2.y), v20_2, fma(vec4<f32>(h10_2.y), v10_2, fma(vec4<f32>(h00_2.y), v00_2, a2_9)))); a2_10 = fma(vec4<f32>(h30_2.z), v30_2, fma(vec4<f32>(h20_2.z), v20_2, fma(vec4<f32>(h10_2.z), v10_2, fma(vec4<f32>(h00_2.z), v00_2, a2_10)))); a2_11 = fma(vec4<f32>(h30_2.w), v30_2, fma(vec4<f32>(h20_2.w), v20_2, fma(vec4<f32>(h10_2.w), v10_2, fma(vec4<f32>(h00_2.w), v00_2, a2_11))));
      a3_8 = fma(vec4<f32>(h30_3.x), v30_3, fma(vec4<f32>(h20_3.x), v20_3, fma(vec4<f32>(h10_3.x), v10_3, fma(vec4<f32>(h00_3.x), v00_3, a3_8)))); a3_9 = fma(vec4<f32>(h30_3.y), v30_3, fma(vec4<f32>(h20_3.y), v20_3, fma(vec4<f32>(h10_3.y), v10_3, fma(vec4<f32>(h00_3.y), v00_3, a3_9)))); a3_10 = fma(vec4<f32>(h30_3.z), v30_3, fma(vec4<f32>(h20_3.z), v20_3, fma(vec4<f32>(h10_3.z), v10_3, fma(vec4<f32>(h00_3.z), v00_3, a3_10)))); a3_11 = fma(vec4<f32>(h30_3.w), v30_3, fma(vec4<f32>(h20_3.w), v20_3, fma(vec4<f32>(h10_3.w), v10_3, fma(vec4<f32>(h00_3.w), v00_3, a3_11))));
      a4_8 = fma(vec4<f32>(h31_0.x), v31_0, fma(vec4<f32>(h21_0.x), v21_0, fma(vec4<f32>(h11_0.x), v11_0, fma(vec4<f32>(h01_0.x), v01_0, a4_8)))); a4_9 = fma(vec4<f32>(h31_0.y), v31_0, fma(vec4<f32>(h21_0.y), v21_0, fma(vec4<f32>(h11_0.y), v11_0, fma(vec4<f32>(h01_0.y), v01_0, a4_9)))); a4_10 = fma(vec4<f32>(h31_0.z), v31_0, fma(vec4<f32>(h21_0.z), v21_0, fma(vec4<f32>(h11_0.z), v11_0, fma(vec4<f32>(h01_0.z), v01_0, a4_10)))); a4_11 = fma(vec4<f32>(h31_0.w), v31_0, fma(vec4<f32>(h21_0.w), v21_0, fma(vec4<f32>(h11_0.w), v11_0, fma(vec4<f32>(h01_0.w), v01_0, a4_11))));
      a5_8 = fma(vec4<f32>(h31_1.x), v31_1, fma(vec4<f32>(h21_1.x), v21_1, fma(vec4<f32>(h11_1.x), v11_1, fma(vec4<f32>(h01_1.x), v01_1, a5_8)))); a5_9 = fma(vec4<f32>(h31_1.y), v31_1, fma(vec4<f32>(h21_1.y), v21_1, fma(vec4<f32>(h11_1.y), v11_1, fma(vec4<f32>(h01_1.y), v01_1, a5_9)))); a5_10 = fma(vec4<f32>(h31_1.z), v31_1, fma(vec4<f32>(h21_1.z), v21_1, fma(vec4<f32>(h11_1.z), v11_1, fma(vec4<f32>(h01_1.z), v01_1, a5_10)))); a5_11 = fma(vec4<f32>(h31_1.w), v31_1, fma(vec4<f32>(h21_1.w), v21_1, fma(vec4<f32>(h11_1.w), v11_1, fma(vec4<f32>(h01_1.w), v01_1, a5_11))));
      a6_8 = fma(vec4<f32>(h31_2.x), v31_2, fma(vec4<f32>(h21_2.x), v21_2, fma(vec4<f32>(h11_2.x), v11_2, fma(vec4<f32>(h01_2.x), v01_2, a6_8)))); a6_9 = fma(vec4<f32>(h31_2.y), v31_2, fma(vec4<f32>(h21_2.y), v21_2, fma(vec4<f32>(h11_2.y), v11_2, fma(vec4<f32>(h01_2.y), v01_2, a6_9)))); a6_10 = fma(vec4<f32>(h31_2.z), v31_2, fma(vec4<f32>(h21_2.z), v21_2, fma(vec4<f32>(h11_2.z), v11_2, fma(vec4<f32>(h01_2.z), v01_2, a6_10)))); a6_11 = fma(vec4<f32>(h31_2.w), v31_2, fma(vec4<f32>(h21_2.w), v21_2, fma(vec4<f32>(h11_2.w), v11_2, fma(vec4<f32>(h01_2.w), v01_2, a6_11))));
      a7_8 = fma(vec4<f32>(h31_3.x), v31_3, fma(vec4<f32>(h21_3.x), v21_3, fma(vec4<f32>(h11_3.x), v11_3, fma(vec4<f32>(h01_3.x), v01_3, a7_8)))); a7_9 = fma(vec4<f32>(h31_3.y), v31_3, fma(vec4<f32>(h21_3.y), v21_3, fma(vec4<f32>(h11_3.y), v11_3, fma(vec4<f32>(h01_3.y), v01_3, a7_9)))); a7_10 = fma(vec4<f32>(h31_3.z), v31_3, fma(vec4<f32>(h21_3.z), v21_3, fma(vec4<f32>(h11_3.z), v11_3, fma(vec4<f32>(h01_3.z), v01_3, a7_10)))); a7_11 = fma(vec4<f32>(h31_3.w), v31_3, fma(vec4<f32>(h21_3.w), v21_3, fma(vec4<f32>(h11_3.w), v11_3, fma(vec4<f32>(h01_3.w), v01_3, a7_11))));
      a8_8 = fma(vec4<f32>(h32_0.x), v32_0, fma(vec4<f32>(h22_0.x), v22_0, fma(vec4<f32>(h12_0.x), v12_0, fma(vec4<f32>(h02_0.x), v02_0, a8_8)))); a8_9 = fma(vec4<f32>(h32_0.y), v32_0, fma(vec4<f32>(h22_0.y), v22_0, fma(vec4<f32>(h12_0.y), v12_0, fma(vec4<f32>(h02_0.y), v02_0, a8_9)))); a8_10 = fma(vec4<f32>(h32_0.z), v32_0, fma(vec4<f32>(h22_0.z), v22_0, fma(vec4<f32>(h12_0.z), v12_0, fma(vec4<f32>(h02_0.z), v02_0, a8_10)))); a8_11 = fma(vec4<f32>(h32_0.w), v32_0, fma(vec4<f32>(h22_0.w), v22_0, fma(vec4<f32>(h12_0.w), v12_0, fma(vec4<f32>(h02_0.w), v02_0, a8_11))));
      a9_8 = fma(vec4<f32>(h32_1.x), v32_1, fma(vec4<f32>(h22_1.x), v22_1, fma(vec4<f32>(h12_1.x), v12_1, fma(vec4<f32>(h02_1.x), v02_1, a9_8)))); a9_9 = fma(vec4<f32>(h32_1.y), v32_1, fma(vec4<f32>(h22_1.y), v22_1, fma(vec4<f32>(h12_1.y), v12_1, fma(vec4<f32>(h02_1.y), v02_1, a9_9)))); a9_10 = fma(vec4<f32>(h32_1.z), v32_1, fma(vec4<f32>(h22_1.z), v22_1, fma(vec4<f32>(h12_1.z), v12_1, fma(vec4<f32>(h02_1.z), v02_1, a9_10)))); a9_11 = fma(vec4<f32>(h32_1.w), v32_1, fma(vec4<f32>(h22_1.w), v22_1, fma(vec4<f32>(h12_1.w), v12_1, fma(vec4<f32>(h02_1.w), v02_1, a9_11))));
      a10_8 = fma(vec4<f32>(h32_2.x), v32_2, fma(vec4<f32>(h22_2.x), v22_2, fma(vec4<f32>(h12_2.x), v12_2, fma(vec4<f32>(h02_2.x), v02_2, a10_8)))); a10_9 = fma(vec4<f32>(h32_2.y), v32_2, fma(vec4<f32>(h22_2.y), v22_2, fma(vec4<f32>(h12_2.y), v12_2, fma(vec4<f32>(h02_2.y), v02_2, a10_9)))); a10_10 = fma(vec4<f32>(h32_2.z), v32_2, fma(vec4<f32>(h22_2.z), v22_2, fma(vec4<f32>(h12_2.z), v12_2, fma(vec4<f32>(h02_2.z), v02_2, a10_10)))); a10_11 = fma(vec4<f32>(h32_2.w), v32_2, fma(vec4<f32>(h22_2.w), v22_2, fma(vec4<f32>(h12_2.w), v12_2, fma(vec4<f32>(h02_2.w), v02_2, a10_11))));
      a11_8 = fma(vec4<f32>(h32_3.x), v32_3, fma(vec4<f32>(h22_3.x), v22_3, fma(vec4<f32>(h12_3.x), v12_3, fma(vec4<f32>(h02_3.x), v02_3, a11_8)))); a11_9 = fma(vec4<f32>(h32_3.y), v32_3, fma(vec4<f32>(h22_3.y), v22_3, fma(vec4<f32>(h12_3.y), v12_3, fma(vec4<f32>(h02_3.y), v02_3, a11_9)))); a11_10 = fma(vec4<f32>(h32_3.z), v32_3, fma(vec4<f32>(h22_3.z), v22_3, fma(vec4<f32>(h12_3.z), v12_3, fma(vec4<f32>(h02_3.z), v02_3, a11_10)))); a11_11 = fma(vec4<f32>(h32_3.w), v32_3, fma(vec4<f32>(h22_3.w), v22_3, fma(vec4<f32>(h12_3.w), v12_3, fma(vec4<f32>(h02_3.w), v02_3, a11_11))));
      a12_8 = fma(vec4<f32>(h33_0.x), v33_0, fma(vec4<f32>(h23_0.x), v23_0, fma(vec4<f32>(h13_0.x), v13_0, fma(vec4<f32>(h03_0.x), v03_0, a12_8)))); a12_9 = fma(vec4<f32>(h33_0.y), v33_0, fma(vec4<f32>(h23_0.y), v23_0, fma(vec4<f32>(h13_0.y), v13_0, fma(vec4<f32>(h03_0.y), v03_0, a12_9)))); a12_10 = fma(vec4<f32>(h33_0.z), v33_0, fma(vec4<f32>(h23_0.z), v23_0, fma(vec4<f32>(h13_0.z), v13_0, fma(vec4<f32>(h03_0.z), v03_0, a12_10)))); a12_11 = fma(vec4<f32>(h33_0.w), v33_0, fma(vec4<f32>(h23_0.w), v23_0, fma(vec4<f32>(h13_0.w), v13_0, fma(vec4<f32>(h03_0.w), v03_0, a12_11))));
      a13_8 = fma(vec4<f32>(h33_1.x), v33_1, fma(vec4<f32>(h23_1.x), v23_1, fma(vec4<f32>(h13_1.x), v13_1, fma(vec4<f32>(h03_1.x), v03_1, a13_8)))); a13_9 = fma(vec4<f32>(h33_1.y), v33_1, fma(vec4<f32>(h23_1.y), v23_1, fma(vec4<f32>(h13_1.y), v13_1, fma(vec4<f32>(h03_1.y), v03_1, a13_9)))); a13_10 = fma(vec4<f32>(h33_1.z), v33_1, fma(vec4<f32>(h23_1.z), v23_1, fma(vec4<f32>(h13_1.z), v13_1, fma(vec4<f32>(h03_1.z), v03_1, a13_10)))); a13_11 = fma(vec4<f32>(h33_1.w), v33_1, fma(vec4<f32>(h23_1.w), v23_1, fma(vec4<f32>(h13_1.w), v13_1, fma(vec4<f32>(h03_1.w), v03_1, a13_11))));
      a14_8 = fma(vec4<f32>(h33_2.x), v33_2, fma(vec4<f32>(h23_2.x), v23_2, fma(vec4<f32>(h13_2.x), v13_2, fma(vec4<f32>(h03_2.x), v03_2, a14_8)))); a14_9 = fma(vec4<f32>(h33_2.y), v33_2, fma(vec4<f32>(h23_2.y), v23_2, fma(vec4<f32>(h13_2.y), v13_2, fma(vec4<f32>(h03_2.y), v03_2, a14_9)))); a14_10 = fma(vec4<f32>(h33_2.z), v33_2, fma(vec4<f32>(h23_2.z), v23_2, fma(vec4<f32>(h13_2.z), v13_2, fma(vec4<f32>(h03_2.z), v03_2, a14_10)))); a14_11 = fma(vec4<f32>(h33_2.w), v33_2, fma(vec4<f32>(h23_2.w), v23_2, fma(vec4<f32>(h13_2.w), v13_2, fma(vec4<f32>(h03_2.w), v03_2, a14_11))));
      a15_8 = fma(vec4<f32>(h33_3.x), v33_3, fma(vec4<f32>(h23_3.x), v23_3, fma(vec4<f32>(h13_3.x), v13_3, fma(vec4<f32>(h03_3.x), v03_3, a15_8)))); a15_9 = fma(vec4<f32>(h33_3.y), v33_3, fma(vec4<f32>(h23_3.y), v23_3, fma(vec4<f32>(h13_3.y), v13_3, fma(vec4<f32>(h03_3.y), v03_3, a15_9)))); a15_10 = fma(vec4<f32>(h33_3.z), v33_3, fma(vec4<f32>(h23_3.z), v23_3, fma(vec4<f32>(h13_3.z), v13_3, fma(vec4<f32>(h03_3.z), v03_3, a15_10)))); a15_11 = fma(vec4<f32>(h33_3.w), v33_3, fma(vec4<f32>(h23_3.w), v23_3, fma(vec4<f32>(h13_3.w), v13_3, fma(vec4<f32>(h03_3.w), v03_3, a15_11))));
    }
    {
      let gr0 = ldgRow(0u, 3u); let g0_0 = gr0[0]; let g0_1 = gr0[1]; let g0_2 = gr0[2]; let g0_3 = gr0[3]; let g0_4 = gr0[4]; let g0_5 = gr0[5]; let g0_6 = gr0[6]; let g0_7 = gr0[7]; let gr1 = ldgRow(1u, 3u); let g1_0 = gr1[0]; let g1_1 = gr1[1]; let g1_2 = gr1[2]; let g1_3 = gr1[3]; let g1_4 = gr1[4]; let g1_5 = gr1[5]; let g1_6 = gr1[6]; let g1_7 = gr1[7];
      let q00_0 = g0_0; let q00_1 = g0_1;
      let h00_0 = q00_0; let h00_1 = q00_0 + q00_1; let h00_2 = q00_0 - q00_1; let h00_3 = -q00_1;
      let q01_0 = g0_0 + g1_0; let q01_1 = g0_1 + g1_1;
      let h01_0 = q01_0; let h01_1 = q01_0 + q01_1; let h01_2 = q01_0 - q01_1; let h01_3 = -q01_1;
      let q02_0 = g0_0 - g1_0; let q02_1 = g0_1 - g1_1;
      let h02_0 = q02_0; let h02_1 = q02_0 + q02_1; let h02_2 = q02_0 - q02_1; let h02_3 = -q02_1;
      let q03_0 = -g1_0; let q03_1 = -g1_1;
      let h03_0 = q03_0; let h03_1 = q03_0 + q03_1; let h03_2 = q03_0 - q03_1; let h03_3 = -q03_1;
      let q10_0 = g0_2; let q10_1 = g0_3;
      let h10_0 = q10_0; let h10_1 = q10_0 + q10_1; let h10_2 = q10_0 - q10_1; let h10_3 = -q10_1;
      let q11_0 = g0_2 + g1_2; let q11_1 = g0_3 + g1_3;
      let h11_0 = q11_0; let h11_1 = q11_0 + q11_1; let h11_2 = q11_0 - q11_1; let h11_3 = -q11_1;
      let q12_0 = g0_2 - g1_2; let q12_1 = g0_3 - g1_3;
      let h12_0 = q12_0; let h12_1 = q12_0 + q12_1; let h12_2 = q12_0 - q12_1; let h12_3 = -q12_1;
      let q13_0 = -g1_2; let q13_1 = -g1_3;
      let h13_0 = q13_0; let h13_1 = q13_0 + q13_1; let h13_2 = q13_0 - q13_1; let h13_3 = -q13_1;
      let q20_0 = g0_4; let q20_1 = g0_5;
      let h20_0 = q20_0; let h20_1 = q20_0 + q20_1; let h20_2 = q20_0 - q20_1; let h20_3 = -q20_1;
      let q21_0 = g0_4 + g1_4; let q21_1 = g0_5 + g1_5;
      let h21_0 = q21_0; let h21_1 = q21_0 + q21_1; let h21_2 = q21_0 - q21_1; let h21_3 = -q21_1;
      let q22_0 = g0_4 - g1_4; let q22_1 = g0_5 - g1_5;
      let h22_0 = q22_0; let h22_1 = q22_0 + q22_1; let h22_2 = q22_0 - q22_1; let h22_3 = -q22_1;
      let q23_0 = -g1_4; let q23_1 = -g1_5;
      let h23_0 = q23_0; let h23_1 = q23_0 + q23_1; let h23_2 = q23_0 - q23_1; let h23_3 = -q23_1;
      let q30_0 = g0_6; let q30_1 = g0_7;
      let h30_0 = q30_0; let h30_1 = q30_0 + q30_1; let h30_2 = q30_0 - q30_1; let h30_3 = -q30_1;
      let q31_0 = g0_6 + g1_6; let q31_1 = g0_7 + g1_7;
      let h31_0 = q31_0; let h31_1 = q31_0 + q31_1; let h31_2 = q31_0 - q31_1; let h31_3 = -q31_1;
      let q32_0 = g0_6 - g1_6; let q32_1 = g0_7 - g1_7;
      let h32_0 = q32_0; let h32_1 = q32_0 + q32_1; let h32_2 = q32_0 - q32_1; let h32_3 = -q32_1;
      let q33_0 = -g1_6; let q33_1 = -g1_7;
      let h33_0 = q33_0; let h33_1 = q33_0 + q33_1; let h33_2 = q33_0 - q33_1; let h33_3 = -q33_1;
      a0_12 = fma(vec4<f32>(h30_0.x), v30_0, fma(vec4<f32>(h20_0.x), v20_0, fma(vec4<f32>(h10_0.x), v10_0, fma(vec4<f32>(h00_0.x), v00_0, a0_12)))); a0_13 = fma(vec4<f32>(h30_0.y), v30_0, fma(vec4<f32>(h20_0.y), v20_0, fma(vec4<f32>(h10_0.y), v10_0, fma(vec4<f32>(h00_0.y), v00_0, a0_13)))); a0_14 = fma(vec4<f32>(h30_0.z), v30_0, fma(vec4<f32>(h20_0.z), v20_0, fma(vec4<f32>(h10_0.z), v10_0, fma(vec4<f32>(h00_0.z), v00_0, a0_14)))); a0_15 = fma(vec4<f32>(h30_0.w), v30_0, fma(vec4<f32>(h20_0.w), v20_0, fma(vec4<f32>(h10_0.w), v10_0, fma(vec4<f32>(h00_0.w), v00_0, a0_15))));
      a1_12 = fma(vec4<f32>(h30_1.x), v30_1, fma(vec4<f32>(h20_1.x), v20_1, fma(vec4<f32>(h10_1.x), v10_1, fma(vec4<f32>(h00_1.x), v00_1, a1_12)))); a1_13 = fma(vec4<f32>(h30_1.y), v30_1, fma(vec4<f32>(h20_1.y), v20_1, fma(vec4<f32>(h10_1.y), v10_1, fma(vec4<f32>(h00_1.y), v00_1, a1_13)))); a1_14 = fma(vec4<f32>(h30_1.z), v30_1, fma(vec4<f32>(h20_1.z), v20_1, fma(vec4<f32>(h10_1.z), v10_1, fma(vec4<f32>(h00_1.z), v00_1, a1_14)))); a1_15 = fma(vec4<f32>(h30_1.w), v30_1, fma(vec4<f32>(h20_1.w), v20_1, fma(vec4<f32>(h10_1.w), v10_1, fma(vec4<f32>(h00_1.w), v00_1, a1_15))));
      a2_12 = fma(vec4<f32>(h30_2.x), v30_2, fma(vec4<f32>(h20_2.x), v20_2, fma(vec4<f32>(h10_2.x), v10_2, fma(vec4<f32>(h00_2.x), v00_2, a2_12)))); a2_13 = fma(vec4<f32>(h30_2.y), v30_2, fma(vec4<f32>(h20_2.y), v20_2, fma(vec4<f32>(h10_2.y), v10_2, fma(vec4<f32>(h00_2.y), v00_2, a2_13)))); a2_14 = fma(vec4<f32>(h30_2.z), v30_2, fma(vec4<f32>(h20_2.z), v20_2, fma(vec4<f32>(h10_2.z), v10_2, fma(vec4<f32>(h00_2.z), v00_2, a2_14)))); a2_15 = fma(vec4<f32>(h30_2.w), v30_2, fma(vec4<f32>(h20_2.w), v20_2, fma(vec4<f32>(h10_2.w), v10_2, fma(vec4<f32>(h00_2.w), v00_2, a2_15))));
      a3_12 = fma(vec4<f32>(h30_3.x), v30_3, fma(vec4<f32>(h20_3.x), v20_3, fma(vec4<f32>(h10_3.x), v10_3, fma(vec4<f32>(h00_3.x), v00_3, a3_12)))); a3_13 = fma(vec4<f32>(h30_3.y), v30_3, fma(vec4<f32>(h20_3.y), v20_3, fma(vec4<f32>(h10_3.y), v10_3, fma(vec4<f32>(h00_3.y), v00_3, a3_13)))); a3_14 = fma(vec4<f32>(h30_3.z), v30_3, fma(vec4<f32>(h20_3.z), v20_3, fma(vec4<f32>(h10_3.z), v10_3, fma(vec4<f32>(h00_3.z), v00_3, a3_14)))); a3_15 = fma(vec4<f32>(h30_3.w), v30_3, fma(vec4<f32>(h20_3.w), v20_3, fma(vec4<f32>(h10_3.w), v10_3, fma(vec4<f32>(h00_3.w), v00_3, a3_15))));
      a4_12 = fma(vec4<f32>(h31_0.x), v31_0, fma(vec4<f32>(h21_0.x), v21_0, fma(vec4<f32>(h11_0.x), v11_0, fma(vec4<f32>(h01_0.x), v01_0, a4_12)))); a4_13 = fma(vec4<f32>(h31_0.y), v31_0, fma(vec4<f32>(h21_0.y), v21_0, fma(vec4<f32>(h11_0.y), v11_0, fma(vec4<f32>(h01_0.y), v01_0, a4_13)))); a4_14 = fma(vec4<f32>(h31_0.z), v31_0, fma(vec4<f32>(h21_0.z), v21_0, fma(vec4<f32>(h11_0.z), v11_0, fma(vec4<f32>(h01_0.z), v01_0, a4_14)))); a4_15 = fma(vec4<f32>(h31_0.w), v31_0, fma(vec4<f32>(h21_0.w), v21_0, fma(vec4<f32>(h11_0.w), v11_0, fma(vec4<f32>(h01_0.w), v01_0, a4_15))));
      a5_12 = fma(vec4<f32>(h31_1.x), v31_1, fma(vec4<f32>(h21_1.x), v21_1, fma(vec4<f32>(h11_1.x), v11_1, fma(vec4<f32>(h01_1.x), v01_1, a5_12)))); a5_13 = fma(vec4<f32>(h31_1.y), v31_1, fma(vec4<f32>(h21_1.y), v21_1, fma(vec4<f32>(h11_1.y), v11_1, fma(vec4<f32>(h01_1.y), v01_1, a5_13)))); a5_14 = fma(vec4<f32>(h31_1.z), v31_1, fma(vec4<f32>(h21_1.z), v21_1, fma(vec4<f32>(h11_1.z), v11_1, fma(vec4<f32>(h01_1.z), v01_1, a5_14)))); a5_15 = fma(vec4<f32>(h31_1.w), v31_1, fma(vec4<f32>(h21_1.w), v21_1, fma(vec4<f32>(h11_1.w), v11_1, fma(vec4<f32>(h01_1.w), v01_1, a5_15))));
      a6_12 = fma(vec4<f32>(h31_2.x), v31_2, fma(vec4<f32>(h21_2.x), v21_2, fma(vec4<f32>(h11_2.x), v11_2, fma(vec4<f32>(h01_2.x), v01_2, a6_12)))); a6_13 = fma(vec4<f32>(h31_2.y), v31_2, fma(vec4<f32>(h21_2.y), v21_2, fma(vec4<f32>(h11_2.y), v11_2, fma(vec4<f32>(h01_2.y), v01_2, a6_13)))); a6_14 = fma(vec4<f32>(h31_2.z), v31_2, fma(vec4<f32>(h21_2.z), v21_2, fma(vec4<f32>(h11_2.z), v11_2, fma(vec4<f32>(h01_2.z), v01_2, a6_14)))); a6_15 = fma(vec4<f32>(h31_2.w), v31_2, fma(vec4<f32>(h21_2.w), v21_2, fma(vec4<f32>(h11_2.w), v11_2, fma(vec4<f32>(h01_2.w), v01_2, a6_15))));
      a7_12 = fma(vec4<f32>(h31_3.x), v31_3, fma(vec4<f32>(h21_3.x), v21_3, fma(vec4<f32>(h11_3.x), v11_3, fma(vec4<f32>(h01_3.x), v01_3, a7_12)))); a7_13 = fma(vec4<f32>(h31_3.y), v31_3, fma(vec4<f32>(h21_3.y), v21_3, fma(vec4<f32>(h11_3.y), v11_3, fma(vec4<f32>(h01_3.y), v01_3, a7_13)))); a7_14 = fma(vec4<f32>(h31_3.z), v31_3, fma(vec4<f32>(h21_3.z), v21_3, fma(vec4<f32>(h11_3.z), v11_3, fma(vec4<f32>(h01_3.z), v01_3, a7_14)))); a7_15 = fma(vec4<f32>(h31_3.w), v31_3, fma(vec4<f32>(h21_3.w), v21_3, fma(vec4<f32>(h11_3.w), v11_3, fma(vec4<f32>(h01_3.w), v01_3, a7_15))));
      a8_12 = fma(vec4<f32>(h32_0.x), v32_0, fma(vec4<f32>(h22_0.x), v22_0, fma(vec4<f32>(h12_0.x), v12_0, fma(vec4<f32>(h02_0.x), v02_0, a8_12)))); a8_13 = fma(vec4<f32>(h32_0.y), v32_0, fma(vec4<f32>(h22_0.y), v22_0, fma(vec4<f32>(h12_0.y), v12_0, fma(vec4<f32>(h02_0.y), v02_0, a8_13)))); a8_14 = fma(vec4<f32>(h32_0.z), v32_0, fma(vec4<f32>(h22_0.z), v22_0, fma(vec4<f32>(h12_0.z), v12_0, fma(vec4<f32>(h02_0.z), v02_0, a8_14)))); a8_15 = fma(vec4<f32>(h32_0.w), v32_0, fma(vec4<f32>(h22_0.w), v22_0, fma(vec4<f32>(h12_0.w), v12_0, fma(vec4<f32>(h02_0.w), v02_0, a8_15))));
      a9_12 = fma(vec4<f32>(h32_1.x), v32_1, fma(vec4<f32>(h22_1.x), v22_1, fma(vec4<f32>(h12_1.x), v12_1, fma(vec4<f32>(h02_1.x), v02_1, a9_12)))); a9_13 = fma(vec4<f32>(h32_1.y), v32_1, fma(vec4<f32>(h22_1.y), v22_1, fma(vec4<f32>(h12_1.y), v12_1, fma(vec4<f32>(h02_1.y), v02_1, a9_13)))); a9_14 = fma(vec4<f32>(h32_1.z), v32_1, fma(vec4<f32>(h22_1.z), v22_1, fma(vec4<f32>(h12_1.z), v12_1, fma(vec4<f32>(h02_1.z), v02_1, a9_14)))); a9_15 = fma(vec4<f32>(h32_1.w), v32_1, fma(vec4<f32>(h22_1.w), v22_1, fma(vec4<f32>(h12_1.w), v12_1, fma(vec4<f32>(h02_1.w), v02_1, a9_15))));
      a10_12 = fma(vec4<f32>(h32_2.x), v32_2, fma(vec4<f32>(h22_2.x), v22_2, fma(vec4<f32>(h12_2.x), v12_2, fma(vec4<f32>(h02_2.x), v02_2, a10_12)))); a10_13 = fma(vec4<f32>(h32_2.y), v32_2, fma(vec4<f32>(h22_2.y), v22_2, fma(vec4<f32>(h12_2.y), v12_2, fma(vec4<f32>(h02_2.y), v02_2, a10_13)))); a10_14 = fma(vec4<f32>(h32_2.z), v32_2, fma(vec4<f32>(h22_2.z), v22_2, fma(vec4<f32>(h12_2.z), v12_2, fma(vec4<f32>(h02_2.z), v02_2, a10_14)))); a10_15 = fma(vec4<f32>(h32_2.w), v32_2, fma(vec4<f32>(h22_2.w), v22_2, fma(vec4<f32>(h12_2.w), v12_2, fma(vec4<f32>(h02_2.w), v02_2, a10_15))));
      a11_12 = fma(vec4<f32>(h32_3.x), v32_3, fma(vec4<f32>(h22_3.x), v22_3, fma(vec4<f32>(h12_3.x), v12_3, fma(vec4<f32>(h02_3.x), v02_3, a11_12)))); a11_13 = fma(vec4<f32>(h32_3.y), v32_3, fma(vec4<f32>(h22_3.y), v22_3, fma(vec4<f32>(h12_3.y), v12_3, fma(vec4<f32>(h02_3.y), v02_3, a11_13)))); a11_14 = fma(vec4<f32>(h32_3.z), v32_3, fma(vec4<f32>(h22_3.z), v22_3, fma(vec4<f32>(h12_3.z), v12_3, fma(vec4<f32>(h02_3.z), v02_3, a11_14)))); a11_15 = fma(vec4<f32>(h32_3.w), v32_3, fma(vec4<f32>(h22_3.w), v22_3, fma(vec4<f32>(h12_3.w), v12_3, fma(vec4<f32>(h02_3.w), v02_3, a11_15))));
      a12_12 = fma(vec4<f32>(h33_0.x), v33_0, fma(vec4<f32>(h23_0.x), v23_0, fma(vec4<f32>(h13_0.x), v13_0, fma(vec4<f32>(h03_0.x), v03_0, a12_12)))); a12_13 = fma(vec4<f32>(h33_0.y), v33_0, fma(vec4<f32>(h23_0.y), v23_0, fma(vec4<f32>(h13_0.y), v13_0, fma(vec4<f32>(h03_0.y), v03_0, a12_13)))); a12_14 = fma(vec4<f32>(h33_0.z), v33_0, fma(vec4<f32>(h23_0.z), v23_0, fma(vec4<f32>(h13_0.z), v13_0, fma(vec4<f32>(h03_0.z), v03_0, a12_14)))); a12_15 = fma(vec4<f32>(h33_0.w), v33_0, fma(vec4<f32>(h23_0.w), v23_0, fma(vec4<f32>(h13_0.w), v13_0, fma(vec4<f32>(h03_0.w), v03_0, a12_15))));
      a13_12 = fma(vec4<f32>(h33_1.x), v33_1, fma(vec4<f32>(h23_1.x), v23_1, fma(vec4<f32>(h13_1.x), v13_1, fma(vec4<f32>(h03_1.x), v03_1, a13_12)))); a13_13 = fma(vec4<f32>(h33_1.y), v33_1, fma(vec4<f32>(h23_1.y), v23_1, fma(vec4<f32>(h13_1.y), v13_1, fma(vec4<f32>(h03_1.y), v03_1, a13_13)))); a13_14 = fma(vec4<f32>(h33_1.z), v33_1, fma(vec4<f32>(h23_1.z), v23_1, fma(vec4<f32>(h13_1.z), v13_1, fma(vec4<f32>(h03_1.z), v03_1, a13_14)))); a13_15 = fma(vec4<f32>(h33_1.w), v33_1, fma(vec4<f32>(h23_1.w), v23_1, fma(vec4<f32>(h13_1.w), v13_1, fma(vec4<f32>(h03_1.w), v03_1, a13_15))));
      a14_12 = fma(vec4<f32>(h33_2.x), v33_2, fma(vec4<f32>(h23_2.x), v23_2, fma(vec4<f32>(h13_2.x), v13_2, fma(vec4<f32>(h03_2.x), v03_2, a14_12)))); a14_13 = fma(vec4<f32>(h33_2.y), v33_2, fma(vec4<f32>(h23_2.y), v23_2, fma(vec4<f32>(h13_2.y), v13_2, fma(vec4<f32>(h03_2.y), v03_2, a14_13)))); a14_14 = fma(vec4<f32>(h33_2.z), v33_2, fma(vec4<f32>(h23_2.z), v23_2, fma(vec4<f32>(h13_2.z), v13_2, fma(vec4<f32>(h03_2.z), v03_2, a14_14)))); a14_15 = fma(vec4<f32>(h33_2.w), v33_2, fma(vec4<f32>(h23_2.w), v23_2, fma(vec4<f32>(h13_2.w), v13_2, fma(vec4<f32>(h03_2.w), v03_2, a14_15))));
      a15_12 = fma(vec4<f32>(h33_3.x), v33_3, fma(vec4<f32>(h23_3.x), v23_3, fma(vec4<f32>(h13_3.x), v13_3, fma(vec4<f32>(h03_3.x), v03_3, a15_12)))); a15_13 = fma(vec4<f32>(h33_3.y), v33_3, fma(vec4<f32>(h23_3.y), v23_3, fma(vec4<f32>(h13_3.y), v13_3, fma(vec4<f32>(h03_3.y), v03_3, a15_13)))); a15_14 = fma(vec4<f32>(h33_3.z), v33_3, fma(vec4<f32>(h23_3.z), v23_3, fma(vec4<f32>(h13_3.z), v13_3, fma(vec4<f32>(h03_3.z), v03_3, a15_14)))); a15_15 = fma(vec4<f32>(h33_3.w), v33_3, fma(vec4<f32>(h23_3.w), v23_3, fma(vec4<f32>(h13_3.w), v13_3, fma(vec4<f32>(h03_3.w), v03_3, a15_15))));
    }
    tx += 1u;
    if (tx == p.PW) {
      tx = 0u;
      ty += 1u;
      if (ty == p.TH) {
        ty = 0u;
        n += 1u;
      }
    }
  }
  st(0u, 0u, 0u, s, a0_0); st(0u, 0u, 1u, s, a0_1); st(0u, 0u, 2u, s, a0_2); st(0u, 0u, 3u, s, a0_3);
  st(0u, 1u, 0u, s, a0_4); st(0u, 1u, 1u, s, a0_5); st(0u, 1u, 2u, s, a0_6); st(0u, 1u, 3u, s, a0_7);
  st(0u, 2u, 0u, s, a0_8); st(0u, 2u, 1u, s, a0_9); st(0u, 2u, 2u, s, a0_10); st(0u, 2u, 3u, s, a0_11);
  st(0u, 3u, 0u, s, a0_12); st(0u, 3u, 1u, s, a0_13); st(0u, 3u, 2u, s, a0_14); st(0u, 3u, 3u, s, a0_15);
  st(1u, 0u, 0u, s, a1_0); st(1u, 0u, 1u, s, a1_1); st(1u, 0u, 2u, s, a1_2); st(1u, 0u, 3u, s, a1_3);
  st(1u, 1u, 0u, s, a1_4); st(1u, 1u, 1u, s, a1_5); st(1u, 1u, 2u, s, a1_6); st(1u, 1u, 3u, s, a1_7);
  st(1u, 2u, 0u, s, a1_8); st(1u, 2u, 1u, s, a1_9); st(1u, 2u, 2u, s, a1_10); st(1u, 2u, 3u, s, a1_11);
  st(1u, 3u, 0u, s, a1_12); st(1u, 3u, 1u, s, a1_13); st(1u, 3u, 2u, s, a1_14); st(1u, 3u, 3u, s, a1_15);
  st(2u, 0u, 0u, s, a2_0); st(2u, 0u, 1u, s, a2_1); st(2u, 0u, 2u, s, a2_2); st(2u, 0u, 3u, s, a2_3);
  st(2u, 1u, 0u, s, a2_4); st(2u, 1u, 1u, s, a2_5); st(2u, 1u, 2u, s, a2_6); st(2u, 1u, 3u, s, a2_7);
  st(2u, 2u, 0u, s, a2_8); st(2u, 2u, 1u, s, a2_9); st(2u, 2u, 2u, s, a2_10); st(2u, 2u, 3u, s, a2_11);
  st(2u, 3u, 0u, s, a2_12); st(2u, 3u, 1u, s, a2_13); st(2u, 3u, 2u, s, a2_14); st(2u, 3u, 3u, s, a2_15);
  st(3u, 0u, 0u, s, a3_0); st(3u, 0u, 1u, s, a3_1); st(3u, 0u, 2u, s, a3_2); st(3u, 0u, 3u, s, a3_3);
  st(3u, 1u, 0u, s, a3_4); st(3u, 1u, 1u, s, a3_5); st(3u, 1u, 2u, s, a3_6); st(3u, 1u, 3u, s, a3_7);
  st(3u, 2u, 0u, s, a3_8); st(3u, 2u, 1u, s, a3_9); st(3u, 2u, 2u, s, a3_10); st(3u, 2u, 3u, s, a3_11);
  st(3u, 3u, 0u, s, a3_12); st(3u, 3u, 1u, s, a3_13); st(3u, 3u, 2u, s, a3_14); st(3u, 3u, 3u, s, a3_15);
  st(4u, 0u, 0u, s, a4_0); st(4u, 0u, 1u, s, a4_1); st(4u, 0u, 2u, s, a4_2); st(4u, 0u, 3u, s, a4_3);
  st(4u, 1u, 0u, s, a4_4); st(4u, 1u, 1u, s, a4_5); st(4u, 1u, 2u, s, a4_6); st(4u, 1u, 3u, s, a4_7);
  st(4u, 2u, 0u, s, a4_8); st(4u, 2u, 1u, s, a4_9); st(4u, 2u, 2u, s, a4_10); st(4u, 2u, 3u, s, a4_11);
  st(4u, 3u, 0u, s, a4_12); st(4u, 3u, 1u, s, a4_13); st(4u, 3u, 2u, s, a4_14); st(4u, 3u, 3u, s, a4_15);
  st(5u, 0u, 0u, s, a5_0); st(5u, 0u, 1u, s, a5_1); st(5u, 0u, 2u, s, a5_2); st(5u, 0u, 3u, s, a5_3);
  st(5u, 1u, 0u, s, a5_4); st(5u, 1u, 1u, s, a5_5); st(5u, 1u, 2u, s, a5_6); st(5u, 1u, 3u, s, a5_7);
  st(5u, 2u, 0u, s, a5_8); st(5u, 2u, 1u, s, a5_9); st(5u, 2u, 2u, s, a5_10); st(5u, 2u, 3u, s, a5_11);
  st(5u, 3u, 0u, s, a5_12); st(5u, 3u, 1u, s, a5_13); st(5u, 3u, 2u, s, a5_14); st(5u, 3u, 3u, s, a5_15);
  st(6u, 0u, 0u, s, a6_0); st(6u, 0u, 1u, s, a6_1); st(6u, 0u, 2u, s, a6_2); st(6u, 0u, 3u, s, a6_3);
  st(6u, 1u, 0u, s, a6_4); st(6u, 1u, 1u, s, a6_5); st(6u, 1u, 2u, s, a6_6); st(6u, 1u, 3u, s, a6_7);
  st(6u, 2u, 0u, s, a6_8); st(6u, 2u, 1u, s, a6_9); st(6u, 2u, 2u, s, a6_10); st(6u, 2u, 3u, s, a6_11);
  st(6u, 3u, 0u, s, a6_12); st(6u, 3u, 1u, s, a6_13); st(6u, 3u, 2u, s, a6_14); st(6u, 3u, 3u, s, a6_15);
  st(7u, 0u, 0u, s, a7_0); st(7u, 0u, 1u, s, a7_1); st(7u, 0u, 2u, s, a7_2); st(7u, 0u, 3u, s, a7_3);
  st(7u, 1u, 0u, s, a7_4); st(7u, 1u, 1u, s, a7_5); st(7u, 1u, 2u, s, a7_6); st(7u, 1u, 3u, s, a7_7);
  st(7u, 2u, 0u, s, a7_8); st(7u, 2u, 1u, s, a7_9); st(7u, 2u, 2u, s, a7_10); st(7u, 2u, 3u, s, a7_11);
  st(7u, 3u, 0u, s, a7_12); st(7u, 3u, 1u, s, a7_13); st(7u, 3u, 2u, s, a7_14); st(7u, 3u, 3u, s, a7_15);
  st(8u, 0u, 0u, s, a8_0); st(8u, 0u, 1u, s, a8_1); st(8u, 0u, 2u, s, a8_2); st(8u, 0u, 3u, s, a8_3);
  st(8u, 1u, 0u, s, a8_4); st(8u, 1u, 1u, s, a8_5); st(8u, 1u, 2u, s, a8_6); st(8u, 1u, 3u, s, a8_7);
  st(8u, 2u, 0u, s, a8_8); st(8u, 2u, 1u, s, a8_9); st(8u, 2u, 2u, s, a8_10); st(8u, 2u, 3u, s, a8_11);
  st(8u, 3u, 0u, s, a8_12); st(8u, 3u, 1u, s, a8_13); st(8u, 3u, 2u, s, a8_14); st(8u, 3u, 3u, s, a8_15);
  st(9u, 0u, 0u, s, a9_0); st(9u, 0u, 1u, s, a9_1); st(9u, 0u, 2u, s, a9_2); st(9u, 0u, 3u, s, a9_3);
  st(9u, 1u, 0u, s, a9_4); st(9u, 1u, 1u, s, a9_5); st(9u, 1u, 2u, s, a9_6); st(9u, 1u, 3u, s, a9_7);
  st(9u, 2u, 0u, s, a9_8); st(9u, 2u, 1u, s, a9_9); st(9u, 2u, 2u, s, a9_10); st(9u, 2u, 3u, s, a9_11);
  st(9u, 3u, 0u, s, a9_12); st(9u, 3u, 1u, s, a9_13); st(9u, 3u, 2u, s, a9_14); st(9u, 3u, 3u, s, a9_15);
  st(10u, 0u, 0u, s, a10_0); st(10u, 0u, 1u, s, a10_1); st(10u, 0u, 2u, s, a10_2); st(10u, 0u, 3u, s, a10_3);
  st(10u, 1u, 0u, s, a10_4); st(10u, 1u, 1u, s, a10_5); st(10u, 1u, 2u, s, a10_6); st(10u, 1u, 3u, s, a10_7);
  st(10u, 2u, 0u, s, a10_8); st(10u, 2u, 1u, s, a10_9); st(10u, 2u, 2u, s, a10_10); st(10u, 2u, 3u, s, a10_11);
  st(10u, 3u, 0u, s, a10_12); st(10u, 3u, 1u, s, a10_13); st(10u, 3u, 2u, s, a10_14); st(10u, 3u, 3u, s, a10_15);
  st(11u, 0u, 0u, s, a11_0); st(11u, 0u, 1u, s, a11_1); st(11u, 0u, 2u, s, a11_2); st(11u, 0u, 3u, s, a11_3);
  st(11u, 1u, 0u, s, a11_4); st(11u, 1u, 1u, s, a11_5); st(11u, 1u, 2u, s, a11_6); st(11u, 1u, 3u, s, a11_7);
  st(11u, 2u, 0u, s, a11_8); st(11u, 2u, 1u, s, a11_9); st(11u, 2u, 2u, s, a11_10); st(11u, 2u, 3u, s, a11_11);
  st(11u, 3u, 0u, s, a11_12); st(11u, 3u, 1u, s, a11_13); st(11u, 3u, 2u, s, a11_14); st(11u, 3u, 3u, s, a11_15);
  st(12u, 0u, 0u, s, a12_0); st(12u, 0u, 1u, s, a12_1); st(12u, 0u, 2u, s, a12_2); st(12u, 0u, 3u, s, a12_3);
  st(12u, 1u, 0u, s, a12_4); st(12u, 1u, 1u, s, a12_5); st(12u, 1u, 2u, s, a12_6); st(12u, 1u, 3u, s, a12_7);
  st(12u, 2u, 0u, s, a12_8); st(12u, 2u, 1u, s, a12_9); st(12u, 2u, 2u, s, a12_10); st(12u, 2u, 3u, s, a12_11);
  st(12u, 3u, 0u, s, a12_12); st(12u, 3u, 1u, s, a12_13); st(12u, 3u, 2u, s, a12_14); st(12u, 3u, 3u, s, a12_15);
  st(13u, 0u, 0u, s, a13_0); st(13u, 0u, 1u, s, a13_1); st(13u, 0u, 2u, s, a13_2); st(13u, 0u, 3u, s, a13_3);
  st(13u, 1u, 0u, s, a13_4); st(13u, 1u, 1u, s, a13_5); st(13u, 1u, 2u, s, a13_6); st(13u, 1u, 3u, s, a13_7);
  st(13u, 2u, 0u, s, a13_8); st(13u, 2u, 1u, s, a13_9); st(13u, 2u, 2u, s, a13_10); st(13u, 2u, 3u, s, a13_11);
  st(13u, 3u, 0u, s, a13_12); st(13u, 3u, 1u, s, a13_13); st(13u, 3u, 2u, s, a13_14); st(13u, 3u, 3u, s, a13_15);
  st(14u, 0u, 0u, s, a14_0); st(14u, 0u, 1u, s, a14_1); st(14u, 0u, 2u, s, a14_2); st(14u, 0u, 3u, s, a14_3);
  st(14u, 1u, 0u, s, a14_4); st(14u, 1u, 1u, s, a14_5); st(14u, 1u, 2u, s, a14_6); st(14u, 1u, 3u, s, a14_7);
  st(14u, 2u, 0u, s, a14_8); st(14u, 2u, 1u, s, a14_9); st(14u, 2u, 2u, s, a14_10); st(14u, 2u, 3u, s, a14_11);
  st(14u, 3u, 0u, s, a14_12); st(14u, 3u, 1u, s, a14_13); st(14u, 3u, 2u, s, a14_14); st(14u, 3u, 3u, s, a14_15);
  st(15u, 0u, 0u, s, a15_0); st(15u, 0u, 1u, s, a15_1); st(15u, 0u, 2u, s, a15_2); st(15u, 0u, 3u, s, a15_3);
  st(15u, 1u, 0u, s, a15_4); st(15u, 1u, 1u, s, a15_5); st(15u, 1u, 2u, s, a15_6); st(15u, 1u, 3u, s, a15_7);
  st(15u, 2u, 0u, s, a15_8); st(15u, 2u, 1u, s, a15_9); st(15u, 2u, 2u, s, a15_10); st(15u, 2u, 3u, s, a15_11);
  st(15u, 3u, 0u, s, a15_12); st(15u, 3u, 1u, s, a15_13); st(15u, 3u, 2u, s, a15_14); st(15u, 3u, 3u, s, a15_15);
  // end of generated Winograd weight gradient
}

// G = [[1, 0, 0], [1/2, 1/2, 1/2], [1/2, -1/2, 1/2], [0, 0, 1]]: the kernel's 3 taps from U's 4 rows.
fn gt3(u0: vec4<f32>, u1: vec4<f32>, u2: vec4<f32>, u3: vec4<f32>) -> array<vec4<f32>, 3> {
  return array<vec4<f32>, 3>(u0 + 0.5 * (u1 + u2), 0.5 * (u1 - u2), 0.5 * (u1 + u2) + u3);
}

// Partial sum q of part (finish).
fn ldPart(q: u32) -> vec4<f32> {
  if (TX == 1u) { return textureLoad(pt, vec2<u32>(q & 4095u, q >> 12u)); }
  return partIn[q];
}

// dg = G^T dU G for output channel o and input channels 4cg .. 4cg + 3, dU the shares' partial sums added.
@compute @workgroup_size(64)
fn finish(@builtin(global_invocation_id) gid: vec3<u32>) {
  let t = gid.x;
  if (t >= p.O * p.CG) { return; }
  let o = t / p.CG;
  let g = t % p.CG;
  var du: array<vec4<f32>, 16>;
  let share = 16u * p.O * p.CG;
  for (var xi = 0u; xi < 16u; xi++) {
    var s = V0;
    for (var k = 0u; k < p.shares; k++) { s += ldPart(k * share + (xi * p.O + o) * p.CG + g); }
    du[xi] = s;
  }
  // G^T over the rows (per column j), then over the columns
  var rows: array<array<vec4<f32>, 4>, 3>;
  for (var j = 0u; j < 4u; j++) {
    let c = gt3(du[j], du[4u + j], du[8u + j], du[12u + j]);
    rows[0][j] = c[0];
    rows[1][j] = c[1];
    rows[2][j] = c[2];
  }
  for (var a = 0u; a < 3u; a++) {
    let k = gt3(rows[a][0], rows[a][1], rows[a][2], rows[a][3]);
    for (var b = 0u; b < 3u; b++) {
      for (var ci = 0u; ci < 4u; ci++) {
        let c = 4u * g + ci;
        if (c < p.C) { dw[((o * p.C + c) * 3u + a) * 3u + b] = k[b][ci]; }
      }
    }
  }
}
