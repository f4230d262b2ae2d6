/** Content hashes (SHA-256, WebCrypto), which identify checkpoints and data whatever names them. */

/** SHA-256 of some bytes, as hex. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
