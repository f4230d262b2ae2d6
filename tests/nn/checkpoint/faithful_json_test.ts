import { deepStrictEqual as assertEquals } from "node:assert/strict";
import { parseJsonFaithfully } from "../../../nn/checkpoint/faithful_json.ts";
import fc from "../../fast_check.ts";

const read = (text: string) => parseJsonFaithfully(text);

Deno.test("values come back as JSON.parse gives them, at any depth", () => {
  const text = `{"a":{"x":[1,-2.5e-3,true,false,null,"s\\n"]},"b":[],"c":{},"d":[[{}],[[0]]]}`;
  assertEquals(read(text).value, JSON.parse(text));
  assertEquals(read(`[]`), { value: [], duplicate: null, topLevel: [] });
  assertEquals(read(` 7 `).value, 7);
  assertEquals(read(`"x"`).value, "x");
});

Deno.test("distinct keys, at any depth and in sibling objects, are not duplicates", () => {
  assertEquals(read(`{"a":{"x":1},"b":{"x":2},"c":[{"x":1},{"x":2}]}`).duplicate, null);
});

Deno.test("a key repeated in one object is reported with its path", () => {
  assertEquals(read(`{"a":1,"b":2,"a":3}`).duplicate, { key: "a", path: "a" });
  assertEquals(read(`{"__metadata__":{"n":"1", "n" : "2"},"t":{}}`).duplicate, {
    key: "n",
    path: "__metadata__.n",
  });
  assertEquals(read(`{"l":[{"k":{"z":0,"z":1}}]}`).duplicate, { key: "z", path: "l.k.z" });
});

Deno.test("keys are compared after unescaping, and string contents never look like structure", () => {
  assertEquals(read(`{"a":1,"\\u0061":2}`).duplicate, { key: "a", path: "a" });
  const text = `{"k\\"{":"}\\\\","v":"\\"a\\":"}`;
  assertEquals(read(text), { value: { 'k"{': "}\\", v: '"a":' }, duplicate: null, topLevel: ['k"{', "v"] });
  assertEquals(read(`{"x":["a","a"],"y":"x"}`).duplicate, null);
});

Deno.test("top-level keys come back in text order, integer-like names included", () => {
  const text = `{"b":{"inner":1}, "10":2, "a":[{"z":0}], "2":3}`;
  assertEquals(read(text).topLevel, ["b", "10", "a", "2"]);
  assertEquals(Object.keys(JSON.parse(text)), ["2", "10", "b", "a"], "what JSON.parse would give instead");
});

Deno.test("a key named __proto__ is data, not the object's prototype", () => {
  const v = read(`{"__proto__":{"polluted":1},"k":{"__proto__":"s"}}`).value as Record<string, unknown>;
  assertEquals(Object.getPrototypeOf(v), Object.prototype);
  assertEquals(Object.keys(v), ["__proto__", "k"]);
  assertEquals(Object.getOwnPropertyDescriptor(v, "__proto__")?.value, { polluted: 1 });
  assertEquals(({} as Record<string, unknown>).polluted, undefined);
});

Deno.test("escaped keys read back as written after a parse that trips V8's key cache (nodejs/node#63785)", () => {
  // The trigger: a parse with a `\` key after a sibling of the same shape. On Deno 2.9 (V8 15.0) a
  // plain JSON.parse of the next text then reads its `"` and `A` keys as `\`, and so did this
  // reader's predecessor, which took its object from JSON.parse.
  JSON.parse(`{"g":{},"\\\\":0}`);
  for (const [text, key] of [[`{"g":{},"\\"":2}`, '"'], [`{"g":{},"\\u0041":2}`, "A"]]) {
    const faithful = read(text);
    assertEquals(faithful.topLevel, ["g", key]);
    assertEquals(faithful.value, { g: {}, [key]: 2 });
  }
});

Deno.test("nesting far deeper than the call stack allows is read without recursion", () => {
  const depth = 200_000;
  const text = "[".repeat(depth) + "]".repeat(depth);
  let v = read(text).value;
  let n = 0;
  while (Array.isArray(v) && v.length > 0) (v = v[0]), n++;
  assertEquals(n, depth - 1);
});

/** What JSON text holds of `v`: -0 is written 0, and objects are plain ones (fast-check may make
 * null-prototype ones). */
function written(v: unknown): unknown {
  if (Object.is(v, -0)) return 0;
  if (Array.isArray(v)) return v.map(written);
  if (v === null || typeof v !== "object") return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, written(x)]));
}

Deno.test("any JSON value comes back as it was written, indented or not, keys in text order", () => {
  fc.assert(
    fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2, "\t"), (v, indent) => {
      const text = JSON.stringify(v, null, indent);
      const got = read(text);
      assertEquals(got.value, written(v));
      assertEquals(got.duplicate, null);
      const isObject = v !== null && typeof v === "object" && !Array.isArray(v);
      // JSON.stringify writes own keys in property order, so the text's order is Object.keys(v).
      assertEquals(got.topLevel, isObject ? Object.keys(v) : []);
    }),
    { numRuns: 300 },
  );
});
