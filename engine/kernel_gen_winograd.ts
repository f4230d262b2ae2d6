/**
 * The generated bodies of the Winograd kernels (engine/kernel_gen.ts writes them into the .wgsl files):
 * conv_winograd.wgsl's tile (winogradBody: a lane's input transforms, products over the channels and output
 * transforms) and conv_winograd_grad.wgsl's weight-gradient sums (winogradGradBody).
 */
import {
  WINOGRAD_COLS,
  WINOGRAD_GRAD_RUN,
  WINOGRAD_GROUPS,
  WINOGRAD_ROWS,
  WINOGRAD_WS_GROUPS,
} from "./ops/conv_winograd.ts";
import { fence, FMAS_PER_FENCE, withSection } from "./wgsl_sections.ts";

/**
 * conv_winograd.wgsl's body: a lane's WINOGRAD_ROWS x WINOGRAD_COLS tiles of 2 x 2 outputs (a 4 x 8 pixel
 * block) by WINOGRAD_GROUPS groups of 4 output channels. Winograd F(2x2, 3x3) has 16 products per tile
 * (V = B^T d B for each 4 x 4 input tile d, multiplied by the transformed weights U over the channels);
 * they are accumulated a few rows of the 4 x 4 product grid at a time (WINOGRAD_PASSES), a pass over the
 * input each, and each pass's products are folded into the 2 x 2 outputs (Y = A^T M A) before the next:
 * all four rows at once hold twice the live values, which lavapipe compiled in 20.7 s against 8.0 for one
 * row per pass, at the same speed (docs/SPEED.md).
 */
/** F(2x2, 3x3)'s input and output transforms: V = B^T d B, Y = A^T M A. */
export const BT = [[1, 0, -1, 0], [0, 1, 1, 0], [0, -1, 1, 0], [0, 1, 0, -1]];
export const AT = [[1, 1, 1, 0], [0, 1, -1, -1]];

/** sum of coef[k] * term(k) for coefficients in {-1, 0, 1}, as WGSL. */
export function signedSum(coef: readonly number[], term: (k: number) => string): string {
  let out = "";
  coef.forEach((c, k) => {
    if (c !== 0) out += out ? ` ${c > 0 ? "+" : "-"} ${term(k)}` : `${c > 0 ? "" : "-"}${term(k)}`;
  });
  return out;
}

/** A lane's Winograd tiles as [row, column], row by row. */
function winogradTiles(): [number, number][] {
  const tiles: [number, number][] = [];
  for (let tr = 0; tr < WINOGRAD_ROWS; tr++) for (let tc = 0; tc < WINOGRAD_COLS; tc++) tiles.push([tr, tc]);
  return tiles;
}

/**
 * One pass of the Winograd body (rows `rows` of the 4 x 4 product grid): their products over the channel
 * groups, then folded into the outputs. Rows 1 and 2 of B^T d read the same two rows of each tile, so
 * one pass computes both from one set of loads. `written`: the groups written out, each behind an
 * override guard (`CG`, decided when the pipeline is built), with the weights from workgroup memory; else
 * a loop over them with the weights from the texture.
 */
