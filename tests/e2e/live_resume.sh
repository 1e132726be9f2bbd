#!/usr/bin/env bash
# End-to-end: `pycast live` killed with -9 mid-show; `--resume` continues on the same segment.
set -euo pipefail
: "${PYCAST_CLI:?set PYCAST_CLI to the pycast binary}"
: "${PYCAST_SOURCE_DIR:?set PYCAST_SOURCE_DIR to the source tree}"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/pycast-live-resume.XXXXXX")
PID=""
cleanup() {
    if [[ -n $PID ]] && kill -0 "$PID" 2>/dev/null; then kill -9 "$PID" 2>/dev/null || true; fi
    rm -rf "$TMP"
}
trap cleanup EXIT
fail() {
    echo "FAIL: $*" >&2
    for f in out1 err1 out2 err2; do
        [[ -f $TMP/$f ]] && { echo "--- $f:" >&2; cat "$TMP/$f" >&2; }
    done
    exit 1
}

SESSION="$TMP/s"
SHOW="$PYCAST_SOURCE_DIR/shows/pycast-episode.json"

# launch NAME ARGS...: starts pycast live in the background, sets PID and URL.
launch() {
    local name=$1; shift
    "$PYCAST_CLI" live "$@" --api 127.0.0.1:0 >"$TMP/out$name" 2>"$TMP/err$name" &
    PID=$!
    URL=""
    for _ in $(seq 1 100); do
        URL=$(grep -o 'control API on http://127\.0\.0\.1:[0-9]*' "$TMP/out$name" 2>/dev/null | sed 's/control API on //' || true)
        [[ -n $URL ]] && return 0
        kill -0 "$PID" 2>/dev/null || fail "pycast live ($name) exited before it listened"
        sleep 0.1
    done
    fail "pycast live ($name) did not print its address within 10 s"
}
call() {
    curl -s -o "$TMP/body" -w '%{http_code}' -X "$1" -H "Authorization: Bearer $TOKEN" "$URL$2" ||
        echo "curl-failed"
}
expect() {
    local want=$1; shift
    local got; got=$(call "$@")
    [[ $got == "$want" ]] || fail "$1 $2 gave HTTP $got, expected $want: $(cat "$TMP/body" 2>/dev/null)"
}
value() {
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$TMP/body" "$1"
}

TOKEN="resume-$RANDOM"
launch 1 "$SHOW" --session "$SESSION" --control-token "$TOKEN"
expect 200 POST /api/start
expect 200 POST /api/next
sleep 0.3
expect 200 POST /api/next
sleep 0.5
expect 200 GET /api/state
index_before=$(value 'd["segment"]["index"]')
elapsed_before=$(value 'd["segment"]["elapsed_ms"]')
[[ $index_before == 2 ]] || fail "after start and two nexts the segment index is $index_before, expected 2"

kill -9 "$PID"
wait "$PID" 2>/dev/null || true
PID=""

# A new session in the same folder is refused: the journal is there.
rc=0
"$PYCAST_CLI" live "$SHOW" --session "$SESSION" --api 127.0.0.1:0 >"$TMP/out-refused" 2>"$TMP/err-refused" || rc=$?
[[ $rc == 1 ]] || fail "a second new session in $SESSION exited $rc, expected 1"
grep -q -- "--resume" "$TMP/err-refused" || fail "the refusal does not mention --resume: $(cat "$TMP/err-refused")"

# A journal line with a number too large to hold is skipped with a warning, never an abort:
# pycast report reads the interrupted session, and --resume goes on from the lines before it.
echo '{"seq":99,"t_ms":1e400,"wall":"x","type":"pause"}' >>"$SESSION/journal.jsonl"
rc=0
"$PYCAST_CLI" report -- "$SESSION" >"$TMP/report-1e400" 2>"$TMP/err-1e400" || rc=$?
[[ $rc == 0 ]] || fail "pycast report on a journal with 1e400 exited $rc: $(cat "$TMP/err-1e400")"
grep -q "1e400 is too large" "$TMP/err-1e400" || fail "no warning for the 1e400 line: $(cat "$TMP/err-1e400")"

# Resume without --control-token: the session's own token (session.json) applies.
TOKEN=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["control_token"])' "$SESSION/session.json")
launch 2 --resume --session "$SESSION"
grep -q "(resumed)" "$TMP/out2" || fail "the resumed run does not say so"
grep -q "1e400 is too large" "$TMP/err2" || fail "the resumed run does not warn of the 1e400 line"
grep -q "token $TOKEN" "$TMP/out2" || fail "the resumed run does not print the session's token"
expect 200 GET /api/state
index_after=$(value 'd["segment"]["index"]')
elapsed_after=$(value 'd["segment"]["elapsed_ms"]')
phase_after=$(value 'd["phase"]')
[[ $index_after == "$index_before" ]] || fail "resumed on segment $index_after, expected $index_before"
[[ $phase_after == running ]] || fail "resumed phase is $phase_after, expected running"
(( elapsed_after >= elapsed_before )) || fail "elapsed went back: $elapsed_before ms before the crash, $elapsed_after ms after"

# POST /api/end: the reply comes back, then pycast live exits 0 by itself.
expect 200 POST /api/end
[[ $(value 'd["ended"]') == True ]] || fail "/api/end did not end the show"
for _ in $(seq 1 50); do
    kill -0 "$PID" 2>/dev/null || break
    sleep 0.1
done
if kill -0 "$PID" 2>/dev/null; then fail "pycast live still runs 5 s after /api/end"; fi
rc=0
wait "$PID" || rc=$?
PID=""
[[ $rc == 0 ]] || fail "pycast live exited $rc after /api/end, expected 0"

ends=$(grep -c '"type":"end"' "$SESSION/journal.jsonl" || true)
[[ $ends == 1 ]] || fail "the journal has $ends end events, expected 1"
[[ -s $SESSION/report.md ]] || fail "no report.md after /api/end"

echo "ok: kill -9, --resume on segment $index_after (${elapsed_before} -> ${elapsed_after} ms), /api/end exits"
