/// <reference lib="dom" />
/**
 * The certification page (web/) in real headless Chromium, on its WebGPU (Dawn and Tint on
 * SwiftShader: a second WebGPU implementation beside Deno's wgpu and naga on Mesa): it opens a shipped
 * MNIST model, certifies three shipped test images, and its predictions, vote counts and radii are
 * compared with the library's run in Deno (lavapipe) on the same images, noise streams and seed. A
 * wrong model file, an image of the wrong kind and a browser without WebGPU each show their message.
 *
 * Agreement: the noise is Philox on the GPU with a Box-Muller transform in f32, whose log, sqrt and
 * cos differ between the implementations in the last bits, and the convolutions sum in different
 * orders (tiles); a noisy input near a decision boundary can then flip its vote. The test allows
 * VOTE_TOLERANCE votes per image (over selection and estimation samples) and a radius difference of
 * 1e-2; predictions must be equal. Measured (σ = 0.75, N0 = 100, N = 1000): one estimation vote of
 * the 3,300 differed (image 0, whose radius was 0.8723 in Chromium and 0.8682 in Deno).
 *
 * SMOOTHCERT_SCREENSHOT=docs/web_certify.png writes a screenshot after the last certification.
 */
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { fileURLToPath } from "node:url";
import { imageInput, initEngine, openModel, SmoothedClassifier } from "../../smoothing/mod.ts";
import { buildPage, servePage } from "../../web/serve.ts";
import { launchChromium, newPage, type Page } from "./chromium.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const MODEL = "mnist_cnn_gaussian_0.25.safetensors";
/** A noise level above the model's so that votes split and their agreement means something. */
const RUN = { sigma: 0.75, n0: 100, n: 1000, alpha: 0.001, batch: 100, seed: 0 };
const IMAGES = [0, 1, 2];
const VOTE_TOLERANCE = 4;
const RADIUS_TOLERANCE = 1e-2;

const browserTest = { sanitizeOps: false, sanitizeResources: false };

/** The page's last result (#result's data-result). */
interface PageResult {
  kind: string;
  prediction: number;
  radius: number;
  stream: number;
  selectionCounts: number[];
  counts: number[];
}

const dist = await Deno.makeTempDir({ prefix: "smoothcert-web-" });
await buildPage(dist, false);

/** The page served from this checkout (with the bundle just built) in a fresh Chromium. */
async function withPage(
  webgpu: boolean,
  fn: (page: Page, problems: string[]) => Promise<void>,
): Promise<void> {
  const server = await servePage(0, dist);
  const browser = await launchChromium({ webgpu });
  try {
    const { page, problems } = await newPage(browser);
    await page.goto(server.url);
    await page.waitForSelector("body[data-ready=true]", { state: "attached" });
    await fn(page, problems);
  } finally {
    await browser.close();
    await server.shutdown();
  }
}

async function setValue(page: Page, id: string, value: number): Promise<void> {
  await page.fill(`#${id}`, String(value));
}

