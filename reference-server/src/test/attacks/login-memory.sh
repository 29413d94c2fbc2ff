#!/usr/bin/env bash
# Issue 13, sign-in: memory exhaustion through login. One client sends 300 logins, each with a different employee id
# of about 1 MB. Before the fix every one was recorded by the login throttle (the heap grew by ~300 MB and a server
# under -Xmx256m stopped answering). Now each is refused with 422 naming employeeId before anything is recorded.
#
#   reference-server/src/test/attacks/login-memory.sh [base-url]      (default http://localhost:8080)
#   RAPPORT_PID=<pid of the server> ... also prints the heap after a full GC before and after (needs jcmd)
#   COUNT=300 SIZE=1000000 tune the attack.
set -euo pipefail
BASE="${1:-http://localhost:8080}"
COUNT="${COUNT:-300}"
SIZE="${SIZE:-1000000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
head -c "$SIZE" /dev/zero | tr '\0' 'x' > "$work/pad"

heap() {
  if [[ -n "${RAPPORT_PID:-}" ]] && command -v jcmd > /dev/null; then
    jcmd "$RAPPORT_PID" GC.run > /dev/null
    jcmd "$RAPPORT_PID" GC.heap_info | grep -m1 -i 'used' | sed 's/^ */    heap after full GC: /'
  fi
}

echo "== $COUNT logins with distinct employee ids of $SIZE characters against $BASE"
heap
declare -A statuses=()
first=""
for ((i = 0; i < COUNT; i++)); do
  code=$({ printf '{"employeeId":"%d-' "$i"; cat "$work/pad"; printf '","password":"guess"}'; } |
    curl -s -o "$work/answer" -w '%{http_code}' -H 'Content-Type: application/json' --data-binary @- \
      "$BASE/api/v1/auth/login")
  statuses[$code]=$(( ${statuses[$code]:-0} + 1 ))
  [[ -z "$first" ]] && first="$(head -c 400 "$work/answer")"
done
echo "   answers by status:"
for code in "${!statuses[@]}"; do echo "     $code x ${statuses[$code]}"; done
echo "   first refusal: $first"
heap
echo "== the server still answers"
echo "   GET /health -> $(curl -s -o /dev/null -w '%{http_code}' "$BASE/health")"
code=$(curl -s -o "$work/answer" -w '%{http_code}' -H 'Content-Type: application/json' \
  --data "{\"employeeId\":\"agent\",\"password\":\"$(head -c 300 "$work/pad")\"}" "$BASE/api/v1/auth/login")
echo "   a 300-character password -> $code $(head -c 300 "$work/answer")"
if [[ "${statuses[422]:-0}" -eq "$COUNT" ]]; then
  echo "RESULT: every long employee id refused with 422; nothing was recorded"
else
  echo "RESULT: UNEXPECTED answers (want 422 for all $COUNT)"; exit 1
fi
