/**
 * Held operand textures (heldVec4Texture in engine/ops/operand_texture.ts): on the software adapter a
 * tensor's vec4s are copied once into a texture of their own, found again through any view of the same
 * storage (autograd saves views), and the texture passes to the next tensor of its size once the storage is
 * released; a GPU gets none (it reads storage buffers).
 */
import assert from "node:assert/strict";
import { backward, batchNorm2d, mul, readTensors, scope, sum, Tensor } from "../../engine/mod.ts";
import { heldVec4Texture, operandCopiesPay } from "../../engine/ops/operand_texture.ts";
import { gpuTest, randomArray, withTextureCopies } from "../helpers.ts";

gpuTest(
  "a held texture is copied once per storage, found through a view, and reused after release",
  async () => {
    const size = 4096 * 4 * 3 + 64; // three full texture rows and part of a fourth
    const t = Tensor.from(randomArray(size, 1), [size]);
    const [first, copies] = await withTextureCopies(() => heldVec4Texture(t));
    if (!operandCopiesPay()) {
      assert.equal(first, null);
      t.dispose();
      return;
    }
    assert.ok(first);
    assert.deepEqual(copies, [[4096, 3, 0], [16, 1, 3]]);
    const view = t.view([4, size / 4]);
    const [again, none] = await withTextureCopies(() => heldVec4Texture(view));
    assert.equal(again?.texture, first.texture);
    assert.deepEqual(none, []);
    // While any view lives the storage keeps its texture; another tensor gets a texture of its own.
    t.dispose();
    const other = Tensor.from(randomArray(size, 2), [size]);
    const [second] = await withTextureCopies(() => heldVec4Texture(other));
    assert.notEqual(second?.texture, first.texture);
    // Released, the storage's texture serves the next tensor of its size, copied anew.
    view.dispose();
    const next = Tensor.from(randomArray(size, 3), [size]);
    const [reused, copiesNext] = await withTextureCopies(() => heldVec4Texture(next));
    assert.equal(reused?.texture, first.texture);
    assert.equal(copiesNext.length, 2);
    for (const x of [other, next]) x.dispose();
  },
);

gpuTest(
  "a training batchnorm copies its input and residual once for its forward and backward passes",
  async () => {
    const [N, C, H, W] = [2, 4, 8, 8];
    const labels: string[] = [];
    const [grads] = await withTextureCopies(async () =>
      await readTensors(scope(() => {
        const x = Tensor.from(randomArray(N * C * H * W, 4), [N, C, H, W]);
        const residual = Tensor.from(randomArray(N * C * H * W, 5), [N, C, H, W]);
        const weight = Tensor.from(randomArray(C, 6, 0.5, 1.5), [C]),
          bias = Tensor.from(randomArray(C, 7), [C]);
        for (const t of [x, residual, weight]) t.requiresGrad = true;
        const y = batchNorm2d(
          x,
          weight,
          bias,
          Tensor.from(new Float32Array(C), [C]),
          Tensor.from(new Float32Array(C).fill(1), [C]),
          {
            training: true,
            residual,
            relu: true,
          },
        );
        backward(sum(mul(y, y)));
        return [x.grad!, weight.grad!, residual.grad!];
      })), labels);
    assert.ok(grads.every((g) => g.every(Number.isFinite)));
    // x and the residual, each one partial row (128 vec4s), held for the backward pass, which copies only
    // the output gradient (into batchnorm's shared texture)
    const count = (use: string) => labels.filter((l) => l.includes(use)).length;
    const software = operandCopiesPay() ? 1 : 0;
    assert.deepEqual([count("held"), count("batchnorm xt"), count("batchnorm gt")], [
      2 * software,
      0,
      software,
    ]);
  },
);
