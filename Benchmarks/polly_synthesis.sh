#!/usr/bin/env bash
# Polly SynthesizeSpeech throughput and real-time factor for a 200-character text, beside the anchor measured
# in the same run: the espeak-ng command line synthesizing the same text with the same voice (one process per
# request, which is what a naive integration does).
#
#   Benchmarks/polly_synthesis.sh [requests=40] [concurrency=4]
#
# Needs the release build (make build-release), wrk, espeak-ng (Scripts/setup installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
REQUESTS=${1:-40}
CONCURRENCY=${2:-4}
BIN=.build/release/sibyl
[ -x "$BIN" ] || { echo "build first: make build-release" >&2; exit 1; }
TEXT="Sibyl answers the Polly API with real speech from eSpeak NG. This sentence is here to make the text about two hundred characters long, as a typical notification, reminder or chatbot reply would be in practice."
TEXT=${TEXT:0:200}
VOICE=en-us+f3   # what Joanna is mapped to

WORK=$(mktemp -d)
cleanup() { kill "$SERVER" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
start_server() {  # synthesizer processes -> sets PORT and SERVER
  PORT=$(free_port)
  SIBYL_SYNTHESIS_WORKERS=$1 "$BIN" serve --port "$PORT" --data-dir "$WORK/data-$1" --log-level warning \
    > "$WORK/sibyl-$1.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$PORT/health" && break; sleep 0.1; done
}
start_server 1
BODY=$(python3 -c 'import json,sys; print(json.dumps({"Text": sys.argv[1], "VoiceId": "Joanna", "OutputFormat": "pcm", "SampleRate": "16000"}))' "$TEXT")

# Seconds of audio in one response (16-bit mono at 16 kHz).
BYTES=$(curl -s -X POST --data "$BODY" "http://127.0.0.1:$PORT/v1/polly/SynthesizeSpeech" | wc -c)
AUDIO_SECONDS=$(python3 -c "print($BYTES / 2 / 16000)")

sibyl_run() {  # concurrency -> seconds for REQUESTS requests
  python3 - "$1" "$REQUESTS" "http://127.0.0.1:$PORT/v1/polly/SynthesizeSpeech" "$BODY" <<'PY'
import concurrent.futures, sys, time, urllib.request
workers, count, url, body = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4].encode()
def one(_):
    with urllib.request.urlopen(urllib.request.Request(url, data=body, method="POST")) as response:
        assert len(response.read()) > 1000
start = time.perf_counter()
with concurrent.futures.ThreadPoolExecutor(workers) as pool:
    list(pool.map(one, range(count)))
print(time.perf_counter() - start)
PY
}

cli_run() {  # concurrency -> seconds for REQUESTS command-line runs (each writes a WAV file)
  local start end
  start=$(date +%s.%N)
  seq "$REQUESTS" | xargs -P "$1" -I{} espeak-ng -v "$VOICE" -w "$WORK/cli-{}.wav" "$TEXT"
  end=$(date +%s.%N)
  python3 -c "print($end - $start)"
}

row() {  # name seconds-at-1 seconds-at-N
  python3 -c "
requests, audio = $REQUESTS, $AUDIO_SECONDS
one, many = $2, $3
print(f'| {\"$1\":<44} | {requests/one:8.1f} | {requests/many:8.1f} | {one/requests/audio:8.3f} |')"
}

echo "${#TEXT}-character text, ${AUDIO_SECONDS}s of audio; $REQUESTS requests; $(nproc) cores shared by client and server."
echo
echo "| route                                        | req/s c=1 | req/s c=$CONCURRENCY | RTF (c=1) |"
echo "|----------------------------------------------|----------|----------|----------|"
row "Sibyl, in-process synthesizer (default)" "$(sibyl_run 1)" "$(sibyl_run "$CONCURRENCY")"
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
WORKERS=$(nproc)
start_server "$WORKERS"
row "Sibyl, $WORKERS synthesizer processes" "$(sibyl_run 1)" "$(sibyl_run "$CONCURRENCY")"
row "anchor: espeak-ng command line (wav 22 kHz)" "$(cli_run 1)" "$(cli_run "$CONCURRENCY")"
echo
echo "Sibyl rows: SynthesizeSpeech to pcm 16 kHz through the native route."
echo "RTF: wall time per request divided by the audio's duration (lower is faster)."
