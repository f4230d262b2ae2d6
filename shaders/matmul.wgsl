// Batched GEMM, C[b] = op(A[b]) * op(B[b]) (+ bias over columns), f32, with split-K.
//
// Register tiling: each invocation owns RB x CB blocks of 4x4 outputs held in mat4x4 accumulators;
// a k-step of 4 loads one 4x4 block of A per row block and of B per column block and does
// acc += Bblk * Ablk (64 FMAs per block pair). Loops bounded by override constants are not unrolled
// by every driver (Mesa lavapipe keeps them, turning accumulator arrays into per-lane memory), so the
// tile is written out for the largest size (RB <= 8, CB <= 8) and every block is guarded by an
// override comparison, which the pipeline compiler folds away.
//
// Block assignment is interleaved: with (lx, ly) the invocation's position in the WGX x WGY
// workgroup, row block i is wid.y*RB*WGY + i*WGY + ly and column block j is wid.x*CB*WGX + j*WGX + lx,
// so neighbouring invocations read neighbouring memory in every load (on a CPU adapter, where each
// lane's loads are issued one by one, this keeps a SIMD group's accesses on a few cache lines).
//
// Bounds: rows/columns past M/N are clamped to the last valid one (their results are never stored);
// k past the chunk end is zero-filled on both operands. vec4 loads (VA/VB) are used along a
// contiguous dimension that is a multiple of 4; otherwise scalar loads.

override RB: u32 = 2u;      // row blocks (of 4) per invocation, 1..8
override CB: u32 = 2u;      // column blocks (of 4) per invocation, 1..8
override WGX: u32 = 8u;     // invocations along columns
override WGY: u32 = 8u;     // invocations along rows
override WGS: u32 = 64u;    // WGX * WGY (a 1-D workgroup: see main)
override TA: u32 = 0u;      // 1: A is stored [K, M]
override TB: u32 = 0u;      // 1: B is stored [N, K]
override VA: u32 = 0u;      // 1: A's contiguous dimension is a multiple of 4 (vec4 loads)
override VB: u32 = 0u;
override BIAS: u32 = 0u;    // 1: add bias[n] to every row (only used without split-K)
override TX: u32 = 0u;      // 1: a4's and b4's vec4s from copies of a and b in the textures ta, tb (see there)

struct Gemm {
  M: u32,
  N: u32,
  K: u32,
  kchunk: u32,    // k range of one split (multiple of 4)
  sa: u32,        // batch strides in elements (0 broadcasts the operand)
  sb: u32,
  sc: u32,        // M * N
  batch: u32,
  ssplit: u32,    // element stride between split partial results (batch * M * N)
  fence: u32,     // always 0: the generated register tile's scheduling fences (engine/wgsl_sections.ts FMAS_PER_FENCE)
  _p1: u32,
  _p2: u32,
}

@group(0) @binding(0) var<uniform> p: Gemm;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> a4: array<vec4<f32>>;   // the same buffer as a
@group(0) @binding(3) var<storage, read> b: array<f32>;
@group(0) @binding(4) var<storage, read> b4: array<vec4<f32>>;   // the same buffer as b
@group(0) @binding(5) var<storage, read> bias: array<f32>;
@group(0) @binding(6) var<storage, read_write> out: array<f32>;
// TX (f32, vec4 operands, software adapter): a and b copied into read-only storage textures 4096 texels
// wide, vec4 q at texel (q % 4096, q / 4096). There a storage-buffer load is a loop over the lanes with a
// branch per value and an image load one vectorised address and a 16-byte load per lane
// (engine/ops/operand_texture.ts); a classifier head's lanes all read the same weights for every k-step.
@group(0) @binding(7) var ta: texture_storage_2d<rgba32float, read>;
@group(0) @binding(8) var tb: texture_storage_2d<rgba32float, read>;

const Z = mat4x4<f32>();

// generated: multiply-accumulate (engine/kernel_gen.ts writes it; edit there)
fn macCol(sum: vec4<f32>, lhs: mat4x4<f32>, col: vec4<f32>) -> vec4<f32> {
  let t = fma(lhs[0], vec4<f32>(col.x), sum);
  return fma(lhs[3], vec4<f32>(col.w), fma(lhs[2], vec4<f32>(col.z), fma(lhs[1], vec4<f32>(col.y), t)));
}

