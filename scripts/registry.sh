#!/usr/bin/env bash
# Throw-away OCI registry for tests and demos (Debian's docker-registry, i.e. distribution 2.8).
#
#   scripts/registry.sh start DIR PORT [--tls CERT KEY] [--htpasswd FILE]   # prints 127.0.0.1:PORT
#   scripts/registry.sh stop DIR      # stops it; fine if it is not running
#   scripts/registry.sh status DIR    # exit 0 when running
#
# Listens on 127.0.0.1 only. Config, storage (DIR/storage), log (DIR/registry.log) and pid file
# live in DIR. Deletes are enabled. Plain HTTP unless --tls; anonymous unless --htpasswd (bcrypt
# entries). Never uses the package's systemd unit or /etc/docker/registry/config.yml, which
# listens on all interfaces.
set -euo pipefail

die() {
    echo "registry.sh: $*" >&2
    exit 1
}

usage() {
    sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

# Quotes a string as a single-quoted YAML scalar.
yaml_quote() {
    local s=${1//\'/\'\'}
    printf "'%s'" "$s"
}

# The pid in DIR/registry.pid, if that process is alive (not a zombie) and is docker-registry.
running_pid() {
    local dir=$1 pid state
    [[ -f "$dir/registry.pid" ]] || return 1
    pid=$(<"$dir/registry.pid")
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    [[ -r "/proc/$pid/stat" ]] || return 1
    # Field 3 of /proc/PID/stat is the state; the command name (field 2) may contain spaces.
    # (The process may exit at any moment: errors reading /proc just mean "not running".)
    state=$({ sed 's/^.*) //' "/proc/$pid/stat" | cut -d' ' -f1; } 2>/dev/null) || return 1
    [[ -n "$state" && "$state" != Z ]] || return 1
    { tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q docker-registry; } 2>/dev/null || return 1
    echo "$pid"
}

cmd_start() {
    local dir=$1 port=$2
    shift 2
    local cert="" key="" htpasswd=""
    while (($#)); do
        case $1 in
        --tls)
            (($# >= 3)) || usage
            cert=$2 key=$3
            shift 3
            ;;
        --htpasswd)
            (($# >= 2)) || usage
            htpasswd=$2
            shift 2
            ;;
        *) usage ;;
        esac
    done
    [[ "$port" =~ ^[0-9]+$ ]] && ((port > 0 && port < 65536)) || die "bad port: $port"
    local bin
    bin=$(command -v docker-registry) ||
        die "docker-registry not found: run scripts/install-deps.sh (Debian package docker-registry)"
    command -v curl >/dev/null || die "curl not found: run scripts/install-deps.sh"
    for f in "$cert" "$key" "$htpasswd"; do
        [[ -z "$f" || -r "$f" ]] || die "cannot read $f"
    done

    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    local scheme=http
    [[ -z "$cert" ]] || scheme=https

    local pid
    if pid=$(running_pid "$dir"); then
        grep -q "addr: 127.0.0.1:$port\$" "$dir/config.yml" 2>/dev/null ||
            die "already running in $dir (pid $pid) on another port"
        echo "registry.sh: already running in $dir (pid $pid)" >&2
        echo "127.0.0.1:$port"
        return
    fi

    mkdir -p "$dir/storage"
    {
        echo "version: 0.1"
        echo "log:"
        echo "  level: error"
        echo "  accesslog:"
        echo "    disabled: true"
        echo "storage:"
        echo "  filesystem:"
        echo "    rootdirectory: $(yaml_quote "$dir/storage")"
        echo "  delete:"
        echo "    enabled: true"
        echo "http:"
        echo "  addr: 127.0.0.1:$port"
        if [[ -n "$cert" ]]; then
            echo "  tls:"
            echo "    certificate: $(yaml_quote "$(realpath "$cert")")"
            echo "    key: $(yaml_quote "$(realpath "$key")")"
        fi
        if [[ -n "$htpasswd" ]]; then
            echo "auth:"
            echo "  htpasswd:"
            echo "    realm: secl-test"
            echo "    path: $(yaml_quote "$(realpath "$htpasswd")")"
        fi
    } >"$dir/config.yml"

    # Absolute paths, no `cd`: a backgrounded `cd dir && server` would background the cd too.
    "$bin" serve "$dir/config.yml" </dev/null >"$dir/registry.log" 2>&1 &
    pid=$!
    echo "$pid" >"$dir/registry.pid"

    # Up when /v2/ answers anything (401 with --htpasswd). Check that *our* process is alive
    # before and after, so another server on the port is not mistaken for it.
    local i code
    for ((i = 0; i < 200; i++)); do
        running_pid "$dir" >/dev/null || {
            tail -n 20 "$dir/registry.log" >&2 || true
            rm -f "$dir/registry.pid"
            die "docker-registry exited (log: $dir/registry.log; is port $port in use?)"
        }
        code=$(curl -sk --max-time 2 -o /dev/null -w '%{http_code}' "$scheme://127.0.0.1:$port/v2/" || true)
        if [[ "$code" =~ ^[1-5][0-9][0-9]$ ]] && running_pid "$dir" >/dev/null; then
            echo "127.0.0.1:$port"
            return
        fi
        sleep 0.1
    done
    cmd_stop "$dir"
    die "docker-registry did not answer on $scheme://127.0.0.1:$port/v2/ within 20 s (log: $dir/registry.log)"
}

cmd_stop() {
    local dir=$1 pid i
    if ! pid=$(running_pid "$dir"); then
        rm -f "$dir/registry.pid"
        echo "registry.sh: not running in $dir" >&2
        return
    fi
    kill "$pid" 2>/dev/null || true
    for ((i = 0; i < 100; i++)); do
        running_pid "$dir" >/dev/null || break
        sleep 0.1
    done
    if running_pid "$dir" >/dev/null; then
        kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$dir/registry.pid"
}

[[ $# -ge 1 ]] || usage
case $1 in
start)
    [[ $# -ge 3 ]] || usage
    cmd_start "${@:2}"
    ;;
stop)
    [[ $# -eq 2 ]] || usage
    cmd_stop "$2"
    ;;
status)
    [[ $# -eq 2 ]] || usage
    if running_pid "$2" >/dev/null; then echo running; else
        echo stopped
        exit 1
    fi
    ;;
*) usage ;;
esac
