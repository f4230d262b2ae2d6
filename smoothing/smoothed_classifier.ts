/**
 * The smoothed classifier g(x) = argmax_c P(f(x + d) = c), d ~ N(0, sigma^2 I), of one base model, for
 * callers that hold one image at a time (the browser page): CERTIFY and PREDICT with progress and
 * cancellation, and the noisy copies the base model classified. Same procedures, sampling and noise as
 * the dataset runs of certify.ts: an image run here with noise stream i gets the votes the command line
 * gives image i of its dataset.
 */
import type { Module } from "../nn/module.ts";
import {
  type Certificate,
  certifyImages,
  type CertifyOptions,
  type ImageRunControl,
  predictImages,
  type Prediction,
  type PredictOptions,
  runOneImage,
} from "./certify.ts";
import { type ExampleOptions, type NoisyExamples, noisyExamples } from "./examples.ts";

export class SmoothedClassifier {
  constructor(
    readonly model: Module,
    /** The base model's input, [C, H, W]. */
    readonly shape: readonly [number, number, number],
    readonly classes: number,
  ) {}

  /** CERTIFY: selection samples [0, n0) of the stream, estimation samples from n0 on. */
  certify(image: Float32Array, o: CertifyOptions, control: ImageRunControl = {}): Promise<Certificate> {
    return runOneImage((images, cb) => certifyImages(this.model, images, o, cb), this.#image(image), control);
  }

  /** PREDICT: samples [0, N) of the stream. */
  predict(image: Float32Array, o: PredictOptions, control: ImageRunControl = {}): Promise<Prediction> {
    return runOneImage((images, cb) => predictImages(this.model, images, o, cb), this.#image(image), control);
  }

  /** Noisy copies of the image and the class each was voted (samples o.first ..). */
  examples(image: Float32Array, o: ExampleOptions): Promise<NoisyExamples> {
    return noisyExamples(this.model, this.#image(image).data, this.shape, o);
  }

  #image(data: Float32Array) {
    const [c, h, w] = this.shape;
    if (data.length !== c * h * w) {
      throw new RangeError(
        `the image holds ${data.length} values; this model takes ${c}x${h}x${w} = ${c * h * w}`,
      );
    }
    return { data, shape: this.shape, classes: this.classes };
  }
}
