/**
 * A family's source specialised for a pipeline's override constants (engine/wgsl_specialize.ts): branches
 * decided by comparisons of overrides with literals, alone or in conjunctions, lose their dead side,
 * everything else stays, and every line keeps its number. The kernels' own tests run the specialised modules against float64.
 */
import assert from "node:assert/strict";
import { listShaderFamilies, shaderFamily } from "../../engine/mod.ts";
import { guardNames, specializeWgsl } from "../../engine/wgsl_specialize.ts";
import { gpuTest } from "../helpers.ts";

const spec = (code: string, values: Record<string, number>) =>
  specializeWgsl(code, new Map(Object.entries(values)));
/** The statements left, one string, whitespace collapsed. */
const flat = (code: string) => code.replace(/\s+/g, " ").trim();

Deno.test("each comparison operator keeps the then-branch exactly when it holds", () => {
  const cases: [string, number, boolean][] = [
    ["A == 2u", 2, true],
    ["A == 2u", 3, false],
    ["A != 2u", 3, true],
    ["A != 2u", 2, false],
    ["A > 2u", 3, true],
    ["A > 2u", 2, false],
    ["A >= 2u", 2, true],
    ["A >= 2u", 1, false],
    ["A < 2u", 1, true],
    ["A < 2u", 2, false],
    ["A <= 2u", 2, true],
    ["A <= 2u", 3, false],
    ["A == 2", 2, true], // an abstract integer literal
  ];
  for (const [cond, a, holds] of cases) {
    const out = flat(spec(`x = 0; if (${cond}) { x = 1; } y = 2;`, { A: a }));
    assert.equal(
      out,
      holds ? "x = 0; if (true) { x = 1; } y = 2;" : "x = 0; y = 2;",
      `${cond} with A = ${a}`,
    );
  }
});

Deno.test("an else branch, or the first live branch of an else-if chain, replaces a dead then-branch", () => {
  const code =
    `if (B == 0u) { r = 0; } else if (B == 1u) { r = 1; } else if (q > 0.0) { r = 2; } else { r = 3; }`;
  assert.equal(flat(spec(code, { B: 0 })), "if (true) { r = 0; }");
  assert.equal(flat(spec(code, { B: 1 })), "if (true) { r = 1; }");
  // the runtime condition stays, with its else
  assert.equal(flat(spec(code, { B: 5 })), "if (q > 0.0) { r = 2; } else { r = 3; }");
  assert.equal(flat(spec(`if (B == 0u) { r = 0; } else { r = 9; }`, { B: 4 })), "{ r = 9; }");
});

Deno.test("a conjunction is dead if one decided term is false, and keeps the terms left open otherwise", () => {
  const code =
    "if (PASS == 0u && OUTP == 1u) { a(); } if ((EPI & 2u) != 0u && p.res == 1u) { b(); } else { c(); }";
  assert.equal(
    flat(spec(code, { PASS: 0, OUTP: 1, EPI: 2 })),
    "if (true) { a(); } if (p.res == 1u) { b(); } else { c(); }",
  );
  assert.equal(flat(spec(code, { PASS: 1, OUTP: 1, EPI: 1 })), "{ c(); }");
  // the bit test alone, and inside parentheses
  assert.equal(flat(spec("if (((EPI & 1u) != 0u)) { s(); }", { EPI: 3 })), "if (true) { s(); }");
  assert.equal(flat(spec("if ((EPI & 1u) == 0u) { s(); }", { EPI: 3 })), "");
  // a term that calls a function keeps its if, whatever the override; a disjunction is left as written
  for (const code of ["if (PASS == 1u && ok(n)) { x = 1; }", "if (PASS == 1u || n > 2u) { x = 1; }"]) {
    assert.equal(spec(code, { PASS: 0 }), code);
  }
});

Deno.test("an else-if that the overrides remove still leaves the else a statement", () => {
  const code = "if (n > 2u) { x = 1; } else if (PASS == 2u) { x = 2; }";
  assert.equal(flat(spec(code, { PASS: 0 })), "if (n > 2u) { x = 1; } else {}");
  assert.equal(flat(spec(code, { PASS: 2 })), "if (n > 2u) { x = 1; } else if (true) { x = 2; }");
});

