import { deepStrictEqual as assertEquals } from "node:assert/strict";
import { findDuplicateKey } from "../../../nn/checkpoint/json_duplicates.ts";

Deno.test("distinct keys, at any depth and in sibling objects, are not duplicates", () => {
  assertEquals(findDuplicateKey(`{"a":{"x":1},"b":{"x":2},"c":[{"x":1},{"x":2}]}`), null);
  assertEquals(findDuplicateKey(`[]`), null);
});

Deno.test("a key repeated in one object is reported with its path", () => {
  assertEquals(findDuplicateKey(`{"a":1,"b":2,"a":3}`), { key: "a", path: "a" });
  assertEquals(findDuplicateKey(`{"__metadata__":{"n":"1", "n" : "2"},"t":{}}`), {
    key: "n",
    path: "__metadata__.n",
  });
});

Deno.test("keys are compared after unescaping, and string contents never look like structure", () => {
  assertEquals(findDuplicateKey(`{"a":1,"\\u0061":2}`), { key: "a", path: "a" });
  assertEquals(findDuplicateKey(`{"k\\"{":"}\\\\","v":"\\"a\\":"}`), null);
  assertEquals(findDuplicateKey(`{"x":["a","a"],"y":"x"}`), null);
});
