#!/usr/bin/env bash
# Issue 13, sessions: deactivation. Before the fix, reactivating a user revived every token issued before the
# deactivation. Now deactivating a user, or taking a role away, revokes the user's sessions for good.
#
#   reference-server/src/test/attacks/reactivation.sh [base-url]      (default http://localhost:8080)
# Uses the demo users admin, agent and supervisor (password DEMO_PASSWORD, default rapport-demo) and puts the
# supervisor's role back at the end.
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
field() { sed -n "s/^[^\"]*{\"$1\":\"\([^\"]*\)\".*/\1/p; t; s/.*\"$1\":\"\([^\"]*\)\".*/\1/p" "$work/body" | head -1; }
number() { sed -n "s/.*\"$1\":\([0-9]*\).*/\1/p" "$work/body" | head -1; }
token_of() {
  [[ $(call POST /api/v1/auth/login "" "{\"employeeId\":\"$1\",\"password\":\"$PASSWORD\"}") == 200 ]] ||
    { echo "login of $1 failed: $(cat "$work/body")" >&2; exit 1; }
  field token
}
user_id() { call GET /api/v1/auth/session "$1" > /dev/null; sed -n 's/.*"user":{"id":"\([^"]*\)".*/\1/p' "$work/body"; }
version() { call GET "/api/v1/users/$2" "$1" > /dev/null; number version; }

admin=$(token_of admin)
agent=$(token_of agent)
agent_id=$(user_id "$agent")
echo "== the agent's token before: GET /api/v1/auth/session -> $(call GET /api/v1/auth/session "$agent")"
v=$(version "$admin" "$agent_id")
echo "   admin deactivates the agent -> $(call PATCH "/api/v1/users/$agent_id" "$admin" "{\"active\":false,\"version\":$v}")"
v=$(number version)
echo "   admin reactivates the agent -> $(call PATCH "/api/v1/users/$agent_id" "$admin" "{\"active\":true,\"version\":$v}")"
after=$(call GET /api/v1/auth/session "$agent")
echo "   the old token after the reactivation -> $after $(sed -n 's/.*"code":"\([^"]*\)".*/\1/p' "$work/body")"

supervisor=$(token_of supervisor)
supervisor_id=$(user_id "$supervisor")
echo "== the supervisor's token before: -> $(call GET /api/v1/auth/session "$supervisor")"
v=$(version "$admin" "$supervisor_id")
echo "   admin takes SUPERVISOR away -> $(call PATCH "/api/v1/users/$supervisor_id" "$admin" \
  "{\"roles\":[\"AGENT\"],\"version\":$v}")"
v=$(number version)
demoted=$(call GET /api/v1/auth/session "$supervisor")
echo "   the old token after the demotion -> $demoted $(sed -n 's/.*"code":"\([^"]*\)".*/\1/p' "$work/body")"
echo "   (restoring: admin gives SUPERVISOR back -> $(call PATCH "/api/v1/users/$supervisor_id" "$admin" \
  "{\"roles\":[\"SUPERVISOR\"],\"version\":$v}"))"
if [[ "$after" == 401 && "$demoted" == 401 ]]; then
  echo "RESULT: tokens issued before a deactivation or a demotion stay revoked"
else
  echo "RESULT: UNEXPECTED (after reactivation $after, after demotion $demoted; want 401 for both)"; exit 1
fi
