/** Public surface of the engine. */
export { Gpu, GpuError, NO_ADAPTER_MESSAGE } from "./device.ts";
export type { GpuInfo, GpuOptions } from "./gpu_info.ts";
export { Kernel, KernelCache, KernelError, listShaderFamilies, shaderFamily } from "./kernel.ts";
export { BufferPool, sizeClass } from "./pool.ts";
export { type AheadDispatch, type Bindable, Recorder } from "./recorder.ts";
export { Engine, engine, type EngineOptions, initEngine, shutdownEngine } from "./runtime.ts";
export { CompileTrace, formatCompileCosts, type PipelineCost } from "./compile_trace.ts";
export {
  type DType,
  type HostArray,
  liveTensorCount,
  numel,
  readTensors,
  scope,
  scopeAsync,
  type Shape,
  Tensor,
} from "./tensor.ts";
export { attach, backward, grad, isGradEnabled, needsGrad, noGrad } from "./autograd.ts";
export * from "./ops/elementwise.ts";
export * from "./ops/elementwise_kernels.ts";
export * from "./ops/reduce.ts";
export * from "./ops/reduce_kernels.ts";
export * from "./ops/batchnorm.ts";
export * from "./ops/pool.ts";
export * from "./ops/softmax.ts";
export * from "./ops/sgd.ts";
export * from "./ops/layout.ts";
export * from "./ops/noise.ts";
export * from "./ops/votes.ts";
export * from "./ops/softmax_average.ts";
export * from "./ops/macer_margin.ts";
