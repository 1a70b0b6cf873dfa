#!/usr/bin/env bash
# Throughput against the limit: the packaged service against nginx serving the same article JSON as a file (the read
# limit) and against pgbench's single-row insert (the write limit), in one run on one machine.
#
#   bench/throughput.sh                       # build, then measure (about 5 minutes plus the build)
#   SKIP_BUILD=1 bench/throughput.sh          # use the jar already in target/quarkus-app
#   DURATION=10s RUNS=3 bench/throughput.sh   # each wrk run 10 s, the median of 3 runs (default: 5s, 1 run)
#   THREADS=2 CONNECTIONS=32 ...              # wrk -t/-c (defaults 2 and 32); PG_BIN=... PostgreSQL's bin folder
#   WARMUP=3s                                 # each request sent this long, unmeasured, before the runs (default 10s;
#                                             # 0: none). Less leaves the instrumented path half-compiled (RESULTS.md)
#   JAVA_OPTS="-Xmx256m"                      # JVM options of the service (none by default)
#   READS="nginx json"                        # only these reads (default: all of them); the POST always runs
#   COMPARE="noaccess:QUARKUS_LOG_CATEGORY__ORG_NEWSROOM_CONTENT_ACCESS__LEVEL=WARN notrace:QUARKUS_OTEL_SDK_DISABLED=true"
#                                             # what settings cost: one more instance per entry (name:VAR=value[,...]),
#                                             # the cached article JSON measured on each, on the default instance and on
#                                             # nginx in turn, RUNS rounds (a second table); default: none
#
# What it does:
#  1. starts a throwaway PostgreSQL (initdb/pg_ctl from PG_BIN, PATH or /usr/local/bin) on a free port, with its
#     files under the system temp dir (as root it runs as `nobody`: PostgreSQL refuses root);
#  2. packages the service (./mvnw -B -q -o package -DskipTests) and starts the jar on a free port with the
#     production settings it requires (throwaway CONTENT_SECRET and JWT key pair) and the DEFAULT rate limits,
#     trusting 127.0.0.1 as a proxy (CONTENT_CLIENT_TRUSTED_PROXIES=127.0.0.1), so that wrk can vary X-Forwarded-For;
#     and a second instance on the same database with the representation cache off (CONTENT_CACHE_ENABLED=false);
#  3. creates, as an editor (a JWT signed here with openssl), one published article of 35 paragraphs (~28 KB of
#     JSON) and 20 comments on it, saves its JSON to a file and serves that file from nginx (unprivileged, its own
#     prefix and conf, on a free port);
#  4. measures with wrk (-t2 -c32): nginx serving the file; the service's GET article as JSON, as text
#     (Accept: text/plain), gzipped (Accept-Encoding: gzip), with the current If-None-Match (304), the comments
#     page, the list's first page, a search (?q=), a cache miss on every request (a new Accept parameter each), the
#     article from the instance without the cache; POST comment (bench/post-comment.lua: a new Idempotency-Key and
#     a new X-Forwarded-For address per request); pgbench's single-row insert into a scratch table (-c 8 -T 5); and,
#     with pgbench, the rate limit's read for a new client and for one with 10,000 comments in the last hour;
#  5. prints one table (req/s, p99, ratio to nginx for reads or to pgbench for the POST, errors) and the service's
#     resident memory (VmRSS) after the run. Everything it started is stopped and removed on exit.
#
# Installs nothing. Needs: Linux, bash, curl, openssl, a JDK 17 (java), nginx, wrk, pgbench, psql and a PostgreSQL
# server (initdb, pg_ctl, postgres); e.g. on Debian `apt-get install nginx wrk postgresql-client`.
# The service's log is kept in target/throughput-service.log. Results: bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-5s}
RUNS=${RUNS:-1}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
WARMUP=${WARMUP:-10s}

log() { printf '[throughput.sh] %s\n' "$*" >&2; }

