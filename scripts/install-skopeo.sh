#!/usr/bin/env bash
# Installs a skopeo that speaks the ocicrypt keyprovider protocol into DIR (default
# .tools/skopeo under the repository) without touching the system: Debian bookworm's own skopeo
# (1.9.3, ocicrypt 1.0.3) predates keyproviders, so this unpacks Debian trixie's skopeo together
# with the trixie C library and the few libraries it links, and runs it through trixie's dynamic
# loader. Key-provider commands that skopeo starts use the system's libc as usual.
#
#   scripts/install-skopeo.sh [DIR]     -> DIR/skopeo and DIR/policy.json; prints the version
#
# Uses the Debian mirror already configured in /etc/apt; needs dpkg-deb and apt-get.
set -euo pipefail
cd "$(dirname "$0")/.."
DEST=$(realpath -m "${1:-.tools/skopeo}")

if [[ -x "$DEST/skopeo" ]] && "$DEST/skopeo" --version >/dev/null 2>&1; then
    "$DEST/skopeo" --version
    exit 0
fi

# The first non-security Debian mirror of this machine, from deb822 or one-line sources.
mirror=$({
    sed -n 's/^URIs:[[:space:]]*//p' /etc/apt/sources.list.d/*.sources 2>/dev/null
    sed -n 's/^deb[[:space:]]\+\(\[[^]]*\][[:space:]]\+\)\?\([^[:space:]]\+\).*/\2/p' \
        /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null
} | tr ' ' '\n' | grep -v -e security -e '^$' | head -n 1 || true)
[[ -n "$mirror" ]] || { echo "install-skopeo: no Debian mirror configured in /etc/apt" >&2; exit 1; }

state="$DEST/apt"
rm -rf "$state" "$DEST/root" "$DEST/debs"
mkdir -p "$state/lists/partial" "$state/cache/archives/partial" "$state/none" "$DEST/debs" "$DEST/root"
: >"$state/preferences"
echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror trixie main" >"$state/sources.list"
opts=(
    -o "Dir::Etc::SourceList=$state/sources.list" -o "Dir::Etc::SourceParts=$state/none"
    -o "Dir::State::Lists=$state/lists" -o "Dir::Cache=$state/cache"
    -o "Dir::Etc::Preferences=$state/preferences" -o "Dir::Etc::PreferencesParts=$state/none"
    -o "APT::Sandbox::User=root"
)
echo "install-skopeo: fetching trixie's skopeo into $DEST" >&2
apt-get "${opts[@]}" -qq update
(cd "$DEST/debs" && apt-get "${opts[@]}" -qq download \
    skopeo libc6 libgpgme11t64 libassuan9 libgpg-error0 libsqlite3-0)
for deb in "$DEST"/debs/*.deb; do
    dpkg-deb -x "$deb" "$DEST/root"
done
lib="$DEST/root/usr/lib/x86_64-linux-gnu"
cat >"$DEST/skopeo" <<WRAPPER
#!/bin/sh
# trixie's skopeo through trixie's own loader and libraries (see scripts/install-skopeo.sh)
exec "$lib/ld-linux-x86-64.so.2" --library-path "$lib" "$DEST/root/usr/bin/skopeo" "\$@"
WRAPPER
chmod +x "$DEST/skopeo"
# skopeo refuses to copy without a signature policy; tests pass this one with --policy.
echo '{"default":[{"type":"insecureAcceptAnything"}]}' >"$DEST/policy.json"
rm -rf "$DEST/debs" "$state/cache"
"$DEST/skopeo" --version
