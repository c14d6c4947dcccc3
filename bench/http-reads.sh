#!/usr/bin/env bash
# Reads over HTTP of one 200,000-seat event while it sells: the web frontend (embedded default, or its
# co-hosted silo on PostgreSQL), wrk on /healthz (the floor), /api/v1/view and the seat map, each
# as is and with Accept-Encoding: br, the section overview, one section in its compact form, and that
# section polled by change (each answer's version the next `since`, bench/http-section-poll.lua), while a second wrk reserves seats of the same event all along
# (16 connections taking turns over 160 fans of up to 1,000 tickets each, holds of 6 s in sections S1 and S2). Reports req/s, latency percentiles, bytes per poll and the
# frontend's CPU seconds per 1,000 requests. Goal: view >= 90% of /healthz, >= 25,000 req/s.
#
# Usage: bench/http-reads.sh [--storage Memory|Postgres] [--postgres "<npgsql connection string>"]
#                            [--duration 8s]
# With --storage Postgres and no --postgres, a throwaway PostgreSQL (initdb in a temp folder, as the
# postgres user when root, free port) is started, migrated with `Silo -- migrate`, and removed after.
set -euo pipefail
cd "$(dirname "$0")/.."

STORAGE=Memory
POSTGRES=""
DURATION=8s
FANS=160
SEATS=200000
while [ $# -gt 0 ]; do
  case "$1" in
    --storage) STORAGE=$2; shift 2 ;;
    --postgres) POSTGRES=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done
case "$STORAGE" in Memory|Postgres) ;; *) echo "--storage is Memory or Postgres, not '$STORAGE'" >&2; exit 2 ;; esac

for tool in wrk jq curl python3; do
  if ! command -v "$tool" >/dev/null; then
    [ "$tool" = python3 ] && { echo "python3 is needed (free ports)" >&2; exit 1; }
    apt-get update -qq && apt-get install -y -qq "$tool" >/dev/null
  fi
done

WORK=$(mktemp -d /tmp/http-reads.XXXXXX)
chmod 755 "$WORK"
FRONTEND_PID=""
PG_DATA=""
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  # Only what this script started: the frontend's process group and the throwaway server.
  if [ -n "$FRONTEND_PID" ]; then kill -- "-$FRONTEND_PID" 2>/dev/null || true; wait "$FRONTEND_PID" 2>/dev/null || true; fi
  if [ -n "$PG_DATA" ]; then as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w stop >/dev/null 2>&1 || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

echo "building WebFrontend (Release)..." >&2
dotnet build -c Release WebFrontend -v q -nologo >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }

ENVIRONMENT=(
  "Admin__Email=admin@bench.local"
  "Admin__Password=bench-admin-password"
  "RateLimits__Enabled=false"
  "Booking__HoldDuration=00:00:06"
  "Orleans__SiloPort=$(free_port)"
  "Orleans__GatewayPort=$(free_port)"
  "Orleans__ClusterId=http-reads-$$"
  "Logging__LogLevel__Default=Warning"
)
if [ "$STORAGE" = Postgres ]; then
  if [ -z "$POSTGRES" ]; then
    [ -x "$PG_BIN/pg_ctl" ] || { echo "no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install -y postgresql)" >&2; exit 1; }
    PG_PORT=$(free_port)
    mkdir "$WORK/pg"
    [ "$(id -u)" = 0 ] && chown postgres: "$WORK/pg"
    PG_DATA="$WORK/pg/data"
    as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 --locale=C --no-sync >/dev/null
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$WORK/pg/server.log" -w -t 60 \
      -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $WORK/pg -c max_connections=200" start >/dev/null
    psql -q "host=127.0.0.1 port=$PG_PORT user=postgres dbname=postgres" -c "CREATE DATABASE ticketmaster" >/dev/null
    POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=ticketmaster"
    echo "throwaway PostgreSQL ($PG_BIN) on port $PG_PORT" >&2
  fi
  dotnet run -c Release --no-build --project Silo -- migrate "--ConnectionStrings:Postgres=$POSTGRES" >&2
  ENVIRONMENT+=(
    "Orleans__Storage=Postgres"
    "ConnectionStrings__Postgres=$POSTGRES"
    # Outside the embedded default the frontend needs both signing keys: 32 random bytes each.
    "Jwt__SigningKey=$(head -c 32 /dev/urandom | base64)"
    "WaitingRoom__SigningKey=$(head -c 32 /dev/urandom | base64)"
  )
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
token() { post /api/v1/auth/token "$(jq -nc --arg e "$1" --arg p "$2" '{email: $e, password: $p}')" | jq -r .accessToken; }

ADMIN=$(token admin@bench.local bench-admin-password)
SECTIONS=$((SEATS / 10000))
VENUE=$(post /api/v1/venues "$(jq -nc --argjson n "$SECTIONS" \
  '{name: "Bench Arena", city: "Berlin", address: "1 Bench Street",
    sections: [range(1; $n + 1) | {sectionId: "S\(.)", name: "Section \(.)", rows: 100, seatsPerRow: 100}]}')" "$ADMIN" | jq -r .venueId)
EVENT=$(post /api/v1/events "$(jq -nc --arg v "$VENUE" --argjson n "$SECTIONS" --arg at "$(date -u -d '+90 days' +%Y-%m-%dT%H:%M:%SZ)" \
  '{name: "HTTP Reads Bench", description: "bench", category: "concert", startsAt: $at, venueId: $v, performerIds: [],
    maxTicketsPerFan: 1000, prices: [range(1; $n + 1) | {sectionId: "S\(.)", price: 80, currency: "EUR"}]}')" "$ADMIN" | jq -r .eventId)
