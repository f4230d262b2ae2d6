/**
 * The parts of the GEMM kernels that WGSL, having no includes or macros, would otherwise repeat by
 * hand, written out by this generator into the `.wgsl` files (each stays a complete kernel family that
 * reads on its own and is reflected as usual):
 *
 * - the register tile of matmul.wgsl, matmul_f16.wgsl, conv2d.wgsl and conv2d_f16.wgsl: RB x CB
 *   mat4x4 accumulators written out for RB <= 8, CB <= 8, the k loop that loads B's blocks once and
 *   multiplies every A block into them, and the stores, each guarded by an override comparison that
 *   the pipeline compiler folds away. It goes between a `// generated: register tile ...` line and a
 *   `// end of generated register tile` line (conv2d.wgsl's `first` entry point has its own, written
 *   out for RB <= 6, CB <= 16, with a loop over taps around the loop over k).
 * - matmul_f16.wgsl as a whole, from matmul.wgsl: the same kernel with A and B stored as f16 (scalar
 *   loads widened with f32(), vec4 loads read as four halves in a vec2<u32> and unpacked).
 * - the multiply-accumulate `mac(c, b, a)` the register tile calls (sum + lhs * rhs for 4 x 4 blocks), between
 *   a `// generated: multiply-accumulate ...` line and a `// end of generated multiply-accumulate` line
 *   in matmul.wgsl, conv2d.wgsl and conv2d_f16.wgsl.
 * - conv2d_f16.wgsl's forward epilogue (residual, vec4 stores, ReLU), copied from conv2d.wgsl between
 *   a `// shared forward epilogue ...` line and a `// end of shared forward epilogue` line.
 * - conv_winograd.wgsl's body (winogradBody: its tiles' transforms, products and stores) and
 *   conv_winograd_grad.wgsl's (winogradGradBody: the weight gradient's transforms and sums), written by
 *   kernel_gen_winograd.ts.
 *
 * The sections and the scheduling fence every part uses are in wgsl_sections.ts.
 * - the stream walk of the one-workgroup-per-channel reductions in batchnorm.wgsl and reduce.wgsl
 *   (streamStart, streamNext), between a `// generated: the reductions' stream walk ...` line and a
 *   `// end of generated stream walk` line.
 * - the vec4 loads whose operand a texture copy may hold (`TX = 1` on the software adapter:
 *   engine/ops/operand_texture.ts) in matmul.wgsl, batchnorm.wgsl, elementwise.wgsl, gaussian.wgsl and
 *   pool.wgsl, between a
 *   `// generated: vec4 operand loads ...` line and a `// end of generated vec4 operand loads` line.
 *
 *   deno run -A engine/kernel_gen.ts     # rewrite the generated parts after editing a generator or matmul.wgsl
 *
 * tests/engine/kernel_gen_test.ts fails while a generated part is stale.
 */

import { FIRST_MAX_CB, FIRST_MAX_RB, MAX_CB, MAX_RB } from "./ops/matmul_tiles.ts";
import { withWinogradBody, withWinogradGradBody } from "./kernel_gen_winograd.ts";
import { fence, FMAS_PER_FENCE, section, withSection } from "./wgsl_sections.ts";

const TILE_BEGIN =
  "  // generated: register tile, RB <= 8, CB <= 8 (engine/kernel_gen.ts writes it; edit there)";
const TILE_END = "  // end of generated register tile";

/** mac(c, b, a) does 16 vec4 FMAs (a 4 x 4 block times a 4 x 4 block). */
const MACS_PER_FENCE = FMAS_PER_FENCE / 16;

/** How one entry point walks k: the loop's opening and closing lines, the step, and A's block load. */
export interface TileLoop {
  /** The largest tile the entry point is written for, in row and column blocks. */
  maxRB: number;
  maxCB: number;
  open: string[];
  close: string[];
  /** The first statement of each k-step, if any. */
  kStep: string | null;
  /** The expression that loads A's 4x4 block of row block i at k. */
  ldA: (i: number) => string;
}

