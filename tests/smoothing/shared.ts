/** Locates the read-only shared fixtures (/work/shared next to the repository) for tests. */

/** URL of the shared folder: tests/smoothing -> tests -> repository root -> its parent. */
export const SHARED_DIR = new URL("../../../shared/", import.meta.url);

function exists(url: URL): boolean {
  try {
    Deno.statSync(url);
    return true;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return false;
    throw error;
  }
}

/** Whether the shared folder is present; when it is not, say so once and let tests be skipped. */
export const SHARED_AVAILABLE: boolean = exists(SHARED_DIR);
if (!SHARED_AVAILABLE) {
  console.warn(`shared fixtures not found at ${SHARED_DIR.pathname}: tests that need them are skipped`);
}

/** Filesystem path of a file or folder inside the shared folder. */
export function sharedPath(relative: string): string {
  return new URL(relative, SHARED_DIR).pathname;
}
