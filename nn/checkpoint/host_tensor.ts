/**
 * Tensors held in host memory, as read from and written to checkpoint files.
 *
 * The dtype names are the safetensors ones. Half-precision inputs (F16, BF16) are widened to F32 on
 * read, which is lossless, so consumers only ever see the dtypes below. I64 data stays a
 * BigInt64Array: int64 values (e.g. `num_batches_tracked`) are not all representable as JS numbers,
 * and keeping them exact is what makes a load/save round trip bit-identical. `int64ToNumbers` gives
 * plain numbers where the caller knows they are small.
 */

export type HostTensor =
  | { readonly dtype: "F32"; readonly shape: readonly number[]; readonly data: Float32Array }
  | { readonly dtype: "F64"; readonly shape: readonly number[]; readonly data: Float64Array }
  | { readonly dtype: "I64"; readonly shape: readonly number[]; readonly data: BigInt64Array }
  | { readonly dtype: "I32"; readonly shape: readonly number[]; readonly data: Int32Array }
  | { readonly dtype: "U8"; readonly shape: readonly number[]; readonly data: Uint8Array };

export type HostDType = HostTensor["dtype"];

export const HOST_DTYPE_BYTES: Readonly<Record<HostDType, number>> = {
  F32: 4,
  F64: 8,
  I64: 8,
  I32: 4,
  U8: 1,
};

/** Errors about the content of a checkpoint or data file; the message names the file and the item. */
export class CheckpointError extends Error {
  override name = "CheckpointError";
}

/** Element count of a shape (the product of its dimensions; 1 for a 0-d tensor). */
export function shapeSize(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Checks that `tensor` is self-consistent (integral non-negative dims, data length = element count). */
export function checkHostTensor(tensor: HostTensor, what: string): void {
  for (const d of tensor.shape) {
    if (!Number.isSafeInteger(d) || d < 0) {
      throw new CheckpointError(`${what}: shape [${tensor.shape.join(", ")}] has an invalid dimension ${d}`);
    }
  }
  const n = shapeSize(tensor.shape);
  if (tensor.data.length !== n) {
    throw new CheckpointError(
      `${what}: shape [${
        tensor.shape.join(", ")
      }] needs ${n} elements but the ${tensor.dtype} data holds ${tensor.data.length}`,
    );
  }
}

/** The int64 values of `tensor` as JS numbers; refuses values outside the safe-integer range. */
export function int64ToNumbers(tensor: HostTensor, what: string): number[] {
  if (tensor.dtype !== "I64") {
    throw new CheckpointError(`${what}: expected an I64 tensor, found ${tensor.dtype}`);
  }
  const out: number[] = [];
  for (const v of tensor.data) {
    if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new CheckpointError(
        `${what}: int64 value ${v} is outside the exactly representable range of a JS number`,
      );
    }
    out.push(Number(v));
  }
  return out;
}

/** The raw little-endian bytes of a tensor's data (a view, not a copy). */
export function tensorBytes(tensor: HostTensor): Uint8Array {
  const d = tensor.data;
  return new Uint8Array(d.buffer, d.byteOffset, d.byteLength);
}

/**
 * A tensor of `dtype` whose data is a copy of `bytes` (little-endian). Copying also makes the data
 * aligned: a typed-array view at an unaligned file offset would throw.
 */
export function tensorFromBytes(dtype: HostDType, shape: readonly number[], bytes: Uint8Array): HostTensor {
  const buf = bytes.slice().buffer;
  switch (dtype) {
    case "F32":
      return { dtype, shape, data: new Float32Array(buf) };
    case "F64":
      return { dtype, shape, data: new Float64Array(buf) };
    case "I64":
      return { dtype, shape, data: new BigInt64Array(buf) };
    case "I32":
      return { dtype, shape, data: new Int32Array(buf) };
    case "U8":
      return { dtype, shape, data: new Uint8Array(buf) };
  }
}

// Typed arrays use the platform byte order while the file formats are little-endian; every machine
// Deno ships for is little-endian, so this only guards against a surprising port.
if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) {
  throw new Error("nn/checkpoint assumes a little-endian platform");
}
