#!/usr/bin/env bash
# Attack: a signed-in user without the permission sends invalid input to learn the route's validation rules.
# Expect: 403 before any 422 on every route, list routes with bad query parameters included; an allowed user's bad
# input is still 422.
# Run against: java -jar reference-server/target/rapport-server.jar --demo
set -uo pipefail
BASE="${1:-http://localhost:8080}"
fail=0
check() { if [ "$2" = "$3" ]; then echo "PASS $1 ($3)"; else echo "FAIL $1: expected $2, got $3"; fail=1; fi; }
login() {
    curl -sS -X POST "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
        -d "{\"employeeId\":\"$1\",\"password\":\"rapport-demo\"}" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p'
}
status() { # token method path [body]
    curl -sS -o /dev/null -w '%{http_code}' -X "$2" -H "Authorization: Bearer $1" -H 'Content-Type: application/json' \
        ${4:+-d "$4"} "$BASE$3"
}
agent=$(login agent)
admin=$(login admin)
supervisor=$(login supervisor)
check "agent PUT /sla/policies" 403 "$(status "$agent" PUT /api/v1/sla/policies '{"targets":"x"}')"
check "agent PUT /sla/calendars" 403 "$(status "$agent" PUT /api/v1/sla/calendars '{}')"
check "agent POST /improvements" 403 "$(status "$agent" POST /api/v1/improvements '{}')"
check "agent GET /admin/dead-letters?limit=x" 403 "$(status "$agent" GET '/api/v1/admin/dead-letters?limit=x')"
check "agent GET /reports/kpis?from=x" 403 "$(status "$agent" GET '/api/v1/reports/kpis?from=x')"
check "agent PUT /catalog/ticket-types" 403 "$(status "$agent" PUT /api/v1/catalog/ticket-types '{}')"
check "agent POST /users" 403 "$(status "$agent" POST /api/v1/users '{}')"
check "agent POST /departments" 403 "$(status "$agent" POST /api/v1/departments '{}')"
check "agent POST /customers/x/merge" 403 "$(status "$agent" POST /api/v1/customers/x/merge '{}')"
check "admin POST /customers" 403 "$(status "$admin" POST /api/v1/customers '{}')"
check "admin POST /tickets" 403 "$(status "$admin" POST /api/v1/tickets '{"priority":"P9"}')"
check "admin GET /follow-ups?limit=x (admins oversee all)" 422 "$(status "$admin" GET '/api/v1/follow-ups?limit=x')"
check "admin PUT /sla/policies (allowed, invalid)" 422 "$(status "$admin" PUT /api/v1/sla/policies '{"targets":"x"}')"
check "supervisor POST /improvements (allowed, invalid)" 422 "$(status "$supervisor" POST /api/v1/improvements '{}')"
check "nobody PUT /sla/policies" 401 "$(status "" PUT /api/v1/sla/policies '{}')"
exit $fail
