// Argmax-and-count: each row's argmax is added to a per-class vote histogram with atomicAdd, so any
// number of batches accumulate into one counts buffer without a readback.
//
// Order of classes (torch.argmax's): NaN is larger than every number and the first NaN wins;
// otherwise the largest value wins and ties go to the lowest class index (-0 and +0 tie).
// NaN is recognised from the bits, which fast-math compilers cannot fold away as they may `x != x`.

override WG: u32 = 64u;

struct Votes {
  rows: u32,
  k: u32,
  row: u32,     // threads (count) or workgroups (count_linear) per grid row
  d: u32,       // feature length (count_linear)
  has_bias: u32,
  row0: u32,    // first table entry of this batch (count_rows)
  _p1: u32,
  _p2: u32,
}

@group(0) @binding(0) var<uniform> p: Votes;
@group(0) @binding(1) var<storage, read> logits: array<f32>;
@group(0) @binding(2) var<storage, read_write> counts: array<atomic<u32>>;
@group(0) @binding(3) var<storage, read> features: array<f32>;
@group(0) @binding(4) var<storage, read> weight: array<f32>;
@group(0) @binding(5) var<storage, read> bias: array<f32>;
@group(0) @binding(6) var<storage, read> table: array<vec4<u32>>;

// table[row0 + r].w of a row that is only padding: its vote is dropped.
const NO_COUNTER: u32 = 0xffffffffu;

fn is_nan(v: f32) -> bool {
  return (bitcast<u32>(v) & 0x7fffffffu) > 0x7f800000u;
}

// Whether (v, i) ranks above the current best (bv, bi).
fn beats(v: f32, i: u32, bv: f32, bi: u32) -> bool {
  let n = is_nan(v);
  let bn = is_nan(bv);
  if (n != bn) { return n; }
  if (n || v == bv) { return i < bi; }
  return v > bv;
}

// The class row r of the [rows, k] logits votes for.
fn row_argmax(r: u32) -> u32 {
  let base = r * p.k;
  var best = logits[base];
  var arg = 0u;
  for (var c = 1u; c < p.k; c++) {
    let v = logits[base + c];
    if (beats(v, c, best, arg)) {
      best = v;
      arg = c;
    }
  }
  return arg;
}

// One thread per row of a [rows, k] logits matrix.
@compute @workgroup_size(WG)
fn count(@builtin(global_invocation_id) gid: vec3<u32>) {
  let r = gid.x + gid.y * p.row;
  if (r >= p.rows) { return; }
  atomicAdd(&counts[row_argmax(r)], 1u);
}

// Rows of several images in one batch (packed certification): the vote of row r goes to counter
// row table[row0 + r].w of a [counters, k] matrix, or nowhere for a padding row.
@compute @workgroup_size(WG)
fn count_rows(@builtin(global_invocation_id) gid: vec3<u32>) {
  let r = gid.x + gid.y * p.row;
  if (r >= p.rows) { return; }
  let dest = table[p.row0 + r].w;
  if (dest == NO_COUNTER) { return; }
  atomicAdd(&counts[dest * p.k + row_argmax(r)], 1u);
}

var<workgroup> best_v: array<f32, WG>;
var<workgroup> best_i: array<u32, WG>;

// Fused final Linear layer: logits = features[r] . weight[c] (+ bias[c]), never written out. One
// workgroup per row; thread t scores classes t, t + WG, ... and a tree reduction with the same
// order picks the winner.
@compute @workgroup_size(WG)
fn count_linear(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let r = wid.x + wid.y * p.row;
  if (r >= p.rows) { return; }   // uniform per workgroup, so the barriers below stay uniform
  let fbase = r * p.d;
  // Sentinel (-inf, k): below every real class in the order above, since k exceeds every index.
  // (bits in a var: a constant expression may not evaluate to -inf, which Tint refuses)
  var inf_bits = 0xff800000u;
  var bv = bitcast<f32>(inf_bits);
  var bi = p.k;
  for (var c = lid; c < p.k; c += WG) {
    var acc = select(0.0, bias[c], p.has_bias != 0u);
    let wbase = c * p.d;
    for (var j = 0u; j < p.d; j++) {
      acc += features[fbase + j] * weight[wbase + j];
    }
    if (beats(acc, c, bv, bi)) {
      bv = acc;
      bi = c;
    }
  }
  best_v[lid] = bv;
  best_i[lid] = bi;
  workgroupBarrier();
  for (var s = WG / 2u; s > 0u; s = s / 2u) {
    if (lid < s) {
      let ov = best_v[lid + s];
      let oi = best_i[lid + s];
      if (beats(ov, oi, best_v[lid], best_i[lid])) {
        best_v[lid] = ov;
        best_i[lid] = oi;
      }
    }
    workgroupBarrier();
  }
  if (lid == 0u) { atomicAdd(&counts[best_i[0]], 1u); }
}
