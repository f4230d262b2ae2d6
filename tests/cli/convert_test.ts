import { deepStrictEqual as assertEquals, ok as assert } from "node:assert/strict";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { main } from "../../cli/convert.ts";
import { runInProcess } from "./run_cli.ts";
import { loadSafetensorsFile } from "../../nn/checkpoint/safetensors.ts";

const FIXTURES = fileURLToPath(new URL("../../../shared/fixtures/", import.meta.url));

const run = (args: string[]) => runInProcess(main, args);

async function withTempDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir();
  try {
    await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("convert writes the state_dict of both checkpoint formats, bit-identical to the reference weights", async () => {
  const ref = await loadSafetensorsFile(`${FIXTURES}resnet20_cifar/weights.safetensors`);
  await withTempDir(async (dir) => {
    for (const format of ["zip", "legacy"]) {
      const out = join(dir, `${format}.safetensors`);
      const r = await run([`${FIXTURES}pytorch_checkpoints/checkpoint_${format}.pth.tar`, out]);
      assertEquals(r.code, 0, r.err);
      assert(r.out.includes("128 tensors"));
      const got = await loadSafetensorsFile(out);
      assertEquals(got.metadata, {
        arch: "cifar_resnet20",
        epoch: "90",
        source: `checkpoint_${format}.pth.tar`,
        source_format: `pytorch-${format}`,
      });
      assertEquals([...got.tensors.keys()], [...ref.tensors.keys()]);
      for (const [k, t] of ref.tensors) {
        const u = got.tensors.get(k)!;
        assertEquals(new Uint8Array(u.data.buffer), new Uint8Array(t.data.buffer), k);
      }
    }
  });
});

Deno.test("convert refuses malicious pickles and non-finite weights without writing anything", async () => {
  await withTempDir(async (dir) => {
    const out = join(dir, "x.safetensors");
    const evil = await run([`${FIXTURES}pytorch_checkpoints/malicious_legacy.pth.tar`, out]);
    assertEquals(evil.code, 1);
    assert(evil.err.includes("forbidden global posix.system"), evil.err);
    const nan = await run([`${FIXTURES}safetensors_bad/good_format_nan_values.safetensors`, out]);
    assertEquals(nan.code, 1);
    assert(nan.err.includes(`tensor "a" has 2 non-finite values`), nan.err);
    assertEquals([...Deno.readDirSync(dir)], []);
    const allowed = await run([
      "--allow-nonfinite",
      `${FIXTURES}safetensors_bad/good_format_nan_values.safetensors`,
      out,
    ]);
    assertEquals(allowed.code, 0, allowed.err);
  });
});

Deno.test("convert explains its usage on bad arguments", async () => {
  for (
    const [args, fragment] of [
      [[], "expected exactly two arguments"],
      [["a.pth"], "expected exactly two arguments"],
      [["a.pth", "b.bin"], "OUT must end in .safetensors, found b.bin"],
      [["--frobnicate", "a.pth", "b.safetensors"], "unknown option '--frobnicate'"],
      [["x.safetensors", "x.safetensors"], "OUT must differ from IN"],
    ] as [string[], string][]
  ) {
    const r = await run(args);
    assertEquals(r.code, 2, `${args}`);
    assert(r.err.includes(fragment) && r.err.includes("deno task convert --help"), r.err);
  }
  const missing = await run(["/nonexistent/ck.pth.tar", "/tmp/never.safetensors"]);
  assertEquals(missing.code, 2);
  assert(missing.err.includes("convert: IN /nonexistent/ck.pth.tar: no such file"), missing.err);
  assertEquals((await run(["--help"])).code, 0);
});
