import { deepStrictEqual as assertEquals, ok as assert } from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { zipSync } from "fflate";
import fc from "../../fast_check.ts";
import { CheckpointError, type HostTensor } from "../../../nn/checkpoint/host_tensor.ts";
import {
  detectTorchFormat,
  loadTorchCheckpoint,
  readTorchCheckpoint,
} from "../../../nn/checkpoint/pytorch.ts";
import { loadSafetensorsFile } from "../../../nn/checkpoint/safetensors.ts";
import { concat, PickleWriter, u64le } from "./pickle_writer.ts";

const FIXTURES = fileURLToPath(new URL("../../../../shared/fixtures/", import.meta.url));
const CKPT = `${FIXTURES}pytorch_checkpoints/`;

function bits(t: HostTensor): Uint8Array {
  return new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength);
}

function throwsCheckpoint(fn: () => unknown, ...fragments: string[]): void {
  let err: unknown = null;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  assert(err instanceof CheckpointError, `expected a CheckpointError, got ${err}`);
  for (const f of fragments) {
    assert(err.message.includes(f), `error ${JSON.stringify(err.message)} should mention ${f}`);
  }
}

for (const format of ["zip", "legacy"] as const) {
  Deno.test(`the ${format} checkpoint converts to tensors bit-identical to weights.safetensors`, async () => {
    const ref = await loadSafetensorsFile(`${FIXTURES}resnet20_cifar/weights.safetensors`);
    const bytes = await Deno.readFile(`${CKPT}checkpoint_${format}.pth.tar`);
    assertEquals(detectTorchFormat(bytes), format);
    const ck = readTorchCheckpoint(bytes, `checkpoint_${format}.pth.tar`);
    assertEquals([...ck.stateDict.keys()], [...ref.tensors.keys()]);
    for (const [k, t] of ref.tensors) {
      const u = ck.stateDict.get(k)!;
      assertEquals([u.dtype, u.shape], [t.dtype, t.shape], k);
      assertEquals(bits(u), bits(t), k);
    }
    assertEquals(ck.stateDict.get("1.bn1.num_batches_tracked")!.dtype, "I64");
  });

  Deno.test(`the ${format} checkpoint's other entries come back as plain values`, async () => {
    const ck = await loadTorchCheckpoint(`${CKPT}checkpoint_${format}.pth.tar`);
    assertEquals(Object.keys(ck.extra), ["epoch", "arch", "optimizer"]);
    assertEquals(ck.extra.epoch, 90);
    assertEquals(ck.extra.arch, "cifar_resnet20");
    const opt = ck.extra.optimizer as {
      state: Record<string, { momentum_buffer: HostTensor }>;
      param_groups: Record<string, unknown>[];
    };
    assertEquals(opt.param_groups[0].lr, 0.1);
    assertEquals(opt.param_groups[0].momentum, 0.9);
    assertEquals(opt.param_groups[0].weight_decay, 1e-4);
    assertEquals(Object.keys(opt.state).length, 65);
    assertEquals(opt.state["0"].momentum_buffer.shape, [16, 3, 3, 3]);
  });

  Deno.test(`a malicious ${format} checkpoint is refused, naming posix.system`, async () => {
    const file = `${CKPT}malicious_${format}.pth.tar`;
    const bytes = await Deno.readFile(file);
    throwsCheckpoint(() => readTorchCheckpoint(bytes, file), file, "forbidden global posix.system");
  });
}

const STORAGE_NAMES = {
  F32: "FloatStorage",
  F16: "HalfStorage",
  I64: "LongStorage",
  U8: "ByteStorage",
} as const;

/** The zip-format persistent id ('storage', torch.<T>Storage, key, 'cpu', numel). */
function zipStorage(type: keyof typeof STORAGE_NAMES, key: string, numel: number) {
  return (w: PickleWriter) =>
    w.tuple((t) => t.str("storage").global("torch", STORAGE_NAMES[type]).str(key).str("cpu").int(numel));
}

function torchZip(pkl: Uint8Array, storages: Record<string, Uint8Array>, prefix = "archive"): Uint8Array {
  const files: Record<string, [Uint8Array, { level: 0 }]> = {
    [`${prefix}/data.pkl`]: [pkl, { level: 0 }],
    [`${prefix}/version`]: [new TextEncoder().encode("3\n"), { level: 0 }],
  };
  for (const [k, v] of Object.entries(storages)) files[`${prefix}/data/${k}`] = [v, { level: 0 }];
  return zipSync(files);
}

const f32 = (xs: number[]) => new Uint8Array(new Float32Array(xs).buffer);

/**
 * What `model.state_dict()` pickles to: an OrderedDict filled by SETITEMS, then BUILD with its
 * `_metadata`; tensors here are a transposed view, a view at a storage offset sharing that storage,
 * a half tensor and a 0-d int64.
 */
