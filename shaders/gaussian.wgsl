// Counter-based random numbers: Philox4x32-10 (Salmon et al. 2011, Random123) and Box-Muller normals.
//
// Layout (the same for every entry point, so a value depends only on its coordinates, never on the
// batch it was drawn in):
//   key     = (seed mod 2^32, floor(seed / 2^32))         seed < 2^53, chosen by the user
//   counter = (q, sample, stream, domain)
//     q       element-quad index within one sample: elements 4q .. 4q+3 come from one Philox block
//     sample  first + row index of the output (resuming or sharding only moves `first`)
//     stream  e.g. the image index (certification) or the global step (training)
//     domain  a tag that keeps different consumers of the same seed apart
// Element e of a sample takes word e % 4 of block q = e / 4.
//
// WGSL has no 64-bit integers, so the 32x32 -> 64 bit products are assembled from 16-bit halves.

override WG: u32 = 256u;
override TX: u32 = 0u;   // gaussian_rows(_v4): the table (and images4) from texture copies; the *_v4 entries
                          // with a base: base4 from one (bt)

const M0: u32 = 0xD2511F53u;
const M1: u32 = 0xCD9E8D57u;
const W0: u32 = 0x9E3779B9u;
const W1: u32 = 0xBB67AE85u;

// Powers of two, written out in decimal so they are exact f32 values.
const TWO_M24: f32 = 5.9604644775390625e-8;
const TWO_M33: f32 = 1.16415321826934814453125e-10;
const TWO_PI: f32 = 6.283185307179586;

struct Gen {
  n: u32,        // threads: samples * quads
  quads: u32,    // quads per sample, ceil(elems / 4)
  elems: u32,    // elements per sample
  row: u32,      // threads per grid row
  key0: u32,
  key1: u32,
  first: u32,    // sample index of output row 0
  stream: u32,
  domain: u32,
  sigma: f32,
  _p0: u32,
  _p1: u32,
}

struct Blocks {
  n: u32,
  row: u32,
  _p0: u32,
  _p1: u32,
}

@group(0) @binding(0) var<uniform> p: Gen;
@group(0) @binding(1) var<storage, read> base: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;
@group(0) @binding(3) var<storage, read_write> words: array<u32>;
@group(0) @binding(4) var<uniform> pb: Blocks;
@group(0) @binding(5) var<storage, read> blocks: array<u32>;

// (high, low) words of the 64-bit product a * b.
fn mulhilo(a: u32, b: u32) -> vec2<u32> {
  let al = a & 0xffffu;
  let ah = a >> 16u;
  let bl = b & 0xffffu;
  let bh = b >> 16u;
  let ll = al * bl;
  let lh = al * bh;
  let hl = ah * bl;
  let hh = ah * bh;
  // < 3 * 2^16, so no overflow; its top bits are the carry into the high word.
  let mid = (ll >> 16u) + (lh & 0xffffu) + (hl & 0xffffu);
  return vec2<u32>(hh + (lh >> 16u) + (hl >> 16u) + (mid >> 16u), a * b);
}

fn philox(ctr: vec4<u32>, key: vec2<u32>) -> vec4<u32> {
  var x = ctr;
  var k = key;
  for (var r = 0u; r < 10u; r++) {
    let p0 = mulhilo(M0, x.x);
    let p1 = mulhilo(M1, x.z);
    x = vec4<u32>(p1.x ^ x.y ^ k.x, p1.y, p0.x ^ x.w ^ k.y, p0.y);
    k += vec2<u32>(W0, W1);
  }
  return x;
}

// Uniform in (0, 1): the midpoint of one of 2^23 equal cells (the top 23 bits), except that the
// lowest cell is split again into 512 cells by the remaining 9 bits, so log() sees values down to
// 2^-33 instead of 2^-24 and the normal tail reaches sqrt(66 ln 2) = 6.76 instead of 5.77.
// Every value is an odd integer below 2^24 times a power of two: exact in f32, on any GPU.
fn u01_open(x: u32) -> f32 {
  let coarse = f32(((x >> 9u) << 1u) | 1u) * TWO_M24;
  let fine = f32((x << 1u) | 1u) * TWO_M33;
  return select(coarse, fine, x < 512u);
}

// Angle fraction in [-1/2, 1/2) on a 2^-24 grid (exact), so sin/cos see arguments in [-pi, pi),
// the range where WGSL bounds their error.
fn angle_frac(x: u32) -> f32 {
  return (f32(x >> 8u) - 8388608.0) * TWO_M24;
}

