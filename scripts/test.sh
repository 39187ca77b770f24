#!/usr/bin/env bash
# The project's test command: installs what the tests need, starts a throw-away PostgreSQL on
# 127.0.0.1, builds every binary, checks formatting and lints, runs every test, and stops what it
# started, whatever happens.
#
#   scripts/test.sh            # everything
#   scripts/test.sh -- NAME    # only tests whose name contains NAME (passed to cargo test)
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh

WORK=$(mktemp -d /tmp/secl-test.XXXXXX)
chmod 755 "$WORK"
cleanup() {
    scripts/postgres.sh stop "$WORK/pg" >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT

# A free port for PostgreSQL (bind to :0 and read back what the kernel gave).
PG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
export SECL_TEST_POSTGRES_URL
SECL_TEST_POSTGRES_URL=$(scripts/postgres.sh start "$WORK/pg" "$PG_PORT")
echo "test.sh: PostgreSQL at $SECL_TEST_POSTGRES_URL" >&2

export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}
export RUST_BACKTRACE=1
# libtss2 prints ERROR lines for expected TPM failures (tests provoke many); keep them quiet.
export TSS2_LOG=${TSS2_LOG:-all+none}
# Tests that shell out to openssl or tpm2-tools must fail, not skip, when a tool is missing.
export SECL_REQUIRE_TOOLS=1

if [[ "${1:-}" != "--" ]]; then
    cargo fmt --all -- --check
    cargo clippy --workspace --all-targets --quiet -- -D warnings
    if cargo tree -i aws-lc-sys --workspace >/dev/null 2>&1; then
        echo "test.sh: aws-lc-sys is in the dependency tree; keep rustls on ring" >&2
        exit 1
    fi
fi
[[ "${1:-}" == "--" ]] && shift
cargo build --workspace --bins --quiet
status=0
cargo test --workspace --no-fail-fast "$@" 2>&1 | tee "$WORK/test.log" || status=$?
# One closing line for the whole run (cargo ends with the last crate's doc-tests).
awk '/^test result:/ { p += $4; f += $6; i += $8 }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, i }' "$WORK/test.log"
exit "$status"
