/**
 * Reproducible Gaussian noise from a counter-based generator (Philox4x32-10 + Box-Muller, in
 * `shaders/gaussian.wgsl`). A noise value is a pure function of (seed, stream, sample index,
 * element index, domain), so the same draws come out whatever the batch size, shard or resume point:
 *
 *   key     = (seed mod 2^32, floor(seed / 2^32)),  0 <= seed < 2^53
 *   counter = (element >> 2, sample, stream, domain);  element e takes word e & 3 of that block
 *
 * "sample" is the index along the first dimension plus `firstSample`; "element" is the flat index
 * within the remaining dimensions. Normals: lanes (0, 1) are the cosine and sine outputs of one
 * Box-Muller pair (words 0 and 1), lanes (2, 3) of the other (words 2 and 3). The radius uniform is
 * in (0, 1) with resolution 2^-23 (2^-32 below 2^-23), so |z| <= 6.76 (P(|N(0,1)| > 6.76) = 1.4e-11);
 * the angle is on a 2^-24 grid of [-pi, pi). Uniforms are exact in f32 on every GPU; the normals differ
 * between GPUs only by their log/sqrt/sin/cos rounding (about 5e-6 on lavapipe).
 */
import { attach } from "../autograd.ts";
import type { TextureBindable } from "../recorder.ts";
import { engine } from "../runtime.ts";
import { type Shape, Tensor } from "../tensor.ts";
import { operandCopiesPay, spareTexture, vec4Texture } from "./operand_texture.ts";
import { fmt, grid1d } from "./util.ts";
import { sumTo } from "./reduce_kernels.ts";

/**
 * Counter word 3 of every block. Consumers of one seed use distinct tags so they never share a
 * counter (e.g. training noise and the random directions of an attack drawn with the same seed).
 */
export const RNG_DOMAIN = {
  /** Gaussian noise of smoothing (certification, prediction, training). */
  noise: 0x4e4f4953, // "NOIS"
  /** Random directions (e.g. PGD's replacement for a zero gradient). */
  direction: 0x44495230, // "DIR0"
  /** Data augmentation (crops, flips). */
  augment: 0x41554730, // "AUG0"
  /** Parameter initialisation. */
  init: 0x494e4954, // "INIT"
  /** The noise an empirical attack on the smoothed classifier uses (PREDICT's own noise stays "NOIS"). */
  attack: 0x41544b30, // "ATK0"
  /** A PGD attack's random start. */
  start: 0x53545254, // "STRT"
  /** SmoothMix's mixing weights. */
  mix: 0x4d495830, // "MIX0"
} as const;

const TWO32 = 4294967296;
const WG = 256;

/** Where the draws come from; every combination of these is an independent stream of samples. */
export interface RngOptions {
  /** Integer in [0, 2^53). */
  seed: number;
  /** Integer in [0, 2^32): e.g. the image index (certification) or the global step (training). */
  stream: number;
  /** Sample index of row 0 (default 0); rows are samples firstSample, firstSample + 1, ... */
  firstSample?: number;
  /** Counter word 3, default `RNG_DOMAIN.noise`. */
  domain?: number;
}

export interface NoiseOptions extends RngOptions {
  /** Standard deviation, finite and >= 0. */
  sigma: number;
}

export interface NoisyCopiesOptions extends NoiseOptions {
  /** Number of copies (>= 0). */
  count: number;
  firstSample: number;
}

/** The two key words of a seed (low, high). Throws unless 0 <= seed < 2^53 is an integer. */
export function splitSeed(seed: number): [number, number] {
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new RangeError(`seed must be an integer in [0, 2^53), got ${seed}`);
  }
  return [seed % TWO32, Math.floor(seed / TWO32)];
}

function checkU32(v: number, what: string): void {
  if (!Number.isInteger(v) || v < 0 || v >= TWO32) {
    throw new RangeError(`${what} must be an integer in [0, 2^32), got ${v}`);
  }
}

