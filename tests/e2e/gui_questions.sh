#!/usr/bin/env bash
# GUI questions end-to-end: the real pycast-studio under Xvfb, live with its control API. Questions
# come in over HTTP; the producer's keys (xdotool) approve one (A), switch to the queue (2), put it
# on air (O), mark it answered (Enter) and undo that (Ctrl+Z); GET /api/moderation and
# GET /api/state see each step. Then screenshots of the Questions panel and the presenter with the
# question on air (--live-demo --demo-questions), at 1280x800 and 1024x700; the audience page
# switched on, its QR code on the presenter read back by zbarimg as the URL.
set -u

studio=${PYCAST_STUDIO:?set PYCAST_STUDIO to the pycast-studio binary}
source_dir=${PYCAST_SOURCE_DIR:?set PYCAST_SOURCE_DIR to the repository}

for tool in Xvfb curl python3 xdotool; do
    command -v $tool >/dev/null || { echo "FAIL: $tool is not installed (tools/dev deps)"; exit 1; }
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
        [ -s "$f" ] && { echo "--- $f"; tail -n 40 "$f"; }
    done
    exit 1
}

Xvfb -displayfd 3 -screen 0 2400x1200x24 -nolisten tcp 3>"$tmp/display" 2>"$tmp/xvfb.err" &
xvfb_pid=$!
for _ in $(seq 1 50); do [ -s "$tmp/display" ] && break; sleep 0.1; done
[ -s "$tmp/display" ] || fail "Xvfb did not start"
export DISPLAY=":$(head -n1 "$tmp/display")"
export PYCAST_SESSIONS_DIR="$tmp/sessions"
export PYCAST_CONFIG_DIR="$tmp/config"

