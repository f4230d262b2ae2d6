/**
 * Command-line parsing shared by the `deno task` commands, on top of node:util parseArgs: a
 * command is declared once (flags with types, defaults and descriptions, positionals), and from
 * that declaration come strict parsing with typed, validated values, the --help text, and the exit
 * codes (0 success, 1 failure, 2 usage error).
 *
 *   const spec = defineCommand({
 *     name: "certify", usage: "[options] CHECKPOINT", summary: "...",
 *     flags: { alpha: probabilityFlag("failure probability", { default: 0.001 }), ... },
 *     positionals: { name: "CHECKPOINT", min: 1, max: 1 },
 *   });
 *   if (import.meta.main) Deno.exit(await runCommand(spec, Deno.args, ({ values, positionals }) => ...));
 */
import { parseArgs } from "node:util";

/** Bad command-line input: reported with a pointer to --help, exit code 2. */
export class UsageError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** What parseArgs read for a flag: undefined when absent, arrays for repeatable flags. */
export type RawFlagValue = string | boolean | (string | boolean)[] | undefined;

/** One flag: how parseArgs reads it, how its text becomes a typed value, how --help shows it. */
export interface Flag<T> {
  readonly type: "boolean" | "string";
  readonly description: string;
  readonly short?: string;
  /** placeholder in --help, e.g. N, FILE, R1,R2,... */
  readonly valueName?: string;
  /** the flag may repeat; its values are collected in order */
  readonly multiple?: boolean;
  /** boolean flags: --no-NAME turns it off */
  readonly negatable?: boolean;
  /** default as shown in --help */
  readonly defaultText?: string;
  /** converts what parseArgs read (undefined when the flag is absent) into the value */
  readonly convert: (raw: RawFlagValue, flag: string) => T;
}

/** A command's flags by name (Flag is covariant in its value type, so any Flag<T> fits). */
export type FlagSpecs = Record<string, Flag<unknown>>;

/** The parsed values of a set of flags, typed by their declarations. */
export type FlagValues<F extends FlagSpecs> = { [K in keyof F]: F[K] extends Flag<infer T> ? T : never };

export interface CommandSpec<F extends FlagSpecs> {
  /** the task name, e.g. "analyze" (used in messages and --help) */
  name: string;
  /** synopsis after the name, e.g. "[options] LOG..." */
  usage: string;
  /** what the command does, one paragraph */
  summary: string;
  flags: F;
  positionals?: { name: string; min?: number; max?: number };
  /** extra --help lines (examples) */
  examples?: string[];
}

/** Identity with type inference: declares a command. */
export function defineCommand<F extends FlagSpecs>(spec: CommandSpec<F>): CommandSpec<F> {
  for (const name of Object.keys(spec.flags)) {
    if (name === "help") {
      throw new Error(`${spec.name}: --help is provided by cli/args.ts and cannot be redefined`);
    }
  }
  return spec;
}

// ---------------------------------------------------------------------------------------------
// Validation of single values (usable on their own).

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A finite number from the text of --flag; the message names the flag and the text. */
export function parseNumber(text: string, flag: string): number {
  const value = Number(text);
  if (!NUMBER.test(text.trim()) || !Number.isFinite(value)) {
    throw new UsageError(`--${flag} must be a number, got '${text}'`);
  }
  return value;
}

export interface IntegerRange {
  min?: number;
  max?: number;
}

function describeRange(min: number | undefined, max: number | undefined, open = false): string {
  if (min !== undefined && max !== undefined) {
    return open ? `in (${min}, ${max})` : `between ${min} and ${max}`;
  }
  if (min !== undefined) return open ? `> ${min}` : `>= ${min}`;
  if (max !== undefined) return open ? `< ${max}` : `<= ${max}`;
  return "";
}

/** An integer (1e5 allowed) within [min, max]. */
export function parseInteger(text: string, flag: string, range: IntegerRange = {}): number {
  const value = parseNumber(text, flag);
  const { min, max } = range;
  if (
    !Number.isSafeInteger(value) || (min !== undefined && value < min) || (max !== undefined && value > max)
  ) {
    const where = describeRange(min, max);
    throw new UsageError(`--${flag} must be an integer${where ? " " + where : ""}, got '${text}'`);
  }
  return value;
}

