/** Shared flag parsing: typed values, validation messages naming the flag, --help, exit codes. */
import assert from "node:assert/strict";
import {
  booleanFlag,
  choiceFlag,
  type CommandIO,
  defineCommand,
  floatListFlag,
  helpText,
  intFlag,
  parseCommand,
  parseFloatList,
  parseInteger,
  parsePositiveFloat,
  parsePositiveInt,
  parseProbability,
  positiveFloatFlag,
  positiveIntFlag,
  probabilityFlag,
  runCommand,
  stringFlag,
  stringListFlag,
  switchFlag,
  UsageError,
} from "../../cli/args.ts";

const SPEC = defineCommand({
  name: "certify",
  usage: "[options] CHECKPOINT",
  summary: "Certifies images.",
  flags: {
    alpha: probabilityFlag("failure probability", { default: 0.001 }),
    n: positiveIntFlag("noise samples", { default: 100000 }),
    sigma: positiveFloatFlag("noise level"),
    skip: intFlag("certify every SKIP-th image", { default: 1, min: 1, max: 100 }),
    radii: floatListFlag("radii", { min: 0 }),
    format: choiceFlag("table format", ["markdown", "latex"] as const, "markdown"),
    envelope: switchFlag("envelope row"),
    verbose: booleanFlag("more output", { short: "v" }),
    name: stringListFlag("labels"),
    out: stringFlag("output file", { valueName: "FILE" }),
  },
  positionals: { name: "CHECKPOINT", min: 1, max: 1 },
});

function parse(args: string[]) {
  const parsed = parseCommand(SPEC, args);
  if (parsed.help) throw new Error("unexpected --help");
  return parsed;
}

Deno.test("values come out typed, with defaults for absent flags", () => {
  const { values, positionals } = parse(["model.pth"]);
  assert.deepEqual(values, {
    alpha: 0.001,
    n: 100000,
    sigma: undefined,
    skip: 1,
    radii: undefined,
    format: "markdown",
    envelope: undefined,
    verbose: false,
    name: [],
    out: undefined,
  });
  assert.deepEqual(positionals, ["model.pth"]);
  const given = parse([
    "--alpha=0.05",
    "--n",
    "1e4",
    "--sigma",
    "0.25",
    "--radii",
    "0.25, 0.5,1",
    "--format",
    "latex",
    "--no-envelope",
    "-v",
    "--name",
    "a",
    "--name",
    "b",
    "m",
  ]);
  assert.deepEqual(
    [
      given.values.alpha,
      given.values.n,
      given.values.sigma,
      given.values.radii,
      given.values.format,
      given.values.envelope,
      given.values.verbose,
      given.values.name,
    ],
    [0.05, 10000, 0.25, [0.25, 0.5, 1], "latex", false, true, ["a", "b"]],
  );
  assert.equal(parse(["--envelope", "m"]).values.envelope, true);
});

Deno.test("bad values are usage errors naming the flag and the expectation", () => {
  const cases: [string[], RegExp][] = [
    [["--alpha", "1.5", "m"], /^--alpha must be a probability in \(0, 1\), got '1.5'$/],
    [["--alpha", "abc", "m"], /^--alpha must be a number, got 'abc'$/],
    [["--n", "0", "m"], /^--n must be an integer >= 1, got '0'$/],
    [["--n", "2.5", "m"], /^--n must be an integer >= 1, got '2.5'$/],
    [["--sigma", "-0.25", "m"], /argument is ambiguous/],
    [["--sigma=-0.25", "m"], /^--sigma must be a number > 0, got '-0.25'$/],
    [["--skip", "101", "m"], /^--skip must be an integer between 1 and 100, got '101'$/],
    [["--radii", "0.5,,1", "m"], /^--radii must be a comma-separated list of numbers, got '0.5,,1'$/],
    [["--format", "html", "m"], /^--format must be one of markdown, latex, got 'html'$/],
    [["--alpha"], /argument missing/],
    [[], /^expected at least 1 CHECKPOINT argument, got 0$/],
    [["a", "b"], /^expected at most 1 CHECKPOINT argument, got 2: a b$/],
    [["--no-verbose", "m"], /^--no-verbose is not an option; valid options: --alpha, --n,/],
  ];
  for (const [args, message] of cases) {
    assert.throws(
      () => parseCommand(SPEC, args),
      (e) => e instanceof UsageError && message.test(e.message),
      args.join(" "),
    );
  }
});

