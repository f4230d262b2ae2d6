// SmoothAdv's objective over m noise copies per image (rows i*m + j, j < m, of a [B*m, K] logits
// matrix): loss_i = -log(max(1e-20, (1/m) sum_j softmax(logits[i*m+j])[y_i])).
//
// Computed in log space, so nothing underflows before the clamp:
//   mx_r, ls_r = max_k logits[r, k], log sum_k exp(logits[r, k] - mx_r)   (per row, kept for backward)
//   lp_j   = (logits[i*m+j, y_i] - mx_r) - ls_r             (log softmax at the label)
// The row maximum is subtracted first and the log-sum separately, never mx + ls as one number: with
// logits near 2e4 an f32 lse would carry ulp(2e4) = 0.002 of rounding into every log-probability.
//   LS_i   = logsumexp_j lp_j                               (kept for backward)
//   loss_i = -(LS_i - log m), or -log(1e-20) when m > 1 and LS_i - log m < log(1e-20)
// With m = 1 there is no clamp and the loss is exactly the cross-entropy.
// Backward: d loss_i / d logits[r, k] = w_r (softmax(logits[r])_k - [k == y_i]),
// w_r = exp(lp_j - LS_i) (a softmax over the copies); 0 where the clamp is active.
// A label outside [0, K) gives a NaN loss and NaN gradients.

override WG: u32 = 64u;

const LOG_CLAMP: f32 = -46.051701859880914;   // ln(1e-20)
const NEG_MAX: f32 = -3.4028234663852886e38;

struct Fwd {
  images: u32,
  m: u32,
  k: u32,
  row: u32,       // workgroups per grid row
  log_m: f32,
  _p0: u32,
  _p1: u32,
  _p2: u32,
}

struct Total {
  n: u32,
  scale: f32,
  _p0: u32,
  _p1: u32,
}

struct Bwd {
  n: u32,         // B * m * K
  k: u32,
  m: u32,
  row: u32,       // threads per grid row
  gscale: f32,    // 1/B for a mean, 1 otherwise
  gstride: u32,   // 0: one upstream gradient for all images, 1: one per image
  _p0: u32,
  _p1: u32,
}

@group(0) @binding(0) var<uniform> pf: Fwd;
@group(0) @binding(1) var<storage, read> logits: array<f32>;
@group(0) @binding(2) var<storage, read> labels: array<i32>;
@group(0) @binding(3) var<storage, read_write> lse: array<vec2<f32>>;   // per row: mx_r, ls_r
@group(0) @binding(4) var<storage, read_write> stats: array<f32>;   // per image: LS_i, active (1/0)
@group(0) @binding(5) var<storage, read_write> loss: array<f32>;
@group(0) @binding(6) var<uniform> pt: Total;
@group(0) @binding(7) var<storage, read> per_image: array<f32>;
@group(0) @binding(8) var<storage, read_write> total_out: array<f32>;
@group(0) @binding(9) var<uniform> pg: Bwd;
@group(0) @binding(10) var<storage, read> saved_lse: array<vec2<f32>>;
@group(0) @binding(11) var<storage, read> saved_stats: array<f32>;
@group(0) @binding(12) var<storage, read> gout: array<f32>;
@group(0) @binding(13) var<storage, read_write> grad: array<f32>;

var<workgroup> red_m: array<f32, WG>;
var<workgroup> red_s: array<f32, WG>;

fn nan() -> f32 {
  // A runtime bitcast: a constant expression may not evaluate to NaN (Tint, Chromium's compiler, refuses it).
  var bits = 0x7fc00000u;
  return bitcast<f32>(bits);
}

// Running logsumexp (mx, s) absorbing v: the result represents mx + log(s).
fn lse_push(acc: vec2<f32>, v: f32) -> vec2<f32> {
  if (v > acc.x) { return vec2<f32>(v, acc.y * exp(acc.x - v) + 1.0); }
  return vec2<f32>(acc.x, acc.y + exp(v - acc.x));
}

fn lse_merge(a: vec2<f32>, b: vec2<f32>) -> vec2<f32> {
  let mx = max(a.x, b.x);
  return vec2<f32>(mx, a.y * exp(a.x - mx) + b.y * exp(b.x - mx));
}

// One workgroup per image; thread t takes copies t, t + WG, ...
@compute @workgroup_size(WG)
fn forward(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = wid.x + wid.y * pf.row;
  if (i >= pf.images) { return; }   // uniform per workgroup, so the barriers below stay uniform
  let y = labels[i];
  let valid = y >= 0 && u32(y) < pf.k;
  let yc = select(0u, u32(y), valid);
  var acc = vec2<f32>(NEG_MAX, 0.0);
  for (var j = lid; j < pf.m; j += WG) {
    let r = i * pf.m + j;
    let base = r * pf.k;
    var mx = logits[base];
    for (var c = 1u; c < pf.k; c++) { mx = max(mx, logits[base + c]); }
    var s = 0.0;
    for (var c = 0u; c < pf.k; c++) { s += exp(logits[base + c] - mx); }
    let ls = log(s);
    lse[r] = vec2<f32>(mx, ls);
    acc = lse_push(acc, (logits[base + yc] - mx) - ls);
  }
  red_m[lid] = acc.x;
  red_s[lid] = acc.y;
  workgroupBarrier();
  for (var w = WG / 2u; w > 0u; w = w / 2u) {
    if (lid < w) {
      let v = lse_merge(vec2<f32>(red_m[lid], red_s[lid]), vec2<f32>(red_m[lid + w], red_s[lid + w]));
      red_m[lid] = v.x;
      red_s[lid] = v.y;
    }
    workgroupBarrier();
  }
  if (lid == 0u) {
    let ls = red_m[0] + log(red_s[0]);
    let la = ls - pf.log_m;
    let clamped = pf.m > 1u && la < LOG_CLAMP;
    stats[2u * i] = ls;
    stats[2u * i + 1u] = select(1.0, 0.0, clamped);
    loss[i] = select(select(-la, -LOG_CLAMP, clamped), nan(), !valid);
  }
}

var<workgroup> red_t: array<f32, WG>;

// Sum of the per-image losses times scale, in one workgroup (a fixed order: deterministic).
@compute @workgroup_size(WG)
fn total(@builtin(local_invocation_index) lid: u32) {
  var s = 0.0;
  for (var i = lid; i < pt.n; i += WG) { s += per_image[i]; }
  red_t[lid] = s;
  workgroupBarrier();
  for (var w = WG / 2u; w > 0u; w = w / 2u) {
    if (lid < w) { red_t[lid] += red_t[lid + w]; }
    workgroupBarrier();
  }
  if (lid == 0u) { total_out[0] = red_t[0] * pt.scale; }
}

// One thread per logit.
@compute @workgroup_size(WG)
fn backward(@builtin(global_invocation_id) gid: vec3<u32>) {
  let t = gid.x + gid.y * pg.row;
  if (t >= pg.n) { return; }
  let r = t / pg.k;
  let c = t - r * pg.k;
  let i = r / pg.m;
  let y = labels[i];
  if (y < 0 || u32(y) >= pg.k) {
    grad[t] = nan();
    return;
  }
  let row = saved_lse[r];
  let w = exp(((logits[r * pg.k + u32(y)] - row.x) - row.y) - saved_stats[2u * i]);
  let q = exp((logits[t] - row.x) - row.y) - select(0.0, 1.0, c == u32(y));
  let g = gout[i * pg.gstride] * pg.gscale;
  grad[t] = select(0.0, g * w * q, saved_stats[2u * i + 1u] > 0.5);
}
