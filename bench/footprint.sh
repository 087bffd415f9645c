#!/usr/bin/env bash
# Warden's resident memory under different JVM heap settings: RSS just started, idle after a warm-up, the maximum
# under 32-connection non-streaming load, and the RPS of that load (so a smaller heap is not bought with throughput).
# The first variant also prints the JVM's native memory summary (what the RSS is made of).
#
#   bench/footprint.sh                                   # default variants, ~3 min; takes /tmp/warden-build.lock
#   VARIANTS="|-Xmx64m" bench/footprint.sh               # '|'-separated WARDEN_JAVA_OPTS variants ('' = defaults)
#
# Assumes target/warden.jar is built (bench/run.sh builds it). Output: bench/out/footprint/<timestamp>/.
set -euo pipefail
if [ -z "${WARDEN_BENCH_LOCKED:-}" ]; then
  exec env WARDEN_BENCH_LOCKED=1 flock /tmp/warden-build.lock "$0" "$@"
fi
{
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
. "$HERE/lib.sh"
VARIANTS=${VARIANTS:-"|-Xms32m|-Xmx128m|-Xms32m -Xmx256m"}
DURATION=${DURATION:-10}
WARDEN_PORT=${WARDEN_PORT:-18100}
WARDEN="http://127.0.0.1:$WARDEN_PORT"
OUT="$BENCH_OUT/footprint/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
WPID=""
cleanup() {
  if [ -n "$WPID" ]; then kill "$WPID" 2>/dev/null || true; fi
  nginx_stop quiet || true
}
trap cleanup EXIT
bench_install_deps
[ -f "$ROOT/target/warden.jar" ] || { log "build first: bench/run.sh or mvn package"; exit 1; }
nginx_start

echo "| extra JVM flags | RSS started MB | RSS idle MB | RSS max under load MB | RPS (json, 32 conns) | p99 ms |" | tee "$OUT/table.md"
echo "|---|---:|---:|---:|---:|---:|" | tee -a "$OUT/table.md"
first=1
IFS='|' read -r -a variants <<<"$VARIANTS"
for opts in "${variants[@]}"; do
  nmt=""; [ "$first" = 1 ] && nmt="-XX:NativeMemoryTracking=summary"
  # shellcheck disable=SC2086
  BENCH_ACCESS_LOG=file BENCH_ACCESS_LOG_FILE="$OUT/warden-access.log" WARDEN_BENCH_PORT=$WARDEN_PORT \
    "$JAVA" -XX:+UseSerialGC -XX:+UseCompactObjectHeaders -Xss512k $nmt $opts \
    -jar "$ROOT/target/warden.jar" serve --config "$HERE/warden-bench.yaml" >"$OUT/warden.log" 2>&1 &
  WPID=$!
  for i in $(seq 1 100); do curl -fsS -o /dev/null "$WARDEN/health/ready" 2>/dev/null && break; sleep 0.1; done
  sleep 1
  started=$(rss_mb "$WPID")
  WRK_MAX_REQUESTS=1000 wrk_run "$WARDEN" 1 1 8 0 warm json-0ms >/dev/null
  WRK_MAX_REQUESTS=1000 wrk_run "$WARDEN" 1 1 8 1 warm sse-0ms >/dev/null
  sleep 5
  idle=$(rss_mb "$WPID")
  if [ "$first" = 1 ]; then
    "$JAVA_HOME/bin/jcmd" "$WPID" VM.native_memory summary >"$OUT/nmt-idle-defaults.txt" 2>&1 || true
  fi
  wrk_run "$WARDEN" 32 2 5 0 warm json-0ms >/dev/null   # JIT warm-up at the measured concurrency
  ( max=0; while kill -0 "$WPID" 2>/dev/null; do r=$(ps -o rss= -p "$WPID" | tr -d ' ')
      [ "${r:-0}" -gt "$max" ] && max=$r; echo "$max" >"$OUT/rss-max"; sleep 0.5; done ) &
  sampler=$!
  line=$(wrk_run "$WARDEN" 32 2 "$DURATION" 0 "footprint" json-0ms)
  kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true
  loaded=$(awk '{printf "%.1f", $1/1024}' "$OUT/rss-max")
  echo "$line opts=${opts:-defaults}" >>"$OUT/raw.txt"
  echo "| ${opts:-(none: launcher defaults)} | $started | $idle | $loaded | $(printf "%'.0f" "$(field "$line" rps)") | $(field "$line" p99_ms) |" \
    | tee -a "$OUT/table.md"
  kill "$WPID"; wait "$WPID" 2>/dev/null || true; WPID=""
  first=0
done
if [ -f "$OUT/nmt-idle-defaults.txt" ]; then
  echo; echo "Native memory (committed) at idle, launcher defaults:"
  grep -E "^ *(Total|- *(Java Heap|Class|Thread|Code|GC|Metaspace|Internal|Other|Symbol|Arena Chunk|Shared class space)).*committed" \
    "$OUT/nmt-idle-defaults.txt" | sed 's/^ *//' | head -20
fi
exit
}
