#!/usr/bin/env bash
# Benchmark (not a test): end-to-end latency of the attested key release, as CRI-O sees it.
#
#   bench/attested-release.sh [CALLS]      # default 30
#
# Sets up what scripts/demo.sh sets up (KBS, HVS, WLS, a swtpm host provisioned and registered,
# its agent serving the ocicrypt key provider on a unix socket; all on 127.0.0.1 in a temporary
# directory, release builds), encrypts a one-layer image with `secl image encrypt`, takes the
# layer's isecl annotation from the manifest, then prints for CALLS sequential UnWrapKey calls
# over the socket (servers/wla/benches/unwrap.rs, a fresh connection per call) p50/p90/p99/max:
#   - WLS key cache on (300 s default): after the first call the WLS skips the KBS, but still
#     gets a fresh HVS report (new nonce, fresh swtpm quote) for every call;
#   - WLS with --key-cache-seconds 0: every call goes WLA -> WLS -> HVS (fresh quote) -> KBS
#     -> TPM unwrap;
# and, in each configuration, the time of one `skopeo copy --decryption-key provider:isecl` of
# the image through the socket. Bounded: CALLS calls, 60 s per call, 600 s per configuration.
set -euo pipefail
cd "$(dirname "$0")/.."
CALLS=${1:-30}
[[ "$CALLS" =~ ^[0-9]+$ && "$CALLS" -ge 1 && "$CALLS" -le 10000 ]] || { echo "CALLS must be 1..10000" >&2; exit 2; }

scripts/install-deps.sh
scripts/install-skopeo.sh >/dev/null
echo "==> building release binaries and the bench" >&2
cargo build --release --workspace --bins --quiet
cargo bench --quiet --no-run -p secl-wla-server --bench unwrap
BIN=$PWD/target/release
export TSS2_LOG=all+none

