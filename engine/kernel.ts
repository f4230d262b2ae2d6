/**
 * Kernel toolchain: a `.wgsl` file in `shaders/` is one kernel family. It is loaded as text and
 * reflected once (wgsl_reflect); each (entry point, override constants) pair compiles into one cached
 * pipeline whose bind-group layout is derived from the reflection. Uniform structs are packed by the
 * reflected member offsets, and every binding is validated before it reaches WebGPU.
 */
import { WgslReflect } from "wgsl_reflect";
import type { CompileTrace } from "./compile_trace.ts";
import { guardNames, specializeWgsl } from "./wgsl_specialize.ts";
// The browser bundle (web/build.ts) substitutes host_web.ts, whose sources are inlined, for this module.
import { host } from "./host_deno.ts";

/**
 * "texture": a read-only storage texture (`texture_storage_2d<F, read>`) read with textureLoad (see
 * conv2d.wgsl's `wt` for why a texture, and why a storage texture rather than a sampled one).
 */
export type BindingKind = "uniform" | "read" | "read_write" | "texture";

/** Texel formats a `texture` binding may declare. */
export const TEXTURE_FORMATS = ["rgba32float", "r32float", "rgba32uint"] as const;
export type TextureFormat = (typeof TEXTURE_FORMATS)[number];

export interface BindingSpec {
  name: string;
  binding: number;
  kind: BindingKind;
  /** Smallest legal binding size in bytes: the struct size, or one element of a runtime array. */
  minBytes: number;
  /** A texture binding's texel format. */
  format?: TextureFormat;
}

export interface UniformMember {
  name: string;
  offset: number;
  /** Number of 4-byte scalars (1 for u32/i32/f32, N for vecN and arrays of them). */
  scalars: number;
  scalar: "u32" | "i32" | "f32";
}

export interface UniformLayout {
  binding: string;
  size: number;
  members: UniformMember[];
}

export interface EntrySpec {
  name: string;
  bindings: BindingSpec[];
  uniform: UniformLayout | null;
  /** Literal numbers or names of override constants. */
  workgroupSize: (number | string)[];
}

export type OverrideValues = Record<string, number>;
export type UniformValues = Record<string, number | readonly number[]>;

/** Error in a kernel's source or in how it is called; always names the kernel (and binding). */
export class KernelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "KernelError";
  }
}

interface ReflType {
  name: string;
  size: number;
  format?: ReflType | null;
  count?: number;
  stride?: number;
  members?: { name: string; offset: number; size: number; type: ReflType }[];
}

function scalarOf(t: ReflType, where: string): "u32" | "i32" | "f32" {
  const n = t.name === "vec2" || t.name === "vec3" || t.name === "vec4" || t.name === "array"
    ? t.format?.name
    : t.name;
  if (n === "u32" || n === "i32" || n === "f32") return n;
  if (t.name === "array" && t.format) return scalarOf(t.format, where);
  throw new KernelError(`${where}: uniform member type ${t.name}<${t.format?.name}> is not supported`);
}

/** One `.wgsl` file, parsed and reflected once. */
export class ShaderFamily {
  readonly entries = new Map<string, EntrySpec>();
  readonly overrideDefaults = new Map<string, number | null>();
  /** Overrides whose value decides a branch (`if (CB > 3u)`): each set of their values gets its own module. */
  readonly guards: readonly string[];