fn mac(sum: mat4x4<f32>, lhs: mat4x4<f32>, rhs: mat4x4<f32>) -> mat4x4<f32> {
  return mat4x4<f32>(
    macCol(sum[0], lhs, rhs[0]), macCol(sum[1], lhs, rhs[1]), macCol(sum[2], lhs, rhs[2]), macCol(sum[3], lhs, rhs[3]),
  );
}
// end of generated multiply-accumulate

var<private> rowBase: u32;   // first row block of this invocation, in blocks
var<private> colBase: u32;
var<private> aOff: u32;      // batch offsets in elements
var<private> bOff: u32;
var<private> cOff: u32;
var<private> kEnd: u32;

fn rowOf(i: u32) -> u32 {
  return (rowBase + i * WGY) * 4u;
}

fn colOf(j: u32) -> u32 {
  return (colBase + j * WGX) * 4u;
}

// A element (m, k), zero when k >= kEnd; m is clamped to a valid row.
fn aAt(m: u32, k: u32) -> f32 {
  let mm = min(m, p.M - 1u);
  let kk = min(k, p.K - 1u);
  var v: f32;
  if (TA == 1u) { v = a[aOff + kk * p.M + mm]; } else { v = a[aOff + mm * p.K + kk]; }
  return select(0.0, v, k < kEnd);
}

fn bAt(k: u32, n: u32) -> f32 {
  let nn = min(n, p.N - 1u);
  let kk = min(k, p.K - 1u);
  var v: f32;
  if (TB == 1u) { v = b[bOff + nn * p.K + kk]; } else { v = b[bOff + kk * p.N + nn]; }
  return select(0.0, v, k < kEnd);
}

// generated: vec4 operand loads (engine/kernel_gen.ts writes them; edit there)
fn ldA4(q: u32) -> vec4<f32> {
  if (TX == 1u) { return textureLoad(ta, vec2<u32>(q & 4095u, q >> 12u)); }
  return a4[q];
}

fn ldB4(q: u32) -> vec4<f32> {
  if (TX == 1u) { return textureLoad(tb, vec2<u32>(q & 4095u, q >> 12u)); }
  return b4[q];
}
// end of generated vec4 operand loads

// 4x4 block of A for row block i at k: column r holds A[row r, k..k+3].
fn ldA(i: u32, k: u32) -> mat4x4<f32> {
  let r = rowOf(i);
  if (VA == 1u && TA == 0u) {
    // K % 4 == 0 and kEnd is a multiple of 4: the four k values are one aligned vec4 per row.
    let m1 = p.M - 1u;
    let o = aOff / 4u + k / 4u;
    let k4 = p.K / 4u;
    return mat4x4<f32>(ldA4(o + min(r, m1) * k4), ldA4(o + min(r + 1u, m1) * k4),
                       ldA4(o + min(r + 2u, m1) * k4), ldA4(o + min(r + 3u, m1) * k4));
  }
  if (VA == 1u && TA == 1u) {
    // M % 4 == 0: for each k, rows r..r+3 are one aligned vec4.
    let rr = min(r, p.M - 4u) / 4u;
    let m4 = p.M / 4u;
    let o = aOff / 4u + rr;
    let k1 = p.K - 1u;
    let v0 = select(vec4<f32>(), ldA4(o + min(k, k1) * m4), k < kEnd);
    let v1 = select(vec4<f32>(), ldA4(o + min(k + 1u, k1) * m4), k + 1u < kEnd);
    let v2 = select(vec4<f32>(), ldA4(o + min(k + 2u, k1) * m4), k + 2u < kEnd);
    let v3 = select(vec4<f32>(), ldA4(o + min(k + 3u, k1) * m4), k + 3u < kEnd);
    return transpose(mat4x4<f32>(v0, v1, v2, v3));
  }
  return mat4x4<f32>(
    vec4<f32>(aAt(r, k), aAt(r, k + 1u), aAt(r, k + 2u), aAt(r, k + 3u)),
    vec4<f32>(aAt(r + 1u, k), aAt(r + 1u, k + 1u), aAt(r + 1u, k + 2u), aAt(r + 1u, k + 3u)),
    vec4<f32>(aAt(r + 2u, k), aAt(r + 2u, k + 1u), aAt(r + 2u, k + 2u), aAt(r + 2u, k + 3u)),
    vec4<f32>(aAt(r + 3u, k), aAt(r + 3u, k + 1u), aAt(r + 3u, k + 2u), aAt(r + 3u, k + 3u)));
}

