#!/usr/bin/env bash
# GUI live end-to-end: the real pycast-studio under Xvfb starts a session with the control API on a
# free port, is driven with curl (start, next, extend, message) and screenshots its host view and
# presenter window after a delay; the PNGs must not be blank. Then it is resumed with the API on,
# moved on once more, killed with -9 mid-show, and resumed again for a screenshot that must show
# the same segment.
set -u

studio=${PYCAST_STUDIO:?set PYCAST_STUDIO to the pycast-studio binary}
source_dir=${PYCAST_SOURCE_DIR:?set PYCAST_SOURCE_DIR to the repository}
show="$source_dir/shows/pycast-episode.json"

for tool in Xvfb curl python3; do
    command -v $tool >/dev/null || { echo "FAIL: $tool is not installed"; exit 1; }
done

tmp=$(mktemp -d)
xvfb_pid=""
studio_pid=""
cleanup() {
    [ -n "$studio_pid" ] && kill -9 "$studio_pid" 2>/dev/null
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
    wait 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT

fail() {
    echo "FAIL: $*"
    for f in "$tmp"/*.out "$tmp"/*.err; do
        [ -s "$f" ] && { echo "--- $f"; cat "$f"; }
    done
    exit 1
}

# Our own X server (not xvfb-run), so $! below is the studio itself and kill -9 hits it.
Xvfb -displayfd 3 -screen 0 3400x1200x24 -nolisten tcp 3>"$tmp/display" 2>"$tmp/xvfb.err" &
xvfb_pid=$!
for _ in $(seq 1 50); do [ -s "$tmp/display" ] && break; sleep 0.1; done
[ -s "$tmp/display" ] || fail "Xvfb did not start"
export DISPLAY=":$(head -n1 "$tmp/display")"
export PYCAST_SESSIONS_DIR="$tmp/sessions"   # nothing of the user's is read or written
export PYCAST_CONFIG_DIR="$tmp/config"

# png_check FILE WIDTH HEIGHT: a PNG of that size whose pixels vary (the same check as gui_smoke).
png_check() {
    python3 "$source_dir/tests/e2e/lib/png_check.py" "$1" "$2" "$3" 20
}

# wait_api NAME: waits for "control API on URL (token T)" in $tmp/NAME.out; sets URL and TOKEN.
wait_api() {
    URL=""
    for _ in $(seq 1 100); do
        line=$(grep -m1 '^control API on ' "$tmp/$1.out" 2>/dev/null)
        if [ -n "$line" ]; then
            URL=$(echo "$line" | sed -E 's/^control API on ([^ ]+) .*/\1/')
            TOKEN=$(echo "$line" | sed -E 's/.*\(token ([^)]+)\).*/\1/')
            return 0
        fi
        kill -0 "$studio_pid" 2>/dev/null || fail "$1: the studio exited before its API listened"
        sleep 0.1
    done
    fail "$1: no 'control API on' line within 10 s"
}

# call METHOD PATH [JSON]: prints the HTTP status; the body lands in $tmp/body.
call() {
    local args=(-s -o "$tmp/body" -w '%{http_code}' -X "$1" -H "Authorization: Bearer $TOKEN")
    [ $# -ge 3 ] && args+=(-H 'Content-Type: application/json' --data "$3")
    curl "${args[@]}" "$URL$2" || echo "curl-failed"
}
expect() {   # expect STATUS METHOD PATH [JSON]
    local want=$1; shift
    local got; got=$(call "$@")
    [ "$got" = "$want" ] || fail "$1 $2 gave HTTP $got, expected $want: $(cat "$tmp/body" 2>/dev/null)"
}
check() {    # check PYTHON-EXPRESSION over the last body as d
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if eval(sys.argv[2]) else 1)' \
        "$tmp/body" "$1" || fail "check failed: $1 on $(cat "$tmp/body")"
}
expect_line() {   # expect_line NAME REGEX
    grep -Eq "$2" "$tmp/$1.out" || fail "$1: stdout has no line matching '$2'"
}

# 1. A new session, driven over HTTP; screenshots of both windows 6 s after start.
"$studio" "$show" --sessions "$tmp/sessions" --live --api 127.0.0.1:0 \
    --screenshot "$tmp/host.png" --screenshot-presenter "$tmp/presenter.png" --screenshot-delay 6 \
    >"$tmp/first.out" 2>"$tmp/first.err" &
studio_pid=$!
wait_api first
case "$URL" in http://127.0.0.1:[1-9]*) ;; *) fail "API address is $URL, expected 127.0.0.1 with a port" ;; esac
expect 200 GET /api/state
check 'd["phase"] == "not-started"'
expect 200 POST /api/start
check 'd["segment"]["index"] == 0'
expect 200 POST /api/next
check 'd["segment"]["id"] == "s-guest-intro"'
expect 200 POST /api/extend '{"seconds": 60}'
check 'd["segment"]["planned_ms"] == 240000'
expect 200 POST /api/message '{"text": "來賓 2 分鐘後要離開 — wrap up"}'
check 'd["message"]["text"].startswith("來賓")'
wait "$studio_pid"
code=$?
studio_pid=""
[ $code -eq 0 ] || fail "first run: exit code $code"
png_check "$tmp/host.png" 1400 900 || fail "host view screenshot"
png_check "$tmp/presenter.png" 1280 720 || fail "presenter screenshot"
expect_line first '^views: live$'
expect_line first '^phase: running$'
expect_line first '^segment: 1 s-guest-intro$'
expect_line first '^countdown: 0[34]:[0-5][0-9]$'     # 4:00 planned after +60 s, a few s gone
expect_line first '^presenter screenshot: .*presenter.png \(1280x720\)$'
session=$(sed -nE 's/^session (.*) \(new\)$/\1/p' "$tmp/first.out" | head -n1)
[ -n "$session" ] && [ -f "$session/journal.jsonl" ] || fail "no session folder with a journal: '$session'"
case "$session" in "$tmp/sessions/"*) ;; *) fail "session $session is not under --sessions" ;; esac

