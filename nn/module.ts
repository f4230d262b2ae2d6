/**
 * A small module system in the PyTorch mould: parameters and buffers with dotted names, train/eval
 * modes, and state dicts whose keys are exactly those of the reference PyTorch models.
 */
import { readTensors, Tensor } from "../engine/mod.ts";
import { CheckpointError, type HostTensor } from "./checkpoint/host_tensor.ts";

/** A non-tensor buffer kept on the host (BatchNorm's num_batches_tracked is an int64 scalar). */
export interface HostScalar {
  value: number;
}

export type StateDict = Map<string, HostTensor>;

export abstract class Module {
  training = true;
  private readonly ownParams = new Map<string, Tensor>();
  private readonly ownBuffers = new Map<string, Tensor>();
  private readonly ownCounters = new Map<string, HostScalar>();
  private readonly ownChildren = new Map<string, Module>();

  abstract forward(x: Tensor): Tensor;

  /**
   * `next.forward(this.forward(x))` in one step where a layer can fuse its successor (a convolution and
   * the ReLU after it, at inference); null where it cannot.
   */
  forwardFused(_next: Module, _x: Tensor): Tensor | null {
    return null;
  }

  /**
   * `this.forward(x * scale[c] + shift[c])` where the module can fold that per-channel map of its input
   * (a normalisation in front of it) into its own first pass, at inference; null where it cannot.
   */
  forwardAffineInput(_x: Tensor, _scale: readonly number[], _shift: readonly number[]): Tensor | null {
    return null;
  }

  protected param(name: string, t: Tensor): Tensor {
    t.requiresGrad = true;
    t.keep();
    this.ownParams.set(name, t);
    return t;
  }

  protected buffer(name: string, t: Tensor): Tensor {
    t.keep();
    this.ownBuffers.set(name, t);
    return t;
  }

  /** An int64 scalar buffer (saved as a 0-d I64 tensor). */
  protected counter(name: string, value = 0): HostScalar {
    const c = { value };
    this.ownCounters.set(name, c);
    return c;
  }

  protected child<M extends Module>(name: string, m: M): M {
    this.ownChildren.set(name, m);
    return m;
  }

  /** The current tensor of an own parameter (loading replaces tensors, so never cache them). */
  protected getParam(name: string): Tensor {
    const t = this.ownParams.get(name);
    if (!t) throw new Error(`${this.constructor.name} has no parameter ${name}`);
    return t;
  }

  protected getBuffer(name: string): Tensor {
    const t = this.ownBuffers.get(name);
    if (!t) throw new Error(`${this.constructor.name} has no buffer ${name}`);
    return t;
  }

  /** Replace a parameter or buffer tensor (used by loading); shape and dtype must match. */
  private replace(map: Map<string, Tensor>, name: string, t: Tensor): void {
    const old = map.get(name)!;
    t.requiresGrad = old.requiresGrad;
    t.keep();
    old.dispose();
    map.set(name, t);
  }

  children(): IterableIterator<[string, Module]> {
    return this.ownChildren.entries();
  }

  /** Every module in the tree, depth first, with its dotted prefix ("" for the root). */
  modules(prefix = ""): [string, Module][] {
    const out: [string, Module][] = [];
    const stack: [string, Module][] = [[prefix, this]];
    while (stack.length) {
      const [p, m] = stack.pop()!;
      out.push([p, m]);
      const kids = [...m.ownChildren.entries()].reverse();
      for (const [n, c] of kids) stack.push([p ? `${p}.${n}` : n, c]);
    }
    return out;
  }

  namedParameters(): [string, Tensor][] {
    const out: [string, Tensor][] = [];
    for (const [p, m] of this.modules()) for (const [n, t] of m.ownParams) out.push([p ? `${p}.${n}` : n, t]);
    return out;
  }

  parameters(): Tensor[] {
    return this.namedParameters().map(([, t]) => t);
  }

  namedBuffers(): [string, Tensor][] {
    const out: [string, Tensor][] = [];
    for (const [p, m] of this.modules()) {
      for (const [n, t] of m.ownBuffers) out.push([p ? `${p}.${n}` : n, t]);
    }
    return out;
  }

  parameterCount(): number {
    return this.parameters().reduce((s, t) => s + t.size, 0);
  }

  train(mode = true): this {
    for (const [, m] of this.modules()) m.training = mode;
    return this;
  }

  eval(): this {
    return this.train(false);
  }

  /** State-dict keys in PyTorch's order: per module, parameters, then buffers, then counters. */
  stateKeys(): string[] {
    const keys: string[] = [];
    for (const [p, m] of this.modules()) {
      const pre = p ? `${p}.` : "";
      for (const n of m.ownParams.keys()) keys.push(pre + n);
      for (const n of m.ownBuffers.keys()) keys.push(pre + n);
      for (const n of m.ownCounters.keys()) keys.push(pre + n);
    }
    return keys;
  }

