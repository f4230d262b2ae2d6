/** The kernel toolchain: every shader reflects and compiles; dispatches are validated against reflection. */
import assert from "node:assert/strict";
import { KernelError, listShaderFamilies, shaderFamily, Tensor } from "../../engine/mod.ts";
import { Kernel, ShaderFamily } from "../../engine/kernel.ts";
import { packUniforms } from "../../engine/kernel.ts";
import { gpuTest } from "../helpers.ts";

Deno.test("every .wgsl file in shaders/ parses and reflects, with entry points and bindings", () => {
  const names = listShaderFamilies();
  assert.ok(names.includes("elementwise") && names.includes("reduce"));
  for (const n of names) {
    const f = shaderFamily(n);
    assert.ok(f.entries.size > 0, `${n} has compute entry points`);
    for (const e of f.entries.values()) {
      assert.ok(e.workgroupSize.length >= 1, `${n}:${e.name} has a workgroup size`);
      const ids = e.bindings.map((b) => b.binding);
      assert.equal(new Set(ids).size, ids.length, `${n}:${e.name} binding numbers are unique`);
      assert.ok(
        e.bindings.filter((b) => b.kind === "read" || b.kind === "read_write").length <= 8,
        `${n}:${e.name} uses at most 8 storage buffers`,
      );
      assert.ok(
        e.bindings.filter((b) => b.kind === "uniform").length <= 1,
        `${n}:${e.name} has one parameter struct`,
      );
    }
  }
});

gpuTest(
  "every .wgsl file compiles on this adapter (f16 families only where shader-f16 is offered)",
  async (e) => {
    for (const n of listShaderFamilies()) {
      if (shaderFamily(n).code.includes("enable f16") && !e.f16) continue;
      await e.kernels.compile(n);
    }
  },
);

gpuTest("a WGSL compile error names the file and line", async (e) => {
  const code = "\n\n@compute @workgroup_size(1) fn main() { let x: u32 = 1.5; }\n";
  const fam = new ShaderFamily("broken", "shaders/broken.wgsl", code);
  await assert.rejects(() => e.kernels.compileFamily(fam), /shaders\/broken\.wgsl:3:\d+: .*u32/);
});

Deno.test("reflection errors name the file", () => {
  assert.throws(() => new ShaderFamily("x", "shaders/x.wgsl", "fn ("), /shaders\/x\.wgsl: reflection failed/);
});

Deno.test("uniforms are packed at reflected offsets and every member is required", () => {
  const fam = shaderFamily("elementwise");
  const layout = fam.entry("unary").uniform!;
  const buf = packUniforms("t", layout, { n: 7, row: 256, alpha: 0.5, beta: -2 });
  assert.deepEqual([...new Uint32Array(buf, 0, 2)], [7, 256]);
  assert.deepEqual([...new Float32Array(buf, 8, 2)], [0.5, -2]);
  assert.throws(
    () => packUniforms("t", layout, { n: 7, row: 1, alpha: 1 }),
    /uniform pu\.beta was not given/,
  );
  assert.throws(
    () => packUniforms("t", layout, { n: 7, row: 1, alpha: 1, beta: 0, gamma: 1 }),
    /unknown uniform pu\.gamma/,
  );
  assert.throws(() => packUniforms("t", layout, { n: 1.5, row: 1, alpha: 1, beta: 0 }), /must be an integer/);
  assert.throws(() => packUniforms("t", layout, { n: -1, row: 1, alpha: 1, beta: 0 }), /out of u32 range/);
  const bl = fam.entry("binary").uniform!;
  assert.throws(
    () => packUniforms("t", bl, { n: 1, rank: 1, row: 1, _pad: 0, shape: [1, 2], sa: [], sb: [] }),
    /needs 8 value\(s\), got 2/,
  );
});

