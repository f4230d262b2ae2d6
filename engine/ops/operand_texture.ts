/**
 * Textures that hold a copy of a kernel's operand, for the software adapter. Kernels read them as
 * read-only storage textures: Mesa 22.3's lavapipe issues a storage-buffer load as a loop over the lanes
 * with a branch per value, but an image load as a vectorised address computation and one 16-byte load
 * per lane (bench/jit/access_cost.ts on an AVX2 machine, data in cache: 109 ns per 8-lane vec4 from a
 * storage buffer, 6.2 from a storage texture, 14.6 from a sampled texture). A buffer-to-texture copy runs
 * near memcpy speed there (5.3 GB/s), so a pass that reads its operand once or more pays the copy back.
 */
import type { TextureBindable } from "../recorder.ts";
import { engine } from "../runtime.ts";
import type { Storage, Tensor } from "../tensor.ts";
import { isSoftwareAdapter } from "./matmul_tiles.ts";
import { paddedView } from "./util.ts";

/**
 * Whether a pass gains by reading its operand from a texture copy: on the software adapter. (GPUs read
 * storage buffers at full speed, and their convolutions have tiles of their own: matmul_tiles.ts.)
 */
export function operandCopiesPay(): boolean {
  return isSoftwareAdapter(engine().gpu.info);
}

/**
 * Texels per row of the textures that hold a tensor row by row (conv2d.wgsl's `at`, `rt` and `xt`,
 * batchnorm.wgsl's `xt` and `gt`: element q at texel (q % 4096, q / 4096), `texelOf` there).
 */
export const TEXTURE_ROW = 4096;

/**
 * `t`'s values into `texture` row by row, `rowTexels` texels of `texelBytes` each per row: whole rows,
 * then the rest of the last row (a copy may end anywhere in its last row).
 */
export function copyIntoRows(t: Tensor, texture: GPUTexture, rowTexels: number, texelBytes: number): void {
  const texels = t.size * 4 / texelBytes;
  const rowBytes = rowTexels * texelBytes;
  const full = Math.floor(texels / rowTexels), rest = texels - full * rowTexels;
  const view = paddedView(t);
  if (full > 0) engine().rec.copyToTexture(view, rowBytes, texture, rowTexels, full);
  if (rest > 0) {
    const tail = {
      buffer: view.buffer,
      byteOffset: view.byteOffset + full * rowBytes,
      byteLength: rest * texelBytes,
    };
    engine().rec.copyToTexture(tail, rowBytes, texture, rest, 1, full);
  }
}

/**
 * `t` (whole vec4s of 32-bit values, copied bit for bit: `rgba32uint` for integers) copied into the
 * texture of its size kept for `use`, its vec4 q at texel (q % 4096, q / 4096), in recording order: a pass
 * recorded after the copy reads it, and the next copy for the same use rewrites it. Null beyond the
 * adapter's texture size.
 */
export function vec4Texture(
  t: Tensor,
  use: string,
  format: "rgba32float" | "rgba32uint" = "rgba32float",
): TextureBindable | null {
  if (t.size % 4 !== 0) throw new Error(`${use}: ${t.size} values are not whole vec4s`);
  const texture = sizedTexture(TEXTURE_ROW, Math.max(1, Math.ceil(t.size / 4 / TEXTURE_ROW)), use, format);
  if (!texture) return null;
  copyIntoRows(t, texture, TEXTURE_ROW, 16);
  return { texture };
}

/** Per engine: the textures held for tensors' storage (heldVec4Texture), and the free ones by size. */
interface Held {
  held: { storage: Storage; texture: GPUTexture; key: string }[];
  free: Map<string, GPUTexture[]>;
}
const heldTextures = new WeakMap<object, Held>();

/**
 * `t`'s vec4s copied into a texture of its own (laid out as vec4Texture's), kept while its storage lives
 * (`t` or a view of it, such as the one autograd saves): for an activation a backward pass reads again (a
 * convolution's or batchnorm's input, saved for its gradients), which asks again and gets it without a
 * second copy. The texture of a released storage serves the next one of its size (copies and dispatches
 * run in recording order). Only for tensors no pass writes after creating them; null on a GPU
 * (operandCopiesPay) or beyond the texture size.
 */
export function heldVec4Texture(t: Tensor): TextureBindable | null {
  if (!operandCopiesPay()) return null;
  if (t.size % 4 !== 0) throw new Error(`held texture: ${t.size} values are not whole vec4s`);
  const e = engine();
  let state = heldTextures.get(e);
  if (!state) heldTextures.set(e, state = { held: [], free: new Map() });
  const kept: Held["held"] = [];
  for (const h of state.held) {
    if (h.storage.refs > 0) kept.push(h);
    else if (state.free.has(h.key)) state.free.get(h.key)!.push(h.texture);
    else state.free.set(h.key, [h.texture]);
  }
  state.held = kept;
  const found = kept.find((h) => h.storage === t.storage);
  if (found) return { texture: found.texture };
  const size = potSize(TEXTURE_ROW, Math.max(1, Math.ceil(t.size / 4 / TEXTURE_ROW)));
  if (!size) return null;
  const key = size.join("x");
  const texture = state.free.get(key)?.pop() ?? newOperandTexture(size, "rgba32float", `operand held ${key}`);
  copyIntoRows(t, texture, TEXTURE_ROW, 16);
  state.held.push({ storage: t.storage, texture, key });
  return { texture };
}

