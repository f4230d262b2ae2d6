/**
 * Raw-WebGPU timing for the bench/jit probes: milliseconds per dispatch of `groups` workgroups of one
 * pipeline, best of 3 rounds of `reps` dispatches (each in a compute pass of its own, one submission per
 * round), after one round that compiles the pipeline. Wall-clock time to the queue's completion, so a
 * round's ~10 ms wait under Deno is spread over its dispatches.
 */
export async function msPerDispatch(
  device: GPUDevice,
  pipeline: GPUComputePipeline,
  bindGroup: GPUBindGroup,
  groups: number,
  reps = 1,
): Promise<number> {
  const round = async (count: number) => {
    const encoder = device.createCommandEncoder();
    for (let r = 0; r < count; r++) {
      const pass = encoder.beginComputePass();
      pass.setPipeline(pipeline);
      pass.setBindGroup(0, bindGroup);
      pass.dispatchWorkgroups(groups);
      pass.end();
    }
    device.queue.submit([encoder.finish()]);
    await device.queue.onSubmittedWorkDone();
  };
  await round(1);
  let best = Infinity;
  for (let t = 0; t < 3; t++) {
    const t0 = performance.now();
    await round(reps);
    best = Math.min(best, (performance.now() - t0) / reps);
  }
  return best;
}

/**
 * A compute pipeline of `code`'s `main` with an automatic layout (its overrides set to `constants`, if
 * given), and its bind group of `resources` at bindings 0, 1, ....
 */
export function computePipeline(
  device: GPUDevice,
  code: string,
  resources: GPUBindingResource[],
  constants?: Record<string, number>,
): { pipeline: GPUComputePipeline; bindGroup: GPUBindGroup } {
  const pipeline = device.createComputePipeline({
    layout: "auto",
    compute: { module: device.createShaderModule({ code }), entryPoint: "main", constants },
  });
  const bindGroup = device.createBindGroup({
    layout: pipeline.getBindGroupLayout(0),
    entries: resources.map((resource, binding) => ({ binding, resource })),
  });
  return { pipeline, bindGroup };
}
