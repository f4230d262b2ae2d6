/** Our side of every case: the measurement function for each `kind` of bench/cases.ts. */
import type { MeasuredCase, Profile, Sample } from "./cases.ts";
import { measureCertifyImage, measureCertifyRate, measureTimeToCertificate } from "./certify.ts";
import { measureCompile } from "./compile.ts";
import { measureDispatch } from "./dispatch.ts";
import { measureConv, measureMatmul } from "./kernels_matmul_conv.ts";
import { measureBatchNorm, measureNoise, measureSoftmaxAverage, measureVotes } from "./kernels_memory.ts";
import { measureCopy, measurePeakFma } from "./roofline.ts";
import { measureTrainGaussian, measureTrainSmoothAdv } from "./train.ts";

/** Per-call timings of one case; certification cases add their kernel profile to `profiles`. */
export function measureOurs(c: MeasuredCase, profiles: Profile[]): Promise<Sample[]> {
  const p = c.params;
  switch (p.kind) {
    case "peak_fma":
      return measurePeakFma(p.threads, p.iters, c);
    case "copy":
      return measureCopy(p.bytes, c);
    case "matmul":
      return measureMatmul(p.size, c);
    case "conv":
      return measureConv(p, c);
    case "batchnorm":
      return measureBatchNorm(p, c);
    case "noise":
      return measureNoise(p, c);
    case "softmax_average":
      return measureSoftmaxAverage(p, c);
    case "votes":
      return measureVotes(p, c);
    case "dispatch":
      return measureDispatch(p, c);
    case "certify_rate":
      return measureCertifyRate(p, c, profiles);
    case "certify_image":
      return measureCertifyImage(p, c);
    case "time_to_certificate":
      return measureTimeToCertificate(p, c);
    case "compile":
      return measureCompile(p, c);
    case "train_gaussian":
      return measureTrainGaussian(p, c);
    case "train_smoothadv":
      return measureTrainSmoothAdv(p, c);
  }
}