function stateDictPickle(): Uint8Array {
  const w = new PickleWriter().proto().emptyDict().binput(0);
  w.setItems((w) => {
    w.str("state_dict").global("collections", "OrderedDict").op(0x29).reduce().binput(1);
    w.setItems((w) => {
      w.str("w.t").tensor(zipStorage("F32", "0", 6), 0, [3, 2], [1, 3]);
      w.str("w.tail").tensor(zipStorage("F32", "0", 6), 1, [2, 2], [3, 1]);
      w.str("h").tensor(zipStorage("F16", "1", 2), 0, [2], [1]);
      w.str("n").tensor(zipStorage("I64", "2", 1), 0, [], []);
    });
    w.emptyDict().setItems((w) => {
      w.str("_metadata").global("collections", "OrderedDict").op(0x29).reduce();
      w.setItems((w) => w.str("").emptyDict().setItems((w) => w.str("version").int(1)));
    }).build();
    w.str("epoch").int(7).str("best_acc").float(0.5).str("big").int(2n ** 70n);
  });
  return w.stop();
}

function storageBytes(): Record<string, Uint8Array> {
  return {
    "0": f32([0, 1, 2, 3, 4, 5]),
    "1": new Uint8Array([0x00, 0x3c, 0x00, 0xc0]), // f16 1.0, -2.0
    "2": new Uint8Array(new BigInt64Array([123456789012345n]).buffer),
  };
}

Deno.test("strided views, shared storages, half and int64 tensors are copied out contiguously", () => {
  const pkl = stateDictPickle();
  const ck = readTorchCheckpoint(torchZip(pkl, storageBytes()), "synthetic.pth.tar");
  const t = ck.stateDict.get("w.t")!;
  assertEquals([t.dtype, t.shape, [...t.data]], ["F32", [3, 2], [0, 3, 1, 4, 2, 5]]);
  const tail = ck.stateDict.get("w.tail")!;
  assertEquals([tail.shape, [...tail.data]], [[2, 2], [1, 2, 4, 5]]);
  const h = ck.stateDict.get("h")!;
  assertEquals([h.dtype, [...h.data]], ["F32", [1, -2]]);
  const n = ck.stateDict.get("n")!;
  assertEquals([n.dtype, n.shape, [...n.data]], ["I64", [], [123456789012345n]]);
  assertEquals(ck.extra, { epoch: 7, best_acc: 0.5, big: 2n ** 70n });
});

Deno.test("the same storages in the legacy layout, including a pre-1.0 storage view, load identically", () => {
  const plain = (build: (w: PickleWriter) => void) => {
    const w = new PickleWriter().proto();
    build(w);
    return w.stop();
  };
  const legacyStorage =
    (type: keyof typeof STORAGE_NAMES, key: string, numel: number, view?: [string, number, number]) =>
    (w: PickleWriter) =>
      w.tuple((t) => {
        t.str("storage").global("torch", STORAGE_NAMES[type]).str(key).str("cuda:0").int(numel);
        if (view) t.tuple((v) => v.str(view[0]).int(view[1]).int(view[2]));
        else t.none();
      });
  const obj = new PickleWriter().proto().emptyDict().setItems((w) => {
    w.str("state_dict").emptyDict().setItems((w) => {
      w.str("a").tensor(legacyStorage("F32", "k1", 6), 0, [2, 3], [3, 1]);
      w.str("b").tensor(legacyStorage("F32", "k1", 6, ["v1", 4, 2]), 0, [2], [1]);
      w.str("c").tensor(legacyStorage("U8", "k2", 3), 1, [2], [1]);
    });
    w.str("arch").str("toy");
  }).stop();
  const bytes = concat(
    plain((w) => w.int(0x1950a86a20f9469cfc6cn)),
    plain((w) => w.int(1001)),
    plain((w) =>
      w.emptyDict().setItems((w) => w.str("protocol_version").int(1001).str("little_endian").bool(true))
    ),
    obj,
    plain((w) => w.emptyList().appends((w) => w.str("k1").str("k2"))),
    u64le(6),
    f32([10, 11, 12, 13, 14, 15]),
    u64le(3),
    new Uint8Array([7, 8, 9]),
  );
  assertEquals(detectTorchFormat(bytes), "legacy");
  const ck = readTorchCheckpoint(bytes, "legacy_synthetic");
  assertEquals([...ck.stateDict.get("a")!.data], [10, 11, 12, 13, 14, 15]);
  assertEquals([...ck.stateDict.get("b")!.data], [14, 15]);
  assertEquals([ck.stateDict.get("c")!.dtype, [...ck.stateDict.get("c")!.data]], ["U8", [8, 9]]);
  assertEquals(ck.extra, { arch: "toy" });

  // Cut inside the last storage: the error names the storage and the missing bytes.
  throwsCheckpoint(
    () => readTorchCheckpoint(bytes.subarray(0, bytes.length - 1), "cut"),
    "cut",
    "storage k2",
    "truncated",
  );
});

