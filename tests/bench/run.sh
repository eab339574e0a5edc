#!/usr/bin/env bash
# tests/bench/run.sh — `./dev bench`: measures spplus with wrk, on the main
# stack (home, article, 404: ports 8080/8081) and on a bench stack with its
# own data set (tests/bench/stack.sh: database spplus_bench, 200,000
# experiences from bench-peer/gen.py; ports 8082 as deployed and 8083
# straight to the pools), optionally beside the PHP peer (--peer).
#
# For each target: check it answers the expected status with the expected
# content (list ids against the database, keyword pages against the index
# and the text), wait until the servers are idle, warm up (WARMUP,
# discarded), wait again, then `wrk -t2 -c32 -d10s --latency`. Prints one
# table (req/s, p50, p99, ratio to NGINX serving the same kind of page as a
# static file, ratio to the PHP list page, non-2xx) and the CPU per request
# of each server, written to var/bench/<UTC time>.txt (raw output in
# var/bench/<UTC time>/). The bench stack (and the peer) are stopped at the
# end; the main stack is left alone.
#
# Usage: tests/bench/run.sh [--peer] [--reload] [--keep] [NAME…]
#   --peer    also measure bench-peer (its setup.sh; installs php-fpm,
#             php-mysql, php-xml when missing), interleaved with ours
#   --reload  rebuild the bench database (data, index, agent) first
#   --keep    leave the bench stack running at the end
#   NAME…     only these targets (and the static ones they are compared to)
# Env: THREADS CONNS DURATION WARMUP TIMEOUT PEER_DIR WORDS (keywords cycled)
set -euo pipefail

ROOT=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
HERE=$ROOT/tests/bench
VAR=$ROOT/var
THREADS=${THREADS:-2}
CONNS=${CONNS:-32}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-3s}
TIMEOUT=${TIMEOUT:-10s}
WORDS=${WORDS:-1000}
PEER_DIR=${PEER_DIR:-/work/shared/bench-peer}
CACHED=http://127.0.0.1:8080   # main stack, NGINX as deployed (micro page cache)
DIRECT=http://127.0.0.1:8081   # main stack, NGINX straight to the web pool
BCACHED=http://127.0.0.1:8082  # bench stack, as deployed
BDIRECT=http://127.0.0.1:8083  # bench stack, straight to the web pool
PHP=http://127.0.0.1:18080     # bench-peer
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$VAR/bench/$STAMP
REPORT=$VAR/bench/$STAMP.txt

PEER=0 RELOAD=0 KEEP=0
ONLY=()
for a in "$@"; do
    case $a in
        --peer) PEER=1 ;;
        --reload) RELOAD=1 ;;
        --keep) KEEP=1 ;;
        -h | --help) sed -n '2,26p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "unknown option: $a" >&2; exit 2 ;;
        *) ONLY+=("$a") ;;
    esac
done

