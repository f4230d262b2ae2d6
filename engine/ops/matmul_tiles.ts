/**
 * Tile selection for the register-tiled GEMM kernels (matmul, linear, conv2d and their f16 variants),
 * in one place. A kernel invocation owns RB x CB blocks of 4x4 outputs (so 4*RB rows by 4*CB
 * columns); a workgroup is WGX x WGY invocations. The kernels are written for RB <= 8 and CB <= 8
 * (MAX_RB, MAX_CB).
 *
 * Two adapter classes:
 * - software (Mesa lavapipe/llvmpipe, WARP, SwiftShader): invocations are the 8 SIMD lanes of a CPU
 *   core and every storage-buffer load is issued lane by lane (Mesa 22.x: ~8 scalar loads, branches and
 *   a stack round trip per vector load), so a load costs about as much as 20-30 vector FMAs. Large
 *   per-invocation tiles (up to 64x32 outputs, spilled to the stack) maximise FMAs per loaded element;
 *   workgroups are one SIMD group of 8 lanes that share one operand's blocks and take interleaved
 *   blocks of the other. Measured on lavapipe (2 cores, 1024^3): 4x4 per lane ~4 GFLOP/s, 32x32 ~37,
 *   64x32 ~42; workgroup-memory staging gains nothing there (shared loads cost the same). Below a few
 *   workgroups per core the tile shrinks or K is split.
 * - gpu (discrete or integrated hardware): 16x16 invocations of 4x4 or 8x8 outputs, the usual register
 *   tile for hardware with ~255 registers per thread; caches serve the reuse that workgroup memory would.
 */
import type { GpuInfo } from "../gpu_info.ts";

export interface GemmTile {
  /** Row blocks of 4 per invocation (1..16). */
  RB: number;
  /** Column blocks of 4 per invocation (1..8). */
  CB: number;
  /** Invocations along columns. */
  WGX: number;
  /** Invocations along rows. */
  WGY: number;
}

/** Which operand the invocations of a workgroup share: "rows" means they all read the same rows. */
export type LaneAxis = "cols" | "rows";

export interface TileConfig {
  kind: "software" | "gpu";
  /** Workgroups a dispatch should have to keep every core busy (split-K is used below this). */
  minWorkgroups: number;
  /**
   * Tile for an M x N output with reduction length K. `lanes`: "cols" spreads a workgroup's
   * invocations over columns (they share row blocks), "rows" over rows (they share column blocks).
   */
  gemm(M: number, N: number, lanes: LaneAxis, K: number): GemmTile;
  /**
   * The tile of conv2d.wgsl's `first` (a one-channel first layer computed inside the next convolution)
   * for an M x N output, or null where fusing does not pay and the two layers run apart (absent: never).
   */
  firstLayer?(M: number, N: number): GemmTile | null;
  /**
   * Whether 3x3 stride-1 convolutions go through shaders/conv_winograd.wgsl (inference, training's
   * forward pass and input gradient) and conv_winograd_grad.wgsl (the weight gradient)
   * (engine/ops/conv_winograd.ts): on Mesa's lavapipe, where it was measured (docs/SPEED.md). Not on
   * SwiftShader (Chromium's CPU adapter), whose pipeline for it was still not created after more than 5
   * minutes (the Chromium kernel test), nor on GPUs, whose direct kernel has tiles of its own.
   */
  winograd?: boolean;
  /**
   * Whether the Winograd kernel's 16-output-channel layers read their transformed weights from workgroup
   * memory (`WS = 1` in conv_winograd.wgsl): on lavapipe, Mesa's Vulkan driver. On llvmpipe through the
   * GL backend the same pipeline took 43.6 s to generate against 6.7 for the loop (docs/SPEED.md).
   */
  winogradSharedWeights?: boolean;
  /**
   * Invocations per workgroup of the per-channel reductions (batchnorm.wgsl's train_stats and bwd_reduce:
   * one workgroup per channel, a tree over its lanes behind barriers). Lavapipe runs a workgroup on one
   * thread, 8 lanes at a time, and switches between those groups of 8 at every barrier: with 256 lanes the
   * tree cost more than the reading (docs/SPEED.md), with 8 there is one group and nothing to switch.
   * Absent: 256.
   */
  reductionLanes?: number;
}