/** An integer >= 1. */
export function parsePositiveInt(text: string, flag: string): number {
  return parseInteger(text, flag, { min: 1 });
}

export interface FloatRange {
  /** smallest allowed value (or, with exclusive, the bound it must exceed) */
  min?: number;
  max?: number;
  /** bounds are excluded */
  exclusive?: boolean;
}

/** A finite number within the range. */
export function parseFloatIn(text: string, flag: string, range: FloatRange = {}): number {
  const value = parseNumber(text, flag);
  const { min, max, exclusive = false } = range;
  const low = min === undefined || (exclusive ? value > min : value >= min);
  const high = max === undefined || (exclusive ? value < max : value <= max);
  if (!low || !high) {
    throw new UsageError(`--${flag} must be a number ${describeRange(min, max, exclusive)}, got '${text}'`);
  }
  return value;
}

/** A number > 0. */
export function parsePositiveFloat(text: string, flag: string): number {
  return parseFloatIn(text, flag, { min: 0, exclusive: true });
}

/** A probability strictly between 0 and 1 (alpha, a failure rate). */
export function parseProbability(text: string, flag: string): number {
  const value = parseNumber(text, flag);
  if (!(value > 0 && value < 1)) {
    throw new UsageError(`--${flag} must be a probability in (0, 1), got '${text}'`);
  }
  return value;
}

/** Comma-separated numbers, each within the range (e.g. --radii 0.25,0.5,1). */
export function parseFloatList(text: string, flag: string, range: FloatRange = {}): number[] {
  const items = text.split(",").map((s) => s.trim());
  if (items.some((s) => s === "")) {
    throw new UsageError(`--${flag} must be a comma-separated list of numbers, got '${text}'`);
  }
  return items.map((item) => parseFloatIn(item, flag, range));
}

// ---------------------------------------------------------------------------------------------
// Flag builders.

function single(raw: RawFlagValue): string | undefined {
  if (Array.isArray(raw)) return raw.length === 0 ? undefined : String(raw[raw.length - 1]);
  return raw === undefined ? undefined : String(raw);
}

/** Options every value flag accepts. */
export interface FlagOptions {
  short?: string;
  valueName?: string;
  /** how --help describes the default when it is not a plain value */
  defaultText?: string;
}

/** A value flag converted by `parse`; absent flags take `default`, or undefined without one. */
export function valueFlag<T>(
  description: string,
  parse: (text: string, flag: string) => T,
  options: FlagOptions & { default: T },
): Flag<T>;
export function valueFlag<T>(
  description: string,
  parse: (text: string, flag: string) => T,
  options?: FlagOptions,
): Flag<T | undefined>;
export function valueFlag<T>(
  description: string,
  parse: (text: string, flag: string) => T,
  options: FlagOptions & { default?: T } = {},
): Flag<T | undefined> {
  const fallback = options.default;
  return {
    type: "string",
    description,
    short: options.short,
    valueName: options.valueName ?? "VALUE",
    defaultText: options.defaultText ?? (fallback === undefined ? undefined : String(fallback)),
    convert: (raw, flag) => {
      const text = single(raw);
      return text === undefined ? fallback : parse(text, flag);
    },
  };
}

/** --flag (false when absent). */
export function booleanFlag(description: string, options: { short?: string } = {}): Flag<boolean> {
  return { type: "boolean", description, short: options.short, convert: (raw) => raw === true };
}

/** --flag / --no-flag; undefined when neither is given, so the command can pick a default. */
export function switchFlag(
  description: string,
  options: { defaultText?: string } = {},
): Flag<boolean | undefined> {
  return {
    type: "boolean",
    description,
    negatable: true,
    defaultText: options.defaultText,
    convert: (raw) => {
      const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
      return value === undefined ? undefined : value === true;
    },
  };
}

/** A text flag. */
export function stringFlag(description: string, options: FlagOptions & { default: string }): Flag<string>;
export function stringFlag(description: string, options?: FlagOptions): Flag<string | undefined>;
export function stringFlag(
  description: string,
  options: FlagOptions & { default?: string } = {},
): Flag<string | undefined> {
  return valueFlag(description, (text) => text, { valueName: "TEXT", ...options });
}

