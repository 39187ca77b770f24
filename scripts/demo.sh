#!/usr/bin/env bash
# secl's main job, end to end on this machine with the embedded defaults: an image stays secret
# until a host proves with its TPM that it is trusted.
#
#   1. KBS, HVS and WLS start on 127.0.0.1 (embedded stores, self-made TLS certificates); the KBS
#      trusts the HVS's SAML signing certificate and PrivacyCA.
#   2. A worker host over a software TPM (swtpm) is provisioned (EK, AIK, binding key), registered
#      with the HVS, and flavors are taken from it; its agent serves the ocicrypt gRPC key
#      provider on a unix socket.
#   3. The image owner builds a small image offline and encrypts it with `secl image encrypt`.
#   4. skopeo decrypts it through the agent's socket, as CRI-O would: WLA -> WLS -> HVS (fresh
#      quote, signed report) -> KBS (release checks) -> TPM unwrap. The layer digests match.
#   5. A measured PCR is extended; the same decrypt is refused and the reason is shown.
# Everything lives in a temporary directory and is stopped and removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
echo "==> building secl (first build takes a few minutes)"
cargo build --workspace --bins --quiet
BIN=$PWD/target/debug
export TSS2_LOG=all+none

W=$(mktemp -d /tmp/secl-demo.XXXXXX)
PIDS=()
cleanup() {
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null; done
    scripts/swtpm.sh stop "$W/swtpm" >/dev/null 2>&1 || true
    rm -rf "$W"
}
trap cleanup EXIT

