#!/usr/bin/env bash
# Faults and floods against the packaged service on a real PostgreSQL: the database stopped for 10 s, a flood of
# searches that match every article, 64 concurrent slow requests, concurrent reports and replies, idle and
# slow-header connections, and the statement timeout. Prints a table of what clients saw and writes it to
# bench/FAULTS.md (bench/Faults.java does the measuring).
#
#   bench/faults.sh                      # a throwaway PostgreSQL of its own (initdb/pg_ctl from PG_BIN or PATH)
#   SKIP_BUILD=1 bench/faults.sh         # use the jar already in target/quarkus-app
#   FAULTS_CASES=outage,reports bench/faults.sh      # some cases only (outage search slow reports replies idle
#                                        # timeout); their table goes to target/faults-partial.md
#   DATABASE_URL=postgresql://user:password@host:port/db PG_STOP='...' PG_START='...' bench/faults.sh
#                                        # your own database; the outage case runs only with PG_STOP and PG_START,
#                                        # commands that stop and start that server
#
# Needs Linux (reporters connect from 127.0.0.11 to .20), a JDK 17, psql and openssl. As root, the throwaway
# PostgreSQL runs as `nobody` (it refuses root), with its files under /tmp. About 3 minutes, plus the build.
# The service's log is kept in target/faults-service.log.
set -euo pipefail
cd "$(dirname "$0")/.."
command_line="$0${*:+ $*}"
for setting in PG_BIN ARTICLES FAULTS_CASES SKIP_BUILD; do
  if [ -n "${!setting:-}" ]; then command_line="$setting=${!setting} $command_line"; fi
done
ARTICLES=${ARTICLES:-3000}

work=$(mktemp -d /tmp/news-content-faults.XXXXXX)
chmod 755 "$work"
service=""
pg_data=""

log() { printf '[faults.sh] %s\n' "$*" >&2; }

# Below the kernel's ephemeral range (32768 and up here), so that no client's outgoing connection takes it meanwhile.
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 12000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
}

# PostgreSQL refuses to run as root: as root, its commands run as nobody.
as_postgres() {
  if [ "$(id -u)" = 0 ]; then
    (cd "$work" && setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups -- "$@")
  else
    (cd "$work" && "$@")
  fi
}

cleanup() {
  set +e
  if [ -n "$service" ]; then kill "$service" 2>/dev/null; wait "$service" 2>/dev/null; fi
  if [ -n "$pg_data" ]; then as_postgres "$PG_BIN/pg_ctl" -D "$pg_data" -m immediate -w stop >/dev/null 2>&1; fi
  rm -rf "$work"
}
trap cleanup EXIT

if [ -z "${DATABASE_URL:-}" ]; then
  PG_BIN=${PG_BIN:-$(dirname "$(command -v initdb || command -v pg_ctl || echo /usr/local/bin/initdb)")}
  [ -x "$PG_BIN/initdb" ] || { log "no initdb in PG_BIN=$PG_BIN: set PG_BIN to PostgreSQL's bin folder"; exit 1; }
  pg_port=$(free_port)
  pg_data="$work/pg/data"
  mkdir -p "$work/pg"
  [ "$(id -u)" = 0 ] && chown nobody "$work/pg"
  log "$("$PG_BIN/postgres" --version) in $pg_data on port $pg_port"
  printf 'postgres-superuser-%s\n' "$RANDOM$RANDOM" > "$work/pg/superuser-password"
  [ "$(id -u)" = 0 ] && chown nobody "$work/pg/superuser-password"
  as_postgres "$PG_BIN/initdb" -D "$pg_data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    --pwfile="$work/pg/superuser-password" -E UTF8 --locale=C >"$work/pg/initdb.log" 2>&1 \
    || { cat "$work/pg/initdb.log" >&2; exit 1; }
  cat >>"$pg_data/postgresql.conf" <<EOF
port = $pg_port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$work/pg'
max_connections = 100
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
  PG_START="$PG_BIN/pg_ctl -D $pg_data -l $work/pg/postgres.log -w -t 30 start"
  PG_STOP="$PG_BIN/pg_ctl -D $pg_data -m fast -w stop"
  if [ "$(id -u)" = 0 ]; then
    as_nobody="setpriv --reuid=nobody --regid=$(id -g nobody) --clear-groups --"
    PG_START="cd $work && $as_nobody $PG_START"
    PG_STOP="cd $work && $as_nobody $PG_STOP"
  fi
  bash -c "$PG_START" >/dev/null
  db_password="content-$RANDOM$RANDOM"
  psql -X -q -v ON_ERROR_STOP=1 -h "$work/pg" -p "$pg_port" -U postgres -d postgres \
    -c "CREATE ROLE content LOGIN PASSWORD '$db_password'" -c "CREATE DATABASE content OWNER content"
  DATABASE_URL="postgresql://content:$db_password@127.0.0.1:$pg_port/content"
