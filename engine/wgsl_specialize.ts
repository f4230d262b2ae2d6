/**
 * A kernel family's source specialised for one pipeline's override constants: every `if` whose condition the
 * overrides decide is resolved here, its live branch kept and the dead one removed. A condition is a
 * conjunction (`&&`) of terms; a term is decided if it compares an override with an integer literal (`CB >
 * 3u`, `PASS == 2u`) or tests its bits (`(EPI & 2u) != 0u`). A false term makes the `if` dead, true terms
 * drop out (`PASS == 0u && p.res == 1u` becomes `p.res == 1u` for PASS = 0), and `else` / `else if`
 * branches follow.
 *
 * Why: WebGPU resolves override constants when the pipeline is built, but Mesa's Vulkan drivers (lavapipe
 * included) inline every function call of the entry point before they fold the constant conditions away, so
 * the dead branches of a register tile written for 8 x 8 blocks cost as much to translate as live ones.
 * Measured on lavapipe (docs/SPEED.md): conv2d.wgsl's `main` took 0.6-0.7 s to build for 2 x 2 blocks and
 * 1.0-1.2 s for 8 x 4, specialised 0.03-0.05 s and 0.2 s. The kernels run as before: the driver removes
 * those branches itself, later.
 *
 * A live then-branch stays an `if (true)` (a block of its own until the driver folds it, as before).
 * Removed text is replaced by its line breaks, so compiler messages keep the file's line numbers. Comments
 * are skipped when looking for braces and `else`. Anything else is left as written: a disjunction, a term
 * of another form, a name that is not an override or that a declaration in the file shadows, and a false
 * term beside one that calls a function (whose call would be dropped).
 */

/** Override names that appear in the condition of some `if` in `code`, in order of first use. */
export function guardNames(code: string, overrides: Iterable<string>): string[] {
  const known = new Set(overrides);
  const names: string[] = [];
  for (const m of code.matchAll(/\bif\s*\(/g)) {
    const open = m.index! + m[0].length - 1;
    const condition = code.slice(open, Math.max(open, matchingParen(code, open)));
    for (const [name] of condition.matchAll(/\b[A-Za-z_]\w*\b/g)) {
      if (known.has(name) && !names.includes(name) && !shadowed(code, name)) names.push(name);
    }
  }
  return names;
}

/** `code` with the branches that `values` decide resolved (see the module comment). */
export function specializeWgsl(code: string, values: ReadonlyMap<string, number>): string {
  const usable = new Map([...values].filter(([name]) => !shadowed(code, name)));
  return usable.size === 0 ? code : specialize(code, usable);
}

/** One term of a condition: `NAME op 3u`, or a bit test `(NAME & 2u) != 0u`. */
const COMPARISON = /^([A-Za-z_]\w*)\s*(==|!=|>=|<=|>|<)\s*(\d+)u?$/;
const BIT_TEST = /^\(\s*([A-Za-z_]\w*)\s*&\s*(\d+)u?\s*\)\s*(==|!=)\s*(\d+)u?$/;

/** A local declaration or parameter of the same name would make the condition read that, not the override. */
function shadowed(code: string, name: string): boolean {
  return new RegExp(`\\b(?:let|var|const)\\s+${name}\\b|[(,]\\s*${name}\\s*:`).test(code);
}

function compare(op: string, a: number, b: number): boolean {
  switch (op) {
    case "==":
      return a === b;
    case "!=":
      return a !== b;
    case ">=":
      return a >= b;
    case "<=":
      return a <= b;
    case ">":
      return a > b;
    default:
      return a < b;
  }
}

/** A term's value where the overrides decide it, else null. */
function termValue(term: string, values: ReadonlyMap<string, number>): boolean | null {
  const c = COMPARISON.exec(term);
  if (c) {
    const v = values.get(c[1]);
    return v === undefined ? null : compare(c[2], v, Number(c[3]));
  }
  const b = BIT_TEST.exec(term);
  if (b) {
    const v = values.get(b[1]);
    return v === undefined ? null : compare(b[3], v & Number(b[2]), Number(b[4]));
  }
  return null;
}

/**
 * A condition decided (true or false), reduced to the terms the overrides leave open (a string), or null
 * where nothing can be said. Only conjunctions: `A == 0u && p.n > 2u` is false for A = 1 and `p.n > 2u` for
 * A = 0. A term left open is kept even where another is false if it calls a function (its evaluation
 * would be dropped).
 */
function decide(cond: string, values: ReadonlyMap<string, number>): boolean | string | null {
  const terms = splitTopLevel(cond, "&&");
  if (terms.some((t) => splitTopLevel(t, "||").length > 1)) return null;
  const known = terms.map((t) => termValue(unwrap(t), values));
  if (known.every((k) => k === null)) return null;
  const open = terms.filter((_, i) => known[i] === null);
  if (known.includes(false)) return open.some((t) => /\w\s*\(/.test(t)) ? null : false;
  return open.length === 0 ? true : open.join(" && ");
}

/** `s` split at `sep` outside parentheses, each part trimmed. */
function splitTopLevel(s: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0, from = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "(") depth++;
    else if (s[i] === ")") depth--;
    else if (depth === 0 && s.startsWith(sep, i)) {
      parts.push(s.slice(from, i).trim());
      from = i + sep.length;
      i += sep.length - 1;
    }
  }
  parts.push(s.slice(from).trim());
  return parts;
}

