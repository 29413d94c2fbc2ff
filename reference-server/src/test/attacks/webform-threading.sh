#!/usr/bin/env bash
# Attack: an anonymous web form post claims another customer's ticket by its number in the subject
# ("Re: [#T2026000002]") and their e-mail address, to write into their open ticket, to land under their customer, or
# to learn from the answer (OPENED / APPENDED / DUPLICATE) which ticket numbers exist.
# Usage: webform-threading.sh [base-url]   (against `java -jar reference-server/target/rapport-server.jar --demo`)
# Exit 0: nothing joined and every answer alike (safe); 1: vulnerable; 2: the script could not run.
set -euo pipefail
BASE="${1:-http://localhost:8080}"

field() { # field NAME JSON: the first string or number value of "NAME" in JSON
  printf '%s' "$2" | grep -o "\"$1\" *: *\(\"[^\"]*\"\|[0-9][0-9]*\)" | head -n1 | sed 's/^[^:]*: *//; s/^"//; s/"$//' || true
}
call() { # call METHOD PATH [JSON]
  curl -sS -X "$1" "$BASE$2" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' ${3:+--data "$3"}
}
post_form() { # post_form MESSAGE JSON-FIELDS: as the server's own page does, with the proof of work for MESSAGE
  local day n=0
  day=$(date -u +%F)
  until printf 'rapport-webform-proof/1\n%s\n%s\n%s' "$day" "$1" "$n" | sha256sum | grep -q '^000'; do n=$((n + 1)); done
  curl -sS -X POST "$BASE/api/v1/public/webform" -H 'Content-Type: application/json' \
    --data "{$2,\"message\":\"$1\",\"proof\":\"$n\"}"
}
shape() { # the answer without its ticket number
  printf '%s' "$1" | sed 's/"ticketNumber" *: *"[^"]*"/"ticketNumber":"…"/'
}

TOKEN=$(field token "$(curl -sS -X POST "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
  --data '{"employeeId":"supervisor","password":"rapport-demo"}')")
[ -n "$TOKEN" ] || { echo "cannot log in as the demo supervisor"; exit 2; }
CUSTOMER=$(field id "$(call GET '/api/v1/customers?q=Northwind&limit=1')")
EMAIL=$(field email "$(call GET "/api/v1/customers/$CUSTOMER")")
VICTIM=$(call POST /api/v1/tickets "{\"customerId\":\"$CUSTOMER\",\"type\":\"CONSULTATION\",\"priority\":\"P3\",\"description\":\"webform-threading.sh victim ticket\"}")
ID=$(field id "$VICTIM"); NUMBER=$(field number "$VICTIM")
[ -n "$ID" ] && [ -n "$EMAIL" ] || { echo "cannot set up the victim's ticket: $VICTIM"; exit 2; }
echo "victim: customer $CUSTOMER <$EMAIL>, open ticket $NUMBER"

CLAIMED=$(post_form "Please cancel the order and ship it to 1 Attacker Road $RANDOM" "\"email\":\"$EMAIL\",\"subject\":\"Re: [#$NUMBER]\"")
UNKNOWN=$(post_form "Probe $RANDOM" "\"email\":\"nobody.$RANDOM@example.org\",\"subject\":\"Re: [#T2026999999]\"")
echo "existing number answered: $CLAIMED"
echo "unknown number answered:  $UNKNOWN"

VULNERABLE=0
MESSAGES=$(call GET "/api/v1/tickets/$ID/messages")
if printf '%s' "$MESSAGES" | grep -q 'Attacker Road'; then
  echo "the anonymous message was appended to $NUMBER"; VULNERABLE=1
fi
if [ "$(shape "$CLAIMED")" != "$(shape "$UNKNOWN")" ]; then
  echo "the answers differ: the caller learns that $NUMBER exists"; VULNERABLE=1
fi
NEW=$(field ticketNumber "$CLAIMED")
NEW_CUSTOMER=$(call GET '/api/v1/tickets?limit=200' | tr '{' '\n' | grep -F "\"number\":\"$NEW\"" | grep -o '"customerId":"[^"]*"' | head -n1 | sed 's/.*:"\(.*\)"/\1/' || true)
if [ "$NEW_CUSTOMER" = "$CUSTOMER" ]; then
  echo "the anonymous post was filed under the victim's customer"; VULNERABLE=1
fi
if [ "$VULNERABLE" = 1 ]; then echo "VULNERABLE"; exit 1; fi
echo "SAFE: the post opened $NEW for a new customer; $NUMBER is untouched and both answers look alike"
