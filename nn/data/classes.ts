/** Class names of the datasets, indexed by label. */

export const CIFAR10_CLASSES = [
  "airplane",
  "automobile",
  "bird",
  "cat",
  "deer",
  "dog",
  "frog",
  "horse",
  "ship",
  "truck",
] as const;

/** The label's name for a dataset's models: digits for MNIST, CIFAR-10's names, else the number. */
export function className(dataset: "mnist" | "cifar10" | "imagenet", label: number): string {
  if (dataset === "cifar10" && label >= 0 && label < CIFAR10_CLASSES.length) return CIFAR10_CLASSES[label];
  return String(label);
}
