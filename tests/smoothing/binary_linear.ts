/**
 * A binary linear classifier with a closed-form smoothed probability, for the tests that need a known
 * answer: logits (0, w.x + b), so f(x) = class 1 iff w.x + b > 0 (ties go to the lower index, as the vote
 * kernel does), and under x + N(0, sigma^2 I) class 0 wins with probability Phi(-(w.x + b) / (sigma ||w||)).
 */
import { Tensor } from "../../engine/mod.ts";
import { flatten } from "../../engine/ops/layout.ts";
import { linear } from "../../engine/ops/matmul.ts";
import { Module } from "../../nn/module.ts";

export class BinaryLinear extends Module {
  readonly #weight: Tensor;
  readonly #bias: Tensor;
  constructor(w: readonly number[], b: number) {
    super();
    this.#weight = Tensor.from([...w.map(() => 0), ...w], [2, w.length]).keep();
    this.#bias = Tensor.from([0, b], [2]).keep();
  }
  forward(x: Tensor): Tensor {
    return linear(flatten(x, 1), this.#weight, this.#bias);
  }
  override dispose(): void {
    super.dispose();
    this.#weight.dispose();
    this.#bias.dispose();
  }
}