function winogradPass(rows: readonly number[], written: boolean): string[] {
  const TR = WINOGRAD_ROWS, TC = WINOGRAD_COLS, G = WINOGRAD_GROUPS;
  const tiles = winogradTiles();
  const L: string[] = [
    `  {`,
    `    // row${rows.length > 1 ? "s" : ""} ${rows.join(" and ")} of the 4 x 4 product grid`,
  ];
  for (const i of rows) {
    for (let t = 0; t < tiles.length; t++) {
      for (let g = 0; g < G; g++) {
        L.push(`    ${[0, 1, 2, 3].map((j) => `var m${i}${j}_${t}_${g} = V0;`).join(" ")}`);
      }
    }
  }
  const group = (cg: string, weight: (xi: number, g: number, c: number) => string) => {
    for (let r = 0; r < 2 * TR + 2; r++) {
      L.push(
        `      let q${r} = ldRow(${r}, ${cg}); ${
          Array.from({ length: 2 * TC + 2 }, (_, c) => `let d${r}_${c} = q${r}[${c}];`).join(" ")
        }`,
      );
    }
    for (const i of rows) {
      tiles.forEach(([tr, tc], t) => {
        // row i of B^T d, then its products with B's columns
        const row = [0, 1, 2, 3].map((b) => signedSum(BT[i], (a) => `d${2 * tr + a}_${2 * tc + b}`));
        L.push(`      ${row.map((e, b) => `let r${i}${t}_${b} = ${e};`).join(" ")}`);
        L.push(
          `      ${
            [0, 1, 2, 3].map((j) => `let v${i}${t}_${j} = ${signedSum(BT[j], (b) => `r${i}${t}_${b}`)};`)
              .join(" ")
          }`,
        );
      });
      for (let j = 0; j < 4; j++) {
        L.push(`      {`);
        for (let g = 0; g < G; g++) {
          L.push(
            `        ${[0, 1, 2, 3].map((c) => `let u${g}_${c} = ${weight(4 * i + j, g, c)};`).join(" ")}`,
          );
        }
        // madd does 4 vec4 FMAs; a fence (FMAS_PER_FENCE) between runs of them
        const per = FMAS_PER_FENCE / (4 * G);
        for (let t = 0; t < tiles.length; t++) {
          for (let g = 0; g < G; g++) {
            L.push(
              `        m${i}${j}_${t}_${g} = madd(m${i}${j}_${t}_${g}, v${i}${t}_${j}, u${g}_0, u${g}_1, u${g}_2, u${g}_3);`,
            );
          }
          if ((t + 1) % per === 0 && t + 1 < tiles.length) {
            L.push(`        ${fence("out4[0]", `m${i}${j}_${t}_0`)}`);
          }
        }
        L.push(`      }`);
      }
    }
  };
  if (written) {
    for (let k = 0; k < WINOGRAD_WS_GROUPS; k++) {
      L.push(`    if (CG > ${k}u) {`);
      group(`${k}u`, (xi, g, c) => `uw[${((k * 16 + xi) * 4 + c) * G + g}]`);
      L.push(`    }`);
    }
  } else {
    L.push(`    for (var cg = 0u; cg < p.C4 / 4u; cg++) {`);
    group("cg", (xi, g, c) => `weight(${xi}u, cg, ${g}u, ${c}u)`);
    L.push(`    }`);
  }
  // fold: Y[r][s] += AT[r][i] * sum over j of M[i][j] AT[s][j]
  for (const i of rows) {
    for (let t = 0; t < tiles.length; t++) {
      for (let g = 0; g < G; g++) {
        for (let s = 0; s < 2; s++) {
          const q = signedSum(AT[s], (j) => `m${i}${j}_${t}_${g}`);
          for (let r = 0; r < 2; r++) {
            if (AT[r][i] !== 0) L.push(`    y${t}_${g}_${r}${s} ${AT[r][i] > 0 ? "+=" : "-="} ${q};`);
          }
        }
      }
    }
  }
  L.push(`  }`);
  return L;
}

/**
 * The body's passes over its input, as rows of the 4 x 4 product grid. Rows 1 and 2 share a pass (they
 * read the same input rows: 10 rows of texel loads per tile row and channel group where four passes load
 * 14); all four in one pass would load 6 but hold twice the accumulators, and measured no faster.
 */
const WINOGRAD_PASSES: readonly (readonly number[])[] = [[0], [1, 2], [3]];

