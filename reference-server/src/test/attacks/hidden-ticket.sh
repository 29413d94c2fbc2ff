#!/usr/bin/env bash
# Attack: an agent probes a ticket of another department: by its id (is it there? what is its number?) and through
# the customer's timeline (what is its title?).
# Expect: 404 exactly as for a ticket that does not exist, no number in any answer; the timeline lists the ticket
# without its number, title or description.
# Run against: java -jar reference-server/target/rapport-server.jar --demo
set -uo pipefail
BASE="${1:-http://localhost:8080}"
fail=0
check() { if [ "$2" = "$3" ]; then echo "PASS $1 ($3)"; else echo "FAIL $1: expected $2, got $3"; fail=1; fi; }
login() {
    curl -sS -X POST "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
        -d "{\"employeeId\":\"$1\",\"password\":\"rapport-demo\"}" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p'
}
field() { grep -o "\"$1\":\"[^\"]*\"" | head -1 | cut -d'"' -f4; }
number() { grep -o "\"$1\":[0-9]*" | head -1 | cut -d: -f2; }
agent=$(login agent)
supervisor=$(login supervisor)
customer=$(curl -sS -H "Authorization: Bearer $supervisor" "$BASE/api/v1/customers?q=Northwind" | field id)
title="Attack secret title $RANDOM$RANDOM"
ticket=$(curl -sS -X POST "$BASE/api/v1/tickets" -H "Authorization: Bearer $supervisor" -H 'Content-Type: application/json' \
    -d "{\"customerId\":\"$customer\",\"type\":\"CONSULTATION\",\"title\":\"$title\",\"description\":\"Board-only.\",\"urgent\":false,\"important\":false}")
id=$(field id <<<"$ticket")
ticket_number=$(field number <<<"$ticket")
version=$(number version <<<"$ticket")
moved=$(curl -sS -o /dev/null -w '%{http_code}' -X POST "$BASE/api/v1/tickets/$id/assign" \
    -H "Authorization: Bearer $supervisor" -H 'Content-Type: application/json' \
    -d "{\"version\":$version,\"departmentId\":\"technical-support\"}")
check "supervisor hands the ticket to technical-support" 200 "$moved"

for path in "/api/v1/tickets/$id" "/api/v1/tickets/$id/history" "/api/v1/tickets/$id/attachments" "/api/v1/surveys?ticketId=$id"; do
    body=$(curl -sS -w '\n%{http_code}' -H "Authorization: Bearer $agent" "$BASE$path")
    check "agent GET $path" 404 "$(tail -n1 <<<"$body")"
    if grep -q "$ticket_number" <<<"$body"; then echo "FAIL $path names $ticket_number"; fail=1; fi
done
body=$(curl -sS -w '\n%{http_code}' -X POST -H "Authorization: Bearer $agent" -H 'Content-Type: application/json' \
    -d '{"version":2,"action":"peek","visibility":"INTERNAL"}' "$BASE/api/v1/tickets/$id/progress")
check "agent POST progress" 404 "$(tail -n1 <<<"$body")"
if grep -q "$ticket_number" <<<"$body"; then echo "FAIL progress answer names $ticket_number"; fail=1; fi
missing=$(curl -sS -H "Authorization: Bearer $agent" "$BASE/api/v1/tickets/no-such-ticket" | field code)
hidden=$(curl -sS -H "Authorization: Bearer $agent" "$BASE/api/v1/tickets/$id" | field code)
check "hidden and missing look alike" "$missing" "$hidden"

timeline=$(curl -sS -H "Authorization: Bearer $agent" "$BASE/api/v1/customers/$customer/timeline?limit=200")
if grep -q "\"refId\":\"$id\"" <<<"$timeline"; then echo "PASS the timeline lists the ticket"; else echo "FAIL the timeline lost the ticket"; fail=1; fi
if grep -q "$title\|$ticket_number" <<<"$timeline"; then echo "FAIL the agent's timeline shows the title or number"; fail=1; else echo "PASS no title or number on the agent's timeline"; fi
exit $fail
