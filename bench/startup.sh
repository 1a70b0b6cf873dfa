#!/usr/bin/env bash
# Start-up time and resident memory of the packaged service, with a few JVM flag sets (issue 15, point 7).
#
#   bench/startup.sh                          # build, then measure (about 12 minutes plus the build)
#   SKIP_BUILD=1 bench/startup.sh             # use the jar already in target/quarkus-app
#   RUNS=5 LOAD=20s bench/startup.sh          # median of 5 starts per flag set (default 3), 20 s of load (default 5s)
#   SETS="default container-75" ...           # only these flag sets (names below)
#   JAVA25_HOME=/path/to/jdk-25               # the Java 25 sets (default /usr/lib/jvm/temurin-25-jdk-amd64; skipped
#                                             # when it is not there)
#
# What it does, per flag set, RUNS times: starts the jar (on a PostgreSQL of its own, set up as bench/throughput.sh
# does, with the schema already migrated: the usual restart of an instance) and measures
#  - time to ready: from just before `java` is started until GET /q/health/ready answers 200 (polled every 20 ms),
#    and the "started in" time Quarkus logs (from the JVM's start, without the readiness round trip);
#  - resident memory (VmRSS of the process) right after it is ready, and after LOAD of wrk (-t2 -c16) on the
#    article JSON, the comments page and the list (a warm service: JIT-compiled code, caches filled, the heap grown);
#  - the reads per second of that load (that a small heap or another GC does not cost throughput).
# Then prints one table of medians. The article (35 paragraphs) and 20 comments are made once, through the API.
#
# The flag sets. A container limit is simulated with -XX:MaxRAM=768m (what the JVM would read from a 768 MiB cgroup
# limit, the Kubernetes limit in application.properties); only the heap size follows it: in a real container under
# 1792 MB the JVM picks the Serial GC by itself, here (2 cores, 24 GB) it picks G1, so the sets name the GC.
#   default            no flags (on this machine: G1, a heap of up to 1/4 of the RAM)
#   container          -XX:MaxRAM=768m: the default heap share in the container (25 %, 192 MB), G1
#   container-75       -XX:MaxRAM=768m -XX:MaxRAMPercentage=75 (576 MB of heap), G1
#   container-serial   -XX:MaxRAM=768m -XX:+UseSerialGC: what the JVM does by itself in a real 768 MiB container
#   container-75-serial  -XX:MaxRAM=768m -XX:MaxRAMPercentage=75 -XX:+UseSerialGC
#   container-50-serial  the same with half the memory as heap (384 MB; the Dockerfile's choice)
#   java25-75-serial   Java 25, container-75-serial plus -XX:+UseCompactObjectHeaders (JEP 519)
#   java25-aot         Java 25, java25-75-serial plus an AOT cache (JEP 483/514: -XX:AOTCache, made once by a
#                      training run of the same start and load, -XX:AOTCacheOutput)
#
# Installs nothing. Needs: Linux, bash, curl, openssl, a JDK 17 (java), wrk, psql and a PostgreSQL server (initdb,
# pg_ctl, postgres; PG_BIN). Results: bench/RESULTS.md ("Start-up and memory"). Logs in target/startup-*.log.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
LOAD=${LOAD:-5s}
JAVA25_HOME=${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
read -r -a sets <<<"${SETS:-default container container-75 container-serial container-75-serial container-50-serial java25-75-serial java25-aot}"

log() { printf '[startup.sh] %s\n' "$*" >&2; }

missing=()
for tool in curl openssl java wrk psql; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
PG_BIN=${PG_BIN:-$(dirname "$(command -v initdb || command -v pg_ctl || echo /usr/local/bin/initdb)")}
for tool in initdb pg_ctl postgres; do [ -x "$PG_BIN/$tool" ] || missing+=("$tool (PostgreSQL server, PG_BIN=$PG_BIN)"); done
if [ "${#missing[@]}" -gt 0 ]; then
  log "missing: ${missing[*]}"
  exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/news-content-startup.XXXXXX")
chmod 755 "$work"
service=""
pg_data=""

# As bench/throughput.sh: PostgreSQL refuses to run as root, so as root it runs as nobody.
as_nobody() {
  if [ "$(id -u)" = 0 ]; then
    (cd "$work" && exec setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups -- "$@")
  else
    (cd "$work" && exec "$@")
  fi
}

stop_service() {
  if [ -n "$service" ]; then
    kill "$service" 2>/dev/null || true
    wait "$service" 2>/dev/null || true
    service=""
  fi
}

cleanup() {
  set +e
  stop_service
  if [ -n "$pg_data" ]; then as_nobody "$PG_BIN/pg_ctl" -D "$pg_data" -m immediate -w stop >/dev/null 2>&1; fi
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 12000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
}

# --- PostgreSQL (as bench/throughput.sh) ----------------------------------------------------------------------------
pg_port=$(free_port)
pg_data="$work/pg/data"
mkdir -p "$work/pg"
chmod 700 "$work/pg"
[ "$(id -u)" = 0 ] && chown nobody "$work/pg"
as_nobody "$PG_BIN/initdb" -D "$pg_data" -U postgres --auth=trust -E UTF8 --locale=C >"$work/initdb.log" 2>&1 \
  || { cat "$work/initdb.log" >&2; exit 1; }
cat >>"$pg_data/postgresql.conf" <<EOF
port = $pg_port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$work/pg'
fsync = off
synchronous_commit = off
EOF
as_nobody "$PG_BIN/pg_ctl" -D "$pg_data" -l "$work/pg/postgres.log" -w -t 30 start >/dev/null
db_password="content-$RANDOM$RANDOM"
psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres \
  -c "CREATE ROLE content LOGIN PASSWORD '$db_password'" -c "CREATE DATABASE content OWNER content"
export QUARKUS_DATASOURCE_USERNAME=content QUARKUS_DATASOURCE_PASSWORD=$db_password
export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$pg_port/content"

# --- The service's settings (as bench/throughput.sh) ----------------------------------------------------------------
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/jwt-private.pem" 2>/dev/null
openssl pkey -in "$work/jwt-private.pem" -pubout -out "$work/jwt-public.pem"
export MP_JWT_VERIFY_PUBLICKEY_LOCATION="$work/jwt-public.pem"
export MP_JWT_VERIFY_ISSUER=https://news-content.startup
export MP_JWT_VERIFY_AUDIENCES=news-content-startup
export CONTENT_SECRET="$(openssl rand -base64 32)"
export CONTENT_CLIENT_TRUSTED_PROXIES=127.0.0.1
# Each run is stopped at once: no pause for load balancers (README: Graceful shutdown).
export QUARKUS_SHUTDOWN_DELAY=0S

if [ "${SKIP_BUILD:-}" != 1 ]; then
  log "building (./mvnw -B -q -o package -DskipTests; SKIP_BUILD=1 skips this)"
  ./mvnw -B -q -o package -DskipTests
fi
[ -f target/quarkus-app/quarkus-run.jar ] || { log "no target/quarkus-app/quarkus-run.jar: build first"; exit 1; }
mkdir -p target

java_of() { if [[ $1 == java25* ]]; then echo "$JAVA25_HOME/bin/java"; else echo java; fi; }
flags_of() {
  local container="-XX:MaxRAM=768m"
  case $1 in
    default) echo "" ;;
    container) echo "$container" ;;
    container-75) echo "$container -XX:MaxRAMPercentage=75" ;;
    container-serial) echo "$container -XX:+UseSerialGC" ;;
    container-75-serial) echo "$container -XX:MaxRAMPercentage=75 -XX:+UseSerialGC" ;;
    container-50-serial) echo "$container -XX:MaxRAMPercentage=50 -XX:+UseSerialGC" ;;
    java25-75-serial) echo "$container -XX:MaxRAMPercentage=75 -XX:+UseSerialGC -XX:+UseCompactObjectHeaders" ;;
    java25-aot) echo "$container -XX:MaxRAMPercentage=75 -XX:+UseSerialGC -XX:+UseCompactObjectHeaders -XX:AOTCache=$work/app.aot" ;;
    *) log "unknown flag set $1"; exit 1 ;;
  esac
}

