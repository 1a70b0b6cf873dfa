#!/usr/bin/env bash
# Checks the service's OpenAPI document as its users' tools read it (README: Checking the OpenAPI document):
#   1. lints it with Redocly CLI (recommended rules, warnings count as failures) and Spectral (spectral:oas,
#      warnings count as failures); rules turned off are in tools/openapi/redocly.yaml and .spectral.yaml, each with
#      its reason;
#   2. generates the TypeScript (typescript-fetch) and Java (native) clients with openapi-generator;
#   3. compiles the TypeScript client with tsc --strict together with tools/openapi/example.ts (reads an article,
#      pages its comments, posts one, merge-patches an article as the README does), and the Java client with Maven.
# Exits non-zero if any step fails (all steps run, so one run shows everything).
#
#   tools/openapi-check.sh                         package the service, start the jar on a free port, check
#   tools/openapi-check.sh --url http://host:8080  check the document of a running service (its /q/openapi)
#   tools/openapi-check.sh --file openapi.json     check a saved document
#
# The packaged jar gets throwaway settings (a fresh key, issuer, audience and secret) and a database: $DATABASE_URL
# (postgresql://user:password@host:port/db) if set, otherwise the embedded PostgreSQL the tests use.
# Needs: a JDK 17+, Node 18+ with npx, network access to the npm registry and Maven Central (first run), openssl, curl.
# Not part of ./mvnw verify (CI has no Node); the tests check every answer against the document instead.
set -uo pipefail
cd "$(dirname "$0")/.."

GENERATOR_VERSION=${OPENAPI_GENERATOR_VERSION:-7.25.0}
REDOCLY=${REDOCLY:-@redocly/cli@2}
SPECTRAL=${SPECTRAL:-@stoplight/spectral-cli@6}
TYPESCRIPT=${TYPESCRIPT:-typescript@5}
OUT=target/openapi-check
DOCUMENT=$OUT/openapi.json
URL=
FILE=

while [ $# -gt 0 ]; do
    case "$1" in
        --url) URL=${2:?--url needs the service base URL, e.g. http://localhost:8080}; shift 2 ;;
        --file) FILE=${2:?--file needs a path}; shift 2 ;;
        -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
        *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
done

rm -rf "$OUT"
mkdir -p "$OUT"
failed=()
step() { echo; echo "== $*"; }

pids=()
stop_all() {
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
    done
    return 0
}
trap stop_all EXIT

# 1. The document -------------------------------------------------------------------------------------------------
if [ -n "$FILE" ]; then
    cp "$FILE" "$DOCUMENT"
elif [ -n "$URL" ]; then
    curl -sSf -H 'Accept: application/json' "${URL%/}/q/openapi" -o "$DOCUMENT" || { echo "cannot read ${URL%/}/q/openapi" >&2; exit 2; }
