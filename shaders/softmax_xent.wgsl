// Row-wise softmax family over the last dimension of an [R, C] f32 tensor: softmax / log-softmax
// forward and backward, fused cross-entropy forward and backward, argmax and an on-GPU accuracy count.
//
// Every row is shifted by its maximum before exponentiating, so no exp overflows. Short rows run one
// thread per row (*_thread); long rows one workgroup per row (*_group, tree reductions in workgroup
// memory). Grids are 2-D: row index = gid.x + gid.y * row (threads or workgroups per grid row).

override WG: u32 = 128u;
override LOG: u32 = 0u;   // 1: log-softmax instead of softmax

struct Rows {
  R: u32,
  C: u32,
  row: u32,
  per_row: u32,   // cross-entropy backward: 1 when the output gradient has one value per row
  gmul: f32,      // cross-entropy backward: factor on the output gradient (1/N for a mean)
  _p0: u32,
  _p1: u32,
  _p2: u32,
}

@group(0) @binding(0) var<uniform> pr: Rows;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
@group(0) @binding(3) var<storage, read> yin: array<f32>;
@group(0) @binding(4) var<storage, read> g: array<f32>;
@group(0) @binding(5) var<storage, read> labels: array<i32>;
@group(0) @binding(6) var<storage, read_write> loss: array<f32>;
@group(0) @binding(7) var<storage, read_write> lse_out: array<f32>;
@group(0) @binding(8) var<storage, read> lse: array<f32>;
@group(0) @binding(9) var<storage, read_write> arg_out: array<i32>;
@group(0) @binding(10) var<storage, read_write> count: array<u32>;

var<workgroup> red: array<f32, WG>;
var<workgroup> red_u: array<u32, WG>;

fn nan() -> f32 {
  // A runtime bitcast: a constant expression may not evaluate to NaN (Tint, Chromium's compiler, refuses it).
  var bits = 0x7fc00000u;
  return bitcast<f32>(bits);
}

fn group_max(v: f32, lid: u32) -> f32 {
  red[lid] = v;
  workgroupBarrier();
  for (var s = WG / 2u; s > 0u; s = s / 2u) {
    if (lid < s) { red[lid] = max(red[lid], red[lid + s]); }
    workgroupBarrier();
  }
  let r = red[0];
  workgroupBarrier();   // everyone has read red[0] before the next reduction overwrites it
  return r;
}

fn group_sum(v: f32, lid: u32) -> f32 {
  red[lid] = v;
  workgroupBarrier();
  for (var s = WG / 2u; s > 0u; s = s / 2u) {
    if (lid < s) { red[lid] += red[lid + s]; }
    workgroupBarrier();
  }
  let r = red[0];
  workgroupBarrier();
  return r;
}

// ---- row maximum and log-sum-exp ---------------------------------------------------------------

fn row_max(base: u32) -> f32 {
  var m = x[base];
  for (var j = 1u; j < pr.C; j++) { m = max(m, x[base + j]); }
  return m;
}

fn row_sumexp(base: u32, m: f32) -> f32 {
  var s = 0.0;
  for (var j = 0u; j < pr.C; j++) { s += exp(x[base + j] - m); }
  return s;
}

fn group_row_max(base: u32, lid: u32) -> f32 {
  var m = x[base];   // every row holds at least one element
  for (var j = lid; j < pr.C; j += WG) { m = max(m, x[base + j]); }
  return group_max(m, lid);
}

fn group_row_sumexp(base: u32, m: f32, lid: u32) -> f32 {
  var s = 0.0;
  for (var j = lid; j < pr.C; j += WG) { s += exp(x[base + j] - m); }
  return group_sum(s, lid);
}

// ---- softmax / log-softmax forward -------------------------------------------------------------

fn emit(i: u32, m: f32, s: f32, logs: f32) {
  if (LOG == 1u) {
    y[i] = x[i] - m - logs;
  } else {
    y[i] = exp(x[i] - m) / s;
  }
}

@compute @workgroup_size(WG)
fn softmax_thread(@builtin(global_invocation_id) gid: vec3<u32>) {
  let r = gid.x + gid.y * pr.row;
  if (r >= pr.R) { return; }
  let base = r * pr.C;
  let m = row_max(base);
  let s = row_sumexp(base, m);
  let logs = log(s);
  for (var j = 0u; j < pr.C; j++) { emit(base + j, m, s, logs); }
}

@compute @workgroup_size(WG)
fn softmax_group(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let r = wid.x + wid.y * pr.row;
  if (r >= pr.R) { return; }   // uniform per workgroup
  let base = r * pr.C;
  let m = group_row_max(base, lid);
  let s = group_row_sumexp(base, m, lid);
  let logs = log(s);
  for (var j = lid; j < pr.C; j += WG) { emit(base + j, m, s, logs); }
}

// ---- softmax / log-softmax backward (from the saved output yin) --------------------------------
// softmax:     dx = y * (g - sum_j g_j y_j)
// log-softmax: dx = g - exp(y) * sum_j g_j