export function winogradBody(): string[] {
  const TR = WINOGRAD_ROWS, TC = WINOGRAD_COLS, G = WINOGRAD_GROUPS;
  const tiles = winogradTiles();
  const L: string[] = [];
  for (let t = 0; t < tiles.length; t++) {
    for (let g = 0; g < G; g++) {
      L.push(
        `  var y${t}_${g}_00 = V0; var y${t}_${g}_01 = V0; var y${t}_${g}_10 = V0; var y${t}_${g}_11 = V0;`,
      );
    }
  }
  const indent = (lines: string[]) => lines.map((l) => `  ${l}`);
  L.push(`  if (WS == 0u) {`);
  for (const rows of WINOGRAD_PASSES) L.push(...indent(winogradPass(rows, false)));
  L.push(`  } else {`);
  for (const rows of WINOGRAD_PASSES) L.push(...indent(winogradPass(rows, true)));
  L.push(`  }`);
  L.push(`  if (!live) { return; }`);
  for (let g = 0; g < G; g++) L.push(`  let e${g} = epilogueOf(${g}u);`);
  // Four pixels of an output row at a time (two tiles side by side), which NCHW stores as one vec4 per channel.
  for (let tr = 0; tr < TR; tr++) {
    for (let g = 0; g < G; g++) {
      for (let r = 0; r < 2; r++) {
        for (let tc = 0; tc < TC; tc += 2) {
          const px = [tc, tc, tc + 1, tc + 1].map((c, k) => `y${tr * TC + c}_${g}_${r}${k % 2}`);
          L.push(`  store4(${2 * tr + r}u, ${2 * tc}u, ${g}u, ${px.join(", ")}, e${g});`);
        }
      }
    }
  }
  // Each channel's mean and sum of squared deviations over the lane's pixels, summed as deviations from
  // its first pixel's value (close to the mean, so the squares cancel little): mom4 in conv_winograd.wgsl.
  const pixels = (g: number) =>
    tiles.flatMap((_, t) => ["00", "01", "10", "11"].map((rs) => `y${t}_${g}_${rs}`));
  const count = pixels(0).length;
  L.push(`  if (p.moments == 1u) {`, `    let lm = l / p.OGB;`);
  for (let g = 0; g < G; g++) {
    const [first, ...rest] = pixels(g);
    L.push(`    {`, `      let k = epi(${first}, e${g});`, `      var s = V0; var q = V0;`);
    for (const v of rest) L.push(`      { let d = epi(${v}, e${g}) - k; s += d; q += d * d; }`);
    L.push(
      `      let m = (og0 + ${g}u) * p.momLanes + lm;`,
      `      mom4[2u * m] = k + s / ${count}.0;`,
      `      mom4[2u * m + 1u] = max(q - s * s / ${count}.0, V0);`,
      `    }`,
    );
  }
  L.push(`  }`);
  return L;
}

/**
 * conv_winograd_grad.wgsl's body: a lane's 16 x 16 x 4 sums (product xi of the 4 x 4 grid, 16 output
 * channels, 4 input channels as a vec4: 1,024 live values) over its share of tiles, WINOGRAD_GRAD_RUN side
 * by side at a time (their input rows share texels). Per run: V = B^T d B of each tile for its 4 input channels
 * (64 texel loads for the run), then per group of 4 output channels A dY A^T of each (16 loads) and its
 * WINOGRAD_GRAD_RUN x 64 vec4 multiply-adds into the sums, each (spilled) sum loaded and stored once per run.
 */