// Box-Muller on both pairs: (w.x, w.y) -> lanes 0, 1 and (w.z, w.w) -> lanes 2, 3.
fn normals(w: vec4<u32>) -> vec4<f32> {
  let r0 = sqrt(-2.0 * log(u01_open(w.x)));
  let t0 = TWO_PI * angle_frac(w.y);
  let r1 = sqrt(-2.0 * log(u01_open(w.z)));
  let t1 = TWO_PI * angle_frac(w.w);
  return vec4<f32>(r0 * cos(t0), r0 * sin(t0), r1 * cos(t1), r1 * sin(t1));
}

// Thread t covers elements 4q .. 4q+3 of output row s.
struct Quad {
  s: u32,
  e0: u32,
  w: vec4<u32>,
}

fn quad(t: u32) -> Quad {
  let s = t / p.quads;
  let q = t - s * p.quads;
  let w = philox(vec4<u32>(q, p.first + s, p.stream, p.domain), vec2<u32>(p.key0, p.key1));
  return Quad(s, 4u * q, w);
}

// out = sigma * z
@compute @workgroup_size(WG)
fn gaussian(@builtin(global_invocation_id) gid: vec3<u32>) {
  let t = gid.x + gid.y * p.row;
  if (t >= p.n) { return; }
  let qd = quad(t);
  let z = normals(qd.w);
  let o = qd.s * p.elems + qd.e0;
  for (var l = 0u; l < 4u && qd.e0 + l < p.elems; l++) {
    out[o + l] = p.sigma * z[l];
  }
}

// out[s, e] = base[e] + sigma * z: noisy copies of one image.
@compute @workgroup_size(WG)
fn gaussian_copies(@builtin(global_invocation_id) gid: vec3<u32>) {
  let t = gid.x + gid.y * p.row;
  if (t >= p.n) { return; }
  let qd = quad(t);
  let z = normals(qd.w);
  let o = qd.s * p.elems + qd.e0;
  for (var l = 0u; l < 4u && qd.e0 + l < p.elems; l++) {
    out[o + l] = base[qd.e0 + l] + p.sigma * z[l];
  }
}

// out[s, e] = base[s, e] + sigma * z: noise added to a batch.
@compute @workgroup_size(WG)
fn gaussian_add(@builtin(global_invocation_id) gid: vec3<u32>) {
  let t = gid.x + gid.y * p.row;
  if (t >= p.n) { return; }
  let qd = quad(t);
  let z = normals(qd.w);
  let o = qd.s * p.elems + qd.e0;
  for (var l = 0u; l < 4u && qd.e0 + l < p.elems; l++) {
    out[o + l] = base[o + l] + p.sigma * z[l];
  }
}

// The same three when elems % 4 == 0: thread t owns the 16-byte vector t, and one vector store
// replaces four scalar ones (about 35% faster on lavapipe, where these kernels are store-bound).
// Which variant runs depends only on the per-sample size, never on the batch.
@group(0) @binding(6) var<storage, read> base4: array<vec4<f32>>;
@group(0) @binding(7) var<storage, read_write> out4: array<vec4<f32>>;
// TX: base4 from a copy in a read-only storage texture (vec4 q at texel (q % 4096, q / 4096)), read faster
// than the storage buffer on the software adapter (training's noise, profiled: 3.9 ms per two ResNet-20 steps
// at batch 128 against 10.7)
@group(0) @binding(14) var bt: texture_storage_2d<rgba32float, read>;

@compute @workgroup_size(WG)
fn gaussian_v4(@builtin(global_invocation_id) gid: vec3<u32>) {
  let t = gid.x + gid.y * p.row;
  if (t >= p.n) { return; }
  out4[t] = p.sigma * normals(quad(t).w);
}

@compute @workgroup_size(WG)
fn gaussian_copies_v4(@builtin(global_invocation_id) gid: vec3<u32>) {
  let t = gid.x + gid.y * p.row;
  if (t >= p.n) { return; }
  let qd = quad(t);
  out4[t] = base4At(qd.e0 / 4u) + p.sigma * normals(qd.w);
}

@compute @workgroup_size(WG)
fn gaussian_add_v4(@builtin(global_invocation_id) gid: vec3<u32>) {
  let t = gid.x + gid.y * p.row;
  if (t >= p.n) { return; }
  out4[t] = base4At(t) + p.sigma * normals(quad(t).w);
}

// Noisy rows of several images in one batch (packed certification). Row r of the output is sample
// t.z of noise stream t.y around image t.x of `images`, where t = table[row0 + r] (t.w is for the vote
// kernel). The noise is the same value gaussian_copies draws for that (stream, sample), so results do
// not depend on which images share a batch.
struct GenRows {
  n: u32,        // threads: rows * quads
  quads: u32,
  elems: u32,
  row: u32,
  key0: u32,
  key1: u32,
  row0: u32,     // first table entry of this batch
  domain: u32,
  sigma: f32,
  _p0: u32,
  _p1: u32,
  _p2: u32,
}