// 4x4 block of B for column block j at k: column kk holds B[k + kk, n..n+3].
fn ldB(j: u32, k: u32) -> mat4x4<f32> {
  let n = colOf(j);
  if (VB == 1u && TB == 0u) {
    // N % 4 == 0: for each k, columns n..n+3 are one aligned vec4.
    let nn = min(n, p.N - 4u) / 4u;
    let n4 = p.N / 4u;
    let o = bOff / 4u + nn;
    let k1 = p.K - 1u;
    let v0 = select(vec4<f32>(), ldB4(o + min(k, k1) * n4), k < kEnd);
    let v1 = select(vec4<f32>(), ldB4(o + min(k + 1u, k1) * n4), k + 1u < kEnd);
    let v2 = select(vec4<f32>(), ldB4(o + min(k + 2u, k1) * n4), k + 2u < kEnd);
    let v3 = select(vec4<f32>(), ldB4(o + min(k + 3u, k1) * n4), k + 3u < kEnd);
    return mat4x4<f32>(v0, v1, v2, v3);
  }
  if (VB == 1u && TB == 1u) {
    // K % 4 == 0: for each column, the four k values are one aligned vec4.
    let n1 = p.N - 1u;
    let o = bOff / 4u + k / 4u;
    let k4 = p.K / 4u;
    return transpose(mat4x4<f32>(ldB4(o + min(n, n1) * k4), ldB4(o + min(n + 1u, n1) * k4),
                                 ldB4(o + min(n + 2u, n1) * k4), ldB4(o + min(n + 3u, n1) * k4)));
  }
  return mat4x4<f32>(
    vec4<f32>(bAt(k, n), bAt(k, n + 1u), bAt(k, n + 2u), bAt(k, n + 3u)),
    vec4<f32>(bAt(k + 1u, n), bAt(k + 1u, n + 1u), bAt(k + 1u, n + 2u), bAt(k + 1u, n + 3u)),
    vec4<f32>(bAt(k + 2u, n), bAt(k + 2u, n + 1u), bAt(k + 2u, n + 2u), bAt(k + 2u, n + 3u)),
    vec4<f32>(bAt(k + 3u, n), bAt(k + 3u, n + 1u), bAt(k + 3u, n + 2u), bAt(k + 3u, n + 3u)));
}

fn stRow(m: u32, n: u32, v: vec4<f32>) {
  if (m >= p.M) { return; }
  let o = cOff + m * p.N + n;
  if (n < p.N) { out[o] = v.x; }
  if (n + 1u < p.N) { out[o + 1u] = v.y; }
  if (n + 2u < p.N) { out[o + 2u] = v.z; }
  if (n + 3u < p.N) { out[o + 3u] = v.w; }
}

// Store block (i, j): acc[q] is row r + q, columns n..n+3.
fn st(i: u32, j: u32, acc: mat4x4<f32>) {
  let r = rowOf(i);
  let n = colOf(j);
  var bv = vec4<f32>();
  if (BIAS == 1u) {
    let n1 = p.N - 1u;
    bv = vec4<f32>(bias[min(n, n1)], bias[min(n + 1u, n1)], bias[min(n + 2u, n1)], bias[min(n + 3u, n1)]);
  }
  stRow(r, n, acc[0] + bv);
  stRow(r + 1u, n, acc[1] + bv);
  stRow(r + 2u, n, acc[2] + bv);
  stRow(r + 3u, n, acc[3] + bv);
}

