#!/usr/bin/env bash
# A durable TicketMaster cluster on this machine's loopback: PostgreSQL (Debian's server binaries)
# with its data in ./data/pg, the schema migrated, SILOS Silo processes and FRONTENDS WebFrontend
# processes in client mode. Everything it starts is recorded in ./data/run and stopped by `stop`.
#
#   scripts/cluster.sh start     build, start PostgreSQL, migrate, start silos and frontends
#   scripts/cluster.sh stop      stop the frontends, the silos and PostgreSQL (data is kept)
#   scripts/cluster.sh status    what runs, and the silos in the membership table
#
# Settings (environment): SILOS (3), FRONTENDS (2), PG_PORT (55432), HTTP_PORT (5080: first
# frontend; the next one +1), PG_BIN (/usr/lib/postgresql/15/bin, else the newest installed). Logs are in ./data/logs.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DATA=$ROOT/data
PGDATA=$DATA/pg
RUN=$DATA/run
LOGS=$DATA/logs
# PostgreSQL 15's binaries, else the newest major version Debian installed.
PG_BIN=${PG_BIN:-$( [ -x /usr/lib/postgresql/15/bin/pg_ctl ] && echo /usr/lib/postgresql/15/bin || ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 )}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_PORT=${PG_PORT:-55432}
SILOS=${SILOS:-3}
FRONTENDS=${FRONTENDS:-2}
HTTP_PORT=${HTTP_PORT:-5080}
SILO_DLL=$ROOT/Silo/bin/Debug/net10.0/Silo.dll
WEB_DLL=$ROOT/WebFrontend/bin/Debug/net10.0/WebFrontend.dll

export Orleans__Storage=Postgres
export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$PG_PORT;Database=ticketmaster;Username=postgres"

# PostgreSQL refuses to run as root: as root, its commands run as the postgres OS user.
as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

psql_q() {
  "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "${2:-ticketmaster}" -Atqc "$1"
}

# Waits for a condition (a command that succeeds), at most $1 seconds.
wait_for() {
  local seconds=$1; shift
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || return 1
    sleep 0.5
  done
}

# The silos started by this run are all Active (3) in the membership table.
silos_active() {
  [ "$(psql_q "SELECT count(*) FROM orleans_membership WHERE status = 3 AND start_time >= '$SINCE'")" -ge "$SILOS" ]
}

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

start_postgres() {
  [ -x "$PG_BIN/pg_ctl" ] || { echo "PostgreSQL server binaries not found in $PG_BIN: apt-get install -y postgresql" >&2; exit 1; }
  mkdir -p "$PGDATA" "$RUN" "$LOGS"
  [ "$(id -u)" = 0 ] && chown postgres: "$PGDATA"
  chmod 700 "$PGDATA"
  if [ ! -f "$PGDATA/PG_VERSION" ]; then
    as_postgres "$PG_BIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --locale=C >"$LOGS/initdb.log"
  fi
  if as_postgres "$PG_BIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
    echo "postgres: already running on port $PG_PORT"
  else
    [ "$(id -u)" = 0 ] && touch "$LOGS/postgres.log" && chown postgres: "$LOGS/postgres.log"
    as_postgres "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$LOGS/postgres.log" -w -t 60 \
      -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $PGDATA" start >/dev/null
    echo "postgres: started on 127.0.0.1:$PG_PORT (data in $PGDATA)"
  fi
  if [ "$(psql_q "SELECT count(*) FROM pg_database WHERE datname = 'ticketmaster'" postgres)" = 0 ]; then
    psql_q "CREATE DATABASE ticketmaster" postgres
  fi
}

# A secret made once per data folder, so every frontend signs and accepts the same tokens.
secret() {
  local file=$DATA/$1
  [ -f "$file" ] || (umask 077; head -c 48 /dev/urandom | base64 | tr -d '\n/+=' >"$file")
  cat "$file"
}

start_process() { # name, then the command
  local name=$1; shift
  if alive "$RUN/$name.pid"; then echo "$name: already running"; return; fi
  setsid "$@" >"$LOGS/$name.log" 2>&1 </dev/null &
  echo $! >"$RUN/$name.pid"
}

start() {
  dotnet build Silo -v quiet -nologo
  dotnet build WebFrontend -v quiet -nologo
  start_postgres
  dotnet "$SILO_DLL" migrate

  SINCE=$(psql_q "SELECT now()")
  # Every silo and frontend signs and checks waiting-room tickets and admission tokens with the same key.
  local room_key
  room_key=$(secret waitingroom.key)
  for i in $(seq 1 "$SILOS"); do
    start_process "silo-$i" env Orleans__SiloPort=$((11110 + i)) Orleans__GatewayPort=$((30000 + i)) \
      Management__Port=$((8080 + i)) WaitingRoom__SigningKey="$room_key" DOTNET_ENVIRONMENT=Production dotnet "$SILO_DLL"
  done
  if ! wait_for 60 silos_active; then
    echo "silos did not all become active within 60 s; see $LOGS/silo-*.log" >&2
    exit 1
  fi
  echo "silos: $SILOS active (silo ports 11111.., gateways 30001.., management http://127.0.0.1:8081.. with /metrics, /readyz, /dashboard)"

  local jwt admin
  jwt=$(secret jwt.key)
  admin=$(secret admin.password)
  for i in $(seq 1 "$FRONTENDS"); do
    local port=$((HTTP_PORT + i - 1))
    start_process "web-$i" env Orleans__Hosting=Client Jwt__SigningKey="$jwt" WaitingRoom__SigningKey="$room_key" \
      Admin__Email=admin@localhost Admin__Password="$admin" ASPNETCORE_ENVIRONMENT=Production \
      dotnet "$WEB_DLL" --urls "http://127.0.0.1:$port"
    if wait_for 60 curl -fs "http://127.0.0.1:$port/healthz"; then
      echo "web-$i: http://127.0.0.1:$port"
    else
      echo "web-$i did not answer /healthz within 60 s; the end of $LOGS/web-$i.log:" >&2
      tail -n 20 "$LOGS/web-$i.log" >&2
      exit 1
    fi
  done
  if [ "$FRONTENDS" -gt 0 ]; then echo "admin: admin@localhost / $admin"; fi
}

stop_process() {
  local pidfile=$1 name pid
  name=$(basename "$pidfile" .pid)
  if alive "$pidfile"; then
    pid=$(cat "$pidfile")
    kill -TERM "$pid"
    wait_for 30 sh -c "! kill -0 $pid" || kill -KILL "$pid"
    echo "$name: stopped"
  fi
  rm -f "$pidfile"
}

stop() {
  for pidfile in "$RUN"/web-*.pid "$RUN"/silo-*.pid; do
    [ -e "$pidfile" ] && stop_process "$pidfile"
  done
  if [ -f "$PGDATA/postmaster.pid" ]; then
    as_postgres "$PG_BIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null && echo "postgres: stopped"
  fi
}

status() {
  for pidfile in "$RUN"/*.pid; do
    [ -e "$pidfile" ] || continue
    if alive "$pidfile"; then echo "$(basename "$pidfile" .pid): running (pid $(cat "$pidfile"))"
    else echo "$(basename "$pidfile" .pid): not running"; fi
  done
  if as_postgres "$PG_BIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
    echo "postgres: running on 127.0.0.1:$PG_PORT"
    psql_q "SELECT 'membership: ' || address || ':' || port || ' status ' || status FROM orleans_membership ORDER BY start_time"
  else
    echo "postgres: not running"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
