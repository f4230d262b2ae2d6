"""Where lavapipe's generated code spends its time: samples from `perf script -F ip` (one address per
line) against the process's largest executable anonymous mapping (the JIT code), dumped from
/proc/<pid>/mem while it runs and disassembled with objdump; instructions are grouped by kind. The last line
counts the code's float multiplies, adds and fused multiply-adds (Mesa 22.3 lowers every fma() to a multiply
and an add, so the fused count is 0 there: README "Speed", what bounds the per-sample rate).
    python3 bench/jit/classify.py <pid> <ips.txt>      (see bench/jit/profile.sh)"""
import re
import subprocess
import sys
from collections import Counter

pid, ips_file = int(sys.argv[1]), sys.argv[2]
ips = Counter(int(line, 16) for line in open(ips_file) if line.strip())
total = sum(ips.values())
regions = []
for line in open(f"/proc/{pid}/maps"):
    parts = line.split()
    lo, hi = (int(v, 16) for v in parts[0].split("-"))
    if "x" in parts[1] and len(parts) < 6:
        regions.append((sum(c for a, c in ips.items() if lo <= a < hi), lo, hi))
hits, lo, hi = max(regions)
print(f"{total} samples, {100 * hits / total:.1f}% in JIT code [{lo:x}, {hi:x})")
with open(f"/proc/{pid}/mem", "rb") as mem:
    mem.seek(lo)
    open("/tmp/jit.bin", "wb").write(mem.read(hi - lo))
asm = subprocess.run(["objdump", "-D", "-b", "binary", "-m", "i386:x86-64", f"--adjust-vma={lo:#x}", "/tmp/jit.bin"],
                     capture_output=True, text=True).stdout
kinds = Counter()
for line in asm.splitlines():
    m = re.match(r"\s*([0-9a-f]+):\s+(?:[0-9a-f]{2} )+\s*(\S+)\s*(.*)", line)
    if not m or int(m.group(1), 16) not in ips:
        continue
    op, args = m.group(2), m.group(3)
    if op in ("vaddps", "vmulps") or "fmadd" in op:
        kind = "float arithmetic"
    elif op.startswith("j") or op in ("cmp", "cmpl", "test", "testb"):
        kind = "branches and compares"
    elif ("(%rsp" in args or "(%rbp" in args) and op.startswith("vmov"):
        kind = "stack (spills, per-lane load temporaries)"
    elif op.startswith(("vmov", "mov", "vpinsr", "vpextr", "vpbroadcast", "vinsert", "vextract", "vpunpck")):
        kind = "other moves, inserts and extracts"
    elif op == "vblendvps":
        kind = "selects"
    else:
        kind = "other"
    kinds[kind] += ips[int(m.group(1), 16)]
for kind, count in kinds.most_common():
    print(f"{kind:45s} {100 * count / hits:5.1f}%")
ops = Counter(re.match(r"\s*[0-9a-f]+:\s+(?:[0-9a-f]{2} )+\s*(\S+)", line).group(1)
              for line in asm.splitlines() if re.match(r"\s*[0-9a-f]+:\s+(?:[0-9a-f]{2} )+\s*\S", line))
fused = sum(c for op, c in ops.items() if re.match(r"v(f|fn)m(add|sub)", op))
print(f"JIT code: {ops['vmulps']} vmulps, {ops['vaddps'] + ops['vsubps']} vaddps/vsubps, {fused} fused multiply-adds")
