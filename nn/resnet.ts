/** The reference code's CIFAR ResNet (depth 6n + 2) with PyTorch's module and parameter names. */
import { globalAvgPoolPacked, type Tensor } from "../engine/mod.ts";
import { affinePackable, type PackedActivations, packForConv } from "../engine/ops/conv_inference.ts";
import type { ChannelAffine } from "../engine/ops/conv_layout.ts";
import { InitRng } from "./init.ts";
import {
  AvgPool2d,
  BatchNorm2d,
  Conv2d,
  convBnAct,
  convBnActPacked,
  Flatten,
  Linear,
  packedInference,
} from "./layers.ts";
import { Module, Sequential } from "./module.ts";

export class BasicBlock extends Module {
  readonly conv1: Conv2d;
  readonly bn1: BatchNorm2d;
  readonly conv2: Conv2d;
  readonly bn2: BatchNorm2d;
  readonly downsample: Sequential | null;

  constructor(inplanes: number, planes: number, stride: number, rng: InitRng) {
    super();
    const conv3 = (i: number, o: number, s: number) =>
      new Conv2d(i, o, 3, rng, { stride: s, padding: 1, bias: false, init: "he" });
    this.conv1 = this.child("conv1", conv3(inplanes, planes, stride));
    this.bn1 = this.child("bn1", new BatchNorm2d(planes));
    this.conv2 = this.child("conv2", conv3(planes, planes, 1));
    this.bn2 = this.child("bn2", new BatchNorm2d(planes));
    this.downsample = stride !== 1 || inplanes !== planes
      ? this.child(
        "downsample",
        new Sequential([
          new Conv2d(inplanes, planes, 1, rng, { stride, bias: false, init: "he" }),
          new BatchNorm2d(planes),
        ]),
      )
      : null;
  }

  forward(x: Tensor): Tensor {
    const y = convBnAct(this.conv1, this.bn1, x, { relu: true });
    const [dsConv, dsBn] = (this.downsample?.layers ?? []) as [Conv2d?, BatchNorm2d?];
    const shortcut = dsConv ? convBnAct(dsConv, dsBn!, x, { relu: false }) : x;
    return convBnAct(this.conv2, this.bn2, y, { residual: shortcut, relu: true });
  }

  /** forward on packed activations (inference only: see CifarResNet.forward). */
  forwardPacked(x: PackedActivations): PackedActivations {
    const y = convBnActPacked(this.conv1, this.bn1, x, { relu: true });
    const [dsConv, dsBn] = (this.downsample?.layers ?? []) as [Conv2d?, BatchNorm2d?];
    const shortcut = dsConv ? convBnActPacked(dsConv, dsBn!, x, { relu: false }) : x;
    return convBnActPacked(this.conv2, this.bn2, y, { residual: shortcut, relu: true });
  }
}

export class CifarResNet extends Module {
  readonly conv1: Conv2d;
  readonly bn1: BatchNorm2d;
  readonly layers: Sequential[];
  readonly fc: Linear;
  private readonly head = new Sequential([new AvgPool2d(8), new Flatten()]);

  constructor(readonly depth: number, numClasses = 10, seed = 0) {
    super();
    if ((depth - 2) % 6 !== 0 || depth < 8) {
      throw new RangeError(`CIFAR ResNet depth must be 6n + 2 (20, 56, 110, ...), got ${depth}`);
    }
    const n = (depth - 2) / 6;
    const rng = new InitRng(seed);
    this.conv1 = this.child("conv1", new Conv2d(3, 16, 3, rng, { padding: 1, bias: false, init: "he" }));
    this.bn1 = this.child("bn1", new BatchNorm2d(16));
    let inplanes = 16;
    this.layers = [16, 32, 64].map((planes, li) => {
      const blocks: Module[] = [];
      for (let b = 0; b < n; b++) {
        blocks.push(new BasicBlock(inplanes, planes, b === 0 && li > 0 ? 2 : 1, rng));
        inplanes = planes;
      }
      return this.child(`layer${li + 1}`, new Sequential(blocks));
    });
    this.fc = this.child("fc", new Linear(64, numClasses, rng));
  }

  forward(x: Tensor): Tensor {
    if (this.packable(x)) return this.forwardPacked(x);
    let y = convBnAct(this.conv1, this.bn1, x, { relu: true });
    for (const l of this.layers) y = l.forward(y);
    return this.fc.forward(this.head.forward(y));
  }

  private blocks(): BasicBlock[] {
    return this.layers.flatMap((l) => l.layers as BasicBlock[]);
  }

  /**
   * Inference on 32x32 images without a graph keeps the activations in the convolutions' packed
   * layout from the stem to the pooling: no pass repacks them between convolutions (on lavapipe
   * those passes took 11 % of a ResNet-20 certification batch's GPU time).
   */
  private packable(x: Tensor): boolean {
    return x.rank === 4 && x.shape[2] === 32 && x.shape[3] === 32 && packedInference(this);
  }

  /** The normalisation in front of the network folded into the stem's packing pass (exact: see packForConv). */
  override forwardAffineInput(x: Tensor, scale: readonly number[], shift: readonly number[]): Tensor | null {
    return this.packable(x) && affinePackable(x) ? this.forwardPacked(x, { scale, shift }) : null;
  }

  private forwardPacked(x: Tensor, affine?: ChannelAffine): Tensor {
    let y = convBnActPacked(this.conv1, this.bn1, packForConv(x, affine), { relu: true });
    for (const b of this.blocks()) y = b.forwardPacked(y);
    // AvgPool2d(8) on the final 8x8 map (a 32x32 input) is the mean over its 64 pixels.
    return this.fc.forward(globalAvgPoolPacked(y.data, y.C));
  }
}