gpuTest("dispatch validation names the kernel and the binding", (e) => {
  const a = Tensor.from([1, 2, 3, 4], [4]);
  const out = Tensor.empty([4]);
  const uniforms = { n: 4, row: 256, alpha: 1, beta: 0 };
  const run = (bindings: Record<string, Tensor>, extra: Partial<Parameters<typeof e.run>[2]> = {}) =>
    e.run("elementwise", "unary", { bindings, uniforms, workgroups: [1], ...extra });
  assert.throws(
    () => run({ a }),
    (err: Error) =>
      err instanceof KernelError && /elementwise\.wgsl:unary: binding "out" missing/.test(err.message),
  );
  assert.throws(() => run({ a, out, b: a }), /unknown binding "b"/);
  assert.throws(() => run({ a, out: a }), /binding "a" aliases a writable binding/);
  assert.throws(
    () => run({ a, out }, { need: { out: 64 } }),
    /binding "out" is too small: 16 bytes, the call needs 64/,
  );
  assert.throws(() => run({ a, out }, { workgroups: [70000] }), /workgroup count 70000/);
  const mapped = e.gpu.device.createBuffer({
    size: 16,
    usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
  });
  assert.throws(
    () =>
      e.run("elementwise", "unary", {
        bindings: { a, out: { buffer: mapped, byteOffset: 0, byteLength: 16 } },
        uniforms,
        workgroups: [1],
      }),
    /binding "out" needs a buffer with STORAGE usage/,
  );
  assert.throws(() => e.kernel("elementwise", "nope"), /no compute entry point "nope"/);
  assert.throws(() => e.kernel("elementwise", "unary", { BOGUS: 1 }), /unknown override constant BOGUS/);
  assert.throws(() => e.kernel("does_not_exist"), /shaders\/does_not_exist\.wgsl: cannot read/);
  mapped.destroy();
  a.dispose();
  out.dispose();
});

gpuTest("identical dispatches reuse their bind group and uniform slot", async (e) => {
  const a = Tensor.from([1, 2, 3], [3]);
  const out = Tensor.empty([3]);
  const before = e.rec.stats.bindGroupsCreated;
  for (let i = 0; i < 50; i++) {
    e.run("elementwise", "unary", {
      bindings: { a, out },
      uniforms: { n: 3, row: 256, alpha: 2, beta: 1 },
      workgroups: [1],
    }, { OP: 0 });
  }
  assert.deepEqual([...await out.read()], [3, 5, 7]);
  assert.equal(e.rec.stats.bindGroupsCreated - before, 1);
  a.dispose();
  out.dispose();
});

gpuTest("work is submitted lazily: many dispatches, one submit per readback", async (e) => {
  const x = Tensor.from(new Float32Array(1000).fill(1), [1000]);
  const submits = e.rec.stats.submits;
  let y = x;
  for (let i = 0; i < 100; i++) {
    const z = Tensor.empty([1000]);
    e.run("elementwise", "unary", {
      bindings: { a: y, out: z },
      uniforms: { n: 1000, row: 256 * 4, alpha: 1, beta: 1 },
      workgroups: [4],
    }, { OP: 0 });
    if (y !== x) y.dispose();
    y = z;
  }
  const v = await y.read();
  assert.equal(v[999], 101);
  assert.equal(e.rec.stats.submits - submits, 1);
  x.dispose();
  y.dispose();
});

