/**
 * The small MNIST CNN of the fixtures (../shared/fixtures/mnist_cnn/README.md):
 * Sequential(Conv2d(1,32,3,p1), ReLU, Conv2d(32,64,3,s2,p1), ReLU, Conv2d(64,64,3,s2,p1), ReLU,
 * Flatten, Linear(3136,10)); 87,114 parameters, PyTorch default initialisation, no normalisation.
 */
import { InitRng } from "./init.ts";
import { Conv2d, Flatten, Linear, ReLU } from "./layers.ts";
import { Sequential } from "./module.ts";

export function mnistCnn(seed = 0): Sequential {
  const rng = new InitRng(seed);
  return new Sequential([
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
