import { deepStrictEqual as assertEquals, ok as assert, rejects, throws } from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { loadSafetensorsFile } from "../../../nn/checkpoint/safetensors.ts";
import type { ImageDataset } from "../../../nn/data/dataset.ts";
import { type Batch, DataLoader, U8_TO_UNIT } from "../../../nn/data/loader.ts";

const FIXTURES = fileURLToPath(new URL("../../../../shared/fixtures/", import.meta.url));

/** `count` images of [c, h, w] whose bytes are a simple function of (image, position). */
function syntheticDataset(count: number, shape: [number, number, number]): ImageDataset {
  const per = shape[0] * shape[1] * shape[2];
  const images = Uint8Array.from(
    { length: count * per },
    (_, i) => (Math.floor(i / per) * 7 + (i % per) + 1) % 256,
  );
  const labels = Uint8Array.from({ length: count }, (_, i) => i % 10);
  return { images, labels, count, shape };
}

async function collect(it: AsyncIterableIterator<Batch>): Promise<Batch[]> {
  const out: Batch[] = [];
  for await (const b of it) out.push(b);
  return out;
}

Deno.test("u8 -> float32 is float32(u8) / 255 correctly rounded, for all 256 byte values", () => {
  for (let u = 0; u < 256; u++) {
    const f = U8_TO_UNIT[u];
    // f = m * 2^e exactly; it is the nearest float32 to u/255 iff |f*255 - u| <= half an ulp * 255.
    const ulp = u === 0 ? 0 : 2 ** (Math.floor(Math.log2(f)) - 23);
    const err = Math.abs(f * 255 - u); // exact: f has 24 significant bits, 255 has 8
    assert(err <= (ulp / 2) * 255, `u=${u}: ${f} is not the nearest float32 to ${u}/255`);
  }
});

Deno.test("without shuffling, batches match the PyTorch reference inputs bit for bit (MNIST fixture)", async () => {
  const cases = (await loadSafetensorsFile(`${FIXTURES}mnist_cnn/cases.safetensors`)).tensors;
  const u8 = cases.get("input_u8")!;
  const ref = cases.get("input")!;
  const labels = cases.get("labels")!;
  assert(u8.dtype === "U8" && ref.dtype === "F32" && labels.dtype === "I64");
  const ds: ImageDataset = {
    images: u8.data,
    labels: Uint8Array.from(labels.data, Number),
    count: 16,
    shape: [1, 28, 28],
  };
  const [batch] = await collect(new DataLoader(ds, { batchSize: 16 }).epoch(0));
  assertEquals(batch.images, ref.data);
  assertEquals([...batch.labels], [...labels.data].map(Number));
  assertEquals([...batch.indices], Array.from({ length: 16 }, (_, i) => i));
});

Deno.test("batch counts and sizes follow drop_last", async () => {
  const ds = syntheticDataset(10, [1, 2, 2]);
  const keep = await collect(new DataLoader(ds, { batchSize: 4 }).epoch(0));
  assertEquals(keep.map((b) => b.size), [4, 4, 2]);
  assertEquals(keep[2].images.length, 2 * 4);
  // known without preparing the batch (a training run sizes its compile-ahead worker's batch so)
  assertEquals([0, 1, 2].map((i) => new DataLoader(ds, { batchSize: 4 }).batchSizeAt(i)), [4, 4, 2]);
  const drop = new DataLoader(ds, { batchSize: 4, dropLast: true });
  assertEquals(drop.batchesPerEpoch, 2);
  assertEquals((await collect(drop.epoch(0))).map((b) => b.size), [4, 4]);
});

Deno.test("shuffling is a permutation fixed by (seed, epoch), different across epochs and seeds", () => {
  const ds = syntheticDataset(1000, [1, 1, 1]);
  const a = new DataLoader(ds, { batchSize: 100, shuffle: true, seed: 5 });
  const b = new DataLoader(ds, { batchSize: 100, shuffle: true, seed: 5 });
  const o0 = [...a.order(0)];
  assertEquals([...o0].sort((x, y) => x - y), Array.from({ length: 1000 }, (_, i) => i));
  assertEquals([...b.order(0)], o0);
  assert([...a.order(1)].some((v, i) => v !== o0[i]), "epoch 1 reshuffles");
  const c = new DataLoader(ds, { batchSize: 100, shuffle: true, seed: 6 });
  assert([...c.order(0)].some((v, i) => v !== o0[i]), "another seed gives another order");
});

Deno.test("resuming an epoch at batch k reproduces the remaining batches exactly, augmentation included", async () => {
  const ds = syntheticDataset(50, [3, 8, 8]);
  const opts = { batchSize: 8, shuffle: true, seed: 11, augment: "cifar" as const };
  const full = await collect(new DataLoader(ds, opts).epoch(4));
  const resumed = await collect(new DataLoader(ds, opts).epoch(4, { startBatch: 3 }));
  assertEquals(resumed.map((b) => b.index), [3, 4, 5, 6]);
  for (let i = 0; i < resumed.length; i++) {
    assertEquals(resumed[i].images, full[i + 3].images);
    assertEquals(resumed[i].labels, full[i + 3].labels);
  }
  const other = await collect(new DataLoader(ds, opts).epoch(5));
  assert(other.some((b, i) => b.images.some((v, j) => v !== full[i].images[j])), "the next epoch differs");
});

