// Batch normalisation over (N, H, W) for each channel of an [N, C, H, W] f32 tensor.
//
// Per-channel statistics live in one `saved` buffer of C vec4s (mean, invstd, scale, shift), where
// scale = weight * invstd and shift = bias - mean * scale, so applying the normalisation is one
// multiply-add per element and the backward pass reads everything it needs from the same place. The
// vec4 passes read their channel's values as one vec4 of a per-channel table (`c4`: `saved`, or the
// backward's table that bwd_reduce writes), on the software adapter from a texture copy: there a
// storage-buffer load per lane cost as much as the lane's 4 vec4s of work (six of them made dx_train4
// take twice as long).
//
// Reductions run one workgroup per channel (C workgroups, grid x + y * row); elementwise passes one
// thread per element on a 2-D grid. When H*W % 4 == 0 every aligned vec4 of x lies in one channel's
// plane, so the reductions (V4) and the elementwise passes (the *4 entries) move vec4s: on the software
// adapter a storage access costs as much as ~20-30 vector FMAs whatever its width.

override WG: u32 = 256u;
override V4: u32 = 0u;     // reductions: H*W % 4 == 0, read x (and g) by vec4s
override ACT: u32 = 0u;    // train_apply4, eval_apply4: & 2 add res4, & 1 then a ReLU (a ResNet block's tail)
override MASK: u32 = 0u;   // bwd_reduce (V4), dx_train4: g is the gradient after train_apply4's ReLU, of
                           // y (1: ACT = 1) or of y + res4 (2: ACT = 3; dx_train4 also writes it to dres4)
override TX: u32 = 0u;     // the vec4 passes: x's vec4s from the texture xt, g's from gt, res4's from rt,
                           // c4's from ct (copies)
override MOM: u32 = 0u;    // train_stats: merge partial moments (x4 holds them, not x: see Stats.parts)

// ---- the reductions' walk over one channel ---------------------------------------------------------
//
// A channel's vec4s (scalars without V4) are r = (image n, index j in the plane), N * per of them, one
// plane of `per` per image, planes C * per apart. The workgroup's lanes go in streams of STREAM
// consecutive lanes, and each stream walks its own contiguous share of r: its lanes read STREAM
// adjacent values per step. (A walk where lane l reads r = l, l + WG, ... touches every plane once per
// lane at a stride of C planes, which the CPU adapter, running one stream of 8 lanes at a time, served
// 2-3x slower than a copy.) n and j follow r without a division.
// generated: the reductions' stream walk (engine/kernel_gen.ts writes it; edit there)
const STREAM = 8u;

struct Walk {
  r: u32,      // this lane's index in the channel
  end: u32,    // the end of its stream's share
  n: u32,
  j: u32,
}

fn streamStart(lid: u32, total: u32, per: u32) -> Walk {
  let streams = WG / STREAM;
  let share = (total + streams * STREAM - 1u) / (streams * STREAM) * STREAM;
  let r = (lid / STREAM) * share + lid % STREAM;
  let end = min((lid / STREAM + 1u) * share, total);
  return Walk(r, end, r / per, r % per);
}

fn streamNext(w: Walk, per: u32) -> Walk {
  var v = w;
  v.r += STREAM;
  v.j += STREAM;
  loop {
    if (v.j < per) { break; }
    v.j -= per;
    v.n += 1u;
  }
  return v;
}
// end of generated stream walk

// ---- training statistics ---------------------------------------------------------------------------

struct Stats {
  N: u32,
  C: u32,
  HW: u32,
  update: u32,     // 1: also update the running statistics in place
  eps: f32,
  momentum: f32,
  unbias: f32,     // n / (n - 1): running_var tracks the unbiased variance, as in PyTorch
  row: u32,        // workgroups per grid row
  parts: u32,      // MOM: partials per group of 4 channels; vec4 2 * (q * parts + i) of x4 holds the means
  per: u32,        // of channels 4q .. 4q + 3 over `per` values each, the next vec4 their squared deviations
}

@group(0) @binding(0) var<uniform> ps: Stats;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> weight: array<f32>;
@group(0) @binding(3) var<storage, read> bias: array<f32>;
@group(0) @binding(4) var<storage, read_write> run_mean: array<f32>;
@group(0) @binding(5) var<storage, read_write> run_var: array<f32>;
@group(0) @binding(6) var<storage, read_write> saved_out: array<f32>;
@group(0) @binding(21) var<storage, read> x4: array<vec4<f32>>;   // the same buffer as x
// TX: x and g copied into read-only storage textures 4096 texels wide, vec4 q at texel (q % 4096,
// q / 4096). On the software adapter a storage-buffer load is a loop over the lanes with a branch per
// value, an image load one vectorised address and a 16-byte load per lane (engine/ops/operand_texture.ts),
// so a copy pays for itself even for one read; the training passes read x twice and g twice.
@group(0) @binding(25) var xt: texture_storage_2d<rgba32float, read>;
@group(0) @binding(26) var gt: texture_storage_2d<rgba32float, read>;
@group(0) @binding(27) var rt: texture_storage_2d<rgba32float, read>;

