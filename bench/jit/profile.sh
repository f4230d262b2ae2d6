#!/usr/bin/env bash
# Sample the generated code of one convolution pipeline (bench/jit/conv_loop.ts: C H, C = 0 for the MNIST
# CNN's fused first two layers) with perf and group its hot instructions (bench/jit/classify.py).
# Needs perf (Debian: linux-perf) and objdump (binutils), and leave to sample the process (root, or
# kernel.perf_event_paranoid <= 2 for one's own processes). A software clock: VMs often have no hardware
# counters. Run it alone: other jobs on the cores change the mix.
#   bash bench/jit/profile.sh 64 8
set -euo pipefail
cd "$(dirname "$0")/../.."
for tool in perf objdump python3; do
  command -v "$tool" >/dev/null || { echo "bench/jit/profile.sh: $tool is not installed" >&2; exit 1; }
done
log=$(mktemp)
npx -y deno@2.9.6 run -A bench/jit/conv_loop.ts "${1:-64}" "${2:-8}" 30000 >"$log" 2>&1 &
loop=$!
until grep -q "^ready" "$log"; do
  kill -0 "$loop" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 1
done
pid=$(awk '/^ready/ {print $2}' "$log")
perf record -q -e cpu-clock -F 4000 -p "$pid" -o /tmp/jit_perf.data -- sleep 6 2>/dev/null || true
perf script -i /tmp/jit_perf.data -F ip >/tmp/jit_ips.txt 2>/dev/null
python3 bench/jit/classify.py "$pid" /tmp/jit_ips.txt
wait "$loop"
tail -1 "$log"
