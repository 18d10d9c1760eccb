#!/usr/bin/env bash
# Live-video benchmark, StreamCat beside nginx-rtmp, same machine, same session, same input.
# Needs: a built tree (./mvnw -DskipTests package), nginx + libnginx-mod-rtmp, ffmpeg, node, chromium.
# Usage: bench/run-live.sh [streams...]   (default: 1 16 64 100); prints the figures for docs/benchmarks.md.
# Env: SECONDS_PER_RUN (90), WARMUP (30); SERVICE_WARMUP (0) seconds of SERVICE_WARMUP_STREAMS (16) streams, each
# followed by a playlist probe like a viewer, that each freshly started server carries, unmeasured, in
# SERVICE_WARMUP_ROUNDS (2) rounds before the measured run (a server in service has run its code before, and seen
# streams start and end: for the JVM that means compiled, and recompiled past the branches a stream's start and end
# take the first time); HLSJS=0 skips the hls.js latency check, HLSJS=only runs just it
# (a full run takes ~20 minutes: split it, e.g. `HLSJS=0 bench/run-live.sh 1 16`, `HLSJS=0 ... 64 100`,
# `HLSJS=only bench/run-live.sh`).
# The server runs with the JVM options of ./streamcat (./streamcat --print-java-opts; STREAMCAT_JAVA_OPTS
# replaces them), so what is measured is what users run.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
read -ra SERVER_JAVA_OPTS <<< "$(./streamcat --print-java-opts)"
BENCH=(-cp bench/target/streamcat-bench.jar)
SECONDS_PER_RUN="${SECONDS_PER_RUN:-90}"
WARMUP="${WARMUP:-30}"
counts=("${@:-1 16 64 100}")
[ $# -eq 0 ] && counts=(1 16 64 100)
[ "${HLSJS:-1}" = only ] && counts=()
(cd bench/node && npm ci --no-audit --no-fund >/dev/null)

nginx_conf="$PWD/bench/nginx/nginx-rtmp.conf"
start_nginx() { mkdir -p /tmp/nginx-rtmp/hls && rm -rf /tmp/nginx-rtmp/hls/* && nginx -p /tmp/nginx-rtmp -c "$nginx_conf"; sleep 1; }
stop_nginx() { nginx -p /tmp/nginx-rtmp -c "$nginx_conf" -s stop 2>/dev/null || true; sleep 1; }

data=$(mktemp -d)
start_streamcat() {
  rm -rf "$data"; mkdir -p "$data"
  STREAMCAT_ACCESS_KEY_ID=SCAKBENCHBENCHBENCH1 STREAMCAT_SECRET_ACCESS_KEY=bench-secret-bench-secret \
    taskset -c 0 "$JAVA" "${SERVER_JAVA_OPTS[@]}" -jar server/target/streamcat.jar serve --data-dir "$data" --bind-host 127.0.0.1 \
    --public-host 127.0.0.1 > "$data.log" 2>&1 &
  sc_pid=$!
  for _ in $(seq 1 60); do curl -sf http://127.0.0.1:8081/healthz >/dev/null && break; sleep 1; done
}
stop_streamcat() { kill "$sc_pid" 2>/dev/null || true; wait "$sc_pid" 2>/dev/null || true; }
# service_warmup <LiveLoad target options...>: the unmeasured warm-up load, then a pause for the streams to end
# (nginx-rtmp's HLS files of the warm-up streams are removed: the measured streams reuse their names).
service_warmup() {
  [ "${SERVICE_WARMUP:-0}" -gt 0 ] || return 0
  local streams="${SERVICE_WARMUP_STREAMS:-16}"
  for _ in $(seq 1 "${SERVICE_WARMUP_ROUNDS:-2}"); do
    taskset -c 1 "$JAVA" "${BENCH[@]}" dev.streamcat.bench.live.LiveLoad "$@" --streams="$streams" --probes="$streams" \
      --seconds="$SERVICE_WARMUP" --warmup=5 > /dev/null
    sleep 3
    rm -rf /tmp/nginx-rtmp/hls/*
  done
}

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u +%F)"
echo "== StreamCat JVM options: ${SERVER_JAVA_OPTS[*]}"
for n in "${counts[@]}"; do
  echo "== nginx-rtmp, $n streams"
  start_nginx
  worker=$(pgrep -f "nginx: worker" | head -1)
  service_warmup --target=nginx --rtmp=rtmp://127.0.0.1:1936/live
  taskset -c 1 "$JAVA" "${BENCH[@]}" dev.streamcat.bench.live.LiveLoad --target=nginx --rtmp=rtmp://127.0.0.1:1936/live \
    --streams="$n" --seconds="$SECONDS_PER_RUN" --warmup="$WARMUP" --server-pid="$worker"
  stop_nginx
  echo "== StreamCat, $n streams"
  start_streamcat
  service_warmup --target=streamcat --endpoint=http://127.0.0.1:8081 --access-key=SCAKBENCHBENCHBENCH1 \
    --secret=bench-secret-bench-secret --region=us-east-1 --rtmp=rtmp://127.0.0.1:1935/app
  taskset -c 1 "$JAVA" "${BENCH[@]}" dev.streamcat.bench.live.LiveLoad --target=streamcat --endpoint=http://127.0.0.1:8081 \
    --access-key=SCAKBENCHBENCHBENCH1 --secret=bench-secret-bench-secret --region=us-east-1 \
    --rtmp=rtmp://127.0.0.1:1935/app --streams="$n" --seconds="$SECONDS_PER_RUN" --warmup="$WARMUP" --server-pid="$sc_pid" --jvm-heap=true
  stop_streamcat
done

[ "${HLSJS:-1}" = 0 ] && exit 0
echo "== hls.js live latency (low-latency mode), 1 stream each"
start_nginx
taskset -c 1 "$JAVA" "${BENCH[@]}" dev.streamcat.bench.live.LiveLoad --target=nginx --rtmp=rtmp://127.0.0.1:1936/live \
  --streams=1 --seconds=90 > /dev/null &
load=$!
sleep 8; node bench/node/hlsjs-latency.mjs http://127.0.0.1:8088/hls/bench0.m3u8 60 15; wait "$load"; stop_nginx
start_streamcat
taskset -c 1 "$JAVA" "${BENCH[@]}" dev.streamcat.bench.live.LiveLoad --target=streamcat --endpoint=http://127.0.0.1:8081 \
  --access-key=SCAKBENCHBENCHBENCH1 --secret=bench-secret-bench-secret --region=us-east-1 \
  --rtmp=rtmp://127.0.0.1:1935/app --streams=1 --seconds=90 > "$data-lat.log" &
load=$!
sleep 8
url=$(sed -n 's/^playback: //p' "$data-lat.log" | head -1)
node bench/node/hlsjs-latency.mjs "$url" 60 15 || true
wait "$load"; stop_streamcat
