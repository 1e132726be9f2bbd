#!/usr/bin/env bash
# End-to-end: phones submit and vote while `pycast live --audience` is killed with -9; after
# --resume every question that got a 201 is there, pending, and every vote that got a 200 counts.
set -euo pipefail
: "${PYCAST_CLI:?set PYCAST_CLI to the pycast binary}"
: "${PYCAST_SOURCE_DIR:?set PYCAST_SOURCE_DIR to the source tree}"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/pycast-audience-resume.XXXXXX")
PID=""
cleanup() {
    if [[ -n $PID ]] && kill -0 "$PID" 2>/dev/null; then kill -9 "$PID" 2>/dev/null || true; fi
    wait 2>/dev/null || true
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
TOKEN="resume-$RANDOM-$RANDOM"
PIN=123456

launch() {  # launch NAME ARGS...: sets PID, API and AUD from what pycast live prints
    local name=$1; shift
    "$PYCAST_CLI" live "$@" --api 127.0.0.1:0 --control-token "$TOKEN" \
        --audience 127.0.0.1:0 >"$TMP/out$name" 2>"$TMP/err$name" &
    PID=$!
    API=""; AUD=""
    for _ in $(seq 1 100); do
        API=$(grep -o 'control API on http://127\.0\.0\.1:[0-9]*' "$TMP/out$name" 2>/dev/null | sed 's/control API on //' || true)
        AUD=$(grep -o 'audience page on http://127\.0\.0\.1:[0-9]*' "$TMP/out$name" 2>/dev/null | sed 's/audience page on //' || true)
        [[ -n $API && -n $AUD ]] && return 0
        kill -0 "$PID" 2>/dev/null || fail "pycast live ($name) exited before it listened"
        sleep 0.1
    done
    fail "pycast live ($name) did not print both addresses within 10 s"
}
status_of() {  # status_of METHOD URL [JSON]: the HTTP status; the body in $TMP/body
    local args=(-s -o "$TMP/body" -w '%{http_code}' -X "$1" -H "Authorization: Bearer $TOKEN")
    if [[ $# -ge 3 ]]; then args+=(-H 'Content-Type: application/json' --data-binary "$3"); fi
    curl "${args[@]}" "$2" || true
}
id_of_body() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$1"; }

launch 1 "$SHOW" --session "$SESSION" --audience-pin "$PIN"
grep -q "pin=$PIN" "$TMP/out1" || fail "the audience URL does not carry the PIN"

# Five questions approved before the rush, for the phones to vote on.
VOTABLE=()
for i in 1 2 3 4 5; do
    got=$(status_of POST "$AUD/api/questions" "{\"pin\":\"$PIN\",\"text\":\"warm-up $i\"}")
    [[ $got == 201 ]] || fail "warm-up submission $i gave $got: $(cat "$TMP/body")"
    id=$(id_of_body "$TMP/body")
    got=$(status_of POST "$API/api/questions/$id/approve")
    [[ $got == 200 ]] || fail "approving $id gave $got: $(cat "$TMP/body")"
    VOTABLE+=("$id")
done

# The rush: every phone submits once and votes once, each in its own curl, spread over ~1 s;
# pycast live is killed with -9 in the middle of it.
mkdir -p "$TMP/sub" "$TMP/vote"
rush() {
    for n in $(seq 1 200); do
        local device; device=$(printf 'phone-%04d-abcdefgh' "$n")
        curl -s -o "$TMP/sub/$n.body" -w '%{http_code}' --max-time 10 \
            -H 'Content-Type: application/json' \
            --data-binary "{\"pin\":\"$PIN\",\"text\":\"問題 number $n from the rush\",\"device\":\"$device\"}" \
            "$AUD/api/questions" >"$TMP/sub/$n.status" 2>/dev/null &
        local target=${VOTABLE[$(( n % 5 ))]}
        echo "$target $device" >"$TMP/vote/$n.what"
        curl -s -o "$TMP/vote/$n.body" -w '%{http_code}' --max-time 10 \
            -H 'Content-Type: application/json' \
            --data-binary "{\"pin\":\"$PIN\",\"device\":\"$device\"}" \
            "$AUD/api/questions/$target/vote" >"$TMP/vote/$n.status" 2>/dev/null &
        sleep 0.005
    done
    wait
}
rush &
RUSH=$!
sleep 1.5
kill -9 "$PID"
wait "$PID" 2>/dev/null || true
PID=""
wait "$RUSH" || true

ACKED=()
for f in "$TMP"/sub/*.status; do
    [[ $(cat "$f") == 201 ]] && ACKED+=("$(id_of_body "${f%.status}.body")")
done
voted=0
for f in "$TMP"/vote/*.status; do [[ $(cat "$f") == 200 ]] && voted=$((voted + 1)); done
lost=$(grep -L '^20[01]$' "$TMP"/sub/*.status | wc -l)
(( ${#ACKED[@]} > 0 )) || fail "no submission got a 201 before the kill (the rush came too late)"
(( lost > 0 )) || fail "every submission was answered before the kill: nothing was in flight"

# Resume without --audience-pin: the session keeps its PIN.
launch 2 --resume --session "$SESSION"
grep -q "pin=$PIN" "$TMP/out2" || fail "the resumed session does not keep its audience PIN"

# Every acknowledged question is there and still pending: approving it works (404 if lost,
# 409 if it were in another state). Every acknowledged vote counts: the device's "voted" flag is
# set for its question. One python3 for the few hundred requests.
python3 - "$API" "$AUD" "$TOKEN" "$PIN" "$TMP" <<'PY' || fail "an acknowledged submission or vote is missing after --resume"
import glob, json, sys, urllib.error, urllib.request
api, aud, token, pin, tmp = sys.argv[1:6]
def call(method, url, headers={}):
    req = urllib.request.Request(url, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, json.load(r)
    except urllib.error.HTTPError as e:
        return e.code, json.load(e)
acked = []
for status in glob.glob(tmp + "/sub/*.status"):
    if open(status).read() == "201":
        acked.append(json.load(open(status[:-len(".status")] + ".body"))["id"])
for qid in acked:
    code, body = call("POST", f"{api}/api/questions/{qid}/approve",
                      {"Authorization": "Bearer " + token})
    if code != 200:
        sys.exit(f"{qid} got a 201 before the crash; approving it after --resume gave {code}: {body}")
code, body = call("GET", f"{aud}/api/questions?pin={pin}")
rush = {q["id"] for q in body["questions"] if "from the rush" in q["text"]}
if rush != set(acked):
    sys.exit(f"after resume the room sees {len(rush)} rush questions, {len(acked)} were acknowledged")
for status in glob.glob(tmp + "/vote/*.status"):
    if open(status).read() != "200":
        continue
    target, device = open(status[:-len(".status")] + ".what").read().split()
    code, body = call("GET", f"{aud}/api/questions?pin={pin}&device={device}")
    if not [q for q in body["questions"] if q["id"] == target and q["voted"]]:
        sys.exit(f"the vote of {device} for {target} got a 200 before the crash but is gone")
PY

kill -TERM "$PID"
wait "$PID" || true
PID=""
echo "ok: kill -9 during a rush; ${#ACKED[@]} acknowledged submissions and $voted acknowledged votes all back after --resume ($lost submissions unanswered)"
