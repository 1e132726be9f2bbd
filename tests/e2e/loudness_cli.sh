#!/usr/bin/env bash
# End-to-end: `pycast loudness` on files made by sox and ffmpeg, checked against the EBU reading
# of a 1 kHz sine (-20 dBFS mono → -23.0 LUFS) and against ffmpeg's own ebur128 filter on a
# stereo MP3 of pink noise; JSON and text forms; silence; an unreadable file among good ones
# (named, exit 1, the others still measured); usage errors.
set -euo pipefail
: "${PYCAST_CLI:?set PYCAST_CLI to the pycast binary}"
for tool in sox ffmpeg python3; do
    command -v "$tool" >/dev/null || { echo "FAIL: $tool is not installed (tools/dev deps)" >&2; exit 1; }
done

TMP=$(mktemp -d "${TMPDIR:-/tmp}/pycast-loudness.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
fail() {
    echo "FAIL: $*" >&2
    for f in out err; do [[ -f $TMP/$f ]] && { echo "--- $f:" >&2; cat "$TMP/$f" >&2; }; done
    exit 1
}

# ffmpeg's ebur128 summary of FILE: "I TP" (LUFS, dBTP).
ffmpeg_reading() {
    ffmpeg -nostdin -hide_banner -nostats -i "$1" -af ebur128=peak=true:framelog=verbose -f null - 2>&1 |
        python3 -c '
import re, sys
text = sys.stdin.read()
i = re.findall(r"I:\s+(-?[\d.]+) LUFS", text)[-1]
tp = re.findall(r"Peak:\s+(-?[\d.]+) dBFS", text)[-1]
print(i, tp)'
}

# JSON field of entry N as a number ("null" when null).
field() { python3 -c 'import json,sys; v=json.load(open(sys.argv[1]))[int(sys.argv[2])][sys.argv[3]]; print("null" if v is None else v)' "$TMP/out" "$1" "$2"; }
near() { python3 -c 'import sys; a,b,t=map(float,sys.argv[1:]); sys.exit(0 if abs(a-b)<=t else 1)' "$1" "$2" "$3"; }

# 1. The EBU anchor: a 1 kHz sine at -20 dBFS, mono, 20 s, reads -23.0 LUFS.
sox -n -r 48000 -c 1 -b 24 "$TMP/sine.wav" synth 20 sine 1000 vol -20dB
"$PYCAST_CLI" loudness --json "$TMP/sine.wav" >"$TMP/out" 2>"$TMP/err" || fail "loudness on a sine exited $?"
i=$(field 0 integrated_lufs)
near "$i" -23.0 0.1 || fail "1 kHz at -20 dBFS mono read $i LUFS, not -23.0 ±0.1"
near "$(field 0 sample_peak_dbfs)" -20.0 0.05 || fail "sample peak $(field 0 sample_peak_dbfs), not -20 dBFS"
near "$(field 0 true_peak_dbtp)" -20.0 0.1 || fail "true peak $(field 0 true_peak_dbtp), not -20 dBTP"
near "$(field 0 loudness_range_lu)" 0 0.5 || fail "a steady tone has a range of $(field 0 loudness_range_lu) LU"
read -r ff_i ff_tp < <(ffmpeg_reading "$TMP/sine.wav")
near "$i" "$ff_i" 0.1 || fail "we read $i LUFS, ffmpeg's ebur128 $ff_i LUFS"

# 2. A stereo MP3 of pink noise at two levels: the same as ffmpeg's ebur128 filter reads it.
sox -n -r 44100 -c 2 -b 16 "$TMP/loud.wav" synth 15 pinknoise vol -14dB
sox -n -r 44100 -c 2 -b 16 "$TMP/soft.wav" synth 15 pinknoise vol -26dB
sox "$TMP/loud.wav" "$TMP/soft.wav" "$TMP/noise.wav"
ffmpeg -nostdin -v error -y -i "$TMP/noise.wav" -c:a libmp3lame -b:a 192k "$TMP/noise.mp3"
"$PYCAST_CLI" loudness --json "$TMP/noise.mp3" >"$TMP/out" 2>"$TMP/err" || fail "loudness on an MP3 exited $?"
read -r ff_i ff_tp < <(ffmpeg_reading "$TMP/noise.mp3")
i=$(field 0 integrated_lufs)
tp=$(field 0 true_peak_dbtp)
near "$i" "$ff_i" 0.1 || fail "MP3: we read $i LUFS, ffmpeg's ebur128 $ff_i LUFS"
near "$tp" "$ff_tp" 0.3 || fail "MP3: we read a true peak of $tp dBTP, ffmpeg's ebur128 $ff_tp dBTP"
python3 -c 'import sys; sys.exit(0 if float(sys.argv[1]) > 5 else 1)' "$(field 0 loudness_range_lu)" ||
    fail "two levels 12 dB apart gave a range of only $(field 0 loudness_range_lu) LU"

# 3. Text form: one aligned line per file with units; silence has no loudness and no peaks.
ffmpeg -nostdin -v error -y -f lavfi -i anullsrc=r=48000:cl=stereo -t 5 -c:a pcm_s16le "$TMP/silence.wav"
"$PYCAST_CLI" loudness "$TMP/sine.wav" "$TMP/silence.wav" >"$TMP/out" 2>"$TMP/err" || fail "text form exited $?"
grep -Eq -- '^-23\.0 LUFS +0\.0 LU +-20\.0 dBTP +-20\.0 dBFS +.*sine\.wav$' "$TMP/out" || fail "no aligned line for the sine"
grep -Eq -- '^ -inf LUFS +0\.0 LU +-inf dBTP +-inf dBFS +.*silence\.wav$' "$TMP/out" || fail "silence is not shown as -inf"
[[ $(awk 'NR > 1 { print index($0, "LUFS") }' "$TMP/out" | sort -u | wc -l) == 1 ]] || fail "columns do not line up"
"$PYCAST_CLI" loudness --json "$TMP/silence.wav" >"$TMP/out" 2>"$TMP/err" || fail "silence exited $?"
[[ $(field 0 integrated_lufs) == null && $(field 0 true_peak_dbtp) == null && $(field 0 sample_peak_dbfs) == null ]] ||
    fail "silence should have null loudness and peaks in JSON"

# 4. An unreadable file among good ones: named on stderr, exit 1, the others still measured.
echo "not audio at all" >"$TMP/notes.txt"
set +e
"$PYCAST_CLI" loudness --json "$TMP/sine.wav" "$TMP/notes.txt" "$TMP/missing.wav" "$TMP/noise.mp3" >"$TMP/out" 2>"$TMP/err"
rc=$?
set -e
[[ $rc == 1 ]] || fail "an unreadable file should exit 1, got $rc"
grep -q "notes.txt" "$TMP/err" || fail "the unreadable file is not named"
grep -q "missing.wav: file not found" "$TMP/err" || fail "the missing file is not named"
python3 - "$TMP/out" <<'PY' || fail "JSON does not hold the two good files measured and the two bad ones as errors"
import json, sys
rows = json.load(open(sys.argv[1]))
assert [r["file"].rsplit("/", 1)[-1] for r in rows] == ["sine.wav", "notes.txt", "missing.wav", "noise.mp3"]
assert abs(rows[0]["integrated_lufs"] + 23.0) <= 0.1 and rows[3]["integrated_lufs"] is not None
assert rows[1]["integrated_lufs"] is None and "error" in rows[1] and "error" in rows[2]
assert set(rows[0]) == {"file", "integrated_lufs", "loudness_range_lu", "true_peak_dbtp", "sample_peak_dbfs"}
PY

# 5. Usage errors exit 2.
set +e
"$PYCAST_CLI" loudness >"$TMP/out" 2>"$TMP/err"; rc=$?
[[ $rc == 2 ]] || fail "no file should exit 2, got $rc"
"$PYCAST_CLI" loudness --loud "$TMP/sine.wav" >"$TMP/out" 2>"$TMP/err"; rc=$?
[[ $rc == 2 ]] || fail "an unknown option should exit 2, got $rc"
set -e
"$PYCAST_CLI" loudness --help | grep -q "integrated loudness" || fail "no help"
echo "ok: pycast loudness agrees with the EBU anchor and ffmpeg's ebur128"
