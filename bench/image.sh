#!/usr/bin/env bash
# Benchmark (not a test): `secl image encrypt|decrypt` against skopeo on the same machine, in
# the same run, on a two-layer image of about 1 GiB of incompressible data.
#
#   bench/image.sh [SIZE_PER_LAYER]     # default 512M (two layers: about 1 GiB)
#   LAYERS=1 bench/image.sh 1G          # one big layer: secl then splits each layer's hashing
#                                       # over the spare CPU
#   REGISTRY=1 bench/image.sh           # also push to and pull from a docker-registry on
#                                       # 127.0.0.1 (needs about 2 x RUNS x the image on disk)
#
# Prints the wall time of each tool (median of RUNS runs, default 3), the skopeo/secl ratios,
# the CPU time (user + system) of each and secl's peak resident memory. The layers are tar+gzip
# of random bytes, so skopeo passes them through without recompressing: both tools encrypt or
# decrypt, HMAC, hash the result and write. They differ on the source: skopeo re-hashes every
# source layer; `secl image decrypt` relies on the layer's HMAC (keyed, so stronger than its
# digest) and `secl image encrypt` trusts a layout's digests by default. `secl image encrypt
# --verify-source`, which re-hashes them as skopeo does, is measured too. skopeo
# wraps keys through `secl keyprovider`, as an image owner would run it. Other load on the
# machine skews the wall times; the CPU times are steadier.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE=${1:-512M}
LAYERS=${LAYERS:-2}
[[ "$LAYERS" =~ ^[1-9][0-9]?$ ]] || { echo "LAYERS must be a number from 1 to 99" >&2; exit 2; }
RUNS=${RUNS:-3}
REGISTRY=${REGISTRY:-0}

scripts/install-deps.sh
command -v /usr/bin/time >/dev/null || {
    SUDO=""; [[ $EUID -eq 0 ]] || SUDO="sudo"
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq time >/dev/null
}
echo "==> building release binaries" >&2
cargo build --release --quiet -p secl-cli -p secl-kbs-server
BIN=$PWD/target/release
SKOPEO=$PWD/.tools/skopeo/skopeo
POLICY=$PWD/.tools/skopeo/policy.json

W=$(mktemp -d /tmp/secl-bench.XXXXXX)
KBS_PID=""
cleanup() {
    [[ -n "$KBS_PID" ]] && kill "$KBS_PID" 2>/dev/null
    scripts/registry.sh stop "$W/registry" 2>/dev/null || true
    rm -rf "$W"
}
trap cleanup EXIT

"$BIN/secl-kbs" serve --data-dir "$W/kbs" --listen 127.0.0.1:0 --log warn >"$W/kbs.out" 2>"$W/kbs.log" &
KBS_PID=$!
for _ in $(seq 1 100); do grep -q "listening on" "$W/kbs.out" 2>/dev/null && break; sleep 0.1; done
export SECL_KBS_URL=$(sed -n 's/^secl-kbs listening on \(https:[^ ]*\).*/\1/p' "$W/kbs.out")
export SECL_CA_CERT=$W/kbs/tls-ca.pem SECL_KBS_TOKEN_FILE=$W/kbs/admin.token
export SECL_ENVELOPE_KEY=$W/envelope.pem
export OCICRYPT_KEYPROVIDER_CONFIG=$W/ocicrypt.json
printf '{"key-providers":{"isecl":{"cmd":{"path":"%s","args":["keyprovider"]}}}}\n' "$BIN/secl" >"$OCICRYPT_KEYPROVIDER_CONFIG"

echo "==> building an image of $LAYERS x $SIZE random bytes (tar+gzip)" >&2
LAYER_ARGS=()
for _ in $(seq 1 "$LAYERS"); do LAYER_ARGS+=(--layer "gzrandom:$SIZE"); done
scripts/mkimage.py "$W/img" "${LAYER_ARGS[@]}" >/dev/null
du -sh "$W/img" >&2

