import fc from "../fast_check.ts";
import { readTensors, scopeAsync, Tensor } from "../../engine/mod.ts";
import { sgdStep } from "../../engine/ops/sgd.ts";
import { engine } from "../../engine/runtime.ts";
import { assertClose, assertThrows, gpuTest, randomArray } from "../helpers.ts";
import { type Hyper, sgdRef } from "./references.ts";

const hyperArb: fc.Arbitrary<Hyper> = fc.record({
  lr: fc.double({ min: 1e-3, max: 0.5, noNaN: true }),
  momentum: fc.oneof(fc.constant(0), fc.constant(0.9), fc.double({ min: 0.05, max: 0.99, noNaN: true })),
  weightDecay: fc.oneof(fc.constant(0), fc.constant(5e-4), fc.double({ min: 1e-4, max: 0.1, noNaN: true })),
  nesterov: fc.boolean(),
  dampening: fc.oneof(fc.constant(0), fc.double({ min: 0.05, max: 0.5, noNaN: true })),
}).map((h) => ({
  ...h,
  // PyTorch rejects nesterov without momentum or with dampening.
  nesterov: h.nesterov && h.momentum > 0,
  dampening: h.nesterov && h.momentum > 0 ? 0 : h.dampening,
}));

const shapesArb = fc.array(
  fc.oneof(
    fc.tuple(fc.integer({ min: 1, max: 3000 })),
    fc.tuple(
      fc.integer({ min: 1, max: 17 }),
      fc.integer({ min: 1, max: 3 }),
      fc.integer({ min: 1, max: 3 }),
      fc.integer({ min: 1, max: 3 }),
    ),
  ),
  { minLength: 1, maxLength: 3 },
);

gpuTest("sgdStep: several steps match a float64 transcription of torch.optim.SGD", async () => {
  // Tolerance: rtol 1e-5, atol 1e-6 after up to 5 steps (one f32 rounding per operation per step).
  await fc.assert(
    fc.asyncProperty(
      shapesArb,
      hyperArb,
      fc.integer({ min: 1, max: 5 }),
      fc.integer({ min: 1, max: 1e6 }),
      async (shapes, h, steps, seed) => {
        const sizes = shapes.map((s) => s.reduce((a, b) => a * b, 1));
        const p0 = sizes.map((n, k) => randomArray(n, seed + k, -1, 1));
        const b0 = sizes.map((n, k) => randomArray(n, seed + 50 + k, -1, 1));
        const grads = Array.from(
          { length: steps },
          (_, s) => sizes.map((n, k) => randomArray(n, seed + 100 * (s + 1) + k, -2, 2)),
        );
        const [ps, bs] = await scopeAsync(async () => {
          const params = p0.map((v, k) => Tensor.from(v, shapes[k]));
          const bufs = b0.map((v, k) => Tensor.from(v, shapes[k]));
          for (let s = 0; s < steps; s++) {
            const gs = grads[s].map((v, k) => Tensor.from(v, shapes[k]));
            sgdStep(params.map((param, k) => ({ param, grad: gs[k], momentumBuffer: bufs[k] })), {
              ...h,
              firstStep: s === 0,
            });
            for (const g of gs) g.dispose();
          }
          const all = await readTensors([...params, ...bufs]);
          return [all.slice(0, params.length), all.slice(params.length)];
        });
        sizes.forEach((_, k) => {
          const p = Float64Array.from(p0[k]);
          let buf: Float64Array | null = null;
          for (let s = 0; s < steps; s++) buf = sgdRef(p, grads[s][k], buf, h);
          const what = `group ${k} ${JSON.stringify(h)} steps ${steps}`;
          assertClose(ps[k], p, { rtol: 1e-5, atol: 1e-6, what: `param ${what}` });
          // Without momentum PyTorch keeps no buffer: ours must be left exactly as it was.
          assertClose(bs[k], buf ?? b0[k], {
            rtol: buf ? 1e-5 : 0,
            atol: buf ? 1e-6 : 0,
            what: `buffer ${what}`,
          });
        });
      },
    ),
    { numRuns: 40 },
  );
});

gpuTest("sgdStep: one dispatch per parameter tensor, nothing allocated", async () => {
  const n = [10, 300, 7];
  const groups = n.map((k, i) => ({
    param: Tensor.from(randomArray(k, i), [k]),
    grad: Tensor.from(randomArray(k, i + 10), [k]),
    momentumBuffer: Tensor.from(new Float32Array(k), [k]),
  }));
  const live = engine().pool.statistics.liveBytes;
  const before = engine().rec.stats.dispatches;
  sgdStep(groups, { lr: 0.1, momentum: 0.9, weightDecay: 1e-4, nesterov: true, firstStep: true });
  const dispatches = engine().rec.stats.dispatches - before;
  if (dispatches !== 3) throw new Error(`${dispatches} dispatches for 3 parameters`);
  if (engine().pool.statistics.liveBytes !== live) throw new Error("sgdStep allocated GPU memory");
  await groups[0].param.read();
  for (const g of groups) for (const t of Object.values(g)) t.dispose();
});

gpuTest("sgdStep rejects bad hyperparameters and mismatched tensors", () => {
  const t = (shape: number[], dtype: "f32" | "i32" = "f32") => Tensor.empty(shape, dtype);
  const ok = { param: t([3, 2]), grad: t([3, 2]), momentumBuffer: t([3, 2]) };
  const base = { lr: 0.1, momentum: 0.9, weightDecay: 0, firstStep: false };
  assertThrows(
    () => sgdStep([{ ...ok, grad: t([6]) }], base),
    RangeError,
    "sgdStep: group 0: grad must have the parameter's shape [3, 2], got [6]",
  );
  assertThrows(
    () => sgdStep([ok, { ...ok, momentumBuffer: t([2, 3]) }], base),
    RangeError,
    "sgdStep: group 1: momentumBuffer must have the parameter's shape [3, 2], got [2, 3]",
  );
  assertThrows(
    () => sgdStep([{ ...ok, param: t([3, 2], "i32") }], base),
    TypeError,
    "sgdStep: group 0: param must be f32, got i32",
  );
  assertThrows(
    () => sgdStep([ok], { ...base, nesterov: true, dampening: 0.1 }),
    RangeError,
    "nesterov momentum requires momentum > 0 and dampening 0",
  );
  assertThrows(() => sgdStep([ok], { ...base, lr: -1 }), RangeError, "sgdStep: lr must be >= 0, got -1");
  assertThrows(
    () => sgdStep([ok], { ...base, weightDecay: NaN }),
    RangeError,
    "sgdStep: weightDecay must be a finite number",
  );
});
