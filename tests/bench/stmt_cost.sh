#!/usr/bin/env bash
# tests/bench/stmt_cost.sh — MariaDB CPU time of one SQL statement: runs it
# N times in one client session against the private MariaDB of ./dev and
# prints the CPU µs per run of the server thread that served them (the
# busiest thread over the run: keep the server otherwise idle), and the
# wall time per run seen by the client.
#
#   tests/bench/stmt_cost.sh [-d DATABASE] [-p] [-r ROUNDS] N 'SELECT …'
#
# -p prepares the statement once on the server (PREPARE, then N times
# EXECUTE), as the web workers do: no parsing in the figure. -r repeats the
# measure ROUNDS times and keeps the least (a shared machine only ever
# adds time). The figures of sql/ and fcgi/ (e.g. a public list page read
# from experience_cards, 135 µs) come from it, on DATABASE spplus_bench.
set -euo pipefail
ROOT=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
DB=spplus PREPARED=0 ROUNDS=1
while [ $# -gt 2 ]; do
    case $1 in
        -d) DB=$2; shift 2 ;;
        -p) PREPARED=1; shift ;;
        -r) ROUNDS=$2; shift 2 ;;
        *) break ;;
    esac
done
[ $# -eq 2 ] || { sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
N=$1 SQL=$2
MP=$(cat "$ROOT/var/mariadb/mysqld.pid")
snap() { for t in /proc/"$MP"/task/*; do echo "${t##*/} $(awk '{print $14 + $15}' "$t/stat" 2>/dev/null || echo 0)"; done | sort; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
if [ "$PREPARED" = 1 ]; then
    printf "PREPARE s FROM '%s';\n" "${SQL//\'/\'\'}"
    for _ in $(seq "$N"); do echo 'EXECUTE s;'; done
else
    for _ in $(seq "$N"); do printf '%s;\n' "$SQL"; done
fi >"$tmp/q.sql"
hz=$(getconf CLK_TCK)
best_cpu='' best_wall=''
for _ in $(seq "$ROUNDS"); do
    snap >"$tmp/a"; t0=$(date +%s%N)
    mariadb --defaults-file="$ROOT/var/mariadb/my.cnf" -uroot "$DB" <"$tmp/q.sql" >/dev/null
    t1=$(date +%s%N); snap >"$tmp/b"
    # a thread started for this connection is in b only: it counts from 0
    ticks=$(join -a 2 -e 0 -o 0,1.2,2.2 "$tmp/a" "$tmp/b" |
        awk '{ d = $3 - $2; if (d > m) m = d } END { print m + 0 }')
    cpu=$(( ticks * 1000000 / hz / N )) wall=$(( (t1 - t0) / 1000 / N ))
    if [ -z "$best_cpu" ] || [ "$cpu" -lt "$best_cpu" ]; then best_cpu=$cpu; fi
    if [ -z "$best_wall" ] || [ "$wall" -lt "$best_wall" ]; then best_wall=$wall; fi
done
echo "server thread $best_cpu µs/run; client wall $best_wall µs/run ($N runs$([ "$ROUNDS" -gt 1 ] && echo ", least of $ROUNDS rounds")$([ "$PREPARED" = 1 ] && echo ", prepared"))"
