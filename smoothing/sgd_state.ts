/**
 * SGD's momentum buffers and step count for a model's parameters, and what a training step reports (its
 * loss and correct count, kept on the GPU until read).
 */
import { sgdStep, type Tensor } from "../engine/mod.ts";
import { full } from "../engine/ops/elementwise_kernels.ts";
import type { Module } from "../nn/module.ts";
import type { TrainConfig } from "./train_config.ts";

/** Momentum buffers and step count of SGD, keyed like the parameters. */
export class SgdState {
  readonly buffers: Map<string, Tensor>;
  steps: number;

  constructor(model: Module, buffers?: Map<string, Tensor>, steps = 0) {
    this.buffers = buffers ?? new Map(model.namedParameters().map(([k, p]) => [k, full(p.shape, 0).keep()]));
    this.steps = steps;
  }

  step(model: Module, c: TrainConfig, lr: number): void {
    const groups = model.namedParameters().map(([k, p]) => {
      if (!p.grad) throw new Error(`parameter ${k} has no gradient: is it used in the forward pass?`);
      return { param: p, grad: p.grad, momentumBuffer: this.buffers.get(k)! };
    });
    sgdStep(groups, { lr, momentum: c.momentum, weightDecay: c.weightDecay, firstStep: this.steps === 0 });
    for (const g of groups) {
      g.grad.dispose();
      g.param.grad = null;
    }
    this.steps++;
  }

  dispose(): void {
    for (const t of this.buffers.values()) t.dispose();
  }
}

export interface StepStats {
  /** Mean loss over `rows` rows and the number of correct rows, kept on the GPU until read. */
  loss: Tensor;
  correct: Tensor;
  rows: number;
}
