#!/usr/bin/env bash
# Entry scanning over HTTP for one event: the web frontend (embedded default: co-hosted silo, memory
# storage), an event with a 100,000-place standing section, --tickets tickets bought by 100 fans
# (10 a booking, at most 1,000 a fan), then wrk -t2 -c64 POST /api/v1/events/{id}/scan as an admin,
# every request a different code (each one admitted, until a wrk thread runs out of codes).
# Goal (issue 28): >= 5,000 scans/s, p99 <= 20 ms.
#
# Usage: bench/http-scan.sh [--duration 8s] [--tickets 100000] [--postgres "<npgsql connection string>"]
# With --postgres the silo journals to that (empty or earlier migrated) database, migrated first with
# `Silo -- migrate`; bench/http-reserve.sh --storage Postgres shows how to start a throwaway server.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=8s
POSTGRES=""
TICKETS=100000
BUYERS=100
CONNECTIONS=64
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) DURATION=$2; shift 2 ;;
    --tickets) TICKETS=$2; shift 2 ;;
    --postgres) POSTGRES=$2; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done
case "$TICKETS" in ''|*[!0-9]*) echo "--tickets is a count" >&2; exit 2 ;; esac
if [ "$TICKETS" -gt 100000 ] || [ "$TICKETS" -lt 1000 ]; then echo "--tickets is 1,000 to 100,000" >&2; exit 2; fi

for tool in wrk jq curl python3; do
  if ! command -v "$tool" >/dev/null; then
    [ "$tool" = python3 ] && { echo "python3 is needed (free ports, buying the tickets)" >&2; exit 1; }
    apt-get update -qq && apt-get install -y -qq "$tool" >/dev/null
  fi
done

WORK=$(mktemp -d /tmp/http-scan.XXXXXX)
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

ENVIRONMENT=(
  "Admin__Email=admin@bench.local" "Admin__Password=bench-admin-password" "RateLimits__Enabled=false"
  "Orleans__SiloPort=$(free_port)" "Orleans__GatewayPort=$(free_port)" "Orleans__ClusterId=http-scan-$$"
  "Logging__LogLevel__Default=Warning" "Demo__Events=0"
)
STORAGE=Memory
if [ -n "$POSTGRES" ]; then
  STORAGE=Postgres
  dotnet build -c Release Silo -v q -nologo >"$WORK/build-silo.log" 2>&1 || { cat "$WORK/build-silo.log"; exit 1; }
  dotnet run -c Release --no-build --project Silo -- migrate "--ConnectionStrings:Postgres=$POSTGRES" >&2
  # Outside the embedded default the frontend needs both signing keys: 32 random bytes each.
  ENVIRONMENT+=("Orleans__Storage=Postgres" "ConnectionStrings__Postgres=$POSTGRES"
    "Jwt__SigningKey=$(head -c 32 /dev/urandom | base64)" "WaitingRoom__SigningKey=$(head -c 32 /dev/urandom | base64)")
fi

PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
echo "starting WebFrontend ($STORAGE) on $BASE..." >&2
# setsid: its own process group, so cleanup stops dotnet run and the app it started, nothing else.
env "${ENVIRONMENT[@]}" setsid dotnet run -c Release --no-build --project WebFrontend -- --urls "$BASE" >"$WORK/frontend.log" 2>&1 &
FRONTEND_PID=$!
for _ in $(seq 1 180); do
  curl -sf "$BASE/readyz" >/dev/null 2>&1 && break
  kill -0 "$FRONTEND_PID" 2>/dev/null || { cat "$WORK/frontend.log"; exit 1; }
  sleep 1
done
curl -sf "$BASE/readyz" >/dev/null || { echo "frontend not ready after 180 s" >&2; tail -50 "$WORK/frontend.log"; exit 1; }

