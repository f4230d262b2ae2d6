/**
 * Compute-bound kernels: matmul and the convolutions of a CIFAR ResNet (forward, inference forward on
 * packed activations, gradient w.r.t. the input, gradient w.r.t. the weight), each call recorded without a
 * readback (see measure.ts).
 */
import { Tensor } from "../engine/mod.ts";
import { matmul } from "../engine/ops/matmul.ts";
import { conv2dRaw } from "../engine/ops/conv.ts";
import { conv2dBackwardInput, conv2dBackwardWeight } from "../engine/ops/conv_backward.ts";
import { conv2dFusedPacked, packForConv } from "../engine/ops/conv_inference.ts";
import type { CaseParams, MeasuredCase, Sample } from "./cases.ts";
import { measureRecorded, randomArray } from "./measure.ts";

export async function measureMatmul(size: number, c: MeasuredCase): Promise<Sample[]> {
  const a = Tensor.from(randomArray(size * size, 1), [size, size]);
  const b = Tensor.from(randomArray(size * size, 2), [size, size]);
  try {
    return await measureRecorded(() => matmul(a, b).dispose(), c);
  } finally {
    a.dispose();
    b.dispose();
  }
}

export async function measureConv(
  p: Extract<CaseParams, { kind: "conv" }>,
  c: MeasuredCase,
): Promise<Sample[]> {
  const pad = (p.kernel - 1) / 2;
  const out = Math.floor((p.size + 2 * pad - p.kernel) / p.stride) + 1;
  const opts = { stride: p.stride, padding: pad };
  const xShape = [p.batch, p.cin, p.size, p.size];
  const wShape = [p.cout, p.cin, p.kernel, p.kernel];
  const x = Tensor.from(randomArray(p.batch * p.cin * p.size * p.size, 3), xShape);
  const w = Tensor.from(randomArray(p.cout * p.cin * p.kernel * p.kernel, 4), wShape);
  const g = Tensor.from(randomArray(p.batch * p.cout * out * out, 5), [p.batch, p.cout, out, out]);
  const packed = p.pass === "inference" ? packForConv(x) : null;
  const call = p.pass === "fwd"
    ? () => conv2dRaw(x, w, null, opts).dispose()
    : packed
    ? () => conv2dFusedPacked(packed, w, opts).data.dispose()
    : p.pass === "bwd-input"
    ? () => conv2dBackwardInput(g, w, xShape, opts).dispose()
    : () => conv2dBackwardWeight(g, x, wShape, opts).dispose();
  try {
    return await measureRecorded(call, c);
  } finally {
    for (const t of [x, w, g, packed?.data]) t?.dispose();
  }
}
