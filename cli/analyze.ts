/**
 * `deno task analyze LOG...`: certified accuracy tables (markdown and/or LaTeX), average certified
 * radius and abstention rate of certification logs, the envelope over several logs, an SVG plot,
 * and merging of shard logs.
 */
import {
  choiceFlag,
  type CommandIO,
  defineCommand,
  floatListFlag,
  positiveFloatFlag,
  runAsMain,
  runCommand,
  stringFlag,
  stringListFlag,
  switchFlag,
  UsageError,
} from "./args.ts";
import {
  accuracyCurve,
  defaultRadii,
  envelopeCurve,
  latexTable,
  type LogSummary,
  markdownTable,
  summarize,
} from "../smoothing/analyze.ts";
import { type CertifyRow, mergeLogs, readCertifyLog, writeFileAtomic } from "../smoothing/log.ts";
import { certifiedAccuracySvg } from "../smoothing/plot.ts";

export const ANALYZE = defineCommand({
  name: "analyze",
  usage: "[options] LOG...",
  summary: "Certified accuracy of certification logs (idx label predict radius correct time): for each " +
    "log the fraction of all rows that are correct with radius >= r, the average certified radius " +
    "(ACR) and the abstention rate; with several logs also the envelope (best log per radius). " +
    "Logs holding only a header are reported and skipped.",
  flags: {
    radii: floatListFlag("radii of the table columns", {
      min: 0,
      valueName: "R1,R2,...",
      defaultText: "0 to the largest certified radius in steps of --step",
    }),
    step: positiveFloatFlag("spacing of the default radii", { default: 0.25 }),
    format: choiceFlag("table format", ["markdown", "latex", "both"] as const, "markdown"),
    envelope: switchFlag("add the envelope row (and dashed curve)", { defaultText: "on with several logs" }),
    name: stringListFlag("label of the next LOG, in order (default: file name without .tsv)", {
      valueName: "NAME",
    }),
    svg: stringFlag("write a plot of certified accuracy against radius to FILE", { valueName: "FILE" }),
    title: stringFlag("title of the plot", { valueName: "TEXT" }),
    merge: stringFlag("first merge the LOGs (shards of one run) into FILE, then analyze it", {
      valueName: "FILE",
    }),
  },
  positionals: { name: "LOG", min: 1 },
  examples: [
    "deno task analyze logs/*.tsv --radii 0.25,0.5,0.75,1 --format both --svg plot.svg",
    "deno task analyze --merge run.tsv shard0.tsv shard1.tsv",
  ],
});

function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1).replace(/\.(tsv|txt|log)$/, "");
}

interface Loaded {
  name: string;
  rows: CertifyRow[];
}

/** Runs the command; exported for tests. Returns the exit code. */
export function analyze(args: readonly string[], io?: CommandIO): Promise<number> {
  return runCommand(ANALYZE, args, ({ values, positionals }, io) => {
    let paths = positionals;
    if (values.name.length > 0 && values.name.length !== paths.length && values.merge === undefined) {
      throw new UsageError(
        `got ${values.name.length} --name labels for ${paths.length} logs; give one per LOG`,
      );
    }
    if (values.merge !== undefined) {
      const report = mergeLogs(paths, values.merge);
      for (const warning of report.warnings) io.err(`warning: ${warning}\n`);
      io.out(
        `merged ${report.rows} rows from ${paths.length} logs into ${values.merge}` +
          (report.duplicates > 0 ? ` (${report.duplicates} duplicate rows agreed and were kept once)` : "") +
          "\n\n",
      );
      if (report.kind === "predict") return 0;
      if (values.name.length > 1) {
        throw new UsageError("with --merge there is one log to analyze: give at most one --name");
      }
      paths = [values.merge];
    }
    const loaded: Loaded[] = [];
    paths.forEach((path, i) => {
      const log = readCertifyLog(path);
      if (log.partialTail !== null) {
        io.err(`note: ${path}: ignored an incomplete last line (an interrupted write)\n`);
      }
      if (log.rows.length === 0) {
        io.err(`skipping ${path}: header only, no rows\n`);
        return;
      }
      loaded.push({ name: values.name[i] ?? baseName(path), rows: log.rows });
    });
    if (loaded.length === 0) throw new Error("no log with rows to analyze");
    const radii = values.radii ?? defaultRadii(loaded.map((l) => l.rows), values.step);
    const summaries: LogSummary[] = loaded.map((l) => summarize(l.name, l.rows, radii));
    const withEnvelope = values.envelope ?? loaded.length > 1;
    const tableOptions = { envelope: withEnvelope };
    if (values.format !== "latex") io.out(markdownTable(summaries, tableOptions));
    if (values.format === "both") io.out("\n");
    if (values.format !== "markdown") io.out(latexTable(summaries, tableOptions));
    if (values.svg !== undefined) {
      const maxRadius = Math.max(
        ...loaded.flatMap((l) => l.rows.filter((r) => r.correct).map((r) => r.radius)),
        0.25,
      );
      const curves = loaded.map((l) => accuracyCurve(l.name, l.rows, maxRadius));
      const svg = certifiedAccuracySvg(curves, {
        title: values.title,
        envelope: withEnvelope && curves.length > 1 ? envelopeCurve(curves) : null,
      });
      writeFileAtomic(values.svg, svg);
      io.err(`plot written to ${values.svg}\n`);
    }
    return 0;
  }, io);
}

if (import.meta.main) {
  await runAsMain(
    analyze,
    "analyze: interrupted; outputs are written whole or not at all, so nothing half-written was left.",
  );
}
