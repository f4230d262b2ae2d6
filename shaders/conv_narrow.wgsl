// 3 x 3 stride-1 convolutions with padding 1 and few channels on one side, on NCHW tensors, on the
// software adapter (engine/ops/conv_narrow.ts decides where): the forward pass of a layer with at most 4
// input channels that Winograd does not take (the MNIST CNN's first layer, 1 -> 32 at 28 x 28), and the
// input gradient of a layer with at most 4 input channels (in an attack: the MNIST CNN's first layer, 32
// -> 1, and a CIFAR ResNet's stem, 16 -> 3), both as one direct convolution of an NCHW input (the input
// gradient's: the output gradient, through the kernels flipped with their channels swapped).
//
// Why: as an implicit GEMM (conv2d.wgsl) such a pass first packs its input 4 channels to a texel, of which
// one or three are real and the rest padding multiplied through, or has a register tile 4 columns wide,
// so these passes ran at 2-3 % of the FMA peak (docs/SPEED.md: "Convolutions with few channels on one
// side").
//
// Each lane computes 4 J output pixels of one row (J = 2 where W % 8 == 0) for OT output channels, a slice
// of the pass's COUT that all lanes of a workgroup share, reading per input channel and kernel row the J + 2
// texels of that row around its pixels. The weights come from workgroup memory at indices the driver
// knows: `row` is called with constant channel and kernel-row arguments from straight-line code and
// inlined, and lavapipe loads a workgroup value at a constant index outside loops as one scalar and a
// broadcast, where it gathers one at a computed index lane by lane (a loop over the channels ran the same
// pass 3x slower).
//
//   xt   the input [N, CI, H, W], its vec4 q at texel (q % 4096, q / 4096): 4 adjacent pixels of a row
//   w    forward: the weights [COUT, CI, 3, 3]; input gradient (FLIP = 1): the layer's [CI, COUT, 3, 3]
//   bias forward: [COUT] (p.hasBias = 1)
//   scale forward: [COUT] (p.hasScale = 1), a folded batchnorm's: out = relu?(conv * scale + bias)
//   out4 [N, COUT, H, W]

override CI: u32 = 1u;     // input channels of the pass: at most 32, and at most 4 where OT > 4
override OT: u32 = 1u;     // output channels a lane, at most 8
override J: u32 = 1u;      // vec4s of output pixels a lane, 1 or 2
override FLIP: u32 = 0u;   // 1: the input gradient (w holds the layer's weights)
override RELU: u32 = 0u;   // 1: a ReLU on the output

const WG = 64u;           // the workgroup size
const WS = 1152u;          // a slice's weights at most: 32 x 9 x 4, or 4 x 9 x 8

struct Narrow {
  H: u32,
  W4: u32,       // texels a row (W / 4)
  COUT: u32,
  XB: u32,       // lanes an output row (W / (4 J))
  lanes: u32,    // lanes a slice (N H XB)
  slices: u32,   // ceil(COUT / OT)
  row: u32,      // lanes a row of the dispatch grid (grid1d)
  hasBias: u32,
  hasScale: u32,
  _p0: u32,
  _p1: u32,
  _p2: u32,
}

@group(0) @binding(0) var<uniform> p: Narrow;
@group(0) @binding(1) var xt: texture_storage_2d<rgba32float, read>;
@group(0) @binding(2) var<storage, read> w: array<f32>;
@group(0) @binding(3) var<storage, read> bias: array<f32>;
@group(0) @binding(4) var<storage, read_write> out4: array<vec4<f32>>;
@group(0) @binding(5) var<storage, read> scale: array<f32>;

var<workgroup> ws: array<f32, WS + 16u>;  // the slice's weights [OT, CI, 3, 3], its bias [8], scale [8]
var<private> acc: array<vec4<f32>, 16>;  // [OT, J]: 4 pixels each
var<private> col: array<u32, 4>;         // the texel columns a lane reads, J + 2 of them
var<private> colOk: array<f32, 4>;       // 0 for a column outside the row (the padding)

fn epilogue(v: vec4<f32>) -> vec4<f32> {
  if (RELU == 1u) { return max(v, vec4<f32>()); }
  return v;
}

fn texel(q: u32) -> vec4<f32> {
  return textureLoad(xt, vec2<u32>(q & 4095u, q >> 12u));
}

// The 4 input values under a vec4 of output pixels at kernel column kx, from the texel before it (a), its
// own (b) and the one after (c): columns x + kx - 1.
fn shifted(a: vec4<f32>, b: vec4<f32>, c: vec4<f32>, kx: u32) -> vec4<f32> {
  if (kx == 0u) { return vec4<f32>(a.w, b.xyz); }
  if (kx == 1u) { return b; }
  return vec4<f32>(b.yzw, c.x);
}

// Input channel c's contribution through kernel row ky, its input row's texels from q (okr = 0 where that
// row is padding).
fn row(c: u32, ky: u32, q: u32, okr: f32) {
  var v: array<vec4<f32>, 4>;
  for (var b = 0u; b < J + 2u; b++) {
    v[b] = texel(q + col[b]) * (colOk[b] * okr);
  }
  for (var kx = 0u; kx < 3u; kx++) {
    let s0 = shifted(v[0], v[1], v[2], kx);
    let s1 = shifted(v[1], v[2], v[3], kx);
    for (var t = 0u; t < OT; t++) {
      let u = vec4<f32>(ws[(t * CI + c) * 9u + ky * 3u + kx]);
      acc[t * J] = fma(u, s0, acc[t * J]);
      if (J > 1u) { acc[t * J + 1u] = fma(u, s1, acc[t * J + 1u]); }
    }
  }
}

