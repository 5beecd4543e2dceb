#!/bin/bash
# Start de lokale Open Zaak uit opzetten.sh: PostgreSQL (54330), Redis (63790) en Open Zaak onder uWSGI (8930), alle
# drie alleen op 127.0.0.1. Idempotent: wat al draait, blijft draaien. `--alleen-databanken`: zonder Open Zaak zelf.
set -euo pipefail
HIER=$(cd "$(dirname "$0")" && pwd)
OZ=${OZ:-/work/openzaak}
set -a; . "$HIER/openzaak.env"; set +a
mkdir -p "$OZ/run" && chown postgres:postgres "$OZ/run"
if ! su postgres -s /bin/bash -c "/usr/lib/postgresql/15/bin/pg_ctl -D $OZ/pgdata status" >/dev/null 2>&1; then
  su postgres -s /bin/bash -c "/usr/lib/postgresql/15/bin/pg_ctl -D $OZ/pgdata -l $OZ/run/pg.log \
    -o '-p $DB_PORT -k $OZ/run -c listen_addresses=127.0.0.1' start -w" >/dev/null
fi
if ! redis-cli -h 127.0.0.1 -p 63790 ping >/dev/null 2>&1; then
  redis-server --port 63790 --bind 127.0.0.1 --daemonize yes --dir "$OZ/run" --logfile "$OZ/run/redis.log" \
    --pidfile "$OZ/run/redis.pid" --save ""
fi
[ "${1:-}" = "--alleen-databanken" ] && exit 0
if [ -f "$OZ/run/uwsgi.pid" ] && kill -0 "$(cat "$OZ/run/uwsgi.pid")" 2>/dev/null; then
  echo "Open Zaak draait al (pid $(cat "$OZ/run/uwsgi.pid"))"
else
  # --http-keepalive: clients (httpx, requests) hergebruiken hun verbinding; zonder sluit de router haar na één vraag.
  (cd "$OZ/src" && "$OZ/venv/bin/uwsgi" --http 127.0.0.1:8930 --http-keepalive --http-auto-chunked \
    --module openzaak.wsgi --master --processes 2 --threads 2 --enable-threads --buffer-size 65535 \
    --post-buffering 8192 --harakiri 120 --die-on-term --pidfile "$OZ/run/uwsgi.pid" --daemonize "$OZ/run/uwsgi.log")
fi
for _ in $(seq 1 60); do
  if curl -fsS -o /dev/null http://127.0.0.1:8930/zaken/api/v1/ 2>/dev/null; then
    echo "Open Zaak luistert op http://127.0.0.1:8930"; exit 0
  fi
  sleep 1
done
echo "Open Zaak antwoordt niet; zie $OZ/run/uwsgi.log" >&2
exit 1
