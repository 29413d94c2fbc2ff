#!/usr/bin/env python3
"""Hand-run durability check (issue 12): SIGKILL the packaged server after N acknowledged ticket creations.

Usage: kill-after-acks.py <rapport-server.jar> <data dir> <acks before the kill> [port]

Starts `java -jar <jar> --demo` on the data dir (default settings otherwise), lets eight clients create tickets,
kills the process with SIGKILL once N creations were answered 201, starts it again on the same data dir and asks
for every acknowledged ticket. Prints "missing after restart <count>"; exits 1 if any is missing. Given the data dir of
an earlier run, the kill lands on a server that was restarted on existing data (where H2 once lost commits: it reopened
the file with its default write delay).
"""
import json, os, signal, subprocess, sys, threading, time, urllib.error, urllib.request

jar, data_dir, kill_after = sys.argv[1], sys.argv[2], int(sys.argv[3])
port = int(sys.argv[4]) if len(sys.argv) > 4 else 18080
base = f"http://127.0.0.1:{port}"


def call(method, path, body=None, token=None):
    request = urllib.request.Request(base + path, method=method,
                                     data=None if body is None else json.dumps(body).encode())
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, json.loads(answer.read() or b"null")
    except urllib.error.HTTPError as refused:
        return refused.code, None


def start():
    server = subprocess.Popen(["java", "-jar", jar, "--demo", "--port", str(port), "--data-dir", data_dir],
                              stdout=open(os.path.join(data_dir, "..", os.path.basename(data_dir) + ".log"), "ab"),
                              stderr=subprocess.STDOUT)
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            if call("GET", "/health")[0] == 200:
                return server
        except OSError:
            pass
        time.sleep(0.2)
    server.kill()
    sys.exit("the server did not become healthy")


os.makedirs(data_dir, exist_ok=True)
server = start()
token = call("POST", "/api/v1/auth/login", {"employeeId": "agent", "password": "rapport-demo"})[1]["token"]
status, customer = call("POST", "/api/v1/customers?allowDuplicate=true", {
    "kind": "ORGANIZATION", "name": "Kill test " + str(time.time_ns()), "industry": "Retail", "source": "REFERRAL",
    "contacts": [{"name": "Li Lei", "phone": "13911112222"}]}, token)
assert status == 201, status

acknowledged, lock, killed = [], threading.Lock(), threading.Event()


def client(number):
    sequence = 0
    while not killed.is_set():
        sequence += 1
        try:
            status, ticket = call("POST", "/api/v1/tickets", {
                "customerId": customer["id"], "type": "CONSULTATION", "urgent": False, "important": True,
                "description": f"client {number} ticket {sequence}"}, token)
        except OSError:
            return
        if status == 201:
            with lock:
                acknowledged.append(ticket["id"])
                if len(acknowledged) >= kill_after and not killed.is_set():
                    server.send_signal(signal.SIGKILL)
                    killed.set()


clients = [threading.Thread(target=client, args=(n,)) for n in range(8)]
for c in clients:
    c.start()
for c in clients:
    c.join()
server.wait()
print(f"acknowledged before the kill {len(acknowledged)}")

server = start()
token = call("POST", "/api/v1/auth/login", {"employeeId": "agent", "password": "rapport-demo"})[1]["token"]
missing = [ticket for ticket in acknowledged if call("GET", f"/api/v1/tickets/{ticket}", token=token)[0] != 200]
server.send_signal(signal.SIGTERM)
server.wait()
print(f"missing after restart {len(missing)}")
sys.exit(1 if missing else 0)
