#!/usr/bin/env bash
# Runs the whole test suite: unit tests, and the integration tests on SQLite and on a real PostgreSQL.
#
# PostgreSQL: if SAMORDNA_TEST_POSTGRES is set (a connection string of a superuser on a server where the
# tests may create databases and the restricted role samordna_test_app), that server is used. Otherwise a throwaway cluster is started on a free port in a
# temporary directory and removed afterwards; when no PostgreSQL server binaries are installed, they are
# installed from Debian's packages first (needs root). The PostgreSQL tests are never skipped.
#
# Ends with one line "N passed, N failed" and exits non-zero when any test failed or none ran.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
RESULTS=$(mktemp -d)
PGTMP=""
PGBIN=""

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop_postgres() {
  if [ -n "$PGTMP" ] && [ -f "$PGTMP/data/postmaster.pid" ]; then
    (cd / && as_postgres "$PGBIN/pg_ctl" -D "$PGTMP/data" -m fast -w stop >/dev/null) || true
  fi
  [ -n "$PGTMP" ] && rm -rf "$PGTMP"
  rm -rf "$RESULTS"
}
trap stop_postgres EXIT

find_pgbin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

if [ -z "${SAMORDNA_TEST_POSTGRES:-}" ]; then
  PGBIN=$(find_pgbin)
  if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
    if [ "$(id -u)" != 0 ]; then
      echo "PostgreSQL is not installed and this is not root: install Debian's 'postgresql' package or set SAMORDNA_TEST_POSTGRES." >&2
      exit 1
    fi
    echo "Installing PostgreSQL from Debian's packages..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq postgresql >/dev/null
    PGBIN=$(find_pgbin)
  fi

  PGTMP=$(mktemp -d /tmp/samordna-pg.XXXXXX)
  chmod 755 "$PGTMP"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$PGTMP"
  PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
           || shuf -i 20000-60000 -n 1)
  (cd / && as_postgres "$PGBIN/initdb" -D "$PGTMP/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null)
  (cd / && as_postgres "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/server.log" -w \
      -o "-p $PGPORT -k $PGTMP -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off" start >/dev/null)
  export SAMORDNA_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres"
  echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') started on port $PGPORT for the tests."
fi

set +e
dotnet test "$ROOT/Samordna.slnx" --logger "trx" --results-directory "$RESULTS" "$@"
status=$?
set -e

passed=0; failed=0; files=0
for trx in "$RESULTS"/*.trx; do
  [ -f "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(echo "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p')
  f=$(echo "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done

if [ "$status" != 0 ] && [ "$failed" = 0 ]; then
  echo "dotnet test failed before every test could run (see the build errors above); counted as one failure." >&2
  failed=1
fi
echo "$passed passed, $failed failed"
if [ "$status" != 0 ] || [ "$failed" != 0 ] || [ "$passed" = 0 ] || [ "$files" = 0 ]; then exit 1; fi
