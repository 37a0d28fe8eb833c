#!/usr/bin/env bash
# Runs every test project against a real PostgreSQL (its own under .data/test/ unless
# ConnectionStrings__Default is set) and headless Chromium, checks that the EF model has no
# pending migration, and ends with one line: "N passed, N failed[, N skipped]".
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Every test host watches its configuration files; polling keeps the suite within the
# machine's inotify limit (128 instances per user on these machines).
export DOTNET_USE_POLLING_FILE_WATCHER=1
started=$(date +%s)

source scripts/lib/postgres.sh
pg_ensure test 55433
export PG_TEST_ADMIN="${PG_TEST_ADMIN:-$ConnectionStrings__Default}"

# The browser tests need Chromium; the PDF tests read the referral with poppler-utils; the
# deployment tests run deploy/'s nginx configuration and a real `openssl ocsp` responder.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/pdftotext ] || [ ! -x /usr/sbin/nginx ] || [ ! -x /usr/bin/openssl ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "Installing Chromium, poppler-utils, nginx and openssl (Debian packages)…"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils nginx openssl >/dev/null
  else
    echo "Chromium, poppler-utils, nginx or openssl is missing: sudo apt-get install chromium poppler-utils nginx openssl" >&2
  fi
fi

mkdir -p .data
dotnet tool restore >/dev/null
if ! dotnet build OpenAlmaty.Kindergarten.sln -c Debug -v q -clp:ErrorsOnly > .data/build.log 2>&1; then
  cat .data/build.log
  echo "0 passed, 1 failed"
  exit 1
fi

echo "Checking that the EF model has no change without a migration…"
model_failed=0
if ! dotnet ef migrations has-pending-model-changes -p src/OpenAlmaty.Kindergarten.Web --no-build; then
  echo "FAILED: the EF model has changes with no migration (dotnet ef migrations add …)." >&2
  model_failed=1
fi

rm -rf TestResults
set +e
# -m:1: one test project at a time; the browser tests and the database tests share 2 cores.
dotnet test OpenAlmaty.Kindergarten.sln --no-build -c Debug -m:1 --logger "trx" --results-directory TestResults \
  --logger "console;verbosity=minimal" "$@"
set -e

passed=0; failed=0; skipped=0
for trx in TestResults/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  p=$(get passed); f=$(get failed); e=$(get error); t=$(get timeout); a=$(get aborted); nx=$(get notExecuted)
  passed=$((passed + p)); failed=$((failed + f + e + t + a)); skipped=$((skipped + nx))
done
projects=$(ls tests/*/*.csproj | wc -l); reports=$(ls TestResults/*.trx 2>/dev/null | wc -l)
if [ "$reports" -lt "$projects" ]; then
  echo "FAILED: $projects test projects but $reports result files (a test host crashed?)." >&2
  failed=$((failed + projects - reports))
fi
failed=$((failed + model_failed))
echo "Took $(( $(date +%s) - started )) s."
if [ "$skipped" -gt 0 ]; then echo "$passed passed, $failed failed, $skipped skipped"; else echo "$passed passed, $failed failed"; fi
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
