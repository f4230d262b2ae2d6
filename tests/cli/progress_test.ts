/** The progress line: content, redraw throttling on a terminal, plain lines elsewhere. */
import assert from "node:assert/strict";
import { formatDuration, formatRate, Progress } from "../../cli/progress.ts";

function fakeClock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

Deno.test("the line shows done/total, percentage, rate, elapsed and ETA", () => {
  const clock = fakeClock();
  const written: string[] = [];
  const p = new Progress({
    total: 500,
    label: "certify",
    rateUnit: "samples",
    write: (t) => written.push(t),
    interactive: false,
    now: clock.now,
  });
  clock.advance(30_000);
  p.update(10, 10 * 100_100);
  // 10 images in 30 s: 490 left take 1470 s; 1,001,000 samples / 30 s.
  assert.equal(
    p.line(),
    "certify  [------------------------]   10/500    2.0%  33,367 samples/s  elapsed 0:00:30  ETA 0:24:30",
  );
  const itemRate = new Progress({ total: 4, write: () => {}, interactive: false, now: clock.now });
  clock.advance(2000);
  itemRate.update(4);
  assert.equal(
    itemRate.line(),
    "[########################]  4/4  100.0%  2.0 items/s  elapsed 0:00:02  ETA 0:00:00",
  );
});

Deno.test("a resumed run counts only its own items for the rate and the ETA", () => {
  const clock = fakeClock();
  const p = new Progress({ total: 100, initial: 50, write: () => {}, interactive: false, now: clock.now });
  clock.advance(10_000);
  p.update(60);
  assert.match(p.line(), / 60\/100 +60\.0% +1\.0 items\/s +elapsed 0:00:10 +ETA 0:00:40$/);
  // before any item of its own (a training epoch's line starts after its first batch): rate unknown
  const fresh = new Progress({ total: 64, initial: 64, rateUnit: "images", write: () => {}, now: clock.now });
  clock.advance(1000);
  fresh.update(64, 0);
  assert.match(fresh.line(), / 64\/64 +100\.0% +- images\/s +elapsed 0:00:01 +ETA --:--:--$/);
});

Deno.test("on a terminal it redraws in place at most every 200 ms and ends the line on finish", () => {
  const clock = fakeClock();
  const written: string[] = [];
  const p = new Progress({ total: 1000, write: (t) => written.push(t), interactive: true, now: clock.now });
  for (let i = 1; i <= 100; i++) {
    clock.advance(10);
    p.tick();
  }
  // Ticks every 10 ms for 1 s: drawn at the first (10 ms), then at 210, 410, 610 and 810 ms.
  assert.equal(written.length, 5);
  assert.ok(written.every((w) => w.startsWith("\r") && w.endsWith("\x1b[K")));
  p.finish();
  p.finish();
  assert.equal(written.at(-1), "\n");
  assert.equal(written.length, 7);
});

Deno.test("off a terminal it prints plain lines at the slower interval, and the final state", () => {
  const clock = fakeClock();
  const written: string[] = [];
  const p = new Progress({
    total: 50,
    write: (t) => written.push(t),
    interactive: false,
    lineMs: 10_000,
    now: clock.now,
  });
  for (let i = 1; i <= 50; i++) {
    clock.advance(1000);
    p.tick();
  }
  p.finish();
  // Lines at 1 s, 11 s, 21 s, 31 s, 41 s, and the final one; no carriage returns.
  assert.equal(written.length, 6);
  assert.ok(written.every((w) => w.endsWith("\n") && !w.includes("\r")));
  assert.match(written.at(-1)!, /50\/50 +100\.0%/);
});

Deno.test("durations and rates are formatted compactly, unknowns as placeholders", () => {
  assert.equal(formatDuration(3725.9), "1:02:05");
  assert.equal(formatDuration(NaN), "--:--:--");
  assert.equal(formatRate(123456.7), "123,457");
  assert.equal(formatRate(12.345), "12.3");
  assert.equal(formatRate(0.0712), "0.071");
  assert.throws(() => new Progress({ total: -1 }), /progress total must be an integer >= 0, got -1/);
});
