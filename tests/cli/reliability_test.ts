/**
 * What a user gets wrong, and what the commands do about it (issue 17's cases, numbered as there):
 * logs are never silently mixed, an output has one writer at a time, paths are the user's, and every
 * refusal says what is wrong. Runs use the shipped MNIST model on a few images with small N.
 */
import assert from "node:assert/strict";
import { analyze } from "../../cli/analyze.ts";
import { certifyCommand } from "../../cli/certify.ts";
import { predictCommand } from "../../cli/predict.ts";
import { trainCommand } from "../../cli/train.ts";
import { readCertifyLog } from "../../smoothing/log.ts";
import { recordPath } from "../../smoothing/run_record.ts";
import { capture, cliCommand, ROOT, runCli, runInProcess } from "./run_cli.ts";
import { withTempDir } from "../helpers.ts";

const certify = (args: string[]) => runInProcess(certifyCommand, args);
const predict = (args: string[]) => runInProcess(predictCommand, args);

const MODEL = `${ROOT}models/mnist_cnn_gaussian_0.25.safetensors`;
const OTHER_MODEL = `${ROOT}models/mnist_cnn_smoothadv_0.25.safetensors`;
const SMALL = ["--dataset", "mnist", "--N0", "10", "--N", "50", "--batch", "100", "--skip", "2500"];

const gpu = { sanitizeOps: false, sanitizeResources: false };

Deno.test({
  ...gpu,
  name:
    "1, 10, 12: a resume without the parameters file is refused; path spelling does not matter; sigma comes from the checkpoint",
  fn: () =>
    withTempDir(async (dir) => {
      const out = `${dir}/mix.tsv`;
      const first = await certify([
        ...SMALL,
        "--checkpoint",
        MODEL,
        "--sigma",
        "0.5",
        "--max",
        "5000",
        "--out",
        out,
      ]);
      assert.equal(first.code, 0, first.err);
      Deno.removeSync(recordPath(out));
      const mixed = await certify([
        ...SMALL,
        "--checkpoint",
        MODEL,
        "--sigma",
        "0.25",
        "--max",
        "10000",
        "--out",
        out,
      ]);
      assert.equal(mixed.code, 2);
      assert.match(mixed.err, /mix\.tsv holds 2 row\(s\) but .*mix\.tsv\.params\.json is missing/);
      assert.equal(readCertifyLog(out).rows.length, 2, "nothing was appended");

      // 12: no --sigma: the checkpoint's training noise level, said on stderr
      const own = `${dir}/own.tsv`;
      const r = await certify([...SMALL, "--checkpoint", MODEL, "--max", "5000", "--out", own]);
      assert.equal(r.code, 0, r.err);
      assert.match(
        r.err,
        /sigma = 0\.25: the noise level .*mnist_cnn_gaussian_0\.25\.safetensors was trained with/,
      );
      // 10: the same checkpoint by another spelling of its path resumes (and extends --max)
      const relative = MODEL.replace(Deno.cwd() + "/", "./");
      const again = await certify([...SMALL, "--checkpoint", relative, "--max", "7600", "--out", own]);
      assert.equal(again.code, 0, again.err);
      assert.match(again.err, /resuming .*own\.tsv: 2 image\(s\) already certified/);
      assert.equal(readCertifyLog(own).rows.length, 4);
    }),
});

Deno.test({
  ...gpu,
  name: "2: a checkpoint replaced at the same path is noticed on resume",
  fn: () =>
    withTempDir(async (dir) => {
      const ckpt = `${dir}/model.safetensors`;
      Deno.copyFileSync(MODEL, ckpt);
      const out = `${dir}/log.tsv`;
      const a = await certify([...SMALL, "--checkpoint", ckpt, "--max", "5000", "--out", out]);
      assert.equal(a.code, 0, a.err);
      Deno.copyFileSync(OTHER_MODEL, ckpt);
      const b = await certify([...SMALL, "--checkpoint", ckpt, "--max", "10000", "--out", out]);
      assert.equal(b.code, 2);
      assert.match(
        b.err,
        /was written with other parameters[\s\S]*checkpointSha256: "[0-9a-f]{64}" in the log, "[0-9a-f]{64}" now/,
      );
    }),
});

