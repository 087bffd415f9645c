#!/usr/bin/env bash
# Warden end-to-end benchmark: direct to the fake upstream vs nginx proxy_pass (the floor) vs Warden, side by side,
# non-streaming and streaming, 1 and 32 connections, 0 ms and 50 ms upstream; Warden's idle and loaded RSS;
# streaming time to first byte on a drip upstream. Loopback only.
#
#   bench/run.sh                                   # full run, ~8 min; holds /tmp/warden-build.lock throughout
#   WARMUP=2 DURATION=3 TTFB_N=10 bench/run.sh     # ~2 min smoke run
#   JVM_WARMUP=0 bench/run.sh                      # measure Warden from a cold JVM, as runs before 2026-11-24 08:00 did
#   NOLOG=0 bench/run.sh                           # skip the extra "access log off" Warden pass
#   WARDEN_JAVA_OPTS="-Xmx64m" bench/run.sh        # extra JVM flags for Warden (experiments)
#   CELLS=json/0ms CONNS=32 TTFB_N=0 IDLE_REQUESTS=0 NOLOG=0 bench/run.sh   # one focused cell, ~1 min
#   TARGETS="nginx warden" BUILD=0 ...             # only these targets; reuse target/warden.jar as it is
#
# Output: markdown on stdout and in bench/out/run/<timestamp>/table.md; raw lines in raw.txt next to it.
set -euo pipefail

# Take the shared machine lock once for the whole run (build + load); re-exec under flock if not held yet.
if [ -z "${WARDEN_BENCH_LOCKED:-}" ]; then
  exec env WARDEN_BENCH_LOCKED=1 flock /tmp/warden-build.lock "$0" "$@"
fi

