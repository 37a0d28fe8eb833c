#!/usr/bin/env bash
# The population registry's import (issue 12): a generated JSON-lines feed of BENCH_REGISTRY_PEOPLE
# people (100,000 by default: families of two parents and one to three children) loaded into the
# database ConnectionStrings__Default names, twice: all new, then the same feed again (nothing
# changes). Run under `flock /work/wt/bench.lock` on a shared machine. Uses the build in bin/
# (CONFIG=Release after `dotnet build -c Release` for the published figure's configuration).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${ConnectionStrings__Default:?set ConnectionStrings__Default to an existing (empty or migrated) database}"
DLL="src/OpenAlmaty.Kindergarten.Web/bin/${CONFIG:-Debug}/net10.0/OpenAlmaty.Kindergarten.Web.dll"
TOOLS="bench/OpenAlmaty.Kindergarten.Tools/bin/${CONFIG:-Debug}/net10.0/OpenAlmaty.Kindergarten.Tools.dll"
PEOPLE="${BENCH_REGISTRY_PEOPLE:-100000}"
FEED="$(mktemp --suffix .jsonl)"
trap 'rm -f "$FEED"' EXIT
dotnet "$TOOLS" registry-feed --people "$PEOPLE" --out "$FEED"
echo "feed: $(wc -l < "$FEED") lines, $(du -h "$FEED" | cut -f1)"
echo "first import (all new):"
/usr/bin/time -f "  wall %e s, CPU of the command %U s user + %S s system, max RSS %M kB" dotnet "$DLL" registry-import "$FEED"
echo "second import (same feed):"
/usr/bin/time -f "  wall %e s, CPU of the command %U s user + %S s system, max RSS %M kB" dotnet "$DLL" registry-import "$FEED"
