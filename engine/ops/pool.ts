/** 2-D pooling over [N, C, H, W] f32 tensors (PyTorch semantics), each with its backward rule. */
import { attach, needsGrad } from "../autograd.ts";
import { engine } from "../runtime.ts";
import { Tensor } from "../tensor.ts";
import type { Bindable, TextureBindable } from "../recorder.ts";
import { operandCopies } from "./operand_texture.ts";
import { fmt, grid1d, paddedView } from "./util.ts";

const WG = 256;

interface Geometry {
  H: number;
  W: number;
  Ho: number;
  Wo: number;
  k: number;
  s: number;
  p: number;
}

function checkInput(op: string, x: Tensor): void {
  if (x.dtype !== "f32") throw new TypeError(`${op}: input must be f32, got ${x.dtype}`);
  if (x.rank !== 4) throw new RangeError(`${op}: input must be [N, C, H, W], got ${fmt(x.shape)}`);
}

function checkInt(op: string, name: string, v: number, min: number): void {
  if (!Number.isInteger(v) || v < min) {
    throw new RangeError(`${op}: ${name} must be an integer >= ${min}, got ${v}`);
  }
}

function run(
  entry: string,
  geo: Geometry,
  n: number,
  bindings: Record<string, Bindable | TextureBindable>,
  overrides: Record<string, number> = {},
): void {
  if (n === 0) return;
  const grid = grid1d(n, WG);
  engine().run("pool", entry, {
    bindings,
    uniforms: { n, row: grid.row, ...geo, _p0: 0, _p1: 0, _p2: 0 },
    workgroups: grid.workgroups,
  }, { WG, ...overrides });
}

/** Average pooling with a square window equal to the stride and no padding (floor output size). */
export function avgPool2d(x: Tensor, kernel: number): Tensor {
  const op = "avgPool2d";
  checkInput(op, x);
  checkInt(op, "kernel", kernel, 1);
  const [N, C, H, W] = x.shape;
  const geo: Geometry = {
    H,
    W,
    Ho: Math.floor(H / kernel),
    Wo: Math.floor(W / kernel),
    k: kernel,
    s: kernel,
    p: 0,
  };
  if (geo.Ho < 1 || geo.Wo < 1) {
    throw new RangeError(
      `${op}: kernel ${kernel} is larger than the input plane ${H}x${W} of ${fmt(x.shape)}`,
    );
  }
  const out = Tensor.empty([N, C, geo.Ho, geo.Wo], "f32", op);
  run("avg_fwd", geo, out.size, { x, out });
  return attach(out, op, [x], [], (g) => {
    const dx = Tensor.empty(x.shape, "f32", `${op} dx`);
    // by vec4s, a row per thread, where every vec4 lies in one window (pool.wgsl's avg_bwd4)
    if (W % 4 === 0 && kernel % 4 === 0) run("avg_bwd4", geo, N * C * H, { g, out4: dx });
    else run("avg_bwd", geo, dx.size, { g, out: dx });
    return [dx];
  });
}

/** Mean over each H x W plane: [N, C, H, W] -> [N, C]. */
export function globalAvgPool2d(x: Tensor): Tensor {
  const op = "globalAvgPool2d";
  checkInput(op, x);
  const [N, C, H, W] = x.shape;
  if (H * W === 0) throw new RangeError(`${op}: empty plane in input ${fmt(x.shape)}`);
  const geo: Geometry = { H, W, Ho: 1, Wo: 1, k: 0, s: 0, p: 0 };
  const out = Tensor.empty([N, C], "f32", op);
  run("gap_fwd", geo, out.size, { x, out });
  return attach(out, op, [x], [], (g) => {
    const dx = Tensor.empty(x.shape, "f32", `${op} dx`);
    run("gap_bwd", geo, dx.size, { g, out: dx });
    return [dx];
  });
}

/**
 * Global average pooling of activations in the convolutions' packed layout, data [N, H, W, C4] with
 * C channels in use (engine/ops/conv_inference.ts PackedActivations) -> [N, C]; inference only (no gradient).
 */
export function globalAvgPoolPacked(data: Tensor, C: number): Tensor {
  const op = "globalAvgPoolPacked";
  if (data.dtype !== "f32" || data.rank !== 4 || data.shape[3] !== Math.ceil(C / 4) * 4) {
    throw new RangeError(
      `${op}: input must be packed f32 [N, H, W, ${
        Math.ceil(C / 4) * 4
      }] for ${C} channels, got ${data.dtype} ${fmt(data.shape)}`,
    );
  }
  if (needsGrad(data)) throw new TypeError(`${op}: inference only (no gradient)`);
  const [N, H, W, C4] = data.shape;
  if (H * W === 0) throw new RangeError(`${op}: empty plane in input ${fmt(data.shape)}`);
  const out = Tensor.empty([N, C], "f32", op);
  const geo = { H, W, Ho: C, Wo: 1, k: C4, s: 0, p: 0 };
  if (C % 4 !== 0) {
    run("gap_packed", geo, out.size, { x: data, out });
    return out;
  }
  // by vec4s of 4 channels, from a texture copy on the software adapter (pool.wgsl's gap_packed4)
  const { TX, textures } = operandCopies(true, { xt: data }, "pool");
  run("gap_packed4", geo, out.size / 4, { x4: paddedView(data), out4: paddedView(out), ...textures }, { TX });
  return out;
}

export interface MaxPoolOptions {
  kernel: number;
  /** Defaults to the kernel size. */
  stride?: number;
  /** Implicit -infinity padding on each side; at most kernel / 2 (PyTorch's rule). Default 0. */
  padding?: number;
}

/**
 * Max pooling with a square window, stride and padding, floor output size. The gradient goes to the
 * first maximum of each window in row-major order (ties included), as in PyTorch.
 */
export function maxPool2d(x: Tensor, opts: MaxPoolOptions): Tensor {
  const op = "maxPool2d";
  checkInput(op, x);
  const k = opts.kernel, s = opts.stride ?? opts.kernel, p = opts.padding ?? 0;
  checkInt(op, "kernel", k, 1);
  checkInt(op, "stride", s, 1);
  checkInt(op, "padding", p, 0);
  if (2 * p > k) throw new RangeError(`${op}: padding ${p} must be at most half the kernel size ${k}`);
  const [N, C, H, W] = x.shape;
  const Ho = Math.floor((H + 2 * p - k) / s) + 1, Wo = Math.floor((W + 2 * p - k) / s) + 1;
  if (Ho < 1 || Wo < 1) {
    throw new RangeError(
      `${op}: kernel ${k} with padding ${p} does not fit the input plane ${H}x${W} of ${fmt(x.shape)}`,
    );
  }
  const geo: Geometry = { H, W, Ho, Wo, k, s, p };
  const out = Tensor.empty([N, C, Ho, Wo], "f32", op);
  if (!needsGrad(x)) {
    run("max_fwd", geo, out.size, { x, out });
    return out;
  }
  const idx = Tensor.empty(out.shape, "i32", `${op} argmax`);
  run("max_fwd_idx", geo, out.size, { x, out, idx_out: idx });
  const res = attach(out, op, [x], [idx], (g, [si]) => {
    const dx = Tensor.empty(x.shape, "f32", `${op} dx`);
    run("max_bwd", geo, dx.size, { g, idx: si, out: dx });
    return [dx];
  });
  idx.dispose();
  return res;
}