missing=()
for tool in curl openssl java nginx wrk pgbench psql; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
PG_BIN=${PG_BIN:-$(dirname "$(command -v initdb || command -v pg_ctl || echo /usr/local/bin/initdb)")}
for tool in initdb pg_ctl postgres; do [ -x "$PG_BIN/$tool" ] || missing+=("$tool (PostgreSQL server, PG_BIN=$PG_BIN)"); done
if [ "${#missing[@]}" -gt 0 ]; then
  log "missing: ${missing[*]}"
  log "install them (e.g. apt-get install nginx wrk postgresql-client; a PostgreSQL server's bin folder as PG_BIN)"
  exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/news-content-throughput.XXXXXX")
chmod 755 "$work"
service=""
uncached_service=""
compare_pids=()
nginx_pid=""
pg_data=""

# PostgreSQL and nginx refuse or should not run as root: as root, they run as nobody. (exec: a command started in the
# background keeps the pid $! names, so that cleanup stops it.)
as_nobody() {
  if [ "$(id -u)" = 0 ]; then
    (cd "$work" && exec setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups -- "$@")
  else
    (cd "$work" && exec "$@")
  fi
}

cleanup() {
  set +e
  if [ -n "$service" ]; then kill "$service" 2>/dev/null; wait "$service" 2>/dev/null; fi
  if [ -n "$uncached_service" ]; then kill "$uncached_service" 2>/dev/null; wait "$uncached_service" 2>/dev/null; fi
  for pid in "${compare_pids[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done
  if [ -n "$nginx_pid" ]; then
    [ -s "$work/nginx/nginx.pid" ] && kill "$(cat "$work/nginx/nginx.pid")" 2>/dev/null
    kill "$nginx_pid" 2>/dev/null; wait "$nginx_pid" 2>/dev/null
  fi
  if [ -n "$pg_data" ]; then as_nobody "$PG_BIN/pg_ctl" -D "$pg_data" -m immediate -w stop >/dev/null 2>&1; fi
  rm -rf "$work"
}
trap cleanup EXIT

# Below the kernel's ephemeral range (32768 and up here), so that no client's outgoing connection takes it meanwhile.
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 12000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
}

# --- 1. PostgreSQL ---------------------------------------------------------------------------------------------------
pg_port=$(free_port)
pg_data="$work/pg/data"
mkdir -p "$work/pg"
chmod 700 "$work/pg"
[ "$(id -u)" = 0 ] && chown nobody "$work/pg"
log "$("$PG_BIN/postgres" --version) in $pg_data on port $pg_port"
as_nobody "$PG_BIN/initdb" -D "$pg_data" -U postgres --auth=trust -E UTF8 --locale=C >"$work/initdb.log" 2>&1 \
  || { cat "$work/initdb.log" >&2; exit 1; }
# The same server settings as bench/faults.sh (durability off: a throwaway database; pgbench runs on them too).
cat >>"$pg_data/postgresql.conf" <<EOF
port = $pg_port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$work/pg'
max_connections = 100
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
as_nobody "$PG_BIN/pg_ctl" -D "$pg_data" -l "$work/pg/postgres.log" -w -t 30 start >/dev/null
db_password="content-$RANDOM$RANDOM"
psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres \
  -c "CREATE ROLE content LOGIN PASSWORD '$db_password'" -c "CREATE DATABASE content OWNER content"
DATABASE_URL="postgresql://content:$db_password@127.0.0.1:$pg_port/content"
export QUARKUS_DATASOURCE_USERNAME=content QUARKUS_DATASOURCE_PASSWORD=$db_password
export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$pg_port/content"

# --- 2. The service --------------------------------------------------------------------------------------------------
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/jwt-private.pem" 2>/dev/null
openssl pkey -in "$work/jwt-private.pem" -pubout -out "$work/jwt-public.pem"
export MP_JWT_VERIFY_PUBLICKEY_LOCATION="$work/jwt-public.pem"
export MP_JWT_VERIFY_ISSUER=https://news-content.throughput
export MP_JWT_VERIFY_AUDIENCES=news-content-throughput
export CONTENT_SECRET="$(openssl rand -base64 32)"
# wrk's requests come from 127.0.0.1: trusted as a proxy, so that X-Forwarded-For names the client. Rate limits: the
# defaults (no CONTENT_COMMENTS_RATE_LIMIT_* set).
export CONTENT_CLIENT_TRUSTED_PROXIES=127.0.0.1
unset CONTENT_COMMENTS_RATE_LIMIT_PER_MINUTE CONTENT_COMMENTS_RATE_LIMIT_PER_HOUR

