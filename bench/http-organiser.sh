#!/usr/bin/env bash
# The organiser's reads over HTTP (embedded default, memory storage): the sales report of a sold-out
# 200,000-seat event (JSON), and a page of the organiser lists with 10,000 events in the catalog.
# Sells the event out first (20,000 bookings of 10 seats by 200 fans), creates the events, then wrk
# on each read. Goals (issue 27): report <= 50 ms, lists <= 20 ms.
#
# Usage: bench/http-organiser.sh [--duration 8s] [--events 10000]
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=8s
EVENTS=10000
FANS=200
SEATS=200000
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) DURATION=$2; shift 2 ;;
    --events) EVENTS=$2; shift 2 ;;
    -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done
for tool in wrk jq curl python3; do
  command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 1; }
done

WORK=$(mktemp -d /tmp/http-organiser.XXXXXX)
FRONTEND_PID=""
cleanup() {
  # Only what this script started: the frontend's process group.
  if [ -n "$FRONTEND_PID" ]; then kill -- "-$FRONTEND_PID" 2>/dev/null || true; wait "$FRONTEND_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

echo "building WebFrontend (Release)..." >&2
dotnet build -c Release WebFrontend -v q -nologo >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }

PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
echo "starting WebFrontend on $BASE..." >&2
env "Admin__Email=admin@bench.local" "Admin__Password=bench-admin-password" "RateLimits__Enabled=false" \
  "Booking__HoldDuration=02:00:00" "Demo__Events=0" "Orleans__SiloPort=$(free_port)" "Orleans__GatewayPort=$(free_port)" \
  "Orleans__ClusterId=http-organiser-$$" "Logging__LogLevel__Default=Warning" \
  setsid dotnet run -c Release --no-build --project WebFrontend -- --urls "$BASE" >"$WORK/frontend.log" 2>&1 &
FRONTEND_PID=$!
for _ in $(seq 1 180); do
  curl -sf "$BASE/readyz" >/dev/null 2>&1 && break
  kill -0 "$FRONTEND_PID" 2>/dev/null || { cat "$WORK/frontend.log"; exit 1; }
  sleep 1
done

post() { # path body [token]
  curl -sS -f -X POST "$BASE$1" -H 'Content-Type: application/json' ${3:+-H "Authorization: Bearer $3"} -d "$2"
}
token() { post /api/v1/auth/token "$(jq -nc --arg e "$1" --arg p "$2" '{email: $e, password: $p}')" | jq -r .accessToken; }

ADMIN=$(token admin@bench.local bench-admin-password)
SECTIONS=$((SEATS / 10000))
VENUE=$(post /api/v1/venues "$(jq -nc --argjson n "$SECTIONS" \
  '{name: "Bench Arena", city: "Berlin", address: "1 Bench Street",
    sections: [range(1; $n + 1) | {sectionId: "S\(.)", name: "Section \(.)", rows: 100, seatsPerRow: 100}]}')" "$ADMIN" | jq -r .venueId)
STARTS=$(date -u -d '+90 days' +%Y-%m-%dT%H:%M:%SZ)
EVENT=$(post /api/v1/events "$(jq -nc --arg v "$VENUE" --argjson n "$SECTIONS" --arg at "$STARTS" \
  '{name: "Sales Report Bench", description: "bench", category: "concert", startsAt: $at, venueId: $v, performerIds: [],
    maxTicketsPerFan: 1000, prices: [range(1; $n + 1) | {sectionId: "S\(.)", price: 80, currency: "EUR"}]}')" "$ADMIN" | jq -r .eventId)

echo "registering $FANS fans..." >&2
export BASE
register() {
  local credentials="\"email\":\"fan$1@bench.example.com\",\"password\":\"fan-password-$1\""
  curl -sS -f -X POST "$BASE/api/v1/auth/register" -H 'Content-Type: application/json' \
    -d "{$credentials,\"displayName\":\"Fan $1\"}" >/dev/null || return 1
  curl -sS -f -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' -d "{$credentials}" | jq -r .accessToken
}
export -f register
seq 1 "$FANS" | xargs -P 8 -I{} bash -c 'register {}' >"$WORK/tokens"

