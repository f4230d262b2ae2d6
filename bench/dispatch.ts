/**
 * Dispatch overhead and readback latency of the runtime: many tiny dispatches in one pass (the host's
 * recording cost alone, and recording + submission + execution), and the latency of a queue wait or a
 * readback with nothing pending. Part of `deno task bench kernels`; also runs on its own:
 *
 *   deno run -A bench/dispatch.ts [--quick]
 */
import { engine, initEngine, Tensor } from "../engine/mod.ts";
import { grid1d } from "../engine/ops/util.ts";
import type { CaseParams, MeasuredCase, Sample } from "./cases.ts";
import { cpuSeconds } from "./measure.ts";
import { makeFigure } from "./figure.ts";
import { groupPlan } from "./plan.ts";

type DispatchParams = Extract<CaseParams, { kind: "dispatch" }>;

/** Per-call seconds, where one call is `p.count` dispatches or one readback/wait. */
export async function measureDispatch(p: DispatchParams, c: MeasuredCase): Promise<Sample[]> {
  const e = engine();
  const owned: Tensor[] = [];
  const timed = async (fn: () => Promise<void>): Promise<Sample[]> => {
    for (let i = 0; i < c.warmup; i++) await fn();
    const out: Sample[] = [];
    for (let r = 0; r < c.repeats; r++) {
      const t0 = performance.now();
      const c0 = cpuSeconds();
      await fn();
      out.push({ wallS: (performance.now() - t0) / 1000, cpuS: cpuSeconds() - c0 });
    }
    return out;
  };
  try {
    switch (p.probe) {
      case "record":
      case "execute": {
        const x = Tensor.from(new Float32Array(256).fill(1), [256]);
        const ys = [Tensor.empty([256]), Tensor.empty([256])];
        owned.push(x, ...ys);
        const g = grid1d(256);
        const record = () => {
          for (let i = 0; i < p.count; i++) {
            e.run("elementwise", "unary", {
              bindings: { a: i === 0 ? x : ys[(i + 1) % 2], out: ys[i % 2] },
              uniforms: { n: 256, row: g.row, alpha: 1, beta: 1e-3 },
              workgroups: g.workgroups,
            }, { OP: 0 });
          }
        };
        if (p.probe === "execute") {
          return await timed(async () => {
            record();
            await e.rec.finish();
          });
        }
        // Recording alone: the execution that follows is outside the timed span.
        for (let i = 0; i < c.warmup; i++) {
          record();
          await e.rec.finish();
        }
        const out: Sample[] = [];
        for (let r = 0; r < c.repeats; r++) {
          const t0 = performance.now();
          const c0 = cpuSeconds();
          record();
          out.push({ wallS: (performance.now() - t0) / 1000, cpuS: cpuSeconds() - c0 });
          await e.rec.finish();
        }
        return out;
      }
      case "readback-small":
      case "readback-large": {
        const t = Tensor.empty([Math.max(1, p.bytes / 4)], "f32", "readback probe");
        owned.push(t);
        return await timed(async () => void await t.read());
      }
      case "queue-wait":
        return await timed(() => e.gpu.device.queue.onSubmittedWorkDone());
    }
    throw new RangeError(`unknown dispatch probe "${String(p.probe)}"`);
  } finally {
    for (const t of owned) t.dispose();
  }
}

if (import.meta.main) {
  const unknown = Deno.args.filter((a) => a !== "--quick");
  if (unknown.length) {
    console.error(`bench/dispatch.ts: unknown argument(s) ${unknown.join(" ")} (the only flag is --quick)`);
    Deno.exit(2);
  }
  const e = await initEngine();
  console.log(e.gpu.describe());
  for (const c of groupPlan("kernels", Deno.args.includes("--quick"))) {
    if ("derivedFrom" in c || c.params.kind !== "dispatch") continue;
    const f = makeFigure(c, await measureDispatch(c.params, c), null);
    console.log(
      `${f.name.padEnd(52)} ${f.value.median.toFixed(3).padStart(10)} ${f.unit}  (spread ${
        (f.value.spread * 100).toFixed(0)
      }%)`,
    );
  }
}
