/**
 * One convolution's passes through the engine as calls that record their work (and release their output),
 * for the bench/jit probes that time them: x [N, C, H, H], w [O, C, K, K], padding (K - 1) / 2, stride S.
 * fwd is training's NCHW forward as the benchmark calls it; fwd-held the Winograd forward on x's held
 * texture (no copy; only where Winograd takes the layer); inference the packed forward.
 */
import { Tensor } from "../../engine/mod.ts";
import { conv2dRaw } from "../../engine/ops/conv.ts";
import { conv2dBackwardInput, conv2dBackwardWeight } from "../../engine/ops/conv_backward.ts";
import { winogradNchwForward } from "../../engine/ops/conv_forward.ts";
import { convGeometry } from "../../engine/ops/conv_geometry.ts";
import { conv2dFusedPacked, packForConv } from "../../engine/ops/conv_inference.ts";
import { randomArray } from "../measure.ts";

export const CONV_PASSES = ["fwd", "fwd-held", "inference", "bwd-input", "bwd-weight"] as const;
export type ConvPass = typeof CONV_PASSES[number];

export interface ConvCalls {
  calls: Record<ConvPass, () => void>;
  /** The direct convolution's FLOPs, 2 N O OH OW C K K. */
  flops: number;
}

export function convCalls(C: number, O: number, H: number, S: number, K: number, N: number): ConvCalls {
  const opts = { stride: S, padding: (K - 1) / 2 };
  const OH = Math.floor((H + 2 * opts.padding - K) / S) + 1;
  const xShape = [N, C, H, H], wShape = [O, C, K, K];
  const x = Tensor.from(randomArray(N * C * H * H, 3), xShape).keep();
  const w = Tensor.from(randomArray(O * C * K * K, 4), wShape).keep();
  const gy = Tensor.from(randomArray(N * O * OH * OH, 5), [N, O, OH, OH]).keep();
  const g = convGeometry("conv_calls", xShape, wShape, opts);
  let packed: ReturnType<typeof packForConv> | null = null;
  return {
    calls: {
      fwd: () => conv2dRaw(x, w, null, opts).dispose(),
      "fwd-held": () => {
        const y = winogradNchwForward(x, w, null, g, undefined, true);
        if (!y) throw new Error("fwd-held: Winograd does not take this layer");
        y.dispose();
      },
      inference: () => {
        if (!packed) (packed = packForConv(x)).data.keep();
        conv2dFusedPacked(packed, w, opts).data.dispose();
      },
      "bwd-input": () => conv2dBackwardInput(gy, w, xShape, opts).dispose(),
      "bwd-weight": () => conv2dBackwardWeight(gy, x, wShape, opts).dispose(),
    },
    flops: 2 * N * O * OH * OH * C * K * K,
  };
}
