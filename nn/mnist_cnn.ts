/**
 * The small MNIST CNN of the fixtures (../shared/fixtures/mnist_cnn/README.md):
 * Sequential(Conv2d(1,32,3,p1), ReLU, Conv2d(32,64,3,s2,p1), ReLU, Conv2d(64,64,3,s2,p1), ReLU,
 * Flatten, Linear(3136,10)); 87,114 parameters, PyTorch default initialisation, no normalisation.
 */
import type { Tensor } from "../engine/mod.ts";
import { InitRng } from "./init.ts";
import {
  Conv2d,
  convReluChain,
  Flatten,
  flattenLinearPacked,
  Linear,
  packedInference,
  ReLU,
} from "./layers.ts";
import { Sequential } from "./module.ts";

/**
 * A Sequential (its state-dict keys are the reference's) whose inference keeps the activations in
 * the convolution kernels' packed layout from the first convolution to the linear layer, which reads
 * them with its weight's columns reordered: no pass repacks or unpacks them.
 */
export class MnistCnn extends Sequential {
  override forward(x: Tensor): Tensor {
    if (!packedInference(this)) return super.forward(x);
    const [c1, , c2, , c3, , , fc] = this.layers;
    return flattenLinearPacked(fc as Linear, convReluChain([c1, c2, c3] as Conv2d[], x));
  }
}

export function mnistCnn(seed = 0): MnistCnn {
  const rng = new InitRng(seed);
  return new MnistCnn([
    new Conv2d(1, 32, 3, rng, { padding: 1 }),
    new ReLU(),
    new Conv2d(32, 64, 3, rng, { stride: 2, padding: 1 }),
    new ReLU(),
    new Conv2d(64, 64, 3, rng, { stride: 2, padding: 1 }),
    new ReLU(),
    new Flatten(),
    new Linear(3136, 10, rng),
  ]);
}
