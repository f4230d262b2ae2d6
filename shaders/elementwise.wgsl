// Elementwise kernels on f32: binary ops with NumPy broadcasting, unary ops, fill.
// The op is an override constant, so each op compiles to its own branch-free pipeline.
// Grids are 2-D (x * 65535 limit); the flat index is gid.x + gid.y * row, row = threads per grid row.

override OP: u32 = 0u;
override WG: u32 = 256u;
override TX: u32 = 0u;  // binary_same4, unary4, binary_channel4: operands from the textures ta, tb (below)

struct Binary {
  n: u32,
  rank: u32,
  row: u32,
  _pad: u32,
  shape: array<vec4<u32>, 2>,   // output shape, up to rank 8
  sa: array<vec4<u32>, 2>,      // element strides of a per output dim (0 where broadcast)
  sb: array<vec4<u32>, 2>,
}

struct Unary {
  n: u32,
  row: u32,
  alpha: f32,
  beta: f32,
}

@group(0) @binding(0) var<uniform> pb: Binary;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> b: array<f32>;
@group(0) @binding(3) var<storage, read_write> out: array<f32>;
@group(0) @binding(4) var<uniform> pu: Unary;
@group(0) @binding(5) var<storage, read_write> words: array<u32>;
// vec4 views of a, b and out for the *4 entries (whole vec4s: n % 4 == 0).
@group(0) @binding(8) var<storage, read> a4: array<vec4<f32>>;
@group(0) @binding(9) var<storage, read> b4: array<vec4<f32>>;
@group(0) @binding(10) var<storage, read_write> out4: array<vec4<f32>>;
// TX (binary_same4, unary4, binary_channel4): a4's and b4's vec4s read from copies of them in the
// read-only storage textures ta and tb, 4096 texels wide (vec4 q at texel (q % 4096, q / 4096)). On the
// software adapter a storage-buffer load is a loop over the lanes with a branch per value, an image load
// one vectorised address and a 16-byte load per lane (engine/ops/operand_texture.ts): the copy costs less
// than the loads it replaces.
@group(0) @binding(11) var ta: texture_storage_2d<rgba32float, read>;
@group(0) @binding(12) var tb: texture_storage_2d<rgba32float, read>;

// generated: vec4 operand loads (engine/kernel_gen.ts writes them; edit there)
fn ldA4(q: u32) -> vec4<f32> {
  if (TX == 1u) { return textureLoad(ta, vec2<u32>(q & 4095u, q >> 12u)); }
  return a4[q];
}

fn ldB4(q: u32) -> vec4<f32> {
  if (TX == 1u) { return textureLoad(tb, vec2<u32>(q & 4095u, q >> 12u)); }
  return b4[q];
}
// end of generated vec4 operand loads

// b broadcast along one contiguous block of dimensions (a per-channel vector of [N, C, H, W], a bias
// row of [N, F]): b's index is (i / inner) % count, one division instead of one per dimension.
struct Channel {
  n: u32,
  row: u32,
  inner: u32,
  count: u32,
}
@group(0) @binding(7) var<uniform> pc: Channel;

struct Fill {
  n: u32,
  row: u32,
  bits: u32,
  _pad: u32,
}
@group(0) @binding(6) var<uniform> pf: Fill;

fn binop(x: f32, y: f32) -> f32 {
  switch OP {
    case 0u: { return x + y; }
    case 1u: { return x - y; }
    case 2u: { return x * y; }
    case 3u: { return x / y; }
    case 4u: { return select(0.0, y, x > 0.0); }   // relu backward: a = input, b = grad
    case 5u: { return max(x, y); }
    case 6u: { return select(0.0, 1.0, x == y); }  // equality mask (max backward)
    default: { return x + y; }
  }
}

fn unop(x: f32) -> f32 {
  switch OP {
    case 0u: { return x * pu.alpha + pu.beta; }
    case 1u: { return max(x, 0.0); }
    case 2u: { return exp(x); }
    case 3u: { return log(x); }
    case 4u: { return sqrt(x); }
    case 5u: { return x * x; }
    case 6u: { return clamp(x, pu.alpha, pu.beta); }
    case 7u: { return select(0.0, 1.0, x >= pu.alpha && x <= pu.beta); } // clamp backward mask
    case 8u: { return 1.0 / x; }
    case 9u: { return round(x); }                  // half to even, like torch.round
    default: { return x; }
  }
}

