/**
 * SIGTERM, the signal batch schedulers stop a job with (Slurm's scancel, a time limit reached), is
 * handled as Ctrl-C: certify says what was kept, exits 143, releases its output lock, and the same
 * command resumes after the finished rows.
 */
import assert from "node:assert/strict";
import { readCertifyLog } from "../../smoothing/log.ts";
import { cliCommand, ROOT } from "./run_cli.ts";

const MODEL = `${ROOT}models/mnist_cnn_gaussian_0.25.safetensors`;
const ARGS = [
  "--dataset",
  "mnist",
  "--N0",
  "20",
  "--N",
  "400",
  "--batch",
  "200",
  "--skip",
  "1000",
  "--in-flight",
  "1",
];

Deno.test({
  name:
    "certify stopped by SIGTERM keeps its rows, releases its lock and exits 143; the same command resumes",
  sanitizeOps: false,
  sanitizeResources: false,
  fn: async () => {
    const dir = await Deno.makeTempDir();
    try {
      const out = `${dir}/term.tsv`;
      const args = [...ARGS, "--checkpoint", MODEL, "--out", out];
      const child = cliCommand("certify.ts", args).spawn();
      const rows = () => {
        try {
          return readCertifyLog(out).rows.length;
        } catch {
          return 0;
        }
      };
      for (let i = 0; i < 1200 && rows() === 0; i++) await new Promise((r) => setTimeout(r, 100));
      child.kill("SIGTERM");
      const o = await child.output();
      assert.equal(o.code, 143, new TextDecoder().decode(o.stderr));
      assert.match(
        new TextDecoder().decode(o.stderr),
        /certify: interrupted\. Every finished image is in the log; the same command resumes after them\./,
      );
      assert.throws(() => Deno.statSync(`${out}.lock`), Deno.errors.NotFound);
      const kept = rows();
      assert.ok(kept >= 1 && kept < 10, `stopped mid-run (${kept} of 10 rows)`);
      const again = await cliCommand("certify.ts", args).output();
      assert.equal(again.code, 0, new TextDecoder().decode(again.stderr));
      assert.match(
        new TextDecoder().decode(again.stderr),
        new RegExp(`resuming .*term\\.tsv: ${kept} image\\(s\\)`),
      );
      assert.equal(rows(), 10);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});
