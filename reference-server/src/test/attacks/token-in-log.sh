#!/usr/bin/env bash
# Attack: read survey tokens (the customer's credential) from the server's log, where failures used to be logged
# with the request's path.
# Expect: no line of the log names the token; failures name the route template (POST /api/v1/public/surveys/{token}).
# Run against: java -jar reference-server/target/rapport-server.jar --demo > server.log 2>&1
# Usage: token-in-log.sh [base-url] [server-log-file]
set -uo pipefail
BASE="${1:-http://localhost:8080}"
LOG="${2:-server.log}"
fail=0
if [ ! -r "$LOG" ]; then echo "FAIL cannot read the server's log $LOG (second argument)"; exit 2; fi
token="attacktoken$RANDOM$RANDOM$RANDOM"
# Every way in that takes a token: JSON, the form, bad bodies, odd encodings, a very long body.
curl -sS -o /dev/null -X POST "$BASE/api/v1/public/surveys/$token" -H 'Content-Type: application/json' -d '{"responseSpeed":5}'
curl -sS -o /dev/null -X POST "$BASE/api/v1/public/surveys/$token" -H 'Content-Type: application/json' -d '{not json'
curl -sS -o /dev/null -X POST "$BASE/api/v1/public/surveys/$token" -H 'Content-Type: application/x-www-form-urlencoded' -d 'responseSpeed=%ZZ'
curl -sS -o /dev/null -X POST "$BASE/api/v1/public/surveys/$token" -H 'Content-Type: text/plain' --data-binary @/dev/null
curl -sS -o /dev/null -X POST "$BASE/api/v1/public/surveys/$token%00x" -H 'Content-Type: application/json' -d '{}'
head -c 200000 /dev/zero | tr '\0' 'a' | curl -sS -o /dev/null -X POST "$BASE/api/v1/public/surveys/$token" \
    -H 'Content-Type: application/json' --data-binary @-
curl -sS -o /dev/null "$BASE/survey/$token"
curl -sS -o /dev/null "$BASE/survey/$token?lang=%ZZ"
curl -sS -o /dev/null -X DELETE "$BASE/survey/$token"
sleep 1 # the log is written asynchronously by the server; this waits for a file, not for the server's state
if grep -q "$token" "$LOG"; then
    echo "FAIL the token is in the log:"; grep -n "$token" "$LOG"; fail=1
else
    echo "PASS no log line names the token ($(wc -l <"$LOG") lines checked)"
fi
exit $fail