interface Resolved {
  key0: number;
  key1: number;
  stream: number;
  first: number;
  domain: number;
}

function resolve(opts: RngOptions, samples: number, op: string): Resolved {
  const [key0, key1] = splitSeed(opts.seed);
  checkU32(opts.stream, `${op}: stream`);
  const first = opts.firstSample ?? 0;
  checkU32(first, `${op}: firstSample`);
  if (first + Math.max(samples, 1) - 1 >= TWO32) {
    throw new RangeError(`${op}: samples ${first} .. ${first + samples - 1} exceed the 2^32 sample indices`);
  }
  const domain = opts.domain ?? RNG_DOMAIN.noise;
  checkU32(domain, `${op}: domain`);
  return { key0, key1, stream: opts.stream, first, domain };
}

function checkSigma(sigma: number, op: string): void {
  if (!Number.isFinite(sigma) || sigma < 0) {
    throw new RangeError(`${op}: sigma must be finite and >= 0, got ${sigma}`);
  }
}

/** Samples (first dimension) and elements per sample of a batch shape. */
function split(shape: Shape, op: string): { samples: number; elems: number } {
  if (shape.length < 1) throw new RangeError(`${op}: shape ${fmt(shape)} needs a sample dimension`);
  const samples = shape[0];
  const elems = shape.slice(1).reduce((p, d) => p * d, 1);
  if (elems > 4 * (TWO32 - 1)) throw new RangeError(`${op}: ${elems} elements per sample exceed 2^34`);
  return { samples, elems };
}

type Entry = "gaussian" | "gaussian_copies" | "gaussian_add" | "uniform_open" | "bits";
const VECTOR_ENTRIES: ReadonlySet<Entry> = new Set(["gaussian", "gaussian_copies", "gaussian_add"]);

function generate(
  entry: Entry,
  out: Tensor,
  base: Tensor | null,
  samples: number,
  elems: number,
  r: Resolved,
  sigma: number,
): void {
  const quads = Math.ceil(elems / 4);
  const n = samples * quads;
  if (n === 0) return;
  if (n >= TWO32) throw new RangeError(`${entry}: ${n} Philox blocks exceed one dispatch`);
  const g = grid1d(n, WG);
  // Whole quads per sample: every thread's four elements are one aligned vector.
  const vec = elems % 4 === 0 && VECTOR_ENTRIES.has(entry);
  const outName = entry === "bits" ? "words" : vec ? "out4" : "out";
  const bindings: Record<string, Tensor | TextureBindable> = { [outName]: out };
  if (base) bindings[vec ? "base4" : "base"] = base;
  // the vector entries read their base from a texture copy where copies pay (operand_texture.ts)
  const bt = base && vec ? vec4Texture(base, "gaussian base") : null;
  if (base && vec) bindings.bt = bt ?? spareTexture();
  engine().run("gaussian", vec ? `${entry}_v4` : entry, {
    bindings,
    uniforms: {
      n,
      quads,
      elems,
      row: g.row,
      key0: r.key0,
      key1: r.key1,
      first: r.first,
      stream: r.stream,
      domain: r.domain,
      sigma,
      _p0: 0,
      _p1: 0,
    },
    workgroups: g.workgroups,
    need: { [outName]: samples * elems * 4 },
  }, base && vec ? { WG, TX: bt ? 1 : 0 } : { WG });
}

/**
 * `count` noisy copies of one image: out[i] = image + sigma * N(seed, stream, firstSample + i, .).
 * The image is [C, H, W] or [1, C, H, W] (any rank: its elements are the per-sample elements);
 * the result is [count, ...image dims without a leading 1]. Differentiable in the image (the
 * gradient sums over copies).
 */
