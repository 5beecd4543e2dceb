#!/bin/bash
# Stop de lokale Open Zaak, haar Redis en haar PostgreSQL (alleen de processen met een pid in $OZ/run).
HIER=$(cd "$(dirname "$0")" && pwd)
OZ=${OZ:-/work/openzaak}
if [ -f "$OZ/run/uwsgi.pid" ] && kill -0 "$(cat "$OZ/run/uwsgi.pid")" 2>/dev/null; then
  PID=$(cat "$OZ/run/uwsgi.pid"); kill -INT "$PID"
  for _ in $(seq 1 30); do kill -0 "$PID" 2>/dev/null || break; sleep 1; done
fi
[ -f "$OZ/run/redis.pid" ] && kill "$(cat "$OZ/run/redis.pid")" 2>/dev/null
su postgres -s /bin/bash -c "/usr/lib/postgresql/15/bin/pg_ctl -D $OZ/pgdata stop -m fast" >/dev/null 2>&1
echo "gestopt"