// generated: vec4 operand loads (engine/kernel_gen.ts writes them; edit there)
fn ldX4(q: u32) -> vec4<f32> {
  if (TX == 1u) { return textureLoad(xt, vec2<u32>(q & 4095u, q >> 12u)); }
  return x4[q];
}

fn ldG4(q: u32) -> vec4<f32> {
  if (TX == 1u) { return textureLoad(gt, vec2<u32>(q & 4095u, q >> 12u)); }
  return g4[q];
}

fn ldR4(q: u32) -> vec4<f32> {
  if (TX == 1u) { return textureLoad(rt, vec2<u32>(q & 4095u, q >> 12u)); }
  return res4[q];
}

fn ldC4(q: u32) -> vec4<f32> {
  if (TX == 1u) { return textureLoad(ct, vec2<u32>(q & 4095u, q >> 12u)); }
  return c4[q];
}
// end of generated vec4 operand loads

// Welford partials (count, mean, M2) of each thread, merged with Chan's formula: summing raw
// squares in f32 loses the variance when |mean| >> std, which happens on un-normalised inputs.
var<workgroup> w_n: array<f32, WG>;
var<workgroup> w_mean: array<f32, WG>;
var<workgroup> w_m2: array<f32, WG>;

@compute @workgroup_size(WG)
fn train_stats(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let c = wid.x + wid.y * ps.row;
  if (c >= ps.C) { return; }   // uniform per workgroup, so the barriers below stay uniform
  let total = ps.N * ps.HW;
  var cnt = 0.0;
  var mean = 0.0;
  var m2 = 0.0;
  if (MOM == 1u) {
    // partials of `per` values each (engine/ops/moments.ts), merged as below
    let nb = f32(ps.per);
    for (var i = lid; i < ps.parts; i += WG) {
      let at = 2u * ((c / 4u) * ps.parts + i);
      let mb = ldX4(at)[c % 4u];
      let d = mb - mean;
      let nc = cnt + nb;
      mean += d * (nb / nc);
      m2 += ldX4(at + 1u)[c % 4u] + d * d * cnt * (nb / nc);
      cnt = nc;
    }
  } else if (V4 == 1u) {
    let hw4 = ps.HW / 4u;
    for (var it = streamStart(lid, ps.N * hw4, hw4); it.r < it.end; it = streamNext(it, hw4)) {
      let v = ldX4((it.n * ps.C + c) * hw4 + it.j);
      // Merge the 4 values as a batch of their own (Chan's formula, as in the tree below).
      let mb = (v.x + v.y + v.z + v.w) * 0.25;
      let dv = v - vec4<f32>(mb);
      let d = mb - mean;
      let nc = cnt + 4.0;
      mean += d * (4.0 / nc);
      m2 += dot(dv, dv) + d * d * cnt * (4.0 / nc);
      cnt = nc;
    }
  } else {
    for (var it = streamStart(lid, total, ps.HW); it.r < it.end; it = streamNext(it, ps.HW)) {
      let v = x[(it.n * ps.C + c) * ps.HW + it.j];
      cnt += 1.0;
      let d = v - mean;
      mean += d / cnt;
      m2 += d * (v - mean);
    }
  }
  w_n[lid] = cnt;
  w_mean[lid] = mean;
  w_m2[lid] = m2;
  workgroupBarrier();
  for (var s = WG / 2u; s > 0u; s = s / 2u) {
    if (lid < s) {
      let na = w_n[lid];
      let nb = w_n[lid + s];
      let nab = na + nb;
      if (nb > 0.0) {
        let d = w_mean[lid + s] - w_mean[lid];
        let f = nb / nab;
        w_mean[lid] += d * f;
        w_m2[lid] += w_m2[lid + s] + d * d * na * f;
        w_n[lid] = nab;
      }
    }
    workgroupBarrier();
  }
  if (lid == 0u) {
    let m = w_mean[0];
    let v = max(w_m2[0] / f32(total), 0.0);
    let inv = inverseSqrt(v + ps.eps);
    let sc = weight[c] * inv;
    saved_out[4u * c] = m;
    saved_out[4u * c + 1u] = inv;
    saved_out[4u * c + 2u] = sc;
    saved_out[4u * c + 3u] = bias[c] - m * sc;
    if (ps.update == 1u) {
      run_mean[c] = (1.0 - ps.momentum) * run_mean[c] + ps.momentum * m;
      run_var[c] = (1.0 - ps.momentum) * run_var[c] + ps.momentum * v * ps.unbias;
    }
  }
}