echo "selling out $SEATS seats and creating $EVENTS events..." >&2
python3 - "$BASE" "$EVENT" "$WORK/tokens" "$SEATS" "$ADMIN" "$VENUE" "$EVENTS" "$STARTS" <<'PY'
import http.client, json, sys, time, uuid
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlparse
base, event, tokens_file, seats, admin, venue, events, starts = sys.argv[1:9]
tokens = [t.strip() for t in open(tokens_file) if t.strip()]
host = urlparse(base)
def call(conn, method, path, body, token, extra=None):
    headers = {"Content-Type": "application/json", "Authorization": "Bearer " + token, **(extra or {})}
    conn.request(method, path, json.dumps(body), headers)
    r = conn.getresponse(); data = r.read()
    if r.status >= 300: raise RuntimeError(f"{path}: {r.status} {data[:200]}")
    return json.loads(data)
def seat(k): return f"S{k // 10000 + 1}-{(k % 10000) // 100 + 1}-{k % 100 + 1}"
def sell(worker):
    conn = http.client.HTTPConnection(host.hostname, host.port)
    for k in range(worker, int(seats) // 10, 16):
        held = call(conn, "POST", "/api/v1/reserve", {"eventId": event, "seats": [seat(k * 10 + i) for i in range(10)]}, tokens[k % len(tokens)])
        call(conn, "POST", "/api/v1/book", {"reservationId": held["reservationId"], "payment": {"token": "tok_visa"}}, tokens[k % len(tokens)], {"Idempotency-Key": str(uuid.uuid4())})
def create(worker):
    conn = http.client.HTTPConnection(host.hostname, host.port)
    for i in range(worker, int(events), 16):
        call(conn, "POST", "/api/v1/events", {"name": f"List bench {i}", "description": "", "category": "concert", "startsAt": starts, "venueId": venue,
             "performerIds": [], "prices": [{"sectionId": f"S{s}", "price": 80, "currency": "EUR"} for s in range(1, 21)]}, admin)
t = time.time()
with ThreadPoolExecutor(16) as pool: list(pool.map(sell, range(16)))
print(f"sold out in {time.time() - t:.1f} s", file=sys.stderr)
t = time.time()
with ThreadPoolExecutor(16) as pool: list(pool.map(create, range(16)))
print(f"{events} events created in {time.time() - t:.1f} s", file=sys.stderr)
PY

curl -sS -H "Authorization: Bearer $ADMIN" "$BASE/api/v1/events/$EVENT/sales" | jq -c '.totals' >&2
run() { # label path connections
  wrk -t"$(( $3 < 2 ? 1 : 2 ))" -c"$3" -d"$DURATION" --timeout 10s --latency -H "Authorization: Bearer $ADMIN" "$BASE$2" >"$WORK/run.txt" 2>&1 || true
  python3 - "$1" "$WORK/run.txt" "$(curl -sS -o /dev/null -w '%{size_download}' -H "Authorization: Bearer $ADMIN" "$BASE$2")" <<'PY'
import re, sys
label, path, size = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(path).read()
if "Requests/sec" not in text: sys.exit(f"wrk failed: {text}")
rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
pct = {p: v for p, v in re.findall(r"^\s+(50|90|99)%\s+(\S+)", text, re.M)}
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
print(f"| {label} | {rate:,.0f} | {pct.get('50')} / {pct.get('90')} / {pct.get('99')} | {size} | {bad.group(1) if bad else 0} |")
PY
}
wrk -t1 -c1 -d2s -H "Authorization: Bearer $ADMIN" "$BASE/api/v1/events/$EVENT/sales" >/dev/null 2>&1 || true
echo
echo "| run ($DURATION each) | req/s | latency p50 / p90 / p99 | bytes | non-2xx |"
echo "|---|---|---|---|---|"
run "sales report, sold-out 200,000 seats, 1 connection" "/api/v1/events/$EVENT/sales" 1
run "sales report, sold-out 200,000 seats, 8 connections" "/api/v1/events/$EVENT/sales" 8
run "organiser events, first page of 50 of $((EVENTS + 1)), 1 connection" "/api/v1/organiser/events" 1
run "organiser events, page of 200 at 9,000, 8 connections" "/api/v1/organiser/events?limit=200&cursor=9000" 8
