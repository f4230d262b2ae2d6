// 2-D pooling of [N, C, H, W] f32 tensors: average (kernel = stride, no padding), global average,
// and max with kernel / stride / padding (PyTorch semantics, floor output sizes).
// Every entry runs one thread per element it writes on a 2-D grid (flat index gid.x + gid.y * row);
// backward passes gather from the outputs an input element feeds, so no atomics are needed.

override WG: u32 = 256u;
override TX: u32 = 0u;   // gap_packed4: x's vec4s from the texture xt (a copy)

struct Pool {
  n: u32,          // elements written by this dispatch
  row: u32,        // threads per grid row
  H: u32,
  W: u32,
  Ho: u32,
  Wo: u32,
  k: u32,          // kernel size (square)
  s: u32,          // stride
  p: u32,          // padding (max pooling only)
  _p0: u32,
  _p1: u32,
  _p2: u32,
}

@group(0) @binding(0) var<uniform> pp: Pool;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> g: array<f32>;
@group(0) @binding(3) var<storage, read_write> out: array<f32>;
@group(0) @binding(4) var<storage, read_write> idx_out: array<i32>;
@group(0) @binding(5) var<storage, read> idx: array<i32>;
@group(0) @binding(6) var<storage, read_write> out4: array<vec4<f32>>;   // avg_bwd4, gap_packed4: out by vec4s
@group(0) @binding(7) var<storage, read> x4: array<vec4<f32>>;           // gap_packed4: x by vec4s
@group(0) @binding(8) var xt: texture_storage_2d<rgba32float, read>;     // gap_packed4 (TX): x4's copy

// generated: vec4 operand loads (engine/kernel_gen.ts writes them; edit there)
fn ldX4(q: u32) -> vec4<f32> {
  if (TX == 1u) { return textureLoad(xt, vec2<u32>(q & 4095u, q >> 12u)); }
  return x4[q];
}
// end of generated vec4 operand loads

fn flat(gid: vec3<u32>) -> u32 {
  return gid.x + gid.y * pp.row;
}

@compute @workgroup_size(WG)
fn avg_fwd(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i = flat(gid);
  if (i >= pp.n) { return; }
  let ow = i % pp.Wo;
  let oh = (i / pp.Wo) % pp.Ho;
  let plane = i / (pp.Wo * pp.Ho);
  let base = plane * pp.H * pp.W + oh * pp.k * pp.W + ow * pp.k;
  var acc = 0.0;
  for (var a = 0u; a < pp.k; a++) {
    for (var b = 0u; b < pp.k; b++) {
      acc += x[base + a * pp.W + b];
    }
  }
  out[i] = acc / f32(pp.k * pp.k);
}

// Inputs past the last full window (when k does not divide H or W) receive no gradient.
@compute @workgroup_size(WG)
fn avg_bwd(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i = flat(gid);
  if (i >= pp.n) { return; }
  let w = i % pp.W;
  let h = (i / pp.W) % pp.H;
  let plane = i / (pp.W * pp.H);
  let oh = h / pp.k;
  let ow = w / pp.k;
  var v = 0.0;
  if (oh < pp.Ho && ow < pp.Wo) {
    v = g[(plane * pp.Ho + oh) * pp.Wo + ow] / f32(pp.k * pp.k);
  }
  out[i] = v;
}

// avg_bwd when W and k are multiples of 4, one thread per input row (pp.n counts the N * C * H rows):
// every vec4 of 4 adjacent columns then lies in one window, so a row moves whole vec4s and reads g once
// per window (once for a ResNet's global 8 x 8 pooling). On the software adapter the scalar pass's
// storage load, scalar store and index divisions per element cost 5x as much.
@compute @workgroup_size(WG)
fn avg_bwd4(@builtin(global_invocation_id) gid: vec3<u32>) {
  let r = flat(gid);
  if (r >= pp.n) { return; }
  let oh = (r % pp.H) / pp.k;
  let plane = r / pp.H;
  let W4 = pp.W / 4u;
  let per = pp.k / 4u;   // vec4s per window
  let inv = 1.0 / f32(pp.k * pp.k);
  var v = 0.0;
  var ow = 0u;     // the next window
  var left = 0u;   // vec4s left in the current one
  for (var w4 = 0u; w4 < W4; w4++) {
    if (left == 0u) {
      v = select(0.0, g[(plane * pp.Ho + oh) * pp.Wo + ow] * inv, oh < pp.Ho && ow < pp.Wo);
      ow += 1u;
      left = per;
    }
    left -= 1u;
    out4[r * W4 + w4] = vec4<f32>(v);
  }
}

// One thread per (n, c): the planes are small at the end of a network (8x8, 7x7).
@compute @workgroup_size(WG)
fn gap_fwd(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i = flat(gid);
  if (i >= pp.n) { return; }
  let hw = pp.H * pp.W;
  let base = i * hw;
  var acc = 0.0;
  for (var j = 0u; j < hw; j++) {
    acc += x[base + j];
  }
  out[i] = acc / f32(hw);
}

