#!/usr/bin/env bash
# End-to-end: `pycast live` driven over HTTP with curl; SIGTERM ends the show, journal and report stay.
set -euo pipefail
: "${PYCAST_CLI:?set PYCAST_CLI to the pycast binary}"
: "${PYCAST_SOURCE_DIR:?set PYCAST_SOURCE_DIR to the source tree}"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/pycast-live-api.XXXXXX")
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

TOKEN="e2e-$RANDOM-$RANDOM"
SESSION="$TMP/s"
# Port 0: the server picks a free port and prints it, so parallel runs never collide.
"$PYCAST_CLI" live "$PYCAST_SOURCE_DIR/shows/pycast-episode.json" --session "$SESSION" \
    --api 127.0.0.1:0 --control-token "$TOKEN" >"$TMP/out" 2>"$TMP/err" &
PID=$!

URL=""
for _ in $(seq 1 100); do
    URL=$(grep -o 'control API on http://127\.0\.0\.1:[0-9]*' "$TMP/out" 2>/dev/null | sed 's/control API on //' || true)
    [[ -n $URL ]] && break
    kill -0 "$PID" 2>/dev/null || fail "pycast live exited before it listened"
    sleep 0.1
done
[[ -n $URL ]] || fail "pycast live did not print its address within 10 s"
grep -q "curl -s -H 'Authorization: Bearer $TOKEN' $URL/api/state" "$TMP/out" ||
    fail "no ready-to-paste curl example in the output"

