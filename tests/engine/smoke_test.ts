import { add, backward, mul, relu, scope, sum, Tensor } from "../../engine/mod.ts";
import { assertClose, gpuTest } from "../helpers.ts";

gpuTest("smoke: add/mul/relu/sum and backward", async () => {
  const a = Tensor.from([1, -2, 3, -4], [2, 2]);
  a.requiresGrad = true;
  const b = Tensor.from([10, 20], [2]);
  const y = scope(() => sum(relu(mul(add(a, b), a))));
  assertClose(await y.read(), [11 * 1 + 0 + 39 + 0 * 16]);
  backward(y);
  // d/da relu((a+b)a) = (2a + b) where (a+b)a > 0
  assertClose(await a.grad!.read(), [12, 0, 16, 0]);
});