echo "event $EVENT: $SEATS seats in $SECTIONS sections of 100 x 100" >&2

echo "registering $FANS fans..." >&2
export BASE
register() {
  local credentials="\"email\":\"fan$1@bench.example.com\",\"password\":\"fan-password-$1\""
  curl -sS -f -X POST "$BASE/api/v1/auth/register" -H 'Content-Type: application/json' \
    -d "{$credentials,\"displayName\":\"Fan $1\"}" >/dev/null || return 1
  curl -sS -f -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' -d "{$credentials}" | jq -r .accessToken
}
export -f register
seq 1 "$FANS" | xargs -P 8 -I{} bash -c 'register {}' >"$WORK/tokens" || { echo "registering fans failed" >&2; exit 1; }

APP_PID=$(pgrep -P "$FRONTEND_PID" -f WebFrontend | head -1)
[ -n "$APP_PID" ] || { echo "the frontend process was not found" >&2; exit 1; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$APP_PID/stat"; }
TICKS=$(getconf CLK_TCK)

sale() { # duration from to: reserve seats of the event, one 2-seat hold a request, all along a read run
  EVENT_ID=$EVENT THREADS=1 TOKENS_FILE="$WORK/tokens" SEAT_FROM=$2 SEAT_TO=$3 SEATS_PER_REQUEST=2 \
    wrk -t1 -c16 -d"$1" --timeout 10s -s bench/http-reserve.lua "$BASE" >"$WORK/sale.txt" 2>&1 || true
}
bytes() { # path accept-encoding
  curl -sS -o /dev/null -w '%{size_download}' ${2:+-H "Accept-Encoding: $2"} "$BASE$1"
}
# Every run's sale is in sections S1 and S2 (seats 0-19,999), whose holds expire after 6 s and come back:
# a sale that goes on however long the runs take, changing the section S1 that the section runs poll.
read_run() { # label path connections accept-encoding [wrk script]
  local before after
  sale "$DURATION" 0 20000 &
  local sale_pid=$!
  before=$(cpu_ticks)
  EVENT_ID=$EVENT SECTION_ID=S1 wrk -t2 -c"$3" -d"$DURATION" --timeout 10s --latency ${4:+-H "Accept-Encoding: $4"} ${5:+-s "$5"} \
    "$BASE$2" >"$WORK/$1.txt" 2>&1 || true
  after=$(cpu_ticks)
  wait "$sale_pid"
  python3 - "$1" "$WORK/$1.txt" "$WORK/sale.txt" "$((after - before))" "$TICKS" "$(bytes "$2" "${4:-}")" <<'PY'
import re, sys
label, path, sale_path, ticks, hz, size = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
text = open(path).read()
rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
total = int(re.search(r"(\d+) requests in", text).group(1))
pct = {p: v for p, v in re.findall(r"^\s+(50|90|99)%\s+(\S+)", text, re.M)}
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
sale = re.search(r"ok_per_s=([\d.]+)", open(sale_path).read())
mean = re.search(r"mean_bytes=(\d+)", text)
if mean: size = f"{int(mean.group(1)):,} mean, headers included"
cpu = ticks / hz
print(f"| {label} | {rate:,.0f} | {pct.get('50')} / {pct.get('90')} / {pct.get('99')} | {size} | {1000 * cpu / max(total, 1):.3f} | {bad.group(1) if bad else 0} | {sale.group(1) if sale else '?'} |")
PY
}

# Warm-up: JIT, connections, the first copies.
wrk -t2 -c16 -d3s "$BASE/api/v1/view?event_id=$EVENT" >/dev/null 2>&1 || true
wrk -t2 -c16 -d3s -H 'Accept-Encoding: br' "$BASE/api/v1/view?event_id=$EVENT" >/dev/null 2>&1 || true
echo
echo "| run ($DURATION each, a sale on the same event throughout) | req/s | latency p50 / p90 / p99 | bytes a poll | frontend CPU s per 1,000 | non-2xx | holds/s of the sale |"
echo "|---|---|---|---|---|---|---|"
read_run "/healthz, 64 connections" /healthz 64
read_run "view, 64 connections" "/api/v1/view?event_id=$EVENT" 64
read_run "view br, 64 connections" "/api/v1/view?event_id=$EVENT" 64 br
read_run "view gzip, 64 connections" "/api/v1/view?event_id=$EVENT" 64 gzip
read_run "/healthz again, 64 connections" /healthz 64
read_run "section overview, 64 connections" "/api/v1/events/$EVENT/sections" 64
read_run "section overview br, 64 connections" "/api/v1/events/$EVENT/sections" 64 br
read_run "section S1 compact, 64 connections" "/api/v1/events/$EVENT/sections/S1/seats" 64
read_run "section S1 compact br, 64 connections" "/api/v1/events/$EVENT/sections/S1/seats" 64 br
read_run "section S1 polled by change since each answer, 64 connections" "/api/v1/events/$EVENT/sections/S1/seats" 64 "" bench/http-section-poll.lua
read_run "section S1 seats, 16 connections" "/api/v1/events/$EVENT/seats?section=S1" 16
read_run "section S1 seats br, 16 connections" "/api/v1/events/$EVENT/seats?section=S1" 16 br
read_run "all 200,000 seats, 4 connections" "/api/v1/events/$EVENT/seats" 4
read_run "all 200,000 seats br, 4 connections" "/api/v1/events/$EVENT/seats" 4 br
read_run "all 200,000 seats gzip, 4 connections" "/api/v1/events/$EVENT/seats" 4 gzip
