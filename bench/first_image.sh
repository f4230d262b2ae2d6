#!/usr/bin/env bash
# Seconds from launching the embedded default `deno task certify` to its first logged image, with an
# empty Mesa shader cache and then with the cache that run filled (each run is stopped after that row).
# Run it on an otherwise idle machine:  bash bench/first_image.sh
set -u
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-/tmp/smoothcert-runtime-$(id -u)}"
mkdir -p "$XDG_RUNTIME_DIR"
cache=$(mktemp -d /tmp/first-image-cache.XXXX)
for kind in empty warm; do
  dir=$(mktemp -d /tmp/first-image-run.XXXX)
  start=$(date +%s.%N)
  (cd "$dir" && MESA_SHADER_CACHE_DIR=$cache exec npx -y deno@2.9.6 task --config "$ROOT/deno.json" certify \
    >"$dir/stdout" 2>"$dir/stderr") &
  pid=$!
  log="$dir/out/certify_mnist_default.tsv"
  while kill -0 $pid 2>/dev/null; do
    if [ -f "$log" ] && [ "$(wc -l <"$log")" -ge 2 ]; then
      echo "$kind cache: first image logged after $(echo "$(date +%s.%N) - $start" | bc) s; $(grep 'kernels compiled' "$dir/stderr")"
      break
    fi
    sleep 0.1
  done
  # the default run has no flags after cli/certify.ts
  pkill -f "cli/certify\.ts$"
  kill $pid 2>/dev/null
  wait $pid 2>/dev/null
  sleep 2
  rm -rf "$dir"
done
rm -rf "$cache"
