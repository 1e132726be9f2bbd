#!/usr/bin/env bash
# End-to-end: `pycast live` whose disk fills up mid-show says how to go on and names no report it did not write.
set -euo pipefail
: "${PYCAST_CLI:?set PYCAST_CLI to the pycast binary}"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/pycast-live-full.XXXXXX")
PID=""
cleanup() {
    if [[ -n $PID ]] && kill -0 "$PID" 2>/dev/null; then kill -9 "$PID" 2>/dev/null || true; fi
    rm -rf "$TMP"
}
trap cleanup EXIT
fail() {
    echo "FAIL: $*" >&2
    echo "--- pycast live stdout:" >&2; cat "$TMP/out" >&2 2>/dev/null || true
    echo "--- pycast live stderr:" >&2; cat "$TMP/err" >&2 2>/dev/null || true
    exit 1
}

cat >"$TMP/show.json" <<'JSON'
{"format": "pycast-show", "version": 1,
 "show": {"title": "Full disk", "kind": "episode", "target": "02:00", "date": "2026-12-17",
          "start": "20:00"},
 "people": [],
 "rundown": [{"id": "a", "title": "A", "kind": "intro", "planned": "01:00"},
             {"id": "b", "title": "B", "kind": "outro", "planned": "01:00"}]}
JSON

TOKEN="e2e-$RANDOM-$RANDOM"
SESSION="$TMP/s"
LIMIT_KIB=4
# A "disk" of 4 KiB a file (RLIMIT_FSIZE): writes past it fail with EFBIG, as on a full disk.
# SIGXFSZ is ignored, as a disk that is full sends no signal.
(
    trap '' XFSZ
    ulimit -f "$LIMIT_KIB"
    exec "$PYCAST_CLI" live "$TMP/show.json" --session "$SESSION" --api 127.0.0.1:0 \
        --control-token "$TOKEN"
) > >(cat >"$TMP/out") 2> >(cat >"$TMP/err") &   # the terminal is not the full disk
PID=$!

URL=""
for _ in $(seq 1 100); do
    URL=$(grep -o 'control API on http://127\.0\.0\.1:[0-9]*' "$TMP/out" 2>/dev/null | sed 's/control API on //' || true)
    [[ -n $URL ]] && break
    kill -0 "$PID" 2>/dev/null || fail "pycast live exited before it listened"
    sleep 0.1
done
[[ -n $URL ]] || fail "pycast live did not print its address within 10 s"

call() {   # call PATH [JSON]: prints the HTTP status
    curl -s -o "$TMP/body" -w '%{http_code}' -X POST -H "Authorization: Bearer $TOKEN" \
        ${2:+-d "$2"} "$URL$1"
}
[[ $(call /api/start) == 200 ]] || fail "start"

# Fill the journal until fewer bytes are left than an "end" line needs.
journal="$SESSION/journal.jsonl"
for _ in $(seq 1 20); do
    left=$(( LIMIT_KIB * 1024 - $(stat -c %s "$journal") ))
    (( left < 60 )) && break
    text_len=$(( left - 95 ))
    (( text_len > 1500 )) && text_len=1500
    (( text_len < 1 )) && text_len=1
    text=$(head -c "$text_len" /dev/zero | tr '\0' x)
    status=$(call /api/message "{\"text\": \"$text\"}")
    [[ $status == 200 || $status == 500 ]] || fail "message: HTTP $status"
done
left=$(( LIMIT_KIB * 1024 - $(stat -c %s "$journal") ))
(( left < 60 )) || fail "could not fill the journal (still $left bytes left)"

kill -INT "$PID"
rc=0
wait "$PID" || rc=$?
PID=""
[[ $rc == 1 ]] || fail "pycast live exited $rc on a full disk, expected 1"
sleep 0.2   # the output pipes drain
grep -q "could not end the show" "$TMP/err" || fail "no word that the show could not be ended"
grep -q "pycast live --resume --session $SESSION" "$TMP/out" "$TMP/err" || fail "no word on how to go on"
if grep -q "^report: " "$TMP/out"; then fail "a report path was printed that was not written"; fi
[[ ! -e $SESSION/report.md ]] || fail "report.md exists although the end was not journaled"
if grep -q '"type":"end"' "$journal"; then fail "the journal holds an end"; fi

# With space again, the session goes on and ends, and then the report is named.
"$PYCAST_CLI" live --resume --session "$SESSION" --api 127.0.0.1:0 --control-token "$TOKEN" \
    >"$TMP/out2" 2>"$TMP/err2" &
PID=$!
for _ in $(seq 1 100); do
    grep -q 'control API on' "$TMP/out2" 2>/dev/null && break
    sleep 0.1
done
kill -INT "$PID"
rc=0
wait "$PID" || rc=$?
PID=""
[[ $rc == 0 ]] || { cat "$TMP/out2" "$TMP/err2" >&2; fail "the resumed run exited $rc"; }
grep -q "^report: $SESSION/report.md" "$TMP/out2" || fail "the resumed run did not name its report"
[[ -s $SESSION/report.md ]] || fail "no report.md after the resumed end"

echo "ok: a full disk at the end says how to go on; the resumed session ends with its report"
