#!/usr/bin/env bash
# End-to-end: `pycast airtime` on two mic tracks of a conversation made with espeak-ng (two
# voices taking turns, each heard 20 dB down in the other's mic, over a -70 dBFS room noise):
# each speaker's measured talk time is within 5 % of the truth.
#
# Truth: the sum of a speaker's turns, each turn measured as espeak made it from its first to
# its last sound (sox trims leading and trailing silence below 1 % of full scale). The pauses
# espeak leaves between words and at commas (< 300 ms) are inside a turn and count as talking,
# as airtime is usually defined; the turns are single sentences, so no sentence pause (~310 ms
# in espeak) falls inside one.
set -euo pipefail
: "${PYCAST_CLI:?set PYCAST_CLI to the pycast binary}"
for tool in espeak-ng sox soxi python3; do
    command -v "$tool" >/dev/null || { echo "FAIL: $tool is not installed (tools/dev deps)" >&2; exit 1; }
done

TMP=$(mktemp -d "${TMPDIR:-/tmp}/pycast-airtime.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
fail() {
    echo "FAIL: $*" >&2
    for f in out err; do [[ -f $TMP/$f ]] && { echo "--- $f:" >&2; cat "$TMP/$f" >&2; }; done
    exit 1
}

RATE=48000
GAP=0.7  # seconds of room between turns
# Six turns, 4–12 s each as espeak speaks them: speaker (A/B), voice, text.
TURNS=(
    "A|en-us|Welcome to the show, today we talk about recording podcasts with open source tools and the people who build them"
    "B|en-gb+f3|Thanks for having me, I have been recording interviews for years and the hardest part is always the sound"
    "A|en-us|So what goes wrong first when a new team records its very first episode in an office meeting room"
    "B|en-gb+f3|Usually the guest sits too far from the microphone, the room is full of echo, the laptop fan is loud, and nobody notices until the edit when it is far too late to fix any of it"
    "A|en-us|That sounds painful, how do you check the levels before you start recording"
    "B|en-gb+f3|A short soundcheck with every microphone, then I watch the meters the whole time"
)

# Each turn: espeak → 48 kHz mono 24-bit, trimmed at both ends; its length is the truth.
: >"$TMP/a.list"
: >"$TMP/b.list"
truth_a=0
truth_b=0
i=0
for turn in "${TURNS[@]}"; do
    IFS='|' read -r who voice text <<<"$turn"
    espeak-ng -v "$voice" -s 165 -w "$TMP/raw$i.wav" "$text"
    sox "$TMP/raw$i.wav" -r $RATE -b 24 "$TMP/turn$i.wav" rate -v $RATE \
        silence 1 0.05 1% reverse silence 1 0.05 1% reverse
    len=$(soxi -D "$TMP/turn$i.wav")
    sox -n -r $RATE -b 24 -c 1 "$TMP/quiet$i.wav" trim 0 "$len"
    if [[ $who == A ]]; then
        truth_a=$(python3 -c "print($truth_a + $len)")
        echo "$TMP/turn$i.wav" >>"$TMP/a.list"
        echo "$TMP/quiet$i.wav" >>"$TMP/b.list"
    else
        truth_b=$(python3 -c "print($truth_b + $len)")
        echo "$TMP/quiet$i.wav" >>"$TMP/a.list"
        echo "$TMP/turn$i.wav" >>"$TMP/b.list"
    fi
    i=$((i + 1))
done
sox -n -r $RATE -b 24 -c 1 "$TMP/gap.wav" trim 0 $GAP

# voice A and voice B on one timeline (the other's turns as silence), with a gap before each turn.
join() {
    local list=$1 out=$2 parts=()
    while read -r f; do parts+=("$TMP/gap.wav" "$f"); done <"$list"
    parts+=("$TMP/gap.wav")
    sox "${parts[@]}" "$out"
}
join "$TMP/a.list" "$TMP/voice_a.wav"
join "$TMP/b.list" "$TMP/voice_b.wav"
total=$(soxi -D "$TMP/voice_a.wav")
sox -n -r $RATE -b 24 -c 1 "$TMP/noise_a.wav" synth "$total" whitenoise vol -70dB
sox -n -r $RATE -b 24 -c 1 "$TMP/noise_b.wav" synth "$total" pinknoise vol -70dB

# Each mic: its own voice, the other voice 20 dB down (bleed), room noise.
sox -m -v 1 "$TMP/voice_a.wav" -v 0.1 "$TMP/voice_b.wav" -v 1 "$TMP/noise_a.wav" -b 24 "$TMP/host.wav"
sox -m -v 1 "$TMP/voice_b.wav" -v 0.1 "$TMP/voice_a.wav" -v 1 "$TMP/noise_b.wav" -b 24 "$TMP/guest.wav"

rc=0
"$PYCAST_CLI" airtime "$TMP/host.wav" "$TMP/guest.wav" --names Host,Guest --json >"$TMP/out" 2>"$TMP/err" || rc=$?
[[ $rc == 0 ]] || fail "pycast airtime exited $rc"
python3 - "$TMP/out" "$truth_a" "$truth_b" <<'EOF' || fail "airtime off the truth"
import json, sys
report = json.load(open(sys.argv[1]))
truth = {"Host": float(sys.argv[2]) * 1000, "Guest": float(sys.argv[3]) * 1000}
ok = True
for t in report["tracks"]:
    want = truth[t["name"]]
    err = (t["talk_ms"] - want) / want
    print(f"{t['name']}: measured {t['talk_ms']} ms, truth {want:.0f} ms ({err * 100:+.1f} %)")
    ok &= abs(err) <= 0.05
sys.exit(0 if ok else 1)
EOF

# The text form names each speaker with time and share, and the total.
"$PYCAST_CLI" airtime "$TMP/host.wav" "$TMP/guest.wav" --names Host,Guest >"$TMP/out" 2>"$TMP/err" ||
    fail "pycast airtime (text) failed"
grep -Eq '^Host +[0-9]+:[0-9]{2} +\([0-9]+%\)' "$TMP/out" || fail "no Host line"
grep -Eq '^Guest +[0-9]+:[0-9]{2} +\([0-9]+%\)' "$TMP/out" || fail "no Guest line"
grep -q '^total speech' "$TMP/out" || fail "no total line"

# Bad input: a missing file and a file that is not a WAV are named; wrong --names count is usage.
rc=0
"$PYCAST_CLI" airtime "$TMP/host.wav" "$TMP/nope.wav" >"$TMP/out" 2>"$TMP/err" || rc=$?
[[ $rc == 1 ]] || fail "a missing file: exit $rc, expected 1"
grep -q "nope.wav" "$TMP/err" || fail "the missing file is not named"
echo "not audio" >"$TMP/text.wav"
rc=0
"$PYCAST_CLI" airtime "$TMP/text.wav" >"$TMP/out" 2>"$TMP/err" || rc=$?
[[ $rc == 1 ]] || fail "a text file: exit $rc, expected 1"
grep -q "text.wav" "$TMP/err" || fail "the bad file is not named"
rc=0
"$PYCAST_CLI" airtime "$TMP/host.wav" "$TMP/guest.wav" --names Host >"$TMP/out" 2>"$TMP/err" || rc=$?
[[ $rc == 2 ]] || fail "one name for two tracks: exit $rc, expected 2"
sox -n -r 44100 -b 16 -c 1 "$TMP/cd.wav" synth 1 sine 440
rc=0
"$PYCAST_CLI" airtime "$TMP/host.wav" "$TMP/cd.wav" >"$TMP/out" 2>"$TMP/err" || rc=$?
[[ $rc == 1 ]] || fail "mixed rates: exit $rc, expected 1"
grep -q "cd.wav" "$TMP/err" || fail "the mismatched file is not named"
echo "e2e.airtime: ok"
