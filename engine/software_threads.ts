/**
 * How many threads Mesa's CPU driver (lavapipe, llvmpipe) runs compute dispatches on, when the user has
 * not said (LP_NUM_THREADS). Its compute thread pool (lp_cs_tpool.c) hands every thread an equal share of
 * a dispatch's workgroups, fixed when the dispatch is queued, and nothing is taken back: with its default,
 * one thread per core, a thread that the system interrupts (the queue thread's copies, the JavaScript
 * thread, another process) holds the whole dispatch back while the other cores wait. More threads than
 * cores make the shares smaller, and the operating system keeps every core busy until the last few end.
 * Measured on a 2-core machine (docs/SPEED.md): ResNet-20 certification batches kept the cores busy
 * 82-92 % of the time with 2 threads and 92-95 % with 8; 16 kept them as busy but sampled slower.
 */
import type { Environment } from "./gpu_select.ts";

/** The variable Mesa reads when it creates its thread pools (with the Vulkan or GL instance). */
export const THREADS_VARIABLE = "LP_NUM_THREADS";

/** Threads per core that the engine asks for. */
export const THREADS_PER_CORE = 4;

/** Mesa clamps the count to LP_MAX_THREADS, 32 in the llvmpipe sources consulted. */
export const MESA_MAX_THREADS = 32;

/** What the engine sets LP_NUM_THREADS to on a machine of `cores` cores, or null to leave Mesa's default. */
export function softwareThreads(cores: number): number | null {
  if (!Number.isInteger(cores) || cores < 1) return null;
  const threads = Math.min(THREADS_PER_CORE * cores, MESA_MAX_THREADS);
  // never fewer than Mesa's default of one per core
  return threads > cores ? threads : null;
}

/**
 * Sets LP_NUM_THREADS for a machine of `cores` cores unless the environment already has it (the user's
 * choice stands). Returns the setting in effect for logs: `LP_NUM_THREADS=8 (engine)`, `LP_NUM_THREADS=3
 * (user)`, or `LP_NUM_THREADS unset (Mesa's default)` (one thread per online CPU, clamped by Mesa).
 */
export function applySoftwareThreads(env: Environment, cores: number): string {
  const given = env.get(THREADS_VARIABLE);
  if (given !== undefined) return `${THREADS_VARIABLE}=${given} (user)`;
  const threads = softwareThreads(cores);
  if (threads === null) return `${THREADS_VARIABLE} unset (Mesa's default)`;
  env.set(THREADS_VARIABLE, String(threads));
  return `${THREADS_VARIABLE}=${threads} (engine)`;
}
