/**
 * Duplicate-key detection for JSON text. `JSON.parse` silently keeps the last of two equal keys, so a
 * safetensors header naming a tensor twice would load one of them without complaint.
 */

/**
 * The first key that appears twice in one object of `text`, with its object path (e.g. `a` or
 * `__metadata__.note`), or null. `text` must already be valid JSON (parse it first): this scanner
 * only tracks strings and nesting.
 */
export function findDuplicateKey(text: string): { key: string; path: string } | null {
  // One frame per open container: the keys seen so far (null for arrays) and the object's path.
  const frames: { keys: Set<string> | null; path: string }[] = [];
  let lastKey = "";
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      const end = stringEnd(text, i);
      const top = frames[frames.length - 1];
      let j = end;
      while (j < text.length && isSpace(text[j])) j++;
      if (top?.keys && text[j] === ":") {
        const key = JSON.parse(text.slice(i, end)) as string;
        if (top.keys.has(key)) return { key, path: top.path ? `${top.path}.${key}` : key };
        top.keys.add(key);
        lastKey = key;
      }
      i = end;
      continue;
    }
    if (c === "{" || c === "[") {
      const parent = frames[frames.length - 1];
      const path = parent?.keys
        ? (parent.path ? `${parent.path}.${lastKey}` : lastKey)
        : (parent?.path ?? "");
      frames.push({ keys: c === "{" ? new Set() : null, path });
    } else if (c === "}" || c === "]") {
      frames.pop();
    }
    i++;
  }
  return null;
}

/** Index just past the closing quote of the string literal starting at `start`. */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
  return i + 1;
}

function isSpace(c: string): boolean {
  return c === " " || c === "\t" || c === "\n" || c === "\r";
}
