#!/usr/bin/env bash
# Over HTTP on the web frontend (embedded default, or its co-hosted silo on PostgreSQL), two parts:
# - held: the reserve rate on one 200,000-seat event, wrk -t2 -c64 rotating over 256 registered fans
#   (a fan holds at most 1,000 seats), every request a different chosen seat; first on the fresh event, then again once --held seats (default 100,000)
#   are held. Goal (issue 11): the second rate within 1.5x of the first.
# - flow: 32 connections rotating over 256 fans (wrk -t32 -c32, bench/http-flow.lua), each fan
#   reserving 2 best-available seats and then booking them (an Idempotency-Key per booking), on a
#   200,000-seat event of its own; and, in the same run, the same connections only reserving, on
#   another. Goal (issue 25): bookings/s at least 35% of the reserve-only holds/s.
#
# Usage: bench/http-reserve.sh [--storage Memory|Postgres] [--postgres "<npgsql connection string>"]
#                              [--duration 10s] [--held 100000] [--part held|flow|all]
# With --storage Postgres and no --postgres, a throwaway PostgreSQL (initdb in a temp folder, as the
# postgres user when root, free port) is started, migrated with `Silo -- migrate`, and removed after.
set -euo pipefail
cd "$(dirname "$0")/.."

STORAGE=Memory
POSTGRES=""
DURATION=10s
HELD=100000
CONNECTIONS=64
FANS=256
FLOW_CONNECTIONS=32
SEATS=200000
PART=all
while [ $# -gt 0 ]; do
  case "$1" in
    --storage) STORAGE=$2; shift 2 ;;
    --postgres) POSTGRES=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --held) HELD=$2; shift 2 ;;
    --part) PART=$2; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done
case "$STORAGE" in Memory|Postgres) ;; *) echo "--storage is Memory or Postgres, not '$STORAGE'" >&2; exit 2 ;; esac
case "$PART" in held|flow|all) ;; *) echo "--part is held, flow or all, not '$PART'" >&2; exit 2 ;; esac
case "$HELD" in ''|*[!0-9]*) echo "--held is a seat count" >&2; exit 2 ;; esac
if [ "$HELD" -gt $((SEATS / 2)) ]; then echo "--held is at most $((SEATS / 2)): the second run reserves from the other half" >&2; exit 2; fi

for tool in wrk jq curl python3; do
  if ! command -v "$tool" >/dev/null; then
    [ "$tool" = python3 ] && { echo "python3 is needed (free ports)" >&2; exit 1; }
    apt-get update -qq && apt-get install -y -qq "$tool" >/dev/null
  fi
done

WORK=$(mktemp -d /tmp/http-reserve.XXXXXX)
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
if [ "$STORAGE" = Postgres ]; then
  # `Silo -- migrate` below runs it without building.
  dotnet build -c Release Silo -v q -nologo >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
fi

ENVIRONMENT=(
  "Admin__Email=admin@bench.local"
  "Admin__Password=bench-admin-password"
  "RateLimits__Enabled=false"
  # Registering the fans is set-up, not what is measured.
  "Accounts__PasswordHasher__IterationCount=1000"
  # Holds made to fill the event must outlive the run.
  "Booking__HoldDuration=02:00:00"
  "Orleans__SiloPort=$(free_port)"
  "Orleans__GatewayPort=$(free_port)"
  "Orleans__ClusterId=http-reserve-$$"
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
create_event() { # name [maxTicketsPerFan]
  post /api/v1/events "$(jq -nc --arg name "$1" --arg v "$VENUE" --argjson n "$SECTIONS" --argjson max "${2:-8}" \
    --arg at "$(date -u -d '+90 days' +%Y-%m-%dT%H:%M:%SZ)" \
    '{name: $name, description: "bench", category: "concert", startsAt: $at, venueId: $v, performerIds: [], maxTicketsPerFan: $max,
      prices: [range(1; $n + 1) | {sectionId: "S\(.)", price: 80, currency: "EUR"}]}')" "$ADMIN" | jq -r .eventId
}

