// 2-D convolution (NCHW activations, OIHW weights, zero padding, any kernel size and stride) as
// implicit GEMM. Nothing is materialised beyond a channels-last copy of the operands: `permute`
// repacks x (and g, w) so that 4 consecutive channels of one pixel are one aligned vec4 (channel
// counts are zero-padded to C4 = 4*ceil(C/4), O4 likewise), which makes every block load of the GEMM
// four vec4 loads instead of sixteen scalar gathers. Reduction index k runs over (tap, channel)
// with the channel fastest, so a k-step of 4 is one tap and 4 channels.
//
//   PASS 0, forward:      rows m = (n, oh, ow), cols o, k = (kh, kw, c) over KH*KW*C4
//                         A = xp[n, oh*S-P+kh, ow*S-P+kw, c]     B = wf[o, kh, kw, c]   out = y (+ bias[o])
//   PASS 1, grad input:   one dispatch per stride phase (ph, pw): rows m = (n, y', x') for the input
//                         pixels ih = y'*S+ph, iw = x'*S+pw; cols c; k = (t, u, o) over the taps
//                         kh = kh0+S*t, kw = kw0+S*u that reach this phase ((ph+P-kh) % S == 0) and O4
//                         channels, so stride 2 does no multiply-by-zero work.
//                         A = gp[n, y'+dh-t, x'+dw-u, o]        B = wb[kh, kw, o, c]   out = dx (NCHW)
//   first (entry point), PASS 0 after a one-channel first layer: the same forward GEMM, with A computed
//                         in the kernel as relu(conv(x1, w1) + b1) from the model's input x1 [N, 1, xH, xW]
//                         and the 3x3 first layer w1 [C, 1, 3, 3], b1 [C] (stride xS, padding xP), so
//                         that layer's C-channel output is never written out (see loadX).
//   PASS 2, grad weight:  rows o, cols j = (kh, kw, c) over KH*KW*C4, k = (n, oh, ow), split over k;
//                         A = g[n, o, oh, ow] (NCHW)             B = xp[n, oh*S-P+kh, ow*S-P+kw, c]
//                         out = dw[o, c, kh, kw] (one partial per split, summed afterwards)
//
// xp, gp are the packed activations [N, H, W, C4] and gradients [N, OH, OW, O4]; wf is w as
// [O, KH, KW, C4] and wb as [KH, KW, O4, C4].
//
// The register tile, block assignment and k-step are those of matmul.wgsl (see there): RB x CB
// blocks of 4x4 mat4x4 accumulators per invocation, written out for RB <= 8, CB <= 8 (`first`: RB <= 6,
// CB <= 16, as wide as the output, since each column tile recomputes the first layer) and folded by
// the override guards. Row coordinates are decomposed once per invocation into private per-block
// vectors and k once per k-step. Integer division uses a float reciprocal with one correction step,
// exact for quotients below ~5e6 (the op checks sizes).

override RB: u32 = 2u;
override CB: u32 = 2u;
override WGX: u32 = 8u;
override WGY: u32 = 8u;
override WGS: u32 = 64u;    // WGX * WGY (a 1-D workgroup: see main)
override PASS: u32 = 0u;    // 0 forward, 1 grad input, 2 grad weight
override VA: u32 = 0u;      // PASS 2: OH*OW % 4 == 0, read g four k at a time
override BIAS: u32 = 0u;    // PASS 0: add bias[o]
override EPI: u32 = 0u;     // PASS 0 epilogue: 1 scale[o] (before the bias), 2 residual code (Conv.res)
override V4: u32 = 0u;      // PASS 0: OH*OW % 4 == 0, store by whole vec4s (see st4)
override OUTP: u32 = 0u;    // PASS 0: store into the packed layout [N, OH, OW, O4] (see stPacked)
override WT: u32 = 0u;      // read the operand a workgroup's lanes share from the texture wt (see there)
override RT: u32 = 0u;      // OUTP with EPI & 2: the residual comes from the texture rt (Conv.res = 2), not res4
override AT: u32 = 0u;      // read the packed per-lane operand (pack: its source) from the texture at (see there; `first` ignores it)
override FIRST: u32 = 0u;   // 1 in pipelines of the entry point `first` (see initRows)
override WG: u32 = 64u;     // permute

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
  M: u32,        // GEMM rows of this pass
  NC: u32,       // GEMM columns
  K: u32,        // GEMM reduction length
  kchunk: u32,   // k range per split (multiple of 4)
  ssplit: u32,   // elements between split partial results
  D1: u32,       // rows (PASS 0, 1) are (n*D1 + y)*D2 + x; k of PASS 2 likewise
  D2: u32,
  CK: u32,       // channels per tap in k (PASS 0: C4, PASS 1: O4) or in the columns (PASS 2: C4)
  TW: u32,       // taps per tap row: KW (PASS 0, 2) or KWp (PASS 1)
  invD12: f32,   // 1 / (D1*D2) and so on, for the divisions
  invD2: f32,
  invCK: f32,
  invTW: f32,
  ph: u32,       // PASS 1: stride phase and its first taps and offsets
  pw: u32,
  kh0: u32,
  kw0: u32,
  dh: u32,
  dw: u32,
  C4: u32,
  O4: u32,
  // PASS 0, 1 or 0: add the residual (with EPI & 2, which compiles its code), then apply a ReLU.
  // Uniforms, so that one pipeline serves a ResNet's convolutions with and without them. res = 2
  // (packed output only): the residual from the texture rt.
  res: u32,
  relu: u32,
  // first: the first layer's input size, stride and padding (its output is H x W).
  xH: u32,
  xW: u32,
  xS: u32,
  xP: u32,
  fence: u32,     // always 0: the generated register tile's scheduling fences (engine/wgsl_sections.ts FMAS_PER_FENCE)
}

// permute: out[i0, i1, i2, i3] = src[i0*st.x + i1*st.y + i2*st.z + i3*st.w] inside the source extents
// `lim`, else 0; four consecutive i3 per invocation (D3 % 4 == 0).
// pack (activations [N, C, H, W] -> [N, H, W, C4] with H*W % 4 == 0, a plane taken as one row of
// H*W pixels): D1 = 1, D2 = H*W/4, D3q = C4/4, lim.w = C; each invocation moves a 4x4 tile (4 pixels
// x 4 channels) with vec4 loads and stores.
struct Perm {
  D1: u32,
  D2: u32,
  D3q: u32,      // D3 / 4
  total: u32,    // invocations: D0 * D1 * D2 * D3q
  row: u32,      // invocations per grid row
  inv123: f32,   // 1 / (D1*D2*D3q): dividing the largest factors first keeps every quotient small
  inv23: f32,    // 1 / (D2*D3q)
  inv3: f32,     // 1 / D3q
  st: vec4<u32>,
  lim: vec4<u32>,
  // pack: channels c (of the tile's group) become x * nscale[c] + nshift[c], an input normalisation
  // folded into the stem's packing (C <= 4); identity (1, 0) otherwise, and 0 for padded channels.
  nscale: vec4<f32>,
  nshift: vec4<f32>,
}

