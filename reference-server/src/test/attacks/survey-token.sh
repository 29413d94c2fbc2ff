#!/usr/bin/env bash
# Attack: an agent reads the survey link of a ticket they worked and answers it in the customer's place,
# lifting their own KPIs. Closes a ticket as the demo agent, then looks for the link where staff can read:
# GET /api/v1/surveys?ticketId= and GET /api/v1/tickets/{id}/messages.
# Usage: survey-token.sh [base-url]   (against `java -jar reference-server/target/rapport-server.jar --demo`)
# Exit 0: no link visible to staff (safe); 1: the link leaked (vulnerable); 2: the script could not run.
set -euo pipefail
BASE="${1:-http://localhost:8080}"

field() { # field NAME JSON: the first string or number value of "NAME" in JSON
  printf '%s' "$2" | grep -o "\"$1\" *: *\(\"[^\"]*\"\|[0-9][0-9]*\)" | head -n1 | sed 's/^[^:]*: *//; s/^"//; s/"$//' || true
}
call() { # call METHOD PATH [JSON]
  curl -sS -X "$1" "$BASE$2" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' ${3:+--data "$3"}
}

LOGIN=$(curl -sS -X POST "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
  --data '{"employeeId":"agent","password":"rapport-demo"}')
TOKEN=$(field token "$LOGIN")
ME=$(printf '%s' "$LOGIN" | grep -o '"user" *: *{[^}]*' | grep -o '"id" *: *"[^"]*"' | head -n1 | sed 's/.*"\([^"]*\)"$/\1/')
[ -n "$TOKEN" ] && [ -n "$ME" ] || { echo "cannot log in as the demo agent: $LOGIN"; exit 2; }

CUSTOMER=$(field id "$(call GET '/api/v1/customers?q=Northwind&limit=1')")
TICKET=$(call POST /api/v1/tickets "{\"customerId\":\"$CUSTOMER\",\"type\":\"CONSULTATION\",\"priority\":\"P4\",\"title\":\"Survey token probe\",\"description\":\"Attack script survey-token.sh\"}")
ID=$(field id "$TICKET"); V=$(field version "$TICKET")
[ -n "$ID" ] || { echo "cannot open a ticket: $TICKET"; exit 2; }
step() { local out; out=$(call POST "/api/v1/tickets/$ID/$1" "$2"); V=$(field version "$out"); [ -n "$V" ] || { echo "$1 failed: $out"; exit 2; }; }
step assign "{\"assigneeId\":\"$ME\",\"version\":$V}"
step progress "{\"action\":\"Called back\",\"visibility\":\"CUSTOMER\",\"version\":$V}"
step resolve "{\"solution\":\"Explained\",\"communicatedVia\":\"PHONE\",\"version\":$V}"
step confirmation "{\"opinion\":\"SATISFIED\",\"method\":\"PHONE\",\"version\":$V}"
echo "closed ticket $(field number "$TICKET") as the agent; waiting for its survey invitation"

SURVEYS=""
for _ in $(seq 1 60); do
  SURVEYS=$(call GET "/api/v1/surveys?ticketId=$ID")
  printf '%s' "$SURVEYS" | grep -q '"state" *: *"INVITED"' && break
  sleep 0.5
done
printf '%s' "$SURVEYS" | grep -q '"state" *: *"INVITED"' || { echo "no survey was invited: $SURVEYS"; exit 2; }
MESSAGES=$(call GET "/api/v1/tickets/$ID/messages")

LINK=$(printf '%s\n%s' "$SURVEYS" "$MESSAGES" | grep -o 'https\?://[^" ]*/survey/[A-Za-z0-9_-]*' | head -n1 || true)
if [ -n "$LINK" ]; then
  STATUS=$(curl -sS -o /dev/null -w '%{http_code}' -X POST "$BASE/api/v1/public/surveys/${LINK##*/}" \
    -H 'Content-Type: application/json' \
    --data '{"responseSpeed":5,"resolution":5,"attitude":5,"overall":5,"recommend":10,"comment":"great agent"}')
  echo "VULNERABLE: the agent read the survey link $LINK and answered it: HTTP $STATUS"
  exit 1
fi
echo "SAFE: the survey's state is visible to the agent, its link and token are not"
