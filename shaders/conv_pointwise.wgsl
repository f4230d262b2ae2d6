// 1 x 1 stride-2 convolutions without padding on NCHW tensors (a ResNet's downsample shortcut) on the
// software adapter, as plain per-pixel products over the channels (engine/ops/conv_pointwise.ts decides
// where): the forward pass, the input gradient and the weight gradient's partial sums over runs of
// images. As an implicit GEMM (conv2d.wgsl) such a convolution packed its input, and wrote its input
// gradient phase by phase, three phases of four all zeros (docs/SPEED.md: 1 x 1 stride-2 convolutions
// without the implicit GEMM).
//
// Every operand comes from a texture, vec4 q at texel (q % 4096, q / 4096): lavapipe gathers a load inside
// a loop lane by lane whatever its address, and a texel for a quarter of a storage buffer load's cost
// (conv2d.wgsl's `wt`). A texel holds 4 adjacent values of a row: 4 columns of an NCHW plane (W a
// multiple of 8, so a row's texels are whole and the output's 4 columns line up with 2 input texels) or
// 4 input channels of a weight row (C and O multiples of 4).
//
//   xt   the input x [N, C, H, W]
//   gt   the output gradient [N, O, OH, OW] (OH = H / 2, OW = W / 2)
//   wt   the weights [O, C] (the kernel [O, C, 1, 1] as it is)
//   bias forward: the bias [O] (p.hasBias = 1)
//   out4 forward: y [N, O, OH, OW]; input_grad: dx [N, C, H, W]; weight_grad: partials [runs, O, C]

struct Pointwise {
  C: u32,
  H: u32,
  W: u32,
  O: u32,
  OH: u32,
  OW: u32,
  lanes: u32,   // lanes of this dispatch
  row: u32,     // lanes per grid row (the grid is 2-D: gid.x + gid.y * row)
  hasBias: u32,
  N: u32,
  images: u32,  // weight_grad: images per lane
  _p0: u32,
}

@group(0) @binding(0) var<uniform> p: Pointwise;
@group(0) @binding(1) var xt: texture_storage_2d<rgba32float, read>;
@group(0) @binding(2) var gt: texture_storage_2d<rgba32float, read>;
@group(0) @binding(3) var wt: texture_storage_2d<rgba32float, read>;
@group(0) @binding(4) var<storage, read> bias: array<vec4<f32>>;
@group(0) @binding(5) var<storage, read_write> out4: array<vec4<f32>>;

fn texel(t: texture_storage_2d<rgba32float, read>, q: u32) -> vec4<f32> {
  return textureLoad(t, vec2<u32>(q & 4095u, q >> 12u));
}

// One vec4 of weights: w[o, 4 q .. 4 q + 3].
fn wq(o: u32, q: u32) -> vec4<f32> {
  return texel(wt, o * (p.C / 4u) + q);
}

// The even columns of the 2 texels from q: 4 output pixels' input values at stride 2.
fn even(t: texture_storage_2d<rgba32float, read>, q: u32) -> vec4<f32> {
  let t0 = texel(t, q);
  let t1 = texel(t, q + 1u);
  return vec4<f32>(t0.x, t0.z, t1.x, t1.z);
}

// a + u.x v0 + u.y v1 + u.z v2 + u.w v3.
fn madd(a: vec4<f32>, u: vec4<f32>, v0: vec4<f32>, v1: vec4<f32>, v2: vec4<f32>, v3: vec4<f32>) -> vec4<f32> {
  return fma(vec4<f32>(u.w), v3, fma(vec4<f32>(u.z), v2, fma(vec4<f32>(u.y), v1, fma(vec4<f32>(u.x), v0, a))));
}

// madd with the columns of m: a + m * u.
fn maddT(a: vec4<f32>, u: vec4<f32>, m: mat4x4<f32>) -> vec4<f32> {
  return madd(a, u, m[0], m[1], m[2], m[3]);
}

// Lanes of the forward pass and the input gradient: (image, channel group of 8, output row, group of 4
// output columns), the column group fastest. Channels past the last are clamped to it for the loads (a
// channel count that is a multiple of 4, not of 8) and skipped by the stores.
struct Lane {
  n: u32,
  k0: u32,
  oy: u32,
  ox: u32,
}

