#!/usr/bin/env bash
# Attack: an agent merges two customers (irreversible).
# Expect: 403 (customer.merge is the supervisors' and admins'); a supervisor's merge succeeds.
# Run against: java -jar reference-server/target/rapport-server.jar --demo
set -uo pipefail
BASE="${1:-http://localhost:8080}"
fail=0
check() { if [ "$2" = "$3" ]; then echo "PASS $1 ($3)"; else echo "FAIL $1: expected $2, got $3"; fail=1; fi; }
login() {
    curl -sS -X POST "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
        -d "{\"employeeId\":\"$1\",\"password\":\"rapport-demo\"}" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p'
}
field() { grep -o "\"$1\":\"[^\"]*\"" | head -1 | cut -d'"' -f4; }
customer() {
    curl -sS -X POST "$BASE/api/v1/customers?allowDuplicate=true" -H "Authorization: Bearer $1" \
        -H 'Content-Type: application/json' \
        -d "{\"kind\":\"ORGANIZATION\",\"name\":\"$2\",\"industry\":\"Retail\",\"contacts\":[{\"name\":\"Li Lei\",\"phone\":\"139$(printf '%08d' $((RANDOM * 1000 + RANDOM % 1000)))\"}]}" | field id
}
agent=$(login agent)
supervisor=$(login supervisor)
survivor=$(customer "$agent" "Attack Merge Survivor $RANDOM")
duplicate=$(customer "$agent" "Attack Merge Duplicate $RANDOM")
merge() {
    curl -sS -o /dev/null -w '%{http_code}' -X POST "$BASE/api/v1/customers/$survivor/merge" \
        -H "Authorization: Bearer $1" -H 'Content-Type: application/json' -d "{\"duplicateId\":\"$duplicate\"}"
}
check "agent merges" 403 "$(merge "$agent")"
merged=$(curl -sS -H "Authorization: Bearer $agent" "$BASE/api/v1/customers/$duplicate" | field mergedInto)
check "duplicate untouched after the agent's attempt" "" "$merged"
check "supervisor merges" 200 "$(merge "$supervisor")"
exit $fail