/** Independent reference: zero-pad by 4, crop at (top, left), then mirror. */
function referenceCropFlip(
  img: Uint8Array,
  h: number,
  w: number,
  top: number,
  left: number,
  flip: boolean,
): number[] {
  const ph = h + 8;
  const pw = w + 8;
  const padded = new Array(ph * pw).fill(0);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) padded[(y + 4) * pw + x + 4] = img[y * w + x];
  const out: number[] = [];
  for (let y = 0; y < h; y++) {
    const row = padded.slice((y + top) * pw + left, (y + top) * pw + left + w);
    out.push(...(flip ? row.reverse() : row));
  }
  return out.map((v) => U8_TO_UNIT[v]);
}

Deno.test("CIFAR augmentation is a zero-padded random crop then a random flip, with uniform choices", async () => {
  const h = 6;
  const w = 6;
  const img = Uint8Array.from({ length: h * w }, (_, i) => i + 1);
  const count = 3000;
  const ds: ImageDataset = {
    images: Uint8Array.from({ length: count * h * w }, (_, i) => img[i % (h * w)]),
    labels: new Uint8Array(count),
    count,
    shape: [1, h, w],
  };
  const batches = await collect(new DataLoader(ds, { batchSize: 500, seed: 3, augment: "cifar" }).epoch(0));
  const tops = new Array(9).fill(0);
  const lefts = new Array(9).fill(0);
  let flips = 0;
  const candidates: { top: number; left: number; flip: boolean; out: number[] }[] = [];
  for (let top = 0; top < 9; top++) {
    for (let left = 0; left < 9; left++) {
      for (const flip of [false, true]) {
        candidates.push({ top, left, flip, out: referenceCropFlip(img, h, w, top, left, flip) });
      }
    }
  }
  for (const b of batches) {
    for (let r = 0; r < b.size; r++) {
      const got = [...b.images.subarray(r * h * w, (r + 1) * h * w)];
      const match = candidates.filter((c) => c.out.every((v, i) => v === got[i]));
      assertEquals(match.length, 1, "every augmented image is exactly one crop/flip of the original");
      tops[match[0].top]++;
      lefts[match[0].left]++;
      if (match[0].flip) flips++;
    }
  }
  // 3000 draws over 9 offsets: expected 333 each (sd ~17).
  for (const c of [...tops, ...lefts]) {
    assert(Math.abs(c - count / 9) < 100, `offset counts ${tops} / ${lefts}`);
  }
  assert(Math.abs(flips - count / 2) < 150, `flips ${flips}`);
});

Deno.test("the next batch is prepared while the caller awaits its GPU work", async () => {
  const events: string[] = [];
  class SpyLoader extends DataLoader {
    override batch(epoch: number, index: number): Batch {
      events.push(`prepare ${index}`);
      return super.batch(epoch, index);
    }
  }
  const loader = new SpyLoader(syntheticDataset(12, [1, 2, 2]), { batchSize: 4 });
  for await (const b of loader.epoch(0)) {
    events.push(`got ${b.index}`);
    await new Promise((r) => setTimeout(r, 5)); // stands in for awaiting the GPU
    events.push(`gpu done ${b.index}`);
  }
  assertEquals(events, [
    "prepare 0",
    "got 0",
    "prepare 1",
    "gpu done 0",
    "got 1",
    "prepare 2",
    "gpu done 1",
    "got 2",
    "gpu done 2",
  ]);
});

Deno.test("breaking out of an epoch cancels the batch being prepared (no timer leaks)", async () => {
  const prepared: number[] = [];
  class SpyLoader extends DataLoader {
    override batch(epoch: number, index: number): Batch {
      prepared.push(index);
      return super.batch(epoch, index);
    }
  }
  const loader = new SpyLoader(syntheticDataset(12, [1, 2, 2]), { batchSize: 4 });
  for await (const b of loader.epoch(0)) {
    assertEquals(b.index, 0);
    break;
  }
  await new Promise((r) => setTimeout(r, 5));
  assertEquals(prepared, [0]);
});

Deno.test("an error while preparing a batch reaches the consumer", async () => {
  class Failing extends DataLoader {
    override batch(epoch: number, index: number): Batch {
      if (index === 1) throw new Error("disk on fire");
      return super.batch(epoch, index);
    }
  }
  const seen: number[] = [];
  await rejects(async () => {
    for await (const b of new Failing(syntheticDataset(8, [1, 1, 1]), { batchSize: 4 }).epoch(0)) {
      seen.push(b.index);
    }
  }, /disk on fire/);
  assertEquals(seen, [0]);
});

Deno.test("bad options and out-of-range batches are refused with the value found", () => {
  const ds = syntheticDataset(8, [1, 1, 1]);
  throws(() => new DataLoader(ds, { batchSize: 0 }), /batchSize must be a positive integer, found 0/);
  const loader = new DataLoader(ds, { batchSize: 4 });
  throws(() => loader.epoch(0, { startBatch: 3 }), /startBatch 3 is outside 0..2/);
  throws(() => loader.batch(0, 2), /batch index 2 is outside 0..1/);
  throws(
    () => new DataLoader({ ...ds, count: 9 }, { batchSize: 4 }),
    /DataLoader dataset: 8 image bytes, expected 9 x 1x1x1/,
  );
  throws(
    () => new DataLoader({ ...ds, classes: ["a", "b", "c"] }, { batchSize: 4 }),
    /DataLoader dataset: image 3 has label 3, expected 0-2/,
  );
});
