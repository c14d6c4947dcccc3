#!/usr/bin/env bash
# The one test command (README.md): installs what the tests need on a bare machine, runs every
# test project, and ends with one line counted from the TRX results: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."

results="${TEST_RESULTS_DIR:-TestResults}"
rm -rf "$results"
mkdir -p "$results"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=""
apt_install() {
  [ -n "$apt_updated" ] || { as_root apt-get update -qq >/dev/null; apt_updated=1; }
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# PostgreSQL server binaries for the tests' throwaway databases.
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "Installing PostgreSQL (apt) for the storage tests..."
  apt_install postgresql
fi

# Node.js and npm for the Azurite the AzureStorage tests start (tools/azurite, npm ci on first use).
if ! command -v npm >/dev/null 2>&1; then
  echo "Installing Node.js and npm (apt) for Azurite..."
  apt_install nodejs npm
fi

# Debian's Chromium for the browser tests (Playwright drives it; its own browser download is not used).
if [ ! -x /usr/bin/chromium ] && [ -z "${CHROMIUM_PATH:-}" ]; then
  echo "Installing Chromium (apt) for the browser tests..."
  apt_install chromium
fi

dotnet test TicketMaster.sln --configuration Release \
  --logger "trx" --results-directory "$results" \
  -- RunConfiguration.TreatNoTestsAsError=false
status=$?

# Formatting (.editorconfig): a file `dotnet format` would change is one failure, and what it would change is printed.
format_failed=0
if ! dotnet format TicketMaster.sln --verify-no-changes --no-restore >"$results/format.log" 2>&1; then
  echo "dotnet format --verify-no-changes: these files are not formatted (run 'dotnet format TicketMaster.sln'):"
  cat "$results/format.log"
  format_failed=1
fi

passed=0; failed=0; skipped=0; files=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  total=$(get total); executed=$(get executed); p=$(get passed); f=$(get failed); e=$(get error); t=$(get timeout); a=$(get aborted)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0} + ${a:-0}))
  skipped=$((skipped + ${total:-0} - ${executed:-0}))
done

failed=$((failed + format_failed))

# A build failure or a crashed test host leaves no results to count: that is a failure too.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
if [ "$files" -eq 0 ]; then failed=$((failed > 0 ? failed : 1)); fi

echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