// Every input channel through kernel row ky, for output row y of the image whose first texel is `image`.
fn rows(ky: u32, image: u32, y: u32, H: u32, W4: u32) {
  let r = i32(y + ky) - 1;
  let okr = f32(u32(r) < H);
  let q = image + u32(clamp(r, 0, i32(H) - 1)) * W4;
  let plane = H * W4;
  if (CI > 0u) { row(0u, ky, q, okr); }
  if (CI > 1u) { row(1u, ky, q + plane, okr); }
  if (CI > 2u) { row(2u, ky, q + 2u * plane, okr); }
  if (CI > 3u) { row(3u, ky, q + 3u * plane, okr); }
  if (CI > 4u) { row(4u, ky, q + 4u * plane, okr); }
  if (CI > 5u) { row(5u, ky, q + 5u * plane, okr); }
  if (CI > 6u) { row(6u, ky, q + 6u * plane, okr); }
  if (CI > 7u) { row(7u, ky, q + 7u * plane, okr); }
  if (CI > 8u) { row(8u, ky, q + 8u * plane, okr); }
  if (CI > 9u) { row(9u, ky, q + 9u * plane, okr); }
  if (CI > 10u) { row(10u, ky, q + 10u * plane, okr); }
  if (CI > 11u) { row(11u, ky, q + 11u * plane, okr); }
  if (CI > 12u) { row(12u, ky, q + 12u * plane, okr); }
  if (CI > 13u) { row(13u, ky, q + 13u * plane, okr); }
  if (CI > 14u) { row(14u, ky, q + 14u * plane, okr); }
  if (CI > 15u) { row(15u, ky, q + 15u * plane, okr); }
  if (CI > 16u) { row(16u, ky, q + 16u * plane, okr); }
  if (CI > 17u) { row(17u, ky, q + 17u * plane, okr); }
  if (CI > 18u) { row(18u, ky, q + 18u * plane, okr); }
  if (CI > 19u) { row(19u, ky, q + 19u * plane, okr); }
  if (CI > 20u) { row(20u, ky, q + 20u * plane, okr); }
  if (CI > 21u) { row(21u, ky, q + 21u * plane, okr); }
  if (CI > 22u) { row(22u, ky, q + 22u * plane, okr); }
  if (CI > 23u) { row(23u, ky, q + 23u * plane, okr); }
  if (CI > 24u) { row(24u, ky, q + 24u * plane, okr); }
  if (CI > 25u) { row(25u, ky, q + 25u * plane, okr); }
  if (CI > 26u) { row(26u, ky, q + 26u * plane, okr); }
  if (CI > 27u) { row(27u, ky, q + 27u * plane, okr); }
  if (CI > 28u) { row(28u, ky, q + 28u * plane, okr); }
  if (CI > 29u) { row(29u, ky, q + 29u * plane, okr); }
  if (CI > 30u) { row(30u, ky, q + 30u * plane, okr); }
  if (CI > 31u) { row(31u, ky, q + 31u * plane, okr); }
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  // Uniforms a branch reads, plus wid.z (always 0): Mesa 22.3's lavapipe replaces the uniforms that branch
  // conditions read by the values of a pipeline's first dispatch and may then rebuild the shader at every
  // dispatch (docs/SPEED.md: "Uniform inlining"); a sum with a builtin it cannot inline.
  let COUT = p.COUT + wid.z;
  let lanes = p.lanes + wid.z;
  let hasBias = p.hasBias + wid.z;
  let hasScale = p.hasScale + wid.z;
  let wg = wid.x + wid.y * (p.row / WG);
  let slice = wg % p.slices;
  // the slice's weights into workgroup memory, each kernel as the forward pass reads it
  let count = OT * CI * 9u;
  for (var i = lid; i < count; i += WG) {
    let o = slice * OT + i / (CI * 9u);
    let c = (i / 9u) % CI;
    let k = i % 9u;
    var v = 0.0;
    if (o < COUT) {
      if (FLIP == 1u) {
        v = w[(c * COUT + o) * 9u + 8u - k];
      } else {
        v = w[(o * CI + c) * 9u + k];
      }
    }
    ws[i] = v;
  }
  if (lid < OT) {
    let o = slice * OT + lid;
    var b = 0.0;
    var a = 1.0;
    if (hasBias == 1u && o < COUT) { b = bias[o]; }
    if (hasScale == 1u && o < COUT) { a = scale[o]; }
    ws[count + lid] = b;
    ws[count + 8u + lid] = a;
  }
  workgroupBarrier();

  let m0 = (wg / p.slices) * WG + lid;
  let m = min(m0, lanes - 1u);
  let H = p.H;
  let W4 = p.W4;
  let xb = m % p.XB;
  let y = (m / p.XB) % H;
  let n = m / (p.XB * H);
  let t0 = xb * J;   // the lane's first output texel
  for (var b = 0u; b < J + 2u; b++) {
    let cb = i32(t0 + b) - 1;
    colOk[b] = f32(u32(cb) < W4);
    col[b] = u32(clamp(cb, 0, i32(W4) - 1));
  }
  let image = n * CI * H * W4;
  rows(0u, image, y, H, W4);
  rows(1u, image, y, H, W4);
  rows(2u, image, y, H, W4);
  if (m0 < lanes) {
    for (var t = 0u; t < OT; t++) {
      let o = slice * OT + t;
      if (o < COUT) {
        let at = ((n * COUT + o) * H + y) * W4 + t0;
        let a = vec4<f32>(ws[count + 8u + t]);
        let b = vec4<f32>(ws[count + t]);
        out4[at] = epilogue(fma(acc[t * J], a, b));
        if (J > 1u) { out4[at + 1u] = epilogue(fma(acc[t * J + 1u], a, b)); }
      }
    }
  }
}