fn bwd_term(i: u32) -> f32 {
  if (LOG == 1u) { return g[i]; }
  return g[i] * yin[i];
}

fn bwd_emit(i: u32, t: f32) {
  if (LOG == 1u) {
    y[i] = g[i] - exp(yin[i]) * t;
  } else {
    y[i] = yin[i] * (g[i] - t);
  }
}

@compute @workgroup_size(WG)
fn softmax_bwd_thread(@builtin(global_invocation_id) gid: vec3<u32>) {
  let r = gid.x + gid.y * pr.row;
  if (r >= pr.R) { return; }
  let base = r * pr.C;
  var t = 0.0;
  for (var j = 0u; j < pr.C; j++) { t += bwd_term(base + j); }
  for (var j = 0u; j < pr.C; j++) { bwd_emit(base + j, t); }
}

@compute @workgroup_size(WG)
fn softmax_bwd_group(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let r = wid.x + wid.y * pr.row;
  if (r >= pr.R) { return; }
  let base = r * pr.C;
  var t = 0.0;
  for (var j = lid; j < pr.C; j += WG) { t += bwd_term(base + j); }
  t = group_sum(t, lid);
  for (var j = lid; j < pr.C; j += WG) { bwd_emit(base + j, t); }
}

// ---- cross-entropy -------------------------------------------------------------------------------
// loss_r = (max_r - x_r[label_r]) + log(sum_j exp(x_rj - max_r)). The backward pass gets max_r and the
// log-sum separately (lse[2r], lse[2r+1]): folding them into one f32 would round away ~1e-3 of a
// logit of 1e4, a relative error of the same size in every probability. A label outside [0, C)
// makes the row's loss (and gradient) NaN rather than reading out of bounds.

fn xent_emit(r: u32, base: u32, m: f32, s: f32) {
  let ls = log(s);
  lse_out[2u * r] = m;
  lse_out[2u * r + 1u] = ls;
  let t = labels[r];
  if (t < 0 || u32(t) >= pr.C) {
    loss[r] = nan();
  } else {
    loss[r] = (m - x[base + u32(t)]) + ls;
  }
}

@compute @workgroup_size(WG)
fn xent_thread(@builtin(global_invocation_id) gid: vec3<u32>) {
  let r = gid.x + gid.y * pr.row;
  if (r >= pr.R) { return; }
  let base = r * pr.C;
  let m = row_max(base);
  xent_emit(r, base, m, row_sumexp(base, m));
}

@compute @workgroup_size(WG)
fn xent_group(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let r = wid.x + wid.y * pr.row;
  if (r >= pr.R) { return; }
  let base = r * pr.C;
  let m = group_row_max(base, lid);
  let s = group_row_sumexp(base, m, lid);
  if (lid == 0u) { xent_emit(r, base, m, s); }
}

// dlogits = (softmax(x) - onehot(label)) * g_r * gmul, one thread per logit.
@compute @workgroup_size(WG)
fn xent_bwd(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i = gid.x + gid.y * pr.row;
  if (i >= pr.R * pr.C) { return; }
  let r = i / pr.C;
  let j = i - r * pr.C;
  let t = labels[r];
  var go = g[0];
  if (pr.per_row == 1u) { go = g[r]; }
  var v = exp((x[i] - lse[2u * r]) - lse[2u * r + 1u]) - select(0.0, 1.0, i32(j) == t);
  if (t < 0 || u32(t) >= pr.C) { v = nan(); }
  y[i] = v * go * pr.gmul;
}

// ---- argmax and accuracy ---------------------------------------------------------------------------

// First index of the row maximum (ties go to the lowest index).
fn row_argmax(base: u32) -> i32 {
  var m = x[base];
  var at = 0u;
  for (var j = 1u; j < pr.C; j++) {
    let v = x[base + j];
    if (v > m) {
      m = v;
      at = j;
    }
  }
  return i32(at);
}

@compute @workgroup_size(WG)
fn argmax_thread(@builtin(global_invocation_id) gid: vec3<u32>) {
  let r = gid.x + gid.y * pr.row;
  if (r >= pr.R) { return; }
  arg_out[r] = row_argmax(r * pr.C);
}

// Rows whose argmax equals the label, counted by a single workgroup so the result never leaves the GPU
// until the caller reads it (one small dispatch, no atomics, no zero-fill).
@compute @workgroup_size(WG)
fn accuracy(@builtin(local_invocation_index) lid: u32) {
  var n = 0u;
  for (var r = lid; r < pr.R; r += WG) {
    if (row_argmax(r * pr.C) == labels[r]) { n++; }
  }
  red_u[lid] = n;
  workgroupBarrier();
  for (var s = WG / 2u; s > 0u; s = s / 2u) {
    if (lid < s) { red_u[lid] += red_u[lid + s]; }
    workgroupBarrier();
  }
  if (lid == 0u) { count[0] = red_u[0]; }
}
