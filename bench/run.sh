#!/usr/bin/env bash
# Loads 100,000 articles (3.5 million paragraphs) into a PostgreSQL and measures the reads that finding articles relies on (list pages, deep pages, search).
# Needs: psql, and a PostgreSQL you can reach, e.g.
#   DATABASE_URL=postgresql://content:secret@localhost:5432/content bench/run.sh
# It builds the service, starts it against that database (Flyway creates the schema), loads the data with
# bench/generate.sql, runs bench/Bench.java, prints EXPLAIN (ANALYZE, BUFFERS) of the main queries, and stops.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DATABASE_URL:?set DATABASE_URL=postgresql://user:password@host:port/database}"
ARTICLES=${ARTICLES:-100000}
PORT=${PORT:-8090}

# postgresql://user:password@host:port/db -> the JDBC settings the service reads
rest=${DATABASE_URL#postgresql://}
credentials=${rest%%@*}
export QUARKUS_DATASOURCE_USERNAME=${credentials%%:*}
export QUARKUS_DATASOURCE_PASSWORD=${credentials#*:}
export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://${rest#*@}"
export QUARKUS_HTTP_PORT=$PORT
# Required in production (README: Security and privacy); the bench reads only, so throwaway values do.
mkdir -p target
if [ -z "${MP_JWT_VERIFY_PUBLICKEY_LOCATION:-}" ]; then
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out target/bench-jwt-private.pem 2>/dev/null
    openssl pkey -in target/bench-jwt-private.pem -pubout -out target/bench-jwt-public.pem
    export MP_JWT_VERIFY_PUBLICKEY_LOCATION="$PWD/target/bench-jwt-public.pem"
fi
export MP_JWT_VERIFY_ISSUER=${MP_JWT_VERIFY_ISSUER:-https://news-content.bench}
export MP_JWT_VERIFY_AUDIENCES=${MP_JWT_VERIFY_AUDIENCES:-news-content-bench}
export CONTENT_SECRET=${CONTENT_SECRET:-$(openssl rand -base64 32)}
export CONTENT_PUBLIC_BASE_URL=${CONTENT_PUBLIC_BASE_URL:-http://localhost:$PORT}

./mvnw -B -q package -DskipTests
java -jar target/quarkus-app/quarkus-run.jar > target/bench-service.log 2>&1 &
service=$!
trap 'kill $service 2>/dev/null || true' EXIT
until curl -sf "localhost:$PORT/q/health/ready" >/dev/null; do sleep 1; done

if [ "$(psql "$DATABASE_URL" -tAc "select count(*) from article where slug like 'bench-%'")" -lt "$ARTICLES" ]; then
  time psql "$DATABASE_URL" -v articles="$ARTICLES" -f bench/generate.sql
fi
java -Darticles="$ARTICLES" bench/Bench.java "http://localhost:$PORT" "${REQUESTS:-500}"
psql "$DATABASE_URL" -f bench/explain.sql
