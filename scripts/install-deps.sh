#!/usr/bin/env bash
# Installs what building and testing secl needs on Debian bookworm (run as root, or with sudo
# available). Safe to run again: packages already present are skipped quickly.
set -euo pipefail

PACKAGES=(
    pkg-config      # -sys crates
    openssl         # the demo and some tests inspect certificates with it
    curl            # the demo talks to the KBS with it
    postgresql      # the multi-instance store, started per test run by scripts/postgres.sh
    docker-registry # OCI registry for the registry tests, started per test by scripts/registry.sh
    python3         # scripts/mkimage.py builds test images offline
    libtss2-dev     # tss-esapi (secl-tpm) links libtss2-esys/-mu/-tctildr; TCTIs load at run time
    swtpm           # software TPM 2.0 for the TPM tests, started per test by scripts/swtpm.sh
    swtpm-tools     # swtpm_setup + swtpm_localca: EK and EK certificate from a test CA
    tpm2-tools      # tpm2_makecredential: independent MakeCredential in the TPM tests
    xmlsec1         # independent signer/verifier of SAML trust reports (secl-saml interop tests)
)

missing=()
for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
    SUDO=""
    [[ $EUID -eq 0 ]] || SUDO="sudo"
    echo "install-deps: installing ${missing[*]}" >&2
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    # Debian's docker-registry package enables a service on :5000 on ALL interfaces, without
    # authentication; the tests never use it (scripts/registry.sh runs its own on 127.0.0.1).
    if [[ " ${missing[*]} " == *" docker-registry "* ]] && command -v systemctl >/dev/null; then
        $SUDO systemctl disable --now docker-registry.service >/dev/null 2>&1 || true
    fi
fi
# Debian's postgresql package may start a cluster of its own on 5432; the tests never use it.
# skopeo with keyprovider support (bookworm's own cannot), unpacked under .tools/skopeo.
"$(dirname "$0")/install-skopeo.sh" >/dev/null
command -v cargo >/dev/null || { echo "install-deps: cargo is missing (install Rust with rustup)" >&2; exit 1; }