# The rest is one brace group, read whole before it runs: editing this file during a run cannot corrupt it.
{
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
. "$HERE/lib.sh"

WARMUP=${WARMUP:-5}          # seconds at 32 connections before each (target, mode, upstream), discarded
# Seconds of load (32 connections, half non-streaming, half streaming) a freshly started Warden gets before its
# first measured cell: on this 2-core machine C2 takes ~45 % of a core for the first ~20 s of load, so without it
# the first cells measure a JVM still compiling, not the gateway (docs/benchmarks.md, "JIT warm-up").
JVM_WARMUP=${JVM_WARMUP:-30}
DURATION=${DURATION:-10}     # seconds per measured cell
TTFB_N=${TTFB_N:-100}        # rounds of drip streaming requests, one per target each (each ~220 ms)
IDLE_REQUESTS=${IDLE_REQUESTS:-1000}  # requests sent before the idle RSS reading
NOLOG=${NOLOG:-1}            # 1: also measure Warden with the access log off (0 ms cells only)
WARDEN_PORT=${WARDEN_PORT:-18100}
CELLS=${CELLS:-json/0ms sse/0ms json/50ms sse/50ms}  # <mode>/<upstream> cells to load, in this order
CONNS=${CONNS:-1 32}         # connection counts per cell
TARGETS=${TARGETS:-direct nginx warden}  # which targets load each cell (warden-nolog follows NOLOG)
# The production flags, as in the ./warden launcher; WARDEN_JAVA_OPTS adds to them (as it does there).
WARDEN_JVM="-XX:+UseSerialGC -XX:+UseCompactObjectHeaders -Xms32m -Xss512k ${WARDEN_JAVA_OPTS:-}"  # as ./warden
WARDEN="http://127.0.0.1:$WARDEN_PORT"
STAMP=$(date +%Y%m%d-%H%M%S)
OUT="$BENCH_OUT/run/$STAMP"
mkdir -p "$OUT"
RAW="$OUT/raw.txt"
WPID=""
SAMPLER=""

cleanup() {
  if [ -n "$SAMPLER" ]; then kill "$SAMPLER" 2>/dev/null || true; fi
  if [ -n "$WPID" ]; then kill "$WPID" 2>/dev/null || true; fi
  nginx_stop quiet || true
}
trap cleanup EXIT

bench_install_deps
command -v mvn >/dev/null 2>&1 || { log "installing maven"; apt-get update -qq && apt-get install -y -qq maven; }

if [ "${BUILD:-1}" = 1 ] || [ ! -f "$ROOT/target/warden.jar" ]; then
  log "building Warden (mvn package)"
  # Offline first (the shared machine has a warm ~/.m2); a fresh machine needs the network once.
  ( cd "$ROOT" && { mvn -B -q -o package -DskipTests >"$OUT/build.log" 2>&1 \
      || mvn -B -q package -DskipTests >>"$OUT/build.log" 2>&1; } ) || { cat "$OUT/build.log"; exit 1; }
fi
[ -f "$ROOT/target/warden.jar" ] || { log "build failed"; exit 1; }

nginx_start

{
  echo "# date: $(date -u +%Y-%m-%dT%H:%MZ), commit $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- src pom.xml || echo '+dirty')"
  echo "# machine: $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(free -m | awk '/Mem:/{print $2}') MB RAM, kernel $(uname -r)"
  echo "# java: $("$JAVA" -version 2>&1 | head -1); nginx: $(nginx -v 2>&1 | sed 's/.*: //'); $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
  echo "# Warden JVM: $WARDEN_JVM; JVM_WARMUP=${JVM_WARMUP}s WARMUP=${WARMUP}s DURATION=${DURATION}s TTFB_N=$TTFB_N; loadavg at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee -a "$RAW"

# jvm_warmup: JVM_WARMUP seconds of load, alternating non-streaming and streaming, discarded.
jvm_warmup() {
  [ "$JVM_WARMUP" -gt 0 ] || return 0
  log "JVM warm-up: ${JVM_WARMUP}s at 32 connections (json and sse), discarded"
  local half=$(( (JVM_WARMUP + 1) / 2 ))
  wrk_run "$WARDEN" 32 2 "$half" 0 jvm-warmup json-0ms >/dev/null
  wrk_run "$WARDEN" 32 2 "$half" 1 jvm-warmup sse-0ms >/dev/null
}

# start_warden <access-log file|off>  -> sets WPID
start_warden() {
  local logmode=$1 logfile=""
  [ "$logmode" = file ] && logfile="$OUT/warden-access.log"
  # shellcheck disable=SC2086
  BENCH_ACCESS_LOG=$logmode BENCH_ACCESS_LOG_FILE=$logfile WARDEN_BENCH_PORT=$WARDEN_PORT \
    "$JAVA" $WARDEN_JVM -jar "$ROOT/target/warden.jar" serve --config "$HERE/warden-bench.yaml" \
    >"$OUT/warden-$logmode.log" 2>&1 &
  WPID=$!
  local i
  for i in $(seq 1 100); do
    curl -fsS -o /dev/null "$WARDEN/health/ready" 2>/dev/null && return 0
    sleep 0.1
  done
  log "Warden did not start"; cat "$OUT/warden-$logmode.log"; exit 1
}
stop_warden() { kill "$WPID" 2>/dev/null || true; wait "$WPID" 2>/dev/null || true; WPID=""; }

# Fails the run unless Warden relays a valid answer: wrk only counts non-2xx, not a 200 stream that ends in error.
sanity_check() {
  local key=sk-warden-bench-0123456789abcdefghijklmnopqrstuvwxyz body
  body=$(curl -fsS "$WARDEN/v1/chat/completions" -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
    -d '{"model":"json-0ms","messages":[{"role":"user","content":"hi"}]}')
  grep -q '"finish_reason":"stop"' <<<"$body" || { log "bad JSON answer: $body"; exit 1; }
  body=$(curl -fsS -N "$WARDEN/v1/chat/completions" -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
    -d '{"model":"sse-0ms","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"hi"}]}')
  grep -q '"total_tokens":250' <<<"$body" && grep -q '^data: \[DONE\]' <<<"$body" \
    || { log "bad SSE answer: $body"; exit 1; }
  [ "$(grep -c '^data: ' <<<"$body")" = 12 ] || { log "expected 11 chunks + [DONE]: $body"; exit 1; }
}

rss_line() { # <target> <phase>
  echo "RSS target=$1 phase=$2 rss_mb=$(rss_mb "$WPID")" | tee -a "$RAW"
}

# Samples the Warden RSS every 0.5 s into $OUT/rss-max-<tag> (max, kB) until stopped.
sampler_start() {
  local tag=$1
  ( max=0; while kill -0 "$WPID" 2>/dev/null; do
      r=$(ps -o rss= -p "$WPID" | tr -d ' '); [ "${r:-0}" -gt "$max" ] && max=$r
      echo "$max" >"$OUT/rss-max-$tag"; sleep 0.5; done ) &
  SAMPLER=$!
}
sampler_stop() { # <target> <tag>
  kill "$SAMPLER" 2>/dev/null || true; wait "$SAMPLER" 2>/dev/null || true; SAMPLER=""
  echo "RSS target=$1 phase=loaded-$2 rss_mb=$(awk '{printf "%.1f", $1/1024}' "$OUT/rss-max-$2")" | tee -a "$RAW"
}

# cell <target> <base> <mode json|sse> <upstream 0ms|50ms> <model>
cell() {
  local target=$1 base=$2 mode=$3 up=$4 model=$5 stream=0 c
  [ "$mode" = sse ] && stream=1
  log "$target $mode $up: warm-up ${WARMUP}s"
  wrk_run "$base" 32 2 "$WARMUP" "$stream" warmup "$model" >/dev/null
  for c in $CONNS; do
    local threads=2; [ "$c" = 1 ] && threads=1
    local label="$target/$mode/$up/c$c" line t0="" t1
    if [ "${target#warden}" != "$target" ]; then
      [ "$c" = 32 ] && sampler_start "$mode-$up"
      t0=$(awk '{print $14 + $15}' "/proc/$WPID/stat")   # Warden's user+system CPU ticks
    fi
    line=$(wrk_run "$base" "$c" "$threads" "$DURATION" "$stream" "$label" "$model")
    echo "$line" | tee -a "$RAW"
    if [ -n "$t0" ]; then
      t1=$(awk '{print $14 + $15}' "/proc/$WPID/stat")
      echo "CPU label=$label cpu_us_per_req=$(( (t1 - t0) * 1000000 / $(getconf CLK_TCK) / $(field "$line" requests) ))" \
        | tee -a "$RAW"
    fi
    if [ -n "$SAMPLER" ]; then sampler_stop "$target" "$mode-$up"; fi
  done
}

# The floor and direct ports per (mode, upstream latency).
port() { # <direct|nginx> <json|sse> <0ms|50ms>
  case "$1/$2/$3" in
    direct/json/0ms) echo $UP_JSON ;;   direct/sse/0ms) echo $UP_SSE ;;
    direct/json/50ms) echo $UP_JSON_50 ;; direct/sse/50ms) echo $UP_SSE_50 ;;
    nginx/json/0ms) echo $FLOOR_JSON ;; nginx/sse/0ms) echo $FLOOR_SSE ;;
    nginx/json/50ms) echo $FLOOR_JSON_50 ;; nginx/sse/50ms) echo $FLOOR_SSE_50 ;;
  esac
}