now_ms() { echo $(($(date +%s%N) / 1000000)); }
rss_mb() { awk '/^VmRSS:/ { printf "%d", $2 / 1024 }' "/proc/$1/status"; }

# start <java> <flags> <log>: starts the jar on a free port; sets $service, $port and $ready_ms (0: not ready in 60 s).
start() {
  local java_bin=$1 flags=$2 service_log=$3 t0
  port=$(free_port)
  t0=$(now_ms)
  # shellcheck disable=SC2086
  env QUARKUS_HTTP_PORT="$port" QUARKUS_HTTP_HOST=127.0.0.1 CONTENT_PUBLIC_BASE_URL="http://127.0.0.1:$port" \
    "$java_bin" $flags -jar target/quarkus-app/quarkus-run.jar >"$service_log" 2>&1 &
  service=$!
  ready_ms=0
  while [ $(($(now_ms) - t0)) -lt 60000 ] && kill -0 "$service" 2>/dev/null; do
    if curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready"; then
      ready_ms=$(($(now_ms) - t0))
      return 0
    fi
    sleep 0.02
  done
  log "not ready within 60 s ($service_log):"
  tail -20 "$service_log" >&2
  stop_service
  exit 1
}

# load: LOAD of wrk on the three reads, one after the other; prints the reads per second over all three.
load() {
  local base="http://127.0.0.1:$port" total=0 rps
  for path in "/api/v1/articles/$article" "/api/v1/articles/$article/comments" "/api/v1/articles"; do
    rps=$(wrk -t2 -c16 -d"$LOAD" "$base$path" 2>/dev/null | awk '/^Requests\/sec/ { print $2 }')
    total=$(awk -v a="$total" -v b="${rps:-0}" 'BEGIN { print a + b }')
  done
  awk -v t="$total" 'BEGIN { printf "%.0f", t / 3 }'
}

