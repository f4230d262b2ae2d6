/**
 * On the software adapter, the textures a convolution pass reads its operands from, where Mesa's lavapipe
 * reads a texel much faster than a storage buffer (docs/SPEED.md): the weights all lanes share, two
 * activation textures per size (the older one keeps a ResNet block's input for its residual), and the
 * fused first layer's input and weights.
 */
import type { TextureBindable } from "../recorder.ts";
import { engine } from "../runtime.ts";
import { Tensor } from "../tensor.ts";
import { currentTileConfig } from "./matmul.ts";
import { paddedView } from "./util.ts";
import { copyIntoRows, sizedTexture, TEXTURE_ROW } from "./operand_texture.ts";
import { permute4 } from "./conv_layout.ts";

/** `values` as vec4s into row `row` of `texture` (a bias or folded scale into `wt`, `first`'s weights). */
export function copyRow(values: Tensor, texture: GPUTexture, row = 0): void {
  const texels = Math.ceil(values.size / 4);
  engine().rec.copyToTexture(paddedView(values), Math.ceil(texels / 16) * 256, texture, texels, 1, row);
}

/**
 * `rows` rows of `K` floats (packed weights wf [O, K] or wb [KH*KW*O4, C4]), as the texture conv2d.wgsl
 * reads on the software adapter (`wt`): texel (k / 4, r) holds row r's
 * k..k+3, in a texture of at least `height` rows and `minWidth` texels (room for a forward pass's
 * epilogue rows). The texture is shared by every pass whose operand fits the same size and is rewritten before
 * each (copies and dispatches run in recording order, so a pass reads what was copied just before it);
 * null when the operand exceeds the adapter's texture size.
 */
export function rowsTexture(
  w: Tensor,
  rows: number,
  K: number,
  height = rows,
  minWidth = 0,
): TextureBindable | null {
  const width = K / 4;
  const texture = sizedTexture(Math.max(width, minWidth), height);
  if (!texture) return null;
  // A buffer-to-texture copy needs rows at multiples of 256 bytes: pad K to a multiple of 64 floats.
  const Kp = Math.ceil(K / 64) * 64;
  const padded = Kp === K ? w : permute4(w, [1, 1, rows, Kp], [0, 0, K, 1], [1, 1, rows, K]);
  engine().rec.copyToTexture(padded, Kp * 4, texture, width, rows);
  if (padded !== w) padded.dispose();
  return { texture };
}

/**
 * Which of the two activation textures of this size receives `a`: the one written less recently, so
 * that the other keeps the operand before (a ResNet block's input, copied for its first convolution,
 * survives the copy of the second's input and serves as that one's residual: residentTexture), and
 * never `keep` (the texture a pass reads its operand from, when its residual is copied beside it).
 */
export function activationSlot(a: Tensor, keep?: GPUTexture): GPUTexture | null {
  const slots = activationTextures(a)?.filter((s) => s !== keep);
  if (!slots?.length) return null;
  const age = (t: GPUTexture) => textureContents.get(t)?.tick ?? -1;
  const texture = slots.reduce((x, y) => age(x) <= age(y) ? x : y);
  textureContents.set(texture, { tensor: a, tick: textureTick++ });
  return texture;
}

/** The two activation textures sized for `t`'s vec4s, or null beyond the adapter's texture size. */
function activationTextures(t: Tensor): [GPUTexture, GPUTexture] | null {
  const rows = Math.max(1, Math.ceil(t.size / 4 / TEXTURE_ROW));
  const a = sizedTexture(TEXTURE_ROW, rows, "activations 0"),
    b = sizedTexture(TEXTURE_ROW, rows, "activations 1");
  return a && b ? [a, b] : null;
}

/** What each activation texture holds (the tensor last copied into it) and when it was written. */
const textureContents = new WeakMap<GPUTexture, { tensor: Tensor; tick: number }>();

let textureTick = 0;

/**
 * A texture that holds `t` (copied there as an earlier pass's operand and not overwritten since), for a
 * packed forward pass to read its residual (`rt`, Conv.res = 2) or its operand from; null where none
 * does. Only the packed inference path asks: it never writes a tensor after creating it, so the copy is
 * still its value. Measured on an AVX2 machine (ResNet-20 at batch 400, interleaved runs), the residual
 * from there: a 16-channel residual layer 93-95 ms against 109-110 ms, a batch 1,449-1,537 ms against
 * 1,557-1,626 ms.
 */
export function residentTexture(t: Tensor): TextureBindable | null {
  if (t.disposed || currentTileConfig().kind !== "software") return null;
  const texture = activationTextures(t)?.find((s) => textureContents.get(s)?.tensor === t);
  return texture ? { texture } : null;
}

/**
 * The texture a packed forward pass reads its residual from (`rt`, Conv.res = 2) on the software adapter:
 * the one that still holds it (residentTexture: a ResNet block's input), else a copy in the activation
 * texture of its size that does not hold the pass's operand `at` (a downsampling block's shortcut
 * output). Null elsewhere or beyond the adapter's texture size. Compiling one residual source instead
 * of two (a per-lane storage load besides) halved lavapipe's code generation for a ResNet's
 * convolutions; the copy runs near memcpy speed (ResNet-20's first downsampling block at batch 400: 13
 * MB, about 2.5 ms at the 5.3 GB/s measured on an AVX2 machine).
 */
export function residualTexture(residual: Tensor, at: TextureBindable | null): TextureBindable | null {
  const resident = residentTexture(residual);
  if (resident || residual.dtype !== "f32" || currentTileConfig().kind !== "software") return resident;
  const texture = activationSlot(residual, at?.texture);
  if (!texture) return null;
  copyIntoRows(residual, texture, TEXTURE_ROW, 16);
  return { texture };
}

/**
 * The fused first layer's weights and bias ([10, C4] as vec4s) as the texture `first` reads them
 * (`at`, one row), or null where they exceed the adapter's texture size. Every lane of a workgroup
 * reads the same 10 texels per channel group and tap, and Mesa 22.3 issues a storage load at a shared
 * address as a loop over the lanes: measured on an AVX2 machine (the MNIST CNN's fused pair, batch
 * 400), 147-148 ms from the texture against 173-175 ms from a storage buffer.
 */
export function firstWeightsTexture(w10: Tensor): TextureBindable | null {
  const texels = w10.size / 4;
  const texture = sizedTexture(texels, 1, "first layer");
  if (!texture) return null;
  copyRow(w10, texture);
  return { texture };
}

/**
 * The fused first layer's input x [N, 1, H, W] as the texture `first` reads it (`xt`, r32float, value q
 * at texel (q % 4096, q / 4096)), or null where it exceeds the adapter's texture size. Each lane reads 9
 * values of its own per tap, which a storage load makes a loop over the lanes with two branches per
 * value and a texel fetch a gather: measured on an AVX2 machine (the MNIST CNN's pair, batch 400),
 * 131-132 ms against 145-151 ms from a storage buffer.
 */
export function firstInputTexture(x: Tensor): TextureBindable | null {
  const rows = Math.max(1, Math.ceil(x.size / TEXTURE_ROW));
  const texture = sizedTexture(TEXTURE_ROW, rows, "first layer input", "r32float");
  if (!texture) return null;
  copyIntoRows(x, texture, TEXTURE_ROW, 4);
  return { texture };
}