if [ "${SKIP_BUILD:-}" != 1 ]; then
  log "building (./mvnw -B -q -o package -DskipTests; SKIP_BUILD=1 skips this)"
  ./mvnw -B -q -o package -DskipTests
fi
[ -f target/quarkus-app/quarkus-run.jar ] || { log "no target/quarkus-app/quarkus-run.jar: build first"; exit 1; }

mkdir -p target
# start_service <log file> [VAR=value ...]: starts the jar on a free port with the environment above plus the given
# settings; sets $port and $started (its pid) once it is ready.
start_service() {
  local service_log=$1
  shift
  for attempt in 1 2 3; do
    port=$(free_port)
    log "starting the service on port $port ${*:-(default settings)}, its log in $service_log"
    env QUARKUS_HTTP_PORT="$port" QUARKUS_HTTP_HOST=127.0.0.1 CONTENT_PUBLIC_BASE_URL="http://127.0.0.1:$port" "$@" \
      java ${JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar >"$service_log" 2>&1 &
    started=$!
    for _ in $(seq 1 120); do
      if curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null || ! kill -0 "$started" 2>/dev/null; then break; fi
      sleep 0.5
    done
    if curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null; then return 0; fi
    kill "$started" 2>/dev/null || true
    wait "$started" 2>/dev/null || true
    started=""
    if [ "$attempt" -lt 3 ] && grep -q "seems to be in use" "$service_log"; then continue; fi
    log "the service did not start or is not ready after 60 s:"
    tail -40 "$service_log" >&2
    exit 1
  done
}
start_service target/throughput-service.log
service=$started
base="http://127.0.0.1:$port"
# A second instance on the same database with the representation cache off: every read built from PostgreSQL, as
# before the cache (the uncached baseline, measured in the same run).
start_service target/throughput-uncached.log CONTENT_CACHE_ENABLED=false
uncached_service=$started
uncached_base="http://127.0.0.1:$port"
# COMPARE: one more instance per entry, with its settings (the same database, its own representation cache).
compare_names=()
declare -A compare_base=()
for entry in ${COMPARE:-}; do
  IFS=, read -r -a settings <<<"${entry#*:}"
  start_service "target/throughput-${entry%%:*}.log" "${settings[@]}"
  compare_pids+=("$started")
  compare_names+=("${entry%%:*}")
  compare_base[${entry%%:*}]="http://127.0.0.1:$port"
done

# --- 3. The article, its comments, nginx -----------------------------------------------------------------------------
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
jwt_input="$(printf '{"alg":"RS256","typ":"JWT"}' | b64url).$(printf \
  '{"iss":"%s","aud":"%s","sub":"throughput-bench","upn":"throughput-bench","groups":["editor"],"iat":%d,"exp":%d,"jti":"%s"}' \
  "$MP_JWT_VERIFY_ISSUER" "$MP_JWT_VERIFY_AUDIENCES" "$now" "$((now + 3600))" "$RANDOM$RANDOM" | b64url)"
token="$jwt_input.$(printf '%s' "$jwt_input" | openssl dgst -sha256 -sign "$work/jwt-private.pem" -binary | b64url)"

{
  echo "Harbour authority approves the night-ferry timetable after a year of trials"
  for i in $(seq 1 35); do
    echo
    echo "HARBOUR - Paragraph $i of the benchmark article. The harbour authority said on Tuesday that the night" \
      "ferries would keep their timetable through the winter, after a year in which sailings ran on time more often" \
      "than the buses that meet them. Councillors asked how the crossings would be paid for once the trial grant ends," \
      "and the authority answered that fares would rise by less than inflation. Residents of the islands, who had" \
      "campaigned for the service, welcomed the decision but asked for a later last sailing on Fridays ($i). The" \
      "operator, which runs three boats, said a fourth would be needed for that and that it would decide in spring." \
      "Tickets for the winter sailings go on sale on Monday at the harbour office and online."
  done
} >"$work/article.txt"
created=$(curl -sS -D "$work/created.headers" -X POST "$base/api/v1/articles" -H "Authorization: Bearer $token" \
  -H 'Content-Type: text/plain; charset=utf-8' --data-binary @"$work/article.txt")
ref=$(printf '%s' "$created" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
etag=$(tr -d '\r' <"$work/created.headers" | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')
[ -n "$ref" ] && [ -n "$etag" ] || { log "creating the article answered: $(head -1 "$work/created.headers") $created"; exit 1; }
curl -sSf -o /dev/null -X PATCH "$base/api/v1/articles/$ref" -H "Authorization: Bearer $token" -H "If-Match: $etag" \
  -H 'Content-Type: application/merge-patch+json' -d '{"status":"published"}' \
  || { log "publishing article $ref failed"; exit 1; }
for i in $(seq 1 20); do
  status=$(curl -sS -o "$work/comment.out" -w '%{http_code}' -X POST "$base/api/v1/articles/$ref/comments" \
    -H 'Content-Type: application/json' -H "Idempotency-Key: setup-$i-$(openssl rand -hex 12)" -H "X-Forwarded-For: 192.0.2.$i" \
    -d "{\"authorName\":\"Setup reader $i\",\"body\":\"Comment $i: the Friday sailing should leave later, say reader $i.\"}")
  [ "$status" = 201 ] || { log "posting comment $i answered $status: $(cat "$work/comment.out")"; exit 1; }
done
mkdir -p "$work/www"
curl -sSf -D "$work/article.headers" -o "$work/www/article.json" "$base/api/v1/articles/$ref"
article_etag=$(tr -d '\r' <"$work/article.headers" | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')
paragraphs=$(grep -o '"type":' "$work/www/article.json" | wc -l || true)
comments=$(curl -sSf "$base/api/v1/articles/$ref/comments" | grep -o '"authorName":' | wc -l || true)
log "article $ref: $(wc -c <"$work/www/article.json") bytes of JSON, $paragraphs typed blocks, $comments comments on the first page, ETag $article_etag"
chmod -R a+rX "$work/www"

nginx_port=$(free_port)
mkdir -p "$work/nginx/logs" "$work/nginx/tmp"
cat >"$work/nginx/nginx.conf" <<EOF
daemon off;
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx/tmp/body;
  proxy_temp_path $work/nginx/tmp/proxy;
  fastcgi_temp_path $work/nginx/tmp/fastcgi;
  uwsgi_temp_path $work/nginx/tmp/uwsgi;
  scgi_temp_path $work/nginx/tmp/scgi;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/www;
    location = /article.json { default_type application/json; }
  }
}
EOF
[ "$(id -u)" = 0 ] && chown -R nobody "$work/nginx"
as_nobody nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" 2>"$work/nginx.stderr" &
nginx_pid=$!
for _ in $(seq 1 50); do curl -sf -o /dev/null "http://127.0.0.1:$nginx_port/article.json" && break; sleep 0.1; done
cmp -s <(curl -sf "http://127.0.0.1:$nginx_port/article.json") "$work/www/article.json" \
  || { log "nginx does not serve the article:"; cat "$work/nginx.stderr" "$work/nginx/logs/error.log" >&2; exit 1; }

# --- 4. Measure ------------------------------------------------------------------------------------------------------
# One wrk run: prints "<req/s> <p99 ms> <errors>"; measure prints the median run by req/s (its p99 and errors).
wrk_once() {
  local script=$1 url=$2
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s "$script" "$url" >"$work/wrk.out" 2>&1 \
    || { cat "$work/wrk.out" >&2; return 1; }
  grep '^STATUS' "$work/wrk.out" | sed 's/^/    /' >&2 || true
  sed -n 's/^RESULT //p' "$work/wrk.out"
}
measure() {
  local script=$1 url=$2 r
  for i in $(seq 1 "$RUNS"); do
    # The POST's script: its own keys and client addresses in each run.
    r=$(BENCH_RUN="run$i-$RANDOM$RANDOM" BENCH_OFFSET=$((i * 16)) wrk_once "$script" "$url")
    log "    run: $r"
    echo "$r"
  done | sort -n -k1,1 | sed -n "$(((RUNS + 1) / 2))p"
}
search_word=timetable
declare -A result
# READS="nginx json" measures only those reads (nginx first: the others' ratios need it).
read -r -a reads <<<"${READS:-nginx json text gzip 304 comments list search miss uncached}"
declare -A label=(
  [nginx]="nginx: the same article JSON as a file (the limit)"
  [json]="GET article (JSON)"
  [text]="GET article (Accept: text/plain)"
  [gzip]="GET article (Accept-Encoding: gzip)"
  [304]="GET article, If-None-Match current (304)"
  [comments]="GET comments, first page (20)"
  [list]="GET articles list, first page"
  [search]="GET search (?q=$search_word)"
  [miss]="GET article (JSON), a cache miss every time (a new Accept each)"
  [uncached]="GET article (JSON), second instance with the cache off"
  [post]="POST comment (Idempotency-Key, new X-Forwarded-For each, default limits)"
  [pgbench]="pgbench: single-row INSERT, -c 8 (the write limit)"
)
declare -A url=(
  [nginx]="http://127.0.0.1:$nginx_port/article.json"
  [json]="$base/api/v1/articles/$ref" [text]="$base/api/v1/articles/$ref" [gzip]="$base/api/v1/articles/$ref"
  [304]="$base/api/v1/articles/$ref" [comments]="$base/api/v1/articles/$ref/comments"
  [list]="$base/api/v1/articles" [search]="$base/api/v1/articles?q=$search_word"
  [miss]="$base/api/v1/articles/$ref" [uncached]="$uncached_base/api/v1/articles/$ref"
)
# The gzip variant must really be gzip, the 304 really a 304: checked once with curl before measuring.
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $article_etag" "${url[304]}")" = 304 ] \
  || log "WARNING: If-None-Match $article_etag does not answer 304"
curl -s -D - -o /dev/null -H 'Accept-Encoding: gzip' "${url[gzip]}" | grep -qi '^content-encoding: *gzip' \
  || log "WARNING: Accept-Encoding: gzip is not answered gzipped"

# The JVM compiles what it runs: every request is sent for WARMUP before anything is measured.
if [ "$WARMUP" != 0 ]; then
  log "warming up: wrk -d$WARMUP on each of the service's reads, then on the POST (not measured)"
  for name in "${reads[@]:1}"; do
    (
      case $name in
        text) export WRK_ACCEPT=text/plain ;;
        gzip) export WRK_ACCEPT_ENCODING=gzip ;;
        304) export WRK_IF_NONE_MATCH=$article_etag ;;
        miss) export WRK_UNIQUE_ACCEPT=1 ;;
      esac
      wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s bench/wrk-report.lua "${url[$name]}" >/dev/null
    )
  done
