#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests (test.sh): the catalogue store tests and the CLI tests run against it
# through $POLICYINGEST_TEST_PG.
#   scripts/test-postgres.sh start        initdb in a new temporary folder, trust authentication on 127.0.0.1, a free
#                                         loopback port, pg_ctl start; prints the folder (its file "url" holds the URL)
#   scripts/test-postgres.sh stop DIR     stops that cluster and deletes the folder
# PostgreSQL refuses to run as root: as root the cluster belongs to the postgres system user (Debian package postgresql).
set -euo pipefail
BIN="${POLICYINGEST_PG_BIN:-/usr/lib/postgresql/15/bin}"

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    [ -x "$BIN/initdb" ] || { echo "test-postgres: no $BIN/initdb (Debian package postgresql: scripts/setup.sh test)" >&2; exit 1; }
    dir="$(mktemp -d "${TMPDIR:-/tmp}/policyingest-pg-XXXXXX")"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
    # A free loopback port: the kernel picks one for a socket bound to port 0.
    port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
    if ! as_owner "$BIN/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 ||
       ! as_owner "$BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
           -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null; then
      echo "test-postgres: the cluster did not start:" >&2
      cat "$dir/initdb.log" "$dir/server.log" 2>/dev/null | tail -n 20 >&2
      rm -rf "$dir"
      exit 1
    fi
    echo "postgresql://postgres@127.0.0.1:$port/postgres" >"$dir/url"
    echo "$dir"
    ;;
  stop)
    dir="${2:?usage: scripts/test-postgres.sh stop DIR}"
    [ -f "$dir/url" ] || { echo "test-postgres: $dir is not a cluster this script started" >&2; exit 1; }
    as_owner "$BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: scripts/test-postgres.sh start | stop DIR" >&2
    exit 1
    ;;
esac
