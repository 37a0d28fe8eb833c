#!/usr/bin/env bash
# Backs up the portal's PostgreSQL database: one pg_dump in custom format holds everything —
# the portal's tables (public), Hangfire's schema (hangfire: its jobs, recurring schedules and
# locks), the data-protection keys that keep people signed in, the sequences. Run nightly from
# cron or a systemd timer as a user that may read the database:
#   PGHOST=127.0.0.1 PGUSER=kindergarten PGDATABASE=kindergarten BACKUP_DIR=/var/backups/kindergarten deploy/backup.sh
# Password: ~/.pgpass (never on the command line). Keeps BACKUP_KEEP_DAYS (14) days of dumps.
set -euo pipefail
dir="${BACKUP_DIR:-/var/backups/kindergarten}"
database="${PGDATABASE:?set PGDATABASE (and PGHOST, PGPORT, PGUSER as needed)}"
mkdir -p "$dir"
file="$dir/kindergarten-$(date -u +%Y%m%dT%H%M%SZ).dump"
# --no-owner: restorable into a database owned by another role (a scratch check, a new server).
pg_dump --format=custom --no-owner --compress=6 --file="$file.part" "$database"
mv "$file.part" "$file"
find "$dir" -name 'kindergarten-*.dump' -mtime +"${BACKUP_KEEP_DAYS:-14}" -delete
echo "$file ($(du -h "$file" | cut -f1))"