fi
export PG_START="${PG_START:-}" PG_STOP="${PG_STOP:-}" DATABASE_URL

# postgresql://user:password@host:port/database -> the JDBC settings the service reads
rest=${DATABASE_URL#postgresql://}
credentials=${rest%%@*}
export QUARKUS_DATASOURCE_USERNAME=${credentials%%:*}
export QUARKUS_DATASOURCE_PASSWORD=${credentials#*:}
export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://${rest#*@}"

# Editor tokens: a throwaway key pair; bench/Faults.java signs with the private half.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/jwt-private.pem" 2>/dev/null
openssl pkey -in "$work/jwt-private.pem" -pubout -out "$work/jwt-public.pem"
export MP_JWT_VERIFY_PUBLICKEY_LOCATION="$work/jwt-public.pem"
export MP_JWT_VERIFY_ISSUER=https://news-content.faults
export MP_JWT_VERIFY_AUDIENCES=news-content-faults
export FAULTS_JWT_PRIVATE_KEY="$work/jwt-private.pem" FAULTS_JWT_ISSUER="$MP_JWT_VERIFY_ISSUER"
export FAULTS_JWT_AUDIENCE="$MP_JWT_VERIFY_AUDIENCES"
# The server secret (README: Configuration): a throwaway one for this run.
export CONTENT_SECRET="$(openssl rand -base64 32)"

# The bench posts hundreds of comments from one address: no rate limit. Reports never hold a comment here, so that
# every one of the concurrent reports must be counted (the hold rule is the moderators', not under test).
export CONTENT_COMMENTS_RATE_LIMIT_PER_MINUTE=1000000 CONTENT_COMMENTS_RATE_LIMIT_PER_HOUR=1000000
export CONTENT_COMMENTS_REPORTS_TO_HOLD=1000000

if [ "${SKIP_BUILD:-}" != 1 ]; then
  log "building (./mvnw -B -q package -DskipTests; SKIP_BUILD=1 skips this)"
  ./mvnw -B -q package -DskipTests
fi

mkdir -p target
service_log=target/faults-service.log
for attempt in 1 2 3; do
  port=$(free_port)
  export QUARKUS_HTTP_PORT=$port QUARKUS_HTTP_HOST=127.0.0.1
  # Where feeds link to (README: Configuration): required in production; this run's own address.
  export CONTENT_PUBLIC_BASE_URL="http://127.0.0.1:$port"
  log "starting the service on port $port, its log in $service_log"
  java -jar target/quarkus-app/quarkus-run.jar >"$service_log" 2>&1 &
  service=$!
  for _ in $(seq 1 120); do
    if curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null || ! kill -0 "$service" 2>/dev/null; then break; fi
    sleep 0.5
  done
  if curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null; then break; fi
  kill "$service" 2>/dev/null || true
  wait "$service" 2>/dev/null || true
  service=""
  # Another process took the port between the check and the start: another one.
  if [ "$attempt" -lt 3 ] && grep -q "seems to be in use" "$service_log"; then continue; fi
  log "the service did not start or is not ready after 60 s:"
  tail -40 "$service_log" >&2
  exit 1
done

if [ "$(psql "$DATABASE_URL" -XtAc "select count(*) from article where slug like 'bench-%'")" -lt "$ARTICLES" ]; then
  log "loading $ARTICLES articles (bench/generate.sql)"
  psql "$DATABASE_URL" -X -q -v articles="$ARTICLES" -f bench/generate.sql >"$work/generate.log"
fi

# Only a run of every case replaces bench/FAULTS.md.
if [ -z "${FAULTS_CASES:-}" ]; then FAULTS_OUT=bench/FAULTS.md; else FAULTS_OUT=target/faults-partial.md; fi
export FAULTS_LOG="$service_log" FAULTS_OUT FAULTS_COMMAND="$command_line" FAULTS_CASES="${FAULTS_CASES:-}"
export FAULTS_MACHINE="$(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB RAM, PostgreSQL $(psql "$DATABASE_URL" -XtAc 'show server_version' | sed 's/ .*//'), $(java -version 2>&1 | head -1)"
java bench/Faults.java "http://127.0.0.1:$port"