// Global average pooling of packed activations [N, H, W, C4] (the convolutions' channels-last layout,
// engine/ops/conv_inference.ts PackedActivations) into [N, C]: one thread per (n, c); pp.Ho is C, pp.k is C4.
@compute @workgroup_size(WG)
fn gap_packed(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i = flat(gid);
  if (i >= pp.n) { return; }
  let hw = pp.H * pp.W;
  let n = i / pp.Ho;
  let base = n * hw * pp.k + (i - n * pp.Ho);
  var acc = 0.0;
  for (var j = 0u; j < hw; j++) {
    acc += x[base + j * pp.k];
  }
  out[i] = acc / f32(hw);
}

// gap_packed by vec4s where C is a multiple of 4: one thread per (n, group of 4 channels), pp.n threads,
// reading the pixels' vec4s from the texture copy xt (TX; the buffer's vec4 view x4 otherwise) and writing
// the 4 means as one vec4 of out4. On the software adapter the scalar pass's storage load per value took
// 6.4 ms per ResNet-20 batch of 400 (engine/ops/operand_texture.ts says why).
@compute @workgroup_size(WG)
fn gap_packed4(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i = flat(gid);
  if (i >= pp.n) { return; }
  let hw = pp.H * pp.W;
  let groups = pp.k / 4u;
  let n = i / groups;
  let base = n * hw * groups + (i - n * groups);
  var acc = vec4<f32>();
  for (var j = 0u; j < hw; j++) {
    acc += ldX4(base + j * groups);
  }
  out4[i] = acc / f32(hw);
}

@compute @workgroup_size(WG)
fn gap_bwd(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i = flat(gid);
  if (i >= pp.n) { return; }
  let hw = pp.H * pp.W;
  out[i] = g[i / hw] / f32(hw);
}

struct Best {
  v: f32,
  at: i32,
}

// The first maximum in row-major window order wins ties (as PyTorch's kernels do); padding cells are
// skipped, and padding <= k/2 guarantees every window holds at least one real cell.
fn window_max(i: u32) -> Best {
  let ow = i % pp.Wo;
  let oh = (i / pp.Wo) % pp.Ho;
  let plane = i / (pp.Wo * pp.Ho);
  let h0 = i32(oh * pp.s) - i32(pp.p);
  let w0 = i32(ow * pp.s) - i32(pp.p);
  let base = plane * pp.H * pp.W;
  var best = Best(0.0, -1);
  for (var a = 0; a < i32(pp.k); a++) {
    let h = h0 + a;
    if (h < 0 || h >= i32(pp.H)) { continue; }
    for (var b = 0; b < i32(pp.k); b++) {
      let w = w0 + b;
      if (w < 0 || w >= i32(pp.W)) { continue; }
      let at = h * i32(pp.W) + w;
      let v = x[base + u32(at)];
      if (best.at < 0 || v > best.v) {
        best = Best(v, at);
      }
    }
  }
  return best;
}

@compute @workgroup_size(WG)
fn max_fwd(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i = flat(gid);
  if (i >= pp.n) { return; }
  out[i] = window_max(i).v;
}

// Also records the winner's position within its H x W plane, for the backward pass.
@compute @workgroup_size(WG)
fn max_fwd_idx(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i = flat(gid);
  if (i >= pp.n) { return; }
  let best = window_max(i);
  out[i] = best.v;
  idx_out[i] = best.at;
}

// Each input cell sums the gradients of the (at most ceil(k/s)^2) windows that picked it.
@compute @workgroup_size(WG)
fn max_bwd(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i = flat(gid);
  if (i >= pp.n) { return; }
  let w = i32(i % pp.W);
  let h = i32((i / pp.W) % pp.H);
  let plane = i / (pp.W * pp.H);
  let me = h * i32(pp.W) + w;
  let s = i32(pp.s);
  let k = i32(pp.k);
  let hp = h + i32(pp.p);
  let wp = w + i32(pp.p);
  // Windows oh with oh*s <= hp <= oh*s + k - 1.
  let oh_lo = max(0, (hp - k + s) / s);
  let oh_hi = min(i32(pp.Ho) - 1, hp / s);
  let ow_lo = max(0, (wp - k + s) / s);
  let ow_hi = min(i32(pp.Wo) - 1, wp / s);
  var acc = 0.0;
  for (var oh = oh_lo; oh <= oh_hi; oh++) {
    for (var ow = ow_lo; ow <= ow_hi; ow++) {
      let o = (plane * pp.Ho + u32(oh)) * pp.Wo + u32(ow);
      if (idx[o] == me) { acc += g[o]; }
    }
  }
  out[i] = acc;
}
