/**
 * `deno task bundle`: esbuild bundles the library (smoothing/mod.ts -> web/dist/smoothcert.js, an ES
 * module) and the page's script (web/page.ts -> web/dist/page.js) for browsers, sharing one chunk.
 *
 * Three things differ from how Deno runs the same modules:
 * - engine/host_deno.ts (shaders read from disk, the adapter steered by environment variables) is
 *   replaced by engine/host_web.ts, and the WGSL sources of shaders/ are inlined as the value of
 *   SMOOTHCERT_WGSL (esbuild's `define`), so the bundle needs no file access;
 * - npm packages are taken from Deno's cache, at the versions Deno resolves for the entry points
 *   (`deno info`), through a node_modules folder of links esbuild searches (`nodePaths`); deno.json's
 *   import map is applied first;
 * - anything else Deno-specific (a `node:` module, a `jsr:` or URL import) is a build error naming it,
 *   and the output is checked to hold no `Deno.` reference.
 */
// A full npm: specifier: only this task and the tests use esbuild (see tests/task_locks.ts).
// deno-lint-ignore no-import-prefix
import * as esbuild from "npm:esbuild@0.28.2";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../", import.meta.url));

/** The library and the page, as web/dist/<name>.js. */
export const WEB_ENTRY_POINTS: Readonly<Record<string, string>> = {
  smoothcert: "smoothing/mod.ts",
  page: "web/page.ts",
};

/** Modules with a browser counterpart, relative to the repository root. */
const BROWSER_SUBSTITUTES: Readonly<Record<string, string>> = {
  "engine/host_deno.ts": "engine/host_web.ts",
};

export interface BundleOptions {
  /** Output name -> module path relative to the repository root. */
  entryPoints: Readonly<Record<string, string>>;
  /** Absolute output directory. */
  outdir: string;
  minify?: boolean;
}

export interface BundleResult {
  /** Absolute paths of the files written. */
  files: string[];
  /** The shader families inlined. */
  shaders: string[];
}

/** shaders/<name>.wgsl, every one, by name. */
export function wgslSources(): Record<string, string> {
  const sources: Record<string, string> = {};
  for (const e of Deno.readDirSync(`${ROOT}shaders`)) {
    if (e.isFile && e.name.endsWith(".wgsl")) {
      sources[e.name.slice(0, -5)] = Deno.readTextFileSync(`${ROOT}shaders/${e.name}`);
    }
  }
  // code-unit order, as listShaderFamilies (engine/host_deno.ts) sorts: localeCompare put conv_winograd first
  return Object.fromEntries(Object.entries(sources).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0));
}

interface DenoInfo {
  npmPackages?: Record<string, { name: string; version: string; localPath?: string }>;
}

/**
 * A folder of node_modules/<package> links to Deno's cached npm packages, one version per name, as
 * Deno resolves them for `entries` (downloading what is missing).
 */
async function linkNpmPackages(entries: string[], dir: string): Promise<string> {
  const packages: NonNullable<DenoInfo["npmPackages"]>[string][] = [];
  for (const entry of entries) {
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["info", "--json", entry],
      cwd: ROOT,
      stdout: "piped",
      stderr: "piped",
    }).output();
    if (!out.success) throw new Error(`deno info ${entry} failed:\n${new TextDecoder().decode(out.stderr)}`);
    packages.push(
      ...Object.values((JSON.parse(new TextDecoder().decode(out.stdout)) as DenoInfo).npmPackages ?? {}),
    );
  }
  const modules = `${dir}/node_modules`;
  const linked = new Map<string, string>();
  for (const p of packages) {
    const before = linked.get(p.name);
    if (before !== undefined && before !== p.version) {
      throw new Error(`the bundle would need two versions of ${p.name} (${before} and ${p.version})`);
    }
    if (before !== undefined) continue;
    if (!p.localPath) throw new Error(`deno info gives no cached folder for ${p.name}@${p.version}`);
    const link = `${modules}/${p.name}`;
    Deno.mkdirSync(link.slice(0, link.lastIndexOf("/")), { recursive: true });
    Deno.symlinkSync(p.localPath, link);
    linked.set(p.name, p.version);
  }
  return modules;
}