// The workgroup is declared 1-D because Mesa's CPU driver vectorises invocations along x only (a
// 1 x 8 workgroup would run one lane per SIMD group); lx/ly recover the 2-D position.
@compute @workgroup_size(WGS)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) lin: u32) {
  let lx = lin % WGX;
  let ly = lin / WGX;
  rowBase = wid.y * RB * WGY + ly;
  colBase = wid.x * CB * WGX + lx;
  let bi = wid.z % p.batch;
  let split = wid.z / p.batch;
  aOff = bi * p.sa;
  bOff = bi * p.sb;
  cOff = bi * p.sc + split * p.ssplit;
  let kBeg = split * p.kchunk;
  kEnd = min(p.K, kBeg + p.kchunk);
  // generated: register tile, RB <= 8, CB <= 8 (engine/kernel_gen.ts writes it; edit there)
  var c0_0 = Z; var c0_1 = Z; var c0_2 = Z; var c0_3 = Z; var c0_4 = Z; var c0_5 = Z; var c0_6 = Z; var c0_7 = Z;
  var c1_0 = Z; var c1_1 = Z; var c1_2 = Z; var c1_3 = Z; var c1_4 = Z; var c1_5 = Z; var c1_6 = Z; var c1_7 = Z;
  var c2_0 = Z; var c2_1 = Z; var c2_2 = Z; var c2_3 = Z; var c2_4 = Z; var c2_5 = Z; var c2_6 = Z; var c2_7 = Z;
  var c3_0 = Z; var c3_1 = Z; var c3_2 = Z; var c3_3 = Z; var c3_4 = Z; var c3_5 = Z; var c3_6 = Z; var c3_7 = Z;
  var c4_0 = Z; var c4_1 = Z; var c4_2 = Z; var c4_3 = Z; var c4_4 = Z; var c4_5 = Z; var c4_6 = Z; var c4_7 = Z;
  var c5_0 = Z; var c5_1 = Z; var c5_2 = Z; var c5_3 = Z; var c5_4 = Z; var c5_5 = Z; var c5_6 = Z; var c5_7 = Z;
  var c6_0 = Z; var c6_1 = Z; var c6_2 = Z; var c6_3 = Z; var c6_4 = Z; var c6_5 = Z; var c6_6 = Z; var c6_7 = Z;
  var c7_0 = Z; var c7_1 = Z; var c7_2 = Z; var c7_3 = Z; var c7_4 = Z; var c7_5 = Z; var c7_6 = Z; var c7_7 = Z;
  for (var k = kBeg; k < kEnd; k += 4u) {
    var b0 = Z; if (CB > 0u) { b0 = ldB(0u, k); }
    var b1 = Z; if (CB > 1u) { b1 = ldB(1u, k); }
    var b2 = Z; if (CB > 2u) { b2 = ldB(2u, k); }
    var b3 = Z; if (CB > 3u) { b3 = ldB(3u, k); }
    var b4 = Z; if (CB > 4u) { b4 = ldB(4u, k); }
    var b5 = Z; if (CB > 5u) { b5 = ldB(5u, k); }
    var b6 = Z; if (CB > 6u) { b6 = ldB(6u, k); }
    var b7 = Z; if (CB > 7u) { b7 = ldB(7u, k); }
    if (RB > 0u) { let a = ldA(0u, k); if (CB > 0u) { c0_0 = mac(c0_0, b0, a); } if (CB > 1u) { c0_1 = mac(c0_1, b1, a); } if (CB > 2u) { c0_2 = mac(c0_2, b2, a); } if (CB > 3u) { c0_3 = mac(c0_3, b3, a); if (p.fence != 0u) { out[0] = c0_3[0][0]; } } if (CB > 4u) { c0_4 = mac(c0_4, b4, a); } if (CB > 5u) { c0_5 = mac(c0_5, b5, a); } if (CB > 6u) { c0_6 = mac(c0_6, b6, a); } if (CB > 7u) { c0_7 = mac(c0_7, b7, a); if (p.fence != 0u) { out[0] = c0_7[0][0]; } } }
    if (RB > 1u) { let a = ldA(1u, k); if (CB > 0u) { c1_0 = mac(c1_0, b0, a); } if (CB > 1u) { c1_1 = mac(c1_1, b1, a); } if (CB > 2u) { c1_2 = mac(c1_2, b2, a); } if (CB > 3u) { c1_3 = mac(c1_3, b3, a); if (p.fence != 0u) { out[0] = c1_3[0][0]; } } if (CB > 4u) { c1_4 = mac(c1_4, b4, a); } if (CB > 5u) { c1_5 = mac(c1_5, b5, a); } if (CB > 6u) { c1_6 = mac(c1_6, b6, a); } if (CB > 7u) { c1_7 = mac(c1_7, b7, a); if (p.fence != 0u) { out[0] = c1_7[0][0]; } } }
    if (RB > 2u) { let a = ldA(2u, k); if (CB > 0u) { c2_0 = mac(c2_0, b0, a); } if (CB > 1u) { c2_1 = mac(c2_1, b1, a); } if (CB > 2u) { c2_2 = mac(c2_2, b2, a); } if (CB > 3u) { c2_3 = mac(c2_3, b3, a); if (p.fence != 0u) { out[0] = c2_3[0][0]; } } if (CB > 4u) { c2_4 = mac(c2_4, b4, a); } if (CB > 5u) { c2_5 = mac(c2_5, b5, a); } if (CB > 6u) { c2_6 = mac(c2_6, b6, a); } if (CB > 7u) { c2_7 = mac(c2_7, b7, a); if (p.fence != 0u) { out[0] = c2_7[0][0]; } } }
    if (RB > 3u) { let a = ldA(3u, k); if (CB > 0u) { c3_0 = mac(c3_0, b0, a); } if (CB > 1u) { c3_1 = mac(c3_1, b1, a); } if (CB > 2u) { c3_2 = mac(c3_2, b2, a); } if (CB > 3u) { c3_3 = mac(c3_3, b3, a); if (p.fence != 0u) { out[0] = c3_3[0][0]; } } if (CB > 4u) { c3_4 = mac(c3_4, b4, a); } if (CB > 5u) { c3_5 = mac(c3_5, b5, a); } if (CB > 6u) { c3_6 = mac(c3_6, b6, a); } if (CB > 7u) { c3_7 = mac(c3_7, b7, a); if (p.fence != 0u) { out[0] = c3_7[0][0]; } } }
    if (RB > 4u) { let a = ldA(4u, k); if (CB > 0u) { c4_0 = mac(c4_0, b0, a); } if (CB > 1u) { c4_1 = mac(c4_1, b1, a); } if (CB > 2u) { c4_2 = mac(c4_2, b2, a); } if (CB > 3u) { c4_3 = mac(c4_3, b3, a); if (p.fence != 0u) { out[0] = c4_3[0][0]; } } if (CB > 4u) { c4_4 = mac(c4_4, b4, a); } if (CB > 5u) { c4_5 = mac(c4_5, b5, a); } if (CB > 6u) { c4_6 = mac(c4_6, b6, a); } if (CB > 7u) { c4_7 = mac(c4_7, b7, a); if (p.fence != 0u) { out[0] = c4_7[0][0]; } } }
    if (RB > 5u) { let a = ldA(5u, k); if (CB > 0u) { c5_0 = mac(c5_0, b0, a); } if (CB > 1u) { c5_1 = mac(c5_1, b1, a); } if (CB > 2u) { c5_2 = mac(c5_2, b2, a); } if (CB > 3u) { c5_3 = mac(c5_3, b3, a); if (p.fence != 0u) { out[0] = c5_3[0][0]; } } if (CB > 4u) { c5_4 = mac(c5_4, b4, a); } if (CB > 5u) { c5_5 = mac(c5_5, b5, a); } if (CB > 6u) { c5_6 = mac(c5_6, b6, a); } if (CB > 7u) { c5_7 = mac(c5_7, b7, a); if (p.fence != 0u) { out[0] = c5_7[0][0]; } } }
    if (RB > 6u) { let a = ldA(6u, k); if (CB > 0u) { c6_0 = mac(c6_0, b0, a); } if (CB > 1u) { c6_1 = mac(c6_1, b1, a); } if (CB > 2u) { c6_2 = mac(c6_2, b2, a); } if (CB > 3u) { c6_3 = mac(c6_3, b3, a); if (p.fence != 0u) { out[0] = c6_3[0][0]; } } if (CB > 4u) { c6_4 = mac(c6_4, b4, a); } if (CB > 5u) { c6_5 = mac(c6_5, b5, a); } if (CB > 6u) { c6_6 = mac(c6_6, b6, a); } if (CB > 7u) { c6_7 = mac(c6_7, b7, a); if (p.fence != 0u) { out[0] = c6_7[0][0]; } } }
    if (RB > 7u) { let a = ldA(7u, k); if (CB > 0u) { c7_0 = mac(c7_0, b0, a); } if (CB > 1u) { c7_1 = mac(c7_1, b1, a); } if (CB > 2u) { c7_2 = mac(c7_2, b2, a); } if (CB > 3u) { c7_3 = mac(c7_3, b3, a); if (p.fence != 0u) { out[0] = c7_3[0][0]; } } if (CB > 4u) { c7_4 = mac(c7_4, b4, a); } if (CB > 5u) { c7_5 = mac(c7_5, b5, a); } if (CB > 6u) { c7_6 = mac(c7_6, b6, a); } if (CB > 7u) { c7_7 = mac(c7_7, b7, a); if (p.fence != 0u) { out[0] = c7_7[0][0]; } } }
  }
  if (RB > 0u) { if (CB > 0u) { st(0u, 0u, c0_0); } if (CB > 1u) { st(0u, 1u, c0_1); } if (CB > 2u) { st(0u, 2u, c0_2); } if (CB > 3u) { st(0u, 3u, c0_3); } if (CB > 4u) { st(0u, 4u, c0_4); } if (CB > 5u) { st(0u, 5u, c0_5); } if (CB > 6u) { st(0u, 6u, c0_6); } if (CB > 7u) { st(0u, 7u, c0_7); } }
  if (RB > 1u) { if (CB > 0u) { st(1u, 0u, c1_0); } if (CB > 1u) { st(1u, 1u, c1_1); } if (CB > 2u) { st(1u, 2u, c1_2); } if (CB > 3u) { st(1u, 3u, c1_3); } if (CB > 4u) { st(1u, 4u, c1_4); } if (CB > 5u) { st(1u, 5u, c1_5); } if (CB > 6u) { st(1u, 6u, c1_6); } if (CB > 7u) { st(1u, 7u, c1_7); } }
  if (RB > 2u) { if (CB > 0u) { st(2u, 0u, c2_0); } if (CB > 1u) { st(2u, 1u, c2_1); } if (CB > 2u) { st(2u, 2u, c2_2); } if (CB > 3u) { st(2u, 3u, c2_3); } if (CB > 4u) { st(2u, 4u, c2_4); } if (CB > 5u) { st(2u, 5u, c2_5); } if (CB > 6u) { st(2u, 6u, c2_6); } if (CB > 7u) { st(2u, 7u, c2_7); } }
  if (RB > 3u) { if (CB > 0u) { st(3u, 0u, c3_0); } if (CB > 1u) { st(3u, 1u, c3_1); } if (CB > 2u) { st(3u, 2u, c3_2); } if (CB > 3u) { st(3u, 3u, c3_3); } if (CB > 4u) { st(3u, 4u, c3_4); } if (CB > 5u) { st(3u, 5u, c3_5); } if (CB > 6u) { st(3u, 6u, c3_6); } if (CB > 7u) { st(3u, 7u, c3_7); } }
  if (RB > 4u) { if (CB > 0u) { st(4u, 0u, c4_0); } if (CB > 1u) { st(4u, 1u, c4_1); } if (CB > 2u) { st(4u, 2u, c4_2); } if (CB > 3u) { st(4u, 3u, c4_3); } if (CB > 4u) { st(4u, 4u, c4_4); } if (CB > 5u) { st(4u, 5u, c4_5); } if (CB > 6u) { st(4u, 6u, c4_6); } if (CB > 7u) { st(4u, 7u, c4_7); } }
  if (RB > 5u) { if (CB > 0u) { st(5u, 0u, c5_0); } if (CB > 1u) { st(5u, 1u, c5_1); } if (CB > 2u) { st(5u, 2u, c5_2); } if (CB > 3u) { st(5u, 3u, c5_3); } if (CB > 4u) { st(5u, 4u, c5_4); } if (CB > 5u) { st(5u, 5u, c5_5); } if (CB > 6u) { st(5u, 6u, c5_6); } if (CB > 7u) { st(5u, 7u, c5_7); } }
  if (RB > 6u) { if (CB > 0u) { st(6u, 0u, c6_0); } if (CB > 1u) { st(6u, 1u, c6_1); } if (CB > 2u) { st(6u, 2u, c6_2); } if (CB > 3u) { st(6u, 3u, c6_3); } if (CB > 4u) { st(6u, 4u, c6_4); } if (CB > 5u) { st(6u, 5u, c6_5); } if (CB > 6u) { st(6u, 6u, c6_6); } if (CB > 7u) { st(6u, 7u, c6_7); } }
  if (RB > 7u) { if (CB > 0u) { st(7u, 0u, c7_0); } if (CB > 1u) { st(7u, 1u, c7_1); } if (CB > 2u) { st(7u, 2u, c7_2); } if (CB > 3u) { st(7u, 3u, c7_3); } if (CB > 4u) { st(7u, 4u, c7_4); } if (CB > 5u) { st(7u, 5u, c7_5); } if (CB > 6u) { st(7u, 6u, c7_6); } if (CB > 7u) { st(7u, 7u, c7_7); } }
  // end of generated register tile
}