# call METHOD PATH [JSON]: prints the HTTP status; the body lands in $TMP/body.
call() {
    local args=(-s -o "$TMP/body" -w '%{http_code}' -X "$1" -H "Authorization: Bearer $TOKEN")
    if [[ $# -ge 3 ]]; then args+=(-H 'Content-Type: application/json' --data "$3"); fi
    curl "${args[@]}" "$URL$2" || echo "curl-failed"
}
# expect STATUS METHOD PATH [JSON]
expect() {
    local want=$1; shift
    local got; got=$(call "$@")
    [[ $got == "$want" ]] || fail "$1 $2 ${3:-} gave HTTP $got, expected $want: $(cat "$TMP/body" 2>/dev/null)"
}
# check PYTHON-EXPRESSION over the last body as `d`
check() {
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if eval(sys.argv[2]) else 1)' \
        "$TMP/body" "$1" || fail "check failed: $1 on $(cat "$TMP/body")"
}

got=$(curl -s -o "$TMP/body" -w '%{http_code}' "$URL/api/state")
[[ $got == 401 ]] || fail "GET /api/state without a token gave $got, expected 401"
check '"Bearer" in d["error"]'
got=$(curl -s -o "$TMP/body" -w '%{http_code}' -H 'Authorization: Bearer wrong' "$URL/api/state")
[[ $got == 401 ]] || fail "a wrong token gave $got, expected 401"

expect 200 GET /api/state
check 'd["phase"] == "not-started" and d["segment"] is None and len(d["segments"]) == 8'
check 'd["next"]["id"] == "s-intro" and d["show"]["hard_out"] == "20:40:00"'

expect 409 POST /api/next
check 'd["code"] == "not-started" and "not started" in d["error"]'

expect 200 POST /api/start
check 'd["running"] and d["segment"]["id"] == "s-intro" and d["segment"]["index"] == 0'
expect 200 POST /api/next
check 'd["segment"]["id"] == "s-guest-intro" and d["next"]["id"] == "s-career"'
expect 200 POST /api/extend '{"seconds": 60}'
check 'd["segment"]["planned_ms"] == 240000 and d["segments"][1]["extension_ms"] == 60000'
expect 400 POST /api/extend '{"seconds": "a minute"}'
check '"seconds" in d["error"]'
expect 400 POST /api/extend '{oops'
check '"not valid JSON" in d["error"]'
expect 200 POST /api/message '{"text": "wrap up in 2"}'
check 'd["message"]["text"] == "wrap up in 2"'
# A plain marker, with or without a label; a label is one short line.
expect 200 POST /api/marker
expect 200 POST /api/marker '{"label": "好問題 good quote"}'
expect 413 POST /api/marker "{\"label\": \"$(printf 'x%.0s' $(seq 1 201))\"}"
expect 400 POST /api/marker '{"label": "two\nlines"}'
expect 400 POST /api/marker '{"label": 5}'
expect 400 POST /api/message '{"text": ""}'
# Bodies as strict as show files; no control characters in a message (nothing journaled).
expect 400 POST /api/message '{"text":"a\u0000b"}'
check '"control character (U+0000, NUL)" in d["error"]'
expect 400 POST /api/extend '{"seconds":1,"seconds":2}'
check '"appears twice" in d["error"]'
expect 400 POST /api/extend '{"seconds":1e400}'
check '"1e400 is too large" in d["error"] and "not valid JSON" not in d["error"]'
expect 200 POST /api/goto/s-tech
check 'd["segment"]["id"] == "s-tech" and d["segment"]["index"] == 3'
expect 404 POST /api/goto/no-such-segment
expect 404 GET /api/bogus
expect 405 GET /api/next
expect 200 GET /api/state
check 'd["segment"]["id"] == "s-tech" and d["segments"][2]["status"] == "skipped"'

kill -TERM "$PID"
rc=0
wait "$PID" || rc=$?
PID=""
[[ $rc == 0 ]] || fail "pycast live exited $rc after SIGTERM, expected 0"

python3 - "$SESSION/journal.jsonl" <<'EOF' || fail "the journal does not hold the session's events"
import json, sys
types = [json.loads(line)["type"] for line in open(sys.argv[1], encoding="utf-8")]
want = ["session-start", "start", "next", "extend", "message", "marker", "marker", "goto", "end"]
if types != want:
    sys.exit(f"journal types {types}, expected {want}")
EOF
[[ -s $SESSION/report.md ]] || fail "no report.md after SIGTERM"
python3 - "$TMP/out" <<'EOF' || fail "pycast live printed a NUL byte"
import sys
sys.exit(b"\0" in open(sys.argv[1], "rb").read())
EOF
# The end line and report.md give the same figures (whole seconds as shown).
python3 - "$TMP/out" "$SESSION/report.md" <<'EOF' || fail "the end line disagrees with report.md"
import re, sys
out = open(sys.argv[1], encoding="utf-8").read()
md = open(sys.argv[2], encoding="utf-8").read()
end = re.search(r"show ended: (\S+) on air, (\S+) (over|under|on time)", out)
rep = re.search(r"actual: (\S+), difference: [-+]?(\S+) \((over|under|on time)\)", md)
if not end or not rep or end.groups() != rep.groups():
    sys.exit(f"end line {end and end.groups()}, report.md {rep and rep.groups()}")
EOF
grep -q "on air 4/8 s-tech" "$TMP/out" || fail "no status line for the goto"
grep -q "report: $SESSION/report.md" "$TMP/out" || fail "the report path was not printed"

"$PYCAST_CLI" report "$SESSION" >"$TMP/report.md" 2>"$TMP/report.err" || fail "pycast report failed: $(cat "$TMP/report.err")"
grep -q "Planned vs actual" "$TMP/report.md" || fail "pycast report printed no report"
cmp -s "$TMP/report.md" "$SESSION/report.md" || fail "pycast report differs from report.md"
"$PYCAST_CLI" report "$SESSION" --format csv >"$TMP/report.csv" || fail "pycast report --format csv failed"
grep -q '^segment,4,s-tech,' "$TMP/report.csv" || fail "the CSV report has no row for s-tech"
head -c 3 "$TMP/report.csv" | grep -q $'\xEF\xBB\xBF' && fail "pycast report --format csv printed a BOM"
head -c 3 "$SESSION/report.csv" | grep -q $'\xEF\xBB\xBF' || fail "report.csv lost its BOM"
"$PYCAST_CLI" report --format csv -- "$SESSION" | cmp -s - "$TMP/report.csv" ||
    fail "pycast report --format csv -- DIR differs"

echo "ok: pycast live API, SIGTERM, journal and report"
