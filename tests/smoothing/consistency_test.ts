/**
 * Consistency regularisation's loss (consistency.ts) on a small network, logits = x W^T + b for m noisy
 * copies per image: value and gradients with respect to W and b against central differences of the
 * float64 reference (consistency.py's 'default' loss plus the cross-entropy over all rows).
 */
import { Tensor } from "../../engine/mod.ts";
import { linear } from "../../engine/ops/matmul.ts";
import { CONSISTENCY_DEFAULTS, consistencyLoss } from "../../smoothing/consistency.ts";
import { checkGradients } from "../engine/gradcheck.ts";
import { gpuTest, randomArray } from "../helpers.ts";
import { consistencyLossRef, linearRef } from "./train_losses_reference.ts";

const B = 3, C = 4, D = 5;

gpuTest(
  "Consistency's loss on a linear network: value and gradients match float64 finite differences",
  async () => {
    const labels = [2, 0, 3];
    for (
      const [m, o] of [[2, CONSISTENCY_DEFAULTS], [3, { lbd: 20, eta: 0.1 }], [
        1,
        CONSISTENCY_DEFAULTS,
      ]] as const
    ) {
      const x = randomArray(B * m * D, 21 + m, -1, 1);
      const w = randomArray(C * D, 22, -0.8, 0.8);
      const b = randomArray(C, 23, -0.3, 0.3);
      const rowLabels = Int32Array.from({ length: B * m }, (_, r) => labels[Math.floor(r / m)]);
      await checkGradients({
        what: `Consistency loss, m = ${m}`,
        inputs: [{ shape: [C, D], data: w }, { shape: [C], data: b }],
        gpu: ([tw, tb]) =>
          consistencyLoss(
            linear(Tensor.from(x, [B * m, D]), tw, tb),
            Tensor.from(rowLabels, [B * m], "i32"),
            m,
            o,
          ),
        cpu: ([rw, rb]) => consistencyLossRef(linearRef(x, B * m, rw, rb), labels, m, o),
      });
    }
  },
);
