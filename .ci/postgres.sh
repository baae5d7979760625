#!/usr/bin/env bash
# A private, throwaway PostgreSQL server for poltwt-jdbc's tests.
#
#   source .ci/postgres.sh          # starts it, exports POLTWT_TEST_PG_URL, defines poltwt_pg_stop
#   trap poltwt_pg_stop EXIT        # stops it and deletes its files when the caller exits
#
#   bash .ci/postgres.sh start      # the same from another shell: prints the export line to eval
#   bash .ci/postgres.sh stop
#
# As root (CI: Debian, CI=true, no stdin) it installs Debian's postgresql package when no server
# binaries are found, and runs the server as the 'postgres' user, since initdb and pg_ctl refuse
# root. As any other user it runs the server as that user and needs PostgreSQL installed.
#
# The cluster lives under $POLTWT_PG_DIR (default /tmp/poltwt-pg; recreated empty on every start),
# listens on localhost only, on $POLTWT_PG_PORT (default 55432, or the next free port), with its
# Unix socket in a private directory. Clients log in with a password made up at start. Durability
# is off (fsync, synchronous_commit): it holds test data only. max_connections is 200 for the
# concurrency tests, which open up to 100 pooled connections.

poltwt_pg_dir="${POLTWT_PG_DIR:-/tmp/poltwt-pg}"

poltwt_pg__log() {
  echo "postgres.sh: $*" >&2
}

# Runs a command as the user that owns the cluster.
poltwt_pg__as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# The newest installed server's bin directory, or nothing.
poltwt_pg__bindir() {
  local d
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -n "$d" ] && [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then
    echo "$d"
  fi
}

poltwt_pg__port_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

poltwt_pg_stop() {
  local bindir
  bindir="$(poltwt_pg__bindir)"
  if [ -n "$bindir" ] && [ -f "$poltwt_pg_dir/data/postmaster.pid" ]; then
    poltwt_pg__as_owner "$bindir/pg_ctl" -D "$poltwt_pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$poltwt_pg_dir"
}

poltwt_pg_start() {
  local bindir port password
  bindir="$(poltwt_pg__bindir)"
  if [ -z "$bindir" ]; then
    if [ "$(id -u)" -ne 0 ]; then
      poltwt_pg__log "no PostgreSQL server found under /usr/lib/postgresql; install Debian's 'postgresql' package"
      return 1
    fi
    poltwt_pg__log "installing PostgreSQL from Debian's packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update >&2 || return 1
    apt-get install -y --no-install-recommends postgresql >&2 || return 1
    bindir="$(poltwt_pg__bindir)"
    if [ -z "$bindir" ]; then
      poltwt_pg__log "PostgreSQL was installed but no initdb was found"
      return 1
    fi
  fi
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    poltwt_pg__log "the 'postgres' user is missing (the postgresql package creates it)"
    return 1
  fi

  poltwt_pg_stop
  port="${POLTWT_PG_PORT:-55432}"
  local tries=0
  while ! poltwt_pg__port_free "$port"; do
    port=$((port + 1))
    tries=$((tries + 1))
    if [ "$tries" -gt 50 ]; then
      poltwt_pg__log "no free port from ${POLTWT_PG_PORT:-55432} on"
      return 1
    fi
  done

  mkdir -p "$poltwt_pg_dir/data" "$poltwt_pg_dir/socket"
  chmod 700 "$poltwt_pg_dir" "$poltwt_pg_dir/data" "$poltwt_pg_dir/socket"
  if [ "$(id -u)" -eq 0 ]; then
    chown -R postgres: "$poltwt_pg_dir"
  fi

  # Local (socket) connections are trusted: only the owner (and root) can reach the private socket
  # directory. TCP connections need the password.
  poltwt_pg__as_owner "$bindir/initdb" -D "$poltwt_pg_dir/data" -U postgres -E UTF8 --locale=C \
    --auth-local=trust --auth-host=scram-sha-256 >"$poltwt_pg_dir/initdb.log" 2>&1 || {
    poltwt_pg__log "initdb failed:"
    cat "$poltwt_pg_dir/initdb.log" >&2
    return 1
  }
  poltwt_pg__as_owner "$bindir/pg_ctl" -D "$poltwt_pg_dir/data" -l "$poltwt_pg_dir/server.log" -w -t 60 \
    -o "-p $port -k $poltwt_pg_dir/socket -c listen_addresses=localhost -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null || {
    poltwt_pg__log "the server did not start:"
    cat "$poltwt_pg_dir/server.log" >&2
    return 1
  }

  password="$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$poltwt_pg_dir/socket" -p "$port" -U postgres -d postgres >/dev/null <<SQL || {
CREATE ROLE poltwt LOGIN PASSWORD '$password';
CREATE DATABASE poltwt OWNER poltwt ENCODING 'UTF8';
SQL
    poltwt_pg__log "creating the role and database failed"
    return 1
  }

  export POLTWT_TEST_PG_URL="jdbc:postgresql://localhost:$port/poltwt?user=poltwt&password=$password"
  poltwt_pg__log "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on localhost:$port, data in $poltwt_pg_dir (POLTWT_TEST_PG_URL exported)"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  # Run as a script.
  set -euo pipefail
  case "${1:-start}" in
    start)
      poltwt_pg_start
      printf 'export POLTWT_TEST_PG_URL=%q\n' "$POLTWT_TEST_PG_URL"
      ;;
    stop)
      poltwt_pg_stop
      ;;
    *)
      echo "usage: $0 [start|stop]" >&2
      exit 2
      ;;
  esac
else
  # Sourced: start now; the caller traps poltwt_pg_stop.
  poltwt_pg_start
fi