fn laneOf(lane: u32, channels: u32) -> Lane {
  let qx = p.OW / 4u;
  let r = lane / qx;
  let groups = (channels + 7u) / 8u;
  let k = (r / p.OH) % groups;
  return Lane(r / p.OH / groups, k * 8u, r % p.OH, (lane % qx) * 4u);
}

// Output channel o's 4 pixels of the lane (o < O).
fn storeY(l: Lane, o: u32, v: vec4<f32>) {
  if (o >= p.O) { return; }
  var s = v;
  if (p.hasBias == 1u) { s += vec4<f32>(bias[o / 4u][o % 4u]); }
  out4[(((l.n * p.O + o) * p.OH + l.oy) * p.OW + l.ox) / 4u] = s;
}

// y[n, o0 .. o0 + 7, oy, ox .. ox + 3] = bias + sum over c of w[o, c] x[n, c, 2 oy, 2 (ox + j)]. The 8
// channels are written out: lavapipe keeps an array indexed in a loop in memory, lane by lane.
@compute @workgroup_size(64)
fn forward(@builtin(global_invocation_id) gid: vec3<u32>) {
  let lane = gid.x + gid.y * p.row;
  if (lane >= p.lanes) { return; }
  let l = laneOf(lane, p.O);
  let plane = p.H * p.W / 4u;
  // the texel holding x[n, 0, 2 oy, 2 ox]: columns 2 ox .. 2 ox + 7 are it and the next
  let x0 = l.n * p.C * plane + 2u * l.oy * (p.W / 4u) + l.ox / 2u;
  let last = p.O - 1u;
  let o0 = min(l.k0, last); let o1 = min(l.k0 + 1u, last); let o2 = min(l.k0 + 2u, last);
  let o3 = min(l.k0 + 3u, last); let o4 = min(l.k0 + 4u, last); let o5 = min(l.k0 + 5u, last);
  let o6 = min(l.k0 + 6u, last); let o7 = min(l.k0 + 7u, last);
  var a0 = vec4<f32>(); var a1 = vec4<f32>(); var a2 = vec4<f32>(); var a3 = vec4<f32>();
  var a4 = vec4<f32>(); var a5 = vec4<f32>(); var a6 = vec4<f32>(); var a7 = vec4<f32>();
  for (var q = 0u; q < p.C / 4u; q++) {
    // 4 input channels' values at the lane's 4 pixels, then each output channel's 4 weights for them
    let i = x0 + 4u * q * plane;
    let v0 = even(xt, i);
    let v1 = even(xt, i + plane);
    let v2 = even(xt, i + 2u * plane);
    let v3 = even(xt, i + 3u * plane);
    a0 = madd(a0, wq(o0, q), v0, v1, v2, v3);
    a1 = madd(a1, wq(o1, q), v0, v1, v2, v3);
    a2 = madd(a2, wq(o2, q), v0, v1, v2, v3);
    a3 = madd(a3, wq(o3, q), v0, v1, v2, v3);
    a4 = madd(a4, wq(o4, q), v0, v1, v2, v3);
    a5 = madd(a5, wq(o5, q), v0, v1, v2, v3);
    a6 = madd(a6, wq(o6, q), v0, v1, v2, v3);
    a7 = madd(a7, wq(o7, q), v0, v1, v2, v3);
  }
  storeY(l, l.k0, a0); storeY(l, l.k0 + 1u, a1); storeY(l, l.k0 + 2u, a2); storeY(l, l.k0 + 3u, a3);
  storeY(l, l.k0 + 4u, a4); storeY(l, l.k0 + 5u, a5); storeY(l, l.k0 + 6u, a6); storeY(l, l.k0 + 7u, a7);
}