W=$(mktemp -d /tmp/secl-releasebench.XXXXXX)
PIDS=()
WLA_PID=""
cleanup() {
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null; done
    scripts/swtpm.sh stop "$W/swtpm" >/dev/null 2>&1 || true
    rm -rf "$W"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# Starts NAME (a server binary) with ARGS in the background (stopped at exit); sets URL and PID
# once it says "NAME listening on URL". OUT names its log files (NAME by default).
start() {
    local name=$1 out=${OUT:-$1}
    shift
    : >"$W/$out.out" # exists before it is polled, whatever the background start's timing
    "$BIN/$name" "$@" >"$W/$out.out" 2>"$W/$out.log" &
    PID=$!
    PIDS+=("$PID")
    URL=""
    for _ in $(seq 1 600); do
        URL=$(sed -n "s/^$name listening on \(https:[^ ]*\).*/\1/p" "$W/$out.out")
        [[ -n "$URL" ]] && return
        kill -0 "$PID" 2>/dev/null || break
        sleep 0.1
    done
    echo "$name did not come up:" >&2
    cat "$W/$out.log" >&2
    exit 1
}

echo "==> swtpm, KBS, HVS and two WLS (key cache 300 s and 0 s) on 127.0.0.1" >&2
PORT=$(free_port)
until python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1',$((PORT + 1))))" 2>/dev/null; do PORT=$(free_port); done
TCTI=$(scripts/swtpm.sh start "$W/swtpm" "$PORT")
cat "$W/swtpm/ca/swtpm-localca-rootca-cert.pem" "$W/swtpm/ca/issuercert.pem" >"$W/ek-ca.pem"
start secl-kbs serve --data-dir "$W/kbs" --listen 127.0.0.1:0 --log warn
KBS=$URL
start secl-hvs serve --data-dir "$W/hvs" --listen 127.0.0.1:0 --log warn --ek-ca "$W/ek-ca.pem"
HVS=$URL
WLS_ARGS=(--listen 127.0.0.1:0 --log warn --hvs-url "$HVS" --hvs-ca "$W/hvs/tls-ca.pem"
    --hvs-token-file "$W/hvs/admin.token" --kbs-ca "$W/kbs/tls-ca.pem")
OUT=wls-cached start secl-wls serve --data-dir "$W/wls" "${WLS_ARGS[@]}"
WLS_CACHED=$URL
OUT=wls-nocache start secl-wls serve --data-dir "$W/wls-nocache" "${WLS_ARGS[@]}" --key-cache-seconds 0
WLS_NOCACHE=$URL

export SECL_KBS_URL=$KBS SECL_CA_CERT=$W/kbs/tls-ca.pem SECL_KBS_TOKEN_FILE=$W/kbs/admin.token
export SECL_HVS_URL=$HVS SECL_HVS_CA_CERT=$W/hvs/tls-ca.pem SECL_HVS_TOKEN_FILE=$W/hvs/admin.token
export SECL_ENVELOPE_KEY=$W/owner/envelope-key.pem
"$BIN/secl" hvs ca-cert get --type saml >"$W/hvs-saml.pem"
"$BIN/secl" hvs ca-cert get --type privacy >"$W/hvs-privacy.pem"
"$BIN/secl" -q kbs import-saml "$W/hvs-saml.pem" >/dev/null
"$BIN/secl" -q kbs import-tpm-identity "$W/hvs-privacy.pem" >/dev/null

echo "==> provisioning the host; its agent serves the key provider" >&2
"$BIN/secl-wla" provision --data-dir "$W/wla" --tpm "$TCTI" \
    --hvs-url "$HVS" --hvs-ca "$W/hvs/tls-ca.pem" --hvs-token-file "$W/hvs/admin.token" >/dev/null 2>"$W/provision.log"
head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$W/ta.token"
chmod 600 "$W/ta.token"
for w in wls wls-nocache; do
    SECL_WLS_URL=$([[ $w == wls ]] && echo "$WLS_CACHED" || echo "$WLS_NOCACHE") SECL_WLS_CA_CERT=$W/$w/tls-ca.pem \
        SECL_WLS_TOKEN_FILE=$W/$w/admin.token "$BIN/secl" -q wls token create --name bench --permission 'keys:create:*' >"$W/$w-wla.token"
    chmod 600 "$W/$w-wla.token"
done
# A fixed port: the agent is restarted against the other WLS and the HVS must still reach it.
WLA_PORT=$(free_port)
SOCK=$W/run/secl-wla.sock
start_wla() { # WLS-DIR WLS-URL
    [[ -z "$WLA_PID" ]] || { kill "$WLA_PID"; wait "$WLA_PID" 2>/dev/null || true; }
    OUT=wla-$1 start secl-wla serve --data-dir "$W/wla" --tpm "$TCTI" --listen "127.0.0.1:$WLA_PORT" --log warn \
        --token-file "$W/ta.token" --keyprovider-socket "$SOCK" --wls-url "$2" --wls-ca "$W/$1/tls-ca.pem" \
        --wls-token-file "$W/$1-wla.token"
    WLA_PID=$PID WLA=$URL
    for _ in $(seq 1 100); do grep -q "^secl-wla key provider on" "$W/wla-$1.out" && return; sleep 0.1; done
    echo "the key provider socket did not come up" >&2; exit 1
}
start_wla wls "$WLS_CACHED"
HOST=$("$BIN/secl" -q hvs host add "$WLA" --ta-ca "$W/wla/tls-ca.pem" --ta-token-file "$W/ta.token" --description "bench worker")
"$BIN/secl" -q hvs flavor create --from-host "$HOST" >/dev/null

echo "==> a one-layer image, encrypted with secl image encrypt" >&2
scripts/mkimage.py "$W/app" --layer gzrandom:256K >/dev/null
"$BIN/secl" -q image encrypt "oci:$W/app:latest" "oci:$W/app-enc:latest" >/dev/null
# ocicrypt's keyunwrap request for the layer's isecl annotation (the manifest value is already
# the base64 the request carries).
python3 - "$W/app-enc" >"$W/request.json" <<'PY'
import json, os, sys
d = sys.argv[1]
blob = lambda dg: os.path.join(d, "blobs", "sha256", dg.split(":")[1])
m = json.load(open(blob(json.load(open(os.path.join(d, "index.json")))["manifests"][0]["digest"])))
(layer,) = m["layers"]
a = layer["annotations"]["org.opencontainers.image.enc.keys.provider.isecl"]
print(json.dumps({"op": "keyunwrap", "keywrapparams": {"ec": None, "optsdata": None},
                  "keyunwrapparams": {"dc": {"Parameters": {"isecl": ["RW5hYmxlZA=="]}}, "annotation": a}}))
PY

printf '{"key-providers":{"isecl":{"grpc":"unix://%s"}}}\n' "$SOCK" >"$W/ocicrypt.json"
export OCICRYPT_KEYPROVIDER_CONFIG=$W/ocicrypt.json
.tools/skopeo/skopeo --version >/dev/null # loaded once before it is timed
skopeo_copy() { # DEST-NAME -> prints the wall time in ms; checks the layer digest
    local t0 t1
    t0=$(date +%s%N)
    timeout 300 .tools/skopeo/skopeo --policy .tools/skopeo/policy.json copy -q --decryption-key provider:isecl \
        "oci:$W/app-enc:latest" "oci:$W/$1:latest"
    t1=$(date +%s%N)
    python3 - "$W/app" "$W/$1" <<'PY'
import json, os, sys
def layers(d):
    blob = lambda dg: os.path.join(d, "blobs", "sha256", dg.split(":")[1])
    return [l["digest"] for l in json.load(open(blob(json.load(open(os.path.join(d, "index.json")))["manifests"][0]["digest"])))["layers"]]
assert layers(sys.argv[1]) == layers(sys.argv[2]), "decrypted layer differs from the original"
PY
    echo $(((t1 - t0) / 1000000))
}
unwrap_bench() { # LABEL
    cargo bench --quiet -p secl-wla-server --bench unwrap -- --socket "$SOCK" --request "$W/request.json" \
        --calls "$CALLS" --label "$1" --max-seconds 600 2>"$W/bench.err" || { cat "$W/bench.err" >&2; exit 1; }
}

echo "==> $CALLS sequential UnWrapKey calls, WLS key cache on (300 s)" >&2
R1=$(unwrap_bench "WLS key cache 300 s")
S1=$(skopeo_copy dec-cached)
echo "==> $CALLS sequential UnWrapKey calls, WLS --key-cache-seconds 0" >&2
start_wla wls-nocache "$WLS_NOCACHE"
R2=$(unwrap_bench "WLS key cache 0 s  ")
S2=$(skopeo_copy dec-nocache)

echo
echo "end-to-end UnWrapKey over the WLA socket (fresh connection per call; swtpm; release builds):"
echo "  $R1"
echo "  $R2"
echo "one skopeo copy --decryption-key provider:isecl of the one-layer image (256 KiB):"
echo "  WLS key cache 300 s: ${S1} ms"
echo "  WLS key cache 0 s:   ${S2} ms"
