#!/usr/bin/env bash
# Starts and stops the lock services the lease tests use: a redis-server and a throw-away PostgreSQL cluster, both on
# 127.0.0.1 only, on free ports, with their data in a temporary folder. Debian packages: redis-server, postgresql.
#
#   eval "$(bash .ci/services.sh start)"   starts both; prints the variables to export:
#                                          CONNECT_TEST_REDIS      127.0.0.1:PORT  (a StackExchange.Redis configuration)
#                                          CONNECT_TEST_POSTGRES   Host=127.0.0.1;Port=PORT;Username=connect;Database=postgres
#                                          CONNECT_SERVICES_DIR    the folder holding the data, logs and pid files
#   bash .ci/services.sh stop [DIR]        stops the services started in DIR (default: $CONNECT_SERVICES_DIR) and removes DIR
#   bash .ci/services.sh check             exits 0 when both binaries are installed, 1 (naming the missing one) otherwise
#
# PostgreSQL refuses to run as root: as root the cluster belongs to the 'postgres' user the Debian package creates.
# Everything goes to standard error except the export lines, so that `eval "$(...)"` sees only those.
set -euo pipefail

log() { echo "services: $*" >&2; }

redis_bin() { command -v redis-server 2>/dev/null || { [ -x /usr/bin/redis-server ] && echo /usr/bin/redis-server; } || true; }

# The newest installed PostgreSQL's bin folder (Debian keeps them in /usr/lib/postgresql/<major>/bin).
pg_bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -n "$dir" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return; fi
  if command -v pg_ctl >/dev/null 2>&1; then dirname "$(command -v pg_ctl)"; fi
}

check() {
  local missing=()
  [ -n "$(redis_bin)" ] || missing+=("redis-server (apt-get install redis-server)")
  [ -n "$(pg_bindir)" ] || missing+=("PostgreSQL (apt-get install postgresql)")
  if [ ${#missing[@]} -gt 0 ]; then
    log "missing: ${missing[*]}"
    return 1
  fi
}

# A port nothing listens on now. The server may still lose a race for it, so callers retry on a bind failure.
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 30000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  log "no free port found"
  return 1
}

# Runs a command as the cluster's owner: the 'postgres' user when we are root, ourselves otherwise.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

start_redis() {
  local dir=$1 bin port
  bin=$(redis_bin)
  mkdir -p "$dir/redis"
  for _ in 1 2 3 4 5; do
    port=$(free_port)
    if "$bin" --port "$port" --bind 127.0.0.1 --daemonize yes --dir "$dir/redis" \
        --pidfile "$dir/redis/redis.pid" --logfile "$dir/redis/redis.log" --save '' --appendonly no >&2; then
      for _ in $(seq 1 50); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
          echo "$port" > "$dir/redis/port"
          log "redis-server on 127.0.0.1:$port"
          return
        fi
        if [ -f "$dir/redis/redis.pid" ] && ! kill -0 "$(cat "$dir/redis/redis.pid")" 2>/dev/null; then break; fi
        sleep 0.1
      done
    fi
    log "redis-server did not start on port $port; trying another (log: $dir/redis/redis.log)"
  done
  tail -20 "$dir/redis/redis.log" >&2 || true
  return 1
}

start_postgres() {
  local dir=$1 bin port data="$1/postgres/data"
  bin=$(pg_bindir)
  mkdir -p "$dir/postgres"
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || { log "running as root, but there is no 'postgres' user to own the cluster"; return 1; }
    chown postgres "$dir/postgres"
    # The owner must reach the folder through its parents.
    chmod o+rx "$dir"
  fi
  as_owner "$bin/initdb" --pgdata="$data" --username=connect --auth=trust --encoding=UTF8 --no-instructions >"$dir/postgres/initdb.log" 2>&1 || {
    tail -20 "$dir/postgres/initdb.log" >&2
    return 1
  }
  for _ in 1 2 3 4 5; do
    port=$(free_port)
    if as_owner "$bin/pg_ctl" --pgdata="$data" --log="$dir/postgres/postgres.log" --wait --timeout=60 \
        -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$dir/postgres' -c fsync=off -c max_connections=200" \
        start >&2; then
      echo "$port" > "$dir/postgres/port"
      log "PostgreSQL ($("$bin/postgres" --version | awk '{print $3}')) on 127.0.0.1:$port"
      return
    fi
    log "PostgreSQL did not start on port $port; trying another (log: $dir/postgres/postgres.log)"
  done
  tail -20 "$dir/postgres/postgres.log" >&2 || true
  return 1
}

stop() {
  local dir=${1:-${CONNECT_SERVICES_DIR:-}} bin
  if [ -z "$dir" ] || [ ! -d "$dir" ]; then
    log "nothing to stop (no services folder)"
    return 0
  fi
  if [ -f "$dir/redis/redis.pid" ]; then
    kill "$(cat "$dir/redis/redis.pid")" 2>/dev/null || true
    log "redis-server stopped"
  fi
  bin=$(pg_bindir)
  if [ -n "$bin" ] && [ -f "$dir/postgres/data/postmaster.pid" ]; then
    as_owner "$bin/pg_ctl" --pgdata="$dir/postgres/data" --mode=fast --wait stop >/dev/null 2>&1 || true
    log "PostgreSQL stopped"
  fi
  rm -rf "$dir"
}

start() {
  check
  local dir
  dir=$(mktemp -d "${TMPDIR:-/tmp}/connect-services.XXXXXX")
  if ! start_redis "$dir" || ! start_postgres "$dir"; then
    stop "$dir"
    return 1
  fi
  echo "export CONNECT_SERVICES_DIR='$dir'"
  echo "export CONNECT_TEST_REDIS='127.0.0.1:$(cat "$dir/redis/port")'"
  echo "export CONNECT_TEST_POSTGRES='Host=127.0.0.1;Port=$(cat "$dir/postgres/port");Username=connect;Database=postgres'"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  check) check ;;
  *)
    echo "usage: $0 start | stop [DIR] | check" >&2
    exit 2
    ;;
esac
