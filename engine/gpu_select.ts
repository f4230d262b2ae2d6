/**
 * One GPU per process: `SMOOTHCERT_GPU=VENDOR:DEVICE` (PCI ids in hex) makes this process use that GPU.
 *
 * WebGPU cannot name an adapter: `requestAdapter` takes only a power preference and
 * `forceFallbackAdapter`, and wgpu (behind Deno's WebGPU) sorts every adapter of every enabled backend
 * by device type (discrete, integrated, other, virtual, CPU for "high-performance") and returns the
 * first, so among identical types Vulkan's enumeration order decides. A process is therefore steered
 * below WebGPU, through variables the Vulkan stack reads when wgpu creates its instance (at the first
 * `requestAdapter` of the process):
 *
 * - Mesa's device-select layer (`VK_LAYER_MESA_device_select`, shipped in `mesa-vulkan-drivers`, an
 *   implicit layer in front of every Vulkan driver, NVIDIA's included): `MESA_VK_DEVICE_SELECT=vid:did`
 *   moves that device to the front and `MESA_VK_DEVICE_SELECT_FORCE_DEFAULT_DEVICE=1` hides the others.
 * - The Vulkan loader (1.3.2xx and later): `VK_LOADER_DEVICE_SELECT=vid:did` moves the device to the
 *   front without Mesa, which is enough when the others are of the same or a less preferred type.
 *
 * The adapter wgpu returns is then checked against the ids asked for, so a selection that did not
 * take (no such device, no layer, the GL backend) is an error rather than a run on another GPU.
 *
 * Identical GPUs share their ids, so ids cannot tell them apart; nor can CUDA_VISIBLE_DEVICES, which
 * the Vulkan drivers ignore. Mesa's `DRI_PRIME=pci-DDDD_BB_DD_F` would (by PCI address), but Mesa
 * 22.3 (Debian 12) inverts that comparison and picks a device that does not match. Between identical
 * GPUs the isolation that works is the device cgroup: a Slurm job given one GPU with `--gres=gpu:1`
 * under `ConstrainDevices=yes` can open only that GPU's device file, so Vulkan enumerates only it.
 */

/** A GPU named by its PCI vendor and device ids. */
export interface GpuSelector {
  vendor: number;
  device: number;
  /** The text it was given as, and where (e.g. "SMOOTHCERT_GPU"), for messages. */
  text: string;
  source: string;
}

/** A selection that is malformed or did not take. */
export class GpuSelectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GpuSelectionError";
  }
}

const IDS = /^(?:0x)?([0-9a-f]{1,8}):(?:0x)?([0-9a-f]{1,8})$/i;

const hex = (n: number) => n.toString(16);

/** `VENDOR:DEVICE` in hex, e.g. 10de:2330 (10005:0 is Mesa's software lavapipe). */
export function parseGpuSelector(text: string, source: string): GpuSelector {
  const m = IDS.exec(text.trim());
  if (m === null) {
    throw new GpuSelectionError(
      `${source}=${text}: expected VENDOR:DEVICE, the GPU's PCI ids in hex as \`lspci -nn\` or ` +
        "`MESA_VK_DEVICE_SELECT=list vulkaninfo` print them (e.g. 10de:2330; 10005:0 is Mesa's software " +
        "lavapipe)",
    );
  }
  return { vendor: parseInt(m[1], 16), device: parseInt(m[2], 16), text: text.trim(), source };
}

/** The variables that make Vulkan offer the selected device first (and, with Mesa's layer, alone). */
export function selectorEnvironment(sel: GpuSelector): Record<string, string> {
  const ids = `${hex(sel.vendor)}:${hex(sel.device)}`;
  return {
    MESA_VK_DEVICE_SELECT: ids,
    MESA_VK_DEVICE_SELECT_FORCE_DEFAULT_DEVICE: "1",
    VK_LOADER_DEVICE_SELECT: ids,
  };
}

