/**
 * `deno task serve [--port N]`: builds the bundle (web/build.ts) and serves the page with the shipped
 * models on http://127.0.0.1:N/web/ (default port 8000). Only web/ and models/ are served. WebGPU
 * needs a secure context, which localhost is.
 */
import { extname, resolve } from "node:path";
import { bundle, ROOT, WEB_ENTRY_POINTS } from "./build.ts";

/** The folders of the repository the page reads. */
const SERVED = ["web", "models"];

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

/** Where the bundle is read from by default. */
export const DIST = `${ROOT}web/dist`;

/**
 * The file a URL path names (web/dist/ is `dist`), or null when it is outside the served folders.
 */
export function servedFile(pathname: string, dist = DIST): string | null {
  const path = resolve(ROOT, `.${decodeURIComponent(pathname)}`);
  if (path === DIST || path.startsWith(`${DIST}/`)) return `${dist}${path.slice(DIST.length)}`;
  return SERVED.some((dir) => path === `${ROOT}${dir}` || path.startsWith(`${ROOT}${dir}/`)) ? path : null;
}

async function respond(request: Request, dist: string): Promise<Response> {
  const url = new URL(request.url);
  if (url.pathname === "/" || url.pathname === "/web") return Response.redirect(new URL("/web/", url), 302);
  let path = servedFile(url.pathname, dist);
  if (path !== null && url.pathname.endsWith("/")) path = `${path}/index.html`;
  if (path === null) return new Response("not found\n", { status: 404 });
  try {
    const body = await Deno.readFile(path);
    return new Response(body, {
      headers: {
        "content-type": CONTENT_TYPES[extname(path)] ?? "application/octet-stream",
        "cache-control": "no-cache",
      },
    });
  } catch (e) {
    if (e instanceof Deno.errors.NotFound || e instanceof Deno.errors.IsADirectory) {
      return new Response("not found\n", { status: 404 });
    }
    throw e;
  }
}

export interface PageServer {
  /** The page's address. */
  url: string;
  shutdown(): Promise<void>;
}

/**
 * Serves the page on the loopback interface (port 0: any free port), with the bundle from `dist`
 * (default web/dist/, which buildPage writes).
 */
export function servePage(port = 0, dist = DIST): Promise<PageServer> {
  return new Promise((ready) => {
    const server = Deno.serve({
      hostname: "127.0.0.1",
      port,
      onListen: ({ port }) =>
        ready({ url: `http://127.0.0.1:${port}/web/`, shutdown: () => server.shutdown() }),
    }, (request) => respond(request, dist));
  });
}

/** Builds the page's script and the library into `dist` (default web/dist/). */
export async function buildPage(dist = DIST, minify = true): Promise<void> {
  await Deno.remove(dist, { recursive: true }).catch(() => {});
  await bundle({ entryPoints: WEB_ENTRY_POINTS, outdir: dist, minify });
}

if (import.meta.main) {
  const at = Deno.args.indexOf("--port");
  const port = at >= 0 ? Number(Deno.args[at + 1]) : 8000;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve: --port must be an integer in [0, 65535], got ${Deno.args[at + 1]}`);
    Deno.exit(2);
  }
  await buildPage();
  const server = await servePage(port);
  console.log(`serving the page on ${server.url} (Ctrl-C stops)`);
  console.log("WebGPU needs a browser that offers it (Chromium on Linux: --enable-unsafe-webgpu).");
}
