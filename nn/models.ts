/** Model registry: architecture names as in the reference code, with their input normalisation. */
import {
  CIFAR10_MEAN,
  CIFAR10_STD,
  IMAGENET_MEAN,
  IMAGENET_STD,
  Normalize,
  type NormalizeMode,
} from "./layers.ts";
import { type Module, Sequential, Wrapper } from "./module.ts";
import { ParameterError } from "./parameter_error.ts";
import { CifarResNet } from "./resnet.ts";
import { ResNet50 } from "./resnet50.ts";
import { mnistCnn } from "./mnist_cnn.ts";

export const ARCHS = [
  "mnist_cnn",
  "cifar_resnet20",
  "cifar_resnet56",
  "cifar_resnet110",
  "imagenet_resnet50",
] as const;
export type Arch = typeof ARCHS[number];

export interface ArchInfo {
  dataset: "mnist" | "cifar10" | "imagenet";
  inputShape: [number, number, number];
  classes: number;
  /** The normalisation the reference code's checkpoints of this family expect by default. */
  defaultNormalize: NormalizeMode;
}

export const ARCH_INFO: Record<Arch, ArchInfo> = {
  mnist_cnn: { dataset: "mnist", inputShape: [1, 28, 28], classes: 10, defaultNormalize: "none" },
  cifar_resnet20: { dataset: "cifar10", inputShape: [3, 32, 32], classes: 10, defaultNormalize: "full" },
  cifar_resnet56: { dataset: "cifar10", inputShape: [3, 32, 32], classes: 10, defaultNormalize: "full" },
  cifar_resnet110: { dataset: "cifar10", inputShape: [3, 32, 32], classes: 10, defaultNormalize: "full" },
  imagenet_resnet50: {
    dataset: "imagenet",
    inputShape: [3, 224, 224],
    classes: 1000,
    defaultNormalize: "full",
  },
};

/** The architecture each dataset's models have when nothing else says. */
export const DEFAULT_ARCH: Record<ArchInfo["dataset"], Arch> = {
  mnist: "mnist_cnn",
  cifar10: "cifar_resnet110",
  imagenet: "imagenet_resnet50",
};

export function parseArch(name: string): Arch {
  const aliases: Record<string, Arch> = {
    resnet50: "imagenet_resnet50",
    resnet110: "cifar_resnet110",
    resnet20: "cifar_resnet20",
  };
  const a = aliases[name] ?? name;
  if (!(ARCHS as readonly string[]).includes(a)) {
    throw new RangeError(`unknown architecture "${name}" (expected one of: ${ARCHS.join(", ")})`);
  }
  return a as Arch;
}

/**
 * Build a model whose state-dict keys match the reference checkpoints: CIFAR models are
 * Sequential(normalize, net) ("1.conv1.weight"), ImageNet adds DataParallel's "module." ("1.module.conv1.weight"),
 * the MNIST CNN is the bare Sequential of the fixtures ("0.weight").
 */
export function buildModel(arch: Arch, opts: { normalize?: NormalizeMode; seed?: number } = {}): Module {
  const info = ARCH_INFO[arch];
  const mode = opts.normalize ?? info.defaultNormalize;
  const seed = opts.seed ?? 0;
  switch (arch) {
    case "mnist_cnn":
      if (mode !== "none") {
        throw new ParameterError((p) =>
          `mnist_cnn takes inputs in [0,1] without normalisation (${p("normalize")} none), not ${mode}`
        );
      }
      return mnistCnn(seed);
    case "imagenet_resnet50":
      return new Sequential([
        new Normalize(mode, IMAGENET_MEAN, IMAGENET_STD),
        new Wrapper("module", new ResNet50(1000, seed)),
      ]);
    default: {
      const depth = Number(arch.slice("cifar_resnet".length));
      return new Sequential([
        new Normalize(mode, CIFAR10_MEAN, CIFAR10_STD),
        new CifarResNet(depth, 10, seed),
      ]);
    }
  }
}
