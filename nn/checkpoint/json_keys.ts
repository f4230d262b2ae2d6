/**
 * Object keys of JSON text as they are written. `JSON.parse` cannot report them faithfully: it
 * keeps the last of two equal keys silently (a safetensors header naming a tensor twice would load
 * one of them without complaint), and the object it returns lists integer-like keys ("0", "7")
 * before the others whatever the text says.
 */

export interface JsonKeys {
  /** The first key that appears twice in one object, with its path (e.g. `a`, `__metadata__.note`). */
  duplicate: { key: string; path: string } | null;
  /** The keys of the top-level object in text order (up to the first duplicate). */
  topLevel: string[];
}

/**
 * Scans the object keys of `text`, which must already be valid JSON (parse it first): the scanner
 * only tracks strings and nesting.
 */
export function scanJsonKeys(text: string): JsonKeys {
  // One frame per open container: the keys seen so far (null for arrays) and the object's path.
  const frames: { keys: Set<string> | null; path: string }[] = [];
  const topLevel: string[] = [];
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
        if (top.keys.has(key)) {
          return { duplicate: { key, path: top.path ? `${top.path}.${key}` : key }, topLevel };
        }
        top.keys.add(key);
        if (frames.length === 1) topLevel.push(key);
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
  return { duplicate: null, topLevel };
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
