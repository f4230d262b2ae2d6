/** Labels held on the host as one-hot rows on the GPU: how the training losses pick a class's probability. */
import { Tensor } from "../engine/mod.ts";

/** f32 [n, classes] with a 1 at each row's label; a label outside [0, classes) is an error naming it. */
export function oneHot(labels: ArrayLike<number>, classes: number): Tensor {
  const out = new Float32Array(labels.length * classes);
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i];
    if (!Number.isInteger(y) || y < 0 || y >= classes) {
      throw new RangeError(`label ${y} of row ${i} is outside the ${classes} classes`);
    }
    out[i * classes + y] = 1;
  }
  return Tensor.from(out, [labels.length, classes], "f32", "one-hot labels");
}
