import { deepStrictEqual as assertEquals } from "node:assert/strict";
import { scanJsonKeys } from "../../../nn/checkpoint/json_keys.ts";

Deno.test("distinct keys, at any depth and in sibling objects, are not duplicates", () => {
  assertEquals(scanJsonKeys(`{"a":{"x":1},"b":{"x":2},"c":[{"x":1},{"x":2}]}`).duplicate, null);
  assertEquals(scanJsonKeys(`[]`), { duplicate: null, topLevel: [] });
});

Deno.test("a key repeated in one object is reported with its path", () => {
  assertEquals(scanJsonKeys(`{"a":1,"b":2,"a":3}`).duplicate, { key: "a", path: "a" });
  assertEquals(scanJsonKeys(`{"__metadata__":{"n":"1", "n" : "2"},"t":{}}`).duplicate, {
    key: "n",
    path: "__metadata__.n",
  });
});

Deno.test("keys are compared after unescaping, and string contents never look like structure", () => {
  assertEquals(scanJsonKeys(`{"a":1,"\\u0061":2}`).duplicate, { key: "a", path: "a" });
  assertEquals(scanJsonKeys(`{"k\\"{":"}\\\\","v":"\\"a\\":"}`), { duplicate: null, topLevel: ['k"{', "v"] });
  assertEquals(scanJsonKeys(`{"x":["a","a"],"y":"x"}`).duplicate, null);
});

Deno.test("top-level keys come back in text order, integer-like names included", () => {
  const text = `{"b":{"inner":1}, "10":2, "a":[{"z":0}], "2":3}`;
  assertEquals(scanJsonKeys(text).topLevel, ["b", "10", "a", "2"]);
  assertEquals(Object.keys(JSON.parse(text)), ["2", "10", "b", "a"], "what JSON.parse would give instead");
});
