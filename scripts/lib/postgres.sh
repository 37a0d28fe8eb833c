#!/usr/bin/env bash
# Sourced by run.sh, test.sh and bench: makes sure a PostgreSQL answers and exports
# ConnectionStrings__Default. Uses the one ConnectionStrings__Default names when it is set;
# otherwise starts a private server under .data/<name>/ (installing Debian's postgresql package
# when it is missing and we are root).
set -euo pipefail

pg_root="${PG_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"

pg_find_bin() {
  for v in 17 16 15; do
    if [ -x "/usr/lib/postgresql/$v/bin/pg_ctl" ]; then echo "/usr/lib/postgresql/$v/bin"; return 0; fi
  done
  return 1
}

pg_ensure() {
  local name="${1:-dev}" port="${2:-55432}"
  if [ -n "${ConnectionStrings__Default:-}" ]; then
    echo "Using the PostgreSQL that ConnectionStrings__Default names."
    return 0
  fi
  local bin
  if ! bin=$(pg_find_bin); then
    if [ "$(id -u)" = "0" ]; then
      echo "Installing PostgreSQL (Debian package)…"
      DEBIAN_FRONTEND=noninteractive apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
      bin=$(pg_find_bin)
    else
      echo "PostgreSQL is not installed: run 'sudo apt-get install postgresql' or set ConnectionStrings__Default." >&2
      return 1
    fi
  fi
  local dir="$pg_root/.data/$name" run_as=()
  local data="$dir/pg" sock="$dir/sock"
  mkdir -p "$dir" "$sock"
  if [ "$(id -u)" = "0" ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown -R postgres "$dir"
    run_as=(runuser -u postgres --)
  fi
  if [ ! -f "$data/PG_VERSION" ]; then
    "${run_as[@]}" "$bin/initdb" -D "$data" --auth=trust -E UTF8 --locale=C.UTF-8 -U postgres >/dev/null
  fi
  if ! "${run_as[@]}" "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    "${run_as[@]}" "$bin/pg_ctl" -D "$data" -l "$dir/postgres.log" -w \
      -o "-p $port -k $sock -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=256MB -c fsync=${PG_FSYNC:-on} -c synchronous_commit=${PG_SYNC_COMMIT:-on}" start >/dev/null
  fi
  export ConnectionStrings__Default="Host=127.0.0.1;Port=$port;Username=postgres;Database=kindergarten_$name;Maximum Pool Size=100"
  export PG_TEST_ADMIN="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc "select 1 from pg_database where datname='kindergarten_$name'" | grep -q 1 \
    || "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres "kindergarten_$name"
  echo "PostgreSQL on 127.0.0.1:$port (data in .data/$name)."
}
