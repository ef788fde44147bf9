#!/usr/bin/env bash
# Gateway overhead under concurrent load on loopback: requests/s and p50/p99 latency of a no-op operation
# (Sibyl's diagnostics Ping) on the native route and the awsJson1.1 route, beside the anchor measured in the
# same run: moto's server (the usual AWS emulator) answering a trivial awsJson1.1 call
# (Comprehend ListEntityRecognizers on an empty account).
#
#   Benchmarks/gateway_load.sh [seconds=10] [connections=16]
#
# Needs the release build (make build-release), wrk and moto_server (Scripts/setup installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-10}
CONNECTIONS=${2:-16}
BIN=.build/release/sibyl
[ -x "$BIN" ] || { echo "build first: make build-release" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is missing: run Scripts/setup" >&2; exit 1; }
command -v moto_server >/dev/null || python3 -m pip install --quiet "moto[server]"

WORK=$(mktemp -d)
cleanup() { kill "${PIDS[@]}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$WORK"; }
PIDS=()
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

SIBYL_PORT=$(free_port)
"$BIN" serve --port "$SIBYL_PORT" --data-dir "$WORK/data" --log-level warning > "$WORK/sibyl.log" 2>&1 &
PIDS+=($!)
MOTO_PORT=$(free_port)
moto_server -p "$MOTO_PORT" > "$WORK/moto.log" 2>&1 &
PIDS+=($!)
for port in "$SIBYL_PORT" "$MOTO_PORT"; do
  for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
done

lua() {  # wrk script: POST with the given target header (empty for the native route)
  cat > "$WORK/$1.lua" <<LUA
wrk.method = "POST"
wrk.body = "{}"
wrk.headers["Content-Type"] = "application/x-amz-json-1.1"
wrk.headers["Authorization"] = "AWS4-HMAC-SHA256 Credential=test/20261124/us-east-1/$3/aws4_request, SignedHeaders=host, Signature=00"
$( [ -n "$2" ] && echo "wrk.headers[\"X-Amz-Target\"] = \"$2\"" )
LUA
}
lua native "" sibyl
lua awsjson "SibylDiagnostics_20261124.Ping" sibyl
lua moto "Comprehend_20171127.ListEntityRecognizers" comprehend

run() {  # name url script -> one table row
  local out
  curl -sf -o /dev/null -X POST -H "Content-Type: application/x-amz-json-1.1" -d '{}' "$2" || true
  wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$WORK/$3.lua" "$2" > "$WORK/$3.out"
  out="$WORK/$3.out"
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' "$out")
  p50=$(awk '$1 == "50%" {print $2}' "$out")
  p99=$(awk '$1 == "99%" {print $2}' "$out")
  errors=$(awk '/Non-2xx/ {print $NF}' "$out")
  printf "| %-50s | %10s | %8s | %8s | %6s |\n" "$1" "$rps" "$p50" "$p99" "${errors:-0}"
}

echo "Loopback, $CONNECTIONS connections, ${DURATION}s each, wrk 1 thread; $(nproc) cores shared by client and server."
echo
printf "| %-50s | %10s | %8s | %8s | %6s |\n" "route" "requests/s" "p50" "p99" "non-2xx"
echo "|----------------------------------------------------|------------|----------|----------|--------|"
run "Sibyl native POST /v1/sibyl/Ping" "http://127.0.0.1:$SIBYL_PORT/v1/sibyl/Ping" native
run "Sibyl awsJson1.1 Ping" "http://127.0.0.1:$SIBYL_PORT/" awsjson
run "anchor: moto_server awsJson1.1 (Comprehend List)" "http://127.0.0.1:$MOTO_PORT/" moto