/** A term without parentheses around the whole of it. */
function unwrap(t: string): string {
  while (t.startsWith("(") && matchingParen(t, 0) === t.length - 1) t = t.slice(1, -1).trim();
  return t;
}

function matchingParen(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === "(") depth++;
    else if (s[i] === ")" && --depth === 0) return i;
  }
  return -1;
}

function specialize(code: string, values: ReadonlyMap<string, number>): string {
  let out = "";
  let i = 0;
  while (i < code.length) {
    const skip = commentEnd(code, i);
    if (skip > i) {
      out += code.slice(i, skip);
      i = skip;
      continue;
    }
    const header = code.startsWith("if", i) && !isWordChar(code[i - 1]) && !isWordChar(code[i + 2])
      ? ifHeader(code, i)
      : null;
    const verdict = header ? decide(header.condition, values) : null;
    if (!header || verdict === null) {
      out += code[i++];
      continue;
    }
    const thenOpen = header.open;
    const { thenClose, elseStart, end } = branches(code, thenOpen);
    if (typeof verdict === "string") {
      // the terms left open, both branches kept
      out += `if (${verdict}) ` + "\n".repeat(lineBreaks(code.slice(i, thenOpen)));
      out += specialize(code.slice(thenOpen, end), values);
      i = end;
      continue;
    }
    const [from, to] = verdict ? [thenOpen, thenClose + 1] : [elseStart, end];
    // the live branch where it stood, the rest replaced by its line breaks
    out += "\n".repeat(lineBreaks(code.slice(i, from)));
    // A live then-branch stays an `if`, of a literal condition: its own block in the driver's IR
    // until that folds the condition, as before (a plain block measured slower to translate where the
    // whole tile is live).
    if (from === thenOpen) out += "if (true) ";
    // after an `else`, an if with nothing left still needs a statement
    else if (from === to && /\belse\s*$/.test(out)) out += "{}";
    out += specialize(code.slice(from, to), values);
    out += "\n".repeat(lineBreaks(code.slice(to, end)));
    i = end;
  }
  return out;
}

/** The condition of the `if` at `i` and the offset of its then-block's brace, or null if not that shape. */
function ifHeader(code: string, i: number): { condition: string; open: number } | null {
  const paren = skipSpaceAndComments(code, i + 2);
  if (code[paren] !== "(") return null;
  const close = matchingParen(code, paren);
  if (close < 0) return null;
  const open = skipSpaceAndComments(code, close + 1);
  return code[open] === "{" ? { condition: code.slice(paren + 1, close).trim(), open } : null;
}

/**
 * Where the branches of the `if` whose then-block opens at `thenOpen` lie: the then-block's closing brace,
 * the else branch from `elseStart` (a block, or another if statement for `else if`; empty where there is
 * none) to `end`, the end of the whole statement.
 */
function branches(code: string, thenOpen: number): { thenClose: number; elseStart: number; end: number } {
  const thenClose = matchingBrace(code, thenOpen);
  const afterThen = skipSpaceAndComments(code, thenClose + 1);
  if (!code.startsWith("else", afterThen) || isWordChar(code[afterThen + 4])) {
    return { thenClose, elseStart: thenClose + 1, end: thenClose + 1 };
  }
  const elseStart = skipSpaceAndComments(code, afterThen + 4);
  if (code[elseStart] === "{") return { thenClose, elseStart, end: matchingBrace(code, elseStart) + 1 };
  const header = code.startsWith("if", elseStart) ? ifHeader(code, elseStart) : null;
  if (!header) throw new Error(`wgsl_specialize: expected a block or "if" after else at offset ${elseStart}`);
  return { thenClose, elseStart, end: branches(code, header.open).end };
}

function matchingBrace(code: string, open: number): number {
  let depth = 0;
  for (let i = open; i < code.length;) {
    const skip = commentEnd(code, i);
    if (skip > i) {
      i = skip;
      continue;
    }
    if (code[i] === "{") depth++;
    else if (code[i] === "}" && --depth === 0) return i;
    i++;
  }
  throw new Error(`wgsl_specialize: unbalanced braces from offset ${open}`);
}

/** The offset after the comment starting at `i` (WGSL block comments nest), or `i` if none does. */
function commentEnd(code: string, i: number): number {
  if (code.startsWith("//", i)) {
    const nl = code.indexOf("\n", i);
    return nl < 0 ? code.length : nl;
  }
  if (!code.startsWith("/*", i)) return i;
  let depth = 0;
  while (i < code.length) {
    if (code.startsWith("/*", i)) {
      depth++;
      i += 2;
    } else if (code.startsWith("*/", i)) {
      i += 2;
      if (--depth === 0) return i;
    } else i++;
  }
  return i;
}

function skipSpaceAndComments(code: string, i: number): number {
  for (;;) {
    while (i < code.length && /\s/.test(code[i])) i++;
    const skip = commentEnd(code, i);
    if (skip === i) return i;
    i = skip;
  }
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /\w/.test(c);
}

function lineBreaks(s: string): number {
  let n = 0;
  for (const c of s) if (c === "\n") n++;
  return n;
}
