#!/usr/bin/env bash
# Restores the latest backup from BACKUP_DIR into a scratch database on the same server and checks
# that it is a portal one can run on: rows in every table (public and hangfire), the migrations,
# no negative free seats, no application with two active referrals, no child with two live
# applications. Exits non-zero when a check fails. Drops the scratch database unless KEEP=1.
#   PGHOST=127.0.0.1 PGUSER=postgres BACKUP_DIR=/var/backups/kindergarten deploy/restore-check.sh
set -euo pipefail
dir="${BACKUP_DIR:-/var/backups/kindergarten}"
# ReferralStatus.Active in src/OpenAlmaty.Kindergarten.Domain/Referrals/Referral.cs (a test
# keeps the two equal); passed to psql as a variable, never written into the SQL.
REFERRAL_ACTIVE=1
latest=$(ls -1t "$dir"/kindergarten-*.dump 2>/dev/null | head -n1 || true)
[ -n "$latest" ] || { echo "No backup in $dir (kindergarten-*.dump)." >&2; exit 1; }
scratch="kg_restore_check_$(date -u +%Y%m%d%H%M%S)"
psql_scratch=(psql -X -q -v ON_ERROR_STOP=1 -d "$scratch")
cleanup() { [ "${KEEP:-0}" = 1 ] || dropdb --if-exists "$scratch"; }
trap cleanup EXIT

echo "Backup:   $latest ($(du -h "$latest" | cut -f1), $(date -u -r "$latest" +%Y-%m-%dT%H:%MZ))"
createdb "$scratch"
started=$(date +%s)
pg_restore --no-owner --exit-on-error --dbname="$scratch" "$latest"
echo "Restored: into $scratch in $(( $(date +%s) - started )) s"

echo "Rows per table:"
"${psql_scratch[@]}" -At -F ' ' <<'SQL' | awk '{ printf "  %-40s %s\n", $1, $2 }'
select format('select %L, count(*) from %I.%I', schemaname || '.' || tablename, schemaname, tablename)
from pg_tables where schemaname in ('public', 'hangfire') order by schemaname, tablename
\gexec
SQL

echo "Last migration: $("${psql_scratch[@]}" -At -c 'select max(migration_id) from __ef_migrations_history')"

failed=0
check() { # title, sql returning one number that must be 0
  local n
  # On stdin, not -c: psql substitutes :active only in what it reads.
  n=$(echo "$2;" | "${psql_scratch[@]}" -At -v active="$REFERRAL_ACTIVE" 2>&1) || { echo "  FAIL  $1: $n"; failed=1; return; }
  if [ "$n" = 0 ]; then echo "  ok    $1"; else echo "  FAIL  $1: $n"; failed=1; fi
}
echo "Checks:"
check "no seat count below zero" "select count(*) from seats where free_seats < 0"
check "no application with two active referrals" \
  "select count(*) from (select application_id from referrals where status = :active group by application_id having count(*) > 1) twice"
check "every referral's application exists" \
  "select count(*) from referrals r where not exists (select 1 from applications a where a.id = r.application_id)"
check "the migrations history is not empty" "select case when count(*) > 0 then 0 else 1 end from __ef_migrations_history"
check "Hangfire's schema came back" "select case when count(*) > 0 then 0 else 1 end from information_schema.tables where table_schema = 'hangfire'"
check "data-protection keys came back (sessions survive a restore)" "select case when count(*) > 0 then 0 else 1 end from data_protection_keys"

if [ "$failed" = 0 ]; then echo "Restore check passed."; else echo "Restore check FAILED." >&2; exit 1; fi
