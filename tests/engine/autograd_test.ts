/** The autodiff tape: reverse topological order, accumulation, no-grad, gradients w.r.t. inputs. */
import assert from "node:assert/strict";
import { add, affine, backward, grad, mul, noGrad, relu, scope, sum, Tensor } from "../../engine/mod.ts";
import { attach } from "../../engine/autograd.ts";
import { assertClose, gpuTest, randomArray } from "../helpers.ts";

gpuTest("a 3000-op chain backpropagates without recursion (no stack overflow)", async () => {
  const x = Tensor.from([0.5], [1]);
  x.requiresGrad = true;
  const y = scope(() => {
    let t = x;
    for (let i = 0; i < 3000; i++) t = affine(t, 1.0001, 0.001);
    return sum(t);
  });
  backward(y);
  assertClose(await x.grad!.read(), [1.0001 ** 3000], { rtol: 1e-4 });
  x.grad!.dispose();
  x.dispose();
  y.dispose();
});

gpuTest("diamond graph: both paths contribute (d/dx relu(x)*x + x*x)", async () => {
  const data = [-1.5, 0.5, 2];
  const x = Tensor.from(data, [3]);
  x.requiresGrad = true;
  const y = scope(() => {
    const r = relu(x);
    return sum(add(mul(r, x), mul(x, x)));
  });
  backward(y);
  const expected = data.map((v) => (v > 0 ? 2 * v : 0) + 2 * v);
  assertClose(await x.grad!.read(), expected);
  x.grad!.dispose();
  x.dispose();
  y.dispose();
});

gpuTest("backward accumulates into .grad across calls, like PyTorch", async () => {
  const x = Tensor.from([1, 2], [2]);
  x.requiresGrad = true;
  for (let i = 0; i < 3; i++) {
    const y = scope(() => sum(mul(x, x)));
    backward(y);
    y.dispose();
  }
  assertClose(await x.grad!.read(), [6, 12]);
  x.grad!.dispose();
  x.dispose();
});

gpuTest("no-grad mode records nothing", () => {
  const x = Tensor.from([1, 2], [2]);
  x.requiresGrad = true;
  const y = noGrad(() => mul(x, x));
  assert.equal(y.requiresGrad, false);
  assert.equal(y.gradFn, null);
  assert.throws(() => backward(y), /does not require a gradient/);
  x.dispose();
  y.dispose();
});

gpuTest("grad() returns input gradients without touching .grad (attacks need d loss / d input)", async () => {
  const w = Tensor.from(randomArray(6, 1), [6]);
  w.requiresGrad = true;
  const d = Tensor.from([0, 0, 0, 0, 0, 0], [6]);
  d.requiresGrad = true;
  const [gd] = scope(() => grad(sum(mul(add(d, w), w)), [d]));
  assertClose(await gd.read(), await w.read());
  assert.equal(w.grad, null);
  assert.equal(d.grad, null);
  for (const t of [w, d, gd]) t.dispose();
});

gpuTest("running backward twice through a freed graph is an error", () => {
  const x = Tensor.from([1], [1]);
  x.requiresGrad = true;
  const y = mul(x, x);
  const s = sum(y);
  backward(s);
  assert.throws(() => backward(s), /a second time/);
  for (const t of [x, x.grad!, y, s]) t.dispose();
});

/**
 * y = 3x with a rule that, offered x's gradient already summed from its other uses, takes it and returns
 * 3 gy plus it (as a convolution's input gradient adds it in its epilogue), or with `refuse` never takes.
 */
function tripling(x: Tensor, seen: (Tensor | null)[], mode: "fold" | "refuse" | "drop"): Tensor {
  const y = noGrad(() => affine(x, 3, 0));
  return attach(y, "tripling", [x], [], (gy, _saved, pending) => {
    seen.push(pending.peek(0));
    const own = affine(gy, 3, 0);
    if (mode === "refuse") return [own];
    const other = pending.take(0);
    if (mode === "drop") return [null];
    return [other ? add(own, other) : own];
  });
}

gpuTest(
  "a rule may fold an input's gradient summed so far into its own: the same total, no second sum",
  async () => {
    const data = [0.5, -1, 2];
    for (const mode of ["fold", "refuse"] as const) {
      const x0 = Tensor.from(data, [3]);
      x0.requiresGrad = true;
      const seen: (Tensor | null)[] = [];
      const loss = scope(() => {
        const x = affine(x0, 2, 0); // a node, so its gradient is summed across its uses
        // x used twice: by the tripling op and directly (the identity shortcut of a residual block)
        return sum(mul(add(tripling(x, seen, mode), x), Tensor.from([1, 2, 3], [3])));
      });
      backward(loss);
      // d/dx0 of sum(w * (3x + x)) with x = 2 x0: 8 w
      assertClose(await x0.grad!.read(), [8, 16, 24], { what: mode });
      // the shortcut's gradient arrives first (the add's node runs before the tripling one), so it is offered
      assert.equal(seen.length, 1);
      assert.ok(seen[0] !== null, `${mode}: the shortcut's gradient was offered`);
      x0.grad!.dispose();
      x0.dispose();
      loss.dispose();
    }
    // A rule that takes a gradient must return the total.
    const x0 = Tensor.from(data, [3]);
    x0.requiresGrad = true;
    const loss = scope(() => {
      const x = affine(x0, 2, 0);
      return sum(add(tripling(x, [], "drop"), x));
    });
    assert.throws(() => backward(loss), /took input 0's gradient and returned none/);
    x0.dispose();
    loss.dispose();
  },
);
