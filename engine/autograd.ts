/**
 * Reverse-mode automatic differentiation. Each differentiable op attaches a node to its output: the
 * inputs, the tensors saved for backward (own references), and a backward rule. `backward` and `grad`
 * sort the graph with an explicit stack (no recursion), run the rules in reverse topological order,
 * accumulate gradients of tensors used several times, and free each node's saved tensors once used.
 */
import { type GradFnLike, registerNode, Tensor } from "./tensor.ts";
// The raw kernels, not the differentiable ops (which import this module): gradient sums need no graph.
import { binaryRaw, zeros } from "./ops/elementwise_kernels.ts";

export type BackwardRule = (
  gradOut: Tensor,
  saved: readonly Tensor[],
  pending: PendingGrads,
) => readonly (Tensor | null)[];

/**
 * The gradients already summed for a node's inputs when its rule runs (an input used twice, such as a
 * residual block's input, gets one from each use). A rule that can add one into the gradient it computes at
 * no extra pass (a convolution's input gradient, in its kernel's epilogue) takes it and returns the total:
 * the separate addition, and the operand copies it reads, are saved.
 */
export class PendingGrads {
  readonly #sums: readonly (Tensor | null)[];
  readonly #flows: readonly boolean[];
  readonly #taken = new Set<number>();

  constructor(sums: readonly (Tensor | null)[], flows: readonly boolean[] = []) {
    this.#sums = sums;
    this.#flows = flows;
  }

  /**
   * Whether input i's gradient goes on to the rule of the node that made the input (false for a leaf and
   * for a tensor whose gradient `grad` returns to its caller): only then may a rule hand over a gradient
   * already carried through that node's first step (a ReLU's mask, engine/ops/conv_frozen.ts).
   */
  flows(i: number): boolean {
    return this.#flows[i] ?? false;
  }

  /** Input i's gradient summed so far, or null; still owned by the backward pass. */
  peek(i: number): Tensor | null {
    return this.#sums[i] ?? null;
  }

  /** peek(i), which the rule then adds into its gradient for input i (the backward pass frees it). */
  take(i: number): Tensor | null {
    const t = this.peek(i);
    if (t) this.#taken.add(i);
    return t;
  }

  taken(i: number): boolean {
    return this.#taken.has(i);
  }
}

const NO_PENDING = new PendingGrads([]);

class GradNode implements GradFnLike {
  released = false;
  private saved: Tensor[];

  constructor(
    readonly name: string,
    readonly inputs: readonly (Tensor | null)[],
    saved: readonly Tensor[],
    private rule: BackwardRule | null,
  ) {
    this.saved = saved.map((t) => t.view().keep());
  }

  run(gradOut: Tensor, pending: PendingGrads = NO_PENDING): readonly (Tensor | null)[] {
    if (this.released || !this.rule) {
      throw new Error(`backward through "${this.name}" a second time (its saved tensors were freed)`);
    }
    const grads = this.rule(gradOut, this.saved, pending);
    if (grads.length !== this.inputs.length) {
      throw new Error(
        `backward rule of "${this.name}" returned ${grads.length} gradients for ${this.inputs.length} inputs`,
      );
    }
    return grads;
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    for (const t of this.saved) t.dispose();
    this.saved = [];
    this.rule = null;
  }
}

let gradEnabled = true;

export function isGradEnabled(): boolean {
  return gradEnabled;
}

/** Run `fn` without recording any graph (inference, optimizer updates, attacks' bookkeeping). */
export function noGrad<T>(fn: () => T): T {
  const prev = gradEnabled;
  gradEnabled = false;
  try {
    return fn();
  } finally {
    gradEnabled = prev;
  }
}

/** Whether an op on these inputs must record a node. */
export function needsGrad(...inputs: readonly (Tensor | null | undefined)[]): boolean {
  if (!gradEnabled) return false;
  for (const t of inputs) if (t?.requiresGrad) return true;
  return false;
}

/**
 * Attach a backward rule to `output` if any input requires a gradient. `saved` are the tensors the
 * rule reads; they are retained until the node has run (or its graph is dropped by a scope).
 */
export function attach(
  output: Tensor,
  name: string,
  inputs: readonly (Tensor | null)[],
  saved: readonly Tensor[],
  rule: BackwardRule,
): Tensor {
  if (!needsGrad(...inputs)) return output;
  const node = new GradNode(name, inputs, saved, rule);
  output.gradFn = node;
  output.requiresGrad = true;
  registerNode(node);
  return output;
}

/** Nodes reachable from `root`, in topological order (inputs before the nodes that use them). */
function topoOrder(root: GradNode): GradNode[] {
  const order: GradNode[] = [];
  const state = new Map<GradNode, 1 | 2>();
  const stack: [GradNode, number][] = [[root, 0]];
  state.set(root, 1);
  while (stack.length) {
    const top = stack[stack.length - 1];
    const [node, i] = top;
    if (i < node.inputs.length) {
      top[1]++;
      const next = node.inputs[i]?.gradFn as GradNode | null | undefined;
      if (next && !state.has(next)) {
        state.set(next, 1);
        stack.push([next, 0]);
      }
    } else {
      stack.pop();
      state.set(node, 2);
      order.push(node);
    }
  }
  return order;
}

