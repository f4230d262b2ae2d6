// f16 variant of conv2d.wgsl, forward pass only (the inference path): x and w are f16, repacked
// channels-last by `permute` (4 halves of one pixel or tap = one vec2<u32>), products accumulate in
// f32 and y is written as f32 (plus an f32 bias). Same implicit GEMM, tiling and bounds handling as
// PASS 0 of conv2d.wgsl (see there):
//   rows m = (n, oh, ow), cols o, k = (kh, kw, c) over KH*KW*C4
//   A = xp[n, oh*S-P+kh, ow*S-P+kw, c]     B = wf[o, kh, kw, c]     out = y (+ bias[o])
enable f16;

override RB: u32 = 2u;
override CB: u32 = 2u;
override WGX: u32 = 8u;
override WGY: u32 = 8u;
override WGS: u32 = 64u;    // WGX * WGY (a 1-D workgroup: see main)
override BIAS: u32 = 0u;
override EPI: u32 = 0u;     // epilogue: 1 per-channel scale (before the bias), 2 residual code (see Conv.res)
override V4: u32 = 0u;      // OH*OW % 4 == 0, store by whole vec4s (see conv2d.wgsl's st4)
override WG: u32 = 64u;     // permute

// The members conv2d.wgsl's passes share; the op fills them the same way for PASS 0.
struct Conv {
  N: u32,
  C: u32,
  H: u32,
  W: u32,
  O: u32,
  OH: u32,
  OW: u32,
  KH: u32,
  KW: u32,
  S: u32,
  P: u32,
  M: u32,
  NC: u32,
  K: u32,
  kchunk: u32,
  ssplit: u32,
  D1: u32,
  D2: u32,
  CK: u32,
  TW: u32,
  invD12: f32,
  invD2: f32,
  invCK: f32,
  invTW: f32,
  ph: u32,
  pw: u32,
  kh0: u32,
  kw0: u32,
  dh: u32,
  dw: u32,
  C4: u32,
  O4: u32,
  // PASS 0, 1 or 0: add the residual (with EPI & 2, which compiles its code), then apply a ReLU.
  // Uniforms, so that one pipeline serves a ResNet's convolutions with and without them.
  res: u32,
  relu: u32,
  fence: u32,     // always 0: the generated register tile's scheduling fences (engine/wgsl_sections.ts FMAS_PER_FENCE)
}

struct Perm {
  D1: u32,
  D2: u32,
  D3q: u32,
  total: u32,
  row: u32,
  inv123: f32,   // 1 / (D1*D2*D3q): dividing the largest factors first keeps every quotient small
  inv23: f32,    // 1 / (D2*D3q)
  inv3: f32,     // 1 / D3q
  st: vec4<u32>,
  lim: vec4<u32>,
  nscale: vec4<f32>,   // (conv2d.wgsl's pack; unused here)
  nshift: vec4<f32>,
}

@group(0) @binding(0) var<uniform> p: Conv;
@group(0) @binding(1) var<storage, read> a2: array<vec2<u32>>;   // packed x, 4 halves each
@group(0) @binding(2) var<storage, read> b2: array<vec2<u32>>;   // packed w, 4 halves each
@group(0) @binding(3) var<storage, read> bias: array<f32>;
@group(0) @binding(4) var<storage, read_write> out: array<f32>;
@group(0) @binding(5) var<uniform> pp: Perm;
@group(0) @binding(6) var<storage, read> src: array<f16>;
@group(0) @binding(7) var<storage, read_write> packed: array<vec2<u32>>;
@group(0) @binding(8) var<storage, read> scale: array<f32>;   // epilogue scale[o] (folded batchnorm)
@group(0) @binding(9) var<storage, read> res4: array<vec4<f32>>;   // epilogue residual, laid out like out
@group(0) @binding(10) var<storage, read_write> out4: array<vec4<f32>>;   // the output when V4 (out: a spare)

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

const LANE = vec4<u32>(0u, 1u, 2u, 3u);

var<private> rowBase: u32;
var<private> colBase: u32;
var<private> cOff: u32;
var<private> kEnd: u32;
var<private> rY: array<vec4<i32>, 8>;
var<private> rX: array<vec4<i32>, 8>;
var<private> rA: array<vec4<u32>, 8>;
var<private> rO: array<vec4<u32>, 8>;
var<private> kT: u32;
var<private> kU: u32;
var<private> kC: u32;

struct QR {
  q: vec4<u32>,
  r: vec4<u32>,
}

// x / d and x % d (x < 2^31) for quotients below ~4e6: a float estimate off by at most one, then
// corrected. Callers divide by the largest factor first so quotients stay small.
fn divmod(x: vec4<u32>, d: u32, inv: f32) -> QR {
  var q = vec4<u32>(vec4<f32>(x) * inv);
  var r = vec4<i32>(x) - vec4<i32>(q * d);
  let lo = r < vec4<i32>(0);
  q = select(q, q - 1u, lo);
  r = select(r, r + i32(d), lo);
  let hi = r >= vec4<i32>(i32(d));
  q = select(q, q + 1u, hi);
  r = select(r, r - i32(d), hi);
  return QR(q, vec4<u32>(r));
}

