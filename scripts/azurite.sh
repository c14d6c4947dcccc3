#!/usr/bin/env bash
# Azurite (tools/azurite, pinned by its package-lock.json) for a local cluster on Azure Storage,
# with its data in ./data/azurite, on the emulator's default ports, which
# ConnectionStrings__AzureStorage=UseDevelopmentStorage=true points at. Runs in the foreground;
# Ctrl+C stops it and keeps the data.
#
#   scripts/azurite.sh        install Azurite if needed, print the environment, run Azurite
#   scripts/azurite.sh env    print only the environment for Silo and WebFrontend
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

# The waiting room's key: 32 random bytes made once and kept beside the data, shared by every process.
room_key() {
  local file=$ROOT/data/azurite-waitingroom.key
  [ -f "$file" ] || (mkdir -p "$ROOT/data" && umask 077 && head -c 32 /dev/urandom | base64 >"$file")
  cat "$file"
}

print_env() {
  echo "export WaitingRoom__SigningKey=$(room_key)"
  cat <<'ENV'
# Every Silo and WebFrontend process on this storage account:
export Orleans__Storage=AzureStorage
export ConnectionStrings__AzureStorage=UseDevelopmentStorage=true
# (WaitingRoom__SigningKey above: waiting-room tickets and admission tokens, the same key on every silo and frontend.)
# Optional: catalog stream on Azure Storage queues of the same account (default: Memory).
export Orleans__Streaming=AzureQueue
# Silo N (ports of its own when silos share a machine):
#   Orleans__SiloPort=$((11110 + N)) Orleans__GatewayPort=$((30000 + N)) dotnet run --project Silo
# Web frontend M, a client of those silos (gateways come from the membership table):
#   Orleans__Hosting=Client ASPNETCORE_URLS=http://127.0.0.1:$((5079 + M)) dotnet run --project WebFrontend
ENV
}

if [ "${1:-}" = env ]; then print_env; exit 0; fi

if [ ! -x tools/azurite/node_modules/.bin/azurite ]; then
  command -v npm >/dev/null || { echo "npm is missing: apt-get install -y nodejs npm" >&2; exit 1; }
  (cd tools/azurite && npm ci --no-audit --no-fund --loglevel=error)
fi

mkdir -p "$ROOT/data/azurite"
print_env
echo
exec tools/azurite/node_modules/.bin/azurite --location "$ROOT/data/azurite" \
  --blobHost 127.0.0.1 --blobPort 10000 --queueHost 127.0.0.1 --queuePort 10001 \
  --tableHost 127.0.0.1 --tablePort 10002 --skipApiVersionCheck --loose --silent
