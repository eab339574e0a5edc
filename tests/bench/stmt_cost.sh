#!/usr/bin/env bash
# tests/bench/stmt_cost.sh — MariaDB CPU time of one SQL statement: runs it
# N times in one client session against the private MariaDB of ./dev and
# prints the CPU µs per run of the server thread that served them (the
# busiest thread over the run: keep the server otherwise idle), and the
# wall time per run seen by the client.
#
#   tests/bench/stmt_cost.sh [-d DATABASE] N 'SELECT …'
#
# The figures of sql/006 and fcgi/search.c (e.g. a public list page read
# from experience_cards, 135 µs) come from it, on DATABASE spplus_bench.
set -euo pipefail
ROOT=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
DB=spplus
if [ "${1:-}" = -d ]; then DB=$2; shift 2; fi
[ $# -eq 2 ] || { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
N=$1 SQL=$2
MP=$(cat "$ROOT/var/mariadb/mysqld.pid")
snap() { for t in /proc/"$MP"/task/*; do echo "${t##*/} $(awk '{print $14 + $15}' "$t/stat" 2>/dev/null || echo 0)"; done | sort; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for _ in $(seq "$N"); do printf '%s;\n' "$SQL"; done >"$tmp/q.sql"
snap >"$tmp/a"; t0=$(date +%s%N)
mariadb --defaults-file="$ROOT/var/mariadb/my.cnf" -uroot "$DB" <"$tmp/q.sql" >/dev/null
t1=$(date +%s%N); snap >"$tmp/b"
ticks=$(join "$tmp/a" "$tmp/b" | awk '{ d = $3 - $2; if (d > m) m = d } END { print m + 0 }')
hz=$(getconf CLK_TCK)
echo "server thread $(( ticks * 1000000 / hz / N )) µs/run; client wall $(( (t1 - t0) / 1000 / N )) µs/run ($N runs)"
