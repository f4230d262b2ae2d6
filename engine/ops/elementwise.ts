/**
 * Elementwise ops with broadcasting (f32), each a forward dispatch plus its backward rule, written
 * against the kernels of elementwise_kernels.ts and reduce_kernels.ts (which know nothing of autograd).
 */
import { attach } from "../autograd.ts";
import { engine } from "../runtime.ts";
import { type Shape, Tensor } from "../tensor.ts";
import { binaryRaw, unaryRaw } from "./elementwise_kernels.ts";
import { sumTo } from "./reduce_kernels.ts";
import { fmt, sameShape } from "./util.ts";

/** Sum the broadcast gradient back to an input's shape. */
function unbroadcast(g: Tensor, shape: Shape): Tensor {
  return sameShape(g.shape, shape) ? g : sumTo(g, shape);
}

export function add(a: Tensor, b: Tensor): Tensor {
  const out = binaryRaw("add", a, b);
  return attach(out, "add", [a, b], [], (g) => [
    a.requiresGrad ? unbroadcast(g.view(), a.shape) : null,
    b.requiresGrad ? unbroadcast(g.view(), b.shape) : null,
  ]);
}

export function sub(a: Tensor, b: Tensor): Tensor {
  const out = binaryRaw("sub", a, b);
  return attach(out, "sub", [a, b], [], (g) => [
    a.requiresGrad ? unbroadcast(g.view(), a.shape) : null,
    b.requiresGrad ? unbroadcast(unaryRaw("affine", g, -1, 0), b.shape) : null,
  ]);
}

export function mul(a: Tensor, b: Tensor): Tensor {
  const out = binaryRaw("mul", a, b);
  return attach(out, "mul", [a, b], [a, b], (g, [sa, sb]) => [
    a.requiresGrad ? unbroadcast(binaryRaw("mul", g, sb), a.shape) : null,
    b.requiresGrad ? unbroadcast(binaryRaw("mul", g, sa), b.shape) : null,
  ]);
}

export function div(a: Tensor, b: Tensor): Tensor {
  const out = binaryRaw("div", a, b);
  return attach(out, "div", [a, b], [a, b], (g, [sa, sb]) => {
    let ga: Tensor | null = null;
    let gb: Tensor | null = null;
    if (a.requiresGrad) ga = unbroadcast(binaryRaw("div", g, sb), a.shape);
    if (b.requiresGrad) {
      // d(a/b)/db = -a / b^2
      const q = binaryRaw("div", sa, sb);
      const t = binaryRaw("div", q, sb);
      const u = binaryRaw("mul", g, t);
      gb = unbroadcast(unaryRaw("affine", u, -1, 0), b.shape);
      q.dispose();
      t.dispose();
      u.dispose();
    }
    return [ga, gb];
  });
}

/** a * alpha + beta */
export function affine(a: Tensor, alpha: number, beta = 0): Tensor {
  const out = unaryRaw("affine", a, alpha, beta);
  return attach(out, "affine", [a], [], (g) => [unaryRaw("affine", g, alpha, 0)]);
}

export function scale(a: Tensor, alpha: number): Tensor {
  return affine(a, alpha, 0);
}

export function neg(a: Tensor): Tensor {
  return affine(a, -1, 0);
}

export function relu(a: Tensor): Tensor {
  const out = unaryRaw("relu", a);
  return attach(out, "relu", [a], [a], (g, [x]) => [binaryRaw("reluGrad", x, g)]);
}

export function exp(a: Tensor): Tensor {
  const out = unaryRaw("exp", a);
  return attach(out, "exp", [a], [out], (g, [y]) => [binaryRaw("mul", g, y)]);
}

export function log(a: Tensor): Tensor {
  const out = unaryRaw("log", a);
  return attach(out, "log", [a], [a], (g, [x]) => [binaryRaw("div", g, x)]);
}

export function sqrt(a: Tensor): Tensor {
  const out = unaryRaw("sqrt", a);
  return attach(out, "sqrt", [a], [out], (g, [y]) => {
    const t = binaryRaw("div", g, y);
    const r = unaryRaw("affine", t, 0.5, 0);
    t.dispose();
    return [r];
  });
}

export function square(a: Tensor): Tensor {
  const out = unaryRaw("square", a);
  return attach(out, "square", [a], [a], (g, [x]) => {
    const t = binaryRaw("mul", g, x);
    const r = unaryRaw("affine", t, 2, 0);
    t.dispose();
    return [r];
  });
}

/** Clamp to [lo, hi]; the gradient passes where lo <= x <= hi. */
export function clamp(a: Tensor, lo: number, hi: number): Tensor {
  const out = unaryRaw("clamp", a, lo, hi);
  return attach(out, "clamp", [a], [a], (g, [x]) => {
    const m = unaryRaw("inRange", x, lo, hi);
    const r = binaryRaw("mul", g, m);
    m.dispose();
    return [r];
  });
}

export function maximum(a: Tensor, b: Tensor): Tensor {
  const out = binaryRaw("max", a, b);
  return attach(out, "maximum", [a, b], [a, b, out], (g, [sa, sb, y]) => {
    const ma = binaryRaw("eq", sa, y);
    const ga = a.requiresGrad ? unbroadcast(binaryRaw("mul", g, ma), a.shape) : null;
    let gb: Tensor | null = null;
    if (b.requiresGrad) {
      // ties go to a, as the mask of b excludes positions already taken by a
      const mb = binaryRaw("eq", sb, y);
      const both = binaryRaw("mul", ma, mb);
      const only = binaryRaw("sub", mb, both);
      gb = unbroadcast(binaryRaw("mul", g, only), b.shape);
      for (const t of [mb, both, only]) t.dispose();
    }
    ma.dispose();
    return [ga, gb];
  });
}

/** A copy with its own buffer (gradient flows through). */
export function clone(a: Tensor): Tensor {
  const out = Tensor.empty(a.shape, a.dtype, "clone");
  engine().rec.copy(a, out, a.byteLength);
  return attach(out, "clone", [a], [], (g) => [g.view()]);
}

/** Reshape as a view sharing the buffer (gradient reshaped back). */
export function reshape(a: Tensor, shape: Shape): Tensor {
  const resolved = resolveShape(a, shape);
  const out = a.view(resolved);
  return attach(out, "reshape", [a], [], (g) => [g.view(a.shape)]);
}

function resolveShape(a: Tensor, shape: Shape): number[] {
  const s = [...shape];
  const infer = s.indexOf(-1);
  if (infer >= 0) {
    const known = s.reduce((p, d, i) => (i === infer ? p : p * d), 1);
    if (known === 0 || a.size % known !== 0) {
      throw new RangeError(`reshape: cannot reshape ${fmt(a.shape)} to ${fmt(shape)}`);
    }
    s[infer] = a.size / known;
  }
  if (s.reduce((p, d) => p * d, 1) !== a.size) {
    throw new RangeError(`reshape: cannot reshape ${fmt(a.shape)} to ${fmt(shape)}`);
  }
  return s;
}
