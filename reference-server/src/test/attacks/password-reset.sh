#!/usr/bin/env bash
# Issue 13, passwords: there was no way to change or reset a password. Now a user changes their own with the current
# one (other sessions end), and an admin sets a one-time password that must be changed before anything else works.
#
#   reference-server/src/test/attacks/password-reset.sh [base-url]      (default http://localhost:8080)
# Uses the demo users admin and agent (password DEMO_PASSWORD, default rapport-demo) and gives the agent the demo
# password back at the end.
set -euo pipefail
BASE="${1:-http://localhost:8080}"
PASSWORD="${DEMO_PASSWORD:-rapport-demo}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

call() { # method path token [json]
  local args=(-s -o "$work/body" -w '%{http_code}' -X "$1" -H 'Content-Type: application/json')
  [[ -n "$3" ]] && args+=(-H "Authorization: Bearer $3")
  [[ $# -ge 4 ]] && args+=(--data "$4")
  curl "${args[@]}" "$BASE$2"
}
problem() { sed -n 's/.*"code":"\([^"]*\)".*/\1/p' "$work/body" | head -1 | tr -d '\n'
  sed -n 's/.*"errors":\(\[[^]]*\]\).*/ \1/p' "$work/body"; }
login() { call POST /api/v1/auth/login "" "{\"employeeId\":\"$1\",\"password\":\"$2\"}"; }
token() { sed -n 's/.*"token":"\([^"]*\)".*/\1/p' "$work/body"; }
change() { call POST /api/v1/auth/password "$1" "{\"currentPassword\":\"$2\",\"newPassword\":\"$3\"}"; }
unexpected=0
expect() { # want got what
  if [[ "$1" == "$2" ]]; then echo "   $3 -> $2 $([[ "$2" -ge 400 ]] && problem)"; else echo "   $3 -> $2, UNEXPECTED (want $1) $(cat "$work/body")"; unexpected=1; fi
}

login agent "$PASSWORD" > /dev/null; first=$(token)
login agent "$PASSWORD" > /dev/null; second=$(token)
echo "== the agent changes the own password"
expect 422 "$(change "$first" "$PASSWORD" short)" "a short new password"
expect 422 "$(change "$first" "$PASSWORD" "Agent-password-2026")" "a new password containing the employee id"
expect 422 "$(change "$first" "$PASSWORD" "wang fang at the desk")" "a new password containing the name"
expect 422 "$(change "$first" "not-the-password" "a brand new secret")" "a wrong current password"
expect 204 "$(change "$first" "$PASSWORD" "a brand new secret")" "the right current password"
expect 200 "$(call GET /api/v1/auth/session "$first")" "the session that changed it"
expect 401 "$(call GET /api/v1/auth/session "$second")" "the agent's other session"
expect 401 "$(login agent "$PASSWORD")" "the old password"

echo "== an admin sets a one-time password"
login admin "$PASSWORD" > /dev/null; admin=$(token)
call GET /api/v1/auth/session "$first" > /dev/null
agent_id=$(sed -n 's/.*"user":{"id":"\([^"]*\)".*/\1/p' "$work/body")
expect 422 "$(call POST "/api/v1/users/$agent_id/password" "$admin" '{"temporaryPassword":"agent1234567"}')" \
  "a one-time password containing the employee id"
expect 204 "$(call POST "/api/v1/users/$agent_id/password" "$admin" '{"temporaryPassword":"one-time-secret-1"}')" \
  "POST /api/v1/users/{id}/password"
expect 401 "$(call GET /api/v1/auth/session "$first")" "the agent's session from before"
expect 200 "$(login agent one-time-secret-1)" "sign-in with the one-time password"
echo "     passwordChangeRequired: $(sed -n 's/.*"passwordChangeRequired":\([a-z]*\).*/\1/p' "$work/body")"
pending=$(token)
expect 403 "$(call GET /api/v1/customers "$pending")" "GET /api/v1/customers before the change"
expect 403 "$(call GET /api/v1/auth/session "$pending")" "GET /api/v1/auth/session before the change"
expect 204 "$(change "$pending" one-time-secret-1 "my own new secret")" "the agent chooses a password"
expect 200 "$(call GET /api/v1/customers "$pending")" "GET /api/v1/customers after the change"
expect 204 "$(change "$pending" "my own new secret" "$PASSWORD")" "(restoring the demo password)"
if [[ $unexpected == 0 ]]; then echo "RESULT: passwords change and reset as documented"; else echo "RESULT: UNEXPECTED answers"; exit 1; fi