// Input channel c's rows 2 oy (v at the even columns, zeros between) and 2 oy + 1 (zeros) at the lane's 8
// columns 2 ox .. 2 ox + 7 (c < C).
fn storeDx(l: Lane, c: u32, v: vec4<f32>) {
  if (c >= p.C) { return; }
  let W4 = p.W / 4u;
  let i = ((l.n * p.C + c) * p.H + 2u * l.oy) * W4 + l.ox / 2u;
  out4[i] = vec4<f32>(v.x, 0.0, v.y, 0.0);
  out4[i + 1u] = vec4<f32>(v.z, 0.0, v.w, 0.0);
  out4[i + W4] = vec4<f32>();
  out4[i + W4 + 1u] = vec4<f32>();
}

// dx[n, c, y, x] = sum over o of w[o, c] g[n, o, y / 2, x / 2] where y and x are even, else 0. A lane
// writes rows 2 oy and 2 oy + 1, columns 2 ox .. 2 ox + 7, of its 8 channels: every element of dx has one
// writer.
@compute @workgroup_size(64)
fn input_grad(@builtin(global_invocation_id) gid: vec3<u32>) {
  let lane = gid.x + gid.y * p.row;
  if (lane >= p.lanes) { return; }
  let l = laneOf(lane, p.C);
  let oplane = p.OH * p.OW / 4u;
  let g0 = (l.n * p.O * p.OH + l.oy) * (p.OW / 4u) + l.ox / 4u;
  let q0 = min(l.k0, p.C - 4u) / 4u;
  let q1 = min(l.k0 + 4u, p.C - 4u) / 4u;
  var a0 = vec4<f32>(); var a1 = vec4<f32>(); var a2 = vec4<f32>(); var a3 = vec4<f32>();
  var a4 = vec4<f32>(); var a5 = vec4<f32>(); var a6 = vec4<f32>(); var a7 = vec4<f32>();
  for (var o = 0u; o < p.O; o++) {
    let v = texel(gt, g0 + o * oplane);
    let u0 = wq(o, q0);
    let u1 = wq(o, q1);
    a0 = fma(vec4<f32>(u0.x), v, a0);
    a1 = fma(vec4<f32>(u0.y), v, a1);
    a2 = fma(vec4<f32>(u0.z), v, a2);
    a3 = fma(vec4<f32>(u0.w), v, a3);
    a4 = fma(vec4<f32>(u1.x), v, a4);
    a5 = fma(vec4<f32>(u1.y), v, a5);
    a6 = fma(vec4<f32>(u1.z), v, a6);
    a7 = fma(vec4<f32>(u1.w), v, a7);
  }
  storeDx(l, l.k0, a0); storeDx(l, l.k0 + 1u, a1); storeDx(l, l.k0 + 2u, a2); storeDx(l, l.k0 + 3u, a3);
  storeDx(l, l.k0 + 4u, a4); storeDx(l, l.k0 + 5u, a5); storeDx(l, l.k0 + 6u, a6); storeDx(l, l.k0 + 7u, a7);
}

// Output channel o's row of run r's weight-gradient partials: input channels c0 .. c0 + 7 (o < O).
fn storeDw(r: u32, o: u32, c0: u32, lo: vec4<f32>, hi: vec4<f32>) {
  if (o >= p.O) { return; }
  let i = ((r * p.O + o) * p.C + c0) / 4u;
  out4[i] = lo;
  if (c0 + 4u < p.C) { out4[i + 1u] = hi; }
}