Deno.test("unknown flags list the valid ones and suggest a near miss", () => {
  assert.throws(
    () => parseCommand(SPEC, ["--sigam", "0.5", "m"]),
    (e) =>
      e instanceof UsageError &&
      e.message ===
        "unknown option '--sigam' (did you mean --sigma?); valid options: --alpha, --n, --sigma, --skip, " +
          "--radii, --format, --envelope, --verbose, --name, --out, --help",
  );
  assert.throws(() => parseCommand(SPEC, ["-x", "m"]), /unknown option '-x'; valid options/);
});

Deno.test("the validators work on their own", () => {
  assert.equal(parseInteger("1e5", "n"), 100000);
  assert.equal(parsePositiveInt("7", "batch"), 7);
  assert.equal(parsePositiveFloat("0.12", "sigma"), 0.12);
  assert.equal(parseProbability("0.001", "alpha"), 0.001);
  assert.deepEqual(parseFloatList("1,2.5", "radii"), [1, 2.5]);
  assert.throws(() => parseProbability("0", "alpha"), /--alpha must be a probability in \(0, 1\), got '0'/);
  assert.throws(() => parsePositiveFloat("Infinity", "sigma"), /--sigma must be a number, got 'Infinity'/);
  assert.throws(() => parseInteger("0x10", "n"), /--n must be a number, got '0x10'/);
});

Deno.test("--help is generated from the declaration", () => {
  assert.deepEqual(parseCommand(SPEC, ["m", "--help"]), { help: true });
  const help = helpText(SPEC);
  assert.ok(
    help.startsWith("Usage: deno task certify [options] CHECKPOINT\n\nCertifies images.\n\nOptions:\n"),
  );
  assert.match(help, /\n {6}--alpha P +failure probability \(default: 0\.001\)\n/);
  assert.match(help, /\n {6}--\[no-\]envelope +envelope row\n/);
  assert.match(help, /\n {2}-v, --verbose +more output\n/);
  assert.match(help, /\n {6}--name TEXT +labels \(repeatable\)\n/);
  assert.match(help, /\n {6}--format markdown\|latex +table format \(default: markdown\)\n/);
  assert.match(help, /\n {2}-h, --help +show this help\n$/);
  assert.throws(
    () => defineCommand({ name: "x", usage: "", summary: "", flags: { help: booleanFlag("h") } }),
    /--help is provided/,
  );
});

function capture(): CommandIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [], stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

Deno.test("runCommand: exit 0 with help, 2 on usage errors, 1 on failures, the run's code otherwise", async () => {
  let io = capture();
  assert.equal(await runCommand(SPEC, ["--help"], () => 5, io), 0);
  assert.equal(io.stdout.join(""), helpText(SPEC));
  io = capture();
  assert.equal(await runCommand(SPEC, ["--bogus", "m"], () => 0, io), 2);
  assert.match(
    io.stderr.join(""),
    /^certify: unknown option '--bogus'.*\nRun 'deno task certify --help' for the options\.\n$/,
  );
  io = capture();
  assert.equal(
    await runCommand(SPEC, ["m"], () => {
      throw new Error("checkpoint m: not found");
    }, io),
    1,
  );
  assert.equal(io.stderr.join(""), "certify: checkpoint m: not found\n");
  io = capture();
  assert.equal(
    await runCommand(SPEC, ["m"], ({ values }) => Promise.resolve(values.n === 100000 ? 3 : 4), io),
    3,
  );
  assert.equal(await runCommand(SPEC, ["m"], () => {}, io), 0);
});
