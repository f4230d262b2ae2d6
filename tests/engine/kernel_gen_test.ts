/**
 * The generated parts of the kernels (engine/kernel_gen.ts) are current: the register tile in the four
 * GEMM families, matmul_f16.wgsl as a whole, and the vec4 operand loads of matmul, batchnorm and
 * elementwise. A stale file fails here with the command
 * that rewrites it; every family's parsing and reflection is checked by kernel_test.ts.
 */
import assert from "node:assert/strict";
import {
  FIRST_LAYER_LOOP,
  generatedShaders,
  kLoop,
  matmulF16,
  registerTile,
} from "../../engine/kernel_gen.ts";
import { winogradBody } from "../../engine/kernel_gen_winograd.ts";
import { FMAS_PER_FENCE } from "../../engine/wgsl_sections.ts";
import {
  WINOGRAD_COLS,
  WINOGRAD_GROUPS,
  WINOGRAD_ROWS,
  WINOGRAD_WS_GROUPS,
} from "../../engine/ops/conv_winograd.ts";

const SHADERS = new URL("../../shaders/", import.meta.url);
const read = (file: string) => Deno.readTextFileSync(new URL(file, SHADERS));

Deno.test("generated shader parts match their generator (run `deno run -A engine/kernel_gen.ts` if not)", () => {
  const generated = generatedShaders(read);
  assert.deepEqual([...generated.keys()].sort(), [
    "batchnorm.wgsl",
    "conv2d.wgsl",
    "conv2d_f16.wgsl",
    "conv_winograd.wgsl",
    "conv_winograd_grad.wgsl",
    "elementwise.wgsl",
    "gaussian.wgsl",
    "matmul.wgsl",
    "matmul_f16.wgsl",
    "pool.wgsl",
    "reduce.wgsl",
  ]);
  for (const [file, text] of generated) assert.ok(read(file) === text, `shaders/${file} is stale`);
});

Deno.test("the register tile holds 8 x 8 accumulators, each multiplied into by mac() and stored under its guards", () => {
  const text = registerTile(kLoop("decomposeK(k);")).join("\n");
  assert.equal(text.match(/var c\d+_\d+ = Z;/g)!.length, 64);
  assert.equal(text.match(/c(\d+)_(\d+) = mac\(c\1_\2, b\2, a\);/g)!.length, 64);
  assert.equal(text.match(/st\(\d+u, \d+u, c\d+_\d+\);/g)!.length, 64);
  assert.ok(text.includes("for (var k = kBeg; k < kEnd; k += 4u) {\n    decomposeK(k);"));
  assert.ok(!registerTile(kLoop(null)).join("\n").includes("decomposeK"));
});

Deno.test("the first-layer tile (6 x 16 blocks) loads the input once per tap, then walks that tap's channel groups", () => {
  const text = registerTile(FIRST_LAYER_LOOP).join("\n");
  assert.equal(text.match(/c(\d+)_(\d+) = mac\(c\1_\2, b\2, a\);/g)!.length, 6 * 16);
  assert.ok(text.includes(
    "if (CB > 15u) { c5_15 = mac(c5_15, b15, a); if (p.fence != 0u) { out[0] = c5_15[0][0]; } } }",
  ));
  assert.equal(text.match(/loadX\(\du, tap\.x, tap\.y\)/g)!.length, 6);
  assert.equal(text.match(/let a = ldA1\(\du\);/g)!.length, 6);
  assert.ok(text.includes(
    "    for (var k = t * p.CK; k < t * p.CK + p.CK; k += 4u) {\n      loadW1(k - t * p.CK);\n      var b0 = Z;",
  ));
  assert.ok(text.includes("    }\n  }\n  if (RB > 0u) { if (CB > 0u) { st(0u, 0u, c0_0); }"));
});