@group(0) @binding(8) var<uniform> pr: GenRows;
@group(0) @binding(9) var<storage, read> table: array<vec4<u32>>;
@group(0) @binding(10) var<storage, read> images: array<f32>;
@group(0) @binding(11) var<storage, read> images4: array<vec4<f32>>;
// TX: the table and images4 read from copies in read-only storage textures (vec4 q at texel (q % 4096,
// q / 4096)). On the software adapter a storage-buffer load goes lane by lane: the two per thread took two
// thirds of gaussian_rows_v4's time (a ResNet-20 batch of 400: 12.7 ms against 4.1 without them).
@group(0) @binding(12) var tt: texture_storage_2d<rgba32uint, read>;
@group(0) @binding(13) var it: texture_storage_2d<rgba32float, read>;

// generated: vec4 operand loads (engine/kernel_gen.ts writes them; edit there)
fn tableRow(q: u32) -> vec4<u32> {
  if (TX == 1u) { return textureLoad(tt, vec2<u32>(q & 4095u, q >> 12u)); }
  return table[q];
}

fn image4(q: u32) -> vec4<f32> {
  if (TX == 1u) { return textureLoad(it, vec2<u32>(q & 4095u, q >> 12u)); }
  return images4[q];
}

fn base4At(q: u32) -> vec4<f32> {
  if (TX == 1u) { return textureLoad(bt, vec2<u32>(q & 4095u, q >> 12u)); }
  return base4[q];
}
// end of generated vec4 operand loads

fn row_quad(t: u32) -> Quad {
  let s = t / pr.quads;
  let q = t - s * pr.quads;
  let e = tableRow(pr.row0 + s);
  let w = philox(vec4<u32>(q, e.z, e.y, pr.domain), vec2<u32>(pr.key0, pr.key1));
  // Quad.s carries the image slot: the image element read is slot * elems + 4q + lane.
  return Quad(e.x, 4u * q, w);
}

@compute @workgroup_size(WG)
fn gaussian_rows(@builtin(global_invocation_id) gid: vec3<u32>) {
  let t = gid.x + gid.y * pr.row;
  if (t >= pr.n) { return; }
  let qd = row_quad(t);
  let z = normals(qd.w);
  let o = (t / pr.quads) * pr.elems + qd.e0;
  let b = qd.s * pr.elems + qd.e0;
  for (var l = 0u; l < 4u && qd.e0 + l < pr.elems; l++) {
    out[o + l] = images[b + l] + pr.sigma * z[l];
  }
}

@compute @workgroup_size(WG)
fn gaussian_rows_v4(@builtin(global_invocation_id) gid: vec3<u32>) {
  let t = gid.x + gid.y * pr.row;
  if (t >= pr.n) { return; }
  let qd = row_quad(t);
  out4[t] = image4(qd.s * pr.quads + qd.e0 / 4u) + pr.sigma * normals(qd.w);
}

// The uniforms that feed log() in Box-Muller, one per word (for tests and for callers that need
// uniforms in the same layout).
@compute @workgroup_size(WG)
fn uniform_open(@builtin(global_invocation_id) gid: vec3<u32>) {
  let t = gid.x + gid.y * p.row;
  if (t >= p.n) { return; }
  let qd = quad(t);
  let o = qd.s * p.elems + qd.e0;
  for (var l = 0u; l < 4u && qd.e0 + l < p.elems; l++) {
    out[o + l] = u01_open(qd.w[l]);
  }
}

// The raw Philox words in the element layout.
@compute @workgroup_size(WG)
fn bits(@builtin(global_invocation_id) gid: vec3<u32>) {
  let t = gid.x + gid.y * p.row;
  if (t >= p.n) { return; }
  let qd = quad(t);
  let o = qd.s * p.elems + qd.e0;
  for (var l = 0u; l < 4u && qd.e0 + l < p.elems; l++) {
    words[o + l] = qd.w[l];
  }
}

// Philox on explicit (counter, key) rows of 6 words: c0 c1 c2 c3 k0 k1 -> 4 words.
@compute @workgroup_size(WG)
fn philox_blocks(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i = gid.x + gid.y * pb.row;
  if (i >= pb.n) { return; }
  let b = 6u * i;
  let w = philox(vec4<u32>(blocks[b], blocks[b + 1u], blocks[b + 2u], blocks[b + 3u]),
                 vec2<u32>(blocks[b + 4u], blocks[b + 5u]));
  for (var l = 0u; l < 4u; l++) {
    words[4u * i + l] = w[l];
  }
}
