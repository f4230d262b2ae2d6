/**
 * `deno task analyze LOG...`: certified accuracy tables (markdown and/or LaTeX), average certified
 * radius and abstention rate of certification logs, the envelope over several logs, an SVG plot,
 * and merging of shard logs.
 */
import {
  booleanFlag,
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
import { type CertifyRow, readCertifyLog, writeFileAtomic } from "../smoothing/log.ts";
import { mergeShards, ShardMergeError, type ShardMergeReport } from "../smoothing/shards.ts";
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
    partial: booleanFlag("with --merge: merge although shards are missing or incomplete (reported)"),
    unchecked: booleanFlag("with --merge: merge logs without parameters files (reference-code logs)"),
    "different-images": booleanFlag("compare logs that cover different images (refused by default)"),
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
  path: string;
  rows: CertifyRow[];
}

/** How the first log's images differ from another's, or null when every log covers the same images. */
function differentImages(logs: readonly Loaded[]): string | null {
  const base = new Set(logs[0].rows.map((r) => r.idx));
  for (const other of logs.slice(1)) {
    const theirs = new Set(other.rows.map((r) => r.idx));
    const onlyBase = [...base].filter((i) => !theirs.has(i));
    const onlyOther = [...theirs].filter((i) => !base.has(i));
    if (onlyBase.length > 0 || onlyOther.length > 0) {
      const few = (xs: number[]) => xs.slice(0, 5).join(", ") + (xs.length > 5 ? ", ..." : "");
      return `${
        logs[0].path
      } (${base.size} images) and ${other.path} (${theirs.size}) cover different images` +
        (onlyBase.length ? `: ${onlyBase.length} only in the first (idx ${few(onlyBase)})` : "") +
        (onlyOther.length
          ? `${onlyBase.length ? "," : ":"} ${onlyOther.length} only in the second (idx ${few(onlyOther)})`
          : "");
    }
  }
  return null;
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
    if ((values.partial || values.unchecked) && values.merge === undefined) {
      throw new UsageError("--partial and --unchecked apply to --merge only");
    }
    if (values.merge !== undefined) {
      let report: ShardMergeReport;
      try {
        report = mergeShards(paths, values.merge, { partial: values.partial, unchecked: values.unchecked });
      } catch (e) {
        throw e instanceof ShardMergeError ? new UsageError(e.message) : e;
      }
      for (const warning of report.warnings) io.err(`warning: ${warning}\n`);
      for (const note of report.notes) io.err(`note: ${note}\n`);
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
      loaded.push({ name: values.name[i] ?? baseName(path), path, rows: log.rows });
    });
    if (loaded.length === 0) throw new Error("no log with rows to analyze");
    const mismatch = differentImages(loaded);
    if (mismatch !== null) {
      if (!values["different-images"]) {
        throw new UsageError(
          `${mismatch}; their accuracies are fractions of different image sets, so a table or envelope ` +
            "over them compares unlike things (pass --different-images to do it deliberately)",
        );
      }
      io.err(`note: ${mismatch}\n`);
    }
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