  constructor(readonly name: string, readonly file: string, readonly code: string) {
    let refl: WgslReflect;
    try {
      refl = new WgslReflect(code);
    } catch (e) {
      throw new KernelError(`${file}: reflection failed: ${(e as Error).message}`);
    }
    for (const o of refl.overrides) this.overrideDefaults.set(o.name, parseOverrideDefault(code, o.name));
    this.guards = guardNames(code, this.overrideDefaults.keys());
    const uniforms = new Map<string, UniformLayout>();
    const bindingsByName = new Map<string, BindingSpec>();
    for (const u of refl.uniforms) {
      if (u.group !== 0) throw new KernelError(`${file}: binding ${u.name} must be in @group(0)`);
      const t = u.type as unknown as ReflType;
      const members: UniformMember[] = (t.members ?? []).map((m) => ({
        name: m.name,
        offset: m.offset,
        scalars: m.size / 4,
        scalar: scalarOf(m.type, `${file} uniform ${u.name}.${m.name}`),
      }));
      if (!t.members) throw new KernelError(`${file}: uniform ${u.name} must be a struct`);
      uniforms.set(u.name, { binding: u.name, size: u.size, members });
      bindingsByName.set(u.name, { name: u.name, binding: u.binding, kind: "uniform", minBytes: u.size });
    }
    for (const s of refl.storage) {
      if (s.group !== 0) throw new KernelError(`${file}: binding ${s.name} must be in @group(0)`);
      const t = s.type as unknown as ReflType;
      if (t.name.startsWith("texture")) {
        const format = TEXTURE_FORMATS.find((f) => f === t.format?.name);
        if (t.name !== "texture_storage_2d" || s.access !== "read" || !format) {
          throw new KernelError(
            `${file}: texture ${s.name} must be a texture_storage_2d<${TEXTURE_FORMATS.join(" | ")}, read>`,
          );
        }
        bindingsByName.set(s.name, {
          name: s.name,
          binding: s.binding,
          kind: "texture",
          minBytes: 0,
          format,
        });
        continue;
      }
      const minBytes = t.name === "array" ? Math.max(4, t.stride ?? 4) * Math.max(1, t.count ?? 1) : s.size;
      bindingsByName.set(s.name, {
        name: s.name,
        binding: s.binding,
        kind: s.access === "read" ? "read" : "read_write",
        minBytes,
      });
    }
    for (const t of refl.textures) {
      // Sampled textures cost lavapipe twice what read-only storage textures do (conv2d.wgsl `wt`).
      throw new KernelError(
        `${file}: texture ${t.name} must be a texture_storage_2d<${TEXTURE_FORMATS.join(" | ")}, read>`,
      );
    }
    for (const e of refl.entry.compute) {
      const used = new Set((e.resources as { name: string }[]).map((r) => r.name));
      const bindings = [...bindingsByName.values()].filter((b) => used.has(b.name))
        .sort((a, b) => a.binding - b.binding);
      const uniformBindings = bindings.filter((b) => b.kind === "uniform");
      if (uniformBindings.length > 1) {
        throw new KernelError(`${file}: entry ${e.name} uses more than one uniform binding`);
      }
      const attrs = (e.attributes ?? []) as { name: string; value: string | string[] }[];
      const ws = attrs.find((a) => a.name === "workgroup_size");
      const raw: string[] = ws ? (Array.isArray(ws.value) ? ws.value : [ws.value]) : ["1"];
      const workgroupSize = raw.map((v): number | string => {
        const s = String(v).trim();
        return /^\d+u?$/.test(s) ? parseInt(s, 10) : s;
      });
      for (const w of workgroupSize) {
        if (typeof w === "string" && !this.overrideDefaults.has(w)) {
          throw new KernelError(
            `${file}: entry ${e.name}: workgroup_size term "${w}" must be a literal or an override`,
          );
        }
      }
      this.entries.set(e.name, {
        name: e.name,
        bindings,
        uniform: uniformBindings.length ? uniforms.get(uniformBindings[0].name)! : null,
        workgroupSize,
      });
    }
  }

  entry(name: string): EntrySpec {
    const e = this.entries.get(name);
    if (!e) {
      throw new KernelError(
        `${this.file}: no compute entry point "${name}" (has: ${[...this.entries.keys()].join(", ")})`,
      );
    }
    return e;
  }
}

function parseOverrideDefault(code: string, name: string): number | null {
  const m = new RegExp(`override\\s+${name}\\s*(?::\\s*\\w+\\s*)?(?:=\\s*([^;]+))?;`).exec(code);
  if (!m || m[1] === undefined) return null;
  const v = parseFloat(m[1].trim().replace(/[uif]$/, ""));
  return Number.isFinite(v) ? v : null;
}

const familyCache = new Map<string, ShaderFamily>();