call() {   # call METHOD PATH [JSON]: prints the HTTP status; the body lands in $tmp/body
    local args=(-s -o "$tmp/body" -w '%{http_code}' -X "$1" -H "Authorization: Bearer $TOKEN")
    [ $# -ge 3 ] && args+=(-H 'Content-Type: application/json' --data "$3")
    curl "${args[@]}" "$URL$2" || echo "curl-failed"
}
expect() {   # expect STATUS METHOD PATH [JSON]
    local want=$1; shift
    local got; got=$(call "$@")
    [ "$got" = "$want" ] || fail "$1 $2 gave HTTP $got, expected $want: $(cat "$tmp/body" 2>/dev/null)"
}
value() {   # value PYTHON-EXPRESSION over the last body as d: prints it
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$tmp/body" "$1"
}
# state_of ID: the question's state in GET /api/moderation.
state_of() {
    expect 200 GET /api/moderation
    value "[q['state'] for q in d['questions'] if q['id'] == '$1'][0]"
}
# until_state ID STATE: the keys act on the next frame; wait up to 5 s for it.
until_state() {
    local got=""
    for _ in $(seq 1 50); do
        got=$(state_of "$1")
        [ "$got" = "$2" ] && return 0
        sleep 0.1
    done
    fail "question $1 is $got, expected $2"
}

# The AMA without its pre-submitted questions: the queue holds only what this test sends.
python3 - "$source_dir/shows/pycast-ama.json" "$tmp/ama.json" <<'PY'
import json, sys
show = json.load(open(sys.argv[1]))
show["questions"] = []
json.dump(show, open(sys.argv[2], "w"), ensure_ascii=False)
PY

# 1. Live, wide enough for the rundown and the questions side by side.
"$studio" "$tmp/ama.json" --live --api 127.0.0.1:0 --size 1900x1000 \
    >"$tmp/studio.out" 2>"$tmp/studio.err" &
studio_pid=$!
URL=""
for _ in $(seq 1 100); do
    line=$(grep -m1 '^control API on ' "$tmp/studio.out" 2>/dev/null)
    if [ -n "$line" ]; then
        URL=$(echo "$line" | sed -E 's/^control API on ([^ ]+) .*/\1/')
        TOKEN=$(echo "$line" | sed -E 's/.*\(token ([^)]+)\).*/\1/')
        break
    fi
    kill -0 "$studio_pid" 2>/dev/null || fail "the studio exited before its API listened"
    sleep 0.1
done
[ -n "$URL" ] || fail "no 'control API on' line within 10 s"

expect 200 POST /api/start
# Two of the producer's questions (they enter approved); the first is sent back to review.
expect 201 POST /api/questions '{"text": "第一題：新人第一個月做什麼？ <script>alert(1)</script>"}'
first=$(value "d['question']['id']")
expect 201 POST /api/questions '{"text": "Second: will the slides be shared?"}'
second=$(value "d['question']['id']")
expect 200 POST "/api/questions/$first/unapprove"
[ "$(state_of "$first")" = "pending" ] || fail "$first is not pending after unapprove"

win=$(timeout 20 xdotool search --sync --name "PyCast Studio" | head -1)
[ -n "$win" ] || fail "no studio window"
xdotool windowfocus "$win"
sleep 1
key() { xdotool key --window "$win" "$@"; sleep 0.4; }

# 2. The producer's keys: Down selects the one waiting, A approves it.
key Down
key a
until_state "$first" approved
# 2 shows the queue (oldest first at equal votes), Down selects the first, O puts it on air.
key 2
key Down
key o
until_state "$first" on-air
expect 200 GET /api/state
[ "$(value "d['questions']['on_air']['id']")" = "$first" ] || fail "/api/state has another question on air"
# Enter: answered. Ctrl+Z takes it back (reopened, on air again), both journaled.
key Return
until_state "$first" answered
key ctrl+z
until_state "$first" on-air
[ "$(state_of "$second")" = "approved" ] || fail "$second changed: $(state_of "$second")"
session=$(sed -nE 's/^session (.*) \(new\)$/\1/p' "$tmp/studio.out" | head -n1)
[ -f "$session/journal.jsonl" ] || fail "no journal in '$session'"
for t in question-approve question-on-air question-answered question-reopen; do
    grep -q "\"$t\"" "$session/journal.jsonl" || fail "the journal has no $t event"
done
kill -0 "$studio_pid" 2>/dev/null || fail "the studio exited"
kill -9 "$studio_pid"
wait "$studio_pid" 2>/dev/null
studio_pid=""

# 3. Pictures of the panel and the presenter with a question on air, at two window sizes.
for size in 1280x800 1024x700; do
    w=${size%x*}
    h=${size#*x}
    "$studio" "$source_dir/shows/pycast-ama.json" --live-demo 1500 --demo-questions --size "$size" \
        --screenshot "$tmp/questions-$size.png" --screenshot-presenter "$tmp/presenter-$size.png" \
        >"$tmp/shot-$size.out" 2>"$tmp/shot-$size.err" || fail "screenshot at $size failed"
    python3 "$source_dir/tests/e2e/lib/png_check.py" "$tmp/questions-$size.png" "$w" "$h" 20 ||
        fail "questions screenshot at $size"
    python3 "$source_dir/tests/e2e/lib/png_check.py" "$tmp/presenter-$size.png" 1280 720 20 ||
        fail "presenter screenshot at $size"
done

# 4. The audience page switched on (127.0.0.1, a free port) with its QR code full screen on the
# presenter: zbarimg reads the picture back as the URL the studio printed, and the page answers.
command -v zbarimg >/dev/null || fail "zbarimg is not installed (zbar-tools; tools/dev deps)"
"$studio" "$source_dir/shows/pycast-ama.json" --live-demo 1500 --demo-questions --demo-audience \
    --size 1280x800 --screenshot "$tmp/audience.png" --screenshot-presenter "$tmp/presenter-qr.png" \
    --screenshot-delay 2 >"$tmp/qr.out" 2>"$tmp/qr.err" &
studio_pid=$!
page=""
for _ in $(seq 1 100); do
    page=$(sed -nE 's/^audience: (http[^ ]+)$/\1/p' "$tmp/qr.out" | head -n1)
    [ -n "$page" ] && break
    kill -0 "$studio_pid" 2>/dev/null || fail "--demo-audience: the studio exited without an audience URL"
    sleep 0.1
done
case "$page" in http://127.0.0.1:[1-9]*/\?pin=[0-9A-Za-z]*) ;; *) fail "audience URL is '$page'" ;; esac
pin=${page##*pin=}
got=$(curl -s -o "$tmp/page.json" -w '%{http_code}' "${page%%/\?*}/api/questions?pin=$pin")
[ "$got" = "200" ] || fail "GET /api/questions on the audience page gave $got"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); q=d["on_air"]; sys.exit(0 if q and "free-threading" in q["text"] else 1)' \
    "$tmp/page.json" || fail "the audience page does not show the question on air: $(cat "$tmp/page.json")"
wait "$studio_pid" || fail "--demo-audience run failed"
studio_pid=""
decoded=$(zbarimg --raw -q --nodbus "$tmp/presenter-qr.png" 2>/dev/null)
[ "$decoded" = "$page" ] || fail "the presenter's QR code reads '$decoded', expected '$page'"

if [ -n "${PYCAST_E2E_KEEP:-}" ]; then
    mkdir -p "$PYCAST_E2E_KEEP" && cp "$tmp"/*.png "$PYCAST_E2E_KEEP"/
fi
echo "gui_questions: all checks passed"
