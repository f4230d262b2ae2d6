/** The error every GPU-side failure becomes, and the message for a machine without an adapter. */

/** Raised for every GPU-side failure; `context` names the kernel or operation involved. */
export class GpuError extends Error {
  constructor(message: string, readonly context: string) {
    super(`${context}: ${message}`);
    this.name = "GpuError";
  }
}

export const NO_ADAPTER_MESSAGE =
  "No WebGPU adapter found. Install a GPU driver (NVIDIA/AMD/Intel Vulkan driver) or, for the software " +
  "adapter, Mesa's Vulkan driver: `apt-get install -y mesa-vulkan-drivers` (Debian/Ubuntu).";