# --- Warden, access log to a file (production default) ---
start_warden file
rss_line warden started
sanity_check
if [ "$IDLE_REQUESTS" -gt 0 ]; then
  log "warm-up by count: $IDLE_REQUESTS non-streaming + $IDLE_REQUESTS streaming requests on one connection, then 5 s idle"
  # wrk stops sending after the count but still sleeps out -d, so -d is only an upper bound (~1-2 s is needed).
  WRK_MAX_REQUESTS=$IDLE_REQUESTS wrk_run "$WARDEN" 1 1 8 0 idle-warmup json-0ms | tee -a "$RAW"
  WRK_MAX_REQUESTS=$IDLE_REQUESTS wrk_run "$WARDEN" 1 1 8 1 idle-warmup sse-0ms | tee -a "$RAW"
  sleep 5
  rss_line warden idle
fi
jvm_warmup

for cellname in $CELLS; do
  mode=${cellname%/*} up=${cellname#*/}
  for target in $TARGETS; do
    case $target in
      direct|nginx) cell "$target" "http://127.0.0.1:$(port "$target" "$mode" "$up")" "$mode" "$up" gpt-4o-mini ;;
      warden) cell warden "$WARDEN" "$mode" "$up" "$mode-$up" ;;
    esac
  done
done

if [ "$TTFB_N" -gt 0 ]; then
  log "TTFB on the drip upstream"
  ttfb "$TTFB_N" 10 "direct=http://127.0.0.1:$UP_SSE_DRIP" "nginx=http://127.0.0.1:$FLOOR_SSE_DRIP" \
    "warden=$WARDEN@sse-drip" | tee -a "$RAW"
fi
sleep 5
rss_line warden after-load
echo "ACCESSLOG lines=$(wc -l <"$OUT/warden-access.log") dropped=$(grep -c access_log_dropped "$OUT/warden-access.log" || true)" \
  | tee -a "$RAW"
"$JAVA_HOME/bin/jcmd" "$WPID" GC.heap_info >"$OUT/warden-heap-after-load.txt" 2>&1 || true
stop_warden

# --- Warden, access log off (what the log costs) ---
if [ "$NOLOG" = 1 ]; then
  start_warden off
  jvm_warmup
  for cellname in $CELLS; do
    if [ "${cellname#*/}" = 0ms ]; then cell warden-nolog "$WARDEN" "${cellname%/*}" 0ms "${cellname%/*}-0ms"; fi
  done
  stop_warden
fi
echo "# loadavg at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$RAW"

python3 "$HERE/report.py" "$RAW" | tee "$OUT/table.md"
log "raw results: $RAW"
exit
}
