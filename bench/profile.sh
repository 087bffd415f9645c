#!/usr/bin/env bash
# Where Warden's CPU and allocation go under load (async-profiler is not available; this uses JFR).
# Starts nginx + Warden with a flight recording, warms up, loads one cell with wrk, and prints the top frames:
# self (top of stack) and inclusive (anywhere on the stack) CPU samples, and allocation by allocating frame.
#
#   bench/profile.sh                 # non-streaming, 32 connections, 0 ms upstream, 20 s recorded
#   MODE=sse bench/profile.sh        # streaming
#   ACCESS_LOG=off WARDEN_JAVA_OPTS="-Xmx64m" bench/profile.sh   # experiments
#
# Output: bench/out/profile/<timestamp>/{warden.jfr,summary.txt}; assumes target/warden.jar is built (bench/run.sh).
set -euo pipefail

if [ -z "${WARDEN_BENCH_LOCKED:-}" ]; then
  exec env WARDEN_BENCH_LOCKED=1 flock /tmp/warden-build.lock "$0" "$@"
fi

# The rest is one brace group, read whole before it runs: editing this file during a run cannot corrupt it.
{
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
. "$HERE/lib.sh"

MODE=${MODE:-json}            # json | sse
CONNS=${CONNS:-32}
SECONDS_RECORDED=${SECONDS_RECORDED:-20}
ACCESS_LOG=${ACCESS_LOG:-file}
WARDEN_PORT=${WARDEN_PORT:-18100}
WARDEN="http://127.0.0.1:$WARDEN_PORT"
OUT="$BENCH_OUT/profile/$(date +%Y%m%d-%H%M%S)-$MODE-c$CONNS"
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

# JFR's default sampler takes a few hundred wall-clock samples of Java frames; JDK 25's CPU-time sampler (Linux)
# samples every thread by the CPU it burns, once per THROTTLE of CPU time.
"$JAVA_HOME/bin/jfr" configure --input profile "jdk.CPUTimeSample#enabled=true" \
  "jdk.CPUTimeSample#throttle=${THROTTLE:-1ms}" --output "$OUT/settings.jfc" >/dev/null
logfile=""; [ "$ACCESS_LOG" = file ] && logfile="$OUT/warden-access.log"
# shellcheck disable=SC2086
BENCH_ACCESS_LOG=$ACCESS_LOG BENCH_ACCESS_LOG_FILE=$logfile WARDEN_BENCH_PORT=$WARDEN_PORT \
  "$JAVA" -XX:+UseSerialGC -XX:+UseCompactObjectHeaders -Xms32m -Xss512k ${WARDEN_JAVA_OPTS:-} \
  -XX:FlightRecorderOptions:stackdepth=512 \
  -XX:StartFlightRecording=name=bench,settings="$OUT/settings.jfc",filename="$OUT/warden.jfr",dumponexit=true \
  -jar "$ROOT/target/warden.jar" serve --config "$HERE/warden-bench.yaml" >"$OUT/warden.log" 2>&1 &
WPID=$!
for i in $(seq 1 100); do curl -fsS -o /dev/null "$WARDEN/health/ready" 2>/dev/null && break; sleep 0.1; done

stream=0; [ "$MODE" = sse ] && stream=1
log "warm-up ${WARM:-30} s, then $SECONDS_RECORDED s recorded ($MODE, $CONNS connections)"
# ~20 s of load before C2 is done on this machine; a recording of a JVM still compiling shows the compiler.
wrk_run "$WARDEN" 32 2 "${WARM:-30}" "$stream" warmup "$MODE-0ms" >/dev/null
"$JAVA_HOME/bin/jcmd" "$WPID" JFR.stop name=bench >/dev/null   # drop the warm-up from the recording
"$JAVA_HOME/bin/jcmd" "$WPID" JFR.start name=bench settings="$OUT/settings.jfc" filename="$OUT/warden.jfr" >/dev/null
threads=2; [ "$CONNS" = 1 ] && threads=1
# JFR samples Java frames only; the process's user/system CPU per request shows what it cannot (syscalls, wakeups).
read -r ut0 st0 < <(awk '{print $14, $15}' "/proc/$WPID/stat")
wrk_run "$WARDEN" "$CONNS" "$threads" "$SECONDS_RECORDED" "$stream" "profile/$MODE/c$CONNS" "$MODE-0ms" | tee "$OUT/wrk.txt"
read -r ut1 st1 < <(awk '{print $14, $15}' "/proc/$WPID/stat")
reqs=$(sed -n 's/.* requests=\([0-9]*\).*/\1/p' "$OUT/wrk.txt")
hz=$(getconf CLK_TCK)
echo "CPU per request: user $(( (ut1 - ut0) * 1000000 / hz / reqs )) us, system $(( (st1 - st0) * 1000000 / hz / reqs )) us" \
  "($(( (ut1 - ut0 + st1 - st0) * 100 / hz / SECONDS_RECORDED ))% of one core over ${SECONDS_RECORDED} s; threads now $(ls /proc/$WPID/task | wc -l))" \
  | tee -a "$OUT/wrk.txt"
"$JAVA_HOME/bin/jcmd" "$WPID" JFR.stop name=bench filename="$OUT/warden.jfr" >/dev/null
kill "$WPID"; wait "$WPID" 2>/dev/null || true; WPID=""

cat "$OUT/wrk.txt"
"$JAVA_HOME/bin/jfr" print --json --stack-depth 128 --events jdk.CPUTimeSample,jdk.ExecutionSample,jdk.ObjectAllocationSample "$OUT/warden.jfr" \
  >"$OUT/events.json"
python3 "$HERE/jfr_summary.py" "$OUT/events.json" | tee "$OUT/summary.txt"
log "recording: $OUT/warden.jfr"
exit
}
