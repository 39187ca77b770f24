#!/usr/bin/env bash
# Throw-away PostgreSQL server for tests and local multi-instance runs.
#
#   scripts/postgres.sh start DIR PORT   # init (first time) + start; prints the URL on stdout
#   scripts/postgres.sh stop DIR         # fast shutdown; fine if it is not running
#   scripts/postgres.sh status DIR       # exit 0 when running
#
# Data lives in DIR/data, the log in DIR/postgres.log, the Unix socket in DIR (keep DIR's path
# short: sockets are limited to ~100 characters). The server listens on 127.0.0.1 only and trusts
# every local connection (user `secl`, no password): never use it for real data.
# Uses Debian's `postgresql` package (/usr/lib/postgresql/<version>/bin, newest version found).
# PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user.
set -euo pipefail

die() {
    echo "postgres.sh: $*" >&2
    exit 1
}

usage() {
    sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

find_bin() {
    local dir
    dir=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -type d -name bin 2>/dev/null | sort -V | tail -n 1)
    [[ -n "$dir" && -x "$dir/pg_ctl" && -x "$dir/initdb" ]] ||
        die "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin (apt-get install postgresql)"
    echo "$dir"
}

# Runs a command as the server's owner: `postgres` when we are root, ourselves otherwise.
as_owner() {
    if [[ $EUID -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

is_running() {
    [[ -f "$1/data/PG_VERSION" ]] && as_owner "$BIN/pg_ctl" -D "$1/data" status >/dev/null 2>&1
}

cmd_start() {
    local dir=$1 port=$2
    [[ "$port" =~ ^[0-9]+$ ]] && ((port > 0 && port < 65536)) || die "bad port: $port"
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    if [[ $EUID -eq 0 ]]; then
        id postgres >/dev/null 2>&1 || die "no 'postgres' user (is the postgresql package installed?)"
        chown postgres:postgres "$dir"
        chmod 700 "$dir"
        runuser -u postgres -- test -w "$dir" ||
            die "user postgres cannot reach $dir (a parent directory is not searchable); use e.g. a directory under /tmp"
    fi

    if is_running "$dir"; then
        local running_port
        running_port=$(sed -n 4p "$dir/data/postmaster.pid" 2>/dev/null || true)
        if [[ -n "$running_port" && "$running_port" != "$port" ]]; then
            die "already running in $dir on port $running_port, not $port"
        fi
        echo "postgres.sh: already running in $dir" >&2
        echo "postgres://secl@127.0.0.1:$port/postgres"
        return
    fi

    if [[ ! -f "$dir/data/PG_VERSION" ]]; then
        # --no-sync: a throw-away cluster need not survive a crash of initdb itself.
        as_owner "$BIN/initdb" -D "$dir/data" -A trust -U secl -E UTF8 --no-locale --no-sync \
            >"$dir/initdb.log" 2>&1 || {
            cat "$dir/initdb.log" >&2
            die "initdb failed"
        }
    fi

    as_owner "$BIN/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1" start >&2 || {
        tail -n 20 "$dir/postgres.log" >&2 || true
        die "server did not start (log: $dir/postgres.log; is port $port in use?)"
    }
    echo "postgres://secl@127.0.0.1:$port/postgres"
}

cmd_stop() {
    local dir=$1
    if ! is_running "$dir"; then
        echo "postgres.sh: not running in $dir" >&2
        return
    fi
    as_owner "$BIN/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >&2
}

[[ $# -ge 1 ]] || usage
BIN=$(find_bin)
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
    if is_running "$2"; then echo running; else
        echo stopped
        exit 1
    fi
    ;;
*) usage ;;
esac