echo "registering $FANS fans..." >&2
export BASE
register() {
  local credentials="\"email\":\"fan$1@bench.example.com\",\"password\":\"fan-password-$1\""
  local answer
  answer=$(curl -sS -X POST "$BASE/api/v1/auth/register" -H 'Content-Type: application/json' \
    -d "{$credentials,\"displayName\":\"Fan $1\"}" -w ' HTTP%{http_code}')
  case "$answer" in *HTTP201) ;; *) echo "register fan $1: $answer" >&2; return 1 ;; esac
  curl -sS -f -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' -d "{$credentials}" | jq -r .accessToken
}
export -f register
seq 1 "$FANS" | xargs -P 8 -I{} bash -c 'register {}' >"$WORK/tokens" || { echo "registering fans failed" >&2; exit 1; }

held_seats() {
  curl -sS -f "$BASE/api/v1/view?event_id=$EVENT" | jq '[.sections[] | .capacity - .available] | add'
}
wrk_run() { # label threads seat_from seat_to seats_per_request duration
  EVENT_ID=$EVENT THREADS=$2 TOKENS_FILE="$WORK/tokens" SEAT_FROM=$3 SEAT_TO=$4 SEATS_PER_REQUEST=$5 \
    wrk -t"$2" -c"$CONNECTIONS" -d"$6" --timeout 10s -s bench/http-reserve.lua "$BASE" >"$WORK/$1.txt" 2>&1 || true
  grep '^RESULT' "$WORK/$1.txt" | sed "s/^RESULT/$1:/" || { echo "wrk ($1) gave no result:" >&2; cat "$WORK/$1.txt" >&2; exit 1; }
}
value() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"; }

flow_run() { # label event flow(book|reserve) duration
  EVENT_ID=$2 THREADS=$FLOW_CONNECTIONS TOKENS_FILE="$WORK/tokens" SECTIONS=$SECTIONS FLOW=$3 RUN="$1-$$" \
    wrk -t"$FLOW_CONNECTIONS" -c"$FLOW_CONNECTIONS" -d"$4" --timeout 10s -s bench/http-flow.lua "$BASE" >"$WORK/$1.txt" 2>&1 || true
  grep '^RESULT' "$WORK/$1.txt" | sed "s/^RESULT/$1:/" || { echo "wrk ($1) gave no result:" >&2; cat "$WORK/$1.txt" >&2; exit 1; }
}

