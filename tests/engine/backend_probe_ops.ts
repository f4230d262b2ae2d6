/** The ops the backend probe runs. */
import { Tensor } from "../../engine/mod.ts";
import { matmul } from "../../engine/ops/matmul.ts";
import { conv2dRaw } from "../../engine/ops/conv.ts";
import { conv2dBackwardInput, conv2dBackwardWeight } from "../../engine/ops/conv_backward.ts";
export { exp, initEngine, mean, mul, readTensors, scope, sum, Tensor } from "../../engine/mod.ts";

function values(n: number, phase: number): Float32Array {
  return new Float32Array(n).map((_, i) => Math.sin(i * 0.37 + phase));
}

/**
 * A matmul, and a 3x3 convolution with both gradients: on the CPU adapters (lavapipe, llvmpipe's GL)
 * the convolution reads its weights, packed activations and output gradient from textures, so both
 * backends' texture copies and fetches are compared.
 */
export function kernelProbe(): Tensor[] {
  const a = Tensor.from(values(33 * 17, 1), [33, 17]);
  const b = Tensor.from(values(17 * 9, 2), [17, 9]);
  // 8 -> 16 channels: enough multiply-adds per texel that every pass copies its operand into a texture.
  const x = Tensor.from(values(2 * 8 * 8 * 8, 3), [2, 8, 8, 8]);
  const w = Tensor.from(values(16 * 8 * 9, 4), [16, 8, 3, 3]);
  const gy = Tensor.from(values(2 * 16 * 8 * 8, 5), [2, 16, 8, 8]);
  const opts = { padding: 1 };
  return [
    matmul(a, b),
    conv2dRaw(x, w, Tensor.from(values(16, 6), [16]), opts),
    conv2dBackwardInput(gy, w, x.shape, opts),
    conv2dBackwardWeight(gy, x, w.shape, opts),
  ];
}
