/**
 * The noisy copies the base classifier saw, for display: samples first .. first + count - 1 of an
 * image's noise stream, each with the class it voted for. They are the very inputs of CERTIFY and
 * PREDICT (`noisyCopies` draws the same noise as the sampler's `noisyRows` for the same seed, stream
 * and sample), so a page can show what the votes were cast on.
 */
import { argmax, noGrad, noisyCopies, readTensors, scopeAsync, Tensor } from "../engine/mod.ts";
import type { Module } from "../nn/module.ts";

export interface ExampleOptions {
  sigma: number;
  seed: number;
  /** The image's noise stream (its index in its dataset). */
  stream: number;
  /** First sample index (CERTIFY's estimation samples start at n0). */
  first: number;
  count: number;
}

export interface NoisyExamples {
  /** `count` images, [C, H, W] each, one after another (values may leave [0, 1]). */
  images: Float32Array;
  /** The class each copy was classified as. */
  votes: Int32Array;
}

export function noisyExamples(
  model: Module,
  image: Float32Array,
  shape: readonly [number, number, number],
  o: ExampleOptions,
): Promise<NoisyExamples> {
  return scopeAsync(async () => {
    model.eval();
    const copies = noisyCopies(Tensor.from(image, shape, "f32", "example image"), {
      sigma: o.sigma,
      seed: o.seed,
      stream: o.stream,
      firstSample: o.first,
      count: o.count,
    });
    // noisyCopies drops a leading 1 of the image's shape, which is the channel of a gray image
    const votes = noGrad(() => argmax(model.forward(copies.view([o.count, ...shape]))));
    const [images, classes] = await readTensors([copies, votes]);
    return { images: Float32Array.from(images), votes: Int32Array.from(classes) };
  });
}