# measure NAME CMD...: runs CMD RUNS times, records "NAME seconds maxrss_kib" of each run. The
# last output of secl-encrypt is kept (as out-secl-encrypt) for the decryptions; others go.
measure() {
    local name=$1; shift
    for i in $(seq 1 "$RUNS"); do
        rm -rf "$W/out"
        sync # earlier runs' writeback must not land in this run's time
        /usr/bin/time -f "%e %M %U %S" -o "$W/time" "$@" >/dev/null 2>"$W/err" || { cat "$W/err" >&2; exit 1; }
        echo "$name $(cat "$W/time")" >>"$W/results"
        [[ $i -lt $RUNS ]] && rm -rf "$W/out"
    done
    if [[ "$name" == secl-encrypt ]]; then mv "$W/out" "$W/out-$name"; else rm -rf "$W/out"; fi
}

: >"$W/results"
O="oci:$W/out:latest"
measure secl-encrypt "$BIN/secl" -q image encrypt "oci:$W/img:latest" "$O"
measure secl-encrypt-verify "$BIN/secl" -q image encrypt --verify-source "oci:$W/img:latest" "$O"
measure skopeo-encrypt "$SKOPEO" --policy "$POLICY" copy -q --encryption-key provider:isecl:any "oci:$W/img:latest" "$O"
measure secl-decrypt "$BIN/secl" -q image decrypt "oci:$W/out-secl-encrypt:latest" "$O"
measure skopeo-decrypt "$SKOPEO" --policy "$POLICY" copy -q --decryption-key provider:isecl "oci:$W/out-secl-encrypt:latest" "$O"
if [[ "$REGISTRY" == 1 ]]; then
    # The registry's own CPU (it hashes and stores every upload) is shared by both tools.
    PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    R="docker://$(scripts/registry.sh start "$W/registry" "$PORT")/bench"
    measure secl-push "$BIN/secl" -q image encrypt --dest-plain-http "oci:$W/img:latest" "$R:secl"
    measure skopeo-push "$SKOPEO" --policy "$POLICY" copy -q --dest-tls-verify=false \
        --encryption-key provider:isecl:any "oci:$W/img:latest" "$R:skopeo"
    measure secl-pull "$BIN/secl" -q image decrypt --src-plain-http "$R:secl" "$O"
    measure skopeo-pull "$SKOPEO" --policy "$POLICY" copy -q --src-tls-verify=false \
        --decryption-key provider:isecl "$R:secl" "$O"
fi

python3 - "$W/results" "$SIZE" "$RUNS" "$LAYERS" <<'PY'
import os, statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
t, rss, cpu = {}, {}, {}
for name, secs, kib, user, system in rows:
    t.setdefault(name, []).append(float(secs))
    rss.setdefault(name, []).append(int(kib))
    cpu.setdefault(name, []).append(float(user) + float(system))
med = {k: statistics.median(v) for k, v in t.items()}
mcpu = {k: statistics.median(v) for k, v in cpu.items()}
for k, v in t.items():
    print(f"  {k:<21} runs: " + " ".join(f"{x:.2f}s" for x in v))
print(f"image: {sys.argv[4]} layer(s) x {sys.argv[2]} random (tar+gzip); median of {sys.argv[3]} runs; {os.cpu_count()} CPUs")
print(f"{'operation':<34}{'secl s':>8}{'skopeo s':>10}{'skopeo/secl':>13}{'CPU s secl/skopeo':>19}{'secl peak RSS':>15}")
for label, mine, theirs in (
    ("encrypt", "secl-encrypt", "skopeo-encrypt"),
    ("encrypt --verify-source", "secl-encrypt-verify", "skopeo-encrypt"),
    ("decrypt", "secl-decrypt", "skopeo-decrypt"),
    ("encrypt, push to the registry", "secl-push", "skopeo-push"),
    ("pull from the registry, decrypt", "secl-pull", "skopeo-pull"),
):
    if mine not in med:
        continue
    s, k = med[mine], med[theirs]
    print(f"{label:<34}{s:>8.2f}{k:>10.2f}{k / s:>12.2f}x{mcpu[mine]:>10.2f}/{mcpu[theirs]:<8.2f}"
          f"{max(rss[mine]) / 1024:>11.1f} MiB")
PY