/** `npm:name@1.2.3/sub/path` -> `name/sub/path` (the version is the linked one). */
function npmPackagePath(specifier: string): string {
  const rest = specifier.slice("npm:".length).replace(/^\//, "");
  const m = /^((?:@[^/]+\/)?[^/@]+)(?:@[^/]+)?(\/.*)?$/.exec(rest);
  if (!m) throw new Error(`cannot read the npm specifier ${specifier}`);
  return `${m[1]}${m[2] ?? ""}`;
}

const NPM_PATH = Symbol("npm package path");

function denoResolution(importMap: Readonly<Record<string, string>>): esbuild.Plugin {
  return {
    name: "deno-resolution",
    setup(build) {
      for (const [from, to] of Object.entries(BROWSER_SUBSTITUTES)) {
        const file = from.slice(from.lastIndexOf("/") + 1).replace(/\./g, "\\.");
        build.onResolve({ filter: new RegExp(`/${file}$`) }, (args) => {
          return resolve(args.resolveDir, args.path) === `${ROOT}${from}`
            ? { path: `${ROOT}${to}` }
            : undefined;
        });
      }
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        // a package path this plugin asked esbuild to resolve (`fast-png` maps to npm:fast-png@8.0.0)
        if (args.pluginData === NPM_PATH) return undefined;
        const mapped = importMap[args.path] ?? args.path;
        if (mapped.startsWith("npm:")) {
          return build.resolve(npmPackagePath(mapped), {
            kind: args.kind,
            resolveDir: args.resolveDir,
            importer: args.importer,
            pluginData: NPM_PATH,
          });
        }
        if (/^(node|jsr|https?|file):/.test(mapped)) {
          return {
            errors: [{
              text:
                `${args.importer} imports ${mapped}, which a browser bundle cannot hold: keep it out of ` +
                "the modules the library and the page import",
            }],
          };
        }
        return undefined; // a bare name from inside an npm package: esbuild finds it in the linked folder
      });
    },
  };
}

/** Builds the bundle; fails on anything Deno-specific that reaches it. */
export async function bundle(o: BundleOptions): Promise<BundleResult> {
  const config = JSON.parse(Deno.readTextFileSync(`${ROOT}deno.json`)) as {
    imports?: Record<string, string>;
  };
  const work = await Deno.makeTempDir({ prefix: "smoothcert-bundle-" });
  try {
    const nodePath = await linkNpmPackages(Object.values(o.entryPoints), work);
    const shaders = wgslSources();
    const result = await esbuild.build({
      absWorkingDir: ROOT,
      entryPoints: Object.entries(o.entryPoints).map(([out, src]) => ({ out, in: `${ROOT}${src}` })),
      outdir: o.outdir,
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      minify: o.minify ?? false,
      legalComments: "none",
      nodePaths: [nodePath],
      define: { SMOOTHCERT_WGSL: JSON.stringify(shaders) },
      plugins: [denoResolution(config.imports ?? {})],
      metafile: true,
      logLevel: "silent",
    }).catch((e: unknown) => {
      const errors = (e as { errors?: esbuild.Message[] }).errors;
      if (!errors?.length) throw e;
      throw new Error(
        `the bundle failed:\n${
          errors.map((m) => `  ${m.location ? `${m.location.file}:${m.location.line}: ` : ""}${m.text}`).join(
            "\n",
          )
        }`,
      );
    });
    const files = Object.keys(result.metafile.outputs).map((f) => resolve(ROOT, f));
    for (const f of files.filter((f) => f.endsWith(".js"))) {
      const at = /\bDeno\.\w+/.exec(Deno.readTextFileSync(f));
      if (at) throw new Error(`${f} refers to ${at[0]}: a Deno-only API reached the browser bundle`);
    }
    return { files, shaders: Object.keys(shaders) };
  } finally {
    await esbuild.stop();
    await Deno.remove(work, { recursive: true });
  }
}

if (import.meta.main) {
  const outdir = `${ROOT}web/dist`;
  await Deno.remove(outdir, { recursive: true }).catch(() => {});
  const r = await bundle({
    entryPoints: WEB_ENTRY_POINTS,
    outdir,
    minify: !Deno.args.includes("--no-minify"),
  });
  for (const f of r.files) {
    console.log(`${f.slice(ROOT.length)}  ${(Deno.statSync(f).size / 1024).toFixed(0)} KiB`);
  }
  console.log(`${r.shaders.length} WGSL kernel families inlined`);
}
