#!/usr/bin/env bash
# make bench-peer: pretalx from PyPI in its own virtual environment (Python 3.11, never
# the project's), on its own PostgreSQL database, with a released schedule of 50 talks
# (bench/peer.py). Running it again reuses what exists.
set -euo pipefail
cd "$(dirname "$0")/.."

PEER_PYTHON=${PEER_PYTHON:-}
if [ -z "$PEER_PYTHON" ]; then
    for candidate in python3.11 "$(pyenv root 2>/dev/null)"/versions/3.11.*/bin/python3.11; do
        if "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null; then
            PEER_PYTHON=$candidate; break
        fi
    done
fi
[ -n "$PEER_PYTHON" ] || { echo "pretalx needs Python 3.11: set PEER_PYTHON=/path/to/python3.11"; exit 1; }

VENV=bench/.peer-venv
[ -x "$VENV/bin/python" ] || "$PEER_PYTHON" -m venv "$VENV"
# Bounded like the project's own dependencies; pretalx names no database driver, so
# psycopg for PostgreSQL, redis for its cache, gunicorn to serve. pip returns at once
# when everything is there, and completes an install that was interrupted.
"$VENV/bin/pip" install --quiet "pretalx>=2025.2,<2025.3" "psycopg[binary]>=3.2,<4" \
    "gunicorn>=23,<24" "redis>=5,<7"

export PRETALX_CONFIG_FILE=bench/pretalx.cfg
export PRETALX_DB_NAME=${PRETALX_DB_NAME:-agendas_bench_pretalx}
export PRETALX_REDIS=${PRETALX_REDIS:-redis://127.0.0.1:6379/1}
if ! psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$PRETALX_DB_NAME'" | grep -q 1; then
    createdb -h 127.0.0.1 -U postgres "$PRETALX_DB_NAME"
fi
mkdir -p bench/.peer-data
"$VENV/bin/python" -m pretalx migrate --noinput -v 0
"$VENV/bin/python" bench/peer.py
[ -f bench/.peer-data/static/pretalx-manifest.json ] || "$VENV/bin/python" -m pretalx rebuild >/dev/null
echo "pretalx ready: make bench measures its /bench/schedule/nojs beside our 50-item agenda"