# 2. Resumed with the API: the message came back; Next; then killed like a crash.
"$studio" --resume "$session" --api 127.0.0.1:0 >"$tmp/second.out" 2>"$tmp/second.err" &
studio_pid=$!
wait_api second
expect_line second "^session $session \\(resumed\\)$"
expect 200 GET /api/state
check 'd["segment"]["index"] == 1 and d["segments"][1]["extension_ms"] == 60000'
check 'd["message"] is not None and "wrap up" in d["message"]["text"]'
expect 200 POST /api/next
check 'd["segment"]["index"] == 2 and d["segment"]["id"] == "s-career"'
kill -9 "$studio_pid"
wait "$studio_pid" 2>/dev/null
studio_pid=""

# 3. Resumed after the crash, as a screenshot: the same segment is on air.
"$studio" --resume "$session" --screenshot "$tmp/resumed.png" >"$tmp/third.out" 2>"$tmp/third.err"
code=$?
[ $code -eq 0 ] || fail "resumed screenshot: exit code $code"
png_check "$tmp/resumed.png" 1400 900 || fail "resumed screenshot"
expect_line third '^segment: 2 s-career$'
expect_line third '^phase: running$'
expect_line third '^api: off$'
# It opens on the Live tab, even though the show file it was started from opens beside it
# (the normal, paced loop: a delayed screenshot).
"$studio" --resume "$session" --screenshot "$tmp/resumed-later.png" --screenshot-delay 1 \
    >"$tmp/later.out" 2>"$tmp/later.err" || fail "resumed screenshot after a delay failed"
expect_line later '^file: .*pycast-episode\.json$'
expect_line later '^views: live$'

# 4. A folder that holds no session: a clear error, exit 1, no picture.
"$studio" --resume "$tmp/nothing-here" --screenshot "$tmp/none.png" >"$tmp/none.out" 2>"$tmp/none.err"
code=$?
[ $code -eq 1 ] || fail "--resume of an empty folder: exit code $code, expected 1"
grep -q "holds no session" "$tmp/none.err" || fail "--resume of an empty folder: no clear message"
[ ! -e "$tmp/none.png" ] || fail "--resume of an empty folder still wrote a screenshot"

# 5. A small window (1024x700) with a long message of nine lines in Chinese (about 470 bytes):
# the studio takes it over HTTP and draws both windows (the layout itself is checked headless,
# tests/ui/test_live_view.cpp and test_live_presenter.cpp).
long_message=$(python3 -c 'import json; line="來賓臨時有事需要提早離開，請主持人先感謝來賓"; print(json.dumps({"text": "\n".join([line[:6 + i % 15] for i in range(9)]) + line * 3}))')
"$studio" "$source_dir/shows/enterprise-meetup.json" --live-demo 3100 --size 1024x700 --presenter \
    --api 127.0.0.1:0 --screenshot "$tmp/small.png" --screenshot-presenter "$tmp/small-presenter.png" \
    --screenshot-delay 3 >"$tmp/small.out" 2>"$tmp/small.err" &
studio_pid=$!
wait_api small
expect 200 POST /api/message "$long_message"
check 'd["message"]["text"].count("\n") == 8 and len(d["message"]["text"].encode()) > 400'
wait "$studio_pid"
code=$?
studio_pid=""
[ $code -eq 0 ] || fail "small window: exit code $code"
png_check "$tmp/small.png" 1024 700 || fail "small window screenshot"
png_check "$tmp/small-presenter.png" 1280 720 || fail "small window's presenter screenshot"

# PYCAST_E2E_KEEP=DIR keeps the pictures, to look at them.
if [ -n "${PYCAST_E2E_KEEP:-}" ]; then
    mkdir -p "$PYCAST_E2E_KEEP" && cp "$tmp"/*.png "$PYCAST_E2E_KEEP"/
fi
echo "gui_live: all checks passed"