@group(0) @binding(0) var<uniform> p: Conv;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> a4: array<vec4<f32>>;   // the same buffer as a
@group(0) @binding(3) var<storage, read> b4: array<vec4<f32>>;
@group(0) @binding(4) var<storage, read> bias: array<f32>;
@group(0) @binding(5) var<storage, read_write> out: array<f32>;
@group(0) @binding(6) var<uniform> pp: Perm;
@group(0) @binding(7) var<storage, read> src: array<f32>;
@group(0) @binding(8) var<storage, read_write> packed: array<vec4<f32>>;
@group(0) @binding(9) var<storage, read> src4: array<vec4<f32>>;   // the same buffer as src
@group(0) @binding(10) var<storage, read> scale: array<f32>;   // epilogue scale[o] (folded batchnorm)
@group(0) @binding(11) var<storage, read> res4: array<vec4<f32>>;   // epilogue residual, laid out like out
@group(0) @binding(12) var<storage, read_write> out4: array<vec4<f32>>;   // the output when V4 (out: a spare)
// WT: the operand that all lanes of a workgroup share, as a texture of its rows. PASS 0 and 1 (lanes
// across rows) the weights b4 holds: texel (k / 4, o) = wf[o, k..k+3], PASS 1 texel (c / 4,
// (kh*KW + kw)*O4 + o) = wb[kh, kw, o, c..c+3]; PASS 2 (lanes across columns, VA) the output gradient
// a4 holds, vec4 q at texel (q % 4096, q / 4096) like `at` (one texture row per image and channel
// exceeded the texture size at batch 400). PASS 0 also finds the epilogue's per-channel data there:
// rows NC and NC + 1 hold bias and scale (texel c / 4 = channels c..c+3). On the software adapter a
// storage-buffer load is a loop over the lanes with two branches per value, a texel fetch a vectorised
// address computation and a gather; for an address all lanes share the fetch is much the cheaper
// (lavapipe, 8 x 8 tiles: forward convolutions 11-14 % faster at batch 400; weight gradients 10-24 % at
// batch 128, the copy included), for addresses of their own about as costly (see docs/SPEED.md).
// Every texture here is a read-only storage texture, not a sampled one: Mesa 22.3 reads an image without
// the sampler's code path, measured 2.4x cheaper per vec4 on an AVX2 machine (6.2 against 14.6 ns per 8
// lanes, data in cache; a storage-buffer load took 109): 16-channel 3x3 layers 24 % faster, 64-channel 16 %.
@group(0) @binding(13) var wt: texture_storage_2d<rgba32float, read>;
// AT: the packed operand whose rows are each lane's own, as a texture 4096 texels wide, vec4 q at texel
// (q % 4096, q / 4096): a4 in PASS 0 and 1 (activations, output gradients), b4 in PASS 2 (activations).
// A texel fetch costs about what a storage load does there, yet it gained (lavapipe, the copy included:
// ResNet-20 sampling 5-7 %, its training step 7-9 %; weight gradients 9-11 %).
// In `first`, `at` holds the first layer's weights and bias instead, [10, C4 / 4] vec4s in
// one row: texel (t * C4/4 + c/4, 0) = w1[c..c+3, t] for its 9 taps t, then b1[c..c+3] as a tenth tap
// whose input is 1; zero past C. Every lane reads the same texel there, which a storage load at a
// shared address makes a loop over the lanes (the MNIST CNN's pair 15 % slower on an AVX2 machine).
@group(0) @binding(15) var at: texture_storage_2d<rgba32float, read>;
// first: the first layer's input x [N, 1, H, W] (r32float), value q at texel (q % 4096, q / 4096). Each
// lane reads values of its own, which from a storage buffer is a loop over the lanes (see loadX).
@group(0) @binding(14) var xt: texture_storage_2d<r32float, read>;
// OUTP with Conv.res = 2: the packed residual, laid out as `at` (vec4 q at texel (q % 4096, q / 4096));
// it is a texture that still holds a ResNet block's input, copied there for the block's first
// convolution. A residual from res4 costs a per-lane storage load for every stored vec4.
@group(0) @binding(16) var rt: texture_storage_2d<rgba32float, read>;

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
// Per row block (4 rows each), PASS 0/1: spatial origin of every row, its image's base in the
// packed operand (in vec4s), and every row's output offset (PASS 2: o * NC).
var<private> rY: array<vec4<i32>, 8>;
var<private> rX: array<vec4<i32>, 8>;
var<private> rA: array<vec4<u32>, 8>;
var<private> rO: array<vec4<u32>, 8>;
// PASS 2, per column block (one tap, four channels): tap offsets minus padding, channel vec4 index,
// and every column's dw offset (c*KH*KW + tap) or a sentinel for padded channels.
var<private> cY: array<i32, 8>;
var<private> cZ: array<i32, 8>;
var<private> cQ: array<u32, 8>;
var<private> cO: array<vec4<u32>, 8>;
// `first`, per column block: the epilogue's bias and scale (initEpilogue).
var<private> cBias: array<vec4<f32>, 16>;
var<private> cScale: array<vec4<f32>, 16>;
// The current k-step, decomposed: PASS 0/1 one tap (kT, kU) and the vec4 channel group kC; PASS 2
// four pixels (kN, kY, kX).
var<private> kT: u32;
var<private> kU: u32;
var<private> kC: u32;
var<private> kN: vec4<u32>;
var<private> kY: vec4<u32>;
var<private> kX: vec4<u32>;
// first: per row block, the first layer's input (4 rows in a vec4) at each of its 3x3 taps around the
// current conv tap's pixel, 1 where that pixel lies inside the first layer's output (0: padding), and
// the first layer's weights and bias for the current channel group.
var<private> xv: array<array<vec4<f32>, 9>, 8>;
var<private> xIn: array<vec4<f32>, 8>;
var<private> fw: array<vec4<f32>, 10>;

const NONE = 0xffffffffu;

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

fn initRows(i: u32) {
  let m = rowOf(i) + LANE;
  if (PASS == 2u) {
    rO[i] = m * (p.C * p.KH * p.KW);
    return;
  }
  let mm = min(m, vec4<u32>(p.M - 1u));
  let s1 = divmod(mm, p.D1 * p.D2, p.invD12);
  let s2 = divmod(s1.r, p.D2, p.invD2);
  let n = s1.q;
  let y = s2.q;
  let x = s2.r;
  if (PASS == 0u) {
    rY[i] = vec4<i32>(y * p.S) - i32(p.P);
    rX[i] = vec4<i32>(x * p.S) - i32(p.P);
    rA[i] = n * (p.H * p.W * (p.C4 / 4u));
    if (FIRST == 1u) { rA[i] = n * (p.xH * p.xW); }
    rO[i] = n * (p.O * p.OH * p.OW) + y * p.OW + x;
  } else {
    rY[i] = vec4<i32>(y + p.dh);
    rX[i] = vec4<i32>(x + p.dw);
    rA[i] = n * (p.OH * p.OW * (p.O4 / 4u));
    rO[i] = n * (p.C * p.H * p.W) + (y * p.S + p.ph) * p.W + x * p.S + p.pw;
  }
}