post() { # path body [token]
  curl -sS -f -X POST "$BASE$1" -H 'Content-Type: application/json' ${3:+-H "Authorization: Bearer $3"} -d "$2"
}
ADMIN=$(post /api/v1/auth/token '{"email":"admin@bench.local","password":"bench-admin-password"}' | jq -r .accessToken)
VENUE=$(post /api/v1/venues '{"name":"Scan Arena","city":"Berlin","address":"1 Gate Street","sections":[{"sectionId":"GA","name":"Standing","capacity":100000}]}' "$ADMIN" | jq -r .venueId)
EVENT=$(post /api/v1/events "$(jq -nc --arg v "$VENUE" --arg at "$(date -u -d '+90 days' +%Y-%m-%dT%H:%M:%SZ)" \
  '{name: "HTTP Scan Bench", description: "bench", category: "concert", startsAt: $at, venueId: $v, performerIds: [],
    prices: [{sectionId: "GA", price: 40, currency: "EUR"}], maxTicketsPerFan: 1000}')" "$ADMIN" | jq -r .eventId)

echo "buying $TICKETS tickets for $BUYERS fans (10 a booking)..." >&2
FILL_START=$(date +%s)
python3 - "$BASE" "$EVENT" "$TICKETS" "$BUYERS" >"$WORK/codes" <<'PY'
import http.client, json, sys, threading, urllib.parse, uuid
base, event, tickets, fans = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
host = urllib.parse.urlparse(base)
lock, codes = threading.Lock(), []

def call(conn, path, body, token=None, key=None):
    headers = {"Content-Type": "application/json"}
    if token: headers["Authorization"] = "Bearer " + token
    if key: headers["Idempotency-Key"] = key
    conn.request("POST", path, json.dumps(body), headers)
    answer = conn.getresponse()
    data = answer.read()
    if answer.status >= 300: raise RuntimeError(f"{path}: {answer.status} {data[:300]!r}")
    return json.loads(data)

def fan(index, bookings):
    conn = http.client.HTTPConnection(host.hostname, host.port)
    email, password = f"fan{index}@scan.example.com", f"fan-password-{index}"
    call(conn, "/api/v1/auth/register", {"email": email, "password": password, "displayName": f"Fan {index}"})
    token = call(conn, "/api/v1/auth/token", {"email": email, "password": password})["accessToken"]
    for _ in range(bookings):
        hold = call(conn, "/api/v1/reserve", {"eventId": event, "sectionId": "GA", "quantity": 10}, token)
        booked = call(conn, "/api/v1/book", {"reservationId": hold["reservationId"], "payment": {"token": "tok_visa"}}, token, str(uuid.uuid4()))
        with lock: codes.extend(t["code"] for t in booked["tickets"])

per_fan = -(-tickets // 10 // fans)
threads = [threading.Thread(target=fan, args=(i, per_fan)) for i in range(fans)]
for t in threads: t.start()
for t in threads: t.join()
print("\n".join(codes))
PY
BOUGHT=$(wc -l <"$WORK/codes")
echo "bought $BOUGHT tickets in $(( $(date +%s) - FILL_START )) s" >&2
[ "$BOUGHT" -ge 1000 ] || { echo "buying the tickets failed" >&2; tail -20 "$WORK/frontend.log"; exit 1; }

wrk_run() { # label codes_file duration
  EVENT_ID=$EVENT THREADS=2 TOKEN=$ADMIN CODES_FILE=$2 \
    wrk -t2 -c"$CONNECTIONS" -d"$3" --timeout 10s -s bench/http-scan.lua "$BASE" >"$WORK/$1.txt" 2>&1 || true
  grep '^RESULT' "$WORK/$1.txt" | sed "s/^RESULT/$1:/" || { echo "wrk ($1) gave no result:" >&2; cat "$WORK/$1.txt" >&2; exit 1; }
}
value() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"; }

# Warm-up (JIT, connections, the grain's index of codes) on the first 5,000 codes; the run on the rest.
head -n 5000 "$WORK/codes" >"$WORK/warm-codes"
tail -n +5001 "$WORK/codes" >"$WORK/run-codes"
wrk_run warm-up "$WORK/warm-codes" 3s >/dev/null
RUN=$(wrk_run scan "$WORK/run-codes" "$DURATION")
echo "$RUN"
echo
echo "| storage | tickets | scans/s (2xx) | p50 ms | p99 ms | max ms | non-2xx (codes scanned again once a thread ran out) |"
echo "|---|---|---|---|---|---|---|"
echo "| $STORAGE | $BOUGHT | $(value "$RUN" ok_per_s) | $(value "$RUN" p50_ms) | $(value "$RUN" p99_ms) | $(value "$RUN" max_ms) | $(value "$RUN" non2xx) |"
