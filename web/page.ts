/// <reference lib="dom" />
/**
 * The certification page (web/index.html): a shipped model or a dropped weights file, a shipped test
 * image or an uploaded PNG/JPEG, then PREDICT or CERTIFY of the smoothed classifier on the browser's
 * WebGPU, with a progress bar, the verdict, the vote histogram and the noisy copies the base model
 * classified. Bundled with the library by web/build.ts (web/dist/page.js). The last result is also
 * kept as JSON in #result's data-result attribute, which tests/web/page_test.ts reads.
 */
import {
  ABSTAIN,
  type Certificate,
  CheckpointError,
  className,
  DataError,
  DEFAULT_TOLERANCE_SIGMAS,
  type ImageInput,
  imageInput,
  initEngine,
  type OpenedModel,
  openModel,
  ParameterError,
  type Prediction,
  SmoothedClassifier,
  validateCertifyOptions,
  validatePredictOptions,
} from "../smoothing/mod.ts";

/** The models in models/, served beside web/. */
const SHIPPED_MODELS = [
  { file: "mnist_cnn_gaussian_0.25.safetensors", title: "MNIST CNN, Gaussian noise, σ = 0.25" },
  { file: "mnist_cnn_smoothadv_0.25.safetensors", title: "MNIST CNN, SmoothAdv, σ = 0.25" },
  { file: "mnist_cnn_consistency_0.25.safetensors", title: "MNIST CNN, Consistency, σ = 0.25" },
  { file: "mnist_cnn_macer_0.25.safetensors", title: "MNIST CNN, MACER, σ = 0.25" },
  { file: "mnist_cnn_smoothmix_0.25.safetensors", title: "MNIST CNN, SmoothMix, σ = 0.25" },
  { file: "cifar_resnet20_gaussian_0.25.safetensors", title: "CIFAR-10 ResNet-20, Gaussian noise, σ = 0.25" },
];
/** Noisy copies shown after a run. */
const STRIP = 8;

interface ShippedImage {
  file: string;
  dataset: string;
  index: number;
  label: number;
}

/** What a run shows, and what #result's data-result holds. */
interface RunResult {
  kind: "predict" | "certify";
  prediction: number;
  samples: number;
  /** Votes per class: CERTIFY's estimation samples, PREDICT's samples. */
  counts: number[];
  stream: number;
  seconds: number;
  /** CERTIFY only. */
  radius?: number;
  pALower?: number;
  cA?: number;
  nA?: number;
  n?: number;
  selectionCounts?: number[];
  /** PREDICT only. */
  pValue?: number;
}

interface LoadedImage {
  input: ImageInput;
  /** Its noise stream: the test index of a shipped image (as on the command line), else 0. */
  stream: number;
  label: number | null;
  name: string;
}

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

let model: (OpenedModel & { smoothed: SmoothedClassifier }) | null = null;
let image: LoadedImage | null = null;
let uploaded: { bytes: Uint8Array; name: string } | null = null;
let running: AbortController | null = null;
let gpuReady = false;
const shipped: ShippedImage[] = [];

function showError(id: string, error: unknown): void {
  const box = $(id);
  box.textContent = error === null ? "" : explain(error);
  box.hidden = error === null;
}

