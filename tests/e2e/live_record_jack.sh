#!/usr/bin/env bash
# End-to-end: `pycast live --record` against a real JACK server (dummy driver): a rehearsal with
# Next, a marker and an answered question stamped with the recorder's sample; a pulled cable
# warned on the terminal; kill -9 mid-take; `--resume --record` repairs take 1 and records
# take 2 after it on one timeline; the end stops the take and the report has the measured
# airtime per speaker and company.
set -euo pipefail
: "${PYCAST_CLI:?set PYCAST_CLI to the pycast binary}"
: "${PYCAST_SOURCE_DIR:?set PYCAST_SOURCE_DIR to the source tree}"
for tool in jackd jack_metro jack_connect jack_disconnect jack_lsp jack_wait ffprobe curl python3; do
    command -v "$tool" >/dev/null || { echo "FAIL: $tool is not installed (tools/dev deps installs it)" >&2; exit 1; }
done

TMP=$(mktemp -d "${TMPDIR:-/tmp}/pycast-live-record.XXXXXX")
JACKD="" METRO="" LIVE=""
cleanup() {
    for pid in $LIVE $METRO; do kill -9 "$pid" 2>/dev/null || true; done
    # jackd gets TERM: a server killed with -9 leaves its entry in JACK's shared registry, and
    # after 8 of those no server starts ("Too many servers already active").
    [[ -n $JACKD ]] && { kill -TERM "$JACKD" 2>/dev/null || true; }
    wait 2>/dev/null || true
    rm -rf "$TMP"
}
trap cleanup EXIT
# shellcheck source=lib/jack.sh
source "$(dirname "$0")/lib/jack.sh"
fail() {
    echo "FAIL: $*" >&2
    for f in "$TMP"/*.out "$TMP"/*.err "$TMP/jackd.log" "$TMP/s/journal.jsonl"; do
        [[ -f $f ]] && { echo "--- $f" >&2; tail -30 "$f" >&2; }
    done
    exit 1
}

start_jack_server "$TMP/jackd.log"
jack_metro -b 120 -n metro >"$TMP/metro.out" 2>&1 &
METRO=$!
for _ in $(seq 100); do jack_lsp | grep -q '^metro:' && break; sleep 0.05; done
CLICK=$(jack_lsp | grep '^metro:' | head -1)
[[ -n $CLICK ]] || fail "jack_metro has no port"

SESSION="$TMP/s"
TOKEN="rec-$RANDOM$RANDOM"
# live NAME ARGS...: pycast live --record in the background; waits for the control API and the
# recorder's JACK ports, feeds the metronome into in_0 only (in_1 stays a pulled cable).
live() {
    local name=$1; shift
    "$PYCAST_CLI" live "$@" --session "$SESSION" --api 127.0.0.1:0 --control-token "$TOKEN" \
        --record --host-api jack --device system --tracks p-host,p-guest \
        >"$TMP/$name.out" 2>"$TMP/$name.err" &
    LIVE=$!
    API=""
    for _ in $(seq 100); do
        API=$(grep -o 'control API on http://127\.0\.0\.1:[0-9]*' "$TMP/$name.out" 2>/dev/null | sed 's/control API on //' || true)
        [[ -n $API ]] && jack_lsp | grep -q '^pycast:in_1$' && break
        kill -0 "$LIVE" 2>/dev/null || fail "pycast live ($name) exited before it listened"
        sleep 0.05
    done
    [[ -n $API ]] || fail "$name: no control API address printed"
    jack_lsp | grep -q '^pycast:in_1$' || fail "$name: pycast's JACK ports did not appear"
    for i in 0 1; do jack_disconnect "system:capture_$((i + 1))" "pycast:in_$i" 2>/dev/null || true; done
    jack_connect "$CLICK" "pycast:in_0"
}
post() {
    local got
    got=$(curl -s -o "$TMP/body" -w '%{http_code}' --max-time 10 -X POST -H "Authorization: Bearer $TOKEN" \
        ${2:+-H 'Content-Type: application/json' --data-binary "$2"} "$API/api/$1")
    [[ $got == 200 ]] || fail "POST /api/$1 gave $got: $(cat "$TMP/body")"
}

# --- take 1: a rehearsal, then kill -9 -----------------------------------------------------------
live take1 "$PYCAST_SOURCE_DIR/shows/pycast-episode.json"
grep -q 'recording take 1 at 48000 Hz' "$TMP/take1.out" || fail "no 'recording take 1' line"
post start
sleep 1
post next
post marker '{"label": "good quote"}'
post question-answered
# The guest's input carries nothing: a "no signal" warning within a few seconds.
for _ in $(seq 60); do grep -q 'no signal' "$TMP/take1.err" && break; sleep 0.1; done
grep -q 'no signal' "$TMP/take1.err" || fail "no 'no signal' warning for the disconnected input"
sleep 1.5
kill -9 "$LIVE"
wait "$LIVE" 2>/dev/null || true
LIVE=""
# JACK drops the dead client's ports a moment later; the next client must not meet them.
for _ in $(seq 100); do jack_lsp | grep -q '^pycast:' || break; sleep 0.05; done
# The tracks take the people's names (the files their slugs), as the journal says.
mapfile -t FILES < <(python3 -c 'import json,sys
for l in open(sys.argv[1], encoding="utf-8"):
    e = json.loads(l)
    if e["type"] == "recorder-start": print("\n".join(t["file"] for t in e["tracks"])); break' "$SESSION/journal.jsonl")
[[ ${#FILES[@]} == 2 ]] || fail "recorder-start lists ${#FILES[@]} tracks, not 2"
TAKE1="$SESSION/${FILES[0]}"
[[ -f $TAKE1 && -f $SESSION/${FILES[1]} ]] || fail "take 1's files are not in tracks/: $(ls "$SESSION/tracks" 2>&1)"
ffprobe -v error "$TAKE1" || fail "ffprobe cannot read take 1 after kill -9"

# --- take 2: resume, repair take 1, record after it ------------------------------------------------
live take2 --resume
grep -q 'recording take 2' "$TMP/take2.out" || fail "the resumed session did not record take 2"
sleep 1
post next
post marker
sleep 1
post end
for _ in $(seq 100); do kill -0 "$LIVE" 2>/dev/null || break; sleep 0.1; done
wait "$LIVE" || fail "pycast live exited $? after POST /api/end"
LIVE=""
[[ -f ${TAKE1%.wav}-take2.wav ]] || fail "no take 2 file: $(ls "$SESSION/tracks")"

# --- the journal: samples on one timeline, take 2 after take 1's repaired length -------------------
python3 - "$SESSION" <<'PY' || fail "the journal's samples do not hold together"
import json, sys, wave
d = sys.argv[1]
ev = [json.loads(l) for l in open(d + "/journal.jsonl", encoding="utf-8")]
starts = [e for e in ev if e["type"] == "recorder-start"]
assert [s["take"] for s in starts] == [1, 2], starts
repair = [e for e in ev if e["type"] == "recorder-repair"]
assert repair and all(r["take"] == 1 for r in repair), repair
take1 = max(r["frames"] for r in repair)
with wave.open(d + "/" + starts[0]["tracks"][0]["file"]) as w:
    assert w.getnframes() == take1, (w.getnframes(), take1)   # the header was repaired
assert starts[1]["start_sample"] == take1, (starts[1], take1)
stops = [e for e in ev if e["type"] == "recorder-stop"]
assert stops and stops[-1]["take"] == 2 and stops[-1]["reason"] == "show ended", stops
# Every event while a take ran carries a sample close to its session ms on that take's timeline
# (the audio clock may drift from the system clock on a loaded machine: 0.25 s + 10 %).
def check(e, s):
    elapsed = (e["t_ms"] - s["t_ms"]) * 48
    expect = s["start_sample"] + elapsed
    assert abs(e["sample"] - expect) < 0.25 * 48000 + 0.1 * elapsed, (e, expect)
    assert e["sample"] >= s["start_sample"], (e, s)
for e in ev:
    if e["type"] in ("next", "marker", "question-answered"):
        s = [s for s in starts if s["seq"] < e["seq"]][-1]
        assert "sample" in e, e
        check(e, s)
marks = [e for e in ev if e["type"] == "marker"]
assert marks[0]["label"] == "good quote" and marks[1]["sample"] > take1, marks
assert any(e["type"] == "recorder-warning" and e["code"] == "no-signal" for e in ev)
PY

# --- the report: measured airtime beside the plan --------------------------------------------------
grep -q '## Airtime measured from the recording' "$SESSION/report.md" || fail "report.md has no measured airtime"
"$PYCAST_CLI" report "$SESSION" >"$TMP/report.out" 2>"$TMP/report.err" || fail "pycast report exited $?"
grep -q 'Airtime measured from the recording' "$TMP/report.out" || fail "pycast report has no measured airtime"
# --- the chapters: on the recording's timeline, for podcast apps and YouTube ----------------------
"$PYCAST_CLI" chapters --format json "$SESSION" >"$TMP/chapters.json" 2>"$TMP/chapters.err" || fail "pycast chapters exited $?"
python3 - "$TMP/chapters.json" "$SESSION" <<'PY' || fail "the chapters do not match the journal"
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
assert doc["version"] == "1.2.0", doc
titles = [c["title"] for c in doc["chapters"]]
assert "good quote" in titles and titles[0] == "開場 Intro", titles
ev = [json.loads(l) for l in open(sys.argv[2] + "/journal.jsonl", encoding="utf-8")]
quote = [e for e in ev if e["type"] == "marker" and e.get("label") == "good quote"][0]
got = [c for c in doc["chapters"] if c["title"] == "good quote"][0]["startTime"]
assert abs(got - quote["sample"] / 48000) < 0.002, (got, quote["sample"])
starts = [c["startTime"] for c in doc["chapters"]]
assert starts == sorted(starts), starts
PY
"$PYCAST_CLI" chapters "$SESSION" >"$TMP/chapters.txt" 2>/dev/null || fail "pycast chapters exited $?"
head -1 "$TMP/chapters.txt" | grep -qE '^0:0[0-9]\.[0-9]{3}  segment  sample [0-9]+  開場 Intro$' ||
    fail "pycast chapters' text does not start with the first segment on the timeline: $(head -1 "$TMP/chapters.txt")"
"$PYCAST_CLI" chapters --format youtube "$SESSION" >"$TMP/youtube.txt" 2>/dev/null || fail "pycast chapters --format youtube exited $?"
head -1 "$TMP/youtube.txt" | grep -q '^0:00 ' || fail "the YouTube list does not start at 0:00: $(head -1 "$TMP/youtube.txt")"
# --- the export: the session's Next presses and markers become the file's chapters, to the ms ------
for fmt in mp3 m4a; do
    "$PYCAST_CLI" export "$SESSION" --format "$fmt" --out "$TMP/exports" --name rehearsal \
        >"$TMP/export-$fmt.out" 2>"$TMP/export-$fmt.err" </dev/null || fail "pycast export --format $fmt exited $?"
    ffprobe -v error -show_chapters -of json "$TMP/exports/rehearsal.$fmt" >"$TMP/probe-$fmt.json" ||
        fail "ffprobe cannot read the exported $fmt"
done
python3 - "$TMP" "$SESSION" <<'PY' || fail "the exported chapters do not match the session"
import json, sys
tmp, session = sys.argv[1], sys.argv[2]
side = json.load(open(tmp + "/exports/rehearsal.chapters.json", encoding="utf-8"))["chapters"]
ev = [json.loads(l) for l in open(session + "/journal.jsonl", encoding="utf-8")]
quote = [e for e in ev if e["type"] == "marker" and e.get("label") == "good quote"][0]
for fmt in ("mp3", "m4a"):
    got = json.load(open(tmp + "/probe-" + fmt + ".json", encoding="utf-8"))["chapters"]
    assert [c["tags"]["title"] for c in got] == [c["title"] for c in side], (fmt, got, side)
    for c, s in zip(got, side):
        assert abs(float(c["start_time"]) - s["startTime"]) < 0.0015, (fmt, c, s)
    q = [c for c in got if c["tags"]["title"] == "good quote"][0]
    # the marker's recorder sample, to the millisecond
    assert abs(float(q["start_time"]) - quote["sample"] / 48000) < 0.0015, (fmt, q, quote["sample"])
assert side[0]["startTime"] == 0 and side[0]["title"] == "開場 Intro", side
PY
echo "ok: live --record, kill -9, resume into take 2 on one timeline, report with airtime, exported to MP3 and M4A with the session's chapters to the ms"
