"""PyTorch (CPU) counterpart of `deno task bench`: the same cases, shapes, models and batch sizes.

    python3 bench/torch_reference.py THREADS

A measuring service that bench/torch.ts starts once per run and asks for one case at a time, right
after measuring the case itself, so that both sides of a ratio are measured within seconds of each other
(this project's machines drift by up to a third in speed within an hour). It first writes one line
{"version", "threads"}; then for each line it reads (a case: "id", "params" with the "kind" that selects
the measurement below, "repeats", "warmup", "targetMs") it writes one line {"id", "samples": [{"wallS",
"cpuS"}, ...]} (seconds per call, wall clock and process CPU time of all threads, one per repeat) or
{"id", "error"}; it ends at the end of its input. Progress goes to stderr. Units, peak fractions and
ratios are computed on the TypeScript side, so both sides share one definition.

The models mirror nn/resnet.ts and nn/mnist_cnn.ts (the reference code's architectures); certification
and training steps mirror the reference implementations (Cohen et al.'s core.py, Salman et al.'s
PGD_L2 with multiple noise draws and train_pgd.py's multi-noise step).
"""

import json
import math
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

CIFAR_MEAN = (0.4914, 0.4822, 0.4465)
CIFAR_STD = (0.2023, 0.1994, 0.2010)
CLASSES = 10


class Normalize(nn.Module):
    def __init__(self, mean, std):
        super().__init__()
        self.register_buffer("mean", torch.tensor(mean).view(1, -1, 1, 1))
        self.register_buffer("std", torch.tensor(std).view(1, -1, 1, 1))

    def forward(self, x):
        return (x - self.mean) / self.std


