#!/usr/bin/env bash
# The upstream client's own cost (docs/decisions/0002-upstream-http-client.md): the JDK HttpClient as Warden uses it
# vs Helidon's blocking HTTP/1.1 WebClient vs a minimal blocking HTTP/1.1 client on a Socket (the floor), against the
# fake upstream (0 ms JSON), 1 and 32 threads; and Warden's own UpstreamClient ("warden", from target/classes, when
# built: mvn -o compile). Resolves the Helidon client's class path with bench/client/pom.xml.
#   bench/client/run.sh            # ~1.5 min, takes /tmp/warden-build.lock
set -euo pipefail
if [ -z "${WARDEN_BENCH_LOCKED:-}" ]; then
  exec env WARDEN_BENCH_LOCKED=1 flock /tmp/warden-build.lock "$0" "$@"
fi
{
HERE="$(cd "$(dirname "$0")" && pwd)"
. "$HERE/../lib.sh"
DURATION=${DURATION:-10}
OUT="$BENCH_OUT/client/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
trap 'nginx_stop quiet || true' EXIT
bench_install_deps
command -v mvn >/dev/null 2>&1 || { log "installing maven"; apt-get update -qq && apt-get install -y -qq maven; }
( cd "$HERE" && { mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$OUT/helidon.cp" >"$OUT/mvn.log" 2>&1 \
    || mvn -B -q dependency:build-classpath -Dmdep.outputFile="$OUT/helidon.cp" >>"$OUT/mvn.log" 2>&1; } ) \
  || { cat "$OUT/mvn.log"; exit 1; }
CLASSES="$HERE/../../target/classes"
CLIENTS="socket jdk helidon"
[ -f "$CLASSES/dev/warden/provider/UpstreamClient.class" ] && CLIENTS="$CLIENTS warden"
nginx_start
for threads in 1 32; do
  for client in $CLIENTS; do
    "$JAVA" -XX:+UseSerialGC -XX:+UseCompactObjectHeaders -cp "$(cat "$OUT/helidon.cp"):$CLASSES" "$HERE/ClientCost.java" "$client" \
      "http://127.0.0.1:$UP_JSON/v1/chat/completions" "$threads" "$DURATION" 5 | tee -a "$OUT/raw.txt"
  done
done
python3 - "$OUT/raw.txt" <<'PY' | tee "$OUT/table.md"
import re, sys
print('| client | threads | RPS | p50 ms | p99 ms | client CPU µs/request |')
print('|---|---:|---:|---:|---:|---:|')
for l in open(sys.argv[1]):
    d = dict(re.findall(r'(\w+)=(\S+)', l))
    print(f"| {d['client']} | {d['threads']} | {float(d['rps']):,.0f} | {d['p50_ms']} | {d['p99_ms']} | {d['cpu_us_per_req']} |")
PY
exit
}