Deno.test({
  ...gpu,
  name: "3: predict keeps a parameters file and refuses to append rows of another sigma",
  fn: () =>
    withTempDir(async (dir) => {
      const out = `${dir}/p.tsv`;
      const a = await predict([
        ...SMALL.filter((_, i) => i < 2 || i > 3),
        "--checkpoint",
        MODEL,
        "--max",
        "5000",
        "--out",
        out,
      ]);
      assert.equal(a.code, 0, a.err);
      assert.ok(Deno.statSync(recordPath(out)).isFile);
      const b = await predict([
        ...SMALL.filter((_, i) => i < 2 || i > 3),
        "--checkpoint",
        MODEL,
        "--sigma",
        "0.5",
        "--out",
        out,
      ]);
      assert.equal(b.code, 2);
      assert.match(b.err, /sigma: 0\.25 in the log, 0\.5 now/);
    }),
});

Deno.test({
  ...gpu,
  name: "4: a second run on the same --out is refused while the first lives; a dead run's lock is taken over",
  fn: () =>
    withTempDir(async (dir) => {
      const out = `${dir}/busy.tsv`;
      const args = [...SMALL, "--checkpoint", MODEL, "--out", out];
      // Another process holds the lock, as a running certify would (util-linux flock; -o keeps the
      // lock out of its sleep child, so killing flock -9 lets go of it as a killed certify would).
      Deno.writeTextFileSync(
        `${out}.lock`,
        JSON.stringify({ pid: 4242, host: "node7", since: "now" }) + "\n",
      );
      const owner = new Deno.Command("flock", { args: ["-x", "-o", `${out}.lock`, "sleep", "60"] }).spawn();
      await new Promise((r) => setTimeout(r, 300));
      const second = await certify(args);
      assert.equal(second.code, 2);
      assert.match(
        second.err,
        /busy\.tsv is being written by another run \(pid 4242 on node7, since now\); wait for it to finish/,
      );
      assert.throws(() => Deno.statSync(out), Deno.errors.NotFound, "the refused run wrote nothing");
      owner.kill("SIGKILL");
      await owner.status;
      const third = await certify(args);
      assert.equal(third.code, 0, third.err);
      assert.equal(readCertifyLog(out).rows.length, 4);
      assert.throws(() => Deno.statSync(`${out}.lock`), Deno.errors.NotFound);
    }),
});

Deno.test({
  ...gpu,
  name:
    "5, 6: merge refuses shards of other runs, missing shards, shards cut short; analyze refuses different image sets",
  fn: () =>
    withTempDir(async (dir) => {
      const shard = (k: number, n: number, extra: string[] = []) =>
        certify([
          ...SMALL,
          "--checkpoint",
          MODEL,
          "--shard",
          `${k}/${n}`,
          ...extra,
          "--out",
          `${dir}/s${k}of${n}${extra.join("")}.tsv`,
        ]);
      for (const k of [0, 1]) assert.equal((await shard(k, 2)).code, 0);
      assert.equal((await shard(1, 2, ["--sigma", "0.5"])).code, 0);
      const merge = async (...logs: string[]) => {
        const io = capture();
        const code = await analyze(["--merge", `${dir}/all.tsv`, ...logs.map((l) => `${dir}/${l}`)], io);
        return { code, err: io.stderr(), out: io.stdout() };
      };
      let r = await merge("s0of2.tsv", "s1of2--sigma0.5.tsv");
      assert.equal(r.code, 2);
      assert.match(r.err, /belongs to another run[\s\S]*sigma: 0\.25 in .*, 0\.5 in/);
      r = await merge("s0of2.tsv");
      assert.equal(r.code, 2);
      assert.match(r.err, /shard 1\/2 missing/);
      // a shard cut short: its last row removed, as a run stopped early leaves it
      const text = Deno.readTextFileSync(`${dir}/s1of2.tsv`).trimEnd().split("\n");
      Deno.writeTextFileSync(`${dir}/s1of2.tsv`, text.slice(0, -1).join("\n") + "\n");
      r = await merge("s0of2.tsv", "s1of2.tsv");
      assert.equal(r.code, 2);
      assert.match(r.err, /s1of2\.tsv \(shard 1\/2\) is incomplete: 1 of 2 images missing \(idx 7500\)/);
      const partial = await analyze([
        "--merge",
        `${dir}/all.tsv`,
        "--partial",
        `${dir}/s0of2.tsv`,
        `${dir}/s1of2.tsv`,
      ], capture());
      assert.equal(partial, 0);
      // 6: an envelope over different image sets
      const io = capture();
      assert.equal(await analyze([`${dir}/s0of2.tsv`, `${dir}/s1of2.tsv`], io), 2);
      assert.match(
        io.stderr(),
        /cover different images: 2 only in the first \(idx 0, 5000\), 1 only in the second \(idx 2500\)/,
      );
      assert.equal(
        await analyze(["--different-images", `${dir}/s0of2.tsv`, `${dir}/s1of2.tsv`], capture()),
        0,
      );
    }),
});

