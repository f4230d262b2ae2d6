/**
 * The engine's host in a browser (see host.ts): web/build.ts bundles this module in place of
 * host_deno.ts. The WGSL sources are inlined at build time (esbuild's `define` replaces
 * SMOOTHCERT_WGSL with the contents of shaders/*.wgsl), and there is no environment to read: the
 * adapter is the browser's, chosen by the options alone.
 */
import type { EngineHost } from "./host.ts";

/** Family name -> WGSL text; exists only in the bundle. */
declare const SMOOTHCERT_WGSL: Readonly<Record<string, string>>;

export const host: EngineHost = {
  shaderSource(name) {
    const code = SMOOTHCERT_WGSL[name];
    if (code === undefined) throw new Error(`this bundle has no shaders/${name}.wgsl`);
    return code;
  },
  shaderNames: () => Object.keys(SMOOTHCERT_WGSL).sort(),
  planAdapter: (options) => ({
    choice: options.adapter ?? "auto",
    backend: "browser WebGPU",
    check: () => undefined,
  }),
  // SwiftShader (Chromium's software adapter) compiles register tiles slowly and its GPU process dies on
  // the tall ones: a 3x3 convolution's first dispatch took 4 s with 4 x 4 blocks, 105 s with 7 x 1 and
  // lost the device with 8 x 1. Hardware adapters take the GPU tiles, which this does not touch.
  tileLimit: () => ({ rows: 4, cols: 4 }),
};
