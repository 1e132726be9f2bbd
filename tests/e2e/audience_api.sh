#!/usr/bin/env bash
# End-to-end: `pycast live --audience` serves phones over HTTP (curl): PIN, limits, escaping,
# approval over the control API, the generated PIN kept for a resume, the port closed at the end.
set -euo pipefail
: "${PYCAST_CLI:?set PYCAST_CLI to the pycast binary}"
: "${PYCAST_SOURCE_DIR:?set PYCAST_SOURCE_DIR to the source tree}"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/pycast-audience-api.XXXXXX")
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
SHOW="$TMP/show.json"
# The sample episode with topics, so a submission can pick one.
python3 - "$PYCAST_SOURCE_DIR/shows/pycast-episode.json" "$SHOW" <<'PY'
import json, sys
show = json.load(open(sys.argv[1]))
show["topics"] = ["職涯 Career", "技術 Tech"]
json.dump(show, open(sys.argv[2], "w"), ensure_ascii=False, indent=2)
PY

# launch NAME ARGS...: pycast live in the background; sets PID, API (control) and AUD (audience
# page base URL) and PIN from what it prints.
launch() {
    local name=$1; shift
    "$PYCAST_CLI" live "$@" --api 127.0.0.1:0 >"$TMP/out$name" 2>"$TMP/err$name" &
    PID=$!
    API=""; AUD=""; PIN=""
    for _ in $(seq 1 100); do
        API=$(grep -o 'control API on http://127\.0\.0\.1:[0-9]*' "$TMP/out$name" 2>/dev/null | sed 's/control API on //' || true)
        local line
        line=$(grep -o 'audience page on http://127\.0\.0\.1:[0-9]*/?pin=[A-Za-z0-9]*' "$TMP/out$name" 2>/dev/null || true)
        if [[ -n $API && -n $line ]]; then
            AUD=$(sed -E 's#audience page on (http://[^/]*)/.*#\1#' <<<"$line")
            PIN=$(sed -E 's#.*pin=##' <<<"$line")
            return 0
        fi
        kill -0 "$PID" 2>/dev/null || fail "pycast live ($name) exited before it listened"
        sleep 0.1
    done
    fail "pycast live ($name) did not print both addresses within 10 s"
}
# aud METHOD PATH [JSON]: the audience page's API; prints the status, body in $TMP/body,
# headers in $TMP/headers.
aud() {
    local args=(-s -o "$TMP/body" -D "$TMP/headers" -w '%{http_code}' -X "$1")
    if [[ $# -ge 3 ]]; then args+=(-H 'Content-Type: application/json' --data-binary "$3"); fi
    curl "${args[@]}" "$AUD$2" || echo "curl-failed"
}
ctl() {
    local args=(-s -o "$TMP/body" -w '%{http_code}' -X "$1" -H "Authorization: Bearer $TOKEN")
    if [[ $# -ge 3 ]]; then args+=(-H 'Content-Type: application/json' --data-binary "$3"); fi
    curl "${args[@]}" "$API$2" || echo "curl-failed"
}
expect() {  # expect STATUS aud|ctl METHOD PATH [JSON]
    local want=$1; shift
    local got; got=$("$@")
    [[ $got == "$want" ]] || fail "$* gave HTTP $got, expected $want: $(cat "$TMP/body" 2>/dev/null)"
}
check() {  # check PYTHON-EXPRESSION over the last body as `d`
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if eval(sys.argv[2]) else 1)' \
        "$TMP/body" "$1" || fail "check failed: $1 on $(cat "$TMP/body")"
}

TOKEN="aud-$RANDOM-$RANDOM"
DEV_A="phone-aaaaaaaaaaaaaaaaaaaaaa"
DEV_B="phone-bbbbbbbbbbbbbbbbbbbbbb"

# Without --audience-pin a 6-digit PIN is made, printed and kept in session.json.
launch 1 "$SHOW" --session "$SESSION" --control-token "$TOKEN" --audience 127.0.0.1:0
[[ $PIN =~ ^[1-9][0-9]{5}$ ]] || fail "the generated PIN is '$PIN', expected 6 digits"
grep -q "(PIN $PIN)" "$TMP/out1" || fail "the PIN is not printed on its own"
kept=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("audience_pin", ""))' "$SESSION/session.json")
[[ $kept == "$PIN" ]] || fail "session.json keeps PIN '$kept', expected $PIN"

# The page, in the reader's language.
got=$(curl -s -o "$TMP/page" -w '%{http_code}' -H 'Accept-Language: zh-TW,zh;q=0.9' "$AUD/?pin=$PIN")
[[ $got == 200 ]] || fail "GET / gave $got"
grep -q 'lang="zh-Hant"' "$TMP/page" || fail "the page is not in Traditional Chinese for zh-TW"

# Without the right PIN nothing is read or accepted.
expect 403 aud GET "/api/questions"
check 'd["code"] == "wrong-pin"'
expect 403 aud GET "/api/questions?pin=000000"
expect 403 aud POST /api/questions '{"pin":"000000","text":"let me in"}'
check 'd["code"] == "wrong-pin"'

# Every bad request gets its own 4xx and code; nothing is accepted.
expect 400 aud POST /api/questions '{oops'
check 'd["code"] == "bad-json"'
printf '{"pin":"%s","text":"caf\xe9"}' "$PIN" >"$TMP/latin1"
got=$(curl -s -o "$TMP/body" -w '%{http_code}' -H 'Content-Type: application/json' --data-binary @"$TMP/latin1" "$AUD/api/questions")
[[ $got == 400 ]] || fail "Latin-1 text gave $got"
check 'd["code"] == "bad-utf8"'
expect 400 aud POST /api/questions "{\"pin\":\"$PIN\",\"text\":\"  \"}"
check 'd["code"] == "empty-question"'
long=$(python3 -c 'print("問" * 501)')
expect 400 aud POST /api/questions "{\"pin\":\"$PIN\",\"text\":\"$long\"}"
check 'd["code"] == "question-too-long"'
expect 400 aud POST /api/questions "{\"pin\":\"$PIN\",\"text\":\"ok\",\"name\":\"$(python3 -c 'print("n" * 61)')\"}"
check 'd["code"] == "name-too-long"'
expect 400 aud POST /api/questions "{\"pin\":\"$PIN\",\"text\":\"ok\",\"topic\":\"Sports\"}"
check 'd["code"] == "unknown-topic"'
head -c 2097152 /dev/urandom >"$TMP/garbage"
got=$(curl -s -o "$TMP/body" -w '%{http_code}' -H 'Content-Type: application/json' --data-binary @"$TMP/garbage" "$AUD/api/questions")
[[ $got == 413 ]] || fail "2 MB of garbage gave $got, expected 413"
check 'd["code"] == "too-large"'

# A question with markup and control characters is kept as text, the controls stripped.
expect 201 aud POST /api/questions "{\"pin\":\"$PIN\",\"text\":\"<script>alert(1)</script>\\u0007\\r\\nsecond line\",\"name\":\"Amy\\u001b\",\"topic\":\"技術 Tech\",\"device\":\"$DEV_A\"}"
check 'd["state"] == "pending" and d["id"]'
SCRIPT_ID=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$TMP/body")
expect 201 aud POST /api/questions "{\"pin\":\"$PIN\",\"text\":\"職涯：怎麼開始？\",\"device\":\"$DEV_B\"}"
CHINESE_ID=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$TMP/body")

# Pending questions are not shown to the room (the show's own questions are, approved).
expect 200 aud GET "/api/questions?pin=$PIN&device=$DEV_A"
check 'not [q for q in d["questions"] if q["id"] in ("'"$SCRIPT_ID"'", "'"$CHINESE_ID"'")]'
check 'd["on_air"] is None and d["accepting"]'
REV0=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["revision"])' "$TMP/body")

# The producer approves both over the control API; the room sees them, as plain JSON text.
expect 200 ctl POST "/api/questions/$SCRIPT_ID/approve"
expect 200 ctl POST "/api/questions/$CHINESE_ID/approve"
expect 200 aud GET "/api/questions?pin=$PIN&device=$DEV_A"
check 'len([q for q in d["questions"] if q["id"] in ("'"$SCRIPT_ID"'", "'"$CHINESE_ID"'")]) == 2'
check 'd["revision"] > '"$REV0"
check '[q for q in d["questions"] if q["text"] == "<script>alert(1)</script>\nsecond line" and q["name"] == "Amy" and q["topics"] == ["技術 Tech"]]'
grep -q 'application/json' "$TMP/headers" || fail "GET /api/questions is not served as JSON"

# One vote per device; another device counts.
expect 200 aud POST "/api/questions/$CHINESE_ID/vote" "{\"pin\":\"$PIN\",\"device\":\"$DEV_A\"}"
check 'd["votes"] == 1'
expect 409 aud POST "/api/questions/$CHINESE_ID/vote" "{\"pin\":\"$PIN\",\"device\":\"$DEV_A\"}"
check 'd["code"] == "already-voted"'
expect 200 aud POST "/api/questions/$CHINESE_ID/vote" "{\"pin\":\"$PIN\",\"device\":\"$DEV_B\"}"
check 'd["votes"] == 2'
expect 404 aud POST "/api/questions/q999/vote" "{\"pin\":\"$PIN\",\"device\":\"$DEV_A\"}"
check 'd["code"] == "no-such-question"'
expect 200 aud GET "/api/questions?pin=$PIN&device=$DEV_A"
check '[q for q in d["questions"] if q["id"] == "'"$CHINESE_ID"'" and q["votes"] == 2 and q["voted"]]'
check '[q for q in d["questions"] if q["id"] == "'"$SCRIPT_ID"'" and not q["voted"]]'

# A flood from one phone is refused with Retry-After; another phone still gets 201.
flooded=""
for i in $(seq 1 12); do
    got=$(aud POST /api/questions "{\"pin\":\"$PIN\",\"text\":\"flood $i\",\"device\":\"$DEV_A\"}")
    if [[ $got == 429 ]]; then flooded=$i; break; fi
done
[[ -n $flooded ]] || fail "12 submissions at once from one phone were never refused"
check 'd["code"] == "rate-limited"'
grep -qi '^Retry-After: [1-9]' "$TMP/headers" || fail "a 429 without Retry-After"
expect 201 aud POST /api/questions "{\"pin\":\"$PIN\",\"text\":\"still heard\",\"device\":\"phone-cccccccccccccccccccc\"}"

# The end closes the port.
kill -TERM "$PID"
wait "$PID" || true
PID=""
got=$(curl -s -o /dev/null -w '%{http_code}' "$AUD/api/questions?pin=$PIN" || true)
[[ $got == 000 ]] || fail "the audience port still answers ($got) after pycast live ended"

# On a terminal pycast live also shows the URL as a QR code (half blocks) for the room to scan.
if command -v script >/dev/null; then
    # `script` runs the command through $SHELL (or /bin/sh, which may not exec it), so pycast
    # live is found by its command line, not as script's child; `timeout` bounds the whole step.
    SHELL=/bin/sh timeout 30 script -qfec "\"$PYCAST_CLI\" live \"$SHOW\" --session \"$TMP/tty\" --api 127.0.0.1:0 --audience 127.0.0.1:0" \
        /dev/null >"$TMP/tty-out" 2>&1 </dev/null &
    TTY_PID=$!
    for _ in $(seq 1 100); do grep -q 'Ctrl-C ends the show' "$TMP/tty-out" 2>/dev/null && break; sleep 0.1; done
    pkill -INT -f "^$PYCAST_CLI live $SHOW --session $TMP/tty " 2>/dev/null || true
    wait "$TTY_PID" 2>/dev/null || true
    grep -q 'scan this to open the audience page' "$TMP/tty-out" || fail "no QR code on a terminal: $(cat "$TMP/tty-out")"
    grep -q '█' "$TMP/tty-out" || fail "the QR code on the terminal has no blocks"
fi

echo "ok: audience API over pycast live (PIN $PIN, 2 approved, flood refused at $flooded)"