/**
 * The largest register tile the kernels are written for (engine/kernel_gen.ts writes it out). Override
 * constants fold the unused blocks away, but only after the whole source is translated, so every
 * pipeline pays for the written-out maximum at creation: a convolution pipeline (8 x 8 blocks) took
 * 2.2-2.3 s to create from the source written for 16 x 8 and 1.3 s from the one for 8 x 8 (lavapipe,
 * the machine otherwise idle), at every run's start. 16 x 8 blocks sampled only 2-7 % faster than
 * 8 x 8 and generated code 3-4x longer.
 */
export const MAX_RB = 8;
export const MAX_CB = 8;

/**
 * conv2d.wgsl's `first` entry point is written for RB <= FIRST_MAX_RB, CB <= FIRST_MAX_CB. Each column
 * tile recomputes the first layer (36 vector FMAs per block of 4 rows and channel group, against 4 * CB
 * x 4 for the GEMM), so its tiles span as many output columns as they can: measured on lavapipe with the
 * MNIST CNN's pair at batch 400, 8 x 8 blocks took 87-89 ms, 4 x 16 82-84, 6 x 16 76-77 and 8 x 16
 * 72-74 ms, but 8 x 16 took 32 s at its first dispatch with an empty cache against 18 s for 6 x 16 and
 * 12 s for 8 x 8 (lavapipe's code generation grows faster than the tile).
 */
export const FIRST_MAX_RB = 6;
export const FIRST_MAX_CB = 16;

/**
 * A cap on the software adapter's tiles, from SMOOTHCERT_MAX_TILE=RBxCB (default DEFAULT_TILE_LIMIT).
 * A tile's unrolled code grows with RB x CB and lavapipe compiles it at the first dispatch: measured
 * here with an empty shader cache (2 loaded cores), a forward 3x3 convolution compiled in 101 s with
 * 16 x 8 blocks, 29 s with 8 x 8 and 9.5 s with 8 x 4, and ran 2-7 % (8 x 8) or 15-20 % (8 x 4) slower;
 * the MNIST CNN's one convolution pipeline took 99 s (16 x 8) and 24 s (8 x 8) at its first dispatch,
 * and even with a warm cache 4.7 s and 2.4 s to create, while certifying at about the same rate
 * (interleaved runs with a training job on the cores; `certify --verbose`). So 8 x 8 is the default
 * and the largest tile the kernels are written for (MAX_RB, MAX_CB say why).
 * The test suite, which compiles everything afresh on a new machine, sets 8x4.
 */
export interface TileLimit {
  rows: number;
  cols: number;
}

/** The software tiles' cap when SMOOTHCERT_MAX_TILE is not set (see TileLimit). */
export const DEFAULT_TILE_LIMIT: Readonly<TileLimit> = { rows: 8, cols: 8 };

/**
 * The cap for a short job, whose wait for compilation would outweigh the sampling it saves: the MNIST
 * CNN's convolution generated code in 5.1 s at its first dispatch with it, against 24 s with 8 x 8
 * (empty cache, a training job on the cores), at 15-20 % lower throughput.
 */
export const FAST_START_TILE_LIMIT: Readonly<TileLimit> = { rows: 8, cols: 4 };

/**
 * "RBxCB" (1 <= RB <= MAX_RB, 1 <= CB <= MAX_CB), or null when unset (the default cap applies);
 * anything else is an error naming the variable.
 */
export function parseTileLimit(text: string | undefined): TileLimit | null {
  if (text === undefined || text === "") return null;
  const m = /^(\d+)x(\d+)$/.exec(text.trim());
  const rows = m ? Number(m[1]) : NaN, cols = m ? Number(m[2]) : NaN;
  if (!(rows >= 1 && rows <= MAX_RB && cols >= 1 && cols <= MAX_CB)) {
    throw new RangeError(
      `SMOOTHCERT_MAX_TILE=${text}: expected RBxCB with 1 <= RB <= ${MAX_RB} and 1 <= CB <= ${MAX_CB}, e.g. 8x4`,
    );
  }
  return { rows, cols };
}

/** K values per split-K chunk at least (shorter chunks spend more on the partial-sum reduction). */
export const MIN_SPLIT_CHUNK = 256;

export function workgroupsOf(t: GemmTile, M: number, N: number): number {
  return Math.ceil(M / (4 * t.RB * t.WGY)) * Math.ceil(N / (4 * t.CB * t.WGX));
}

/** Blocks per invocation covering `blocks` with as few workgroups as `max` allows, evenly. */
function balanced(blocks: number, max: number): number {
  const groups = Math.ceil(blocks / max);
  return Math.max(1, Math.ceil(blocks / groups));
}