fn initCols(j: u32) {
  if (PASS != 2u) { return; }
  // Column block = one tap and four channels (C4 % 4 == 0, blocks start at multiples of 4).
  let col = min(colOf(j), p.NC - 4u);
  let tc = divmod1(col, p.C4, 1.0 / f32(p.C4));
  let hw = divmod1(tc.x, p.KW, p.invTW);
  cY[j] = i32(hw.x) - i32(p.P);
  cZ[j] = i32(hw.y) - i32(p.P);
  cQ[j] = tc.y / 4u;
  let c = tc.y + LANE;
  cO[j] = select(vec4<u32>(NONE), c * (p.KH * p.KW) + tc.x, c < vec4<u32>(p.C));
}

// PASS 0: the epilogue's bias and scale for column block j. With WT they
// are rows NC and NC + 1 of wt (texel n / 4 holds columns n..n+3): a storage load shared by the lanes
// is a loop over them, and those loops were half of what lavapipe compiled for a ResNet's convolution
// (see docs/SPEED.md).
struct Epi {
  bias: vec4<f32>,
  scale: vec4<f32>,
}

fn epilogueOf(j: u32) -> Epi {
  var e = Epi(vec4<f32>(), vec4<f32>(1.0));
  if (PASS != 0u) { return e; }
  let n = colOf(j);
  let n1 = p.NC - 1u;
  if (BIAS == 1u) {
    if (WT == 1u) {
      e.bias = textureLoad(wt, vec2<u32>(n / 4u, p.NC));
    } else {
      e.bias = vec4<f32>(bias[min(n, n1)], bias[min(n + 1u, n1)], bias[min(n + 2u, n1)], bias[min(n + 3u, n1)]);
    }
  }
  if ((EPI & 1u) != 0u) {
    if (WT == 1u) {
      e.scale = textureLoad(wt, vec2<u32>(n / 4u, p.NC + 1u));
    } else {
      e.scale = vec4<f32>(scale[min(n, n1)], scale[min(n + 1u, n1)], scale[min(n + 2u, n1)], scale[min(n + 3u, n1)]);
    }
  }
  return e;
}

fn initEpilogue(j: u32) {
  let e = epilogueOf(j);
  cBias[j] = e.bias;
  cScale[j] = e.scale;
}

// Decompose the k-step starting at k (a multiple of 4).
fn decomposeK(k: u32) {
  if (PASS == 2u) {
    let kk = min(k + LANE, vec4<u32>(p.K - 1u));
    let s1 = divmod(kk, p.D1 * p.D2, p.invD12);
    let s2 = divmod(s1.r, p.D2, p.invD2);
    kN = s1.q;
    kY = s2.q;
    kX = s2.r;
    return;
  }
  let tc = divmod1(k, p.CK, p.invCK);
  let tu = divmod1(tc.x, p.TW, p.invTW);
  kT = tu.x;
  kU = tu.y;
  kC = tc.y / 4u;
}

// Element q of a tensor held row by row in a texture 4096 texels wide (`at`, `rt`, `xt`; TEXTURE_ROW in
// engine/ops/operand_texture.ts).
fn texelOf(q: u32) -> vec2<u32> {
  return vec2<u32>(q & 4095u, q >> 12u);
}

fn xAt(q: u32) -> f32 {
  return textureLoad(xt, texelOf(q)).x;
}

// first: the first layer's input for row block i at conv tap (kh, kw), once per tap for all its channel
// groups. A one-channel 3x3 layer's output has C channels per pixel but is computed from 9 input values,
// so the C/4 vec4 loads per pixel and tap of a stored output become 9 scalar loads per tap (and the
// output, 128 bytes per pixel for the MNIST CNN's 32 channels, is never stored).
fn loadX(i: u32, kh: u32, kw: u32) {
  let yy = rY[i] + i32(kh);
  let xx = rX[i] + i32(kw);
  xIn[i] = select(vec4<f32>(0.0), vec4<f32>(1.0), (vec4<u32>(yy) < vec4<u32>(p.H)) & (vec4<u32>(xx) < vec4<u32>(p.W)));
  let y0 = yy * i32(p.xS) - i32(p.xP);
  let x0 = xx * i32(p.xS) - i32(p.xP);
  for (var u = 0; u < 3; u++) {
    for (var v = 0; v < 3; v++) {
      let iy = vec4<u32>(y0 + u);
      let ix = vec4<u32>(x0 + v);
      let ok = (iy < vec4<u32>(p.xH)) & (ix < vec4<u32>(p.xW));
      let q = select(vec4<u32>(0u), rA[i] + iy * p.xW + ix, ok);
      xv[i][u * 3 + v] = select(vec4<f32>(), vec4<f32>(xAt(q.x), xAt(q.y), xAt(q.z), xAt(q.w)), ok);
    }
  }
}

// first: the k-step at channel c (a multiple of 4) of the current tap needs the first layer's weights and
// bias for channels c..c+3 (from the texture `at`).
fn loadW1(c: u32) {
  let cs = p.C4 / 4u;
  for (var t = 0u; t < 10u; t++) { fw[t] = textureLoad(at, vec2<u32>(t * cs + c / 4u, 0u)); }
}

// first: A's block for row block i: column r = relu(b1 + sum over taps of w1 * x) for the four channels,
// 0 where the pixel is the convolution's padding.
fn ldA1(i: u32) -> mat4x4<f32> {
  var m = mat4x4<f32>(fw[9], fw[9], fw[9], fw[9]);
  for (var t = 0u; t < 9u; t++) {
    let w = fw[t];
    let x = xv[i][t];
    m += mat4x4<f32>(w * x.x, w * x.y, w * x.z, w * x.w);
  }
  let s = xIn[i];
  let z = vec4<f32>(0.0);
  return mat4x4<f32>(max(m[0], z) * s.x, max(m[1], z) * s.y, max(m[2], z) * s.z, max(m[3], z) * s.w);
}

// Packed vec4 at index q when ok, else zeros (the address is clamped so no lane reads out of range).
fn ldA4(q: u32, ok: bool) -> vec4<f32> {
  let qq = select(0u, q, ok);
  if (AT == 1u) { return select(vec4<f32>(), textureLoad(at, texelOf(qq)), ok); }
  return select(vec4<f32>(), a4[qq], ok);
}

fn ldB4(q: u32, ok: bool) -> vec4<f32> {
  let qq = select(0u, q, ok);
  if (AT == 1u) { return select(vec4<f32>(), textureLoad(at, texelOf(qq)), ok); }
  return select(vec4<f32>(), b4[qq], ok);
}

// PASS 0/1: the packed activation (gradient) vec4 of row r of block i at the current tap.
fn spatial(i: u32, r: u32, live: bool) -> vec4<f32> {
  if (PASS == 0u) {
    let ih = rY[i][r] + i32(kT);
    let iw = rX[i][r] + i32(kU);
    let ok = u32(ih) < p.H && u32(iw) < p.W && live;
    return ldA4(rA[i][r] + (u32(ih) * p.W + u32(iw)) * (p.C4 / 4u) + kC, ok);
  }
  let oh = rY[i][r] - i32(kT);
  let ow = rX[i][r] - i32(kU);
  let ok = u32(oh) < p.OH && u32(ow) < p.OW && live;
  return ldA4(rA[i][r] + (u32(oh) * p.OW + u32(ow)) * (p.O4 / 4u) + kC, ok);
}