Deno.test({
  ...gpu,
  name: "7: train refuses a directory holding a run unless --resume, or --force which moves it aside",
  fn: () =>
    withTempDir(async (dir) => {
      const out = `${dir}/run`;
      Deno.mkdirSync(out);
      Deno.writeTextFileSync(
        `${out}/log.tsv`,
        "epoch\ttime\tlr\ttrain loss\ttrain acc\ttestloss\ttest acc\n0\t1\t0.1\t1\t1\t1\t1\n",
      );
      const args = [
        "--dataset",
        "mnist",
        "--noise-sd",
        "0.25",
        "--batch",
        "64",
        "--train-limit",
        "64",
        "--test-limit",
        "64",
        "--epochs",
        "1",
        "--out",
        out,
      ];
      const refused = await runInProcess(trainCommand, args);
      assert.equal(refused.code, 2);
      assert.match(refused.err, /run already holds a training run; add --resume to continue it, or --force/);
      assert.match(Deno.readTextFileSync(`${out}/log.tsv`), /^epoch.*\n0\t/, "the old log is untouched");
      const forced = await runInProcess(trainCommand, [...args, "--force"]);
      assert.equal(forced.code, 0, forced.err);
      const aside = [...Deno.readDirSync(dir)].map((e) => e.name).filter((n) =>
        n.startsWith("run.replaced-")
      );
      assert.equal(aside.length, 1);
      assert.match(Deno.readTextFileSync(`${dir}/${aside[0]}/log.tsv`), /\n0\t1\t0\.1/);
    }),
});

Deno.test({
  ...gpu,
  name: "8, 11: SMOOTHCERT_ADAPTER is honoured and checked; an unknown DENO_WEBGPU_BACKEND is named",
  fn: async () => {
    const run = (env: Record<string, string>) =>
      new Deno.Command(Deno.execPath(), {
        args: ["run", "-A", `${ROOT}cli/certify.ts`, ...SMALL, "--checkpoint", MODEL, "--max", "1"],
        env,
        stdout: "piped",
        stderr: "piped",
      }).output().then((o) => ({ code: o.code, err: new TextDecoder().decode(o.stderr) }));
    const bogus = await run({ SMOOTHCERT_ADAPTER: "bogus" });
    assert.equal(bogus.code, 1);
    assert.match(bogus.err, /SMOOTHCERT_ADAPTER must be auto, software or hardware \(got "bogus"\)/);
    const software = await run({ SMOOTHCERT_ADAPTER: "software" });
    assert.equal(software.code, 0, software.err);
    const onSoftware = /software/.test(software.err.split("\n")[0]);
    const hardware = await run({ SMOOTHCERT_ADAPTER: "hardware" });
    if (onSoftware) {
      assert.equal(hardware.code, 1);
      assert.match(hardware.err, /only a software adapter is available .*a hardware GPU was demanded/);
    } else assert.equal(hardware.code, 0, hardware.err);
    const backend = await run({ DENO_WEBGPU_BACKEND: "foo" });
    assert.equal(backend.code, 1);
    assert.match(
      backend.err,
      /DENO_WEBGPU_BACKEND=foo: unknown backend "foo" \(expected vulkan, gl, metal or dx12/,
    );
  },
});

Deno.test("9: relative paths are the user's directory (INIT_CWD), as `deno task` passes it", async () => {
  await withTempDir(async (dir) => {
    Deno.writeTextFileSync(
      `${dir}/a.tsv`,
      "idx\tlabel\tpredict\tradius\tcorrect\ttime\n0\t1\t1\t0.5\t1\t0:00:01\n",
    );
    Deno.writeTextFileSync(
      `${dir}/b.tsv`,
      "idx\tlabel\tpredict\tradius\tcorrect\ttime\n1\t1\t1\t0.5\t1\t0:00:01\n",
    );
    const o = await new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "--allow-read",
        "--allow-write",
        "--allow-env=INIT_CWD",
        `${ROOT}cli/analyze.ts`,
        "--merge",
        "ab.tsv",
        "--unchecked",
        "a.tsv",
        "b.tsv",
      ],
      cwd: ROOT,
      env: { INIT_CWD: dir },
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.equal(o.code, 0, new TextDecoder().decode(o.stderr));
    assert.match(Deno.readTextFileSync(`${dir}/ab.tsv`), /\n0\t1\t1\t0\.5\t1\t0:00:01\n1\t1/);
    assert.throws(() => Deno.statSync(`${ROOT}ab.tsv`), Deno.errors.NotFound);
  });
});

