#!/usr/bin/env bash
# What a packed Winograd layer's output stores cost: bench/jit/winograd_time.ts (batch 400, C -> 16 channels
# at 32 x 32, the workgroup-memory form) on this commit, alternating with a copy in a temporary git worktree
# whose packed `store` (shaders/conv_winograd.wgsl) adds each output vec4 into a per-lane sum instead, written
# once per lane at the end: the same loads and arithmetic, 1 storage-buffer store per lane instead of 128.
# Its outputs are wrong; only the time means something. Run it alone (docs/SPEED.md, "Where a 16-channel
# layer's fixed cost goes").
# H and O in the environment pick another layer (H=16 O=32: a 32-channel layer, the loop form).
#   bash bench/jit/store_share.sh [ROUNDS=2] [C ...=4 16]
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-2}
shift || true
if [ $# -gt 0 ]; then channels=("$@"); else channels=(4 16); fi
probe=$(mktemp -d)
trap 'git worktree remove --force "$probe" >/dev/null 2>&1 || true; rm -rf "$probe"' EXIT
git worktree add -q --detach "$probe" HEAD
python3 - "$probe/shaders/conv_winograd.wgsl" <<'EOF'
import sys
path = sys.argv[1]
s = open(path).read()
def once(old, new):
    global s
    assert s.count(old) == 1, f"store_share.sh: {old!r} not found once in {path}"
    s = s.replace(old, new)
once("var<private> maskOn: u32;", "var<private> maskOn: u32;\nvar<private> sink: vec4<f32>;")
once("  if (maskOn == 1u) { s = select(V0, s, textureLoad(mt, texelOf(i)) > V0); }\n  out4[i] = s;\n}",
     "  if (maskOn == 1u) { s = select(V0, s, textureLoad(mt, texelOf(i)) > V0); }\n  sink += s * f32(i);\n}")
once("  // end of generated Winograd tile\n}", "  // end of generated Winograd tile\n  if (live) { out4[l] = sink; }\n}")
open(path, "w").write(s)
EOF
for ((r = 1; r <= rounds; r++)); do
  for c in "${channels[@]}"; do
    for side in stores sum; do
      dir=.
      [ "$side" = sum ] && dir=$probe
      line=$(cd "$dir" && npx -y deno@2.9.6 run -A bench/jit/winograd_time.ts "$c" "${H:-32}" 6 400 "${O:-16}" 2>&1 | tail -1)
      echo "round $r, $side: $line"
    done
  done
done