// A run of images' part of the weight gradient, sum over their (oy, ox) of g[n, o, oy, ox] x[n, c, 2 oy, 2 ox],
// for an 8 x 8 block of (o, c), into partials (run, o, c). Lanes: (run of p.images images, output channel
// group, input channel group). b{k}{h}: output channel o0 + k, input channels c0 + 4 h .. c0 + 4 h + 3.
@compute @workgroup_size(64)
fn weight_grad(@builtin(global_invocation_id) gid: vec3<u32>) {
  let lane = gid.x + gid.y * p.row;
  if (lane >= p.lanes) { return; }
  let cgroups = (p.C + 7u) / 8u;
  let ogroups = (p.O + 7u) / 8u;
  let c0 = (lane % cgroups) * 8u;
  let o0 = ((lane / cgroups) % ogroups) * 8u;
  let run = lane / cgroups / ogroups;
  let oplane = p.OH * p.OW / 4u;
  let plane = p.H * p.W / 4u;
  let lo = p.O - 1u;
  var b00 = vec4<f32>(); var b01 = vec4<f32>(); var b10 = vec4<f32>(); var b11 = vec4<f32>();
  var b20 = vec4<f32>(); var b21 = vec4<f32>(); var b30 = vec4<f32>(); var b31 = vec4<f32>();
  var b40 = vec4<f32>(); var b41 = vec4<f32>(); var b50 = vec4<f32>(); var b51 = vec4<f32>();
  var b60 = vec4<f32>(); var b61 = vec4<f32>(); var b70 = vec4<f32>(); var b71 = vec4<f32>();
  for (var n = run * p.images; n < min(p.N, (run + 1u) * p.images); n++) {
    let g0 = (n * p.O + min(o0, lo)) * oplane; let g1 = (n * p.O + min(o0 + 1u, lo)) * oplane;
    let g2 = (n * p.O + min(o0 + 2u, lo)) * oplane; let g3 = (n * p.O + min(o0 + 3u, lo)) * oplane;
    let g4 = (n * p.O + min(o0 + 4u, lo)) * oplane; let g5 = (n * p.O + min(o0 + 5u, lo)) * oplane;
    let g6 = (n * p.O + min(o0 + 6u, lo)) * oplane; let g7 = (n * p.O + min(o0 + 7u, lo)) * oplane;
    // the second 4 input channels, clamped to the last 4 (C a multiple of 4)
    let xa = (n * p.C + c0) * plane;
    let xb = (n * p.C + min(c0 + 4u, p.C - 4u)) * plane;
    for (var oy = 0u; oy < p.OH; oy++) {
      for (var qx = 0u; qx < p.OW / 4u; qx++) {
        // 4 output pixels: x's even columns of row 2 oy for 8 channels, transposed to 4 pixels' channel
        // vectors (free: lavapipe keeps each component in a register of its own)
        let t = 2u * oy * (p.W / 4u) + 2u * qx;
        let xa0 = even(xt, xa + t); let xa1 = even(xt, xa + plane + t);
        let xa2 = even(xt, xa + 2u * plane + t); let xa3 = even(xt, xa + 3u * plane + t);
        let xb0 = even(xt, xb + t); let xb1 = even(xt, xb + plane + t);
        let xb2 = even(xt, xb + 2u * plane + t); let xb3 = even(xt, xb + 3u * plane + t);
        let pa = transpose(mat4x4<f32>(xa0, xa1, xa2, xa3));
        let pb = transpose(mat4x4<f32>(xb0, xb1, xb2, xb3));
        let q = oy * (p.OW / 4u) + qx;
        let u0 = texel(gt, g0 + q); b00 = maddT(b00, u0, pa); b01 = maddT(b01, u0, pb);
        let u1 = texel(gt, g1 + q); b10 = maddT(b10, u1, pa); b11 = maddT(b11, u1, pb);
        let u2 = texel(gt, g2 + q); b20 = maddT(b20, u2, pa); b21 = maddT(b21, u2, pb);
        let u3 = texel(gt, g3 + q); b30 = maddT(b30, u3, pa); b31 = maddT(b31, u3, pb);
        let u4 = texel(gt, g4 + q); b40 = maddT(b40, u4, pa); b41 = maddT(b41, u4, pb);
        let u5 = texel(gt, g5 + q); b50 = maddT(b50, u5, pa); b51 = maddT(b51, u5, pb);
        let u6 = texel(gt, g6 + q); b60 = maddT(b60, u6, pa); b61 = maddT(b61, u6, pb);
        let u7 = texel(gt, g7 + q); b70 = maddT(b70, u7, pa); b71 = maddT(b71, u7, pb);
      }
    }
  }
  storeDw(run, o0, c0, b00, b01); storeDw(run, o0 + 1u, c0, b10, b11);
  storeDw(run, o0 + 2u, c0, b20, b21); storeDw(run, o0 + 3u, c0, b30, b31);
  storeDw(run, o0 + 4u, c0, b40, b41); storeDw(run, o0 + 5u, c0, b50, b51);
  storeDw(run, o0 + 6u, c0, b60, b61); storeDw(run, o0 + 7u, c0, b70, b71);
}
