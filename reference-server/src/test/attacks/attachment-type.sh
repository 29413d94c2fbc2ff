#!/usr/bin/env bash
# Attack: upload an HTML page (or any other content) declared as an image, trusting that the server believes the
# Content-Type.
# Expect: 415 attachment.type.mismatch when the first bytes are not of the declared type; a real PNG is stored.
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
agent=$(login agent)
customer=$(curl -sS -H "Authorization: Bearer $agent" "$BASE/api/v1/customers?q=Northwind" | field id)
ticket=$(curl -sS -X POST "$BASE/api/v1/tickets" -H "Authorization: Bearer $agent" -H 'Content-Type: application/json' \
    -d "{\"customerId\":\"$customer\",\"type\":\"CONSULTATION\",\"description\":\"Attachment check\",\"urgent\":false,\"important\":false}" | field id)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '<html><script>alert(document.cookie)</script></html>' >"$work/page.png"
printf '%%PDF-1.7\n1 0 obj\n' >"$work/doc.png"
printf '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\xdac\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99=\x1d\x00\x00\x00\x00IEND\xaeB`\x82' >"$work/real.png"
upload() { # file type -> "status code"
    curl -sS -w ' %{http_code}' -X POST "$BASE/api/v1/tickets/$ticket/attachments" -H "Authorization: Bearer $agent" \
        -H "Content-Type: $2" -H "X-Filename: $(basename "$1")" --data-binary @"$1"
}
answer=$(upload "$work/page.png" image/png)
check "HTML declared as image/png" 415 "${answer##* }"
check "its problem code" attachment.type.mismatch "$(field code <<<"$answer")"
answer=$(upload "$work/doc.png" image/png)
check "PDF declared as image/png" 415 "${answer##* }"
answer=$(upload "$work/real.png" application/pdf)
check "PNG declared as application/pdf" 415 "${answer##* }"
answer=$(upload "$work/real.png" image/png)
check "a real PNG" 201 "${answer##* }"
exit $fail
