#!/usr/bin/env bash
# Benchmark (not a test): the HVS attesting hosts backed by swtpm.
#
#   bench/hvs.sh [HOSTS] [REPORTS] [CONCURRENCY]     # defaults: 4 hosts, 200 reports, 8 at once
#
# Starts an HVS and HOSTS agents (each with its own swtpm and EK CA) on 127.0.0.1, registers
# them, takes PLATFORM/OS flavors from the first, then prints
#   - the wall time of one fresh attestation (POST /reports: new nonce, TPM quote, verification,
#     trust evaluation, SAML signing), median of 10;
#   - signed reports per second over REPORTS requests spread over the hosts, CONCURRENCY at once.
# Every request is bounded (curl --max-time) and the run is bounded in count.
set -euo pipefail
cd "$(dirname "$0")/.."
HOSTS=${1:-4}
REPORTS=${2:-200}
CONC=${3:-8}

scripts/install-deps.sh
echo "==> building release binaries" >&2
cargo build --release --quiet -p secl-hvs-server -p secl-wla-server
BIN=$PWD/target/release
export TSS2_LOG=all+none

W=$(mktemp -d /tmp/secl-hvsbench.XXXXXX)
PIDS=()
cleanup() {
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
    for i in $(seq 1 "$HOSTS"); do scripts/swtpm.sh stop "$W/tpm$i" >/dev/null 2>&1 || true; done
    rm -rf "$W"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_line() { # FILE PREFIX -> the rest of the first line starting with PREFIX
    for _ in $(seq 1 300); do
        local l; l=$(grep -m1 "^$2" "$1" 2>/dev/null || true)
        [[ -n "$l" ]] && { echo "${l#"$2"}" | awk '{print $1}'; return; }
        sleep 0.1
    done
    echo "timed out waiting for $2 in $1" >&2; exit 1
}

echo "==> $HOSTS swtpm instances" >&2
EK_ARGS=()
for i in $(seq 1 "$HOSTS"); do
    # swtpm takes PORT and PORT+1 (control channel).
    p=$(free_port)
    until python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1',$((p + 1))))" 2>/dev/null; do p=$(free_port); done
    echo "$(scripts/swtpm.sh start "$W/tpm$i" "$p")" >"$W/tcti$i"
    cat "$W/tpm$i/ca/swtpm-localca-rootca-cert.pem" "$W/tpm$i/ca/issuercert.pem" >"$W/ekca$i.pem"
    EK_ARGS+=(--ek-ca "$W/ekca$i.pem")
done

"$BIN/secl-hvs" serve --data-dir "$W/hvs" --listen 127.0.0.1:0 --log warn "${EK_ARGS[@]}" >"$W/hvs.out" 2>"$W/hvs.log" &
PIDS+=($!)
HVS=$(wait_line "$W/hvs.out" "secl-hvs listening on ")
TOKEN=$(cat "$W/hvs/admin.token")
CA=$W/hvs/tls-ca.pem
api() { curl -sS --fail-with-body --max-time 60 --cacert "$CA" -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" -H "Accept: application/json" "$@"; }

echo "==> provisioning and registering $HOSTS hosts" >&2
for i in $(seq 1 "$HOSTS"); do
    head -c 24 /dev/urandom | base64 | tr -d '/+=' >"$W/ta$i.token"
    "$BIN/secl-wla" provision --data-dir "$W/wla$i" --tpm "$(cat "$W/tcti$i")" --hvs-url "$HVS" \
        --hvs-ca "$CA" --hvs-token-file "$W/hvs/admin.token" --hardware-uuid "$(python3 -c 'import uuid;print(uuid.uuid4())')" >/dev/null
    "$BIN/secl-wla" serve --data-dir "$W/wla$i" --tpm "$(cat "$W/tcti$i")" --listen 127.0.0.1:0 \
        --token-file "$W/ta$i.token" --log warn >"$W/wla$i.out" 2>"$W/wla$i.log" &
    PIDS+=($!)
    url=$(wait_line "$W/wla$i.out" "secl-wla listening on ")
    python3 - "$url" "$W/wla$i/tls-ca.pem" "$W/ta$i.token" >"$W/reg$i.json" <<'PY'
import json, sys
print(json.dumps({"connection_string": sys.argv[1], "ta_ca_pem": open(sys.argv[2]).read(),
                  "ta_token": open(sys.argv[3]).read().strip()}))
PY
    api -X POST "$HVS/hosts" --data @"$W/reg$i.json" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])' >"$W/host$i"
done
api -X POST "$HVS/flavors" --data "{\"host_id\":\"$(cat "$W/host1")\",\"flavor_parts\":[\"PLATFORM\",\"OS\"]}" >/dev/null

echo "==> one fresh attestation, 10 times" >&2
for _ in $(seq 1 10); do
    api -o "$W/r.json" -w '%{time_total}\n' -X POST "$HVS/reports" --data "{\"host_id\":\"$(cat "$W/host1")\"}" >>"$W/single"
done
python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert r["trust_report"]["overall"] is True, r' "$W/r.json"

echo "==> $REPORTS reports over $HOSTS hosts, $CONC at once" >&2
for n in $(seq 1 "$REPORTS"); do echo "$(cat "$W/host$(( (n - 1) % HOSTS + 1 ))")"; done >"$W/jobs"
start=$(date +%s.%N)
xargs -P "$CONC" -I{} curl -sS --fail --max-time 60 --cacert "$CA" -o /dev/null -w '%{http_code}\n' \
    -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" -H "Accept: application/samlassertion+xml" \
    -X POST "$HVS/reports" --data '{"host_id":"{}"}' <"$W/jobs" >"$W/codes"
end=$(date +%s.%N)
python3 - "$W/single" "$W/codes" "$start" "$end" "$HOSTS" "$REPORTS" "$CONC" <<'PY'
import statistics, sys
single = [float(x) for x in open(sys.argv[1])]
codes = open(sys.argv[2]).read().split()
ok = sum(1 for c in codes if c == "201")
wall = float(sys.argv[4]) - float(sys.argv[3])
print(f"one fresh attestation (POST /reports, swtpm quote + verify + SAML sign): median {statistics.median(single)*1000:.0f} ms, min {min(single)*1000:.0f} ms, max {max(single)*1000:.0f} ms")
print(f"signed reports: {ok}/{len(codes)} ok in {wall:.2f} s = {ok / wall:.1f} reports/s ({sys.argv[5]} hosts, {sys.argv[7]} concurrent clients)")
PY