/** A text flag that may repeat (--name a --name b), collected in order; [] when absent. */
export function stringListFlag(description: string, options: FlagOptions = {}): Flag<string[]> {
  return {
    type: "string",
    description: `${description} (repeatable)`,
    short: options.short,
    valueName: options.valueName ?? "TEXT",
    multiple: true,
    convert: (raw) => raw === undefined ? [] : (Array.isArray(raw) ? raw : [raw]).map(String),
  };
}

/** One of a fixed set of words. */
export function choiceFlag<C extends string>(
  description: string,
  choices: readonly C[],
  fallback: C,
): Flag<C> {
  return valueFlag(description, (text, flag) => {
    if (!(choices as readonly string[]).includes(text)) {
      throw new UsageError(`--${flag} must be one of ${choices.join(", ")}, got '${text}'`);
    }
    return text as C;
  }, { default: fallback, valueName: choices.join("|") });
}

/** An integer flag (optionally bounded). */
export function intFlag(
  description: string,
  options: FlagOptions & IntegerRange & { default: number },
): Flag<number>;
export function intFlag(description: string, options?: FlagOptions & IntegerRange): Flag<number | undefined>;
export function intFlag(
  description: string,
  options: FlagOptions & IntegerRange & { default?: number } = {},
): Flag<number | undefined> {
  const { min, max } = options;
  return valueFlag(description, (text, flag) => parseInteger(text, flag, { min, max }), {
    valueName: "N",
    ...options,
  });
}

/** An integer >= 1 (sample counts, batch sizes). */
export function positiveIntFlag(
  description: string,
  options: FlagOptions & { default: number },
): Flag<number>;
export function positiveIntFlag(description: string, options?: FlagOptions): Flag<number | undefined>;
export function positiveIntFlag(
  description: string,
  options: FlagOptions & { default?: number } = {},
): Flag<number | undefined> {
  return valueFlag(description, parsePositiveInt, { valueName: "N", ...options });
}

/** A number flag (optionally bounded). */
export function floatFlag(
  description: string,
  options: FlagOptions & FloatRange & { default: number },
): Flag<number>;
export function floatFlag(description: string, options?: FlagOptions & FloatRange): Flag<number | undefined>;
export function floatFlag(
  description: string,
  options: FlagOptions & FloatRange & { default?: number } = {},
): Flag<number | undefined> {
  const { min, max, exclusive } = options;
  return valueFlag(description, (text, flag) => parseFloatIn(text, flag, { min, max, exclusive }), {
    valueName: "X",
    ...options,
  });
}

/** A number > 0 (sigma, learning rate). */
export function positiveFloatFlag(
  description: string,
  options: FlagOptions & { default: number },
): Flag<number>;
export function positiveFloatFlag(description: string, options?: FlagOptions): Flag<number | undefined>;
export function positiveFloatFlag(
  description: string,
  options: FlagOptions & { default?: number } = {},
): Flag<number | undefined> {
  return valueFlag(description, parsePositiveFloat, { valueName: "X", ...options });
}

/** A probability in (0, 1) (alpha). */
export function probabilityFlag(
  description: string,
  options: FlagOptions & { default: number },
): Flag<number>;
export function probabilityFlag(description: string, options?: FlagOptions): Flag<number | undefined>;
export function probabilityFlag(
  description: string,
  options: FlagOptions & { default?: number } = {},
): Flag<number | undefined> {
  return valueFlag(description, parseProbability, { valueName: "P", ...options });
}

/** Comma-separated numbers (--radii 0.25,0.5). */
export function floatListFlag(
  description: string,
  options: FlagOptions & FloatRange = {},
): Flag<number[] | undefined> {
  const { min, max, exclusive } = options;
  return valueFlag(description, (text, flag) => parseFloatList(text, flag, { min, max, exclusive }), {
    valueName: "X1,X2,...",
    ...options,
  });
}

// ---------------------------------------------------------------------------------------------
// Parsing, help and running.