/** The message a person needs: the library's errors already name the input or the parameter. */
function explain(error: unknown): string {
  if (error instanceof CheckpointError || error instanceof DataError || error instanceof ParameterError) {
    return error.message;
  }
  if (error instanceof DOMException && error.name === "AbortError") return "Cancelled.";
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function updateButtons(): void {
  const ready = gpuReady && model !== null && image !== null && running === null;
  $<HTMLButtonElement>("predict").disabled = !ready;
  $<HTMLButtonElement>("certify").disabled = !ready;
  $<HTMLButtonElement>("cancel").disabled = running === null;
}

async function startGpu(): Promise<void> {
  const status = $("gpu-status");
  if (!("gpu" in navigator)) {
    status.className = "status error";
    status.textContent = "This browser does not offer WebGPU (navigator.gpu is missing). Use a current " +
      "Chrome, Edge or Safari, or Firefox with WebGPU enabled; on Linux, Chromium needs " +
      "--enable-unsafe-webgpu.";
    return;
  }
  try {
    const e = await initEngine();
    gpuReady = true;
    status.textContent = `WebGPU adapter: ${e.gpu.describe()}`;
  } catch (err) {
    status.className = "status error";
    status.textContent = "WebGPU is there but offers no usable adapter (the GPU may be blocked for this " +
      `browser, or its driver unsupported): ${explain(err)}`;
  }
  updateButtons();
}

async function loadModel(bytes: Uint8Array, name: string): Promise<void> {
  showError("model-error", null);
  $("model-info").textContent = `reading ${name}…`;
  try {
    if (!gpuReady) throw new Error("no WebGPU adapter: a model cannot be opened");
    const opened = await openModel(bytes, name);
    model?.model.dispose();
    model = {
      ...opened,
      smoothed: new SmoothedClassifier(opened.model, opened.info.inputShape, opened.info.classes),
    };
    const [c, h, w] = opened.info.inputShape;
    $("model-info").textContent = `${name}: ${opened.arch} (${opened.info.dataset}, input ${c}x${h}x${w}, ` +
      `${opened.info.classes} classes, normalisation ${opened.normalize}` +
      `${opened.noiseSd === null ? "" : `, trained at σ = ${opened.noiseSd}`})`;
    if (opened.noiseSd !== null) $<HTMLInputElement>("sigma").value = String(opened.noiseSd);
    showGallery();
    refreshImage();
  } catch (err) {
    $("model-info").textContent = model ? `still using ${model.arch}` : "";
    showError("model-error", err);
  }
  updateButtons();
}

async function loadShippedModel(file: string): Promise<void> {
  const response = await fetch(new URL(`../models/${file}`, document.baseURI));
  if (!response.ok) {
    showError("model-error", new Error(`models/${file}: ${response.status} ${response.statusText}`));
    return;
  }
  await loadModel(new Uint8Array(await response.arrayBuffer()), file);
}

/** The gallery shows the shipped images of the current model's dataset. */
function showGallery(): void {
  const gallery = $("image-gallery");
  gallery.replaceChildren();
  for (const s of shipped.filter((s) => s.dataset === model?.info.dataset)) {
    const button = document.createElement("button");
    button.dataset.file = s.file;
    button.title = `${s.dataset} test image ${s.index} (label ${className(model!.info.dataset, s.label)})`;
    const img = document.createElement("img");
    img.src = `images/${s.file}`;
    img.alt = button.title;
    button.append(img);
    button.addEventListener("click", () => void chooseShipped(s));
    gallery.append(button);
  }
}

async function chooseShipped(s: ShippedImage): Promise<void> {
  const response = await fetch(`images/${s.file}`);
  uploaded = null;
  setImage(new Uint8Array(await response.arrayBuffer()), s.file, s.index, s.label);
  for (const b of $("image-gallery").querySelectorAll("button")) {
    b.classList.toggle("selected", b.dataset.file === s.file);
  }
}

/** Converts an image file to the current model's input and shows it. */
function setImage(
  bytes: Uint8Array,
  name: string,
  stream: number,
  label: number | null,
): void {
  showError("image-error", null);
  if (!model) {
    showError("image-error", new Error("choose a model first: the image is converted to its input"));
    return;
  }
  try {
    const invert = $<HTMLInputElement>("invert").checked;
    const input = imageInput(bytes, name, model.info.inputShape, { invert });
    image = { input, stream, label, name };
    drawImage($<HTMLCanvasElement>("image-preview"), input.pixels, model.info.inputShape);
    const [c, h, w] = model.info.inputShape;
    $("image-info").textContent = `${name} (${input.width}x${input.height}) as ${c}x${h}x${w}` +
      (label === null ? "" : `, label ${className(model.info.dataset, label)}`) + `, noise stream ${stream}`;
  } catch (err) {
    image = null;
    $("image-info").textContent = "";
    showError("image-error", err);
  }
  updateButtons();
}

function refreshImage(): void {
  image = null;
  $("image-info").textContent = "";
  if (uploaded) setImage(uploaded.bytes, uploaded.name, 0, null);
  updateButtons();
}

/** CHW values (u8, or floats in [0, 1] when `unit`) into a canvas of the image's size. */
function drawImage(
  canvas: HTMLCanvasElement,
  chw: ArrayLike<number>,
  [c, h, w]: readonly [number, number, number],
  unit = false,
): void {
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext("2d")!;
  const out = ctx.createImageData(w, h);
  for (let p = 0; p < h * w; p++) {
    for (let k = 0; k < 3; k++) {
      const v = chw[(c === 1 ? 0 : k) * h * w + p];
      out.data[4 * p + k] = unit ? Math.round(255 * Math.min(1, Math.max(0, v))) : v;
    }
    out.data[4 * p + 3] = 255;
  }
  ctx.putImageData(out, 0, 0);
}

function numberInput(id: string): number {
  return Number($<HTMLInputElement>(id).value);
}

async function run(kind: "predict" | "certify"): Promise<void> {
  if (!model || !image) return;
  showError("run-error", null);
  const m = model, img = image;
  const sigma = numberInput("sigma"), n0 = numberInput("n0"), n = numberInput("n");
  const sampling = {
    sigma,
    alpha: numberInput("alpha"),
    batch: numberInput("batch"),
    seed: numberInput("seed"),
  };
  const modeName = $<HTMLSelectElement>("mode").value;
  const mode = modeName === "radii"
    ? { kind: "radii" as const, radii: $<HTMLInputElement>("radii").value.split(",").map(Number) }
    : modeName === "adaptive"
    ? { kind: "adaptive" as const, tolerance: DEFAULT_TOLERANCE_SIGMAS * sigma }
    : { kind: "fixed" as const };
  const total = kind === "certify" ? n0 + n : n;
  running = new AbortController();
  updateButtons();
  const progress = $<HTMLProgressElement>("progress");
  progress.value = 0;
  $("progress-text").textContent = "compiling kernels…";
  $("result").hidden = true;
  const start = performance.now();
  const control = {
    stream: img.stream,
    signal: running.signal,
    onRound: (r: { samples: number }) => {
      progress.value = r.samples / total;
      $("progress-text").textContent = `${r.samples} of up to ${total} noisy samples classified ` +
        `(${((performance.now() - start) / 1000).toFixed(1)} s)`;
    },
  };
  try {
    let result: Omit<RunResult, "kind" | "stream" | "seconds">;
    if (kind === "certify") {
      const o = { ...sampling, n0, n, mode };
      validateCertifyOptions(o);
      const c = await m.smoothed.certify(img.input.data, o, control);
      result = certificateJson(c);
    } else {
      const o = { ...sampling, n };
      validatePredictOptions(o);
      const p = await m.smoothed.predict(img.input.data, o, control);
      result = predictionJson(p);
    }
    const seconds = (performance.now() - start) / 1000;
    progress.value = 1;
    $("progress-text").textContent = `${result.samples} noisy samples in ${seconds.toFixed(1)} s`;
    const first = kind === "certify" ? n0 : 0;
    const examples = await m.smoothed.examples(img.input.data, {
      ...sampling,
      stream: img.stream,
      first,
      count: STRIP,
    });
    showResult({ kind, ...result, stream: img.stream, seconds }, examples);
  } catch (err) {
    showError("run-error", err);
    $("progress-text").textContent = "";
  } finally {
    running = null;
    updateButtons();
  }
}

function certificateJson(c: Certificate): Omit<RunResult, "kind" | "stream" | "seconds"> {
  return {
    prediction: c.prediction,
    radius: c.radius,
    pALower: c.pALower,
    cA: c.cA,
    nA: c.nA,
    n: c.n,
    samples: c.samples,
    selectionCounts: [...c.selectionCounts],
    counts: [...c.estimationCounts],
  };
}

function predictionJson(p: Prediction): Omit<RunResult, "kind" | "stream" | "seconds"> {
  return {
    prediction: p.prediction,
    pValue: p.pValue,
    samples: p.counts.reduce((a, b) => a + b, 0),
    counts: [...p.counts],
  };
}

function showResult(result: RunResult, examples: { images: Float32Array; votes: Int32Array }): void {
  const m = model!;
  const name = (label: number) => className(m.info.dataset, label);
  const prediction = result.prediction;
  $("prediction").textContent = prediction === ABSTAIN ? "abstains" : `predicts ${name(prediction)}`;
  $("radius").textContent = result.kind === "certify" && prediction !== ABSTAIN
    ? `certified radius ${result.radius!.toFixed(3)} (ℓ2)`
    : "";
  $("details").textContent = result.kind === "certify"
    ? `class ${name(result.cA!)} got ${result.nA} of ${result.n} estimation votes; ` +
      `pA ≥ ${result.pALower!.toFixed(4)} with probability 1 - α`
    : `binomial test p-value ${result.pValue!.toPrecision(3)}`;
  const counts = result.counts;
  const most = Math.max(1, ...counts);
  const bars = counts.map((v, label) => {
    const row = document.createElement("div");
    row.className = label === prediction ? "bar top" : "bar";
    row.innerHTML = `<span></span><div class="track"><div class="fill"></div></div><span></span>`;
    row.children[0].textContent = name(label);
    (row.children[1].firstElementChild as HTMLElement).style.width = `${(100 * v) / most}%`;
    row.children[2].textContent = `${v} votes`;
    return row;
  });
  $("histogram").replaceChildren(...bars);
  const shape = m.info.inputShape;
  const per = shape[0] * shape[1] * shape[2];
  const strip = Array.from(examples.votes, (vote, i) => {
    const figure = document.createElement("figure");
    const canvas = document.createElement("canvas");
    drawImage(canvas, examples.images.subarray(i * per, (i + 1) * per), shape, true);
    const caption = document.createElement("figcaption");
    caption.textContent = name(vote);
    figure.append(canvas, caption);
    return figure;
  });
  $("noisy-strip").replaceChildren(...strip);
  const box = $("result");
  box.dataset.result = JSON.stringify(result);
  box.hidden = false;
}

async function readFile(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

function wire(): void {
  const select = $<HTMLSelectElement>("model-select");
  select.append(new Option("—", ""));
  for (const m of SHIPPED_MODELS) select.append(new Option(m.title, m.file));
  select.addEventListener("change", () => select.value && void loadShippedModel(select.value));
  $<HTMLInputElement>("model-file").addEventListener("change", async (ev) => {
    const file = (ev.target as HTMLInputElement).files?.[0];
    if (file) await loadModel(await readFile(file), file.name);
  });
  const drop = $("drop-zone");
  drop.addEventListener("dragover", (ev) => {
    ev.preventDefault();
    drop.classList.add("over");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", async (ev) => {
    ev.preventDefault();
    drop.classList.remove("over");
    const file = ev.dataTransfer?.files[0];
    if (file) await loadModel(await readFile(file), file.name);
  });
  $<HTMLInputElement>("image-file").addEventListener("change", async (ev) => {
    const file = (ev.target as HTMLInputElement).files?.[0];
    if (!file) return;
    uploaded = { bytes: await readFile(file), name: file.name };
    for (const b of $("image-gallery").querySelectorAll("button")) b.classList.remove("selected");
    setImage(uploaded.bytes, uploaded.name, 0, null);
  });
  $("invert").addEventListener("change", () => {
    const selected = $("image-gallery").querySelector<HTMLButtonElement>("button.selected");
    const s = shipped.find((s) => s.file === selected?.dataset.file);
    if (s) void chooseShipped(s);
    else refreshImage();
  });
  $<HTMLSelectElement>("mode").addEventListener("change", (ev) => {
    $<HTMLInputElement>("radii").disabled = (ev.target as HTMLSelectElement).value !== "radii";
  });
  $("predict").addEventListener("click", () => void run("predict"));
  $("certify").addEventListener("click", () => void run("certify"));
  $("cancel").addEventListener("click", () => running?.abort());
}

wire();
const manifest = fetch("images/index.json").then((r) => r.json() as Promise<ShippedImage[]>);
await startGpu();
shipped.push(...await manifest);
// tests wait for this: the adapter is known (or its absence shown) and the gallery can be filled
document.body.dataset.ready = "true";