/** A plain k loop over [kBeg, kEnd) (every entry point but conv2d.wgsl's `first`). */
export function kLoop(kStep: string | null): TileLoop {
  return {
    maxRB: MAX_RB,
    maxCB: MAX_CB,
    open: ["  for (var k = kBeg; k < kEnd; k += 4u) {"],
    close: ["  }"],
    kStep,
    ldA: (i) => `ldA(${i}u, k)`,
  };
}

/**
 * conv2d.wgsl's `first`: taps outside, the channel groups of a tap inside, so that each tap loads the
 * first layer's input once for all its channel groups (loadX) and A is computed from it (ldA1).
 */
export const FIRST_LAYER_LOOP: TileLoop = {
  maxRB: FIRST_MAX_RB,
  maxCB: FIRST_MAX_CB,
  open: [
    "  for (var t = 0u; t < p.KH * p.KW; t++) {",
    "    let tap = divmod1(t, p.KW, p.invTW);",
    `    ${
      Array.from({ length: FIRST_MAX_RB }, (_, i) => `if (RB > ${i}u) { loadX(${i}u, tap.x, tap.y); }`).join(
        " ",
      )
    }`,
    "    for (var k = t * p.CK; k < t * p.CK + p.CK; k += 4u) {",
  ],
  close: ["    }", "  }"],
  kStep: "loadW1(k - t * p.CK);",
  ldA: (i) => `ldA1(${i}u)`,
};

/** The register tile: accumulators, the k loop (with `kStep` first in its body, if any) and the stores. */
export function registerTile(loop: TileLoop): string[] {
  const lines: string[] = [];
  const cols = (f: (j: number) => string) => Array.from({ length: loop.maxCB }, (_, j) => f(j)).join(" ");
  const pad = " ".repeat(2 + 2 * loop.open.filter((l) => l.trimEnd().endsWith("{")).length);
  for (let i = 0; i < loop.maxRB; i++) lines.push(`  ${cols((j) => `var c${i}_${j} = Z;`)}`);
  lines.push(...loop.open);
  if (loop.kStep) lines.push(`${pad}${loop.kStep}`);
  for (let j = 0; j < loop.maxCB; j++) {
    lines.push(`${pad}var b${j} = Z; if (CB > ${j}u) { b${j} = ldB(${j}u, k); }`);
  }
  // a fence after every MACS_PER_FENCE blocks of a row (A's block of the next row is arithmetic in
  // `first`, not a texel fetch, so the row's end gets one too)
  const fenced = (i: number, j: number) =>
    (j + 1) % MACS_PER_FENCE === 0 ? ` ${fence("out[0]", `c${i}_${j}[0][0]`)}` : "";
  for (let i = 0; i < loop.maxRB; i++) {
    lines.push(
      `${pad}if (RB > ${i}u) { let a = ${loop.ldA(i)}; ${
        cols((j) => `if (CB > ${j}u) { c${i}_${j} = mac(c${i}_${j}, b${j}, a);${fenced(i, j)} }`)
      } }`,
    );
  }
  lines.push(...loop.close);
  for (let i = 0; i < loop.maxRB; i++) {
    lines.push(`  if (RB > ${i}u) { ${cols((j) => `if (CB > ${j}u) { st(${i}u, ${j}u, c${i}_${j}); }`)} }`);
  }
  return lines;
}

/** `source` with its register tile section rewritten; throws unless it has exactly one section. */
export function withRegisterTile(source: string, file: string, kStep: string | null): string {
  return withSection(source, file, TILE_BEGIN, TILE_END, registerTile(kLoop(kStep)));
}

const FIRST_TILE_BEGIN =
  "  // generated: register tile of `first`, RB <= 6, CB <= 16 (engine/kernel_gen.ts writes it; edit there)";
const FIRST_TILE_END = "  // end of generated register tile of `first`";

