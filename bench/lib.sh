#!/usr/bin/env bash
# Shared helpers for Warden benchmarks. Source it:  . bench/lib.sh
# Functions: bench_install_deps, nginx_start, nginx_stop, wrk_run, java25, rss_kb
# Everything heavy (builds, load runs) should be wrapped by the caller in: flock /tmp/warden-build.lock ...

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BENCH_OUT="${BENCH_OUT:-$BENCH_DIR/out}"
NGINX_PREFIX="${NGINX_PREFIX:-$BENCH_OUT/nginx}"
NGINX_CONF="$BENCH_DIR/nginx/nginx.conf"
JAVA_HOME="${JAVA_HOME_25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"

# Ports (see bench/nginx/nginx.conf): upstream fake OpenAI / nginx proxy floor
UP_JSON=18081; UP_SSE=18082; UP_JSON_50=18083; UP_SSE_50=18084; UP_SSE_DRIP=18085
FLOOR_JSON=18091; FLOOR_SSE=18092; FLOOR_JSON_50=18093; FLOOR_SSE_50=18094; FLOOR_SSE_DRIP=18095

log() { echo "[bench $(date +%H:%M:%S)] $*" >&2; }

# Installs nginx (+ echo module), wrk, curl if missing. Needs root (or sudo) and apt.
bench_install_deps() {
  local need=()
  command -v nginx >/dev/null 2>&1 || need+=(nginx-light)
  [ -f /usr/lib/nginx/modules/ngx_http_echo_module.so ] || need+=(libnginx-mod-http-echo)
  command -v wrk >/dev/null 2>&1 || need+=(wrk)
  command -v curl >/dev/null 2>&1 || need+=(curl)
  command -v python3 >/dev/null 2>&1 || need+=(python3-minimal)
  if [ ${#need[@]} -gt 0 ]; then
    log "installing: ${need[*]}"
    local SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    # nginx-light is not in every release; fall back to nginx
    if ! DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}"; then
      need=("${need[@]/nginx-light/nginx}")
      DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}"
    fi
    # the Debian package starts a system nginx on :80; we never use it, but leave it alone.
  fi
  [ -x "$JAVA" ] || { log "Java 25 not found at $JAVA (set JAVA_HOME_25)"; return 1; }
  [ -f /usr/lib/nginx/modules/ngx_http_echo_module.so ] || { log "echo module missing"; return 1; }
}

# Starts the private nginx (fake upstream + proxy floor). Idempotent.
nginx_start() {
  mkdir -p "$NGINX_PREFIX"/{logs,tmp}
  nginx_stop quiet
  nginx -p "$NGINX_PREFIX/" -c "$NGINX_CONF" -e "$NGINX_PREFIX/logs/error.log" -t -q \
    || { log "nginx config test failed"; return 1; }
  nginx -p "$NGINX_PREFIX/" -c "$NGINX_CONF" -e "$NGINX_PREFIX/logs/error.log"
  local i
  for i in $(seq 1 50); do
    curl -fsS -o /dev/null -X POST "http://127.0.0.1:$UP_JSON/v1/chat/completions" -d '{}' 2>/dev/null && break
    sleep 0.1
  done
  log "nginx up (pid $(cat "$NGINX_PREFIX/logs/nginx.pid"), prefix $NGINX_PREFIX)"
}

# Stops only OUR nginx, by the pid file in our prefix.
nginx_stop() {
  local pidf="$NGINX_PREFIX/logs/nginx.pid"
  if [ -f "$pidf" ] && kill -0 "$(cat "$pidf")" 2>/dev/null; then
    nginx -p "$NGINX_PREFIX/" -c "$NGINX_CONF" -e "$NGINX_PREFIX/logs/error.log" -s quit 2>/dev/null \
      || kill "$(cat "$pidf")"
    local i; for i in $(seq 1 50); do [ -f "$pidf" ] || break; sleep 0.1; done
    [ "$1" = quiet ] || log "nginx stopped"
  fi
}

# wrk_run <url-base> <connections> <threads> <duration-s> <stream 0|1> <label> [model]
# Prints wrk's RESULT line (see wrk/post.lua):
#   RESULT label=.. requests=.. rps=.. p50_ms=.. p90_ms=.. p99_ms=.. max_ms=.. err_*=..
wrk_run() {
  local base=$1 conns=$2 threads=$3 dur=$4 stream=$5 label=$6 model=${7:-gpt-4o-mini}
  STREAM=$stream WRK_LABEL=$label WRK_MODEL=$model wrk -t"$threads" -c"$conns" -d"${dur}s" --timeout 10s \
    -s "$BENCH_DIR/wrk/post.lua" "$base/v1/chat/completions" | grep '^RESULT'
}

# field <RESULT-line> <key>  -> value
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"; }

# Resident set size of a pid in MB (one decimal)
rss_mb() { ps -o rss= -p "$1" | awk '{printf "%.1f", $1/1024}'; }

# ttfb <n> <warmup> <name>=<base-url>[@model] ... : time to first body byte of streaming requests, the targets
# interleaved per request; each line's over_p50_ms is the paired median over the first target (see ttfb/Ttfb.java)
ttfb() { "$JAVA" "$BENCH_DIR/ttfb/Ttfb.java" "$@"; }
