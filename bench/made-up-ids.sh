#!/usr/bin/env bash
# Memory under ids nobody created: the web frontend (embedded default, Memory storage, no demo
# catalog, rate limits off) answers --requests GETs of random performer, venue, event and seat-map
# ids (404 each); the process's resident memory is read before, right after, and once the silo
# has had --settle seconds. Unknown ids must leave no grain activations behind, so memory stays flat.
#
# Usage: bench/made-up-ids.sh [--requests 100000] [--settle 20]
set -euo pipefail
cd "$(dirname "$0")/.."

REQUESTS=100000
SETTLE=20
while [ $# -gt 0 ]; do
  case "$1" in
    --requests) REQUESTS=$2; shift 2 ;;
    --settle) SETTLE=$2; shift 2 ;;
    -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
dotnet build WebFrontend -c Release -v q -nologo >/dev/null
ASPNETCORE_URLS="http://127.0.0.1:$PORT" Demo__Events=0 RateLimits__Enabled=false Logging__LogLevel__Default=Warning \
  setsid dotnet WebFrontend/bin/Release/net10.0/WebFrontend.dll >/tmp/made-up-ids.log 2>&1 &
PID=$!
trap 'kill -- -$PID 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.5; done
rss() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$PID/status"; }

# Warm up with the same kind of traffic, so the JIT and pools are not counted as growth.
wrk -t2 -c32 -d5s -s bench/made-up-ids.lua "http://127.0.0.1:$PORT" >/dev/null
sleep "$SETTLE"
before=$(rss)
start=$(date +%s.%N)
# wrk runs for a time, not a count: rounds of 5 s until the requests add up.
sent=0
while [ "$sent" -lt "$REQUESTS" ]; do
  n=$(wrk -t2 -c32 -d5s -s bench/made-up-ids.lua "http://127.0.0.1:$PORT" | awk '/requests in/ { print $1 }')
  sent=$((sent + n))
done
after=$(rss)
sleep "$SETTLE"
settled=$(rss)
echo "made-up ids: $sent requests in $(python3 -c "print(f'{$(date +%s.%N) - $start - $SETTLE:.1f}')") s; RSS ${before} MB before, ${after} MB right after, ${settled} MB after ${SETTLE} s"