/** Where the environment is read and written (Deno.env in the engine; a map in tests). */
export interface Environment {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

/**
 * Sets the selection's variables before the first adapter request. A variable already set to
 * something else is a conflict: two selections at once would leave the choice to chance.
 */
export function applyGpuSelector(sel: GpuSelector, env: Environment): void {
  const wanted = selectorEnvironment(sel);
  for (const [name, value] of Object.entries(wanted)) {
    const now = env.get(name);
    if (now !== undefined && now !== "" && now.replace(/0x/gi, "").toLowerCase() !== value) {
      throw new GpuSelectionError(
        `${sel.source}=${sel.text} and ${name}=${now} select different GPUs; unset one of them`,
      );
    }
  }
  for (const [name, value] of Object.entries(wanted)) env.set(name, value);
}

/** A PCI id as an adapter reports it: decimal (Deno) or 0x-hex text; null when absent. */
export function parseAdapterId(text: string | undefined): number | null {
  if (text === undefined || text.trim() === "") return null;
  const t = text.trim();
  const v = /^0x[0-9a-f]+$/i.test(t) ? parseInt(t, 16) : /^\d+$/.test(t) ? Number(t) : NaN;
  return Number.isSafeInteger(v) ? v : null;
}

/** The implicit-layer manifests the Vulkan loader reads, where Mesa's device-select layer would be. */
export function deviceSelectLayerDirs(env: Environment): string[] {
  const home = env.get("HOME");
  const dataHome = env.get("XDG_DATA_HOME") ?? (home ? `${home}/.local/share` : undefined);
  const configHome = env.get("XDG_CONFIG_HOME") ?? (home ? `${home}/.config` : undefined);
  const dataDirs = (env.get("XDG_DATA_DIRS") || "/usr/local/share:/usr/share").split(":");
  const configDirs = (env.get("XDG_CONFIG_DIRS") || "/etc/xdg").split(":");
  return [
    ...(configHome ? [configHome] : []),
    ...configDirs,
    "/etc",
    ...(dataHome ? [dataHome] : []),
    ...dataDirs,
  ].filter((d) => d !== "").map((d) => `${d.replace(/\/$/, "")}/vulkan/implicit_layer.d`);
}

function layerInstalled(env: Environment): boolean {
  for (const dir of deviceSelectLayerDirs(env)) {
    try {
      for (const e of Deno.readDirSync(dir)) if (/MESA_device_select/i.test(e.name)) return true;
    } catch { /* directory absent or unreadable */ }
  }
  return false;
}

/**
 * The adapter wgpu chose must carry the selected ids; otherwise an error naming the selection, the
 * adapter found and the likely reason.
 */
export function checkSelectedAdapter(
  sel: GpuSelector,
  adapter: { vendor: string; device: string; description: string },
  context: { backend?: string; env: Environment },
): void {
  const vendor = parseAdapterId(adapter.vendor), device = parseAdapterId(adapter.device);
  if (vendor === sel.vendor && device === sel.device) return;
  const found = `${adapter.description || "an unnamed adapter"} (${vendor === null ? "?" : hex(vendor)}:${
    device === null ? "?" : hex(device)
  })`;
  const reasons: string[] = [];
  const backend = context.backend?.toLowerCase();
  if (backend !== undefined && /\b(gl|gles|opengl)\b/.test(backend)) {
    reasons.push(
      `DENO_WEBGPU_BACKEND=${context.backend} asks for OpenGL, which the selection does not reach (and ` +
        "which reports no device id for most GPUs); use the Vulkan backend",
    );
  }
  if (context.env.get("NODEVICE_SELECT") === "1") {
    reasons.push("NODEVICE_SELECT=1 disables Mesa's device-select layer");
  } else if (!layerInstalled(context.env)) {
    reasons.push(
      "Mesa's device-select Vulkan layer is not installed (package mesa-vulkan-drivers), so only the " +
        "Vulkan loader's reordering applies, which does not hide GPUs of a preferred type",
    );
  }
  reasons.push(
    "no such device is visible to this process (under Slurm, only the GPUs of the job's allocation are: " +
      "`MESA_VK_DEVICE_SELECT=list vulkaninfo` lists what Vulkan sees)",
  );
  throw new GpuSelectionError(
    `${sel.source}=${sel.text} asks for the GPU with PCI ids ${hex(sel.vendor)}:${
      hex(sel.device)
    }, but the ` +
      `adapter offered is ${found}. Possible reasons:\n  - ${reasons.join("\n  - ")}`,
  );
}
