/**
 * Memory-bound kernels of training and certification: batchnorm, Gaussian sampling of noisy copies,
 * the fused softmax-average objective of SmoothAdv, and vote counting. Their figures are bytes moved
 * per second (minimal traffic, as stated in bench/plan.ts), compared with the copy bandwidth.
 */
import { batchNorm2d, countVotes, grad, noisyCopies, softmaxAverageLoss, Tensor } from "../engine/mod.ts";
import { fillInPlace } from "../engine/ops/elementwise_kernels.ts";
import type { CaseParams, MeasuredCase, Sample } from "./cases.ts";
import { measureRecorded, randomArray } from "./measure.ts";

type Params<K extends CaseParams["kind"]> = Extract<CaseParams, { kind: K }>;

function labels(n: number, classes: number, seed: number): Tensor {
  const r = randomArray(n, seed, 0, classes);
  return Tensor.from(Int32Array.from(r, Math.floor), [n], "i32");
}

export async function measureBatchNorm(p: Params<"batchnorm">, c: MeasuredCase): Promise<Sample[]> {
  const C = p.channels;
  const shape = [p.batch, C, p.size, p.size];
  const n = p.batch * C * p.size * p.size;
  const x = Tensor.from(randomArray(n, 7), shape);
  const weight = Tensor.from(randomArray(C, 8, 0.5, 1.5), [C]);
  const bias = Tensor.from(randomArray(C, 9), [C]);
  const runMean = Tensor.from(new Float32Array(C), [C]);
  const runVar = Tensor.from(new Float32Array(C).fill(1), [C]);
  const owned = [x, weight, bias, runMean, runVar];
  try {
    if (p.mode === "train-backward") {
      // One recorded forward; every call replays its backward rule (the graph is retained).
      for (const t of [x, weight, bias]) t.requiresGrad = true;
      const y = batchNorm2d(x, weight, bias, runMean, runVar, { training: true });
      const seed = Tensor.from(randomArray(n, 10), shape);
      owned.push(y, seed);
      return await measureRecorded(() => {
        for (const g of grad(y, [x, weight, bias], { seed, retainGraph: true })) g.dispose();
      }, c);
    }
    const training = p.mode === "train-forward";
    return await measureRecorded(
      () => batchNorm2d(x, weight, bias, runMean, runVar, { training }).dispose(),
      c,
    );
  } finally {
    for (const t of owned) t.dispose();
  }
}

export async function measureNoise(p: Params<"noise">, c: MeasuredCase): Promise<Sample[]> {
  const elems = p.shape.reduce((a, b) => a * b, 1);
  const image = Tensor.from(randomArray(elems, 11, 0, 1), p.shape);
  let first = 0;
  try {
    return await measureRecorded(() => {
      // Fresh sample indices every call, as CERTIFY draws them.
      noisyCopies(image, { count: p.count, sigma: p.sigma, seed: 0, stream: 0, firstSample: first })
        .dispose();
      first = (first + p.count) % 2 ** 31;
    }, c);
  } finally {
    image.dispose();
  }
}

export async function measureSoftmaxAverage(
  p: Params<"softmax_average">,
  c: MeasuredCase,
): Promise<Sample[]> {
  const rows = p.images * p.m;
  const logits = Tensor.from(randomArray(rows * p.classes, 12, -4, 4), [rows, p.classes]);
  logits.requiresGrad = true;
  const y = labels(p.images, p.classes, 13);
  try {
    return await measureRecorded(() => {
      const loss = softmaxAverageLoss(logits, y, p.m);
      const [g] = grad(loss, [logits]);
      g.dispose();
      loss.dispose();
    }, c);
  } finally {
    logits.dispose();
    y.dispose();
  }
}

export async function measureVotes(p: Params<"votes">, c: MeasuredCase): Promise<Sample[]> {
  const logits = Tensor.from(randomArray(p.rows * p.classes, 14, -4, 4), [p.rows, p.classes]);
  const counts = Tensor.empty([p.classes], "u32", "vote counts");
  fillInPlace(counts, 0);
  try {
    return await measureRecorded(() => countVotes(logits, counts), c);
  } finally {
    logits.dispose();
    counts.dispose();
  }
}
