#!/usr/bin/env bash
# secl's main job, end to end on this machine with the embedded defaults: a Key Broker Service on
# 127.0.0.1 (embedded store, self-made TLS certificate), administered with the `secl` CLI.
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

echo "==> as the KBS admin"
run "$BIN/secl" kbs version
run "$BIN/secl" kbs key create --label demo-image-key
run "$BIN/secl" kbs import-saml tests/fixtures/intel-secl/saml_cert.pem
run "$BIN/secl" kbs import-tpm-identity tests/fixtures/intel-secl/privacyca_cert.pem
run "$BIN/secl" kbs key list
run "$BIN/secl" kbs cert list
run "$BIN/secl" kbs audit

echo "==> stopping the KBS"
kill "$KBS_PID"
wait "$KBS_PID" 2>/dev/null || true
KBS_PID=""
echo "demo finished: KBS started, key created, certificates imported, listed, stopped"
