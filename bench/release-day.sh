#!/usr/bin/env bash
# The release day over HTTP (issue 13), beside the seat rush: a generated city (100,000
# applications, 900 organisations) in a throw-away database that the caller names, one portal in
# Release on 127.0.0.1, 50,000 eligible applications in one open release with 13,000 seats, and
# BENCH_RELEASE_PARENTS parents who sign in and send their signed rankings, 64 at once; then the
# daily queue-number snapshot timed on the same database. Prints markdown for bench/results.md.
#   RELEASE_BENCH_DB="Host=127.0.0.1;Port=55440;Username=postgres;Database=kg_release_bench" \
#   flock /work/wt/bench.lock bench/release-day.sh
# BENCH_SKIP_GENERATE=1 reuses a database already generated (its release requests are removed first).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
db="${RELEASE_BENCH_DB:?name a throw-away database: RELEASE_BENCH_DB=\"Host=…;Database=…\"}"
port=${RELEASE_BENCH_PORT:-5303}
work="$root/.data/release-bench"
mkdir -p "$work"
web_dir="$root/src/OpenAlmaty.Kindergarten.Web"
tools_dll="$root/bench/OpenAlmaty.Kindergarten.Tools/bin/Release/net10.0/OpenAlmaty.Kindergarten.Tools.dll"
bench_dll="$root/bench/OpenAlmaty.Kindergarten.Bench/bin/Release/net10.0/OpenAlmaty.Kindergarten.Bench.dll"
psql_db=(env PGOPTIONS="-c client_min_messages=warning" /usr/lib/postgresql/15/bin/psql "$(echo "$db" | sed -E 's/;/ /g; s/Host=/host=/; s/Port=/port=/; s/Username=/user=/; s/Database=/dbname=/; s/Maximum Pool Size=[0-9]*//')" -v ON_ERROR_STOP=1 -q)

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  echo "== Build (Release)"
  dotnet build bench/OpenAlmaty.Kindergarten.Tools -c Release -v q -clp:ErrorsOnly -nologo
  dotnet build bench/OpenAlmaty.Kindergarten.Bench -c Release -v q -clp:ErrorsOnly -nologo
fi
if [ "${BENCH_SKIP_GENERATE:-0}" != 1 ]; then
  echo "== Generator: ${BENCH_APPLICATIONS:-100000} applications, 900 organisations, 50,000 history events"
  (cd "$web_dir" && ASPNETCORE_ENVIRONMENT=Testing dotnet "$tools_dll" generate --db "$db" --applications "${BENCH_APPLICATIONS:-100000}" --organisations 900 --events 50000)
else
  "${psql_db[@]}" -c "delete from release_waiting_entries; delete from release_offers; delete from release_requests; delete from release_pools; delete from releases"
fi
"${psql_db[@]}" -c "vacuum analyze"
dotnet "$bench_dll" ca "$work/keys"

pid=
cleanup() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi; }
trap cleanup EXIT
(cd "$web_dir" && exec env ASPNETCORE_ENVIRONMENT=Testing ConnectionStrings__Default="$db" Database__Migrate=true \
  Hangfire__Server=false Notifications__OutboxFolder="$work/outbox" DemoData__Seed=false DemoData__KeysFolder="$work/keys" SignIn__AttemptsPerMinute=1000000 \
  Eds__TrustDevelopmentCa=true Auth__AllowInsecureCookies=true DataProtection__CertificateFile="$work/data-protection.pfx" Verify__RequestsPerMinute=1000000 \
  dotnet "$tools_dll" serve --urls "http://127.0.0.1:$port" > "$work/portal.log" 2>&1) &
pid=$!
for _ in $(seq 1 120); do curl -fsS "http://127.0.0.1:$port/health" > /dev/null 2>&1 && break; sleep 1; done

echo "== Release day over HTTP"
echo "load average before: $(cat /proc/loadavg)"
status=0
dotnet "$bench_dll" --only release-day --portal "http://127.0.0.1:$port" --pid "$pid" --db "$db" --keys "$work/keys" --out "$work" \
  --release-parents "${BENCH_RELEASE_PARENTS:-3000}" --concurrency 64 --scenario-seconds 150 || status=$?
echo "load average after: $(cat /proc/loadavg)"
cleanup; pid=

if [ "${BENCH_SKIP_SNAPSHOT:-0}" = 1 ]; then exit $status; fi
echo "== Daily queue-number snapshot (QueueSnapshotJob)"
(cd "$web_dir" && ASPNETCORE_ENVIRONMENT=Testing dotnet "$tools_dll" bench-queue-snapshot --db "$db") || status=$?
exit $status
