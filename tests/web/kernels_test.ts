/**
 * The kernel families' core cases (tests/web/kernel_cases.ts) in headless Chromium: every WGSL family
 * compiles under Tint and computes what the float64 references say on Chromium's WebGPU (SwiftShader,
 * no shader-f16: the f16 families are compiled only where an adapter offers it).
 */
import assert from "node:assert/strict";
import { listShaderFamilies } from "../../engine/mod.ts";
import { bundle } from "../../web/build.ts";
import type { CaseResult } from "./kernel_cases.ts";
import { launchChromium, newPage } from "./chromium.ts";

/**
 * Families with no numeric case: the benchmark kernels (roofline probes), the f16 twins, and the Winograd
 * convolutions, which only lavapipe's tile policy uses (TileConfig.winograd: SwiftShader had not created
 * conv_winograd's pipeline after minutes).
 */
const COMPILE_ONLY = new Set([
  "bandwidth",
  "peak",
  "cast_f16",
  "conv2d_f16",
  "matmul_f16",
  "conv_winograd",
  "conv_winograd_grad",
]);

Deno.test({
  name: "Chromium: every kernel family compiles with Tint and matches the float64 references",
  sanitizeOps: false,
  sanitizeResources: false,
  fn: async () => {
    const outdir = await Deno.makeTempDir({ prefix: "smoothcert-kernels-" });
    const browser = await launchChromium();
    try {
      await bundle({ entryPoints: { kernel_cases: "tests/web/kernel_cases.ts" }, outdir });
      const script = Deno.readTextFileSync(`${outdir}/kernel_cases.js`);
      const { page, problems } = await newPage(browser);
      // a secure origin (WebGPU needs one) answered from memory: nothing listens on it
      await page.route(
        "http://localhost/**",
        (route) =>
          route.request().url().endsWith("/kernel_cases.js")
            ? route.fulfill({ contentType: "text/javascript", body: script })
            : route.fulfill({ contentType: "text/html", body: "<!doctype html><title>kernels</title>" }),
      );
      await page.goto("http://localhost/");
      const { adapter, results } = await page.evaluate(async () => {
        const m = await import("/kernel_cases.js");
        return await m.runKernelCases();
      }) as { adapter: string; results: CaseResult[] };
      console.log(`adapter: ${adapter}`);
      for (const r of results) console.log(`${r.error === null ? "ok  " : "FAIL"} ${r.family}: ${r.name}`);
      const failed = results.filter((r) => r.error !== null);
      assert.deepEqual(failed, [], failed.map((r) => `${r.family}: ${r.name}: ${r.error}`).join("\n"));
      const tested = new Set(results.filter((r) => r.name !== "compiles").map((r) => r.family));
      for (const family of listShaderFamilies()) {
        if (!COMPILE_ONLY.has(family)) assert.ok(tested.has(family), `no case runs ${family} in Chromium`);
      }
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
      await Deno.remove(outdir, { recursive: true });
    }
  },
});
