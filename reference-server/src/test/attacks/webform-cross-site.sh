#!/usr/bin/env bash
# Attack: another site makes its visitors' browsers post the public web form (a text/plain or cross-origin post needs
# no CORS preflight), and a naive bot posts it directly; the per-address limit must hold whichever node answers.
# Sends what a browser on https://attacker.example and a naive bot would, then what the server's own page sends.
# Usage: webform-cross-site.sh [base-url]   (against `java -jar reference-server/target/rapport-server.jar --demo`)
# Exit 0: only the own page's post is taken (safe); 1: an attacker's post was taken (vulnerable); 2: could not run.
set -euo pipefail
BASE="${1:-http://localhost:8080}"
HOSTPORT="${BASE#*://}"; HOSTPORT="${HOSTPORT%%/*}"
MESSAGE="webform-cross-site.sh probe $RANDOM$RANDOM"
FORM="{\"email\":\"cross.site@example.org\",\"message\":\"$MESSAGE\""

post() { # post CONTENT-TYPE BODY [HEADER...]: prints the status
  local type="$1" body="$2"; shift 2
  local args=()
  for h in "$@"; do args+=(-H "$h"); done
  curl -sS -o /dev/null -w '%{http_code}' -X POST "$BASE/api/v1/public/webform" -H "Content-Type: $type" \
    ${args[@]+"${args[@]}"} --data "$body"
}
proof() { # proof MESSAGE: the proof of work the server's own page computes (12 zero bits of SHA-256)
  local day n=0
  day=$(date -u +%F)
  while :; do
    if printf 'rapport-webform-proof/1\n%s\n%s\n%s' "$day" "$1" "$n" | sha256sum | grep -q '^000'; then
      echo "$n"; return
    fi
    n=$((n + 1))
  done
}

VULNERABLE=0
check() { # check WHAT STATUS
  if [ "${2:0:1}" = 2 ]; then echo "TAKEN    $1 (HTTP $2)"; VULNERABLE=1; else echo "refused  $1 (HTTP $2)"; fi
}
check "text/plain from https://attacker.example" \
  "$(post text/plain "$FORM}" 'Origin: https://attacker.example' 'Sec-Fetch-Site: cross-site')"
check "JSON from https://attacker.example" \
  "$(post application/json "$FORM}" 'Origin: https://attacker.example' 'Sec-Fetch-Site: cross-site')"
check "JSON from a sandboxed page (Origin: null)" "$(post application/json "$FORM}" 'Origin: null')"
check "JSON from a sibling site (Sec-Fetch-Site: same-site)" "$(post application/json "$FORM}" 'Sec-Fetch-Site: same-site')"
check "JSON from a naive bot (no proof of work)" "$(post application/json "$FORM}")"
PROOF=$(proof "$MESSAGE")
check "JSON from a bot that fills the hidden website field" \
  "$(post application/json "$FORM,\"proof\":\"$PROOF\",\"website\":\"https://cheap-pills.example\"}")"

OWN=$(post 'application/json; charset=utf-8' "$FORM,\"proof\":\"$PROOF\"}" "Origin: http://$HOSTPORT" 'Sec-Fetch-Site: same-origin')
echo "own page's post: HTTP $OWN"
[ "$OWN" = 202 ] || { echo "the server's own page could not post the form"; exit 2; }
if [ "$VULNERABLE" = 1 ]; then echo "VULNERABLE"; exit 1; fi
echo "SAFE: only JSON from the server's own origin, with the proof of work and an empty honeypot, is taken"
