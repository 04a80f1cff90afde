#!/usr/bin/env bash
# Audited reads per second: the web host on PostgreSQL with the demo municipality, one case read over
# and over (GET /api/v1/cases/{id}: an access check, the read, and an audit entry sealed into the chain
# before the data is returned), by 1 and by 32 concurrent clients, with wrk. A benchmark, not a test:
# it prints figures and fails only when it cannot run.
#
#   bench/audit-reads.sh                 # 10 s per run; DURATION=30 bench/audit-reads.sh for longer
#   PG_SETTINGS="-c synchronous_commit=off" bench/audit-reads.sh   # the throwaway cluster without waiting for the disk
#
# PostgreSQL: SAMORDNA_BENCH_POSTGRES (a connection string of a role that may create databases), or a
# throwaway cluster started here as test.sh does (needs Debian's postgresql; root installs wrk if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DURATION=${DURATION:-10}
PORT=${PORT:-5099}
PGTMP=""; PGBIN=""; WEB=""

cleanup() {
  [ -n "$WEB" ] && kill "$WEB" 2>/dev/null || true
  if [ -n "$PGTMP" ] && [ -f "$PGTMP/data/postmaster.pid" ]; then
    (cd / && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGTMP/data" -m fast -w stop >/dev/null) || true
  fi
  [ -n "$PGTMP" ] && rm -rf "$PGTMP"
}
trap cleanup EXIT

command -v wrk >/dev/null || { [ "$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null; } || { echo "wrk is needed (apt-get install wrk)" >&2; exit 1; }

if [ -z "${SAMORDNA_BENCH_POSTGRES:-}" ]; then
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -x "$PGBIN/initdb" ] || { echo "PostgreSQL server binaries are needed (apt-get install postgresql) or SAMORDNA_BENCH_POSTGRES" >&2; exit 1; }
  PGTMP=$(mktemp -d /tmp/samordna-bench-pg.XXXXXX); chmod 755 "$PGTMP"; chown postgres:postgres "$PGTMP"
  PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  (cd / && runuser -u postgres -- "$PGBIN/initdb" -D "$PGTMP/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null)
  # Durable like production (fsync stays on): the audit entry of every read is committed before its data leaves.
  (cd / && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/server.log" -w \
      -o "-p $PGPORT -k $PGTMP -c listen_addresses=127.0.0.1 -c max_connections=200 ${PG_SETTINGS:-}" start >/dev/null)
  SAMORDNA_BENCH_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres"
fi
DB="samordna_bench_$(date +%s)"
ADMIN="$SAMORDNA_BENCH_POSTGRES"
CONNECTION=$(python3 - "$ADMIN" "$DB" <<'PY'
import sys
parts=[p for p in sys.argv[1].split(';') if p and not p.lower().startswith('database=')]
print(';'.join(parts+['Database='+sys.argv[2], 'Maximum Pool Size=100']))
PY
)

echo "Building (Release)..."
dotnet build "$ROOT/src/Samordna.Cli" -c Release -v quiet -nologo >/dev/null
dotnet build "$ROOT/src/Samordna.Web" -c Release -v quiet -nologo >/dev/null
export Samordna__Database__Provider=PostgreSQL ConnectionStrings__Samordna="$CONNECTION" DOTNET_CLI_TELEMETRY_OPTOUT=1
python3 - "$ADMIN" "$DB" <<'PY'
import subprocess, sys
# createdb through psql keeps this script free of a .NET helper; the admin string is Npgsql's key=value form.
kv=dict(p.split('=',1) for p in sys.argv[1].split(';') if '=' in p)
subprocess.run(['psql','-h',kv.get('Host','127.0.0.1'),'-p',kv.get('Port','5432'),'-U',kv.get('Username','postgres'),'-d',kv.get('Database','postgres'),
                '-qc',f'CREATE DATABASE {sys.argv[2]}'],check=True)
PY
dotnet "$ROOT/src/Samordna.Cli/bin/Release/net10.0/samordna.dll" migrate >/dev/null
dotnet "$ROOT/src/Samordna.Cli/bin/Release/net10.0/samordna.dll" seed-demo >/dev/null

dotnet "$ROOT/src/Samordna.Web/bin/Release/net10.0/Samordna.Web.dll" --contentRoot "$ROOT/src/Samordna.Web" \
  --urls "http://127.0.0.1:$PORT" --environment Production --Logging:LogLevel:Default=Warning >/tmp/samordna-bench-web.log 2>&1 &
WEB=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 1; done

JAR=$(mktemp)
curl -sf -c "$JAR" -H 'Content-Type: application/json' -d '{"userName":"anna","password":"samordna-demo-2026"}' \
  "http://127.0.0.1:$PORT/api/v1/session" >/dev/null
COOKIE=$(awk '$6 == "samordna" { print "samordna=" $7 }' "$JAR")
CASE=$(curl -sf -b "$JAR" "http://127.0.0.1:$PORT/api/v1/cases?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
rm -f "$JAR"
URL="http://127.0.0.1:$PORT/api/v1/cases/$CASE"

entries() { psql_count=$(python3 - "$ADMIN" "$DB" <<'PY'
import subprocess, sys
kv=dict(p.split('=',1) for p in sys.argv[1].split(';') if '=' in p)
out=subprocess.run(['psql','-h',kv.get('Host','127.0.0.1'),'-p',kv.get('Port','5432'),'-U',kv.get('Username','postgres'),'-d',sys.argv[2],
                    '-tAc','SELECT count(*) FROM audit_entries'],check=True,capture_output=True,text=True).stdout.strip()
print(out)
PY
); echo "$psql_count"; }

echo "Warming up..."
wrk -t1 -c4 -d3s -H "Cookie: $COOKIE" "$URL" >/dev/null
echo
echo "| clients | reads/s | p50 | p99 | audit entries written |"
echo "|---|---|---|---|---|"
for clients in 1 32; do
  threads=$(( clients < 2 ? 1 : 2 ))
  before=$(entries)
  out=$(wrk -t"$threads" -c"$clients" -d"${DURATION}s" --latency -H "Cookie: $COOKIE" "$URL")
  after=$(entries)
  rps=$(echo "$out" | awk '/Requests\/sec/ { print $2 }')
  p50=$(echo "$out" | awk '$1 == "50%" { print $2 }')
  p99=$(echo "$out" | awk '$1 == "99%" { print $2 }')
  non2xx=$(echo "$out" | awk '/Non-2xx/ { print $5 }')
  [ -n "$non2xx" ] && echo "warning: $non2xx responses were not 2xx" >&2
  echo "| $clients | $rps | $p50 | $p99 | $((after - before)) |"
done