export function noisyCopies(image: Tensor, opts: NoisyCopiesOptions): Tensor {
  const op = "noisyCopies";
  if (image.dtype !== "f32") throw new TypeError(`${op}: expected an f32 image, got ${image.dtype}`);
  const { count, sigma } = opts;
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`${op}: count must be an integer >= 0, got ${count}`);
  }
  checkSigma(sigma, op);
  const dims = image.rank > 1 && image.shape[0] === 1 ? image.shape.slice(1) : [...image.shape];
  const elems = image.size;
  const r = resolve(opts, count, op);
  const out = Tensor.empty([count, ...dims], "f32", op);
  generate("gaussian_copies", out, image, count, elems, r, sigma);
  return attach(out, op, [image], [], (g) => {
    const gv = g.view([count, ...image.shape]);
    const r = sumTo(gv, image.shape);
    gv.dispose();
    return [r];
  });
}

/** A row table entry that feeds no counter (padding): its vote is dropped by `countVotesRows`. */
export const NO_COUNTER = 0xffffffff;

export interface NoisyRowsOptions {
  /** Integer in [0, 2^53). */
  seed: number;
  /** Standard deviation, finite and >= 0. */
  sigma: number;
  /** First table entry of this batch. */
  row0: number;
  /** Rows to produce (table entries row0 .. row0 + rows - 1). */
  rows: number;
  /** Counter word 3, default `RNG_DOMAIN.noise`. */
  domain?: number;
}

/**
 * Noisy rows of several images in one batch: out[r] = images[t.slot] + sigma * N(seed, t.stream, t.sample, .)
 * with t = table[row0 + r]. `images` is f32 [slots, ...image dims]; `table` is u32 [entries, 4] holding
 * (slot, stream, sample, counter) per row (the counter is for `countVotesRows`). Each row equals the
 * `noisyCopies` row of its image, stream and sample, whatever else shares the batch.
 */
export function noisyRows(images: Tensor, table: Tensor, opts: NoisyRowsOptions): Tensor {
  const op = "noisyRows";
  if (images.dtype !== "f32" || images.rank < 2) {
    throw new TypeError(`${op}: images must be f32 [slots, ...], got ${images.dtype} ${fmt(images.shape)}`);
  }
  checkTable(table, opts.row0, opts.rows, op);
  checkSigma(opts.sigma, op);
  const [key0, key1] = splitSeed(opts.seed);
  const domain = opts.domain ?? RNG_DOMAIN.noise;
  checkU32(domain, `${op}: domain`);
  const dims = images.shape.slice(1);
  const elems = images.size / images.shape[0];
  const quads = Math.ceil(elems / 4);
  const out = Tensor.empty([opts.rows, ...dims], "f32", op);
  const n = opts.rows * quads;
  if (n === 0) return out;
  if (n >= TWO32) throw new RangeError(`${op}: ${n} Philox blocks exceed one dispatch`);
  const g = grid1d(n, WG);
  const vec = elems % 4 === 0;
  // the table's rows and the images' vec4s from texture copies on the software adapter (gaussian.wgsl's TX)
  const tt = operandCopiesPay() ? vec4Texture(table, "gaussian table", "rgba32uint") : null;
  const it = tt && vec ? vec4Texture(images, "gaussian images") : null;
  const TX = tt && (it || !vec) ? 1 : 0;
  const textures = {
    tt: TX ? tt! : spareTexture("rgba32uint"),
    ...(vec ? { it: TX ? it! : spareTexture() } : {}),
  };
  engine().run("gaussian", vec ? "gaussian_rows_v4" : "gaussian_rows", {
    bindings: { table, [vec ? "images4" : "images"]: images, [vec ? "out4" : "out"]: out, ...textures },
    uniforms: {
      n,
      quads,
      elems,
      row: g.row,
      key0,
      key1,
      row0: opts.row0,
      domain,
      sigma: opts.sigma,
      _p0: 0,
      _p1: 0,
      _p2: 0,
    },
    workgroups: g.workgroups,
    need: { table: (opts.row0 + opts.rows) * 16 },
  }, { WG, TX });
  return out;
}

