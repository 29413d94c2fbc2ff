#!/usr/bin/env bash
# Attack: a role without customer.pii.read (the demo "expert") learns a customer's phone number or e-mail address from
# the name the web form gave the customer it created, and finds customers by raw contact data through that name.
# Usage: contact-names.sh [base-url]   (against `java -jar reference-server/target/rapport-server.jar --demo`)
# Exit 0: no contact datum in names (safe); 1: a name holds one (vulnerable); 2: the script could not run.
set -euo pipefail
BASE="${1:-http://localhost:8080}"
PHONE="139$(printf '%08d' $((RANDOM * 32768 + RANDOM)) | cut -c1-8)"
EMAIL="probe.$RANDOM$RANDOM@example.cn"

field() { # field NAME JSON: the first string or number value of "NAME" in JSON
  printf '%s' "$2" | grep -o "\"$1\" *: *\(\"[^\"]*\"\|[0-9][0-9]*\)" | head -n1 | sed 's/^[^:]*: *//; s/^"//; s/"$//' || true
}
login() {
  field token "$(curl -sS -X POST "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
    --data "{\"employeeId\":\"$1\",\"password\":\"rapport-demo\"}")"
}
post_form() { # post_form MESSAGE JSON-FIELDS: as the server's own page does, with the proof of work for MESSAGE
  local day n=0
  day=$(date -u +%F)
  until printf 'rapport-webform-proof/1\n%s\n%s\n%s' "$day" "$1" "$n" | sha256sum | grep -q '^000'; do n=$((n + 1)); done
  curl -sS -X POST "$BASE/api/v1/public/webform" -H 'Content-Type: application/json' \
    --data "{$2,\"message\":\"$1\",\"proof\":\"$n\"}"
}

SUPERVISOR=$(login supervisor); EXPERT=$(login expert)
[ -n "$SUPERVISOR" ] && [ -n "$EXPERT" ] || { echo "cannot log in as the demo supervisor and expert"; exit 2; }
A=$(post_form "contact-names.sh probe by phone" "\"phone\":\"$PHONE\"")
B=$(post_form "contact-names.sh probe by e-mail" "\"name\":\"$EMAIL\",\"email\":\"$EMAIL\"")
echo "web form answered: $A / $B"
TICKETS=$(curl -sS "$BASE/api/v1/tickets?limit=200" -H "Authorization: Bearer $SUPERVISOR")

LEAKED=0
for NUMBER in "$(field ticketNumber "$A")" "$(field ticketNumber "$B")"; do
  [ -n "$NUMBER" ] || { echo "the web form opened no ticket"; exit 2; }
  ITEM=$(printf '%s' "$TICKETS" | tr '{' '\n' | grep -F "\"number\":\"$NUMBER\"" || true)
  CUSTOMER=$(field customerId "$ITEM")
  [ -n "$CUSTOMER" ] || { echo "ticket $NUMBER not in the supervisor's list"; exit 2; }
  NAME=$(field name "$(curl -sS "$BASE/api/v1/customers/$CUSTOMER" -H "Authorization: Bearer $EXPERT")")
  echo "the expert sees the customer of $NUMBER as: $NAME"
  if printf '%s' "$NAME" | grep -qF -e "$PHONE" -e "$EMAIL"; then LEAKED=1; fi
done
for Q in "$PHONE" "${EMAIL%@*}"; do
  if curl -sS -G "$BASE/api/v1/customers" --data-urlencode "q=$Q" -H "Authorization: Bearer $EXPERT" \
      | grep -qF -e "$PHONE" -e "$EMAIL"; then
    echo "the expert's search for $Q shows the raw contact datum"; LEAKED=1
  fi
done
if [ "$LEAKED" = 1 ]; then echo "VULNERABLE: a customer's name shows its contact data to a role without customer.pii.read"; exit 1; fi
echo "SAFE: names of customers the web form created hold no contact datum unmasked"