Deno.test("long runs of multiply-adds are split by never-taken fences on a uniform the host sets to 0", () => {
  // the most multiply-adds between two fences (or a fence and the end of a line), each call weighted by
  // its vec4 FMAs: mac() 16, madd() 4
  const longestRun = (lines: string[]) => {
    let most = 0;
    for (const line of lines) {
      for (const run of line.split("if (p.fence != 0u)")) {
        most = Math.max(
          most,
          16 * (run.match(/= mac\(/g)?.length ?? 0) + 4 * (run.match(/= madd\(/g)?.length ?? 0),
        );
      }
    }
    return most;
  };
  const fences = (lines: string[]) =>
    lines.join("\n").match(/if \(p\.fence != 0u\) \{ \w+\[0\] = /g)?.length ?? 0;
  const tile = registerTile(kLoop(null)), first = registerTile(FIRST_LAYER_LOOP);
  // the madd block of one Winograd product is one statement per line, so group it into one line
  const wino = winogradBody().join("\n").split(/\n\s*\{\n/);
  assert.equal(longestRun(tile), FMAS_PER_FENCE);
  assert.equal(longestRun(first), FMAS_PER_FENCE);
  assert.equal(longestRun(wino.map((b) => b.replaceAll("\n", " "))), FMAS_PER_FENCE);
  assert.equal(fences(tile), 8 * 8 * 16 / FMAS_PER_FENCE);
  assert.equal(fences(first), 6 * 16 * 16 / FMAS_PER_FENCE);
  // per product of the 16 and run of tiles, one fence between runs (none after the last), in the loop over
  // the channel groups and in each written-out group of the workgroup-memory form (WS = 1)
  const madds = WINOGRAD_ROWS * WINOGRAD_COLS * WINOGRAD_GROUPS;
  assert.equal(fences(winogradBody()), (1 + WINOGRAD_WS_GROUPS) * 16 * (madds * 4 / FMAS_PER_FENCE - 1));
  // every family with fences declares the uniform (its hosts pass fence: 0; a missing value fails packUniforms)
  for (
    const file of ["conv2d.wgsl", "conv2d_f16.wgsl", "matmul.wgsl", "matmul_f16.wgsl", "conv_winograd.wgsl"]
  ) {
    const text = read(file);
    assert.ok(text.includes("if (p.fence != 0u)"), file);
    assert.ok(text.includes("\n  fence: u32,"), file);
  }
});

Deno.test("the f16 twin reads f16 operands everywhere the f32 kernel reads f32 ones", () => {
  const f16 = matmulF16(read("matmul.wgsl"));
  assert.match(f16, /^\/\/ f16 variant of matmul\.wgsl[\s\S]*\nenable f16;\n/);
  assert.doesNotMatch(f16, /\ba4\[|\bb4\[|array<f32>;[^\n]*\n[^\n]*a2/);
  assert.match(f16, /var<storage, read> a: array<f16>;/);
  assert.equal(f16.match(/va4\(/g)!.length, read("matmul.wgsl").match(/\ba4\[/g)!.length + 1);
  assert.match(f16, /v = f32\(a\[aOff \+ kk \* p\.M \+ mm\]\)/);
  assert.throws(
    () => matmulF16("override X: u32 = 1u;\n"),
    /matmul\.wgsl: expected "@group\(0\) @binding\(1\)/,
  );
});

Deno.test("every GEMM family defines the register tile's mac() once, as fma() chains over f32 sums", () => {
  const gemm = [...generatedShaders(read)].filter(([file]) =>
    file.startsWith("matmul") || file.startsWith("conv2d")
  );
  assert.equal(gemm.length, 4);
  for (const [file, text] of gemm) {
    assert.equal(
      text.match(/^fn mac\(sum: mat4x4<f32>, lhs: mat4x4<f32>, rhs: mat4x4<f32>\)/gm)?.length,
      1,
      file,
    );
    assert.equal(text.match(/fma\(lhs\[\d\], vec4<f32>\(col\.[xyzw]\)/g)?.length, 4, file);
  }
});

Deno.test("the vec4 operand loads read the texture copy with TX, the buffer without, in each family that has them", () => {
  const loads: Record<string, string[]> = {
    "matmul.wgsl": ["ldA4 ta a4", "ldB4 tb b4"],
    "matmul_f16.wgsl": ["ldA4 ta va4", "ldB4 tb vb4"],
    "batchnorm.wgsl": ["ldX4 xt x4", "ldG4 gt g4", "ldR4 rt res4", "ldC4 ct c4"],
    "elementwise.wgsl": ["ldA4 ta a4", "ldB4 tb b4"],
    "gaussian.wgsl": ["tableRow tt table u32", "image4 it images4"],
    "pool.wgsl": ["ldX4 xt x4"],
  };
  const generated = generatedShaders(read);
  for (const [file, fns] of Object.entries(loads)) {
    const text = generated.get(file)!;
    for (const spec of fns) {
      const [fn, texture, buffer, type = "f32"] = spec.split(" ");
      const read4 = buffer.startsWith("v") ? `${buffer}(q)` : `${buffer}[q]`;
      const body = [
        `fn ${fn}(q: u32) -> vec4<${type}> {`,
        `  if (TX == 1u) { return textureLoad(${texture}, vec2<u32>(q & 4095u, q >> 12u)); }`,
        `  return ${read4};`,
        "}",
      ].join("\n");
      assert.ok(text.includes(body), `${file}: ${fn}`);
    }
  }
});