/** Load and reflect `shaders/<name>.wgsl` (once per process). */
export function shaderFamily(name: string): ShaderFamily {
  let f = familyCache.get(name);
  if (!f) {
    let code: string;
    try {
      code = host.shaderSource(name);
    } catch (e) {
      throw new KernelError(`shaders/${name}.wgsl: cannot read: ${(e as Error).message}`);
    }
    f = new ShaderFamily(name, `shaders/${name}.wgsl`, code);
    familyCache.set(name, f);
  }
  return f;
}

/** Every kernel family shipped in `shaders/`. */
export function listShaderFamilies(): string[] {
  return host.shaderNames();
}

/** Pack uniform values at their reflected offsets; every member must be given, nothing else. */
export function packUniforms(kernelName: string, layout: UniformLayout, values: UniformValues): ArrayBuffer {
  const buf = new ArrayBuffer(Math.max(16, Math.ceil(layout.size / 16) * 16));
  const u32 = new Uint32Array(buf);
  const i32 = new Int32Array(buf);
  const f32 = new Float32Array(buf);
  const known = new Set<string>();
  for (const m of layout.members) {
    known.add(m.name);
    const v = values[m.name];
    if (v === undefined) {
      throw new KernelError(`${kernelName}: uniform ${layout.binding}.${m.name} was not given`);
    }
    const arr = typeof v === "number" ? [v] : v;
    if (arr.length !== m.scalars) {
      throw new KernelError(
        `${kernelName}: uniform ${layout.binding}.${m.name} needs ${m.scalars} value(s), got ${arr.length}`,
      );
    }
    for (let i = 0; i < arr.length; i++) {
      const x = arr[i];
      const at = m.offset / 4 + i;
      if (m.scalar === "f32") f32[at] = x;
      else {
        if (!Number.isInteger(x)) {
          throw new KernelError(
            `${kernelName}: uniform ${layout.binding}.${m.name} must be an integer, got ${x}`,
          );
        }
        if (m.scalar === "u32") {
          if (x < 0 || x > 0xffffffff) {
            throw new KernelError(`${kernelName}: uniform ${m.name}=${x} out of u32 range`);
          }
          u32[at] = x;
        } else i32[at] = x;
      }
    }
  }
  for (const k of Object.keys(values)) {
    if (!known.has(k)) throw new KernelError(`${kernelName}: unknown uniform ${layout.binding}.${k}`);
  }
  return buf;
}

/** A compiled pipeline: one entry point of one family with fixed override constants. */
export class Kernel {
  readonly layout: GPUBindGroupLayout;
  private built: GPUComputePipeline | null = null;
  readonly workgroupSize: [number, number, number];
  readonly id: number;
  private static nextId = 1;

  /** How many kernels this thread has made so far (their ids are 1 to this). */
  static get issued(): number {
    return Kernel.nextId - 1;
  }

  constructor(
    private readonly device: GPUDevice,
    private readonly module: GPUShaderModule,
    readonly family: ShaderFamily,
    readonly spec: EntrySpec,
    readonly overrides: OverrideValues,
    readonly label: string,
  ) {
    this.id = Kernel.nextId++;
    for (const k of Object.keys(overrides)) {
      if (!family.overrideDefaults.has(k)) throw new KernelError(`${label}: unknown override constant ${k}`);
    }
    const ws = spec.workgroupSize.map((w) => {
      if (typeof w === "number") return w;
      const v = overrides[w] ?? family.overrideDefaults.get(w);
      if (v === undefined || v === null) throw new KernelError(`${label}: override ${w} has no value`);
      return v;
    });
    while (ws.length < 3) ws.push(1);
    this.workgroupSize = [ws[0], ws[1], ws[2]];
    this.layout = device.createBindGroupLayout({
      label,
      entries: spec.bindings.map((b): GPUBindGroupLayoutEntry => ({
        binding: b.binding,
        visibility: GPUShaderStage.COMPUTE,
        ...(b.kind === "texture"
          ? { storageTexture: { access: "read-only", format: b.format!, viewDimension: "2d" } }
          : {
            buffer: {
              type: b.kind === "uniform" ? "uniform" : b.kind === "read" ? "read-only-storage" : "storage",
            },
          }),
      })),
    });
  }

