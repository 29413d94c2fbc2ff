#!/usr/bin/env bash
# Issue 13, sign-in: lock-out as a weapon. Before the fix 5 wrong passwords locked `admin` for 15 minutes for
# everybody. Now failures are counted per (employee id, client address): the attacker's address waits a growing
# delay, while the owner signs in from an address that has not failed.
#
#   reference-server/src/test/attacks/lockout.sh [base-url]      (default http://localhost:8080)
# The owner's requests leave from OWNER_ADDRESS (default 127.0.0.2, any of 127.0.0.0/8 works against a local
# server); the attacker's from the default address. ADMIN_PASSWORD defaults to the demo password.
set -euo pipefail
BASE="${1:-http://localhost:8080}"
OWNER_ADDRESS="${OWNER_ADDRESS:-127.0.0.2}"
ADMIN_PASSWORD="${ADMIN_PASSWORD:-rapport-demo}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

login() { # employeeId password [curl options...]
  local id="$1" password="$2"; shift 2
  curl -s -D "$work/head" -o "$work/body" -w '%{http_code}' "$@" -H 'Content-Type: application/json' \
    --data "{\"employeeId\":\"$id\",\"password\":\"$password\"}" "$BASE/api/v1/auth/login"
}
retry_after() { tr -d '\r' < "$work/head" | sed -n 's/^[Rr]etry-[Aa]fter: *//p'; }
code_of() { sed -n 's/.*"code":"\([^"]*\)".*/\1/p' "$work/body"; }

echo "== the attacker guesses admin's password 10 times"
for ((i = 1; i <= 10; i++)); do
  status=$(login admin "guess-$i")
  if [[ "$status" == 429 ]]; then
    echo "   guess $i -> $status $(code_of), Retry-After: $(retry_after) s (refused, not recorded)"
  else
    echo "   guess $i -> $status $(code_of)"
  fi
done
status=$(login admin "$ADMIN_PASSWORD")
echo "   the right password from the attacker's address -> $status $(code_of) Retry-After: $(retry_after)"
attacker_status=$status
echo "== the owner signs in from $OWNER_ADDRESS"
owner_status=$(login admin "$ADMIN_PASSWORD" --interface "$OWNER_ADDRESS")
echo "   -> $owner_status $(sed -n 's/.*"employeeId":"\([^"]*\)".*/signed in as \1/p' "$work/body")"
wait_for=$(login admin "guess-again" > /dev/null; retry_after)
echo "== after waiting ${wait_for:-0} s, the attacker's address may try once more (and the right password clears it)"
sleep "${wait_for:-0}"
status=$(login admin "$ADMIN_PASSWORD")
echo "   -> $status"
if [[ "$attacker_status" == 429 && "$owner_status" == 200 ]]; then
  echo "RESULT: the attacker is slowed down, the owner still signs in"
else
  echo "RESULT: UNEXPECTED (attacker $attacker_status, want 429; owner $owner_status, want 200)"; exit 1
fi
