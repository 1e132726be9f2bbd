#!/usr/bin/env bash
# End-to-end: `pycast airtime` on three mic tracks of a conversation made with espeak-ng (three
# voices — American and British English, Mandarin — taking turns, each heard 20 dB down in the
# other mics, over -70 dBFS room noise): each speaker's measured talk time is within 5 % of the
# truth; the text form, and files that cannot be measured.
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
NAMES=(Host Guest 來賓)  # one mic each; 來賓 ("guest") speaks Mandarin
# Seven turns, 4–12 s each as espeak speaks them: speaker (index into NAMES), voice, text.
TURNS=(
    "0|en-us|Welcome to the show, today we talk about recording podcasts with open source tools and the people who build them"
    "1|en-gb+f3|Thanks for having me, I have been recording interviews for years and the hardest part is always the sound"
    "2|cmn|谢谢你们邀请我，我在台北做播客已经五年了，每一集都有不同的来宾"
    "0|en-us|So what goes wrong first when a new team records its very first episode in an office meeting room"
    "1|en-gb+f3|Usually the guest sits too far from the microphone, the room is full of echo, the laptop fan is loud, and nobody notices until the edit when it is far too late to fix any of it"
    "2|cmn|每个麦克风都做一次简短的试音，然后我一直看着电平表，有问题马上处理"
    "0|en-us|That sounds painful, how do you check the levels before you start recording"
)

# Each turn: espeak → 48 kHz mono 24-bit, trimmed at both ends; its length is the truth. Each
# speaker's voice goes on one timeline, with silence where the others talk and a gap before
# every turn.
truth=()
lists=()
for s in "${!NAMES[@]}"; do
    truth[s]=0
    lists[s]="$TMP/list$s"
    : >"${lists[s]}"
done
sox -n -r $RATE -b 24 -c 1 "$TMP/gap.wav" trim 0 $GAP
i=0
for turn in "${TURNS[@]}"; do
    IFS='|' read -r who voice text <<<"$turn"
    espeak-ng -v "$voice" -s 165 -w "$TMP/raw$i.wav" "$text"
    sox "$TMP/raw$i.wav" -r $RATE -b 24 "$TMP/turn$i.wav" rate -v $RATE \
        silence 1 0.05 1% reverse silence 1 0.05 1% reverse
    len=$(soxi -D "$TMP/turn$i.wav")
    sox -n -r $RATE -b 24 -c 1 "$TMP/quiet$i.wav" trim 0 "$len"
    truth[who]=$(python3 -c "print(${truth[who]} + $len)")
    for s in "${!NAMES[@]}"; do
        if [[ $s == "$who" ]]; then part="$TMP/turn$i.wav"; else part="$TMP/quiet$i.wav"; fi
        printf '%s\n%s\n' "$TMP/gap.wav" "$part" >>"${lists[s]}"
    done
    i=$((i + 1))
done
for s in "${!NAMES[@]}"; do
    echo "$TMP/gap.wav" >>"${lists[s]}"
    mapfile -t parts <"${lists[s]}"
    sox "${parts[@]}" "$TMP/voice$s.wav"
done
total=$(soxi -D "$TMP/voice0.wav")

# Each mic: its own voice, every other voice 20 dB down (bleed), and room noise at -70 dBFS
# (sox -R: the same noise on every run).
tracks=()
for s in "${!NAMES[@]}"; do
    sox -R -n -r $RATE -b 24 -c 1 "$TMP/noise$s.wav" synth "$total" pinknoise vol -70dB
    inputs=(-v 1 "$TMP/voice$s.wav" -v 1 "$TMP/noise$s.wav")
    for o in "${!NAMES[@]}"; do [[ $o == "$s" ]] || inputs+=(-v 0.1 "$TMP/voice$o.wav"); done
    sox -R -m "${inputs[@]}" -b 24 "$TMP/mic$s.wav"
    tracks+=("$TMP/mic$s.wav")
done
names=$(IFS=,; echo "${NAMES[*]}")
truths=$(IFS=,; echo "${truth[*]}")

rc=0
"$PYCAST_CLI" airtime "${tracks[@]}" --names "$names" --json >"$TMP/out" 2>"$TMP/err" || rc=$?
[[ $rc == 0 ]] || fail "pycast airtime exited $rc"
python3 - "$TMP/out" "$names" "$truths" <<'EOF' || fail "airtime off the truth"
import json, sys
report = json.load(open(sys.argv[1]))
truth = dict(zip(sys.argv[2].split(","), (float(t) * 1000 for t in sys.argv[3].split(","))))
ok = len(report["tracks"]) == len(truth)
for t in report["tracks"]:
    want = truth[t["name"]]
    err = (t["talk_ms"] - want) / want
    print(f"{t['name']}: measured {t['talk_ms']} ms, truth {want:.0f} ms ({err * 100:+.1f} %)")
    ok &= abs(err) <= 0.05
sys.exit(0 if ok else 1)
EOF

# The text form names each speaker with time and share (names lined up, 來賓 two columns a
# character), and the total.
"$PYCAST_CLI" airtime "${tracks[@]}" --names "$names" >"$TMP/out" 2>"$TMP/err" ||
    fail "pycast airtime (text) failed"
grep -Eq '^Host {5}[0-9]+:[0-9]{2} +\([0-9]+%\)$' "$TMP/out" || fail "no Host line"
grep -Eq '^Guest {4}[0-9]+:[0-9]{2} +\([0-9]+%\)$' "$TMP/out" || fail "no Guest line"
grep -Eq '^來賓 {5}[0-9]+:[0-9]{2} +\([0-9]+%\)$' "$TMP/out" || fail "no 來賓 line"
grep -Eq '^total speech [0-9]+:[0-9]{2} of [0-9]+:[0-9]{2} recorded$' "$TMP/out" || fail "no total line"

# Bad input: a missing file and a file that is not a WAV are named; wrong --names count is usage.
rc=0
"$PYCAST_CLI" airtime "${tracks[0]}" "$TMP/nope.wav" >"$TMP/out" 2>"$TMP/err" || rc=$?
[[ $rc == 1 ]] || fail "a missing file: exit $rc, expected 1"
grep -q "nope.wav" "$TMP/err" || fail "the missing file is not named"
echo "not audio" >"$TMP/text.wav"
rc=0
"$PYCAST_CLI" airtime "$TMP/text.wav" >"$TMP/out" 2>"$TMP/err" || rc=$?
[[ $rc == 1 ]] || fail "a text file: exit $rc, expected 1"
grep -q "text.wav" "$TMP/err" || fail "the bad file is not named"
rc=0
"$PYCAST_CLI" airtime "${tracks[0]}" "${tracks[1]}" --names Host >"$TMP/out" 2>"$TMP/err" || rc=$?
[[ $rc == 2 ]] || fail "one name for two tracks: exit $rc, expected 2"
sox -n -r 44100 -b 16 -c 1 "$TMP/cd.wav" synth 1 sine 440
rc=0
"$PYCAST_CLI" airtime "${tracks[0]}" "$TMP/cd.wav" >"$TMP/out" 2>"$TMP/err" || rc=$?
[[ $rc == 1 ]] || fail "mixed rates: exit $rc, expected 1"
grep -q "cd.wav" "$TMP/err" || fail "the mismatched file is not named"
echo "e2e.airtime: ok"