export type Parsed<F extends FlagSpecs> =
  | { help: true }
  | { help: false; values: FlagValues<F>; positionals: string[] };

function optionNames<F extends FlagSpecs>(spec: CommandSpec<F>): string[] {
  return [...Object.keys(spec.flags), "help"];
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

function unknownOptionMessage<F extends FlagSpecs>(spec: CommandSpec<F>, message: string): string {
  const names = optionNames(spec);
  const given = /'(-{1,2}[^'=]+)/.exec(message)?.[1]?.replace(/^-+/, "");
  // Suggest only for words: any one-letter typo is within distance 2 of every short name.
  const close = given === undefined || given.length < 3
    ? undefined
    : names.find((n) => n.length >= 3 && editDistance(n, given) <= 2);
  const hint = close ? ` (did you mean --${close}?)` : "";
  return `unknown option '${
    given ? (given.length === 1 ? "-" : "--") + given : "?"
  }'${hint}; valid options: ${names.map((n) => "--" + n).join(", ")}`;
}

/** Parses the arguments strictly: unknown flags, missing values and wrong positionals are UsageErrors. */
export function parseCommand<F extends FlagSpecs>(spec: CommandSpec<F>, args: readonly string[]): Parsed<F> {
  const options: Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }> = {
    help: { type: "boolean", short: "h" },
  };
  for (const [name, flag] of Object.entries(spec.flags)) {
    options[name] = {
      type: flag.type,
      multiple: Boolean(flag.multiple || flag.negatable),
      ...(flag.short ? { short: flag.short } : {}),
    };
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options,
      strict: true,
      allowPositionals: true,
      allowNegative: true,
    });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = (error as Error).message;
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw new UsageError(unknownOptionMessage(spec, message));
    if (code?.startsWith("ERR_PARSE_ARGS")) throw new UsageError(message);
    throw error;
  }
  const raw = parsed.values as Record<string, RawFlagValue>;
  if (raw.help === true) return { help: true };
  for (const [name, flag] of Object.entries(spec.flags)) {
    // allowNegative accepts --no-X for every boolean; only declared switches may be negated.
    const value = raw[name];
    if (
      flag.type === "boolean" && !flag.negatable &&
      (value === false || (Array.isArray(value) && value.includes(false)))
    ) {
      throw new UsageError(
        `--no-${name} is not an option; valid options: ${optionNames(spec).map((n) => "--" + n).join(", ")}`,
      );
    }
  }
  const values = {} as Record<string, unknown>;
  for (const [name, flag] of Object.entries(spec.flags)) values[name] = flag.convert(raw[name], name);
  const positionals = parsed.positionals;
  const p = spec.positionals;
  if (p === undefined && positionals.length > 0) {
    throw new UsageError(
      `unexpected argument '${positionals[0]}' (${spec.name} takes no positional arguments)`,
    );
  }
  if (p !== undefined) {
    if (positionals.length < (p.min ?? 0)) {
      throw new UsageError(
        `expected at least ${p.min} ${p.name} argument${p.min === 1 ? "" : "s"}, got ${positionals.length}`,
      );
    }
    if (p.max !== undefined && positionals.length > p.max) {
      throw new UsageError(
        `expected at most ${p.max} ${p.name} argument${p.max === 1 ? "" : "s"}, got ${positionals.length}: ${
          positionals.join(" ")
        }`,
      );
    }
  }
  return { help: false, values: values as FlagValues<F>, positionals };
}

/** The --help text, generated from the declaration. */
export function helpText<F extends FlagSpecs>(spec: CommandSpec<F>): string {
  const entries: [string, string][] = Object.entries(spec.flags).map(([name, flag]) => {
    const names = `${flag.short ? `-${flag.short}, ` : "    "}--${flag.negatable ? `[no-]${name}` : name}`;
    const left = flag.type === "string" ? `${names} ${flag.valueName ?? "VALUE"}` : names;
    const right = flag.defaultText === undefined
      ? flag.description
      : `${flag.description} (default: ${flag.defaultText})`;
    return [left, right];
  });
  entries.push(["-h, --help", "show this help"]);
  const width = Math.min(34, Math.max(...entries.map(([l]) => l.length)) + 2);
  const lines = [`Usage: deno task ${spec.name} ${spec.usage}`, "", spec.summary, "", "Options:"];
  for (const [left, right] of entries) {
    lines.push(
      left.length + 2 <= width
        ? `  ${left.padEnd(width)}${right}`
        : `  ${left}\n  ${" ".repeat(width)}${right}`,
    );
  }
  if (spec.examples?.length) lines.push("", "Examples:", ...spec.examples.map((e) => `  ${e}`));
  return lines.join("\n") + "\n";
}

