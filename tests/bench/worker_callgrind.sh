#!/usr/bin/env bash
# tests/bench/worker_callgrind.sh — instructions a web worker spends on one
# page, under callgrind: the bench stack's spplusd is replaced by one with a
# single web worker under valgrind, the page is asked 20 times (warm-up:
# fragment and statement caches filled), then N times measured (collection
# on in route_dispatch only), and the bench spplusd is started again.
#
#   tests/bench/worker_callgrind.sh [-n N] PATH [FUNCTION…]
#
# PATH is asked on the bench stack's direct port (:8083), as bench.agent
# when it starts with /agent. Prints the instructions per page of the whole
# request and of each FUNCTION (inclusive; default: the transform, the
# serialiser, the fragment keys and the database calls). Needs the bench
# stack (tests/bench/stack.sh up) and valgrind. The figures of
# fcgi/page_agent_experiences.c and fcgi/fragment.c come from it, e.g.
#   tests/bench/worker_callgrind.sh '/agent/experiences?etat=a_traiter'
set -euo pipefail
ROOT=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
N=200
if [ "${1:-}" = -n ]; then N=$2; shift 2; fi
[ $# -ge 1 ] || { sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
URL_PATH=$1; shift
FUNCS=("$@")
[ ${#FUNCS[@]} -gt 0 ] || FUNCS=(xsltApplyStylesheetUser html5_write frag_key db_query)
BVAR=$ROOT/var/bench
STACK=$ROOT/tests/bench/stack.sh
command -v valgrind >/dev/null || { echo "valgrind is missing" >&2; exit 1; }
[ -f "$BVAR/run/spplusd.pid" ] || { echo "the bench stack is not up: $STACK up" >&2; exit 1; }
COOKIE=()
case $URL_PATH in /agent*) COOKIE=(-H "Cookie: $("$STACK" cookie)") ;; esac
tmp=$(mktemp -d)
restart() { "$STACK" up >/dev/null 2>&1 || true; rm -rf "$tmp"; }
trap restart EXIT

kill "$(cat "$BVAR/run/spplusd.pid")"
for _ in $(seq 50); do [ -e "$BVAR/run/spplusd.pid" ] || break; sleep 0.1; done
sed -e 's/^workers = .*/workers = 1/' "$BVAR/spplus.conf" >"$tmp/spplus.conf"
valgrind --tool=callgrind --trace-children=yes --callgrind-out-file="$tmp/cg.%p" \
    --collect-atstart=no --toggle-collect=route_dispatch \
    "$ROOT/build/spplusd" -c "$tmp/spplus.conf" >"$tmp/valgrind.log" 2>&1 &
url=http://127.0.0.1:8083$URL_PATH
for _ in $(seq 100); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "${COOKIE[@]}" "$url")" = 200 ] && break
    sleep 0.2
done
for _ in $(seq 20); do curl -s -o /dev/null "${COOKIE[@]}" "$url"; done
for _ in $(seq "$N"); do curl -s -o /dev/null "${COOKIE[@]}" "$url"; done
kill "$(cat "$BVAR/run/spplusd.pid")"
for _ in $(seq 100); do [ -e "$BVAR/run/spplusd.pid" ] || break; sleep 0.1; done
sleep 1
# the web worker's profile is the largest one
out=$(ls -S "$tmp"/cg.* | head -1)
total=$(callgrind_annotate "$out" 2>/dev/null | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1 }')
# the first probe answered 200, the warm-up and the measured requests:
pages=$((N + 21))
printf '%-28s %12s\n' "per page ($pages pages)" instructions
printf '%-28s %12d\n' route_dispatch $((total / pages))
for f in "${FUNCS[@]}"; do
    n=$(callgrind_annotate --inclusive=yes "$out" 2>/dev/null |
        awk -v f="$f" 'index($0, ":" f " [") && !n { n = $1; gsub(",", "", n) } END { print n + 0 }')
    printf '%-28s %12d\n' "$f" $(( ${n:-0} / pages ))
done