// 4x4 block of A for row block i at k: column r holds A[row r, k..k+3].
fn ldA(i: u32, k: u32) -> mat4x4<f32> {
  if (PASS != 2u) {
    let live = k < kEnd;
    return mat4x4<f32>(spatial(i, 0u, live), spatial(i, 1u, live), spatial(i, 2u, live), spatial(i, 3u, live));
  }
  // A[o, k] = g[n, o, oh, ow] with k = n*OH*OW + (oh*OW + ow).
  let o = min(rowOf(i) + LANE, vec4<u32>(p.O - 1u));
  let ohw = p.OH * p.OW;
  let pix = kY * p.OW + kX;
  if (VA == 1u) {
    // OH*OW % 4 == 0 and k % 4 == 0: the four k share n and are one aligned vec4 per row.
    let q = (kN.x * p.O + o) * (ohw / 4u) + pix.x / 4u;
    if (WT == 1u) {
      return mat4x4<f32>(textureLoad(wt, texelOf(q.x)), textureLoad(wt, texelOf(q.y)),
                         textureLoad(wt, texelOf(q.z)), textureLoad(wt, texelOf(q.w)));
    }
    return mat4x4<f32>(a4[q.x], a4[q.y], a4[q.z], a4[q.w]);
  }
  let live = vec4<bool>(k < kEnd, k + 1u < kEnd, k + 2u < kEnd, k + 3u < kEnd);
  let base = kN * (p.O * ohw) + pix;
  return mat4x4<f32>(gatherA(base + o.x * ohw, live), gatherA(base + o.y * ohw, live),
                     gatherA(base + o.z * ohw, live), gatherA(base + o.w * ohw, live));
}

fn gatherA(off: vec4<u32>, ok: vec4<bool>) -> vec4<f32> {
  let o = select(vec4<u32>(0u), off, ok);
  return select(vec4<f32>(), vec4<f32>(a[o.x], a[o.y], a[o.z], a[o.w]), ok);
}

// PASS 2: packed x vec4 for pixel kk of the k-step and column block j (its tap and channel group).
fn pixelB(j: u32, kk: u32, live: bool) -> vec4<f32> {
  let ih = i32(kY[kk] * p.S) + cY[j];
  let iw = i32(kX[kk] * p.S) + cZ[j];
  let ok = u32(ih) < p.H && u32(iw) < p.W && live;
  return ldB4(((kN[kk] * p.H + u32(ih)) * p.W + u32(iw)) * (p.C4 / 4u) + cQ[j], ok);
}

