/**
 * One image under increasing noise, as the reference's visualize.py draws it: a single standard
 * normal draw z, reused for every level, and clamp(x + sd * z, 0, 1) per level (clamped for display
 * only; smoothing itself never clamps). z is sample 0 of the image's certification noise stream
 * (stream = its dataset index, RNG domain "noise") divided by sigma, so the picture at sd = sigma is
 * the first noisy copy CERTIFY classifies for that image with that seed.
 */
import { add, affine, clamp, gaussianNoise, noGrad, readTensors, scope, Tensor } from "../engine/mod.ts";
import { ParameterError } from "../nn/parameter_error.ts";

/** The reference's file name: `{idx}_{int(noise_sd * 100)}.png` (Python's int truncates: 0.29 -> 28). */
export function noisyImageName(idx: number, noiseSd: number): string {
  return `${idx}_${Math.trunc(noiseSd * 100)}.png`;
}

/** clamp(image + sd * z, 0, 1) for each sd, z drawn once from (seed, stream `idx`, sample 0). */
export async function noisyImages(
  image: Float32Array,
  shape: readonly [number, number, number],
  noiseSds: readonly number[],
  o: { seed: number; idx: number },
): Promise<Float32Array[]> {
  for (const sd of noiseSds) {
    if (!(sd >= 0) || !Number.isFinite(sd)) {
      throw new ParameterError((p) => `${p("noiseSds")} must be finite numbers >= 0, got ${sd}`);
    }
  }
  const images = scope(() =>
    noGrad(() => {
      const x = Tensor.from(image, [1, ...shape]);
      const z = gaussianNoise([1, ...shape], { sigma: 1, seed: o.seed, stream: o.idx });
      return noiseSds.map((sd) => clamp(add(x, affine(z, sd)), 0, 1));
    })
  );
  const data = await readTensors(images);
  for (const t of images) t.dispose();
  return data.map((d) => Float32Array.from(d));
}