Deno.test("a tensor whose strides reach past its storage is refused, naming the tensor", () => {
  const pkl = new PickleWriter().proto().emptyDict().setItems((w) => {
    w.str("w").tensor(zipStorage("F32", "0", 6), 2, [2, 3], [3, 1]);
  }).stop();
  throwsCheckpoint(
    () => readTorchCheckpoint(torchZip(pkl, { "0": f32([0, 1, 2, 3, 4, 5]) }), "over.pth"),
    `state_dict "w"`,
    "reaches element 7",
    "holds 6",
  );
});

Deno.test("a storage entry whose size disagrees with its declared element count is refused", () => {
  const pkl = new PickleWriter().proto().emptyDict().setItems((w) => {
    w.str("w").tensor(zipStorage("F32", "0", 6), 0, [6], [1]);
  }).stop();
  throwsCheckpoint(
    () => readTorchCheckpoint(torchZip(pkl, { "0": f32([0, 1, 2]) }), "short.pth"),
    "archive/data/0",
    "12 bytes",
    "6 x 4",
  );
  throwsCheckpoint(() => readTorchCheckpoint(torchZip(pkl, {}), "missing.pth"), "storage 0 is missing");
});

Deno.test("a top-level dict of tensors is taken as the state dict itself", () => {
  const pkl = new PickleWriter().proto().emptyDict().setItems((w) => {
    w.str("fc.bias").tensor(zipStorage("F32", "0", 2), 0, [2], [1]);
  }).stop();
  const ck = readTorchCheckpoint(torchZip(pkl, { "0": f32([1, 2]) }, "my_model"), "bare.pth");
  assertEquals([...ck.stateDict.keys()], ["fc.bias"]);
  assertEquals(ck.extra, {});
});

Deno.test("a dict without state_dict or tensors, a non-dict root and non-checkpoint bytes are refused clearly", () => {
  const noSd = new PickleWriter().proto().emptyDict().setItems((w) => w.str("model").int(1)).stop();
  throwsCheckpoint(
    () => readTorchCheckpoint(torchZip(noSd, {}), "nosd.pth"),
    "nosd.pth",
    `no "state_dict"`,
    "keys: model",
  );
  const list = new PickleWriter().proto().emptyList().stop();
  throwsCheckpoint(() => readTorchCheckpoint(torchZip(list, {}), "list.pth"), "must be a dict, found list");
  throwsCheckpoint(
    () => readTorchCheckpoint(new TextEncoder().encode("hello world"), "text.pth"),
    "text.pth",
    "not a PyTorch checkpoint",
    "68 65 6c 6c",
  );
});

Deno.test("protocol-4 opcodes load, and a STACK_GLOBAL naming a forbidden callable is refused", () => {
  const ok = new PickleWriter().proto(4).op(0x95, 0, 0, 0, 0, 0, 0, 0, 0).emptyDict().memoize().setItems(
    (w) => {
      w.shortStr("arch").memoize().shortStr("resnet").memoize();
      w.shortStr("state_dict").stackGlobal("collections", "OrderedDict").op(0x29).reduce();
    },
  ).stop();
  assertEquals(readTorchCheckpoint(torchZip(ok, {}), "p4.pth").extra, { arch: "resnet" });
  const evil = new PickleWriter().proto(4).stackGlobal("builtins", "eval").shortStr("1+1").op(0x85).reduce()
    .stop();
  throwsCheckpoint(
    () => readTorchCheckpoint(torchZip(evil, {}), "evil.pth"),
    "forbidden global builtins.eval",
  );
});

Deno.test("an allowed reference-only global (a storage type) cannot be called", () => {
  const pkl = new PickleWriter().proto().global("torch", "FloatStorage").intTuple([10]).reduce().stop();
  throwsCheckpoint(
    () => readTorchCheckpoint(torchZip(pkl, {}), "call.pth"),
    "torch.FloatStorage may be referenced but not called",
  );
});

// Where each fixture's pickle lies (mutations elsewhere only change weights): the legacy file's storage key
// list ends at byte 24161; the zip's data.pkl is its first entry, stored uncompressed, at bytes 64 .. 19530
// (after a local header of 30 bytes, its 26-byte name and 8 bytes of extra field).
const PICKLE_BYTES = { legacy: [0, 24161], zip: [64, 19531] } as const;

for (const format of ["legacy", "zip"] as const) {
  Deno.test(`randomly corrupted ${format} checkpoints fail with a CheckpointError or load, never crash`, async () => {
    const good = await Deno.readFile(`${CKPT}checkpoint_${format}.pth.tar`);
    const [start, end] = PICKLE_BYTES[format];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: start, max: end - 1 }), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 3,
        }),
        (edits) => {
          const bytes = good.slice();
          for (const [i, v] of edits) bytes[i] = v;
          try {
            readTorchCheckpoint(bytes, "mutated");
          } catch (e) {
            assert(e instanceof CheckpointError, `unexpected ${e}`);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
}