// ---- elementwise passes ----------------------------------------------------------------------------

struct Elem {
  n: u32,
  C: u32,
  HW: u32,
  row: u32,        // threads per grid row
  eps: f32,
  Q: u32,          // the *4 entries: vec4s per invocation (4, 2 or 1; STREAM * Q divides HW)
  invHW: f32,      // 1 / HW and 1 / C, for channel()
  invC: f32,
}

@group(0) @binding(7) var<uniform> pe: Elem;
@group(0) @binding(8) var<storage, read> saved: array<f32>;
@group(0) @binding(9) var<storage, read_write> out: array<f32>;
@group(0) @binding(10) var<storage, read> rmean: array<f32>;
@group(0) @binding(11) var<storage, read> rvar: array<f32>;
@group(0) @binding(12) var<storage, read> g: array<f32>;
@group(0) @binding(13) var<storage, read> dweight_in: array<f32>;
@group(0) @binding(14) var<storage, read> dbias_in: array<f32>;
@group(0) @binding(22) var<storage, read_write> out4: array<vec4<f32>>;
@group(0) @binding(23) var<storage, read> g4: array<vec4<f32>>;     // the same buffer as g
@group(0) @binding(24) var<storage, read> res4: array<vec4<f32>>;   // the residual (ACT & 2, MASK = 2)
@group(0) @binding(31) var<storage, read_write> dres4: array<vec4<f32>>;  // dx_train4: the residual's gradient
// The vec4 passes' per-channel table: `saved` (train_apply4, dx_eval4: vec4 c), eval_table's (eval_apply4:
// vec4 c) or bwd_reduce's dx table (dx_train4: vec4s 2c and 2c + 1), and its texture copy (TX).
@group(0) @binding(28) var<storage, read> c4: array<vec4<f32>>;
@group(0) @binding(29) var ct: texture_storage_2d<rgba32float, read>;

// a / d from a float estimate corrected by one step: exact while the quotient stays below 2^22 (the op
// checks N * C). CPU adapters have no vector integer division: (i / HW) % C per element was two
// scalarised divisions per lane, which took as long as the element's load and store.
fn quot(a: u32, d: u32, inv: f32) -> u32 {
  var q = u32(f32(a) * inv);
  q = select(q, q - 1u, q * d > a);
  q = select(q, q + 1u, (q + 1u) * d <= a);
  return q;
}

fn channel(i: u32) -> u32 {
  let plane = quot(i, pe.HW, pe.invHW);
  return plane - quot(plane, pe.C, pe.invC) * pe.C;
}

// y = x * scale[c] + shift[c] (training forward, after train_stats).
@compute @workgroup_size(WG)
fn train_apply(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i = gid.x + gid.y * pe.row;
  if (i >= pe.n) { return; }
  let c = channel(i);
  out[i] = x[i] * saved[4u * c + 2u] + saved[4u * c + 3u];
}

// Evaluation forward straight from the running statistics: one pass over x, no per-channel prologue.
@compute @workgroup_size(WG)
fn eval_apply(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i = gid.x + gid.y * pe.row;
  if (i >= pe.n) { return; }
  let c = channel(i);
  let sc = weight[c] * inverseSqrt(rvar[c] + pe.eps);
  out[i] = (x[i] - rmean[c]) * sc + bias[c];
}

// dx of the training-mode normalisation (batch statistics depend on x):
// dx = scale * (g - dbias / M - xhat * dweight / M), M = N*H*W, xhat = (x - mean) * invstd.
@compute @workgroup_size(WG)
fn dx_train(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i = gid.x + gid.y * pe.row;
  if (i >= pe.n) { return; }
  let c = channel(i);
  let m = f32(pe.n / pe.C);
  let xhat = (x[i] - saved[4u * c]) * saved[4u * c + 1u];
  out[i] = saved[4u * c + 2u] * (g[i] - dbias_in[c] / m - xhat * dweight_in[c] / m);
}

// dx of the evaluation-mode normalisation (fixed statistics): dx = g * scale.
@compute @workgroup_size(WG)
fn dx_eval(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i = gid.x + gid.y * pe.row;
  if (i >= pe.n) { return; }
  out[i] = g[i] * saved[4u * channel(i) + 2u];
}