# --- The data, made once (the first start also migrates the schema; it is not measured) ----------------------------
log "first start: migrating the schema and making the article (not measured)"
start java "" target/startup-setup.log
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
iat=$(date +%s)
jwt_input="$(printf '{"alg":"RS256","typ":"JWT"}' | b64url).$(printf \
  '{"iss":"%s","aud":"%s","sub":"startup-bench","upn":"startup-bench","groups":["editor"],"iat":%d,"exp":%d,"jti":"%s"}' \
  "$MP_JWT_VERIFY_ISSUER" "$MP_JWT_VERIFY_AUDIENCES" "$iat" "$((iat + 3600))" "$RANDOM$RANDOM" | b64url)"
token="$jwt_input.$(printf '%s' "$jwt_input" | openssl dgst -sha256 -sign "$work/jwt-private.pem" -binary | b64url)"
{
  echo "Harbour authority approves the night-ferry timetable after a year of trials"
  for i in $(seq 1 35); do
    echo
    echo "HARBOUR - Paragraph $i of the start-up benchmark article. The harbour authority said on Tuesday that the" \
      "night ferries would keep their timetable through the winter, after a year in which sailings ran on time more" \
      "often than the buses that meet them. Councillors asked how the crossings would be paid for ($i)."
  done
} >"$work/article.txt"
created=$(curl -sS -X POST "http://127.0.0.1:$port/api/v1/articles" -H "Authorization: Bearer $token" \
  -H 'Content-Type: text/plain; charset=utf-8' --data-binary @"$work/article.txt")
