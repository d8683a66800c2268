#!/usr/bin/env bash
# Make sure PostgreSQL (127.0.0.1:5432, user postgres without password) and Redis (127.0.0.1:6379) answer,
# installing them with apt-get and starting them when they are missing (needs root, as on CI machines).
set -euo pipefail

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=""
apt_install() {
    [ -n "$apt_updated" ] || { as_root apt-get update -qq; apt_updated=1; }
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

postgres_ready() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null && psql -h 127.0.0.1 -U postgres -Atc 'select 1' postgres >/dev/null 2>&1; }

if ! postgres_ready; then
    if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
        echo "services: installing PostgreSQL" >&2
        apt_install postgresql postgresql-client
    fi
    version=$(ls /etc/postgresql | sort -V | tail -n 1)
    hba=/etc/postgresql/$version/main/pg_hba.conf
    # Test machines only: local TCP connections as postgres need no password.
    if ! grep -q "seeit-tests" "$hba"; then
        as_root sed -i '1i host all all 127.0.0.1/32 trust # seeit-tests\nhost all all ::1/128 trust # seeit-tests' "$hba"
    fi
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null \
        || as_root pg_ctlcluster --skip-systemctl-redirect "$version" main reload
    for _ in $(seq 1 30); do postgres_ready && break; sleep 1; done
    postgres_ready || { echo "services: PostgreSQL did not start" >&2; exit 1; }
fi

if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
    if ! command -v redis-server >/dev/null; then
        echo "services: installing Redis" >&2
        apt_install redis-server
    fi
    mkdir -p /tmp/seeit-redis
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no --dir /tmp/seeit-redis >/dev/null
    for _ in $(seq 1 30); do redis-cli -h 127.0.0.1 ping >/dev/null 2>&1 && break; sleep 0.5; done
    redis-cli -h 127.0.0.1 ping >/dev/null || { echo "services: Redis did not start" >&2; exit 1; }
fi