/** A row table is u32 [entries, 4] and must hold entries row0 .. row0 + rows - 1. */
export function checkTable(table: Tensor, row0: number, rows: number, op: string): void {
  if (table.dtype !== "u32" || table.rank !== 2 || table.shape[1] !== 4) {
    throw new TypeError(`${op}: table must be u32 [entries, 4], got ${table.dtype} ${fmt(table.shape)}`);
  }
  if (!Number.isInteger(row0) || row0 < 0 || !Number.isInteger(rows) || rows < 0) {
    throw new RangeError(`${op}: row0 and rows must be integers >= 0, got ${row0} and ${rows}`);
  }
  if (row0 + rows > table.shape[0]) {
    throw new RangeError(
      `${op}: rows ${row0} .. ${row0 + rows - 1} exceed the table's ${table.shape[0]} entries`,
    );
  }
}

/**
 * sigma * N(0, 1) of the given shape: row i (first dimension) is sample firstSample + i, element
 * = flat index within the remaining dimensions. A rank-0 or rank-1 shape has one element per sample.
 */
export function gaussianNoise(shape: Shape, opts: NoiseOptions): Tensor {
  const op = "gaussianNoise";
  checkSigma(opts.sigma, op);
  const { samples, elems } = split(shape.length ? shape : [1], op);
  const r = resolve(opts, samples, op);
  const out = Tensor.empty(shape, "f32", op);
  generate("gaussian", out, null, samples, elems, r, opts.sigma);
  return out;
}

/** x + sigma * noise in one pass, the noise laid out as `gaussianNoise(x.shape, opts)`. Differentiable in x. */
export function addNoise(x: Tensor, opts: NoiseOptions): Tensor {
  const op = "addNoise";
  if (x.dtype !== "f32") throw new TypeError(`${op}: expected an f32 tensor, got ${x.dtype}`);
  checkSigma(opts.sigma, op);
  const { samples, elems } = split(x.rank ? x.shape : [1], op);
  const r = resolve(opts, samples, op);
  const out = Tensor.empty(x.shape, "f32", op);
  generate("gaussian_add", out, x, samples, elems, r, opts.sigma);
  return attach(out, op, [x], [], (g) => [g.view()]);
}

/**
 * The uniforms in (0, 1) that Box-Muller turns into radii, one per Philox word, in the same layout
 * as `gaussianNoise`: 2^23 equal cells represented by their midpoints, the lowest cell split again
 * into 512 (so the smallest value is 2^-33). Every value is exact in f32.
 */
export function randomUniform(shape: Shape, opts: RngOptions): Tensor {
  const { samples, elems } = split(shape.length ? shape : [1], "randomUniform");
  const r = resolve(opts, samples, "randomUniform");
  const out = Tensor.empty(shape, "f32", "randomUniform");
  generate("uniform_open", out, null, samples, elems, r, 0);
  return out;
}

/** The raw Philox words (u32) in the layout of `gaussianNoise`. */
export function randomBits(shape: Shape, opts: RngOptions): Tensor {
  const { samples, elems } = split(shape.length ? shape : [1], "randomBits");
  const r = resolve(opts, samples, "randomBits");
  const out = Tensor.empty(shape, "u32", "randomBits");
  generate("bits", out, null, samples, elems, r, 0);
  return out;
}

/** Philox4x32-10 of explicit rows [c0, c1, c2, c3, k0, k1] (u32 [N, 6]) -> u32 [N, 4]. */
export function philox4x32(blocks: Tensor): Tensor {
  if (blocks.dtype !== "u32" || blocks.rank !== 2 || blocks.shape[1] !== 6) {
    throw new TypeError(`philox4x32: expected u32 [N, 6], got ${blocks.dtype} ${fmt(blocks.shape)}`);
  }
  const n = blocks.shape[0];
  const out = Tensor.empty([n, 4], "u32", "philox4x32");
  if (n === 0) return out;
  const g = grid1d(n, WG);
  engine().run("gaussian", "philox_blocks", {
    bindings: { blocks, words: out },
    uniforms: { n, row: g.row, _p0: 0, _p1: 0 },
    workgroups: g.workgroups,
  }, { WG });
  return out;
}
