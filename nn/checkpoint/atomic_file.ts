/**
 * Atomic file replacement: readers see the old file or the complete new one, never a partial write.
 * (Paths are split by hand rather than with node:path, which would keep the checkpoint modules that
 * import this one out of the browser bundle.)
 */

/**
 * Writes `data` to a temporary file in the destination's directory (so the rename stays on one
 * file system) and renames it over `path`. The temporary file is removed if anything fails.
 */
export async function writeFileAtomic(path: string, data: Uint8Array): Promise<void> {
  const cut = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\")) + 1;
  const tmp = `${path.slice(0, cut)}.${path.slice(cut)}.${Deno.pid}.${crypto.randomUUID().slice(0, 8)}.tmp`;
  try {
    const file = await Deno.open(tmp, { write: true, createNew: true });
    try {
      for (let off = 0; off < data.length;) off += await file.write(data.subarray(off));
      // Flush before the rename so a crash cannot leave a renamed but empty file behind.
      await file.sync();
    } finally {
      file.close();
    }
    await Deno.rename(tmp, path);
  } catch (e) {
    await Deno.remove(tmp).catch(() => {});
    throw e;
  }
}