export function winogradGradBody(): string[] {
  const L: string[] = [];
  const xyzw = "xyzw";
  const U = WINOGRAD_GRAD_RUN, tiles = Array.from({ length: U }, (_, u) => u);
  // the shader's own row loaders (ldxRow's 10 columns, ldgRow's 8 pixels) are written for runs of 4 tiles
  if (U !== 4) {
    throw new Error(
      `winogradGradBody: conv_winograd_grad.wgsl's ldxRow and ldgRow read runs of 4 tiles, not ${U}`,
    );
  }
  for (let xi = 0; xi < 16; xi++) {
    L.push(`  ${Array.from({ length: 16 }, (_, o) => `var a${xi}_${o} = V0;`).join(" ")}`);
  }
  L.push(`  for (var t = t0; t < t1; t++) {`);
  L.push(`    oy = 2u * ty;`, `    ox = ${2 * U}u * tx;`, `    y0 = i32(oy) - 1;`);
  for (let a = 0; a < 4; a++) {
    L.push(
      `    let x${a} = ldxRow(${a}); ${
        Array.from({ length: 2 * U + 2 }, (_, b) => `let d${a}_${b} = x${a}[${b}];`).join(" ")
      }`,
    );
  }
  // V = B^T d B per tile (columns 2u .. 2u + 3 of the run's): rows of B^T d, then products with B's columns
  for (const u of tiles) {
    for (let i = 0; i < 4; i++) {
      L.push(
        `    ${
          [0, 1, 2, 3].map((b) => `let r${u}${i}_${b} = ${signedSum(BT[i], (a) => `d${a}_${2 * u + b}`)};`)
            .join(" ")
        }`,
      );
      L.push(
        `    ${
          [0, 1, 2, 3].map((j) => `let v${u}${i}_${j} = ${signedSum(BT[j], (b) => `r${u}${i}_${b}`)};`)
            .join(" ")
        }`,
      );
    }
  }
  // A dY A^T: A = AT^T, so row i of A dY combines dY's rows by AT's column i
  const column = (k: number) => AT.map((row) => row[k]);
  for (let g = 0; g < 4; g++) {
    L.push(`    {`);
    L.push(
      `      ${
        [0, 1].map((r) =>
          `let gr${r} = ldgRow(${r}u, ${g}u); ${
            Array.from({ length: 2 * U }, (_, c) => `let g${r}_${c} = gr${r}[${c}];`).join(" ")
          }`
        ).join(" ")
      }`,
    );
    for (const u of tiles) {
      for (let i = 0; i < 4; i++) {
        L.push(
          `      ${
            [0, 1].map((c) => `let q${u}${i}_${c} = ${signedSum(column(i), (r) => `g${r}_${2 * u + c}`)};`)
              .join(" ")
          }`,
        );
        L.push(
          `      ${
            [0, 1, 2, 3].map((j) => `let h${u}${i}_${j} = ${signedSum(column(j), (c) => `q${u}${i}_${c}`)};`)
              .join(" ")
          }`,
        );
      }
    }
    // the run's products into each sum at once: one load and store of the (spilled) sum per run
    for (let xi = 0; xi < 16; xi++) {
      const [i, j] = [Math.floor(xi / 4), xi % 4];
      L.push(
        `      ${
          [0, 1, 2, 3].map((k) => {
            const acc = `a${xi}_${4 * g + k}`;
            const sum = tiles.reduce(
              (inner, u) => `fma(vec4<f32>(h${u}${i}_${j}.${xyzw[k]}), v${u}${i}_${j}, ${inner})`,
              acc,
            );
            return `${acc} = ${sum};`;
          }).join(" ")
        }`,
      );
    }
    L.push(`    }`);
  }
  L.push(`    tx += 1u;`);
  L.push(`    if (tx == p.PW) {`, `      tx = 0u;`, `      ty += 1u;`);
  L.push(`      if (ty == p.TH) {`, `        ty = 0u;`, `        n += 1u;`, `      }`, `    }`);
  L.push(`  }`);
  for (let xi = 0; xi < 16; xi++) {
    for (let g = 0; g < 4; g++) {
      L.push(`  ${[0, 1, 2, 3].map((k) => `st(${xi}u, ${g}u, ${k}u, s, a${xi}_${4 * g + k});`).join(" ")}`);
    }
  }
  return L;
}

const GRAD_BEGIN = "  // generated: Winograd weight gradient (engine/kernel_gen.ts writes it; edit there)";
const GRAD_END = "  // end of generated Winograd weight gradient";

/** conv_winograd_grad.wgsl with its generated body rewritten. */
export function withWinogradGradBody(source: string): string {
  return withSection(source, "conv_winograd_grad.wgsl", GRAD_BEGIN, GRAD_END, winogradGradBody());
}

const WINOGRAD_BEGIN = "  // generated: Winograd tile (engine/kernel_gen.ts writes it; edit there)";
const WINOGRAD_END = "  // end of generated Winograd tile";

/** conv_winograd.wgsl with its generated body rewritten. */
export function withWinogradBody(source: string): string {
  return withSection(source, "conv_winograd.wgsl", WINOGRAD_BEGIN, WINOGRAD_END, winogradBody());
}
