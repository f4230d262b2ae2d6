// 3x3 stride-1 convolution with padding 1 by Winograd F(2x2, 3x3) on the software adapter
// (engine/ops/conv_winograd.ts decides where): for inference packed activations in and out, with the
// direct kernel's epilogue (conv2d.wgsl: folded batchnorm scale, bias, residual, ReLU); for training's
// forward pass and its input gradient (the convolution of the output gradient with the weights transposed
// and flipped: transform's flip) NCHW in and out (NCHW = 1).
//
// Each 2 x 2 block of outputs comes from a 4 x 4 input tile d: Y = A^T [sum over c of (U_c .* V_c)] A with
// V = B^T d B and U = G g G^T for the 3 x 3 kernel g of each (output, input) channel pair: 16 products per
// tile and channel pair instead of the direct convolution's 36 multiplies. Each lane transforms the input
// tiles as it reads them (nothing but the output is written), for a 4 x 8 block of output pixels (2 x 4
// tiles) and 16 output channels (engine/kernel_gen.ts writes the body; its comment says why a few rows of
// the 4 x 4 product grid at a time). Measured on lavapipe (docs/SPEED.md).
//
//   at  the input, packed [N, H, W, C4] (4 channels of a pixel per vec4, zero past C), vec4 q at texel
//       (q % 4096, q / 4096), as conv2d.wgsl's `at`; with NCHW = 1 the tensor [N, C, H, W] itself, 4
//       columns of a row per vec4
//   wt  U: texel (og, xi * C4 + c) holds U[xi][4og .. 4og + 3][c] for product xi = 4i + j; rows 16 * C4
//       and 16 * C4 + 1 hold the epilogue's bias and scale (texel og: channels 4og .. 4og + 3)
//   rt  the residual (res = 1), laid out like the output: packed, or with NCHW = 1 [N, O, H, W] (an input
//       gradient's sum from the input's other uses)
//   mt  the mask (mask = 1), laid out like the output: an output value is kept where mt's is positive, else
//       0 (an input gradient through the ReLU that produced the convolution's input: mt is that input)
//   out4 the output, packed [N, H, W, O] (O a multiple of 16, so no padded channels), or with NCHW = 1
//       [N, O, H, W] (W a multiple of 8: a row's 4 columns are one vec4)
// Every texture is a read-only storage texture, which lavapipe reads much faster than a storage buffer
// (conv2d.wgsl's `wt`).

struct Wino {
  H: u32,
  W: u32,
  C: u32,
  C4: u32,
  O: u32,
  BX: u32,        // blocks of 8 output columns per row
  BY: u32,        // blocks of 4 output rows per image
  OGB: u32,       // blocks of 16 output channels
  lanes: u32,     // N * BY * BX * OGB
  gridX: u32,     // workgroups per grid row
  res: u32,       // add the residual from rt
  relu: u32,
  bias: u32,      // add wt's bias row
  scale: u32,     // multiply by wt's scale row (before the bias)
  rowFloats: u32, // transform: floats per row of u (a multiple of 64, for the copy into wt)
  flip: u32,      // transform: w is [C, O, 3, 3] and each kernel turned by 180 degrees (an input gradient)
  moments: u32,   // main (res = 0): also write each lane's per-channel moments to mom4
  momLanes: u32,  // lanes per block of 16 output channels (N * BY * BX)
  fence: u32,     // always 0: the generated body's scheduling fences (engine/wgsl_sections.ts FMAS_PER_FENCE)
  mask: u32,      // zero the outputs where mt is not positive (after the residual)
}

// The layout of the input and the output: 0 packed, 1 NCHW. A constant, so inference compiles neither
// NCHW loads nor NCHW stores.
override NCHW: u32 = 0u;
// WS = 1 (16 output channels, CG <= 4 groups of 4 input channels): main's workgroup first copies the
// transformed weights of its CG channel groups from wt into workgroup memory (uw), and the body, its
// channel groups written out, reads them at constant indices. Lavapipe loads such a value as one scalar
// and a broadcast where no loop or branch encloses the load, but gathers a texel lane by lane whatever its
// address (docs/SPEED.md). WGS lanes per workgroup (64 with WS = 1, to share the copy; 8 otherwise).
override WS: u32 = 0u;
override CG: u32 = 1u;
override WGS: u32 = 8u;

@group(0) @binding(0) var<uniform> p: Wino;
@group(0) @binding(1) var at: texture_storage_2d<rgba32float, read>;
@group(0) @binding(2) var wt: texture_storage_2d<rgba32float, read>;
@group(0) @binding(3) var rt: texture_storage_2d<rgba32float, read>;
@group(0) @binding(4) var<storage, read_write> out4: array<vec4<f32>>;
// transform: the weights [O, C, 3, 3] in, U out (rows laid out as wt's, rowFloats apart)
@group(0) @binding(5) var<storage, read> w: array<f32>;
@group(0) @binding(6) var<storage, read_write> u: array<f32>;
// main with moments = 1: for the lane's 32 output pixels and each of its channels, the mean and the sum of
// squared deviations from it (the output's batch statistics in part, for the training-mode batchnorm
// that normalises it next: engine/ops/moments.ts); vec4 2 * (q * momLanes + lane / OGB) holds the means
// of channels 4q .. 4q + 3, the next vec4 their sums.
@group(0) @binding(7) var<storage, read_write> mom4: array<vec4<f32>>;
@group(0) @binding(8) var mt: texture_storage_2d<rgba32float, read>;

const V0 = vec4<f32>();

// WS = 1: U[xi][4g .. 4g + 3][4cg + c] at index ((cg * 16 + xi) * 4 + c) * 4 + g, for the 16 output channels
// (og0 = 0) and CG channel groups: 256 vec4s a group, for at most WINOGRAD_WS_GROUPS = 4 groups
// (engine/ops/conv_winograd.ts).
var<workgroup> uw: array<vec4<f32>, 1024>;

// The lane's image, the first output pixel of its block, the input pixel its tiles start at (padding 1)
// and its first group of 4 output channels.
var<private> n: u32;
var<private> py: u32;
var<private> px: u32;
var<private> y0: i32;
var<private> x0: i32;
var<private> og0: u32;
// The image height: p.H + wid.z, where wid.z is always 0 (the dispatch grid is 2-D), so that Mesa 22.3's
// lavapipe cannot inline it. Lavapipe inlines a pipeline's uniform values at its first bind and, where
// that shrank the shader enough, again at every later bind, each time compiling anew (~90 ms a dispatch
// here); reading p.H directly, the NCHW forward and input-gradient pipelines did so whenever their first
// image was 16, 40, 48 or 64 rows high (docs/SPEED.md: uniform inlining).
var<private> imageH: u32;
// p.mask, read the same way: lavapipe would drop the mask's texture loads where it inlines mask = 0, and a
// shader that shrinks enough that way is rebuilt at every later bind (above). Not measured to happen with
// p.mask itself: a profile that suggested it came from an hour when every kernel ran slower.
var<private> maskOn: u32;

fn texelOf(q: u32) -> vec2<u32> {
  return vec2<u32>(q & 4095u, q >> 12u);
}

// Input channels 4cg .. 4cg + 3 at row r, column c of the lane's input patch; zero outside the image.
fn ld(r: i32, c: i32, cg: u32) -> vec4<f32> {
  let y = y0 + r;
  let x = x0 + c;
  let ok = u32(y) < imageH && u32(x) < p.W;
  let q = select(0u, ((n * imageH + u32(y)) * p.W + u32(x)) * (p.C4 / 4u) + cg, ok);
  return select(V0, textureLoad(at, texelOf(q)), ok);
}

// Columns 0 .. 9 of the lane's input patch at row r, input channels 4cg .. 4cg + 3 (ld's values).
fn ldRow(r: i32, cg: u32) -> array<vec4<f32>, 10> {
  if (NCHW == 0u) {
    return array<vec4<f32>, 10>(
      ld(r, 0, cg), ld(r, 1, cg), ld(r, 2, cg), ld(r, 3, cg), ld(r, 4, cg),
      ld(r, 5, cg), ld(r, 6, cg), ld(r, 7, cg), ld(r, 8, cg), ld(r, 9, cg),
    );
  }
  // NCHW: each channel's 10 values lie in 4 texels (columns px - 4 .. px + 11), turned into pixels
  let a = texelsNchw(r, 4u * cg);
  let b = texelsNchw(r, 4u * cg + 1u);
  let c = texelsNchw(r, 4u * cg + 2u);
  let d = texelsNchw(r, 4u * cg + 3u);
  return array<vec4<f32>, 10>(
    across(a[0], b[0], c[0], d[0], 3u),
    across(a[1], b[1], c[1], d[1], 0u), across(a[1], b[1], c[1], d[1], 1u),
    across(a[1], b[1], c[1], d[1], 2u), across(a[1], b[1], c[1], d[1], 3u),
    across(a[2], b[2], c[2], d[2], 0u), across(a[2], b[2], c[2], d[2], 1u),
    across(a[2], b[2], c[2], d[2], 2u), across(a[2], b[2], c[2], d[2], 3u),
    across(a[3], b[3], c[3], d[3], 0u),
  );
}

// Component k of four channels' texels: one pixel's 4 channels.
fn across(a: vec4<f32>, b: vec4<f32>, c: vec4<f32>, d: vec4<f32>, k: u32) -> vec4<f32> {
  return vec4<f32>(a[k], b[k], c[k], d[k]);
}

// NCHW input: the texels holding columns px - 4 .. px + 11 of channel ch at patch row r (image row y0 + r),
// zero outside the image and past C. px is a multiple of 8 and W of 8, so the middle two always exist.
fn texelsNchw(r: i32, ch: u32) -> array<vec4<f32>, 4> {
  let y = y0 + r;
  let W4 = p.W / 4u;
  let t0 = px / 4u;
  let ok = u32(y) < imageH && ch < p.C;
  let base = select(0u, ((n * p.C + ch) * imageH + u32(y)) * W4 + t0, ok);
  let lo = ok && t0 > 0u;
  let hi = ok && t0 + 2u < W4;
  return array<vec4<f32>, 4>(
    select(V0, textureLoad(at, texelOf(select(0u, base - 1u, lo))), lo),
    select(V0, textureLoad(at, texelOf(base)), ok),
    select(V0, textureLoad(at, texelOf(base + 1u)), ok),
    select(V0, textureLoad(at, texelOf(select(0u, base + 2u, hi))), hi),
  );
}

// U[xi] for input channel 4cg + ci and the lane's output channel group g (4 channels).
fn weight(xi: u32, cg: u32, g: u32, ci: u32) -> vec4<f32> {
  return textureLoad(wt, vec2<u32>(og0 + g, xi * p.C4 + cg * 4u + ci));
}

// m + U^T v for one product: v holds 4 input channels of V, u0 .. u3 their rows of U (4 output channels).
fn madd(m: vec4<f32>, v: vec4<f32>, u0: vec4<f32>, u1: vec4<f32>, u2: vec4<f32>, u3: vec4<f32>) -> vec4<f32> {
  return fma(u3, vec4<f32>(v.w), fma(u2, vec4<f32>(v.z), fma(u1, vec4<f32>(v.y), fma(u0, vec4<f32>(v.x), m))));
}

struct Epi {
  bias: vec4<f32>,
  scale: vec4<f32>,
}

fn epilogueOf(g: u32) -> Epi {
  var e = Epi(V0, vec4<f32>(1.0));
  let row = 16u * p.C4;
  if (p.bias == 1u) { e.bias = textureLoad(wt, vec2<u32>(og0 + g, row)); }
  if (p.scale == 1u) { e.scale = textureLoad(wt, vec2<u32>(og0 + g, row + 1u)); }
  return e;
}

// An output pixel's channels of group g without a residual: scale, bias, ReLU (the moments' values).
fn epi(v: vec4<f32>, e: Epi) -> vec4<f32> {
  let s = v * e.scale + e.bias;
  if (p.relu == 1u) { return max(s, V0); }
  return s;
}

// Output pixel (py + r, px + c), channel group g: scale, bias, residual, ReLU, as conv2d.wgsl's stPixel.
fn store(r: u32, c: u32, g: u32, v: vec4<f32>, e: Epi) {
  let i = ((n * imageH + py + r) * p.W + px + c) * (p.O / 4u) + og0 + g;
  var s = v * e.scale + e.bias;
  if (p.res == 1u) { s += textureLoad(rt, texelOf(i)); }
  if (p.relu == 1u) { s = max(s, V0); }
  if (maskOn == 1u) { s = select(V0, s, textureLoad(mt, texelOf(i)) > V0); }
  out4[i] = s;
}

// Output pixels (py + r, px + c .. px + c + 3), channel group g (c a multiple of 4).
fn store4(r: u32, c: u32, g: u32, v0: vec4<f32>, v1: vec4<f32>, v2: vec4<f32>, v3: vec4<f32>, e: Epi) {
  if (NCHW == 0u) {
    store(r, c, g, v0, e);
    store(r, c + 1u, g, v1, e);
    store(r, c + 2u, g, v2, e);
    store(r, c + 3u, g, v3, e);
    return;
  }
  // 4 pixels x 4 channels transposed into 4 channels' rows of 4 pixels, plus the residual's rows
  let plane = imageH * p.W / 4u;
  let i = ((n * p.O + 4u * (og0 + g)) * imageH + py + r) * (p.W / 4u) + (px + c) / 4u;
  var t = transpose(mat4x4<f32>(v0 * e.scale + e.bias, v1 * e.scale + e.bias, v2 * e.scale + e.bias, v3 * e.scale + e.bias));
  if (p.res == 1u) {
    t += mat4x4<f32>(
      textureLoad(rt, texelOf(i)), textureLoad(rt, texelOf(i + plane)),
      textureLoad(rt, texelOf(i + 2u * plane)), textureLoad(rt, texelOf(i + 3u * plane)),
    );
  }
  if (p.relu == 1u) {
    t = mat4x4<f32>(max(t[0], V0), max(t[1], V0), max(t[2], V0), max(t[3], V0));
  }
  if (maskOn == 1u) {
    t = mat4x4<f32>(
      select(V0, t[0], textureLoad(mt, texelOf(i)) > V0),
      select(V0, t[1], textureLoad(mt, texelOf(i + plane)) > V0),
      select(V0, t[2], textureLoad(mt, texelOf(i + 2u * plane)) > V0),
      select(V0, t[3], textureLoad(mt, texelOf(i + 3u * plane)) > V0),
    );
  }
  out4[i] = t[0];
  out4[i + plane] = t[1];
  out4[i + 2u * plane] = t[2];
  out4[i + 3u * plane] = t[3];
}

// Workgroups of WGS lanes, declared 1-D: Mesa's CPU driver vectorises invocations along x (conv2d.wgsl).
@compute @workgroup_size(WGS)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) lin: u32) {
  imageH = p.H + wid.z;
  maskOn = p.mask + wid.z;
  if (WS == 1u) {
    for (var i = lin; i < CG * 256u; i += WGS) {
      let g = i % 4u;
      let c = (i / 4u) % 4u;
      let xi = (i / 16u) % 16u;
      uw[i] = textureLoad(wt, vec2<u32>(g, xi * p.C4 + (i / 256u) * 4u + c));
    }
    workgroupBarrier();
  }
  let lane = (wid.x + wid.y * p.gridX) * WGS + lin;
  let live = lane < p.lanes;
  let l = min(lane, p.lanes - 1u);
  let ob = l % p.OGB;
  let r1 = l / p.OGB;
  let bx = r1 % p.BX;
  let r2 = r1 / p.BX;
  n = r2 / p.BY;
  py = (r2 % p.BY) * 4u;
  px = bx * 8u;
  y0 = i32(py) - 1;
  x0 = i32(px) - 1;
  og0 = ob * 4u;
  // generated: Winograd tile (engine/kernel_gen.ts writes it; edit there)
  var y0_0_00 = V0; var y0_0_01 = V0; var y0_0_10 = V0; var y0_0_11 = V0;
  var y0_1_00 = V0; var y0_1_01 = V0; var y0_1_10 = V0; var y0_1_11 = V0;
  var y0_2_00 = V0; var y0_2_01 = V0; var y0_2_10 = V0; var y0_2_11 = V0;
  var y0_3_00 = V0; var y0_3_01 = V0; var y0_3_10 = V0; var y0_3_11 = V0;
  var y1_0_00 = V0; var y1_0_01 = V0; var y1_0_10 = V0; var y1_0_11 = V0;
  var y1_1_00 = V0; var y1_1_01 = V0; var y1_1_10 = V0; var y1_1_11 = V0;
  var y1_2_00 = V0; var y1_2_01 = V0; var y1_2_10 = V0; var y1_2_11 = V0;
  var y1_3_00 = V0; var y1_3_01 = V0; var y1_3_10 = V0; var y1_3_11 = V0;
  var y2_0_00 = V0; var y2_0_01 = V0; var y2_0_10 = V0; var y2_0_11 = V0;
  var y2_1_00 = V0; var y2_1_01 = V0; var y2_1_10 = V0; var y2_1_11 = V0;
  var y2_2_00 = V0; var y2_2_01 = V0; var y2_2_10 = V0; var y2_2_11 = V0;
  var y2_3_00 = V0; var y2_3_01 = V0; var y2_3_10 = V0; var y2_3_11 = V0;
  var y3_0_00 = V0; var y3_0_01 = V0; var y3_0_10 = V0; var y3_0_11 = V0;
  var y3_1_00 = V0; var y3_1_01 = V0; var y3_1_10 = V0; var y3_1_11 = V0;
  var y3_2_00 = V0; var y3_2_01 = V0; var y3_2_10 = V0; var y3_2_11 = V0;
  var y3_3_00 = V0; var y3_3_01 = V0; var y3_3_10 = V0; var y3_3_11 = V0;
  var y4_0_00 = V0; var y4_0_01 = V0; var y4_0_10 = V0; var y4_0_11 = V0;
  var y4_1_00 = V0; var y4_1_01 = V0; var y4_1_10 = V0; var y4_1_11 = V0;
  var y4_2_00 = V0; var y4_2_01 = V0; var y4_2_10 = V0; var y4_2_11 = V0;
  var y4_3_00 = V0; var y4_3_01 = V0; var y4_3_10 = V0; var y4_3_11 = V0;
  var y5_0_00 = V0; var y5_0_01 = V0; var y5_0_10 = V0; var y5_0_11 = V0;
  var y5_1_00 = V0; var y5_1_01 = V0; var y5_1_10 = V0; var y5_1_11 = V0;
  var y5_2_00 = V0; var y5_2_01 = V0; var y5_2_10 = V0; var y5_2_11 = V0;
  var y5_3_00 = V0; var y5_3_01 = V0; var y5_3_10 = V0; var y5_3_11 = V0;
  var y6_0_00 = V0; var y6_0_01 = V0; var y6_0_10 = V0; var y6_0_11 = V0;
  var y6_1_00 = V0; var y6_1_01 = V0; var y6_1_10 = V0; var y6_1_11 = V0;
  var y6_2_00 = V0; var y6_2_01 = V0; var y6_2_10 = V0; var y6_2_11 = V0;
  var y6_3_00 = V0; var y6_3_01 = V0; var y6_3_10 = V0; var y6_3_11 = V0;
  var y7_0_00 = V0; var y7_0_01 = V0; var y7_0_10 = V0; var y7_0_11 = V0;
  var y7_1_00 = V0; var y7_1_01 = V0; var y7_1_10 = V0; var y7_1_11 = V0;
  var y7_2_00 = V0; var y7_2_01 = V0; var y7_2_10 = V0; var y7_2_11 = V0;
  var y7_3_00 = V0; var y7_3_01 = V0; var y7_3_10 = V0; var y7_3_11 = V0;
  if (WS == 0u) {
    {
      // row 0 of the 4 x 4 product grid
      var m00_0_0 = V0; var m01_0_0 = V0; var m02_0_0 = V0; var m03_0_0 = V0;
      var m00_0_1 = V0; var m01_0_1 = V0; var m02_0_1 = V0; var m03_0_1 = V0;
      var m00_0_2 = V0; var m01_0_2 = V0; var m02_0_2 = V0; var m03_0_2 = V0;
      var m00_0_3 = V0; var m01_0_3 = V0; var m02_0_3 = V0; var m03_0_3 = V0;
      var m00_1_0 = V0; var m01_1_0 = V0; var m02_1_0 = V0; var m03_1_0 = V0;
      var m00_1_1 = V0; var m01_1_1 = V0; var m02_1_1 = V0; var m03_1_1 = V0;
      var m00_1_2 = V0; var m01_1_2 = V0; var m02_1_2 = V0; var m03_1_2 = V0;
      var m00_1_3 = V0; var m01_1_3 = V0; var m02_1_3 = V0; var m03_1_3 = V0;
      var m00_2_0 = V0; var m01_2_0 = V0; var m02_2_0 = V0; var m03_2_0 = V0;
      var m00_2_1 = V0; var m01_2_1 = V0; var m02_2_1 = V0; var m03_2_1 = V0;
      var m00_2_2 = V0; var m01_2_2 = V0; var m02_2_2 = V0; var m03_2_2 = V0;
      var m00_2_3 = V0; var m01_2_3 = V0; var m02_2_3 = V0; var m03_2_3 = V0;
      var m00_3_0 = V0; var m01_3_0 = V0; var m02_3_0 = V0; var m03_3_0 = V0;
      var m00_3_1 = V0; var m01_3_1 = V0; var m02_3_1 = V0; var m03_3_1 = V0;
      var m00_3_2 = V0; var m01_3_2 = V0; var m02_3_2 = V0; var m03_3_2 = V0;
      var m00_3_3 = V0; var m01_3_3 = V0; var m02_3_3 = V0; var m03_3_3 = V0;
      var m00_4_0 = V0; var m01_4_0 = V0; var m02_4_0 = V0; var m03_4_0 = V0;
      var m00_4_1 = V0; var m01_4_1 = V0; var m02_4_1 = V0; var m03_4_1 = V0;
      var m00_4_2 = V0; var m01_4_2 = V0; var m02_4_2 = V0; var m03_4_2 = V0;
      var m00_4_3 = V0; var m01_4_3 = V0; var m02_4_3 = V0; var m03_4_3 = V0;
      var m00_5_0 = V0; var m01_5_0 = V0; var m02_5_0 = V0; var m03_5_0 = V0;
      var m00_5_1 = V0; var m01_5_1 = V0; var m02_5_1 = V0; var m03_5_1 = V0;
      var m00_5_2 = V0; var m01_5_2 = V0; var m02_5_2 = V0; var m03_5_2 = V0;
      var m00_5_3 = V0; var m01_5_3 = V0; var m02_5_3 = V0; var m03_5_3 = V0;
      var m00_6_0 = V0; var m01_6_0 = V0; var m02_6_0 = V0; var m03_6_0 = V0;
      var m00_6_1 = V0; var m01_6_1 = V0; var m02_6_1 = V0; var m03_6_1 = V0;
      var m00_6_2 = V0; var m01_6_2 = V0; var m02_6_2 = V0; var m03_6_2 = V0;
      var m00_6_3 = V0; var m01_6_3 = V0; var m02_6_3 = V0; var m03_6_3 = V0;
      var m00_7_0 = V0; var m01_7_0 = V0; var m02_7_0 = V0; var m03_7_0 = V0;
      var m00_7_1 = V0; var m01_7_1 = V0; var m02_7_1 = V0; var m03_7_1 = V0;
      var m00_7_2 = V0; var m01_7_2 = V0; var m02_7_2 = V0; var m03_7_2 = V0;
      var m00_7_3 = V0; var m01_7_3 = V0; var m02_7_3 = V0; var m03_7_3 = V0;
      for (var cg = 0u; cg < p.C4 / 4u; cg++) {
        let q0 = ldRow(0, cg); let d0_0 = q0[0]; let d0_1 = q0[1]; let d0_2 = q0[2]; let d0_3 = q0[3]; let d0_4 = q0[4]; let d0_5 = q0[5]; let d0_6 = q0[6]; let d0_7 = q0[7]; let d0_8 = q0[8]; let d0_9 = q0[9];
        let q1 = ldRow(1, cg); let d1_0 = q1[0]; let d1_1 = q1[1]; let d1_2 = q1[2]; let d1_3 = q1[3]; let d1_4 = q1[4]; let d1_5 = q1[5]; let d1_6 = q1[6]; let d1_7 = q1[7]; let d1_8 = q1[8]; let d1_9 = q1[9];
        let q2 = ldRow(2, cg); let d2_0 = q2[0]; let d2_1 = q2[1]; let d2_2 = q2[2]; let d2_3 = q2[3]; let d2_4 = q2[4]; let d2_5 = q2[5]; let d2_6 = q2[6]; let d2_7 = q2[7]; let d2_8 = q2[8]; let d2_9 = q2[9];
        let q3 = ldRow(3, cg); let d3_0 = q3[0]; let d3_1 = q3[1]; let d3_2 = q3[2]; let d3_3 = q3[3]; let d3_4 = q3[4]; let d3_5 = q3[5]; let d3_6 = q3[6]; let d3_7 = q3[7]; let d3_8 = q3[8]; let d3_9 = q3[9];
        let q4 = ldRow(4, cg); let d4_0 = q4[0]; let d4_1 = q4[1]; let d4_2 = q4[2]; let d4_3 = q4[3]; let d4_4 = q4[4]; let d4_5 = q4[5]; let d4_6 = q4[6]; let d4_7 = q4[7]; let d4_8 = q4[8]; let d4_9 = q4[9];
        let q5 = ldRow(5, cg); let d5_0 = q5[0]; let d5_1 = q5[1]; let d5_2 = q5[2]; let d5_3 = q5[3]; let d5_4 = q5[4]; let d5_5 = q5[5]; let d5_6 = q5[6]; let d5_7 = q5[7]; let d5_8 = q5[8]; let d5_9 = q5[9];
        let r00_0 = d0_0 - d2_0; let r00_1 = d0_1 - d2_1; let r00_2 = d0_2 - d2_2; let r00_3 = d0_3 - d2_3;
        let v00_0 = r00_0 - r00_2; let v00_1 = r00_1 + r00_2; let v00_2 = -r00_1 + r00_2; let v00_3 = r00_1 - r00_3;
        let r01_0 = d0_2 - d2_2; let r01_1 = d0_3 - d2_3; let r01_2 = d0_4 - d2_4; let r01_3 = d0_5 - d2_5;
        let v01_0 = r01_0 - r01_2; let v01_1 = r01_1 + r01_2; let v01_2 = -r01_1 + r01_2; let v01_3 = r01_1 - r01_3;
        let r02_0 = d0_4 - d2_4; let r02_1 = d0_5 - d2_5; let r02_2 = d0_6 - d2_6; let r02_3 = d0_7 - d2_7;
        let v02_0 = r02_0 - r02_2; let v02_1 = r02_1 + r02_2; let v02_2 = -r02_1 + r02_2; let v02_3 = r02_1 - r02_3;
        let r03_0 = d0_6 - d2_6; let r03_1 = d0_7 - d2_7; let r03_2 = d0_8 - d2_8; let r03_3 = d0_9 - d2_9;
        let v03_0 = r03_0 - r03_2; let v03_1 = r03_1 + r03_2; let v03_2 = -r03_1 + r03_2; let v03_3 = r03_1 - r03_3;
        let r04_0 = d2_0 - d4_0; let r04_1 = d2_1 - d4_1; let r04_2 = d2_2 - d4_2; let r04_3 = d2_3 - d4_3;
        let v04_0 = r04_0 - r04_2; let v04_1 = r04_1 + r04_2; let v04_2 = -r04_1 + r04_2; let v04_3 = r04_1 - r04_3;
        let r05_0 = d2_2 - d4_2; let r05_1 = d2_3 - d4_3; let r05_2 = d2_4 - d4_4; let r05_3 = d2_5 - d4_5;
        let v05_0 = r05_0 - r05_2; let v05_1 = r05_1 + r05_2; let v05_2 = -r05_1 + r05_2; let v05_3 = r05_1 - r05_3;
        let r06_0 = d2_4 - d4_4; let r06_1 = d2_5 - d4_5; let r06_2 = d2_6 - d4_6; let r06_3 = d2_7 - d4_7;
        let v06_0 = r06_0 - r06_2; let v06_1 = r06_1 + r06_2; let v06_2 = -r06_1 + r06_2; let v06_3 = r06_1 - r06_3;
        let r07_0 = d2_6 - d4_6; let r07_1 = d2_7 - d4_7; let r07_2 = d2_8 - d4_8; let r07_3 = d2_9 - d4_9;
        let v07_0 = r07_0 - r07_2; let v07_1 = r07_1 + r07_2; let v07_2 = -r07_1 + r07_2; let v07_3 = r07_1 - r07_3;
        {
          let u0_0 = weight(0u, cg, 0u, 0u); let u0_1 = weight(0u, cg, 0u, 1u); let u0_2 = weight(0u, cg, 0u, 2u); let u0_3 = weight(0u, cg, 0u, 3u);
          let u1_0 = weight(0u, cg, 1u, 0u); let u1_1 = weight(0u, cg, 1u, 1u); let u1_2 = weight(0u, cg, 1u, 2u); let u1_3 = weight(0u, cg, 1u, 3u);
          let u2_0 = weight(0u, cg, 2u, 0u); let u2_1 = weight(0u, cg, 2u, 1u); let u2_2 = weight(0u, cg, 2u, 2u); let u2_3 = weight(0u, cg, 2u, 3u);
          let u3_0 = weight(0u, cg, 3u, 0u); let u3_1 = weight(0u, cg, 3u, 1u); let u3_2 = weight(0u, cg, 3u, 2u); let u3_3 = weight(0u, cg, 3u, 3u);
          m00_0_0 = madd(m00_0_0, v00_0, u0_0, u0_1, u0_2, u0_3);
          m00_0_1 = madd(m00_0_1, v00_0, u1_0, u1_1, u1_2, u1_3);
          m00_0_2 = madd(m00_0_2, v00_0, u2_0, u2_1, u2_2, u2_3);
          m00_0_3 = madd(m00_0_3, v00_0, u3_0, u3_1, u3_2, u3_3);
          m00_1_0 = madd(m00_1_0, v01_0, u0_0, u0_1, u0_2, u0_3);
          m00_1_1 = madd(m00_1_1, v01_0, u1_0, u1_1, u1_2, u1_3);
          m00_1_2 = madd(m00_1_2, v01_0, u2_0, u2_1, u2_2, u2_3);
          m00_1_3 = madd(m00_1_3, v01_0, u3_0, u3_1, u3_2, u3_3);
          m00_2_0 = madd(m00_2_0, v02_0, u0_0, u0_1, u0_2, u0_3);
          m00_2_1 = madd(m00_2_1, v02_0, u1_0, u1_1, u1_2, u1_3);
          m00_2_2 = madd(m00_2_2, v02_0, u2_0, u2_1, u2_2, u2_3);
          m00_2_3 = madd(m00_2_3, v02_0, u3_0, u3_1, u3_2, u3_3);
          m00_3_0 = madd(m00_3_0, v03_0, u0_0, u0_1, u0_2, u0_3);
          m00_3_1 = madd(m00_3_1, v03_0, u1_0, u1_1, u1_2, u1_3);
          m00_3_2 = madd(m00_3_2, v03_0, u2_0, u2_1, u2_2, u2_3);
          m00_3_3 = madd(m00_3_3, v03_0, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m00_3_0; }
          m00_4_0 = madd(m00_4_0, v04_0, u0_0, u0_1, u0_2, u0_3);
          m00_4_1 = madd(m00_4_1, v04_0, u1_0, u1_1, u1_2, u1_3);
          m00_4_2 = madd(m00_4_2, v04_0, u2_0, u2_1, u2_2, u2_3);
          m00_4_3 = madd(m00_4_3, v04_0, u3_0, u3_1, u3_2, u3_3);
          m00_5_0 = madd(m00_5_0, v05_0, u0_0, u0_1, u0_2, u0_3);
          m00_5_1 = madd(m00_5_1, v05_0, u1_0, u1_1, u1_2, u1_3);
          m00_5_2 = madd(m00_5_2, v05_0, u2_0, u2_1, u2_2, u2_3);
          m00_5_3 = madd(m00_5_3, v05_0, u3_0, u3_1, u3_2, u3_3);
          m00_6_0 = madd(m00_6_0, v06_0, u0_0, u0_1, u0_2, u0_3);
          m00_6_1 = madd(m00_6_1, v06_0, u1_0, u1_1, u1_2, u1_3);
          m00_6_2 = madd(m00_6_2, v06_0, u2_0, u2_1, u2_2, u2_3);
          m00_6_3 = madd(m00_6_3, v06_0, u3_0, u3_1, u3_2, u3_3);
          m00_7_0 = madd(m00_7_0, v07_0, u0_0, u0_1, u0_2, u0_3);
          m00_7_1 = madd(m00_7_1, v07_0, u1_0, u1_1, u1_2, u1_3);
          m00_7_2 = madd(m00_7_2, v07_0, u2_0, u2_1, u2_2, u2_3);
          m00_7_3 = madd(m00_7_3, v07_0, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = weight(1u, cg, 0u, 0u); let u0_1 = weight(1u, cg, 0u, 1u); let u0_2 = weight(1u, cg, 0u, 2u); let u0_3 = weight(1u, cg, 0u, 3u);
          let u1_0 = weight(1u, cg, 1u, 0u); let u1_1 = weight(1u, cg, 1u, 1u); let u1_2 = weight(1u, cg, 1u, 2u); let u1_3 = weight(1u, cg, 1u, 3u);
          let u2_0 = weight(1u, cg, 2u, 0u); let u2_1 = weight(1u, cg, 2u, 1u); let u2_2 = weight(1u, cg, 2u, 2u); let u2_3 = weight(1u, cg, 2u, 3u);
          let u3_0 = weight(1u, cg, 3u, 0u); let u3_1 = weight(1u, cg, 3u, 1u); let u3_2 = weight(1u, cg, 3u, 2u); let u3_3 = weight(1u, cg, 3u, 3u);
          m01_0_0 = madd(m01_0_0, v00_1, u0_0, u0_1, u0_2, u0_3);
          m01_0_1 = madd(m01_0_1, v00_1, u1_0, u1_1, u1_2, u1_3);
          m01_0_2 = madd(m01_0_2, v00_1, u2_0, u2_1, u2_2, u2_3);
          m01_0_3 = madd(m01_0_3, v00_1, u3_0, u3_1, u3_2, u3_3);
          m01_1_0 = madd(m01_1_0, v01_1, u0_0, u0_1, u0_2, u0_3);
          m01_1_1 = madd(m01_1_1, v01_1, u1_0, u1_1, u1_2, u1_3);
          m01_1_2 = madd(m01_1_2, v01_1, u2_0, u2_1, u2_2, u2_3);
          m01_1_3 = madd(m01_1_3, v01_1, u3_0, u3_1, u3_2, u3_3);
          m01_2_0 = madd(m01_2_0, v02_1, u0_0, u0_1, u0_2, u0_3);
          m01_2_1 = madd(m01_2_1, v02_1, u1_0, u1_1, u1_2, u1_3);
          m01_2_2 = madd(m01_2_2, v02_1, u2_0, u2_1, u2_2, u2_3);
          m01_2_3 = madd(m01_2_3, v02_1, u3_0, u3_1, u3_2, u3_3);
          m01_3_0 = madd(m01_3_0, v03_1, u0_0, u0_1, u0_2, u0_3);
          m01_3_1 = madd(m01_3_1, v03_1, u1_0, u1_1, u1_2, u1_3);
          m01_3_2 = madd(m01_3_2, v03_1, u2_0, u2_1, u2_2, u2_3);
          m01_3_3 = madd(m01_3_3, v03_1, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m01_3_0; }
          m01_4_0 = madd(m01_4_0, v04_1, u0_0, u0_1, u0_2, u0_3);
          m01_4_1 = madd(m01_4_1, v04_1, u1_0, u1_1, u1_2, u1_3);
          m01_4_2 = madd(m01_4_2, v04_1, u2_0, u2_1, u2_2, u2_3);
          m01_4_3 = madd(m01_4_3, v04_1, u3_0, u3_1, u3_2, u3_3);
          m01_5_0 = madd(m01_5_0, v05_1, u0_0, u0_1, u0_2, u0_3);
          m01_5_1 = madd(m01_5_1, v05_1, u1_0, u1_1, u1_2, u1_3);
          m01_5_2 = madd(m01_5_2, v05_1, u2_0, u2_1, u2_2, u2_3);
          m01_5_3 = madd(m01_5_3, v05_1, u3_0, u3_1, u3_2, u3_3);
          m01_6_0 = madd(m01_6_0, v06_1, u0_0, u0_1, u0_2, u0_3);
          m01_6_1 = madd(m01_6_1, v06_1, u1_0, u1_1, u1_2, u1_3);
          m01_6_2 = madd(m01_6_2, v06_1, u2_0, u2_1, u2_2, u2_3);
          m01_6_3 = madd(m01_6_3, v06_1, u3_0, u3_1, u3_2, u3_3);
          m01_7_0 = madd(m01_7_0, v07_1, u0_0, u0_1, u0_2, u0_3);
          m01_7_1 = madd(m01_7_1, v07_1, u1_0, u1_1, u1_2, u1_3);
          m01_7_2 = madd(m01_7_2, v07_1, u2_0, u2_1, u2_2, u2_3);
          m01_7_3 = madd(m01_7_3, v07_1, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = weight(2u, cg, 0u, 0u); let u0_1 = weight(2u, cg, 0u, 1u); let u0_2 = weight(2u, cg, 0u, 2u); let u0_3 = weight(2u, cg, 0u, 3u);
          let u1_0 = weight(2u, cg, 1u, 0u); let u1_1 = weight(2u, cg, 1u, 1u); let u1_2 = weight(2u, cg, 1u, 2u); let u1_3 = weight(2u, cg, 1u, 3u);
          let u2_0 = weight(2u, cg, 2u, 0u); let u2_1 = weight(2u, cg, 2u, 1u); let u2_2 = weight(2u, cg, 2u, 2u); let u2_3 = weight(2u, cg, 2u, 3u);
          let u3_0 = weight(2u, cg, 3u, 0u); let u3_1 = weight(2u, cg, 3u, 1u); let u3_2 = weight(2u, cg, 3u, 2u); let u3_3 = weight(2u, cg, 3u, 3u);
          m02_0_0 = madd(m02_0_0, v00_2, u0_0, u0_1, u0_2, u0_3);
          m02_0_1 = madd(m02_0_1, v00_2, u1_0, u1_1, u1_2, u1_3);
          m02_0_2 = madd(m02_0_2, v00_2, u2_0, u2_1, u2_2, u2_3);
          m02_0_3 = madd(m02_0_3, v00_2, u3_0, u3_1, u3_2, u3_3);
          m02_1_0 = madd(m02_1_0, v01_2, u0_0, u0_1, u0_2, u0_3);
          m02_1_1 = madd(m02_1_1, v01_2, u1_0, u1_1, u1_2, u1_3);
          m02_1_2 = madd(m02_1_2, v01_2, u2_0, u2_1, u2_2, u2_3);
          m02_1_3 = madd(m02_1_3, v01_2, u3_0, u3_1, u3_2, u3_3);
          m02_2_0 = madd(m02_2_0, v02_2, u0_0, u0_1, u0_2, u0_3);
          m02_2_1 = madd(m02_2_1, v02_2, u1_0, u1_1, u1_2, u1_3);
          m02_2_2 = madd(m02_2_2, v02_2, u2_0, u2_1, u2_2, u2_3);
          m02_2_3 = madd(m02_2_3, v02_2, u3_0, u3_1, u3_2, u3_3);
          m02_3_0 = madd(m02_3_0, v03_2, u0_0, u0_1, u0_2, u0_3);
          m02_3_1 = madd(m02_3_1, v03_2, u1_0, u1_1, u1_2, u1_3);
          m02_3_2 = madd(m02_3_2, v03_2, u2_0, u2_1, u2_2, u2_3);
          m02_3_3 = madd(m02_3_3, v03_2, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m02_3_0; }
          m02_4_0 = madd(m02_4_0, v04_2, u0_0, u0_1, u0_2, u0_3);
          m02_4_1 = madd(m02_4_1, v04_2, u1_0, u1_1, u1_2, u1_3);
          m02_4_2 = madd(m02_4_2, v04_2, u2_0, u2_1, u2_2, u2_3);
          m02_4_3 = madd(m02_4_3, v04_2, u3_0, u3_1, u3_2, u3_3);
          m02_5_0 = madd(m02_5_0, v05_2, u0_0, u0_1, u0_2, u0_3);
          m02_5_1 = madd(m02_5_1, v05_2, u1_0, u1_1, u1_2, u1_3);
          m02_5_2 = madd(m02_5_2, v05_2, u2_0, u2_1, u2_2, u2_3);
          m02_5_3 = madd(m02_5_3, v05_2, u3_0, u3_1, u3_2, u3_3);
          m02_6_0 = madd(m02_6_0, v06_2, u0_0, u0_1, u0_2, u0_3);
          m02_6_1 = madd(m02_6_1, v06_2, u1_0, u1_1, u1_2, u1_3);
          m02_6_2 = madd(m02_6_2, v06_2, u2_0, u2_1, u2_2, u2_3);
          m02_6_3 = madd(m02_6_3, v06_2, u3_0, u3_1, u3_2, u3_3);
          m02_7_0 = madd(m02_7_0, v07_2, u0_0, u0_1, u0_2, u0_3);
          m02_7_1 = madd(m02_7_1, v07_2, u1_0, u1_1, u1_2, u1_3);
          m02_7_2 = madd(m02_7_2, v07_2, u2_0, u2_1, u2_2, u2_3);
          m02_7_3 = madd(m02_7_3, v07_2, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = weight(3u, cg, 0u, 0u); let u0_1 = weight(3u, cg, 0u, 1u); let u0_2 = weight(3u, cg, 0u, 2u); let u0_3 = weight(3u, cg, 0u, 3u);
          let u1_0 = weight(3u, cg, 1u, 0u); let u1_1 = weight(3u, cg, 1u, 1u); let u1_2 = weight(3u, cg, 1u, 2u); let u1_3 = weight(3u, cg, 1u, 3u);
          let u2_0 = weight(3u, cg, 2u, 0u); let u2_1 = weight(3u, cg, 2u, 1u); let u2_2 = weight(3u, cg, 2u, 2u); let u2_3 = weight(3u, cg, 2u, 3u);
          let u3_0 = weight(3u, cg, 3u, 0u); let u3_1 = weight(3u, cg, 3u, 1u); let u3_2 = weight(3u, cg, 3u, 2u); let u3_3 = weight(3u, cg, 3u, 3u);
          m03_0_0 = madd(m03_0_0, v00_3, u0_0, u0_1, u0_2, u0_3);
          m03_0_1 = madd(m03_0_1, v00_3, u1_0, u1_1, u1_2, u1_3);
          m03_0_2 = madd(m03_0_2, v00_3, u2_0, u2_1, u2_2, u2_3);
          m03_0_3 = madd(m03_0_3, v00_3, u3_0, u3_1, u3_2, u3_3);
          m03_1_0 = madd(m03_1_0, v01_3, u0_0, u0_1, u0_2, u0_3);
          m03_1_1 = madd(m03_1_1, v01_3, u1_0, u1_1, u1_2, u1_3);
          m03_1_2 = madd(m03_1_2, v01_3, u2_0, u2_1, u2_2, u2_3);
          m03_1_3 = madd(m03_1_3, v01_3, u3_0, u3_1, u3_2, u3_3);
          m03_2_0 = madd(m03_2_0, v02_3, u0_0, u0_1, u0_2, u0_3);
          m03_2_1 = madd(m03_2_1, v02_3, u1_0, u1_1, u1_2, u1_3);
          m03_2_2 = madd(m03_2_2, v02_3, u2_0, u2_1, u2_2, u2_3);
          m03_2_3 = madd(m03_2_3, v02_3, u3_0, u3_1, u3_2, u3_3);
          m03_3_0 = madd(m03_3_0, v03_3, u0_0, u0_1, u0_2, u0_3);
          m03_3_1 = madd(m03_3_1, v03_3, u1_0, u1_1, u1_2, u1_3);
          m03_3_2 = madd(m03_3_2, v03_3, u2_0, u2_1, u2_2, u2_3);
          m03_3_3 = madd(m03_3_3, v03_3, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m03_3_0; }
          m03_4_0 = madd(m03_4_0, v04_3, u0_0, u0_1, u0_2, u0_3);
          m03_4_1 = madd(m03_4_1, v04_3, u1_0, u1_1, u1_2, u1_3);
          m03_4_2 = madd(m03_4_2, v04_3, u2_0, u2_1, u2_2, u2_3);
          m03_4_3 = madd(m03_4_3, v04_3, u3_0, u3_1, u3_2, u3_3);
          m03_5_0 = madd(m03_5_0, v05_3, u0_0, u0_1, u0_2, u0_3);
          m03_5_1 = madd(m03_5_1, v05_3, u1_0, u1_1, u1_2, u1_3);
          m03_5_2 = madd(m03_5_2, v05_3, u2_0, u2_1, u2_2, u2_3);
          m03_5_3 = madd(m03_5_3, v05_3, u3_0, u3_1, u3_2, u3_3);
          m03_6_0 = madd(m03_6_0, v06_3, u0_0, u0_1, u0_2, u0_3);
          m03_6_1 = madd(m03_6_1, v06_3, u1_0, u1_1, u1_2, u1_3);
          m03_6_2 = madd(m03_6_2, v06_3, u2_0, u2_1, u2_2, u2_3);
          m03_6_3 = madd(m03_6_3, v06_3, u3_0, u3_1, u3_2, u3_3);
          m03_7_0 = madd(m03_7_0, v07_3, u0_0, u0_1, u0_2, u0_3);
          m03_7_1 = madd(m03_7_1, v07_3, u1_0, u1_1, u1_2, u1_3);
          m03_7_2 = madd(m03_7_2, v07_3, u2_0, u2_1, u2_2, u2_3);
          m03_7_3 = madd(m03_7_3, v07_3, u3_0, u3_1, u3_2, u3_3);
        }
      }
      y0_0_00 += m00_0_0 + m01_0_0 + m02_0_0;
      y0_0_01 += m01_0_0 - m02_0_0 - m03_0_0;
      y0_1_00 += m00_0_1 + m01_0_1 + m02_0_1;
      y0_1_01 += m01_0_1 - m02_0_1 - m03_0_1;
      y0_2_00 += m00_0_2 + m01_0_2 + m02_0_2;
      y0_2_01 += m01_0_2 - m02_0_2 - m03_0_2;
      y0_3_00 += m00_0_3 + m01_0_3 + m02_0_3;
      y0_3_01 += m01_0_3 - m02_0_3 - m03_0_3;
      y1_0_00 += m00_1_0 + m01_1_0 + m02_1_0;
      y1_0_01 += m01_1_0 - m02_1_0 - m03_1_0;
      y1_1_00 += m00_1_1 + m01_1_1 + m02_1_1;
      y1_1_01 += m01_1_1 - m02_1_1 - m03_1_1;
      y1_2_00 += m00_1_2 + m01_1_2 + m02_1_2;
      y1_2_01 += m01_1_2 - m02_1_2 - m03_1_2;
      y1_3_00 += m00_1_3 + m01_1_3 + m02_1_3;
      y1_3_01 += m01_1_3 - m02_1_3 - m03_1_3;
      y2_0_00 += m00_2_0 + m01_2_0 + m02_2_0;
      y2_0_01 += m01_2_0 - m02_2_0 - m03_2_0;
      y2_1_00 += m00_2_1 + m01_2_1 + m02_2_1;
      y2_1_01 += m01_2_1 - m02_2_1 - m03_2_1;
      y2_2_00 += m00_2_2 + m01_2_2 + m02_2_2;
      y2_2_01 += m01_2_2 - m02_2_2 - m03_2_2;
      y2_3_00 += m00_2_3 + m01_2_3 + m02_2_3;
      y2_3_01 += m01_2_3 - m02_2_3 - m03_2_3;
      y3_0_00 += m00_3_0 + m01_3_0 + m02_3_0;
      y3_0_01 += m01_3_0 - m02_3_0 - m03_3_0;
      y3_1_00 += m00_3_1 + m01_3_1 + m02_3_1;
      y3_1_01 += m01_3_1 - m02_3_1 - m03_3_1;
      y3_2_00 += m00_3_2 + m01_3_2 + m02_3_2;
      y3_2_01 += m01_3_2 - m02_3_2 - m03_3_2;
      y3_3_00 += m00_3_3 + m01_3_3 + m02_3_3;
      y3_3_01 += m01_3_3 - m02_3_3 - m03_3_3;
      y4_0_00 += m00_4_0 + m01_4_0 + m02_4_0;
      y4_0_01 += m01_4_0 - m02_4_0 - m03_4_0;
      y4_1_00 += m00_4_1 + m01_4_1 + m02_4_1;
      y4_1_01 += m01_4_1 - m02_4_1 - m03_4_1;
      y4_2_00 += m00_4_2 + m01_4_2 + m02_4_2;
      y4_2_01 += m01_4_2 - m02_4_2 - m03_4_2;
      y4_3_00 += m00_4_3 + m01_4_3 + m02_4_3;
      y4_3_01 += m01_4_3 - m02_4_3 - m03_4_3;
      y5_0_00 += m00_5_0 + m01_5_0 + m02_5_0;
      y5_0_01 += m01_5_0 - m02_5_0 - m03_5_0;
      y5_1_00 += m00_5_1 + m01_5_1 + m02_5_1;
      y5_1_01 += m01_5_1 - m02_5_1 - m03_5_1;
      y5_2_00 += m00_5_2 + m01_5_2 + m02_5_2;
      y5_2_01 += m01_5_2 - m02_5_2 - m03_5_2;
      y5_3_00 += m00_5_3 + m01_5_3 + m02_5_3;
      y5_3_01 += m01_5_3 - m02_5_3 - m03_5_3;
      y6_0_00 += m00_6_0 + m01_6_0 + m02_6_0;
      y6_0_01 += m01_6_0 - m02_6_0 - m03_6_0;
      y6_1_00 += m00_6_1 + m01_6_1 + m02_6_1;
      y6_1_01 += m01_6_1 - m02_6_1 - m03_6_1;
      y6_2_00 += m00_6_2 + m01_6_2 + m02_6_2;
      y6_2_01 += m01_6_2 - m02_6_2 - m03_6_2;
      y6_3_00 += m00_6_3 + m01_6_3 + m02_6_3;
      y6_3_01 += m01_6_3 - m02_6_3 - m03_6_3;
      y7_0_00 += m00_7_0 + m01_7_0 + m02_7_0;
      y7_0_01 += m01_7_0 - m02_7_0 - m03_7_0;
      y7_1_00 += m00_7_1 + m01_7_1 + m02_7_1;
      y7_1_01 += m01_7_1 - m02_7_1 - m03_7_1;
      y7_2_00 += m00_7_2 + m01_7_2 + m02_7_2;
      y7_2_01 += m01_7_2 - m02_7_2 - m03_7_2;
      y7_3_00 += m00_7_3 + m01_7_3 + m02_7_3;
      y7_3_01 += m01_7_3 - m02_7_3 - m03_7_3;
    }
    {
      // rows 1 and 2 of the 4 x 4 product grid
      var m10_0_0 = V0; var m11_0_0 = V0; var m12_0_0 = V0; var m13_0_0 = V0;
      var m10_0_1 = V0; var m11_0_1 = V0; var m12_0_1 = V0; var m13_0_1 = V0;
      var m10_0_2 = V0; var m11_0_2 = V0; var m12_0_2 = V0; var m13_0_2 = V0;
      var m10_0_3 = V0; var m11_0_3 = V0; var m12_0_3 = V0; var m13_0_3 = V0;
      var m10_1_0 = V0; var m11_1_0 = V0; var m12_1_0 = V0; var m13_1_0 = V0;
      var m10_1_1 = V0; var m11_1_1 = V0; var m12_1_1 = V0; var m13_1_1 = V0;
      var m10_1_2 = V0; var m11_1_2 = V0; var m12_1_2 = V0; var m13_1_2 = V0;
      var m10_1_3 = V0; var m11_1_3 = V0; var m12_1_3 = V0; var m13_1_3 = V0;
      var m10_2_0 = V0; var m11_2_0 = V0; var m12_2_0 = V0; var m13_2_0 = V0;
      var m10_2_1 = V0; var m11_2_1 = V0; var m12_2_1 = V0; var m13_2_1 = V0;
      var m10_2_2 = V0; var m11_2_2 = V0; var m12_2_2 = V0; var m13_2_2 = V0;
      var m10_2_3 = V0; var m11_2_3 = V0; var m12_2_3 = V0; var m13_2_3 = V0;
      var m10_3_0 = V0; var m11_3_0 = V0; var m12_3_0 = V0; var m13_3_0 = V0;
      var m10_3_1 = V0; var m11_3_1 = V0; var m12_3_1 = V0; var m13_3_1 = V0;
      var m10_3_2 = V0; var m11_3_2 = V0; var m12_3_2 = V0; var m13_3_2 = V0;
      var m10_3_3 = V0; var m11_3_3 = V0; var m12_3_3 = V0; var m13_3_3 = V0;
      var m10_4_0 = V0; var m11_4_0 = V0; var m12_4_0 = V0; var m13_4_0 = V0;
      var m10_4_1 = V0; var m11_4_1 = V0; var m12_4_1 = V0; var m13_4_1 = V0;
      var m10_4_2 = V0; var m11_4_2 = V0; var m12_4_2 = V0; var m13_4_2 = V0;
      var m10_4_3 = V0; var m11_4_3 = V0; var m12_4_3 = V0; var m13_4_3 = V0;
      var m10_5_0 = V0; var m11_5_0 = V0; var m12_5_0 = V0; var m13_5_0 = V0;
      var m10_5_1 = V0; var m11_5_1 = V0; var m12_5_1 = V0; var m13_5_1 = V0;
      var m10_5_2 = V0; var m11_5_2 = V0; var m12_5_2 = V0; var m13_5_2 = V0;
      var m10_5_3 = V0; var m11_5_3 = V0; var m12_5_3 = V0; var m13_5_3 = V0;
      var m10_6_0 = V0; var m11_6_0 = V0; var m12_6_0 = V0; var m13_6_0 = V0;
      var m10_6_1 = V0; var m11_6_1 = V0; var m12_6_1 = V0; var m13_6_1 = V0;
      var m10_6_2 = V0; var m11_6_2 = V0; var m12_6_2 = V0; var m13_6_2 = V0;
      var m10_6_3 = V0; var m11_6_3 = V0; var m12_6_3 = V0; var m13_6_3 = V0;
      var m10_7_0 = V0; var m11_7_0 = V0; var m12_7_0 = V0; var m13_7_0 = V0;
      var m10_7_1 = V0; var m11_7_1 = V0; var m12_7_1 = V0; var m13_7_1 = V0;
      var m10_7_2 = V0; var m11_7_2 = V0; var m12_7_2 = V0; var m13_7_2 = V0;
      var m10_7_3 = V0; var m11_7_3 = V0; var m12_7_3 = V0; var m13_7_3 = V0;
      var m20_0_0 = V0; var m21_0_0 = V0; var m22_0_0 = V0; var m23_0_0 = V0;
      var m20_0_1 = V0; var m21_0_1 = V0; var m22_0_1 = V0; var m23_0_1 = V0;
      var m20_0_2 = V0; var m21_0_2 = V0; var m22_0_2 = V0; var m23_0_2 = V0;
      var m20_0_3 = V0; var m21_0_3 = V0; var m22_0_3 = V0; var m23_0_3 = V0;
      var m20_1_0 = V0; var m21_1_0 = V0; var m22_1_0 = V0; var m23_1_0 = V0;
      var m20_1_1 = V0; var m21_1_1 = V0; var m22_1_1 = V0; var m23_1_1 = V0;
      var m20_1_2 = V0; var m21_1_2 = V0; var m22_1_2 = V0; var m23_1_2 = V0;
      var m20_1_3 = V0; var m21_1_3 = V0; var m22_1_3 = V0; var m23_1_3 = V0;
      var m20_2_0 = V0; var m21_2_0 = V0; var m22_2_0 = V0; var m23_2_0 = V0;
      var m20_2_1 = V0; var m21_2_1 = V0; var m22_2_1 = V0; var m23_2_1 = V0;
      var m20_2_2 = V0; var m21_2_2 = V0; var m22_2_2 = V0; var m23_2_2 = V0;
      var m20_2_3 = V0; var m21_2_3 = V0; var m22_2_3 = V0; var m23_2_3 = V0;
      var m20_3_0 = V0; var m21_3_0 = V0; var m22_3_0 = V0; var m23_3_0 = V0;
      var m20_3_1 = V0; var m21_3_1 = V0; var m22_3_1 = V0; var m23_3_1 = V0;
      var m20_3_2 = V0; var m21_3_2 = V0; var m22_3_2 = V0; var m23_3_2 = V0;
      var m20_3_3 = V0; var m21_3_3 = V0; var m22_3_3 = V0; var m23_3_3 = V0;
      var m20_4_0 = V0; var m21_4_0 = V0; var m22_4_0 = V0; var m23_4_0 = V0;
      var m20_4_1 = V0; var m21_4_1 = V0; var m22_4_1 = V0; var m23_4_1 = V0;
      var m20_4_2 = V0; var m21_4_2 = V0; var m22_4_2 = V0; var m23_4_2 = V0;
      var m20_4_3 = V0; var m21_4_3 = V0; var m22_4_3 = V0; var m23_4_3 = V0;
      var m20_5_0 = V0; var m21_5_0 = V0; var m22_5_0 = V0; var m23_5_0 = V0;
      var m20_5_1 = V0; var m21_5_1 = V0; var m22_5_1 = V0; var m23_5_1 = V0;
      var m20_5_2 = V0; var m21_5_2 = V0; var m22_5_2 = V0; var m23_5_2 = V0;
      var m20_5_3 = V0; var m21_5_3 = V0; var m22_5_3 = V0; var m23_5_3 = V0;
      var m20_6_0 = V0; var m21_6_0 = V0; var m22_6_0 = V0; var m23_6_0 = V0;
      var m20_6_1 = V0; var m21_6_1 = V0; var m22_6_1 = V0; var m23_6_1 = V0;
      var m20_6_2 = V0; var m21_6_2 = V0; var m22_6_2 = V0; var m23_6_2 = V0;
      var m20_6_3 = V0; var m21_6_3 = V0; var m22_6_3 = V0; var m23_6_3 = V0;
      var m20_7_0 = V0; var m21_7_0 = V0; var m22_7_0 = V0; var m23_7_0 = V0;
      var m20_7_1 = V0; var m21_7_1 = V0; var m22_7_1 = V0; var m23_7_1 = V0;
      var m20_7_2 = V0; var m21_7_2 = V0; var m22_7_2 = V0; var m23_7_2 = V0;
      var m20_7_3 = V0; var m21_7_3 = V0; var m22_7_3 = V0; var m23_7_3 = V0;
      for (var cg = 0u; cg < p.C4 / 4u; cg++) {
        let q0 = ldRow(0, cg); let d0_0 = q0[0]; let d0_1 = q0[1]; let d0_2 = q0[2]; let d0_3 = q0[3]; let d0_4 = q0[4]; let d0_5 = q0[5]; let d0_6 = q0[6]; let d0_7 = q0[7]; let d0_8 = q0[8]; let d0_9 = q0[9];
        let q1 = ldRow(1, cg); let d1_0 = q1[0]; let d1_1 = q1[1]; let d1_2 = q1[2]; let d1_3 = q1[3]; let d1_4 = q1[4]; let d1_5 = q1[5]; let d1_6 = q1[6]; let d1_7 = q1[7]; let d1_8 = q1[8]; let d1_9 = q1[9];
        let q2 = ldRow(2, cg); let d2_0 = q2[0]; let d2_1 = q2[1]; let d2_2 = q2[2]; let d2_3 = q2[3]; let d2_4 = q2[4]; let d2_5 = q2[5]; let d2_6 = q2[6]; let d2_7 = q2[7]; let d2_8 = q2[8]; let d2_9 = q2[9];
        let q3 = ldRow(3, cg); let d3_0 = q3[0]; let d3_1 = q3[1]; let d3_2 = q3[2]; let d3_3 = q3[3]; let d3_4 = q3[4]; let d3_5 = q3[5]; let d3_6 = q3[6]; let d3_7 = q3[7]; let d3_8 = q3[8]; let d3_9 = q3[9];
        let q4 = ldRow(4, cg); let d4_0 = q4[0]; let d4_1 = q4[1]; let d4_2 = q4[2]; let d4_3 = q4[3]; let d4_4 = q4[4]; let d4_5 = q4[5]; let d4_6 = q4[6]; let d4_7 = q4[7]; let d4_8 = q4[8]; let d4_9 = q4[9];
        let q5 = ldRow(5, cg); let d5_0 = q5[0]; let d5_1 = q5[1]; let d5_2 = q5[2]; let d5_3 = q5[3]; let d5_4 = q5[4]; let d5_5 = q5[5]; let d5_6 = q5[6]; let d5_7 = q5[7]; let d5_8 = q5[8]; let d5_9 = q5[9];
        let r10_0 = d1_0 + d2_0; let r10_1 = d1_1 + d2_1; let r10_2 = d1_2 + d2_2; let r10_3 = d1_3 + d2_3;
        let v10_0 = r10_0 - r10_2; let v10_1 = r10_1 + r10_2; let v10_2 = -r10_1 + r10_2; let v10_3 = r10_1 - r10_3;
        let r11_0 = d1_2 + d2_2; let r11_1 = d1_3 + d2_3; let r11_2 = d1_4 + d2_4; let r11_3 = d1_5 + d2_5;
        let v11_0 = r11_0 - r11_2; let v11_1 = r11_1 + r11_2; let v11_2 = -r11_1 + r11_2; let v11_3 = r11_1 - r11_3;
        let r12_0 = d1_4 + d2_4; let r12_1 = d1_5 + d2_5; let r12_2 = d1_6 + d2_6; let r12_3 = d1_7 + d2_7;
        let v12_0 = r12_0 - r12_2; let v12_1 = r12_1 + r12_2; let v12_2 = -r12_1 + r12_2; let v12_3 = r12_1 - r12_3;
        let r13_0 = d1_6 + d2_6; let r13_1 = d1_7 + d2_7; let r13_2 = d1_8 + d2_8; let r13_3 = d1_9 + d2_9;
        let v13_0 = r13_0 - r13_2; let v13_1 = r13_1 + r13_2; let v13_2 = -r13_1 + r13_2; let v13_3 = r13_1 - r13_3;
        let r14_0 = d3_0 + d4_0; let r14_1 = d3_1 + d4_1; let r14_2 = d3_2 + d4_2; let r14_3 = d3_3 + d4_3;
        let v14_0 = r14_0 - r14_2; let v14_1 = r14_1 + r14_2; let v14_2 = -r14_1 + r14_2; let v14_3 = r14_1 - r14_3;
        let r15_0 = d3_2 + d4_2; let r15_1 = d3_3 + d4_3; let r15_2 = d3_4 + d4_4; let r15_3 = d3_5 + d4_5;
        let v15_0 = r15_0 - r15_2; let v15_1 = r15_1 + r15_2; let v15_2 = -r15_1 + r15_2; let v15_3 = r15_1 - r15_3;
        let r16_0 = d3_4 + d4_4; let r16_1 = d3_5 + d4_5; let r16_2 = d3_6 + d4_6; let r16_3 = d3_7 + d4_7;
        let v16_0 = r16_0 - r16_2; let v16_1 = r16_1 + r16_2; let v16_2 = -r16_1 + r16_2; let v16_3 = r16_1 - r16_3;
        let r17_0 = d3_6 + d4_6; let r17_1 = d3_7 + d4_7; let r17_2 = d3_8 + d4_8; let r17_3 = d3_9 + d4_9;
        let v17_0 = r17_0 - r17_2; let v17_1 = r17_1 + r17_2; let v17_2 = -r17_1 + r17_2; let v17_3 = r17_1 - r17_3;
        {
          let u0_0 = weight(4u, cg, 0u, 0u); let u0_1 = weight(4u, cg, 0u, 1u); let u0_2 = weight(4u, cg, 0u, 2u); let u0_3 = weight(4u, cg, 0u, 3u);
          let u1_0 = weight(4u, cg, 1u, 0u); let u1_1 = weight(4u, cg, 1u, 1u); let u1_2 = weight(4u, cg, 1u, 2u); let u1_3 = weight(4u, cg, 1u, 3u);
          let u2_0 = weight(4u, cg, 2u, 0u); let u2_1 = weight(4u, cg, 2u, 1u); let u2_2 = weight(4u, cg, 2u, 2u); let u2_3 = weight(4u, cg, 2u, 3u);
          let u3_0 = weight(4u, cg, 3u, 0u); let u3_1 = weight(4u, cg, 3u, 1u); let u3_2 = weight(4u, cg, 3u, 2u); let u3_3 = weight(4u, cg, 3u, 3u);
          m10_0_0 = madd(m10_0_0, v10_0, u0_0, u0_1, u0_2, u0_3);
          m10_0_1 = madd(m10_0_1, v10_0, u1_0, u1_1, u1_2, u1_3);
          m10_0_2 = madd(m10_0_2, v10_0, u2_0, u2_1, u2_2, u2_3);
          m10_0_3 = madd(m10_0_3, v10_0, u3_0, u3_1, u3_2, u3_3);
          m10_1_0 = madd(m10_1_0, v11_0, u0_0, u0_1, u0_2, u0_3);
          m10_1_1 = madd(m10_1_1, v11_0, u1_0, u1_1, u1_2, u1_3);
          m10_1_2 = madd(m10_1_2, v11_0, u2_0, u2_1, u2_2, u2_3);
          m10_1_3 = madd(m10_1_3, v11_0, u3_0, u3_1, u3_2, u3_3);
          m10_2_0 = madd(m10_2_0, v12_0, u0_0, u0_1, u0_2, u0_3);
          m10_2_1 = madd(m10_2_1, v12_0, u1_0, u1_1, u1_2, u1_3);
          m10_2_2 = madd(m10_2_2, v12_0, u2_0, u2_1, u2_2, u2_3);
          m10_2_3 = madd(m10_2_3, v12_0, u3_0, u3_1, u3_2, u3_3);
          m10_3_0 = madd(m10_3_0, v13_0, u0_0, u0_1, u0_2, u0_3);
          m10_3_1 = madd(m10_3_1, v13_0, u1_0, u1_1, u1_2, u1_3);
          m10_3_2 = madd(m10_3_2, v13_0, u2_0, u2_1, u2_2, u2_3);
          m10_3_3 = madd(m10_3_3, v13_0, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m10_3_0; }
          m10_4_0 = madd(m10_4_0, v14_0, u0_0, u0_1, u0_2, u0_3);
          m10_4_1 = madd(m10_4_1, v14_0, u1_0, u1_1, u1_2, u1_3);
          m10_4_2 = madd(m10_4_2, v14_0, u2_0, u2_1, u2_2, u2_3);
          m10_4_3 = madd(m10_4_3, v14_0, u3_0, u3_1, u3_2, u3_3);
          m10_5_0 = madd(m10_5_0, v15_0, u0_0, u0_1, u0_2, u0_3);
          m10_5_1 = madd(m10_5_1, v15_0, u1_0, u1_1, u1_2, u1_3);
          m10_5_2 = madd(m10_5_2, v15_0, u2_0, u2_1, u2_2, u2_3);
          m10_5_3 = madd(m10_5_3, v15_0, u3_0, u3_1, u3_2, u3_3);
          m10_6_0 = madd(m10_6_0, v16_0, u0_0, u0_1, u0_2, u0_3);
          m10_6_1 = madd(m10_6_1, v16_0, u1_0, u1_1, u1_2, u1_3);
          m10_6_2 = madd(m10_6_2, v16_0, u2_0, u2_1, u2_2, u2_3);
          m10_6_3 = madd(m10_6_3, v16_0, u3_0, u3_1, u3_2, u3_3);
          m10_7_0 = madd(m10_7_0, v17_0, u0_0, u0_1, u0_2, u0_3);
          m10_7_1 = madd(m10_7_1, v17_0, u1_0, u1_1, u1_2, u1_3);
          m10_7_2 = madd(m10_7_2, v17_0, u2_0, u2_1, u2_2, u2_3);
          m10_7_3 = madd(m10_7_3, v17_0, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = weight(5u, cg, 0u, 0u); let u0_1 = weight(5u, cg, 0u, 1u); let u0_2 = weight(5u, cg, 0u, 2u); let u0_3 = weight(5u, cg, 0u, 3u);
          let u1_0 = weight(5u, cg, 1u, 0u); let u1_1 = weight(5u, cg, 1u, 1u); let u1_2 = weight(5u, cg, 1u, 2u); let u1_3 = weight(5u, cg, 1u, 3u);
          let u2_0 = weight(5u, cg, 2u, 0u); let u2_1 = weight(5u, cg, 2u, 1u); let u2_2 = weight(5u, cg, 2u, 2u); let u2_3 = weight(5u, cg, 2u, 3u);
          let u3_0 = weight(5u, cg, 3u, 0u); let u3_1 = weight(5u, cg, 3u, 1u); let u3_2 = weight(5u, cg, 3u, 2u); let u3_3 = weight(5u, cg, 3u, 3u);
          m11_0_0 = madd(m11_0_0, v10_1, u0_0, u0_1, u0_2, u0_3);
          m11_0_1 = madd(m11_0_1, v10_1, u1_0, u1_1, u1_2, u1_3);
          m11_0_2 = madd(m11_0_2, v10_1, u2_0, u2_1, u2_2, u2_3);
          m11_0_3 = madd(m11_0_3, v10_1, u3_0, u3_1, u3_2, u3_3);
          m11_1_0 = madd(m11_1_0, v11_1, u0_0, u0_1, u0_2, u0_3);
          m11_1_1 = madd(m11_1_1, v11_1, u1_0, u1_1, u1_2, u1_3);
          m11_1_2 = madd(m11_1_2, v11_1, u2_0, u2_1, u2_2, u2_3);
          m11_1_3 = madd(m11_1_3, v11_1, u3_0, u3_1, u3_2, u3_3);
          m11_2_0 = madd(m11_2_0, v12_1, u0_0, u0_1, u0_2, u0_3);
          m11_2_1 = madd(m11_2_1, v12_1, u1_0, u1_1, u1_2, u1_3);
          m11_2_2 = madd(m11_2_2, v12_1, u2_0, u2_1, u2_2, u2_3);
          m11_2_3 = madd(m11_2_3, v12_1, u3_0, u3_1, u3_2, u3_3);
          m11_3_0 = madd(m11_3_0, v13_1, u0_0, u0_1, u0_2, u0_3);
          m11_3_1 = madd(m11_3_1, v13_1, u1_0, u1_1, u1_2, u1_3);
          m11_3_2 = madd(m11_3_2, v13_1, u2_0, u2_1, u2_2, u2_3);
          m11_3_3 = madd(m11_3_3, v13_1, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m11_3_0; }
          m11_4_0 = madd(m11_4_0, v14_1, u0_0, u0_1, u0_2, u0_3);
          m11_4_1 = madd(m11_4_1, v14_1, u1_0, u1_1, u1_2, u1_3);
          m11_4_2 = madd(m11_4_2, v14_1, u2_0, u2_1, u2_2, u2_3);
          m11_4_3 = madd(m11_4_3, v14_1, u3_0, u3_1, u3_2, u3_3);
          m11_5_0 = madd(m11_5_0, v15_1, u0_0, u0_1, u0_2, u0_3);
          m11_5_1 = madd(m11_5_1, v15_1, u1_0, u1_1, u1_2, u1_3);
          m11_5_2 = madd(m11_5_2, v15_1, u2_0, u2_1, u2_2, u2_3);
          m11_5_3 = madd(m11_5_3, v15_1, u3_0, u3_1, u3_2, u3_3);
          m11_6_0 = madd(m11_6_0, v16_1, u0_0, u0_1, u0_2, u0_3);
          m11_6_1 = madd(m11_6_1, v16_1, u1_0, u1_1, u1_2, u1_3);
          m11_6_2 = madd(m11_6_2, v16_1, u2_0, u2_1, u2_2, u2_3);
          m11_6_3 = madd(m11_6_3, v16_1, u3_0, u3_1, u3_2, u3_3);
          m11_7_0 = madd(m11_7_0, v17_1, u0_0, u0_1, u0_2, u0_3);
          m11_7_1 = madd(m11_7_1, v17_1, u1_0, u1_1, u1_2, u1_3);
          m11_7_2 = madd(m11_7_2, v17_1, u2_0, u2_1, u2_2, u2_3);
          m11_7_3 = madd(m11_7_3, v17_1, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = weight(6u, cg, 0u, 0u); let u0_1 = weight(6u, cg, 0u, 1u); let u0_2 = weight(6u, cg, 0u, 2u); let u0_3 = weight(6u, cg, 0u, 3u);
          let u1_0 = weight(6u, cg, 1u, 0u); let u1_1 = weight(6u, cg, 1u, 1u); let u1_2 = weight(6u, cg, 1u, 2u); let u1_3 = weight(6u, cg, 1u, 3u);
          let u2_0 = weight(6u, cg, 2u, 0u); let u2_1 = weight(6u, cg, 2u, 1u); let u2_2 = weight(6u, cg, 2u, 2u); let u2_3 = weight(6u, cg, 2u, 3u);
          let u3_0 = weight(6u, cg, 3u, 0u); let u3_1 = weight(6u, cg, 3u, 1u); let u3_2 = weight(6u, cg, 3u, 2u); let u3_3 = weight(6u, cg, 3u, 3u);
          m12_0_0 = madd(m12_0_0, v10_2, u0_0, u0_1, u0_2, u0_3);
          m12_0_1 = madd(m12_0_1, v10_2, u1_0, u1_1, u1_2, u1_3);
          m12_0_2 = madd(m12_0_2, v10_2, u2_0, u2_1, u2_2, u2_3);
          m12_0_3 = madd(m12_0_3, v10_2, u3_0, u3_1, u3_2, u3_3);
          m12_1_0 = madd(m12_1_0, v11_2, u0_0, u0_1, u0_2, u0_3);
          m12_1_1 = madd(m12_1_1, v11_2, u1_0, u1_1, u1_2, u1_3);
          m12_1_2 = madd(m12_1_2, v11_2, u2_0, u2_1, u2_2, u2_3);
          m12_1_3 = madd(m12_1_3, v11_2, u3_0, u3_1, u3_2, u3_3);
          m12_2_0 = madd(m12_2_0, v12_2, u0_0, u0_1, u0_2, u0_3);
          m12_2_1 = madd(m12_2_1, v12_2, u1_0, u1_1, u1_2, u1_3);
          m12_2_2 = madd(m12_2_2, v12_2, u2_0, u2_1, u2_2, u2_3);
          m12_2_3 = madd(m12_2_3, v12_2, u3_0, u3_1, u3_2, u3_3);
          m12_3_0 = madd(m12_3_0, v13_2, u0_0, u0_1, u0_2, u0_3);
          m12_3_1 = madd(m12_3_1, v13_2, u1_0, u1_1, u1_2, u1_3);
          m12_3_2 = madd(m12_3_2, v13_2, u2_0, u2_1, u2_2, u2_3);
          m12_3_3 = madd(m12_3_3, v13_2, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m12_3_0; }
          m12_4_0 = madd(m12_4_0, v14_2, u0_0, u0_1, u0_2, u0_3);
          m12_4_1 = madd(m12_4_1, v14_2, u1_0, u1_1, u1_2, u1_3);
          m12_4_2 = madd(m12_4_2, v14_2, u2_0, u2_1, u2_2, u2_3);
          m12_4_3 = madd(m12_4_3, v14_2, u3_0, u3_1, u3_2, u3_3);
          m12_5_0 = madd(m12_5_0, v15_2, u0_0, u0_1, u0_2, u0_3);
          m12_5_1 = madd(m12_5_1, v15_2, u1_0, u1_1, u1_2, u1_3);
          m12_5_2 = madd(m12_5_2, v15_2, u2_0, u2_1, u2_2, u2_3);
          m12_5_3 = madd(m12_5_3, v15_2, u3_0, u3_1, u3_2, u3_3);
          m12_6_0 = madd(m12_6_0, v16_2, u0_0, u0_1, u0_2, u0_3);
          m12_6_1 = madd(m12_6_1, v16_2, u1_0, u1_1, u1_2, u1_3);
          m12_6_2 = madd(m12_6_2, v16_2, u2_0, u2_1, u2_2, u2_3);
          m12_6_3 = madd(m12_6_3, v16_2, u3_0, u3_1, u3_2, u3_3);
          m12_7_0 = madd(m12_7_0, v17_2, u0_0, u0_1, u0_2, u0_3);
          m12_7_1 = madd(m12_7_1, v17_2, u1_0, u1_1, u1_2, u1_3);
          m12_7_2 = madd(m12_7_2, v17_2, u2_0, u2_1, u2_2, u2_3);
          m12_7_3 = madd(m12_7_3, v17_2, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = weight(7u, cg, 0u, 0u); let u0_1 = weight(7u, cg, 0u, 1u); let u0_2 = weight(7u, cg, 0u, 2u); let u0_3 = weight(7u, cg, 0u, 3u);
          let u1_0 = weight(7u, cg, 1u, 0u); let u1_1 = weight(7u, cg, 1u, 1u); let u1_2 = weight(7u, cg, 1u, 2u); let u1_3 = weight(7u, cg, 1u, 3u);
          let u2_0 = weight(7u, cg, 2u, 0u); let u2_1 = weight(7u, cg, 2u, 1u); let u2_2 = weight(7u, cg, 2u, 2u); let u2_3 = weight(7u, cg, 2u, 3u);
          let u3_0 = weight(7u, cg, 3u, 0u); let u3_1 = weight(7u, cg, 3u, 1u); let u3_2 = weight(7u, cg, 3u, 2u); let u3_3 = weight(7u, cg, 3u, 3u);
          m13_0_0 = madd(m13_0_0, v10_3, u0_0, u0_1, u0_2, u0_3);
          m13_0_1 = madd(m13_0_1, v10_3, u1_0, u1_1, u1_2, u1_3);
          m13_0_2 = madd(m13_0_2, v10_3, u2_0, u2_1, u2_2, u2_3);
          m13_0_3 = madd(m13_0_3, v10_3, u3_0, u3_1, u3_2, u3_3);
          m13_1_0 = madd(m13_1_0, v11_3, u0_0, u0_1, u0_2, u0_3);
          m13_1_1 = madd(m13_1_1, v11_3, u1_0, u1_1, u1_2, u1_3);
          m13_1_2 = madd(m13_1_2, v11_3, u2_0, u2_1, u2_2, u2_3);
          m13_1_3 = madd(m13_1_3, v11_3, u3_0, u3_1, u3_2, u3_3);
          m13_2_0 = madd(m13_2_0, v12_3, u0_0, u0_1, u0_2, u0_3);
          m13_2_1 = madd(m13_2_1, v12_3, u1_0, u1_1, u1_2, u1_3);
          m13_2_2 = madd(m13_2_2, v12_3, u2_0, u2_1, u2_2, u2_3);
          m13_2_3 = madd(m13_2_3, v12_3, u3_0, u3_1, u3_2, u3_3);
          m13_3_0 = madd(m13_3_0, v13_3, u0_0, u0_1, u0_2, u0_3);
          m13_3_1 = madd(m13_3_1, v13_3, u1_0, u1_1, u1_2, u1_3);
          m13_3_2 = madd(m13_3_2, v13_3, u2_0, u2_1, u2_2, u2_3);
          m13_3_3 = madd(m13_3_3, v13_3, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m13_3_0; }
          m13_4_0 = madd(m13_4_0, v14_3, u0_0, u0_1, u0_2, u0_3);
          m13_4_1 = madd(m13_4_1, v14_3, u1_0, u1_1, u1_2, u1_3);
          m13_4_2 = madd(m13_4_2, v14_3, u2_0, u2_1, u2_2, u2_3);
          m13_4_3 = madd(m13_4_3, v14_3, u3_0, u3_1, u3_2, u3_3);
          m13_5_0 = madd(m13_5_0, v15_3, u0_0, u0_1, u0_2, u0_3);
          m13_5_1 = madd(m13_5_1, v15_3, u1_0, u1_1, u1_2, u1_3);
          m13_5_2 = madd(m13_5_2, v15_3, u2_0, u2_1, u2_2, u2_3);
          m13_5_3 = madd(m13_5_3, v15_3, u3_0, u3_1, u3_2, u3_3);
          m13_6_0 = madd(m13_6_0, v16_3, u0_0, u0_1, u0_2, u0_3);
          m13_6_1 = madd(m13_6_1, v16_3, u1_0, u1_1, u1_2, u1_3);
          m13_6_2 = madd(m13_6_2, v16_3, u2_0, u2_1, u2_2, u2_3);
          m13_6_3 = madd(m13_6_3, v16_3, u3_0, u3_1, u3_2, u3_3);
          m13_7_0 = madd(m13_7_0, v17_3, u0_0, u0_1, u0_2, u0_3);
          m13_7_1 = madd(m13_7_1, v17_3, u1_0, u1_1, u1_2, u1_3);
          m13_7_2 = madd(m13_7_2, v17_3, u2_0, u2_1, u2_2, u2_3);
          m13_7_3 = madd(m13_7_3, v17_3, u3_0, u3_1, u3_2, u3_3);
        }
        let r20_0 = -d1_0 + d2_0; let r20_1 = -d1_1 + d2_1; let r20_2 = -d1_2 + d2_2; let r20_3 = -d1_3 + d2_3;
        let v20_0 = r20_0 - r20_2; let v20_1 = r20_1 + r20_2; let v20_2 = -r20_1 + r20_2; let v20_3 = r20_1 - r20_3;
        let r21_0 = -d1_2 + d2_2; let r21_1 = -d1_3 + d2_3; let r21_2 = -d1_4 + d2_4; let r21_3 = -d1_5 + d2_5;
        let v21_0 = r21_0 - r21_2; let v21_1 = r21_1 + r21_2; let v21_2 = -r21_1 + r21_2; let v21_3 = r21_1 - r21_3;
        let r22_0 = -d1_4 + d2_4; let r22_1 = -d1_5 + d2_5; let r22_2 = -d1_6 + d2_6; let r22_3 = -d1_7 + d2_7;
        let v22_0 = r22_0 - r22_2; let v22_1 = r22_1 + r22_2; let v22_2 = -r22_1 + r22_2; let v22_3 = r22_1 - r22_3;
        let r23_0 = -d1_6 + d2_6; let r23_1 = -d1_7 + d2_7; let r23_2 = -d1_8 + d2_8; let r23_3 = -d1_9 + d2_9;
        let v23_0 = r23_0 - r23_2; let v23_1 = r23_1 + r23_2; let v23_2 = -r23_1 + r23_2; let v23_3 = r23_1 - r23_3;
        let r24_0 = -d3_0 + d4_0; let r24_1 = -d3_1 + d4_1; let r24_2 = -d3_2 + d4_2; let r24_3 = -d3_3 + d4_3;
        let v24_0 = r24_0 - r24_2; let v24_1 = r24_1 + r24_2; let v24_2 = -r24_1 + r24_2; let v24_3 = r24_1 - r24_3;
        let r25_0 = -d3_2 + d4_2; let r25_1 = -d3_3 + d4_3; let r25_2 = -d3_4 + d4_4; let r25_3 = -d3_5 + d4_5;
        let v25_0 = r25_0 - r25_2; let v25_1 = r25_1 + r25_2; let v25_2 = -r25_1 + r25_2; let v25_3 = r25_1 - r25_3;
        let r26_0 = -d3_4 + d4_4; let r26_1 = -d3_5 + d4_5; let r26_2 = -d3_6 + d4_6; let r26_3 = -d3_7 + d4_7;
        let v26_0 = r26_0 - r26_2; let v26_1 = r26_1 + r26_2; let v26_2 = -r26_1 + r26_2; let v26_3 = r26_1 - r26_3;
        let r27_0 = -d3_6 + d4_6; let r27_1 = -d3_7 + d4_7; let r27_2 = -d3_8 + d4_8; let r27_3 = -d3_9 + d4_9;
        let v27_0 = r27_0 - r27_2; let v27_1 = r27_1 + r27_2; let v27_2 = -r27_1 + r27_2; let v27_3 = r27_1 - r27_3;
        {
          let u0_0 = weight(8u, cg, 0u, 0u); let u0_1 = weight(8u, cg, 0u, 1u); let u0_2 = weight(8u, cg, 0u, 2u); let u0_3 = weight(8u, cg, 0u, 3u);
          let u1_0 = weight(8u, cg, 1u, 0u); let u1_1 = weight(8u, cg, 1u, 1u); let u1_2 = weight(8u, cg, 1u, 2u); let u1_3 = weight(8u, cg, 1u, 3u);
          let u2_0 = weight(8u, cg, 2u, 0u); let u2_1 = weight(8u, cg, 2u, 1u); let u2_2 = weight(8u, cg, 2u, 2u); let u2_3 = weight(8u, cg, 2u, 3u);
          let u3_0 = weight(8u, cg, 3u, 0u); let u3_1 = weight(8u, cg, 3u, 1u); let u3_2 = weight(8u, cg, 3u, 2u); let u3_3 = weight(8u, cg, 3u, 3u);
          m20_0_0 = madd(m20_0_0, v20_0, u0_0, u0_1, u0_2, u0_3);
          m20_0_1 = madd(m20_0_1, v20_0, u1_0, u1_1, u1_2, u1_3);
          m20_0_2 = madd(m20_0_2, v20_0, u2_0, u2_1, u2_2, u2_3);
          m20_0_3 = madd(m20_0_3, v20_0, u3_0, u3_1, u3_2, u3_3);
          m20_1_0 = madd(m20_1_0, v21_0, u0_0, u0_1, u0_2, u0_3);
          m20_1_1 = madd(m20_1_1, v21_0, u1_0, u1_1, u1_2, u1_3);
          m20_1_2 = madd(m20_1_2, v21_0, u2_0, u2_1, u2_2, u2_3);
          m20_1_3 = madd(m20_1_3, v21_0, u3_0, u3_1, u3_2, u3_3);
          m20_2_0 = madd(m20_2_0, v22_0, u0_0, u0_1, u0_2, u0_3);
          m20_2_1 = madd(m20_2_1, v22_0, u1_0, u1_1, u1_2, u1_3);
          m20_2_2 = madd(m20_2_2, v22_0, u2_0, u2_1, u2_2, u2_3);
          m20_2_3 = madd(m20_2_3, v22_0, u3_0, u3_1, u3_2, u3_3);
          m20_3_0 = madd(m20_3_0, v23_0, u0_0, u0_1, u0_2, u0_3);
          m20_3_1 = madd(m20_3_1, v23_0, u1_0, u1_1, u1_2, u1_3);
          m20_3_2 = madd(m20_3_2, v23_0, u2_0, u2_1, u2_2, u2_3);
          m20_3_3 = madd(m20_3_3, v23_0, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m20_3_0; }
          m20_4_0 = madd(m20_4_0, v24_0, u0_0, u0_1, u0_2, u0_3);
          m20_4_1 = madd(m20_4_1, v24_0, u1_0, u1_1, u1_2, u1_3);
          m20_4_2 = madd(m20_4_2, v24_0, u2_0, u2_1, u2_2, u2_3);
          m20_4_3 = madd(m20_4_3, v24_0, u3_0, u3_1, u3_2, u3_3);
          m20_5_0 = madd(m20_5_0, v25_0, u0_0, u0_1, u0_2, u0_3);
          m20_5_1 = madd(m20_5_1, v25_0, u1_0, u1_1, u1_2, u1_3);
          m20_5_2 = madd(m20_5_2, v25_0, u2_0, u2_1, u2_2, u2_3);
          m20_5_3 = madd(m20_5_3, v25_0, u3_0, u3_1, u3_2, u3_3);
          m20_6_0 = madd(m20_6_0, v26_0, u0_0, u0_1, u0_2, u0_3);
          m20_6_1 = madd(m20_6_1, v26_0, u1_0, u1_1, u1_2, u1_3);
          m20_6_2 = madd(m20_6_2, v26_0, u2_0, u2_1, u2_2, u2_3);
          m20_6_3 = madd(m20_6_3, v26_0, u3_0, u3_1, u3_2, u3_3);
          m20_7_0 = madd(m20_7_0, v27_0, u0_0, u0_1, u0_2, u0_3);
          m20_7_1 = madd(m20_7_1, v27_0, u1_0, u1_1, u1_2, u1_3);
          m20_7_2 = madd(m20_7_2, v27_0, u2_0, u2_1, u2_2, u2_3);
          m20_7_3 = madd(m20_7_3, v27_0, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = weight(9u, cg, 0u, 0u); let u0_1 = weight(9u, cg, 0u, 1u); let u0_2 = weight(9u, cg, 0u, 2u); let u0_3 = weight(9u, cg, 0u, 3u);
          let u1_0 = weight(9u, cg, 1u, 0u); let u1_1 = weight(9u, cg, 1u, 1u); let u1_2 = weight(9u, cg, 1u, 2u); let u1_3 = weight(9u, cg, 1u, 3u);
          let u2_0 = weight(9u, cg, 2u, 0u); let u2_1 = weight(9u, cg, 2u, 1u); let u2_2 = weight(9u, cg, 2u, 2u); let u2_3 = weight(9u, cg, 2u, 3u);
          let u3_0 = weight(9u, cg, 3u, 0u); let u3_1 = weight(9u, cg, 3u, 1u); let u3_2 = weight(9u, cg, 3u, 2u); let u3_3 = weight(9u, cg, 3u, 3u);
          m21_0_0 = madd(m21_0_0, v20_1, u0_0, u0_1, u0_2, u0_3);
          m21_0_1 = madd(m21_0_1, v20_1, u1_0, u1_1, u1_2, u1_3);
          m21_0_2 = madd(m21_0_2, v20_1, u2_0, u2_1, u2_2, u2_3);
          m21_0_3 = madd(m21_0_3, v20_1, u3_0, u3_1, u3_2, u3_3);
          m21_1_0 = madd(m21_1_0, v21_1, u0_0, u0_1, u0_2, u0_3);
          m21_1_1 = madd(m21_1_1, v21_1, u1_0, u1_1, u1_2, u1_3);
          m21_1_2 = madd(m21_1_2, v21_1, u2_0, u2_1, u2_2, u2_3);
          m21_1_3 = madd(m21_1_3, v21_1, u3_0, u3_1, u3_2, u3_3);
          m21_2_0 = madd(m21_2_0, v22_1, u0_0, u0_1, u0_2, u0_3);
          m21_2_1 = madd(m21_2_1, v22_1, u1_0, u1_1, u1_2, u1_3);
          m21_2_2 = madd(m21_2_2, v22_1, u2_0, u2_1, u2_2, u2_3);
          m21_2_3 = madd(m21_2_3, v22_1, u3_0, u3_1, u3_2, u3_3);
          m21_3_0 = madd(m21_3_0, v23_1, u0_0, u0_1, u0_2, u0_3);
          m21_3_1 = madd(m21_3_1, v23_1, u1_0, u1_1, u1_2, u1_3);
          m21_3_2 = madd(m21_3_2, v23_1, u2_0, u2_1, u2_2, u2_3);
          m21_3_3 = madd(m21_3_3, v23_1, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m21_3_0; }
          m21_4_0 = madd(m21_4_0, v24_1, u0_0, u0_1, u0_2, u0_3);
          m21_4_1 = madd(m21_4_1, v24_1, u1_0, u1_1, u1_2, u1_3);
          m21_4_2 = madd(m21_4_2, v24_1, u2_0, u2_1, u2_2, u2_3);
          m21_4_3 = madd(m21_4_3, v24_1, u3_0, u3_1, u3_2, u3_3);
          m21_5_0 = madd(m21_5_0, v25_1, u0_0, u0_1, u0_2, u0_3);
          m21_5_1 = madd(m21_5_1, v25_1, u1_0, u1_1, u1_2, u1_3);
          m21_5_2 = madd(m21_5_2, v25_1, u2_0, u2_1, u2_2, u2_3);
          m21_5_3 = madd(m21_5_3, v25_1, u3_0, u3_1, u3_2, u3_3);
          m21_6_0 = madd(m21_6_0, v26_1, u0_0, u0_1, u0_2, u0_3);
          m21_6_1 = madd(m21_6_1, v26_1, u1_0, u1_1, u1_2, u1_3);
          m21_6_2 = madd(m21_6_2, v26_1, u2_0, u2_1, u2_2, u2_3);
          m21_6_3 = madd(m21_6_3, v26_1, u3_0, u3_1, u3_2, u3_3);
          m21_7_0 = madd(m21_7_0, v27_1, u0_0, u0_1, u0_2, u0_3);
          m21_7_1 = madd(m21_7_1, v27_1, u1_0, u1_1, u1_2, u1_3);
          m21_7_2 = madd(m21_7_2, v27_1, u2_0, u2_1, u2_2, u2_3);
          m21_7_3 = madd(m21_7_3, v27_1, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = weight(10u, cg, 0u, 0u); let u0_1 = weight(10u, cg, 0u, 1u); let u0_2 = weight(10u, cg, 0u, 2u); let u0_3 = weight(10u, cg, 0u, 3u);
          let u1_0 = weight(10u, cg, 1u, 0u); let u1_1 = weight(10u, cg, 1u, 1u); let u1_2 = weight(10u, cg, 1u, 2u); let u1_3 = weight(10u, cg, 1u, 3u);
          let u2_0 = weight(10u, cg, 2u, 0u); let u2_1 = weight(10u, cg, 2u, 1u); let u2_2 = weight(10u, cg, 2u, 2u); let u2_3 = weight(10u, cg, 2u, 3u);
          let u3_0 = weight(10u, cg, 3u, 0u); let u3_1 = weight(10u, cg, 3u, 1u); let u3_2 = weight(10u, cg, 3u, 2u); let u3_3 = weight(10u, cg, 3u, 3u);
          m22_0_0 = madd(m22_0_0, v20_2, u0_0, u0_1, u0_2, u0_3);
          m22_0_1 = madd(m22_0_1, v20_2, u1_0, u1_1, u1_2, u1_3);
          m22_0_2 = madd(m22_0_2, v20_2, u2_0, u2_1, u2_2, u2_3);
          m22_0_3 = madd(m22_0_3, v20_2, u3_0, u3_1, u3_2, u3_3);
          m22_1_0 = madd(m22_1_0, v21_2, u0_0, u0_1, u0_2, u0_3);
          m22_1_1 = madd(m22_1_1, v21_2, u1_0, u1_1, u1_2, u1_3);
          m22_1_2 = madd(m22_1_2, v21_2, u2_0, u2_1, u2_2, u2_3);
          m22_1_3 = madd(m22_1_3, v21_2, u3_0, u3_1, u3_2, u3_3);
          m22_2_0 = madd(m22_2_0, v22_2, u0_0, u0_1, u0_2, u0_3);
          m22_2_1 = madd(m22_2_1, v22_2, u1_0, u1_1, u1_2, u1_3);
          m22_2_2 = madd(m22_2_2, v22_2, u2_0, u2_1, u2_2, u2_3);
          m22_2_3 = madd(m22_2_3, v22_2, u3_0, u3_1, u3_2, u3_3);
          m22_3_0 = madd(m22_3_0, v23_2, u0_0, u0_1, u0_2, u0_3);
          m22_3_1 = madd(m22_3_1, v23_2, u1_0, u1_1, u1_2, u1_3);
          m22_3_2 = madd(m22_3_2, v23_2, u2_0, u2_1, u2_2, u2_3);
          m22_3_3 = madd(m22_3_3, v23_2, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m22_3_0; }
          m22_4_0 = madd(m22_4_0, v24_2, u0_0, u0_1, u0_2, u0_3);
          m22_4_1 = madd(m22_4_1, v24_2, u1_0, u1_1, u1_2, u1_3);
          m22_4_2 = madd(m22_4_2, v24_2, u2_0, u2_1, u2_2, u2_3);
          m22_4_3 = madd(m22_4_3, v24_2, u3_0, u3_1, u3_2, u3_3);
          m22_5_0 = madd(m22_5_0, v25_2, u0_0, u0_1, u0_2, u0_3);
          m22_5_1 = madd(m22_5_1, v25_2, u1_0, u1_1, u1_2, u1_3);
          m22_5_2 = madd(m22_5_2, v25_2, u2_0, u2_1, u2_2, u2_3);
          m22_5_3 = madd(m22_5_3, v25_2, u3_0, u3_1, u3_2, u3_3);
          m22_6_0 = madd(m22_6_0, v26_2, u0_0, u0_1, u0_2, u0_3);
          m22_6_1 = madd(m22_6_1, v26_2, u1_0, u1_1, u1_2, u1_3);
          m22_6_2 = madd(m22_6_2, v26_2, u2_0, u2_1, u2_2, u2_3);
          m22_6_3 = madd(m22_6_3, v26_2, u3_0, u3_1, u3_2, u3_3);
          m22_7_0 = madd(m22_7_0, v27_2, u0_0, u0_1, u0_2, u0_3);
          m22_7_1 = madd(m22_7_1, v27_2, u1_0, u1_1, u1_2, u1_3);
          m22_7_2 = madd(m22_7_2, v27_2, u2_0, u2_1, u2_2, u2_3);
          m22_7_3 = madd(m22_7_3, v27_2, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = weight(11u, cg, 0u, 0u); let u0_1 = weight(11u, cg, 0u, 1u); let u0_2 = weight(11u, cg, 0u, 2u); let u0_3 = weight(11u, cg, 0u, 3u);
          let u1_0 = weight(11u, cg, 1u, 0u); let u1_1 = weight(11u, cg, 1u, 1u); let u1_2 = weight(11u, cg, 1u, 2u); let u1_3 = weight(11u, cg, 1u, 3u);
          let u2_0 = weight(11u, cg, 2u, 0u); let u2_1 = weight(11u, cg, 2u, 1u); let u2_2 = weight(11u, cg, 2u, 2u); let u2_3 = weight(11u, cg, 2u, 3u);
          let u3_0 = weight(11u, cg, 3u, 0u); let u3_1 = weight(11u, cg, 3u, 1u); let u3_2 = weight(11u, cg, 3u, 2u); let u3_3 = weight(11u, cg, 3u, 3u);
          m23_0_0 = madd(m23_0_0, v20_3, u0_0, u0_1, u0_2, u0_3);
          m23_0_1 = madd(m23_0_1, v20_3, u1_0, u1_1, u1_2, u1_3);
          m23_0_2 = madd(m23_0_2, v20_3, u2_0, u2_1, u2_2, u2_3);
          m23_0_3 = madd(m23_0_3, v20_3, u3_0, u3_1, u3_2, u3_3);
          m23_1_0 = madd(m23_1_0, v21_3, u0_0, u0_1, u0_2, u0_3);
          m23_1_1 = madd(m23_1_1, v21_3, u1_0, u1_1, u1_2, u1_3);
          m23_1_2 = madd(m23_1_2, v21_3, u2_0, u2_1, u2_2, u2_3);
          m23_1_3 = madd(m23_1_3, v21_3, u3_0, u3_1, u3_2, u3_3);
          m23_2_0 = madd(m23_2_0, v22_3, u0_0, u0_1, u0_2, u0_3);
          m23_2_1 = madd(m23_2_1, v22_3, u1_0, u1_1, u1_2, u1_3);
          m23_2_2 = madd(m23_2_2, v22_3, u2_0, u2_1, u2_2, u2_3);
          m23_2_3 = madd(m23_2_3, v22_3, u3_0, u3_1, u3_2, u3_3);
          m23_3_0 = madd(m23_3_0, v23_3, u0_0, u0_1, u0_2, u0_3);
          m23_3_1 = madd(m23_3_1, v23_3, u1_0, u1_1, u1_2, u1_3);
          m23_3_2 = madd(m23_3_2, v23_3, u2_0, u2_1, u2_2, u2_3);
          m23_3_3 = madd(m23_3_3, v23_3, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m23_3_0; }
          m23_4_0 = madd(m23_4_0, v24_3, u0_0, u0_1, u0_2, u0_3);
          m23_4_1 = madd(m23_4_1, v24_3, u1_0, u1_1, u1_2, u1_3);
          m23_4_2 = madd(m23_4_2, v24_3, u2_0, u2_1, u2_2, u2_3);
          m23_4_3 = madd(m23_4_3, v24_3, u3_0, u3_1, u3_2, u3_3);
          m23_5_0 = madd(m23_5_0, v25_3, u0_0, u0_1, u0_2, u0_3);
          m23_5_1 = madd(m23_5_1, v25_3, u1_0, u1_1, u1_2, u1_3);
          m23_5_2 = madd(m23_5_2, v25_3, u2_0, u2_1, u2_2, u2_3);
          m23_5_3 = madd(m23_5_3, v25_3, u3_0, u3_1, u3_2, u3_3);
          m23_6_0 = madd(m23_6_0, v26_3, u0_0, u0_1, u0_2, u0_3);
          m23_6_1 = madd(m23_6_1, v26_3, u1_0, u1_1, u1_2, u1_3);
          m23_6_2 = madd(m23_6_2, v26_3, u2_0, u2_1, u2_2, u2_3);
          m23_6_3 = madd(m23_6_3, v26_3, u3_0, u3_1, u3_2, u3_3);
          m23_7_0 = madd(m23_7_0, v27_3, u0_0, u0_1, u0_2, u0_3);
          m23_7_1 = madd(m23_7_1, v27_3, u1_0, u1_1, u1_2, u1_3);
          m23_7_2 = madd(m23_7_2, v27_3, u2_0, u2_1, u2_2, u2_3);
          m23_7_3 = madd(m23_7_3, v27_3, u3_0, u3_1, u3_2, u3_3);
        }
      }
      y0_0_00 += m10_0_0 + m11_0_0 + m12_0_0;
      y0_0_10 += m10_0_0 + m11_0_0 + m12_0_0;
      y0_0_01 += m11_0_0 - m12_0_0 - m13_0_0;
      y0_0_11 += m11_0_0 - m12_0_0 - m13_0_0;
      y0_1_00 += m10_0_1 + m11_0_1 + m12_0_1;
      y0_1_10 += m10_0_1 + m11_0_1 + m12_0_1;
      y0_1_01 += m11_0_1 - m12_0_1 - m13_0_1;
      y0_1_11 += m11_0_1 - m12_0_1 - m13_0_1;
      y0_2_00 += m10_0_2 + m11_0_2 + m12_0_2;
      y0_2_10 += m10_0_2 + m11_0_2 + m12_0_2;
      y0_2_01 += m11_0_2 - m12_0_2 - m13_0_2;
      y0_2_11 += m11_0_2 - m12_0_2 - m13_0_2;
      y0_3_00 += m10_0_3 + m11_0_3 + m12_0_3;
      y0_3_10 += m10_0_3 + m11_0_3 + m12_0_3;
      y0_3_01 += m11_0_3 - m12_0_3 - m13_0_3;
      y0_3_11 += m11_0_3 - m12_0_3 - m13_0_3;
      y1_0_00 += m10_1_0 + m11_1_0 + m12_1_0;
      y1_0_10 += m10_1_0 + m11_1_0 + m12_1_0;
      y1_0_01 += m11_1_0 - m12_1_0 - m13_1_0;
      y1_0_11 += m11_1_0 - m12_1_0 - m13_1_0;
      y1_1_00 += m10_1_1 + m11_1_1 + m12_1_1;
      y1_1_10 += m10_1_1 + m11_1_1 + m12_1_1;
      y1_1_01 += m11_1_1 - m12_1_1 - m13_1_1;
      y1_1_11 += m11_1_1 - m12_1_1 - m13_1_1;
      y1_2_00 += m10_1_2 + m11_1_2 + m12_1_2;
      y1_2_10 += m10_1_2 + m11_1_2 + m12_1_2;
      y1_2_01 += m11_1_2 - m12_1_2 - m13_1_2;
      y1_2_11 += m11_1_2 - m12_1_2 - m13_1_2;
      y1_3_00 += m10_1_3 + m11_1_3 + m12_1_3;
      y1_3_10 += m10_1_3 + m11_1_3 + m12_1_3;
      y1_3_01 += m11_1_3 - m12_1_3 - m13_1_3;
      y1_3_11 += m11_1_3 - m12_1_3 - m13_1_3;
      y2_0_00 += m10_2_0 + m11_2_0 + m12_2_0;
      y2_0_10 += m10_2_0 + m11_2_0 + m12_2_0;
      y2_0_01 += m11_2_0 - m12_2_0 - m13_2_0;
      y2_0_11 += m11_2_0 - m12_2_0 - m13_2_0;
      y2_1_00 += m10_2_1 + m11_2_1 + m12_2_1;
      y2_1_10 += m10_2_1 + m11_2_1 + m12_2_1;
      y2_1_01 += m11_2_1 - m12_2_1 - m13_2_1;
      y2_1_11 += m11_2_1 - m12_2_1 - m13_2_1;
      y2_2_00 += m10_2_2 + m11_2_2 + m12_2_2;
      y2_2_10 += m10_2_2 + m11_2_2 + m12_2_2;
      y2_2_01 += m11_2_2 - m12_2_2 - m13_2_2;
      y2_2_11 += m11_2_2 - m12_2_2 - m13_2_2;
      y2_3_00 += m10_2_3 + m11_2_3 + m12_2_3;
      y2_3_10 += m10_2_3 + m11_2_3 + m12_2_3;
      y2_3_01 += m11_2_3 - m12_2_3 - m13_2_3;
      y2_3_11 += m11_2_3 - m12_2_3 - m13_2_3;
      y3_0_00 += m10_3_0 + m11_3_0 + m12_3_0;
      y3_0_10 += m10_3_0 + m11_3_0 + m12_3_0;
      y3_0_01 += m11_3_0 - m12_3_0 - m13_3_0;
      y3_0_11 += m11_3_0 - m12_3_0 - m13_3_0;
      y3_1_00 += m10_3_1 + m11_3_1 + m12_3_1;
      y3_1_10 += m10_3_1 + m11_3_1 + m12_3_1;
      y3_1_01 += m11_3_1 - m12_3_1 - m13_3_1;
      y3_1_11 += m11_3_1 - m12_3_1 - m13_3_1;
      y3_2_00 += m10_3_2 + m11_3_2 + m12_3_2;
      y3_2_10 += m10_3_2 + m11_3_2 + m12_3_2;
      y3_2_01 += m11_3_2 - m12_3_2 - m13_3_2;
      y3_2_11 += m11_3_2 - m12_3_2 - m13_3_2;
      y3_3_00 += m10_3_3 + m11_3_3 + m12_3_3;
      y3_3_10 += m10_3_3 + m11_3_3 + m12_3_3;
      y3_3_01 += m11_3_3 - m12_3_3 - m13_3_3;
      y3_3_11 += m11_3_3 - m12_3_3 - m13_3_3;
      y4_0_00 += m10_4_0 + m11_4_0 + m12_4_0;
      y4_0_10 += m10_4_0 + m11_4_0 + m12_4_0;
      y4_0_01 += m11_4_0 - m12_4_0 - m13_4_0;
      y4_0_11 += m11_4_0 - m12_4_0 - m13_4_0;
      y4_1_00 += m10_4_1 + m11_4_1 + m12_4_1;
      y4_1_10 += m10_4_1 + m11_4_1 + m12_4_1;
      y4_1_01 += m11_4_1 - m12_4_1 - m13_4_1;
      y4_1_11 += m11_4_1 - m12_4_1 - m13_4_1;
      y4_2_00 += m10_4_2 + m11_4_2 + m12_4_2;
      y4_2_10 += m10_4_2 + m11_4_2 + m12_4_2;
      y4_2_01 += m11_4_2 - m12_4_2 - m13_4_2;
      y4_2_11 += m11_4_2 - m12_4_2 - m13_4_2;
      y4_3_00 += m10_4_3 + m11_4_3 + m12_4_3;
      y4_3_10 += m10_4_3 + m11_4_3 + m12_4_3;
      y4_3_01 += m11_4_3 - m12_4_3 - m13_4_3;
      y4_3_11 += m11_4_3 - m12_4_3 - m13_4_3;
      y5_0_00 += m10_5_0 + m11_5_0 + m12_5_0;
      y5_0_10 += m10_5_0 + m11_5_0 + m12_5_0;
      y5_0_01 += m11_5_0 - m12_5_0 - m13_5_0;
      y5_0_11 += m11_5_0 - m12_5_0 - m13_5_0;
      y5_1_00 += m10_5_1 + m11_5_1 + m12_5_1;
      y5_1_10 += m10_5_1 + m11_5_1 + m12_5_1;
      y5_1_01 += m11_5_1 - m12_5_1 - m13_5_1;
      y5_1_11 += m11_5_1 - m12_5_1 - m13_5_1;
      y5_2_00 += m10_5_2 + m11_5_2 + m12_5_2;
      y5_2_10 += m10_5_2 + m11_5_2 + m12_5_2;
      y5_2_01 += m11_5_2 - m12_5_2 - m13_5_2;
      y5_2_11 += m11_5_2 - m12_5_2 - m13_5_2;
      y5_3_00 += m10_5_3 + m11_5_3 + m12_5_3;
      y5_3_10 += m10_5_3 + m11_5_3 + m12_5_3;
      y5_3_01 += m11_5_3 - m12_5_3 - m13_5_3;
      y5_3_11 += m11_5_3 - m12_5_3 - m13_5_3;
      y6_0_00 += m10_6_0 + m11_6_0 + m12_6_0;
      y6_0_10 += m10_6_0 + m11_6_0 + m12_6_0;
      y6_0_01 += m11_6_0 - m12_6_0 - m13_6_0;
      y6_0_11 += m11_6_0 - m12_6_0 - m13_6_0;
      y6_1_00 += m10_6_1 + m11_6_1 + m12_6_1;
      y6_1_10 += m10_6_1 + m11_6_1 + m12_6_1;
      y6_1_01 += m11_6_1 - m12_6_1 - m13_6_1;
      y6_1_11 += m11_6_1 - m12_6_1 - m13_6_1;
      y6_2_00 += m10_6_2 + m11_6_2 + m12_6_2;
      y6_2_10 += m10_6_2 + m11_6_2 + m12_6_2;
      y6_2_01 += m11_6_2 - m12_6_2 - m13_6_2;
      y6_2_11 += m11_6_2 - m12_6_2 - m13_6_2;
      y6_3_00 += m10_6_3 + m11_6_3 + m12_6_3;
      y6_3_10 += m10_6_3 + m11_6_3 + m12_6_3;
      y6_3_01 += m11_6_3 - m12_6_3 - m13_6_3;
      y6_3_11 += m11_6_3 - m12_6_3 - m13_6_3;
      y7_0_00 += m10_7_0 + m11_7_0 + m12_7_0;
      y7_0_10 += m10_7_0 + m11_7_0 + m12_7_0;
      y7_0_01 += m11_7_0 - m12_7_0 - m13_7_0;
      y7_0_11 += m11_7_0 - m12_7_0 - m13_7_0;
      y7_1_00 += m10_7_1 + m11_7_1 + m12_7_1;
      y7_1_10 += m10_7_1 + m11_7_1 + m12_7_1;
      y7_1_01 += m11_7_1 - m12_7_1 - m13_7_1;
      y7_1_11 += m11_7_1 - m12_7_1 - m13_7_1;
      y7_2_00 += m10_7_2 + m11_7_2 + m12_7_2;
      y7_2_10 += m10_7_2 + m11_7_2 + m12_7_2;
      y7_2_01 += m11_7_2 - m12_7_2 - m13_7_2;
      y7_2_11 += m11_7_2 - m12_7_2 - m13_7_2;
      y7_3_00 += m10_7_3 + m11_7_3 + m12_7_3;
      y7_3_10 += m10_7_3 + m11_7_3 + m12_7_3;
      y7_3_01 += m11_7_3 - m12_7_3 - m13_7_3;
      y7_3_11 += m11_7_3 - m12_7_3 - m13_7_3;
      y0_0_00 += m20_0_0 + m21_0_0 + m22_0_0;
      y0_0_10 -= m20_0_0 + m21_0_0 + m22_0_0;
      y0_0_01 += m21_0_0 - m22_0_0 - m23_0_0;
      y0_0_11 -= m21_0_0 - m22_0_0 - m23_0_0;
      y0_1_00 += m20_0_1 + m21_0_1 + m22_0_1;
      y0_1_10 -= m20_0_1 + m21_0_1 + m22_0_1;
      y0_1_01 += m21_0_1 - m22_0_1 - m23_0_1;
      y0_1_11 -= m21_0_1 - m22_0_1 - m23_0_1;
      y0_2_00 += m20_0_2 + m21_0_2 + m22_0_2;
      y0_2_10 -= m20_0_2 + m21_0_2 + m22_0_2;
      y0_2_01 += m21_0_2 - m22_0_2 - m23_0_2;
      y0_2_11 -= m21_0_2 - m22_0_2 - m23_0_2;
      y0_3_00 += m20_0_3 + m21_0_3 + m22_0_3;
      y0_3_10 -= m20_0_3 + m21_0_3 + m22_0_3;
      y0_3_01 += m21_0_3 - m22_0_3 - m23_0_3;
      y0_3_11 -= m21_0_3 - m22_0_3 - m23_0_3;
      y1_0_00 += m20_1_0 + m21_1_0 + m22_1_0;
      y1_0_10 -= m20_1_0 + m21_1_0 + m22_1_0;
      y1_0_01 += m21_1_0 - m22_1_0 - m23_1_0;
      y1_0_11 -= m21_1_0 - m22_1_0 - m23_1_0;
      y1_1_00 += m20_1_1 + m21_1_1 + m22_1_1;
      y1_1_10 -= m20_1_1 + m21_1_1 + m22_1_1;
      y1_1_01 += m21_1_1 - m22_1_1 - m23_1_1;
      y1_1_11 -= m21_1_1 - m22_1_1 - m23_1_1;
      y1_2_00 += m20_1_2 + m21_1_2 + m22_1_2;
      y1_2_10 -= m20_1_2 + m21_1_2 + m22_1_2;
      y1_2_01 += m21_1_2 - m22_1_2 - m23_1_2;
      y1_2_11 -= m21_1_2 - m22_1_2 - m23_1_2;
      y1_3_00 += m20_1_3 + m21_1_3 + m22_1_3;
      y1_3_10 -= m20_1_3 + m21_1_3 + m22_1_3;
      y1_3_01 += m21_1_3 - m22_1_3 - m23_1_3;
      y1_3_11 -= m21_1_3 - m22_1_3 - m23_1_3;
      y2_0_00 += m20_2_0 + m21_2_0 + m22_2_0;
      y2_0_10 -= m20_2_0 + m21_2_0 + m22_2_0;
      y2_0_01 += m21_2_0 - m22_2_0 - m23_2_0;
      y2_0_11 -= m21_2_0 - m22_2_0 - m23_2_0;
      y2_1_00 += m20_2_1 + m21_2_1 + m22_2_1;
      y2_1_10 -= m20_2_1 + m21_2_1 + m22_2_1;
      y2_1_01 += m21_2_1 - m22_2_1 - m23_2_1;
      y2_1_11 -= m21_2_1 - m22_2_1 - m23_2_1;
      y2_2_00 += m20_2_2 + m21_2_2 + m22_2_2;
      y2_2_10 -= m20_2_2 + m21_2_2 + m22_2_2;
      y2_2_01 += m21_2_2 - m22_2_2 - m23_2_2;
      y2_2_11 -= m21_2_2 - m22_2_2 - m23_2_2;
      y2_3_00 += m20_2_3 + m21_2_3 + m22_2_3;
      y2_3_10 -= m20_2_3 + m21_2_3 + m22_2_3;
      y2_3_01 += m21_2_3 - m22_2_3 - m23_2_3;
      y2_3_11 -= m21_2_3 - m22_2_3 - m23_2_3;
      y3_0_00 += m20_3_0 + m21_3_0 + m22_3_0;
      y3_0_10 -= m20_3_0 + m21_3_0 + m22_3_0;
      y3_0_01 += m21_3_0 - m22_3_0 - m23_3_0;
      y3_0_11 -= m21_3_0 - m22_3_0 - m23_3_0;
      y3_1_00 += m20_3_1 + m21_3_1 + m22_3_1;
      y3_1_10 -= m20_3_1 + m21_3_1 + m22_3_1;
      y3_1_01 += m21_3_1 - m22_3_1 - m23_3_1;
      y3_1_11 -= m21_3_1 - m22_3_1 - m23_3_1;
      y3_2_00 += m20_3_2 + m21_3_2 + m22_3_2;
      y3_2_10 -= m20_3_2 + m21_3_2 + m22_3_2;
      y3_2_01 += m21_3_2 - m22_3_2 - m23_3_2;
      y3_2_11 -= m21_3_2 - m22_3_2 - m23_3_2;
      y3_3_00 += m20_3_3 + m21_3_3 + m22_3_3;
      y3_3_10 -= m20_3_3 + m21_3_3 + m22_3_3;
      y3_3_01 += m21_3_3 - m22_3_3 - m23_3_3;
      y3_3_11 -= m21_3_3 - m22_3_3 - m23_3_3;
      y4_0_00 += m20_4_0 + m21_4_0 + m22_4_0;
      y4_0_10 -= m20_4_0 + m21_4_0 + m22_4_0;
      y4_0_01 += m21_4_0 - m22_4_0 - m23_4_0;
      y4_0_11 -= m21_4_0 - m22_4_0 - m23_4_0;
      y4_1_00 += m20_4_1 + m21_4_1 + m22_4_1;
      y4_1_10 -= m20_4_1 + m21_4_1 + m22_4_1;
      y4_1_01 += m21_4_1 - m22_4_1 - m23_4_1;
      y4_1_11 -= m21_4_1 - m22_4_1 - m23_4_1;
      y4_2_00 += m20_4_2 + m21_4_2 + m22_4_2;
      y4_2_10 -= m20_4_2 + m21_4_2 + m22_4_2;
      y4_2_01 += m21_4_2 - m22_4_2 - m23_4_2;
      y4_2_11 -= m21_4_2 - m22_4_2 - m23_4_2;
      y4_3_00 += m20_4_3 + m21_4_3 + m22_4_3;
      y4_3_10 -= m20_4_3 + m21_4_3 + m22_4_3;
      y4_3_01 += m21_4_3 - m22_4_3 - m23_4_3;
      y4_3_11 -= m21_4_3 - m22_4_3 - m23_4_3;
      y5_0_00 += m20_5_0 + m21_5_0 + m22_5_0;
      y5_0_10 -= m20_5_0 + m21_5_0 + m22_5_0;
      y5_0_01 += m21_5_0 - m22_5_0 - m23_5_0;
      y5_0_11 -= m21_5_0 - m22_5_0 - m23_5_0;
      y5_1_00 += m20_5_1 + m21_5_1 + m22_5_1;
      y5_1_10 -= m20_5_1 + m21_5_1 + m22_5_1;
      y5_1_01 += m21_5_1 - m22_5_1 - m23_5_1;
      y5_1_11 -= m21_5_1 - m22_5_1 - m23_5_1;
      y5_2_00 += m20_5_2 + m21_5_2 + m22_5_2;
      y5_2_10 -= m20_5_2 + m21_5_2 + m22_5_2;
      y5_2_01 += m21_5_2 - m22_5_2 - m23_5_2;
      y5_2_11 -= m21_5_2 - m22_5_2 - m23_5_2;
      y5_3_00 += m20_5_3 + m21_5_3 + m22_5_3;
      y5_3_10 -= m20_5_3 + m21_5_3 + m22_5_3;
      y5_3_01 += m21_5_3 - m22_5_3 - m23_5_3;
      y5_3_11 -= m21_5_3 - m22_5_3 - m23_5_3;
      y6_0_00 += m20_6_0 + m21_6_0 + m22_6_0;
      y6_0_10 -= m20_6_0 + m21_6_0 + m22_6_0;
      y6_0_01 += m21_6_0 - m22_6_0 - m23_6_0;
      y6_0_11 -= m21_6_0 - m22_6_0 - m23_6_0;
      y6_1_00 += m20_6_1 + m21_6_1 + m22_6_1;
      y6_1_10 -= m20_6_1 + m21_6_1 + m22_6_1;
      y6_1_01 += m21_6_1 - m22_6_1 - m23_6_1;
      y6_1_11 -= m21_6_1 - m22_6_1 - m23_6_1;
      y6_2_00 += m20_6_2 + m21_6_2 + m22_6_2;
      y6_2_10 -= m20_6_2 + m21_6_2 + m22_6_2;
      y6_2_01 += m21_6_2 - m22_6_2 - m23_6_2;
      y6_2_11 -= m21_6_2 - m22_6_2 - m23_6_2;
      y6_3_00 += m20_6_3 + m21_6_3 + m22_6_3;
      y6_3_10 -= m20_6_3 + m21_6_3 + m22_6_3;
      y6_3_01 += m21_6_3 - m22_6_3 - m23_6_3;
      y6_3_11 -= m21_6_3 - m22_6_3 - m23_6_3;
      y7_0_00 += m20_7_0 + m21_7_0 + m22_7_0;
      y7_0_10 -= m20_7_0 + m21_7_0 + m22_7_0;
      y7_0_01 += m21_7_0 - m22_7_0 - m23_7_0;
      y7_0_11 -= m21_7_0 - m22_7_0 - m23_7_0;
      y7_1_00 += m20_7_1 + m21_7_1 + m22_7_1;
      y7_1_10 -= m20_7_1 + m21_7_1 + m22_7_1;
      y7_1_01 += m21_7_1 - m22_7_1 - m23_7_1;
      y7_1_11 -= m21_7_1 - m22_7_1 - m23_7_1;
      y7_2_00 += m20_7_2 + m21_7_2 + m22_7_2;
      y7_2_10 -= m20_7_2 + m21_7_2 + m22_7_2;
      y7_2_01 += m21_7_2 - m22_7_2 - m23_7_2;
      y7_2_11 -= m21_7_2 - m22_7_2 - m23_7_2;
      y7_3_00 += m20_7_3 + m21_7_3 + m22_7_3;
      y7_3_10 -= m20_7_3 + m21_7_3 + m22_7_3;
      y7_3_01 += m21_7_3 - m22_7_3 - m23_7_3;
      y7_3_11 -= m21_7_3 - m22_7_3 - m23_7_3;
    }
    {
      // row 3 of the 4 x 4 product grid
      var m30_0_0 = V0; var m31_0_0 = V0; var m32_0_0 = V0; var m33_0_0 = V0;
      var m30_0_1 = V0; var m31_0_1 = V0; var m32_0_1 = V0; var m33_0_1 = V0;
      var m30_0_2 = V0; var m31_0_2 = V0; var m32_0_2 = V0; var m33_0_2 = V0;
      var m30_0_3 = V0; var m31_0_3 = V0; var m32_0_3 = V0; var m33_0_3 = V0;
      var m30_1_0 = V0; var m31_1_0 = V0; var m32_1_0 = V0; var m33_1_0 = V0;
      var m30_1_1 = V0; var m31_1_1 = V0; var m32_1_1 = V0; var m33_1_1 = V0;
      var m30_1_2 = V0; var m31_1_2 = V0; var m32_1_2 = V0; var m33_1_2 = V0;
      var m30_1_3 = V0; var m31_1_3 = V0; var m32_1_3 = V0; var m33_1_3 = V0;
      var m30_2_0 = V0; var m31_2_0 = V0; var m32_2_0 = V0; var m33_2_0 = V0;
      var m30_2_1 = V0; var m31_2_1 = V0; var m32_2_1 = V0; var m33_2_1 = V0;
      var m30_2_2 = V0; var m31_2_2 = V0; var m32_2_2 = V0; var m33_2_2 = V0;
      var m30_2_3 = V0; var m31_2_3 = V0; var m32_2_3 = V0; var m33_2_3 = V0;
      var m30_3_0 = V0; var m31_3_0 = V0; var m32_3_0 = V0; var m33_3_0 = V0;
      var m30_3_1 = V0; var m31_3_1 = V0; var m32_3_1 = V0; var m33_3_1 = V0;
      var m30_3_2 = V0; var m31_3_2 = V0; var m32_3_2 = V0; var m33_3_2 = V0;
      var m30_3_3 = V0; var m31_3_3 = V0; var m32_3_3 = V0; var m33_3_3 = V0;
      var m30_4_0 = V0; var m31_4_0 = V0; var m32_4_0 = V0; var m33_4_0 = V0;
      var m30_4_1 = V0; var m31_4_1 = V0; var m32_4_1 = V0; var m33_4_1 = V0;
      var m30_4_2 = V0; var m31_4_2 = V0; var m32_4_2 = V0; var m33_4_2 = V0;
      var m30_4_3 = V0; var m31_4_3 = V0; var m32_4_3 = V0; var m33_4_3 = V0;
      var m30_5_0 = V0; var m31_5_0 = V0; var m32_5_0 = V0; var m33_5_0 = V0;
      var m30_5_1 = V0; var m31_5_1 = V0; var m32_5_1 = V0; var m33_5_1 = V0;
      var m30_5_2 = V0; var m31_5_2 = V0; var m32_5_2 = V0; var m33_5_2 = V0;
      var m30_5_3 = V0; var m31_5_3 = V0; var m32_5_3 = V0; var m33_5_3 = V0;
      var m30_6_0 = V0; var m31_6_0 = V0; var m32_6_0 = V0; var m33_6_0 = V0;
      var m30_6_1 = V0; var m31_6_1 = V0; var m32_6_1 = V0; var m33_6_1 = V0;
      var m30_6_2 = V0; var m31_6_2 = V0; var m32_6_2 = V0; var m33_6_2 = V0;
      var m30_6_3 = V0; var m31_6_3 = V0; var m32_6_3 = V0; var m33_6_3 = V0;
      var m30_7_0 = V0; var m31_7_0 = V0; var m32_7_0 = V0; var m33_7_0 = V0;
      var m30_7_1 = V0; var m31_7_1 = V0; var m32_7_1 = V0; var m33_7_1 = V0;
      var m30_7_2 = V0; var m31_7_2 = V0; var m32_7_2 = V0; var m33_7_2 = V0;
      var m30_7_3 = V0; var m31_7_3 = V0; var m32_7_3 = V0; var m33_7_3 = V0;
      for (var cg = 0u; cg < p.C4 / 4u; cg++) {
        let q0 = ldRow(0, cg); let d0_0 = q0[0]; let d0_1 = q0[1]; let d0_2 = q0[2]; let d0_3 = q0[3]; let d0_4 = q0[4]; let d0_5 = q0[5]; let d0_6 = q0[6]; let d0_7 = q0[7]; let d0_8 = q0[8]; let d0_9 = q0[9];
        let q1 = ldRow(1, cg); let d1_0 = q1[0]; let d1_1 = q1[1]; let d1_2 = q1[2]; let d1_3 = q1[3]; let d1_4 = q1[4]; let d1_5 = q1[5]; let d1_6 = q1[6]; let d1_7 = q1[7]; let d1_8 = q1[8]; let d1_9 = q1[9];
        let q2 = ldRow(2, cg); let d2_0 = q2[0]; let d2_1 = q2[1]; let d2_2 = q2[2]; let d2_3 = q2[3]; let d2_4 = q2[4]; let d2_5 = q2[5]; let d2_6 = q2[6]; let d2_7 = q2[7]; let d2_8 = q2[8]; let d2_9 = q2[9];
        let q3 = ldRow(3, cg); let d3_0 = q3[0]; let d3_1 = q3[1]; let d3_2 = q3[2]; let d3_3 = q3[3]; let d3_4 = q3[4]; let d3_5 = q3[5]; let d3_6 = q3[6]; let d3_7 = q3[7]; let d3_8 = q3[8]; let d3_9 = q3[9];
        let q4 = ldRow(4, cg); let d4_0 = q4[0]; let d4_1 = q4[1]; let d4_2 = q4[2]; let d4_3 = q4[3]; let d4_4 = q4[4]; let d4_5 = q4[5]; let d4_6 = q4[6]; let d4_7 = q4[7]; let d4_8 = q4[8]; let d4_9 = q4[9];
        let q5 = ldRow(5, cg); let d5_0 = q5[0]; let d5_1 = q5[1]; let d5_2 = q5[2]; let d5_3 = q5[3]; let d5_4 = q5[4]; let d5_5 = q5[5]; let d5_6 = q5[6]; let d5_7 = q5[7]; let d5_8 = q5[8]; let d5_9 = q5[9];
        let r30_0 = d1_0 - d3_0; let r30_1 = d1_1 - d3_1; let r30_2 = d1_2 - d3_2; let r30_3 = d1_3 - d3_3;
        let v30_0 = r30_0 - r30_2; let v30_1 = r30_1 + r30_2; let v30_2 = -r30_1 + r30_2; let v30_3 = r30_1 - r30_3;
        let r31_0 = d1_2 - d3_2; let r31_1 = d1_3 - d3_3; let r31_2 = d1_4 - d3_4; let r31_3 = d1_5 - d3_5;
        let v31_0 = r31_0 - r31_2; let v31_1 = r31_1 + r31_2; let v31_2 = -r31_1 + r31_2; let v31_3 = r31_1 - r31_3;
        let r32_0 = d1_4 - d3_4; let r32_1 = d1_5 - d3_5; let r32_2 = d1_6 - d3_6; let r32_3 = d1_7 - d3_7;
        let v32_0 = r32_0 - r32_2; let v32_1 = r32_1 + r32_2; let v32_2 = -r32_1 + r32_2; let v32_3 = r32_1 - r32_3;
        let r33_0 = d1_6 - d3_6; let r33_1 = d1_7 - d3_7; let r33_2 = d1_8 - d3_8; let r33_3 = d1_9 - d3_9;
        let v33_0 = r33_0 - r33_2; let v33_1 = r33_1 + r33_2; let v33_2 = -r33_1 + r33_2; let v33_3 = r33_1 - r33_3;
        let r34_0 = d3_0 - d5_0; let r34_1 = d3_1 - d5_1; let r34_2 = d3_2 - d5_2; let r34_3 = d3_3 - d5_3;
        let v34_0 = r34_0 - r34_2; let v34_1 = r34_1 + r34_2; let v34_2 = -r34_1 + r34_2; let v34_3 = r34_1 - r34_3;
        let r35_0 = d3_2 - d5_2; let r35_1 = d3_3 - d5_3; let r35_2 = d3_4 - d5_4; let r35_3 = d3_5 - d5_5;
        let v35_0 = r35_0 - r35_2; let v35_1 = r35_1 + r35_2; let v35_2 = -r35_1 + r35_2; let v35_3 = r35_1 - r35_3;
        let r36_0 = d3_4 - d5_4; let r36_1 = d3_5 - d5_5; let r36_2 = d3_6 - d5_6; let r36_3 = d3_7 - d5_7;
        let v36_0 = r36_0 - r36_2; let v36_1 = r36_1 + r36_2; let v36_2 = -r36_1 + r36_2; let v36_3 = r36_1 - r36_3;
        let r37_0 = d3_6 - d5_6; let r37_1 = d3_7 - d5_7; let r37_2 = d3_8 - d5_8; let r37_3 = d3_9 - d5_9;
        let v37_0 = r37_0 - r37_2; let v37_1 = r37_1 + r37_2; let v37_2 = -r37_1 + r37_2; let v37_3 = r37_1 - r37_3;
        {
          let u0_0 = weight(12u, cg, 0u, 0u); let u0_1 = weight(12u, cg, 0u, 1u); let u0_2 = weight(12u, cg, 0u, 2u); let u0_3 = weight(12u, cg, 0u, 3u);
          let u1_0 = weight(12u, cg, 1u, 0u); let u1_1 = weight(12u, cg, 1u, 1u); let u1_2 = weight(12u, cg, 1u, 2u); let u1_3 = weight(12u, cg, 1u, 3u);
          let u2_0 = weight(12u, cg, 2u, 0u); let u2_1 = weight(12u, cg, 2u, 1u); let u2_2 = weight(12u, cg, 2u, 2u); let u2_3 = weight(12u, cg, 2u, 3u);
          let u3_0 = weight(12u, cg, 3u, 0u); let u3_1 = weight(12u, cg, 3u, 1u); let u3_2 = weight(12u, cg, 3u, 2u); let u3_3 = weight(12u, cg, 3u, 3u);
          m30_0_0 = madd(m30_0_0, v30_0, u0_0, u0_1, u0_2, u0_3);
          m30_0_1 = madd(m30_0_1, v30_0, u1_0, u1_1, u1_2, u1_3);
          m30_0_2 = madd(m30_0_2, v30_0, u2_0, u2_1, u2_2, u2_3);
          m30_0_3 = madd(m30_0_3, v30_0, u3_0, u3_1, u3_2, u3_3);
          m30_1_0 = madd(m30_1_0, v31_0, u0_0, u0_1, u0_2, u0_3);
          m30_1_1 = madd(m30_1_1, v31_0, u1_0, u1_1, u1_2, u1_3);
          m30_1_2 = madd(m30_1_2, v31_0, u2_0, u2_1, u2_2, u2_3);
          m30_1_3 = madd(m30_1_3, v31_0, u3_0, u3_1, u3_2, u3_3);
          m30_2_0 = madd(m30_2_0, v32_0, u0_0, u0_1, u0_2, u0_3);
          m30_2_1 = madd(m30_2_1, v32_0, u1_0, u1_1, u1_2, u1_3);
          m30_2_2 = madd(m30_2_2, v32_0, u2_0, u2_1, u2_2, u2_3);
          m30_2_3 = madd(m30_2_3, v32_0, u3_0, u3_1, u3_2, u3_3);
          m30_3_0 = madd(m30_3_0, v33_0, u0_0, u0_1, u0_2, u0_3);
          m30_3_1 = madd(m30_3_1, v33_0, u1_0, u1_1, u1_2, u1_3);
          m30_3_2 = madd(m30_3_2, v33_0, u2_0, u2_1, u2_2, u2_3);
          m30_3_3 = madd(m30_3_3, v33_0, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m30_3_0; }
          m30_4_0 = madd(m30_4_0, v34_0, u0_0, u0_1, u0_2, u0_3);
          m30_4_1 = madd(m30_4_1, v34_0, u1_0, u1_1, u1_2, u1_3);
          m30_4_2 = madd(m30_4_2, v34_0, u2_0, u2_1, u2_2, u2_3);
          m30_4_3 = madd(m30_4_3, v34_0, u3_0, u3_1, u3_2, u3_3);
          m30_5_0 = madd(m30_5_0, v35_0, u0_0, u0_1, u0_2, u0_3);
          m30_5_1 = madd(m30_5_1, v35_0, u1_0, u1_1, u1_2, u1_3);
          m30_5_2 = madd(m30_5_2, v35_0, u2_0, u2_1, u2_2, u2_3);
          m30_5_3 = madd(m30_5_3, v35_0, u3_0, u3_1, u3_2, u3_3);
          m30_6_0 = madd(m30_6_0, v36_0, u0_0, u0_1, u0_2, u0_3);
          m30_6_1 = madd(m30_6_1, v36_0, u1_0, u1_1, u1_2, u1_3);
          m30_6_2 = madd(m30_6_2, v36_0, u2_0, u2_1, u2_2, u2_3);
          m30_6_3 = madd(m30_6_3, v36_0, u3_0, u3_1, u3_2, u3_3);
          m30_7_0 = madd(m30_7_0, v37_0, u0_0, u0_1, u0_2, u0_3);
          m30_7_1 = madd(m30_7_1, v37_0, u1_0, u1_1, u1_2, u1_3);
          m30_7_2 = madd(m30_7_2, v37_0, u2_0, u2_1, u2_2, u2_3);
          m30_7_3 = madd(m30_7_3, v37_0, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = weight(13u, cg, 0u, 0u); let u0_1 = weight(13u, cg, 0u, 1u); let u0_2 = weight(13u, cg, 0u, 2u); let u0_3 = weight(13u, cg, 0u, 3u);
          let u1_0 = weight(13u, cg, 1u, 0u); let u1_1 = weight(13u, cg, 1u, 1u); let u1_2 = weight(13u, cg, 1u, 2u); let u1_3 = weight(13u, cg, 1u, 3u);
          let u2_0 = weight(13u, cg, 2u, 0u); let u2_1 = weight(13u, cg, 2u, 1u); let u2_2 = weight(13u, cg, 2u, 2u); let u2_3 = weight(13u, cg, 2u, 3u);
          let u3_0 = weight(13u, cg, 3u, 0u); let u3_1 = weight(13u, cg, 3u, 1u); let u3_2 = weight(13u, cg, 3u, 2u); let u3_3 = weight(13u, cg, 3u, 3u);
          m31_0_0 = madd(m31_0_0, v30_1, u0_0, u0_1, u0_2, u0_3);
          m31_0_1 = madd(m31_0_1, v30_1, u1_0, u1_1, u1_2, u1_3);
          m31_0_2 = madd(m31_0_2, v30_1, u2_0, u2_1, u2_2, u2_3);
          m31_0_3 = madd(m31_0_3, v30_1, u3_0, u3_1, u3_2, u3_3);
          m31_1_0 = madd(m31_1_0, v31_1, u0_0, u0_1, u0_2, u0_3);
          m31_1_1 = madd(m31_1_1, v31_1, u1_0, u1_1, u1_2, u1_3);
          m31_1_2 = madd(m31_1_2, v31_1, u2_0, u2_1, u2_2, u2_3);
          m31_1_3 = madd(m31_1_3, v31_1, u3_0, u3_1, u3_2, u3_3);
          m31_2_0 = madd(m31_2_0, v32_1, u0_0, u0_1, u0_2, u0_3);
          m31_2_1 = madd(m31_2_1, v32_1, u1_0, u1_1, u1_2, u1_3);
          m31_2_2 = madd(m31_2_2, v32_1, u2_0, u2_1, u2_2, u2_3);
          m31_2_3 = madd(m31_2_3, v32_1, u3_0, u3_1, u3_2, u3_3);
          m31_3_0 = madd(m31_3_0, v33_1, u0_0, u0_1, u0_2, u0_3);
          m31_3_1 = madd(m31_3_1, v33_1, u1_0, u1_1, u1_2, u1_3);
          m31_3_2 = madd(m31_3_2, v33_1, u2_0, u2_1, u2_2, u2_3);
          m31_3_3 = madd(m31_3_3, v33_1, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m31_3_0; }
          m31_4_0 = madd(m31_4_0, v34_1, u0_0, u0_1, u0_2, u0_3);
          m31_4_1 = madd(m31_4_1, v34_1, u1_0, u1_1, u1_2, u1_3);
          m31_4_2 = madd(m31_4_2, v34_1, u2_0, u2_1, u2_2, u2_3);
          m31_4_3 = madd(m31_4_3, v34_1, u3_0, u3_1, u3_2, u3_3);
          m31_5_0 = madd(m31_5_0, v35_1, u0_0, u0_1, u0_2, u0_3);
          m31_5_1 = madd(m31_5_1, v35_1, u1_0, u1_1, u1_2, u1_3);
          m31_5_2 = madd(m31_5_2, v35_1, u2_0, u2_1, u2_2, u2_3);
          m31_5_3 = madd(m31_5_3, v35_1, u3_0, u3_1, u3_2, u3_3);
          m31_6_0 = madd(m31_6_0, v36_1, u0_0, u0_1, u0_2, u0_3);
          m31_6_1 = madd(m31_6_1, v36_1, u1_0, u1_1, u1_2, u1_3);
          m31_6_2 = madd(m31_6_2, v36_1, u2_0, u2_1, u2_2, u2_3);
          m31_6_3 = madd(m31_6_3, v36_1, u3_0, u3_1, u3_2, u3_3);
          m31_7_0 = madd(m31_7_0, v37_1, u0_0, u0_1, u0_2, u0_3);
          m31_7_1 = madd(m31_7_1, v37_1, u1_0, u1_1, u1_2, u1_3);
          m31_7_2 = madd(m31_7_2, v37_1, u2_0, u2_1, u2_2, u2_3);
          m31_7_3 = madd(m31_7_3, v37_1, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = weight(14u, cg, 0u, 0u); let u0_1 = weight(14u, cg, 0u, 1u); let u0_2 = weight(14u, cg, 0u, 2u); let u0_3 = weight(14u, cg, 0u, 3u);
          let u1_0 = weight(14u, cg, 1u, 0u); let u1_1 = weight(14u, cg, 1u, 1u); let u1_2 = weight(14u, cg, 1u, 2u); let u1_3 = weight(14u, cg, 1u, 3u);
          let u2_0 = weight(14u, cg, 2u, 0u); let u2_1 = weight(14u, cg, 2u, 1u); let u2_2 = weight(14u, cg, 2u, 2u); let u2_3 = weight(14u, cg, 2u, 3u);
          let u3_0 = weight(14u, cg, 3u, 0u); let u3_1 = weight(14u, cg, 3u, 1u); let u3_2 = weight(14u, cg, 3u, 2u); let u3_3 = weight(14u, cg, 3u, 3u);
          m32_0_0 = madd(m32_0_0, v30_2, u0_0, u0_1, u0_2, u0_3);
          m32_0_1 = madd(m32_0_1, v30_2, u1_0, u1_1, u1_2, u1_3);
          m32_0_2 = madd(m32_0_2, v30_2, u2_0, u2_1, u2_2, u2_3);
          m32_0_3 = madd(m32_0_3, v30_2, u3_0, u3_1, u3_2, u3_3);
          m32_1_0 = madd(m32_1_0, v31_2, u0_0, u0_1, u0_2, u0_3);
          m32_1_1 = madd(m32_1_1, v31_2, u1_0, u1_1, u1_2, u1_3);
          m32_1_2 = madd(m32_1_2, v31_2, u2_0, u2_1, u2_2, u2_3);
          m32_1_3 = madd(m32_1_3, v31_2, u3_0, u3_1, u3_2, u3_3);
          m32_2_0 = madd(m32_2_0, v32_2, u0_0, u0_1, u0_2, u0_3);
          m32_2_1 = madd(m32_2_1, v32_2, u1_0, u1_1, u1_2, u1_3);
          m32_2_2 = madd(m32_2_2, v32_2, u2_0, u2_1, u2_2, u2_3);
          m32_2_3 = madd(m32_2_3, v32_2, u3_0, u3_1, u3_2, u3_3);
          m32_3_0 = madd(m32_3_0, v33_2, u0_0, u0_1, u0_2, u0_3);
          m32_3_1 = madd(m32_3_1, v33_2, u1_0, u1_1, u1_2, u1_3);
          m32_3_2 = madd(m32_3_2, v33_2, u2_0, u2_1, u2_2, u2_3);
          m32_3_3 = madd(m32_3_3, v33_2, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m32_3_0; }
          m32_4_0 = madd(m32_4_0, v34_2, u0_0, u0_1, u0_2, u0_3);
          m32_4_1 = madd(m32_4_1, v34_2, u1_0, u1_1, u1_2, u1_3);
          m32_4_2 = madd(m32_4_2, v34_2, u2_0, u2_1, u2_2, u2_3);
          m32_4_3 = madd(m32_4_3, v34_2, u3_0, u3_1, u3_2, u3_3);
          m32_5_0 = madd(m32_5_0, v35_2, u0_0, u0_1, u0_2, u0_3);
          m32_5_1 = madd(m32_5_1, v35_2, u1_0, u1_1, u1_2, u1_3);
          m32_5_2 = madd(m32_5_2, v35_2, u2_0, u2_1, u2_2, u2_3);
          m32_5_3 = madd(m32_5_3, v35_2, u3_0, u3_1, u3_2, u3_3);
          m32_6_0 = madd(m32_6_0, v36_2, u0_0, u0_1, u0_2, u0_3);
          m32_6_1 = madd(m32_6_1, v36_2, u1_0, u1_1, u1_2, u1_3);
          m32_6_2 = madd(m32_6_2, v36_2, u2_0, u2_1, u2_2, u2_3);
          m32_6_3 = madd(m32_6_3, v36_2, u3_0, u3_1, u3_2, u3_3);
          m32_7_0 = madd(m32_7_0, v37_2, u0_0, u0_1, u0_2, u0_3);
          m32_7_1 = madd(m32_7_1, v37_2, u1_0, u1_1, u1_2, u1_3);
          m32_7_2 = madd(m32_7_2, v37_2, u2_0, u2_1, u2_2, u2_3);
          m32_7_3 = madd(m32_7_3, v37_2, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = weight(15u, cg, 0u, 0u); let u0_1 = weight(15u, cg, 0u, 1u); let u0_2 = weight(15u, cg, 0u, 2u); let u0_3 = weight(15u, cg, 0u, 3u);
          let u1_0 = weight(15u, cg, 1u, 0u); let u1_1 = weight(15u, cg, 1u, 1u); let u1_2 = weight(15u, cg, 1u, 2u); let u1_3 = weight(15u, cg, 1u, 3u);
          let u2_0 = weight(15u, cg, 2u, 0u); let u2_1 = weight(15u, cg, 2u, 1u); let u2_2 = weight(15u, cg, 2u, 2u); let u2_3 = weight(15u, cg, 2u, 3u);
          let u3_0 = weight(15u, cg, 3u, 0u); let u3_1 = weight(15u, cg, 3u, 1u); let u3_2 = weight(15u, cg, 3u, 2u); let u3_3 = weight(15u, cg, 3u, 3u);
          m33_0_0 = madd(m33_0_0, v30_3, u0_0, u0_1, u0_2, u0_3);
          m33_0_1 = madd(m33_0_1, v30_3, u1_0, u1_1, u1_2, u1_3);
          m33_0_2 = madd(m33_0_2, v30_3, u2_0, u2_1, u2_2, u2_3);
          m33_0_3 = madd(m33_0_3, v30_3, u3_0, u3_1, u3_2, u3_3);
          m33_1_0 = madd(m33_1_0, v31_3, u0_0, u0_1, u0_2, u0_3);
          m33_1_1 = madd(m33_1_1, v31_3, u1_0, u1_1, u1_2, u1_3);
          m33_1_2 = madd(m33_1_2, v31_3, u2_0, u2_1, u2_2, u2_3);
          m33_1_3 = madd(m33_1_3, v31_3, u3_0, u3_1, u3_2, u3_3);
          m33_2_0 = madd(m33_2_0, v32_3, u0_0, u0_1, u0_2, u0_3);
          m33_2_1 = madd(m33_2_1, v32_3, u1_0, u1_1, u1_2, u1_3);
          m33_2_2 = madd(m33_2_2, v32_3, u2_0, u2_1, u2_2, u2_3);
          m33_2_3 = madd(m33_2_3, v32_3, u3_0, u3_1, u3_2, u3_3);
          m33_3_0 = madd(m33_3_0, v33_3, u0_0, u0_1, u0_2, u0_3);
          m33_3_1 = madd(m33_3_1, v33_3, u1_0, u1_1, u1_2, u1_3);
          m33_3_2 = madd(m33_3_2, v33_3, u2_0, u2_1, u2_2, u2_3);
          m33_3_3 = madd(m33_3_3, v33_3, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m33_3_0; }
          m33_4_0 = madd(m33_4_0, v34_3, u0_0, u0_1, u0_2, u0_3);
          m33_4_1 = madd(m33_4_1, v34_3, u1_0, u1_1, u1_2, u1_3);
          m33_4_2 = madd(m33_4_2, v34_3, u2_0, u2_1, u2_2, u2_3);
          m33_4_3 = madd(m33_4_3, v34_3, u3_0, u3_1, u3_2, u3_3);
          m33_5_0 = madd(m33_5_0, v35_3, u0_0, u0_1, u0_2, u0_3);
          m33_5_1 = madd(m33_5_1, v35_3, u1_0, u1_1, u1_2, u1_3);
          m33_5_2 = madd(m33_5_2, v35_3, u2_0, u2_1, u2_2, u2_3);
          m33_5_3 = madd(m33_5_3, v35_3, u3_0, u3_1, u3_2, u3_3);
          m33_6_0 = madd(m33_6_0, v36_3, u0_0, u0_1, u0_2, u0_3);
          m33_6_1 = madd(m33_6_1, v36_3, u1_0, u1_1, u1_2, u1_3);
          m33_6_2 = madd(m33_6_2, v36_3, u2_0, u2_1, u2_2, u2_3);
          m33_6_3 = madd(m33_6_3, v36_3, u3_0, u3_1, u3_2, u3_3);
          m33_7_0 = madd(m33_7_0, v37_3, u0_0, u0_1, u0_2, u0_3);
          m33_7_1 = madd(m33_7_1, v37_3, u1_0, u1_1, u1_2, u1_3);
          m33_7_2 = madd(m33_7_2, v37_3, u2_0, u2_1, u2_2, u2_3);
          m33_7_3 = madd(m33_7_3, v37_3, u3_0, u3_1, u3_2, u3_3);
        }
      }
      y0_0_10 -= m30_0_0 + m31_0_0 + m32_0_0;
      y0_0_11 -= m31_0_0 - m32_0_0 - m33_0_0;
      y0_1_10 -= m30_0_1 + m31_0_1 + m32_0_1;
      y0_1_11 -= m31_0_1 - m32_0_1 - m33_0_1;
      y0_2_10 -= m30_0_2 + m31_0_2 + m32_0_2;
      y0_2_11 -= m31_0_2 - m32_0_2 - m33_0_2;
      y0_3_10 -= m30_0_3 + m31_0_3 + m32_0_3;
      y0_3_11 -= m31_0_3 - m32_0_3 - m33_0_3;
      y1_0_10 -= m30_1_0 + m31_1_0 + m32_1_0;
      y1_0_11 -= m31_1_0 - m32_1_0 - m33_1_0;
      y1_1_10 -= m30_1_1 + m31_1_1 + m32_1_1;
      y1_1_11 -= m31_1_1 - m32_1_1 - m33_1_1;
      y1_2_10 -= m30_1_2 + m31_1_2 + m32_1_2;
      y1_2_11 -= m31_1_2 - m32_1_2 - m33_1_2;
      y1_3_10 -= m30_1_3 + m31_1_3 + m32_1_3;
      y1_3_11 -= m31_1_3 - m32_1_3 - m33_1_3;
      y2_0_10 -= m30_2_0 + m31_2_0 + m32_2_0;
      y2_0_11 -= m31_2_0 - m32_2_0 - m33_2_0;
      y2_1_10 -= m30_2_1 + m31_2_1 + m32_2_1;
      y2_1_11 -= m31_2_1 - m32_2_1 - m33_2_1;
      y2_2_10 -= m30_2_2 + m31_2_2 + m32_2_2;
      y2_2_11 -= m31_2_2 - m32_2_2 - m33_2_2;
      y2_3_10 -= m30_2_3 + m31_2_3 + m32_2_3;
      y2_3_11 -= m31_2_3 - m32_2_3 - m33_2_3;
      y3_0_10 -= m30_3_0 + m31_3_0 + m32_3_0;
      y3_0_11 -= m31_3_0 - m32_3_0 - m33_3_0;
      y3_1_10 -= m30_3_1 + m31_3_1 + m32_3_1;
      y3_1_11 -= m31_3_1 - m32_3_1 - m33_3_1;
      y3_2_10 -= m30_3_2 + m31_3_2 + m32_3_2;
      y3_2_11 -= m31_3_2 - m32_3_2 - m33_3_2;
      y3_3_10 -= m30_3_3 + m31_3_3 + m32_3_3;
      y3_3_11 -= m31_3_3 - m32_3_3 - m33_3_3;
      y4_0_10 -= m30_4_0 + m31_4_0 + m32_4_0;
      y4_0_11 -= m31_4_0 - m32_4_0 - m33_4_0;
      y4_1_10 -= m30_4_1 + m31_4_1 + m32_4_1;
      y4_1_11 -= m31_4_1 - m32_4_1 - m33_4_1;
      y4_2_10 -= m30_4_2 + m31_4_2 + m32_4_2;
      y4_2_11 -= m31_4_2 - m32_4_2 - m33_4_2;
      y4_3_10 -= m30_4_3 + m31_4_3 + m32_4_3;
      y4_3_11 -= m31_4_3 - m32_4_3 - m33_4_3;
      y5_0_10 -= m30_5_0 + m31_5_0 + m32_5_0;
      y5_0_11 -= m31_5_0 - m32_5_0 - m33_5_0;
      y5_1_10 -= m30_5_1 + m31_5_1 + m32_5_1;
      y5_1_11 -= m31_5_1 - m32_5_1 - m33_5_1;
      y5_2_10 -= m30_5_2 + m31_5_2 + m32_5_2;
      y5_2_11 -= m31_5_2 - m32_5_2 - m33_5_2;
      y5_3_10 -= m30_5_3 + m31_5_3 + m32_5_3;
      y5_3_11 -= m31_5_3 - m32_5_3 - m33_5_3;
      y6_0_10 -= m30_6_0 + m31_6_0 + m32_6_0;
      y6_0_11 -= m31_6_0 - m32_6_0 - m33_6_0;
      y6_1_10 -= m30_6_1 + m31_6_1 + m32_6_1;
      y6_1_11 -= m31_6_1 - m32_6_1 - m33_6_1;
      y6_2_10 -= m30_6_2 + m31_6_2 + m32_6_2;
      y6_2_11 -= m31_6_2 - m32_6_2 - m33_6_2;
      y6_3_10 -= m30_6_3 + m31_6_3 + m32_6_3;
      y6_3_11 -= m31_6_3 - m32_6_3 - m33_6_3;
      y7_0_10 -= m30_7_0 + m31_7_0 + m32_7_0;
      y7_0_11 -= m31_7_0 - m32_7_0 - m33_7_0;
      y7_1_10 -= m30_7_1 + m31_7_1 + m32_7_1;
      y7_1_11 -= m31_7_1 - m32_7_1 - m33_7_1;
      y7_2_10 -= m30_7_2 + m31_7_2 + m32_7_2;
      y7_2_11 -= m31_7_2 - m32_7_2 - m33_7_2;
      y7_3_10 -= m30_7_3 + m31_7_3 + m32_7_3;
      y7_3_11 -= m31_7_3 - m32_7_3 - m33_7_3;
    }
  } else {
    {
      // row 0 of the 4 x 4 product grid
      var m00_0_0 = V0; var m01_0_0 = V0; var m02_0_0 = V0; var m03_0_0 = V0;
      var m00_0_1 = V0; var m01_0_1 = V0; var m02_0_1 = V0; var m03_0_1 = V0;
      var m00_0_2 = V0; var m01_0_2 = V0; var m02_0_2 = V0; var m03_0_2 = V0;
      var m00_0_3 = V0; var m01_0_3 = V0; var m02_0_3 = V0; var m03_0_3 = V0;
      var m00_1_0 = V0; var m01_1_0 = V0; var m02_1_0 = V0; var m03_1_0 = V0;
      var m00_1_1 = V0; var m01_1_1 = V0; var m02_1_1 = V0; var m03_1_1 = V0;
      var m00_1_2 = V0; var m01_1_2 = V0; var m02_1_2 = V0; var m03_1_2 = V0;
      var m00_1_3 = V0; var m01_1_3 = V0; var m02_1_3 = V0; var m03_1_3 = V0;
      var m00_2_0 = V0; var m01_2_0 = V0; var m02_2_0 = V0; var m03_2_0 = V0;
      var m00_2_1 = V0; var m01_2_1 = V0; var m02_2_1 = V0; var m03_2_1 = V0;
      var m00_2_2 = V0; var m01_2_2 = V0; var m02_2_2 = V0; var m03_2_2 = V0;
      var m00_2_3 = V0; var m01_2_3 = V0; var m02_2_3 = V0; var m03_2_3 = V0;
      var m00_3_0 = V0; var m01_3_0 = V0; var m02_3_0 = V0; var m03_3_0 = V0;
      var m00_3_1 = V0; var m01_3_1 = V0; var m02_3_1 = V0; var m03_3_1 = V0;
      var m00_3_2 = V0; var m01_3_2 = V0; var m02_3_2 = V0; var m03_3_2 = V0;
      var m00_3_3 = V0; var m01_3_3 = V0; var m02_3_3 = V0; var m03_3_3 = V0;
      var m00_4_0 = V0; var m01_4_0 = V0; var m02_4_0 = V0; var m03_4_0 = V0;
      var m00_4_1 = V0; var m01_4_1 = V0; var m02_4_1 = V0; var m03_4_1 = V0;
      var m00_4_2 = V0; var m01_4_2 = V0; var m02_4_2 = V0; var m03_4_2 = V0;
      var m00_4_3 = V0; var m01_4_3 = V0; var m02_4_3 = V0; var m03_4_3 = V0;
      var m00_5_0 = V0; var m01_5_0 = V0; var m02_5_0 = V0; var m03_5_0 = V0;
      var m00_5_1 = V0; var m01_5_1 = V0; var m02_5_1 = V0; var m03_5_1 = V0;
      var m00_5_2 = V0; var m01_5_2 = V0; var m02_5_2 = V0; var m03_5_2 = V0;
      var m00_5_3 = V0; var m01_5_3 = V0; var m02_5_3 = V0; var m03_5_3 = V0;
      var m00_6_0 = V0; var m01_6_0 = V0; var m02_6_0 = V0; var m03_6_0 = V0;
      var m00_6_1 = V0; var m01_6_1 = V0; var m02_6_1 = V0; var m03_6_1 = V0;
      var m00_6_2 = V0; var m01_6_2 = V0; var m02_6_2 = V0; var m03_6_2 = V0;
      var m00_6_3 = V0; var m01_6_3 = V0; var m02_6_3 = V0; var m03_6_3 = V0;
      var m00_7_0 = V0; var m01_7_0 = V0; var m02_7_0 = V0; var m03_7_0 = V0;
      var m00_7_1 = V0; var m01_7_1 = V0; var m02_7_1 = V0; var m03_7_1 = V0;
      var m00_7_2 = V0; var m01_7_2 = V0; var m02_7_2 = V0; var m03_7_2 = V0;
      var m00_7_3 = V0; var m01_7_3 = V0; var m02_7_3 = V0; var m03_7_3 = V0;
      if (CG > 0u) {
        let q0 = ldRow(0, 0u); let d0_0 = q0[0]; let d0_1 = q0[1]; let d0_2 = q0[2]; let d0_3 = q0[3]; let d0_4 = q0[4]; let d0_5 = q0[5]; let d0_6 = q0[6]; let d0_7 = q0[7]; let d0_8 = q0[8]; let d0_9 = q0[9];
        let q1 = ldRow(1, 0u); let d1_0 = q1[0]; let d1_1 = q1[1]; let d1_2 = q1[2]; let d1_3 = q1[3]; let d1_4 = q1[4]; let d1_5 = q1[5]; let d1_6 = q1[6]; let d1_7 = q1[7]; let d1_8 = q1[8]; let d1_9 = q1[9];
        let q2 = ldRow(2, 0u); let d2_0 = q2[0]; let d2_1 = q2[1]; let d2_2 = q2[2]; let d2_3 = q2[3]; let d2_4 = q2[4]; let d2_5 = q2[5]; let d2_6 = q2[6]; let d2_7 = q2[7]; let d2_8 = q2[8]; let d2_9 = q2[9];
        let q3 = ldRow(3, 0u); let d3_0 = q3[0]; let d3_1 = q3[1]; let d3_2 = q3[2]; let d3_3 = q3[3]; let d3_4 = q3[4]; let d3_5 = q3[5]; let d3_6 = q3[6]; let d3_7 = q3[7]; let d3_8 = q3[8]; let d3_9 = q3[9];
        let q4 = ldRow(4, 0u); let d4_0 = q4[0]; let d4_1 = q4[1]; let d4_2 = q4[2]; let d4_3 = q4[3]; let d4_4 = q4[4]; let d4_5 = q4[5]; let d4_6 = q4[6]; let d4_7 = q4[7]; let d4_8 = q4[8]; let d4_9 = q4[9];
        let q5 = ldRow(5, 0u); let d5_0 = q5[0]; let d5_1 = q5[1]; let d5_2 = q5[2]; let d5_3 = q5[3]; let d5_4 = q5[4]; let d5_5 = q5[5]; let d5_6 = q5[6]; let d5_7 = q5[7]; let d5_8 = q5[8]; let d5_9 = q5[9];
        let r00_0 = d0_0 - d2_0; let r00_1 = d0_1 - d2_1; let r00_2 = d0_2 - d2_2; let r00_3 = d0_3 - d2_3;
        let v00_0 = r00_0 - r00_2; let v00_1 = r00_1 + r00_2; let v00_2 = -r00_1 + r00_2; let v00_3 = r00_1 - r00_3;
        let r01_0 = d0_2 - d2_2; let r01_1 = d0_3 - d2_3; let r01_2 = d0_4 - d2_4; let r01_3 = d0_5 - d2_5;
        let v01_0 = r01_0 - r01_2; let v01_1 = r01_1 + r01_2; let v01_2 = -r01_1 + r01_2; let v01_3 = r01_1 - r01_3;
        let r02_0 = d0_4 - d2_4; let r02_1 = d0_5 - d2_5; let r02_2 = d0_6 - d2_6; let r02_3 = d0_7 - d2_7;
        let v02_0 = r02_0 - r02_2; let v02_1 = r02_1 + r02_2; let v02_2 = -r02_1 + r02_2; let v02_3 = r02_1 - r02_3;
        let r03_0 = d0_6 - d2_6; let r03_1 = d0_7 - d2_7; let r03_2 = d0_8 - d2_8; let r03_3 = d0_9 - d2_9;
        let v03_0 = r03_0 - r03_2; let v03_1 = r03_1 + r03_2; let v03_2 = -r03_1 + r03_2; let v03_3 = r03_1 - r03_3;
        let r04_0 = d2_0 - d4_0; let r04_1 = d2_1 - d4_1; let r04_2 = d2_2 - d4_2; let r04_3 = d2_3 - d4_3;
        let v04_0 = r04_0 - r04_2; let v04_1 = r04_1 + r04_2; let v04_2 = -r04_1 + r04_2; let v04_3 = r04_1 - r04_3;
        let r05_0 = d2_2 - d4_2; let r05_1 = d2_3 - d4_3; let r05_2 = d2_4 - d4_4; let r05_3 = d2_5 - d4_5;
        let v05_0 = r05_0 - r05_2; let v05_1 = r05_1 + r05_2; let v05_2 = -r05_1 + r05_2; let v05_3 = r05_1 - r05_3;
        let r06_0 = d2_4 - d4_4; let r06_1 = d2_5 - d4_5; let r06_2 = d2_6 - d4_6; let r06_3 = d2_7 - d4_7;
        let v06_0 = r06_0 - r06_2; let v06_1 = r06_1 + r06_2; let v06_2 = -r06_1 + r06_2; let v06_3 = r06_1 - r06_3;
        let r07_0 = d2_6 - d4_6; let r07_1 = d2_7 - d4_7; let r07_2 = d2_8 - d4_8; let r07_3 = d2_9 - d4_9;
        let v07_0 = r07_0 - r07_2; let v07_1 = r07_1 + r07_2; let v07_2 = -r07_1 + r07_2; let v07_3 = r07_1 - r07_3;
        {
          let u0_0 = uw[0]; let u0_1 = uw[4]; let u0_2 = uw[8]; let u0_3 = uw[12];
          let u1_0 = uw[1]; let u1_1 = uw[5]; let u1_2 = uw[9]; let u1_3 = uw[13];
          let u2_0 = uw[2]; let u2_1 = uw[6]; let u2_2 = uw[10]; let u2_3 = uw[14];
          let u3_0 = uw[3]; let u3_1 = uw[7]; let u3_2 = uw[11]; let u3_3 = uw[15];
          m00_0_0 = madd(m00_0_0, v00_0, u0_0, u0_1, u0_2, u0_3);
          m00_0_1 = madd(m00_0_1, v00_0, u1_0, u1_1, u1_2, u1_3);
          m00_0_2 = madd(m00_0_2, v00_0, u2_0, u2_1, u2_2, u2_3);
          m00_0_3 = madd(m00_0_3, v00_0, u3_0, u3_1, u3_2, u3_3);
          m00_1_0 = madd(m00_1_0, v01_0, u0_0, u0_1, u0_2, u0_3);
          m00_1_1 = madd(m00_1_1, v01_0, u1_0, u1_1, u1_2, u1_3);
          m00_1_2 = madd(m00_1_2, v01_0, u2_0, u2_1, u2_2, u2_3);
          m00_1_3 = madd(m00_1_3, v01_0, u3_0, u3_1, u3_2, u3_3);
          m00_2_0 = madd(m00_2_0, v02_0, u0_0, u0_1, u0_2, u0_3);
          m00_2_1 = madd(m00_2_1, v02_0, u1_0, u1_1, u1_2, u1_3);
          m00_2_2 = madd(m00_2_2, v02_0, u2_0, u2_1, u2_2, u2_3);
          m00_2_3 = madd(m00_2_3, v02_0, u3_0, u3_1, u3_2, u3_3);
          m00_3_0 = madd(m00_3_0, v03_0, u0_0, u0_1, u0_2, u0_3);
          m00_3_1 = madd(m00_3_1, v03_0, u1_0, u1_1, u1_2, u1_3);
          m00_3_2 = madd(m00_3_2, v03_0, u2_0, u2_1, u2_2, u2_3);
          m00_3_3 = madd(m00_3_3, v03_0, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m00_3_0; }
          m00_4_0 = madd(m00_4_0, v04_0, u0_0, u0_1, u0_2, u0_3);
          m00_4_1 = madd(m00_4_1, v04_0, u1_0, u1_1, u1_2, u1_3);
          m00_4_2 = madd(m00_4_2, v04_0, u2_0, u2_1, u2_2, u2_3);
          m00_4_3 = madd(m00_4_3, v04_0, u3_0, u3_1, u3_2, u3_3);
          m00_5_0 = madd(m00_5_0, v05_0, u0_0, u0_1, u0_2, u0_3);
          m00_5_1 = madd(m00_5_1, v05_0, u1_0, u1_1, u1_2, u1_3);
          m00_5_2 = madd(m00_5_2, v05_0, u2_0, u2_1, u2_2, u2_3);
          m00_5_3 = madd(m00_5_3, v05_0, u3_0, u3_1, u3_2, u3_3);
          m00_6_0 = madd(m00_6_0, v06_0, u0_0, u0_1, u0_2, u0_3);
          m00_6_1 = madd(m00_6_1, v06_0, u1_0, u1_1, u1_2, u1_3);
          m00_6_2 = madd(m00_6_2, v06_0, u2_0, u2_1, u2_2, u2_3);
          m00_6_3 = madd(m00_6_3, v06_0, u3_0, u3_1, u3_2, u3_3);
          m00_7_0 = madd(m00_7_0, v07_0, u0_0, u0_1, u0_2, u0_3);
          m00_7_1 = madd(m00_7_1, v07_0, u1_0, u1_1, u1_2, u1_3);
          m00_7_2 = madd(m00_7_2, v07_0, u2_0, u2_1, u2_2, u2_3);
          m00_7_3 = madd(m00_7_3, v07_0, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = uw[16]; let u0_1 = uw[20]; let u0_2 = uw[24]; let u0_3 = uw[28];
          let u1_0 = uw[17]; let u1_1 = uw[21]; let u1_2 = uw[25]; let u1_3 = uw[29];
          let u2_0 = uw[18]; let u2_1 = uw[22]; let u2_2 = uw[26]; let u2_3 = uw[30];
          let u3_0 = uw[19]; let u3_1 = uw[23]; let u3_2 = uw[27]; let u3_3 = uw[31];
          m01_0_0 = madd(m01_0_0, v00_1, u0_0, u0_1, u0_2, u0_3);
          m01_0_1 = madd(m01_0_1, v00_1, u1_0, u1_1, u1_2, u1_3);
          m01_0_2 = madd(m01_0_2, v00_1, u2_0, u2_1, u2_2, u2_3);
          m01_0_3 = madd(m01_0_3, v00_1, u3_0, u3_1, u3_2, u3_3);
          m01_1_0 = madd(m01_1_0, v01_1, u0_0, u0_1, u0_2, u0_3);
          m01_1_1 = madd(m01_1_1, v01_1, u1_0, u1_1, u1_2, u1_3);
          m01_1_2 = madd(m01_1_2, v01_1, u2_0, u2_1, u2_2, u2_3);
          m01_1_3 = madd(m01_1_3, v01_1, u3_0, u3_1, u3_2, u3_3);
          m01_2_0 = madd(m01_2_0, v02_1, u0_0, u0_1, u0_2, u0_3);
          m01_2_1 = madd(m01_2_1, v02_1, u1_0, u1_1, u1_2, u1_3);
          m01_2_2 = madd(m01_2_2, v02_1, u2_0, u2_1, u2_2, u2_3);
          m01_2_3 = madd(m01_2_3, v02_1, u3_0, u3_1, u3_2, u3_3);
          m01_3_0 = madd(m01_3_0, v03_1, u0_0, u0_1, u0_2, u0_3);
          m01_3_1 = madd(m01_3_1, v03_1, u1_0, u1_1, u1_2, u1_3);
          m01_3_2 = madd(m01_3_2, v03_1, u2_0, u2_1, u2_2, u2_3);
          m01_3_3 = madd(m01_3_3, v03_1, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m01_3_0; }
          m01_4_0 = madd(m01_4_0, v04_1, u0_0, u0_1, u0_2, u0_3);
          m01_4_1 = madd(m01_4_1, v04_1, u1_0, u1_1, u1_2, u1_3);
          m01_4_2 = madd(m01_4_2, v04_1, u2_0, u2_1, u2_2, u2_3);
          m01_4_3 = madd(m01_4_3, v04_1, u3_0, u3_1, u3_2, u3_3);
          m01_5_0 = madd(m01_5_0, v05_1, u0_0, u0_1, u0_2, u0_3);
          m01_5_1 = madd(m01_5_1, v05_1, u1_0, u1_1, u1_2, u1_3);
          m01_5_2 = madd(m01_5_2, v05_1, u2_0, u2_1, u2_2, u2_3);
          m01_5_3 = madd(m01_5_3, v05_1, u3_0, u3_1, u3_2, u3_3);
          m01_6_0 = madd(m01_6_0, v06_1, u0_0, u0_1, u0_2, u0_3);
          m01_6_1 = madd(m01_6_1, v06_1, u1_0, u1_1, u1_2, u1_3);
          m01_6_2 = madd(m01_6_2, v06_1, u2_0, u2_1, u2_2, u2_3);
          m01_6_3 = madd(m01_6_3, v06_1, u3_0, u3_1, u3_2, u3_3);
          m01_7_0 = madd(m01_7_0, v07_1, u0_0, u0_1, u0_2, u0_3);
          m01_7_1 = madd(m01_7_1, v07_1, u1_0, u1_1, u1_2, u1_3);
          m01_7_2 = madd(m01_7_2, v07_1, u2_0, u2_1, u2_2, u2_3);
          m01_7_3 = madd(m01_7_3, v07_1, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = uw[32]; let u0_1 = uw[36]; let u0_2 = uw[40]; let u0_3 = uw[44];
          let u1_0 = uw[33]; let u1_1 = uw[37]; let u1_2 = uw[41]; let u1_3 = uw[45];
          let u2_0 = uw[34]; let u2_1 = uw[38]; let u2_2 = uw[42]; let u2_3 = uw[46];
          let u3_0 = uw[35]; let u3_1 = uw[39]; let u3_2 = uw[43]; let u3_3 = uw[47];
          m02_0_0 = madd(m02_0_0, v00_2, u0_0, u0_1, u0_2, u0_3);
          m02_0_1 = madd(m02_0_1, v00_2, u1_0, u1_1, u1_2, u1_3);
          m02_0_2 = madd(m02_0_2, v00_2, u2_0, u2_1, u2_2, u2_3);
          m02_0_3 = madd(m02_0_3, v00_2, u3_0, u3_1, u3_2, u3_3);
          m02_1_0 = madd(m02_1_0, v01_2, u0_0, u0_1, u0_2, u0_3);
          m02_1_1 = madd(m02_1_1, v01_2, u1_0, u1_1, u1_2, u1_3);
          m02_1_2 = madd(m02_1_2, v01_2, u2_0, u2_1, u2_2, u2_3);
          m02_1_3 = madd(m02_1_3, v01_2, u3_0, u3_1, u3_2, u3_3);
          m02_2_0 = madd(m02_2_0, v02_2, u0_0, u0_1, u0_2, u0_3);
          m02_2_1 = madd(m02_2_1, v02_2, u1_0, u1_1, u1_2, u1_3);
          m02_2_2 = madd(m02_2_2, v02_2, u2_0, u2_1, u2_2, u2_3);
          m02_2_3 = madd(m02_2_3, v02_2, u3_0, u3_1, u3_2, u3_3);
          m02_3_0 = madd(m02_3_0, v03_2, u0_0, u0_1, u0_2, u0_3);
          m02_3_1 = madd(m02_3_1, v03_2, u1_0, u1_1, u1_2, u1_3);
          m02_3_2 = madd(m02_3_2, v03_2, u2_0, u2_1, u2_2, u2_3);
          m02_3_3 = madd(m02_3_3, v03_2, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m02_3_0; }
          m02_4_0 = madd(m02_4_0, v04_2, u0_0, u0_1, u0_2, u0_3);
          m02_4_1 = madd(m02_4_1, v04_2, u1_0, u1_1, u1_2, u1_3);
          m02_4_2 = madd(m02_4_2, v04_2, u2_0, u2_1, u2_2, u2_3);
          m02_4_3 = madd(m02_4_3, v04_2, u3_0, u3_1, u3_2, u3_3);
          m02_5_0 = madd(m02_5_0, v05_2, u0_0, u0_1, u0_2, u0_3);
          m02_5_1 = madd(m02_5_1, v05_2, u1_0, u1_1, u1_2, u1_3);
          m02_5_2 = madd(m02_5_2, v05_2, u2_0, u2_1, u2_2, u2_3);
          m02_5_3 = madd(m02_5_3, v05_2, u3_0, u3_1, u3_2, u3_3);
          m02_6_0 = madd(m02_6_0, v06_2, u0_0, u0_1, u0_2, u0_3);
          m02_6_1 = madd(m02_6_1, v06_2, u1_0, u1_1, u1_2, u1_3);
          m02_6_2 = madd(m02_6_2, v06_2, u2_0, u2_1, u2_2, u2_3);
          m02_6_3 = madd(m02_6_3, v06_2, u3_0, u3_1, u3_2, u3_3);
          m02_7_0 = madd(m02_7_0, v07_2, u0_0, u0_1, u0_2, u0_3);
          m02_7_1 = madd(m02_7_1, v07_2, u1_0, u1_1, u1_2, u1_3);
          m02_7_2 = madd(m02_7_2, v07_2, u2_0, u2_1, u2_2, u2_3);
          m02_7_3 = madd(m02_7_3, v07_2, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = uw[48]; let u0_1 = uw[52]; let u0_2 = uw[56]; let u0_3 = uw[60];
          let u1_0 = uw[49]; let u1_1 = uw[53]; let u1_2 = uw[57]; let u1_3 = uw[61];
          let u2_0 = uw[50]; let u2_1 = uw[54]; let u2_2 = uw[58]; let u2_3 = uw[62];
          let u3_0 = uw[51]; let u3_1 = uw[55]; let u3_2 = uw[59]; let u3_3 = uw[63];
          m03_0_0 = madd(m03_0_0, v00_3, u0_0, u0_1, u0_2, u0_3);
          m03_0_1 = madd(m03_0_1, v00_3, u1_0, u1_1, u1_2, u1_3);
          m03_0_2 = madd(m03_0_2, v00_3, u2_0, u2_1, u2_2, u2_3);
          m03_0_3 = madd(m03_0_3, v00_3, u3_0, u3_1, u3_2, u3_3);
          m03_1_0 = madd(m03_1_0, v01_3, u0_0, u0_1, u0_2, u0_3);
          m03_1_1 = madd(m03_1_1, v01_3, u1_0, u1_1, u1_2, u1_3);
          m03_1_2 = madd(m03_1_2, v01_3, u2_0, u2_1, u2_2, u2_3);
          m03_1_3 = madd(m03_1_3, v01_3, u3_0, u3_1, u3_2, u3_3);
          m03_2_0 = madd(m03_2_0, v02_3, u0_0, u0_1, u0_2, u0_3);
          m03_2_1 = madd(m03_2_1, v02_3, u1_0, u1_1, u1_2, u1_3);
          m03_2_2 = madd(m03_2_2, v02_3, u2_0, u2_1, u2_2, u2_3);
          m03_2_3 = madd(m03_2_3, v02_3, u3_0, u3_1, u3_2, u3_3);
          m03_3_0 = madd(m03_3_0, v03_3, u0_0, u0_1, u0_2, u0_3);
          m03_3_1 = madd(m03_3_1, v03_3, u1_0, u1_1, u1_2, u1_3);
          m03_3_2 = madd(m03_3_2, v03_3, u2_0, u2_1, u2_2, u2_3);
          m03_3_3 = madd(m03_3_3, v03_3, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m03_3_0; }
          m03_4_0 = madd(m03_4_0, v04_3, u0_0, u0_1, u0_2, u0_3);
          m03_4_1 = madd(m03_4_1, v04_3, u1_0, u1_1, u1_2, u1_3);
          m03_4_2 = madd(m03_4_2, v04_3, u2_0, u2_1, u2_2, u2_3);
          m03_4_3 = madd(m03_4_3, v04_3, u3_0, u3_1, u3_2, u3_3);
          m03_5_0 = madd(m03_5_0, v05_3, u0_0, u0_1, u0_2, u0_3);
          m03_5_1 = madd(m03_5_1, v05_3, u1_0, u1_1, u1_2, u1_3);
          m03_5_2 = madd(m03_5_2, v05_3, u2_0, u2_1, u2_2, u2_3);
          m03_5_3 = madd(m03_5_3, v05_3, u3_0, u3_1, u3_2, u3_3);
          m03_6_0 = madd(m03_6_0, v06_3, u0_0, u0_1, u0_2, u0_3);
          m03_6_1 = madd(m03_6_1, v06_3, u1_0, u1_1, u1_2, u1_3);
          m03_6_2 = madd(m03_6_2, v06_3, u2_0, u2_1, u2_2, u2_3);
          m03_6_3 = madd(m03_6_3, v06_3, u3_0, u3_1, u3_2, u3_3);
          m03_7_0 = madd(m03_7_0, v07_3, u0_0, u0_1, u0_2, u0_3);
          m03_7_1 = madd(m03_7_1, v07_3, u1_0, u1_1, u1_2, u1_3);
          m03_7_2 = madd(m03_7_2, v07_3, u2_0, u2_1, u2_2, u2_3);
          m03_7_3 = madd(m03_7_3, v07_3, u3_0, u3_1, u3_2, u3_3);
        }
      }
      if (CG > 1u) {
        let q0 = ldRow(0, 1u); let d0_0 = q0[0]; let d0_1 = q0[1]; let d0_2 = q0[2]; let d0_3 = q0[3]; let d0_4 = q0[4]; let d0_5 = q0[5]; let d0_6 = q0[6]; let d0_7 = q0[7]; let d0_8 = q0[8]; let d0_9 = q0[9];
        let q1 = ldRow(1, 1u); let d1_0 = q1[0]; let d1_1 = q1[1]; let d1_2 = q1[2]; let d1_3 = q1[3]; let d1_4 = q1[4]; let d1_5 = q1[5]; let d1_6 = q1[6]; let d1_7 = q1[7]; let d1_8 = q1[8]; let d1_9 = q1[9];
        let q2 = ldRow(2, 1u); let d2_0 = q2[0]; let d2_1 = q2[1]; let d2_2 = q2[2]; let d2_3 = q2[3]; let d2_4 = q2[4]; let d2_5 = q2[5]; let d2_6 = q2[6]; let d2_7 = q2[7]; let d2_8 = q2[8]; let d2_9 = q2[9];
        let q3 = ldRow(3, 1u); let d3_0 = q3[0]; let d3_1 = q3[1]; let d3_2 = q3[2]; let d3_3 = q3[3]; let d3_4 = q3[4]; let d3_5 = q3[5]; let d3_6 = q3[6]; let d3_7 = q3[7]; let d3_8 = q3[8]; let d3_9 = q3[9];
        let q4 = ldRow(4, 1u); let d4_0 = q4[0]; let d4_1 = q4[1]; let d4_2 = q4[2]; let d4_3 = q4[3]; let d4_4 = q4[4]; let d4_5 = q4[5]; let d4_6 = q4[6]; let d4_7 = q4[7]; let d4_8 = q4[8]; let d4_9 = q4[9];
        let q5 = ldRow(5, 1u); let d5_0 = q5[0]; let d5_1 = q5[1]; let d5_2 = q5[2]; let d5_3 = q5[3]; let d5_4 = q5[4]; let d5_5 = q5[5]; let d5_6 = q5[6]; let d5_7 = q5[7]; let d5_8 = q5[8]; let d5_9 = q5[9];
        let r00_0 = d0_0 - d2_0; let r00_1 = d0_1 - d2_1; let r00_2 = d0_2 - d2_2; let r00_3 = d0_3 - d2_3;
        let v00_0 = r00_0 - r00_2; let v00_1 = r00_1 + r00_2; let v00_2 = -r00_1 + r00_2; let v00_3 = r00_1 - r00_3;
        let r01_0 = d0_2 - d2_2; let r01_1 = d0_3 - d2_3; let r01_2 = d0_4 - d2_4; let r01_3 = d0_5 - d2_5;
        let v01_0 = r01_0 - r01_2; let v01_1 = r01_1 + r01_2; let v01_2 = -r01_1 + r01_2; let v01_3 = r01_1 - r01_3;
        let r02_0 = d0_4 - d2_4; let r02_1 = d0_5 - d2_5; let r02_2 = d0_6 - d2_6; let r02_3 = d0_7 - d2_7;
        let v02_0 = r02_0 - r02_2; let v02_1 = r02_1 + r02_2; let v02_2 = -r02_1 + r02_2; let v02_3 = r02_1 - r02_3;
        let r03_0 = d0_6 - d2_6; let r03_1 = d0_7 - d2_7; let r03_2 = d0_8 - d2_8; let r03_3 = d0_9 - d2_9;
        let v03_0 = r03_0 - r03_2; let v03_1 = r03_1 + r03_2; let v03_2 = -r03_1 + r03_2; let v03_3 = r03_1 - r03_3;
        let r04_0 = d2_0 - d4_0; let r04_1 = d2_1 - d4_1; let r04_2 = d2_2 - d4_2; let r04_3 = d2_3 - d4_3;
        let v04_0 = r04_0 - r04_2; let v04_1 = r04_1 + r04_2; let v04_2 = -r04_1 + r04_2; let v04_3 = r04_1 - r04_3;
        let r05_0 = d2_2 - d4_2; let r05_1 = d2_3 - d4_3; let r05_2 = d2_4 - d4_4; let r05_3 = d2_5 - d4_5;
        let v05_0 = r05_0 - r05_2; let v05_1 = r05_1 + r05_2; let v05_2 = -r05_1 + r05_2; let v05_3 = r05_1 - r05_3;
        let r06_0 = d2_4 - d4_4; let r06_1 = d2_5 - d4_5; let r06_2 = d2_6 - d4_6; let r06_3 = d2_7 - d4_7;
        let v06_0 = r06_0 - r06_2; let v06_1 = r06_1 + r06_2; let v06_2 = -r06_1 + r06_2; let v06_3 = r06_1 - r06_3;
        let r07_0 = d2_6 - d4_6; let r07_1 = d2_7 - d4_7; let r07_2 = d2_8 - d4_8; let r07_3 = d2_9 - d4_9;
        let v07_0 = r07_0 - r07_2; let v07_1 = r07_1 + r07_2; let v07_2 = -r07_1 + r07_2; let v07_3 = r07_1 - r07_3;
        {
          let u0_0 = uw[256]; let u0_1 = uw[260]; let u0_2 = uw[264]; let u0_3 = uw[268];
          let u1_0 = uw[257]; let u1_1 = uw[261]; let u1_2 = uw[265]; let u1_3 = uw[269];
          let u2_0 = uw[258]; let u2_1 = uw[262]; let u2_2 = uw[266]; let u2_3 = uw[270];
          let u3_0 = uw[259]; let u3_1 = uw[263]; let u3_2 = uw[267]; let u3_3 = uw[271];
          m00_0_0 = madd(m00_0_0, v00_0, u0_0, u0_1, u0_2, u0_3);
          m00_0_1 = madd(m00_0_1, v00_0, u1_0, u1_1, u1_2, u1_3);
          m00_0_2 = madd(m00_0_2, v00_0, u2_0, u2_1, u2_2, u2_3);
          m00_0_3 = madd(m00_0_3, v00_0, u3_0, u3_1, u3_2, u3_3);
          m00_1_0 = madd(m00_1_0, v01_0, u0_0, u0_1, u0_2, u0_3);
          m00_1_1 = madd(m00_1_1, v01_0, u1_0, u1_1, u1_2, u1_3);
          m00_1_2 = madd(m00_1_2, v01_0, u2_0, u2_1, u2_2, u2_3);
          m00_1_3 = madd(m00_1_3, v01_0, u3_0, u3_1, u3_2, u3_3);
          m00_2_0 = madd(m00_2_0, v02_0, u0_0, u0_1, u0_2, u0_3);
          m00_2_1 = madd(m00_2_1, v02_0, u1_0, u1_1, u1_2, u1_3);
          m00_2_2 = madd(m00_2_2, v02_0, u2_0, u2_1, u2_2, u2_3);
          m00_2_3 = madd(m00_2_3, v02_0, u3_0, u3_1, u3_2, u3_3);
          m00_3_0 = madd(m00_3_0, v03_0, u0_0, u0_1, u0_2, u0_3);
          m00_3_1 = madd(m00_3_1, v03_0, u1_0, u1_1, u1_2, u1_3);
          m00_3_2 = madd(m00_3_2, v03_0, u2_0, u2_1, u2_2, u2_3);
          m00_3_3 = madd(m00_3_3, v03_0, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m00_3_0; }
          m00_4_0 = madd(m00_4_0, v04_0, u0_0, u0_1, u0_2, u0_3);
          m00_4_1 = madd(m00_4_1, v04_0, u1_0, u1_1, u1_2, u1_3);
          m00_4_2 = madd(m00_4_2, v04_0, u2_0, u2_1, u2_2, u2_3);
          m00_4_3 = madd(m00_4_3, v04_0, u3_0, u3_1, u3_2, u3_3);
          m00_5_0 = madd(m00_5_0, v05_0, u0_0, u0_1, u0_2, u0_3);
          m00_5_1 = madd(m00_5_1, v05_0, u1_0, u1_1, u1_2, u1_3);
          m00_5_2 = madd(m00_5_2, v05_0, u2_0, u2_1, u2_2, u2_3);
          m00_5_3 = madd(m00_5_3, v05_0, u3_0, u3_1, u3_2, u3_3);
          m00_6_0 = madd(m00_6_0, v06_0, u0_0, u0_1, u0_2, u0_3);
          m00_6_1 = madd(m00_6_1, v06_0, u1_0, u1_1, u1_2, u1_3);
          m00_6_2 = madd(m00_6_2, v06_0, u2_0, u2_1, u2_2, u2_3);
          m00_6_3 = madd(m00_6_3, v06_0, u3_0, u3_1, u3_2, u3_3);
          m00_7_0 = madd(m00_7_0, v07_0, u0_0, u0_1, u0_2, u0_3);
          m00_7_1 = madd(m00_7_1, v07_0, u1_0, u1_1, u1_2, u1_3);
          m00_7_2 = madd(m00_7_2, v07_0, u2_0, u2_1, u2_2, u2_3);
          m00_7_3 = madd(m00_7_3, v07_0, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = uw[272]; let u0_1 = uw[276]; let u0_2 = uw[280]; let u0_3 = uw[284];
          let u1_0 = uw[273]; let u1_1 = uw[277]; let u1_2 = uw[281]; let u1_3 = uw[285];
          let u2_0 = uw[274]; let u2_1 = uw[278]; let u2_2 = uw[282]; let u2_3 = uw[286];
          let u3_0 = uw[275]; let u3_1 = uw[279]; let u3_2 = uw[283]; let u3_3 = uw[287];
          m01_0_0 = madd(m01_0_0, v00_1, u0_0, u0_1, u0_2, u0_3);
          m01_0_1 = madd(m01_0_1, v00_1, u1_0, u1_1, u1_2, u1_3);
          m01_0_2 = madd(m01_0_2, v00_1, u2_0, u2_1, u2_2, u2_3);
          m01_0_3 = madd(m01_0_3, v00_1, u3_0, u3_1, u3_2, u3_3);
          m01_1_0 = madd(m01_1_0, v01_1, u0_0, u0_1, u0_2, u0_3);
          m01_1_1 = madd(m01_1_1, v01_1, u1_0, u1_1, u1_2, u1_3);
          m01_1_2 = madd(m01_1_2, v01_1, u2_0, u2_1, u2_2, u2_3);
          m01_1_3 = madd(m01_1_3, v01_1, u3_0, u3_1, u3_2, u3_3);
          m01_2_0 = madd(m01_2_0, v02_1, u0_0, u0_1, u0_2, u0_3);
          m01_2_1 = madd(m01_2_1, v02_1, u1_0, u1_1, u1_2, u1_3);
          m01_2_2 = madd(m01_2_2, v02_1, u2_0, u2_1, u2_2, u2_3);
          m01_2_3 = madd(m01_2_3, v02_1, u3_0, u3_1, u3_2, u3_3);
          m01_3_0 = madd(m01_3_0, v03_1, u0_0, u0_1, u0_2, u0_3);
          m01_3_1 = madd(m01_3_1, v03_1, u1_0, u1_1, u1_2, u1_3);
          m01_3_2 = madd(m01_3_2, v03_1, u2_0, u2_1, u2_2, u2_3);
          m01_3_3 = madd(m01_3_3, v03_1, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m01_3_0; }
          m01_4_0 = madd(m01_4_0, v04_1, u0_0, u0_1, u0_2, u0_3);
          m01_4_1 = madd(m01_4_1, v04_1, u1_0, u1_1, u1_2, u1_3);
          m01_4_2 = madd(m01_4_2, v04_1, u2_0, u2_1, u2_2, u2_3);
          m01_4_3 = madd(m01_4_3, v04_1, u3_0, u3_1, u3_2, u3_3);
          m01_5_0 = madd(m01_5_0, v05_1, u0_0, u0_1, u0_2, u0_3);
          m01_5_1 = madd(m01_5_1, v05_1, u1_0, u1_1, u1_2, u1_3);
          m01_5_2 = madd(m01_5_2, v05_1, u2_0, u2_1, u2_2, u2_3);
          m01_5_3 = madd(m01_5_3, v05_1, u3_0, u3_1, u3_2, u3_3);
          m01_6_0 = madd(m01_6_0, v06_1, u0_0, u0_1, u0_2, u0_3);
          m01_6_1 = madd(m01_6_1, v06_1, u1_0, u1_1, u1_2, u1_3);
          m01_6_2 = madd(m01_6_2, v06_1, u2_0, u2_1, u2_2, u2_3);
          m01_6_3 = madd(m01_6_3, v06_1, u3_0, u3_1, u3_2, u3_3);
          m01_7_0 = madd(m01_7_0, v07_1, u0_0, u0_1, u0_2, u0_3);
          m01_7_1 = madd(m01_7_1, v07_1, u1_0, u1_1, u1_2, u1_3);
          m01_7_2 = madd(m01_7_2, v07_1, u2_0, u2_1, u2_2, u2_3);
          m01_7_3 = madd(m01_7_3, v07_1, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = uw[288]; let u0_1 = uw[292]; let u0_2 = uw[296]; let u0_3 = uw[300];
          let u1_0 = uw[289]; let u1_1 = uw[293]; let u1_2 = uw[297]; let u1_3 = uw[301];
          let u2_0 = uw[290]; let u2_1 = uw[294]; let u2_2 = uw[298]; let u2_3 = uw[302];
          let u3_0 = uw[291]; let u3_1 = uw[295]; let u3_2 = uw[299]; let u3_3 = uw[303];
          m02_0_0 = madd(m02_0_0, v00_2, u0_0, u0_1, u0_2, u0_3);
          m02_0_1 = madd(m02_0_1, v00_2, u1_0, u1_1, u1_2, u1_3);
          m02_0_2 = madd(m02_0_2, v00_2, u2_0, u2_1, u2_2, u2_3);
          m02_0_3 = madd(m02_0_3, v00_2, u3_0, u3_1, u3_2, u3_3);
          m02_1_0 = madd(m02_1_0, v01_2, u0_0, u0_1, u0_2, u0_3);
          m02_1_1 = madd(m02_1_1, v01_2, u1_0, u1_1, u1_2, u1_3);
          m02_1_2 = madd(m02_1_2, v01_2, u2_0, u2_1, u2_2, u2_3);
          m02_1_3 = madd(m02_1_3, v01_2, u3_0, u3_1, u3_2, u3_3);
          m02_2_0 = madd(m02_2_0, v02_2, u0_0, u0_1, u0_2, u0_3);
          m02_2_1 = madd(m02_2_1, v02_2, u1_0, u1_1, u1_2, u1_3);
          m02_2_2 = madd(m02_2_2, v02_2, u2_0, u2_1, u2_2, u2_3);
          m02_2_3 = madd(m02_2_3, v02_2, u3_0, u3_1, u3_2, u3_3);
          m02_3_0 = madd(m02_3_0, v03_2, u0_0, u0_1, u0_2, u0_3);
          m02_3_1 = madd(m02_3_1, v03_2, u1_0, u1_1, u1_2, u1_3);
          m02_3_2 = madd(m02_3_2, v03_2, u2_0, u2_1, u2_2, u2_3);
          m02_3_3 = madd(m02_3_3, v03_2, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m02_3_0; }
          m02_4_0 = madd(m02_4_0, v04_2, u0_0, u0_1, u0_2, u0_3);
          m02_4_1 = madd(m02_4_1, v04_2, u1_0, u1_1, u1_2, u1_3);
          m02_4_2 = madd(m02_4_2, v04_2, u2_0, u2_1, u2_2, u2_3);
          m02_4_3 = madd(m02_4_3, v04_2, u3_0, u3_1, u3_2, u3_3);
          m02_5_0 = madd(m02_5_0, v05_2, u0_0, u0_1, u0_2, u0_3);
          m02_5_1 = madd(m02_5_1, v05_2, u1_0, u1_1, u1_2, u1_3);
          m02_5_2 = madd(m02_5_2, v05_2, u2_0, u2_1, u2_2, u2_3);
          m02_5_3 = madd(m02_5_3, v05_2, u3_0, u3_1, u3_2, u3_3);
          m02_6_0 = madd(m02_6_0, v06_2, u0_0, u0_1, u0_2, u0_3);
          m02_6_1 = madd(m02_6_1, v06_2, u1_0, u1_1, u1_2, u1_3);
          m02_6_2 = madd(m02_6_2, v06_2, u2_0, u2_1, u2_2, u2_3);
          m02_6_3 = madd(m02_6_3, v06_2, u3_0, u3_1, u3_2, u3_3);
          m02_7_0 = madd(m02_7_0, v07_2, u0_0, u0_1, u0_2, u0_3);
          m02_7_1 = madd(m02_7_1, v07_2, u1_0, u1_1, u1_2, u1_3);
          m02_7_2 = madd(m02_7_2, v07_2, u2_0, u2_1, u2_2, u2_3);
          m02_7_3 = madd(m02_7_3, v07_2, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = uw[304]; let u0_1 = uw[308]; let u0_2 = uw[312]; let u0_3 = uw[316];
          let u1_0 = uw[305]; let u1_1 = uw[309]; let u1_2 = uw[313]; let u1_3 = uw[317];
          let u2_0 = uw[306]; let u2_1 = uw[310]; let u2_2 = uw[314]; let u2_3 = uw[318];
          let u3_0 = uw[307]; let u3_1 = uw[311]; let u3_2 = uw[315]; let u3_3 = uw[319];
          m03_0_0 = madd(m03_0_0, v00_3, u0_0, u0_1, u0_2, u0_3);
          m03_0_1 = madd(m03_0_1, v00_3, u1_0, u1_1, u1_2, u1_3);
          m03_0_2 = madd(m03_0_2, v00_3, u2_0, u2_1, u2_2, u2_3);
          m03_0_3 = madd(m03_0_3, v00_3, u3_0, u3_1, u3_2, u3_3);
          m03_1_0 = madd(m03_1_0, v01_3, u0_0, u0_1, u0_2, u0_3);
          m03_1_1 = madd(m03_1_1, v01_3, u1_0, u1_1, u1_2, u1_3);
          m03_1_2 = madd(m03_1_2, v01_3, u2_0, u2_1, u2_2, u2_3);
          m03_1_3 = madd(m03_1_3, v01_3, u3_0, u3_1, u3_2, u3_3);
          m03_2_0 = madd(m03_2_0, v02_3, u0_0, u0_1, u0_2, u0_3);
          m03_2_1 = madd(m03_2_1, v02_3, u1_0, u1_1, u1_2, u1_3);
          m03_2_2 = madd(m03_2_2, v02_3, u2_0, u2_1, u2_2, u2_3);
          m03_2_3 = madd(m03_2_3, v02_3, u3_0, u3_1, u3_2, u3_3);
          m03_3_0 = madd(m03_3_0, v03_3, u0_0, u0_1, u0_2, u0_3);
          m03_3_1 = madd(m03_3_1, v03_3, u1_0, u1_1, u1_2, u1_3);
          m03_3_2 = madd(m03_3_2, v03_3, u2_0, u2_1, u2_2, u2_3);
          m03_3_3 = madd(m03_3_3, v03_3, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m03_3_0; }
          m03_4_0 = madd(m03_4_0, v04_3, u0_0, u0_1, u0_2, u0_3);
          m03_4_1 = madd(m03_4_1, v04_3, u1_0, u1_1, u1_2, u1_3);
          m03_4_2 = madd(m03_4_2, v04_3, u2_0, u2_1, u2_2, u2_3);
          m03_4_3 = madd(m03_4_3, v04_3, u3_0, u3_1, u3_2, u3_3);
          m03_5_0 = madd(m03_5_0, v05_3, u0_0, u0_1, u0_2, u0_3);
          m03_5_1 = madd(m03_5_1, v05_3, u1_0, u1_1, u1_2, u1_3);
          m03_5_2 = madd(m03_5_2, v05_3, u2_0, u2_1, u2_2, u2_3);
          m03_5_3 = madd(m03_5_3, v05_3, u3_0, u3_1, u3_2, u3_3);
          m03_6_0 = madd(m03_6_0, v06_3, u0_0, u0_1, u0_2, u0_3);
          m03_6_1 = madd(m03_6_1, v06_3, u1_0, u1_1, u1_2, u1_3);
          m03_6_2 = madd(m03_6_2, v06_3, u2_0, u2_1, u2_2, u2_3);
          m03_6_3 = madd(m03_6_3, v06_3, u3_0, u3_1, u3_2, u3_3);
          m03_7_0 = madd(m03_7_0, v07_3, u0_0, u0_1, u0_2, u0_3);
          m03_7_1 = madd(m03_7_1, v07_3, u1_0, u1_1, u1_2, u1_3);
          m03_7_2 = madd(m03_7_2, v07_3, u2_0, u2_1, u2_2, u2_3);
          m03_7_3 = madd(m03_7_3, v07_3, u3_0, u3_1, u3_2, u3_3);
        }
      }
      if (CG > 2u) {
        let q0 = ldRow(0, 2u); let d0_0 = q0[0]; let d0_1 = q0[1]; let d0_2 = q0[2]; let d0_3 = q0[3]; let d0_4 = q0[4]; let d0_5 = q0[5]; let d0_6 = q0[6]; let d0_7 = q0[7]; let d0_8 = q0[8]; let d0_9 = q0[9];
        let q1 = ldRow(1, 2u); let d1_0 = q1[0]; let d1_1 = q1[1]; let d1_2 = q1[2]; let d1_3 = q1[3]; let d1_4 = q1[4]; let d1_5 = q1[5]; let d1_6 = q1[6]; let d1_7 = q1[7]; let d1_8 = q1[8]; let d1_9 = q1[9];
        let q2 = ldRow(2, 2u); let d2_0 = q2[0]; let d2_1 = q2[1]; let d2_2 = q2[2]; let d2_3 = q2[3]; let d2_4 = q2[4]; let d2_5 = q2[5]; let d2_6 = q2[6]; let d2_7 = q2[7]; let d2_8 = q2[8]; let d2_9 = q2[9];
        let q3 = ldRow(3, 2u); let d3_0 = q3[0]; let d3_1 = q3[1]; let d3_2 = q3[2]; let d3_3 = q3[3]; let d3_4 = q3[4]; let d3_5 = q3[5]; let d3_6 = q3[6]; let d3_7 = q3[7]; let d3_8 = q3[8]; let d3_9 = q3[9];
        let q4 = ldRow(4, 2u); let d4_0 = q4[0]; let d4_1 = q4[1]; let d4_2 = q4[2]; let d4_3 = q4[3]; let d4_4 = q4[4]; let d4_5 = q4[5]; let d4_6 = q4[6]; let d4_7 = q4[7]; let d4_8 = q4[8]; let d4_9 = q4[9];
        let q5 = ldRow(5, 2u); let d5_0 = q5[0]; let d5_1 = q5[1]; let d5_2 = q5[2]; let d5_3 = q5[3]; let d5_4 = q5[4]; let d5_5 = q5[5]; let d5_6 = q5[6]; let d5_7 = q5[7]; let d5_8 = q5[8]; let d5_9 = q5[9];
        let r00_0 = d0_0 - d2_0; let r00_1 = d0_1 - d2_1; let r00_2 = d0_2 - d2_2; let r00_3 = d0_3 - d2_3;
        let v00_0 = r00_0 - r00_2; let v00_1 = r00_1 + r00_2; let v00_2 = -r00_1 + r00_2; let v00_3 = r00_1 - r00_3;
        let r01_0 = d0_2 - d2_2; let r01_1 = d0_3 - d2_3; let r01_2 = d0_4 - d2_4; let r01_3 = d0_5 - d2_5;
        let v01_0 = r01_0 - r01_2; let v01_1 = r01_1 + r01_2; let v01_2 = -r01_1 + r01_2; let v01_3 = r01_1 - r01_3;
        let r02_0 = d0_4 - d2_4; let r02_1 = d0_5 - d2_5; let r02_2 = d0_6 - d2_6; let r02_3 = d0_7 - d2_7;
        let v02_0 = r02_0 - r02_2; let v02_1 = r02_1 + r02_2; let v02_2 = -r02_1 + r02_2; let v02_3 = r02_1 - r02_3;
        let r03_0 = d0_6 - d2_6; let r03_1 = d0_7 - d2_7; let r03_2 = d0_8 - d2_8; let r03_3 = d0_9 - d2_9;
        let v03_0 = r03_0 - r03_2; let v03_1 = r03_1 + r03_2; let v03_2 = -r03_1 + r03_2; let v03_3 = r03_1 - r03_3;
        let r04_0 = d2_0 - d4_0; let r04_1 = d2_1 - d4_1; let r04_2 = d2_2 - d4_2; let r04_3 = d2_3 - d4_3;
        let v04_0 = r04_0 - r04_2; let v04_1 = r04_1 + r04_2; let v04_2 = -r04_1 + r04_2; let v04_3 = r04_1 - r04_3;
        let r05_0 = d2_2 - d4_2; let r05_1 = d2_3 - d4_3; let r05_2 = d2_4 - d4_4; let r05_3 = d2_5 - d4_5;
        let v05_0 = r05_0 - r05_2; let v05_1 = r05_1 + r05_2; let v05_2 = -r05_1 + r05_2; let v05_3 = r05_1 - r05_3;
        let r06_0 = d2_4 - d4_4; let r06_1 = d2_5 - d4_5; let r06_2 = d2_6 - d4_6; let r06_3 = d2_7 - d4_7;
        let v06_0 = r06_0 - r06_2; let v06_1 = r06_1 + r06_2; let v06_2 = -r06_1 + r06_2; let v06_3 = r06_1 - r06_3;
        let r07_0 = d2_6 - d4_6; let r07_1 = d2_7 - d4_7; let r07_2 = d2_8 - d4_8; let r07_3 = d2_9 - d4_9;
        let v07_0 = r07_0 - r07_2; let v07_1 = r07_1 + r07_2; let v07_2 = -r07_1 + r07_2; let v07_3 = r07_1 - r07_3;
        {
          let u0_0 = uw[512]; let u0_1 = uw[516]; let u0_2 = uw[520]; let u0_3 = uw[524];
          let u1_0 = uw[513]; let u1_1 = uw[517]; let u1_2 = uw[521]; let u1_3 = uw[525];
          let u2_0 = uw[514]; let u2_1 = uw[518]; let u2_2 = uw[522]; let u2_3 = uw[526];
          let u3_0 = uw[515]; let u3_1 = uw[519]; let u3_2 = uw[523]; let u3_3 = uw[527];
          m00_0_0 = madd(m00_0_0, v00_0, u0_0, u0_1, u0_2, u0_3);
          m00_0_1 = madd(m00_0_1, v00_0, u1_0, u1_1, u1_2, u1_3);
          m00_0_2 = madd(m00_0_2, v00_0, u2_0, u2_1, u2_2, u2_3);
          m00_0_3 = madd(m00_0_3, v00_0, u3_0, u3_1, u3_2, u3_3);
          m00_1_0 = madd(m00_1_0, v01_0, u0_0, u0_1, u0_2, u0_3);
          m00_1_1 = madd(m00_1_1, v01_0, u1_0, u1_1, u1_2, u1_3);
          m00_1_2 = madd(m00_1_2, v01_0, u2_0, u2_1, u2_2, u2_3);
          m00_1_3 = madd(m00_1_3, v01_0, u3_0, u3_1, u3_2, u3_3);
          m00_2_0 = madd(m00_2_0, v02_0, u0_0, u0_1, u0_2, u0_3);
          m00_2_1 = madd(m00_2_1, v02_0, u1_0, u1_1, u1_2, u1_3);
          m00_2_2 = madd(m00_2_2, v02_0, u2_0, u2_1, u2_2, u2_3);
          m00_2_3 = madd(m00_2_3, v02_0, u3_0, u3_1, u3_2, u3_3);
          m00_3_0 = madd(m00_3_0, v03_0, u0_0, u0_1, u0_2, u0_3);
          m00_3_1 = madd(m00_3_1, v03_0, u1_0, u1_1, u1_2, u1_3);
          m00_3_2 = madd(m00_3_2, v03_0, u2_0, u2_1, u2_2, u2_3);
          m00_3_3 = madd(m00_3_3, v03_0, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m00_3_0; }
          m00_4_0 = madd(m00_4_0, v04_0, u0_0, u0_1, u0_2, u0_3);
          m00_4_1 = madd(m00_4_1, v04_0, u1_0, u1_1, u1_2, u1_3);
          m00_4_2 = madd(m00_4_2, v04_0, u2_0, u2_1, u2_2, u2_3);
          m00_4_3 = madd(m00_4_3, v04_0, u3_0, u3_1, u3_2, u3_3);
          m00_5_0 = madd(m00_5_0, v05_0, u0_0, u0_1, u0_2, u0_3);
          m00_5_1 = madd(m00_5_1, v05_0, u1_0, u1_1, u1_2, u1_3);
          m00_5_2 = madd(m00_5_2, v05_0, u2_0, u2_1, u2_2, u2_3);
          m00_5_3 = madd(m00_5_3, v05_0, u3_0, u3_1, u3_2, u3_3);
          m00_6_0 = madd(m00_6_0, v06_0, u0_0, u0_1, u0_2, u0_3);
          m00_6_1 = madd(m00_6_1, v06_0, u1_0, u1_1, u1_2, u1_3);
          m00_6_2 = madd(m00_6_2, v06_0, u2_0, u2_1, u2_2, u2_3);
          m00_6_3 = madd(m00_6_3, v06_0, u3_0, u3_1, u3_2, u3_3);
          m00_7_0 = madd(m00_7_0, v07_0, u0_0, u0_1, u0_2, u0_3);
          m00_7_1 = madd(m00_7_1, v07_0, u1_0, u1_1, u1_2, u1_3);
          m00_7_2 = madd(m00_7_2, v07_0, u2_0, u2_1, u2_2, u2_3);
          m00_7_3 = madd(m00_7_3, v07_0, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = uw[528]; let u0_1 = uw[532]; let u0_2 = uw[536]; let u0_3 = uw[540];
          let u1_0 = uw[529]; let u1_1 = uw[533]; let u1_2 = uw[537]; let u1_3 = uw[541];
          let u2_0 = uw[530]; let u2_1 = uw[534]; let u2_2 = uw[538]; let u2_3 = uw[542];
          let u3_0 = uw[531]; let u3_1 = uw[535]; let u3_2 = uw[539]; let u3_3 = uw[543];
          m01_0_0 = madd(m01_0_0, v00_1, u0_0, u0_1, u0_2, u0_3);
          m01_0_1 = madd(m01_0_1, v00_1, u1_0, u1_1, u1_2, u1_3);
          m01_0_2 = madd(m01_0_2, v00_1, u2_0, u2_1, u2_2, u2_3);
          m01_0_3 = madd(m01_0_3, v00_1, u3_0, u3_1, u3_2, u3_3);
          m01_1_0 = madd(m01_1_0, v01_1, u0_0, u0_1, u0_2, u0_3);
          m01_1_1 = madd(m01_1_1, v01_1, u1_0, u1_1, u1_2, u1_3);
          m01_1_2 = madd(m01_1_2, v01_1, u2_0, u2_1, u2_2, u2_3);
          m01_1_3 = madd(m01_1_3, v01_1, u3_0, u3_1, u3_2, u3_3);
          m01_2_0 = madd(m01_2_0, v02_1, u0_0, u0_1, u0_2, u0_3);
          m01_2_1 = madd(m01_2_1, v02_1, u1_0, u1_1, u1_2, u1_3);
          m01_2_2 = madd(m01_2_2, v02_1, u2_0, u2_1, u2_2, u2_3);
          m01_2_3 = madd(m01_2_3, v02_1, u3_0, u3_1, u3_2, u3_3);
          m01_3_0 = madd(m01_3_0, v03_1, u0_0, u0_1, u0_2, u0_3);
          m01_3_1 = madd(m01_3_1, v03_1, u1_0, u1_1, u1_2, u1_3);
          m01_3_2 = madd(m01_3_2, v03_1, u2_0, u2_1, u2_2, u2_3);
          m01_3_3 = madd(m01_3_3, v03_1, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m01_3_0; }
          m01_4_0 = madd(m01_4_0, v04_1, u0_0, u0_1, u0_2, u0_3);
          m01_4_1 = madd(m01_4_1, v04_1, u1_0, u1_1, u1_2, u1_3);
          m01_4_2 = madd(m01_4_2, v04_1, u2_0, u2_1, u2_2, u2_3);
          m01_4_3 = madd(m01_4_3, v04_1, u3_0, u3_1, u3_2, u3_3);
          m01_5_0 = madd(m01_5_0, v05_1, u0_0, u0_1, u0_2, u0_3);
          m01_5_1 = madd(m01_5_1, v05_1, u1_0, u1_1, u1_2, u1_3);
          m01_5_2 = madd(m01_5_2, v05_1, u2_0, u2_1, u2_2, u2_3);
          m01_5_3 = madd(m01_5_3, v05_1, u3_0, u3_1, u3_2, u3_3);
          m01_6_0 = madd(m01_6_0, v06_1, u0_0, u0_1, u0_2, u0_3);
          m01_6_1 = madd(m01_6_1, v06_1, u1_0, u1_1, u1_2, u1_3);
          m01_6_2 = madd(m01_6_2, v06_1, u2_0, u2_1, u2_2, u2_3);
          m01_6_3 = madd(m01_6_3, v06_1, u3_0, u3_1, u3_2, u3_3);
          m01_7_0 = madd(m01_7_0, v07_1, u0_0, u0_1, u0_2, u0_3);
          m01_7_1 = madd(m01_7_1, v07_1, u1_0, u1_1, u1_2, u1_3);
          m01_7_2 = madd(m01_7_2, v07_1, u2_0, u2_1, u2_2, u2_3);
          m01_7_3 = madd(m01_7_3, v07_1, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = uw[544]; let u0_1 = uw[548]; let u0_2 = uw[552]; let u0_3 = uw[556];
          let u1_0 = uw[545]; let u1_1 = uw[549]; let u1_2 = uw[553]; let u1_3 = uw[557];
          let u2_0 = uw[546]; let u2_1 = uw[550]; let u2_2 = uw[554]; let u2_3 = uw[558];
          let u3_0 = uw[547]; let u3_1 = uw[551]; let u3_2 = uw[555]; let u3_3 = uw[559];
          m02_0_0 = madd(m02_0_0, v00_2, u0_0, u0_1, u0_2, u0_3);
          m02_0_1 = madd(m02_0_1, v00_2, u1_0, u1_1, u1_2, u1_3);
          m02_0_2 = madd(m02_0_2, v00_2, u2_0, u2_1, u2_2, u2_3);
          m02_0_3 = madd(m02_0_3, v00_2, u3_0, u3_1, u3_2, u3_3);
          m02_1_0 = madd(m02_1_0, v01_2, u0_0, u0_1, u0_2, u0_3);
          m02_1_1 = madd(m02_1_1, v01_2, u1_0, u1_1, u1_2, u1_3);
          m02_1_2 = madd(m02_1_2, v01_2, u2_0, u2_1, u2_2, u2_3);
          m02_1_3 = madd(m02_1_3, v01_2, u3_0, u3_1, u3_2, u3_3);
          m02_2_0 = madd(m02_2_0, v02_2, u0_0, u0_1, u0_2, u0_3);
          m02_2_1 = madd(m02_2_1, v02_2, u1_0, u1_1, u1_2, u1_3);
          m02_2_2 = madd(m02_2_2, v02_2, u2_0, u2_1, u2_2, u2_3);
          m02_2_3 = madd(m02_2_3, v02_2, u3_0, u3_1, u3_2, u3_3);
          m02_3_0 = madd(m02_3_0, v03_2, u0_0, u0_1, u0_2, u0_3);
          m02_3_1 = madd(m02_3_1, v03_2, u1_0, u1_1, u1_2, u1_3);
          m02_3_2 = madd(m02_3_2, v03_2, u2_0, u2_1, u2_2, u2_3);
          m02_3_3 = madd(m02_3_3, v03_2, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m02_3_0; }
          m02_4_0 = madd(m02_4_0, v04_2, u0_0, u0_1, u0_2, u0_3);
          m02_4_1 = madd(m02_4_1, v04_2, u1_0, u1_1, u1_2, u1_3);
          m02_4_2 = madd(m02_4_2, v04_2, u2_0, u2_1, u2_2, u2_3);
          m02_4_3 = madd(m02_4_3, v04_2, u3_0, u3_1, u3_2, u3_3);
          m02_5_0 = madd(m02_5_0, v05_2, u0_0, u0_1, u0_2, u0_3);
          m02_5_1 = madd(m02_5_1, v05_2, u1_0, u1_1, u1_2, u1_3);
          m02_5_2 = madd(m02_5_2, v05_2, u2_0, u2_1, u2_2, u2_3);
          m02_5_3 = madd(m02_5_3, v05_2, u3_0, u3_1, u3_2, u3_3);
          m02_6_0 = madd(m02_6_0, v06_2, u0_0, u0_1, u0_2, u0_3);
          m02_6_1 = madd(m02_6_1, v06_2, u1_0, u1_1, u1_2, u1_3);
          m02_6_2 = madd(m02_6_2, v06_2, u2_0, u2_1, u2_2, u2_3);
          m02_6_3 = madd(m02_6_3, v06_2, u3_0, u3_1, u3_2, u3_3);
          m02_7_0 = madd(m02_7_0, v07_2, u0_0, u0_1, u0_2, u0_3);
          m02_7_1 = madd(m02_7_1, v07_2, u1_0, u1_1, u1_2, u1_3);
          m02_7_2 = madd(m02_7_2, v07_2, u2_0, u2_1, u2_2, u2_3);
          m02_7_3 = madd(m02_7_3, v07_2, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = uw[560]; let u0_1 = uw[564]; let u0_2 = uw[568]; let u0_3 = uw[572];
          let u1_0 = uw[561]; let u1_1 = uw[565]; let u1_2 = uw[569]; let u1_3 = uw[573];
          let u2_0 = uw[562]; let u2_1 = uw[566]; let u2_2 = uw[570]; let u2_3 = uw[574];
          let u3_0 = uw[563]; let u3_1 = uw[567]; let u3_2 = uw[571]; let u3_3 = uw[575];
          m03_0_0 = madd(m03_0_0, v00_3, u0_0, u0_1, u0_2, u0_3);
          m03_0_1 = madd(m03_0_1, v00_3, u1_0, u1_1, u1_2, u1_3);
          m03_0_2 = madd(m03_0_2, v00_3, u2_0, u2_1, u2_2, u2_3);
          m03_0_3 = madd(m03_0_3, v00_3, u3_0, u3_1, u3_2, u3_3);
          m03_1_0 = madd(m03_1_0, v01_3, u0_0, u0_1, u0_2, u0_3);
          m03_1_1 = madd(m03_1_1, v01_3, u1_0, u1_1, u1_2, u1_3);
          m03_1_2 = madd(m03_1_2, v01_3, u2_0, u2_1, u2_2, u2_3);
          m03_1_3 = madd(m03_1_3, v01_3, u3_0, u3_1, u3_2, u3_3);
          m03_2_0 = madd(m03_2_0, v02_3, u0_0, u0_1, u0_2, u0_3);
          m03_2_1 = madd(m03_2_1, v02_3, u1_0, u1_1, u1_2, u1_3);
          m03_2_2 = madd(m03_2_2, v02_3, u2_0, u2_1, u2_2, u2_3);
          m03_2_3 = madd(m03_2_3, v02_3, u3_0, u3_1, u3_2, u3_3);
          m03_3_0 = madd(m03_3_0, v03_3, u0_0, u0_1, u0_2, u0_3);
          m03_3_1 = madd(m03_3_1, v03_3, u1_0, u1_1, u1_2, u1_3);
          m03_3_2 = madd(m03_3_2, v03_3, u2_0, u2_1, u2_2, u2_3);
          m03_3_3 = madd(m03_3_3, v03_3, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m03_3_0; }
          m03_4_0 = madd(m03_4_0, v04_3, u0_0, u0_1, u0_2, u0_3);
          m03_4_1 = madd(m03_4_1, v04_3, u1_0, u1_1, u1_2, u1_3);
          m03_4_2 = madd(m03_4_2, v04_3, u2_0, u2_1, u2_2, u2_3);
          m03_4_3 = madd(m03_4_3, v04_3, u3_0, u3_1, u3_2, u3_3);
          m03_5_0 = madd(m03_5_0, v05_3, u0_0, u0_1, u0_2, u0_3);
          m03_5_1 = madd(m03_5_1, v05_3, u1_0, u1_1, u1_2, u1_3);
          m03_5_2 = madd(m03_5_2, v05_3, u2_0, u2_1, u2_2, u2_3);
          m03_5_3 = madd(m03_5_3, v05_3, u3_0, u3_1, u3_2, u3_3);
          m03_6_0 = madd(m03_6_0, v06_3, u0_0, u0_1, u0_2, u0_3);
          m03_6_1 = madd(m03_6_1, v06_3, u1_0, u1_1, u1_2, u1_3);
          m03_6_2 = madd(m03_6_2, v06_3, u2_0, u2_1, u2_2, u2_3);
          m03_6_3 = madd(m03_6_3, v06_3, u3_0, u3_1, u3_2, u3_3);
          m03_7_0 = madd(m03_7_0, v07_3, u0_0, u0_1, u0_2, u0_3);
          m03_7_1 = madd(m03_7_1, v07_3, u1_0, u1_1, u1_2, u1_3);
          m03_7_2 = madd(m03_7_2, v07_3, u2_0, u2_1, u2_2, u2_3);
          m03_7_3 = madd(m03_7_3, v07_3, u3_0, u3_1, u3_2, u3_3);
        }
      }
      if (CG > 3u) {
        let q0 = ldRow(0, 3u); let d0_0 = q0[0]; let d0_1 = q0[1]; let d0_2 = q0[2]; let d0_3 = q0[3]; let d0_4 = q0[4]; let d0_5 = q0[5]; let d0_6 = q0[6]; let d0_7 = q0[7]; let d0_8 = q0[8]; let d0_9 = q0[9];
        let q1 = ldRow(1, 3u); let d1_0 = q1[0]; let d1_1 = q1[1]; let d1_2 = q1[2]; let d1_3 = q1[3]; let d1_4 = q1[4]; let d1_5 = q1[5]; let d1_6 = q1[6]; let d1_7 = q1[7]; let d1_8 = q1[8]; let d1_9 = q1[9];
        let q2 = ldRow(2, 3u); let d2_0 = q2[0]; let d2_1 = q2[1]; let d2_2 = q2[2]; let d2_3 = q2[3]; let d2_4 = q2[4]; let d2_5 = q2[5]; let d2_6 = q2[6]; let d2_7 = q2[7]; let d2_8 = q2[8]; let d2_9 = q2[9];
        let q3 = ldRow(3, 3u); let d3_0 = q3[0]; let d3_1 = q3[1]; let d3_2 = q3[2]; let d3_3 = q3[3]; let d3_4 = q3[4]; let d3_5 = q3[5]; let d3_6 = q3[6]; let d3_7 = q3[7]; let d3_8 = q3[8]; let d3_9 = q3[9];
        let q4 = ldRow(4, 3u); let d4_0 = q4[0]; let d4_1 = q4[1]; let d4_2 = q4[2]; let d4_3 = q4[3]; let d4_4 = q4[4]; let d4_5 = q4[5]; let d4_6 = q4[6]; let d4_7 = q4[7]; let d4_8 = q4[8]; let d4_9 = q4[9];
        let q5 = ldRow(5, 3u); let d5_0 = q5[0]; let d5_1 = q5[1]; let d5_2 = q5[2]; let d5_3 = q5[3]; let d5_4 = q5[4]; let d5_5 = q5[5]; let d5_6 = q5[6]; let d5_7 = q5[7]; let d5_8 = q5[8]; let d5_9 = q5[9];
        let r00_0 = d0_0 - d2_0; let r00_1 = d0_1 - d2_1; let r00_2 = d0_2 - d2_2; let r00_3 = d0_3 - d2_3;
        let v00_0 = r00_0 - r00_2; let v00_1 = r00_1 + r00_2; let v00_2 = -r00_1 + r00_2; let v00_3 = r00_1 - r00_3;
        let r01_0 = d0_2 - d2_2; let r01_1 = d0_3 - d2_3; let r01_2 = d0_4 - d2_4; let r01_3 = d0_5 - d2_5;
        let v01_0 = r01_0 - r01_2; let v01_1 = r01_1 + r01_2; let v01_2 = -r01_1 + r01_2; let v01_3 = r01_1 - r01_3;
        let r02_0 = d0_4 - d2_4; let r02_1 = d0_5 - d2_5; let r02_2 = d0_6 - d2_6; let r02_3 = d0_7 - d2_7;
        let v02_0 = r02_0 - r02_2; let v02_1 = r02_1 + r02_2; let v02_2 = -r02_1 + r02_2; let v02_3 = r02_1 - r02_3;
        let r03_0 = d0_6 - d2_6; let r03_1 = d0_7 - d2_7; let r03_2 = d0_8 - d2_8; let r03_3 = d0_9 - d2_9;
        let v03_0 = r03_0 - r03_2; let v03_1 = r03_1 + r03_2; let v03_2 = -r03_1 + r03_2; let v03_3 = r03_1 - r03_3;
        let r04_0 = d2_0 - d4_0; let r04_1 = d2_1 - d4_1; let r04_2 = d2_2 - d4_2; let r04_3 = d2_3 - d4_3;
        let v04_0 = r04_0 - r04_2; let v04_1 = r04_1 + r04_2; let v04_2 = -r04_1 + r04_2; let v04_3 = r04_1 - r04_3;
        let r05_0 = d2_2 - d4_2; let r05_1 = d2_3 - d4_3; let r05_2 = d2_4 - d4_4; let r05_3 = d2_5 - d4_5;
        let v05_0 = r05_0 - r05_2; let v05_1 = r05_1 + r05_2; let v05_2 = -r05_1 + r05_2; let v05_3 = r05_1 - r05_3;
        let r06_0 = d2_4 - d4_4; let r06_1 = d2_5 - d4_5; let r06_2 = d2_6 - d4_6; let r06_3 = d2_7 - d4_7;
        let v06_0 = r06_0 - r06_2; let v06_1 = r06_1 + r06_2; let v06_2 = -r06_1 + r06_2; let v06_3 = r06_1 - r06_3;
        let r07_0 = d2_6 - d4_6; let r07_1 = d2_7 - d4_7; let r07_2 = d2_8 - d4_8; let r07_3 = d2_9 - d4_9;
        let v07_0 = r07_0 - r07_2; let v07_1 = r07_1 + r07_2; let v07_2 = -r07_1 + r07_2; let v07_3 = r07_1 - r07_3;
        {
          let u0_0 = uw[768]; let u0_1 = uw[772]; let u0_2 = uw[776]; let u0_3 = uw[780];
          let u1_0 = uw[769]; let u1_1 = uw[773]; let u1_2 = uw[777]; let u1_3 = uw[781];
          let u2_0 = uw[770]; let u2_1 = uw[774]; let u2_2 = uw[778]; let u2_3 = uw[782];
          let u3_0 = uw[771]; let u3_1 = uw[775]; let u3_2 = uw[779]; let u3_3 = uw[783];
          m00_0_0 = madd(m00_0_0, v00_0, u0_0, u0_1, u0_2, u0_3);
          m00_0_1 = madd(m00_0_1, v00_0, u1_0, u1_1, u1_2, u1_3);
          m00_0_2 = madd(m00_0_2, v00_0, u2_0, u2_1, u2_2, u2_3);
          m00_0_3 = madd(m00_0_3, v00_0, u3_0, u3_1, u3_2, u3_3);
          m00_1_0 = madd(m00_1_0, v01_0, u0_0, u0_1, u0_2, u0_3);
          m00_1_1 = madd(m00_1_1, v01_0, u1_0, u1_1, u1_2, u1_3);
          m00_1_2 = madd(m00_1_2, v01_0, u2_0, u2_1, u2_2, u2_3);
          m00_1_3 = madd(m00_1_3, v01_0, u3_0, u3_1, u3_2, u3_3);
          m00_2_0 = madd(m00_2_0, v02_0, u0_0, u0_1, u0_2, u0_3);
          m00_2_1 = madd(m00_2_1, v02_0, u1_0, u1_1, u1_2, u1_3);
          m00_2_2 = madd(m00_2_2, v02_0, u2_0, u2_1, u2_2, u2_3);
          m00_2_3 = madd(m00_2_3, v02_0, u3_0, u3_1, u3_2, u3_3);
          m00_3_0 = madd(m00_3_0, v03_0, u0_0, u0_1, u0_2, u0_3);
          m00_3_1 = madd(m00_3_1, v03_0, u1_0, u1_1, u1_2, u1_3);
          m00_3_2 = madd(m00_3_2, v03_0, u2_0, u2_1, u2_2, u2_3);
          m00_3_3 = madd(m00_3_3, v03_0, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m00_3_0; }
          m00_4_0 = madd(m00_4_0, v04_0, u0_0, u0_1, u0_2, u0_3);
          m00_4_1 = madd(m00_4_1, v04_0, u1_0, u1_1, u1_2, u1_3);
          m00_4_2 = madd(m00_4_2, v04_0, u2_0, u2_1, u2_2, u2_3);
          m00_4_3 = madd(m00_4_3, v04_0, u3_0, u3_1, u3_2, u3_3);
          m00_5_0 = madd(m00_5_0, v05_0, u0_0, u0_1, u0_2, u0_3);
          m00_5_1 = madd(m00_5_1, v05_0, u1_0, u1_1, u1_2, u1_3);
          m00_5_2 = madd(m00_5_2, v05_0, u2_0, u2_1, u2_2, u2_3);
          m00_5_3 = madd(m00_5_3, v05_0, u3_0, u3_1, u3_2, u3_3);
          m00_6_0 = madd(m00_6_0, v06_0, u0_0, u0_1, u0_2, u0_3);
          m00_6_1 = madd(m00_6_1, v06_0, u1_0, u1_1, u1_2, u1_3);
          m00_6_2 = madd(m00_6_2, v06_0, u2_0, u2_1, u2_2, u2_3);
          m00_6_3 = madd(m00_6_3, v06_0, u3_0, u3_1, u3_2, u3_3);
          m00_7_0 = madd(m00_7_0, v07_0, u0_0, u0_1, u0_2, u0_3);
          m00_7_1 = madd(m00_7_1, v07_0, u1_0, u1_1, u1_2, u1_3);
          m00_7_2 = madd(m00_7_2, v07_0, u2_0, u2_1, u2_2, u2_3);
          m00_7_3 = madd(m00_7_3, v07_0, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = uw[784]; let u0_1 = uw[788]; let u0_2 = uw[792]; let u0_3 = uw[796];
          let u1_0 = uw[785]; let u1_1 = uw[789]; let u1_2 = uw[793]; let u1_3 = uw[797];
          let u2_0 = uw[786]; let u2_1 = uw[790]; let u2_2 = uw[794]; let u2_3 = uw[798];
          let u3_0 = uw[787]; let u3_1 = uw[791]; let u3_2 = uw[795]; let u3_3 = uw[799];
          m01_0_0 = madd(m01_0_0, v00_1, u0_0, u0_1, u0_2, u0_3);
          m01_0_1 = madd(m01_0_1, v00_1, u1_0, u1_1, u1_2, u1_3);
          m01_0_2 = madd(m01_0_2, v00_1, u2_0, u2_1, u2_2, u2_3);
          m01_0_3 = madd(m01_0_3, v00_1, u3_0, u3_1, u3_2, u3_3);
          m01_1_0 = madd(m01_1_0, v01_1, u0_0, u0_1, u0_2, u0_3);
          m01_1_1 = madd(m01_1_1, v01_1, u1_0, u1_1, u1_2, u1_3);
          m01_1_2 = madd(m01_1_2, v01_1, u2_0, u2_1, u2_2, u2_3);
          m01_1_3 = madd(m01_1_3, v01_1, u3_0, u3_1, u3_2, u3_3);
          m01_2_0 = madd(m01_2_0, v02_1, u0_0, u0_1, u0_2, u0_3);
          m01_2_1 = madd(m01_2_1, v02_1, u1_0, u1_1, u1_2, u1_3);
          m01_2_2 = madd(m01_2_2, v02_1, u2_0, u2_1, u2_2, u2_3);
          m01_2_3 = madd(m01_2_3, v02_1, u3_0, u3_1, u3_2, u3_3);
          m01_3_0 = madd(m01_3_0, v03_1, u0_0, u0_1, u0_2, u0_3);
          m01_3_1 = madd(m01_3_1, v03_1, u1_0, u1_1, u1_2, u1_3);
          m01_3_2 = madd(m01_3_2, v03_1, u2_0, u2_1, u2_2, u2_3);
          m01_3_3 = madd(m01_3_3, v03_1, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m01_3_0; }
          m01_4_0 = madd(m01_4_0, v04_1, u0_0, u0_1, u0_2, u0_3);
          m01_4_1 = madd(m01_4_1, v04_1, u1_0, u1_1, u1_2, u1_3);
          m01_4_2 = madd(m01_4_2, v04_1, u2_0, u2_1, u2_2, u2_3);
          m01_4_3 = madd(m01_4_3, v04_1, u3_0, u3_1, u3_2, u3_3);
          m01_5_0 = madd(m01_5_0, v05_1, u0_0, u0_1, u0_2, u0_3);
          m01_5_1 = madd(m01_5_1, v05_1, u1_0, u1_1, u1_2, u1_3);
          m01_5_2 = madd(m01_5_2, v05_1, u2_0, u2_1, u2_2, u2_3);
          m01_5_3 = madd(m01_5_3, v05_1, u3_0, u3_1, u3_2, u3_3);
          m01_6_0 = madd(m01_6_0, v06_1, u0_0, u0_1, u0_2, u0_3);
          m01_6_1 = madd(m01_6_1, v06_1, u1_0, u1_1, u1_2, u1_3);
          m01_6_2 = madd(m01_6_2, v06_1, u2_0, u2_1, u2_2, u2_3);
          m01_6_3 = madd(m01_6_3, v06_1, u3_0, u3_1, u3_2, u3_3);
          m01_7_0 = madd(m01_7_0, v07_1, u0_0, u0_1, u0_2, u0_3);
          m01_7_1 = madd(m01_7_1, v07_1, u1_0, u1_1, u1_2, u1_3);
          m01_7_2 = madd(m01_7_2, v07_1, u2_0, u2_1, u2_2, u2_3);
          m01_7_3 = madd(m01_7_3, v07_1, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = uw[800]; let u0_1 = uw[804]; let u0_2 = uw[808]; let u0_3 = uw[812];
          let u1_0 = uw[801]; let u1_1 = uw[805]; let u1_2 = uw[809]; let u1_3 = uw[813];
          let u2_0 = uw[802]; let u2_1 = uw[806]; let u2_2 = uw[810]; let u2_3 = uw[814];
          let u3_0 = uw[803]; let u3_1 = uw[807]; let u3_2 = uw[811]; let u3_3 = uw[815];
          m02_0_0 = madd(m02_0_0, v00_2, u0_0, u0_1, u0_2, u0_3);
          m02_0_1 = madd(m02_0_1, v00_2, u1_0, u1_1, u1_2, u1_3);
          m02_0_2 = madd(m02_0_2, v00_2, u2_0, u2_1, u2_2, u2_3);
          m02_0_3 = madd(m02_0_3, v00_2, u3_0, u3_1, u3_2, u3_3);
          m02_1_0 = madd(m02_1_0, v01_2, u0_0, u0_1, u0_2, u0_3);
          m02_1_1 = madd(m02_1_1, v01_2, u1_0, u1_1, u1_2, u1_3);
          m02_1_2 = madd(m02_1_2, v01_2, u2_0, u2_1, u2_2, u2_3);
          m02_1_3 = madd(m02_1_3, v01_2, u3_0, u3_1, u3_2, u3_3);
          m02_2_0 = madd(m02_2_0, v02_2, u0_0, u0_1, u0_2, u0_3);
          m02_2_1 = madd(m02_2_1, v02_2, u1_0, u1_1, u1_2, u1_3);
          m02_2_2 = madd(m02_2_2, v02_2, u2_0, u2_1, u2_2, u2_3);
          m02_2_3 = madd(m02_2_3, v02_2, u3_0, u3_1, u3_2, u3_3);
          m02_3_0 = madd(m02_3_0, v03_2, u0_0, u0_1, u0_2, u0_3);
          m02_3_1 = madd(m02_3_1, v03_2, u1_0, u1_1, u1_2, u1_3);
          m02_3_2 = madd(m02_3_2, v03_2, u2_0, u2_1, u2_2, u2_3);
          m02_3_3 = madd(m02_3_3, v03_2, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m02_3_0; }
          m02_4_0 = madd(m02_4_0, v04_2, u0_0, u0_1, u0_2, u0_3);
          m02_4_1 = madd(m02_4_1, v04_2, u1_0, u1_1, u1_2, u1_3);
          m02_4_2 = madd(m02_4_2, v04_2, u2_0, u2_1, u2_2, u2_3);
          m02_4_3 = madd(m02_4_3, v04_2, u3_0, u3_1, u3_2, u3_3);
          m02_5_0 = madd(m02_5_0, v05_2, u0_0, u0_1, u0_2, u0_3);
          m02_5_1 = madd(m02_5_1, v05_2, u1_0, u1_1, u1_2, u1_3);
          m02_5_2 = madd(m02_5_2, v05_2, u2_0, u2_1, u2_2, u2_3);
          m02_5_3 = madd(m02_5_3, v05_2, u3_0, u3_1, u3_2, u3_3);
          m02_6_0 = madd(m02_6_0, v06_2, u0_0, u0_1, u0_2, u0_3);
          m02_6_1 = madd(m02_6_1, v06_2, u1_0, u1_1, u1_2, u1_3);
          m02_6_2 = madd(m02_6_2, v06_2, u2_0, u2_1, u2_2, u2_3);
          m02_6_3 = madd(m02_6_3, v06_2, u3_0, u3_1, u3_2, u3_3);
          m02_7_0 = madd(m02_7_0, v07_2, u0_0, u0_1, u0_2, u0_3);
          m02_7_1 = madd(m02_7_1, v07_2, u1_0, u1_1, u1_2, u1_3);
          m02_7_2 = madd(m02_7_2, v07_2, u2_0, u2_1, u2_2, u2_3);
          m02_7_3 = madd(m02_7_3, v07_2, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = uw[816]; let u0_1 = uw[820]; let u0_2 = uw[824]; let u0_3 = uw[828];
          let u1_0 = uw[817]; let u1_1 = uw[821]; let u1_2 = uw[825]; let u1_3 = uw[829];
          let u2_0 = uw[818]; let u2_1 = uw[822]; let u2_2 = uw[826]; let u2_3 = uw[830];
          let u3_0 = uw[819]; let u3_1 = uw[823]; let u3_2 = uw[827]; let u3_3 = uw[831];
          m03_0_0 = madd(m03_0_0, v00_3, u0_0, u0_1, u0_2, u0_3);
          m03_0_1 = madd(m03_0_1, v00_3, u1_0, u1_1, u1_2, u1_3);
          m03_0_2 = madd(m03_0_2, v00_3, u2_0, u2_1, u2_2, u2_3);
          m03_0_3 = madd(m03_0_3, v00_3, u3_0, u3_1, u3_2, u3_3);
          m03_1_0 = madd(m03_1_0, v01_3, u0_0, u0_1, u0_2, u0_3);
          m03_1_1 = madd(m03_1_1, v01_3, u1_0, u1_1, u1_2, u1_3);
          m03_1_2 = madd(m03_1_2, v01_3, u2_0, u2_1, u2_2, u2_3);
          m03_1_3 = madd(m03_1_3, v01_3, u3_0, u3_1, u3_2, u3_3);
          m03_2_0 = madd(m03_2_0, v02_3, u0_0, u0_1, u0_2, u0_3);
          m03_2_1 = madd(m03_2_1, v02_3, u1_0, u1_1, u1_2, u1_3);
          m03_2_2 = madd(m03_2_2, v02_3, u2_0, u2_1, u2_2, u2_3);
          m03_2_3 = madd(m03_2_3, v02_3, u3_0, u3_1, u3_2, u3_3);
          m03_3_0 = madd(m03_3_0, v03_3, u0_0, u0_1, u0_2, u0_3);
          m03_3_1 = madd(m03_3_1, v03_3, u1_0, u1_1, u1_2, u1_3);
          m03_3_2 = madd(m03_3_2, v03_3, u2_0, u2_1, u2_2, u2_3);
          m03_3_3 = madd(m03_3_3, v03_3, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m03_3_0; }
          m03_4_0 = madd(m03_4_0, v04_3, u0_0, u0_1, u0_2, u0_3);
          m03_4_1 = madd(m03_4_1, v04_3, u1_0, u1_1, u1_2, u1_3);
          m03_4_2 = madd(m03_4_2, v04_3, u2_0, u2_1, u2_2, u2_3);
          m03_4_3 = madd(m03_4_3, v04_3, u3_0, u3_1, u3_2, u3_3);
          m03_5_0 = madd(m03_5_0, v05_3, u0_0, u0_1, u0_2, u0_3);
          m03_5_1 = madd(m03_5_1, v05_3, u1_0, u1_1, u1_2, u1_3);
          m03_5_2 = madd(m03_5_2, v05_3, u2_0, u2_1, u2_2, u2_3);
          m03_5_3 = madd(m03_5_3, v05_3, u3_0, u3_1, u3_2, u3_3);
          m03_6_0 = madd(m03_6_0, v06_3, u0_0, u0_1, u0_2, u0_3);
          m03_6_1 = madd(m03_6_1, v06_3, u1_0, u1_1, u1_2, u1_3);
          m03_6_2 = madd(m03_6_2, v06_3, u2_0, u2_1, u2_2, u2_3);
          m03_6_3 = madd(m03_6_3, v06_3, u3_0, u3_1, u3_2, u3_3);
          m03_7_0 = madd(m03_7_0, v07_3, u0_0, u0_1, u0_2, u0_3);
          m03_7_1 = madd(m03_7_1, v07_3, u1_0, u1_1, u1_2, u1_3);
          m03_7_2 = madd(m03_7_2, v07_3, u2_0, u2_1, u2_2, u2_3);
          m03_7_3 = madd(m03_7_3, v07_3, u3_0, u3_1, u3_2, u3_3);
        }
      }
      y0_0_00 += m00_0_0 + m01_0_0 + m02_0_0;
      y0_0_01 += m01_0_0 - m02_0_0 - m03_0_0;
      y0_1_00 += m00_0_1 + m01_0_1 + m02_0_1;
      y0_1_01 += m01_0_1 - m02_0_1 - m03_0_1;
      y0_2_00 += m00_0_2 + m01_0_2 + m02_0_2;
      y0_2_01 += m01_0_2 - m02_0_2 - m03_0_2;
      y0_3_00 += m00_0_3 + m01_0_3 + m02_0_3;
      y0_3_01 += m01_0_3 - m02_0_3 - m03_0_3;
      y1_0_00 += m00_1_0 + m01_1_0 + m02_1_0;
      y1_0_01 += m01_1_0 - m02_1_0 - m03_1_0;
      y1_1_00 += m00_1_1 + m01_1_1 + m02_1_1;
      y1_1_01 += m01_1_1 - m02_1_1 - m03_1_1;
      y1_2_00 += m00_1_2 + m01_1_2 + m02_1_2;
      y1_2_01 += m01_1_2 - m02_1_2 - m03_1_2;
      y1_3_00 += m00_1_3 + m01_1_3 + m02_1_3;
      y1_3_01 += m01_1_3 - m02_1_3 - m03_1_3;
      y2_0_00 += m00_2_0 + m01_2_0 + m02_2_0;
      y2_0_01 += m01_2_0 - m02_2_0 - m03_2_0;
      y2_1_00 += m00_2_1 + m01_2_1 + m02_2_1;
      y2_1_01 += m01_2_1 - m02_2_1 - m03_2_1;
      y2_2_00 += m00_2_2 + m01_2_2 + m02_2_2;
      y2_2_01 += m01_2_2 - m02_2_2 - m03_2_2;
      y2_3_00 += m00_2_3 + m01_2_3 + m02_2_3;
      y2_3_01 += m01_2_3 - m02_2_3 - m03_2_3;
      y3_0_00 += m00_3_0 + m01_3_0 + m02_3_0;
      y3_0_01 += m01_3_0 - m02_3_0 - m03_3_0;
      y3_1_00 += m00_3_1 + m01_3_1 + m02_3_1;
      y3_1_01 += m01_3_1 - m02_3_1 - m03_3_1;
      y3_2_00 += m00_3_2 + m01_3_2 + m02_3_2;
      y3_2_01 += m01_3_2 - m02_3_2 - m03_3_2;
      y3_3_00 += m00_3_3 + m01_3_3 + m02_3_3;
      y3_3_01 += m01_3_3 - m02_3_3 - m03_3_3;
      y4_0_00 += m00_4_0 + m01_4_0 + m02_4_0;
      y4_0_01 += m01_4_0 - m02_4_0 - m03_4_0;
      y4_1_00 += m00_4_1 + m01_4_1 + m02_4_1;
      y4_1_01 += m01_4_1 - m02_4_1 - m03_4_1;
      y4_2_00 += m00_4_2 + m01_4_2 + m02_4_2;
      y4_2_01 += m01_4_2 - m02_4_2 - m03_4_2;
      y4_3_00 += m00_4_3 + m01_4_3 + m02_4_3;
      y4_3_01 += m01_4_3 - m02_4_3 - m03_4_3;
      y5_0_00 += m00_5_0 + m01_5_0 + m02_5_0;
      y5_0_01 += m01_5_0 - m02_5_0 - m03_5_0;
      y5_1_00 += m00_5_1 + m01_5_1 + m02_5_1;
      y5_1_01 += m01_5_1 - m02_5_1 - m03_5_1;
      y5_2_00 += m00_5_2 + m01_5_2 + m02_5_2;
      y5_2_01 += m01_5_2 - m02_5_2 - m03_5_2;
      y5_3_00 += m00_5_3 + m01_5_3 + m02_5_3;
      y5_3_01 += m01_5_3 - m02_5_3 - m03_5_3;
      y6_0_00 += m00_6_0 + m01_6_0 + m02_6_0;
      y6_0_01 += m01_6_0 - m02_6_0 - m03_6_0;
      y6_1_00 += m00_6_1 + m01_6_1 + m02_6_1;
      y6_1_01 += m01_6_1 - m02_6_1 - m03_6_1;
      y6_2_00 += m00_6_2 + m01_6_2 + m02_6_2;
      y6_2_01 += m01_6_2 - m02_6_2 - m03_6_2;
      y6_3_00 += m00_6_3 + m01_6_3 + m02_6_3;
      y6_3_01 += m01_6_3 - m02_6_3 - m03_6_3;
      y7_0_00 += m00_7_0 + m01_7_0 + m02_7_0;
      y7_0_01 += m01_7_0 - m02_7_0 - m03_7_0;
      y7_1_00 += m00_7_1 + m01_7_1 + m02_7_1;
      y7_1_01 += m01_7_1 - m02_7_1 - m03_7_1;
      y7_2_00 += m00_7_2 + m01_7_2 + m02_7_2;
      y7_2_01 += m01_7_2 - m02_7_2 - m03_7_2;
      y7_3_00 += m00_7_3 + m01_7_3 + m02_7_3;
      y7_3_01 += m01_7_3 - m02_7_3 - m03_7_3;
    }
    {
      // rows 1 and 2 of the 4 x 4 product grid
      var m10_0_0 = V0; var m11_0_0 = V0; var m12_0_0 = V0; var m13_0_0 = V0;
      var m10_0_1 = V0; var m11_0_1 = V0; var m12_0_1 = V0; var m13_0_1 = V0;
      var m10_0_2 = V0; var m11_0_2 = V0; var m12_0_2 = V0; var m13_0_2 = V0;
      var m10_0_3 = V0; var m11_0_3 = V0; var m12_0_3 = V0; var m13_0_3 = V0;
      var m10_1_0 = V0; var m11_1_0 = V0; var m12_1_0 = V0; var m13_1_0 = V0;
      var m10_1_1 = V0; var m11_1_1 = V0; var m12_1_1 = V0; var m13_1_1 = V0;
      var m10_1_2 = V0; var m11_1_2 = V0; var m12_1_2 = V0; var m13_1_2 = V0;
      var m10_1_3 = V0; var m11_1_3 = V0; var m12_1_3 = V0; var m13_1_3 = V0;
      var m10_2_0 = V0; var m11_2_0 = V0; var m12_2_0 = V0; var m13_2_0 = V0;
      var m10_2_1 = V0; var m11_2_1 = V0; var m12_2_1 = V0; var m13_2_1 = V0;
      var m10_2_2 = V0; var m11_2_2 = V0; var m12_2_2 = V0; var m13_2_2 = V0;
      var m10_2_3 = V0; var m11_2_3 = V0; var m12_2_3 = V0; var m13_2_3 = V0;
      var m10_3_0 = V0; var m11_3_0 = V0; var m12_3_0 = V0; var m13_3_0 = V0;
      var m10_3_1 = V0; var m11_3_1 = V0; var m12_3_1 = V0; var m13_3_1 = V0;
      var m10_3_2 = V0; var m11_3_2 = V0; var m12_3_2 = V0; var m13_3_2 = V0;
      var m10_3_3 = V0; var m11_3_3 = V0; var m12_3_3 = V0; var m13_3_3 = V0;
      var m10_4_0 = V0; var m11_4_0 = V0; var m12_4_0 = V0; var m13_4_0 = V0;
      var m10_4_1 = V0; var m11_4_1 = V0; var m12_4_1 = V0; var m13_4_1 = V0;
      var m10_4_2 = V0; var m11_4_2 = V0; var m12_4_2 = V0; var m13_4_2 = V0;
      var m10_4_3 = V0; var m11_4_3 = V0; var m12_4_3 = V0; var m13_4_3 = V0;
      var m10_5_0 = V0; var m11_5_0 = V0; var m12_5_0 = V0; var m13_5_0 = V0;
      var m10_5_1 = V0; var m11_5_1 = V0; var m12_5_1 = V0; var m13_5_1 = V0;
      var m10_5_2 = V0; var m11_5_2 = V0; var m12_5_2 = V0; var m13_5_2 = V0;
      var m10_5_3 = V0; var m11_5_3 = V0; var m12_5_3 = V0; var m13_5_3 = V0;
      var m10_6_0 = V0; var m11_6_0 = V0; var m12_6_0 = V0; var m13_6_0 = V0;
      var m10_6_1 = V0; var m11_6_1 = V0; var m12_6_1 = V0; var m13_6_1 = V0;
      var m10_6_2 = V0; var m11_6_2 = V0; var m12_6_2 = V0; var m13_6_2 = V0;
      var m10_6_3 = V0; var m11_6_3 = V0; var m12_6_3 = V0; var m13_6_3 = V0;
      var m10_7_0 = V0; var m11_7_0 = V0; var m12_7_0 = V0; var m13_7_0 = V0;
      var m10_7_1 = V0; var m11_7_1 = V0; var m12_7_1 = V0; var m13_7_1 = V0;
      var m10_7_2 = V0; var m11_7_2 = V0; var m12_7_2 = V0; var m13_7_2 = V0;
      var m10_7_3 = V0; var m11_7_3 = V0; var m12_7_3 = V0; var m13_7_3 = V0;
      var m20_0_0 = V0; var m21_0_0 = V0; var m22_0_0 = V0; var m23_0_0 = V0;
      var m20_0_1 = V0; var m21_0_1 = V0; var m22_0_1 = V0; var m23_0_1 = V0;
      var m20_0_2 = V0; var m21_0_2 = V0; var m22_0_2 = V0; var m23_0_2 = V0;
      var m20_0_3 = V0; var m21_0_3 = V0; var m22_0_3 = V0; var m23_0_3 = V0;
      var m20_1_0 = V0; var m21_1_0 = V0; var m22_1_0 = V0; var m23_1_0 = V0;
      var m20_1_1 = V0; var m21_1_1 = V0; var m22_1_1 = V0; var m23_1_1 = V0;
      var m20_1_2 = V0; var m21_1_2 = V0; var m22_1_2 = V0; var m23_1_2 = V0;
      var m20_1_3 = V0; var m21_1_3 = V0; var m22_1_3 = V0; var m23_1_3 = V0;
      var m20_2_0 = V0; var m21_2_0 = V0; var m22_2_0 = V0; var m23_2_0 = V0;
      var m20_2_1 = V0; var m21_2_1 = V0; var m22_2_1 = V0; var m23_2_1 = V0;
      var m20_2_2 = V0; var m21_2_2 = V0; var m22_2_2 = V0; var m23_2_2 = V0;
      var m20_2_3 = V0; var m21_2_3 = V0; var m22_2_3 = V0; var m23_2_3 = V0;
      var m20_3_0 = V0; var m21_3_0 = V0; var m22_3_0 = V0; var m23_3_0 = V0;
      var m20_3_1 = V0; var m21_3_1 = V0; var m22_3_1 = V0; var m23_3_1 = V0;
      var m20_3_2 = V0; var m21_3_2 = V0; var m22_3_2 = V0; var m23_3_2 = V0;
      var m20_3_3 = V0; var m21_3_3 = V0; var m22_3_3 = V0; var m23_3_3 = V0;
      var m20_4_0 = V0; var m21_4_0 = V0; var m22_4_0 = V0; var m23_4_0 = V0;
      var m20_4_1 = V0; var m21_4_1 = V0; var m22_4_1 = V0; var m23_4_1 = V0;
      var m20_4_2 = V0; var m21_4_2 = V0; var m22_4_2 = V0; var m23_4_2 = V0;
      var m20_4_3 = V0; var m21_4_3 = V0; var m22_4_3 = V0; var m23_4_3 = V0;
      var m20_5_0 = V0; var m21_5_0 = V0; var m22_5_0 = V0; var m23_5_0 = V0;
      var m20_5_1 = V0; var m21_5_1 = V0; var m22_5_1 = V0; var m23_5_1 = V0;
      var m20_5_2 = V0; var m21_5_2 = V0; var m22_5_2 = V0; var m23_5_2 = V0;
      var m20_5_3 = V0; var m21_5_3 = V0; var m22_5_3 = V0; var m23_5_3 = V0;
      var m20_6_0 = V0; var m21_6_0 = V0; var m22_6_0 = V0; var m23_6_0 = V0;
      var m20_6_1 = V0; var m21_6_1 = V0; var m22_6_1 = V0; var m23_6_1 = V0;
      var m20_6_2 = V0; var m21_6_2 = V0; var m22_6_2 = V0; var m23_6_2 = V0;
      var m20_6_3 = V0; var m21_6_3 = V0; var m22_6_3 = V0; var m23_6_3 = V0;
      var m20_7_0 = V0; var m21_7_0 = V0; var m22_7_0 = V0; var m23_7_0 = V0;
      var m20_7_1 = V0; var m21_7_1 = V0; var m22_7_1 = V0; var m23_7_1 = V0;
      var m20_7_2 = V0; var m21_7_2 = V0; var m22_7_2 = V0; var m23_7_2 = V0;
      var m20_7_3 = V0; var m21_7_3 = V0; var m22_7_3 = V0; var m23_7_3 = V0;
      if (CG > 0u) {
        let q0 = ldRow(0, 0u); let d0_0 = q0[0]; let d0_1 = q0[1]; let d0_2 = q0[2]; let d0_3 = q0[3]; let d0_4 = q0[4]; let d0_5 = q0[5]; let d0_6 = q0[6]; let d0_7 = q0[7]; let d0_8 = q0[8]; let d0_9 = q0[9];
        let q1 = ldRow(1, 0u); let d1_0 = q1[0]; let d1_1 = q1[1]; let d1_2 = q1[2]; let d1_3 = q1[3]; let d1_4 = q1[4]; let d1_5 = q1[5]; let d1_6 = q1[6]; let d1_7 = q1[7]; let d1_8 = q1[8]; let d1_9 = q1[9];
        let q2 = ldRow(2, 0u); let d2_0 = q2[0]; let d2_1 = q2[1]; let d2_2 = q2[2]; let d2_3 = q2[3]; let d2_4 = q2[4]; let d2_5 = q2[5]; let d2_6 = q2[6]; let d2_7 = q2[7]; let d2_8 = q2[8]; let d2_9 = q2[9];
        let q3 = ldRow(3, 0u); let d3_0 = q3[0]; let d3_1 = q3[1]; let d3_2 = q3[2]; let d3_3 = q3[3]; let d3_4 = q3[4]; let d3_5 = q3[5]; let d3_6 = q3[6]; let d3_7 = q3[7]; let d3_8 = q3[8]; let d3_9 = q3[9];
        let q4 = ldRow(4, 0u); let d4_0 = q4[0]; let d4_1 = q4[1]; let d4_2 = q4[2]; let d4_3 = q4[3]; let d4_4 = q4[4]; let d4_5 = q4[5]; let d4_6 = q4[6]; let d4_7 = q4[7]; let d4_8 = q4[8]; let d4_9 = q4[9];
        let q5 = ldRow(5, 0u); let d5_0 = q5[0]; let d5_1 = q5[1]; let d5_2 = q5[2]; let d5_3 = q5[3]; let d5_4 = q5[4]; let d5_5 = q5[5]; let d5_6 = q5[6]; let d5_7 = q5[7]; let d5_8 = q5[8]; let d5_9 = q5[9];
        let r10_0 = d1_0 + d2_0; let r10_1 = d1_1 + d2_1; let r10_2 = d1_2 + d2_2; let r10_3 = d1_3 + d2_3;
        let v10_0 = r10_0 - r10_2; let v10_1 = r10_1 + r10_2; let v10_2 = -r10_1 + r10_2; let v10_3 = r10_1 - r10_3;
        let r11_0 = d1_2 + d2_2; let r11_1 = d1_3 + d2_3; let r11_2 = d1_4 + d2_4; let r11_3 = d1_5 + d2_5;
        let v11_0 = r11_0 - r11_2; let v11_1 = r11_1 + r11_2; let v11_2 = -r11_1 + r11_2; let v11_3 = r11_1 - r11_3;
        let r12_0 = d1_4 + d2_4; let r12_1 = d1_5 + d2_5; let r12_2 = d1_6 + d2_6; let r12_3 = d1_7 + d2_7;
        let v12_0 = r12_0 - r12_2; let v12_1 = r12_1 + r12_2; let v12_2 = -r12_1 + r12_2; let v12_3 = r12_1 - r12_3;
        let r13_0 = d1_6 + d2_6; let r13_1 = d1_7 + d2_7; let r13_2 = d1_8 + d2_8; let r13_3 = d1_9 + d2_9;
        let v13_0 = r13_0 - r13_2; let v13_1 = r13_1 + r13_2; let v13_2 = -r13_1 + r13_2; let v13_3 = r13_1 - r13_3;
        let r14_0 = d3_0 + d4_0; let r14_1 = d3_1 + d4_1; let r14_2 = d3_2 + d4_2; let r14_3 = d3_3 + d4_3;
        let v14_0 = r14_0 - r14_2; let v14_1 = r14_1 + r14_2; let v14_2 = -r14_1 + r14_2; let v14_3 = r14_1 - r14_3;
        let r15_0 = d3_2 + d4_2; let r15_1 = d3_3 + d4_3; let r15_2 = d3_4 + d4_4; let r15_3 = d3_5 + d4_5;
        let v15_0 = r15_0 - r15_2; let v15_1 = r15_1 + r15_2; let v15_2 = -r15_1 + r15_2; let v15_3 = r15_1 - r15_3;
        let r16_0 = d3_4 + d4_4; let r16_1 = d3_5 + d4_5; let r16_2 = d3_6 + d4_6; let r16_3 = d3_7 + d4_7;
        let v16_0 = r16_0 - r16_2; let v16_1 = r16_1 + r16_2; let v16_2 = -r16_1 + r16_2; let v16_3 = r16_1 - r16_3;
        let r17_0 = d3_6 + d4_6; let r17_1 = d3_7 + d4_7; let r17_2 = d3_8 + d4_8; let r17_3 = d3_9 + d4_9;
        let v17_0 = r17_0 - r17_2; let v17_1 = r17_1 + r17_2; let v17_2 = -r17_1 + r17_2; let v17_3 = r17_1 - r17_3;
        {
          let u0_0 = uw[64]; let u0_1 = uw[68]; let u0_2 = uw[72]; let u0_3 = uw[76];
          let u1_0 = uw[65]; let u1_1 = uw[69]; let u1_2 = uw[73]; let u1_3 = uw[77];
          let u2_0 = uw[66]; let u2_1 = uw[70]; let u2_2 = uw[74]; let u2_3 = uw[78];
          let u3_0 = uw[67]; let u3_1 = uw[71]; let u3_2 = uw[75]; let u3_3 = uw[79];
          m10_0_0 = madd(m10_0_0, v10_0, u0_0, u0_1, u0_2, u0_3);
          m10_0_1 = madd(m10_0_1, v10_0, u1_0, u1_1, u1_2, u1_3);
          m10_0_2 = madd(m10_0_2, v10_0, u2_0, u2_1, u2_2, u2_3);
          m10_0_3 = madd(m10_0_3, v10_0, u3_0, u3_1, u3_2, u3_3);
          m10_1_0 = madd(m10_1_0, v11_0, u0_0, u0_1, u0_2, u0_3);
          m10_1_1 = madd(m10_1_1, v11_0, u1_0, u1_1, u1_2, u1_3);
          m10_1_2 = madd(m10_1_2, v11_0, u2_0, u2_1, u2_2, u2_3);
          m10_1_3 = madd(m10_1_3, v11_0, u3_0, u3_1, u3_2, u3_3);
          m10_2_0 = madd(m10_2_0, v12_0, u0_0, u0_1, u0_2, u0_3);
          m10_2_1 = madd(m10_2_1, v12_0, u1_0, u1_1, u1_2, u1_3);
          m10_2_2 = madd(m10_2_2, v12_0, u2_0, u2_1, u2_2, u2_3);
          m10_2_3 = madd(m10_2_3, v12_0, u3_0, u3_1, u3_2, u3_3);
          m10_3_0 = madd(m10_3_0, v13_0, u0_0, u0_1, u0_2, u0_3);
          m10_3_1 = madd(m10_3_1, v13_0, u1_0, u1_1, u1_2, u1_3);
          m10_3_2 = madd(m10_3_2, v13_0, u2_0, u2_1, u2_2, u2_3);
          m10_3_3 = madd(m10_3_3, v13_0, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m10_3_0; }
          m10_4_0 = madd(m10_4_0, v14_0, u0_0, u0_1, u0_2, u0_3);
          m10_4_1 = madd(m10_4_1, v14_0, u1_0, u1_1, u1_2, u1_3);
          m10_4_2 = madd(m10_4_2, v14_0, u2_0, u2_1, u2_2, u2_3);
          m10_4_3 = madd(m10_4_3, v14_0, u3_0, u3_1, u3_2, u3_3);
          m10_5_0 = madd(m10_5_0, v15_0, u0_0, u0_1, u0_2, u0_3);
          m10_5_1 = madd(m10_5_1, v15_0, u1_0, u1_1, u1_2, u1_3);
          m10_5_2 = madd(m10_5_2, v15_0, u2_0, u2_1, u2_2, u2_3);
          m10_5_3 = madd(m10_5_3, v15_0, u3_0, u3_1, u3_2, u3_3);
          m10_6_0 = madd(m10_6_0, v16_0, u0_0, u0_1, u0_2, u0_3);
          m10_6_1 = madd(m10_6_1, v16_0, u1_0, u1_1, u1_2, u1_3);
          m10_6_2 = madd(m10_6_2, v16_0, u2_0, u2_1, u2_2, u2_3);
          m10_6_3 = madd(m10_6_3, v16_0, u3_0, u3_1, u3_2, u3_3);
          m10_7_0 = madd(m10_7_0, v17_0, u0_0, u0_1, u0_2, u0_3);
          m10_7_1 = madd(m10_7_1, v17_0, u1_0, u1_1, u1_2, u1_3);
          m10_7_2 = madd(m10_7_2, v17_0, u2_0, u2_1, u2_2, u2_3);
          m10_7_3 = madd(m10_7_3, v17_0, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = uw[80]; let u0_1 = uw[84]; let u0_2 = uw[88]; let u0_3 = uw[92];
          let u1_0 = uw[81]; let u1_1 = uw[85]; let u1_2 = uw[89]; let u1_3 = uw[93];
          let u2_0 = uw[82]; let u2_1 = uw[86]; let u2_2 = uw[90]; let u2_3 = uw[94];
          let u3_0 = uw[83]; let u3_1 = uw[87]; let u3_2 = uw[91]; let u3_3 = uw[95];
          m11_0_0 = madd(m11_0_0, v10_1, u0_0, u0_1, u0_2, u0_3);
          m11_0_1 = madd(m11_0_1, v10_1, u1_0, u1_1, u1_2, u1_3);
          m11_0_2 = madd(m11_0_2, v10_1, u2_0, u2_1, u2_2, u2_3);
          m11_0_3 = madd(m11_0_3, v10_1, u3_0, u3_1, u3_2, u3_3);
          m11_1_0 = madd(m11_1_0, v11_1, u0_0, u0_1, u0_2, u0_3);
          m11_1_1 = madd(m11_1_1, v11_1, u1_0, u1_1, u1_2, u1_3);
          m11_1_2 = madd(m11_1_2, v11_1, u2_0, u2_1, u2_2, u2_3);
          m11_1_3 = madd(m11_1_3, v11_1, u3_0, u3_1, u3_2, u3_3);
          m11_2_0 = madd(m11_2_0, v12_1, u0_0, u0_1, u0_2, u0_3);
          m11_2_1 = madd(m11_2_1, v12_1, u1_0, u1_1, u1_2, u1_3);
          m11_2_2 = madd(m11_2_2, v12_1, u2_0, u2_1, u2_2, u2_3);
          m11_2_3 = madd(m11_2_3, v12_1, u3_0, u3_1, u3_2, u3_3);
          m11_3_0 = madd(m11_3_0, v13_1, u0_0, u0_1, u0_2, u0_3);
          m11_3_1 = madd(m11_3_1, v13_1, u1_0, u1_1, u1_2, u1_3);
          m11_3_2 = madd(m11_3_2, v13_1, u2_0, u2_1, u2_2, u2_3);
          m11_3_3 = madd(m11_3_3, v13_1, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m11_3_0; }
          m11_4_0 = madd(m11_4_0, v14_1, u0_0, u0_1, u0_2, u0_3);
          m11_4_1 = madd(m11_4_1, v14_1, u1_0, u1_1, u1_2, u1_3);
          m11_4_2 = madd(m11_4_2, v14_1, u2_0, u2_1, u2_2, u2_3);
          m11_4_3 = madd(m11_4_3, v14_1, u3_0, u3_1, u3_2, u3_3);
          m11_5_0 = madd(m11_5_0, v15_1, u0_0, u0_1, u0_2, u0_3);
          m11_5_1 = madd(m11_5_1, v15_1, u1_0, u1_1, u1_2, u1_3);
          m11_5_2 = madd(m11_5_2, v15_1, u2_0, u2_1, u2_2, u2_3);
          m11_5_3 = madd(m11_5_3, v15_1, u3_0, u3_1, u3_2, u3_3);
          m11_6_0 = madd(m11_6_0, v16_1, u0_0, u0_1, u0_2, u0_3);
          m11_6_1 = madd(m11_6_1, v16_1, u1_0, u1_1, u1_2, u1_3);
          m11_6_2 = madd(m11_6_2, v16_1, u2_0, u2_1, u2_2, u2_3);
          m11_6_3 = madd(m11_6_3, v16_1, u3_0, u3_1, u3_2, u3_3);
          m11_7_0 = madd(m11_7_0, v17_1, u0_0, u0_1, u0_2, u0_3);
          m11_7_1 = madd(m11_7_1, v17_1, u1_0, u1_1, u1_2, u1_3);
          m11_7_2 = madd(m11_7_2, v17_1, u2_0, u2_1, u2_2, u2_3);
          m11_7_3 = madd(m11_7_3, v17_1, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = uw[96]; let u0_1 = uw[100]; let u0_2 = uw[104]; let u0_3 = uw[108];
          let u1_0 = uw[97]; let u1_1 = uw[101]; let u1_2 = uw[105]; let u1_3 = uw[109];
          let u2_0 = uw[98]; let u2_1 = uw[102]; let u2_2 = uw[106]; let u2_3 = uw[110];
          let u3_0 = uw[99]; let u3_1 = uw[103]; let u3_2 = uw[107]; let u3_3 = uw[111];
          m12_0_0 = madd(m12_0_0, v10_2, u0_0, u0_1, u0_2, u0_3);
          m12_0_1 = madd(m12_0_1, v10_2, u1_0, u1_1, u1_2, u1_3);
          m12_0_2 = madd(m12_0_2, v10_2, u2_0, u2_1, u2_2, u2_3);
          m12_0_3 = madd(m12_0_3, v10_2, u3_0, u3_1, u3_2, u3_3);
          m12_1_0 = madd(m12_1_0, v11_2, u0_0, u0_1, u0_2, u0_3);
          m12_1_1 = madd(m12_1_1, v11_2, u1_0, u1_1, u1_2, u1_3);
          m12_1_2 = madd(m12_1_2, v11_2, u2_0, u2_1, u2_2, u2_3);
          m12_1_3 = madd(m12_1_3, v11_2, u3_0, u3_1, u3_2, u3_3);
          m12_2_0 = madd(m12_2_0, v12_2, u0_0, u0_1, u0_2, u0_3);
          m12_2_1 = madd(m12_2_1, v12_2, u1_0, u1_1, u1_2, u1_3);
          m12_2_2 = madd(m12_2_2, v12_2, u2_0, u2_1, u2_2, u2_3);
          m12_2_3 = madd(m12_2_3, v12_2, u3_0, u3_1, u3_2, u3_3);
          m12_3_0 = madd(m12_3_0, v13_2, u0_0, u0_1, u0_2, u0_3);
          m12_3_1 = madd(m12_3_1, v13_2, u1_0, u1_1, u1_2, u1_3);
          m12_3_2 = madd(m12_3_2, v13_2, u2_0, u2_1, u2_2, u2_3);
          m12_3_3 = madd(m12_3_3, v13_2, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m12_3_0; }
          m12_4_0 = madd(m12_4_0, v14_2, u0_0, u0_1, u0_2, u0_3);
          m12_4_1 = madd(m12_4_1, v14_2, u1_0, u1_1, u1_2, u1_3);
          m12_4_2 = madd(m12_4_2, v14_2, u2_0, u2_1, u2_2, u2_3);
          m12_4_3 = madd(m12_4_3, v14_2, u3_0, u3_1, u3_2, u3_3);
          m12_5_0 = madd(m12_5_0, v15_2, u0_0, u0_1, u0_2, u0_3);
          m12_5_1 = madd(m12_5_1, v15_2, u1_0, u1_1, u1_2, u1_3);
          m12_5_2 = madd(m12_5_2, v15_2, u2_0, u2_1, u2_2, u2_3);
          m12_5_3 = madd(m12_5_3, v15_2, u3_0, u3_1, u3_2, u3_3);
          m12_6_0 = madd(m12_6_0, v16_2, u0_0, u0_1, u0_2, u0_3);
          m12_6_1 = madd(m12_6_1, v16_2, u1_0, u1_1, u1_2, u1_3);
          m12_6_2 = madd(m12_6_2, v16_2, u2_0, u2_1, u2_2, u2_3);
          m12_6_3 = madd(m12_6_3, v16_2, u3_0, u3_1, u3_2, u3_3);
          m12_7_0 = madd(m12_7_0, v17_2, u0_0, u0_1, u0_2, u0_3);
          m12_7_1 = madd(m12_7_1, v17_2, u1_0, u1_1, u1_2, u1_3);
          m12_7_2 = madd(m12_7_2, v17_2, u2_0, u2_1, u2_2, u2_3);
          m12_7_3 = madd(m12_7_3, v17_2, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = uw[112]; let u0_1 = uw[116]; let u0_2 = uw[120]; let u0_3 = uw[124];
          let u1_0 = uw[113]; let u1_1 = uw[117]; let u1_2 = uw[121]; let u1_3 = uw[125];
          let u2_0 = uw[114]; let u2_1 = uw[118]; let u2_2 = uw[122]; let u2_3 = uw[126];
          let u3_0 = uw[115]; let u3_1 = uw[119]; let u3_2 = uw[123]; let u3_3 = uw[127];
          m13_0_0 = madd(m13_0_0, v10_3, u0_0, u0_1, u0_2, u0_3);
          m13_0_1 = madd(m13_0_1, v10_3, u1_0, u1_1, u1_2, u1_3);
          m13_0_2 = madd(m13_0_2, v10_3, u2_0, u2_1, u2_2, u2_3);
          m13_0_3 = madd(m13_0_3, v10_3, u3_0, u3_1, u3_2, u3_3);
          m13_1_0 = madd(m13_1_0, v11_3, u0_0, u0_1, u0_2, u0_3);
          m13_1_1 = madd(m13_1_1, v11_3, u1_0, u1_1, u1_2, u1_3);
          m13_1_2 = madd(m13_1_2, v11_3, u2_0, u2_1, u2_2, u2_3);
          m13_1_3 = madd(m13_1_3, v11_3, u3_0, u3_1, u3_2, u3_3);
          m13_2_0 = madd(m13_2_0, v12_3, u0_0, u0_1, u0_2, u0_3);
          m13_2_1 = madd(m13_2_1, v12_3, u1_0, u1_1, u1_2, u1_3);
          m13_2_2 = madd(m13_2_2, v12_3, u2_0, u2_1, u2_2, u2_3);
          m13_2_3 = madd(m13_2_3, v12_3, u3_0, u3_1, u3_2, u3_3);
          m13_3_0 = madd(m13_3_0, v13_3, u0_0, u0_1, u0_2, u0_3);
          m13_3_1 = madd(m13_3_1, v13_3, u1_0, u1_1, u1_2, u1_3);
          m13_3_2 = madd(m13_3_2, v13_3, u2_0, u2_1, u2_2, u2_3);
          m13_3_3 = madd(m13_3_3, v13_3, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m13_3_0; }
          m13_4_0 = madd(m13_4_0, v14_3, u0_0, u0_1, u0_2, u0_3);
          m13_4_1 = madd(m13_4_1, v14_3, u1_0, u1_1, u1_2, u1_3);
          m13_4_2 = madd(m13_4_2, v14_3, u2_0, u2_1, u2_2, u2_3);
          m13_4_3 = madd(m13_4_3, v14_3, u3_0, u3_1, u3_2, u3_3);
          m13_5_0 = madd(m13_5_0, v15_3, u0_0, u0_1, u0_2, u0_3);
          m13_5_1 = madd(m13_5_1, v15_3, u1_0, u1_1, u1_2, u1_3);
          m13_5_2 = madd(m13_5_2, v15_3, u2_0, u2_1, u2_2, u2_3);
          m13_5_3 = madd(m13_5_3, v15_3, u3_0, u3_1, u3_2, u3_3);
          m13_6_0 = madd(m13_6_0, v16_3, u0_0, u0_1, u0_2, u0_3);
          m13_6_1 = madd(m13_6_1, v16_3, u1_0, u1_1, u1_2, u1_3);
          m13_6_2 = madd(m13_6_2, v16_3, u2_0, u2_1, u2_2, u2_3);
          m13_6_3 = madd(m13_6_3, v16_3, u3_0, u3_1, u3_2, u3_3);
          m13_7_0 = madd(m13_7_0, v17_3, u0_0, u0_1, u0_2, u0_3);
          m13_7_1 = madd(m13_7_1, v17_3, u1_0, u1_1, u1_2, u1_3);
          m13_7_2 = madd(m13_7_2, v17_3, u2_0, u2_1, u2_2, u2_3);
          m13_7_3 = madd(m13_7_3, v17_3, u3_0, u3_1, u3_2, u3_3);
        }
        let r20_0 = -d1_0 + d2_0; let r20_1 = -d1_1 + d2_1; let r20_2 = -d1_2 + d2_2; let r20_3 = -d1_3 + d2_3;
        let v20_0 = r20_0 - r20_2; let v20_1 = r20_1 + r20_2; let v20_2 = -r20_1 + r20_2; let v20_3 = r20_1 - r20_3;
        let r21_0 = -d1_2 + d2_2; let r21_1 = -d1_3 + d2_3; let r21_2 = -d1_4 + d2_4; let r21_3 = -d1_5 + d2_5;
        let v21_0 = r21_0 - r21_2; let v21_1 = r21_1 + r21_2; let v21_2 = -r21_1 + r21_2; let v21_3 = r21_1 - r21_3;
        let r22_0 = -d1_4 + d2_4; let r22_1 = -d1_5 + d2_5; let r22_2 = -d1_6 + d2_6; let r22_3 = -d1_7 + d2_7;
        let v22_0 = r22_0 - r22_2; let v22_1 = r22_1 + r22_2; let v22_2 = -r22_1 + r22_2; let v22_3 = r22_1 - r22_3;
        let r23_0 = -d1_6 + d2_6; let r23_1 = -d1_7 + d2_7; let r23_2 = -d1_8 + d2_8; let r23_3 = -d1_9 + d2_9;
        let v23_0 = r23_0 - r23_2; let v23_1 = r23_1 + r23_2; let v23_2 = -r23_1 + r23_2; let v23_3 = r23_1 - r23_3;
        let r24_0 = -d3_0 + d4_0; let r24_1 = -d3_1 + d4_1; let r24_2 = -d3_2 + d4_2; let r24_3 = -d3_3 + d4_3;
        let v24_0 = r24_0 - r24_2; let v24_1 = r24_1 + r24_2; let v24_2 = -r24_1 + r24_2; let v24_3 = r24_1 - r24_3;
        let r25_0 = -d3_2 + d4_2; let r25_1 = -d3_3 + d4_3; let r25_2 = -d3_4 + d4_4; let r25_3 = -d3_5 + d4_5;
        let v25_0 = r25_0 - r25_2; let v25_1 = r25_1 + r25_2; let v25_2 = -r25_1 + r25_2; let v25_3 = r25_1 - r25_3;
        let r26_0 = -d3_4 + d4_4; let r26_1 = -d3_5 + d4_5; let r26_2 = -d3_6 + d4_6; let r26_3 = -d3_7 + d4_7;
        let v26_0 = r26_0 - r26_2; let v26_1 = r26_1 + r26_2; let v26_2 = -r26_1 + r26_2; let v26_3 = r26_1 - r26_3;
        let r27_0 = -d3_6 + d4_6; let r27_1 = -d3_7 + d4_7; let r27_2 = -d3_8 + d4_8; let r27_3 = -d3_9 + d4_9;
        let v27_0 = r27_0 - r27_2; let v27_1 = r27_1 + r27_2; let v27_2 = -r27_1 + r27_2; let v27_3 = r27_1 - r27_3;
        {
          let u0_0 = uw[128]; let u0_1 = uw[132]; let u0_2 = uw[136]; let u0_3 = uw[140];
          let u1_0 = uw[129]; let u1_1 = uw[133]; let u1_2 = uw[137]; let u1_3 = uw[141];
          let u2_0 = uw[130]; let u2_1 = uw[134]; let u2_2 = uw[138]; let u2_3 = uw[142];
          let u3_0 = uw[131]; let u3_1 = uw[135]; let u3_2 = uw[139]; let u3_3 = uw[143];
          m20_0_0 = madd(m20_0_0, v20_0, u0_0, u0_1, u0_2, u0_3);
          m20_0_1 = madd(m20_0_1, v20_0, u1_0, u1_1, u1_2, u1_3);
          m20_0_2 = madd(m20_0_2, v20_0, u2_0, u2_1, u2_2, u2_3);
          m20_0_3 = madd(m20_0_3, v20_0, u3_0, u3_1, u3_2, u3_3);
          m20_1_0 = madd(m20_1_0, v21_0, u0_0, u0_1, u0_2, u0_3);
          m20_1_1 = madd(m20_1_1, v21_0, u1_0, u1_1, u1_2, u1_3);
          m20_1_2 = madd(m20_1_2, v21_0, u2_0, u2_1, u2_2, u2_3);
          m20_1_3 = madd(m20_1_3, v21_0, u3_0, u3_1, u3_2, u3_3);
          m20_2_0 = madd(m20_2_0, v22_0, u0_0, u0_1, u0_2, u0_3);
          m20_2_1 = madd(m20_2_1, v22_0, u1_0, u1_1, u1_2, u1_3);
          m20_2_2 = madd(m20_2_2, v22_0, u2_0, u2_1, u2_2, u2_3);
          m20_2_3 = madd(m20_2_3, v22_0, u3_0, u3_1, u3_2, u3_3);
          m20_3_0 = madd(m20_3_0, v23_0, u0_0, u0_1, u0_2, u0_3);
          m20_3_1 = madd(m20_3_1, v23_0, u1_0, u1_1, u1_2, u1_3);
          m20_3_2 = madd(m20_3_2, v23_0, u2_0, u2_1, u2_2, u2_3);
          m20_3_3 = madd(m20_3_3, v23_0, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m20_3_0; }
          m20_4_0 = madd(m20_4_0, v24_0, u0_0, u0_1, u0_2, u0_3);
          m20_4_1 = madd(m20_4_1, v24_0, u1_0, u1_1, u1_2, u1_3);
          m20_4_2 = madd(m20_4_2, v24_0, u2_0, u2_1, u2_2, u2_3);
          m20_4_3 = madd(m20_4_3, v24_0, u3_0, u3_1, u3_2, u3_3);
          m20_5_0 = madd(m20_5_0, v25_0, u0_0, u0_1, u0_2, u0_3);
          m20_5_1 = madd(m20_5_1, v25_0, u1_0, u1_1, u1_2, u1_3);
          m20_5_2 = madd(m20_5_2, v25_0, u2_0, u2_1, u2_2, u2_3);
          m20_5_3 = madd(m20_5_3, v25_0, u3_0, u3_1, u3_2, u3_3);
          m20_6_0 = madd(m20_6_0, v26_0, u0_0, u0_1, u0_2, u0_3);
          m20_6_1 = madd(m20_6_1, v26_0, u1_0, u1_1, u1_2, u1_3);
          m20_6_2 = madd(m20_6_2, v26_0, u2_0, u2_1, u2_2, u2_3);
          m20_6_3 = madd(m20_6_3, v26_0, u3_0, u3_1, u3_2, u3_3);
          m20_7_0 = madd(m20_7_0, v27_0, u0_0, u0_1, u0_2, u0_3);
          m20_7_1 = madd(m20_7_1, v27_0, u1_0, u1_1, u1_2, u1_3);
          m20_7_2 = madd(m20_7_2, v27_0, u2_0, u2_1, u2_2, u2_3);
          m20_7_3 = madd(m20_7_3, v27_0, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = uw[144]; let u0_1 = uw[148]; let u0_2 = uw[152]; let u0_3 = uw[156];
          let u1_0 = uw[145]; let u1_1 = uw[149]; let u1_2 = uw[153]; let u1_3 = uw[157];
          let u2_0 = uw[146]; let u2_1 = uw[150]; let u2_2 = uw[154]; let u2_3 = uw[158];
          let u3_0 = uw[147]; let u3_1 = uw[151]; let u3_2 = uw[155]; let u3_3 = uw[159];
          m21_0_0 = madd(m21_0_0, v20_1, u0_0, u0_1, u0_2, u0_3);
          m21_0_1 = madd(m21_0_1, v20_1, u1_0, u1_1, u1_2, u1_3);
          m21_0_2 = madd(m21_0_2, v20_1, u2_0, u2_1, u2_2, u2_3);
          m21_0_3 = madd(m21_0_3, v20_1, u3_0, u3_1, u3_2, u3_3);
          m21_1_0 = madd(m21_1_0, v21_1, u0_0, u0_1, u0_2, u0_3);
          m21_1_1 = madd(m21_1_1, v21_1, u1_0, u1_1, u1_2, u1_3);
          m21_1_2 = madd(m21_1_2, v21_1, u2_0, u2_1, u2_2, u2_3);
          m21_1_3 = madd(m21_1_3, v21_1, u3_0, u3_1, u3_2, u3_3);
          m21_2_0 = madd(m21_2_0, v22_1, u0_0, u0_1, u0_2, u0_3);
          m21_2_1 = madd(m21_2_1, v22_1, u1_0, u1_1, u1_2, u1_3);
          m21_2_2 = madd(m21_2_2, v22_1, u2_0, u2_1, u2_2, u2_3);
          m21_2_3 = madd(m21_2_3, v22_1, u3_0, u3_1, u3_2, u3_3);
          m21_3_0 = madd(m21_3_0, v23_1, u0_0, u0_1, u0_2, u0_3);
          m21_3_1 = madd(m21_3_1, v23_1, u1_0, u1_1, u1_2, u1_3);
          m21_3_2 = madd(m21_3_2, v23_1, u2_0, u2_1, u2_2, u2_3);
          m21_3_3 = madd(m21_3_3, v23_1, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m21_3_0; }
          m21_4_0 = madd(m21_4_0, v24_1, u0_0, u0_1, u0_2, u0_3);
          m21_4_1 = madd(m21_4_1, v24_1, u1_0, u1_1, u1_2, u1_3);
          m21_4_2 = madd(m21_4_2, v24_1, u2_0, u2_1, u2_2, u2_3);
          m21_4_3 = madd(m21_4_3, v24_1, u3_0, u3_1, u3_2, u3_3);
          m21_5_0 = madd(m21_5_0, v25_1, u0_0, u0_1, u0_2, u0_3);
          m21_5_1 = madd(m21_5_1, v25_1, u1_0, u1_1, u1_2, u1_3);
          m21_5_2 = madd(m21_5_2, v25_1, u2_0, u2_1, u2_2, u2_3);
          m21_5_3 = madd(m21_5_3, v25_1, u3_0, u3_1, u3_2, u3_3);
          m21_6_0 = madd(m21_6_0, v26_1, u0_0, u0_1, u0_2, u0_3);
          m21_6_1 = madd(m21_6_1, v26_1, u1_0, u1_1, u1_2, u1_3);
          m21_6_2 = madd(m21_6_2, v26_1, u2_0, u2_1, u2_2, u2_3);
          m21_6_3 = madd(m21_6_3, v26_1, u3_0, u3_1, u3_2, u3_3);
          m21_7_0 = madd(m21_7_0, v27_1, u0_0, u0_1, u0_2, u0_3);
          m21_7_1 = madd(m21_7_1, v27_1, u1_0, u1_1, u1_2, u1_3);
          m21_7_2 = madd(m21_7_2, v27_1, u2_0, u2_1, u2_2, u2_3);
          m21_7_3 = madd(m21_7_3, v27_1, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = uw[160]; let u0_1 = uw[164]; let u0_2 = uw[168]; let u0_3 = uw[172];
          let u1_0 = uw[161]; let u1_1 = uw[165]; let u1_2 = uw[169]; let u1_3 = uw[173];
          let u2_0 = uw[162]; let u2_1 = uw[166]; let u2_2 = uw[170]; let u2_3 = uw[174];
          let u3_0 = uw[163]; let u3_1 = uw[167]; let u3_2 = uw[171]; let u3_3 = uw[175];
          m22_0_0 = madd(m22_0_0, v20_2, u0_0, u0_1, u0_2, u0_3);
          m22_0_1 = madd(m22_0_1, v20_2, u1_0, u1_1, u1_2, u1_3);
          m22_0_2 = madd(m22_0_2, v20_2, u2_0, u2_1, u2_2, u2_3);
          m22_0_3 = madd(m22_0_3, v20_2, u3_0, u3_1, u3_2, u3_3);
          m22_1_0 = madd(m22_1_0, v21_2, u0_0, u0_1, u0_2, u0_3);
          m22_1_1 = madd(m22_1_1, v21_2, u1_0, u1_1, u1_2, u1_3);
          m22_1_2 = madd(m22_1_2, v21_2, u2_0, u2_1, u2_2, u2_3);
          m22_1_3 = madd(m22_1_3, v21_2, u3_0, u3_1, u3_2, u3_3);
          m22_2_0 = madd(m22_2_0, v22_2, u0_0, u0_1, u0_2, u0_3);
          m22_2_1 = madd(m22_2_1, v22_2, u1_0, u1_1, u1_2, u1_3);
          m22_2_2 = madd(m22_2_2, v22_2, u2_0, u2_1, u2_2, u2_3);
          m22_2_3 = madd(m22_2_3, v22_2, u3_0, u3_1, u3_2, u3_3);
          m22_3_0 = madd(m22_3_0, v23_2, u0_0, u0_1, u0_2, u0_3);
          m22_3_1 = madd(m22_3_1, v23_2, u1_0, u1_1, u1_2, u1_3);
          m22_3_2 = madd(m22_3_2, v23_2, u2_0, u2_1, u2_2, u2_3);
          m22_3_3 = madd(m22_3_3, v23_2, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m22_3_0; }
          m22_4_0 = madd(m22_4_0, v24_2, u0_0, u0_1, u0_2, u0_3);
          m22_4_1 = madd(m22_4_1, v24_2, u1_0, u1_1, u1_2, u1_3);
          m22_4_2 = madd(m22_4_2, v24_2, u2_0, u2_1, u2_2, u2_3);
          m22_4_3 = madd(m22_4_3, v24_2, u3_0, u3_1, u3_2, u3_3);
          m22_5_0 = madd(m22_5_0, v25_2, u0_0, u0_1, u0_2, u0_3);
          m22_5_1 = madd(m22_5_1, v25_2, u1_0, u1_1, u1_2, u1_3);
          m22_5_2 = madd(m22_5_2, v25_2, u2_0, u2_1, u2_2, u2_3);
          m22_5_3 = madd(m22_5_3, v25_2, u3_0, u3_1, u3_2, u3_3);
          m22_6_0 = madd(m22_6_0, v26_2, u0_0, u0_1, u0_2, u0_3);
          m22_6_1 = madd(m22_6_1, v26_2, u1_0, u1_1, u1_2, u1_3);
          m22_6_2 = madd(m22_6_2, v26_2, u2_0, u2_1, u2_2, u2_3);
          m22_6_3 = madd(m22_6_3, v26_2, u3_0, u3_1, u3_2, u3_3);
          m22_7_0 = madd(m22_7_0, v27_2, u0_0, u0_1, u0_2, u0_3);
          m22_7_1 = madd(m22_7_1, v27_2, u1_0, u1_1, u1_2, u1_3);
          m22_7_2 = madd(m22_7_2, v27_2, u2_0, u2_1, u2_2, u2_3);
          m22_7_3 = madd(m22_7_3, v27_2, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = uw[176]; let u0_1 = uw[180]; let u0_2 = uw[184]; let u0_3 = uw[188];
          let u1_0 = uw[177]; let u1_1 = uw[181]; let u1_2 = uw[185]; let u1_3 = uw[189];
          let u2_0 = uw[178]; let u2_1 = uw[182]; let u2_2 = uw[186]; let u2_3 = uw[190];
          let u3_0 = uw[179]; let u3_1 = uw[183]; let u3_2 = uw[187]; let u3_3 = uw[191];
          m23_0_0 = madd(m23_0_0, v20_3, u0_0, u0_1, u0_2, u0_3);
          m23_0_1 = madd(m23_0_1, v20_3, u1_0, u1_1, u1_2, u1_3);
          m23_0_2 = madd(m23_0_2, v20_3, u2_0, u2_1, u2_2, u2_3);
          m23_0_3 = madd(m23_0_3, v20_3, u3_0, u3_1, u3_2, u3_3);
          m23_1_0 = madd(m23_1_0, v21_3, u0_0, u0_1, u0_2, u0_3);
          m23_1_1 = madd(m23_1_1, v21_3, u1_0, u1_1, u1_2, u1_3);
          m23_1_2 = madd(m23_1_2, v21_3, u2_0, u2_1, u2_2, u2_3);
          m23_1_3 = madd(m23_1_3, v21_3, u3_0, u3_1, u3_2, u3_3);
          m23_2_0 = madd(m23_2_0, v22_3, u0_0, u0_1, u0_2, u0_3);
          m23_2_1 = madd(m23_2_1, v22_3, u1_0, u1_1, u1_2, u1_3);
          m23_2_2 = madd(m23_2_2, v22_3, u2_0, u2_1, u2_2, u2_3);
          m23_2_3 = madd(m23_2_3, v22_3, u3_0, u3_1, u3_2, u3_3);
          m23_3_0 = madd(m23_3_0, v23_3, u0_0, u0_1, u0_2, u0_3);
          m23_3_1 = madd(m23_3_1, v23_3, u1_0, u1_1, u1_2, u1_3);
          m23_3_2 = madd(m23_3_2, v23_3, u2_0, u2_1, u2_2, u2_3);
          m23_3_3 = madd(m23_3_3, v23_3, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m23_3_0; }
          m23_4_0 = madd(m23_4_0, v24_3, u0_0, u0_1, u0_2, u0_3);
          m23_4_1 = madd(m23_4_1, v24_3, u1_0, u1_1, u1_2, u1_3);
          m23_4_2 = madd(m23_4_2, v24_3, u2_0, u2_1, u2_2, u2_3);
          m23_4_3 = madd(m23_4_3, v24_3, u3_0, u3_1, u3_2, u3_3);
          m23_5_0 = madd(m23_5_0, v25_3, u0_0, u0_1, u0_2, u0_3);
          m23_5_1 = madd(m23_5_1, v25_3, u1_0, u1_1, u1_2, u1_3);
          m23_5_2 = madd(m23_5_2, v25_3, u2_0, u2_1, u2_2, u2_3);
          m23_5_3 = madd(m23_5_3, v25_3, u3_0, u3_1, u3_2, u3_3);
          m23_6_0 = madd(m23_6_0, v26_3, u0_0, u0_1, u0_2, u0_3);
          m23_6_1 = madd(m23_6_1, v26_3, u1_0, u1_1, u1_2, u1_3);
          m23_6_2 = madd(m23_6_2, v26_3, u2_0, u2_1, u2_2, u2_3);
          m23_6_3 = madd(m23_6_3, v26_3, u3_0, u3_1, u3_2, u3_3);
          m23_7_0 = madd(m23_7_0, v27_3, u0_0, u0_1, u0_2, u0_3);
          m23_7_1 = madd(m23_7_1, v27_3, u1_0, u1_1, u1_2, u1_3);
          m23_7_2 = madd(m23_7_2, v27_3, u2_0, u2_1, u2_2, u2_3);
          m23_7_3 = madd(m23_7_3, v27_3, u3_0, u3_1, u3_2, u3_3);
        }
      }
      if (CG > 1u) {
        let q0 = ldRow(0, 1u); let d0_0 = q0[0]; let d0_1 = q0[1]; let d0_2 = q0[2]; let d0_3 = q0[3]; let d0_4 = q0[4]; let d0_5 = q0[5]; let d0_6 = q0[6]; let d0_7 = q0[7]; let d0_8 = q0[8]; let d0_9 = q0[9];
        let q1 = ldRow(1, 1u); let d1_0 = q1[0]; let d1_1 = q1[1]; let d1_2 = q1[2]; let d1_3 = q1[3]; let d1_4 = q1[4]; let d1_5 = q1[5]; let d1_6 = q1[6]; let d1_7 = q1[7]; let d1_8 = q1[8]; let d1_9 = q1[9];
        let q2 = ldRow(2, 1u); let d2_0 = q2[0]; let d2_1 = q2[1]; let d2_2 = q2[2]; let d2_3 = q2[3]; let d2_4 = q2[4]; let d2_5 = q2[5]; let d2_6 = q2[6]; let d2_7 = q2[7]; let d2_8 = q2[8]; let d2_9 = q2[9];
        let q3 = ldRow(3, 1u); let d3_0 = q3[0]; let d3_1 = q3[1]; let d3_2 = q3[2]; let d3_3 = q3[3]; let d3_4 = q3[4]; let d3_5 = q3[5]; let d3_6 = q3[6]; let d3_7 = q3[7]; let d3_8 = q3[8]; let d3_9 = q3[9];
        let q4 = ldRow(4, 1u); let d4_0 = q4[0]; let d4_1 = q4[1]; let d4_2 = q4[2]; let d4_3 = q4[3]; let d4_4 = q4[4]; let d4_5 = q4[5]; let d4_6 = q4[6]; let d4_7 = q4[7]; let d4_8 = q4[8]; let d4_9 = q4[9];
        let q5 = ldRow(5, 1u); let d5_0 = q5[0]; let d5_1 = q5[1]; let d5_2 = q5[2]; let d5_3 = q5[3]; let d5_4 = q5[4]; let d5_5 = q5[5]; let d5_6 = q5[6]; let d5_7 = q5[7]; let d5_8 = q5[8]; let d5_9 = q5[9];
        let r10_0 = d1_0 + d2_0; let r10_1 = d1_1 + d2_1; let r10_2 = d1_2 + d2_2; let r10_3 = d1_3 + d2_3;
        let v10_0 = r10_0 - r10_2; let v10_1 = r10_1 + r10_2; let v10_2 = -r10_1 + r10_2; let v10_3 = r10_1 - r10_3;
        let r11_0 = d1_2 + d2_2; let r11_1 = d1_3 + d2_3; let r11_2 = d1_4 + d2_4; let r11_3 = d1_5 + d2_5;
        let v11_0 = r11_0 - r11_2; let v11_1 = r11_1 + r11_2; let v11_2 = -r11_1 + r11_2; let v11_3 = r11_1 - r11_3;
        let r12_0 = d1_4 + d2_4; let r12_1 = d1_5 + d2_5; let r12_2 = d1_6 + d2_6; let r12_3 = d1_7 + d2_7;
        let v12_0 = r12_0 - r12_2; let v12_1 = r12_1 + r12_2; let v12_2 = -r12_1 + r12_2; let v12_3 = r12_1 - r12_3;
        let r13_0 = d1_6 + d2_6; let r13_1 = d1_7 + d2_7; let r13_2 = d1_8 + d2_8; let r13_3 = d1_9 + d2_9;
        let v13_0 = r13_0 - r13_2; let v13_1 = r13_1 + r13_2; let v13_2 = -r13_1 + r13_2; let v13_3 = r13_1 - r13_3;
        let r14_0 = d3_0 + d4_0; let r14_1 = d3_1 + d4_1; let r14_2 = d3_2 + d4_2; let r14_3 = d3_3 + d4_3;
        let v14_0 = r14_0 - r14_2; let v14_1 = r14_1 + r14_2; let v14_2 = -r14_1 + r14_2; let v14_3 = r14_1 - r14_3;
        let r15_0 = d3_2 + d4_2; let r15_1 = d3_3 + d4_3; let r15_2 = d3_4 + d4_4; let r15_3 = d3_5 + d4_5;
        let v15_0 = r15_0 - r15_2; let v15_1 = r15_1 + r15_2; let v15_2 = -r15_1 + r15_2; let v15_3 = r15_1 - r15_3;
        let r16_0 = d3_4 + d4_4; let r16_1 = d3_5 + d4_5; let r16_2 = d3_6 + d4_6; let r16_3 = d3_7 + d4_7;
        let v16_0 = r16_0 - r16_2; let v16_1 = r16_1 + r16_2; let v16_2 = -r16_1 + r16_2; let v16_3 = r16_1 - r16_3;
        let r17_0 = d3_6 + d4_6; let r17_1 = d3_7 + d4_7; let r17_2 = d3_8 + d4_8; let r17_3 = d3_9 + d4_9;
        let v17_0 = r17_0 - r17_2; let v17_1 = r17_1 + r17_2; let v17_2 = -r17_1 + r17_2; let v17_3 = r17_1 - r17_3;
        {
          let u0_0 = uw[320]; let u0_1 = uw[324]; let u0_2 = uw[328]; let u0_3 = uw[332];
          let u1_0 = uw[321]; let u1_1 = uw[325]; let u1_2 = uw[329]; let u1_3 = uw[333];
          let u2_0 = uw[322]; let u2_1 = uw[326]; let u2_2 = uw[330]; let u2_3 = uw[334];
          let u3_0 = uw[323]; let u3_1 = uw[327]; let u3_2 = uw[331]; let u3_3 = uw[335];
          m10_0_0 = madd(m10_0_0, v10_0, u0_0, u0_1, u0_2, u0_3);
          m10_0_1 = madd(m10_0_1, v10_0, u1_0, u1_1, u1_2, u1_3);
          m10_0_2 = madd(m10_0_2, v10_0, u2_0, u2_1, u2_2, u2_3);
          m10_0_3 = madd(m10_0_3, v10_0, u3_0, u3_1, u3_2, u3_3);
          m10_1_0 = madd(m10_1_0, v11_0, u0_0, u0_1, u0_2, u0_3);
          m10_1_1 = madd(m10_1_1, v11_0, u1_0, u1_1, u1_2, u1_3);
          m10_1_2 = madd(m10_1_2, v11_0, u2_0, u2_1, u2_2, u2_3);
          m10_1_3 = madd(m10_1_3, v11_0, u3_0, u3_1, u3_2, u3_3);
          m10_2_0 = madd(m10_2_0, v12_0, u0_0, u0_1, u0_2, u0_3);
          m10_2_1 = madd(m10_2_1, v12_0, u1_0, u1_1, u1_2, u1_3);
          m10_2_2 = madd(m10_2_2, v12_0, u2_0, u2_1, u2_2, u2_3);
          m10_2_3 = madd(m10_2_3, v12_0, u3_0, u3_1, u3_2, u3_3);
          m10_3_0 = madd(m10_3_0, v13_0, u0_0, u0_1, u0_2, u0_3);
          m10_3_1 = madd(m10_3_1, v13_0, u1_0, u1_1, u1_2, u1_3);
          m10_3_2 = madd(m10_3_2, v13_0, u2_0, u2_1, u2_2, u2_3);
          m10_3_3 = madd(m10_3_3, v13_0, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m10_3_0; }
          m10_4_0 = madd(m10_4_0, v14_0, u0_0, u0_1, u0_2, u0_3);
          m10_4_1 = madd(m10_4_1, v14_0, u1_0, u1_1, u1_2, u1_3);
          m10_4_2 = madd(m10_4_2, v14_0, u2_0, u2_1, u2_2, u2_3);
          m10_4_3 = madd(m10_4_3, v14_0, u3_0, u3_1, u3_2, u3_3);
          m10_5_0 = madd(m10_5_0, v15_0, u0_0, u0_1, u0_2, u0_3);
          m10_5_1 = madd(m10_5_1, v15_0, u1_0, u1_1, u1_2, u1_3);
          m10_5_2 = madd(m10_5_2, v15_0, u2_0, u2_1, u2_2, u2_3);
          m10_5_3 = madd(m10_5_3, v15_0, u3_0, u3_1, u3_2, u3_3);
          m10_6_0 = madd(m10_6_0, v16_0, u0_0, u0_1, u0_2, u0_3);
          m10_6_1 = madd(m10_6_1, v16_0, u1_0, u1_1, u1_2, u1_3);
          m10_6_2 = madd(m10_6_2, v16_0, u2_0, u2_1, u2_2, u2_3);
          m10_6_3 = madd(m10_6_3, v16_0, u3_0, u3_1, u3_2, u3_3);
          m10_7_0 = madd(m10_7_0, v17_0, u0_0, u0_1, u0_2, u0_3);
          m10_7_1 = madd(m10_7_1, v17_0, u1_0, u1_1, u1_2, u1_3);
          m10_7_2 = madd(m10_7_2, v17_0, u2_0, u2_1, u2_2, u2_3);
          m10_7_3 = madd(m10_7_3, v17_0, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = uw[336]; let u0_1 = uw[340]; let u0_2 = uw[344]; let u0_3 = uw[348];
          let u1_0 = uw[337]; let u1_1 = uw[341]; let u1_2 = uw[345]; let u1_3 = uw[349];
          let u2_0 = uw[338]; let u2_1 = uw[342]; let u2_2 = uw[346]; let u2_3 = uw[350];
          let u3_0 = uw[339]; let u3_1 = uw[343]; let u3_2 = uw[347]; let u3_3 = uw[351];
          m11_0_0 = madd(m11_0_0, v10_1, u0_0, u0_1, u0_2, u0_3);
          m11_0_1 = madd(m11_0_1, v10_1, u1_0, u1_1, u1_2, u1_3);
          m11_0_2 = madd(m11_0_2, v10_1, u2_0, u2_1, u2_2, u2_3);
          m11_0_3 = madd(m11_0_3, v10_1, u3_0, u3_1, u3_2, u3_3);
          m11_1_0 = madd(m11_1_0, v11_1, u0_0, u0_1, u0_2, u0_3);
          m11_1_1 = madd(m11_1_1, v11_1, u1_0, u1_1, u1_2, u1_3);
          m11_1_2 = madd(m11_1_2, v11_1, u2_0, u2_1, u2_2, u2_3);
          m11_1_3 = madd(m11_1_3, v11_1, u3_0, u3_1, u3_2, u3_3);
          m11_2_0 = madd(m11_2_0, v12_1, u0_0, u0_1, u0_2, u0_3);
          m11_2_1 = madd(m11_2_1, v12_1, u1_0, u1_1, u1_2, u1_3);
          m11_2_2 = madd(m11_2_2, v12_1, u2_0, u2_1, u2_2, u2_3);
          m11_2_3 = madd(m11_2_3, v12_1, u3_0, u3_1, u3_2, u3_3);
          m11_3_0 = madd(m11_3_0, v13_1, u0_0, u0_1, u0_2, u0_3);
          m11_3_1 = madd(m11_3_1, v13_1, u1_0, u1_1, u1_2, u1_3);
          m11_3_2 = madd(m11_3_2, v13_1, u2_0, u2_1, u2_2, u2_3);
          m11_3_3 = madd(m11_3_3, v13_1, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m11_3_0; }
          m11_4_0 = madd(m11_4_0, v14_1, u0_0, u0_1, u0_2, u0_3);
          m11_4_1 = madd(m11_4_1, v14_1, u1_0, u1_1, u1_2, u1_3);
          m11_4_2 = madd(m11_4_2, v14_1, u2_0, u2_1, u2_2, u2_3);
          m11_4_3 = madd(m11_4_3, v14_1, u3_0, u3_1, u3_2, u3_3);
          m11_5_0 = madd(m11_5_0, v15_1, u0_0, u0_1, u0_2, u0_3);
          m11_5_1 = madd(m11_5_1, v15_1, u1_0, u1_1, u1_2, u1_3);
          m11_5_2 = madd(m11_5_2, v15_1, u2_0, u2_1, u2_2, u2_3);
          m11_5_3 = madd(m11_5_3, v15_1, u3_0, u3_1, u3_2, u3_3);
          m11_6_0 = madd(m11_6_0, v16_1, u0_0, u0_1, u0_2, u0_3);
          m11_6_1 = madd(m11_6_1, v16_1, u1_0, u1_1, u1_2, u1_3);
          m11_6_2 = madd(m11_6_2, v16_1, u2_0, u2_1, u2_2, u2_3);
          m11_6_3 = madd(m11_6_3, v16_1, u3_0, u3_1, u3_2, u3_3);
          m11_7_0 = madd(m11_7_0, v17_1, u0_0, u0_1, u0_2, u0_3);
          m11_7_1 = madd(m11_7_1, v17_1, u1_0, u1_1, u1_2, u1_3);
          m11_7_2 = madd(m11_7_2, v17_1, u2_0, u2_1, u2_2, u2_3);
          m11_7_3 = madd(m11_7_3, v17_1, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = uw[352]; let u0_1 = uw[356]; let u0_2 = uw[360]; let u0_3 = uw[364];
          let u1_0 = uw[353]; let u1_1 = uw[357]; let u1_2 = uw[361]; let u1_3 = uw[365];
          let u2_0 = uw[354]; let u2_1 = uw[358]; let u2_2 = uw[362]; let u2_3 = uw[366];
          let u3_0 = uw[355]; let u3_1 = uw[359]; let u3_2 = uw[363]; let u3_3 = uw[367];
          m12_0_0 = madd(m12_0_0, v10_2, u0_0, u0_1, u0_2, u0_3);
          m12_0_1 = madd(m12_0_1, v10_2, u1_0, u1_1, u1_2, u1_3);
          m12_0_2 = madd(m12_0_2, v10_2, u2_0, u2_1, u2_2, u2_3);
          m12_0_3 = madd(m12_0_3, v10_2, u3_0, u3_1, u3_2, u3_3);
          m12_1_0 = madd(m12_1_0, v11_2, u0_0, u0_1, u0_2, u0_3);
          m12_1_1 = madd(m12_1_1, v11_2, u1_0, u1_1, u1_2, u1_3);
          m12_1_2 = madd(m12_1_2, v11_2, u2_0, u2_1, u2_2, u2_3);
          m12_1_3 = madd(m12_1_3, v11_2, u3_0, u3_1, u3_2, u3_3);
          m12_2_0 = madd(m12_2_0, v12_2, u0_0, u0_1, u0_2, u0_3);
          m12_2_1 = madd(m12_2_1, v12_2, u1_0, u1_1, u1_2, u1_3);
          m12_2_2 = madd(m12_2_2, v12_2, u2_0, u2_1, u2_2, u2_3);
          m12_2_3 = madd(m12_2_3, v12_2, u3_0, u3_1, u3_2, u3_3);
          m12_3_0 = madd(m12_3_0, v13_2, u0_0, u0_1, u0_2, u0_3);
          m12_3_1 = madd(m12_3_1, v13_2, u1_0, u1_1, u1_2, u1_3);
          m12_3_2 = madd(m12_3_2, v13_2, u2_0, u2_1, u2_2, u2_3);
          m12_3_3 = madd(m12_3_3, v13_2, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m12_3_0; }
          m12_4_0 = madd(m12_4_0, v14_2, u0_0, u0_1, u0_2, u0_3);
          m12_4_1 = madd(m12_4_1, v14_2, u1_0, u1_1, u1_2, u1_3);
          m12_4_2 = madd(m12_4_2, v14_2, u2_0, u2_1, u2_2, u2_3);
          m12_4_3 = madd(m12_4_3, v14_2, u3_0, u3_1, u3_2, u3_3);
          m12_5_0 = madd(m12_5_0, v15_2, u0_0, u0_1, u0_2, u0_3);
          m12_5_1 = madd(m12_5_1, v15_2, u1_0, u1_1, u1_2, u1_3);
          m12_5_2 = madd(m12_5_2, v15_2, u2_0, u2_1, u2_2, u2_3);
          m12_5_3 = madd(m12_5_3, v15_2, u3_0, u3_1, u3_2, u3_3);
          m12_6_0 = madd(m12_6_0, v16_2, u0_0, u0_1, u0_2, u0_3);
          m12_6_1 = madd(m12_6_1, v16_2, u1_0, u1_1, u1_2, u1_3);
          m12_6_2 = madd(m12_6_2, v16_2, u2_0, u2_1, u2_2, u2_3);
          m12_6_3 = madd(m12_6_3, v16_2, u3_0, u3_1, u3_2, u3_3);
          m12_7_0 = madd(m12_7_0, v17_2, u0_0, u0_1, u0_2, u0_3);
          m12_7_1 = madd(m12_7_1, v17_2, u1_0, u1_1, u1_2, u1_3);
          m12_7_2 = madd(m12_7_2, v17_2, u2_0, u2_1, u2_2, u2_3);
          m12_7_3 = madd(m12_7_3, v17_2, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = uw[368]; let u0_1 = uw[372]; let u0_2 = uw[376]; let u0_3 = uw[380];
          let u1_0 = uw[369]; let u1_1 = uw[373]; let u1_2 = uw[377]; let u1_3 = uw[381];
          let u2_0 = uw[370]; let u2_1 = uw[374]; let u2_2 = uw[378]; let u2_3 = uw[382];
          let u3_0 = uw[371]; let u3_1 = uw[375]; let u3_2 = uw[379]; let u3_3 = uw[383];
          m13_0_0 = madd(m13_0_0, v10_3, u0_0, u0_1, u0_2, u0_3);
          m13_0_1 = madd(m13_0_1, v10_3, u1_0, u1_1, u1_2, u1_3);
          m13_0_2 = madd(m13_0_2, v10_3, u2_0, u2_1, u2_2, u2_3);
          m13_0_3 = madd(m13_0_3, v10_3, u3_0, u3_1, u3_2, u3_3);
          m13_1_0 = madd(m13_1_0, v11_3, u0_0, u0_1, u0_2, u0_3);
          m13_1_1 = madd(m13_1_1, v11_3, u1_0, u1_1, u1_2, u1_3);
          m13_1_2 = madd(m13_1_2, v11_3, u2_0, u2_1, u2_2, u2_3);
          m13_1_3 = madd(m13_1_3, v11_3, u3_0, u3_1, u3_2, u3_3);
          m13_2_0 = madd(m13_2_0, v12_3, u0_0, u0_1, u0_2, u0_3);
          m13_2_1 = madd(m13_2_1, v12_3, u1_0, u1_1, u1_2, u1_3);
          m13_2_2 = madd(m13_2_2, v12_3, u2_0, u2_1, u2_2, u2_3);
          m13_2_3 = madd(m13_2_3, v12_3, u3_0, u3_1, u3_2, u3_3);
          m13_3_0 = madd(m13_3_0, v13_3, u0_0, u0_1, u0_2, u0_3);
          m13_3_1 = madd(m13_3_1, v13_3, u1_0, u1_1, u1_2, u1_3);
          m13_3_2 = madd(m13_3_2, v13_3, u2_0, u2_1, u2_2, u2_3);
          m13_3_3 = madd(m13_3_3, v13_3, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m13_3_0; }
          m13_4_0 = madd(m13_4_0, v14_3, u0_0, u0_1, u0_2, u0_3);
          m13_4_1 = madd(m13_4_1, v14_3, u1_0, u1_1, u1_2, u1_3);
          m13_4_2 = madd(m13_4_2, v14_3, u2_0, u2_1, u2_2, u2_3);
          m13_4_3 = madd(m13_4_3, v14_3, u3_0, u3_1, u3_2, u3_3);
          m13_5_0 = madd(m13_5_0, v15_3, u0_0, u0_1, u0_2, u0_3);
          m13_5_1 = madd(m13_5_1, v15_3, u1_0, u1_1, u1_2, u1_3);
          m13_5_2 = madd(m13_5_2, v15_3, u2_0, u2_1, u2_2, u2_3);
          m13_5_3 = madd(m13_5_3, v15_3, u3_0, u3_1, u3_2, u3_3);
          m13_6_0 = madd(m13_6_0, v16_3, u0_0, u0_1, u0_2, u0_3);
          m13_6_1 = madd(m13_6_1, v16_3, u1_0, u1_1, u1_2, u1_3);
          m13_6_2 = madd(m13_6_2, v16_3, u2_0, u2_1, u2_2, u2_3);
          m13_6_3 = madd(m13_6_3, v16_3, u3_0, u3_1, u3_2, u3_3);
          m13_7_0 = madd(m13_7_0, v17_3, u0_0, u0_1, u0_2, u0_3);
          m13_7_1 = madd(m13_7_1, v17_3, u1_0, u1_1, u1_2, u1_3);
          m13_7_2 = madd(m13_7_2, v17_3, u2_0, u2_1, u2_2, u2_3);
          m13_7_3 = madd(m13_7_3, v17_3, u3_0, u3_1, u3_2, u3_3);
        }
        let r20_0 = -d1_0 + d2_0; let r20_1 = -d1_1 + d2_1; let r20_2 = -d1_2 + d2_2; let r20_3 = -d1_3 + d2_3;
        let v20_0 = r20_0 - r20_2; let v20_1 = r20_1 + r20_2; let v20_2 = -r20_1 + r20_2; let v20_3 = r20_1 - r20_3;
        let r21_0 = -d1_2 + d2_2; let r21_1 = -d1_3 + d2_3; let r21_2 = -d1_4 + d2_4; let r21_3 = -d1_5 + d2_5;
        let v21_0 = r21_0 - r21_2; let v21_1 = r21_1 + r21_2; let v21_2 = -r21_1 + r21_2; let v21_3 = r21_1 - r21_3;
        let r22_0 = -d1_4 + d2_4; let r22_1 = -d1_5 + d2_5; let r22_2 = -d1_6 + d2_6; let r22_3 = -d1_7 + d2_7;
        let v22_0 = r22_0 - r22_2; let v22_1 = r22_1 + r22_2; let v22_2 = -r22_1 + r22_2; let v22_3 = r22_1 - r22_3;
        let r23_0 = -d1_6 + d2_6; let r23_1 = -d1_7 + d2_7; let r23_2 = -d1_8 + d2_8; let r23_3 = -d1_9 + d2_9;
        let v23_0 = r23_0 - r23_2; let v23_1 = r23_1 + r23_2; let v23_2 = -r23_1 + r23_2; let v23_3 = r23_1 - r23_3;
        let r24_0 = -d3_0 + d4_0; let r24_1 = -d3_1 + d4_1; let r24_2 = -d3_2 + d4_2; let r24_3 = -d3_3 + d4_3;
        let v24_0 = r24_0 - r24_2; let v24_1 = r24_1 + r24_2; let v24_2 = -r24_1 + r24_2; let v24_3 = r24_1 - r24_3;
        let r25_0 = -d3_2 + d4_2; let r25_1 = -d3_3 + d4_3; let r25_2 = -d3_4 + d4_4; let r25_3 = -d3_5 + d4_5;
        let v25_0 = r25_0 - r25_2; let v25_1 = r25_1 + r25_2; let v25_2 = -r25_1 + r25_2; let v25_3 = r25_1 - r25_3;
        let r26_0 = -d3_4 + d4_4; let r26_1 = -d3_5 + d4_5; let r26_2 = -d3_6 + d4_6; let r26_3 = -d3_7 + d4_7;
        let v26_0 = r26_0 - r26_2; let v26_1 = r26_1 + r26_2; let v26_2 = -r26_1 + r26_2; let v26_3 = r26_1 - r26_3;
        let r27_0 = -d3_6 + d4_6; let r27_1 = -d3_7 + d4_7; let r27_2 = -d3_8 + d4_8; let r27_3 = -d3_9 + d4_9;
        let v27_0 = r27_0 - r27_2; let v27_1 = r27_1 + r27_2; let v27_2 = -r27_1 + r27_2; let v27_3 = r27_1 - r27_3;
        {
          let u0_0 = uw[384]; let u0_1 = uw[388]; let u0_2 = uw[392]; let u0_3 = uw[396];
          let u1_0 = uw[385]; let u1_1 = uw[389]; let u1_2 = uw[393]; let u1_3 = uw[397];
          let u2_0 = uw[386]; let u2_1 = uw[390]; let u2_2 = uw[394]; let u2_3 = uw[398];
          let u3_0 = uw[387]; let u3_1 = uw[391]; let u3_2 = uw[395]; let u3_3 = uw[399];
          m20_0_0 = madd(m20_0_0, v20_0, u0_0, u0_1, u0_2, u0_3);
          m20_0_1 = madd(m20_0_1, v20_0, u1_0, u1_1, u1_2, u1_3);
          m20_0_2 = madd(m20_0_2, v20_0, u2_0, u2_1, u2_2, u2_3);
          m20_0_3 = madd(m20_0_3, v20_0, u3_0, u3_1, u3_2, u3_3);
          m20_1_0 = madd(m20_1_0, v21_0, u0_0, u0_1, u0_2, u0_3);
          m20_1_1 = madd(m20_1_1, v21_0, u1_0, u1_1, u1_2, u1_3);
          m20_1_2 = madd(m20_1_2, v21_0, u2_0, u2_1, u2_2, u2_3);
          m20_1_3 = madd(m20_1_3, v21_0, u3_0, u3_1, u3_2, u3_3);
          m20_2_0 = madd(m20_2_0, v22_0, u0_0, u0_1, u0_2, u0_3);
          m20_2_1 = madd(m20_2_1, v22_0, u1_0, u1_1, u1_2, u1_3);
          m20_2_2 = madd(m20_2_2, v22_0, u2_0, u2_1, u2_2, u2_3);
          m20_2_3 = madd(m20_2_3, v22_0, u3_0, u3_1, u3_2, u3_3);
          m20_3_0 = madd(m20_3_0, v23_0, u0_0, u0_1, u0_2, u0_3);
          m20_3_1 = madd(m20_3_1, v23_0, u1_0, u1_1, u1_2, u1_3);
          m20_3_2 = madd(m20_3_2, v23_0, u2_0, u2_1, u2_2, u2_3);
          m20_3_3 = madd(m20_3_3, v23_0, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m20_3_0; }
          m20_4_0 = madd(m20_4_0, v24_0, u0_0, u0_1, u0_2, u0_3);
          m20_4_1 = madd(m20_4_1, v24_0, u1_0, u1_1, u1_2, u1_3);
          m20_4_2 = madd(m20_4_2, v24_0, u2_0, u2_1, u2_2, u2_3);
          m20_4_3 = madd(m20_4_3, v24_0, u3_0, u3_1, u3_2, u3_3);
          m20_5_0 = madd(m20_5_0, v25_0, u0_0, u0_1, u0_2, u0_3);
          m20_5_1 = madd(m20_5_1, v25_0, u1_0, u1_1, u1_2, u1_3);
          m20_5_2 = madd(m20_5_2, v25_0, u2_0, u2_1, u2_2, u2_3);
          m20_5_3 = madd(m20_5_3, v25_0, u3_0, u3_1, u3_2, u3_3);
          m20_6_0 = madd(m20_6_0, v26_0, u0_0, u0_1, u0_2, u0_3);
          m20_6_1 = madd(m20_6_1, v26_0, u1_0, u1_1, u1_2, u1_3);
          m20_6_2 = madd(m20_6_2, v26_0, u2_0, u2_1, u2_2, u2_3);
          m20_6_3 = madd(m20_6_3, v26_0, u3_0, u3_1, u3_2, u3_3);
          m20_7_0 = madd(m20_7_0, v27_0, u0_0, u0_1, u0_2, u0_3);
          m20_7_1 = madd(m20_7_1, v27_0, u1_0, u1_1, u1_2, u1_3);
          m20_7_2 = madd(m20_7_2, v27_0, u2_0, u2_1, u2_2, u2_3);
          m20_7_3 = madd(m20_7_3, v27_0, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = uw[400]; let u0_1 = uw[404]; let u0_2 = uw[408]; let u0_3 = uw[412];
          let u1_0 = uw[401]; let u1_1 = uw[405]; let u1_2 = uw[409]; let u1_3 = uw[413];
          let u2_0 = uw[402]; let u2_1 = uw[406]; let u2_2 = uw[410]; let u2_3 = uw[414];
          let u3_0 = uw[403]; let u3_1 = uw[407]; let u3_2 = uw[411]; let u3_3 = uw[415];
          m21_0_0 = madd(m21_0_0, v20_1, u0_0, u0_1, u0_2, u0_3);
          m21_0_1 = madd(m21_0_1, v20_1, u1_0, u1_1, u1_2, u1_3);
          m21_0_2 = madd(m21_0_2, v20_1, u2_0, u2_1, u2_2, u2_3);
          m21_0_3 = madd(m21_0_3, v20_1, u3_0, u3_1, u3_2, u3_3);
          m21_1_0 = madd(m21_1_0, v21_1, u0_0, u0_1, u0_2, u0_3);
          m21_1_1 = madd(m21_1_1, v21_1, u1_0, u1_1, u1_2, u1_3);
          m21_1_2 = madd(m21_1_2, v21_1, u2_0, u2_1, u2_2, u2_3);
          m21_1_3 = madd(m21_1_3, v21_1, u3_0, u3_1, u3_2, u3_3);
          m21_2_0 = madd(m21_2_0, v22_1, u0_0, u0_1, u0_2, u0_3);
          m21_2_1 = madd(m21_2_1, v22_1, u1_0, u1_1, u1_2, u1_3);
          m21_2_2 = madd(m21_2_2, v22_1, u2_0, u2_1, u2_2, u2_3);
          m21_2_3 = madd(m21_2_3, v22_1, u3_0, u3_1, u3_2, u3_3);
          m21_3_0 = madd(m21_3_0, v23_1, u0_0, u0_1, u0_2, u0_3);
          m21_3_1 = madd(m21_3_1, v23_1, u1_0, u1_1, u1_2, u1_3);
          m21_3_2 = madd(m21_3_2, v23_1, u2_0, u2_1, u2_2, u2_3);
          m21_3_3 = madd(m21_3_3, v23_1, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m21_3_0; }
          m21_4_0 = madd(m21_4_0, v24_1, u0_0, u0_1, u0_2, u0_3);
          m21_4_1 = madd(m21_4_1, v24_1, u1_0, u1_1, u1_2, u1_3);
          m21_4_2 = madd(m21_4_2, v24_1, u2_0, u2_1, u2_2, u2_3);
          m21_4_3 = madd(m21_4_3, v24_1, u3_0, u3_1, u3_2, u3_3);
          m21_5_0 = madd(m21_5_0, v25_1, u0_0, u0_1, u0_2, u0_3);
          m21_5_1 = madd(m21_5_1, v25_1, u1_0, u1_1, u1_2, u1_3);
          m21_5_2 = madd(m21_5_2, v25_1, u2_0, u2_1, u2_2, u2_3);
          m21_5_3 = madd(m21_5_3, v25_1, u3_0, u3_1, u3_2, u3_3);
          m21_6_0 = madd(m21_6_0, v26_1, u0_0, u0_1, u0_2, u0_3);
          m21_6_1 = madd(m21_6_1, v26_1, u1_0, u1_1, u1_2, u1_3);
          m21_6_2 = madd(m21_6_2, v26_1, u2_0, u2_1, u2_2, u2_3);
          m21_6_3 = madd(m21_6_3, v26_1, u3_0, u3_1, u3_2, u3_3);
          m21_7_0 = madd(m21_7_0, v27_1, u0_0, u0_1, u0_2, u0_3);
          m21_7_1 = madd(m21_7_1, v27_1, u1_0, u1_1, u1_2, u1_3);
          m21_7_2 = madd(m21_7_2, v27_1, u2_0, u2_1, u2_2, u2_3);
          m21_7_3 = madd(m21_7_3, v27_1, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = uw[416]; let u0_1 = uw[420]; let u0_2 = uw[424]; let u0_3 = uw[428];
          let u1_0 = uw[417]; let u1_1 = uw[421]; let u1_2 = uw[425]; let u1_3 = uw[429];
          let u2_0 = uw[418]; let u2_1 = uw[422]; let u2_2 = uw[426]; let u2_3 = uw[430];
          let u3_0 = uw[419]; let u3_1 = uw[423]; let u3_2 = uw[427]; let u3_3 = uw[431];
          m22_0_0 = madd(m22_0_0, v20_2, u0_0, u0_1, u0_2, u0_3);
          m22_0_1 = madd(m22_0_1, v20_2, u1_0, u1_1, u1_2, u1_3);
          m22_0_2 = madd(m22_0_2, v20_2, u2_0, u2_1, u2_2, u2_3);
          m22_0_3 = madd(m22_0_3, v20_2, u3_0, u3_1, u3_2, u3_3);
          m22_1_0 = madd(m22_1_0, v21_2, u0_0, u0_1, u0_2, u0_3);
          m22_1_1 = madd(m22_1_1, v21_2, u1_0, u1_1, u1_2, u1_3);
          m22_1_2 = madd(m22_1_2, v21_2, u2_0, u2_1, u2_2, u2_3);
          m22_1_3 = madd(m22_1_3, v21_2, u3_0, u3_1, u3_2, u3_3);
          m22_2_0 = madd(m22_2_0, v22_2, u0_0, u0_1, u0_2, u0_3);
          m22_2_1 = madd(m22_2_1, v22_2, u1_0, u1_1, u1_2, u1_3);
          m22_2_2 = madd(m22_2_2, v22_2, u2_0, u2_1, u2_2, u2_3);
          m22_2_3 = madd(m22_2_3, v22_2, u3_0, u3_1, u3_2, u3_3);
          m22_3_0 = madd(m22_3_0, v23_2, u0_0, u0_1, u0_2, u0_3);
          m22_3_1 = madd(m22_3_1, v23_2, u1_0, u1_1, u1_2, u1_3);
          m22_3_2 = madd(m22_3_2, v23_2, u2_0, u2_1, u2_2, u2_3);
          m22_3_3 = madd(m22_3_3, v23_2, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m22_3_0; }
          m22_4_0 = madd(m22_4_0, v24_2, u0_0, u0_1, u0_2, u0_3);
          m22_4_1 = madd(m22_4_1, v24_2, u1_0, u1_1, u1_2, u1_3);
          m22_4_2 = madd(m22_4_2, v24_2, u2_0, u2_1, u2_2, u2_3);
          m22_4_3 = madd(m22_4_3, v24_2, u3_0, u3_1, u3_2, u3_3);
          m22_5_0 = madd(m22_5_0, v25_2, u0_0, u0_1, u0_2, u0_3);
          m22_5_1 = madd(m22_5_1, v25_2, u1_0, u1_1, u1_2, u1_3);
          m22_5_2 = madd(m22_5_2, v25_2, u2_0, u2_1, u2_2, u2_3);
          m22_5_3 = madd(m22_5_3, v25_2, u3_0, u3_1, u3_2, u3_3);
          m22_6_0 = madd(m22_6_0, v26_2, u0_0, u0_1, u0_2, u0_3);
          m22_6_1 = madd(m22_6_1, v26_2, u1_0, u1_1, u1_2, u1_3);
          m22_6_2 = madd(m22_6_2, v26_2, u2_0, u2_1, u2_2, u2_3);
          m22_6_3 = madd(m22_6_3, v26_2, u3_0, u3_1, u3_2, u3_3);
          m22_7_0 = madd(m22_7_0, v27_2, u0_0, u0_1, u0_2, u0_3);
          m22_7_1 = madd(m22_7_1, v27_2, u1_0, u1_1, u1_2, u1_3);
          m22_7_2 = madd(m22_7_2, v27_2, u2_0, u2_1, u2_2, u2_3);
          m22_7_3 = madd(m22_7_3, v27_2, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = uw[432]; let u0_1 = uw[436]; let u0_2 = uw[440]; let u0_3 = uw[444];
          let u1_0 = uw[433]; let u1_1 = uw[437]; let u1_2 = uw[441]; let u1_3 = uw[445];
          let u2_0 = uw[434]; let u2_1 = uw[438]; let u2_2 = uw[442]; let u2_3 = uw[446];
          let u3_0 = uw[435]; let u3_1 = uw[439]; let u3_2 = uw[443]; let u3_3 = uw[447];
          m23_0_0 = madd(m23_0_0, v20_3, u0_0, u0_1, u0_2, u0_3);
          m23_0_1 = madd(m23_0_1, v20_3, u1_0, u1_1, u1_2, u1_3);
          m23_0_2 = madd(m23_0_2, v20_3, u2_0, u2_1, u2_2, u2_3);
          m23_0_3 = madd(m23_0_3, v20_3, u3_0, u3_1, u3_2, u3_3);
          m23_1_0 = madd(m23_1_0, v21_3, u0_0, u0_1, u0_2, u0_3);
          m23_1_1 = madd(m23_1_1, v21_3, u1_0, u1_1, u1_2, u1_3);
          m23_1_2 = madd(m23_1_2, v21_3, u2_0, u2_1, u2_2, u2_3);
          m23_1_3 = madd(m23_1_3, v21_3, u3_0, u3_1, u3_2, u3_3);
          m23_2_0 = madd(m23_2_0, v22_3, u0_0, u0_1, u0_2, u0_3);
          m23_2_1 = madd(m23_2_1, v22_3, u1_0, u1_1, u1_2, u1_3);
          m23_2_2 = madd(m23_2_2, v22_3, u2_0, u2_1, u2_2, u2_3);
          m23_2_3 = madd(m23_2_3, v22_3, u3_0, u3_1, u3_2, u3_3);
          m23_3_0 = madd(m23_3_0, v23_3, u0_0, u0_1, u0_2, u0_3);
          m23_3_1 = madd(m23_3_1, v23_3, u1_0, u1_1, u1_2, u1_3);
          m23_3_2 = madd(m23_3_2, v23_3, u2_0, u2_1, u2_2, u2_3);
          m23_3_3 = madd(m23_3_3, v23_3, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m23_3_0; }
          m23_4_0 = madd(m23_4_0, v24_3, u0_0, u0_1, u0_2, u0_3);
          m23_4_1 = madd(m23_4_1, v24_3, u1_0, u1_1, u1_2, u1_3);
          m23_4_2 = madd(m23_4_2, v24_3, u2_0, u2_1, u2_2, u2_3);
          m23_4_3 = madd(m23_4_3, v24_3, u3_0, u3_1, u3_2, u3_3);
          m23_5_0 = madd(m23_5_0, v25_3, u0_0, u0_1, u0_2, u0_3);
          m23_5_1 = madd(m23_5_1, v25_3, u1_0, u1_1, u1_2, u1_3);
          m23_5_2 = madd(m23_5_2, v25_3, u2_0, u2_1, u2_2, u2_3);
          m23_5_3 = madd(m23_5_3, v25_3, u3_0, u3_1, u3_2, u3_3);
          m23_6_0 = madd(m23_6_0, v26_3, u0_0, u0_1, u0_2, u0_3);
          m23_6_1 = madd(m23_6_1, v26_3, u1_0, u1_1, u1_2, u1_3);
          m23_6_2 = madd(m23_6_2, v26_3, u2_0, u2_1, u2_2, u2_3);
          m23_6_3 = madd(m23_6_3, v26_3, u3_0, u3_1, u3_2, u3_3);
          m23_7_0 = madd(m23_7_0, v27_3, u0_0, u0_1, u0_2, u0_3);
          m23_7_1 = madd(m23_7_1, v27_3, u1_0, u1_1, u1_2, u1_3);
          m23_7_2 = madd(m23_7_2, v27_3, u2_0, u2_1, u2_2, u2_3);
          m23_7_3 = madd(m23_7_3, v27_3, u3_0, u3_1, u3_2, u3_3);
        }
      }
      if (CG > 2u) {
        let q0 = ldRow(0, 2u); let d0_0 = q0[0]; let d0_1 = q0[1]; let d0_2 = q0[2]; let d0_3 = q0[3]; let d0_4 = q0[4]; let d0_5 = q0[5]; let d0_6 = q0[6]; let d0_7 = q0[7]; let d0_8 = q0[8]; let d0_9 = q0[9];
        let q1 = ldRow(1, 2u); let d1_0 = q1[0]; let d1_1 = q1[1]; let d1_2 = q1[2]; let d1_3 = q1[3]; let d1_4 = q1[4]; let d1_5 = q1[5]; let d1_6 = q1[6]; let d1_7 = q1[7]; let d1_8 = q1[8]; let d1_9 = q1[9];
        let q2 = ldRow(2, 2u); let d2_0 = q2[0]; let d2_1 = q2[1]; let d2_2 = q2[2]; let d2_3 = q2[3]; let d2_4 = q2[4]; let d2_5 = q2[5]; let d2_6 = q2[6]; let d2_7 = q2[7]; let d2_8 = q2[8]; let d2_9 = q2[9];
        let q3 = ldRow(3, 2u); let d3_0 = q3[0]; let d3_1 = q3[1]; let d3_2 = q3[2]; let d3_3 = q3[3]; let d3_4 = q3[4]; let d3_5 = q3[5]; let d3_6 = q3[6]; let d3_7 = q3[7]; let d3_8 = q3[8]; let d3_9 = q3[9];
        let q4 = ldRow(4, 2u); let d4_0 = q4[0]; let d4_1 = q4[1]; let d4_2 = q4[2]; let d4_3 = q4[3]; let d4_4 = q4[4]; let d4_5 = q4[5]; let d4_6 = q4[6]; let d4_7 = q4[7]; let d4_8 = q4[8]; let d4_9 = q4[9];
        let q5 = ldRow(5, 2u); let d5_0 = q5[0]; let d5_1 = q5[1]; let d5_2 = q5[2]; let d5_3 = q5[3]; let d5_4 = q5[4]; let d5_5 = q5[5]; let d5_6 = q5[6]; let d5_7 = q5[7]; let d5_8 = q5[8]; let d5_9 = q5[9];
        let r10_0 = d1_0 + d2_0; let r10_1 = d1_1 + d2_1; let r10_2 = d1_2 + d2_2; let r10_3 = d1_3 + d2_3;
        let v10_0 = r10_0 - r10_2; let v10_1 = r10_1 + r10_2; let v10_2 = -r10_1 + r10_2; let v10_3 = r10_1 - r10_3;
        let r11_0 = d1_2 + d2_2; let r11_1 = d1_3 + d2_3; let r11_2 = d1_4 + d2_4; let r11_3 = d1_5 + d2_5;
        let v11_0 = r11_0 - r11_2; let v11_1 = r11_1 + r11_2; let v11_2 = -r11_1 + r11_2; let v11_3 = r11_1 - r11_3;
        let r12_0 = d1_4 + d2_4; let r12_1 = d1_5 + d2_5; let r12_2 = d1_6 + d2_6; let r12_3 = d1_7 + d2_7;
        let v12_0 = r12_0 - r12_2; let v12_1 = r12_1 + r12_2; let v12_2 = -r12_1 + r12_2; let v12_3 = r12_1 - r12_3;
        let r13_0 = d1_6 + d2_6; let r13_1 = d1_7 + d2_7; let r13_2 = d1_8 + d2_8; let r13_3 = d1_9 + d2_9;
        let v13_0 = r13_0 - r13_2; let v13_1 = r13_1 + r13_2; let v13_2 = -r13_1 + r13_2; let v13_3 = r13_1 - r13_3;
        let r14_0 = d3_0 + d4_0; let r14_1 = d3_1 + d4_1; let r14_2 = d3_2 + d4_2; let r14_3 = d3_3 + d4_3;
        let v14_0 = r14_0 - r14_2; let v14_1 = r14_1 + r14_2; let v14_2 = -r14_1 + r14_2; let v14_3 = r14_1 - r14_3;
        let r15_0 = d3_2 + d4_2; let r15_1 = d3_3 + d4_3; let r15_2 = d3_4 + d4_4; let r15_3 = d3_5 + d4_5;
        let v15_0 = r15_0 - r15_2; let v15_1 = r15_1 + r15_2; let v15_2 = -r15_1 + r15_2; let v15_3 = r15_1 - r15_3;
        let r16_0 = d3_4 + d4_4; let r16_1 = d3_5 + d4_5; let r16_2 = d3_6 + d4_6; let r16_3 = d3_7 + d4_7;
        let v16_0 = r16_0 - r16_2; let v16_1 = r16_1 + r16_2; let v16_2 = -r16_1 + r16_2; let v16_3 = r16_1 - r16_3;
        let r17_0 = d3_6 + d4_6; let r17_1 = d3_7 + d4_7; let r17_2 = d3_8 + d4_8; let r17_3 = d3_9 + d4_9;
        let v17_0 = r17_0 - r17_2; let v17_1 = r17_1 + r17_2; let v17_2 = -r17_1 + r17_2; let v17_3 = r17_1 - r17_3;
        {
          let u0_0 = uw[576]; let u0_1 = uw[580]; let u0_2 = uw[584]; let u0_3 = uw[588];
          let u1_0 = uw[577]; let u1_1 = uw[581]; let u1_2 = uw[585]; let u1_3 = uw[589];
          let u2_0 = uw[578]; let u2_1 = uw[582]; let u2_2 = uw[586]; let u2_3 = uw[590];
          let u3_0 = uw[579]; let u3_1 = uw[583]; let u3_2 = uw[587]; let u3_3 = uw[591];
          m10_0_0 = madd(m10_0_0, v10_0, u0_0, u0_1, u0_2, u0_3);
          m10_0_1 = madd(m10_0_1, v10_0, u1_0, u1_1, u1_2, u1_3);
          m10_0_2 = madd(m10_0_2, v10_0, u2_0, u2_1, u2_2, u2_3);
          m10_0_3 = madd(m10_0_3, v10_0, u3_0, u3_1, u3_2, u3_3);
          m10_1_0 = madd(m10_1_0, v11_0, u0_0, u0_1, u0_2, u0_3);
          m10_1_1 = madd(m10_1_1, v11_0, u1_0, u1_1, u1_2, u1_3);
          m10_1_2 = madd(m10_1_2, v11_0, u2_0, u2_1, u2_2, u2_3);
          m10_1_3 = madd(m10_1_3, v11_0, u3_0, u3_1, u3_2, u3_3);
          m10_2_0 = madd(m10_2_0, v12_0, u0_0, u0_1, u0_2, u0_3);
          m10_2_1 = madd(m10_2_1, v12_0, u1_0, u1_1, u1_2, u1_3);
          m10_2_2 = madd(m10_2_2, v12_0, u2_0, u2_1, u2_2, u2_3);
          m10_2_3 = madd(m10_2_3, v12_0, u3_0, u3_1, u3_2, u3_3);
          m10_3_0 = madd(m10_3_0, v13_0, u0_0, u0_1, u0_2, u0_3);
          m10_3_1 = madd(m10_3_1, v13_0, u1_0, u1_1, u1_2, u1_3);
          m10_3_2 = madd(m10_3_2, v13_0, u2_0, u2_1, u2_2, u2_3);
          m10_3_3 = madd(m10_3_3, v13_0, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m10_3_0; }
          m10_4_0 = madd(m10_4_0, v14_0, u0_0, u0_1, u0_2, u0_3);
          m10_4_1 = madd(m10_4_1, v14_0, u1_0, u1_1, u1_2, u1_3);
          m10_4_2 = madd(m10_4_2, v14_0, u2_0, u2_1, u2_2, u2_3);
          m10_4_3 = madd(m10_4_3, v14_0, u3_0, u3_1, u3_2, u3_3);
          m10_5_0 = madd(m10_5_0, v15_0, u0_0, u0_1, u0_2, u0_3);
          m10_5_1 = madd(m10_5_1, v15_0, u1_0, u1_1, u1_2, u1_3);
          m10_5_2 = madd(m10_5_2, v15_0, u2_0, u2_1, u2_2, u2_3);
          m10_5_3 = madd(m10_5_3, v15_0, u3_0, u3_1, u3_2, u3_3);
          m10_6_0 = madd(m10_6_0, v16_0, u0_0, u0_1, u0_2, u0_3);
          m10_6_1 = madd(m10_6_1, v16_0, u1_0, u1_1, u1_2, u1_3);
          m10_6_2 = madd(m10_6_2, v16_0, u2_0, u2_1, u2_2, u2_3);
          m10_6_3 = madd(m10_6_3, v16_0, u3_0, u3_1, u3_2, u3_3);
          m10_7_0 = madd(m10_7_0, v17_0, u0_0, u0_1, u0_2, u0_3);
          m10_7_1 = madd(m10_7_1, v17_0, u1_0, u1_1, u1_2, u1_3);
          m10_7_2 = madd(m10_7_2, v17_0, u2_0, u2_1, u2_2, u2_3);
          m10_7_3 = madd(m10_7_3, v17_0, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = uw[592]; let u0_1 = uw[596]; let u0_2 = uw[600]; let u0_3 = uw[604];
          let u1_0 = uw[593]; let u1_1 = uw[597]; let u1_2 = uw[601]; let u1_3 = uw[605];
          let u2_0 = uw[594]; let u2_1 = uw[598]; let u2_2 = uw[602]; let u2_3 = uw[606];
          let u3_0 = uw[595]; let u3_1 = uw[599]; let u3_2 = uw[603]; let u3_3 = uw[607];
          m11_0_0 = madd(m11_0_0, v10_1, u0_0, u0_1, u0_2, u0_3);
          m11_0_1 = madd(m11_0_1, v10_1, u1_0, u1_1, u1_2, u1_3);
          m11_0_2 = madd(m11_0_2, v10_1, u2_0, u2_1, u2_2, u2_3);
          m11_0_3 = madd(m11_0_3, v10_1, u3_0, u3_1, u3_2, u3_3);
          m11_1_0 = madd(m11_1_0, v11_1, u0_0, u0_1, u0_2, u0_3);
          m11_1_1 = madd(m11_1_1, v11_1, u1_0, u1_1, u1_2, u1_3);
          m11_1_2 = madd(m11_1_2, v11_1, u2_0, u2_1, u2_2, u2_3);
          m11_1_3 = madd(m11_1_3, v11_1, u3_0, u3_1, u3_2, u3_3);
          m11_2_0 = madd(m11_2_0, v12_1, u0_0, u0_1, u0_2, u0_3);
          m11_2_1 = madd(m11_2_1, v12_1, u1_0, u1_1, u1_2, u1_3);
          m11_2_2 = madd(m11_2_2, v12_1, u2_0, u2_1, u2_2, u2_3);
          m11_2_3 = madd(m11_2_3, v12_1, u3_0, u3_1, u3_2, u3_3);
          m11_3_0 = madd(m11_3_0, v13_1, u0_0, u0_1, u0_2, u0_3);
          m11_3_1 = madd(m11_3_1, v13_1, u1_0, u1_1, u1_2, u1_3);
          m11_3_2 = madd(m11_3_2, v13_1, u2_0, u2_1, u2_2, u2_3);
          m11_3_3 = madd(m11_3_3, v13_1, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m11_3_0; }
          m11_4_0 = madd(m11_4_0, v14_1, u0_0, u0_1, u0_2, u0_3);
          m11_4_1 = madd(m11_4_1, v14_1, u1_0, u1_1, u1_2, u1_3);
          m11_4_2 = madd(m11_4_2, v14_1, u2_0, u2_1, u2_2, u2_3);
          m11_4_3 = madd(m11_4_3, v14_1, u3_0, u3_1, u3_2, u3_3);
          m11_5_0 = madd(m11_5_0, v15_1, u0_0, u0_1, u0_2, u0_3);
          m11_5_1 = madd(m11_5_1, v15_1, u1_0, u1_1, u1_2, u1_3);
          m11_5_2 = madd(m11_5_2, v15_1, u2_0, u2_1, u2_2, u2_3);
          m11_5_3 = madd(m11_5_3, v15_1, u3_0, u3_1, u3_2, u3_3);
          m11_6_0 = madd(m11_6_0, v16_1, u0_0, u0_1, u0_2, u0_3);
          m11_6_1 = madd(m11_6_1, v16_1, u1_0, u1_1, u1_2, u1_3);
          m11_6_2 = madd(m11_6_2, v16_1, u2_0, u2_1, u2_2, u2_3);
          m11_6_3 = madd(m11_6_3, v16_1, u3_0, u3_1, u3_2, u3_3);
          m11_7_0 = madd(m11_7_0, v17_1, u0_0, u0_1, u0_2, u0_3);
          m11_7_1 = madd(m11_7_1, v17_1, u1_0, u1_1, u1_2, u1_3);
          m11_7_2 = madd(m11_7_2, v17_1, u2_0, u2_1, u2_2, u2_3);
          m11_7_3 = madd(m11_7_3, v17_1, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = uw[608]; let u0_1 = uw[612]; let u0_2 = uw[616]; let u0_3 = uw[620];
          let u1_0 = uw[609]; let u1_1 = uw[613]; let u1_2 = uw[617]; let u1_3 = uw[621];
          let u2_0 = uw[610]; let u2_1 = uw[614]; let u2_2 = uw[618]; let u2_3 = uw[622];
          let u3_0 = uw[611]; let u3_1 = uw[615]; let u3_2 = uw[619]; let u3_3 = uw[623];
          m12_0_0 = madd(m12_0_0, v10_2, u0_0, u0_1, u0_2, u0_3);
          m12_0_1 = madd(m12_0_1, v10_2, u1_0, u1_1, u1_2, u1_3);
          m12_0_2 = madd(m12_0_2, v10_2, u2_0, u2_1, u2_2, u2_3);
          m12_0_3 = madd(m12_0_3, v10_2, u3_0, u3_1, u3_2, u3_3);
          m12_1_0 = madd(m12_1_0, v11_2, u0_0, u0_1, u0_2, u0_3);
          m12_1_1 = madd(m12_1_1, v11_2, u1_0, u1_1, u1_2, u1_3);
          m12_1_2 = madd(m12_1_2, v11_2, u2_0, u2_1, u2_2, u2_3);
          m12_1_3 = madd(m12_1_3, v11_2, u3_0, u3_1, u3_2, u3_3);
          m12_2_0 = madd(m12_2_0, v12_2, u0_0, u0_1, u0_2, u0_3);
          m12_2_1 = madd(m12_2_1, v12_2, u1_0, u1_1, u1_2, u1_3);
          m12_2_2 = madd(m12_2_2, v12_2, u2_0, u2_1, u2_2, u2_3);
          m12_2_3 = madd(m12_2_3, v12_2, u3_0, u3_1, u3_2, u3_3);
          m12_3_0 = madd(m12_3_0, v13_2, u0_0, u0_1, u0_2, u0_3);
          m12_3_1 = madd(m12_3_1, v13_2, u1_0, u1_1, u1_2, u1_3);
          m12_3_2 = madd(m12_3_2, v13_2, u2_0, u2_1, u2_2, u2_3);
          m12_3_3 = madd(m12_3_3, v13_2, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m12_3_0; }
          m12_4_0 = madd(m12_4_0, v14_2, u0_0, u0_1, u0_2, u0_3);
          m12_4_1 = madd(m12_4_1, v14_2, u1_0, u1_1, u1_2, u1_3);
          m12_4_2 = madd(m12_4_2, v14_2, u2_0, u2_1, u2_2, u2_3);
          m12_4_3 = madd(m12_4_3, v14_2, u3_0, u3_1, u3_2, u3_3);
          m12_5_0 = madd(m12_5_0, v15_2, u0_0, u0_1, u0_2, u0_3);
          m12_5_1 = madd(m12_5_1, v15_2, u1_0, u1_1, u1_2, u1_3);
          m12_5_2 = madd(m12_5_2, v15_2, u2_0, u2_1, u2_2, u2_3);
          m12_5_3 = madd(m12_5_3, v15_2, u3_0, u3_1, u3_2, u3_3);
          m12_6_0 = madd(m12_6_0, v16_2, u0_0, u0_1, u0_2, u0_3);
          m12_6_1 = madd(m12_6_1, v16_2, u1_0, u1_1, u1_2, u1_3);
          m12_6_2 = madd(m12_6_2, v16_2, u2_0, u2_1, u2_2, u2_3);
          m12_6_3 = madd(m12_6_3, v16_2, u3_0, u3_1, u3_2, u3_3);
          m12_7_0 = madd(m12_7_0, v17_2, u0_0, u0_1, u0_2, u0_3);
          m12_7_1 = madd(m12_7_1, v17_2, u1_0, u1_1, u1_2, u1_3);
          m12_7_2 = madd(m12_7_2, v17_2, u2_0, u2_1, u2_2, u2_3);
          m12_7_3 = madd(m12_7_3, v17_2, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = uw[624]; let u0_1 = uw[628]; let u0_2 = uw[632]; let u0_3 = uw[636];
          let u1_0 = uw[625]; let u1_1 = uw[629]; let u1_2 = uw[633]; let u1_3 = uw[637];
          let u2_0 = uw[626]; let u2_1 = uw[630]; let u2_2 = uw[634]; let u2_3 = uw[638];
          let u3_0 = uw[627]; let u3_1 = uw[631]; let u3_2 = uw[635]; let u3_3 = uw[639];
          m13_0_0 = madd(m13_0_0, v10_3, u0_0, u0_1, u0_2, u0_3);
          m13_0_1 = madd(m13_0_1, v10_3, u1_0, u1_1, u1_2, u1_3);
          m13_0_2 = madd(m13_0_2, v10_3, u2_0, u2_1, u2_2, u2_3);
          m13_0_3 = madd(m13_0_3, v10_3, u3_0, u3_1, u3_2, u3_3);
          m13_1_0 = madd(m13_1_0, v11_3, u0_0, u0_1, u0_2, u0_3);
          m13_1_1 = madd(m13_1_1, v11_3, u1_0, u1_1, u1_2, u1_3);
          m13_1_2 = madd(m13_1_2, v11_3, u2_0, u2_1, u2_2, u2_3);
          m13_1_3 = madd(m13_1_3, v11_3, u3_0, u3_1, u3_2, u3_3);
          m13_2_0 = madd(m13_2_0, v12_3, u0_0, u0_1, u0_2, u0_3);
          m13_2_1 = madd(m13_2_1, v12_3, u1_0, u1_1, u1_2, u1_3);
          m13_2_2 = madd(m13_2_2, v12_3, u2_0, u2_1, u2_2, u2_3);
          m13_2_3 = madd(m13_2_3, v12_3, u3_0, u3_1, u3_2, u3_3);
          m13_3_0 = madd(m13_3_0, v13_3, u0_0, u0_1, u0_2, u0_3);
          m13_3_1 = madd(m13_3_1, v13_3, u1_0, u1_1, u1_2, u1_3);
          m13_3_2 = madd(m13_3_2, v13_3, u2_0, u2_1, u2_2, u2_3);
          m13_3_3 = madd(m13_3_3, v13_3, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m13_3_0; }
          m13_4_0 = madd(m13_4_0, v14_3, u0_0, u0_1, u0_2, u0_3);
          m13_4_1 = madd(m13_4_1, v14_3, u1_0, u1_1, u1_2, u1_3);
          m13_4_2 = madd(m13_4_2, v14_3, u2_0, u2_1, u2_2, u2_3);
          m13_4_3 = madd(m13_4_3, v14_3, u3_0, u3_1, u3_2, u3_3);
          m13_5_0 = madd(m13_5_0, v15_3, u0_0, u0_1, u0_2, u0_3);
          m13_5_1 = madd(m13_5_1, v15_3, u1_0, u1_1, u1_2, u1_3);
          m13_5_2 = madd(m13_5_2, v15_3, u2_0, u2_1, u2_2, u2_3);
          m13_5_3 = madd(m13_5_3, v15_3, u3_0, u3_1, u3_2, u3_3);
          m13_6_0 = madd(m13_6_0, v16_3, u0_0, u0_1, u0_2, u0_3);
          m13_6_1 = madd(m13_6_1, v16_3, u1_0, u1_1, u1_2, u1_3);
          m13_6_2 = madd(m13_6_2, v16_3, u2_0, u2_1, u2_2, u2_3);
          m13_6_3 = madd(m13_6_3, v16_3, u3_0, u3_1, u3_2, u3_3);
          m13_7_0 = madd(m13_7_0, v17_3, u0_0, u0_1, u0_2, u0_3);
          m13_7_1 = madd(m13_7_1, v17_3, u1_0, u1_1, u1_2, u1_3);
          m13_7_2 = madd(m13_7_2, v17_3, u2_0, u2_1, u2_2, u2_3);
          m13_7_3 = madd(m13_7_3, v17_3, u3_0, u3_1, u3_2, u3_3);
        }
        let r20_0 = -d1_0 + d2_0; let r20_1 = -d1_1 + d2_1; let r20_2 = -d1_2 + d2_2; let r20_3 = -d1_3 + d2_3;
        let v20_0 = r20_0 - r20_2; let v20_1 = r20_1 + r20_2; let v20_2 = -r20_1 + r20_2; let v20_3 = r20_1 - r20_3;
        let r21_0 = -d1_2 + d2_2; let r21_1 = -d1_3 + d2_3; let r21_2 = -d1_4 + d2_4; let r21_3 = -d1_5 + d2_5;
        let v21_0 = r21_0 - r21_2; let v21_1 = r21_1 + r21_2; let v21_2 = -r21_1 + r21_2; let v21_3 = r21_1 - r21_3;
        let r22_0 = -d1_4 + d2_4; let r22_1 = -d1_5 + d2_5; let r22_2 = -d1_6 + d2_6; let r22_3 = -d1_7 + d2_7;
        let v22_0 = r22_0 - r22_2; let v22_1 = r22_1 + r22_2; let v22_2 = -r22_1 + r22_2; let v22_3 = r22_1 - r22_3;
        let r23_0 = -d1_6 + d2_6; let r23_1 = -d1_7 + d2_7; let r23_2 = -d1_8 + d2_8; let r23_3 = -d1_9 + d2_9;
        let v23_0 = r23_0 - r23_2; let v23_1 = r23_1 + r23_2; let v23_2 = -r23_1 + r23_2; let v23_3 = r23_1 - r23_3;
        let r24_0 = -d3_0 + d4_0; let r24_1 = -d3_1 + d4_1; let r24_2 = -d3_2 + d4_2; let r24_3 = -d3_3 + d4_3;
        let v24_0 = r24_0 - r24_2; let v24_1 = r24_1 + r24_2; let v24_2 = -r24_1 + r24_2; let v24_3 = r24_1 - r24_3;
        let r25_0 = -d3_2 + d4_2; let r25_1 = -d3_3 + d4_3; let r25_2 = -d3_4 + d4_4; let r25_3 = -d3_5 + d4_5;
        let v25_0 = r25_0 - r25_2; let v25_1 = r25_1 + r25_2; let v25_2 = -r25_1 + r25_2; let v25_3 = r25_1 - r25_3;
        let r26_0 = -d3_4 + d4_4; let r26_1 = -d3_5 + d4_5; let r26_2 = -d3_6 + d4_6; let r26_3 = -d3_7 + d4_7;
        let v26_0 = r26_0 - r26_2; let v26_1 = r26_1 + r26_2; let v26_2 = -r26_1 + r26_2; let v26_3 = r26_1 - r26_3;
        let r27_0 = -d3_6 + d4_6; let r27_1 = -d3_7 + d4_7; let r27_2 = -d3_8 + d4_8; let r27_3 = -d3_9 + d4_9;
        let v27_0 = r27_0 - r27_2; let v27_1 = r27_1 + r27_2; let v27_2 = -r27_1 + r27_2; let v27_3 = r27_1 - r27_3;
        {
          let u0_0 = uw[640]; let u0_1 = uw[644]; let u0_2 = uw[648]; let u0_3 = uw[652];
          let u1_0 = uw[641]; let u1_1 = uw[645]; let u1_2 = uw[649]; let u1_3 = uw[653];
          let u2_0 = uw[642]; let u2_1 = uw[646]; let u2_2 = uw[650]; let u2_3 = uw[654];
          let u3_0 = uw[643]; let u3_1 = uw[647]; let u3_2 = uw[651]; let u3_3 = uw[655];
          m20_0_0 = madd(m20_0_0, v20_0, u0_0, u0_1, u0_2, u0_3);
          m20_0_1 = madd(m20_0_1, v20_0, u1_0, u1_1, u1_2, u1_3);
          m20_0_2 = madd(m20_0_2, v20_0, u2_0, u2_1, u2_2, u2_3);
          m20_0_3 = madd(m20_0_3, v20_0, u3_0, u3_1, u3_2, u3_3);
          m20_1_0 = madd(m20_1_0, v21_0, u0_0, u0_1, u0_2, u0_3);
          m20_1_1 = madd(m20_1_1, v21_0, u1_0, u1_1, u1_2, u1_3);
          m20_1_2 = madd(m20_1_2, v21_0, u2_0, u2_1, u2_2, u2_3);
          m20_1_3 = madd(m20_1_3, v21_0, u3_0, u3_1, u3_2, u3_3);
          m20_2_0 = madd(m20_2_0, v22_0, u0_0, u0_1, u0_2, u0_3);
          m20_2_1 = madd(m20_2_1, v22_0, u1_0, u1_1, u1_2, u1_3);
          m20_2_2 = madd(m20_2_2, v22_0, u2_0, u2_1, u2_2, u2_3);
          m20_2_3 = madd(m20_2_3, v22_0, u3_0, u3_1, u3_2, u3_3);
          m20_3_0 = madd(m20_3_0, v23_0, u0_0, u0_1, u0_2, u0_3);
          m20_3_1 = madd(m20_3_1, v23_0, u1_0, u1_1, u1_2, u1_3);
          m20_3_2 = madd(m20_3_2, v23_0, u2_0, u2_1, u2_2, u2_3);
          m20_3_3 = madd(m20_3_3, v23_0, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m20_3_0; }
          m20_4_0 = madd(m20_4_0, v24_0, u0_0, u0_1, u0_2, u0_3);
          m20_4_1 = madd(m20_4_1, v24_0, u1_0, u1_1, u1_2, u1_3);
          m20_4_2 = madd(m20_4_2, v24_0, u2_0, u2_1, u2_2, u2_3);
          m20_4_3 = madd(m20_4_3, v24_0, u3_0, u3_1, u3_2, u3_3);
          m20_5_0 = madd(m20_5_0, v25_0, u0_0, u0_1, u0_2, u0_3);
          m20_5_1 = madd(m20_5_1, v25_0, u1_0, u1_1, u1_2, u1_3);
          m20_5_2 = madd(m20_5_2, v25_0, u2_0, u2_1, u2_2, u2_3);
          m20_5_3 = madd(m20_5_3, v25_0, u3_0, u3_1, u3_2, u3_3);
          m20_6_0 = madd(m20_6_0, v26_0, u0_0, u0_1, u0_2, u0_3);
          m20_6_1 = madd(m20_6_1, v26_0, u1_0, u1_1, u1_2, u1_3);
          m20_6_2 = madd(m20_6_2, v26_0, u2_0, u2_1, u2_2, u2_3);
          m20_6_3 = madd(m20_6_3, v26_0, u3_0, u3_1, u3_2, u3_3);
          m20_7_0 = madd(m20_7_0, v27_0, u0_0, u0_1, u0_2, u0_3);
          m20_7_1 = madd(m20_7_1, v27_0, u1_0, u1_1, u1_2, u1_3);
          m20_7_2 = madd(m20_7_2, v27_0, u2_0, u2_1, u2_2, u2_3);
          m20_7_3 = madd(m20_7_3, v27_0, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = uw[656]; let u0_1 = uw[660]; let u0_2 = uw[664]; let u0_3 = uw[668];
          let u1_0 = uw[657]; let u1_1 = uw[661]; let u1_2 = uw[665]; let u1_3 = uw[669];
          let u2_0 = uw[658]; let u2_1 = uw[662]; let u2_2 = uw[666]; let u2_3 = uw[670];
          let u3_0 = uw[659]; let u3_1 = uw[663]; let u3_2 = uw[667]; let u3_3 = uw[671];
          m21_0_0 = madd(m21_0_0, v20_1, u0_0, u0_1, u0_2, u0_3);
          m21_0_1 = madd(m21_0_1, v20_1, u1_0, u1_1, u1_2, u1_3);
          m21_0_2 = madd(m21_0_2, v20_1, u2_0, u2_1, u2_2, u2_3);
          m21_0_3 = madd(m21_0_3, v20_1, u3_0, u3_1, u3_2, u3_3);
          m21_1_0 = madd(m21_1_0, v21_1, u0_0, u0_1, u0_2, u0_3);
          m21_1_1 = madd(m21_1_1, v21_1, u1_0, u1_1, u1_2, u1_3);
          m21_1_2 = madd(m21_1_2, v21_1, u2_0, u2_1, u2_2, u2_3);
          m21_1_3 = madd(m21_1_3, v21_1, u3_0, u3_1, u3_2, u3_3);
          m21_2_0 = madd(m21_2_0, v22_1, u0_0, u0_1, u0_2, u0_3);
          m21_2_1 = madd(m21_2_1, v22_1, u1_0, u1_1, u1_2, u1_3);
          m21_2_2 = madd(m21_2_2, v22_1, u2_0, u2_1, u2_2, u2_3);
          m21_2_3 = madd(m21_2_3, v22_1, u3_0, u3_1, u3_2, u3_3);
          m21_3_0 = madd(m21_3_0, v23_1, u0_0, u0_1, u0_2, u0_3);
          m21_3_1 = madd(m21_3_1, v23_1, u1_0, u1_1, u1_2, u1_3);
          m21_3_2 = madd(m21_3_2, v23_1, u2_0, u2_1, u2_2, u2_3);
          m21_3_3 = madd(m21_3_3, v23_1, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m21_3_0; }
          m21_4_0 = madd(m21_4_0, v24_1, u0_0, u0_1, u0_2, u0_3);
          m21_4_1 = madd(m21_4_1, v24_1, u1_0, u1_1, u1_2, u1_3);
          m21_4_2 = madd(m21_4_2, v24_1, u2_0, u2_1, u2_2, u2_3);
          m21_4_3 = madd(m21_4_3, v24_1, u3_0, u3_1, u3_2, u3_3);
          m21_5_0 = madd(m21_5_0, v25_1, u0_0, u0_1, u0_2, u0_3);
          m21_5_1 = madd(m21_5_1, v25_1, u1_0, u1_1, u1_2, u1_3);
          m21_5_2 = madd(m21_5_2, v25_1, u2_0, u2_1, u2_2, u2_3);
          m21_5_3 = madd(m21_5_3, v25_1, u3_0, u3_1, u3_2, u3_3);
          m21_6_0 = madd(m21_6_0, v26_1, u0_0, u0_1, u0_2, u0_3);
          m21_6_1 = madd(m21_6_1, v26_1, u1_0, u1_1, u1_2, u1_3);
          m21_6_2 = madd(m21_6_2, v26_1, u2_0, u2_1, u2_2, u2_3);
          m21_6_3 = madd(m21_6_3, v26_1, u3_0, u3_1, u3_2, u3_3);
          m21_7_0 = madd(m21_7_0, v27_1, u0_0, u0_1, u0_2, u0_3);
          m21_7_1 = madd(m21_7_1, v27_1, u1_0, u1_1, u1_2, u1_3);
          m21_7_2 = madd(m21_7_2, v27_1, u2_0, u2_1, u2_2, u2_3);
          m21_7_3 = madd(m21_7_3, v27_1, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = uw[672]; let u0_1 = uw[676]; let u0_2 = uw[680]; let u0_3 = uw[684];
          let u1_0 = uw[673]; let u1_1 = uw[677]; let u1_2 = uw[681]; let u1_3 = uw[685];
          let u2_0 = uw[674]; let u2_1 = uw[678]; let u2_2 = uw[682]; let u2_3 = uw[686];
          let u3_0 = uw[675]; let u3_1 = uw[679]; let u3_2 = uw[683]; let u3_3 = uw[687];
          m22_0_0 = madd(m22_0_0, v20_2, u0_0, u0_1, u0_2, u0_3);
          m22_0_1 = madd(m22_0_1, v20_2, u1_0, u1_1, u1_2, u1_3);
          m22_0_2 = madd(m22_0_2, v20_2, u2_0, u2_1, u2_2, u2_3);
          m22_0_3 = madd(m22_0_3, v20_2, u3_0, u3_1, u3_2, u3_3);
          m22_1_0 = madd(m22_1_0, v21_2, u0_0, u0_1, u0_2, u0_3);
          m22_1_1 = madd(m22_1_1, v21_2, u1_0, u1_1, u1_2, u1_3);
          m22_1_2 = madd(m22_1_2, v21_2, u2_0, u2_1, u2_2, u2_3);
          m22_1_3 = madd(m22_1_3, v21_2, u3_0, u3_1, u3_2, u3_3);
          m22_2_0 = madd(m22_2_0, v22_2, u0_0, u0_1, u0_2, u0_3);
          m22_2_1 = madd(m22_2_1, v22_2, u1_0, u1_1, u1_2, u1_3);
          m22_2_2 = madd(m22_2_2, v22_2, u2_0, u2_1, u2_2, u2_3);
          m22_2_3 = madd(m22_2_3, v22_2, u3_0, u3_1, u3_2, u3_3);
          m22_3_0 = madd(m22_3_0, v23_2, u0_0, u0_1, u0_2, u0_3);
          m22_3_1 = madd(m22_3_1, v23_2, u1_0, u1_1, u1_2, u1_3);
          m22_3_2 = madd(m22_3_2, v23_2, u2_0, u2_1, u2_2, u2_3);
          m22_3_3 = madd(m22_3_3, v23_2, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m22_3_0; }
          m22_4_0 = madd(m22_4_0, v24_2, u0_0, u0_1, u0_2, u0_3);
          m22_4_1 = madd(m22_4_1, v24_2, u1_0, u1_1, u1_2, u1_3);
          m22_4_2 = madd(m22_4_2, v24_2, u2_0, u2_1, u2_2, u2_3);
          m22_4_3 = madd(m22_4_3, v24_2, u3_0, u3_1, u3_2, u3_3);
          m22_5_0 = madd(m22_5_0, v25_2, u0_0, u0_1, u0_2, u0_3);
          m22_5_1 = madd(m22_5_1, v25_2, u1_0, u1_1, u1_2, u1_3);
          m22_5_2 = madd(m22_5_2, v25_2, u2_0, u2_1, u2_2, u2_3);
          m22_5_3 = madd(m22_5_3, v25_2, u3_0, u3_1, u3_2, u3_3);
          m22_6_0 = madd(m22_6_0, v26_2, u0_0, u0_1, u0_2, u0_3);
          m22_6_1 = madd(m22_6_1, v26_2, u1_0, u1_1, u1_2, u1_3);
          m22_6_2 = madd(m22_6_2, v26_2, u2_0, u2_1, u2_2, u2_3);
          m22_6_3 = madd(m22_6_3, v26_2, u3_0, u3_1, u3_2, u3_3);
          m22_7_0 = madd(m22_7_0, v27_2, u0_0, u0_1, u0_2, u0_3);
          m22_7_1 = madd(m22_7_1, v27_2, u1_0, u1_1, u1_2, u1_3);
          m22_7_2 = madd(m22_7_2, v27_2, u2_0, u2_1, u2_2, u2_3);
          m22_7_3 = madd(m22_7_3, v27_2, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = uw[688]; let u0_1 = uw[692]; let u0_2 = uw[696]; let u0_3 = uw[700];
          let u1_0 = uw[689]; let u1_1 = uw[693]; let u1_2 = uw[697]; let u1_3 = uw[701];
          let u2_0 = uw[690]; let u2_1 = uw[694]; let u2_2 = uw[698]; let u2_3 = uw[702];
          let u3_0 = uw[691]; let u3_1 = uw[695]; let u3_2 = uw[699]; let u3_3 = uw[703];
          m23_0_0 = madd(m23_0_0, v20_3, u0_0, u0_1, u0_2, u0_3);
          m23_0_1 = madd(m23_0_1, v20_3, u1_0, u1_1, u1_2, u1_3);
          m23_0_2 = madd(m23_0_2, v20_3, u2_0, u2_1, u2_2, u2_3);
          m23_0_3 = madd(m23_0_3, v20_3, u3_0, u3_1, u3_2, u3_3);
          m23_1_0 = madd(m23_1_0, v21_3, u0_0, u0_1, u0_2, u0_3);
          m23_1_1 = madd(m23_1_1, v21_3, u1_0, u1_1, u1_2, u1_3);
          m23_1_2 = madd(m23_1_2, v21_3, u2_0, u2_1, u2_2, u2_3);
          m23_1_3 = madd(m23_1_3, v21_3, u3_0, u3_1, u3_2, u3_3);
          m23_2_0 = madd(m23_2_0, v22_3, u0_0, u0_1, u0_2, u0_3);
          m23_2_1 = madd(m23_2_1, v22_3, u1_0, u1_1, u1_2, u1_3);
          m23_2_2 = madd(m23_2_2, v22_3, u2_0, u2_1, u2_2, u2_3);
          m23_2_3 = madd(m23_2_3, v22_3, u3_0, u3_1, u3_2, u3_3);
          m23_3_0 = madd(m23_3_0, v23_3, u0_0, u0_1, u0_2, u0_3);
          m23_3_1 = madd(m23_3_1, v23_3, u1_0, u1_1, u1_2, u1_3);
          m23_3_2 = madd(m23_3_2, v23_3, u2_0, u2_1, u2_2, u2_3);
          m23_3_3 = madd(m23_3_3, v23_3, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m23_3_0; }
          m23_4_0 = madd(m23_4_0, v24_3, u0_0, u0_1, u0_2, u0_3);
          m23_4_1 = madd(m23_4_1, v24_3, u1_0, u1_1, u1_2, u1_3);
          m23_4_2 = madd(m23_4_2, v24_3, u2_0, u2_1, u2_2, u2_3);
          m23_4_3 = madd(m23_4_3, v24_3, u3_0, u3_1, u3_2, u3_3);
          m23_5_0 = madd(m23_5_0, v25_3, u0_0, u0_1, u0_2, u0_3);
          m23_5_1 = madd(m23_5_1, v25_3, u1_0, u1_1, u1_2, u1_3);
          m23_5_2 = madd(m23_5_2, v25_3, u2_0, u2_1, u2_2, u2_3);
          m23_5_3 = madd(m23_5_3, v25_3, u3_0, u3_1, u3_2, u3_3);
          m23_6_0 = madd(m23_6_0, v26_3, u0_0, u0_1, u0_2, u0_3);
          m23_6_1 = madd(m23_6_1, v26_3, u1_0, u1_1, u1_2, u1_3);
          m23_6_2 = madd(m23_6_2, v26_3, u2_0, u2_1, u2_2, u2_3);
          m23_6_3 = madd(m23_6_3, v26_3, u3_0, u3_1, u3_2, u3_3);
          m23_7_0 = madd(m23_7_0, v27_3, u0_0, u0_1, u0_2, u0_3);
          m23_7_1 = madd(m23_7_1, v27_3, u1_0, u1_1, u1_2, u1_3);
          m23_7_2 = madd(m23_7_2, v27_3, u2_0, u2_1, u2_2, u2_3);
          m23_7_3 = madd(m23_7_3, v27_3, u3_0, u3_1, u3_2, u3_3);
        }
      }
      if (CG > 3u) {
        let q0 = ldRow(0, 3u); let d0_0 = q0[0]; let d0_1 = q0[1]; let d0_2 = q0[2]; let d0_3 = q0[3]; let d0_4 = q0[4]; let d0_5 = q0[5]; let d0_6 = q0[6]; let d0_7 = q0[7]; let d0_8 = q0[8]; let d0_9 = q0[9];
        let q1 = ldRow(1, 3u); let d1_0 = q1[0]; let d1_1 = q1[1]; let d1_2 = q1[2]; let d1_3 = q1[3]; let d1_4 = q1[4]; let d1_5 = q1[5]; let d1_6 = q1[6]; let d1_7 = q1[7]; let d1_8 = q1[8]; let d1_9 = q1[9];
        let q2 = ldRow(2, 3u); let d2_0 = q2[0]; let d2_1 = q2[1]; let d2_2 = q2[2]; let d2_3 = q2[3]; let d2_4 = q2[4]; let d2_5 = q2[5]; let d2_6 = q2[6]; let d2_7 = q2[7]; let d2_8 = q2[8]; let d2_9 = q2[9];
        let q3 = ldRow(3, 3u); let d3_0 = q3[0]; let d3_1 = q3[1]; let d3_2 = q3[2]; let d3_3 = q3[3]; let d3_4 = q3[4]; let d3_5 = q3[5]; let d3_6 = q3[6]; let d3_7 = q3[7]; let d3_8 = q3[8]; let d3_9 = q3[9];
        let q4 = ldRow(4, 3u); let d4_0 = q4[0]; let d4_1 = q4[1]; let d4_2 = q4[2]; let d4_3 = q4[3]; let d4_4 = q4[4]; let d4_5 = q4[5]; let d4_6 = q4[6]; let d4_7 = q4[7]; let d4_8 = q4[8]; let d4_9 = q4[9];
        let q5 = ldRow(5, 3u); let d5_0 = q5[0]; let d5_1 = q5[1]; let d5_2 = q5[2]; let d5_3 = q5[3]; let d5_4 = q5[4]; let d5_5 = q5[5]; let d5_6 = q5[6]; let d5_7 = q5[7]; let d5_8 = q5[8]; let d5_9 = q5[9];
        let r10_0 = d1_0 + d2_0; let r10_1 = d1_1 + d2_1; let r10_2 = d1_2 + d2_2; let r10_3 = d1_3 + d2_3;
        let v10_0 = r10_0 - r10_2; let v10_1 = r10_1 + r10_2; let v10_2 = -r10_1 + r10_2; let v10_3 = r10_1 - r10_3;
        let r11_0 = d1_2 + d2_2; let r11_1 = d1_3 + d2_3; let r11_2 = d1_4 + d2_4; let r11_3 = d1_5 + d2_5;
        let v11_0 = r11_0 - r11_2; let v11_1 = r11_1 + r11_2; let v11_2 = -r11_1 + r11_2; let v11_3 = r11_1 - r11_3;
        let r12_0 = d1_4 + d2_4; let r12_1 = d1_5 + d2_5; let r12_2 = d1_6 + d2_6; let r12_3 = d1_7 + d2_7;
        let v12_0 = r12_0 - r12_2; let v12_1 = r12_1 + r12_2; let v12_2 = -r12_1 + r12_2; let v12_3 = r12_1 - r12_3;
        let r13_0 = d1_6 + d2_6; let r13_1 = d1_7 + d2_7; let r13_2 = d1_8 + d2_8; let r13_3 = d1_9 + d2_9;
        let v13_0 = r13_0 - r13_2; let v13_1 = r13_1 + r13_2; let v13_2 = -r13_1 + r13_2; let v13_3 = r13_1 - r13_3;
        let r14_0 = d3_0 + d4_0; let r14_1 = d3_1 + d4_1; let r14_2 = d3_2 + d4_2; let r14_3 = d3_3 + d4_3;
        let v14_0 = r14_0 - r14_2; let v14_1 = r14_1 + r14_2; let v14_2 = -r14_1 + r14_2; let v14_3 = r14_1 - r14_3;
        let r15_0 = d3_2 + d4_2; let r15_1 = d3_3 + d4_3; let r15_2 = d3_4 + d4_4; let r15_3 = d3_5 + d4_5;
        let v15_0 = r15_0 - r15_2; let v15_1 = r15_1 + r15_2; let v15_2 = -r15_1 + r15_2; let v15_3 = r15_1 - r15_3;
        let r16_0 = d3_4 + d4_4; let r16_1 = d3_5 + d4_5; let r16_2 = d3_6 + d4_6; let r16_3 = d3_7 + d4_7;
        let v16_0 = r16_0 - r16_2; let v16_1 = r16_1 + r16_2; let v16_2 = -r16_1 + r16_2; let v16_3 = r16_1 - r16_3;
        let r17_0 = d3_6 + d4_6; let r17_1 = d3_7 + d4_7; let r17_2 = d3_8 + d4_8; let r17_3 = d3_9 + d4_9;
        let v17_0 = r17_0 - r17_2; let v17_1 = r17_1 + r17_2; let v17_2 = -r17_1 + r17_2; let v17_3 = r17_1 - r17_3;
        {
          let u0_0 = uw[832]; let u0_1 = uw[836]; let u0_2 = uw[840]; let u0_3 = uw[844];
          let u1_0 = uw[833]; let u1_1 = uw[837]; let u1_2 = uw[841]; let u1_3 = uw[845];
          let u2_0 = uw[834]; let u2_1 = uw[838]; let u2_2 = uw[842]; let u2_3 = uw[846];
          let u3_0 = uw[835]; let u3_1 = uw[839]; let u3_2 = uw[843]; let u3_3 = uw[847];
          m10_0_0 = madd(m10_0_0, v10_0, u0_0, u0_1, u0_2, u0_3);
          m10_0_1 = madd(m10_0_1, v10_0, u1_0, u1_1, u1_2, u1_3);
          m10_0_2 = madd(m10_0_2, v10_0, u2_0, u2_1, u2_2, u2_3);
          m10_0_3 = madd(m10_0_3, v10_0, u3_0, u3_1, u3_2, u3_3);
          m10_1_0 = madd(m10_1_0, v11_0, u0_0, u0_1, u0_2, u0_3);
          m10_1_1 = madd(m10_1_1, v11_0, u1_0, u1_1, u1_2, u1_3);
          m10_1_2 = madd(m10_1_2, v11_0, u2_0, u2_1, u2_2, u2_3);
          m10_1_3 = madd(m10_1_3, v11_0, u3_0, u3_1, u3_2, u3_3);
          m10_2_0 = madd(m10_2_0, v12_0, u0_0, u0_1, u0_2, u0_3);
          m10_2_1 = madd(m10_2_1, v12_0, u1_0, u1_1, u1_2, u1_3);
          m10_2_2 = madd(m10_2_2, v12_0, u2_0, u2_1, u2_2, u2_3);
          m10_2_3 = madd(m10_2_3, v12_0, u3_0, u3_1, u3_2, u3_3);
          m10_3_0 = madd(m10_3_0, v13_0, u0_0, u0_1, u0_2, u0_3);
          m10_3_1 = madd(m10_3_1, v13_0, u1_0, u1_1, u1_2, u1_3);
          m10_3_2 = madd(m10_3_2, v13_0, u2_0, u2_1, u2_2, u2_3);
          m10_3_3 = madd(m10_3_3, v13_0, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m10_3_0; }
          m10_4_0 = madd(m10_4_0, v14_0, u0_0, u0_1, u0_2, u0_3);
          m10_4_1 = madd(m10_4_1, v14_0, u1_0, u1_1, u1_2, u1_3);
          m10_4_2 = madd(m10_4_2, v14_0, u2_0, u2_1, u2_2, u2_3);
          m10_4_3 = madd(m10_4_3, v14_0, u3_0, u3_1, u3_2, u3_3);
          m10_5_0 = madd(m10_5_0, v15_0, u0_0, u0_1, u0_2, u0_3);
          m10_5_1 = madd(m10_5_1, v15_0, u1_0, u1_1, u1_2, u1_3);
          m10_5_2 = madd(m10_5_2, v15_0, u2_0, u2_1, u2_2, u2_3);
          m10_5_3 = madd(m10_5_3, v15_0, u3_0, u3_1, u3_2, u3_3);
          m10_6_0 = madd(m10_6_0, v16_0, u0_0, u0_1, u0_2, u0_3);
          m10_6_1 = madd(m10_6_1, v16_0, u1_0, u1_1, u1_2, u1_3);
          m10_6_2 = madd(m10_6_2, v16_0, u2_0, u2_1, u2_2, u2_3);
          m10_6_3 = madd(m10_6_3, v16_0, u3_0, u3_1, u3_2, u3_3);
          m10_7_0 = madd(m10_7_0, v17_0, u0_0, u0_1, u0_2, u0_3);
          m10_7_1 = madd(m10_7_1, v17_0, u1_0, u1_1, u1_2, u1_3);
          m10_7_2 = madd(m10_7_2, v17_0, u2_0, u2_1, u2_2, u2_3);
          m10_7_3 = madd(m10_7_3, v17_0, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = uw[848]; let u0_1 = uw[852]; let u0_2 = uw[856]; let u0_3 = uw[860];
          let u1_0 = uw[849]; let u1_1 = uw[853]; let u1_2 = uw[857]; let u1_3 = uw[861];
          let u2_0 = uw[850]; let u2_1 = uw[854]; let u2_2 = uw[858]; let u2_3 = uw[862];
          let u3_0 = uw[851]; let u3_1 = uw[855]; let u3_2 = uw[859]; let u3_3 = uw[863];
          m11_0_0 = madd(m11_0_0, v10_1, u0_0, u0_1, u0_2, u0_3);
          m11_0_1 = madd(m11_0_1, v10_1, u1_0, u1_1, u1_2, u1_3);
          m11_0_2 = madd(m11_0_2, v10_1, u2_0, u2_1, u2_2, u2_3);
          m11_0_3 = madd(m11_0_3, v10_1, u3_0, u3_1, u3_2, u3_3);
          m11_1_0 = madd(m11_1_0, v11_1, u0_0, u0_1, u0_2, u0_3);
          m11_1_1 = madd(m11_1_1, v11_1, u1_0, u1_1, u1_2, u1_3);
          m11_1_2 = madd(m11_1_2, v11_1, u2_0, u2_1, u2_2, u2_3);
          m11_1_3 = madd(m11_1_3, v11_1, u3_0, u3_1, u3_2, u3_3);
          m11_2_0 = madd(m11_2_0, v12_1, u0_0, u0_1, u0_2, u0_3);
          m11_2_1 = madd(m11_2_1, v12_1, u1_0, u1_1, u1_2, u1_3);
          m11_2_2 = madd(m11_2_2, v12_1, u2_0, u2_1, u2_2, u2_3);
          m11_2_3 = madd(m11_2_3, v12_1, u3_0, u3_1, u3_2, u3_3);
          m11_3_0 = madd(m11_3_0, v13_1, u0_0, u0_1, u0_2, u0_3);
          m11_3_1 = madd(m11_3_1, v13_1, u1_0, u1_1, u1_2, u1_3);
          m11_3_2 = madd(m11_3_2, v13_1, u2_0, u2_1, u2_2, u2_3);
          m11_3_3 = madd(m11_3_3, v13_1, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m11_3_0; }
          m11_4_0 = madd(m11_4_0, v14_1, u0_0, u0_1, u0_2, u0_3);
          m11_4_1 = madd(m11_4_1, v14_1, u1_0, u1_1, u1_2, u1_3);
          m11_4_2 = madd(m11_4_2, v14_1, u2_0, u2_1, u2_2, u2_3);
          m11_4_3 = madd(m11_4_3, v14_1, u3_0, u3_1, u3_2, u3_3);
          m11_5_0 = madd(m11_5_0, v15_1, u0_0, u0_1, u0_2, u0_3);
          m11_5_1 = madd(m11_5_1, v15_1, u1_0, u1_1, u1_2, u1_3);
          m11_5_2 = madd(m11_5_2, v15_1, u2_0, u2_1, u2_2, u2_3);
          m11_5_3 = madd(m11_5_3, v15_1, u3_0, u3_1, u3_2, u3_3);
          m11_6_0 = madd(m11_6_0, v16_1, u0_0, u0_1, u0_2, u0_3);
          m11_6_1 = madd(m11_6_1, v16_1, u1_0, u1_1, u1_2, u1_3);
          m11_6_2 = madd(m11_6_2, v16_1, u2_0, u2_1, u2_2, u2_3);
          m11_6_3 = madd(m11_6_3, v16_1, u3_0, u3_1, u3_2, u3_3);
          m11_7_0 = madd(m11_7_0, v17_1, u0_0, u0_1, u0_2, u0_3);
          m11_7_1 = madd(m11_7_1, v17_1, u1_0, u1_1, u1_2, u1_3);
          m11_7_2 = madd(m11_7_2, v17_1, u2_0, u2_1, u2_2, u2_3);
          m11_7_3 = madd(m11_7_3, v17_1, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = uw[864]; let u0_1 = uw[868]; let u0_2 = uw[872]; let u0_3 = uw[876];
          let u1_0 = uw[865]; let u1_1 = uw[869]; let u1_2 = uw[873]; let u1_3 = uw[877];
          let u2_0 = uw[866]; let u2_1 = uw[870]; let u2_2 = uw[874]; let u2_3 = uw[878];
          let u3_0 = uw[867]; let u3_1 = uw[871]; let u3_2 = uw[875]; let u3_3 = uw[879];
          m12_0_0 = madd(m12_0_0, v10_2, u0_0, u0_1, u0_2, u0_3);
          m12_0_1 = madd(m12_0_1, v10_2, u1_0, u1_1, u1_2, u1_3);
          m12_0_2 = madd(m12_0_2, v10_2, u2_0, u2_1, u2_2, u2_3);
          m12_0_3 = madd(m12_0_3, v10_2, u3_0, u3_1, u3_2, u3_3);
          m12_1_0 = madd(m12_1_0, v11_2, u0_0, u0_1, u0_2, u0_3);
          m12_1_1 = madd(m12_1_1, v11_2, u1_0, u1_1, u1_2, u1_3);
          m12_1_2 = madd(m12_1_2, v11_2, u2_0, u2_1, u2_2, u2_3);
          m12_1_3 = madd(m12_1_3, v11_2, u3_0, u3_1, u3_2, u3_3);
          m12_2_0 = madd(m12_2_0, v12_2, u0_0, u0_1, u0_2, u0_3);
          m12_2_1 = madd(m12_2_1, v12_2, u1_0, u1_1, u1_2, u1_3);
          m12_2_2 = madd(m12_2_2, v12_2, u2_0, u2_1, u2_2, u2_3);
          m12_2_3 = madd(m12_2_3, v12_2, u3_0, u3_1, u3_2, u3_3);
          m12_3_0 = madd(m12_3_0, v13_2, u0_0, u0_1, u0_2, u0_3);
          m12_3_1 = madd(m12_3_1, v13_2, u1_0, u1_1, u1_2, u1_3);
          m12_3_2 = madd(m12_3_2, v13_2, u2_0, u2_1, u2_2, u2_3);
          m12_3_3 = madd(m12_3_3, v13_2, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m12_3_0; }
          m12_4_0 = madd(m12_4_0, v14_2, u0_0, u0_1, u0_2, u0_3);
          m12_4_1 = madd(m12_4_1, v14_2, u1_0, u1_1, u1_2, u1_3);
          m12_4_2 = madd(m12_4_2, v14_2, u2_0, u2_1, u2_2, u2_3);
          m12_4_3 = madd(m12_4_3, v14_2, u3_0, u3_1, u3_2, u3_3);
          m12_5_0 = madd(m12_5_0, v15_2, u0_0, u0_1, u0_2, u0_3);
          m12_5_1 = madd(m12_5_1, v15_2, u1_0, u1_1, u1_2, u1_3);
          m12_5_2 = madd(m12_5_2, v15_2, u2_0, u2_1, u2_2, u2_3);
          m12_5_3 = madd(m12_5_3, v15_2, u3_0, u3_1, u3_2, u3_3);
          m12_6_0 = madd(m12_6_0, v16_2, u0_0, u0_1, u0_2, u0_3);
          m12_6_1 = madd(m12_6_1, v16_2, u1_0, u1_1, u1_2, u1_3);
          m12_6_2 = madd(m12_6_2, v16_2, u2_0, u2_1, u2_2, u2_3);
          m12_6_3 = madd(m12_6_3, v16_2, u3_0, u3_1, u3_2, u3_3);
          m12_7_0 = madd(m12_7_0, v17_2, u0_0, u0_1, u0_2, u0_3);
          m12_7_1 = madd(m12_7_1, v17_2, u1_0, u1_1, u1_2, u1_3);
          m12_7_2 = madd(m12_7_2, v17_2, u2_0, u2_1, u2_2, u2_3);
          m12_7_3 = madd(m12_7_3, v17_2, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = uw[880]; let u0_1 = uw[884]; let u0_2 = uw[888]; let u0_3 = uw[892];
          let u1_0 = uw[881]; let u1_1 = uw[885]; let u1_2 = uw[889]; let u1_3 = uw[893];
          let u2_0 = uw[882]; let u2_1 = uw[886]; let u2_2 = uw[890]; let u2_3 = uw[894];
          let u3_0 = uw[883]; let u3_1 = uw[887]; let u3_2 = uw[891]; let u3_3 = uw[895];
          m13_0_0 = madd(m13_0_0, v10_3, u0_0, u0_1, u0_2, u0_3);
          m13_0_1 = madd(m13_0_1, v10_3, u1_0, u1_1, u1_2, u1_3);
          m13_0_2 = madd(m13_0_2, v10_3, u2_0, u2_1, u2_2, u2_3);
          m13_0_3 = madd(m13_0_3, v10_3, u3_0, u3_1, u3_2, u3_3);
          m13_1_0 = madd(m13_1_0, v11_3, u0_0, u0_1, u0_2, u0_3);
          m13_1_1 = madd(m13_1_1, v11_3, u1_0, u1_1, u1_2, u1_3);
          m13_1_2 = madd(m13_1_2, v11_3, u2_0, u2_1, u2_2, u2_3);
          m13_1_3 = madd(m13_1_3, v11_3, u3_0, u3_1, u3_2, u3_3);
          m13_2_0 = madd(m13_2_0, v12_3, u0_0, u0_1, u0_2, u0_3);
          m13_2_1 = madd(m13_2_1, v12_3, u1_0, u1_1, u1_2, u1_3);
          m13_2_2 = madd(m13_2_2, v12_3, u2_0, u2_1, u2_2, u2_3);
          m13_2_3 = madd(m13_2_3, v12_3, u3_0, u3_1, u3_2, u3_3);
          m13_3_0 = madd(m13_3_0, v13_3, u0_0, u0_1, u0_2, u0_3);
          m13_3_1 = madd(m13_3_1, v13_3, u1_0, u1_1, u1_2, u1_3);
          m13_3_2 = madd(m13_3_2, v13_3, u2_0, u2_1, u2_2, u2_3);
          m13_3_3 = madd(m13_3_3, v13_3, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m13_3_0; }
          m13_4_0 = madd(m13_4_0, v14_3, u0_0, u0_1, u0_2, u0_3);
          m13_4_1 = madd(m13_4_1, v14_3, u1_0, u1_1, u1_2, u1_3);
          m13_4_2 = madd(m13_4_2, v14_3, u2_0, u2_1, u2_2, u2_3);
          m13_4_3 = madd(m13_4_3, v14_3, u3_0, u3_1, u3_2, u3_3);
          m13_5_0 = madd(m13_5_0, v15_3, u0_0, u0_1, u0_2, u0_3);
          m13_5_1 = madd(m13_5_1, v15_3, u1_0, u1_1, u1_2, u1_3);
          m13_5_2 = madd(m13_5_2, v15_3, u2_0, u2_1, u2_2, u2_3);
          m13_5_3 = madd(m13_5_3, v15_3, u3_0, u3_1, u3_2, u3_3);
          m13_6_0 = madd(m13_6_0, v16_3, u0_0, u0_1, u0_2, u0_3);
          m13_6_1 = madd(m13_6_1, v16_3, u1_0, u1_1, u1_2, u1_3);
          m13_6_2 = madd(m13_6_2, v16_3, u2_0, u2_1, u2_2, u2_3);
          m13_6_3 = madd(m13_6_3, v16_3, u3_0, u3_1, u3_2, u3_3);
          m13_7_0 = madd(m13_7_0, v17_3, u0_0, u0_1, u0_2, u0_3);
          m13_7_1 = madd(m13_7_1, v17_3, u1_0, u1_1, u1_2, u1_3);
          m13_7_2 = madd(m13_7_2, v17_3, u2_0, u2_1, u2_2, u2_3);
          m13_7_3 = madd(m13_7_3, v17_3, u3_0, u3_1, u3_2, u3_3);
        }
        let r20_0 = -d1_0 + d2_0; let r20_1 = -d1_1 + d2_1; let r20_2 = -d1_2 + d2_2; let r20_3 = -d1_3 + d2_3;
        let v20_0 = r20_0 - r20_2; let v20_1 = r20_1 + r20_2; let v20_2 = -r20_1 + r20_2; let v20_3 = r20_1 - r20_3;
        let r21_0 = -d1_2 + d2_2; let r21_1 = -d1_3 + d2_3; let r21_2 = -d1_4 + d2_4; let r21_3 = -d1_5 + d2_5;
        let v21_0 = r21_0 - r21_2; let v21_1 = r21_1 + r21_2; let v21_2 = -r21_1 + r21_2; let v21_3 = r21_1 - r21_3;
        let r22_0 = -d1_4 + d2_4; let r22_1 = -d1_5 + d2_5; let r22_2 = -d1_6 + d2_6; let r22_3 = -d1_7 + d2_7;
        let v22_0 = r22_0 - r22_2; let v22_1 = r22_1 + r22_2; let v22_2 = -r22_1 + r22_2; let v22_3 = r22_1 - r22_3;
        let r23_0 = -d1_6 + d2_6; let r23_1 = -d1_7 + d2_7; let r23_2 = -d1_8 + d2_8; let r23_3 = -d1_9 + d2_9;
        let v23_0 = r23_0 - r23_2; let v23_1 = r23_1 + r23_2; let v23_2 = -r23_1 + r23_2; let v23_3 = r23_1 - r23_3;
        let r24_0 = -d3_0 + d4_0; let r24_1 = -d3_1 + d4_1; let r24_2 = -d3_2 + d4_2; let r24_3 = -d3_3 + d4_3;
        let v24_0 = r24_0 - r24_2; let v24_1 = r24_1 + r24_2; let v24_2 = -r24_1 + r24_2; let v24_3 = r24_1 - r24_3;
        let r25_0 = -d3_2 + d4_2; let r25_1 = -d3_3 + d4_3; let r25_2 = -d3_4 + d4_4; let r25_3 = -d3_5 + d4_5;
        let v25_0 = r25_0 - r25_2; let v25_1 = r25_1 + r25_2; let v25_2 = -r25_1 + r25_2; let v25_3 = r25_1 - r25_3;
        let r26_0 = -d3_4 + d4_4; let r26_1 = -d3_5 + d4_5; let r26_2 = -d3_6 + d4_6; let r26_3 = -d3_7 + d4_7;
        let v26_0 = r26_0 - r26_2; let v26_1 = r26_1 + r26_2; let v26_2 = -r26_1 + r26_2; let v26_3 = r26_1 - r26_3;
        let r27_0 = -d3_6 + d4_6; let r27_1 = -d3_7 + d4_7; let r27_2 = -d3_8 + d4_8; let r27_3 = -d3_9 + d4_9;
        let v27_0 = r27_0 - r27_2; let v27_1 = r27_1 + r27_2; let v27_2 = -r27_1 + r27_2; let v27_3 = r27_1 - r27_3;
        {
          let u0_0 = uw[896]; let u0_1 = uw[900]; let u0_2 = uw[904]; let u0_3 = uw[908];
          let u1_0 = uw[897]; let u1_1 = uw[901]; let u1_2 = uw[905]; let u1_3 = uw[909];
          let u2_0 = uw[898]; let u2_1 = uw[902]; let u2_2 = uw[906]; let u2_3 = uw[910];
          let u3_0 = uw[899]; let u3_1 = uw[903]; let u3_2 = uw[907]; let u3_3 = uw[911];
          m20_0_0 = madd(m20_0_0, v20_0, u0_0, u0_1, u0_2, u0_3);
          m20_0_1 = madd(m20_0_1, v20_0, u1_0, u1_1, u1_2, u1_3);
          m20_0_2 = madd(m20_0_2, v20_0, u2_0, u2_1, u2_2, u2_3);
          m20_0_3 = madd(m20_0_3, v20_0, u3_0, u3_1, u3_2, u3_3);
          m20_1_0 = madd(m20_1_0, v21_0, u0_0, u0_1, u0_2, u0_3);
          m20_1_1 = madd(m20_1_1, v21_0, u1_0, u1_1, u1_2, u1_3);
          m20_1_2 = madd(m20_1_2, v21_0, u2_0, u2_1, u2_2, u2_3);
          m20_1_3 = madd(m20_1_3, v21_0, u3_0, u3_1, u3_2, u3_3);
          m20_2_0 = madd(m20_2_0, v22_0, u0_0, u0_1, u0_2, u0_3);
          m20_2_1 = madd(m20_2_1, v22_0, u1_0, u1_1, u1_2, u1_3);
          m20_2_2 = madd(m20_2_2, v22_0, u2_0, u2_1, u2_2, u2_3);
          m20_2_3 = madd(m20_2_3, v22_0, u3_0, u3_1, u3_2, u3_3);
          m20_3_0 = madd(m20_3_0, v23_0, u0_0, u0_1, u0_2, u0_3);
          m20_3_1 = madd(m20_3_1, v23_0, u1_0, u1_1, u1_2, u1_3);
          m20_3_2 = madd(m20_3_2, v23_0, u2_0, u2_1, u2_2, u2_3);
          m20_3_3 = madd(m20_3_3, v23_0, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m20_3_0; }
          m20_4_0 = madd(m20_4_0, v24_0, u0_0, u0_1, u0_2, u0_3);
          m20_4_1 = madd(m20_4_1, v24_0, u1_0, u1_1, u1_2, u1_3);
          m20_4_2 = madd(m20_4_2, v24_0, u2_0, u2_1, u2_2, u2_3);
          m20_4_3 = madd(m20_4_3, v24_0, u3_0, u3_1, u3_2, u3_3);
          m20_5_0 = madd(m20_5_0, v25_0, u0_0, u0_1, u0_2, u0_3);
          m20_5_1 = madd(m20_5_1, v25_0, u1_0, u1_1, u1_2, u1_3);
          m20_5_2 = madd(m20_5_2, v25_0, u2_0, u2_1, u2_2, u2_3);
          m20_5_3 = madd(m20_5_3, v25_0, u3_0, u3_1, u3_2, u3_3);
          m20_6_0 = madd(m20_6_0, v26_0, u0_0, u0_1, u0_2, u0_3);
          m20_6_1 = madd(m20_6_1, v26_0, u1_0, u1_1, u1_2, u1_3);
          m20_6_2 = madd(m20_6_2, v26_0, u2_0, u2_1, u2_2, u2_3);
          m20_6_3 = madd(m20_6_3, v26_0, u3_0, u3_1, u3_2, u3_3);
          m20_7_0 = madd(m20_7_0, v27_0, u0_0, u0_1, u0_2, u0_3);
          m20_7_1 = madd(m20_7_1, v27_0, u1_0, u1_1, u1_2, u1_3);
          m20_7_2 = madd(m20_7_2, v27_0, u2_0, u2_1, u2_2, u2_3);
          m20_7_3 = madd(m20_7_3, v27_0, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = uw[912]; let u0_1 = uw[916]; let u0_2 = uw[920]; let u0_3 = uw[924];
          let u1_0 = uw[913]; let u1_1 = uw[917]; let u1_2 = uw[921]; let u1_3 = uw[925];
          let u2_0 = uw[914]; let u2_1 = uw[918]; let u2_2 = uw[922]; let u2_3 = uw[926];
          let u3_0 = uw[915]; let u3_1 = uw[919]; let u3_2 = uw[923]; let u3_3 = uw[927];
          m21_0_0 = madd(m21_0_0, v20_1, u0_0, u0_1, u0_2, u0_3);
          m21_0_1 = madd(m21_0_1, v20_1, u1_0, u1_1, u1_2, u1_3);
          m21_0_2 = madd(m21_0_2, v20_1, u2_0, u2_1, u2_2, u2_3);
          m21_0_3 = madd(m21_0_3, v20_1, u3_0, u3_1, u3_2, u3_3);
          m21_1_0 = madd(m21_1_0, v21_1, u0_0, u0_1, u0_2, u0_3);
          m21_1_1 = madd(m21_1_1, v21_1, u1_0, u1_1, u1_2, u1_3);
          m21_1_2 = madd(m21_1_2, v21_1, u2_0, u2_1, u2_2, u2_3);
          m21_1_3 = madd(m21_1_3, v21_1, u3_0, u3_1, u3_2, u3_3);
          m21_2_0 = madd(m21_2_0, v22_1, u0_0, u0_1, u0_2, u0_3);
          m21_2_1 = madd(m21_2_1, v22_1, u1_0, u1_1, u1_2, u1_3);
          m21_2_2 = madd(m21_2_2, v22_1, u2_0, u2_1, u2_2, u2_3);
          m21_2_3 = madd(m21_2_3, v22_1, u3_0, u3_1, u3_2, u3_3);
          m21_3_0 = madd(m21_3_0, v23_1, u0_0, u0_1, u0_2, u0_3);
          m21_3_1 = madd(m21_3_1, v23_1, u1_0, u1_1, u1_2, u1_3);
          m21_3_2 = madd(m21_3_2, v23_1, u2_0, u2_1, u2_2, u2_3);
          m21_3_3 = madd(m21_3_3, v23_1, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m21_3_0; }
          m21_4_0 = madd(m21_4_0, v24_1, u0_0, u0_1, u0_2, u0_3);
          m21_4_1 = madd(m21_4_1, v24_1, u1_0, u1_1, u1_2, u1_3);
          m21_4_2 = madd(m21_4_2, v24_1, u2_0, u2_1, u2_2, u2_3);
          m21_4_3 = madd(m21_4_3, v24_1, u3_0, u3_1, u3_2, u3_3);
          m21_5_0 = madd(m21_5_0, v25_1, u0_0, u0_1, u0_2, u0_3);
          m21_5_1 = madd(m21_5_1, v25_1, u1_0, u1_1, u1_2, u1_3);
          m21_5_2 = madd(m21_5_2, v25_1, u2_0, u2_1, u2_2, u2_3);
          m21_5_3 = madd(m21_5_3, v25_1, u3_0, u3_1, u3_2, u3_3);
          m21_6_0 = madd(m21_6_0, v26_1, u0_0, u0_1, u0_2, u0_3);
          m21_6_1 = madd(m21_6_1, v26_1, u1_0, u1_1, u1_2, u1_3);
          m21_6_2 = madd(m21_6_2, v26_1, u2_0, u2_1, u2_2, u2_3);
          m21_6_3 = madd(m21_6_3, v26_1, u3_0, u3_1, u3_2, u3_3);
          m21_7_0 = madd(m21_7_0, v27_1, u0_0, u0_1, u0_2, u0_3);
          m21_7_1 = madd(m21_7_1, v27_1, u1_0, u1_1, u1_2, u1_3);
          m21_7_2 = madd(m21_7_2, v27_1, u2_0, u2_1, u2_2, u2_3);
          m21_7_3 = madd(m21_7_3, v27_1, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = uw[928]; let u0_1 = uw[932]; let u0_2 = uw[936]; let u0_3 = uw[940];
          let u1_0 = uw[929]; let u1_1 = uw[933]; let u1_2 = uw[937]; let u1_3 = uw[941];
          let u2_0 = uw[930]; let u2_1 = uw[934]; let u2_2 = uw[938]; let u2_3 = uw[942];
          let u3_0 = uw[931]; let u3_1 = uw[935]; let u3_2 = uw[939]; let u3_3 = uw[943];
          m22_0_0 = madd(m22_0_0, v20_2, u0_0, u0_1, u0_2, u0_3);
          m22_0_1 = madd(m22_0_1, v20_2, u1_0, u1_1, u1_2, u1_3);
          m22_0_2 = madd(m22_0_2, v20_2, u2_0, u2_1, u2_2, u2_3);
          m22_0_3 = madd(m22_0_3, v20_2, u3_0, u3_1, u3_2, u3_3);
          m22_1_0 = madd(m22_1_0, v21_2, u0_0, u0_1, u0_2, u0_3);
          m22_1_1 = madd(m22_1_1, v21_2, u1_0, u1_1, u1_2, u1_3);
          m22_1_2 = madd(m22_1_2, v21_2, u2_0, u2_1, u2_2, u2_3);
          m22_1_3 = madd(m22_1_3, v21_2, u3_0, u3_1, u3_2, u3_3);
          m22_2_0 = madd(m22_2_0, v22_2, u0_0, u0_1, u0_2, u0_3);
          m22_2_1 = madd(m22_2_1, v22_2, u1_0, u1_1, u1_2, u1_3);
          m22_2_2 = madd(m22_2_2, v22_2, u2_0, u2_1, u2_2, u2_3);
          m22_2_3 = madd(m22_2_3, v22_2, u3_0, u3_1, u3_2, u3_3);
          m22_3_0 = madd(m22_3_0, v23_2, u0_0, u0_1, u0_2, u0_3);
          m22_3_1 = madd(m22_3_1, v23_2, u1_0, u1_1, u1_2, u1_3);
          m22_3_2 = madd(m22_3_2, v23_2, u2_0, u2_1, u2_2, u2_3);
          m22_3_3 = madd(m22_3_3, v23_2, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m22_3_0; }
          m22_4_0 = madd(m22_4_0, v24_2, u0_0, u0_1, u0_2, u0_3);
          m22_4_1 = madd(m22_4_1, v24_2, u1_0, u1_1, u1_2, u1_3);
          m22_4_2 = madd(m22_4_2, v24_2, u2_0, u2_1, u2_2, u2_3);
          m22_4_3 = madd(m22_4_3, v24_2, u3_0, u3_1, u3_2, u3_3);
          m22_5_0 = madd(m22_5_0, v25_2, u0_0, u0_1, u0_2, u0_3);
          m22_5_1 = madd(m22_5_1, v25_2, u1_0, u1_1, u1_2, u1_3);
          m22_5_2 = madd(m22_5_2, v25_2, u2_0, u2_1, u2_2, u2_3);
          m22_5_3 = madd(m22_5_3, v25_2, u3_0, u3_1, u3_2, u3_3);
          m22_6_0 = madd(m22_6_0, v26_2, u0_0, u0_1, u0_2, u0_3);
          m22_6_1 = madd(m22_6_1, v26_2, u1_0, u1_1, u1_2, u1_3);
          m22_6_2 = madd(m22_6_2, v26_2, u2_0, u2_1, u2_2, u2_3);
          m22_6_3 = madd(m22_6_3, v26_2, u3_0, u3_1, u3_2, u3_3);
          m22_7_0 = madd(m22_7_0, v27_2, u0_0, u0_1, u0_2, u0_3);
          m22_7_1 = madd(m22_7_1, v27_2, u1_0, u1_1, u1_2, u1_3);
          m22_7_2 = madd(m22_7_2, v27_2, u2_0, u2_1, u2_2, u2_3);
          m22_7_3 = madd(m22_7_3, v27_2, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = uw[944]; let u0_1 = uw[948]; let u0_2 = uw[952]; let u0_3 = uw[956];
          let u1_0 = uw[945]; let u1_1 = uw[949]; let u1_2 = uw[953]; let u1_3 = uw[957];
          let u2_0 = uw[946]; let u2_1 = uw[950]; let u2_2 = uw[954]; let u2_3 = uw[958];
          let u3_0 = uw[947]; let u3_1 = uw[951]; let u3_2 = uw[955]; let u3_3 = uw[959];
          m23_0_0 = madd(m23_0_0, v20_3, u0_0, u0_1, u0_2, u0_3);
          m23_0_1 = madd(m23_0_1, v20_3, u1_0, u1_1, u1_2, u1_3);
          m23_0_2 = madd(m23_0_2, v20_3, u2_0, u2_1, u2_2, u2_3);
          m23_0_3 = madd(m23_0_3, v20_3, u3_0, u3_1, u3_2, u3_3);
          m23_1_0 = madd(m23_1_0, v21_3, u0_0, u0_1, u0_2, u0_3);
          m23_1_1 = madd(m23_1_1, v21_3, u1_0, u1_1, u1_2, u1_3);
          m23_1_2 = madd(m23_1_2, v21_3, u2_0, u2_1, u2_2, u2_3);
          m23_1_3 = madd(m23_1_3, v21_3, u3_0, u3_1, u3_2, u3_3);
          m23_2_0 = madd(m23_2_0, v22_3, u0_0, u0_1, u0_2, u0_3);
          m23_2_1 = madd(m23_2_1, v22_3, u1_0, u1_1, u1_2, u1_3);
          m23_2_2 = madd(m23_2_2, v22_3, u2_0, u2_1, u2_2, u2_3);
          m23_2_3 = madd(m23_2_3, v22_3, u3_0, u3_1, u3_2, u3_3);
          m23_3_0 = madd(m23_3_0, v23_3, u0_0, u0_1, u0_2, u0_3);
          m23_3_1 = madd(m23_3_1, v23_3, u1_0, u1_1, u1_2, u1_3);
          m23_3_2 = madd(m23_3_2, v23_3, u2_0, u2_1, u2_2, u2_3);
          m23_3_3 = madd(m23_3_3, v23_3, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m23_3_0; }
          m23_4_0 = madd(m23_4_0, v24_3, u0_0, u0_1, u0_2, u0_3);
          m23_4_1 = madd(m23_4_1, v24_3, u1_0, u1_1, u1_2, u1_3);
          m23_4_2 = madd(m23_4_2, v24_3, u2_0, u2_1, u2_2, u2_3);
          m23_4_3 = madd(m23_4_3, v24_3, u3_0, u3_1, u3_2, u3_3);
          m23_5_0 = madd(m23_5_0, v25_3, u0_0, u0_1, u0_2, u0_3);
          m23_5_1 = madd(m23_5_1, v25_3, u1_0, u1_1, u1_2, u1_3);
          m23_5_2 = madd(m23_5_2, v25_3, u2_0, u2_1, u2_2, u2_3);
          m23_5_3 = madd(m23_5_3, v25_3, u3_0, u3_1, u3_2, u3_3);
          m23_6_0 = madd(m23_6_0, v26_3, u0_0, u0_1, u0_2, u0_3);
          m23_6_1 = madd(m23_6_1, v26_3, u1_0, u1_1, u1_2, u1_3);
          m23_6_2 = madd(m23_6_2, v26_3, u2_0, u2_1, u2_2, u2_3);
          m23_6_3 = madd(m23_6_3, v26_3, u3_0, u3_1, u3_2, u3_3);
          m23_7_0 = madd(m23_7_0, v27_3, u0_0, u0_1, u0_2, u0_3);
          m23_7_1 = madd(m23_7_1, v27_3, u1_0, u1_1, u1_2, u1_3);
          m23_7_2 = madd(m23_7_2, v27_3, u2_0, u2_1, u2_2, u2_3);
          m23_7_3 = madd(m23_7_3, v27_3, u3_0, u3_1, u3_2, u3_3);
        }
      }
      y0_0_00 += m10_0_0 + m11_0_0 + m12_0_0;
      y0_0_10 += m10_0_0 + m11_0_0 + m12_0_0;
      y0_0_01 += m11_0_0 - m12_0_0 - m13_0_0;
      y0_0_11 += m11_0_0 - m12_0_0 - m13_0_0;
      y0_1_00 += m10_0_1 + m11_0_1 + m12_0_1;
      y0_1_10 += m10_0_1 + m11_0_1 + m12_0_1;
      y0_1_01 += m11_0_1 - m12_0_1 - m13_0_1;
      y0_1_11 += m11_0_1 - m12_0_1 - m13_0_1;
      y0_2_00 += m10_0_2 + m11_0_2 + m12_0_2;
      y0_2_10 += m10_0_2 + m11_0_2 + m12_0_2;
      y0_2_01 += m11_0_2 - m12_0_2 - m13_0_2;
      y0_2_11 += m11_0_2 - m12_0_2 - m13_0_2;
      y0_3_00 += m10_0_3 + m11_0_3 + m12_0_3;
      y0_3_10 += m10_0_3 + m11_0_3 + m12_0_3;
      y0_3_01 += m11_0_3 - m12_0_3 - m13_0_3;
      y0_3_11 += m11_0_3 - m12_0_3 - m13_0_3;
      y1_0_00 += m10_1_0 + m11_1_0 + m12_1_0;
      y1_0_10 += m10_1_0 + m11_1_0 + m12_1_0;
      y1_0_01 += m11_1_0 - m12_1_0 - m13_1_0;
      y1_0_11 += m11_1_0 - m12_1_0 - m13_1_0;
      y1_1_00 += m10_1_1 + m11_1_1 + m12_1_1;
      y1_1_10 += m10_1_1 + m11_1_1 + m12_1_1;
      y1_1_01 += m11_1_1 - m12_1_1 - m13_1_1;
      y1_1_11 += m11_1_1 - m12_1_1 - m13_1_1;
      y1_2_00 += m10_1_2 + m11_1_2 + m12_1_2;
      y1_2_10 += m10_1_2 + m11_1_2 + m12_1_2;
      y1_2_01 += m11_1_2 - m12_1_2 - m13_1_2;
      y1_2_11 += m11_1_2 - m12_1_2 - m13_1_2;
      y1_3_00 += m10_1_3 + m11_1_3 + m12_1_3;
      y1_3_10 += m10_1_3 + m11_1_3 + m12_1_3;
      y1_3_01 += m11_1_3 - m12_1_3 - m13_1_3;
      y1_3_11 += m11_1_3 - m12_1_3 - m13_1_3;
      y2_0_00 += m10_2_0 + m11_2_0 + m12_2_0;
      y2_0_10 += m10_2_0 + m11_2_0 + m12_2_0;
      y2_0_01 += m11_2_0 - m12_2_0 - m13_2_0;
      y2_0_11 += m11_2_0 - m12_2_0 - m13_2_0;
      y2_1_00 += m10_2_1 + m11_2_1 + m12_2_1;
      y2_1_10 += m10_2_1 + m11_2_1 + m12_2_1;
      y2_1_01 += m11_2_1 - m12_2_1 - m13_2_1;
      y2_1_11 += m11_2_1 - m12_2_1 - m13_2_1;
      y2_2_00 += m10_2_2 + m11_2_2 + m12_2_2;
      y2_2_10 += m10_2_2 + m11_2_2 + m12_2_2;
      y2_2_01 += m11_2_2 - m12_2_2 - m13_2_2;
      y2_2_11 += m11_2_2 - m12_2_2 - m13_2_2;
      y2_3_00 += m10_2_3 + m11_2_3 + m12_2_3;
      y2_3_10 += m10_2_3 + m11_2_3 + m12_2_3;
      y2_3_01 += m11_2_3 - m12_2_3 - m13_2_3;
      y2_3_11 += m11_2_3 - m12_2_3 - m13_2_3;
      y3_0_00 += m10_3_0 + m11_3_0 + m12_3_0;
      y3_0_10 += m10_3_0 + m11_3_0 + m12_3_0;
      y3_0_01 += m11_3_0 - m12_3_0 - m13_3_0;
      y3_0_11 += m11_3_0 - m12_3_0 - m13_3_0;
      y3_1_00 += m10_3_1 + m11_3_1 + m12_3_1;
      y3_1_10 += m10_3_1 + m11_3_1 + m12_3_1;
      y3_1_01 += m11_3_1 - m12_3_1 - m13_3_1;
      y3_1_11 += m11_3_1 - m12_3_1 - m13_3_1;
      y3_2_00 += m10_3_2 + m11_3_2 + m12_3_2;
      y3_2_10 += m10_3_2 + m11_3_2 + m12_3_2;
      y3_2_01 += m11_3_2 - m12_3_2 - m13_3_2;
      y3_2_11 += m11_3_2 - m12_3_2 - m13_3_2;
      y3_3_00 += m10_3_3 + m11_3_3 + m12_3_3;
      y3_3_10 += m10_3_3 + m11_3_3 + m12_3_3;
      y3_3_01 += m11_3_3 - m12_3_3 - m13_3_3;
      y3_3_11 += m11_3_3 - m12_3_3 - m13_3_3;
      y4_0_00 += m10_4_0 + m11_4_0 + m12_4_0;
      y4_0_10 += m10_4_0 + m11_4_0 + m12_4_0;
      y4_0_01 += m11_4_0 - m12_4_0 - m13_4_0;
      y4_0_11 += m11_4_0 - m12_4_0 - m13_4_0;
      y4_1_00 += m10_4_1 + m11_4_1 + m12_4_1;
      y4_1_10 += m10_4_1 + m11_4_1 + m12_4_1;
      y4_1_01 += m11_4_1 - m12_4_1 - m13_4_1;
      y4_1_11 += m11_4_1 - m12_4_1 - m13_4_1;
      y4_2_00 += m10_4_2 + m11_4_2 + m12_4_2;
      y4_2_10 += m10_4_2 + m11_4_2 + m12_4_2;
      y4_2_01 += m11_4_2 - m12_4_2 - m13_4_2;
      y4_2_11 += m11_4_2 - m12_4_2 - m13_4_2;
      y4_3_00 += m10_4_3 + m11_4_3 + m12_4_3;
      y4_3_10 += m10_4_3 + m11_4_3 + m12_4_3;
      y4_3_01 += m11_4_3 - m12_4_3 - m13_4_3;
      y4_3_11 += m11_4_3 - m12_4_3 - m13_4_3;
      y5_0_00 += m10_5_0 + m11_5_0 + m12_5_0;
      y5_0_10 += m10_5_0 + m11_5_0 + m12_5_0;
      y5_0_01 += m11_5_0 - m12_5_0 - m13_5_0;
      y5_0_11 += m11_5_0 - m12_5_0 - m13_5_0;
      y5_1_00 += m10_5_1 + m11_5_1 + m12_5_1;
      y5_1_10 += m10_5_1 + m11_5_1 + m12_5_1;
      y5_1_01 += m11_5_1 - m12_5_1 - m13_5_1;
      y5_1_11 += m11_5_1 - m12_5_1 - m13_5_1;
      y5_2_00 += m10_5_2 + m11_5_2 + m12_5_2;
      y5_2_10 += m10_5_2 + m11_5_2 + m12_5_2;
      y5_2_01 += m11_5_2 - m12_5_2 - m13_5_2;
      y5_2_11 += m11_5_2 - m12_5_2 - m13_5_2;
      y5_3_00 += m10_5_3 + m11_5_3 + m12_5_3;
      y5_3_10 += m10_5_3 + m11_5_3 + m12_5_3;
      y5_3_01 += m11_5_3 - m12_5_3 - m13_5_3;
      y5_3_11 += m11_5_3 - m12_5_3 - m13_5_3;
      y6_0_00 += m10_6_0 + m11_6_0 + m12_6_0;
      y6_0_10 += m10_6_0 + m11_6_0 + m12_6_0;
      y6_0_01 += m11_6_0 - m12_6_0 - m13_6_0;
      y6_0_11 += m11_6_0 - m12_6_0 - m13_6_0;
      y6_1_00 += m10_6_1 + m11_6_1 + m12_6_1;
      y6_1_10 += m10_6_1 + m11_6_1 + m12_6_1;
      y6_1_01 += m11_6_1 - m12_6_1 - m13_6_1;
      y6_1_11 += m11_6_1 - m12_6_1 - m13_6_1;
      y6_2_00 += m10_6_2 + m11_6_2 + m12_6_2;
      y6_2_10 += m10_6_2 + m11_6_2 + m12_6_2;
      y6_2_01 += m11_6_2 - m12_6_2 - m13_6_2;
      y6_2_11 += m11_6_2 - m12_6_2 - m13_6_2;
      y6_3_00 += m10_6_3 + m11_6_3 + m12_6_3;
      y6_3_10 += m10_6_3 + m11_6_3 + m12_6_3;
      y6_3_01 += m11_6_3 - m12_6_3 - m13_6_3;
      y6_3_11 += m11_6_3 - m12_6_3 - m13_6_3;
      y7_0_00 += m10_7_0 + m11_7_0 + m12_7_0;
      y7_0_10 += m10_7_0 + m11_7_0 + m12_7_0;
      y7_0_01 += m11_7_0 - m12_7_0 - m13_7_0;
      y7_0_11 += m11_7_0 - m12_7_0 - m13_7_0;
      y7_1_00 += m10_7_1 + m11_7_1 + m12_7_1;
      y7_1_10 += m10_7_1 + m11_7_1 + m12_7_1;
      y7_1_01 += m11_7_1 - m12_7_1 - m13_7_1;
      y7_1_11 += m11_7_1 - m12_7_1 - m13_7_1;
      y7_2_00 += m10_7_2 + m11_7_2 + m12_7_2;
      y7_2_10 += m10_7_2 + m11_7_2 + m12_7_2;
      y7_2_01 += m11_7_2 - m12_7_2 - m13_7_2;
      y7_2_11 += m11_7_2 - m12_7_2 - m13_7_2;
      y7_3_00 += m10_7_3 + m11_7_3 + m12_7_3;
      y7_3_10 += m10_7_3 + m11_7_3 + m12_7_3;
      y7_3_01 += m11_7_3 - m12_7_3 - m13_7_3;
      y7_3_11 += m11_7_3 - m12_7_3 - m13_7_3;
      y0_0_00 += m20_0_0 + m21_0_0 + m22_0_0;
      y0_0_10 -= m20_0_0 + m21_0_0 + m22_0_0;
      y0_0_01 += m21_0_0 - m22_0_0 - m23_0_0;
      y0_0_11 -= m21_0_0 - m22_0_0 - m23_0_0;
      y0_1_00 += m20_0_1 + m21_0_1 + m22_0_1;
      y0_1_10 -= m20_0_1 + m21_0_1 + m22_0_1;
      y0_1_01 += m21_0_1 - m22_0_1 - m23_0_1;
      y0_1_11 -= m21_0_1 - m22_0_1 - m23_0_1;
      y0_2_00 += m20_0_2 + m21_0_2 + m22_0_2;
      y0_2_10 -= m20_0_2 + m21_0_2 + m22_0_2;
      y0_2_01 += m21_0_2 - m22_0_2 - m23_0_2;
      y0_2_11 -= m21_0_2 - m22_0_2 - m23_0_2;
      y0_3_00 += m20_0_3 + m21_0_3 + m22_0_3;
      y0_3_10 -= m20_0_3 + m21_0_3 + m22_0_3;
      y0_3_01 += m21_0_3 - m22_0_3 - m23_0_3;
      y0_3_11 -= m21_0_3 - m22_0_3 - m23_0_3;
      y1_0_00 += m20_1_0 + m21_1_0 + m22_1_0;
      y1_0_10 -= m20_1_0 + m21_1_0 + m22_1_0;
      y1_0_01 += m21_1_0 - m22_1_0 - m23_1_0;
      y1_0_11 -= m21_1_0 - m22_1_0 - m23_1_0;
      y1_1_00 += m20_1_1 + m21_1_1 + m22_1_1;
      y1_1_10 -= m20_1_1 + m21_1_1 + m22_1_1;
      y1_1_01 += m21_1_1 - m22_1_1 - m23_1_1;
      y1_1_11 -= m21_1_1 - m22_1_1 - m23_1_1;
      y1_2_00 += m20_1_2 + m21_1_2 + m22_1_2;
      y1_2_10 -= m20_1_2 + m21_1_2 + m22_1_2;
      y1_2_01 += m21_1_2 - m22_1_2 - m23_1_2;
      y1_2_11 -= m21_1_2 - m22_1_2 - m23_1_2;
      y1_3_00 += m20_1_3 + m21_1_3 + m22_1_3;
      y1_3_10 -= m20_1_3 + m21_1_3 + m22_1_3;
      y1_3_01 += m21_1_3 - m22_1_3 - m23_1_3;
      y1_3_11 -= m21_1_3 - m22_1_3 - m23_1_3;
      y2_0_00 += m20_2_0 + m21_2_0 + m22_2_0;
      y2_0_10 -= m20_2_0 + m21_2_0 + m22_2_0;
      y2_0_01 += m21_2_0 - m22_2_0 - m23_2_0;
      y2_0_11 -= m21_2_0 - m22_2_0 - m23_2_0;
      y2_1_00 += m20_2_1 + m21_2_1 + m22_2_1;
      y2_1_10 -= m20_2_1 + m21_2_1 + m22_2_1;
      y2_1_01 += m21_2_1 - m22_2_1 - m23_2_1;
      y2_1_11 -= m21_2_1 - m22_2_1 - m23_2_1;
      y2_2_00 += m20_2_2 + m21_2_2 + m22_2_2;
      y2_2_10 -= m20_2_2 + m21_2_2 + m22_2_2;
      y2_2_01 += m21_2_2 - m22_2_2 - m23_2_2;
      y2_2_11 -= m21_2_2 - m22_2_2 - m23_2_2;
      y2_3_00 += m20_2_3 + m21_2_3 + m22_2_3;
      y2_3_10 -= m20_2_3 + m21_2_3 + m22_2_3;
      y2_3_01 += m21_2_3 - m22_2_3 - m23_2_3;
      y2_3_11 -= m21_2_3 - m22_2_3 - m23_2_3;
      y3_0_00 += m20_3_0 + m21_3_0 + m22_3_0;
      y3_0_10 -= m20_3_0 + m21_3_0 + m22_3_0;
      y3_0_01 += m21_3_0 - m22_3_0 - m23_3_0;
      y3_0_11 -= m21_3_0 - m22_3_0 - m23_3_0;
      y3_1_00 += m20_3_1 + m21_3_1 + m22_3_1;
      y3_1_10 -= m20_3_1 + m21_3_1 + m22_3_1;
      y3_1_01 += m21_3_1 - m22_3_1 - m23_3_1;
      y3_1_11 -= m21_3_1 - m22_3_1 - m23_3_1;
      y3_2_00 += m20_3_2 + m21_3_2 + m22_3_2;
      y3_2_10 -= m20_3_2 + m21_3_2 + m22_3_2;
      y3_2_01 += m21_3_2 - m22_3_2 - m23_3_2;
      y3_2_11 -= m21_3_2 - m22_3_2 - m23_3_2;
      y3_3_00 += m20_3_3 + m21_3_3 + m22_3_3;
      y3_3_10 -= m20_3_3 + m21_3_3 + m22_3_3;
      y3_3_01 += m21_3_3 - m22_3_3 - m23_3_3;
      y3_3_11 -= m21_3_3 - m22_3_3 - m23_3_3;
      y4_0_00 += m20_4_0 + m21_4_0 + m22_4_0;
      y4_0_10 -= m20_4_0 + m21_4_0 + m22_4_0;
      y4_0_01 += m21_4_0 - m22_4_0 - m23_4_0;
      y4_0_11 -= m21_4_0 - m22_4_0 - m23_4_0;
      y4_1_00 += m20_4_1 + m21_4_1 + m22_4_1;
      y4_1_10 -= m20_4_1 + m21_4_1 + m22_4_1;
      y4_1_01 += m21_4_1 - m22_4_1 - m23_4_1;
      y4_1_11 -= m21_4_1 - m22_4_1 - m23_4_1;
      y4_2_00 += m20_4_2 + m21_4_2 + m22_4_2;
      y4_2_10 -= m20_4_2 + m21_4_2 + m22_4_2;
      y4_2_01 += m21_4_2 - m22_4_2 - m23_4_2;
      y4_2_11 -= m21_4_2 - m22_4_2 - m23_4_2;
      y4_3_00 += m20_4_3 + m21_4_3 + m22_4_3;
      y4_3_10 -= m20_4_3 + m21_4_3 + m22_4_3;
      y4_3_01 += m21_4_3 - m22_4_3 - m23_4_3;
      y4_3_11 -= m21_4_3 - m22_4_3 - m23_4_3;
      y5_0_00 += m20_5_0 + m21_5_0 + m22_5_0;
      y5_0_10 -= m20_5_0 + m21_5_0 + m22_5_0;
      y5_0_01 += m21_5_0 - m22_5_0 - m23_5_0;
      y5_0_11 -= m21_5_0 - m22_5_0 - m23_5_0;
      y5_1_00 += m20_5_1 + m21_5_1 + m22_5_1;
      y5_1_10 -= m20_5_1 + m21_5_1 + m22_5_1;
      y5_1_01 += m21_5_1 - m22_5_1 - m23_5_1;
      y5_1_11 -= m21_5_1 - m22_5_1 - m23_5_1;
      y5_2_00 += m20_5_2 + m21_5_2 + m22_5_2;
      y5_2_10 -= m20_5_2 + m21_5_2 + m22_5_2;
      y5_2_01 += m21_5_2 - m22_5_2 - m23_5_2;
      y5_2_11 -= m21_5_2 - m22_5_2 - m23_5_2;
      y5_3_00 += m20_5_3 + m21_5_3 + m22_5_3;
      y5_3_10 -= m20_5_3 + m21_5_3 + m22_5_3;
      y5_3_01 += m21_5_3 - m22_5_3 - m23_5_3;
      y5_3_11 -= m21_5_3 - m22_5_3 - m23_5_3;
      y6_0_00 += m20_6_0 + m21_6_0 + m22_6_0;
      y6_0_10 -= m20_6_0 + m21_6_0 + m22_6_0;
      y6_0_01 += m21_6_0 - m22_6_0 - m23_6_0;
      y6_0_11 -= m21_6_0 - m22_6_0 - m23_6_0;
      y6_1_00 += m20_6_1 + m21_6_1 + m22_6_1;
      y6_1_10 -= m20_6_1 + m21_6_1 + m22_6_1;
      y6_1_01 += m21_6_1 - m22_6_1 - m23_6_1;
      y6_1_11 -= m21_6_1 - m22_6_1 - m23_6_1;
      y6_2_00 += m20_6_2 + m21_6_2 + m22_6_2;
      y6_2_10 -= m20_6_2 + m21_6_2 + m22_6_2;
      y6_2_01 += m21_6_2 - m22_6_2 - m23_6_2;
      y6_2_11 -= m21_6_2 - m22_6_2 - m23_6_2;
      y6_3_00 += m20_6_3 + m21_6_3 + m22_6_3;
      y6_3_10 -= m20_6_3 + m21_6_3 + m22_6_3;
      y6_3_01 += m21_6_3 - m22_6_3 - m23_6_3;
      y6_3_11 -= m21_6_3 - m22_6_3 - m23_6_3;
      y7_0_00 += m20_7_0 + m21_7_0 + m22_7_0;
      y7_0_10 -= m20_7_0 + m21_7_0 + m22_7_0;
      y7_0_01 += m21_7_0 - m22_7_0 - m23_7_0;
      y7_0_11 -= m21_7_0 - m22_7_0 - m23_7_0;
      y7_1_00 += m20_7_1 + m21_7_1 + m22_7_1;
      y7_1_10 -= m20_7_1 + m21_7_1 + m22_7_1;
      y7_1_01 += m21_7_1 - m22_7_1 - m23_7_1;
      y7_1_11 -= m21_7_1 - m22_7_1 - m23_7_1;
      y7_2_00 += m20_7_2 + m21_7_2 + m22_7_2;
      y7_2_10 -= m20_7_2 + m21_7_2 + m22_7_2;
      y7_2_01 += m21_7_2 - m22_7_2 - m23_7_2;
      y7_2_11 -= m21_7_2 - m22_7_2 - m23_7_2;
      y7_3_00 += m20_7_3 + m21_7_3 + m22_7_3;
      y7_3_10 -= m20_7_3 + m21_7_3 + m22_7_3;
      y7_3_01 += m21_7_3 - m22_7_3 - m23_7_3;
      y7_3_11 -= m21_7_3 - m22_7_3 - m23_7_3;
    }
    {
      // row 3 of the 4 x 4 product grid
      var m30_0_0 = V0; var m31_0_0 = V0; var m32_0_0 = V0; var m33_0_0 = V0;
      var m30_0_1 = V0; var m31_0_1 = V0; var m32_0_1 = V0; var m33_0_1 = V0;
      var m30_0_2 = V0; var m31_0_2 = V0; var m32_0_2 = V0; var m33_0_2 = V0;
      var m30_0_3 = V0; var m31_0_3 = V0; var m32_0_3 = V0; var m33_0_3 = V0;
      var m30_1_0 = V0; var m31_1_0 = V0; var m32_1_0 = V0; var m33_1_0 = V0;
      var m30_1_1 = V0; var m31_1_1 = V0; var m32_1_1 = V0; var m33_1_1 = V0;
      var m30_1_2 = V0; var m31_1_2 = V0; var m32_1_2 = V0; var m33_1_2 = V0;
      var m30_1_3 = V0; var m31_1_3 = V0; var m32_1_3 = V0; var m33_1_3 = V0;
      var m30_2_0 = V0; var m31_2_0 = V0; var m32_2_0 = V0; var m33_2_0 = V0;
      var m30_2_1 = V0; var m31_2_1 = V0; var m32_2_1 = V0; var m33_2_1 = V0;
      var m30_2_2 = V0; var m31_2_2 = V0; var m32_2_2 = V0; var m33_2_2 = V0;
      var m30_2_3 = V0; var m31_2_3 = V0; var m32_2_3 = V0; var m33_2_3 = V0;
      var m30_3_0 = V0; var m31_3_0 = V0; var m32_3_0 = V0; var m33_3_0 = V0;
      var m30_3_1 = V0; var m31_3_1 = V0; var m32_3_1 = V0; var m33_3_1 = V0;
      var m30_3_2 = V0; var m31_3_2 = V0; var m32_3_2 = V0; var m33_3_2 = V0;
      var m30_3_3 = V0; var m31_3_3 = V0; var m32_3_3 = V0; var m33_3_3 = V0;
      var m30_4_0 = V0; var m31_4_0 = V0; var m32_4_0 = V0; var m33_4_0 = V0;
      var m30_4_1 = V0; var m31_4_1 = V0; var m32_4_1 = V0; var m33_4_1 = V0;
      var m30_4_2 = V0; var m31_4_2 = V0; var m32_4_2 = V0; var m33_4_2 = V0;
      var m30_4_3 = V0; var m31_4_3 = V0; var m32_4_3 = V0; var m33_4_3 = V0;
      var m30_5_0 = V0; var m31_5_0 = V0; var m32_5_0 = V0; var m33_5_0 = V0;
      var m30_5_1 = V0; var m31_5_1 = V0; var m32_5_1 = V0; var m33_5_1 = V0;
      var m30_5_2 = V0; var m31_5_2 = V0; var m32_5_2 = V0; var m33_5_2 = V0;
      var m30_5_3 = V0; var m31_5_3 = V0; var m32_5_3 = V0; var m33_5_3 = V0;
      var m30_6_0 = V0; var m31_6_0 = V0; var m32_6_0 = V0; var m33_6_0 = V0;
      var m30_6_1 = V0; var m31_6_1 = V0; var m32_6_1 = V0; var m33_6_1 = V0;
      var m30_6_2 = V0; var m31_6_2 = V0; var m32_6_2 = V0; var m33_6_2 = V0;
      var m30_6_3 = V0; var m31_6_3 = V0; var m32_6_3 = V0; var m33_6_3 = V0;
      var m30_7_0 = V0; var m31_7_0 = V0; var m32_7_0 = V0; var m33_7_0 = V0;
      var m30_7_1 = V0; var m31_7_1 = V0; var m32_7_1 = V0; var m33_7_1 = V0;
      var m30_7_2 = V0; var m31_7_2 = V0; var m32_7_2 = V0; var m33_7_2 = V0;
      var m30_7_3 = V0; var m31_7_3 = V0; var m32_7_3 = V0; var m33_7_3 = V0;
      if (CG > 0u) {
        let q0 = ldRow(0, 0u); let d0_0 = q0[0]; let d0_1 = q0[1]; let d0_2 = q0[2]; let d0_3 = q0[3]; let d0_4 = q0[4]; let d0_5 = q0[5]; let d0_6 = q0[6]; let d0_7 = q0[7]; let d0_8 = q0[8]; let d0_9 = q0[9];
        let q1 = ldRow(1, 0u); let d1_0 = q1[0]; let d1_1 = q1[1]; let d1_2 = q1[2]; let d1_3 = q1[3]; let d1_4 = q1[4]; let d1_5 = q1[5]; let d1_6 = q1[6]; let d1_7 = q1[7]; let d1_8 = q1[8]; let d1_9 = q1[9];
        let q2 = ldRow(2, 0u); let d2_0 = q2[0]; let d2_1 = q2[1]; let d2_2 = q2[2]; let d2_3 = q2[3]; let d2_4 = q2[4]; let d2_5 = q2[5]; let d2_6 = q2[6]; let d2_7 = q2[7]; let d2_8 = q2[8]; let d2_9 = q2[9];
        let q3 = ldRow(3, 0u); let d3_0 = q3[0]; let d3_1 = q3[1]; let d3_2 = q3[2]; let d3_3 = q3[3]; let d3_4 = q3[4]; let d3_5 = q3[5]; let d3_6 = q3[6]; let d3_7 = q3[7]; let d3_8 = q3[8]; let d3_9 = q3[9];
        let q4 = ldRow(4, 0u); let d4_0 = q4[0]; let d4_1 = q4[1]; let d4_2 = q4[2]; let d4_3 = q4[3]; let d4_4 = q4[4]; let d4_5 = q4[5]; let d4_6 = q4[6]; let d4_7 = q4[7]; let d4_8 = q4[8]; let d4_9 = q4[9];
        let q5 = ldRow(5, 0u); let d5_0 = q5[0]; let d5_1 = q5[1]; let d5_2 = q5[2]; let d5_3 = q5[3]; let d5_4 = q5[4]; let d5_5 = q5[5]; let d5_6 = q5[6]; let d5_7 = q5[7]; let d5_8 = q5[8]; let d5_9 = q5[9];
        let r30_0 = d1_0 - d3_0; let r30_1 = d1_1 - d3_1; let r30_2 = d1_2 - d3_2; let r30_3 = d1_3 - d3_3;
        let v30_0 = r30_0 - r30_2; let v30_1 = r30_1 + r30_2; let v30_2 = -r30_1 + r30_2; let v30_3 = r30_1 - r30_3;
        let r31_0 = d1_2 - d3_2; let r31_1 = d1_3 - d3_3; let r31_2 = d1_4 - d3_4; let r31_3 = d1_5 - d3_5;
        let v31_0 = r31_0 - r31_2; let v31_1 = r31_1 + r31_2; let v31_2 = -r31_1 + r31_2; let v31_3 = r31_1 - r31_3;
        let r32_0 = d1_4 - d3_4; let r32_1 = d1_5 - d3_5; let r32_2 = d1_6 - d3_6; let r32_3 = d1_7 - d3_7;
        let v32_0 = r32_0 - r32_2; let v32_1 = r32_1 + r32_2; let v32_2 = -r32_1 + r32_2; let v32_3 = r32_1 - r32_3;
        let r33_0 = d1_6 - d3_6; let r33_1 = d1_7 - d3_7; let r33_2 = d1_8 - d3_8; let r33_3 = d1_9 - d3_9;
        let v33_0 = r33_0 - r33_2; let v33_1 = r33_1 + r33_2; let v33_2 = -r33_1 + r33_2; let v33_3 = r33_1 - r33_3;
        let r34_0 = d3_0 - d5_0; let r34_1 = d3_1 - d5_1; let r34_2 = d3_2 - d5_2; let r34_3 = d3_3 - d5_3;
        let v34_0 = r34_0 - r34_2; let v34_1 = r34_1 + r34_2; let v34_2 = -r34_1 + r34_2; let v34_3 = r34_1 - r34_3;
        let r35_0 = d3_2 - d5_2; let r35_1 = d3_3 - d5_3; let r35_2 = d3_4 - d5_4; let r35_3 = d3_5 - d5_5;
        let v35_0 = r35_0 - r35_2; let v35_1 = r35_1 + r35_2; let v35_2 = -r35_1 + r35_2; let v35_3 = r35_1 - r35_3;
        let r36_0 = d3_4 - d5_4; let r36_1 = d3_5 - d5_5; let r36_2 = d3_6 - d5_6; let r36_3 = d3_7 - d5_7;
        let v36_0 = r36_0 - r36_2; let v36_1 = r36_1 + r36_2; let v36_2 = -r36_1 + r36_2; let v36_3 = r36_1 - r36_3;
        let r37_0 = d3_6 - d5_6; let r37_1 = d3_7 - d5_7; let r37_2 = d3_8 - d5_8; let r37_3 = d3_9 - d5_9;
        let v37_0 = r37_0 - r37_2; let v37_1 = r37_1 + r37_2; let v37_2 = -r37_1 + r37_2; let v37_3 = r37_1 - r37_3;
        {
          let u0_0 = uw[192]; let u0_1 = uw[196]; let u0_2 = uw[200]; let u0_3 = uw[204];
          let u1_0 = uw[193]; let u1_1 = uw[197]; let u1_2 = uw[201]; let u1_3 = uw[205];
          let u2_0 = uw[194]; let u2_1 = uw[198]; let u2_2 = uw[202]; let u2_3 = uw[206];
          let u3_0 = uw[195]; let u3_1 = uw[199]; let u3_2 = uw[203]; let u3_3 = uw[207];
          m30_0_0 = madd(m30_0_0, v30_0, u0_0, u0_1, u0_2, u0_3);
          m30_0_1 = madd(m30_0_1, v30_0, u1_0, u1_1, u1_2, u1_3);
          m30_0_2 = madd(m30_0_2, v30_0, u2_0, u2_1, u2_2, u2_3);
          m30_0_3 = madd(m30_0_3, v30_0, u3_0, u3_1, u3_2, u3_3);
          m30_1_0 = madd(m30_1_0, v31_0, u0_0, u0_1, u0_2, u0_3);
          m30_1_1 = madd(m30_1_1, v31_0, u1_0, u1_1, u1_2, u1_3);
          m30_1_2 = madd(m30_1_2, v31_0, u2_0, u2_1, u2_2, u2_3);
          m30_1_3 = madd(m30_1_3, v31_0, u3_0, u3_1, u3_2, u3_3);
          m30_2_0 = madd(m30_2_0, v32_0, u0_0, u0_1, u0_2, u0_3);
          m30_2_1 = madd(m30_2_1, v32_0, u1_0, u1_1, u1_2, u1_3);
          m30_2_2 = madd(m30_2_2, v32_0, u2_0, u2_1, u2_2, u2_3);
          m30_2_3 = madd(m30_2_3, v32_0, u3_0, u3_1, u3_2, u3_3);
          m30_3_0 = madd(m30_3_0, v33_0, u0_0, u0_1, u0_2, u0_3);
          m30_3_1 = madd(m30_3_1, v33_0, u1_0, u1_1, u1_2, u1_3);
          m30_3_2 = madd(m30_3_2, v33_0, u2_0, u2_1, u2_2, u2_3);
          m30_3_3 = madd(m30_3_3, v33_0, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m30_3_0; }
          m30_4_0 = madd(m30_4_0, v34_0, u0_0, u0_1, u0_2, u0_3);
          m30_4_1 = madd(m30_4_1, v34_0, u1_0, u1_1, u1_2, u1_3);
          m30_4_2 = madd(m30_4_2, v34_0, u2_0, u2_1, u2_2, u2_3);
          m30_4_3 = madd(m30_4_3, v34_0, u3_0, u3_1, u3_2, u3_3);
          m30_5_0 = madd(m30_5_0, v35_0, u0_0, u0_1, u0_2, u0_3);
          m30_5_1 = madd(m30_5_1, v35_0, u1_0, u1_1, u1_2, u1_3);
          m30_5_2 = madd(m30_5_2, v35_0, u2_0, u2_1, u2_2, u2_3);
          m30_5_3 = madd(m30_5_3, v35_0, u3_0, u3_1, u3_2, u3_3);
          m30_6_0 = madd(m30_6_0, v36_0, u0_0, u0_1, u0_2, u0_3);
          m30_6_1 = madd(m30_6_1, v36_0, u1_0, u1_1, u1_2, u1_3);
          m30_6_2 = madd(m30_6_2, v36_0, u2_0, u2_1, u2_2, u2_3);
          m30_6_3 = madd(m30_6_3, v36_0, u3_0, u3_1, u3_2, u3_3);
          m30_7_0 = madd(m30_7_0, v37_0, u0_0, u0_1, u0_2, u0_3);
          m30_7_1 = madd(m30_7_1, v37_0, u1_0, u1_1, u1_2, u1_3);
          m30_7_2 = madd(m30_7_2, v37_0, u2_0, u2_1, u2_2, u2_3);
          m30_7_3 = madd(m30_7_3, v37_0, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = uw[208]; let u0_1 = uw[212]; let u0_2 = uw[216]; let u0_3 = uw[220];
          let u1_0 = uw[209]; let u1_1 = uw[213]; let u1_2 = uw[217]; let u1_3 = uw[221];
          let u2_0 = uw[210]; let u2_1 = uw[214]; let u2_2 = uw[218]; let u2_3 = uw[222];
          let u3_0 = uw[211]; let u3_1 = uw[215]; let u3_2 = uw[219]; let u3_3 = uw[223];
          m31_0_0 = madd(m31_0_0, v30_1, u0_0, u0_1, u0_2, u0_3);
          m31_0_1 = madd(m31_0_1, v30_1, u1_0, u1_1, u1_2, u1_3);
          m31_0_2 = madd(m31_0_2, v30_1, u2_0, u2_1, u2_2, u2_3);
          m31_0_3 = madd(m31_0_3, v30_1, u3_0, u3_1, u3_2, u3_3);
          m31_1_0 = madd(m31_1_0, v31_1, u0_0, u0_1, u0_2, u0_3);
          m31_1_1 = madd(m31_1_1, v31_1, u1_0, u1_1, u1_2, u1_3);
          m31_1_2 = madd(m31_1_2, v31_1, u2_0, u2_1, u2_2, u2_3);
          m31_1_3 = madd(m31_1_3, v31_1, u3_0, u3_1, u3_2, u3_3);
          m31_2_0 = madd(m31_2_0, v32_1, u0_0, u0_1, u0_2, u0_3);
          m31_2_1 = madd(m31_2_1, v32_1, u1_0, u1_1, u1_2, u1_3);
          m31_2_2 = madd(m31_2_2, v32_1, u2_0, u2_1, u2_2, u2_3);
          m31_2_3 = madd(m31_2_3, v32_1, u3_0, u3_1, u3_2, u3_3);
          m31_3_0 = madd(m31_3_0, v33_1, u0_0, u0_1, u0_2, u0_3);
          m31_3_1 = madd(m31_3_1, v33_1, u1_0, u1_1, u1_2, u1_3);
          m31_3_2 = madd(m31_3_2, v33_1, u2_0, u2_1, u2_2, u2_3);
          m31_3_3 = madd(m31_3_3, v33_1, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m31_3_0; }
          m31_4_0 = madd(m31_4_0, v34_1, u0_0, u0_1, u0_2, u0_3);
          m31_4_1 = madd(m31_4_1, v34_1, u1_0, u1_1, u1_2, u1_3);
          m31_4_2 = madd(m31_4_2, v34_1, u2_0, u2_1, u2_2, u2_3);
          m31_4_3 = madd(m31_4_3, v34_1, u3_0, u3_1, u3_2, u3_3);
          m31_5_0 = madd(m31_5_0, v35_1, u0_0, u0_1, u0_2, u0_3);
          m31_5_1 = madd(m31_5_1, v35_1, u1_0, u1_1, u1_2, u1_3);
          m31_5_2 = madd(m31_5_2, v35_1, u2_0, u2_1, u2_2, u2_3);
          m31_5_3 = madd(m31_5_3, v35_1, u3_0, u3_1, u3_2, u3_3);
          m31_6_0 = madd(m31_6_0, v36_1, u0_0, u0_1, u0_2, u0_3);
          m31_6_1 = madd(m31_6_1, v36_1, u1_0, u1_1, u1_2, u1_3);
          m31_6_2 = madd(m31_6_2, v36_1, u2_0, u2_1, u2_2, u2_3);
          m31_6_3 = madd(m31_6_3, v36_1, u3_0, u3_1, u3_2, u3_3);
          m31_7_0 = madd(m31_7_0, v37_1, u0_0, u0_1, u0_2, u0_3);
          m31_7_1 = madd(m31_7_1, v37_1, u1_0, u1_1, u1_2, u1_3);
          m31_7_2 = madd(m31_7_2, v37_1, u2_0, u2_1, u2_2, u2_3);
          m31_7_3 = madd(m31_7_3, v37_1, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = uw[224]; let u0_1 = uw[228]; let u0_2 = uw[232]; let u0_3 = uw[236];
          let u1_0 = uw[225]; let u1_1 = uw[229]; let u1_2 = uw[233]; let u1_3 = uw[237];
          let u2_0 = uw[226]; let u2_1 = uw[230]; let u2_2 = uw[234]; let u2_3 = uw[238];
          let u3_0 = uw[227]; let u3_1 = uw[231]; let u3_2 = uw[235]; let u3_3 = uw[239];
          m32_0_0 = madd(m32_0_0, v30_2, u0_0, u0_1, u0_2, u0_3);
          m32_0_1 = madd(m32_0_1, v30_2, u1_0, u1_1, u1_2, u1_3);
          m32_0_2 = madd(m32_0_2, v30_2, u2_0, u2_1, u2_2, u2_3);
          m32_0_3 = madd(m32_0_3, v30_2, u3_0, u3_1, u3_2, u3_3);
          m32_1_0 = madd(m32_1_0, v31_2, u0_0, u0_1, u0_2, u0_3);
          m32_1_1 = madd(m32_1_1, v31_2, u1_0, u1_1, u1_2, u1_3);
          m32_1_2 = madd(m32_1_2, v31_2, u2_0, u2_1, u2_2, u2_3);
          m32_1_3 = madd(m32_1_3, v31_2, u3_0, u3_1, u3_2, u3_3);
          m32_2_0 = madd(m32_2_0, v32_2, u0_0, u0_1, u0_2, u0_3);
          m32_2_1 = madd(m32_2_1, v32_2, u1_0, u1_1, u1_2, u1_3);
          m32_2_2 = madd(m32_2_2, v32_2, u2_0, u2_1, u2_2, u2_3);
          m32_2_3 = madd(m32_2_3, v32_2, u3_0, u3_1, u3_2, u3_3);
          m32_3_0 = madd(m32_3_0, v33_2, u0_0, u0_1, u0_2, u0_3);
          m32_3_1 = madd(m32_3_1, v33_2, u1_0, u1_1, u1_2, u1_3);
          m32_3_2 = madd(m32_3_2, v33_2, u2_0, u2_1, u2_2, u2_3);
          m32_3_3 = madd(m32_3_3, v33_2, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m32_3_0; }
          m32_4_0 = madd(m32_4_0, v34_2, u0_0, u0_1, u0_2, u0_3);
          m32_4_1 = madd(m32_4_1, v34_2, u1_0, u1_1, u1_2, u1_3);
          m32_4_2 = madd(m32_4_2, v34_2, u2_0, u2_1, u2_2, u2_3);
          m32_4_3 = madd(m32_4_3, v34_2, u3_0, u3_1, u3_2, u3_3);
          m32_5_0 = madd(m32_5_0, v35_2, u0_0, u0_1, u0_2, u0_3);
          m32_5_1 = madd(m32_5_1, v35_2, u1_0, u1_1, u1_2, u1_3);
          m32_5_2 = madd(m32_5_2, v35_2, u2_0, u2_1, u2_2, u2_3);
          m32_5_3 = madd(m32_5_3, v35_2, u3_0, u3_1, u3_2, u3_3);
          m32_6_0 = madd(m32_6_0, v36_2, u0_0, u0_1, u0_2, u0_3);
          m32_6_1 = madd(m32_6_1, v36_2, u1_0, u1_1, u1_2, u1_3);
          m32_6_2 = madd(m32_6_2, v36_2, u2_0, u2_1, u2_2, u2_3);
          m32_6_3 = madd(m32_6_3, v36_2, u3_0, u3_1, u3_2, u3_3);
          m32_7_0 = madd(m32_7_0, v37_2, u0_0, u0_1, u0_2, u0_3);
          m32_7_1 = madd(m32_7_1, v37_2, u1_0, u1_1, u1_2, u1_3);
          m32_7_2 = madd(m32_7_2, v37_2, u2_0, u2_1, u2_2, u2_3);
          m32_7_3 = madd(m32_7_3, v37_2, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = uw[240]; let u0_1 = uw[244]; let u0_2 = uw[248]; let u0_3 = uw[252];
          let u1_0 = uw[241]; let u1_1 = uw[245]; let u1_2 = uw[249]; let u1_3 = uw[253];
          let u2_0 = uw[242]; let u2_1 = uw[246]; let u2_2 = uw[250]; let u2_3 = uw[254];
          let u3_0 = uw[243]; let u3_1 = uw[247]; let u3_2 = uw[251]; let u3_3 = uw[255];
          m33_0_0 = madd(m33_0_0, v30_3, u0_0, u0_1, u0_2, u0_3);
          m33_0_1 = madd(m33_0_1, v30_3, u1_0, u1_1, u1_2, u1_3);
          m33_0_2 = madd(m33_0_2, v30_3, u2_0, u2_1, u2_2, u2_3);
          m33_0_3 = madd(m33_0_3, v30_3, u3_0, u3_1, u3_2, u3_3);
          m33_1_0 = madd(m33_1_0, v31_3, u0_0, u0_1, u0_2, u0_3);
          m33_1_1 = madd(m33_1_1, v31_3, u1_0, u1_1, u1_2, u1_3);
          m33_1_2 = madd(m33_1_2, v31_3, u2_0, u2_1, u2_2, u2_3);
          m33_1_3 = madd(m33_1_3, v31_3, u3_0, u3_1, u3_2, u3_3);
          m33_2_0 = madd(m33_2_0, v32_3, u0_0, u0_1, u0_2, u0_3);
          m33_2_1 = madd(m33_2_1, v32_3, u1_0, u1_1, u1_2, u1_3);
          m33_2_2 = madd(m33_2_2, v32_3, u2_0, u2_1, u2_2, u2_3);
          m33_2_3 = madd(m33_2_3, v32_3, u3_0, u3_1, u3_2, u3_3);
          m33_3_0 = madd(m33_3_0, v33_3, u0_0, u0_1, u0_2, u0_3);
          m33_3_1 = madd(m33_3_1, v33_3, u1_0, u1_1, u1_2, u1_3);
          m33_3_2 = madd(m33_3_2, v33_3, u2_0, u2_1, u2_2, u2_3);
          m33_3_3 = madd(m33_3_3, v33_3, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m33_3_0; }
          m33_4_0 = madd(m33_4_0, v34_3, u0_0, u0_1, u0_2, u0_3);
          m33_4_1 = madd(m33_4_1, v34_3, u1_0, u1_1, u1_2, u1_3);
          m33_4_2 = madd(m33_4_2, v34_3, u2_0, u2_1, u2_2, u2_3);
          m33_4_3 = madd(m33_4_3, v34_3, u3_0, u3_1, u3_2, u3_3);
          m33_5_0 = madd(m33_5_0, v35_3, u0_0, u0_1, u0_2, u0_3);
          m33_5_1 = madd(m33_5_1, v35_3, u1_0, u1_1, u1_2, u1_3);
          m33_5_2 = madd(m33_5_2, v35_3, u2_0, u2_1, u2_2, u2_3);
          m33_5_3 = madd(m33_5_3, v35_3, u3_0, u3_1, u3_2, u3_3);
          m33_6_0 = madd(m33_6_0, v36_3, u0_0, u0_1, u0_2, u0_3);
          m33_6_1 = madd(m33_6_1, v36_3, u1_0, u1_1, u1_2, u1_3);
          m33_6_2 = madd(m33_6_2, v36_3, u2_0, u2_1, u2_2, u2_3);
          m33_6_3 = madd(m33_6_3, v36_3, u3_0, u3_1, u3_2, u3_3);
          m33_7_0 = madd(m33_7_0, v37_3, u0_0, u0_1, u0_2, u0_3);
          m33_7_1 = madd(m33_7_1, v37_3, u1_0, u1_1, u1_2, u1_3);
          m33_7_2 = madd(m33_7_2, v37_3, u2_0, u2_1, u2_2, u2_3);
          m33_7_3 = madd(m33_7_3, v37_3, u3_0, u3_1, u3_2, u3_3);
        }
      }
      if (CG > 1u) {
        let q0 = ldRow(0, 1u); let d0_0 = q0[0]; let d0_1 = q0[1]; let d0_2 = q0[2]; let d0_3 = q0[3]; let d0_4 = q0[4]; let d0_5 = q0[5]; let d0_6 = q0[6]; let d0_7 = q0[7]; let d0_8 = q0[8]; let d0_9 = q0[9];
        let q1 = ldRow(1, 1u); let d1_0 = q1[0]; let d1_1 = q1[1]; let d1_2 = q1[2]; let d1_3 = q1[3]; let d1_4 = q1[4]; let d1_5 = q1[5]; let d1_6 = q1[6]; let d1_7 = q1[7]; let d1_8 = q1[8]; let d1_9 = q1[9];
        let q2 = ldRow(2, 1u); let d2_0 = q2[0]; let d2_1 = q2[1]; let d2_2 = q2[2]; let d2_3 = q2[3]; let d2_4 = q2[4]; let d2_5 = q2[5]; let d2_6 = q2[6]; let d2_7 = q2[7]; let d2_8 = q2[8]; let d2_9 = q2[9];
        let q3 = ldRow(3, 1u); let d3_0 = q3[0]; let d3_1 = q3[1]; let d3_2 = q3[2]; let d3_3 = q3[3]; let d3_4 = q3[4]; let d3_5 = q3[5]; let d3_6 = q3[6]; let d3_7 = q3[7]; let d3_8 = q3[8]; let d3_9 = q3[9];
        let q4 = ldRow(4, 1u); let d4_0 = q4[0]; let d4_1 = q4[1]; let d4_2 = q4[2]; let d4_3 = q4[3]; let d4_4 = q4[4]; let d4_5 = q4[5]; let d4_6 = q4[6]; let d4_7 = q4[7]; let d4_8 = q4[8]; let d4_9 = q4[9];
        let q5 = ldRow(5, 1u); let d5_0 = q5[0]; let d5_1 = q5[1]; let d5_2 = q5[2]; let d5_3 = q5[3]; let d5_4 = q5[4]; let d5_5 = q5[5]; let d5_6 = q5[6]; let d5_7 = q5[7]; let d5_8 = q5[8]; let d5_9 = q5[9];
        let r30_0 = d1_0 - d3_0; let r30_1 = d1_1 - d3_1; let r30_2 = d1_2 - d3_2; let r30_3 = d1_3 - d3_3;
        let v30_0 = r30_0 - r30_2; let v30_1 = r30_1 + r30_2; let v30_2 = -r30_1 + r30_2; let v30_3 = r30_1 - r30_3;
        let r31_0 = d1_2 - d3_2; let r31_1 = d1_3 - d3_3; let r31_2 = d1_4 - d3_4; let r31_3 = d1_5 - d3_5;
        let v31_0 = r31_0 - r31_2; let v31_1 = r31_1 + r31_2; let v31_2 = -r31_1 + r31_2; let v31_3 = r31_1 - r31_3;
        let r32_0 = d1_4 - d3_4; let r32_1 = d1_5 - d3_5; let r32_2 = d1_6 - d3_6; let r32_3 = d1_7 - d3_7;
        let v32_0 = r32_0 - r32_2; let v32_1 = r32_1 + r32_2; let v32_2 = -r32_1 + r32_2; let v32_3 = r32_1 - r32_3;
        let r33_0 = d1_6 - d3_6; let r33_1 = d1_7 - d3_7; let r33_2 = d1_8 - d3_8; let r33_3 = d1_9 - d3_9;
        let v33_0 = r33_0 - r33_2; let v33_1 = r33_1 + r33_2; let v33_2 = -r33_1 + r33_2; let v33_3 = r33_1 - r33_3;
        let r34_0 = d3_0 - d5_0; let r34_1 = d3_1 - d5_1; let r34_2 = d3_2 - d5_2; let r34_3 = d3_3 - d5_3;
        let v34_0 = r34_0 - r34_2; let v34_1 = r34_1 + r34_2; let v34_2 = -r34_1 + r34_2; let v34_3 = r34_1 - r34_3;
        let r35_0 = d3_2 - d5_2; let r35_1 = d3_3 - d5_3; let r35_2 = d3_4 - d5_4; let r35_3 = d3_5 - d5_5;
        let v35_0 = r35_0 - r35_2; let v35_1 = r35_1 + r35_2; let v35_2 = -r35_1 + r35_2; let v35_3 = r35_1 - r35_3;
        let r36_0 = d3_4 - d5_4; let r36_1 = d3_5 - d5_5; let r36_2 = d3_6 - d5_6; let r36_3 = d3_7 - d5_7;
        let v36_0 = r36_0 - r36_2; let v36_1 = r36_1 + r36_2; let v36_2 = -r36_1 + r36_2; let v36_3 = r36_1 - r36_3;
        let r37_0 = d3_6 - d5_6; let r37_1 = d3_7 - d5_7; let r37_2 = d3_8 - d5_8; let r37_3 = d3_9 - d5_9;
        let v37_0 = r37_0 - r37_2; let v37_1 = r37_1 + r37_2; let v37_2 = -r37_1 + r37_2; let v37_3 = r37_1 - r37_3;
        {
          let u0_0 = uw[448]; let u0_1 = uw[452]; let u0_2 = uw[456]; let u0_3 = uw[460];
          let u1_0 = uw[449]; let u1_1 = uw[453]; let u1_2 = uw[457]; let u1_3 = uw[461];
          let u2_0 = uw[450]; let u2_1 = uw[454]; let u2_2 = uw[458]; let u2_3 = uw[462];
          let u3_0 = uw[451]; let u3_1 = uw[455]; let u3_2 = uw[459]; let u3_3 = uw[463];
          m30_0_0 = madd(m30_0_0, v30_0, u0_0, u0_1, u0_2, u0_3);
          m30_0_1 = madd(m30_0_1, v30_0, u1_0, u1_1, u1_2, u1_3);
          m30_0_2 = madd(m30_0_2, v30_0, u2_0, u2_1, u2_2, u2_3);
          m30_0_3 = madd(m30_0_3, v30_0, u3_0, u3_1, u3_2, u3_3);
          m30_1_0 = madd(m30_1_0, v31_0, u0_0, u0_1, u0_2, u0_3);
          m30_1_1 = madd(m30_1_1, v31_0, u1_0, u1_1, u1_2, u1_3);
          m30_1_2 = madd(m30_1_2, v31_0, u2_0, u2_1, u2_2, u2_3);
          m30_1_3 = madd(m30_1_3, v31_0, u3_0, u3_1, u3_2, u3_3);
          m30_2_0 = madd(m30_2_0, v32_0, u0_0, u0_1, u0_2, u0_3);
          m30_2_1 = madd(m30_2_1, v32_0, u1_0, u1_1, u1_2, u1_3);
          m30_2_2 = madd(m30_2_2, v32_0, u2_0, u2_1, u2_2, u2_3);
          m30_2_3 = madd(m30_2_3, v32_0, u3_0, u3_1, u3_2, u3_3);
          m30_3_0 = madd(m30_3_0, v33_0, u0_0, u0_1, u0_2, u0_3);
          m30_3_1 = madd(m30_3_1, v33_0, u1_0, u1_1, u1_2, u1_3);
          m30_3_2 = madd(m30_3_2, v33_0, u2_0, u2_1, u2_2, u2_3);
          m30_3_3 = madd(m30_3_3, v33_0, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m30_3_0; }
          m30_4_0 = madd(m30_4_0, v34_0, u0_0, u0_1, u0_2, u0_3);
          m30_4_1 = madd(m30_4_1, v34_0, u1_0, u1_1, u1_2, u1_3);
          m30_4_2 = madd(m30_4_2, v34_0, u2_0, u2_1, u2_2, u2_3);
          m30_4_3 = madd(m30_4_3, v34_0, u3_0, u3_1, u3_2, u3_3);
          m30_5_0 = madd(m30_5_0, v35_0, u0_0, u0_1, u0_2, u0_3);
          m30_5_1 = madd(m30_5_1, v35_0, u1_0, u1_1, u1_2, u1_3);
          m30_5_2 = madd(m30_5_2, v35_0, u2_0, u2_1, u2_2, u2_3);
          m30_5_3 = madd(m30_5_3, v35_0, u3_0, u3_1, u3_2, u3_3);
          m30_6_0 = madd(m30_6_0, v36_0, u0_0, u0_1, u0_2, u0_3);
          m30_6_1 = madd(m30_6_1, v36_0, u1_0, u1_1, u1_2, u1_3);
          m30_6_2 = madd(m30_6_2, v36_0, u2_0, u2_1, u2_2, u2_3);
          m30_6_3 = madd(m30_6_3, v36_0, u3_0, u3_1, u3_2, u3_3);
          m30_7_0 = madd(m30_7_0, v37_0, u0_0, u0_1, u0_2, u0_3);
          m30_7_1 = madd(m30_7_1, v37_0, u1_0, u1_1, u1_2, u1_3);
          m30_7_2 = madd(m30_7_2, v37_0, u2_0, u2_1, u2_2, u2_3);
          m30_7_3 = madd(m30_7_3, v37_0, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = uw[464]; let u0_1 = uw[468]; let u0_2 = uw[472]; let u0_3 = uw[476];
          let u1_0 = uw[465]; let u1_1 = uw[469]; let u1_2 = uw[473]; let u1_3 = uw[477];
          let u2_0 = uw[466]; let u2_1 = uw[470]; let u2_2 = uw[474]; let u2_3 = uw[478];
          let u3_0 = uw[467]; let u3_1 = uw[471]; let u3_2 = uw[475]; let u3_3 = uw[479];
          m31_0_0 = madd(m31_0_0, v30_1, u0_0, u0_1, u0_2, u0_3);
          m31_0_1 = madd(m31_0_1, v30_1, u1_0, u1_1, u1_2, u1_3);
          m31_0_2 = madd(m31_0_2, v30_1, u2_0, u2_1, u2_2, u2_3);
          m31_0_3 = madd(m31_0_3, v30_1, u3_0, u3_1, u3_2, u3_3);
          m31_1_0 = madd(m31_1_0, v31_1, u0_0, u0_1, u0_2, u0_3);
          m31_1_1 = madd(m31_1_1, v31_1, u1_0, u1_1, u1_2, u1_3);
          m31_1_2 = madd(m31_1_2, v31_1, u2_0, u2_1, u2_2, u2_3);
          m31_1_3 = madd(m31_1_3, v31_1, u3_0, u3_1, u3_2, u3_3);
          m31_2_0 = madd(m31_2_0, v32_1, u0_0, u0_1, u0_2, u0_3);
          m31_2_1 = madd(m31_2_1, v32_1, u1_0, u1_1, u1_2, u1_3);
          m31_2_2 = madd(m31_2_2, v32_1, u2_0, u2_1, u2_2, u2_3);
          m31_2_3 = madd(m31_2_3, v32_1, u3_0, u3_1, u3_2, u3_3);
          m31_3_0 = madd(m31_3_0, v33_1, u0_0, u0_1, u0_2, u0_3);
          m31_3_1 = madd(m31_3_1, v33_1, u1_0, u1_1, u1_2, u1_3);
          m31_3_2 = madd(m31_3_2, v33_1, u2_0, u2_1, u2_2, u2_3);
          m31_3_3 = madd(m31_3_3, v33_1, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m31_3_0; }
          m31_4_0 = madd(m31_4_0, v34_1, u0_0, u0_1, u0_2, u0_3);
          m31_4_1 = madd(m31_4_1, v34_1, u1_0, u1_1, u1_2, u1_3);
          m31_4_2 = madd(m31_4_2, v34_1, u2_0, u2_1, u2_2, u2_3);
          m31_4_3 = madd(m31_4_3, v34_1, u3_0, u3_1, u3_2, u3_3);
          m31_5_0 = madd(m31_5_0, v35_1, u0_0, u0_1, u0_2, u0_3);
          m31_5_1 = madd(m31_5_1, v35_1, u1_0, u1_1, u1_2, u1_3);
          m31_5_2 = madd(m31_5_2, v35_1, u2_0, u2_1, u2_2, u2_3);
          m31_5_3 = madd(m31_5_3, v35_1, u3_0, u3_1, u3_2, u3_3);
          m31_6_0 = madd(m31_6_0, v36_1, u0_0, u0_1, u0_2, u0_3);
          m31_6_1 = madd(m31_6_1, v36_1, u1_0, u1_1, u1_2, u1_3);
          m31_6_2 = madd(m31_6_2, v36_1, u2_0, u2_1, u2_2, u2_3);
          m31_6_3 = madd(m31_6_3, v36_1, u3_0, u3_1, u3_2, u3_3);
          m31_7_0 = madd(m31_7_0, v37_1, u0_0, u0_1, u0_2, u0_3);
          m31_7_1 = madd(m31_7_1, v37_1, u1_0, u1_1, u1_2, u1_3);
          m31_7_2 = madd(m31_7_2, v37_1, u2_0, u2_1, u2_2, u2_3);
          m31_7_3 = madd(m31_7_3, v37_1, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = uw[480]; let u0_1 = uw[484]; let u0_2 = uw[488]; let u0_3 = uw[492];
          let u1_0 = uw[481]; let u1_1 = uw[485]; let u1_2 = uw[489]; let u1_3 = uw[493];
          let u2_0 = uw[482]; let u2_1 = uw[486]; let u2_2 = uw[490]; let u2_3 = uw[494];
          let u3_0 = uw[483]; let u3_1 = uw[487]; let u3_2 = uw[491]; let u3_3 = uw[495];
          m32_0_0 = madd(m32_0_0, v30_2, u0_0, u0_1, u0_2, u0_3);
          m32_0_1 = madd(m32_0_1, v30_2, u1_0, u1_1, u1_2, u1_3);
          m32_0_2 = madd(m32_0_2, v30_2, u2_0, u2_1, u2_2, u2_3);
          m32_0_3 = madd(m32_0_3, v30_2, u3_0, u3_1, u3_2, u3_3);
          m32_1_0 = madd(m32_1_0, v31_2, u0_0, u0_1, u0_2, u0_3);
          m32_1_1 = madd(m32_1_1, v31_2, u1_0, u1_1, u1_2, u1_3);
          m32_1_2 = madd(m32_1_2, v31_2, u2_0, u2_1, u2_2, u2_3);
          m32_1_3 = madd(m32_1_3, v31_2, u3_0, u3_1, u3_2, u3_3);
          m32_2_0 = madd(m32_2_0, v32_2, u0_0, u0_1, u0_2, u0_3);
          m32_2_1 = madd(m32_2_1, v32_2, u1_0, u1_1, u1_2, u1_3);
          m32_2_2 = madd(m32_2_2, v32_2, u2_0, u2_1, u2_2, u2_3);
          m32_2_3 = madd(m32_2_3, v32_2, u3_0, u3_1, u3_2, u3_3);
          m32_3_0 = madd(m32_3_0, v33_2, u0_0, u0_1, u0_2, u0_3);
          m32_3_1 = madd(m32_3_1, v33_2, u1_0, u1_1, u1_2, u1_3);
          m32_3_2 = madd(m32_3_2, v33_2, u2_0, u2_1, u2_2, u2_3);
          m32_3_3 = madd(m32_3_3, v33_2, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m32_3_0; }
          m32_4_0 = madd(m32_4_0, v34_2, u0_0, u0_1, u0_2, u0_3);
          m32_4_1 = madd(m32_4_1, v34_2, u1_0, u1_1, u1_2, u1_3);
          m32_4_2 = madd(m32_4_2, v34_2, u2_0, u2_1, u2_2, u2_3);
          m32_4_3 = madd(m32_4_3, v34_2, u3_0, u3_1, u3_2, u3_3);
          m32_5_0 = madd(m32_5_0, v35_2, u0_0, u0_1, u0_2, u0_3);
          m32_5_1 = madd(m32_5_1, v35_2, u1_0, u1_1, u1_2, u1_3);
          m32_5_2 = madd(m32_5_2, v35_2, u2_0, u2_1, u2_2, u2_3);
          m32_5_3 = madd(m32_5_3, v35_2, u3_0, u3_1, u3_2, u3_3);
          m32_6_0 = madd(m32_6_0, v36_2, u0_0, u0_1, u0_2, u0_3);
          m32_6_1 = madd(m32_6_1, v36_2, u1_0, u1_1, u1_2, u1_3);
          m32_6_2 = madd(m32_6_2, v36_2, u2_0, u2_1, u2_2, u2_3);
          m32_6_3 = madd(m32_6_3, v36_2, u3_0, u3_1, u3_2, u3_3);
          m32_7_0 = madd(m32_7_0, v37_2, u0_0, u0_1, u0_2, u0_3);
          m32_7_1 = madd(m32_7_1, v37_2, u1_0, u1_1, u1_2, u1_3);
          m32_7_2 = madd(m32_7_2, v37_2, u2_0, u2_1, u2_2, u2_3);
          m32_7_3 = madd(m32_7_3, v37_2, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = uw[496]; let u0_1 = uw[500]; let u0_2 = uw[504]; let u0_3 = uw[508];
          let u1_0 = uw[497]; let u1_1 = uw[501]; let u1_2 = uw[505]; let u1_3 = uw[509];
          let u2_0 = uw[498]; let u2_1 = uw[502]; let u2_2 = uw[506]; let u2_3 = uw[510];
          let u3_0 = uw[499]; let u3_1 = uw[503]; let u3_2 = uw[507]; let u3_3 = uw[511];
          m33_0_0 = madd(m33_0_0, v30_3, u0_0, u0_1, u0_2, u0_3);
          m33_0_1 = madd(m33_0_1, v30_3, u1_0, u1_1, u1_2, u1_3);
          m33_0_2 = madd(m33_0_2, v30_3, u2_0, u2_1, u2_2, u2_3);
          m33_0_3 = madd(m33_0_3, v30_3, u3_0, u3_1, u3_2, u3_3);
          m33_1_0 = madd(m33_1_0, v31_3, u0_0, u0_1, u0_2, u0_3);
          m33_1_1 = madd(m33_1_1, v31_3, u1_0, u1_1, u1_2, u1_3);
          m33_1_2 = madd(m33_1_2, v31_3, u2_0, u2_1, u2_2, u2_3);
          m33_1_3 = madd(m33_1_3, v31_3, u3_0, u3_1, u3_2, u3_3);
          m33_2_0 = madd(m33_2_0, v32_3, u0_0, u0_1, u0_2, u0_3);
          m33_2_1 = madd(m33_2_1, v32_3, u1_0, u1_1, u1_2, u1_3);
          m33_2_2 = madd(m33_2_2, v32_3, u2_0, u2_1, u2_2, u2_3);
          m33_2_3 = madd(m33_2_3, v32_3, u3_0, u3_1, u3_2, u3_3);
          m33_3_0 = madd(m33_3_0, v33_3, u0_0, u0_1, u0_2, u0_3);
          m33_3_1 = madd(m33_3_1, v33_3, u1_0, u1_1, u1_2, u1_3);
          m33_3_2 = madd(m33_3_2, v33_3, u2_0, u2_1, u2_2, u2_3);
          m33_3_3 = madd(m33_3_3, v33_3, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m33_3_0; }
          m33_4_0 = madd(m33_4_0, v34_3, u0_0, u0_1, u0_2, u0_3);
          m33_4_1 = madd(m33_4_1, v34_3, u1_0, u1_1, u1_2, u1_3);
          m33_4_2 = madd(m33_4_2, v34_3, u2_0, u2_1, u2_2, u2_3);
          m33_4_3 = madd(m33_4_3, v34_3, u3_0, u3_1, u3_2, u3_3);
          m33_5_0 = madd(m33_5_0, v35_3, u0_0, u0_1, u0_2, u0_3);
          m33_5_1 = madd(m33_5_1, v35_3, u1_0, u1_1, u1_2, u1_3);
          m33_5_2 = madd(m33_5_2, v35_3, u2_0, u2_1, u2_2, u2_3);
          m33_5_3 = madd(m33_5_3, v35_3, u3_0, u3_1, u3_2, u3_3);
          m33_6_0 = madd(m33_6_0, v36_3, u0_0, u0_1, u0_2, u0_3);
          m33_6_1 = madd(m33_6_1, v36_3, u1_0, u1_1, u1_2, u1_3);
          m33_6_2 = madd(m33_6_2, v36_3, u2_0, u2_1, u2_2, u2_3);
          m33_6_3 = madd(m33_6_3, v36_3, u3_0, u3_1, u3_2, u3_3);
          m33_7_0 = madd(m33_7_0, v37_3, u0_0, u0_1, u0_2, u0_3);
          m33_7_1 = madd(m33_7_1, v37_3, u1_0, u1_1, u1_2, u1_3);
          m33_7_2 = madd(m33_7_2, v37_3, u2_0, u2_1, u2_2, u2_3);
          m33_7_3 = madd(m33_7_3, v37_3, u3_0, u3_1, u3_2, u3_3);
        }
      }
      if (CG > 2u) {
        let q0 = ldRow(0, 2u); let d0_0 = q0[0]; let d0_1 = q0[1]; let d0_2 = q0[2]; let d0_3 = q0[3]; let d0_4 = q0[4]; let d0_5 = q0[5]; let d0_6 = q0[6]; let d0_7 = q0[7]; let d0_8 = q0[8]; let d0_9 = q0[9];
        let q1 = ldRow(1, 2u); let d1_0 = q1[0]; let d1_1 = q1[1]; let d1_2 = q1[2]; let d1_3 = q1[3]; let d1_4 = q1[4]; let d1_5 = q1[5]; let d1_6 = q1[6]; let d1_7 = q1[7]; let d1_8 = q1[8]; let d1_9 = q1[9];
        let q2 = ldRow(2, 2u); let d2_0 = q2[0]; let d2_1 = q2[1]; let d2_2 = q2[2]; let d2_3 = q2[3]; let d2_4 = q2[4]; let d2_5 = q2[5]; let d2_6 = q2[6]; let d2_7 = q2[7]; let d2_8 = q2[8]; let d2_9 = q2[9];
        let q3 = ldRow(3, 2u); let d3_0 = q3[0]; let d3_1 = q3[1]; let d3_2 = q3[2]; let d3_3 = q3[3]; let d3_4 = q3[4]; let d3_5 = q3[5]; let d3_6 = q3[6]; let d3_7 = q3[7]; let d3_8 = q3[8]; let d3_9 = q3[9];
        let q4 = ldRow(4, 2u); let d4_0 = q4[0]; let d4_1 = q4[1]; let d4_2 = q4[2]; let d4_3 = q4[3]; let d4_4 = q4[4]; let d4_5 = q4[5]; let d4_6 = q4[6]; let d4_7 = q4[7]; let d4_8 = q4[8]; let d4_9 = q4[9];
        let q5 = ldRow(5, 2u); let d5_0 = q5[0]; let d5_1 = q5[1]; let d5_2 = q5[2]; let d5_3 = q5[3]; let d5_4 = q5[4]; let d5_5 = q5[5]; let d5_6 = q5[6]; let d5_7 = q5[7]; let d5_8 = q5[8]; let d5_9 = q5[9];
        let r30_0 = d1_0 - d3_0; let r30_1 = d1_1 - d3_1; let r30_2 = d1_2 - d3_2; let r30_3 = d1_3 - d3_3;
        let v30_0 = r30_0 - r30_2; let v30_1 = r30_1 + r30_2; let v30_2 = -r30_1 + r30_2; let v30_3 = r30_1 - r30_3;
        let r31_0 = d1_2 - d3_2; let r31_1 = d1_3 - d3_3; let r31_2 = d1_4 - d3_4; let r31_3 = d1_5 - d3_5;
        let v31_0 = r31_0 - r31_2; let v31_1 = r31_1 + r31_2; let v31_2 = -r31_1 + r31_2; let v31_3 = r31_1 - r31_3;
        let r32_0 = d1_4 - d3_4; let r32_1 = d1_5 - d3_5; let r32_2 = d1_6 - d3_6; let r32_3 = d1_7 - d3_7;
        let v32_0 = r32_0 - r32_2; let v32_1 = r32_1 + r32_2; let v32_2 = -r32_1 + r32_2; let v32_3 = r32_1 - r32_3;
        let r33_0 = d1_6 - d3_6; let r33_1 = d1_7 - d3_7; let r33_2 = d1_8 - d3_8; let r33_3 = d1_9 - d3_9;
        let v33_0 = r33_0 - r33_2; let v33_1 = r33_1 + r33_2; let v33_2 = -r33_1 + r33_2; let v33_3 = r33_1 - r33_3;
        let r34_0 = d3_0 - d5_0; let r34_1 = d3_1 - d5_1; let r34_2 = d3_2 - d5_2; let r34_3 = d3_3 - d5_3;
        let v34_0 = r34_0 - r34_2; let v34_1 = r34_1 + r34_2; let v34_2 = -r34_1 + r34_2; let v34_3 = r34_1 - r34_3;
        let r35_0 = d3_2 - d5_2; let r35_1 = d3_3 - d5_3; let r35_2 = d3_4 - d5_4; let r35_3 = d3_5 - d5_5;
        let v35_0 = r35_0 - r35_2; let v35_1 = r35_1 + r35_2; let v35_2 = -r35_1 + r35_2; let v35_3 = r35_1 - r35_3;
        let r36_0 = d3_4 - d5_4; let r36_1 = d3_5 - d5_5; let r36_2 = d3_6 - d5_6; let r36_3 = d3_7 - d5_7;
        let v36_0 = r36_0 - r36_2; let v36_1 = r36_1 + r36_2; let v36_2 = -r36_1 + r36_2; let v36_3 = r36_1 - r36_3;
        let r37_0 = d3_6 - d5_6; let r37_1 = d3_7 - d5_7; let r37_2 = d3_8 - d5_8; let r37_3 = d3_9 - d5_9;
        let v37_0 = r37_0 - r37_2; let v37_1 = r37_1 + r37_2; let v37_2 = -r37_1 + r37_2; let v37_3 = r37_1 - r37_3;
        {
          let u0_0 = uw[704]; let u0_1 = uw[708]; let u0_2 = uw[712]; let u0_3 = uw[716];
          let u1_0 = uw[705]; let u1_1 = uw[709]; let u1_2 = uw[713]; let u1_3 = uw[717];
          let u2_0 = uw[706]; let u2_1 = uw[710]; let u2_2 = uw[714]; let u2_3 = uw[718];
          let u3_0 = uw[707]; let u3_1 = uw[711]; let u3_2 = uw[715]; let u3_3 = uw[719];
          m30_0_0 = madd(m30_0_0, v30_0, u0_0, u0_1, u0_2, u0_3);
          m30_0_1 = madd(m30_0_1, v30_0, u1_0, u1_1, u1_2, u1_3);
          m30_0_2 = madd(m30_0_2, v30_0, u2_0, u2_1, u2_2, u2_3);
          m30_0_3 = madd(m30_0_3, v30_0, u3_0, u3_1, u3_2, u3_3);
          m30_1_0 = madd(m30_1_0, v31_0, u0_0, u0_1, u0_2, u0_3);
          m30_1_1 = madd(m30_1_1, v31_0, u1_0, u1_1, u1_2, u1_3);
          m30_1_2 = madd(m30_1_2, v31_0, u2_0, u2_1, u2_2, u2_3);
          m30_1_3 = madd(m30_1_3, v31_0, u3_0, u3_1, u3_2, u3_3);
          m30_2_0 = madd(m30_2_0, v32_0, u0_0, u0_1, u0_2, u0_3);
          m30_2_1 = madd(m30_2_1, v32_0, u1_0, u1_1, u1_2, u1_3);
          m30_2_2 = madd(m30_2_2, v32_0, u2_0, u2_1, u2_2, u2_3);
          m30_2_3 = madd(m30_2_3, v32_0, u3_0, u3_1, u3_2, u3_3);
          m30_3_0 = madd(m30_3_0, v33_0, u0_0, u0_1, u0_2, u0_3);
          m30_3_1 = madd(m30_3_1, v33_0, u1_0, u1_1, u1_2, u1_3);
          m30_3_2 = madd(m30_3_2, v33_0, u2_0, u2_1, u2_2, u2_3);
          m30_3_3 = madd(m30_3_3, v33_0, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m30_3_0; }
          m30_4_0 = madd(m30_4_0, v34_0, u0_0, u0_1, u0_2, u0_3);
          m30_4_1 = madd(m30_4_1, v34_0, u1_0, u1_1, u1_2, u1_3);
          m30_4_2 = madd(m30_4_2, v34_0, u2_0, u2_1, u2_2, u2_3);
          m30_4_3 = madd(m30_4_3, v34_0, u3_0, u3_1, u3_2, u3_3);
          m30_5_0 = madd(m30_5_0, v35_0, u0_0, u0_1, u0_2, u0_3);
          m30_5_1 = madd(m30_5_1, v35_0, u1_0, u1_1, u1_2, u1_3);
          m30_5_2 = madd(m30_5_2, v35_0, u2_0, u2_1, u2_2, u2_3);
          m30_5_3 = madd(m30_5_3, v35_0, u3_0, u3_1, u3_2, u3_3);
          m30_6_0 = madd(m30_6_0, v36_0, u0_0, u0_1, u0_2, u0_3);
          m30_6_1 = madd(m30_6_1, v36_0, u1_0, u1_1, u1_2, u1_3);
          m30_6_2 = madd(m30_6_2, v36_0, u2_0, u2_1, u2_2, u2_3);
          m30_6_3 = madd(m30_6_3, v36_0, u3_0, u3_1, u3_2, u3_3);
          m30_7_0 = madd(m30_7_0, v37_0, u0_0, u0_1, u0_2, u0_3);
          m30_7_1 = madd(m30_7_1, v37_0, u1_0, u1_1, u1_2, u1_3);
          m30_7_2 = madd(m30_7_2, v37_0, u2_0, u2_1, u2_2, u2_3);
          m30_7_3 = madd(m30_7_3, v37_0, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = uw[720]; let u0_1 = uw[724]; let u0_2 = uw[728]; let u0_3 = uw[732];
          let u1_0 = uw[721]; let u1_1 = uw[725]; let u1_2 = uw[729]; let u1_3 = uw[733];
          let u2_0 = uw[722]; let u2_1 = uw[726]; let u2_2 = uw[730]; let u2_3 = uw[734];
          let u3_0 = uw[723]; let u3_1 = uw[727]; let u3_2 = uw[731]; let u3_3 = uw[735];
          m31_0_0 = madd(m31_0_0, v30_1, u0_0, u0_1, u0_2, u0_3);
          m31_0_1 = madd(m31_0_1, v30_1, u1_0, u1_1, u1_2, u1_3);
          m31_0_2 = madd(m31_0_2, v30_1, u2_0, u2_1, u2_2, u2_3);
          m31_0_3 = madd(m31_0_3, v30_1, u3_0, u3_1, u3_2, u3_3);
          m31_1_0 = madd(m31_1_0, v31_1, u0_0, u0_1, u0_2, u0_3);
          m31_1_1 = madd(m31_1_1, v31_1, u1_0, u1_1, u1_2, u1_3);
          m31_1_2 = madd(m31_1_2, v31_1, u2_0, u2_1, u2_2, u2_3);
          m31_1_3 = madd(m31_1_3, v31_1, u3_0, u3_1, u3_2, u3_3);
          m31_2_0 = madd(m31_2_0, v32_1, u0_0, u0_1, u0_2, u0_3);
          m31_2_1 = madd(m31_2_1, v32_1, u1_0, u1_1, u1_2, u1_3);
          m31_2_2 = madd(m31_2_2, v32_1, u2_0, u2_1, u2_2, u2_3);
          m31_2_3 = madd(m31_2_3, v32_1, u3_0, u3_1, u3_2, u3_3);
          m31_3_0 = madd(m31_3_0, v33_1, u0_0, u0_1, u0_2, u0_3);
          m31_3_1 = madd(m31_3_1, v33_1, u1_0, u1_1, u1_2, u1_3);
          m31_3_2 = madd(m31_3_2, v33_1, u2_0, u2_1, u2_2, u2_3);
          m31_3_3 = madd(m31_3_3, v33_1, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m31_3_0; }
          m31_4_0 = madd(m31_4_0, v34_1, u0_0, u0_1, u0_2, u0_3);
          m31_4_1 = madd(m31_4_1, v34_1, u1_0, u1_1, u1_2, u1_3);
          m31_4_2 = madd(m31_4_2, v34_1, u2_0, u2_1, u2_2, u2_3);
          m31_4_3 = madd(m31_4_3, v34_1, u3_0, u3_1, u3_2, u3_3);
          m31_5_0 = madd(m31_5_0, v35_1, u0_0, u0_1, u0_2, u0_3);
          m31_5_1 = madd(m31_5_1, v35_1, u1_0, u1_1, u1_2, u1_3);
          m31_5_2 = madd(m31_5_2, v35_1, u2_0, u2_1, u2_2, u2_3);
          m31_5_3 = madd(m31_5_3, v35_1, u3_0, u3_1, u3_2, u3_3);
          m31_6_0 = madd(m31_6_0, v36_1, u0_0, u0_1, u0_2, u0_3);
          m31_6_1 = madd(m31_6_1, v36_1, u1_0, u1_1, u1_2, u1_3);
          m31_6_2 = madd(m31_6_2, v36_1, u2_0, u2_1, u2_2, u2_3);
          m31_6_3 = madd(m31_6_3, v36_1, u3_0, u3_1, u3_2, u3_3);
          m31_7_0 = madd(m31_7_0, v37_1, u0_0, u0_1, u0_2, u0_3);
          m31_7_1 = madd(m31_7_1, v37_1, u1_0, u1_1, u1_2, u1_3);
          m31_7_2 = madd(m31_7_2, v37_1, u2_0, u2_1, u2_2, u2_3);
          m31_7_3 = madd(m31_7_3, v37_1, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = uw[736]; let u0_1 = uw[740]; let u0_2 = uw[744]; let u0_3 = uw[748];
          let u1_0 = uw[737]; let u1_1 = uw[741]; let u1_2 = uw[745]; let u1_3 = uw[749];
          let u2_0 = uw[738]; let u2_1 = uw[742]; let u2_2 = uw[746]; let u2_3 = uw[750];
          let u3_0 = uw[739]; let u3_1 = uw[743]; let u3_2 = uw[747]; let u3_3 = uw[751];
          m32_0_0 = madd(m32_0_0, v30_2, u0_0, u0_1, u0_2, u0_3);
          m32_0_1 = madd(m32_0_1, v30_2, u1_0, u1_1, u1_2, u1_3);
          m32_0_2 = madd(m32_0_2, v30_2, u2_0, u2_1, u2_2, u2_3);
          m32_0_3 = madd(m32_0_3, v30_2, u3_0, u3_1, u3_2, u3_3);
          m32_1_0 = madd(m32_1_0, v31_2, u0_0, u0_1, u0_2, u0_3);
          m32_1_1 = madd(m32_1_1, v31_2, u1_0, u1_1, u1_2, u1_3);
          m32_1_2 = madd(m32_1_2, v31_2, u2_0, u2_1, u2_2, u2_3);
          m32_1_3 = madd(m32_1_3, v31_2, u3_0, u3_1, u3_2, u3_3);
          m32_2_0 = madd(m32_2_0, v32_2, u0_0, u0_1, u0_2, u0_3);
          m32_2_1 = madd(m32_2_1, v32_2, u1_0, u1_1, u1_2, u1_3);
          m32_2_2 = madd(m32_2_2, v32_2, u2_0, u2_1, u2_2, u2_3);
          m32_2_3 = madd(m32_2_3, v32_2, u3_0, u3_1, u3_2, u3_3);
          m32_3_0 = madd(m32_3_0, v33_2, u0_0, u0_1, u0_2, u0_3);
          m32_3_1 = madd(m32_3_1, v33_2, u1_0, u1_1, u1_2, u1_3);
          m32_3_2 = madd(m32_3_2, v33_2, u2_0, u2_1, u2_2, u2_3);
          m32_3_3 = madd(m32_3_3, v33_2, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m32_3_0; }
          m32_4_0 = madd(m32_4_0, v34_2, u0_0, u0_1, u0_2, u0_3);
          m32_4_1 = madd(m32_4_1, v34_2, u1_0, u1_1, u1_2, u1_3);
          m32_4_2 = madd(m32_4_2, v34_2, u2_0, u2_1, u2_2, u2_3);
          m32_4_3 = madd(m32_4_3, v34_2, u3_0, u3_1, u3_2, u3_3);
          m32_5_0 = madd(m32_5_0, v35_2, u0_0, u0_1, u0_2, u0_3);
          m32_5_1 = madd(m32_5_1, v35_2, u1_0, u1_1, u1_2, u1_3);
          m32_5_2 = madd(m32_5_2, v35_2, u2_0, u2_1, u2_2, u2_3);
          m32_5_3 = madd(m32_5_3, v35_2, u3_0, u3_1, u3_2, u3_3);
          m32_6_0 = madd(m32_6_0, v36_2, u0_0, u0_1, u0_2, u0_3);
          m32_6_1 = madd(m32_6_1, v36_2, u1_0, u1_1, u1_2, u1_3);
          m32_6_2 = madd(m32_6_2, v36_2, u2_0, u2_1, u2_2, u2_3);
          m32_6_3 = madd(m32_6_3, v36_2, u3_0, u3_1, u3_2, u3_3);
          m32_7_0 = madd(m32_7_0, v37_2, u0_0, u0_1, u0_2, u0_3);
          m32_7_1 = madd(m32_7_1, v37_2, u1_0, u1_1, u1_2, u1_3);
          m32_7_2 = madd(m32_7_2, v37_2, u2_0, u2_1, u2_2, u2_3);
          m32_7_3 = madd(m32_7_3, v37_2, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = uw[752]; let u0_1 = uw[756]; let u0_2 = uw[760]; let u0_3 = uw[764];
          let u1_0 = uw[753]; let u1_1 = uw[757]; let u1_2 = uw[761]; let u1_3 = uw[765];
          let u2_0 = uw[754]; let u2_1 = uw[758]; let u2_2 = uw[762]; let u2_3 = uw[766];
          let u3_0 = uw[755]; let u3_1 = uw[759]; let u3_2 = uw[763]; let u3_3 = uw[767];
          m33_0_0 = madd(m33_0_0, v30_3, u0_0, u0_1, u0_2, u0_3);
          m33_0_1 = madd(m33_0_1, v30_3, u1_0, u1_1, u1_2, u1_3);
          m33_0_2 = madd(m33_0_2, v30_3, u2_0, u2_1, u2_2, u2_3);
          m33_0_3 = madd(m33_0_3, v30_3, u3_0, u3_1, u3_2, u3_3);
          m33_1_0 = madd(m33_1_0, v31_3, u0_0, u0_1, u0_2, u0_3);
          m33_1_1 = madd(m33_1_1, v31_3, u1_0, u1_1, u1_2, u1_3);
          m33_1_2 = madd(m33_1_2, v31_3, u2_0, u2_1, u2_2, u2_3);
          m33_1_3 = madd(m33_1_3, v31_3, u3_0, u3_1, u3_2, u3_3);
          m33_2_0 = madd(m33_2_0, v32_3, u0_0, u0_1, u0_2, u0_3);
          m33_2_1 = madd(m33_2_1, v32_3, u1_0, u1_1, u1_2, u1_3);
          m33_2_2 = madd(m33_2_2, v32_3, u2_0, u2_1, u2_2, u2_3);
          m33_2_3 = madd(m33_2_3, v32_3, u3_0, u3_1, u3_2, u3_3);
          m33_3_0 = madd(m33_3_0, v33_3, u0_0, u0_1, u0_2, u0_3);
          m33_3_1 = madd(m33_3_1, v33_3, u1_0, u1_1, u1_2, u1_3);
          m33_3_2 = madd(m33_3_2, v33_3, u2_0, u2_1, u2_2, u2_3);
          m33_3_3 = madd(m33_3_3, v33_3, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m33_3_0; }
          m33_4_0 = madd(m33_4_0, v34_3, u0_0, u0_1, u0_2, u0_3);
          m33_4_1 = madd(m33_4_1, v34_3, u1_0, u1_1, u1_2, u1_3);
          m33_4_2 = madd(m33_4_2, v34_3, u2_0, u2_1, u2_2, u2_3);
          m33_4_3 = madd(m33_4_3, v34_3, u3_0, u3_1, u3_2, u3_3);
          m33_5_0 = madd(m33_5_0, v35_3, u0_0, u0_1, u0_2, u0_3);
          m33_5_1 = madd(m33_5_1, v35_3, u1_0, u1_1, u1_2, u1_3);
          m33_5_2 = madd(m33_5_2, v35_3, u2_0, u2_1, u2_2, u2_3);
          m33_5_3 = madd(m33_5_3, v35_3, u3_0, u3_1, u3_2, u3_3);
          m33_6_0 = madd(m33_6_0, v36_3, u0_0, u0_1, u0_2, u0_3);
          m33_6_1 = madd(m33_6_1, v36_3, u1_0, u1_1, u1_2, u1_3);
          m33_6_2 = madd(m33_6_2, v36_3, u2_0, u2_1, u2_2, u2_3);
          m33_6_3 = madd(m33_6_3, v36_3, u3_0, u3_1, u3_2, u3_3);
          m33_7_0 = madd(m33_7_0, v37_3, u0_0, u0_1, u0_2, u0_3);
          m33_7_1 = madd(m33_7_1, v37_3, u1_0, u1_1, u1_2, u1_3);
          m33_7_2 = madd(m33_7_2, v37_3, u2_0, u2_1, u2_2, u2_3);
          m33_7_3 = madd(m33_7_3, v37_3, u3_0, u3_1, u3_2, u3_3);
        }
      }
      if (CG > 3u) {
        let q0 = ldRow(0, 3u); let d0_0 = q0[0]; let d0_1 = q0[1]; let d0_2 = q0[2]; let d0_3 = q0[3]; let d0_4 = q0[4]; let d0_5 = q0[5]; let d0_6 = q0[6]; let d0_7 = q0[7]; let d0_8 = q0[8]; let d0_9 = q0[9];
        let q1 = ldRow(1, 3u); let d1_0 = q1[0]; let d1_1 = q1[1]; let d1_2 = q1[2]; let d1_3 = q1[3]; let d1_4 = q1[4]; let d1_5 = q1[5]; let d1_6 = q1[6]; let d1_7 = q1[7]; let d1_8 = q1[8]; let d1_9 = q1[9];
        let q2 = ldRow(2, 3u); let d2_0 = q2[0]; let d2_1 = q2[1]; let d2_2 = q2[2]; let d2_3 = q2[3]; let d2_4 = q2[4]; let d2_5 = q2[5]; let d2_6 = q2[6]; let d2_7 = q2[7]; let d2_8 = q2[8]; let d2_9 = q2[9];
        let q3 = ldRow(3, 3u); let d3_0 = q3[0]; let d3_1 = q3[1]; let d3_2 = q3[2]; let d3_3 = q3[3]; let d3_4 = q3[4]; let d3_5 = q3[5]; let d3_6 = q3[6]; let d3_7 = q3[7]; let d3_8 = q3[8]; let d3_9 = q3[9];
        let q4 = ldRow(4, 3u); let d4_0 = q4[0]; let d4_1 = q4[1]; let d4_2 = q4[2]; let d4_3 = q4[3]; let d4_4 = q4[4]; let d4_5 = q4[5]; let d4_6 = q4[6]; let d4_7 = q4[7]; let d4_8 = q4[8]; let d4_9 = q4[9];
        let q5 = ldRow(5, 3u); let d5_0 = q5[0]; let d5_1 = q5[1]; let d5_2 = q5[2]; let d5_3 = q5[3]; let d5_4 = q5[4]; let d5_5 = q5[5]; let d5_6 = q5[6]; let d5_7 = q5[7]; let d5_8 = q5[8]; let d5_9 = q5[9];
        let r30_0 = d1_0 - d3_0; let r30_1 = d1_1 - d3_1; let r30_2 = d1_2 - d3_2; let r30_3 = d1_3 - d3_3;
        let v30_0 = r30_0 - r30_2; let v30_1 = r30_1 + r30_2; let v30_2 = -r30_1 + r30_2; let v30_3 = r30_1 - r30_3;
        let r31_0 = d1_2 - d3_2; let r31_1 = d1_3 - d3_3; let r31_2 = d1_4 - d3_4; let r31_3 = d1_5 - d3_5;
        let v31_0 = r31_0 - r31_2; let v31_1 = r31_1 + r31_2; let v31_2 = -r31_1 + r31_2; let v31_3 = r31_1 - r31_3;
        let r32_0 = d1_4 - d3_4; let r32_1 = d1_5 - d3_5; let r32_2 = d1_6 - d3_6; let r32_3 = d1_7 - d3_7;
        let v32_0 = r32_0 - r32_2; let v32_1 = r32_1 + r32_2; let v32_2 = -r32_1 + r32_2; let v32_3 = r32_1 - r32_3;
        let r33_0 = d1_6 - d3_6; let r33_1 = d1_7 - d3_7; let r33_2 = d1_8 - d3_8; let r33_3 = d1_9 - d3_9;
        let v33_0 = r33_0 - r33_2; let v33_1 = r33_1 + r33_2; let v33_2 = -r33_1 + r33_2; let v33_3 = r33_1 - r33_3;
        let r34_0 = d3_0 - d5_0; let r34_1 = d3_1 - d5_1; let r34_2 = d3_2 - d5_2; let r34_3 = d3_3 - d5_3;
        let v34_0 = r34_0 - r34_2; let v34_1 = r34_1 + r34_2; let v34_2 = -r34_1 + r34_2; let v34_3 = r34_1 - r34_3;
        let r35_0 = d3_2 - d5_2; let r35_1 = d3_3 - d5_3; let r35_2 = d3_4 - d5_4; let r35_3 = d3_5 - d5_5;
        let v35_0 = r35_0 - r35_2; let v35_1 = r35_1 + r35_2; let v35_2 = -r35_1 + r35_2; let v35_3 = r35_1 - r35_3;
        let r36_0 = d3_4 - d5_4; let r36_1 = d3_5 - d5_5; let r36_2 = d3_6 - d5_6; let r36_3 = d3_7 - d5_7;
        let v36_0 = r36_0 - r36_2; let v36_1 = r36_1 + r36_2; let v36_2 = -r36_1 + r36_2; let v36_3 = r36_1 - r36_3;
        let r37_0 = d3_6 - d5_6; let r37_1 = d3_7 - d5_7; let r37_2 = d3_8 - d5_8; let r37_3 = d3_9 - d5_9;
        let v37_0 = r37_0 - r37_2; let v37_1 = r37_1 + r37_2; let v37_2 = -r37_1 + r37_2; let v37_3 = r37_1 - r37_3;
        {
          let u0_0 = uw[960]; let u0_1 = uw[964]; let u0_2 = uw[968]; let u0_3 = uw[972];
          let u1_0 = uw[961]; let u1_1 = uw[965]; let u1_2 = uw[969]; let u1_3 = uw[973];
          let u2_0 = uw[962]; let u2_1 = uw[966]; let u2_2 = uw[970]; let u2_3 = uw[974];
          let u3_0 = uw[963]; let u3_1 = uw[967]; let u3_2 = uw[971]; let u3_3 = uw[975];
          m30_0_0 = madd(m30_0_0, v30_0, u0_0, u0_1, u0_2, u0_3);
          m30_0_1 = madd(m30_0_1, v30_0, u1_0, u1_1, u1_2, u1_3);
          m30_0_2 = madd(m30_0_2, v30_0, u2_0, u2_1, u2_2, u2_3);
          m30_0_3 = madd(m30_0_3, v30_0, u3_0, u3_1, u3_2, u3_3);
          m30_1_0 = madd(m30_1_0, v31_0, u0_0, u0_1, u0_2, u0_3);
          m30_1_1 = madd(m30_1_1, v31_0, u1_0, u1_1, u1_2, u1_3);
          m30_1_2 = madd(m30_1_2, v31_0, u2_0, u2_1, u2_2, u2_3);
          m30_1_3 = madd(m30_1_3, v31_0, u3_0, u3_1, u3_2, u3_3);
          m30_2_0 = madd(m30_2_0, v32_0, u0_0, u0_1, u0_2, u0_3);
          m30_2_1 = madd(m30_2_1, v32_0, u1_0, u1_1, u1_2, u1_3);
          m30_2_2 = madd(m30_2_2, v32_0, u2_0, u2_1, u2_2, u2_3);
          m30_2_3 = madd(m30_2_3, v32_0, u3_0, u3_1, u3_2, u3_3);
          m30_3_0 = madd(m30_3_0, v33_0, u0_0, u0_1, u0_2, u0_3);
          m30_3_1 = madd(m30_3_1, v33_0, u1_0, u1_1, u1_2, u1_3);
          m30_3_2 = madd(m30_3_2, v33_0, u2_0, u2_1, u2_2, u2_3);
          m30_3_3 = madd(m30_3_3, v33_0, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m30_3_0; }
          m30_4_0 = madd(m30_4_0, v34_0, u0_0, u0_1, u0_2, u0_3);
          m30_4_1 = madd(m30_4_1, v34_0, u1_0, u1_1, u1_2, u1_3);
          m30_4_2 = madd(m30_4_2, v34_0, u2_0, u2_1, u2_2, u2_3);
          m30_4_3 = madd(m30_4_3, v34_0, u3_0, u3_1, u3_2, u3_3);
          m30_5_0 = madd(m30_5_0, v35_0, u0_0, u0_1, u0_2, u0_3);
          m30_5_1 = madd(m30_5_1, v35_0, u1_0, u1_1, u1_2, u1_3);
          m30_5_2 = madd(m30_5_2, v35_0, u2_0, u2_1, u2_2, u2_3);
          m30_5_3 = madd(m30_5_3, v35_0, u3_0, u3_1, u3_2, u3_3);
          m30_6_0 = madd(m30_6_0, v36_0, u0_0, u0_1, u0_2, u0_3);
          m30_6_1 = madd(m30_6_1, v36_0, u1_0, u1_1, u1_2, u1_3);
          m30_6_2 = madd(m30_6_2, v36_0, u2_0, u2_1, u2_2, u2_3);
          m30_6_3 = madd(m30_6_3, v36_0, u3_0, u3_1, u3_2, u3_3);
          m30_7_0 = madd(m30_7_0, v37_0, u0_0, u0_1, u0_2, u0_3);
          m30_7_1 = madd(m30_7_1, v37_0, u1_0, u1_1, u1_2, u1_3);
          m30_7_2 = madd(m30_7_2, v37_0, u2_0, u2_1, u2_2, u2_3);
          m30_7_3 = madd(m30_7_3, v37_0, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = uw[976]; let u0_1 = uw[980]; let u0_2 = uw[984]; let u0_3 = uw[988];
          let u1_0 = uw[977]; let u1_1 = uw[981]; let u1_2 = uw[985]; let u1_3 = uw[989];
          let u2_0 = uw[978]; let u2_1 = uw[982]; let u2_2 = uw[986]; let u2_3 = uw[990];
          let u3_0 = uw[979]; let u3_1 = uw[983]; let u3_2 = uw[987]; let u3_3 = uw[991];
          m31_0_0 = madd(m31_0_0, v30_1, u0_0, u0_1, u0_2, u0_3);
          m31_0_1 = madd(m31_0_1, v30_1, u1_0, u1_1, u1_2, u1_3);
          m31_0_2 = madd(m31_0_2, v30_1, u2_0, u2_1, u2_2, u2_3);
          m31_0_3 = madd(m31_0_3, v30_1, u3_0, u3_1, u3_2, u3_3);
          m31_1_0 = madd(m31_1_0, v31_1, u0_0, u0_1, u0_2, u0_3);
          m31_1_1 = madd(m31_1_1, v31_1, u1_0, u1_1, u1_2, u1_3);
          m31_1_2 = madd(m31_1_2, v31_1, u2_0, u2_1, u2_2, u2_3);
          m31_1_3 = madd(m31_1_3, v31_1, u3_0, u3_1, u3_2, u3_3);
          m31_2_0 = madd(m31_2_0, v32_1, u0_0, u0_1, u0_2, u0_3);
          m31_2_1 = madd(m31_2_1, v32_1, u1_0, u1_1, u1_2, u1_3);
          m31_2_2 = madd(m31_2_2, v32_1, u2_0, u2_1, u2_2, u2_3);
          m31_2_3 = madd(m31_2_3, v32_1, u3_0, u3_1, u3_2, u3_3);
          m31_3_0 = madd(m31_3_0, v33_1, u0_0, u0_1, u0_2, u0_3);
          m31_3_1 = madd(m31_3_1, v33_1, u1_0, u1_1, u1_2, u1_3);
          m31_3_2 = madd(m31_3_2, v33_1, u2_0, u2_1, u2_2, u2_3);
          m31_3_3 = madd(m31_3_3, v33_1, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m31_3_0; }
          m31_4_0 = madd(m31_4_0, v34_1, u0_0, u0_1, u0_2, u0_3);
          m31_4_1 = madd(m31_4_1, v34_1, u1_0, u1_1, u1_2, u1_3);
          m31_4_2 = madd(m31_4_2, v34_1, u2_0, u2_1, u2_2, u2_3);
          m31_4_3 = madd(m31_4_3, v34_1, u3_0, u3_1, u3_2, u3_3);
          m31_5_0 = madd(m31_5_0, v35_1, u0_0, u0_1, u0_2, u0_3);
          m31_5_1 = madd(m31_5_1, v35_1, u1_0, u1_1, u1_2, u1_3);
          m31_5_2 = madd(m31_5_2, v35_1, u2_0, u2_1, u2_2, u2_3);
          m31_5_3 = madd(m31_5_3, v35_1, u3_0, u3_1, u3_2, u3_3);
          m31_6_0 = madd(m31_6_0, v36_1, u0_0, u0_1, u0_2, u0_3);
          m31_6_1 = madd(m31_6_1, v36_1, u1_0, u1_1, u1_2, u1_3);
          m31_6_2 = madd(m31_6_2, v36_1, u2_0, u2_1, u2_2, u2_3);
          m31_6_3 = madd(m31_6_3, v36_1, u3_0, u3_1, u3_2, u3_3);
          m31_7_0 = madd(m31_7_0, v37_1, u0_0, u0_1, u0_2, u0_3);
          m31_7_1 = madd(m31_7_1, v37_1, u1_0, u1_1, u1_2, u1_3);
          m31_7_2 = madd(m31_7_2, v37_1, u2_0, u2_1, u2_2, u2_3);
          m31_7_3 = madd(m31_7_3, v37_1, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = uw[992]; let u0_1 = uw[996]; let u0_2 = uw[1000]; let u0_3 = uw[1004];
          let u1_0 = uw[993]; let u1_1 = uw[997]; let u1_2 = uw[1001]; let u1_3 = uw[1005];
          let u2_0 = uw[994]; let u2_1 = uw[998]; let u2_2 = uw[1002]; let u2_3 = uw[1006];
          let u3_0 = uw[995]; let u3_1 = uw[999]; let u3_2 = uw[1003]; let u3_3 = uw[1007];
          m32_0_0 = madd(m32_0_0, v30_2, u0_0, u0_1, u0_2, u0_3);
          m32_0_1 = madd(m32_0_1, v30_2, u1_0, u1_1, u1_2, u1_3);
          m32_0_2 = madd(m32_0_2, v30_2, u2_0, u2_1, u2_2, u2_3);
          m32_0_3 = madd(m32_0_3, v30_2, u3_0, u3_1, u3_2, u3_3);
          m32_1_0 = madd(m32_1_0, v31_2, u0_0, u0_1, u0_2, u0_3);
          m32_1_1 = madd(m32_1_1, v31_2, u1_0, u1_1, u1_2, u1_3);
          m32_1_2 = madd(m32_1_2, v31_2, u2_0, u2_1, u2_2, u2_3);
          m32_1_3 = madd(m32_1_3, v31_2, u3_0, u3_1, u3_2, u3_3);
          m32_2_0 = madd(m32_2_0, v32_2, u0_0, u0_1, u0_2, u0_3);
          m32_2_1 = madd(m32_2_1, v32_2, u1_0, u1_1, u1_2, u1_3);
          m32_2_2 = madd(m32_2_2, v32_2, u2_0, u2_1, u2_2, u2_3);
          m32_2_3 = madd(m32_2_3, v32_2, u3_0, u3_1, u3_2, u3_3);
          m32_3_0 = madd(m32_3_0, v33_2, u0_0, u0_1, u0_2, u0_3);
          m32_3_1 = madd(m32_3_1, v33_2, u1_0, u1_1, u1_2, u1_3);
          m32_3_2 = madd(m32_3_2, v33_2, u2_0, u2_1, u2_2, u2_3);
          m32_3_3 = madd(m32_3_3, v33_2, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m32_3_0; }
          m32_4_0 = madd(m32_4_0, v34_2, u0_0, u0_1, u0_2, u0_3);
          m32_4_1 = madd(m32_4_1, v34_2, u1_0, u1_1, u1_2, u1_3);
          m32_4_2 = madd(m32_4_2, v34_2, u2_0, u2_1, u2_2, u2_3);
          m32_4_3 = madd(m32_4_3, v34_2, u3_0, u3_1, u3_2, u3_3);
          m32_5_0 = madd(m32_5_0, v35_2, u0_0, u0_1, u0_2, u0_3);
          m32_5_1 = madd(m32_5_1, v35_2, u1_0, u1_1, u1_2, u1_3);
          m32_5_2 = madd(m32_5_2, v35_2, u2_0, u2_1, u2_2, u2_3);
          m32_5_3 = madd(m32_5_3, v35_2, u3_0, u3_1, u3_2, u3_3);
          m32_6_0 = madd(m32_6_0, v36_2, u0_0, u0_1, u0_2, u0_3);
          m32_6_1 = madd(m32_6_1, v36_2, u1_0, u1_1, u1_2, u1_3);
          m32_6_2 = madd(m32_6_2, v36_2, u2_0, u2_1, u2_2, u2_3);
          m32_6_3 = madd(m32_6_3, v36_2, u3_0, u3_1, u3_2, u3_3);
          m32_7_0 = madd(m32_7_0, v37_2, u0_0, u0_1, u0_2, u0_3);
          m32_7_1 = madd(m32_7_1, v37_2, u1_0, u1_1, u1_2, u1_3);
          m32_7_2 = madd(m32_7_2, v37_2, u2_0, u2_1, u2_2, u2_3);
          m32_7_3 = madd(m32_7_3, v37_2, u3_0, u3_1, u3_2, u3_3);
        }
        {
          let u0_0 = uw[1008]; let u0_1 = uw[1012]; let u0_2 = uw[1016]; let u0_3 = uw[1020];
          let u1_0 = uw[1009]; let u1_1 = uw[1013]; let u1_2 = uw[1017]; let u1_3 = uw[1021];
          let u2_0 = uw[1010]; let u2_1 = uw[1014]; let u2_2 = uw[1018]; let u2_3 = uw[1022];
          let u3_0 = uw[1011]; let u3_1 = uw[1015]; let u3_2 = uw[1019]; let u3_3 = uw[1023];
          m33_0_0 = madd(m33_0_0, v30_3, u0_0, u0_1, u0_2, u0_3);
          m33_0_1 = madd(m33_0_1, v30_3, u1_0, u1_1, u1_2, u1_3);
          m33_0_2 = madd(m33_0_2, v30_3, u2_0, u2_1, u2_2, u2_3);
          m33_0_3 = madd(m33_0_3, v30_3, u3_0, u3_1, u3_2, u3_3);
          m33_1_0 = madd(m33_1_0, v31_3, u0_0, u0_1, u0_2, u0_3);
          m33_1_1 = madd(m33_1_1, v31_3, u1_0, u1_1, u1_2, u1_3);
          m33_1_2 = madd(m33_1_2, v31_3, u2_0, u2_1, u2_2, u2_3);
          m33_1_3 = madd(m33_1_3, v31_3, u3_0, u3_1, u3_2, u3_3);
          m33_2_0 = madd(m33_2_0, v32_3, u0_0, u0_1, u0_2, u0_3);
          m33_2_1 = madd(m33_2_1, v32_3, u1_0, u1_1, u1_2, u1_3);
          m33_2_2 = madd(m33_2_2, v32_3, u2_0, u2_1, u2_2, u2_3);
          m33_2_3 = madd(m33_2_3, v32_3, u3_0, u3_1, u3_2, u3_3);
          m33_3_0 = madd(m33_3_0, v33_3, u0_0, u0_1, u0_2, u0_3);
          m33_3_1 = madd(m33_3_1, v33_3, u1_0, u1_1, u1_2, u1_3);
          m33_3_2 = madd(m33_3_2, v33_3, u2_0, u2_1, u2_2, u2_3);
          m33_3_3 = madd(m33_3_3, v33_3, u3_0, u3_1, u3_2, u3_3);
          if (p.fence != 0u) { out4[0] = m33_3_0; }
          m33_4_0 = madd(m33_4_0, v34_3, u0_0, u0_1, u0_2, u0_3);
          m33_4_1 = madd(m33_4_1, v34_3, u1_0, u1_1, u1_2, u1_3);
          m33_4_2 = madd(m33_4_2, v34_3, u2_0, u2_1, u2_2, u2_3);
          m33_4_3 = madd(m33_4_3, v34_3, u3_0, u3_1, u3_2, u3_3);
          m33_5_0 = madd(m33_5_0, v35_3, u0_0, u0_1, u0_2, u0_3);
          m33_5_1 = madd(m33_5_1, v35_3, u1_0, u1_1, u1_2, u1_3);
          m33_5_2 = madd(m33_5_2, v35_3, u2_0, u2_1, u2_2, u2_3);
          m33_5_3 = madd(m33_5_3, v35_3, u3_0, u3_1, u3_2, u3_3);
          m33_6_0 = madd(m33_6_0, v36_3, u0_0, u0_1, u0_2, u0_3);
          m33_6_1 = madd(m33_6_1, v36_3, u1_0, u1_1, u1_2, u1_3);
          m33_6_2 = madd(m33_6_2, v36_3, u2_0, u2_1, u2_2, u2_3);
          m33_6_3 = madd(m33_6_3, v36_3, u3_0, u3_1, u3_2, u3_3);
          m33_7_0 = madd(m33_7_0, v37_3, u0_0, u0_1, u0_2, u0_3);
          m33_7_1 = madd(m33_7_1, v37_3, u1_0, u1_1, u1_2, u1_3);
          m33_7_2 = madd(m33_7_2, v37_3, u2_0, u2_1, u2_2, u2_3);
          m33_7_3 = madd(m33_7_3, v37_3, u3_0, u3_1, u3_2, u3_3);
        }
      }
      y0_0_10 -= m30_0_0 + m31_0_0 + m32_0_0;
      y0_0_11 -= m31_0_0 - m32_0_0 - m33_0_0;
      y0_1_10 -= m30_0_1 + m31_0_1 + m32_0_1;
      y0_1_11 -= m31_0_1 - m32_0_1 - m33_0_1;
      y0_2_10 -= m30_0_2 + m31_0_2 + m32_0_2;
      y0_2_11 -= m31_0_2 - m32_0_2 - m33_0_2;
      y0_3_10 -= m30_0_3 + m31_0_3 + m32_0_3;
      y0_3_11 -= m31_0_3 - m32_0_3 - m33_0_3;
      y1_0_10 -= m30_1_0 + m31_1_0 + m32_1_0;
      y1_0_11 -= m31_1_0 - m32_1_0 - m33_1_0;
      y1_1_10 -= m30_1_1 + m31_1_1 + m32_1_1;
      y1_1_11 -= m31_1_1 - m32_1_1 - m33_1_1;
      y1_2_10 -= m30_1_2 + m31_1_2 + m32_1_2;
      y1_2_11 -= m31_1_2 - m32_1_2 - m33_1_2;
      y1_3_10 -= m30_1_3 + m31_1_3 + m32_1_3;
      y1_3_11 -= m31_1_3 - m32_1_3 - m33_1_3;
      y2_0_10 -= m30_2_0 + m31_2_0 + m32_2_0;
      y2_0_11 -= m31_2_0 - m32_2_0 - m33_2_0;
      y2_1_10 -= m30_2_1 + m31_2_1 + m32_2_1;
      y2_1_11 -= m31_2_1 - m32_2_1 - m33_2_1;
      y2_2_10 -= m30_2_2 + m31_2_2 + m32_2_2;
      y2_2_11 -= m31_2_2 - m32_2_2 - m33_2_2;
      y2_3_10 -= m30_2_3 + m31_2_3 + m32_2_3;
      y2_3_11 -= m31_2_3 - m32_2_3 - m33_2_3;
      y3_0_10 -= m30_3_0 + m31_3_0 + m32_3_0;
      y3_0_11 -= m31_3_0 - m32_3_0 - m33_3_0;
      y3_1_10 -= m30_3_1 + m31_3_1 + m32_3_1;
      y3_1_11 -= m31_3_1 - m32_3_1 - m33_3_1;
      y3_2_10 -= m30_3_2 + m31_3_2 + m32_3_2;
      y3_2_11 -= m31_3_2 - m32_3_2 - m33_3_2;
      y3_3_10 -= m30_3_3 + m31_3_3 + m32_3_3;
      y3_3_11 -= m31_3_3 - m32_3_3 - m33_3_3;
      y4_0_10 -= m30_4_0 + m31_4_0 + m32_4_0;
      y4_0_11 -= m31_4_0 - m32_4_0 - m33_4_0;
      y4_1_10 -= m30_4_1 + m31_4_1 + m32_4_1;
      y4_1_11 -= m31_4_1 - m32_4_1 - m33_4_1;
      y4_2_10 -= m30_4_2 + m31_4_2 + m32_4_2;
      y4_2_11 -= m31_4_2 - m32_4_2 - m33_4_2;
      y4_3_10 -= m30_4_3 + m31_4_3 + m32_4_3;
      y4_3_11 -= m31_4_3 - m32_4_3 - m33_4_3;
      y5_0_10 -= m30_5_0 + m31_5_0 + m32_5_0;
      y5_0_11 -= m31_5_0 - m32_5_0 - m33_5_0;
      y5_1_10 -= m30_5_1 + m31_5_1 + m32_5_1;
      y5_1_11 -= m31_5_1 - m32_5_1 - m33_5_1;
      y5_2_10 -= m30_5_2 + m31_5_2 + m32_5_2;
      y5_2_11 -= m31_5_2 - m32_5_2 - m33_5_2;
      y5_3_10 -= m30_5_3 + m31_5_3 + m32_5_3;
      y5_3_11 -= m31_5_3 - m32_5_3 - m33_5_3;
      y6_0_10 -= m30_6_0 + m31_6_0 + m32_6_0;
      y6_0_11 -= m31_6_0 - m32_6_0 - m33_6_0;
      y6_1_10 -= m30_6_1 + m31_6_1 + m32_6_1;
      y6_1_11 -= m31_6_1 - m32_6_1 - m33_6_1;
      y6_2_10 -= m30_6_2 + m31_6_2 + m32_6_2;
      y6_2_11 -= m31_6_2 - m32_6_2 - m33_6_2;
      y6_3_10 -= m30_6_3 + m31_6_3 + m32_6_3;
      y6_3_11 -= m31_6_3 - m32_6_3 - m33_6_3;
      y7_0_10 -= m30_7_0 + m31_7_0 + m32_7_0;
      y7_0_11 -= m31_7_0 - m32_7_0 - m33_7_0;
      y7_1_10 -= m30_7_1 + m31_7_1 + m32_7_1;
      y7_1_11 -= m31_7_1 - m32_7_1 - m33_7_1;
      y7_2_10 -= m30_7_2 + m31_7_2 + m32_7_2;
      y7_2_11 -= m31_7_2 - m32_7_2 - m33_7_2;
      y7_3_10 -= m30_7_3 + m31_7_3 + m32_7_3;
      y7_3_11 -= m31_7_3 - m32_7_3 - m33_7_3;
    }
  }
  if (!live) { return; }
  let e0 = epilogueOf(0u);
  let e1 = epilogueOf(1u);
  let e2 = epilogueOf(2u);
  let e3 = epilogueOf(3u);
  store4(0u, 0u, 0u, y0_0_00, y0_0_01, y1_0_00, y1_0_01, e0);
  store4(0u, 4u, 0u, y2_0_00, y2_0_01, y3_0_00, y3_0_01, e0);
  store4(1u, 0u, 0u, y0_0_10, y0_0_11, y1_0_10, y1_0_11, e0);
  store4(1u, 4u, 0u, y2_0_10, y2_0_11, y3_0_10, y3_0_11, e0);
  store4(0u, 0u, 1u, y0_1_00, y0_1_01, y1_1_00, y1_1_01, e1);
  store4(0u, 4u, 1u, y2_1_00, y2_1_01, y3_1_00, y3_1_01, e1);
  store4(1u, 0u, 1u, y0_1_10, y0_1_11, y1_1_10, y1_1_11, e1);
  store4(1u, 4u, 1u, y2_1_10, y2_1_11, y3_1_10, y3_1_11, e1);
  store4(0u, 0u, 2u, y0_2_00, y0_2_01, y1_2_00, y1_2_01, e2);
  store4(0u, 4u, 2u, y2_2_00, y2_2_01, y3_2_00, y3_2_01, e2);
  store4(1u, 0u, 2u, y0_2_10, y0_2_11, y1_2_10, y1_2_11, e2);
  store4(1u, 4u, 2u, y2_2_10, y2_2_11, y3_2_10, y3_2_11, e2);
  store4(0u, 0u, 3u, y0_3_00, y0_3_01, y1_3_00, y1_3_01, e3);
  store4(0u, 4u, 3u, y2_3_00, y2_3_01, y3_3_00, y3_3_01, e3);
  store4(1u, 0u, 3u, y0_3_10, y0_3_11, y1_3_10, y1_3_11, e3);
  store4(1u, 4u, 3u, y2_3_10, y2_3_11, y3_3_10, y3_3_11, e3);
  store4(2u, 0u, 0u, y4_0_00, y4_0_01, y5_0_00, y5_0_01, e0);
  store4(2u, 4u, 0u, y6_0_00, y6_0_01, y7_0_00, y7_0_01, e0);
  store4(3u, 0u, 0u, y4_0_10, y4_0_11, y5_0_10, y5_0_11, e0);
  store4(3u, 4u, 0u, y6_0_10, y6_0_11, y7_0_10, y7_0_11, e0);
  store4(2u, 0u, 1u, y4_1_00, y4_1_01, y5_1_00, y5_1_01, e1);
  store4(2u, 4u, 1u, y6_1_00, y6_1_01, y7_1_00, y7_1_01, e1);
  store4(3u, 0u, 1u, y4_1_10, y4_1_11, y5_1_10, y5_1_11, e1);
  store4(3u, 4u, 1u, y6_1_10, y6_1_11, y7_1_10, y7_1_11, e1);
  store4(2u, 0u, 2u, y4_2_00, y4_2_01, y5_2_00, y5_2_01, e2);
  store4(2u, 4u, 2u, y6_2_00, y6_2_01, y7_2_00, y7_2_01, e2);
  store4(3u, 0u, 2u, y4_2_10, y4_2_11, y5_2_10, y5_2_11, e2);
  store4(3u, 4u, 2u, y6_2_10, y6_2_11, y7_2_10, y7_2_11, e2);
  store4(2u, 0u, 3u, y4_3_00, y4_3_01, y5_3_00, y5_3_01, e3);
  store4(2u, 4u, 3u, y6_3_00, y6_3_01, y7_3_00, y7_3_01, e3);
  store4(3u, 0u, 3u, y4_3_10, y4_3_11, y5_3_10, y5_3_11, e3);
  store4(3u, 4u, 3u, y6_3_10, y6_3_11, y7_3_10, y7_3_11, e3);
  if (p.moments == 1u) {
    let lm = l / p.OGB;
    {
      let k = epi(y0_0_00, e0);
      var s = V0; var q = V0;
      { let d = epi(y0_0_01, e0) - k; s += d; q += d * d; }
      { let d = epi(y0_0_10, e0) - k; s += d; q += d * d; }
      { let d = epi(y0_0_11, e0) - k; s += d; q += d * d; }
      { let d = epi(y1_0_00, e0) - k; s += d; q += d * d; }
      { let d = epi(y1_0_01, e0) - k; s += d; q += d * d; }
      { let d = epi(y1_0_10, e0) - k; s += d; q += d * d; }
      { let d = epi(y1_0_11, e0) - k; s += d; q += d * d; }
      { let d = epi(y2_0_00, e0) - k; s += d; q += d * d; }
      { let d = epi(y2_0_01, e0) - k; s += d; q += d * d; }
      { let d = epi(y2_0_10, e0) - k; s += d; q += d * d; }
      { let d = epi(y2_0_11, e0) - k; s += d; q += d * d; }
      { let d = epi(y3_0_00, e0) - k; s += d; q += d * d; }
      { let d = epi(y3_0_01, e0) - k; s += d; q += d * d; }
      { let d = epi(y3_0_10, e0) - k; s += d; q += d * d; }
      { let d = epi(y3_0_11, e0) - k; s += d; q += d * d; }
      { let d = epi(y4_0_00, e0) - k; s += d; q += d * d; }
      { let d = epi(y4_0_01, e0) - k; s += d; q += d * d; }
      { let d = epi(y4_0_10, e0) - k; s += d; q += d * d; }
      { let d = epi(y4_0_11, e0) - k; s += d; q += d * d; }
      { let d = epi(y5_0_00, e0) - k; s += d; q += d * d; }
      { let d = epi(y5_0_01, e0) - k; s += d; q += d * d; }
      { let d = epi(y5_0_10, e0) - k; s += d; q += d * d; }
      { let d = epi(y5_0_11, e0) - k; s += d; q += d * d; }
      { let d = epi(y6_0_00, e0) - k; s += d; q += d * d; }
      { let d = epi(y6_0_01, e0) - k; s += d; q += d * d; }
      { let d = epi(y6_0_10, e0) - k; s += d; q += d * d; }
      { let d = epi(y6_0_11, e0) - k; s += d; q += d * d; }
      { let d = epi(y7_0_00, e0) - k; s += d; q += d * d; }
      { let d = epi(y7_0_01, e0) - k; s += d; q += d * d; }
      { let d = epi(y7_0_10, e0) - k; s += d; q += d * d; }
      { let d = epi(y7_0_11, e0) - k; s += d; q += d * d; }
      let m = (og0 + 0u) * p.momLanes + lm;
      mom4[2u * m] = k + s / 32.0;
      mom4[2u * m + 1u] = max(q - s * s / 32.0, V0);
    }
    {
      let k = epi(y0_1_00, e1);
      var s = V0; var q = V0;
      { let d = epi(y0_1_01, e1) - k; s += d; q += d * d; }
      { let d = epi(y0_1_10, e1) - k; s += d; q += d * d; }
      { let d = epi(y0_1_11, e1) - k; s += d; q += d * d; }
      { let d = epi(y1_1_00, e1) - k; s += d; q += d * d; }
      { let d = epi(y1_1_01, e1) - k; s += d; q += d * d; }
      { let d = epi(y1_1_10, e1) - k; s += d; q += d * d; }
      { let d = epi(y1_1_11, e1) - k; s += d; q += d * d; }
      { let d = epi(y2_1_00, e1) - k; s += d; q += d * d; }
      { let d = epi(y2_1_01, e1) - k; s += d; q += d * d; }
      { let d = epi(y2_1_10, e1) - k; s += d; q += d * d; }
      { let d = epi(y2_1_11, e1) - k; s += d; q += d * d; }
      { let d = epi(y3_1_00, e1) - k; s += d; q += d * d; }
      { let d = epi(y3_1_01, e1) - k; s += d; q += d * d; }
      { let d = epi(y3_1_10, e1) - k; s += d; q += d * d; }
      { let d = epi(y3_1_11, e1) - k; s += d; q += d * d; }
      { let d = epi(y4_1_00, e1) - k; s += d; q += d * d; }
      { let d = epi(y4_1_01, e1) - k; s += d; q += d * d; }
      { let d = epi(y4_1_10, e1) - k; s += d; q += d * d; }
      { let d = epi(y4_1_11, e1) - k; s += d; q += d * d; }
      { let d = epi(y5_1_00, e1) - k; s += d; q += d * d; }
      { let d = epi(y5_1_01, e1) - k; s += d; q += d * d; }
      { let d = epi(y5_1_10, e1) - k; s += d; q += d * d; }
      { let d = epi(y5_1_11, e1) - k; s += d; q += d * d; }
      { let d = epi(y6_1_00, e1) - k; s += d; q += d * d; }
      { let d = epi(y6_1_01, e1) - k; s += d; q += d * d; }
      { let d = epi(y6_1_10, e1) - k; s += d; q += d * d; }
      { let d = epi(y6_1_11, e1) - k; s += d; q += d * d; }
      { let d = epi(y7_1_00, e1) - k; s += d; q += d * d; }
      { let d = epi(y7_1_01, e1) - k; s += d; q += d * d; }
      { let d = epi(y7_1_10, e1) - k; s += d; q += d * d; }
      { let d = epi(y7_1_11, e1) - k; s += d; q += d * d; }
      let m = (og0 + 1u) * p.momLanes + lm;
      mom4[2u * m] = k + s / 32.0;
      mom4[2u * m + 1u] = max(q - s * s / 32.0, V0);
    }
    {
      let k = epi(y0_2_00, e2);
      var s = V0; var q = V0;
      { let d = epi(y0_2_01, e2) - k; s += d; q += d * d; }
      { let d = epi(y0_2_10, e2) - k; s += d; q += d * d; }
      { let d = epi(y0_2_11, e2) - k; s += d; q += d * d; }
      { let d = epi(y1_2_00, e2) - k; s += d; q += d * d; }
      { let d = epi(y1_2_01, e2) - k; s += d; q += d * d; }
      { let d = epi(y1_2_10, e2) - k; s += d; q += d * d; }
      { let d = epi(y1_2_11, e2) - k; s += d; q += d * d; }
      { let d = epi(y2_2_00, e2) - k; s += d; q += d * d; }
      { let d = epi(y2_2_01, e2) - k; s += d; q += d * d; }
      { let d = epi(y2_2_10, e2) - k; s += d; q += d * d; }
      { let d = epi(y2_2_11, e2) - k; s += d; q += d * d; }
      { let d = epi(y3_2_00, e2) - k; s += d; q += d * d; }
      { let d = epi(y3_2_01, e2) - k; s += d; q += d * d; }
      { let d = epi(y3_2_10, e2) - k; s += d; q += d * d; }
      { let d = epi(y3_2_11, e2) - k; s += d; q += d * d; }
      { let d = epi(y4_2_00, e2) - k; s += d; q += d * d; }
      { let d = epi(y4_2_01, e2) - k; s += d; q += d * d; }
      { let d = epi(y4_2_10, e2) - k; s += d; q += d * d; }
      { let d = epi(y4_2_11, e2) - k; s += d; q += d * d; }
      { let d = epi(y5_2_00, e2) - k; s += d; q += d * d; }
      { let d = epi(y5_2_01, e2) - k; s += d; q += d * d; }
      { let d = epi(y5_2_10, e2) - k; s += d; q += d * d; }
      { let d = epi(y5_2_11, e2) - k; s += d; q += d * d; }
      { let d = epi(y6_2_00, e2) - k; s += d; q += d * d; }
      { let d = epi(y6_2_01, e2) - k; s += d; q += d * d; }
      { let d = epi(y6_2_10, e2) - k; s += d; q += d * d; }
      { let d = epi(y6_2_11, e2) - k; s += d; q += d * d; }
      { let d = epi(y7_2_00, e2) - k; s += d; q += d * d; }
      { let d = epi(y7_2_01, e2) - k; s += d; q += d * d; }
      { let d = epi(y7_2_10, e2) - k; s += d; q += d * d; }
      { let d = epi(y7_2_11, e2) - k; s += d; q += d * d; }
      let m = (og0 + 2u) * p.momLanes + lm;
      mom4[2u * m] = k + s / 32.0;
      mom4[2u * m + 1u] = max(q - s * s / 32.0, V0);
    }
    {
      let k = epi(y0_3_00, e3);
      var s = V0; var q = V0;
      { let d = epi(y0_3_01, e3) - k; s += d; q += d * d; }
      { let d = epi(y0_3_10, e3) - k; s += d; q += d * d; }
      { let d = epi(y0_3_11, e3) - k; s += d; q += d * d; }
      { let d = epi(y1_3_00, e3) - k; s += d; q += d * d; }
      { let d = epi(y1_3_01, e3) - k; s += d; q += d * d; }
      { let d = epi(y1_3_10, e3) - k; s += d; q += d * d; }
      { let d = epi(y1_3_11, e3) - k; s += d; q += d * d; }
      { let d = epi(y2_3_00, e3) - k; s += d; q += d * d; }
      { let d = epi(y2_3_01, e3) - k; s += d; q += d * d; }
      { let d = epi(y2_3_10, e3) - k; s += d; q += d * d; }
      { let d = epi(y2_3_11, e3) - k; s += d; q += d * d; }
      { let d = epi(y3_3_00, e3) - k; s += d; q += d * d; }
      { let d = epi(y3_3_01, e3) - k; s += d; q += d * d; }
      { let d = epi(y3_3_10, e3) - k; s += d; q += d * d; }
      { let d = epi(y3_3_11, e3) - k; s += d; q += d * d; }
      { let d = epi(y4_3_00, e3) - k; s += d; q += d * d; }
      { let d = epi(y4_3_01, e3) - k; s += d; q += d * d; }
      { let d = epi(y4_3_10, e3) - k; s += d; q += d * d; }
      { let d = epi(y4_3_11, e3) - k; s += d; q += d * d; }
      { let d = epi(y5_3_00, e3) - k; s += d; q += d * d; }
      { let d = epi(y5_3_01, e3) - k; s += d; q += d * d; }
      { let d = epi(y5_3_10, e3) - k; s += d; q += d * d; }
      { let d = epi(y5_3_11, e3) - k; s += d; q += d * d; }
      { let d = epi(y6_3_00, e3) - k; s += d; q += d * d; }
      { let d = epi(y6_3_01, e3) - k; s += d; q += d * d; }
      { let d = epi(y6_3_10, e3) - k; s += d; q += d * d; }
      { let d = epi(y6_3_11, e3) - k; s += d; q += d * d; }
      { let d = epi(y7_3_00, e3) - k; s += d; q += d * d; }
      { let d = epi(y7_3_01, e3) - k; s += d; q += d * d; }
      { let d = epi(y7_3_10, e3) - k; s += d; q += d * d; }
      { let d = epi(y7_3_11, e3) - k; s += d; q += d * d; }
      let m = (og0 + 3u) * p.momLanes + lm;
      mom4[2u * m] = k + s / 32.0;
      mom4[2u * m + 1u] = max(q - s * s / 32.0, V0);
    }
  }
  // end of generated Winograd tile
}

// U[4i + j][o][c] = (G g[o, c] G^T)[i][j] into u's row (4i + j) * C4 + c at float o, zero for c >= C
// (padded channels), with G = [[1, 0, 0], [1/2, 1/2, 1/2], [1/2, -1/2, 1/2], [0, 0, 1]] and g[o, c] the
// kernel w[o, c], or with flip = 1 w[c, o] turned by 180 degrees (tap 8 - k). One invocation per (c, o);
// the weights change between batches in training, so each call transforms them anew.
@compute @workgroup_size(64)
fn transform(@builtin(global_invocation_id) gid: vec3<u32>) {
  let t = gid.x;
  if (t >= p.C4 * p.O) { return; }
  let c = t / p.O;
  let o = t % p.O;
  let live = c < p.C;
  let cc = min(c, p.C - 1u);
  let flipped = p.flip == 1u;
  let base = select((o * p.C + cc) * 9u, (cc * p.O + o) * 9u, flipped);
  // G g: the kernel's rows combined, per kernel column b
  var gg: array<vec4<f32>, 3>;
  for (var b = 0u; b < 3u; b++) {
    let a0 = select(0.0, w[base + select(b, 8u - b, flipped)], live);
    let a1 = select(0.0, w[base + select(3u + b, 5u - b, flipped)], live);
    let a2 = select(0.0, w[base + select(6u + b, 2u - b, flipped)], live);
    gg[b] = vec4<f32>(a0, 0.5 * (a0 + a1 + a2), 0.5 * (a0 - a1 + a2), a2);
  }
  // (G g) G^T: the same over the columns
  let k0 = gg[0];
  let k1 = gg[1];
  let k2 = gg[2];
  var cols = array<vec4<f32>, 4>(k0, 0.5 * (k0 + k1 + k2), 0.5 * (k0 - k1 + k2), k2);
  for (var j = 0u; j < 4u; j++) {
    for (var i = 0u; i < 4u; i++) {
      u[((4u * i + j) * p.C4 + c) * p.rowFloats + o] = cols[j][i];
    }
  }
}
