#!/usr/bin/env bash
# A bearer token for the local stack (deploy/compose/docker-compose.yml), signed with the key its "keys" service made:
#   deploy/compose/token.sh editor            # or moderator; prints the token, valid for an hour
# Reads the private key from the stack's volume through docker compose (or from the file KEY_FILE names); needs openssl.
set -euo pipefail
role=${1:?usage: token.sh editor|moderator}
cd "$(dirname "$0")"
if [ -n "${KEY_FILE:-}" ]; then
    key=$KEY_FILE
else
    key=$(mktemp)
    trap 'rm -f "$key"' EXIT
    docker compose run --rm -T keys cat /keys/private.pem >"$key"
fi
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
claims=$(printf '{"iss":"https://news-content.local","aud":"news-content-local","sub":"local-%s","groups":["%s"],"iat":%d,"exp":%d}' \
    "$role" "$role" "$now" "$((now + 3600))" | b64url)
signature=$(printf '%s.%s' "$header" "$claims" | openssl dgst -sha256 -sign "$key" -binary | b64url)
printf '%s.%s.%s\n' "$header" "$claims" "$signature"
