#!/usr/bin/env bash
# HTTP server spike: Helidon SE 4.5.0 vs Jetty 12.1.14 (both virtual threads) as a JSON-touching reverse proxy,
# against the fake OpenAI upstream, with "direct" (no proxy) and nginx proxy_pass (the floor) as baselines.
#
#   bench/http-spike/run.sh            # full run, ~7 min; holds /tmp/warden-build.lock for build + load
#   WARMUP=5 DURATION=5 bench/http-spike/run.sh   # quick smoke run
#
# Output: markdown tables on stdout; raw lines in bench/out/http-spike/<timestamp>/.
set -euo pipefail

# Take the shared machine lock once for the whole run (build + load); re-exec under flock if not held yet.
if [ -z "${WARDEN_BENCH_LOCKED:-}" ]; then
  exec env WARDEN_BENCH_LOCKED=1 flock /tmp/warden-build.lock "$0" "$@"
fi

HERE="$(cd "$(dirname "$0")" && pwd)"
. "$HERE/../lib.sh"

WARMUP=${WARMUP:-10}        # seconds at 32 connections per (target, mode), discarded
DURATION=${DURATION:-15}    # seconds per measured cell
TTFB_N=${TTFB_N:-40}        # sequential requests for the drip TTFB test (each ~200 ms)
JAVA_OPTS=${JAVA_OPTS:-"-Xms64m -Xmx512m -XX:+UseSerialGC"}
HELIDON_PORT=18100
JETTY_PORT=18101
STAMP=$(date +%Y%m%d-%H%M%S)
OUT="$BENCH_OUT/http-spike/$STAMP"
mkdir -p "$OUT"
RAW="$OUT/raw.txt"
PIDS=()

cleanup() {
  local p
  for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  nginx_stop quiet || true
}
trap cleanup EXIT

bench_install_deps
command -v mvn >/dev/null 2>&1 || { log "installing maven"; apt-get update -qq && apt-get install -y -qq maven; }

log "building spike (mvn package)"
( cd "$HERE" && JAVA_HOME="$JAVA_HOME" mvn -q -B package 2>&1 | grep -E "ERROR|BUILD" || true )
JAR="$HERE/target/http-spike-0.1.0-SNAPSHOT.jar"
[ -f "$JAR" ] || { log "build failed"; exit 1; }

nginx_start

echo "# machine: $(nproc) cores, $(uname -r), $("$JAVA" -version 2>&1 | head -1), loadavg at start: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$RAW"
echo "# JAVA_OPTS=$JAVA_OPTS WARMUP=${WARMUP}s DURATION=${DURATION}s" | tee -a "$RAW"

start_java() { # <server> <port> <upstream-base>  -> sets JPID
  local server=$1 port=$2 base=$3 cls
  case $server in helidon) cls=HelidonProxy ;; jetty) cls=JettyProxy ;; esac
  # shellcheck disable=SC2086
  "$JAVA" $JAVA_OPTS -cp "$JAR:$HERE/target/lib-$server/*" "dev.warden.bench.spike.$cls" "$port" "$base" \
    >"$OUT/$server.log" 2>&1 &
  JPID=$!
  PIDS+=("$JPID")
  local i
  for i in $(seq 1 100); do
    curl -fsS -o /dev/null -X POST -H 'Content-Type: application/json' -d '{"a":1}' \
      "http://127.0.0.1:$port/v1/chat/completions" 2>/dev/null && return 0
    sleep 0.1
  done
  log "$server did not start"; cat "$OUT/$server.log"; exit 1
}
stop_java() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

# measure <target> <mode json|sse> <base-url> [pid]
measure() {
  local target=$1 mode=$2 base=$3 pid=${4:-} stream=0 line sampler=""
  [ "$mode" = sse ] && stream=1
  log "$target/$mode: warm-up ${WARMUP}s"
  wrk_run "$base" 32 2 "$WARMUP" "$stream" "warmup" >/dev/null
  line=$(wrk_run "$base" 1 1 "$DURATION" "$stream" "$target/$mode/c1")
  echo "$line" | tee -a "$RAW"
  if [ -n "$pid" ]; then # sample RSS every second while under 32-connection load, keep the max
    ( max=0; while kill -0 "$pid" 2>/dev/null; do r=$(ps -o rss= -p "$pid" | tr -d ' '); [ "${r:-0}" -gt "$max" ] && max=$r; echo "$max" >"$OUT/rss-$target-$mode"; sleep 1; done ) &
    sampler=$!
  fi
  line=$(wrk_run "$base" 32 2 "$DURATION" "$stream" "$target/$mode/c32")
  echo "$line" | tee -a "$RAW"
  if [ -n "$sampler" ]; then
    kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true
    echo "RSS target=$target mode=$mode loaded_max_mb=$(awk '{printf "%.1f", $1/1024}' "$OUT/rss-$target-$mode")" | tee -a "$RAW"
  fi
}

