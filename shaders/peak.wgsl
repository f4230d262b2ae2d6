// FMA-bound kernel for measuring the adapter's arithmetic peak: every invocation runs ACC
// independent multiply-add chains (enough to hide FMA latency) and stores their sum, so the
// compiler cannot drop the work. Nothing is read from memory inside the loop.

override WG: u32 = 64u;

struct Peak {
  iters: u32,   // loop trips; each trip is 4 * 8 * 4 FMAs (vec4) per invocation
  row: u32,     // invocations per grid row
  a: f32,       // multiplier close to 1 so values stay finite
  b: f32,
}

@group(0) @binding(0) var<uniform> p: Peak;
@group(0) @binding(1) var<storage, read_write> out: array<f32>;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i = gid.x + gid.y * p.row;
  let s = f32(i) * 1e-7;
  var c0 = vec4<f32>(s, s + 1.0, s + 2.0, s + 3.0);
  var c1 = c0 + 0.1;
  var c2 = c0 + 0.2;
  var c3 = c0 + 0.3;
  var c4 = c0 + 0.4;
  var c5 = c0 + 0.5;
  var c6 = c0 + 0.6;
  var c7 = c0 + 0.7;
  let m = vec4<f32>(p.a);
  let b = vec4<f32>(p.b);
  for (var t = 0u; t < p.iters; t++) {
    c0 = fma(c0, m, b);
    c1 = fma(c1, m, b);
    c2 = fma(c2, m, b);
    c3 = fma(c3, m, b);
    c4 = fma(c4, m, b);
    c5 = fma(c5, m, b);
    c6 = fma(c6, m, b);
    c7 = fma(c7, m, b);
    c0 = fma(c0, m, b);
    c1 = fma(c1, m, b);
    c2 = fma(c2, m, b);
    c3 = fma(c3, m, b);
    c4 = fma(c4, m, b);
    c5 = fma(c5, m, b);
    c6 = fma(c6, m, b);
    c7 = fma(c7, m, b);
    c0 = fma(c0, m, b);
    c1 = fma(c1, m, b);
    c2 = fma(c2, m, b);
    c3 = fma(c3, m, b);
    c4 = fma(c4, m, b);
    c5 = fma(c5, m, b);
    c6 = fma(c6, m, b);
    c7 = fma(c7, m, b);
    c0 = fma(c0, m, b);
    c1 = fma(c1, m, b);
    c2 = fma(c2, m, b);
    c3 = fma(c3, m, b);
    c4 = fma(c4, m, b);
    c5 = fma(c5, m, b);
    c6 = fma(c6, m, b);
    c7 = fma(c7, m, b);
  }
  let r = c0 + c1 + c2 + c3 + c4 + c5 + c6 + c7;
  out[i] = r.x + r.y + r.z + r.w;
}