// 4x4 block of B for column block j at k: column kk holds B[k + kk, n..n+3].
fn ldB(j: u32, k: u32) -> mat4x4<f32> {
  if (PASS == 0u) {
    // wf[o, k] for the four output channels of the block: one aligned vec4 each, transposed.
    let col = min(colOf(j) + LANE, vec4<u32>(p.NC - 1u));
    if (WT == 1u) {
      let kq = k / 4u;
      return transpose(mat4x4<f32>(textureLoad(wt, vec2<u32>(kq, col.x)), textureLoad(wt, vec2<u32>(kq, col.y)),
                                   textureLoad(wt, vec2<u32>(kq, col.z)), textureLoad(wt, vec2<u32>(kq, col.w))));
    }
    let q = col * (p.K / 4u) + k / 4u;
    return transpose(mat4x4<f32>(b4[q.x], b4[q.y], b4[q.z], b4[q.w]));
  }
  if (PASS == 1u) {
    // wb[kh, kw, o, c..c+3] for the four o of the k-step.
    let c = min(colOf(j), p.C4 - 4u);
    let kh = p.kh0 + p.S * kT;
    let kw = p.kw0 + p.S * kU;
    if (WT == 1u) {
      let r = (kh * p.KW + kw) * p.O4 + kC * 4u;
      let cq = c / 4u;
      return mat4x4<f32>(textureLoad(wt, vec2<u32>(cq, r)), textureLoad(wt, vec2<u32>(cq, r + 1u)),
                         textureLoad(wt, vec2<u32>(cq, r + 2u)), textureLoad(wt, vec2<u32>(cq, r + 3u)));
    }
    let q = ((kh * p.KW + kw) * p.O4 + kC * 4u) * (p.C4 / 4u) + c / 4u;
    let cs = p.C4 / 4u;
    return mat4x4<f32>(b4[q], b4[q + cs], b4[q + 2u * cs], b4[q + 3u * cs]);
  }
  return mat4x4<f32>(pixelB(j, 0u, k < kEnd), pixelB(j, 1u, k + 1u < kEnd), pixelB(j, 2u, k + 2u < kEnd),
                     pixelB(j, 3u, k + 3u < kEnd));
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

fn stRow(m: u32, base: u32, n: u32, v: vec4<f32>, j: u32) {
  if (m >= p.M) { return; }
  if (PASS == 2u) {
    // Columns map to dw[o, c, kh, kw]; padded channels have no destination.
    let co = cO[j];
    if (co.x != NONE) { out[cOff + base + co.x] = v.x; }
    if (co.y != NONE) { out[cOff + base + co.y] = v.y; }
    if (co.z != NONE) { out[cOff + base + co.z] = v.z; }
    if (co.w != NONE) { out[cOff + base + co.w] = v.w; }
    return;
  }
  var cs = p.OH * p.OW;
  if (PASS == 1u) { cs = p.H * p.W; }
  let o = cOff + base + n * cs;
  var w = v;
  if (PASS == 0u) { w = epilogue(o, cs, v); }
  if (n < p.NC) { out[o] = w.x; }
  if (n + 1u < p.NC) { out[o + cs] = w.y; }
  if (n + 2u < p.NC) { out[o + 2u * cs] = w.z; }
  if (n + 3u < p.NC) { out[o + 3u * cs] = w.w; }
}

// Forward store into the packed layout [N, OH, OW, O4] that the next convolution reads (OUTP), so
// chained convolutions need no repacking pass: row m of the GEMM is pixel m of the output, so row q
// of the block is one aligned vec4 (channels n..n+3) at m*O4/4 + n/4, and so is its residual, which
// arrives packed too. Channels past O are stored as 0 (the next layer's packed weights are 0 there).
fn stPacked(m: u32, n: u32, v: mat4x4<f32>) {
  if (n >= p.O4) { return; }   // a column block wholly past the channels: another pixel's slot
  stPixel(m, n, v[0]);
  stPixel(m + 1u, n, v[1]);
  stPixel(m + 2u, n, v[2]);
  stPixel(m + 3u, n, v[3]);
}

fn stPixel(m: u32, n: u32, v: vec4<f32>) {
  if (m >= p.M) { return; }
  let i = m * (p.O4 / 4u) + n / 4u;
  var w = v;
  // One residual source is compiled: a per-lane storage load per stored vec4 made lavapipe generate
  // code for twice as long (the residual's texture load alone costs little).
  if ((EPI & 2u) != 0u) {
    if (RT == 1u) {
      if (p.res == 2u) { w += textureLoad(rt, texelOf(i)); }
    } else if (p.res == 1u) {
      w += res4[i];
    }
  }
  if (p.relu == 1u) { w = max(w, vec4<f32>(0.0)); }
  out4[i] = select(w, vec4<f32>(0.0), n + LANE >= vec4<u32>(p.NC));
}

// Store block (i, j): acc[q] is row r + q, columns n..n+3.
fn st(i: u32, j: u32, acc: mat4x4<f32>) {
  let r = rowOf(i);
  let n = colOf(j);
  if (PASS == 2u && n >= p.NC) { return; }
  // `first` reads the epilogue's values once per column block, when row block 0 stores (the register
  // tile's order), after the k loop; `main` at every block. Each was measured the quicker to create
  // (lavapipe, warm cache): `first` at 6 x 16 blocks 6.2-7.4 s against 9.2, ResNet-20's pipelines 3.2-3.4 s
  // against 5.0.
  var e = Epi(vec4<f32>(), vec4<f32>(1.0));
  if (FIRST == 1u) {
    if (i == 0u) { initEpilogue(j); }
    e = Epi(cBias[j], cScale[j]);
  } else {
    e = epilogueOf(j);
  }
  let bv = e.bias;
  let sv = e.scale;
  let ro = rO[i];
  if (PASS == 0u && OUTP == 1u) {
    stPacked(r, n, mat4x4<f32>(acc[0] * sv + bv, acc[1] * sv + bv, acc[2] * sv + bv, acc[3] * sv + bv));
    return;
  }
  if (PASS == 0u && V4 == 1u) {
    st4(r, ro.x, n, mat4x4<f32>(acc[0] * sv + bv, acc[1] * sv + bv, acc[2] * sv + bv, acc[3] * sv + bv), p.OH * p.OW / 4u);
    return;
  }
  if (PASS == 1u && V4 == 1u) {
    st4(r, ro.x, n, acc, p.H * p.W / 4u);
    return;
  }
  stRow(r, ro.x, n, acc[0] * sv + bv, j);
  stRow(r + 1u, ro.y, n, acc[1] * sv + bv, j);
  stRow(r + 2u, ro.z, n, acc[2] * sv + bv, j);
  stRow(r + 3u, ro.w, n, acc[3] * sv + bv, j);
}

// Position (i0, i1, i2, i3/4) of invocation t in the D0 x D1 x D2 x D3q grid of pack, permute and
// im2col (dividing by the largest factors first keeps every quotient small).
fn gridPos(t: u32) -> vec4<u32> {
  let s1 = divmod(vec4<u32>(t), pp.D1 * pp.D2 * pp.D3q, pp.inv123);
  let s2 = divmod(s1.r, pp.D2 * pp.D3q, pp.inv23);
  let s3 = divmod(s2.r, pp.D3q, pp.inv3);
  return vec4<u32>(s1.q.x, s2.q.x, s3.q.x, s3.r.x);
}

// pack's source vec4 q: with AT from a copy of src in the texture `at` (laid out as there), which the
// software adapter reads much faster than a storage buffer (engine/ops/operand_texture.ts).
fn source(q: u32) -> vec4<f32> {
  if (AT == 1u) { return textureLoad(at, texelOf(q)); }
  return src4[q];
}

@compute @workgroup_size(WG)
fn pack(@builtin(global_invocation_id) gid: vec3<u32>) {
  let t = gid.x + gid.y * pp.row;
  if (t >= pp.total) { return; }
  let g = gridPos(t);
  let n = g.x;
  let h = g.y;
  let wq = g.z;
  let cq = g.w;
  let C = pp.lim.w;
  let H = pp.D1;
  let W4 = pp.D2;
  // Rows of the tile: channel c0 + e at pixels 4*wq .. 4*wq + 3.
  let c = cq * 4u + LANE;
  let ok = c < vec4<u32>(C);
  let q = select(vec4<u32>(0u), ((n * C + c) * H + h) * W4 + wq, ok);
  let m = transpose(mat4x4<f32>(select(vec4<f32>(), source(q.x), ok.x), select(vec4<f32>(), source(q.y), ok.y),
                                select(vec4<f32>(), source(q.z), ok.z), select(vec4<f32>(), source(q.w), ok.w)));
  // Column e of the transpose is pixel 4*wq + e with its four channels.
  let C4q = pp.D3q;
  let o = ((n * H + h) * W4 * 4u + wq * 4u) * C4q + cq;
  packed[o] = m[0] * pp.nscale + pp.nshift;
  packed[o + C4q] = m[1] * pp.nscale + pp.nshift;
  packed[o + 2u * C4q] = m[2] * pp.nscale + pp.nshift;
  packed[o + 3u * C4q] = m[3] * pp.nscale + pp.nshift;
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
  packed[t] = select(vec4<f32>(), vec4<f32>(src[off.x], src[off.y], src[off.z], src[off.w]), ok);
}

// im2col, for inputs with few channels (the MNIST CNN's first layer has C = 1, which the packed
// layout would pad to 4 channels per tap): out[n, oh, ow, j] = x[n, c, oh*S - P + kh, ow*S - P + kw]
// for j = (c*KH + kh)*KW + kw, the weights' own [O, C, KH, KW] order, so the forward pass becomes a
// 1 x 1 convolution over K4 = 4*ceil(C*KH*KW/4) channels with w viewed as [O, C*KH*KW, 1, 1]; zero
// outside the image and for j >= C*KH*KW. One invocation writes a pixel's K4/4 vec4s, stepping the tap
// (c, kh, kw) by counters (a division per value, as in one invocation per vec4, made the pass 10-15 %
// slower on the CPU adapter). D1 = OH, D2 = OW, D3q = 1; st = (H, W, S, P), lim = (C, KH, KW, C*KH*KW).
struct Tap {
  c: u32,
  kh: u32,
  kw: u32,
}

fn nextTap(t: Tap) -> Tap {
  var u = t;
  u.kw += 1u;
  if (u.kw == pp.lim.z) {
    u.kw = 0u;
    u.kh += 1u;
    if (u.kh == pp.lim.y) {
      u.kh = 0u;
      u.c += 1u;
    }
  }
  return u;
}

// x at tap t of the pixel whose window starts at (ih0, iw0) in plane row nc = n * C, 0 outside the image
// or where !live (past the last tap).
fn tapValue(nc: u32, ih0: i32, iw0: i32, t: Tap, live: bool) -> f32 {
  let ih = ih0 + i32(t.kh);
  let iw = iw0 + i32(t.kw);
  let ok = live && u32(ih) < pp.st.x && u32(iw) < pp.st.y;
  let off = select(0u, ((nc + t.c) * pp.st.x + u32(ih)) * pp.st.y + u32(iw), ok);
  return select(0.0, src[off], ok);
}

@compute @workgroup_size(WG)
fn im2col(@builtin(global_invocation_id) gid: vec3<u32>) {
  let t = gid.x + gid.y * pp.row;
  if (t >= pp.total) { return; }
  let g = gridPos(t);
  let nc = g.x * pp.lim.x;
  let ih0 = i32(g.y * pp.st.z) - i32(pp.st.w);
  let iw0 = i32(g.z * pp.st.z) - i32(pp.st.w);
  let J = pp.lim.w;
  let K4q = (J + 3u) / 4u;
  var tp = Tap(0u, 0u, 0u);
  for (var q = 0u; q < K4q; q++) {
    let j = 4u * q;
    let v0 = tapValue(nc, ih0, iw0, tp, j < J);
    tp = nextTap(tp);
    let v1 = tapValue(nc, ih0, iw0, tp, j + 1u < J);
    tp = nextTap(tp);
    let v2 = tapValue(nc, ih0, iw0, tp, j + 2u < J);
    tp = nextTap(tp);
    let v3 = tapValue(nc, ih0, iw0, tp, j + 3u < J);
    tp = nextTap(tp);
    packed[t * K4q + q] = vec4<f32>(v0, v1, v2, v3);
  }
}

// The workgroup is declared 1-D because Mesa's CPU driver vectorises invocations along x only (a
// 1 x 8 workgroup would run one lane per SIMD group); lx/ly recover the 2-D position.
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
  if (CB > 0u) { initCols(0u); } if (CB > 1u) { initCols(1u); } if (CB > 2u) { initCols(2u); } if (CB > 3u) { initCols(3u); } if (CB > 4u) { initCols(4u); } if (CB > 5u) { initCols(5u); } if (CB > 6u) { initCols(6u); } if (CB > 7u) { initCols(7u); }
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

// PASS 0 after a one-channel first layer (see the pass table): one split, A from ldA1.
@compute @workgroup_size(WGS)
fn first(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) lin: u32) {
  let lx = lin % WGX;
  let ly = lin / WGX;
  rowBase = wid.y * RB * WGY + ly;
  colBase = wid.x * CB * WGX + lx;
  cOff = 0u;
  kEnd = p.K;
  if (RB > 0u) { initRows(0u); } if (RB > 1u) { initRows(1u); } if (RB > 2u) { initRows(2u); } if (RB > 3u) { initRows(3u); } if (RB > 4u) { initRows(4u); } if (RB > 5u) { initRows(5u); } if (RB > 6u) { initRows(6u); } if (RB > 7u) { initRows(7u); }
  // generated: register tile of `first`, RB <= 6, CB <= 16 (engine/kernel_gen.ts writes it; edit there)
  var c0_0 = Z; var c0_1 = Z; var c0_2 = Z; var c0_3 = Z; var c0_4 = Z; var c0_5 = Z; var c0_6 = Z; var c0_7 = Z; var c0_8 = Z; var c0_9 = Z; var c0_10 = Z; var c0_11 = Z; var c0_12 = Z; var c0_13 = Z; var c0_14 = Z; var c0_15 = Z;
  var c1_0 = Z; var c1_1 = Z; var c1_2 = Z; var c1_3 = Z; var c1_4 = Z; var c1_5 = Z; var c1_6 = Z; var c1_7 = Z; var c1_8 = Z; var c1_9 = Z; var c1_10 = Z; var c1_11 = Z; var c1_12 = Z; var c1_13 = Z; var c1_14 = Z; var c1_15 = Z;
  var c2_0 = Z; var c2_1 = Z; var c2_2 = Z; var c2_3 = Z; var c2_4 = Z; var c2_5 = Z; var c2_6 = Z; var c2_7 = Z; var c2_8 = Z; var c2_9 = Z; var c2_10 = Z; var c2_11 = Z; var c2_12 = Z; var c2_13 = Z; var c2_14 = Z; var c2_15 = Z;
  var c3_0 = Z; var c3_1 = Z; var c3_2 = Z; var c3_3 = Z; var c3_4 = Z; var c3_5 = Z; var c3_6 = Z; var c3_7 = Z; var c3_8 = Z; var c3_9 = Z; var c3_10 = Z; var c3_11 = Z; var c3_12 = Z; var c3_13 = Z; var c3_14 = Z; var c3_15 = Z;
  var c4_0 = Z; var c4_1 = Z; var c4_2 = Z; var c4_3 = Z; var c4_4 = Z; var c4_5 = Z; var c4_6 = Z; var c4_7 = Z; var c4_8 = Z; var c4_9 = Z; var c4_10 = Z; var c4_11 = Z; var c4_12 = Z; var c4_13 = Z; var c4_14 = Z; var c4_15 = Z;
  var c5_0 = Z; var c5_1 = Z; var c5_2 = Z; var c5_3 = Z; var c5_4 = Z; var c5_5 = Z; var c5_6 = Z; var c5_7 = Z; var c5_8 = Z; var c5_9 = Z; var c5_10 = Z; var c5_11 = Z; var c5_12 = Z; var c5_13 = Z; var c5_14 = Z; var c5_15 = Z;
  for (var t = 0u; t < p.KH * p.KW; t++) {
    let tap = divmod1(t, p.KW, p.invTW);
    if (RB > 0u) { loadX(0u, tap.x, tap.y); } if (RB > 1u) { loadX(1u, tap.x, tap.y); } if (RB > 2u) { loadX(2u, tap.x, tap.y); } if (RB > 3u) { loadX(3u, tap.x, tap.y); } if (RB > 4u) { loadX(4u, tap.x, tap.y); } if (RB > 5u) { loadX(5u, tap.x, tap.y); }
    for (var k = t * p.CK; k < t * p.CK + p.CK; k += 4u) {
      loadW1(k - t * p.CK);
      var b0 = Z; if (CB > 0u) { b0 = ldB(0u, k); }
      var b1 = Z; if (CB > 1u) { b1 = ldB(1u, k); }
      var b2 = Z; if (CB > 2u) { b2 = ldB(2u, k); }
      var b3 = Z; if (CB > 3u) { b3 = ldB(3u, k); }
      var b4 = Z; if (CB > 4u) { b4 = ldB(4u, k); }
      var b5 = Z; if (CB > 5u) { b5 = ldB(5u, k); }
      var b6 = Z; if (CB > 6u) { b6 = ldB(6u, k); }
      var b7 = Z; if (CB > 7u) { b7 = ldB(7u, k); }
      var b8 = Z; if (CB > 8u) { b8 = ldB(8u, k); }
      var b9 = Z; if (CB > 9u) { b9 = ldB(9u, k); }
      var b10 = Z; if (CB > 10u) { b10 = ldB(10u, k); }
      var b11 = Z; if (CB > 11u) { b11 = ldB(11u, k); }
      var b12 = Z; if (CB > 12u) { b12 = ldB(12u, k); }
      var b13 = Z; if (CB > 13u) { b13 = ldB(13u, k); }
      var b14 = Z; if (CB > 14u) { b14 = ldB(14u, k); }
      var b15 = Z; if (CB > 15u) { b15 = ldB(15u, k); }
      if (RB > 0u) { let a = ldA1(0u); if (CB > 0u) { c0_0 = mac(c0_0, b0, a); } if (CB > 1u) { c0_1 = mac(c0_1, b1, a); } if (CB > 2u) { c0_2 = mac(c0_2, b2, a); } if (CB > 3u) { c0_3 = mac(c0_3, b3, a); if (p.fence != 0u) { out[0] = c0_3[0][0]; } } if (CB > 4u) { c0_4 = mac(c0_4, b4, a); } if (CB > 5u) { c0_5 = mac(c0_5, b5, a); } if (CB > 6u) { c0_6 = mac(c0_6, b6, a); } if (CB > 7u) { c0_7 = mac(c0_7, b7, a); if (p.fence != 0u) { out[0] = c0_7[0][0]; } } if (CB > 8u) { c0_8 = mac(c0_8, b8, a); } if (CB > 9u) { c0_9 = mac(c0_9, b9, a); } if (CB > 10u) { c0_10 = mac(c0_10, b10, a); } if (CB > 11u) { c0_11 = mac(c0_11, b11, a); if (p.fence != 0u) { out[0] = c0_11[0][0]; } } if (CB > 12u) { c0_12 = mac(c0_12, b12, a); } if (CB > 13u) { c0_13 = mac(c0_13, b13, a); } if (CB > 14u) { c0_14 = mac(c0_14, b14, a); } if (CB > 15u) { c0_15 = mac(c0_15, b15, a); if (p.fence != 0u) { out[0] = c0_15[0][0]; } } }
      if (RB > 1u) { let a = ldA1(1u); if (CB > 0u) { c1_0 = mac(c1_0, b0, a); } if (CB > 1u) { c1_1 = mac(c1_1, b1, a); } if (CB > 2u) { c1_2 = mac(c1_2, b2, a); } if (CB > 3u) { c1_3 = mac(c1_3, b3, a); if (p.fence != 0u) { out[0] = c1_3[0][0]; } } if (CB > 4u) { c1_4 = mac(c1_4, b4, a); } if (CB > 5u) { c1_5 = mac(c1_5, b5, a); } if (CB > 6u) { c1_6 = mac(c1_6, b6, a); } if (CB > 7u) { c1_7 = mac(c1_7, b7, a); if (p.fence != 0u) { out[0] = c1_7[0][0]; } } if (CB > 8u) { c1_8 = mac(c1_8, b8, a); } if (CB > 9u) { c1_9 = mac(c1_9, b9, a); } if (CB > 10u) { c1_10 = mac(c1_10, b10, a); } if (CB > 11u) { c1_11 = mac(c1_11, b11, a); if (p.fence != 0u) { out[0] = c1_11[0][0]; } } if (CB > 12u) { c1_12 = mac(c1_12, b12, a); } if (CB > 13u) { c1_13 = mac(c1_13, b13, a); } if (CB > 14u) { c1_14 = mac(c1_14, b14, a); } if (CB > 15u) { c1_15 = mac(c1_15, b15, a); if (p.fence != 0u) { out[0] = c1_15[0][0]; } } }
      if (RB > 2u) { let a = ldA1(2u); if (CB > 0u) { c2_0 = mac(c2_0, b0, a); } if (CB > 1u) { c2_1 = mac(c2_1, b1, a); } if (CB > 2u) { c2_2 = mac(c2_2, b2, a); } if (CB > 3u) { c2_3 = mac(c2_3, b3, a); if (p.fence != 0u) { out[0] = c2_3[0][0]; } } if (CB > 4u) { c2_4 = mac(c2_4, b4, a); } if (CB > 5u) { c2_5 = mac(c2_5, b5, a); } if (CB > 6u) { c2_6 = mac(c2_6, b6, a); } if (CB > 7u) { c2_7 = mac(c2_7, b7, a); if (p.fence != 0u) { out[0] = c2_7[0][0]; } } if (CB > 8u) { c2_8 = mac(c2_8, b8, a); } if (CB > 9u) { c2_9 = mac(c2_9, b9, a); } if (CB > 10u) { c2_10 = mac(c2_10, b10, a); } if (CB > 11u) { c2_11 = mac(c2_11, b11, a); if (p.fence != 0u) { out[0] = c2_11[0][0]; } } if (CB > 12u) { c2_12 = mac(c2_12, b12, a); } if (CB > 13u) { c2_13 = mac(c2_13, b13, a); } if (CB > 14u) { c2_14 = mac(c2_14, b14, a); } if (CB > 15u) { c2_15 = mac(c2_15, b15, a); if (p.fence != 0u) { out[0] = c2_15[0][0]; } } }
      if (RB > 3u) { let a = ldA1(3u); if (CB > 0u) { c3_0 = mac(c3_0, b0, a); } if (CB > 1u) { c3_1 = mac(c3_1, b1, a); } if (CB > 2u) { c3_2 = mac(c3_2, b2, a); } if (CB > 3u) { c3_3 = mac(c3_3, b3, a); if (p.fence != 0u) { out[0] = c3_3[0][0]; } } if (CB > 4u) { c3_4 = mac(c3_4, b4, a); } if (CB > 5u) { c3_5 = mac(c3_5, b5, a); } if (CB > 6u) { c3_6 = mac(c3_6, b6, a); } if (CB > 7u) { c3_7 = mac(c3_7, b7, a); if (p.fence != 0u) { out[0] = c3_7[0][0]; } } if (CB > 8u) { c3_8 = mac(c3_8, b8, a); } if (CB > 9u) { c3_9 = mac(c3_9, b9, a); } if (CB > 10u) { c3_10 = mac(c3_10, b10, a); } if (CB > 11u) { c3_11 = mac(c3_11, b11, a); if (p.fence != 0u) { out[0] = c3_11[0][0]; } } if (CB > 12u) { c3_12 = mac(c3_12, b12, a); } if (CB > 13u) { c3_13 = mac(c3_13, b13, a); } if (CB > 14u) { c3_14 = mac(c3_14, b14, a); } if (CB > 15u) { c3_15 = mac(c3_15, b15, a); if (p.fence != 0u) { out[0] = c3_15[0][0]; } } }
      if (RB > 4u) { let a = ldA1(4u); if (CB > 0u) { c4_0 = mac(c4_0, b0, a); } if (CB > 1u) { c4_1 = mac(c4_1, b1, a); } if (CB > 2u) { c4_2 = mac(c4_2, b2, a); } if (CB > 3u) { c4_3 = mac(c4_3, b3, a); if (p.fence != 0u) { out[0] = c4_3[0][0]; } } if (CB > 4u) { c4_4 = mac(c4_4, b4, a); } if (CB > 5u) { c4_5 = mac(c4_5, b5, a); } if (CB > 6u) { c4_6 = mac(c4_6, b6, a); } if (CB > 7u) { c4_7 = mac(c4_7, b7, a); if (p.fence != 0u) { out[0] = c4_7[0][0]; } } if (CB > 8u) { c4_8 = mac(c4_8, b8, a); } if (CB > 9u) { c4_9 = mac(c4_9, b9, a); } if (CB > 10u) { c4_10 = mac(c4_10, b10, a); } if (CB > 11u) { c4_11 = mac(c4_11, b11, a); if (p.fence != 0u) { out[0] = c4_11[0][0]; } } if (CB > 12u) { c4_12 = mac(c4_12, b12, a); } if (CB > 13u) { c4_13 = mac(c4_13, b13, a); } if (CB > 14u) { c4_14 = mac(c4_14, b14, a); } if (CB > 15u) { c4_15 = mac(c4_15, b15, a); if (p.fence != 0u) { out[0] = c4_15[0][0]; } } }
      if (RB > 5u) { let a = ldA1(5u); if (CB > 0u) { c5_0 = mac(c5_0, b0, a); } if (CB > 1u) { c5_1 = mac(c5_1, b1, a); } if (CB > 2u) { c5_2 = mac(c5_2, b2, a); } if (CB > 3u) { c5_3 = mac(c5_3, b3, a); if (p.fence != 0u) { out[0] = c5_3[0][0]; } } if (CB > 4u) { c5_4 = mac(c5_4, b4, a); } if (CB > 5u) { c5_5 = mac(c5_5, b5, a); } if (CB > 6u) { c5_6 = mac(c5_6, b6, a); } if (CB > 7u) { c5_7 = mac(c5_7, b7, a); if (p.fence != 0u) { out[0] = c5_7[0][0]; } } if (CB > 8u) { c5_8 = mac(c5_8, b8, a); } if (CB > 9u) { c5_9 = mac(c5_9, b9, a); } if (CB > 10u) { c5_10 = mac(c5_10, b10, a); } if (CB > 11u) { c5_11 = mac(c5_11, b11, a); if (p.fence != 0u) { out[0] = c5_11[0][0]; } } if (CB > 12u) { c5_12 = mac(c5_12, b12, a); } if (CB > 13u) { c5_13 = mac(c5_13, b13, a); } if (CB > 14u) { c5_14 = mac(c5_14, b14, a); } if (CB > 15u) { c5_15 = mac(c5_15, b15, a); if (p.fence != 0u) { out[0] = c5_15[0][0]; } } }
    }
  }
  if (RB > 0u) { if (CB > 0u) { st(0u, 0u, c0_0); } if (CB > 1u) { st(0u, 1u, c0_1); } if (CB > 2u) { st(0u, 2u, c0_2); } if (CB > 3u) { st(0u, 3u, c0_3); } if (CB > 4u) { st(0u, 4u, c0_4); } if (CB > 5u) { st(0u, 5u, c0_5); } if (CB > 6u) { st(0u, 6u, c0_6); } if (CB > 7u) { st(0u, 7u, c0_7); } if (CB > 8u) { st(0u, 8u, c0_8); } if (CB > 9u) { st(0u, 9u, c0_9); } if (CB > 10u) { st(0u, 10u, c0_10); } if (CB > 11u) { st(0u, 11u, c0_11); } if (CB > 12u) { st(0u, 12u, c0_12); } if (CB > 13u) { st(0u, 13u, c0_13); } if (CB > 14u) { st(0u, 14u, c0_14); } if (CB > 15u) { st(0u, 15u, c0_15); } }
  if (RB > 1u) { if (CB > 0u) { st(1u, 0u, c1_0); } if (CB > 1u) { st(1u, 1u, c1_1); } if (CB > 2u) { st(1u, 2u, c1_2); } if (CB > 3u) { st(1u, 3u, c1_3); } if (CB > 4u) { st(1u, 4u, c1_4); } if (CB > 5u) { st(1u, 5u, c1_5); } if (CB > 6u) { st(1u, 6u, c1_6); } if (CB > 7u) { st(1u, 7u, c1_7); } if (CB > 8u) { st(1u, 8u, c1_8); } if (CB > 9u) { st(1u, 9u, c1_9); } if (CB > 10u) { st(1u, 10u, c1_10); } if (CB > 11u) { st(1u, 11u, c1_11); } if (CB > 12u) { st(1u, 12u, c1_12); } if (CB > 13u) { st(1u, 13u, c1_13); } if (CB > 14u) { st(1u, 14u, c1_14); } if (CB > 15u) { st(1u, 15u, c1_15); } }
  if (RB > 2u) { if (CB > 0u) { st(2u, 0u, c2_0); } if (CB > 1u) { st(2u, 1u, c2_1); } if (CB > 2u) { st(2u, 2u, c2_2); } if (CB > 3u) { st(2u, 3u, c2_3); } if (CB > 4u) { st(2u, 4u, c2_4); } if (CB > 5u) { st(2u, 5u, c2_5); } if (CB > 6u) { st(2u, 6u, c2_6); } if (CB > 7u) { st(2u, 7u, c2_7); } if (CB > 8u) { st(2u, 8u, c2_8); } if (CB > 9u) { st(2u, 9u, c2_9); } if (CB > 10u) { st(2u, 10u, c2_10); } if (CB > 11u) { st(2u, 11u, c2_11); } if (CB > 12u) { st(2u, 12u, c2_12); } if (CB > 13u) { st(2u, 13u, c2_13); } if (CB > 14u) { st(2u, 14u, c2_14); } if (CB > 15u) { st(2u, 15u, c2_15); } }
  if (RB > 3u) { if (CB > 0u) { st(3u, 0u, c3_0); } if (CB > 1u) { st(3u, 1u, c3_1); } if (CB > 2u) { st(3u, 2u, c3_2); } if (CB > 3u) { st(3u, 3u, c3_3); } if (CB > 4u) { st(3u, 4u, c3_4); } if (CB > 5u) { st(3u, 5u, c3_5); } if (CB > 6u) { st(3u, 6u, c3_6); } if (CB > 7u) { st(3u, 7u, c3_7); } if (CB > 8u) { st(3u, 8u, c3_8); } if (CB > 9u) { st(3u, 9u, c3_9); } if (CB > 10u) { st(3u, 10u, c3_10); } if (CB > 11u) { st(3u, 11u, c3_11); } if (CB > 12u) { st(3u, 12u, c3_12); } if (CB > 13u) { st(3u, 13u, c3_13); } if (CB > 14u) { st(3u, 14u, c3_14); } if (CB > 15u) { st(3u, 15u, c3_15); } }
  if (RB > 4u) { if (CB > 0u) { st(4u, 0u, c4_0); } if (CB > 1u) { st(4u, 1u, c4_1); } if (CB > 2u) { st(4u, 2u, c4_2); } if (CB > 3u) { st(4u, 3u, c4_3); } if (CB > 4u) { st(4u, 4u, c4_4); } if (CB > 5u) { st(4u, 5u, c4_5); } if (CB > 6u) { st(4u, 6u, c4_6); } if (CB > 7u) { st(4u, 7u, c4_7); } if (CB > 8u) { st(4u, 8u, c4_8); } if (CB > 9u) { st(4u, 9u, c4_9); } if (CB > 10u) { st(4u, 10u, c4_10); } if (CB > 11u) { st(4u, 11u, c4_11); } if (CB > 12u) { st(4u, 12u, c4_12); } if (CB > 13u) { st(4u, 13u, c4_13); } if (CB > 14u) { st(4u, 14u, c4_14); } if (CB > 15u) { st(4u, 15u, c4_15); } }
  if (RB > 5u) { if (CB > 0u) { st(5u, 0u, c5_0); } if (CB > 1u) { st(5u, 1u, c5_1); } if (CB > 2u) { st(5u, 2u, c5_2); } if (CB > 3u) { st(5u, 3u, c5_3); } if (CB > 4u) { st(5u, 4u, c5_4); } if (CB > 5u) { st(5u, 5u, c5_5); } if (CB > 6u) { st(5u, 6u, c5_6); } if (CB > 7u) { st(5u, 7u, c5_7); } if (CB > 8u) { st(5u, 8u, c5_8); } if (CB > 9u) { st(5u, 9u, c5_9); } if (CB > 10u) { st(5u, 10u, c5_10); } if (CB > 11u) { st(5u, 11u, c5_11); } if (CB > 12u) { st(5u, 12u, c5_12); } if (CB > 13u) { st(5u, 13u, c5_13); } if (CB > 14u) { st(5u, 14u, c5_14); } if (CB > 15u) { st(5u, 15u, c5_15); } }
  // end of generated register tile of `first`
}