ttfb_line() { # <target> <base>: alone, as the spike ran in 2026-11 (see bench/ttfb/Ttfb.java for paired runs)
  ttfb "$TTFB_N" 10 "$1=$2" | tee -a "$RAW"
}

# --- baselines ---
measure direct json "http://127.0.0.1:$UP_JSON"
measure direct sse  "http://127.0.0.1:$UP_SSE"
ttfb_line direct "http://127.0.0.1:$UP_SSE_DRIP"
measure nginx  json "http://127.0.0.1:$FLOOR_JSON"
measure nginx  sse  "http://127.0.0.1:$FLOOR_SSE"
ttfb_line nginx "http://127.0.0.1:$FLOOR_SSE_DRIP"

# --- Java servers ---
for server in helidon jetty; do
  port=$HELIDON_PORT; [ "$server" = jetty ] && port=$JETTY_PORT
  start_java "$server" "$port" "http://127.0.0.1:$UP_JSON"
  sleep 2
  echo "RSS target=$server mode=idle idle_mb=$(rss_mb "$JPID") start_log=$(grep -o '[0-9]* milliseconds since JVM startup' "$OUT/$server.log" || true)" | tee -a "$RAW"
  measure "$server" json "http://127.0.0.1:$port" "$JPID"
  stop_java "$JPID"
  start_java "$server" "$port" "http://127.0.0.1:$UP_SSE"
  measure "$server" sse "http://127.0.0.1:$port" "$JPID"
  stop_java "$JPID"
  start_java "$server" "$port" "http://127.0.0.1:$UP_SSE_DRIP"
  ttfb "http://127.0.0.1:$port" 10 5 >/dev/null   # JIT the path a little first
  ttfb_line "$server" "http://127.0.0.1:$port"
  stop_java "$JPID"
done

# --- footprint ---
for server in helidon jetty; do
  kb=$(ls "$HERE/target/lib-$server"/*.jar | grep -v jackson | xargs du -ck | tail -1 | cut -f1)
  n=$(ls "$HERE/target/lib-$server"/*.jar | grep -vc jackson)
  echo "JARS target=$server jars=$n kb=$kb" | tee -a "$RAW"
done
echo "# loadavg at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$RAW"

# --- tables ---
python3 - "$RAW" <<'PY' | tee "$OUT/table.md"
import sys, re
kv = lambda l: dict(re.findall(r'(\w+)=(\S+)', l))
res, rss, ttfb, jars = {}, {}, {}, {}
for l in open(sys.argv[1]):
    d = kv(l)
    if l.startswith('RESULT'): res[d['label']] = d
    elif l.startswith('RSS'): rss.setdefault(d['target'], {}).update(d)
    elif l.startswith('TTFB'): ttfb[d['target']] = d
    elif l.startswith('JARS'): jars[d['target']] = d
    elif l.startswith('#'): print(l.strip().replace('# ', '> ', 1) + '  ')
print()
print('| target | non-stream c1 RPS | p50 ms | p99 ms | non-stream c32 RPS | p50 ms | p99 ms | SSE c1 RPS | p50 ms | p99 ms | SSE c32 RPS | p50 ms | p99 ms | errors |')
print('|---|' + '---:|' * 13)
for t in ['direct', 'nginx', 'helidon', 'jetty']:
    cells, errs = [], 0
    for m in ['json', 'sse']:
        for c in ['c1', 'c32']:
            d = res.get(f'{t}/{m}/{c}')
            if not d: cells += ['-'] * 3; continue
            cells += [f"{float(d['rps']):,.0f}", f"{float(d['p50_ms']):.2f}", f"{float(d['p99_ms']):.2f}"]
            errs += sum(int(d[k]) for k in d if k.startswith('err_'))
    print(f'| {t} | ' + ' | '.join(cells) + f' | {errs} |')
print()
print('| target | idle RSS MB | loaded RSS MB (max, non-stream c32) | loaded RSS MB (max, SSE c32) | SSE drip TTFB p50 / p99 ms | drip last byte p50 ms | server jars (excl. Jackson) |')
print('|---|---:|---:|---:|---:|---:|---:|')
for t in ['direct', 'nginx', 'helidon', 'jetty']:
    r = rss.get(t, {}); tt = ttfb.get(t, {}); j = jars.get(t)
    rj = {}
    for l in open(sys.argv[1]):
        if l.startswith('RSS') and f'target={t} ' in l:
            d = kv(l); rj[d['mode']] = d
    print(f"| {t} | {rj.get('idle',{}).get('idle_mb','-')} | {rj.get('json',{}).get('loaded_max_mb','-')} | {rj.get('sse',{}).get('loaded_max_mb','-')} | "
          f"{tt.get('p50_ms','-')} / {tt.get('p99_ms','-')} | {tt.get('ttlb_p50_ms','-')} | "
          + (f"{j['jars']} jars, {int(j['kb'])/1024:.1f} MB" if j else '-') + ' |')
PY
log "raw results: $RAW"
