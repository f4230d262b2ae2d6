// Data movement without arithmetic: strided copies (permute, slice, concat, repeat-interleave, and the
// zero-padding gather behind slice's backward pass) and a tiled batched transpose.
//
// The strided copy walks an index box `shape` (rank <= 8); box coordinate c maps to source word
// sbase + sum(c * sstride) and destination dbase + sum(c * dstride). An optional window on one box
// axis (waxis < rank) turns it into a padding gather: coordinates outside [wlo, whi) write zero, the
// others read the source at c - wlo along that axis.
//
// 32-bit elements (f32, i32, u32) move as u32 words. 16-bit elements (f16) share words, so copy16
// assembles each destination word with atomicOr into a zero-filled buffer: two threads may own the
// two halves of one word. It needs no shader-f16 support, only the bits.

override WG: u32 = 256u;
override TILE: u32 = 16u;

struct Copy {
  n: u32,          // box elements
  rank: u32,
  row: u32,        // threads per grid row
  sbase: u32,
  dbase: u32,
  waxis: u32,      // >= rank: no window
  wlo: u32,
  whi: u32,
  shape: array<vec4<u32>, 2>,
  sstride: array<vec4<u32>, 2>,
  dstride: array<vec4<u32>, 2>,
}

@group(0) @binding(0) var<uniform> pc: Copy;
@group(0) @binding(1) var<storage, read> src: array<u32>;
@group(0) @binding(2) var<storage, read_write> dst: array<u32>;
@group(0) @binding(3) var<storage, read_write> dst16: array<atomic<u32>>;

fn dim(v: array<vec4<u32>, 2>, d: u32) -> u32 {
  return v[d / 4u][d % 4u];
}

struct Where {
  s: u32,
  d: u32,
  inside: bool,
}

fn locate(i: u32) -> Where {
  var rem = i;
  var w = Where(pc.sbase, pc.dbase, true);
  for (var d = i32(pc.rank) - 1; d >= 0; d--) {
    let ud = u32(d);
    let n = dim(pc.shape, ud);
    var c = rem % n;
    rem = rem / n;
    w.d += c * dim(pc.dstride, ud);
    if (ud == pc.waxis) {
      if (c < pc.wlo || c >= pc.whi) {
        w.inside = false;
      }
      c -= pc.wlo;   // wraps when outside; the source offset is then never used
    }
    w.s += c * dim(pc.sstride, ud);
  }
  return w;
}

@compute @workgroup_size(WG)
fn copy32(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i = gid.x + gid.y * pc.row;
  if (i >= pc.n) { return; }
  let w = locate(i);
  var v = 0u;
  if (w.inside) { v = src[w.s]; }
  dst[w.d] = v;
}

@compute @workgroup_size(WG)
fn copy16(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i = gid.x + gid.y * pc.row;
  if (i >= pc.n) { return; }
  let w = locate(i);
  if (!w.inside) { return; }   // the destination was zero-filled
  let half = (src[w.s >> 1u] >> ((w.s & 1u) * 16u)) & 0xffffu;
  atomicOr(&dst16[w.d >> 1u], half << ((w.d & 1u) * 16u));
}

// ---- tiled transpose: [B, R, C] -> [B, C, R] for 32-bit elements ----------------------------------
// Reads and writes both run along rows through a workgroup tile, instead of one of them striding
// by R or C through memory. The tile row has one extra word to avoid bank conflicts.

struct Transpose {
  B: u32,
  R: u32,
  C: u32,
  _p0: u32,
}

@group(0) @binding(4) var<uniform> pt: Transpose;

var<workgroup> tile: array<u32, TILE * (TILE + 1u)>;

@compute @workgroup_size(TILE, TILE)
fn transpose32(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>) {
  let base = wid.z * pt.R * pt.C;
  let r0 = wid.y * TILE;
  let c0 = wid.x * TILE;
  let r = r0 + lid.y;
  let c = c0 + lid.x;
  if (r < pt.R && c < pt.C) {
    tile[lid.y * (TILE + 1u) + lid.x] = src[base + r * pt.C + c];
  }
  workgroupBarrier();
  let oc = c0 + lid.y;
  let orow = r0 + lid.x;
  if (oc < pt.C && orow < pt.R) {
    dst[base + oc * pt.R + orow] = tile[lid.x * (TILE + 1u) + lid.y];
  }
}