  private entries(): { key: string; owner: Module; name: string; kind: "param" | "buffer" | "counter" }[] {
    const out: { key: string; owner: Module; name: string; kind: "param" | "buffer" | "counter" }[] = [];
    for (const [p, m] of this.modules()) {
      const pre = p ? `${p}.` : "";
      for (const n of m.ownParams.keys()) out.push({ key: pre + n, owner: m, name: n, kind: "param" });
      for (const n of m.ownBuffers.keys()) out.push({ key: pre + n, owner: m, name: n, kind: "buffer" });
      for (const n of m.ownCounters.keys()) out.push({ key: pre + n, owner: m, name: n, kind: "counter" });
    }
    return out;
  }

  /** Read every parameter and buffer back (one submission). */
  async stateDict(): Promise<StateDict> {
    const ents = this.entries();
    const tensors = ents.filter((e) => e.kind !== "counter").map((e) =>
      (e.kind === "param" ? e.owner.ownParams : e.owner.ownBuffers).get(e.name)!
    );
    const values = await readTensors(tensors);
    const out: StateDict = new Map();
    let k = 0;
    for (const e of ents) {
      if (e.kind === "counter") {
        out.set(e.key, {
          dtype: "I64",
          shape: [],
          data: BigInt64Array.of(BigInt(e.owner.ownCounters.get(e.name)!.value)),
        });
      } else {
        const t = tensors[k];
        const v = values[k++];
        out.set(e.key, { dtype: "F32", shape: [...t.shape], data: Float32Array.from(v) });
      }
    }
    return out;
  }

  /**
   * Load a state dict. Strict: every missing, unexpected or mis-shaped key is named in one error.
   * Weights must be finite.
   */
  loadStateDict(sd: StateDict, source = "state dict"): void {
    const ents = this.entries();
    const problems: string[] = [];
    const known = new Set(ents.map((e) => e.key));
    const missing = ents.filter((e) => !sd.has(e.key)).map((e) => e.key);
    const unexpected = [...sd.keys()].filter((k) => !known.has(k));
    if (missing.length) problems.push(`missing keys: ${missing.join(", ")}`);
    if (unexpected.length) problems.push(`unexpected keys: ${unexpected.join(", ")}`);
    for (const e of ents) {
      const h = sd.get(e.key);
      if (!h) continue;
      if (e.kind === "counter") {
        if (h.dtype !== "I64" || h.data.length !== 1) {
          problems.push(`${e.key}: expected an int64 scalar, found ${h.dtype} [${h.shape.join(", ")}]`);
        }
        continue;
      }
      const t = (e.kind === "param" ? e.owner.ownParams : e.owner.ownBuffers).get(e.name)!;
      if (h.shape.length !== t.shape.length || h.shape.some((d, i) => d !== t.shape[i])) {
        problems.push(
          `${e.key}: shape [${h.shape.join(", ")}] in the file, the model expects [${t.shape.join(", ")}]`,
        );
      } else if (h.dtype !== "F32" && h.dtype !== "F64") {
        problems.push(`${e.key}: dtype ${h.dtype}, expected a floating-point tensor`);
      } else {
        let bad = 0;
        for (const v of h.data) if (!Number.isFinite(v)) bad++;
        if (bad) problems.push(`${e.key}: ${bad} non-finite value(s) (NaN or Inf)`);
      }
    }
    if (problems.length) {
      throw new CheckpointError(`${source} does not fit the model:\n  ${problems.join("\n  ")}`);
    }
    for (const e of ents) {
      const h = sd.get(e.key)!;
      if (e.kind === "counter") {
        e.owner.ownCounters.get(e.name)!.value = Number((h.data as BigInt64Array)[0]);
        continue;
      }
      const map = e.kind === "param" ? e.owner.ownParams : e.owner.ownBuffers;
      const old = map.get(e.name)!;
      const data = h.dtype === "F32" ? h.data : Float32Array.from(h.data as Float64Array);
      e.owner.replace(map, e.name, Tensor.from(data, old.shape, "f32", e.key));
    }
  }

  /** Free every parameter and buffer. */
  dispose(): void {
    for (const [, m] of this.modules()) {
      for (const t of m.ownParams.values()) {
        t.grad?.dispose();
        t.dispose();
      }
      for (const t of m.ownBuffers.values()) t.dispose();
      m.disposeExtra();
    }
  }

  /** Hook for modules holding tensors outside params/buffers (caches). */
  protected disposeExtra(): void {}
}

/** Children applied in order; child names are "0", "1", ... as in torch.nn.Sequential. */
export class Sequential extends Module {
  readonly layers: Module[];
  constructor(layers: Module[]) {
    super();
    this.layers = layers;
    layers.forEach((l, i) => this.child(String(i), l));
  }

  forward(x: Tensor): Tensor {
    let y = x;
    const ls = this.layers;
    for (let i = 0; i < ls.length; i++) {
      const fused = i + 1 < ls.length ? ls[i].forwardFused(ls[i + 1], y) : null;
      if (fused) {
        y = fused;
        i++;
      } else y = ls[i].forward(y);
    }
    return y;
  }
}

/** A named wrapper, e.g. DataParallel's `module.` prefix in ImageNet checkpoints. */
export class Wrapper extends Module {
  constructor(name: string, readonly inner: Module) {
    super();
    this.child(name, inner);
  }

  forward(x: Tensor): Tensor {
    return this.inner.forward(x);
  }
}