  /** The pipeline, created at first use (KernelCache.get creates it at once unless told to defer). */
  get pipeline(): GPUComputePipeline {
    return this.built ??= this.device.createComputePipeline({
      label: this.label,
      layout: this.device.createPipelineLayout({ label: this.label, bindGroupLayouts: [this.layout] }),
      compute: { module: this.module, entryPoint: this.spec.name, constants: this.overrides },
    });
  }
}

/** Compiles shader modules and pipelines on demand and keeps them for the process lifetime. */
export class KernelCache {
  private modules = new Map<string, GPUShaderModule>();
  private kernels = new Map<string, Kernel>();
  /** Families used for dispatch (not just compiled by `compile`), whose errors must surface. */
  private reported = new Set<string>();
  /** When set, every pipeline created is recorded with its creation time. */
  trace: CompileTrace | null = null;
  /**
   * When set, `get` leaves a new kernel's pipeline to be created at its first use (Engine.compileAhead:
   * a pipeline costs most of a second to create on a software adapter, and that run needs its last
   * pipelines first).
   */
  deferPipelines = false;
  /** `report` receives diagnostics that arrive asynchronously (thrown at the device's next check). */
  constructor(private device: GPUDevice, private report: (e: Error) => void) {}

  /**
   * The family's module: as written (null `overrides`), or specialised for the values its branches depend
   * on (engine/wgsl_specialize.ts), one module per distinct set of them.
   */
  private module(family: ShaderFamily, overrides: OverrideValues | null = null): GPUShaderModule {
    const values = new Map<string, number>();
    if (overrides) {
      for (const name of family.guards) {
        const v = overrides[name] ?? family.overrideDefaults.get(name);
        if (v !== undefined && v !== null) values.set(name, v);
      }
    }
    const specialised = [...values].map(([k, v]) => `${k}=${v}`).join(" ");
    const key = specialised ? `${family.file} (${specialised})` : family.file;
    let m = this.modules.get(key);
    if (!m) {
      // The scope keeps the error out of the uncaptured stream; getCompilationInfo reports it with lines.
      this.device.pushErrorScope("validation");
      const code = specialised ? specializeWgsl(family.code, values) : family.code;
      m = this.device.createShaderModule({ label: key, code });
      this.device.popErrorScope().then(() => {});
      this.modules.set(key, m);
      m.getCompilationInfo().then((info) => {
        const errs = info.messages.filter((x) => x.type === "error");
        if (errs.length && this.reported.has(family.file)) {
          this.report(compileError(family.file, errs, specialised && `specialised for ${specialised}`));
        }
      });
    }
    return m;
  }

  /** Compile a family and report WGSL errors with file and line (used at startup and in tests). */
  compile(name: string): Promise<void> {
    return this.compileFamily(shaderFamily(name));
  }

  async compileFamily(family: ShaderFamily): Promise<void> {
    const info = await this.module(family).getCompilationInfo();
    const errs = info.messages.filter((x) => x.type === "error");
    if (errs.length) throw compileError(family.file, errs);
  }

  get(name: string, entry = "main", overrides: OverrideValues = {}): Kernel {
    const key = `${name}:${entry}:${JSON.stringify(overrides)}`;
    let k = this.kernels.get(key);
    if (!k) {
      const family = shaderFamily(name);
      const spec = family.entry(entry);
      const label = `${family.file}:${entry}`;
      this.reported.add(family.file);
      const module = this.module(family, overrides);
      this.device.pushErrorScope("validation");
      const start = performance.now();
      k = new Kernel(this.device, module, family, spec, overrides, label);
      if (!this.deferPipelines) k.pipeline;
      this.trace?.created(k, performance.now() - start);
      this.device.popErrorScope().then((err) => {
        if (err) this.report(new KernelError(`${label}: pipeline creation failed: ${err.message.trim()}`));
      });
      this.kernels.set(key, k);
    }
    return k;
  }

  get size(): number {
    return this.kernels.size;
  }
}

function compileError(file: string, errs: readonly GPUCompilationMessage[], context = ""): KernelError {
  const lines = errs.map((e) => `${file}:${e.lineNum}:${e.linePos}: ${e.message.trim().split("\n")[0]}`);
  return new KernelError(`WGSL compile error${context ? ` (${context})` : ""}\n${lines.join("\n")}`);
}
