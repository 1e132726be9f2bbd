#!/usr/bin/env bash
# End-to-end: `pycast export` of an audio file to MP3, M4A, Opus, FLAC and WAV with chapters,
# tags and cover art, read back by tools that are not ours — ffprobe, mutagen, and ffmpeg's own
# ebur128 filter for loudness; the checks before export (a bad cover, a too-short chapter);
# Ctrl-C mid-export leaves nothing; a broken input and an unwritable destination say so.
set -euo pipefail
: "${PYCAST_CLI:?set PYCAST_CLI to the pycast binary}"
for tool in ffmpeg ffprobe espeak-ng sox; do
    command -v "$tool" >/dev/null || { echo "FAIL: $tool is not installed (tools/dev deps installs it)" >&2; exit 1; }
done
PY=/usr/bin/python3   # Debian's, with python3-mutagen
"$PY" -c "import mutagen" 2>/dev/null || { echo "FAIL: python3-mutagen is not installed" >&2; exit 1; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/pycast-export.XXXXXX")
EXP=""
cleanup() {
    [[ -n $EXP ]] && kill -9 "$EXP" 2>/dev/null || true
    chmod -R u+w "$TMP" 2>/dev/null || true
    rm -rf "$TMP"
}
trap cleanup EXIT
fail() {
    echo "FAIL: $*" >&2
    for f in "$TMP"/*.out "$TMP"/*.err; do [[ -f $f ]] && { echo "--- $f" >&2; tail -40 "$f" >&2; }; done
    exit 1
}
export_() {   # export_ NAME ARGS...: sets RC; output in $TMP/NAME.out / .err
    local name=$1; shift
    RC=0
    "$PYCAST_CLI" export "$@" >"$TMP/$name.out" 2>"$TMP/$name.err" </dev/null || RC=$?
}

# --- the programme: 75 s of speech (espeak-ng) at about -28 LUFS with one loud laugh ---------
espeak-ng -v en -s 150 -w "$TMP/a.wav" "Welcome to PyCast, the podcast of PyCon Taiwan. Today we talk with two guests about hiring junior Python developers, about code review, and about what a good first week looks like." 2>/dev/null
espeak-ng -v zh -s 150 -w "$TMP/b.wav" "你們怎麼招募新人？我們先看他們寫的程式，再一起做一個小專案。" 2>/dev/null
sox "$TMP/a.wav" "$TMP/b.wav" "$TMP/a.wav" "$TMP/b.wav" "$TMP/a.wav" "$TMP/speech.wav" rate 48000 channels 2
sox "$TMP/speech.wav" "$TMP/long.wav" repeat 2 gain -12 pad 0 1
sox -n -r 48000 -c 2 "$TMP/laugh.wav" synth 0.3 pinknoise gain -2
sox "$TMP/long.wav" "$TMP/laugh.wav" "$TMP/long.wav" "$TMP/input.wav" trim 0 75
ffmpeg -nostdin -v error -f lavfi -i color=c=0x3366aa:s=1400x1400 -frames:v 1 "$TMP/cover.png"
ffmpeg -nostdin -v error -f lavfi -i color=c=0xaa3366:s=1000x800 -frames:v 1 "$TMP/wide.jpg"
printf '0:00 開場 Opening\n0:20 Q: 你們怎麼招募新人？\n0:45 Wrap-up\n' >"$TMP/chapters.txt"
META=(--title "EP12 招募新人" --show "PyCast" --episode 12 --date 2026-11-25
      --description "Two guests on hiring junior Python developers. 兩位來賓談招募。" --art "$TMP/cover.png"
      --chapters "$TMP/chapters.txt")

loudness() {   # loudness FILE: "I TP" as ffmpeg's ebur128 filter measures them
    ffmpeg -nostdin -hide_banner -i "$1" -af ebur128=peak=true -f null - 2>&1 |
        "$PY" -c '
import re, sys
t = sys.stdin.read().split("Summary:")[-1]
i = re.search(r"I:\s+(-?[\d.]+) LUFS", t).group(1)
p = re.search(r"Peak:\s+(-?[\d.]+) dBFS", t).group(1)
print(i, p)'
}
check_loudness() {   # check_loudness FILE TARGET CEILING
    read -r I TP < <(loudness "$1")
    "$PY" -c "import sys; i,tp,t,c=map(float,sys.argv[1:]); sys.exit(0 if abs(i-t)<=0.5 and tp<=c else 1)" "$I" "$TP" "$2" "$3" ||
        fail "$1 measures $I LUFS / $TP dBTP by ffmpeg's ebur128; target $2 LUFS, ceiling $3 dBTP"
}
chapters_ffprobe() {   # "start_ms title" lines
    ffprobe -v error -show_chapters -of json "$1" | "$PY" -c '
import json, sys
for c in json.load(sys.stdin)["chapters"]:
    print(round(float(c["start_time"]) * 1000), c.get("tags", {}).get("title", ""))'
}
EXPECTED=$'0 開場 Opening\n20000 Q: 你們怎麼招募新人？\n45000 Wrap-up'

# --- 1. MP3 (ID3v2.3 default) ------------------------------------------------------------------
export_ mp3 "$TMP/input.wav" --format mp3 --bitrate 128k --out "$TMP/out" --name ep12 "${META[@]}"
[[ $RC == 0 ]] || fail "export to mp3 exited $RC"
MP3="$TMP/out/ep12.mp3"
[[ -f $MP3 && -f $TMP/out/ep12.chapters.json && -f $TMP/out/ep12.show-notes.md && -f $TMP/out/ep12.persons.xml ]] ||
    fail "the mp3 export did not write the audio and its three sidecars"
[[ "$(chapters_ffprobe "$MP3")" == "$EXPECTED" ]] || fail "ffprobe reads other chapters in the MP3: $(chapters_ffprobe "$MP3")"
check_loudness "$MP3" -16 -1
"$PY" - "$MP3" <<'PYEOF' || fail "mutagen disagrees about the MP3's tag"
import sys
from mutagen.id3 import ID3
t = ID3(sys.argv[1])
assert t.version[:2] == (2, 3), t.version
assert str(t["TIT2"]) == "EP12 招募新人", t["TIT2"]
assert str(t["TALB"]) == "PyCast"
comms = t.getall("COMM")
assert comms and "兩位來賓談招募" in comms[0].text[0], "no COMM frame with the description"
assert not [f for f in t.getall("TXXX") if f.desc.lower() in ("comment", "description")], "description went to TXXX"
apic = t.getall("APIC")
assert apic and apic[0].type == 3, "no front-cover APIC"
chaps = sorted(t.getall("CHAP"), key=lambda c: c.start_time)
assert [c.start_time for c in chaps] == [0, 20000, 45000], [c.start_time for c in chaps]
assert str(chaps[1].sub_frames["TIT2"]) == "Q: 你們怎麼招募新人？"
ctoc = t.getall("CTOC")
assert ctoc and len(ctoc[0].child_element_ids) == 3
PYEOF
grep -q "^0:00 開場 Opening$" "$TMP/out/ep12.show-notes.md" || fail "show notes have no YouTube chapter list"
grep -q '"version": "1.2.0"' "$TMP/out/ep12.chapters.json" || fail "chapters JSON is not 1.2.0"
grep -q "after:  .* LUFS" "$TMP/mp3.out" || fail "no after-export loudness line"

# ID3v2.4 on request
export_ mp3v4 "$TMP/input.wav" --format mp3 --id3v2 4 --out "$TMP/out4" --name ep12 "${META[@]}"
[[ $RC == 0 ]] || fail "export to mp3 with --id3v2 4 exited $RC"
"$PY" -c "import sys; from mutagen.id3 import ID3; v=ID3(sys.argv[1]).version; assert v[:2]==(2,4), v" "$TMP/out4/ep12.mp3" ||
    fail "--id3v2 4 did not write ID3v2.4"

# --- 2. M4A, Opus, FLAC, WAV ------------------------------------------------------------------
for fmt in m4a opus flac wav; do
    export_ "$fmt" "$TMP/input.wav" --format "$fmt" --out "$TMP/out" --name ep12 "${META[@]}"
    [[ $RC == 0 ]] || fail "export to $fmt exited $RC"
    f="$TMP/out/ep12.$fmt"
    [[ -f $f ]] || fail "no $f"
    check_loudness "$f" -16 -1
    if [[ $fmt != wav ]]; then
        got=$(chapters_ffprobe "$f")
        if [[ $fmt == flac ]]; then   # ffprobe does not read FLAC's CHAPTERnnn comments: mutagen does
            got=$("$PY" -c '
import sys
from mutagen.flac import FLAC
t = FLAC(sys.argv[1])
for i in range(1, 10):
    k = "CHAPTER%03d" % i
    if k not in t: break
    h, m, s = t[k][0].split(":")
    print(round((int(h) * 3600 + int(m) * 60 + float(s)) * 1000), t[k + "NAME"][0])' "$f")
        fi
        [[ "$got" == "$EXPECTED" ]] || fail "the $fmt file holds other chapters: $got"
    fi
done
"$PY" - "$TMP/out" <<'PYEOF' || fail "mutagen disagrees about the M4A, Opus or FLAC tags"
import sys, base64
from mutagen.mp4 import MP4
from mutagen.oggopus import OggOpus
from mutagen.flac import FLAC, Picture
d = sys.argv[1]
m = MP4(d + "/ep12.m4a")
assert m["\xa9nam"][0] == "EP12 招募新人" and m["\xa9alb"][0] == "PyCast"
assert m.get("covr"), "no cover in the M4A"
if m.chapters is not None:
    assert [round(c.start * 1000) for c in m.chapters] == [0, 20000, 45000], [c.start for c in m.chapters]
o = OggOpus(d + "/ep12.opus")
assert o["title"][0] == "EP12 招募新人"
pic = Picture(base64.b64decode(o["metadata_block_picture"][0]))
assert pic.type == 3 and pic.width == 1400, (pic.type, pic.width)
f = FLAC(d + "/ep12.flac")
assert f.pictures and f.pictures[0].type == 3
assert f["title"][0] == "EP12 招募新人"
PYEOF

# --- 3. mono preset: -19 LUFS, one channel -----------------------------------------------------
export_ mono "$TMP/input.wav" --preset podcast-mono --format mp3 --out "$TMP/mono" --name ep12 "${META[@]}"
[[ $RC == 0 ]] || fail "podcast-mono export exited $RC"
[[ $(ffprobe -v error -select_streams a:0 -show_entries stream=channels -of csv=p=0 "$TMP/mono/ep12.mp3") == 1 ]] ||
    fail "podcast-mono did not write a mono file"
check_loudness "$TMP/mono/ep12.mp3" -19 -1

# --- 3b. an intro, a cut: the chapters after the cut move with it, all shift by the intro -----
sox -n -r 44100 -c 1 "$TMP/intro.wav" synth 3 sine 440 gain -20
export_ cut "$TMP/input.wav" --format flac --out "$TMP/cut" --name ep12 --intro "$TMP/intro.wav" --cut 0:30-0:40 "${META[@]}"
[[ $RC == 0 ]] || fail "export with an intro and a cut exited $RC"
DUR=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$TMP/cut/ep12.flac")
"$PY" -c "import sys; d=float(sys.argv[1]); sys.exit(0 if abs(d - 68.0) < 0.05 else 1)" "$DUR" ||
    fail "3 s intro + 75 s - 10 s cut should last 68 s, the file lasts $DUR s"
grep -q '"startTime": 23.0' "$TMP/cut/ep12.chapters.json" && grep -q '"startTime": 38.0' "$TMP/cut/ep12.chapters.json" ||
    fail "the chapters did not move with the intro and the cut: $(cat "$TMP/cut/ep12.chapters.json")"

# --- 4. checks before export: a wide cover and a 5 s chapter are named; nothing is written -----
printf '0:00 Opening\n0:20 Too short\n0:25 Wrap-up\n' >"$TMP/short.txt"
export_ bad "$TMP/input.wav" --out "$TMP/bad" --art "$TMP/wide.jpg" --chapters "$TMP/short.txt"
[[ $RC == 1 ]] || fail "a wide cover did not fail the checks (exit $RC)"
grep -q "FAIL  Cover art: 1000×800 is not square" "$TMP/bad.out" || fail "the wide cover was not named"
grep -q 'warn  YouTube: chapter 2 "Too short" at 0:20 lasts 5 s' "$TMP/bad.out" || fail "the short chapter was not named"
[[ ! -e $TMP/bad ]] || [[ -z $(ls -A "$TMP/bad") ]] || fail "a failed check left files: $(ls -A "$TMP/bad")"
export_ check "$TMP/input.wav" --check "${META[@]}"
[[ $RC == 0 ]] || fail "--check on a good plan exited $RC"

# --- 5. errors: a broken input, an unwritable destination, Ctrl-C mid-export --------------------
head -c 5000 /dev/urandom >"$TMP/broken.mp3"
export_ broken "$TMP/broken.mp3" --out "$TMP/none"
[[ $RC == 1 ]] || fail "a broken input exited $RC, not 1"
grep -q "broken.mp3" "$TMP/broken.err" || fail "the broken input's error does not name it"
if [[ $(id -u) != 0 ]]; then
    mkdir -p "$TMP/ro" && chmod 555 "$TMP/ro"
    export_ ro "$TMP/input.wav" --out "$TMP/ro/x"
    [[ $RC == 1 ]] || fail "an unwritable destination exited $RC, not 1"
else
    export_ ro "$TMP/input.wav" --out /proc/pycast-cannot-write-here
    [[ $RC == 1 ]] || fail "an unwritable destination exited $RC, not 1"
fi
grep -q "cannot" "$TMP/ro.err" || fail "the unwritable destination's error is unclear: $(cat "$TMP/ro.err")"

sox "$TMP/input.wav" "$TMP/hour.wav" repeat 24   # 30 min: long enough to interrupt
for sig in INT TERM HUP; do   # Ctrl-C, kill, a closed terminal
    rm -rf "$TMP/cancel"
    "$PYCAST_CLI" export "$TMP/hour.wav" --format mp3 --out "$TMP/cancel" --name cancelled >"$TMP/cancel.out" 2>"$TMP/cancel.err" &
    EXP=$!
    for _ in $(seq 200); do grep -q "encoding" "$TMP/cancel.err" 2>/dev/null && break; sleep 0.05; done
    kill -"$sig" "$EXP"
    RC=0
    wait "$EXP" || RC=$?
    EXP=""
    [[ $RC == 1 ]] || fail "SIG$sig mid-export exited $RC, not 1"
    grep -q "export cancelled" "$TMP/cancel.err" || fail "SIG$sig did not say the export was cancelled"
    [[ -z $(ls -A "$TMP/cancel" 2>/dev/null) ]] || fail "an export cancelled by SIG$sig left files: $(ls -A "$TMP/cancel")"
done

echo "ok: mp3 (ID3v2.3/2.4), m4a, opus, flac, wav at -16 LUFS / -1 dBTP by ffmpeg's ebur128; tags, art, chapters by ffprobe and mutagen; checks, errors, cancel by INT/TERM/HUP"