run() { echo "\$ $*"; "$@"; echo; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# Starts NAME (a server binary) with ARGS in the background; sets URL once it says
# "NAME listening on URL".
start() {
    local name=$1
    shift
    : >"$W/$name.out"
    "$BIN/$name" "$@" >"$W/$name.out" 2>"$W/$name.log" &
    local pid=$!
    PIDS+=("$pid")
    URL=""
    for _ in $(seq 1 600); do
        URL=$(sed -n "s/^$name listening on \(https:[^ ]*\).*/\1/p" "$W/$name.out")
        [[ -n "$URL" ]] && return
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    echo "$name did not come up:" >&2
    cat "$W/$name.log" >&2
    exit 1
}

echo "==> a software TPM for the worker host (swtpm, EK certificate from its own local CA)"
PORT=$(free_port)
until python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1',$((PORT + 1))))" 2>/dev/null; do PORT=$(free_port); done
TCTI=$(scripts/swtpm.sh start "$W/swtpm" "$PORT")
cat "$W/swtpm/ca/swtpm-localca-rootca-cert.pem" "$W/swtpm/ca/issuercert.pem" >"$W/ek-ca.pem"
echo "    $TCTI"

echo "==> starting KBS, HVS and WLS on 127.0.0.1 (embedded stores, self-signed TLS)"
start secl-kbs serve --data-dir "$W/kbs" --listen 127.0.0.1:0
KBS=$URL
echo "    KBS $KBS"
start secl-hvs serve --data-dir "$W/hvs" --listen 127.0.0.1:0 --ek-ca "$W/ek-ca.pem"
HVS=$URL
echo "    HVS $HVS"
# The WLS asks the HVS for fresh reports (its HVS token allows nothing else) and forwards them to
# KBSs whose TLS CA it is given.
"$BIN/secl" -q hvs token create --name wls --permission 'reports:create:*' \
    --hvs-url "$HVS" --hvs-ca-cert "$W/hvs/tls-ca.pem" --hvs-token-file "$W/hvs/admin.token" >"$W/wls-hvs.token"
chmod 600 "$W/wls-hvs.token"
start secl-wls serve --data-dir "$W/wls" --listen 127.0.0.1:0 \
    --hvs-url "$HVS" --hvs-ca "$W/hvs/tls-ca.pem" --hvs-token-file "$W/wls-hvs.token" \
    --kbs-ca "$W/kbs/tls-ca.pem"
WLS=$URL
echo "    WLS $WLS"

# The CLI reads its connections from the environment (or a config file, or flags).
export SECL_KBS_URL=$KBS SECL_CA_CERT=$W/kbs/tls-ca.pem SECL_KBS_TOKEN_FILE=$W/kbs/admin.token
export SECL_HVS_URL=$HVS SECL_HVS_CA_CERT=$W/hvs/tls-ca.pem SECL_HVS_TOKEN_FILE=$W/hvs/admin.token
export SECL_WLS_URL=$WLS SECL_WLS_CA_CERT=$W/wls/tls-ca.pem SECL_WLS_TOKEN_FILE=$W/wls/admin.token
export SECL_ENVELOPE_KEY=$W/owner/envelope-key.pem

echo "==> the KBS admin trusts the HVS: its SAML signing certificate and its PrivacyCA"
run "$BIN/secl" kbs trust-hvs

echo "==> the worker host: provision the TPM with the HVS, then serve the trust agent and the key provider"
run "$BIN/secl-wla" provision --data-dir "$W/wla" --tpm "$TCTI" \
    --hvs-url "$HVS" --hvs-ca "$W/hvs/tls-ca.pem" --hvs-token-file "$W/hvs/admin.token"
head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$W/ta.token"
chmod 600 "$W/ta.token"
# The agent's own WLS token may only ask for keys.
"$BIN/secl" -q wls token create --name "demo host" --permission 'keys:create:*' >"$W/wla-wls.token"
chmod 600 "$W/wla-wls.token"
SOCK=$W/run/secl-wla.sock
start secl-wla serve --data-dir "$W/wla" --tpm "$TCTI" --listen 127.0.0.1:0 --token-file "$W/ta.token" \
    --keyprovider-socket "$SOCK" --wls-url "$WLS" --wls-ca "$W/wls/tls-ca.pem" --wls-token-file "$W/wla-wls.token"
WLA=$URL
for _ in $(seq 1 100); do [[ -S "$SOCK" ]] && break; sleep 0.1; done
echo "    trust agent $WLA, key provider unix://$SOCK"

echo "==> the HVS admin registers the host and takes its flavors (expected PCR values)"
HOST=$("$BIN/secl" -q hvs host add "$WLA" --ta-ca "$W/wla/tls-ca.pem" --ta-token-file "$W/ta.token" --description "demo worker")
run "$BIN/secl" hvs host show "$HOST"
run "$BIN/secl" hvs flavor create --from-host "$HOST"
run "$BIN/secl" hvs report create --host "$HOST"

echo "==> the image owner builds a small image offline and encrypts it (key held by the KBS)"
run scripts/mkimage.py "$W/app" --layer "text:hello.txt=hello from an encrypted image" --layer gzrandom:256K
run "$BIN/secl" image encrypt "oci:$W/app:latest" "oci:$W/app-enc:latest"
run "$BIN/secl" image inspect "oci:$W/app-enc:latest"

echo "==> skopeo decrypts it through the agent's socket, as CRI-O would"
scripts/install-skopeo.sh >/dev/null
printf '{"key-providers":{"isecl":{"grpc":"unix://%s"}}}\n' "$SOCK" >"$W/ocicrypt.json"
export OCICRYPT_KEYPROVIDER_CONFIG=$W/ocicrypt.json
SKOPEO=(.tools/skopeo/skopeo --policy .tools/skopeo/policy.json copy -q --decryption-key provider:isecl)
run "${SKOPEO[@]}" "oci:$W/app-enc:latest" "oci:$W/app-dec:latest"

layer_digests() { # the sha256 of each layer blob, computed from the files
    python3 - "$1" <<'PY'
import hashlib, json, os, sys
d = sys.argv[1]
blob = lambda dg: os.path.join(d, "blobs", "sha256", dg.split(":")[1])
m = json.load(open(blob(json.load(open(os.path.join(d, "index.json")))["manifests"][0]["digest"])))
for l in m["layers"]:
    print("sha256:" + hashlib.sha256(open(blob(l["digest"]), "rb").read()).hexdigest(), l["mediaType"])
PY
}
echo "original layers:";  layer_digests "$W/app"     | tee "$W/a"
echo "encrypted layers:"; layer_digests "$W/app-enc"
echo "decrypted layers:"; layer_digests "$W/app-dec" | tee "$W/b"
if cmp -s "$W/a" "$W/b"; then
    echo "==> digests match: the trusted host got back exactly the original layers"
else
    echo "==> MISMATCH between original and decrypted layers" >&2
    exit 1
fi
run "$BIN/secl" kbs audit --action key.transfer

echo "==> something changes what the host measured: PCR 7 is extended"
run "$BIN/secl-wla" pcr-extend --tpm "$TCTI" --index 7 --data "$(printf 'unexpected firmware' | sha256sum | cut -d' ' -f1)"
run "$BIN/secl" hvs report create --host "$HOST"

echo "==> the same decrypt on the now untrusted host"
echo "\$ ${SKOPEO[*]} oci:$W/app-enc:latest oci:$W/app-dec2:latest"
if "${SKOPEO[@]}" "oci:$W/app-enc:latest" "oci:$W/app-dec2:latest" 2>"$W/refused.txt"; then
    echo "==> the untrusted host decrypted the image: this must not happen" >&2
    exit 1
fi
sed 's/\\n/\n/g' "$W/refused.txt"
grep -q "Host is untrusted" "$W/refused.txt" || { echo "==> refused, but not for the expected reason" >&2; exit 1; }
echo "==> refused: the host is untrusted, so no key was released and nothing was decrypted"

echo "==> stopping everything"
for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null; done
PIDS=()
scripts/swtpm.sh stop "$W/swtpm" >/dev/null
echo "demo finished: KBS, HVS and WLS started, a swtpm host provisioned and trusted, an image encrypted by secl, decrypted by skopeo through the host agent with matching digests, refused after a PCR change, everything stopped"
