/**
 * What every part engine/kernel_gen.ts writes into a .wgsl file uses: the section between a `// generated:
 * ...` line and its `// end of ...` line that a part replaces, and the scheduling fence its straight-line
 * multiply-adds are cut by.
 */

/**
 * Multiply-adds (vec4 FMAs) between two scheduling fences in the generated straight-line code. A fence
 * is `if (p.fence != 0u) { <a store> }`: the host always sets the uniform `fence` to 0, so the branch is
 * never taken, but it ends a basic block, and LLVM (lavapipe's code generator) schedules each block on its
 * own. Left to schedule a long run of multiply-adds as one block, it ran them at half speed: a probe of 8
 * independent vec4 FMA chains on an AVX2 machine, 16 steps per loop trip, 50 GFLOP/s as one block, 100
 * with a fence every 4 steps (32 FMAs), 91 with 4 steps per trip and no fence (docs/SPEED.md). The
 * store keeps the branch from being turned into a select; on a GPU a uniform branch costs next to nothing.
 */
export const FMAS_PER_FENCE = 64;

/** A scheduling fence (FMAS_PER_FENCE) whose never-taken branch stores `value` into `target`. */
export function fence(target: string, value: string): string {
  return `if (p.fence != 0u) { ${target} = ${value}; }`;
}

/** The lines strictly between `first` and `last`, which must each occur once, in that order. */
export function section(source: string, file: string, first: string, last: string): [number, number] {
  const lines = source.split("\n");
  const begin = lines.indexOf(first), end = lines.indexOf(last);
  if (begin < 0 || end < begin || lines.indexOf(first, begin + 1) >= 0) {
    throw new Error(`${file}: expected one section "${first.trim()}" ... "${last.trim()}"`);
  }
  return [begin + 1, end];
}

export function withSection(
  source: string,
  file: string,
  first: string,
  last: string,
  body: string[],
): string {
  const [begin, end] = section(source, file, first, last);
  const lines = source.split("\n");
  return [...lines.slice(0, begin), ...body, ...lines.slice(end)].join("\n");
}