fi

for name in "${reads[@]}"; do
  log "wrk -t$THREADS -c$CONNECTIONS -d$DURATION: ${label[$name]} ($RUNS run(s))"
  (
    case $name in
      text) export WRK_ACCEPT=text/plain ;;
      gzip) export WRK_ACCEPT_ENCODING=gzip ;;
      304) export WRK_IF_NONE_MATCH=$article_etag ;;
      search) export WRK_STATUSES=1 ;;
      miss) export WRK_UNIQUE_ACCEPT=1 ;;
    esac
    measure bench/wrk-report.lua "${url[$name]}"
  ) >"$work/result.$name"
  result[$name]=$(cat "$work/result.$name")
done

# COMPARE: nginx, the default instance and each compared one in turn, RUNS rounds, so that the machine's drift falls on
# all of them alike; the median of each.
declare -A compared=()
if [ "${#compare_names[@]}" -gt 0 ]; then
  for name in "${compare_names[@]}"; do
    [ "$WARMUP" = 0 ] || wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s bench/wrk-report.lua \
      "${compare_base[$name]}/api/v1/articles/$ref" >/dev/null
  done
  for i in $(seq 1 "$RUNS"); do
    for name in nginx default "${compare_names[@]}"; do
      case $name in
        nginx) target=${url[nginx]} ;;
        default) target=${url[json]} ;;
        *) target="${compare_base[$name]}/api/v1/articles/$ref" ;;
      esac
      r=$(wrk_once bench/wrk-report.lua "$target")
      log "    compare round $i, $name: $r"
      compared[$name]+="$r"$'\n'
    done
  done
