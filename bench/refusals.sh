#!/usr/bin/env bash
# What refusing a hostile sign-in costs (issue 17): one portal on 127.0.0.1:${PORT:-5103} over the
# database named by ConnectionStrings__Default (migrated at start), then
# `OpenAlmaty.Kindergarten.Bench refusals` posts each kind of hostile document N times, one at a
# time, and prints the table for bench/results.md. Run under flock /work/wt/bench.lock on a shared
# machine. Uses the Debug builds when CONFIG is not given.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${PORT:-5103}" config="${CONFIG:-Debug}" n="${N:-20}"
work="$(mktemp -d)"
trap 'kill "$portal" 2>/dev/null || true; rm -rf "$work"' EXIT
dotnet bench/OpenAlmaty.Kindergarten.Bench/bin/$config/net10.0/OpenAlmaty.Kindergarten.Bench.dll ca "$work/keys"
(cd src/OpenAlmaty.Kindergarten.Web && exec env ASPNETCORE_ENVIRONMENT=Testing Database__Migrate=true Hangfire__Enabled=false \
  DemoData__KeysFolder="$work/keys" Eds__TrustDevelopmentCa=true Auth__AllowInsecureCookies=true \
  DataProtection__CertificateFile="$work/data-protection.pfx" SignIn__AttemptsPerMinute=1000000 \
  dotnet bin/$config/net10.0/OpenAlmaty.Kindergarten.Web.dll --urls "http://127.0.0.1:$port" > "$work/portal.log" 2>&1) &
portal=$!
for _ in $(seq 1 90); do curl -fsS "http://127.0.0.1:$port/health" > /dev/null 2>&1 && break; sleep 1; done
dotnet bench/OpenAlmaty.Kindergarten.Bench/bin/$config/net10.0/OpenAlmaty.Kindergarten.Bench.dll refusals "http://127.0.0.1:$port" "$work/keys" "$n" "$work/portal.log"