/** Where a command's messages go (stdout and stderr by default; tests capture them). */
export interface CommandIO {
  out: (text: string) => void;
  err: (text: string) => void;
}

const encoder = new TextEncoder();

function writeAllTo(stream: { writeSync(p: Uint8Array): number }, text: string): void {
  const data = encoder.encode(text);
  let offset = 0;
  while (offset < data.length) offset += stream.writeSync(data.subarray(offset));
}

export const STANDARD_IO: CommandIO = {
  out: (text) => writeAllTo(Deno.stdout, text),
  err: (text) => writeAllTo(Deno.stderr, text),
};

/**
 * Parses, prints --help (exit 0), runs, and maps failures to exit codes: a UsageError prints its
 * message and a pointer to --help (2); any other error prints "name: message" (1).
 */
export async function runCommand<F extends FlagSpecs>(
  spec: CommandSpec<F>,
  args: readonly string[],
  run: (
    parsed: { values: FlagValues<F>; positionals: string[] },
    io: CommandIO,
  ) => Promise<number | void> | number | void,
  io: CommandIO = STANDARD_IO,
): Promise<number> {
  try {
    const parsed = parseCommand(spec, args);
    if (parsed.help) {
      io.out(helpText(spec));
      return 0;
    }
    return (await run(parsed, io)) ?? 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${spec.name}: ${error.message}\nRun 'deno task ${spec.name} --help' for the options.\n`);
      return error.exitCode;
    }
    io.err(`${spec.name}: ${describeError(error)}\n`);
    return 1;
  }
}

/**
 * An error's message for the user. Deno's sandbox refusals suggest a flag the task does not take
 * ("run again with the --allow-all flag"): they say instead which path is off limits.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error instanceof Deno.errors.NotCapable || error instanceof Deno.errors.PermissionDenied) {
    const path = /"([^"]+)"/.exec(error.message)?.[1];
    if (path !== undefined && /--allow-/.test(error.message)) {
      return `cannot use ${path}: this task may not access it (system paths such as /sys, /proc and /dev are ` +
        "off limits); choose a location under your home or working directory";
    }
  }
  return error.message;
}

const interruptHooks = new Set<() => void>();

/** Run `fn` if the process is interrupted (Ctrl-C, SIGTERM) before the returned function is called. */
export function atInterrupt(fn: () => void): () => void {
  interruptHooks.add(fn);
  return () => void interruptHooks.delete(fn);
}

/**
 * The entry point of a `deno task` command: relative paths are the user's (`deno task` runs in the
 * repository root and passes the directory the command was typed in as INIT_CWD), and Ctrl-C or
 * SIGTERM says what was kept before the process exits with 130 (143 for SIGTERM).
 */
export async function runAsMain(
  command: (args: readonly string[]) => Promise<number>,
  interrupted: string,
): Promise<never> {
  // Read only where the task grants it (deno.json gives every task --allow-env or INIT_CWD).
  const granted = Deno.permissions.querySync({ name: "env", variable: "INIT_CWD" }).state === "granted";
  const userDir = granted ? Deno.env.get("INIT_CWD") : undefined;
  if (userDir) Deno.chdir(userDir);
  // SIGTERM is how batch schedulers stop a job (Slurm's scancel and time limit): it gets the same
  // clean-up as Ctrl-C, so a cancelled run releases its output lock and the next one resumes.
  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
    Deno.addSignalListener(signal, () => {
      for (const hook of interruptHooks) hook();
      STANDARD_IO.err(`\n${interrupted}\n`);
      Deno.exit(code);
    });
  }
  Deno.exit(await command(Deno.args));
}