fi

if [ "$WARMUP" != 0 ]; then
  BENCH_ARTICLE=$ref BENCH_RUN="warmup-$RANDOM$RANDOM" BENCH_OFFSET=200 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" \
    -s bench/post-comment.lua "$base/api/v1/articles/$ref/comments" >/dev/null
fi
log "wrk -t$THREADS -c$CONNECTIONS -d$DURATION: ${label[post]} ($RUNS run(s))"
result[post]=$(BENCH_ARTICLE=$ref measure bench/post-comment.lua "$base/api/v1/articles/$ref/comments")

log "pgbench -n -c 8 -j 2 -T 5: INSERT of one row into a scratch table ($RUNS run(s))"
psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres \
  -c "CREATE TABLE bench_insert (id bigserial PRIMARY KEY, body text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())"
echo "INSERT INTO bench_insert (body) VALUES ('a single row, as a comment is');" >"$work/insert.sql"
# pgbench_median <script> <database>: RUNS runs of pgbench -c 8 -T 5; prints "<median tps> - -" (a result row).
pgbench_median() {
  local values=() tps
  for _ in $(seq 1 "$RUNS"); do
    tps=$(pgbench -n -h 127.0.0.1 -p "$pg_port" -U postgres -c 8 -j 2 -T 5 -f "$1" "$2" 2>&1 \
      | sed -n 's/^tps = \([0-9.]*\).*without initial connection time.*/\1/p')
    log "    run: $tps tps"
    values+=("$tps")
  done
  echo "$(printf '%s\n' "${values[@]}" | sort -n | sed -n "$(((RUNS + 1) / 2))p") - -"
}
result[pgbench]=$(pgbench_median "$work/insert.sql" postgres)

