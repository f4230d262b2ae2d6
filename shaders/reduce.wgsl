// Reductions (sum, max) of f32 over any set of axes, without permuting: an output element's base
// offset comes from the kept dimensions' strides, each reduced element's offset from the reduced
// dimensions' strides. Small reductions use one thread per output, large ones one workgroup per output.

override OP: u32 = 0u;  // 0 sum, 1 max
override WG: u32 = 256u;

struct Reduce {
  nout: u32,
  nred: u32,
  krank: u32,
  rrank: u32,
  row: u32,        // threads (reduce_thread) or workgroups (reduce_group) per grid row
  scale: f32,      // applied to the result (1/count for a mean)
  _p0: u32,
  _p1: u32,
  kshape: array<vec4<u32>, 2>,
  kstride: array<vec4<u32>, 2>,
  rshape: array<vec4<u32>, 2>,
  rstride: array<vec4<u32>, 2>,
}

@group(0) @binding(0) var<uniform> p: Reduce;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;

var<workgroup> partial: array<f32, WG>;

fn dim(v: array<vec4<u32>, 2>, d: u32) -> u32 {
  return v[d / 4u][d % 4u];
}

fn base_offset(o: u32) -> u32 {
  var rem = o;
  var off = 0u;
  for (var d = i32(p.krank) - 1; d >= 0; d--) {
    let s = dim(p.kshape, u32(d));
    off += (rem % s) * dim(p.kstride, u32(d));
    rem = rem / s;
  }
  return off;
}

fn red_offset(r: u32) -> u32 {
  var rem = r;
  var off = 0u;
  for (var d = i32(p.rrank) - 1; d >= 0; d--) {
    let s = dim(p.rshape, u32(d));
    off += (rem % s) * dim(p.rstride, u32(d));
    rem = rem / s;
  }
  return off;
}

fn identity() -> f32 {
  if (OP == 1u) { return bitcast<f32>(0xff7fffffu); }  // -FLT_MAX (-3.4028235e38 overflows f32 for Tint)
  return 0.0;
}

fn combine(acc: f32, v: f32) -> f32 {
  if (OP == 1u) { return max(acc, v); }
  return acc + v;
}

@compute @workgroup_size(WG)
fn reduce_thread(@builtin(global_invocation_id) gid: vec3<u32>) {
  let o = gid.x + gid.y * p.row;
  if (o >= p.nout) { return; }
  let base = base_offset(o);
  var acc = identity();
  for (var r = 0u; r < p.nred; r++) {
    acc = combine(acc, x[base + red_offset(r)]);
  }
  out[o] = acc * p.scale;
}

@compute @workgroup_size(WG)
fn reduce_group(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let o = wid.x + wid.y * p.row;
  if (o >= p.nout) { return; }   // uniform per workgroup, so the barriers below stay uniform
  let base = base_offset(o);
  var acc = identity();
  for (var r = lid; r < p.nred; r += WG) {
    acc = combine(acc, x[base + red_offset(r)]);
  }
  partial[lid] = acc;
  workgroupBarrier();
  for (var s = WG / 2u; s > 0u; s = s / 2u) {
    if (lid < s) { partial[lid] = combine(partial[lid], partial[lid + s]); }
    workgroupBarrier();
  }
  if (lid == 0u) { out[o] = partial[0] * p.scale; }
}

// Fast path: the input viewed as [A, K, B] (reduced, kept, reduced; adjacent dimensions merged), which
// covers bias gradients (N, C, H*W), batch statistics and row reductions. Element offsets advance by
// carries instead of a division per element.
struct Akb {
  a: u32,
  k: u32,
  b: u32,
  row: u32,
  scale: f32,
  _p0: u32,
  _p1: u32,
  _p2: u32,
}

@group(0) @binding(3) var<uniform> q: Akb;
@group(0) @binding(4) var<storage, read> x4: array<vec4<f32>>;   // the same buffer as x (akb_group4)

// The grouped [A, K, B] reductions' walk over one kept index k: its A * B values r = (n, j), n the reduced
// outer index, j the index within B (fastest). The CPU adapter runs a workgroup 8 lanes at a time, each
// group of lanes through its whole loop, so each stream of STREAM adjacent lanes walks a contiguous share
// of r, reading STREAM adjacent values a step (a walk where lane l reads l, l + WG, ... made every group
// sweep all of k's planes, at a fifth of a copy's rate). batchnorm.wgsl's reductions walk the same way.
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

@compute @workgroup_size(WG)
fn akb_group(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let k = wid.x + wid.y * q.row;
  if (k >= q.k) { return; }   // uniform per workgroup
  let total = q.a * q.b;
  var w = streamStart(lid, total, q.b);
  var acc = identity();
  for (; w.r < w.end; w = streamNext(w, q.b)) {
    acc = combine(acc, x[(w.n * q.k + k) * q.b + w.j]);
  }
  partial[lid] = acc;
  workgroupBarrier();
  for (var s = WG / 2u; s > 0u; s = s / 2u) {
    if (lid < s) { partial[lid] = combine(partial[lid], partial[lid + s]); }
    workgroupBarrier();
  }
  if (lid == 0u) { out[k] = partial[0] * q.scale; }
}

@compute @workgroup_size(WG)
fn akb_thread(@builtin(global_invocation_id) gid: vec3<u32>) {
  let k = gid.x + gid.y * q.row;
  if (k >= q.k) { return; }
  var acc = identity();
  for (var a = 0u; a < q.a; a++) {
    let base = (a * q.k + k) * q.b;
    for (var b = 0u; b < q.b; b++) {
      acc = combine(acc, x[base + b]);
    }
  }
  out[k] = acc * q.scale;
}

// akb_group where B % 4 == 0 (a convolution's bias gradient over whole planes), by vec4s: a quarter of
// the loads, each a loop over the lanes on the CPU adapter.
@compute @workgroup_size(WG)
fn akb_group4(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let k = wid.x + wid.y * q.row;
  if (k >= q.k) { return; }   // uniform per workgroup
  let b4 = q.b / 4u;
  var w = streamStart(lid, q.a * b4, b4);
  var acc = vec4<f32>(identity());
  for (; w.r < w.end; w = streamNext(w, b4)) {
    let v = x4[(w.n * q.k + k) * b4 + w.j];
    if (OP == 1u) { acc = max(acc, v); } else { acc += v; }
  }
  partial[lid] = combine(combine(combine(acc.x, acc.y), acc.z), acc.w);
  workgroupBarrier();
  for (var s = WG / 2u; s > 0u; s = s / 2u) {
    if (lid < s) { partial[lid] = combine(partial[lid], partial[lid + s]); }
    workgroupBarrier();
  }
  if (lid == 0u) { out[k] = partial[0] * q.scale; }
}

// A reduced block between kept ones: the input viewed as [A, R, B] (q.a, q.k, q.b: kept, reduced, kept),
// one thread per output element a * B + b, its R terms B apart.
@compute @workgroup_size(WG)
fn krk_thread(@builtin(global_invocation_id) gid: vec3<u32>) {
  let o = gid.x + gid.y * q.row;
  if (o >= q.a * q.b) { return; }
  let a = o / q.b;
  var i = a * q.k * q.b + (o - a * q.b);
  var acc = identity();
  for (var r = 0u; r < q.k; r++) {
    acc = combine(acc, x[i]);
    i += q.b;
  }
  out[o] = acc * q.scale;
}