// The elementwise passes by vec4s when H*W % 4 == 0: the op then sets pe.n and pe.HW in vec4s, so
// channel() of a vec4 index is its channel. Each stream of STREAM lanes moves STREAM * pe.Q consecutive
// vec4s of one plane (pe.Q trips of STREAM adjacent vec4s), so an invocation finds its channel and reads
// its statistics once.
fn firstVec4(gid: vec3<u32>) -> u32 {
  let t = gid.x + gid.y * pe.row;
  return (t / STREAM) * STREAM * pe.Q + t % STREAM;
}

@compute @workgroup_size(WG)
fn train_apply4(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i0 = firstVec4(gid);
  if (i0 >= pe.n) { return; }
  let s = ldC4(channel(i0));
  let sc = s.z;
  let sh = s.w;
  for (var i = i0; i < i0 + STREAM * pe.Q; i += STREAM) {
    out4[i] = tail(ldX4(i) * sc + sh, i);
  }
}

// relu?(y + residual?) per ACT: the end of a ResNet block, in the normalising pass.
fn tail(y: vec4<f32>, i: u32) -> vec4<f32> {
  var r = y;
  if ((ACT & 2u) != 0u) { r += ldR4(i); }
  if ((ACT & 1u) != 0u) { r = max(r, vec4<f32>(0.0)); }
  return r;
}

@compute @workgroup_size(WG)
fn eval_apply4(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i0 = firstVec4(gid);
  if (i0 >= pe.n) { return; }
  let t = ldC4(channel(i0));   // eval_table's running mean, scale, bias
  let rm = t.x;
  let sc = t.y;
  let b = t.z;
  for (var i = i0; i < i0 + STREAM * pe.Q; i += STREAM) {
    out4[i] = tail((ldX4(i) - rm) * sc + b, i);
  }
}

@compute @workgroup_size(WG)
fn dx_train4(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i0 = firstVec4(gid);
  if (i0 >= pe.n) { return; }
  let c = channel(i0);
  let s = ldC4(2u * c);        // mean, invstd, scale, shift
  let d = ldC4(2u * c + 1u);   // dbias / M, dweight / M
  let mean = s.x;
  let inv = s.y;
  let sc = s.z;
  let sh = s.w;
  let db = d.x;
  let dw = d.y;
  for (var i = i0; i < i0 + STREAM * pe.Q; i += STREAM) {
    let xv = ldX4(i);
    let xhat = (xv - mean) * inv;
    let gv = beforeRelu(ldG4(i), xv, sc, sh, i);
    out4[i] = sc * (gv - db - xhat * dw);
    if (MASK == 2u) { dres4[i] = gv; }
  }
}

// With MASK, the gradient gv of relu(y) (MASK = 1) or of relu(y + residual) (MASK = 2) becomes that of
// y = xv * sc + sh: zero where the ReLU's input is <= 0. That input is recomputed from x (and the residual
// at vec4 i) by train_apply4's own expression on the same statistics, so the mask is the forward's, and
// the backward needs neither the output nor a pass of its own to mask g. With a residual the masked
// gradient is also the residual's: dx_train4 writes it to dres4.
fn beforeRelu(gv: vec4<f32>, xv: vec4<f32>, sc: f32, sh: f32, i: u32) -> vec4<f32> {
  if (MASK == 0u) { return gv; }
  var y = xv * sc + sh;
  if (MASK == 2u) { y += ldR4(i); }
  return select(vec4<f32>(0.0), gv, y > vec4<f32>(0.0));
}

@compute @workgroup_size(WG)
fn dx_eval4(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i0 = firstVec4(gid);
  if (i0 >= pe.n) { return; }
  let sc = ldC4(channel(i0)).z;
  for (var i = i0; i < i0 + STREAM * pe.Q; i += STREAM) {
    out4[i] = ldG4(i) * sc;
  }
}

// ---- per-channel folding of the running statistics ------------------------------------------------

struct Fold {
  C: u32,
  eps: f32,
  _p0: u32,
  _p1: u32,
}

@group(0) @binding(15) var<uniform> pf: Fold;
@group(0) @binding(16) var<storage, read_write> scale_out: array<f32>;
@group(0) @binding(17) var<storage, read_write> shift_out: array<f32>;

// Snapshot of the evaluation statistics in the `saved` layout, for the evaluation backward pass.
@compute @workgroup_size(WG)
fn eval_saved(@builtin(global_invocation_id) gid: vec3<u32>) {
  let c = gid.x;
  if (c >= pf.C) { return; }
  let inv = inverseSqrt(rvar[c] + pf.eps);
  let sc = weight[c] * inv;
  saved_out[4u * c] = rmean[c];
  saved_out[4u * c + 1u] = inv;
  saved_out[4u * c + 2u] = sc;
  saved_out[4u * c + 3u] = bias[c] - rmean[c] * sc;
}

