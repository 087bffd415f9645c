#!/usr/bin/env bash
# JMH micro-benchmarks of Warden's JSON hot paths (request decode, response encode, stream chunk relay, upstream
# request encode). Installs the root project into the local Maven repository (so the numbers are this checkout's),
# builds bench/jmh/target/benchmarks.jar and runs it with the GC profiler (allocation per op).
#
#   bench/jmh/run.sh                       # all benchmarks, short runs: -f 1 -wi 3 -i 5 -w 1s -r 1s  (~2 min)
#   bench/jmh/run.sh StreamChunkBench      # a subset (any JMH regexp and options after it)
#   JMH_OPTS="-f 2 -wi 5 -i 10" bench/jmh/run.sh   # longer, steadier runs
#
# Output: the JMH table on stdout, a markdown summary in bench/out/jmh/<timestamp>/table.md, raw JSON beside it.
set -euo pipefail

if [ -z "${WARDEN_BENCH_LOCKED:-}" ]; then
  exec env WARDEN_BENCH_LOCKED=1 flock /tmp/warden-build.lock "$0" "$@"
fi

# The rest is one brace group, read whole before it runs: editing this file during a run cannot corrupt it.
{
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
JAVA_HOME="${JAVA_HOME_25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
OUT="$ROOT/bench/out/jmh/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
JMH_OPTS=${JMH_OPTS:-"-f 1 -wi 3 -i 5 -w 1s -r 1s"}

command -v mvn >/dev/null 2>&1 || { echo "installing maven" >&2; apt-get update -qq && apt-get install -y -qq maven; }

# mvn offline first (warm ~/.m2 on the shared machine); a fresh machine fetches JMH from Maven Central once.
mvn_q() { mvn -B -q -o "$@" >>"$OUT/build.log" 2>&1 || mvn -B -q "$@" >>"$OUT/build.log" 2>&1 \
  || { cat "$OUT/build.log"; exit 1; }; }
echo "building: warden (install, no tests), then bench/jmh" >&2
( cd "$ROOT" && mvn_q install -DskipTests )
( cd "$HERE" && mvn_q package )

# shellcheck disable=SC2086
"$JAVA_HOME/bin/java" -jar "$HERE/target/benchmarks.jar" ${1:-} $JMH_OPTS -prof gc \
  -jvmArgs "-XX:+UseSerialGC -XX:+UseCompactObjectHeaders" \
  -rf json -rff "$OUT/result.json" "${@:2}" | tee "$OUT/jmh.txt"

python3 "$HERE/table.py" "$OUT/result.json" | tee "$OUT/table.md"
echo "results: $OUT" >&2
exit
}
