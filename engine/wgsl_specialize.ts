/**
 * A kernel family's source specialised for one pipeline's override constants: every `if` whose condition is a
 * single comparison of an override with an integer literal (`if (CB > 3u) {`, `if (PASS == 2u) { ... } else
 * { ... }`) is decided here, its live branch kept as a plain block and the dead one removed.
 *
 * Why: WebGPU resolves override constants when the pipeline is built, but Mesa's Vulkan drivers (lavapipe
 * included) inline every function call of the entry point before they fold the constant conditions away, so
 * the dead branches of a register tile written for 8 x 8 blocks cost as much to translate as live ones.
 * Measured on lavapipe (README "Speed"): conv2d.wgsl's `main` took 0.8 s to build for a 1 x 1 tile and 1.0
 * s for 8 x 4 blocks, specialised 0.03 s and 0.5 s. The code that reaches the GPU is the same: the driver
 * removes those branches itself, later.
 *
 * Removed text is replaced by its line breaks, so compiler messages keep the file's line numbers. Comments
 * are skipped when looking for braces and `else`. Conditions of any other form (two terms, a runtime
 * value, a name that is not an override or that a declaration in the file shadows) are left as they are.
 */

/** Override names that guard a branch somewhere in `code`, in order of first use. */
export function guardNames(code: string, overrides: Iterable<string>): string[] {
  const known = new Set(overrides);
  const names: string[] = [];
  for (const m of code.matchAll(CONDITION_SCAN)) {
    if (known.has(m[1]) && !names.includes(m[1]) && !shadowed(code, m[1])) names.push(m[1]);
  }
  return names;
}

/** `code` with the branches that `values` decide resolved (see the module comment). */
export function specializeWgsl(code: string, values: ReadonlyMap<string, number>): string {
  const usable = new Map([...values].filter(([name]) => !shadowed(code, name)));
  return usable.size === 0 ? code : specialize(code, usable);
}

const CONDITION_SCAN = /\bif\s*\(\s*([A-Za-z_]\w*)\s*(?:==|!=|>=|<=|>|<)\s*\d+u?\s*\)/g;
const CONDITION = /^if\s*\(\s*([A-Za-z_]\w*)\s*(==|!=|>=|<=|>|<)\s*(\d+)u?\s*\)\s*\{/;

/** A local declaration or parameter of the same name would make the condition read that, not the override. */
function shadowed(code: string, name: string): boolean {
  return new RegExp(`\\b(?:let|var|const)\\s+${name}\\b|[(,]\\s*${name}\\s*:`).test(code);
}

function decide(op: string, a: number, b: number): boolean {
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
    const m = code.startsWith("if", i) && !isWordChar(code[i - 1]) ? CONDITION.exec(code.slice(i)) : null;
    const value = m ? values.get(m[1]) : undefined;
    if (!m || value === undefined) {
      out += code[i++];
      continue;
    }
    const thenOpen = i + m[0].length - 1;
    const thenClose = matchingBrace(code, thenOpen);
    let end = thenClose + 1;
    // the else branch: a block or another if statement (`else if`), empty where there is none
    let elseStart = end;
    const afterThen = skipSpaceAndComments(code, end);
    if (code.startsWith("else", afterThen) && !isWordChar(code[afterThen + 4])) {
      elseStart = skipSpaceAndComments(code, afterThen + 4);
      end = code[elseStart] === "{" ? matchingBrace(code, elseStart) + 1 : ifStatementEnd(code, elseStart);
    }
    const [from, to] = decide(m[2], value, Number(m[3])) ? [thenOpen, thenClose + 1] : [elseStart, end];
    // the live branch where it stood, the rest replaced by its line breaks
    out += "\n".repeat(lineBreaks(code.slice(i, from)));
    // A live then-branch stays an `if`, of a literal condition: its own block in the driver's IR
    // until that folds the condition, as before (a plain block measured slower to translate where the
    // whole tile is live).
    if (from === thenOpen) out += "if (true) ";
    out += specialize(code.slice(from, to), values);
    out += "\n".repeat(lineBreaks(code.slice(to, end)));
    i = end;
  }
  return out;
}

/** The end of the `if` statement at `start`, its `else if` / `else` chain included. */
function ifStatementEnd(code: string, start: number): number {
  if (!code.startsWith("if", start)) throw new Error(`wgsl_specialize: expected "if" at offset ${start}`);
  const open = code.indexOf("{", start);
  let end = matchingBrace(code, open) + 1;
  const next = skipSpaceAndComments(code, end);
  if (code.startsWith("else", next) && !isWordChar(code[next + 4])) {
    const body = skipSpaceAndComments(code, next + 4);
    end = code[body] === "{" ? matchingBrace(code, body) + 1 : ifStatementEnd(code, body);
  }
  return end;
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
