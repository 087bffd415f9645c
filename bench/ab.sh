#!/usr/bin/env bash
# A/B of two Warden builds (or two JVM flag sets) under identical conditions: both run side by side, are warmed
# alike, and are loaded alternately in short cells, so the machine's minute-to-minute swings (+-10-25 % on this
# shared VM) hit both. Medians and per-round pairs decide; a single run.sh cell cannot resolve a 5-10 % change.
#
#   cp -r target/warden.jar target/lib /tmp/a/       # a build to compare (the jar finds lib/ beside it)
#   A=/tmp/a/warden.jar B=target/warden.jar bench/ab.sh
#   A=target/warden.jar B=target/warden.jar B_OPTS="-Xmn64m" bench/ab.sh
#   MODE=sse ROUNDS=4 WITH_NGINX=1 ... bench/ab.sh     # streaming; WITH_NGINX=1 also loads the nginx floor
#   MODE=ttfb TTFB_N=150 ... bench/ab.sh               # drip TTFB: direct, A and B interleaved (bench/ttfb/Ttfb.java)
#
# Takes /tmp/warden-build.lock itself. Env: A B (jars), A_OPTS B_OPTS (extra JVM flags), MODE json|sse, CONNS (32),
# ROUNDS (6), CELL (5 s), WARM (40 s per Warden, alternating), TTFB_N (150 rounds, MODE=ttfb).
set -euo pipefail
if [ -z "${WARDEN_BENCH_LOCKED:-}" ]; then
  exec env WARDEN_BENCH_LOCKED=1 flock /tmp/warden-build.lock "$0" "$@"
fi
{
HERE="$(cd "$(dirname "$0")" && pwd)"
. "$HERE/lib.sh"
MODE=${MODE:-json}; stream=0; [ "$MODE" = json ] || stream=1
warm_model=$MODE-0ms; [ "$MODE" = ttfb ] && warm_model=sse-0ms
CONNS=${CONNS:-32}; threads=2; [ "$CONNS" = 1 ] && threads=1
OUT="$BENCH_OUT/ab/$(date +%Y%m%d-%H%M%S)"; mkdir -p "$OUT"
declare -A PID PORT RPS CPU
cleanup() { for x in A B; do [ -n "${PID[$x]:-}" ] && kill "${PID[$x]}" 2>/dev/null; done; nginx_stop quiet || true; }
trap cleanup EXIT
nginx_start
start() { # <name> <port> <jar> <opts>
  # shellcheck disable=SC2086
  BENCH_ACCESS_LOG=file BENCH_ACCESS_LOG_FILE="$OUT/access-$1.log" WARDEN_BENCH_PORT=$2 \
    "$JAVA" -XX:+UseSerialGC -XX:+UseCompactObjectHeaders -Xms32m -Xss512k $4 -jar "$3" \
    serve --config "$HERE/warden-bench.yaml" >"$OUT/warden-$1.log" 2>&1 &
  PID[$1]=$!; PORT[$1]=$2
}
start A 18100 "${A:?A=<jar>}" "${A_OPTS:-}"
start B 18101 "${B:?B=<jar>}" "${B_OPTS:-}"
for x in A B; do
  for i in $(seq 1 100); do curl -fsS -o /dev/null "http://127.0.0.1:${PORT[$x]}/health/ready" 2>/dev/null && break; sleep 0.1; done
done
log "warm-up: ${WARM:-40} s per Warden, alternating"
for i in 1 2; do for x in A B; do
  wrk_run "http://127.0.0.1:${PORT[$x]}" 32 2 $(( ${WARM:-40} / 2 )) "$stream" warmup "$warm_model" >/dev/null
done; done
if [ "$MODE" = ttfb ]; then
  ttfb "${TTFB_N:-150}" 10 "direct=http://127.0.0.1:$UP_SSE_DRIP" "A=http://127.0.0.1:${PORT[A]}@sse-drip" \
    "B=http://127.0.0.1:${PORT[B]}@sse-drip" | tee "$OUT/summary.txt"
  log "summary: $OUT"
  exit
fi
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
for r in $(seq 1 "${ROUNDS:-6}"); do
  order="A B"; [ $((r % 2)) = 0 ] && order="B A"
  if [ -n "${WITH_NGINX:-}" ]; then
    floor=$FLOOR_JSON; [ "$MODE" = sse ] && floor=$FLOOR_SSE
    line=$(wrk_run "http://127.0.0.1:$floor" "$CONNS" "$threads" "${CELL:-5}" "$stream" nginx)
    echo "round $r nginx rps=$(field "$line" rps)"; RPS[N]+="$(field "$line" rps) "
  fi
  for x in $order; do
    t0=$(ticks "${PID[$x]}")
    line=$(wrk_run "http://127.0.0.1:${PORT[$x]}" "$CONNS" "$threads" "${CELL:-5}" "$stream" "$x" "$MODE-0ms")
    cpu=$(( ($(ticks "${PID[$x]}") - t0) * 1000000 / $(getconf CLK_TCK) / $(field "$line" requests) ))
    echo "round $r $x rps=$(field "$line" rps) p50_ms=$(field "$line" p50_ms) cpu_us_per_req=$cpu"
    RPS[$x]+="$(field "$line" rps) "; CPU[$x]+="$cpu "
  done
done | tee "$OUT/rounds.txt"
median() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
for x in A B N; do
  vals=$(sed -n "s/^round [0-9]* \(nginx\|$x\) rps=\([^ ]*\).*/\1 \2/p" "$OUT/rounds.txt" \
    | awk -v x="$x" '($1 == x) || (x == "N" && $1 == "nginx") {print $2}' | tr '\n' ' ')
  [ -n "$vals" ] || continue
  cpus=$(sed -n "s/^round [0-9]* $x .*cpu_us_per_req=\([0-9]*\).*/\1/p" "$OUT/rounds.txt" | tr '\n' ' ')
  echo "$x: median rps $(median "$vals")${cpus:+, median cpu us/request $(median "$cpus")}"
done | tee "$OUT/summary.txt"
log "rounds and summary: $OUT"
exit
}
