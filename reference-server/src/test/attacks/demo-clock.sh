#!/usr/bin/env bash
# Attack: any signed-in user moves the demo server's clock (and with it every SLA deadline).
# Expect: 403 for agents, experts and supervisors; admins may.
# Run against: java -jar reference-server/target/rapport-server.jar --demo
set -uo pipefail
BASE="${1:-http://localhost:8080}"
fail=0
check() { if [ "$2" = "$3" ]; then echo "PASS $1 ($3)"; else echo "FAIL $1: expected $2, got $3"; fail=1; fi; }
login() {
    curl -sS -X POST "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
        -d "{\"employeeId\":\"$1\",\"password\":\"rapport-demo\"}" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p'
}
advance() {
    curl -sS -o /dev/null -w '%{http_code}' -X POST "$BASE/api/v1/demo/clock/advance" \
        -H "Authorization: Bearer $1" -H 'Content-Type: application/json' -d '{"duration":"PT1M"}'
}
for user in agent expert supervisor; do
    check "$user advances the clock" 403 "$(advance "$(login $user)")"
done
check "admin advances the clock" 200 "$(advance "$(login admin)")"
exit $fail
