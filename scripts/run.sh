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
# The relaxations a local demo relies on, each set explicitly (all off unless set; the portal
# refuses to start with any of them in Production): the demo keys' CA, the in-page key-file
# signer, cookies over plain http. The data-protection keys are encrypted with a certificate the
# portal makes once under .data/ outside Production.
export Eds__TrustDevelopmentCa="${Eds__TrustDevelopmentCa:-true}"
export Eds__AllowKeyFileSigning="${Eds__AllowKeyFileSigning:-true}"
export Auth__AllowInsecureCookies="${Auth__AllowInsecureCookies:-true}"
# eGov Mobile: the development phone page (/dev/phone) plays the app; a city sets its real BIN and PublicBaseUrl.
export EgovMobile__OrganisationBin="${EgovMobile__OrganisationBin:-000000000000}"
export DataProtection__CertificateFile="${DataProtection__CertificateFile:-$PWD/.data/data-protection.pfx}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "Starting the portal on http://127.0.0.1:5080 (demo keys in .data/demo-keys/) …"
exec dotnet run --project src/OpenAlmaty.Kindergarten.Web -c Release --no-launch-profile --urls "http://127.0.0.1:5080"