async function openShippedModel(page: Page): Promise<void> {
  await page.selectOption("#model-select", MODEL);
  await page.waitForSelector("#image-gallery button");
  assert.match(await page.textContent("#model-info") ?? "", /mnist_cnn \(mnist, input 1x28x28, 10 classes/);
}

/** Certifies shipped MNIST test image `index` on the page and returns its result. */
async function certifyOnPage(page: Page, index: number): Promise<PageResult> {
  await page.click(`#image-gallery button[data-file="mnist_test_${index}.png"]`);
  await page.waitForFunction(
    (i) => document.querySelector("#image-info")?.textContent?.includes(`stream ${i}`),
    index,
  );
  await page.click("#certify");
  await page.waitForFunction(
    (i) => {
      const r = document.querySelector<HTMLElement>("#result");
      const error = document.querySelector<HTMLElement>("#run-error");
      return (error && !error.hidden) ||
        (r && !r.hidden && JSON.parse(r.dataset.result ?? "{}").stream === i);
    },
    index,
    { timeout: 240_000 },
  );
  const error = await page.$eval("#run-error", (e) => (e as HTMLElement).hidden ? null : e.textContent);
  assert.equal(error, null, `the page's run failed: ${error}`);
  return JSON.parse(await page.getAttribute("#result", "data-result") ?? "null");
}

/** The same certifications by the library in this process (Deno's WebGPU). */
async function certifyInDeno(): Promise<PageResult[]> {
  await initEngine();
  const opened = await openModel(await Deno.readFile(`${ROOT}models/${MODEL}`), MODEL);
  const smoothed = new SmoothedClassifier(opened.model, opened.info.inputShape, opened.info.classes);
  const out: PageResult[] = [];
  for (const index of IMAGES) {
    const png = await Deno.readFile(`${ROOT}web/images/mnist_test_${index}.png`);
    const { data } = imageInput(png, "png", opened.info.inputShape);
    const c = await smoothed.certify(data, RUN, { stream: index });
    out.push({
      kind: "certify",
      prediction: c.prediction,
      radius: c.radius,
      stream: index,
      selectionCounts: [...c.selectionCounts],
      counts: [...c.estimationCounts],
    });
  }
  opened.model.dispose();
  return out;
}

function voteDifference(a: PageResult, b: PageResult): number {
  let d = 0;
  for (let c = 0; c < a.counts.length; c++) {
    d += Math.abs(a.counts[c] - b.counts[c]) + Math.abs(a.selectionCounts[c] - b.selectionCounts[c]);
  }
  return d / 2; // a flipped vote moves one count down and another up
}

Deno.test({
  ...browserTest,
  name: "Chromium: the page certifies three shipped MNIST images with the Deno run's predictions and votes",
  fn: async () => {
    const expected = await certifyInDeno();
    await withPage(true, async (page, problems) => {
      assert.match(await page.textContent("#gpu-status") ?? "", /WebGPU adapter: .*software/);
      await openShippedModel(page);
      for (const [id, value] of Object.entries(RUN)) await setValue(page, id, value);
      for (const [k, index] of IMAGES.entries()) {
        const got = await certifyOnPage(page, index);
        const want = expected[k];
        const report = `image ${index}: page ${JSON.stringify(got)}, Deno ${JSON.stringify(want)}`;
        assert.equal(got.prediction, want.prediction, report);
        assert.ok(voteDifference(got, want) <= VOTE_TOLERANCE, report);
        assert.ok(Math.abs(got.radius - want.radius) <= RADIUS_TOLERANCE, report);
        console.log(
          `image ${index}: prediction ${got.prediction}, radius ${got.radius.toFixed(5)} (Deno ` +
            `${want.radius.toFixed(5)}), ${voteDifference(got, want)} of ${RUN.n0 + RUN.n} votes differ`,
        );
      }
      assert.equal(await page.locator("#noisy-strip canvas").count(), 8);
      const shot = Deno.env.get("SMOOTHCERT_SCREENSHOT");
      if (shot) await page.screenshot({ path: shot, fullPage: true });
      assert.deepEqual(problems, []);
    });
  },
});

Deno.test({
  ...browserTest,
  name: "Chromium: a wrong model file and an image of the wrong kind show what is wrong with them",
  fn: () =>
    withPage(true, async (page) => {
      const noise = crypto.getRandomValues(new Uint8Array(512));
      // neither a zip nor a pickle (byte 0), nor a JSON header after a safetensors length (byte 8: the
      // loader reads "{" or "[" there as safetensors, and 2 random draws in 256 once gave its other error)
      noise[0] = 0x13;
      noise[8] = 0x00;
      await page.setInputFiles("#model-file", {
        name: "weights.pth.tar",
        mimeType: "application/x-tar",
        buffer: Buffer.from(noise),
      });
      await page.waitForSelector("#model-error:not([hidden])");
      assert.match(
        await page.textContent("#model-error") ?? "",
        /weights\.pth\.tar is not a model file this tool reads: not safetensors .* and not a PyTorch checkpoint/,
      );
      await openShippedModel(page);
      assert.equal(await page.isHidden("#model-error"), true, "a good model clears the error");
      await page.setInputFiles("#image-file", {
        name: "notes.png",
        mimeType: "image/png",
        buffer: Buffer.from("not a picture"),
      });
      await page.waitForSelector("#image-error:not([hidden])");
      assert.match(await page.textContent("#image-error") ?? "", /notes\.png: unsupported image format/);
      assert.equal(await page.isDisabled("#certify"), true);
    }),
});

Deno.test({
  ...browserTest,
  name: "Chromium: PREDICT, the radii mode, and Cancel stopping a long run",
  fn: () =>
    withPage(true, async (page, problems) => {
      await openShippedModel(page);
      await page.click(`#image-gallery button[data-file="mnist_test_1.png"]`);
      await setValue(page, "n", 200);
      const finished = (kind: string) =>
        page.waitForFunction(
          (k) => {
            const r = document.querySelector<HTMLElement>("#result");
            return r && !r.hidden && JSON.parse(r.dataset.result ?? "{}").kind === k;
          },
          kind,
          { timeout: 120_000 },
        );
      await page.click("#predict");
      await finished("predict");
      const predicted: PageResult = JSON.parse(await page.getAttribute("#result", "data-result") ?? "null");
      assert.equal(predicted.prediction, 2);
      assert.equal(predicted.counts.reduce((a, b) => a + b, 0), 200);
      await page.selectOption("#mode", "radii");
      await page.fill("#radii", "0.25,0.5");
      await page.click("#certify");
      await finished("certify");
      const certified: PageResult = JSON.parse(await page.getAttribute("#result", "data-result") ?? "null");
      assert.ok([0, 0.25, 0.5].includes(certified.radius), `radius ${certified.radius}`);
      await page.selectOption("#mode", "fixed");
      await setValue(page, "n", 1_000_000);
      await page.click("#certify");
      await page.waitForFunction(() =>
        /noisy samples classified/.test(document.querySelector("#progress-text")?.textContent ?? "")
      );
      await page.click("#cancel");
      await page.waitForSelector("#run-error:not([hidden])");
      assert.equal(await page.textContent("#run-error"), "Cancelled.");
      assert.equal(await page.isEnabled("#certify"), true, "a cancelled run frees the buttons");
      assert.deepEqual(problems, []);
    }),
});

Deno.test({
  ...browserTest,
  name: "Chromium without WebGPU: the page says so and offers nothing to run",
  fn: () =>
    withPage(false, async (page) => {
      assert.match(await page.textContent("#gpu-status") ?? "", /offers no usable adapter/);
      assert.equal(await page.isDisabled("#certify"), true);
    }),
});
