#!/usr/bin/env bash
# Starts the portal with demo data on http://127.0.0.1:5080.
# Uses the PostgreSQL named by ConnectionStrings__Default, or starts its own under .data/dev/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/postgres.sh
pg_ensure dev 55432

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export Database__Migrate=true
export DemoData__Seed="${DemoData__Seed:-true}"
export DemoData__KeysFolder="${DemoData__KeysFolder:-$PWD/.data/demo-keys}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "Starting the portal on http://127.0.0.1:5080 (demo keys in .data/demo-keys/) …"
exec dotnet run --project src/OpenAlmaty.Kindergarten.Web -c Release --no-launch-profile --urls "http://127.0.0.1:5080"
