#!/bin/sh
# Creates (or updates) one login role and one database per VenTrack service,
# with the name and password from the Secret ventrack-<service>-db that the
# service itself uses. Idempotent: re-running it sets the roles' passwords
# to the current Secret values (password rotation) and creates nothing twice.
# Connection settings come from PGHOST, PGPORT, PGUSER, PGPASSWORD,
# PGDATABASE and PGSSLMODE.
set -eu

until pg_isready --quiet; do
  echo "waiting for PostgreSQL at ${PGHOST}:${PGPORT}"
  sleep 5
done

# $1 = database name, $2 = name of the env var with the role name,
# $3 = name of the env var with the password. psql reads the values with
# \getenv, so they never appear on a command line.
create() {
  psql --no-psqlrc --quiet --set ON_ERROR_STOP=1 \
    --set db="$1" --set user_var="$2" --set password_var="$3" <<'SQL'
\getenv role :user_var
\getenv password :password_var
SELECT format('CREATE ROLE %I LOGIN', :'role')
  WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
ALTER ROLE :"role" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'password';
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'role')
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
ALTER DATABASE :"db" OWNER TO :"role";
-- Only the owning service (and superusers) may connect.
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
SQL
  echo "database $1 ready"
}

create ventrack_patient PATIENT_DB_USER PATIENT_DB_PASSWORD
create ventrack_response RESPONSE_DB_USER RESPONSE_DB_PASSWORD
create ventrack_pk PK_DB_USER PK_DB_PASSWORD
create ventrack_survival SURVIVAL_DB_USER SURVIVAL_DB_PASSWORD