# The rate limit's read, as each comment POST runs it with the default limits (5 a minute, 30 an hour: at most 30 rows),
# for a new client and for one whose last hour holds 10,000 comments; and the count(*) it replaced, for that client.
history_client=198.51.100.77
psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U postgres -d content -c "
  INSERT INTO comment (article_id, author_name, body, status, shown_to_readers, created_at, updated_at, editable_until,
                       token_hash, client_address)
  SELECT $ref, 'History', 'Earlier comment ' || n, 'published', true, now() - n * interval '300 milliseconds',
         now(), now(), sha256(n::text::bytea), '$history_client'
  FROM generate_series(1, 10000) AS n" -c "ANALYZE comment"
rate_read() {
  echo "SELECT created_at FROM comment WHERE client_address = '$1' AND created_at >= now() - interval '1 hour' ORDER BY created_at DESC LIMIT 30;"
}
rate_read new-client >"$work/rate-new.sql"
log "the rate limit's read for that client: $(psql -X -q -At -h 127.0.0.1 -p "$pg_port" -U postgres -d content \
  -c "EXPLAIN (ANALYZE, BUFFERS, TIMING OFF) $(rate_read "$history_client")" | tr '\n' ' ')"
rate_read "$history_client" >"$work/rate-history.sql"
echo "SELECT count(*) FROM comment WHERE client_address = '$history_client' AND created_at >= now() - interval '1 hour';" \
  >"$work/rate-count.sql"
declare -A rate_label=(
  [rate-new]="rate-limit read, new client (pgbench)"
  [rate-history]="rate-limit read, client with 10,000 comments this hour (pgbench)"
  [rate-count]="count(*) of that client's hour, the read it replaced (pgbench)"
)
for name in rate-new rate-history rate-count; do
  log "pgbench -n -c 8 -j 2 -T 5: ${rate_label[$name]} ($RUNS run(s))"
  result[$name]=$(pgbench_median "$work/$name.sql" content)
  label[$name]=${rate_label[$name]}