article=$(printf '%s' "$created" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
[ -n "$article" ] || { log "creating the article answered: $created"; exit 1; }
etag=$(curl -sS -D - -o /dev/null "http://127.0.0.1:$port/api/v1/articles/$article" -H "Authorization: Bearer $token" \
  | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')
curl -sSf -o /dev/null -X PATCH "http://127.0.0.1:$port/api/v1/articles/$article" -H "Authorization: Bearer $token" \
  -H "If-Match: $etag" -H 'Content-Type: application/merge-patch+json' -d '{"status":"published"}'
for i in $(seq 1 20); do
  curl -sSf -o /dev/null -X POST "http://127.0.0.1:$port/api/v1/articles/$article/comments" \
    -H 'Content-Type: application/json' -H "X-Forwarded-For: 192.0.2.$i" \
    -d "{\"authorName\":\"Reader $i\",\"body\":\"Comment $i on the timetable.\"}"
done
stop_service

# --- The AOT cache of the java25-aot set: one training run (start, the same load, stop), as JEP 514 makes it --------
if [[ " ${sets[*]} " == *" java25-aot "* ]]; then
  if [ -x "$JAVA25_HOME/bin/java" ]; then
    log "java25-aot: training run (-XX:AOTCacheOutput), the cache is written when it stops"
    start "$JAVA25_HOME/bin/java" "$(flags_of java25-75-serial) -XX:AOTCacheOutput=$work/app.aot" target/startup-aot-training.log
    load >/dev/null
    stop_service
    [ -s "$work/app.aot" ] || { log "no AOT cache was written: java25-aot is skipped"; sets=("${sets[@]/java25-aot/}"); }
  fi
fi

# --- Measure --------------------------------------------------------------------------------------------------------
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
declare -A result
for set in "${sets[@]}"; do
  [ -n "$set" ] || continue
  java_bin=$(java_of "$set")
  if [ "$java_bin" != java ] && [ ! -x "$java_bin" ]; then
    log "$set: no Java 25 at $JAVA25_HOME, skipped"
    continue
  fi
  flags=$(flags_of "$set")
  : >"$work/$set.runs"
  for run in $(seq 1 "$RUNS"); do
    start "$java_bin" "$flags" "target/startup-$set.log"
    rss_ready=$(rss_mb "$service")
    started=$(sed -n 's/.*started in \([0-9.]*\)s.*/\1/p' "target/startup-$set.log" | head -1)
    rps=$(load)
    rss_loaded=$(rss_mb "$service")
    stop_service
    log "$set run $run: ready in $ready_ms ms (Quarkus: started in ${started}s), RSS ${rss_ready} MB ready," \
      "${rss_loaded} MB after the load ($rps reads/s)"
    echo "$ready_ms $started $rss_ready $rss_loaded $rps" >>"$work/$set.runs"
  done
  result[$set]="$(for column in 1 2 3 4 5; do awk -v c="$column" '{ print $c }' "$work/$set.runs" | median; done | tr '\n' ' ')"
done

echo
echo "$(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB RAM;" \
  "$(java -version 2>&1 | head -1)$([ -x "$JAVA25_HOME/bin/java" ] && echo "; $("$JAVA25_HOME/bin/java" -version 2>&1 | head -1)");" \
  "median of $RUNS start(s) per set; load: wrk -t2 -c16 -d$LOAD on each of 3 reads"
echo
echo "| Flag set | JVM flags | ready (ms) | Quarkus \"started in\" (s) | RSS ready (MB) | RSS after load (MB) | reads/s under load |"
echo "|---|---|---:|---:|---:|---:|---:|"
for set in "${sets[@]}"; do
  [ -n "$set" ] && [ -n "${result[$set]:-}" ] || continue
  read -r ready started rss_ready rss_loaded rps <<<"${result[$set]}"
  flags=$(flags_of "$set" | sed "s|$work/app.aot|app.aot|")
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$set" "\`${flags:-(none)}\`" "$ready" "$started" "$rss_ready" \
    "$rss_loaded" "$rps"
done