gpuTest(
  "a read-only storage texture binding takes a texture of its format, filled in recording order by copyToTexture",
  async (e) => {
    const code = `@group(0) @binding(0) var table: texture_storage_2d<rgba32float, read>;
@group(0) @binding(1) var<storage, read_write> out: array<vec4<f32>>;
@compute @workgroup_size(3) fn main(@builtin(local_invocation_index) i: u32) {
  out[i] = textureLoad(table, vec2<u32>(i % 2u, i / 2u));
}`;
    const fam = new ShaderFamily("table", "shaders/table.wgsl", code);
    const spec = fam.entry("main");
    assert.deepEqual(spec.bindings.map((b) => [b.name, b.kind]), [["table", "texture"], [
      "out",
      "read_write",
    ]]);
    const kernel = new Kernel(
      e.gpu.device,
      e.gpu.device.createShaderModule({ code }),
      fam,
      spec,
      {},
      "table:main",
    );
    const texture = e.gpu.device.createTexture({
      size: [2, 2],
      format: "rgba32float",
      usage: GPUTextureUsage.STORAGE_BINDING | GPUTextureUsage.COPY_DST,
    });
    // Rows 256 bytes apart: texels (0, 0), (1, 0) from floats 0..7, texels (0, 1), (1, 1) from 64..71.
    const src = Tensor.from(Array.from({ length: 128 }, (_, i) => i), [128]);
    const out = Tensor.empty([12]);
    e.rec.copyToTexture(src, 256, texture, 2, 2);
    e.rec.dispatch(kernel, { bindings: { table: { texture }, out }, workgroups: [1] });
    assert.deepEqual([...await out.read()], [0, 1, 2, 3, 4, 5, 6, 7, 64, 65, 66, 67]);
    // A last row copied in part, into row 1: it needs only its texels, not a whole 256-byte row.
    const tail = { buffer: src.buffer, byteOffset: 384, byteLength: 16 };
    e.rec.copyToTexture(tail, 256, texture, 1, 1, 1);
    e.rec.dispatch(kernel, { bindings: { table: { texture }, out }, workgroups: [1] });
    assert.deepEqual([...await out.read()], [0, 1, 2, 3, 4, 5, 6, 7, 96, 97, 98, 99]);
    assert.throws(
      () => e.rec.copyToTexture({ ...tail, byteLength: 12 }, 256, texture, 1, 1, 1),
      /copyToTexture: 1 rows of 256 bytes/,
    );
    assert.throws(
      () => e.rec.dispatch(kernel, { bindings: { table: src, out }, workgroups: [1] }),
      /"table" needs a texture/,
    );
    assert.throws(
      () => e.rec.dispatch(kernel, { bindings: { table: { texture }, out: { texture } }, workgroups: [1] }),
      /"out" needs a buffer/,
    );
    const unbound = e.gpu.device.createTexture({
      size: [1, 1],
      format: "rgba32float",
      usage: GPUTextureUsage.COPY_DST,
    });
    assert.throws(
      () => e.rec.dispatch(kernel, { bindings: { table: { texture: unbound }, out }, workgroups: [1] }),
      /texture "table" needs STORAGE_BINDING usage/,
    );
    const r32 = e.gpu.device.createTexture({
      size: [1, 1],
      format: "r32float",
      usage: GPUTextureUsage.STORAGE_BINDING | GPUTextureUsage.COPY_DST,
    });
    assert.throws(
      () => e.rec.dispatch(kernel, { bindings: { table: { texture: r32 }, out }, workgroups: [1] }),
      /texture "table" must be rgba32float, not r32float/,
    );
    assert.throws(() => e.rec.copyToTexture(src, 128, texture, 2, 2), /copyToTexture: 2 rows of 128 bytes/);
    assert.throws(() => e.rec.copyToTexture(src, 256, texture, 2, 3), /copyToTexture: 3 rows of 256 bytes/);
    // Sampled textures, other formats and writable storage textures are refused by name.
    for (
      const decl of [
        "texture_2d<f32>",
        "texture_storage_2d<rgba8unorm, read>",
        "texture_storage_2d<rgba32float, read_write>",
      ]
    ) {
      assert.throws(
        () =>
          new ShaderFamily(
            "x",
            "shaders/x.wgsl",
            code.replace("texture_storage_2d<rgba32float, read>", decl),
          ),
        /shaders\/x\.wgsl: texture table must be a texture_storage_2d<rgba32float \| r32float \| rgba32uint, read>/,
      );
    }
    texture.destroy();
    unbound.destroy();
    r32.destroy();
    src.dispose();
    out.dispose();
  },
);
