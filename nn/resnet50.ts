/** torchvision's ResNet-50 (v1.5: stride on the 3x3 conv of the Bottleneck), as in the reference code. */
import type { Tensor } from "../engine/mod.ts";
import { InitRng } from "./init.ts";
import { BatchNorm2d, Conv2d, convBnAct, GlobalAvgPool, Linear, MaxPool2d } from "./layers.ts";
import { Module, Sequential } from "./module.ts";

export class Bottleneck extends Module {
  static readonly expansion = 4;
  readonly conv1: Conv2d;
  readonly bn1: BatchNorm2d;
  readonly conv2: Conv2d;
  readonly bn2: BatchNorm2d;
  readonly conv3: Conv2d;
  readonly bn3: BatchNorm2d;
  readonly downsample: Sequential | null;

  constructor(inplanes: number, planes: number, stride: number, rng: InitRng) {
    super();
    const out = planes * Bottleneck.expansion;
    const conv = (i: number, o: number, k: number, s: number) =>
      new Conv2d(i, o, k, rng, { stride: s, padding: k === 3 ? 1 : 0, bias: false, init: "he" });
    this.conv1 = this.child("conv1", conv(inplanes, planes, 1, 1));
    this.bn1 = this.child("bn1", new BatchNorm2d(planes));
    this.conv2 = this.child("conv2", conv(planes, planes, 3, stride));
    this.bn2 = this.child("bn2", new BatchNorm2d(planes));
    this.conv3 = this.child("conv3", conv(planes, out, 1, 1));
    this.bn3 = this.child("bn3", new BatchNorm2d(out));
    this.downsample = stride !== 1 || inplanes !== out
      ? this.child("downsample", new Sequential([conv(inplanes, out, 1, stride), new BatchNorm2d(out)]))
      : null;
  }

  forward(x: Tensor): Tensor {
    let y = convBnAct(this.conv1, this.bn1, x, { relu: true });
    y = convBnAct(this.conv2, this.bn2, y, { relu: true });
    const [dsConv, dsBn] = (this.downsample?.layers ?? []) as [Conv2d?, BatchNorm2d?];
    const shortcut = dsConv ? convBnAct(dsConv, dsBn!, x, { relu: false }) : x;
    return convBnAct(this.conv3, this.bn3, y, { residual: shortcut, relu: true });
  }
}

export class ResNet50 extends Module {
  private readonly conv1: Conv2d;
  private readonly bn1: BatchNorm2d;
  private readonly maxpool = new MaxPool2d(3, 2, 1);
  readonly layers: Sequential[];
  readonly fc: Linear;
  private readonly pool = new GlobalAvgPool();

  constructor(numClasses = 1000, seed = 0) {
    super();
    const rng = new InitRng(seed);
    this.conv1 = this.child(
      "conv1",
      new Conv2d(3, 64, 7, rng, { stride: 2, padding: 3, bias: false, init: "he" }),
    );
    this.bn1 = this.child("bn1", new BatchNorm2d(64));
    let inplanes = 64;
    this.layers = [[64, 3], [128, 4], [256, 6], [512, 3]].map(([planes, blocks], li) => {
      const list: Module[] = [];
      for (let b = 0; b < blocks; b++) {
        list.push(new Bottleneck(inplanes, planes, b === 0 && li > 0 ? 2 : 1, rng));
        inplanes = planes * Bottleneck.expansion;
      }
      return this.child(`layer${li + 1}`, new Sequential(list));
    });
    this.fc = this.child("fc", new Linear(512 * Bottleneck.expansion, numClasses, rng));
  }

  forward(x: Tensor): Tensor {
    let y = this.maxpool.forward(convBnAct(this.conv1, this.bn1, x, { relu: true }));
    for (const l of this.layers) y = l.forward(y);
    return this.fc.forward(this.pool.forward(y));
  }
}
