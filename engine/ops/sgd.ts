/** In-place SGD update with PyTorch `torch.optim.SGD` semantics (no autograd). */
import { engine } from "../runtime.ts";
import type { Tensor } from "../tensor.ts";
import { fmt, grid1d, sameShape } from "./util.ts";

export interface SgdGroup {
  param: Tensor;
  grad: Tensor;
  /** Same shape as param; written on every step when momentum != 0 (its contents are ignored on the first). */
  momentumBuffer: Tensor;
}

export interface SgdOptions {
  lr: number;
  momentum: number;
  weightDecay: number;
  nesterov?: boolean;
  dampening?: number;
  /** PyTorch creates the momentum buffer on the first step as a copy of the (decayed) gradient. */
  firstStep: boolean;
}

const WG = 256;

function checkFinite(name: string, v: number): void {
  if (!Number.isFinite(v)) throw new RangeError(`sgdStep: ${name} must be a finite number, got ${v}`);
}

/**
 * One SGD step for every group, each a single fused pass over its parameter:
 * `d = g + wd * p`; with momentum, `buf = firstStep ? d : momentum * buf + (1 - dampening) * d` and
 * `d = nesterov ? d + momentum * buf : buf`; then `p -= lr * d`. Parameters and buffers are updated in
 * place; nothing is recorded for autograd.
 */
export function sgdStep(groups: readonly SgdGroup[], opts: SgdOptions): void {
  const { lr, momentum, weightDecay } = opts;
  const nesterov = opts.nesterov ?? false;
  const dampening = opts.dampening ?? 0;
  checkFinite("lr", lr);
  checkFinite("momentum", momentum);
  checkFinite("weightDecay", weightDecay);
  checkFinite("dampening", dampening);
  if (lr < 0) throw new RangeError(`sgdStep: lr must be >= 0, got ${lr}`);
  if (momentum < 0) throw new RangeError(`sgdStep: momentum must be >= 0, got ${momentum}`);
  if (weightDecay < 0) throw new RangeError(`sgdStep: weightDecay must be >= 0, got ${weightDecay}`);
  if (nesterov && (momentum <= 0 || dampening !== 0)) {
    throw new RangeError(
      `sgdStep: nesterov momentum requires momentum > 0 and dampening 0, got momentum ${momentum}, dampening ${dampening}`,
    );
  }
  groups.forEach(({ param, grad, momentumBuffer }, k) => {
    const where = `sgdStep: group ${k}`;
    for (const [name, t] of [["param", param], ["grad", grad], ["momentumBuffer", momentumBuffer]] as const) {
      if (t.dtype !== "f32") throw new TypeError(`${where}: ${name} must be f32, got ${t.dtype}`);
    }
    if (!sameShape(grad.shape, param.shape)) {
      throw new RangeError(
        `${where}: grad must have the parameter's shape ${fmt(param.shape)}, got ${fmt(grad.shape)}`,
      );
    }
    if (!sameShape(momentumBuffer.shape, param.shape)) {
      throw new RangeError(
        `${where}: momentumBuffer must have the parameter's shape ${fmt(param.shape)}, got ${
          fmt(momentumBuffer.shape)
        }`,
      );
    }
  });
  const overrides = {
    WG,
    MOMENTUM: momentum !== 0 ? 1 : 0,
    NESTEROV: nesterov ? 1 : 0,
    FIRST: opts.firstStep ? 1 : 0,
  };
  const e = engine();
  for (const { param, grad, momentumBuffer } of groups) {
    if (param.size === 0) continue;
    const g = grid1d(param.size, WG);
    e.run("sgd", "step", {
      bindings: { param, grad, buf: momentumBuffer },
      uniforms: { n: param.size, row: g.row, lr, wd: weightDecay, momentum, dampening, _p0: 0, _p1: 0 },
      workgroups: g.workgroups,
    }, overrides);
  }
}
