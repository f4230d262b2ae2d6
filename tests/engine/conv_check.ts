/**
 * conv2d's three passes on one geometry against the float64 references (tests/engine/references.ts), for
 * the convolution tests. Tolerance (f32, inputs in [-1, 1]): |got - ref| <= 1e-5 * (1 + sqrt(R)) +
 * 1e-5 * |ref| where R is the length of the reduction behind each output (C*KH*KW forward, O*KH*KW for
 * the input gradient, N*OH*OW for the weight gradient).
 */
import { scope, Tensor } from "../../engine/mod.ts";
import { conv2dRaw } from "../../engine/ops/conv.ts";
import { conv2dBackwardInput, conv2dBackwardWeight } from "../../engine/ops/conv_backward.ts";
import { assertClose, randomArray } from "../helpers.ts";
import { type Geo, outSize, refConv, refConvBackward } from "./references.ts";

export function tol(R: number, scale = 1e-5) {
  return { atol: scale * (1 + Math.sqrt(R)), rtol: 1e-5 };
}

/** Forward (with a bias unless `withBias` is false) and both gradients of g against the references. */
export async function checkConv(g: Geo, seed: number, withBias = true): Promise<void> {
  const [OH, OW] = outSize(g);
  const X = randomArray(g.N * g.C * g.H * g.W, seed);
  const Wt = randomArray(g.O * g.C * g.KH * g.KW, seed + 1);
  const B = randomArray(g.O, seed + 2);
  const G = randomArray(g.N * g.O * OH * OW, seed + 3);
  const opts = { stride: g.S, padding: g.P };
  const [y, dx, dw] = scope(() => {
    const x = Tensor.from(X, [g.N, g.C, g.H, g.W]);
    const w = Tensor.from(Wt, [g.O, g.C, g.KH, g.KW]);
    const gy = Tensor.from(G, [g.N, g.O, OH, OW]);
    return [
      conv2dRaw(x, w, withBias ? Tensor.from(B, [g.O]) : null, opts),
      conv2dBackwardInput(gy, w, x.shape, opts),
      conv2dBackwardWeight(gy, x, w.shape, opts),
    ];
  });
  const what = JSON.stringify(g);
  const ref = refConvBackward(G, X, Wt, g);
  assertClose(await y.read(), refConv(X, Wt, withBias ? B : null, g), {
    ...tol(g.C * g.KH * g.KW),
    what: `conv2d forward ${what}`,
  });
  assertClose(await dx.read(), ref.dx, { ...tol(g.O * g.KH * g.KW), what: `conv2d input gradient ${what}` });
  assertClose(await dw.read(), ref.dw, { ...tol(g.N * OH * OW), what: `conv2d weight gradient ${what}` });
  for (const t of [y, dx, dw]) t.dispose();
}
