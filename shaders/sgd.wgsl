// In-place SGD step with PyTorch `torch.optim.SGD` semantics, one pass per parameter tensor:
//   d = g + wd * p
//   if momentum: buf = first ? d : momentum * buf + (1 - dampening) * d
//                d = nesterov ? d + momentum * buf : buf
//   p -= lr * d
// The branch structure is fixed per pipeline through override constants; the numbers are uniforms.

override WG: u32 = 256u;
override MOMENTUM: u32 = 1u;   // 0: plain SGD, the buffer is neither read nor written
override NESTEROV: u32 = 0u;
override FIRST: u32 = 0u;      // 1: the buffer is initialised with d (PyTorch's first step)

struct Sgd {
  n: u32,
  row: u32,
  lr: f32,
  wd: f32,
  momentum: f32,
  dampening: f32,
  _p0: u32,
  _p1: u32,
}

@group(0) @binding(0) var<uniform> ps: Sgd;
@group(0) @binding(1) var<storage, read_write> param: array<f32>;
@group(0) @binding(2) var<storage, read> grad: array<f32>;
@group(0) @binding(3) var<storage, read_write> buf: array<f32>;

@compute @workgroup_size(WG)
fn step(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i = gid.x + gid.y * ps.row;
  if (i >= ps.n) { return; }
  let p = param[i];
  var d = grad[i] + ps.wd * p;
  if (MOMENTUM == 1u) {
    var b = d;
    if (FIRST == 0u) {
      b = ps.momentum * buf[i] + (1.0 - ps.dampening) * d;
    }
    buf[i] = b;
    if (NESTEROV == 1u) {
      d = d + ps.momentum * b;
    } else {
      d = b;
    }
  }
  param[i] = p - ps.lr * d;
}
