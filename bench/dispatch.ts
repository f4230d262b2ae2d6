/**
 * Dispatch overhead and readback latency of the runtime: many tiny dispatches in one pass (recording
 * cost and end-to-end cost per dispatch), and the latency of a readback with nothing pending.
 */
import { engine, initEngine, Tensor } from "../engine/mod.ts";
import { grid1d } from "../engine/ops/util.ts";
import { type Summary, timeIt } from "./stats.ts";

export interface DispatchRow {
  name: string;
  unit: string;
  value: Summary;
}

export async function benchDispatch(quick = false): Promise<DispatchRow[]> {
  const e = engine();
  const rows: DispatchRow[] = [];
  const x = Tensor.from(new Float32Array(256).fill(1), [256]);
  const ys = [Tensor.empty([256]), Tensor.empty([256])];
  const g = grid1d(256);
  const one = (i: number) =>
    e.run("elementwise", "unary", {
      bindings: { a: i === 0 ? x : ys[(i + 1) % 2], out: ys[i % 2] },
      uniforms: { n: 256, row: g.row, alpha: 1, beta: 1e-3 },
      workgroups: g.workgroups,
    }, { OP: 0 });
  for (const n of quick ? [1000] : [100, 1000, 5000]) {
    let recordMs = 0;
    const total = await timeIt(async () => {
      const t0 = performance.now();
      for (let i = 0; i < n; i++) one(i);
      recordMs = performance.now() - t0;
      await e.rec.finish();
    }, quick ? 3 : 5);
    rows.push({
      name: `record ${n} dispatches (one pass)`,
      unit: "us/dispatch",
      value: scale({ ...total, median: recordMs }, 1000 / n),
    });
    rows.push({
      name: `record+submit+execute ${n} dispatches`,
      unit: "us/dispatch",
      value: scale(total, 1000 / n),
    });
  }
  const small = Tensor.from([1], [1]);
  rows.push({
    name: "readback of 4 bytes, nothing pending",
    unit: "ms",
    value: await timeIt(async () => void await small.read(), quick ? 5 : 20),
  });
  rows.push({
    name: "onSubmittedWorkDone, nothing pending",
    unit: "ms",
    value: await timeIt(() => e.gpu.device.queue.onSubmittedWorkDone(), quick ? 5 : 20),
  });
  const big = Tensor.empty([1 << 22]);
  rows.push({
    name: "readback of 16 MiB",
    unit: "ms",
    value: await timeIt(async () => void await big.read(), quick ? 3 : 5),
  });
  for (const t of [x, ...ys, small, big]) t.dispose();
  return rows;
}

function scale(s: Summary, k: number): Summary {
  return { ...s, median: s.median * k, min: s.min * k, max: s.max * k };
}

if (import.meta.main) {
  const e = await initEngine();
  console.log(e.gpu.describe());
  for (const r of await benchDispatch(Deno.args.includes("--quick"))) {
    console.log(
      `${r.name.padEnd(44)} ${r.value.median.toFixed(3).padStart(10)} ${r.unit}  (spread ${
        (r.value.spread * 100).toFixed(0)
      }%)`,
    );
  }
}
