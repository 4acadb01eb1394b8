#!/usr/bin/env bash
# Starts the Debian PostgreSQL cluster on 127.0.0.1:5432 and makes sure the
# test role exists. Idempotent. Prints the admin URL for TIERDESK_TEST_PG_URL.
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null; then SUDO="sudo"; fi

read -r version cluster port status _ < <(pg_lsclusters --no-header | head -n 1)
if [ "$status" != "online" ]; then
  $SUDO pg_ctlcluster "$version" "$cluster" start
fi
for _ in $(seq 1 30); do
  if $SUDO -u postgres psql -p "$port" -tAc 'select 1' >/dev/null 2>&1 || su postgres -c "psql -p $port -tAc 'select 1'" >/dev/null 2>&1; then break; fi
  sleep 1
done
psql_admin() {
  if [ -n "$SUDO" ]; then $SUDO -u postgres psql -p "$port" -v ON_ERROR_STOP=1 -tAc "$1"; else su postgres -c "psql -p $port -v ON_ERROR_STOP=1 -tAc \"$1\""; fi
}
if [ "$(psql_admin "select 1 from pg_roles where rolname = 'tierdesk'")" != "1" ]; then
  psql_admin "create role tierdesk login createdb password 'tierdesk'"
fi
# Test databases are dropped WITH (FORCE): that also ends an autovacuum worker
# busy in one, which only a member of pg_signal_backend may do (a CI run
# failed on it). Granting it again is harmless.
psql_admin "grant pg_signal_backend to tierdesk" >/dev/null
echo "postgres://tierdesk:tierdesk@127.0.0.1:${port}/postgres"
