// f32 <-> f16 conversion done on the bit patterns, with integer arithmetic only.
//
// WGSL leaves float conversions of out-of-range values indeterminate, lets the rounding direction
// vary by implementation and allows implementations to assume no infinities or NaNs. Working on the
// bits instead gives PyTorch's .half() / .float() results exactly on every adapter: round to nearest
// even, +-infinity from 65520 up, NaN kept, subnormals kept. It needs no `enable f16`, so the op
// works on adapters without shader-f16 too (f16 tensors are plain 16-bit data to every other kernel).

override WG: u32 = 256u;

struct Cast {
  n: u32,          // elements
  row: u32,        // threads per grid row
  _p0: u32,
  _p1: u32,
}

@group(0) @binding(0) var<uniform> pc: Cast;
@group(0) @binding(1) var<storage, read> src: array<u32>;
@group(0) @binding(2) var<storage, read_write> dst: array<u32>;

fn f32_to_f16_bits(u: u32) -> u32 {
  let sign = (u >> 16u) & 0x8000u;
  let exp = (u >> 23u) & 0xffu;
  var mant = u & 0x7fffffu;
  if (exp == 0xffu) {
    return sign | 0x7c00u | select(0u, 0x200u, mant != 0u);   // infinity, or a quiet NaN
  }
  let e = i32(exp) - 127 + 15;
  if (e >= 0x1f) { return sign | 0x7c00u; }
  if (e <= 0) {
    // Subnormal half (or zero): shift the significand with its implicit bit into place.
    if (e < -10) { return sign; }
    mant = mant | 0x800000u;
    let shift = u32(14 - e);
    let half = 1u << (shift - 1u);
    var r = mant >> shift;
    let rem = mant & ((1u << shift) - 1u);
    if (rem > half || (rem == half && (r & 1u) == 1u)) { r += 1u; }
    return sign | r;   // a carry into bit 10 is the correctly encoded smallest normal
  }
  var r = mant >> 13u;
  let rem = mant & 0x1fffu;
  var ee = u32(e);
  if (rem > 0x1000u || (rem == 0x1000u && (r & 1u) == 1u)) {
    r += 1u;
    if (r == 0x400u) {
      r = 0u;
      ee += 1u;
      if (ee >= 0x1fu) { return sign | 0x7c00u; }
    }
  }
  return sign | (ee << 10u) | r;
}

fn f16_bits_to_f32_bits(h: u32) -> u32 {
  let sign = (h & 0x8000u) << 16u;
  let e = (h >> 10u) & 0x1fu;
  let m = h & 0x3ffu;
  if (e == 0x1fu) { return sign | 0x7f800000u | (m << 13u); }
  if (e == 0u) {
    if (m == 0u) { return sign; }
    // m * 2^-24 with the leading bit of m at position p: exponent p - 24, normalised in f32.
    let p = firstLeadingBit(m);
    return sign | ((p + 103u) << 23u) | ((m << (23u - p)) & 0x7fffffu);
  }
  return sign | ((e + 112u) << 23u) | (m << 13u);
}

// One thread per output word: two halves, so no two threads share a word.
@compute @workgroup_size(WG)
fn to_f16(@builtin(global_invocation_id) gid: vec3<u32>) {
  let w = gid.x + gid.y * pc.row;
  let i = 2u * w;
  if (i >= pc.n) { return; }
  var bits = f32_to_f16_bits(src[i]);
  if (i + 1u < pc.n) {
    bits = bits | (f32_to_f16_bits(src[i + 1u]) << 16u);
  }
  dst[w] = bits;
}

@compute @workgroup_size(WG)
fn to_f32(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i = gid.x + gid.y * pc.row;
  if (i >= pc.n) { return; }
  let h = (src[i >> 1u] >> ((i & 1u) * 16u)) & 0xffffu;
  dst[i] = f16_bits_to_f32_bits(h);
}