Deno.test({
  ...gpu,
  name: "11: clear messages for non-model files, sandboxed paths, --max below -1, write failures and Ctrl-C",
  fn: () =>
    withTempDir(async (dir) => {
      Deno.writeFileSync(
        `${dir}/random.pth.tar`,
        // byte 0: not a zip or a pickle; byte 8: not the "{" or "[" of a safetensors header
        crypto.getRandomValues(new Uint8Array(1000)).map((b, i) => i === 0 ? 0x13 : i === 8 ? 0 : b),
      );
      Deno.writeFileSync(
        `${dir}/bare.pth.tar`,
        new Uint8Array([0x80, 0x04, 0x95, 0x0b, 0, 0, 0, 0, 0, 0, 0, 0x7d, 0x94, 0x2e]),
      );
      for (
        const [file, re] of [
          [
            "random.pth.tar",
            /random\.pth\.tar is not a model file this tool reads: not safetensors .* and not a PyTorch checkpoint .*; its first bytes are 13 /,
          ],
          [
            "bare.pth.tar",
            /bare\.pth\.tar is not a model file .*; it holds a bare pickle, which is not how torch\.save writes a checkpoint/,
          ],
        ] as const
      ) {
        const r = await certify([...SMALL, "--checkpoint", `${dir}/${file}`, "--sigma", "0.25"]);
        assert.equal(r.code, 1);
        assert.match(r.err, re);
      }
      const sys = await runCli("certify.ts", [...SMALL, "--checkpoint", MODEL, "--out", "/sys/x.tsv"]);
      assert.equal(sys.code, 1);
      assert.match(
        sys.stderr,
        /cannot use \/sys.*system paths such as \/sys, \/proc and \/dev are off limits/,
      );
      assert.doesNotMatch(sys.stderr, /--allow-all/);
      const max = await certify([...SMALL, "--checkpoint", MODEL, "--max=-2"]);
      assert.equal(max.code, 2);
      assert.match(max.err, /--max/);

      // a write that fails (here: beyond the file-size limit, as a full disk fails) names the file
      const out = `${dir}/full.tsv`;
      const limited = await new Deno.Command("bash", {
        args: [
          "-c",
          `trap '' XFSZ; ulimit -f 1; exec "$0" "$@"`,
          Deno.execPath(),
          "run",
          "-A",
          `${ROOT}cli/certify.ts`,
          ...SMALL.slice(0, -1),
          "100",
          "--checkpoint",
          MODEL,
          "--out",
          out,
        ],
        stdout: "piped",
        stderr: "piped",
      }).output();
      const err = new TextDecoder().decode(limited.stderr);
      assert.equal(limited.code, 1, err);
      assert.match(err, /full\.tsv: writing the row of idx \d+ failed: File too large/);

      // Ctrl-C: a message, exit 130, the lock released, and the rows kept for the resume
      const ctrl = `${dir}/ctrl.tsv`;
      const child = cliCommand("certify.ts", [
        ...SMALL.slice(0, 5),
        "2000",
        "--batch",
        "100",
        "--skip",
        "500",
        "--checkpoint",
        MODEL,
        "--out",
        ctrl,
      ]).spawn();
      for (let i = 0; i < 600; i++) {
        await new Promise((res) => setTimeout(res, 100));
        try {
          if (Deno.readTextFileSync(ctrl).split("\n").length >= 3) break;
        } catch { /* not yet */ }
      }
      child.kill("SIGINT");
      const o = await child.output();
      assert.equal(o.code, 130);
      assert.match(
        new TextDecoder().decode(o.stderr),
        /certify: interrupted\. Every finished image is in the log; the same command resumes after them\./,
      );
      assert.throws(() => Deno.statSync(`${ctrl}.lock`), Deno.errors.NotFound);
      assert.ok(readCertifyLog(ctrl).rows.length >= 1);
    }),
});