class BasicBlock(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.downsample = None
        if stride != 1 or cin != cout:
            self.downsample = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        res = x if self.downsample is None else self.downsample(x)
        return F.relu(out + res)


class CifarResNet(nn.Module):
    """Depth 6n + 2: conv3x3(3->16) BN ReLU, three stages of n BasicBlocks (16/32/64), AvgPool 8, Linear."""

    def __init__(self, depth, classes=CLASSES):
        super().__init__()
        n = (depth - 2) // 6
        self.conv1 = nn.Conv2d(3, 16, 3, 1, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(16)
        layers = []
        cin = 16
        for width, stride in ((16, 1), (32, 2), (64, 2)):
            blocks = []
            for i in range(n):
                blocks.append(BasicBlock(cin, width, stride if i == 0 else 1))
                cin = width
            layers.append(nn.Sequential(*blocks))
        self.layer1, self.layer2, self.layer3 = layers
        self.avgpool = nn.AvgPool2d(8)
        self.fc = nn.Linear(64, classes)
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                k = m.kernel_size[0] * m.kernel_size[1] * m.out_channels
                m.weight.data.normal_(0, math.sqrt(2.0 / k))

    def forward(self, x):
        x = F.relu(self.bn1(self.conv1(x)))
        x = self.layer3(self.layer2(self.layer1(x)))
        return self.fc(torch.flatten(self.avgpool(x), 1))


def mnist_cnn():
    return nn.Sequential(
        nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(),
        nn.Conv2d(32, 64, 3, stride=2, padding=1), nn.ReLU(),
        nn.Conv2d(64, 64, 3, stride=2, padding=1), nn.ReLU(),
        nn.Flatten(), nn.Linear(3136, CLASSES),
    )


def build_model(arch):
    if arch == "mnist_cnn":
        return mnist_cnn(), (1, 28, 28)
    depth = {"cifar_resnet20": 20, "cifar_resnet110": 110}.get(arch)
    if depth is None:
        raise ValueError(f"unknown architecture {arch!r}")
    return nn.Sequential(Normalize(CIFAR_MEAN, CIFAR_STD), CifarResNet(depth)), (3, 32, 32)


def sample_counts(model, x, num, batch, sigma, counts):
    """Cohen et al.'s Smooth._sample_noise, with bincount in place of the numpy loop."""
    remaining = num
    with torch.no_grad():
        while remaining > 0:
            b = min(batch, remaining)
            remaining -= b
            rep = x.repeat((b, 1, 1, 1))
            noise = torch.randn_like(rep) * sigma
            predictions = model(rep + noise).argmax(1)
            counts += torch.bincount(predictions, minlength=CLASSES)
    return counts


def pgd_l2_multi_noise(model, x, y, noise, m, eps, steps):
    """Salman et al.'s PGD_L2 attack on the smoothed soft classifier with m noise draws per image."""
    delta = torch.zeros_like(x, requires_grad=True)
    b = x.shape[0]
    for _ in range(steps):
        adv = (x + delta).repeat_interleave(m, 0) + noise
        probs = F.softmax(model(adv), dim=1).reshape(b, m, -1).mean(1)
        loss = F.nll_loss(probs.clamp(min=1e-20).log(), y)
        (g,) = torch.autograd.grad(loss, [delta])
        norms = g.reshape(b, -1).norm(p=2, dim=1)
        g = g / norms.clamp(min=1e-30).view(-1, 1, 1, 1)
        zero = norms == 0
        if zero.any():
            g[zero] = torch.randn_like(g[zero])
        with torch.no_grad():
            delta.add_(g, alpha=2 * eps / steps)
            delta.add_(x).clamp_(0, 1).sub_(x)
            delta.renorm_(p=2, dim=0, maxnorm=eps)
    return (x + delta).detach()


def setup(p):
    """A zero-argument function doing one call of the case `p`."""
    kind = p["kind"]
    if kind == "copy":
        src = torch.rand(p["bytes"] // 4)
        dst = torch.empty_like(src)
        return lambda: dst.copy_(src)
    if kind == "matmul":
        s = p["size"]
        a, b = torch.rand(s, s), torch.rand(s, s)
        return lambda: torch.mm(a, b)
    if kind == "conv":
        n, cin, cout, size, k, stride = (p[key] for key in ("batch", "cin", "cout", "size", "kernel", "stride"))
        pad = (k - 1) // 2
        out = (size + 2 * pad - k) // stride + 1
        x = torch.rand(n, cin, size, size)
        w = torch.rand(cout, cin, k, k)
        g = torch.rand(n, cout, out, out)
        if p["pass"] in ("fwd", "inference"):
            return lambda: F.conv2d(x, w, None, stride, pad)
        # what autograd runs for a convolution's backward, one gradient at a time
        mask = [True, False, False] if p["pass"] == "bwd-input" else [False, True, False]
        return lambda: torch.ops.aten.convolution_backward(
            g, x, w, None, [stride, stride], [pad, pad], [1, 1], False, [0, 0], 1, mask)
    if kind == "batchnorm":
        shape = (p["batch"], p["channels"], p["size"], p["size"])
        c = p["channels"]
        x, w, b = torch.rand(shape), torch.rand(c) + 0.5, torch.rand(c)
        rm, rv = torch.zeros(c), torch.ones(c)
        mode = p["mode"]
        if mode == "eval":
            return lambda: F.batch_norm(x, rm, rv, w, b, training=False)
        if mode == "train-forward":
            return lambda: F.batch_norm(x, rm, rv, w, b, training=True)
        for t in (x, w, b):
            t.requires_grad_(True)
        y = F.batch_norm(x, rm, rv, w, b, training=True)
        seed = torch.rand(shape)
        return lambda: torch.autograd.grad(y, [x, w, b], seed, retain_graph=True)
    if kind == "noise":
        image = torch.rand(*p["shape"]).unsqueeze(0)
        count, sigma = p["count"], p["sigma"]

        def noisy():
            rep = image.repeat((count, 1, 1, 1))
            return rep + torch.randn_like(rep) * sigma
        return noisy
    if kind == "softmax_average":
        images, m, k = p["images"], p["m"], p["classes"]
        logits = (torch.rand(images * m, k) * 8 - 4).requires_grad_(True)
        y = torch.randint(0, k, (images,))

        def softmax_average():
            probs = F.softmax(logits, dim=1).reshape(images, m, k).mean(1)
            loss = F.nll_loss(probs.clamp(min=1e-20).log(), y)
            return torch.autograd.grad(loss, [logits])
        return softmax_average
    if kind == "votes":
        logits = torch.rand(p["rows"], p["classes"])
        counts = torch.zeros(p["classes"], dtype=torch.long)
        return lambda: counts.add_(torch.bincount(logits.argmax(1), minlength=p["classes"]))
    if kind == "dispatch":
        if p["probe"] != "execute":
            raise ValueError(f"no PyTorch counterpart for dispatch probe {p['probe']!r}")
        y = torch.ones(256)

        def tiny_ops():
            for _ in range(p["count"]):
                y.add_(1e-3)
        return tiny_ops
    if kind == "time_to_certificate":
        # The reference CERTIFY at N spends (n0 + N) samples on every image: time k batches and
        # scale to the case's images (measure() applies the factor).
        model, shape = build_model(p["arch"])
        model.eval()
        x = torch.rand(*shape).unsqueeze(0)
        counts = torch.zeros(CLASSES, dtype=torch.long)
        return lambda: sample_counts(model, x, p["batch"] * p["torchBatches"], p["batch"], p["sigma"], counts)
    if kind in ("certify_rate", "certify_image"):
        model, shape = build_model(p["arch"])
        model.eval()
        x = torch.rand(*shape).unsqueeze(0)
        counts = torch.zeros(CLASSES, dtype=torch.long)
        if kind == "certify_rate":
            return lambda: sample_counts(model, x, p["batch"] * p["batches"], p["batch"], p["sigma"], counts)

        def certify_image():
            # CERTIFY's two sampling phases; the Clopper-Pearson bound is negligible next to them
            c0 = sample_counts(model, x, p["n0"], p["batch"], p["sigma"], torch.zeros_like(counts))
            c_a = int(c0.argmax())
            return int(sample_counts(model, x, p["n"], p["batch"], p["sigma"], torch.zeros_like(counts))[c_a])
        return certify_image
    if kind in ("train_gaussian", "train_smoothadv"):
        model, shape = build_model(p["arch"])
        opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, weight_decay=1e-4)
        sigma = p["sigma"]
        if kind == "train_gaussian":
            x = torch.rand(p["batch"], *shape)
            y = torch.randint(0, CLASSES, (p["batch"],))

            def gaussian_step():
                model.train()
                loss = F.cross_entropy(model(x + torch.randn_like(x) * sigma), y)
                opt.zero_grad()
                loss.backward()
                opt.step()
            return gaussian_step
        m, steps, eps = p["m"], p["steps"], p["epsilon"]
        chunk = p["batch"] // m
        x = torch.rand(chunk, *shape)
        y = torch.randint(0, CLASSES, (chunk,))

        def smoothadv_step():
            noise = torch.randn(chunk * m, *shape) * sigma
            model.eval()
            for q in model.parameters():
                q.requires_grad_(False)
            adv = pgd_l2_multi_noise(model, x, y, noise, m, eps, steps)
            model.train()
            for q in model.parameters():
                q.requires_grad_(True)
            loss = F.cross_entropy(model(adv.repeat_interleave(m, 0) + noise), y.repeat_interleave(m, 0))
            opt.zero_grad()
            loss.backward()
            opt.step()
        return smoothadv_step
    raise ValueError(f"unknown case kind {kind!r}")


def measure(case):
    call = setup(case["params"])
    p = case["params"]
    if p["kind"] == "certify_image" and case["warmup"] > 0:
        # as bench/certify.ts: one CERTIFY with N = one batch instead of a full image
        setup({**p, "n": max(p["n0"], min(p["n"], p["batch"]))})()
    else:
        for _ in range(case["warmup"]):
            call()
    calls = 1
    if case["targetMs"] > 0:
        t0 = time.perf_counter()
        call()
        one_ms = (time.perf_counter() - t0) * 1000
        calls = max(1, min(2000, round(case["targetMs"] / max(one_ms, 1e-3))))
    # time_to_certificate: a call samples torchBatches batches; the figure is for `images` images
    scale = 1.0
    if p["kind"] == "time_to_certificate":
        scale = p["images"] * (p["n0"] + p["n"]) / (p["batch"] * p["torchBatches"])
        call()  # warm-up
    out = []
    for _ in range(case["repeats"]):
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in range(calls):
            call()
        out.append({"wallS": scale * (time.perf_counter() - t0) / calls,
                    "cpuS": scale * (time.process_time() - c0) / calls})
    return out


def main(argv):
    if len(argv) != 2 or not argv[1].isdigit():
        sys.exit("usage: torch_reference.py THREADS")
    replies = sys.stdout
    sys.stdout = sys.stderr  # anything else that prints must not garble the replies
    torch.set_num_threads(int(argv[1]))
    torch.manual_seed(0)

    def reply(obj):
        replies.write(json.dumps(obj) + "\n")
        replies.flush()

    reply({"version": torch.__version__, "threads": torch.get_num_threads()})
    while line := sys.stdin.readline():
        case = json.loads(line)
        t0 = time.perf_counter()
        try:
            answer = {"id": case["id"], "samples": measure(case)}
            status = f"{time.perf_counter() - t0:.1f} s"
        except Exception as e:  # one failing case must not end the others
            answer = {"id": case["id"], "error": f"{type(e).__name__}: {e}"}
            status = f"FAILED: {answer['error']}"
        print(f"  torch {case['id']}: {status}", file=sys.stderr, flush=True)
        reply(answer)


if __name__ == "__main__":
    main(sys.argv)
