#!/usr/bin/env bash
# End-to-end: phones vote in an open poll, and change their votes, from several curl loops while
# `pycast live --audience` is killed with -9; after --resume every vote that got a 200 counts, and
# nothing else does (only a vote still in flight at the kill may count or not: it may have reached
# the journal without its answer reaching the phone).
set -euo pipefail
: "${PYCAST_CLI:?set PYCAST_CLI to the pycast binary}"
: "${PYCAST_SOURCE_DIR:?set PYCAST_SOURCE_DIR to the source tree}"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/pycast-poll-resume.XXXXXX")
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
SHOW="$PYCAST_SOURCE_DIR/shows/pycast-ama.json"  # holds the poll "poll-next-topic"
POLL=poll-next-topic
TOKEN="resume-$RANDOM-$RANDOM"
PIN=123456
LOOPS=6
DEVICES=40  # per loop; each votes, then changes its vote

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

launch 1 "$SHOW" --session "$SESSION" --audience-pin "$PIN"
got=$(curl -s -o "$TMP/body" -w '%{http_code}' -X POST -H "Authorization: Bearer $TOKEN" \
    "$API/api/polls/$POLL/open" || true)
[[ $got == 200 ]] || fail "opening $POLL gave $got: $(cat "$TMP/body")"

# One loop: its phones one after another, each voting and then changing its vote, one curl at a
# time, each request's device, option and HTTP status written down in order. A request without
# an answer (000: pycast live is gone) ends the loop: it is the loop's one vote in flight.
OPTIONS=(AI Web DevOps Data 職涯)
loop() {
    local l=$1 out="$TMP/loop$1.tsv"
    for n in $(seq 1 "$DEVICES"); do
        local device; device=$(printf 'phone-%02d-%03d-abcdefgh' "$l" "$n")
        for step in 0 2; do
            local option=${OPTIONS[$(( (l + n + step) % 5 ))]}
            local code
            code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 \
                -H 'Content-Type: application/json' \
                --data-binary "{\"pin\":\"$PIN\",\"device\":\"$device\",\"option\":\"$option\"}" \
                "$AUD/api/polls/$POLL/vote" 2>/dev/null || true)
            printf '%s\t%s\t%s\n' "$device" "$option" "${code:-000}" >>"$out"
            [[ ${code:-000} == 000 ]] && return 0
        done
    done
}
for l in $(seq 1 $LOOPS); do loop "$l" & done
# The kill comes once 40 votes were answered (of 480), however slow the machine is today.
for _ in $(seq 1 200); do
    (( $(cat "$TMP"/loop*.tsv 2>/dev/null | grep -c $'\t200$' || true) >= 40 )) && break
    sleep 0.05
done
kill -9 "$PID"
wait "$PID" 2>/dev/null || true
PID=""
wait || true

acked=$(cat "$TMP"/loop*.tsv | awk -F'\t' '$3 == 200' | wc -l)
flying=$(cat "$TMP"/loop*.tsv | awk -F'\t' '$3 == "000"' | wc -l)
(( acked > 0 )) || fail "no vote got a 200 before the kill (the loops came too late)"
(( flying > 0 )) || fail "every loop finished before the kill: nothing was in flight"

launch 2 --resume --session "$SESSION"
grep -q "pin=$PIN" "$TMP/out2" || fail "the resumed session does not keep its audience PIN"

# Each device's choice after the resume, from the audience API (what its phone sees) and the
# producer's counts from the control API: both must be what the 200s said.
python3 - "$API" "$AUD" "$TOKEN" "$PIN" "$POLL" "$TMP" <<'PY' || fail "an acknowledged vote is missing, or an unacknowledged one counts, after --resume"
import collections, glob, json, sys, urllib.parse, urllib.request
api, aud, token, pin, poll, tmp = sys.argv[1:7]
def get(url, headers={}):
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=10) as r:
        return json.load(r)
allowed = {}  # device -> the choices it may have now
for path in glob.glob(tmp + "/loop*.tsv"):
    for line in open(path, encoding="utf-8"):
        device, option, code = line.rstrip("\n").split("\t")
        had = allowed.setdefault(device, {None})
        if code == "200":
            allowed[device] = {option}
        elif code == "000":  # in flight at the kill: on disk or not
            allowed[device] = had | {option}
        # any other answer (429, 503) was refused: nothing kept
tally = collections.Counter()
for device, choices in sorted(allowed.items()):
    q = urllib.parse.urlencode({"pin": pin, "device": device})
    polls = get(f"{aud}/api/polls?{q}")["polls"]
    mine = [p for p in polls if p["id"] == poll]
    if not mine:
        sys.exit(f"after resume the room does not see {poll}: {polls}")
    voted = mine[0]["voted"]
    if voted not in choices:
        sys.exit(f"{device} shows {voted!r} after resume; its answered votes allow only {choices}")
    if voted is not None:
        tally[voted] += 1
counts = {p["id"]: p for p in get(f"{api}/api/polls", {"Authorization": "Bearer " + token})["polls"]}
p = counts[poll]
got = {o["label"]: o["votes"] for o in p["options"]}
want = {label: tally.get(label, 0) for label in got}
if got != want or p["votes"] != sum(tally.values()):
    sys.exit(f"the producer's counts {got} (total {p['votes']}) are not the phones' {want}")
if p["state"] != "open":
    sys.exit(f"{poll} is {p['state']} after resume, expected still open")
PY

# Still open after the resume: a phone can change its vote.
first=$(awk -F'\t' '$3 == 200 {print $1; exit}' "$TMP"/loop*.tsv)
got=$(curl -s -o "$TMP/body" -w '%{http_code}' -H 'Content-Type: application/json' \
    --data-binary "{\"pin\":\"$PIN\",\"device\":\"$first\",\"option\":\"DevOps\"}" \
    "$AUD/api/polls/$POLL/vote" || true)
[[ $got == 200 ]] || fail "a vote after --resume gave $got: $(cat "$TMP/body")"
grep -q '"voted":"DevOps"' "$TMP/body" || fail "the vote after --resume answered $(cat "$TMP/body")"

kill -TERM "$PID"
wait "$PID" || true
PID=""
echo "ok: kill -9 during poll votes; $acked acknowledged votes all counted after --resume ($flying in flight)"