fn dim(v: array<vec4<u32>, 2>, d: u32) -> u32 {
  return v[d / 4u][d % 4u];
}

@compute @workgroup_size(WG)
fn binary(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i = gid.x + gid.y * pb.row;
  if (i >= pb.n) { return; }
  var rem = i;
  var ia = 0u;
  var ib = 0u;
  for (var d = i32(pb.rank) - 1; d >= 0; d--) {
    let s = dim(pb.shape, u32(d));
    let c = rem % s;
    rem = rem / s;
    ia += c * dim(pb.sa, u32(d));
    ib += c * dim(pb.sb, u32(d));
  }
  out[i] = binop(a[ia], b[ib]);
}

// Broadcast a to the output shape (strides sa); used to expand reduced gradients.
@compute @workgroup_size(WG)
fn expand(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i = gid.x + gid.y * pb.row;
  if (i >= pb.n) { return; }
  var rem = i;
  var ia = 0u;
  for (var d = i32(pb.rank) - 1; d >= 0; d--) {
    let s = dim(pb.shape, u32(d));
    ia += (rem % s) * dim(pb.sa, u32(d));
    rem = rem / s;
  }
  out[i] = a[ia];
}

@compute @workgroup_size(WG)
fn binary_channel(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i = gid.x + gid.y * pc.row;
  if (i >= pc.n) { return; }
  out[i] = binop(a[i], b[(i / pc.inner) % pc.count]);
}

// binary_channel by vec4s where pc.inner is a multiple of 16 (the op then counts pc.n and pc.inner in
// vec4s): each thread moves CH4 consecutive vec4s, which lie in one block of b's element, so it reads b
// and divides once (a per-channel normalisation of an image batch: on the software adapter the scalar
// pass's storage loads and divisions per element took 4-5 ms per CIFAR batch of 128), and a's vec4s come
// from its texture copy ta (TX).
const CH4 = 4u;

@compute @workgroup_size(WG)
fn binary_channel4(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i0 = (gid.x + gid.y * pc.row) * CH4;
  if (i0 >= pc.n) { return; }
  let y = b[(i0 / pc.inner) % pc.count];
  for (var i = i0; i < i0 + CH4; i++) {
    let x = ldA4(i);
    out4[i] = vec4<f32>(binop(x.x, y), binop(x.y, y), binop(x.z, y), binop(x.w, y));
  }
}

@compute @workgroup_size(WG)
fn binary_same(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i = gid.x + gid.y * pb.row;
  if (i >= pb.n) { return; }
  out[i] = binop(a[i], b[i]);
}

@compute @workgroup_size(WG)
fn unary(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i = gid.x + gid.y * pu.row;
  if (i >= pu.n) { return; }
  out[i] = unop(a[i]);
}

// binary_same and unary by vec4s (pb.n, pu.n count vec4s): on the software adapter a storage access
// costs ~20-30 vector FMAs whatever its width, so moving 4 values per access is what speeds them up.
@compute @workgroup_size(WG)
fn binary_same4(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i = gid.x + gid.y * pb.row;
  if (i >= pb.n) { return; }
  let x = ldA4(i);
  let y = ldB4(i);
  out4[i] = vec4<f32>(binop(x.x, y.x), binop(x.y, y.y), binop(x.z, y.z), binop(x.w, y.w));
}

@compute @workgroup_size(WG)
fn unary4(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i = gid.x + gid.y * pu.row;
  if (i >= pu.n) { return; }
  let x = ldA4(i);
  out4[i] = vec4<f32>(unop(x.x), unop(x.y), unop(x.z), unop(x.w));
}

// Fill n 32-bit words with a bit pattern: zeros of any dtype, f32 constants, packed f16 pairs.
@compute @workgroup_size(WG)
fn fill(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i = gid.x + gid.y * pf.row;
  if (i >= pf.n) { return; }
  words[i] = pf.bits;
}
