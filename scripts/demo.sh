#!/usr/bin/env bash
# secl's main job, end to end on this machine with the embedded defaults: the image owner's story.
# A Key Broker Service on 127.0.0.1 (embedded store, self-made TLS certificate); a small image
# built offline; `secl image encrypt` under a key held in the KBS; skopeo decrypting it through
# `secl keyprovider` (as an ocicrypt key provider); and the layer digests compared.
# Everything lives in a temporary directory and is stopped and removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
echo "==> building secl (first build takes a few minutes)"
cargo build --workspace --bins --quiet
BIN=$PWD/target/debug

W=$(mktemp -d /tmp/secl-demo.XXXXXX)
KBS_PID=""
cleanup() {
    [[ -n "$KBS_PID" ]] && kill "$KBS_PID" 2>/dev/null && wait "$KBS_PID" 2>/dev/null
    rm -rf "$W"
}
trap cleanup EXIT

echo "==> starting the KBS (embedded store, self-signed TLS) on 127.0.0.1"
"$BIN/secl-kbs" serve --data-dir "$W/kbs" --listen 127.0.0.1:0 >"$W/kbs.out" 2>"$W/kbs.log" &
KBS_PID=$!
for _ in $(seq 1 100); do
    grep -q "listening on" "$W/kbs.out" 2>/dev/null && break
    kill -0 "$KBS_PID" 2>/dev/null || { cat "$W/kbs.log" >&2; exit 1; }
    sleep 0.1
done
URL=$(sed -n 's/^secl-kbs listening on \(https:[^ ]*\).*/\1/p' "$W/kbs.out")
[[ -n "$URL" ]] || { echo "the KBS did not come up" >&2; cat "$W/kbs.log" >&2; exit 1; }
echo "    $URL"

# The CLI reads its connection from the environment (or a config file, or flags).
export SECL_KBS_URL=$URL
export SECL_CA_CERT=$W/kbs/tls-ca.pem
export SECL_KBS_TOKEN_FILE=$W/kbs/admin.token

run() { echo "\$ $*"; "$@"; echo; }

echo "==> the KBS admin imports the attestation service's certificates"
run "$BIN/secl" kbs version
run "$BIN/secl" kbs import-saml tests/fixtures/intel-secl/saml_cert.pem
run "$BIN/secl" kbs import-tpm-identity tests/fixtures/intel-secl/privacyca_cert.pem
run "$BIN/secl" kbs cert list

echo "==> the image owner builds a small image offline and encrypts it"
export SECL_ENVELOPE_KEY=$W/owner/envelope-key.pem
run scripts/mkimage.py "$W/app" --layer "text:hello.txt=hello from an encrypted image" --layer gzrandom:256K
run "$BIN/secl" image encrypt "oci:$W/app:latest" "oci:$W/app-enc:latest"
run "$BIN/secl" image inspect "oci:$W/app-enc:latest"
run "$BIN/secl" kbs key list

echo "==> skopeo decrypts it through 'secl keyprovider' (as CRI-O would call a key provider)"
scripts/install-skopeo.sh >/dev/null
printf '{"key-providers":{"isecl":{"cmd":{"path":"%s","args":["keyprovider"]}}}}\n' "$BIN/secl" >"$W/ocicrypt.json"
export OCICRYPT_KEYPROVIDER_CONFIG=$W/ocicrypt.json
run .tools/skopeo/skopeo --policy .tools/skopeo/policy.json copy -q --decryption-key provider:isecl \
    "oci:$W/app-enc:latest" "oci:$W/app-dec:latest"

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
    echo "==> digests match: skopeo got back exactly the original layers"
else
    echo "==> MISMATCH between original and decrypted layers" >&2
    exit 1
fi
run "$BIN/secl" kbs audit --action key.transfer

echo "==> stopping the KBS"
kill "$KBS_PID"
wait "$KBS_PID" 2>/dev/null || true
KBS_PID=""
echo "demo finished: KBS started, image encrypted by secl, decrypted by skopeo through secl keyprovider, digests matched, KBS stopped"