/** conv2d.wgsl with the register tile of its `first` entry point rewritten. */
export function withFirstLayerTile(source: string): string {
  return withSection(source, "conv2d.wgsl", FIRST_TILE_BEGIN, FIRST_TILE_END, registerTile(FIRST_LAYER_LOOP));
}

const MAC_BEGIN = "// generated: multiply-accumulate (engine/kernel_gen.ts writes it; edit there)";
const MAC_END = "// end of generated multiply-accumulate";

/**
 * The register tile's c + b * a, one fma() chain per column. Measured on lavapipe (Mesa 22.3, AVX2):
 * it emits no fused instruction either way, but `c += b * a` forms the whole 4 x 4 product before
 * adding it, and the chain adds each product as it comes (a 64-channel 3 x 3 convolution at batch 400
 * 60.5-61.4 ms against 64.2-65.4 ms, interleaved runs); GPUs fuse both forms.
 */
export const MAC_SOURCE = [
  "fn macCol(sum: vec4<f32>, lhs: mat4x4<f32>, col: vec4<f32>) -> vec4<f32> {",
  "  let t = fma(lhs[0], vec4<f32>(col.x), sum);",
  "  return fma(lhs[3], vec4<f32>(col.w), fma(lhs[2], vec4<f32>(col.z), fma(lhs[1], vec4<f32>(col.y), t)));",
  "}",
  "",
  "fn mac(sum: mat4x4<f32>, lhs: mat4x4<f32>, rhs: mat4x4<f32>) -> mat4x4<f32> {",
  "  return mat4x4<f32>(",
  "    macCol(sum[0], lhs, rhs[0]), macCol(sum[1], lhs, rhs[1]), macCol(sum[2], lhs, rhs[2]), macCol(sum[3], lhs, rhs[3]),",
  "  );",
  "}",
];

/** `source` with its multiply-accumulate section rewritten; throws unless it has exactly one section. */
export function withMac(source: string, file: string): string {
  return withSection(source, file, MAC_BEGIN, MAC_END, MAC_SOURCE);
}

const LOADS_BEGIN = "// generated: vec4 operand loads (engine/kernel_gen.ts writes them; edit there)";
const LOADS_END = "// end of generated vec4 operand loads";

/**
 * Per family, each vec4 load that reads a read-only storage texture holding a copy of its operand when
 * the override TX is 1 (vec4 q at texel (q % 4096, q / 4096)) and the buffer otherwise:
 * [function, texture, buffer, element type (f32 unless given)].
 */
const OPERAND_LOADS: Record<string, [string, string, string, string?][]> = {
  "matmul.wgsl": [["ldA4", "ta", "a4"], ["ldB4", "tb", "b4"]],
  "batchnorm.wgsl": [["ldX4", "xt", "x4"], ["ldG4", "gt", "g4"], ["ldR4", "rt", "res4"], [
    "ldC4",
    "ct",
    "c4",
  ]],
  "elementwise.wgsl": [["ldA4", "ta", "a4"], ["ldB4", "tb", "b4"]],
  "gaussian.wgsl": [["tableRow", "tt", "table", "u32"], ["image4", "it", "images4"], [
    "base4At",
    "bt",
    "base4",
  ]],
  "pool.wgsl": [["ldX4", "xt", "x4"]],
};

/** `source` (one of OPERAND_LOADS' files) with its vec4 operand loads rewritten. */
export function withOperandLoads(source: string, file: string): string {
  const loads = OPERAND_LOADS[file];
  if (!loads) throw new Error(`kernel_gen: no operand loads for ${file}`);
  const body = loads.flatMap(([fn, texture, buffer, type = "f32"], i) => [
    ...(i > 0 ? [""] : []),
    `fn ${fn}(q: u32) -> vec4<${type}> {`,
    `  if (TX == 1u) { return textureLoad(${texture}, vec2<u32>(q & 4095u, q >> 12u)); }`,
    `  return ${buffer}[q];`,
    `}`,
  ]);
  return withSection(source, file, LOADS_BEGIN, LOADS_END, body);
}

