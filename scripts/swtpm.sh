#!/usr/bin/env bash
# Throw-away software TPM 2.0 (swtpm) for tests and demos, with an EK certificate from a CA of its own.
#
#   scripts/swtpm.sh start DIR PORT   # prints the TCTI: swtpm:host=127.0.0.1,port=PORT
#   scripts/swtpm.sh stop DIR         # stops it; fine if it is not running
#   scripts/swtpm.sh status DIR       # exit 0 when running
#
# The TPM listens on 127.0.0.1:PORT, its control channel on 127.0.0.1:PORT+1. State lives in
# DIR/tpm and survives stop/start (a restart is a TPM Reset: Startup(CLEAR)). The first start
# manufactures the TPM with swtpm_setup: an RSA-2048 EK at 0x81010001 whose certificate (NV index
# 0x1c00002) is issued by a local CA in DIR/ca: root DIR/ca/swtpm-localca-rootca-cert.pem,
# intermediate DIR/ca/issuercert.pem. Only the sha256 PCR bank is active. swtpm serves one client
# connection at a time.
set -euo pipefail

die() {
    echo "swtpm.sh: $*" >&2
    exit 1
}

usage() {
    sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

# The pid in DIR/swtpm.pid, if that process is alive (not a zombie) and is swtpm on DIR's state.
running_pid() {
    local dir=$1 pid state
    [[ -f "$dir/swtpm.pid" ]] || return 1
    pid=$(<"$dir/swtpm.pid")
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    [[ -r "/proc/$pid/stat" ]] || return 1
    # Field 3 of /proc/PID/stat is the state; the command name (field 2) may contain spaces.
    # (The process may exit at any moment: errors reading /proc just mean "not running".)
    state=$({ sed 's/^.*) //' "/proc/$pid/stat" | cut -d' ' -f1; } 2>/dev/null) || return 1
    [[ -n "$state" && "$state" != Z ]] || return 1
    # A recycled pid belongs to some other program: it must be swtpm on this very state dir.
    { tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "dir=$dir/tpm "; } 2>/dev/null || return 1
    echo "$pid"
}

# True when something accepts TCP connections on 127.0.0.1:PORT.
port_open() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Manufactures the TPM in DIR/tpm: EK and EK certificate from the CA in DIR/ca.
setup_tpm() {
    local dir=$1
    command -v swtpm_setup >/dev/null ||
        die "swtpm_setup not found: run scripts/install-deps.sh (Debian package swtpm-tools)"
    [[ -x /usr/bin/swtpm_localca ]] ||
        die "/usr/bin/swtpm_localca not found: run scripts/install-deps.sh (Debian package swtpm-tools)"
    command -v certtool >/dev/null ||
        die "certtool not found (swtpm_localca needs it): run scripts/install-deps.sh (Debian package gnutls-bin)"
    mkdir -p "$dir/ca" "$dir/tpm"
    chmod 700 "$dir/ca" "$dir/tpm"
    # The default CA is machine-wide (/var/lib/swtpm-localca); each DIR gets its own instead.
    cat >"$dir/localca.conf" <<EOF
statedir = $dir/ca
signingkey = $dir/ca/signkey.pem
issuercert = $dir/ca/issuercert.pem
certserial = $dir/ca/certserial
EOF
    local options=/etc/swtpm-localca.options
    if [[ ! -r $options ]]; then
        options=$dir/localca.options
        printf '%s\n' '--platform-manufacturer secl' '--platform-version 2.1' '--platform-model swtpm' >"$options"
    fi
    cat >"$dir/setup.conf" <<EOF
create_certs_tool = /usr/bin/swtpm_localca
create_certs_tool_config = $dir/localca.conf
create_certs_tool_options = $options
active_pcr_banks = sha256
EOF
    if ! swtpm_setup --tpm2 --config "$dir/setup.conf" --tpmstate "$dir/tpm" \
        --create-ek-cert --overwrite >"$dir/setup.log" 2>&1; then
        tail -n 20 "$dir/setup.log" >&2 || true
        rm -f "$dir/tpm/tpm2-00.permall"
        die "swtpm_setup failed (log: $dir/setup.log)"
    fi
    [[ -s "$dir/ca/swtpm-localca-rootca-cert.pem" && -s "$dir/ca/issuercert.pem" ]] ||
        die "swtpm_setup made no EK CA in $dir/ca (log: $dir/setup.log)"
}

cmd_start() {
    local dir=$1 port=$2
    [[ "$port" =~ ^[0-9]+$ ]] && ((port > 0 && port < 65535)) || die "bad port: $port (PORT+1 is used too)"
    local ctrl=$((port + 1))
    local bin
    bin=$(command -v swtpm) || die "swtpm not found: run scripts/install-deps.sh (Debian package swtpm)"

    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    # swtpm's option syntax and the CA config files have no quoting.
    [[ "$dir" =~ ^[A-Za-z0-9._/+-]+$ ]] || die "DIR must be a plain path (letters, digits, ._/+-): $dir"

    local pid
    if pid=$(running_pid "$dir"); then
        grep -qF -- "port=$port," "/proc/$pid/cmdline" 2>/dev/null ||
            die "already running in $dir (pid $pid) on another port"
        echo "swtpm.sh: already running in $dir (pid $pid)" >&2
        echo "swtpm:host=127.0.0.1,port=$port"
        return
    fi
    rm -f "$dir/swtpm.pid"
    for p in "$port" "$ctrl"; do
        ! port_open "$p" || die "port $p on 127.0.0.1 is already in use"
    done

    [[ -f "$dir/tpm/tpm2-00.permall" ]] || setup_tpm "$dir"

    # Absolute paths, no `cd`; output to a file so that callers reading our stdout see EOF.
    "$bin" socket --tpm2 \
        --server "type=tcp,port=$port,bindaddr=127.0.0.1" \
        --ctrl "type=tcp,port=$ctrl,bindaddr=127.0.0.1" \
        --tpmstate "dir=$dir/tpm" \
        --flags not-need-init,startup-clear \
        </dev/null >"$dir/swtpm.log" 2>&1 &
    pid=$!
    echo "$pid" >"$dir/swtpm.pid"

    # Up when the TPM port accepts; our process must be alive before and after, so that another
    # server on the port is not mistaken for it. (An empty connection is harmless to swtpm.)
    local i
    for ((i = 0; i < 200; i++)); do
        running_pid "$dir" >/dev/null || {
            tail -n 20 "$dir/swtpm.log" >&2 || true
            rm -f "$dir/swtpm.pid"
            die "swtpm exited (log: $dir/swtpm.log; is port $port or $ctrl in use?)"
        }
        if port_open "$port" && running_pid "$dir" >/dev/null; then
            echo "swtpm:host=127.0.0.1,port=$port"
            return
        fi
        sleep 0.05
    done
    cmd_stop "$dir"
    die "swtpm did not accept connections on 127.0.0.1:$port within 10 s (log: $dir/swtpm.log)"
}

cmd_stop() {
    local dir=$1 pid i
    [[ -d "$dir" ]] && dir=$(cd "$dir" && pwd)
    if ! pid=$(running_pid "$dir"); then
        rm -f "$dir/swtpm.pid"
        echo "swtpm.sh: not running in $dir" >&2
        return
    fi
    kill "$pid" 2>/dev/null || true
    for ((i = 0; i < 100; i++)); do
        running_pid "$dir" >/dev/null || break
        sleep 0.05
    done
    if running_pid "$dir" >/dev/null; then
        kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$dir/swtpm.pid"
}

[[ $# -ge 1 ]] || usage
case $1 in
start)
    [[ $# -eq 3 ]] || usage
    cmd_start "$2" "$3"
    ;;
stop)
    [[ $# -eq 2 ]] || usage
    cmd_stop "$2"
    ;;
status)
    [[ $# -eq 2 ]] || usage
    d=$2
    [[ -d "$d" ]] && d=$(cd "$d" && pwd)
    if running_pid "$d" >/dev/null; then echo running; else
        echo stopped
        exit 1
    fi
    ;;
*) usage ;;
esac