done

rss=$(sed -n 's/^VmRSS:[[:space:]]*//p' "/proc/$service/status")
# With JAVA_OPTS="-XX:NativeMemoryTracking=summary ...": where the resident memory goes, in the log.
case " ${JAVA_OPTS:-} " in
  *NativeMemoryTracking=*) jcmd "$service" VM.native_memory summary scale=MB 2>&1 | grep -E 'committed' | sed 's/^/[throughput.sh] NMT /' >&2 ;;
esac

# --- 5. The table ----------------------------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f%%", 100 * a / b; else print "-" }'; }
read -r nginx_rps _ _ <<<"${result[nginx]}"
read -r pg_tps _ _ <<<"${result[pgbench]}"
echo
echo "$(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB RAM; $("$PG_BIN/postgres" --version);" \
  "$(java -version 2>&1 | head -1); $(nginx -v 2>&1 | sed 's/.*: //'); wrk -t$THREADS -c$CONNECTIONS -d$DURATION," \
  "median of $RUNS run(s); article $(wc -c <"$work/www/article.json") bytes of JSON, 35 paragraphs, 20 comments"
echo
echo "| Request | req/s | p99 | ratio | errors |"
echo "|---|---:|---:|---:|---:|"
for name in "${reads[@]}" post pgbench rate-new rate-history rate-count; do
  read -r rps p99 errors <<<"${result[$name]}"
  case $name in
    nginx) r="100% (limit)" ;;
    post) r="$(ratio "$rps" "$pg_tps") of pgbench" ;;
    pgbench) r="100% (limit)" ;;
    rate-*) r="$(ratio "$rps" "${result[rate-new]%% *}") of a new client's" ;;
    *) r="$(ratio "$rps" "$nginx_rps") of nginx" ;;
  esac
  [ "$p99" = - ] || p99="$p99 ms"
  printf '| %s | %s | %s | %s | %s |\n' "${label[$name]}" "$(printf '%.0f' "$rps")" "$p99" "$r" "$errors"
done
echo
echo "req/s counts answers that are not errors; p99 is over all answers. Errors: for reads, responses >= 400 and socket"
echo "errors (wrk's count); for the POST, every non-2xx and socket error. A search beyond content.limits.expensive-reads"
echo "(default 4) running at once is refused with a 503 after a 250 ms pause: those are its errors (and its p99)."
echo "Service resident memory after the run (VmRSS of the JVM with the cache, default settings, JAVA_OPTS: ${JAVA_OPTS:-none}): $rss"
if [ "${#compare_names[@]}" -gt 0 ]; then
  echo
  echo "Settings compared (COMPARE): the cached article JSON, each instance measured in turn with nginx, $RUNS round(s), medians:"
  echo
  echo "| Instance | settings | req/s | p99 | ratio |"
  echo "|---|---|---:|---:|---:|"
  read -r compare_nginx _ _ <<<"$(printf '%s' "${compared[nginx]}" | sort -n -k1,1 | sed -n "$(((RUNS + 1) / 2))p")"
  for name in nginx default "${compare_names[@]}"; do
    read -r rps p99 _ <<<"$(printf '%s' "${compared[$name]}" | sort -n -k1,1 | sed -n "$(((RUNS + 1) / 2))p")"
    case $name in
      nginx) settings="the same bytes from a file"; r="100% (limit)" ;;
      default) settings="default"; r="$(ratio "$rps" "$compare_nginx") of nginx" ;;
      *) settings=$(printf '%s\n' ${COMPARE} | sed -n "s/^$name://p" | tr ',' ' '); r="$(ratio "$rps" "$compare_nginx") of nginx" ;;
    esac
    printf '| %s | `%s` | %s | %s ms | %s |\n' "$name" "$settings" "$(printf '%.0f' "$rps")" "$p99" "$r"
  done
fi