const WALK_BEGIN = "// generated: the reductions' stream walk (engine/kernel_gen.ts writes it; edit there)";
const WALK_END = "// end of generated stream walk";

/**
 * The walk of batchnorm.wgsl's and reduce.wgsl's one-workgroup-per-channel reductions: streams of STREAM
 * adjacent lanes, each over a contiguous share of the channel's values r = (n, j), j < per fastest.
 */
const STREAM_WALK = [
  "const STREAM = 8u;",
  "",
  "struct Walk {",
  "  r: u32,      // this lane's index in the channel",
  "  end: u32,    // the end of its stream's share",
  "  n: u32,",
  "  j: u32,",
  "}",
  "",
  "fn streamStart(lid: u32, total: u32, per: u32) -> Walk {",
  "  let streams = WG / STREAM;",
  "  let share = (total + streams * STREAM - 1u) / (streams * STREAM) * STREAM;",
  "  let r = (lid / STREAM) * share + lid % STREAM;",
  "  let end = min((lid / STREAM + 1u) * share, total);",
  "  return Walk(r, end, r / per, r % per);",
  "}",
  "",
  "fn streamNext(w: Walk, per: u32) -> Walk {",
  "  var v = w;",
  "  v.r += STREAM;",
  "  v.j += STREAM;",
  "  loop {",
  "    if (v.j < per) { break; }",
  "    v.j -= per;",
  "    v.n += 1u;",
  "  }",
  "  return v;",
  "}",
];

/** `source` with its stream walk section rewritten. */
export function withStreamWalk(source: string, file: string): string {
  return withSection(source, file, WALK_BEGIN, WALK_END, STREAM_WALK);
}

const EPILOGUE_BEGIN =
  "// shared forward epilogue: conv2d.wgsl's, copied into conv2d_f16.wgsl by engine/kernel_gen.ts";
const EPILOGUE_END = "// end of shared forward epilogue";

/** conv2d_f16.wgsl with its forward epilogue section replaced by conv2d.wgsl's. */
export function withSharedEpilogue(f16Source: string, f32Source: string): string {
  const [begin, end] = section(f32Source, "conv2d.wgsl", EPILOGUE_BEGIN, EPILOGUE_END);
  const body = f32Source.split("\n").slice(begin, end);
  return withSection(f16Source, "conv2d_f16.wgsl", EPILOGUE_BEGIN, EPILOGUE_END, body);
}

const F16_HEADER =
  `// f16 variant of matmul.wgsl (inference path): A and B are stored as f16, products are accumulated in
// f32 and C is written as f32. Same tiling, block assignment and bounds handling as matmul.wgsl;
// the vector path reads 4 halves at once as vec2<u32> (8 bytes) and widens them with
// unpack2x16float, so it needs the contiguous dimension to be a multiple of 4.
//
// Generated from matmul.wgsl by engine/kernel_gen.ts: edit those, then run it.
enable f16;`;

const F32_OPERANDS = `@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> a4: array<vec4<f32>>;   // the same buffer as a
@group(0) @binding(3) var<storage, read> b: array<f32>;
@group(0) @binding(4) var<storage, read> b4: array<vec4<f32>>;   // the same buffer as b`;

const F16_OPERANDS = `@group(0) @binding(1) var<storage, read> a: array<f16>;
@group(0) @binding(2) var<storage, read> a2: array<vec2<u32>>;   // the same buffer as a, 4 halves each
@group(0) @binding(3) var<storage, read> b: array<f16>;
@group(0) @binding(4) var<storage, read> b2: array<vec2<u32>>;   // the same buffer as b`;

const ZERO = "const Z = mat4x4<f32>();";

