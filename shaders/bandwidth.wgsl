// A copy kernel for measuring the adapter's memory bandwidth (the roofline's memory ceiling): every
// invocation copies PER vec4s, spaced one grid apart so that neighbouring invocations touch
// neighbouring vectors in every trip (coalesced on GPUs, contiguous SIMD lanes on lavapipe). On lavapipe
// vec4 copies with PER = 4 ran fastest (about 4.5 GB/s against 2.5 for f32 copies, WG 256).

override WG: u32 = 256u;
override PER: u32 = 4u;

struct Copy {
  n: u32,       // vec4s to copy
  row: u32,     // invocations per grid row
  stride: u32,  // invocations in the whole grid: the distance between one invocation's vectors
  _pad: u32,
}

@group(0) @binding(0) var<uniform> p: Copy;
@group(0) @binding(1) var<storage, read> src: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read_write> dst: array<vec4<f32>>;

@compute @workgroup_size(WG)
fn copy(@builtin(global_invocation_id) gid: vec3<u32>) {
  var i = gid.x + gid.y * p.row;
  for (var t = 0u; t < PER; t++) {
    if (i < p.n) { dst[i] = src[i]; }
    i += p.stride;
  }
}