flow_part() {
  # Each run on a 200,000-seat event of its own, with room for every fan's seats (maxTicketsPerFan 1000).
  echo "full flow: $FLOW_CONNECTIONS connections over $FANS fans; warm-up (full flow, $DURATION), reserve-only, full flow" >&2
  flow_run flow-warm-up "$(create_event "HTTP Flow Warm-up" 1000)" book "$DURATION" >/dev/null
  RESERVE_ONLY=$(flow_run reserve-only "$(create_event "HTTP Reserve-only Bench" 1000)" reserve "$DURATION")
  echo "$RESERVE_ONLY"
  FLOW=$(flow_run full-flow "$(create_event "HTTP Full-flow Bench" 1000)" book "$DURATION")
  echo "$FLOW"
  echo
  echo "| storage | run | holds/s | bookings/s | requests | refused (reserve / book) | socket errors | p50 ms | p99 ms | max ms |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  for run in "reserve only:$RESERVE_ONLY" "reserve, then book:$FLOW"; do
    local line=${run#*:}
    echo "| $STORAGE | ${run%%:*} | $(value "$line" holds_per_s) | $(value "$line" bookings_per_s) | $(value "$line" requests) | $(value "$line" reserves_refused) / $(value "$line" books_refused) | $(value "$line" socket_errors) | $(value "$line" p50_ms) | $(value "$line" p99_ms) | $(value "$line" max_ms) |"
  done
  python3 -c "import sys; b, h = float(sys.argv[1]), float(sys.argv[2]); print(f'bookings/s / reserve-only holds/s = {100 * b / h:.0f}% (goal >= 35%)')" \
    "$(value "$FLOW" bookings_per_s)" "$(value "$RESERVE_ONLY" holds_per_s)"
}

held_part() {
  EVENT=$(create_event "HTTP Reserve Bench" 1000)
  echo "event $EVENT: $SEATS seats in $SECTIONS sections of 100 x 100" >&2
  # Seat ranges never overlap: warm-up (JIT, connections) in the last 10,000 seats, fresh run
  # [S/2, 3S/4), filling from 0 up in [0, S/2), held run from 3S/4 up.
  wrk_run warm-up 2 $((SEATS - 10000)) "$SEATS" 1 "$DURATION" >/dev/null
  WARM_HELD=$(held_seats)
  FRESH=$(wrk_run fresh 2 $((SEATS / 2)) $((SEATS * 3 / 4)) 1 "$DURATION")
  echo "$FRESH"
  FRESH_HELD=$(held_seats)
  # Fill in 2-seat requests, one wrk thread so the seats are asked for in order, in short rounds
  # (wrk always runs its whole -d), each going on where the previous one stopped asking, until the
  # view counts --held seats held.
  POSITION=0
  HELD_NOW=$FRESH_HELD
  FILL_START=$(date +%s)
  while [ "$HELD_NOW" -lt $((HELD - 1)) ]; do
    [ "$POSITION" -ge $((SEATS / 2)) ] && { echo "filling ran out of seats in the first half at $HELD_NOW held" >&2; exit 1; }
    END=$((POSITION + HELD - HELD_NOW)); [ "$END" -gt $((SEATS / 2)) ] && END=$((SEATS / 2))
    ROUND=$(wrk_run fill 1 "$POSITION" "$END" 2 3s)
    POSITION=$(value "$ROUND" next)
    BEFORE=$HELD_NOW
    HELD_NOW=$(held_seats)
    [ "$HELD_NOW" -gt "$BEFORE" ] || { echo "filling made no progress at $HELD_NOW held: $ROUND" >&2; exit 1; }
  done
  HELD_NOW=$(held_seats)
  echo "held after the fresh run: $FRESH_HELD; after filling: $HELD_NOW ($(( $(date +%s) - FILL_START )) s to fill)" >&2
  LOADED=$(wrk_run held 2 $((SEATS * 3 / 4)) $((SEATS - 10000)) 1 "$DURATION")
  echo "$LOADED"

  FRESH_RATE=$(value "$FRESH" ok_per_s)
  HELD_RATE=$(value "$LOADED" ok_per_s)
  echo
  echo "| storage | event | seats held before | reserves/s (2xx) | p50 ms | p99 ms | max ms | non-2xx |"
  echo "|---|---|---|---|---|---|---|---|"
  echo "| $STORAGE | fresh, $SEATS seats | $WARM_HELD (warm-up) | $FRESH_RATE | $(value "$FRESH" p50_ms) | $(value "$FRESH" p99_ms) | $(value "$FRESH" max_ms) | $(value "$FRESH" non2xx) |"
  echo "| $STORAGE | same event, filled | $HELD_NOW | $HELD_RATE | $(value "$LOADED" p50_ms) | $(value "$LOADED" p99_ms) | $(value "$LOADED" max_ms) | $(value "$LOADED" non2xx) |"
  python3 -c "import sys; f, h = float(sys.argv[1]), float(sys.argv[2]); print(f'fresh / held = {f / h:.2f}x (goal <= 1.5x)')" "$FRESH_RATE" "$HELD_RATE"
}

[ "$PART" = flow ] || held_part
[ "$PART" = held ] || flow_part