fn divmod1(x: u32, d: u32, inv: f32) -> vec2<u32> {
  let r = divmod(vec4<u32>(x), d, inv);
  return vec2<u32>(r.q.x, r.r.x);
}

fn rowOf(i: u32) -> u32 {
  return (rowBase + i * WGY) * 4u;
}

fn colOf(j: u32) -> u32 {
  return (colBase + j * WGX) * 4u;
}

fn widen(v: vec2<u32>) -> vec4<f32> {
  return vec4<f32>(unpack2x16float(v.x), unpack2x16float(v.y));
}

fn initRows(i: u32) {
  let m = rowOf(i) + LANE;
  let mm = min(m, vec4<u32>(p.M - 1u));
  let s1 = divmod(mm, p.D1 * p.D2, p.invD12);
  let s2 = divmod(s1.r, p.D2, p.invD2);
  let n = s1.q;
  let y = s2.q;
  let x = s2.r;
  rY[i] = vec4<i32>(y * p.S) - i32(p.P);
  rX[i] = vec4<i32>(x * p.S) - i32(p.P);
  rA[i] = n * (p.H * p.W * (p.C4 / 4u));
  rO[i] = n * (p.O * p.OH * p.OW) + y * p.OW + x;
}

fn decomposeK(k: u32) {
  let tc = divmod1(k, p.CK, p.invCK);
  let tu = divmod1(tc.x, p.TW, p.invTW);
  kT = tu.x;
  kU = tu.y;
  kC = tc.y / 4u;
}

fn spatial(i: u32, r: u32) -> vec4<f32> {
  let ih = rY[i][r] + i32(kT);
  let iw = rX[i][r] + i32(kU);
  let ok = u32(ih) < p.H && u32(iw) < p.W;
  let q = rA[i][r] + (u32(ih) * p.W + u32(iw)) * (p.C4 / 4u) + kC;
  return select(vec4<f32>(), widen(a2[select(0u, q, ok)]), ok);
}

// 4x4 block of A for row block i: column r holds A[row r, k..k+3] (four channels of one pixel).
fn ldA(i: u32, k: u32) -> mat4x4<f32> {
  return mat4x4<f32>(spatial(i, 0u), spatial(i, 1u), spatial(i, 2u), spatial(i, 3u));
}

// 4x4 block of B for column block j: wf[o, k..k+3] of its four output channels, transposed.
fn ldB(j: u32, k: u32) -> mat4x4<f32> {
  let col = min(colOf(j) + LANE, vec4<u32>(p.NC - 1u));
  let q = col * (p.K / 4u) + k / 4u;
  return transpose(mat4x4<f32>(widen(b2[q.x]), widen(b2[q.y]), widen(b2[q.z]), widen(b2[q.w])));
}

// shared forward epilogue: conv2d.wgsl's, copied into conv2d_f16.wgsl by engine/kernel_gen.ts
// Residual element o (clamped into the buffer: rows past the end are computed but not stored).
fn resAt(o: u32) -> f32 {
  let q = min(o / 4u, arrayLength(&res4) - 1u);
  return res4[q][o % 4u];
}

// Forward store with V4: when OH*OW % 4 == 0 the 4 rows of a block (which starts at a multiple of 4)
// are 4 adjacent pixels of one image, so each output channel of the block is one aligned vec4 of out
// and of the residual: 4 vector loads and stores instead of 16 scalar ones. Lavapipe scalarises each
// lane's memory access, so this shrinks the unrolled stores, which were most of the code it generates
// for a ResNet's convolutions (a residual epilogue at RB = CB = 8: 64 s -> 26 s with an empty cache).
// v[q] is row q, channels n..n+3; base is the first row's offset, cs the vec4s per channel plane.
fn st4(m: u32, base: u32, n: u32, v: mat4x4<f32>, cs: u32) {
  if (m >= p.M) { return; }
  let t = transpose(v);
  let q = (cOff + base) / 4u + n * cs;
  for (var c = 0u; c < 4u; c++) {
    if (n + c < p.NC) {
      var w = t[c];
      if ((EPI & 2u) != 0u && p.res == 1u) { w += res4[q + c * cs]; }
      if (p.relu == 1u) { w = max(w, vec4<f32>(0.0)); }
      out4[q + c * cs] = w;
    }
  }
}

