#!/usr/bin/env bash
# Starts Rebound the way the container does: wait for the database, migrate, serve with gunicorn.
# CI runs this same script outside Docker against the local PostgreSQL.
# `entrypoint.sh worker` starts the background worker instead (the web container migrates).
set -euo pipefail

cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python}"

echo "entrypoint: waiting for the database"
for attempt in $(seq 1 30); do
    if "$PYTHON" manage.py check --database default >/dev/null 2>&1; then
        break
    fi
    if [ "$attempt" -eq 30 ]; then
        echo "entrypoint: the database did not answer after 30 tries" >&2
        "$PYTHON" manage.py check --database default
        exit 1
    fi
    sleep 2
done

if [ "${1:-}" = "worker" ]; then
    echo "entrypoint: starting the worker"
    exec "$PYTHON" manage.py run_worker
fi

echo "entrypoint: applying migrations"
"$PYTHON" manage.py migrate --noinput
# Only does something when DJANGO_CACHE_URL points at the database (dbcache://).
"$PYTHON" manage.py createcachetable

echo "entrypoint: starting gunicorn on ${BIND:-0.0.0.0:8000}"
exec "$PYTHON" -m gunicorn config.wsgi:application \
    --bind "${BIND:-0.0.0.0:8000}" \
    --workers "${WEB_CONCURRENCY:-2}" \
    --access-logfile - \
    --forwarded-allow-ips "${FORWARDED_ALLOW_IPS:-127.0.0.1}"
