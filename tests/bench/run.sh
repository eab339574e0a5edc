#!/usr/bin/env bash
# tests/bench/run.sh — measure the running stack with wrk (`./dev bench`).
#
# For each target: check its status, wait until the servers are idle, warm
# up (WARMUP, discarded), wait again, then `wrk -t2 -c32 -d10s --latency`.
# Prints a table (req/s, p50, p99, ratio to NGINX serving the same page as a
# static file, non-2xx count, CPU seconds per server) and writes it to
# var/bench/<UTC time>.txt, raw wrk outputs in var/bench/<UTC time>/.
#
# Usage: tests/bench/run.sh [--peer] [NAME…]   (NAME: only these targets)
#   --peer  also measure the PHP peer of /work/shared/bench-peer (started
#           with its setup.sh; needs php-fpm8.2 and php-mysql installed)
# Env: THREADS CONNS DURATION WARMUP TIMEOUT PEER_DIR
set -euo pipefail

ROOT=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
VAR=$ROOT/var
THREADS=${THREADS:-2}
CONNS=${CONNS:-32}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-3s}
TIMEOUT=${TIMEOUT:-10s}
PEER_DIR=${PEER_DIR:-/work/shared/bench-peer}
CACHED=http://127.0.0.1:8080      # NGINX as deployed (micro page cache)
DIRECT=http://127.0.0.1:8081      # NGINX straight to the web pool (dev only)
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$VAR/bench/$STAMP
REPORT=$VAR/bench/$STAMP.txt

PEER=0
ONLY=()
for a in "$@"; do
    case $a in
        --peer) PEER=1 ;;
        -h | --help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "unknown option: $a" >&2; exit 2 ;;
        *) ONLY+=("$a") ;;
    esac
done

