/**
 * JSON text read back with the object keys it was written with. `JSON.parse` alone cannot be trusted
 * with them, for three reasons:
 *
 * - V8 (13.6 up to at least 15.0, the engine of Deno 2.9 and of Chromium) can decode an escaped key
 *   through a hidden-class transition left by an earlier parse whose raw text began the same way:
 *   once one safetensors header has named a tensor `\`, a later header naming one `"` reads it back
 *   as `\` (V8 issue 521080746, nodejs/node#63785, open). Only object keys take that path; a string
 *   parsed on its own decodes correctly.
 * - It keeps the last of two equal keys silently (a header naming a tensor twice would load one of
 *   them without complaint).
 * - The objects it returns list integer-like keys ("0", "7") before the others, whatever the text says.
 *
 * So this reader rebuilds the value itself from text that `JSON.parse` has already accepted: every key,
 * string, number and literal is decoded by `JSON.parse` of its own token, objects get their keys as
 * own data properties (so even `__proto__` is data), and the top-level keys are listed in text order.
 * It walks the text with an explicit stack, so nesting depth cannot overflow the call stack.
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface FaithfulJson {
  value: JsonValue;
  /** The first key that appears twice in one object, with its path (e.g. `a`, `__metadata__.note`). */
  duplicate: { key: string; path: string } | null;
  /** The keys of the top-level object in text order (empty when the top level is not an object). */
  topLevel: string[];
}

interface Frame {
  container: JsonValue[] | { [key: string]: JsonValue };
  /** The keys seen so far in an object, null for an array. */
  keys: Set<string> | null;
  /** The key whose value comes next, in an object. */
  key: string | null;
  path: string;
}

/** Reads `text`, which must already be valid JSON (parse it first: this reader only rebuilds). */
export function parseJsonFaithfully(text: string): FaithfulJson {
  const frames: Frame[] = [];
  const topLevel: string[] = [];
  let duplicate: FaithfulJson["duplicate"] = null;
  let root: JsonValue = null;

  const attach = (v: JsonValue) => {
    const top = frames[frames.length - 1];
    if (!top) root = v;
    else if (top.keys) {
      Object.defineProperty(top.container, top.key!, {
        value: v,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      top.key = null;
    } else (top.container as JsonValue[]).push(v);
  };

  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (isSpace(c) || c === "," || c === ":") {
      i++;
    } else if (c === '"') {
      const end = stringEnd(text, i);
      const s = JSON.parse(text.slice(i, end)) as string;
      const top = frames[frames.length - 1];
      if (top?.keys && top.key === null) {
        if (top.keys.has(s) && !duplicate) {
          duplicate = { key: s, path: top.path ? `${top.path}.${s}` : s };
        }
        top.keys.add(s);
        if (frames.length === 1) topLevel.push(s);
        top.key = s;
      } else attach(s);
      i = end;
    } else if (c === "{" || c === "[") {
      const parent = frames[frames.length - 1];
      const path = parent?.keys
        ? (parent.path ? `${parent.path}.${parent.key}` : parent.key!)
        : (parent?.path ?? "");
      const container = c === "{" ? {} : [];
      attach(container);
      frames.push({ container, keys: c === "{" ? new Set() : null, key: null, path });
      i++;
    } else if (c === "}" || c === "]") {
      frames.pop();
      i++;
    } else {
      // A number, true, false or null: up to the next delimiter.
      let j = i;
      while (j < text.length && !isDelimiter(text[j])) j++;
      attach(JSON.parse(text.slice(i, j)) as JsonValue);
      i = j;
    }
  }
  return { value: root, duplicate, topLevel };
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

function isDelimiter(c: string): boolean {
  return isSpace(c) || c === "," || c === "]" || c === "}";
}