function softwareTile(
  M: number,
  N: number,
  K: number,
  lanes: LaneAxis,
  minWorkgroups: number,
  limit: TileLimit,
): GemmTile {
  // The shared operand's extent per workgroup is 4*RB (or 4*CB) and the other spans 8 lanes.
  const WGX = lanes === "cols" ? 8 : 1;
  const WGY = lanes === "cols" ? 1 : 8;
  const t = {
    RB: balanced(Math.ceil(M / (4 * WGY)), limit.rows),
    CB: balanced(Math.ceil(N / (4 * WGX)), limit.cols),
    WGX,
    WGY,
  };
  // Shrink the tile until the cores have enough work (counting what split-K can add for long
  // reductions): the side the lanes share first (down to 2 blocks), then the other, then the shared
  // side to 1. Smaller tiles load more per FMA, so splitting K is preferred.
  const shared = lanes === "cols" ? "RB" : "CB";
  const other = lanes === "cols" ? "CB" : "RB";
  const splits = Math.max(1, Math.floor(K / MIN_SPLIT_CHUNK));
  while (workgroupsOf(t, M, N) * splits < minWorkgroups) {
    if (t[shared] > 2) t[shared] = Math.ceil(t[shared] / 2);
    else if (t[other] > 1) t[other] = Math.ceil(t[other] / 2);
    else if (t[shared] > 1) t[shared] = 1;
    else break;
  }
  return t;
}

/**
 * `first`'s tile on the software adapter: as wide as the output allows, rows shrunk until the cores have
 * work (it runs with one K split); null where the cap's column blocks cover fewer than min(32, N)
 * columns. There, the tile's columns chosen under that cap would recompute the first layer too often
 * to pay (MNIST CNN, 16 columns per tile: 116-120 ms against 118-120 ms for the two layers apart), and
 * such a cap is set to compile quickly (FAST_START_TILE_LIMIT), which a second pipeline would not.
 */
function softwareFirstLayerTile(
  M: number,
  N: number,
  minWorkgroups: number,
  limit: TileLimit,
): GemmTile | null {
  if (4 * limit.cols < Math.min(32, N)) return null;
  const t = {
    RB: balanced(Math.ceil(M / 32), Math.min(limit.rows, FIRST_MAX_RB)),
    CB: balanced(Math.ceil(N / 4), FIRST_MAX_CB),
    WGX: 1,
    WGY: 8,
  };
  while (workgroupsOf(t, M, N) < minWorkgroups && t.RB > 1) t.RB = Math.ceil(t.RB / 2);
  return workgroupsOf(t, M, N) < minWorkgroups ? null : t;
}

function gpuTile(M: number, N: number): GemmTile {
  const RB = M >= 512 && N >= 512 ? 2 : 1;
  return { RB, CB: RB, WGX: 16, WGY: 16 };
}

/** Whether the adapter runs shaders on the CPU (Mesa lavapipe/llvmpipe, WARP, SwiftShader). */
export function isSoftwareAdapter(info: Pick<GpuInfo, "isFallbackAdapter" | "description">): boolean {
  return info.isFallbackAdapter || /llvmpipe|lavapipe|swiftshader|warp|software/i.test(info.description);
}

/** The tile policy for an adapter (`limit` caps the software tiles; null: DEFAULT_TILE_LIMIT). */
export function tileConfig(
  info: Pick<GpuInfo, "isFallbackAdapter" | "description"> & Partial<Pick<GpuInfo, "backend">>,
  limit: TileLimit | null = null,
): TileConfig {
  if (isSoftwareAdapter(info)) {
    // Mesa runs one workgroup per thread; a few per core smooths out uneven tiles.
    const cores = typeof navigator !== "undefined" && navigator.hardwareConcurrency
      ? navigator.hardwareConcurrency
      : 2;
    const minWorkgroups = 3 * cores;
    const cap = limit ?? DEFAULT_TILE_LIMIT;
    const mesa = /llvmpipe|lavapipe/i.test(info.description);
    return {
      kind: "software",
      minWorkgroups,
      gemm: (M, N, lanes, K) => softwareTile(M, N, K, lanes, minWorkgroups, cap),
      firstLayer: (M, N) => softwareFirstLayerTile(M, N, minWorkgroups, cap),
      winograd: mesa,
      winogradSharedWeights: mesa && info.backend === "vulkan",
      reductionLanes: mesa ? 8 : undefined,
    };
  }
  return { kind: "gpu", minWorkgroups: 256, gemm: (M, N) => gpuTile(M, N) };
}
