#!/bin/sh
# Runs once, when the PostgreSQL container initialises its data: the application gets a role of its own that owns
# its database and schema but is no superuser (it cannot run programs, read server files or drop the log triggers).
# The superuser's password (POSTGRES_PASSWORD) stays with the operator.
set -eu
: "${YANSHOU_DB_PASSWORD:?set YANSHOU_DB_PASSWORD}"
psql -v ON_ERROR_STOP=1 -v app_password="$YANSHOU_DB_PASSWORD" --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<'SQL'
create role yanshou_app login nosuperuser nocreatedb nocreaterole noreplication password :'app_password';
alter database yanshou owner to yanshou_app;
alter schema public owner to yanshou_app;
revoke create on schema public from public;
SQL