function accumulate<K>(map: Map<K, Tensor>, key: K, g: Tensor): void {
  const prev = map.get(key);
  if (!prev) map.set(key, g);
  else {
    map.set(key, binaryRaw("add", prev, g));
    prev.dispose();
    g.dispose();
  }
}

interface RunResult {
  leafGrads: Map<Tensor, Tensor>;
}

function runBackward(
  root: Tensor,
  seed: Tensor | undefined,
  targets: Set<Tensor> | null,
  retain: boolean,
): RunResult {
  if (!root.requiresGrad) {
    throw new Error("backward: the tensor does not require a gradient (no graph recorded)");
  }
  const leafGrads = new Map<Tensor, Tensor>();
  const rootNode = root.gradFn as GradNode | null;
  const g0 = seed ?? onesLike(root);
  if (!rootNode) {
    leafGrads.set(root, g0);
    return { leafGrads };
  }
  const order = topoOrder(rootNode);
  const nodeGrads = new Map<GradNode, Tensor>([[rootNode, g0]]);
  noGrad(() => {
    for (let k = order.length - 1; k >= 0; k--) {
      const node = order[k];
      const g = nodeGrads.get(node);
      nodeGrads.delete(node);
      if (!g) {
        if (!retain) node.release();
        continue;
      }
      const keys = node.inputs.map((inp) =>
        inp?.gradFn && inp.requiresGrad && !(targets?.has(inp)) ? inp.gradFn as GradNode : null
      );
      const pending = pendingOf(keys, nodeGrads);
      const grads = node.run(g, pending);
      if (g !== seed) g.dispose();
      if (!retain) node.release();
      for (let i = 0; i < node.inputs.length; i++) {
        const inp = node.inputs[i];
        const gi = grads[i];
        if (pending.taken(i)) {
          // gi already holds the sum it took
          if (!gi) {
            throw new Error(`backward rule of "${node.name}" took input ${i}'s gradient and returned none`);
          }
          pending.peek(i)!.dispose();
          nodeGrads.set(keys[i]!, gi);
          continue;
        }
        if (!gi) continue;
        if (!inp || !inp.requiresGrad) {
          gi.dispose();
          continue;
        }
        if (inp.gradFn && !(targets?.has(inp))) accumulate(nodeGrads, inp.gradFn as GradNode, gi);
        else if (!targets || targets.has(inp)) accumulate(leafGrads, inp, gi);
        else gi.dispose();
      }
    }
  });
  for (const g of nodeGrads.values()) g.dispose();
  return { leafGrads };
}

/**
 * The gradients summed so far for the nodes `keys` (a node's inputs' nodes; null for a leaf or a target),
 * offered only for an input the node lists once: a rule folding one into its gradient for one position
 * would otherwise leave the other's share counted twice.
 */
function pendingOf(keys: readonly (GradNode | null)[], nodeGrads: Map<GradNode, Tensor>): PendingGrads {
  const once = (k: GradNode) => keys.indexOf(k) === keys.lastIndexOf(k);
  return new PendingGrads(
    keys.map((k) => (k && once(k) ? nodeGrads.get(k) ?? null : null)),
    keys.map((k) => k !== null),
  );
}

function onesLike(t: Tensor): Tensor {
  if (t.size !== 1) {
    throw new Error(`backward from a non-scalar [${t.shape.join(", ")}] needs an explicit gradient`);
  }
  return Tensor.from([1], t.shape, t.dtype, "grad seed");
}

/**
 * Backpropagate from `root` (a scalar unless `seed` is given) and add the gradients into `.grad` of every
 * leaf tensor that requires one. Leaf gradients live until replaced or disposed (they escape scopes).
 */
export function backward(root: Tensor, seed?: Tensor, opts: { retainGraph?: boolean } = {}): void {
  const { leafGrads } = runBackward(root, seed, null, opts.retainGraph ?? false);
  for (const [leaf, g] of leafGrads) {
    if (leaf.grad) {
      const sum = binaryRaw("add", leaf.grad!, g);
      leaf.grad.dispose();
      g.dispose();
      leaf.grad = sum.keep();
    } else leaf.grad = g.keep();
  }
}

/**
 * Gradients of `root` with respect to `wrt` (any tensors in its graph, leaves or not), returned
 * instead of stored. A tensor the root does not depend on gets a gradient of zeros.
 */
export function grad(
  root: Tensor,
  wrt: readonly Tensor[],
  opts: { seed?: Tensor; retainGraph?: boolean } = {},
): Tensor[] {
  const targets = new Set(wrt);
  const { leafGrads } = runBackward(root, opts.seed, targets, opts.retainGraph ?? false);
  return wrt.map((t) => leafGrads.get(t) ?? zeros(t.shape, t.dtype));
}