log() { printf '[bench %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
bsql() { mariadb --defaults-file="$VAR/mariadb/my.cnf" -uroot -N -B spplus_bench "$@"; }
command -v wrk >/dev/null || die "wrk is not installed (./dev up installs it)"
code_of() { curl -s -o /dev/null -m 10 -w '%{http_code}' "$1" || true; }
[ "$(code_of "$CACHED/")" = 200 ] || die "$CACHED/ does not answer 200: run ./dev up first"
mkdir -p "$OUT" "$VAR/nginx/static-copy" "$VAR/bench/nginx/static-copy"

# --- the bench stack and the peer (stopped on exit) -------------------------
PEER_STARTED=0
cleanup() {
    if [ $KEEP = 0 ]; then "$HERE/stack.sh" down || true; fi
    if [ $PEER_STARTED = 1 ]; then "$PEER_DIR/stop.sh" >&2 || true; fi
}
trap cleanup EXIT
if [ $RELOAD = 1 ]; then "$HERE/stack.sh" data --reload; else "$HERE/stack.sh" data; fi
"$HERE/stack.sh" up
COOKIE=$("$HERE/stack.sh" cookie)
AGENT_STRUCTURE=$(bsql -e "SELECT s.id FROM memberships m JOIN users u ON u.id = m.user_id
    JOIN structures s ON s.id = m.structure_id WHERE u.username = 'bench.agent' LIMIT 1")

# Keywords: WORDS indexed words (a quarter the commonest, the rest spread
# down to words of one experience); a rare one (about 30 experiences).
"$HERE/stack.sh" words "$WORDS" "$OUT/words.tsv"
cut -f1 "$OUT/words.tsv" >"$OUT/words.txt"
export BENCH_WORDS=$OUT/words.txt
RARE=$(bsql -e "SELECT term FROM search_term_counts WHERE term REGEXP '^[a-z]{6,}\$'
    ORDER BY ABS(CAST(n AS SIGNED) - 30), term LIMIT 1")
RARE_N=$(bsql -e "SELECT n FROM search_term_counts WHERE term = '$RARE'")
PASSEPORT_N=$(bsql -e "SELECT n FROM search_term_counts WHERE term = 'passeport'")

if [ $PEER = 1 ]; then
    [ -x "$PEER_DIR/setup.sh" ] || die "--peer: $PEER_DIR/setup.sh not found"
    if ! command -v php-fpm8.2 >/dev/null || ! dpkg -s php-mysql php-xml >/dev/null 2>&1; then
        [ "$(id -u)" = 0 ] || die "--peer: php-fpm, php-mysql, php-xml are missing and not root"
        log "--peer: apt-get install php-fpm php-mysql php-xml"
        policy=/usr/sbin/policy-rc.d made=0 # keep apt from starting php-fpm's service
        [ -e $policy ] || { printf '#!/bin/sh\nexit 101\n' >$policy && chmod 755 $policy && made=1; }
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o DPkg::Lock::Timeout=300 \
            php-fpm php-mysql php-xml >&2 || { [ $made = 1 ] && rm -f $policy; die "apt-get failed"; }
        [ $made = 1 ] && rm -f $policy
    fi
    # The same data set as ours (sha256 checked by setup.sh): spares gen.py.
    if [ ! -s /tmp/peer/data/SHA256SUMS ] && [ -s "$VAR/bench/data/SHA256SUMS" ]; then
        mkdir -p /tmp/peer/data
        cp "$VAR/bench/data/"{structures,experiences,responses}.tsv "$VAR/bench/data/SHA256SUMS" /tmp/peer/data/
    fi
    log "starting the PHP peer ($PEER_DIR/setup.sh; first run about a minute)"
    PEER_STARTED=1
    "$PEER_DIR/setup.sh" >&2
fi

# Saved copies served by NGINX as plain files: the ceilings.
curl -sf -o "$VAR/nginx/static-copy/home.html.tmp" "$DIRECT/" || die "cannot fetch $DIRECT/"
mv "$VAR/nginx/static-copy/home.html.tmp" "$VAR/nginx/static-copy/home.html"
curl -sf -o "$VAR/bench/nginx/static-copy/experiences.html.tmp" "$BDIRECT/experiences" \
    || die "cannot fetch $BDIRECT/experiences"
mv "$VAR/bench/nginx/static-copy/experiences.html.tmp" "$VAR/bench/nginx/static-copy/experiences.html"

ARTICLE=$(curl -sf "$CACHED/actualites" | grep -o 'href="/actualites/[^"/?#]*"' | head -n 1 \
    | sed 's/^href="//; s/"$//' || true)
[ -n "$ARTICLE" ] || log "no article link found on /actualites: the article target is skipped"

# --- content checks ------------------------------------------------------------
# Each takes the saved body and its arguments; non-zero (with a message) when
# the page is not what the target means to measure.
title_of() { grep -o '<title>[^<]*' "$1" | head -n 1 | sed 's/<title>//'; }
ids_of() { grep -o 'href="/experiences/[0-9]*"' "$1" | grep -o '[0-9]*' | awk '!s[$0]++' | paste -sd' '; }
not_error() {
    local t
    t=$(title_of "$1")
    [ -n "$t" ] || { echo "no <title>"; return 1; }
    case $t in *"non trouvée"* | *Erreur* | *indisponible* | *refusé* | *"Requête"*) echo "error page: $t"; return 1 ;; esac
}
chk_title() { # FILE REGEX: a page (not an error page) whose body matches REGEX
    not_error "$1" || return 1
    grep -qE "$2" "$1" || { echo "no match for /$2/ (title: $(title_of "$1"))"; return 1; }
}
chk_404() { title_of "$1" | grep -q 'non trouvée' || { echo "not the 404 page: $(title_of "$1")"; return 1; }; }
chk_list() { # FILE OFFSET: the 20 newest published experiences from OFFSET
    local got want
    not_error "$1" || return 1
    got=$(ids_of "$1")
    want=$(bsql -e "SELECT id FROM experiences WHERE status = 'publiee'
        ORDER BY published_at DESC, id DESC LIMIT 20 OFFSET $2" | paste -sd' ')
    [ "$got" = "$want" ] || { echo "ids [$got] instead of [$want]"; return 1; }
}
chk_kw() { # FILE WORD: the index's 20 newest for WORD, each published and containing it
    local got want bad
    not_error "$1" || return 1
    got=$(ids_of "$1")
    want=$(bsql -e "SELECT experience_id FROM search_terms WHERE term = '$2'
        ORDER BY published_at DESC, experience_id DESC LIMIT 20" | paste -sd' ')
    if [ -z "$got" ] || [ "$got" != "$want" ]; then
        echo "ids [$got] instead of the index's [$want]"
        return 1
    fi
    # utf8mb4_unicode_ci ignores case and accents; stemmed plurals (-aux)
    # would not match LIKE: they are reported, not failed.
    bad=$(bsql -e "SELECT COUNT(*) FROM experiences WHERE id IN (${got// /,})
        AND (status <> 'publiee' OR (title NOT LIKE '%$2%' AND body NOT LIKE '%$2%'))")
    [ "$bad" = 0 ] || echo "note: $bad of the experiences listed for '$2' do not contain it literally"
    bad=$(bsql -e "SELECT COUNT(*) FROM experiences WHERE id IN (${got// /,}) AND status <> 'publiee'")
    [ "$bad" = 0 ] || { echo "$bad unpublished experiences listed"; return 1; }
}
chk_cycle() { # FILE: 5 words of the list (common to rare) each give their page
    local w f rc=0
    # shellcheck disable=SC2013  # one word per line
    for w in $(awk 'NR == 1 || NR == 100 || NR == 400 || NR == 700 || NR == 1000 { print $1 }' "$OUT/words.txt"); do
        f=$OUT/check-cycle-$w.html
        curl -s -o "$f" "$BDIRECT/experiences?q=$w"
        chk_kw "$f" "$w" || { echo "word $w"; rc=1; }
    done
    return $rc
}
chk_agent() { # FILE: 20 rows «à traiter» of structures under the agent's structure
    local pairs bad n
    not_error "$1" || return 1
    pairs=$(grep -o 'href="/agent/experiences/[0-9]*?structure=[0-9]*"' "$1" | grep -o '[0-9][0-9]*' \
        | paste -d' ' - - | awk '!s[$0]++')
    n=$(printf '%s\n' "$pairs" | grep -c . || true)
    [ "$n" = 20 ] || { echo "$n rows instead of 20"; return 1; }
    bad=$(printf '%s\n' "$pairs" | while read -r e s; do
        echo "SELECT COUNT(*) = 0 FROM experience_structures es JOIN experiences x ON x.id = es.experience_id
              JOIN structures st ON st.id = es.structure_id JOIN structures a ON a.id = $AGENT_STRUCTURE
              WHERE es.experience_id = $e AND es.structure_id = $s AND x.status = 'publiee'
              AND es.state IN ('a_traiter', 'brouillon') AND st.path LIKE CONCAT(a.path, '%');"
    done | bsql | grep -c '^1$' || true)
    [ "$bad" = 0 ] || { echo "$bad rows are not «à traiter» under the agent's structure"; return 1; }
}

# --- targets -------------------------------------------------------------------
# NAME|URL|EXPECTED STATUS|wrk script|static reference|check [args]|cookie (1)
T_MAIN=(
    "static_home|$DIRECT/static-copy/home.html|200||static_home|chk_title engagement|"
    "home_cached|$CACHED/|200||static_home|chk_title engagement|"
    "home_direct|$DIRECT/|200||static_home|chk_title engagement|"
    ${ARTICLE:+"article|$CACHED$ARTICLE|200||static_home|chk_title actualites|"}
    "not_found|$CACHED/page-qui-n-existe-pas|404||static_home|chk_404|"
)
T_PEER=(
    "php_static|$PHP/static.html|200||php_static|chk_title passeport|"
    "php_list|$PHP/list.php?page=1|200||php_static|chk_title experience|"
    "php_list_persist|$PHP/list_persistent.php?page=1|200||php_static|chk_title experience|"
    "php_passeport|$PHP/list.php?q=passeport&page=1|200||php_static|chk_title passeport|"
)
T_OURS=(
    "static_list|$BDIRECT/static-copy/experiences.html|200||static_list|chk_list 0|"
    "list_cached|$BCACHED/experiences|200||static_list|chk_list 0|"
    "list_direct|$BDIRECT/experiences|200||static_list|chk_list 0|"
    "list_p200|$BDIRECT/experiences?page=200|200||static_list|chk_list 3980|"
    "kw_passeport_cached|$BCACHED/experiences?q=passeport|200||static_list|chk_kw passeport|"
    "kw_passeport|$BDIRECT/experiences?q=passeport|200||static_list|chk_kw passeport|"
    "kw_rare|$BDIRECT/experiences?q=$RARE|200||static_list|chk_kw $RARE|"
    "kw_cycle|$BDIRECT/experiences?q=x|200|keywords.lua|static_list|chk_cycle|"
    "agent_todo|$BCACHED/agent/experiences?etat=a_traiter|200||static_list|chk_agent|1"
)
# Interleaved with the peer (peer, ours, peer, ours), as its README advises.
TARGETS=("${T_MAIN[@]}")
if [ $PEER = 1 ]; then
    TARGETS+=("${T_PEER[0]}" "${T_OURS[0]}" "${T_PEER[1]}" "${T_OURS[1]}" "${T_PEER[2]}"
        "${T_OURS[2]}" "${T_OURS[3]}" "${T_PEER[3]}" "${T_OURS[@]:4}")
else
    TARGETS+=("${T_OURS[@]}")
fi

# --- CPU accounting and idle wait (through pid files, never by name) ------------
HZ=$(getconf CLK_TCK)
tree_pids() { local m; m=$(cat "$1" 2>/dev/null) || return 0; echo "$m"; ps -o pid= --ppid "$m" || true; }
ticks() { local t=0 p v; for p in "$@"; do v=$(awk '{print $14+$15}' "/proc/$p/stat" 2>/dev/null) && t=$((t + v)); done; echo "$t"; }
# front: NGINX (main, bench, peer); app: spplusd (main, bench) or php-fpm;
# db: the private MariaDB (both our databases) and the peer's.
FRONT_PF=("$VAR/run/nginx.pid" "$VAR/bench/run/nginx.pid" /tmp/peer/run/nginx.pid)
APP_PF=("$VAR/run/spplusd.pid" "$VAR/bench/run/spplusd.pid" /tmp/peer/run/php-fpm.pid)
DB_PF=("$VAR/mariadb/mysqld.pid" /tmp/peerdb/mysqld.pid)
pids_of() { local pf; for pf in "$@"; do tree_pids "$pf"; done; }
# CPU ticks of the processes behind pid files: each master's own and its
# reaped children's (cutime, cstime: workers recycled during a run), plus
# its live children's.
tree_ticks() {
    local pf m p v t=0
    for pf in "$@"; do
        m=$(cat "$pf" 2>/dev/null) || continue
        v=$(awk '{print $14+$15+$16+$17}' "/proc/$m/stat" 2>/dev/null) && t=$((t + v))
        for p in $(ps -o pid= --ppid "$m" || true); do
            v=$(awk '{print $14+$15}' "/proc/$p/stat" 2>/dev/null) && t=$((t + v))
        done
    done
    echo "$t"
}
cpu_snapshot() {
    echo "$(tree_ticks "${FRONT_PF[@]}") $(tree_ticks "${APP_PF[@]}") $(tree_ticks "${DB_PF[@]}")"
}
# Waits until every server is idle (< 3 ticks over 0.5 s): requests wrk
# abandoned at the end of a run may still be queued in a FastCGI backlog.
settle() {
    local a b all
    all=$(pids_of "${FRONT_PF[@]}" "${APP_PF[@]}" "${DB_PF[@]}")
    for _ in $(seq 120); do
        # shellcheck disable=SC2086  # a list of pids
        a=$(ticks $all)
        sleep 0.5
        # shellcheck disable=SC2086
        b=$(ticks $all)
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
    echo "bench data: $(bsql -e "SELECT CONCAT((SELECT COUNT(*) FROM experiences), ' experiences (',
        (SELECT COUNT(*) FROM experiences WHERE status = 'publiee'), ' published), ',
        (SELECT COUNT(*) FROM answers), ' answers, ', (SELECT COUNT(*) FROM structures), ' structures, ',
        (SELECT COUNT(*) FROM search_terms), ' index rows')")"
    echo "keywords: passeport ($PASSEPORT_N experiences), rare: $RARE ($RARE_N);" \
        "cycle: $(wc -l <"$OUT/words.txt") words, $(awk '{print $2}' "$OUT/words.tsv" | sort -n | awk '{a[NR]=$1} END {printf "n from %d to %d, median %d", a[1], a[NR], a[int((NR+1)/2)]}') experiences"
    echo "agent: bench.agent, super_agent of $(bsql -e "SELECT CONCAT(code_sp, ' (', name, ')') FROM structures WHERE id = $AGENT_STRUCTURE")"
    echo "loadavg before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT/env.txt" >&2

declare -A RPS P50 P99 NON2XX BYTES URLS REQS REF CPU LOAD BAD
# NAME… given: those targets and the static pages they are compared to.
declare -A WANT=()
for t in "${TARGETS[@]}"; do
    IFS='|' read -r name _ _ _ ref _ <<<"$t"
    for o in "${ONLY[@]}"; do [ "$o" = "$name" ] && WANT[$name]=1 && WANT[$ref]=1; done
done
NAMES=()
for t in "${TARGETS[@]}"; do
    IFS='|' read -r name url expect script ref check auth <<<"$t"
    if [ ${#ONLY[@]} -gt 0 ] && [ -z "${WANT[$name]:-}" ]; then continue; fi
    hdr=()
    [ "$auth" = 1 ] && hdr=(-H "Cookie: $COOKIE")
    read -r code bytes < <(curl -s -o "$OUT/$name.body" -m 30 -w '%{http_code} %{size_download}\n' "${hdr[@]}" "$url" || echo "000 0")
    if [ "$code" != "$expect" ]; then
        log "$name: $url answered $code instead of $expect: skipped"
        continue
    fi
    read -r fn args <<<"$check"
    # shellcheck disable=SC2086  # the check's arguments
    if ! msg=$("$fn" "$OUT/$name.body" $args 2>&1); then
        log "$name: $url is not the expected page: $msg: skipped"
        continue
    fi
    [ -n "$msg" ] && log "$name: $msg"
    extra=()
    [ -n "$script" ] && extra=(-s "$HERE/$script")
    log "$name: $url ($bytes bytes) — load $(cut -d' ' -f1 /proc/loadavg)"
    settle
    wrk -t"$THREADS" -c"$CONNS" -d"$WARMUP" --timeout "$TIMEOUT" "${hdr[@]}" "${extra[@]}" "$url" >"$OUT/$name.warmup.txt"
    settle
    LOAD[$name]=$(cut -d' ' -f1 /proc/loadavg)
    read -r n0 s0 d0 < <(cpu_snapshot)
    /usr/bin/time -f '%U %S' -o "$OUT/$name.wrk-cpu" \
        wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --timeout "$TIMEOUT" --latency "${hdr[@]}" "${extra[@]}" "$url" >"$OUT/$name.txt"
    read -r n1 s1 d1 < <(cpu_snapshot)
    # The page must still be the same afterwards (another shell may have
    # restarted a stack meanwhile).
    code=$(curl -s -o /dev/null -m 30 -w '%{http_code}' "${hdr[@]}" "$url" || true)
    [ "$code" = "$expect" ] || BAD[$name]="answered $code after the run"
    NAMES+=("$name")
    URLS[$name]=$url
    BYTES[$name]=$bytes
    REF[$name]=$ref
    RPS[$name]=$(awk '/^Requests\/sec:/ {print $2}' "$OUT/$name.txt")
    REQS[$name]=$(awk '/requests in/ {print $1}' "$OUT/$name.txt")
    P50[$name]=$(awk '$1 == "50%" {print $2}' "$OUT/$name.txt")
    P99[$name]=$(awk '$1 == "99%" {print $2}' "$OUT/$name.txt")
    NON2XX[$name]=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$OUT/$name.txt")
    sock=$(sed -n 's/^ *Socket errors: *//p' "$OUT/$name.txt")
    [ -n "$sock" ] && NON2XX[$name]="${NON2XX[$name]:-0} (socket: $sock)"
    if [ "$expect" = 200 ] && [ "$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$OUT/$name.txt")" != "" ]; then
        BAD[$name]="non-2xx responses"
    fi
    [ -n "${BAD[$name]:-}" ] && log "$name: INVALID measurement: ${BAD[$name]}"
    # CPU ms per request: front, app, db, wrk
    CPU[$name]=$(awk -v hz="$HZ" -v r="${REQS[$name]:-0}" -v n=$((n1 - n0)) -v s=$((s1 - s0)) -v d=$((d1 - d0)) \
        -v w="$(cat "$OUT/$name.wrk-cpu")" 'BEGIN { split(w, a, " "); if (r <= 0) r = 1;
            # a negative figure: a server was restarted during the run
            f = "%8.3f"; if (n < 0) { n = 0; f = "%8s" }
            printf f " %8.3f %8.3f %8.3f", (n ? n / hz * 1000 / r : "?"), s / hz * 1000 / r, d / hz * 1000 / r, (a[1] + a[2]) * 1000 / r }')
    log "$name: ${RPS[$name]} req/s, p50 ${P50[$name]}, p99 ${P99[$name]}"
done

ratio() { awk -v a="${1:-}" -v b="${2:-}" 'BEGIN { if (a != "" && b > 0) printf (a / b >= 10 ? "%.0f" : "%.2f"), a / b; else print "-" }'; }
php=${RPS[php_list]:-}
{
    echo
    printf '%-19s %9s %9s %9s %8s %6s %9s %7s  %s\n' target 'req/s' p50 p99 'x static' 'x PHP' non-2xx bytes url
    for name in "${NAMES[@]}"; do
        printf '%-19s %9s %9s %9s %8s %6s %9s %7s  %s\n' "$name${BAD[$name]:+ (!)}" "${RPS[$name]:-?}" "${P50[$name]:-?}" "${P99[$name]:-?}" \
            "$(ratio "${RPS[$name]}" "${RPS[${REF[$name]}]:-}")" "$(ratio "${RPS[$name]}" "$php")" \
            "${NON2XX[$name]:-0}" "${BYTES[$name]}" "${URLS[$name]#http://127.0.0.1}"
    done
    echo
    echo "x static: req/s over NGINX serving the same kind of page as a file (static_home for the main"
    echo "stack's pages, static_list = /experiences page 1 for the bench stack, php_static for the peer)."
    echo "x PHP: req/s over php_list (the peer's list page, a new MariaDB connection per request)."
    for name in "${NAMES[@]}"; do
        [ -z "${BAD[$name]:-}" ] || echo "(!) $name: not a valid measurement: ${BAD[$name]}"
    done
    echo
    echo "CPU per request (ms) during the ${DURATION} run; 'app' is spplusd or php-fpm; load1 = 1-min load before:"
    printf '  %-19s %8s %8s %8s %8s %6s\n' target nginx app mariadbd wrk load1
    for name in "${NAMES[@]}"; do printf '  %-19s %s %6s\n' "$name" "${CPU[$name]}" "${LOAD[$name]}"; done
    echo
    {
        echo "Targets (issues 2 and 4), this run (n/a: not measured, or not validly):"
        tgt() { # OK WHAT [TARGET…]: "met" or "NOT", "n/a" when a target was not validly measured
            local ok=$1 what=$2 t
            shift 2
            for t in "$@"; do [ -n "${RPS[$t]:-}" ] && [ -z "${BAD[$t]:-}" ] || ok=na; done
            awk -v ok="$ok" -v what="$what" 'BEGIN { printf "  %-4s %s\n", (ok == "na" ? "n/a" : ok ? "met" : "NOT"), what }'
        }
        ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) v = v / 1000; else if (v ~ /ms$/) v = v + 0; else if (v ~ /s$/) v = v * 1000; print v + 0 }'; }
        x=${RPS[list_cached]:-0}; p=$(ms "${P99[list_cached]:-9s}")
        tgt "$(awk -v a="$x" -v b="$php" -v p="$p" 'BEGIN { print (a >= 10 * b && p < 10) }')" "list as deployed >= 10x PHP, p99 < 10 ms: $(ratio "$x" "$php")x, p99 ${P99[list_cached]:-?}" list_cached php_list
        x=${RPS[list_direct]:-0}
        tgt "$(awk -v a="$x" -v b="$php" 'BEGIN { print (a >= 2 * b) }')" "list rendered every time >= 2x PHP: $(ratio "$x" "$php")x" list_direct php_list
        x=${RPS[agent_todo]:-0}
        tgt "$(awk -v a="$x" -v b="$php" 'BEGIN { print (a >= 2 * b) }')" "agent «à traiter» list >= 2x PHP: $(ratio "$x" "$php")x" agent_todo php_list
        x=${RPS[kw_cycle]:-0}
        tgt "$(awk -v a="$x" 'BEGIN { print (a >= 1000) }')" "keyword search cycling $(wc -l <"$OUT/words.txt") words >= 1,000 req/s: $x req/s ($(ratio "$x" "${RPS[php_passeport]:-}")x PHP on passeport)" kw_cycle
        x=${RPS[home_direct]:-0}; p=$(ms "${P99[home_direct]:-9s}")
        tgt "$(awk -v a="$x" -v p="$p" 'BEGIN { print (a >= 3000 && p < 20) }')" "home rendered every time >= 3,000 req/s, p99 < 20 ms: $x, p99 ${P99[home_direct]:-?}" home_direct
        x=${RPS[home_cached]:-0}
        tgt "$(awk -v a="$x" -v b="${RPS[static_home]:-0}" 'BEGIN { print (b > 0 && a >= 0.5 * b) }')" "home as deployed >= 50 % of static: $(ratio "$x" "${RPS[static_home]:-}")x" home_cached static_home
        echo
    }
    echo "loadavg after: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "raw wrk output: ${OUT#"$ROOT"/}/"
} | tee "$OUT/summary.txt"
cat "$OUT/env.txt" "$OUT/summary.txt" >"$REPORT"
log "report written to ${REPORT#"$ROOT"/}"
