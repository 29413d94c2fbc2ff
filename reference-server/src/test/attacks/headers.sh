#!/usr/bin/env bash
# Attack: frame the console, sniff a file as another type, leak the address as a referrer, cache API answers.
# Expect: the console, its static files and error pages carry a strict Content-Security-Policy (no inline script,
# frame-ancestors 'none'), X-Frame-Options: DENY, X-Content-Type-Options: nosniff and Referrer-Policy; API answers
# carry Cache-Control: no-store.
# Run against: java -jar reference-server/target/rapport-server.jar --demo
set -uo pipefail
BASE="${1:-http://localhost:8080}"
fail=0
pass() { echo "PASS $1"; }
failed() { echo "FAIL $1"; fail=1; }
has() { # what, headers, pattern
    if grep -qiE "$3" <<<"$2"; then pass "$1"; else failed "$1: no header matching /$3/"; fi
}
lacks() {
    if grep -qiE "$3" <<<"$2"; then failed "$1: header matching /$3/"; else pass "$1"; fi
}

for path in / /index.html /css/console.css /js/app.js /survey/not-a-token /no-such-page; do
    headers=$(curl -sS -o /dev/null -D - "$BASE$path")
    csp=$(grep -i '^content-security-policy:' <<<"$headers")
    has "$path Content-Security-Policy" "$headers" "^content-security-policy: .*script-src 'self'"
    has "$path CSP frame-ancestors" "$headers" "^content-security-policy: .*frame-ancestors 'none'"
    lacks "$path CSP without unsafe-inline" "$csp" "unsafe-inline|unsafe-eval"
    has "$path X-Frame-Options" "$headers" '^x-frame-options: DENY'
    has "$path X-Content-Type-Options" "$headers" '^x-content-type-options: nosniff'
    has "$path Referrer-Policy" "$headers" '^referrer-policy: (no-referrer|same-origin|strict-origin)'
done

# The console's page itself must not need inline script or style.
index=$(curl -sS "$BASE/")
if grep -qiE '<script>|<script [^>]*>[^<]|<style|style=' <<<"$index"; then failed "index.html has inline script or style"; else pass "index.html: no inline script or style"; fi

token=$(curl -sS -X POST "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d '{"employeeId":"agent","password":"rapport-demo"}' | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
for path in /api/v1/auth/session /api/v1/customers /api/v1/tickets/no-such-ticket; do
    headers=$(curl -sS -o /dev/null -D - -H "Authorization: Bearer $token" "$BASE$path")
    has "$path Cache-Control" "$headers" '^cache-control: .*no-store'
    has "$path nosniff" "$headers" '^x-content-type-options: nosniff'
done
headers=$(curl -sS -o /dev/null -D - "$BASE/api/v1/customers")
has "401 answer Cache-Control" "$headers" '^cache-control: .*no-store'
exit $fail
