#!/usr/bin/env bash
# Runs once, when the PostgreSQL volume is first created: one database per service, each owned by
# a login role of its own, so a service can reach only its own data.
set -euo pipefail
: "${KNOWLEDGEHUB_DB_PASSWORD:?KNOWLEDGEHUB_DB_PASSWORD must be set}"
for service in expertise communities alignment partnerships search notifications; do
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<SQL
CREATE ROLE ${service} LOGIN PASSWORD '${KNOWLEDGEHUB_DB_PASSWORD}';
CREATE DATABASE knowledgehub_${service} OWNER ${service};
REVOKE ALL ON DATABASE knowledgehub_${service} FROM PUBLIC;
SQL
done