/**
 * The textures a kernel with a `TX` override binds (binding name -> the tensor it reads by vec4s, or
 * null where this call reads none there): with `copy` on the software adapter, copies of every tensor
 * given (TX = 1); otherwise, or where one exceeds the texture size, spare textures (TX = 0). `use` keys
 * the textures (operand_texture per use and name), so the operands of one call never share one; the
 * names in `held` take the tensor's held texture instead (heldVec4Texture).
 */
export function operandCopies(
  copy: boolean,
  operands: Record<string, Tensor | null>,
  use: string,
  held?: ReadonlySet<string>,
): { textures: Record<string, TextureBindable>; TX: 0 | 1 } {
  const names = Object.keys(operands);
  const texture = (name: string, t: Tensor) =>
    (held?.has(name) ? heldVec4Texture(t) : null) ?? vec4Texture(t, `${use} ${name}`);
  const copies = copy && operandCopiesPay()
    ? names.map((name) => operands[name] && texture(name, operands[name]!))
    : null;
  const TX = copies && copies.every((c, i) => c || !operands[names[i]]) ? 1 : 0;
  const spare = spareTexture();
  const textures = Object.fromEntries(names.map((name, i) => [name, (TX && copies![i]) || spare]));
  return { textures, TX };
}

/** A 1 x 1 texture bound where a kernel reads its operand from its buffer instead. */
export function spareTexture(format: "rgba32float" | "rgba32uint" = "rgba32float"): TextureBindable {
  return { texture: sizedTexture(1, 1, "shared operand", format)! };
}

/**
 * Operand textures, per engine, use and size. Sides are powers of two (the operand fills a corner):
 * Mesa's CPU driver compiles a variant of a pipeline per bound texture's power-of-two-ness, so mixed
 * shapes made each convolution pipeline generate its code up to four times (ResNet-20 to its first
 * batch, empty cache: 52-58 s against 33 s with the weights in a storage buffer, and a second run still
 * compiled for 24 s).
 */
const operandTextures = new WeakMap<object, Map<string, GPUTexture>>();

/** The texture that holds width x height texels, or null beyond the adapter's texture size. */
export function sizedTexture(
  width: number,
  height: number,
  use = "shared operand",
  format: GPUTextureFormat = "rgba32float",
): GPUTexture | null {
  const e = engine();
  const size = potSize(width, height);
  if (!size) return null;
  let cache = operandTextures.get(e);
  if (!cache) operandTextures.set(e, cache = new Map());
  const key = `${use} ${format} ${size.join("x")}`;
  let texture = cache.get(key);
  if (!texture) {
    texture = newOperandTexture(size, format, `operand ${key}`);
    cache.set(key, texture);
  }
  return texture;
}

/** width x height, each rounded up to a power of two, or null beyond the adapter's texture size. */
function potSize(width: number, height: number): [number, number] | null {
  const pot = (n: number) => 2 ** Math.ceil(Math.log2(n));
  const size: [number, number] = [pot(width), pot(height)];
  return Math.max(...size) > engine().gpu.device.limits.maxTextureDimension2D ? null : size;
}

/**
 * A texture for one holder at a time (not shared like sizedTexture's) that holds width x height texels,
 * sides rounded up to powers of two as sizedTexture's, for a value kept across calls; null beyond the
 * adapter's texture size. The holder gives it back (returnHeldTexture) when done.
 */
export function heldTexture(width: number, height: number, label: string): GPUTexture | null {
  const size = potSize(width, height);
  return size && (spares(size.join("x")).pop() ?? newOperandTexture(size, "rgba32float", label));
}

/**
 * A held texture back for the next holder, never destroyed: dispatches recorded before may still read it
 * (a second device records a batch and dispatches it later), and the next holder's copies overwrite it in
 * recording order.
 */
export function returnHeldTexture(t: GPUTexture): void {
  spares(`${t.width}x${t.height}`).push(t);
}

/** Held textures given back, per engine and size. */
const spareHeld = new WeakMap<object, Map<string, GPUTexture[]>>();

/** This engine's held textures of one size given back. */
function spares(size: string): GPUTexture[] {
  const e = engine();
  let bySize = spareHeld.get(e);
  if (!bySize) spareHeld.set(e, bySize = new Map());
  let list = bySize.get(size);
  if (!list) bySize.set(size, list = []);
  return list;
}

/** A texture kernels read as a read-only storage texture and copies fill. */
function newOperandTexture(size: [number, number], format: GPUTextureFormat, label: string): GPUTexture {
  return engine().gpu.device.createTexture({
    size,
    format,
    usage: GPUTextureUsage.STORAGE_BINDING | GPUTextureUsage.COPY_DST,
    label,
  });
}
