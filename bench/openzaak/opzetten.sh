#!/bin/bash
# Zet een lokale Open Zaak 1.30.0 op, alleen op 127.0.0.1, voor de zgw_echt-tests van Sjabloonstraat. Idempotent.
# Vooraf (Debian 12, als root):
#   apt-get install postgresql-15 postgresql-15-postgis-3 redis-server gdal-bin jq libpcre2-dev
#   Python 3.12 (Open Zaak vraagt 3.12; hier: pyenv 3.12.1, of zet OZ_PYTHON)
#   de broncode van Open Zaak 1.30.0 in $OZ (standaard /work/openzaak):
#     git clone https://github.com/open-zaak/open-zaak && git -C open-zaak archive 1.30.0 | tar -x -C "$OZ"
# Daarna draaien PostgreSQL+PostGIS (54330), Redis (63790) en Open Zaak (8930); de catalogus, een applicatie met
# client id en secret, en een testzaak staan klaar. De omgeving voor pytest staat in $OZ/zgw-test.env.
set -euo pipefail
HIER=$(cd "$(dirname "$0")" && pwd)
OZ=${OZ:-/work/openzaak}
[ -f "$OZ/requirements/production.txt" ] || { echo "geen broncode van Open Zaak in $OZ (zie de kop van $0)" >&2; exit 2; }
PY=${OZ_PYTHON:-$(pyenv root 2>/dev/null)/versions/3.12.1/bin/python3.12}
if [ ! -x "$OZ/venv/bin/uwsgi" ]; then
  "$PY" -m venv "$OZ/venv"
  "$OZ/venv/bin/pip" install -q -U pip uv
  "$OZ/venv/bin/uv" pip install --python "$OZ/venv/bin/python" -r "$OZ/requirements/production.txt"
fi
if [ ! -f "$OZ/pgdata/PG_VERSION" ]; then
  mkdir -p "$OZ/pgdata" && chown postgres:postgres "$OZ/pgdata"
  su postgres -s /bin/bash -c "/usr/lib/postgresql/15/bin/initdb -D $OZ/pgdata -U postgres --auth=trust -E UTF8 \
    --locale=C.UTF-8" >/dev/null
fi
"$HIER/starten.sh" --alleen-databanken
set -a; . "$HIER/openzaak.env"; . "$HIER/opzet.env"; set +a
PSQL="psql -h 127.0.0.1 -p $DB_PORT -U postgres -v ON_ERROR_STOP=1 -q"
if ! $PSQL -tAc "select 1 from pg_database where datname='$DB_NAME'" | grep -q 1; then
  $PSQL -c "create user $DB_USER password '$DB_PASSWORD' superuser" -c "create database $DB_NAME owner $DB_USER"
  $PSQL -d "$DB_NAME" -c "create extension postgis" -c "create extension pg_trgm"
fi
(cd "$OZ/src" && "$OZ/venv/bin/python" manage.py migrate --no-input >"$OZ/run/migrate.log" 2>&1) \
  || { echo "migrate mislukt; zie $OZ/run/migrate.log" >&2; exit 1; }
(cd "$OZ/src" && "$OZ/venv/bin/python" manage.py shell <"$HIER/opzetten_catalogus.py" 2>&1 | grep -v '"level": "warning"')
"$HIER/starten.sh"
ZAAK=$("$OZ/venv/bin/python" "$HIER/opzetten_zaak.py")
cat >"$OZ/zgw-test.env" <<ENV
SJABLOON_ZGW_TEST_URL=$OZ_BASIS
SJABLOON_ZGW_TEST_CLIENT_ID=$OZ_CLIENT_ID
SJABLOON_ZGW_TEST_SECRET=$OZ_SECRET
SJABLOON_ZGW_TEST_ZAAK=$ZAAK
ENV
echo "klaar: testzaak $ZAAK; de omgeving voor pytest staat in $OZ/zgw-test.env"