Deno.test("guards nested in a kept branch are decided too; the generated register tile loses its dead blocks", () => {
  const tile = [
    "if (RB > 0u) { let a = ldA(0u); if (CB > 0u) { c0_0 = mac(c0_0, b0, a); } if (CB > 1u) { c0_1 = mac(c0_1, b1, a); } }",
    "if (RB > 1u) { let a = ldA(1u); if (CB > 0u) { c1_0 = mac(c1_0, b0, a); } if (CB > 1u) { c1_1 = mac(c1_1, b1, a); } }",
  ].join("\n");
  assert.equal(
    flat(spec(tile, { RB: 1, CB: 1 })),
    "if (true) { let a = ldA(0u); if (true) { c0_0 = mac(c0_0, b0, a); } }",
  );
  assert.equal(flat(spec(tile, { RB: 2, CB: 2 })).match(/mac\(/g)?.length, 4);
});

Deno.test("every line keeps its number, so compiler messages still point into the .wgsl file", () => {
  const code = [
    "fn f() -> u32 {", //                 1
    "  if (P == 0u) {", //                 2
    "    return 1u;", //                   3
    "  } else {", //                       4
    "    let marker = 7u;", //             5
    "    return marker;", //               6
    "  }", //                              7
    "}", //                                8
  ].join("\n");
  for (const p of [0, 1]) {
    const lines = spec(code, { P: p }).split("\n");
    assert.equal(lines.length, 8);
    assert.equal(lines.findIndex((l) => l.includes(p === 0 ? "return 1u" : "marker = 7u")), p === 0 ? 2 : 4);
    assert.equal(lines[7], "}");
  }
});

Deno.test("braces and else inside comments are not code; a comment may stand between } and else", () => {
  const code = `if (A == 1u) { x = 1; // } else {
} /* a { nested /* } */ comment */ else { x = 2; /* } */ }`;
  assert.equal(flat(spec(code, { A: 1 })), "if (true) { x = 1; // } else { }");
  assert.equal(flat(spec(code, { A: 0 })), "{ x = 2; /* } */ }");
});

Deno.test("conditions of any other form are left as written", () => {
  const untouched = [
    "if (A > 1u || ok) { x = 1; }", // a disjunction
    "if (p.A > 1u) { x = 1; }", // a uniform member, not the override
    "if (n > 1u) { x = 1; }", // a runtime value
    "if (Z > 1u) { x = 1; }", // no value given
    "if (A > m) { x = 1; }", // not against a literal
    "endif (A > 1u) { x = 1; }", // not the keyword
  ];
  for (const code of untouched) assert.equal(spec(code, { A: 0 }), code);
  // a local of the override's name would be what the condition reads
  const shadowing = "fn g(A: u32) { if (A > 1u) { x = 1; } }";
  assert.equal(spec(shadowing, { A: 0 }), shadowing);
  assert.deepEqual(guardNames(shadowing, ["A"]), []);
});

Deno.test("guardNames lists the overrides that decide a branch, in order of first use", () => {
  const code =
    "if (CB > 1u) {} if (PASS == 2u) {} if (n > 1u && (EPI & 2u) != 0u) {} if (RB > 0u) {} x = WG;";
  assert.deepEqual(guardNames(code, ["RB", "CB", "PASS", "EPI", "WG"]), ["CB", "PASS", "EPI", "RB"]);
  assert.deepEqual(shaderFamily("conv2d").guards.slice().sort().slice(0, 3), ["AT", "BIAS", "CB"]);
});

gpuTest(
  "every family specialised for its default overrides, and the GEMM tiles for every size, still compile",
  async (e) => {
    const check = async (file: string, code: string, what: string) => {
      const info = await e.gpu.device.createShaderModule({ code }).getCompilationInfo();
      const errors = info.messages.filter((m) => m.type === "error").map((m) => `${m.lineNum}: ${m.message}`);
      assert.deepEqual(errors, [], `${file} specialised for ${what}`);
    };
    for (const n of listShaderFamilies()) {
      const f = shaderFamily(n);
      if (f.code.includes("enable f16") && !e.f16) continue;
      const values = new Map(f.guards.flatMap((g) => {
        const v = f.overrideDefaults.get(g);
        return v === null || v === undefined ? [] : [[g, v] as [string, number]];
      }));
      await check(f.file, specializeWgsl(f.code, values), "its defaults");
    }
    const conv = shaderFamily("conv2d");
    for (const [RB, CB] of [[1, 1], [3, 5], [8, 8]]) {
      for (const PASS of [0, 1, 2]) {
        await check(
          conv.file,
          specializeWgsl(conv.code, new Map(Object.entries({ RB, CB, PASS }))),
          `${RB}x${CB}`,
        );
      }
    }
  },
);