// Forward epilogue on four output channels of one pixel (out offsets o, o + cs, ...): the residual
// input of a ResNet block and the ReLU that follows, so inference needs no extra pass over memory.
fn epilogue(o: u32, cs: u32, v: vec4<f32>) -> vec4<f32> {
  var w = v;
  if ((EPI & 2u) != 0u && p.res == 1u) {
    w += vec4<f32>(resAt(o), resAt(o + cs), resAt(o + 2u * cs), resAt(o + 3u * cs));
  }
  if (p.relu == 1u) { w = max(w, vec4<f32>(0.0)); }
  return w;
}
// end of shared forward epilogue

fn stRow(m: u32, base: u32, n: u32, v: vec4<f32>) {
  if (m >= p.M) { return; }
  let cs = p.OH * p.OW;
  let o = cOff + base + n * cs;
  let w = epilogue(o, cs, v);
  if (n < p.NC) { out[o] = w.x; }
  if (n + 1u < p.NC) { out[o + cs] = w.y; }
  if (n + 2u < p.NC) { out[o + 2u * cs] = w.z; }
  if (n + 3u < p.NC) { out[o + 3u * cs] = w.w; }
}

fn st(i: u32, j: u32, acc: mat4x4<f32>) {
  let r = rowOf(i);
  let n = colOf(j);
  var bv = vec4<f32>();
  var sv = vec4<f32>(1.0);
  let n1 = p.NC - 1u;
  if (BIAS == 1u) {
    bv = vec4<f32>(bias[min(n, n1)], bias[min(n + 1u, n1)], bias[min(n + 2u, n1)], bias[min(n + 3u, n1)]);
  }
  if ((EPI & 1u) != 0u) {
    sv = vec4<f32>(scale[min(n, n1)], scale[min(n + 1u, n1)], scale[min(n + 2u, n1)], scale[min(n + 3u, n1)]);
  }
  let ro = rO[i];
  if (V4 == 1u) {
    st4(r, ro.x, n, mat4x4<f32>(acc[0] * sv + bv, acc[1] * sv + bv, acc[2] * sv + bv, acc[3] * sv + bv), p.OH * p.OW / 4u);
    return;
  }
  stRow(r, ro.x, n, acc[0] * sv + bv);
  stRow(r + 1u, ro.y, n, acc[1] * sv + bv);
  stRow(r + 2u, ro.z, n, acc[2] * sv + bv);
  stRow(r + 3u, ro.w, n, acc[3] * sv + bv);
}

// Channels-last repack of f16 data (see conv2d.wgsl's permute); four halves per invocation.
// Position (i0, i1, i2, i3/4) of invocation t in the D0 x D1 x D2 x D3q grid of pack, permute and
// im2col (dividing by the largest factors first keeps every quotient small).
fn gridPos(t: u32) -> vec4<u32> {
  let s1 = divmod(vec4<u32>(t), pp.D1 * pp.D2 * pp.D3q, pp.inv123);
  let s2 = divmod(s1.r, pp.D2 * pp.D3q, pp.inv23);
  let s3 = divmod(s2.r, pp.D3q, pp.inv3);
  return vec4<u32>(s1.q.x, s2.q.x, s3.q.x, s3.r.x);
}

@compute @workgroup_size(WG)
fn permute(@builtin(global_invocation_id) gid: vec3<u32>) {
  let t = gid.x + gid.y * pp.row;
  if (t >= pp.total) { return; }
  let g = gridPos(t);
  let i0 = g.x;
  let i1 = g.y;
  let i2 = g.z;
  let i3 = g.w * 4u + LANE;
  let ok = vec4<bool>(i0 < pp.lim.x && i1 < pp.lim.y && i2 < pp.lim.z) & (i3 < vec4<u32>(pp.lim.w));
  let off = select(vec4<u32>(0u), i0 * pp.st.x + i1 * pp.st.y + i2 * pp.st.z + i3 * pp.st.w, ok);
  let v = select(vec4<f32>(), vec4<f32>(f32(src[off.x]), f32(src[off.y]), f32(src[off.z]), f32(src[off.w])), ok);
  packed[t] = vec2<u32>(pack2x16float(v.xy), pack2x16float(v.zw));
}

// The workgroup is declared 1-D because Mesa's CPU driver vectorises invocations along x only.
@compute @workgroup_size(WGS)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) lin: u32) {
  let lx = lin % WGX;
  let ly = lin / WGX;
  rowBase = wid.y * RB * WGY + ly;
  colBase = wid.x * CB * WGX + lx;
  let split = wid.z;
  cOff = split * p.ssplit;
  let kBeg = split * p.kchunk;
  kEnd = min(p.K, kBeg + p.kchunk);
  if (RB > 0u) { initRows(0u); } if (RB > 1u) { initRows(1u); } if (RB > 2u) { initRows(2u); } if (RB > 3u) { initRows(3u); } if (RB > 4u) { initRows(4u); } if (RB > 5u) { initRows(5u); } if (RB > 6u) { initRows(6u); } if (RB > 7u) { initRows(7u); }
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
    decomposeK(k);
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
