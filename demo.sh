#!/usr/bin/env bash
# Builds Samordna and starts it on the embedded SQLite database with the demo municipality.
# The database lives in .demo/ (delete the folder to start over). PORT=8080 ./demo.sh picks another port.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
PORT=${PORT:-5080}
DATA=${SAMORDNA_DEMO_DIR:-$ROOT/.demo}
mkdir -p "$DATA"

export Samordna__Database__Provider=Sqlite
export ConnectionStrings__Samordna="Data Source=$DATA/samordna.db"
# The demo is served over plain http on localhost only; Samordna allows that only on loopback (see README).
export Samordna__SignIn__AllowInsecureHttp=true
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "Building Samordna..."
dotnet build "$ROOT/src/Samordna.Cli" -c Release -v quiet -nologo
dotnet build "$ROOT/src/Samordna.Web" -c Release -v quiet -nologo
samordna() { dotnet "$ROOT/src/Samordna.Cli/bin/Release/net10.0/samordna.dll" "$@"; }
samordna migrate
samordna seed-demo

echo
echo "Samordna is starting at http://localhost:$PORT – sign in with one of the logins above. Stop with Ctrl+C."
echo
exec dotnet "$ROOT/src/Samordna.Web/bin/Release/net10.0/Samordna.Web.dll" \
  --contentRoot "$ROOT/src/Samordna.Web" --urls "http://localhost:$PORT" --environment Production
