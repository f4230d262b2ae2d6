/**
 * Headless Chromium (Debian's `chromium` package) driven by playwright-core, with WebGPU on its
 * software adapter (SwiftShader, no shader-f16). What each flag is for, as found on this project's
 * machines (root, no network but the package registries):
 * - --enable-unsafe-webgpu: without it Linux Chromium offers navigator.gpu but no adapter;
 * - --no-sandbox: Chromium refuses to run as root with its sandbox;
 * - --disable-background-networking, --disable-component-update, --disable-sync, --disable-quic,
 *   --no-first-run: no connections to Google's services, which the closed network refuses (many at
 *   a time, slowly).
 * Playwright gives every launch a fresh, empty profile (user data directory). playwright-core looks at
 * /proc/sys/fs/binfmt_misc when it is imported (is it WSL?), which Deno allows only with --allow-all:
 * the test task runs with it (it already had --allow-run, which grants as much).
 */
// A full npm: specifier: only the tests drive a browser (see tests/task_locks.ts).
// deno-lint-ignore no-import-prefix
import { type Browser, chromium, type Page } from "npm:playwright-core@1.65.2";

export type { Browser, Page };

export const CHROMIUM = Deno.env.get("SMOOTHCERT_CHROMIUM") ?? "/usr/bin/chromium";

export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Launches headless Chromium, with WebGPU unless `webgpu` is false. */
export async function launchChromium({ webgpu = true } = {}): Promise<Browser> {
  try {
    Deno.statSync(CHROMIUM);
  } catch {
    throw new Error(
      `no Chromium at ${CHROMIUM}: install Debian's chromium package (apt-get install chromium), as .ci/run ` +
        "does, or set SMOOTHCERT_CHROMIUM to a Chromium binary",
    );
  }
  return await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_FLAGS, ...(webgpu ? ["--enable-unsafe-webgpu"] : [])],
  });
}

/** A page whose uncaught errors and console errors are kept, to be reported when a test fails. */
export async function newPage(browser: Browser): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 1000 } });
  const problems: string[] = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && !m.location().url.endsWith("/favicon.ico")) {
      problems.push(`console error: ${m.text()}`);
    }
  });
  return { page, problems };
}