else
    step "Packaging the service"
    ./mvnw -B -q package -DskipTests || exit 2
    if [ -n "${DATABASE_URL:-}" ]; then
        rest=${DATABASE_URL#postgresql://}
        credentials=${rest%%@*}
        export QUARKUS_DATASOURCE_USERNAME=${credentials%%:*}
        export QUARKUS_DATASOURCE_PASSWORD=${credentials#*:}
        export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://${rest#*@}"
    else
        step "Starting the embedded PostgreSQL (shared/dev)"
        ./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$OUT/classpath.txt" || exit 2
        mkfifo "$OUT/database.url"
        java -cp "target/classes:$(cat "$OUT/classpath.txt")" tools/openapi/EmbeddedDatabase.java \
            > "$OUT/database.url" 2> "$OUT/database.log" &
        pids+=($!)
        read -r -t 120 jdbc_url < "$OUT/database.url" || { echo "the embedded PostgreSQL did not start: $OUT/database.log" >&2; exit 2; }
        export QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres QUARKUS_DATASOURCE_JDBC_URL="$jdbc_url"
    fi
    # The settings production requires (README: Security and privacy), throwaway: the check only reads.
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$OUT/jwt-private.pem" 2>/dev/null
    openssl pkey -in "$OUT/jwt-private.pem" -pubout -out "$OUT/jwt-public.pem"
    export MP_JWT_VERIFY_PUBLICKEY_LOCATION="$PWD/$OUT/jwt-public.pem"
    export MP_JWT_VERIFY_ISSUER=https://news-content.openapi-check
    export MP_JWT_VERIFY_AUDIENCES=news-content-openapi-check
    CONTENT_SECRET=$(openssl rand -base64 32)
    export CONTENT_SECRET
    export CONTENT_PUBLIC_BASE_URL=https://news.example
    export QUARKUS_HTTP_PORT=0 QUARKUS_HTTP_HOST=127.0.0.1
    step "Starting the packaged service"
    java -jar target/quarkus-app/quarkus-run.jar > "$OUT/service.log" 2>&1 &
    pids+=($!)
    port=
    for _ in $(seq 1 120); do
        port=$(sed -n 's/.*Listening on: http:\/\/[^:]*:\([0-9]*\).*/\1/p' "$OUT/service.log" | head -n 1)
        [ -n "$port" ] && break
        kill -0 "${pids[-1]}" 2>/dev/null || break
        sleep 1
    done
    [ -n "$port" ] || { echo "the service did not start: $OUT/service.log" >&2; tail -n 20 "$OUT/service.log" >&2; exit 2; }
    curl -sSf -H 'Accept: application/json' "http://127.0.0.1:$port/q/openapi" -o "$DOCUMENT" || exit 2
    stop_all
    pids=()
fi
echo "document: $DOCUMENT ($(head -c 200 "$DOCUMENT" | tr -d '\n' | sed -n 's/.*"openapi" *: *"\([^"]*\)".*/OpenAPI \1/p'))"

# 2. Lint --------------------------------------------------------------------------------------------------------
step "Redocly ($REDOCLY, tools/openapi/redocly.yaml)"
npx -y "$REDOCLY" lint --config tools/openapi/redocly.yaml "$DOCUMENT" || failed+=("Redocly")

step "Spectral ($SPECTRAL, tools/openapi/.spectral.yaml)"
npx -y "$SPECTRAL" lint --ruleset tools/openapi/.spectral.yaml --fail-severity warn "$DOCUMENT" || failed+=("Spectral")

# 3. Clients -----------------------------------------------------------------------------------------------------
step "openapi-generator $GENERATOR_VERSION"
GENERATOR=$OUT/openapi-generator-cli-$GENERATOR_VERSION.jar
./mvnw -B -q dependency:copy -Dartifact="org.openapitools:openapi-generator-cli:$GENERATOR_VERSION" \
    -DoutputDirectory="$OUT" -Dmdep.overWriteReleases=true || { echo "cannot fetch openapi-generator-cli" >&2; exit 2; }
generate() {
    java -jar "$GENERATOR" generate --input-spec "$DOCUMENT" --generator-name "$1" --output "$2" "${@:3}" \
        > "$2.log" 2>&1 || { cat "$2.log"; return 1; }
    grep -E '^\[main\] WARN' "$2.log" || true
}
mkdir -p "$OUT/typescript" "$OUT/java"
if generate typescript-fetch "$OUT/typescript/client" --additional-properties=supportsES6=true; then
    step "TypeScript: tsc --strict, the client and tools/openapi/example.ts"
    cp tools/openapi/example.ts tools/openapi/tsconfig.json "$OUT/typescript/"
    npx -y -p "$TYPESCRIPT" tsc --project "$OUT/typescript/tsconfig.json" || failed+=("TypeScript client")
else
    failed+=("TypeScript generation")
fi
if generate java "$OUT/java/client" --library native --additional-properties=hideGenerationTimestamp=true; then
    step "Java: the native client, compiled with Maven"
    ./mvnw -B -q -f "$OUT/java/client/pom.xml" compile -Dmaven.javadoc.skip=true || failed+=("Java client")
else
    failed+=("Java generation")
fi

echo
if [ ${#failed[@]} -gt 0 ]; then
    echo "FAILED: ${failed[*]}"
    exit 1
fi
echo "OK: Redocly and Spectral report nothing, both clients compile"