log() { printf '[bench %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
command -v wrk >/dev/null || die "wrk is not installed (./dev up installs it)"
mkdir -p "$OUT" "$VAR/nginx/static-copy"

# --- the pages to measure -------------------------------------------------
code_of() { curl -s -o /dev/null -m 10 -w '%{http_code}' "$1" || true; }
[ "$(code_of "$CACHED/")" = 200 ] || die "$CACHED/ does not answer 200: run ./dev up first"

# NGINX serving a saved copy of the home page: the ceiling for this page.
curl -sf -o "$VAR/nginx/static-copy/home.html.tmp" "$DIRECT/" || die "cannot fetch $DIRECT/"
mv "$VAR/nginx/static-copy/home.html.tmp" "$VAR/nginx/static-copy/home.html"

# The first article linked from /actualites.
ARTICLE=$(curl -sf "$CACHED/actualites" | grep -o 'href="/actualites/[^"/?#]*"' | head -n 1 \
    | sed 's/^href="//; s/"$//' || true)
[ -n "$ARTICLE" ] || log "no article link found on /actualites: the article target is skipped"

# One line per target: NAME|URL|EXPECTED STATUS|wrk script (optional, in tests/bench/)
# Add targets here; a wrk Lua script can vary the request (e.g. keywords).
TARGETS=(
    "static_home|$DIRECT/static-copy/home.html|200|"
    "home_cached|$CACHED/|200|"
    "home_direct|$DIRECT/|200|"
    ${ARTICLE:+"article|$CACHED$ARTICLE|200|"}
    "not_found|$CACHED/page-qui-n-existe-pas|404|"
)
REFERENCE=static_home   # the "ratio" column divides by this target's req/s

# --- the PHP peer, for comparison (--peer) ---------------------------------
PEER_PIDFILES=()
if [ $PEER = 1 ]; then
    [ -x "$PEER_DIR/setup.sh" ] || die "--peer: $PEER_DIR/setup.sh not found"
    command -v php-fpm8.2 >/dev/null || die "--peer: php-fpm8.2 is not installed (apt-get install php-fpm php-mysql php-xml)"
    log "starting the PHP peer ($PEER_DIR/setup.sh, first run about 50 s)"
    "$PEER_DIR/setup.sh" >&2
    TARGETS+=(
        "peer_list|http://127.0.0.1:18080/list.php?page=1|200|"
        "peer_persist|http://127.0.0.1:18080/list_persistent.php?page=1|200|"
        "peer_static|http://127.0.0.1:18080/static.html|200|"
    )
    PEER_PIDFILES=(/tmp/peer/run/nginx.pid /tmp/peer/run/php-fpm.pid /tmp/peerdb/mysqld.pid)
fi

# --- CPU accounting and idle wait (through pid files, never by name) ----
HZ=$(getconf CLK_TCK)
tree_pids() { local m; m=$(cat "$1" 2>/dev/null) || return 0; echo "$m"; ps -o pid= --ppid "$m" || true; }
ticks() { local t=0 p v; for p in "$@"; do v=$(awk '{print $14+$15}' "/proc/$p/stat" 2>/dev/null) && t=$((t + v)); done; echo "$t"; }
NGINX_PID=$VAR/run/nginx.pid
SPPLUSD_PID=$VAR/run/spplusd.pid
MARIADB_PID=$VAR/mariadb/mysqld.pid
# shellcheck disable=SC2046  # the pid lists are meant to split
cpu_snapshot() {
    echo "$(ticks $(tree_pids "$NGINX_PID")) $(ticks $(tree_pids "$SPPLUSD_PID")) $(ticks $(cat "$MARIADB_PID" 2>/dev/null))"
}
# Waits until every server is idle (< 3 ticks over 0.5 s): requests wrk
# abandoned at the end of a run may still be queued in the FastCGI backlog.
settle() {
    local a b all pf
    all="$(tree_pids "$NGINX_PID") $(tree_pids "$SPPLUSD_PID") $(cat "$MARIADB_PID" 2>/dev/null)"
    for pf in "${PEER_PIDFILES[@]}"; do all="$all $(tree_pids "$pf")"; done
    for _ in $(seq 120); do
        a=$(ticks $all); sleep 0.5; b=$(ticks $all)
        [ $((b - a)) -le 3 ] && return 0
    done
    log "warning: servers still busy after 60 s"
}

{
    echo "spplus benchmark, $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
    echo "host: $(uname -srm); nproc=$(nproc); cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
    echo "versions: nginx $(nginx -v 2>&1 | sed 's#.*/##'); MariaDB $(mariadbd --version | awk '{print $3}');" \
        "$(wrk -v 2>&1 | head -n1 | cut -d' ' -f1-2); spplus $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '(no commit)')"
    echo "wrk -t$THREADS -c$CONNS -d$DURATION --timeout $TIMEOUT --latency, after a -d$WARMUP warm-up and an idle wait"
    echo "loadavg before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT/env.txt" >&2

declare -A RPS P50 P99 NON2XX BYTES CPU URLS
NAMES=()
for t in "${TARGETS[@]}"; do
    IFS='|' read -r name url expect script <<<"$t"
    if [ ${#ONLY[@]} -gt 0 ] && [[ " ${ONLY[*]} $REFERENCE " != *" $name "* ]]; then continue; fi
    read -r code bytes < <(curl -s -o /dev/null -m 10 -w '%{http_code} %{size_download}\n' "$url" || echo "000 0")
    if [ "$code" != "$expect" ]; then
        log "$name: $url answered $code instead of $expect: skipped"
        continue
    fi
    extra=()
    [ -n "$script" ] && extra=(-s "$ROOT/tests/bench/$script")
    log "$name: $url ($bytes bytes)"
    settle
    wrk -t"$THREADS" -c"$CONNS" -d"$WARMUP" --timeout "$TIMEOUT" "${extra[@]}" "$url" >"$OUT/$name.warmup.txt"
    settle
    read -r n0 s0 d0 < <(cpu_snapshot)
    wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --timeout "$TIMEOUT" --latency "${extra[@]}" "$url" >"$OUT/$name.txt"
    read -r n1 s1 d1 < <(cpu_snapshot)
    NAMES+=("$name")
    URLS[$name]=$url
    BYTES[$name]=$bytes
    RPS[$name]=$(awk '/^Requests\/sec:/ {print $2}' "$OUT/$name.txt")
    P50[$name]=$(awk '$1 == "50%" {print $2}' "$OUT/$name.txt")
    P99[$name]=$(awk '$1 == "99%" {print $2}' "$OUT/$name.txt")
    NON2XX[$name]=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$OUT/$name.txt")
    sock=$(sed -n 's/^ *Socket errors: *//p' "$OUT/$name.txt")
    [ -n "$sock" ] && NON2XX[$name]="${NON2XX[$name]:-0} (socket: $sock)"
    CPU[$name]=$(awk -v hz="$HZ" -v n=$((n1 - n0)) -v s=$((s1 - s0)) -v d=$((d1 - d0)) \
        'BEGIN { printf "nginx %.1f s, spplusd %.1f s, mariadbd %.1f s", n/hz, s/hz, d/hz }')
done

ref=${RPS[$REFERENCE]:-}
{
    echo
    printf '%-13s %10s %9s %9s %7s %9s %8s  %s\n' target 'req/s' p50 p99 ratio non-2xx bytes url
    for name in "${NAMES[@]}"; do
        ratio=-
        [ -n "$ref" ] && ratio=$(awk -v a="${RPS[$name]}" -v b="$ref" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "-" }')
        printf '%-13s %10s %9s %9s %7s %9s %8s  %s\n' "$name" "${RPS[$name]:-?}" "${P50[$name]:-?}" "${P99[$name]:-?}" \
            "$ratio" "${NON2XX[$name]:-0}" "${BYTES[$name]}" "${URLS[$name]}"
    done
    echo
    echo "CPU used during each ${DURATION} run (2 cores => 2 x ${DURATION} available):"
    for name in "${NAMES[@]}"; do printf '  %-13s %s\n' "$name" "${CPU[$name]}"; done
    echo "(peer targets: their servers are not counted above)"
    echo "loadavg after: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "raw wrk output: ${OUT#"$ROOT"/}/"
} | tee "$OUT/summary.txt"
cat "$OUT/env.txt" "$OUT/summary.txt" >"$REPORT"
log "report written to ${REPORT#"$ROOT"/}"
