#!/usr/bin/env bash
# make loadtest: the site under load as production runs it. gunicorn on PostgreSQL, with
# the seed agenda (manage.py load_demo), driven by wrk at 64 connections for 60 seconds,
# first on the agenda page alone, then on a mix of agenda pages and searches. Fails on
# any error or any answer other than 2xx; prints p50 and p99 of each run.
#
# Needs wrk (apt-get install wrk) and a PostgreSQL server. The database is the script's
# own, dropped and created afresh on each run; gunicorn is started and stopped here.
#   LOADTEST_DATABASE_URL  default postgres://postgres@127.0.0.1:5432/agendas_loadtest
#   LOADTEST_PORT          default 8190
#   LOADTEST_CONNECTIONS   default 64
#   LOADTEST_DURATION      default 60s
#   LOADTEST_WORKERS       gunicorn workers, default 2 x cores + 1
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PY:-.venv/bin/python}
DATABASE_URL=${LOADTEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/agendas_loadtest}
PORT=${LOADTEST_PORT:-8190}
CONNECTIONS=${LOADTEST_CONNECTIONS:-64}
DURATION=${LOADTEST_DURATION:-60s}
WORKERS=${LOADTEST_WORKERS:-$(( $(nproc) * 2 + 1 ))}
BASE="http://127.0.0.1:$PORT"
AGENDA="/en/bodies/cosp-wg4/sessions/11/annotated-agenda/"

if ! command -v wrk >/dev/null 2>&1; then
    echo "wrk is not installed: apt-get install wrk" >&2
    exit 1
fi
case "$DATABASE_URL" in
    postgres://*|postgresql://*) ;;
    *) echo "LOADTEST_DATABASE_URL must point at PostgreSQL." >&2; exit 1 ;;
esac

# Production settings, but plain HTTP on the loopback and tasks run in-process.
export DJANGO_SETTINGS_MODULE=config.settings DEBUG=0 ALLOWED_HOSTS=127.0.0.1 \
    SECURE_COOKIES=0 SECURE_SSL_REDIRECT=0 LOG_LEVEL=WARNING DATABASE_URL
SECRET_KEY=$("$PY" -c 'import secrets; print(secrets.token_urlsafe(50))')
export SECRET_KEY
unset CELERY_BROKER_URL CELERY_RESULT_BACKEND

echo "== Database ${DATABASE_URL##*/}: created afresh, migrated, seed agenda loaded"
"$PY" - <<'PY'
import os
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql

url = urlsplit(os.environ["DATABASE_URL"])
name = url.path.lstrip("/")
with psycopg.connect(urlunsplit(url._replace(path="/postgres")), autocommit=True) as conn:
    conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
    conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
PY
"$PY" manage.py migrate --noinput -v 0
"$PY" manage.py load_demo >/dev/null
"$PY" manage.py collectstatic --noinput -v 0

log=$(mktemp)
"$PY" -m gunicorn config.wsgi --bind "127.0.0.1:$PORT" --workers "$WORKERS" \
    --error-logfile "$log" --log-level warning &
gunicorn_pid=$!
trap 'kill "$gunicorn_pid" 2>/dev/null; wait "$gunicorn_pid" 2>/dev/null; rm -f "$log"' EXIT

for _ in $(seq 100); do
    if "$PY" -c "import urllib.request as u; u.urlopen('$BASE$AGENDA', timeout=2)" 2>/dev/null; then
        break
    fi
    sleep 0.3
done
"$PY" -c "import urllib.request as u; assert u.urlopen('$BASE$AGENDA').status == 200" || {
    echo "gunicorn did not answer on $BASE:" >&2; cat "$log" >&2; exit 1; }
echo "== gunicorn on $BASE, $WORKERS workers ($(nproc) cores)"

status=0
run() {  # run NAME [ENV=VALUE]: one wrk run, its RESULT line checked
    local name=$1; shift
    echo "== $name: wrk, $CONNECTIONS connections, $DURATION"
    local output
    output=$(env "$@" wrk --threads 2 --connections "$CONNECTIONS" --duration "$DURATION" \
        --timeout 10s --script bench/loadtest.lua "$BASE$AGENDA")
    echo "$output" | grep -E 'Requests/sec|Latency  '
    local result
    result=$(echo "$output" | grep '^RESULT')
    echo "$name ${result#RESULT }"
    if ! echo "$result" | grep -q ' socket_errors=0 not_2xx=0$'; then
        echo "$name: errors or answers other than 2xx (see above)" >&2
        status=1
    fi
}
run "agenda page" LOADTEST_MIX=0
run "agenda pages and search" LOADTEST_MIX=1

if [ -s "$log" ]; then
    echo "== gunicorn reported:"; cat "$log"
fi
exit $status