// eval_apply4's table (c4): per channel (running mean, scale = weight * invstd, bias, 0), eval_apply's
// expression, so that its lanes read one vec4 instead of four storage loads each.
@group(0) @binding(32) var<storage, read_write> etable_out: array<vec4<f32>>;

@compute @workgroup_size(WG)
fn eval_table(@builtin(global_invocation_id) gid: vec3<u32>) {
  let c = gid.x;
  if (c >= pf.C) { return; }
  etable_out[c] = vec4<f32>(rmean[c], weight[c] * inverseSqrt(rvar[c] + pf.eps), bias[c], 0.0);
}

// Evaluation batchnorm as a per-channel affine map (to fold into a preceding convolution).
@compute @workgroup_size(WG)
fn fold(@builtin(global_invocation_id) gid: vec3<u32>) {
  let c = gid.x;
  if (c >= pf.C) { return; }
  let sc = weight[c] * inverseSqrt(rvar[c] + pf.eps);
  scale_out[c] = sc;
  shift_out[c] = bias[c] - rmean[c] * sc;
}

// ---- backward reduction ------------------------------------------------------------------------------

struct Red {
  N: u32,
  C: u32,
  HW: u32,
  row: u32,        // workgroups per grid row
}

@group(0) @binding(18) var<uniform> pr: Red;
@group(0) @binding(19) var<storage, read_write> dweight_out: array<f32>;
@group(0) @binding(20) var<storage, read_write> dbias_out: array<f32>;
// dx_train4's table, C pairs of vec4s: (mean, invstd, scale, shift) and (dbias / M, dweight / M, 0, 0)
@group(0) @binding(30) var<storage, read_write> dxtable_out: array<vec4<f32>>;

var<workgroup> w_sg: array<f32, WG>;
var<workgroup> w_sgx: array<f32, WG>;

// dbias = sum g, dweight = sum g * xhat over (N, H, W), one workgroup per channel.
@compute @workgroup_size(WG)
fn bwd_reduce(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let c = wid.x + wid.y * pr.row;
  if (c >= pr.C) { return; }
  let total = pr.N * pr.HW;
  let mean = saved[4u * c];
  var sg = 0.0;
  var sgx = 0.0;
  if (V4 == 1u) {
    let hw4 = pr.HW / 4u;
    var sg4 = vec4<f32>();
    var sgx4 = vec4<f32>();
    let sc = saved[4u * c + 2u];
    let sh = saved[4u * c + 3u];
    for (var it = streamStart(lid, pr.N * hw4, hw4); it.r < it.end; it = streamNext(it, hw4)) {
      let i = (it.n * pr.C + c) * hw4 + it.j;
      let xv = ldX4(i);
      let gv = beforeRelu(ldG4(i), xv, sc, sh, i);
      sg4 += gv;
      sgx4 += gv * (xv - mean);
    }
    sg = sg4.x + sg4.y + sg4.z + sg4.w;
    sgx = sgx4.x + sgx4.y + sgx4.z + sgx4.w;
  } else {
    for (var it = streamStart(lid, total, pr.HW); it.r < it.end; it = streamNext(it, pr.HW)) {
      let i = (it.n * pr.C + c) * pr.HW + it.j;
      // through the vec4 views (whole vec4s: paddedView), which keeps this entry within WebGPU's 8
      // storage buffers per stage
      let gv = g4[i >> 2u][i & 3u];
      sg += gv;
      sgx += gv * (x4[i >> 2u][i & 3u] - mean);
    }
  }
  w_sg[lid] = sg;
  w_sgx[lid] = sgx;
  workgroupBarrier();
  for (var s = WG / 2u; s > 0u; s = s / 2u) {
    if (lid < s) {
      w_sg[lid] += w_sg[lid + s];
      w_sgx[lid] += w_sgx[lid + s];
    }
    workgroupBarrier();
  }
  if (lid == 0u) {
    let s = vec4<f32>(saved[4u * c], saved[4u * c + 1u], saved[4u * c + 2u], saved[4u * c + 3u]);
    let db = w_sg[0];
    let dw = w_sgx[0] * s.y;
    dbias_out[c] = db;
    dweight_out[c] = dw;
    let m = f32(total);
    dxtable_out[2u * c] = s;
    dxtable_out[2u * c + 1u] = vec4<f32>(db / m, dw / m, 0.0, 0.0);
  }
}
