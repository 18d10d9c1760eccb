#!/usr/bin/env bash
# Chat benchmark: StreamCat's chat gateway beside a plain Node `ws` broadcast server, same machine,
# same session, same load. Server on core 0, load generator on core 1.
# Needs a built tree (./mvnw -DskipTests package) and node. Usage: bench/run-chat.sh [clients] [seconds]
# Env: CHAT_FANOUT_INTERVAL (ms, default: the server's), CHAT_RATES (default "10 100"), SKIP_NODE=1.
# The server JVM runs with -XX:NativeMemoryTracking=summary so the load generator can read its direct memory with
# jcmd (memory per connection = live heap after a full GC + NMT "Other", before/after connecting).
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
CLIENTS="${1:-19000}"
SECONDS_PER_RUN="${2:-30}"
RATES="${CHAT_RATES:-10 100}"
FANOUT=()
if [ -n "${CHAT_FANOUT_INTERVAL:-}" ]; then FANOUT=(--chat-fanout-interval "$CHAT_FANOUT_INTERVAL"); fi
(cd bench/node && npm ci --no-audit --no-fund >/dev/null)
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u +%F), ulimit -n $(ulimit -n)"

data=$(mktemp -d)
STREAMCAT_ACCESS_KEY_ID=SCAKBENCHBENCHBENCH1 STREAMCAT_SECRET_ACCESS_KEY=bench-secret-bench-secret \
  taskset -c 0 "$JAVA" -XX:NativeMemoryTracking=summary -jar server/target/streamcat.jar serve --data-dir "$data" \
  --bind-host 127.0.0.1 --public-host 127.0.0.1 "${FANOUT[@]}" > "$data.log" 2>&1 &
pid=$!
for _ in $(seq 1 60); do curl -sf http://127.0.0.1:8081/healthz >/dev/null && break; sleep 1; done
for rate in $RATES; do
  echo "== StreamCat chat gateway, $CLIENTS clients, $rate msg/s, fan-out interval ${CHAT_FANOUT_INTERVAL:-default} ms"
  taskset -c 1 "$JAVA" -cp bench/target/streamcat-bench.jar dev.streamcat.bench.chat.ChatLoad --mode=ivs \
    --endpoint=http://127.0.0.1:8081 --chat-url=ws://127.0.0.1:8081 --access-key=SCAKBENCHBENCHBENCH1 \
    --secret=bench-secret-bench-secret --region=us-east-1 --clients="$CLIENTS" --senders=10 --rate="$rate" \
    --seconds="$SECONDS_PER_RUN" --server-pid="$pid" --jvm-memory=true
done
kill "$pid"; wait "$pid" 2>/dev/null || true
[ "${SKIP_NODE:-0}" = 1 ] && exit 0

taskset -c 0 node bench/node/ws-broadcast.mjs 9090 > "$data-ws.log" 2>&1 &
pid=$!
sleep 1
for rate in $RATES; do
  echo "== Node ws broadcast server, $CLIENTS clients, $rate msg/s"
  taskset -c 1 "$JAVA" -cp bench/target/streamcat-bench.jar dev.streamcat.bench.chat.ChatLoad --mode=plain \
    --chat-url=ws://127.0.0.1:9090 --clients="$CLIENTS" --senders=10 --rate="$rate" --seconds="$SECONDS_PER_RUN" \
    --server-pid="$pid"
done
kill "$pid"; wait "$pid" 2>/dev/null || true
