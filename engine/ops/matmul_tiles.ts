/**
 * Tile selection for the register-tiled GEMM kernels (matmul, linear, conv2d and their f16 variants),
 * in one place. A kernel invocation owns RB x CB blocks of 4x4 outputs (so 4*RB rows by 4*CB
 * columns); a workgroup is WGX x WGY invocations. The kernels are written for RB <= 16 and CB <= 8.
 *
 * Two adapter classes:
 * - software (Mesa lavapipe/llvmpipe, WARP, SwiftShader): invocations are SIMD lanes of a CPU core and
 *   every storage-buffer load is issued lane by lane, so loads cost far more than FMAs. Large
 *   per-invocation tiles (up to 64x32, spilled to the stack) maximise FMAs per loaded element, and the
 *   8 lanes of a workgroup share one operand's blocks (their loads hit the same cache lines) and take
 *   interleaved blocks of the other. Measured on lavapipe (2 cores): 64x32 per lane beats 32x32 by
 *   ~15%; lanes that each stream different rows of a row-major operand are up to 6x slower.
 * - gpu (discrete or integrated hardware): 16x16 invocations of 8x8 outputs, the usual register tile
 *   for hardware with ~255 registers per thread; caches serve the reuse that workgroup memory would.
 */
import type { GpuInfo } from "../device.ts";

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
   * Tile for an M x N output. `lanes`: "cols" spreads a workgroup's invocations over columns (they
   * share row blocks), "rows" over rows (they share column blocks).
   */
  gemm(M: number, N: number, lanes: LaneAxis): GemmTile;
}

export const MAX_RB = 16;
export const MAX_CB = 8;

function pow2AtMost(n: number, cap: number): number {
  let p = 1;
  while (p * 2 <= Math.min(n, cap)) p *= 2;
  return p;
}

function pow2AtLeast(n: number, cap: number): number {
  let p = 1;
  while (p < n && p < cap) p *= 2;
  return p;
}

export function workgroupsOf(t: GemmTile, M: number, N: number): number {
  return Math.ceil(M / (4 * t.RB * t.WGY)) * Math.ceil(N / (4 * t.CB * t.WGX));
}

function softwareTile(M: number, N: number, lanes: LaneAxis, minWorkgroups: number): GemmTile {
  // The shared operand's extent per workgroup is 4*RB (or 4*CB) and the other spans 8 lanes.
  const WGX = lanes === "cols" ? 8 : 1;
  const WGY = lanes === "cols" ? 1 : 8;
  let RB = pow2AtLeast(Math.ceil(M / (4 * WGY)), MAX_RB);
  let CB = pow2AtLeast(Math.ceil(N / (4 * WGX)), MAX_CB);
  // Shrink the tile (the shared side first, it costs least) until the cores have enough work.
  while (workgroupsOf({ RB, CB, WGX, WGY }, M, N) < minWorkgroups) {
    if (lanes === "cols" ? RB > 2 : CB > 2) {
      if (lanes === "cols") RB /= 2;
      else CB /= 2;
    } else if (lanes === "cols" ? CB > 1 : RB > 1) {
      if (lanes === "cols") CB /= 2;
      else RB /= 2;
    } else if (lanes === "cols" ? RB > 1 : CB > 1) {
      if (lanes === "cols") RB /= 2;
      else CB /= 2;
    } else break;
  }
  return { RB, CB, WGX, WGY };
}

function gpuTile(M: number, N: number): GemmTile {
  const RB = M >= 512 && N >= 512 ? 2 : 1;
  return { RB, CB: RB, WGX: 16, WGY: 16 };
}

/** The tile policy for an adapter. */
export function tileConfig(info: Pick<GpuInfo, "isFallbackAdapter" | "description">): TileConfig {
  const software = info.isFallbackAdapter || /llvmpipe|lavapipe|swiftshader|warp|software/i.test(info.description);
  if (software) {
    // Mesa runs one workgroup per thread; a few per core smooths out uneven tiles.
    const cores = typeof navigator !== "undefined" && navigator.hardwareConcurrency ? navigator.hardwareConcurrency : 2;
    const minWorkgroups = 3 * cores;
    return { kind: "software", minWorkgroups, gemm: (M, N, lanes) => softwareTile(M, N, lanes, minWorkgroups) };
  }
  return { kind: "gpu", minWorkgroups: 256, gemm: (M, N) => gpuTile(M, N) };
}

/** Largest power of two <= n (n >= 1), exported for split-K sizing. */
export function floorPow2(n: number): number {
  return pow2AtMost(Math.max(1, n), 1 << 30);
}