const F16_LOADS = `${ZERO}

// Four consecutive halves starting at element 4 * i, widened to f32.
fn va4(i: u32) -> vec4<f32> {
  let v = a2[i];
  return vec4<f32>(unpack2x16float(v.x), unpack2x16float(v.y));
}

fn vb4(i: u32) -> vec4<f32> {
  let v = b2[i];
  return vec4<f32>(unpack2x16float(v.x), unpack2x16float(v.y));
}`;

function replaceOnce(text: string, from: string, to: string, file: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) {
    throw new Error(`${file}: expected "${from.split("\n")[0]}" once`);
  }
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** `name[index]` -> `wrap(index)` for every (bracket-balanced) indexing of the array `name`. */
function rewriteIndexing(text: string, name: string, wrap: (index: string) => string): string {
  const pattern = new RegExp(`\\b${name}\\[`, "g");
  let out = "", last = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    let depth = 1, i = m.index + m[0].length;
    for (; depth > 0; i++) {
      if (text[i] === "[") depth++;
      else if (text[i] === "]") depth--;
    }
    out += text.slice(last, m.index) + wrap(text.slice(m.index + m[0].length, i - 1));
    last = i;
    pattern.lastIndex = i;
  }
  return out + text.slice(last);
}

/** matmul_f16.wgsl from matmul.wgsl. */
export function matmulF16(f32Source: string): string {
  const file = "matmul.wgsl";
  const body = f32Source.slice(f32Source.search(/^override /m));
  let text = replaceOnce(body, F32_OPERANDS, F16_OPERANDS, file);
  text = replaceOnce(text, ZERO, F16_LOADS, file);
  text = rewriteIndexing(text, "a4", (i) => `va4(${i})`);
  text = rewriteIndexing(text, "b4", (i) => `vb4(${i})`);
  text = rewriteIndexing(text, "a", (i) => `f32(a[${i}])`);
  text = rewriteIndexing(text, "b", (i) => `f32(b[${i}])`);
  return `${F16_HEADER}\n\n${text}`;
}

/** Every generated file's expected text, from the current sources. */
export function generatedShaders(read: (file: string) => string): Map<string, string> {
  const out = new Map<string, string>();
  const matmul = withOperandLoads(
    withMac(withRegisterTile(read("matmul.wgsl"), "matmul.wgsl", null), "matmul.wgsl"),
    "matmul.wgsl",
  );
  out.set("matmul.wgsl", matmul);
  out.set("matmul_f16.wgsl", matmulF16(matmul));
  const conv = withMac(
    withFirstLayerTile(withRegisterTile(read("conv2d.wgsl"), "conv2d.wgsl", "decomposeK(k);")),
    "conv2d.wgsl",
  );
  out.set("conv2d.wgsl", conv);
  const convF16 = withMac(
    withRegisterTile(read("conv2d_f16.wgsl"), "conv2d_f16.wgsl", "decomposeK(k);"),
    "conv2d_f16.wgsl",
  );
  out.set("conv2d_f16.wgsl", withSharedEpilogue(convF16, conv));
  for (const file of ["batchnorm.wgsl", "elementwise.wgsl", "gaussian.wgsl", "pool.wgsl"]) {
    out.set(file, withOperandLoads(read(file), file));
  }
  out.set("batchnorm.wgsl", withStreamWalk(out.get("batchnorm.wgsl")!, "batchnorm.wgsl"));
  out.set("reduce.wgsl", withStreamWalk(read("reduce.wgsl"), "reduce.wgsl"));
  out.set("conv_winograd.wgsl", withWinogradBody(read("conv_winograd.wgsl")));
  out.set("conv_winograd_grad.wgsl", withWinogradGradBody(read("conv_winograd_grad.wgsl")));
  return out;
}

if (import.meta.main) {
  const dir = new URL("../shaders/", import.meta.url);
  const read = (file: string) => Deno.readTextFileSync(new URL(file, dir));
  for (const [file, text] of generatedShaders(read)) {
    if (read(file) !== text) {
      Deno.writeTextFileSync(new URL(file, dir), text);
      console.log(`wrote shaders/${file}`);
    }
  }
}
