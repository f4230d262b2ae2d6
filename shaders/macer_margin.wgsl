// MACER's robustness term (Zhai et al., "MACER: Attack-free and Scalable Robust Training via Maximizing
// Certified Radius", ICLR 2020) for each row of p [R, C], the soft smoothed probabilities of one image:
// with p0 >= p1 the two largest entries of the row, at classes c0 and c1 (ties: the lower class first),
//   d    = PhiInv(p1) - PhiInv(p0)                    (minus twice the certified radius over sigma)
//   term = d + gamma   when c0 == label, 0 < p1, p0 < 1 and |d| <= gamma (the hinge)
//   term = 0           otherwise: the reference drops those images from the sum
// and its gradient, which reaches p only at c0 and c1:
//   d term / d p[c0] = -sqrt(2 pi) exp(PhiInv(p0)^2 / 2),  d term / d p[c1] = sqrt(2 pi) exp(PhiInv(p1)^2 / 2).
// The reference drops an image whose difference is NaN or infinite (p1 = 0 or p0 = 1); here such rows
// fail `0 < p1 && p0 < 1` before any quantile is taken, so no infinity is ever computed (WGSL lets a
// compiler assume there are none). A label outside [0, C) never equals c0: its row contributes 0.

override WG: u32 = 64u;

const SQRT_2PI: f32 = 2.5066282746310002;

struct Fwd {
  rows: u32,
  classes: u32,
  row: u32,       // threads per grid row
  gamma: f32,
}

struct Bwd {
  n: u32,         // R * C
  classes: u32,
  row: u32,
  _p0: u32,
}

@group(0) @binding(0) var<uniform> pf: Fwd;
@group(0) @binding(1) var<storage, read> probs: array<f32>;
@group(0) @binding(2) var<storage, read> labels: array<i32>;
@group(0) @binding(3) var<storage, read_write> term: array<f32>;
@group(0) @binding(4) var<storage, read_write> sel: array<u32>;     // per row: c0, c1 (0xffffffff: dropped)
@group(0) @binding(5) var<storage, read_write> slope: array<f32>;   // per row: d term / d p[c0], d p[c1]
@group(0) @binding(6) var<uniform> pg: Bwd;
@group(0) @binding(7) var<storage, read> saved_sel: array<u32>;
@group(0) @binding(8) var<storage, read> saved_slope: array<f32>;
@group(0) @binding(9) var<storage, read> gout: array<f32>;
@group(0) @binding(10) var<storage, read_write> grad: array<f32>;

// PhiInv(p) for 0 < p < 1: Wichura's AS241 PPND7 (Applied Statistics 37, 1988), about 7 significant
// digits, which is what f32 holds. The tails use min(p, 1 - p); 1 - p is exact in f32 for p >= 1/2.
fn probit(p: f32) -> f32 {
  let q = p - 0.5;
  if (abs(q) <= 0.425) {
    let r = 0.180625 - q * q;
    return q * (((59.10937472 * r + 159.29113202) * r + 50.434271938) * r + 3.3871327179) /
      (((67.1875636 * r + 78.757757664) * r + 17.895169469) * r + 1.0);
  }
  var r = sqrt(-log(select(1.0 - p, p, q < 0.0)));
  var x: f32;
  if (r <= 5.0) {
    r = r - 1.6;
    x = (((0.17023821103 * r + 1.3067284816) * r + 2.75681539) * r + 1.4234372777) /
      ((0.12021132975 * r + 0.7370016425) * r + 1.0);
  } else {
    r = r - 5.0;
    x = (((0.017337203997 * r + 0.42868294337) * r + 3.081226386) * r + 6.657905115) /
      ((0.012258202635 * r + 0.24197894225) * r + 1.0);
  }
  return select(x, -x, q < 0.0);
}

// One thread per row.
@compute @workgroup_size(WG)
fn forward(@builtin(global_invocation_id) gid: vec3<u32>) {
  let r = gid.x + gid.y * pf.row;
  if (r >= pf.rows) { return; }
  let base = r * pf.classes;
  var c0 = 0u;
  var p0 = probs[base];
  for (var c = 1u; c < pf.classes; c++) {
    let v = probs[base + c];
    if (v > p0) {
      p0 = v;
      c0 = c;
    }
  }
  var c1 = select(0u, 1u, c0 == 0u);
  var p1 = probs[base + c1];
  for (var c = c1 + 1u; c < pf.classes; c++) {
    let v = probs[base + c];
    if (c != c0 && v > p1) {
      p1 = v;
      c1 = c;
    }
  }
  var t = 0.0;
  var s0 = 0.0;
  var s1 = 0.0;
  var kept = false;
  if (labels[r] == i32(c0) && p1 > 0.0 && p0 < 1.0) {
    let x0 = probit(p0);
    let x1 = probit(p1);
    let d = x1 - x0;
    if (abs(d) <= pf.gamma) {
      kept = true;
      t = d + pf.gamma;
      s0 = -SQRT_2PI * exp(0.5 * x0 * x0);
      s1 = SQRT_2PI * exp(0.5 * x1 * x1);
    }
  }
  term[r] = t;
  sel[2u * r] = select(0xffffffffu, c0, kept);
  sel[2u * r + 1u] = select(0xffffffffu, c1, kept);
  slope[2u * r] = s0;
  slope[2u * r + 1u] = s1;
}

// One thread per probability: the upstream gradient of its row times the slope at c0 or c1.
@compute @workgroup_size(WG)
fn backward(@builtin(global_invocation_id) gid: vec3<u32>) {
  let t = gid.x + gid.y * pg.row;
  if (t >= pg.n) { return; }
  let r = t / pg.classes;
  let c = t - r * pg.classes;
  let w = select(0.0, saved_slope[2u * r], c == saved_sel[2u * r]) +
    select(0.0, saved_slope[2u * r + 1u], c == saved_sel[2u * r + 1u]);
  grad[t] = gout[r] * w;
}
