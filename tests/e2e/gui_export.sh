#!/usr/bin/env bash
# The studio's Export dialog end-to-end: the real pycast-studio under Xvfb.
#  1. A screenshot of the dialog opened on an audio file (--export): not blank, its checks printed.
#  2. A folder that is not a session: the dialog opens with the error, Export disabled.
#  3. With xdotool: the dialog opened, Ctrl+Enter starts the export, the studio stays up while
#     it runs, and the MP3 it writes is read back with ffprobe (duration, title tag) and measured
#     with ffmpeg's own ebur128 filter (−16 ±0.5 LUFS, true peak under −1 dBTP).
#  4. With xdotool, the way a user comes: Ctrl+E, the file's path typed into the chooser, Enter,
#     then Ctrl+Enter: the export is written.
set -u

studio=${PYCAST_STUDIO:?set PYCAST_STUDIO to the pycast-studio binary}
source_dir=${PYCAST_SOURCE_DIR:?set PYCAST_SOURCE_DIR to the repository}
screen="-screen 0 1600x1000x24"

command -v xvfb-run >/dev/null || { echo "FAIL: xvfb-run is not installed (apt-get install xvfb)"; exit 1; }
command -v python3 >/dev/null || { echo "FAIL: python3 is needed to make the test audio"; exit 1; }
command -v ffprobe >/dev/null || { echo "FAIL: ffprobe is needed to read the export back (apt-get install ffmpeg)"; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
export PYCAST_CONFIG_DIR="$tmp/config" PYCAST_STATE_DIR="$tmp/state" PYCAST_SESSIONS_DIR="$tmp/sessions"

png_check() {
    python3 "$source_dir/tests/e2e/lib/png_check.py" "$1" "$2" "$3"
}

# 40 s of stereo speech-like tone bursts at about −30 LUFS: the export must raise it to −16.
mkdir -p "$tmp/in"
python3 - "$tmp/in/談話 talk.wav" <<'PY'
import math, struct, sys, wave
rate = 48000
w = wave.open(sys.argv[1], "wb")
w.setnchannels(2); w.setsampwidth(2); w.setframerate(rate)
frames = bytearray()
for i in range(rate * 40):
    t = i / rate
    envelope = 0.5 + 0.5 * math.sin(2 * math.pi * 0.7 * t)
    v = int(1500 * envelope * (math.sin(2 * math.pi * 220 * t) + 0.4 * math.sin(2 * math.pi * 1330 * t)))
    frames += struct.pack("<hh", v, v)
w.writeframes(bytes(frames)); w.close()
PY
input="$tmp/in/談話 talk.wav"

# 1. The dialog on an audio file.
if xvfb-run -a -s "$screen" "$studio" --export "$input" --screenshot "$tmp/export.png" \
    >"$tmp/export.out" 2>"$tmp/export.err"; then
    png_check "$tmp/export.png" 1400 900 || fail "screenshot: bad picture"
    grep -qF "export: $input" "$tmp/export.out" || fail "screenshot: the dialog is not on the file: $(cat "$tmp/export.out")"
    grep -q '^export checks: [0-9]* ok, [0-9]* warnings, 0 errors$' "$tmp/export.out" ||
        fail "screenshot: the checks of a good file should have no error: $(cat "$tmp/export.out")"
    grep -q '^export button: enabled$' "$tmp/export.out" || fail "screenshot: Export should be enabled: $(cat "$tmp/export.out")"
    grep -q '^export check: Cover art' "$tmp/export.out" || fail "screenshot: a file without cover art is not flagged: $(cat "$tmp/export.out")"
else
    fail "screenshot: exit code $? — $(cat "$tmp/export.err")"
fi

# 2. Not a session.
mkdir -p "$tmp/not-a-session"
if xvfb-run -a -s "$screen" "$studio" --export "$tmp/not-a-session" --screenshot "$tmp/bad.png" \
    >"$tmp/bad.out" 2>"$tmp/bad.err"; then
    grep -q '^export error: ' "$tmp/bad.out" || fail "not a session: no error shown: $(cat "$tmp/bad.out")"
    grep -q '^export button: disabled' "$tmp/bad.out" || fail "not a session: Export should be disabled: $(cat "$tmp/bad.out")"
    cmp -s "$tmp/export.png" "$tmp/bad.png" && fail "not a session: same picture as a good file"
else
    fail "not a session: exit code $? — $(cat "$tmp/bad.err")"
fi

# 3. Exporting for real, driven with the keyboard.
if ! command -v xdotool >/dev/null; then
    echo "note: xdotool is not installed: skipping the interactive part (apt-get install xdotool)"
else
    cat >"$tmp/drive.sh" <<'DRIVE'
set -u
studio=$1 tmp=$2 input=$3
log() { echo "$*" >>"$tmp/drive.log"; }
"$studio" --export "$input" >"$tmp/live.out" 2>"$tmp/live.err" &
pid=$!
win=$(timeout 20 xdotool search --sync --name "PyCast Studio" | head -1)
[ -n "$win" ] || { log "no window"; kill "$pid"; exit 1; }
xdotool windowfocus "$win"
sleep 2                                  # the checks run (they read the file)
# The file name is the input's slug + "-export" (planForFile); temporary files are hidden.
exported() { find "$tmp/in" -maxdepth 1 -name '*-export.mp3' | head -1; }
hidden() { find "$tmp/in" -maxdepth 1 -name '.*' -type f | head -1; }
for attempt in 1 2 3; do
    xdotool key --window "$win" ctrl+Return
    for _ in $(seq 20); do [ -n "$(exported)$(hidden)" ] && break; sleep 0.5; done
    [ -n "$(exported)$(hidden)" ] && break
    log "attempt $attempt: nothing written yet"
done
for _ in $(seq 240); do
    [ -z "$(exported)$(hidden)" ] && break  # nothing was started: no use waiting
    [ -n "$(exported)" ] && [ -z "$(hidden)" ] && break
    sleep 0.5
done
sleep 1
log "after export: $(kill -0 "$pid" 2>/dev/null && echo running || echo gone)"
ls -a "$tmp/in" >>"$tmp/drive.log"
kill "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
exit 0
DRIVE
    xvfb-run -a -s "$screen" bash "$tmp/drive.sh" "$studio" "$tmp" "$input" || fail "interactive: the driver failed"
    log=$(cat "$tmp/drive.log" 2>/dev/null)
    echo "$log" | grep -q '^after export: running$' || fail "interactive: the studio did not stay up: $log"
    mp3=$(find "$tmp/in" -maxdepth 1 -name '*-export.mp3' | head -1)
    if [ -z "$mp3" ] || [ ! -s "$mp3" ]; then
        fail "interactive: no MP3 in $tmp/in after Ctrl+Enter: $log; $(cat "$tmp/live.err")"
    else
        leftovers=$(find "$tmp/in" -name '.*' -type f)
        [ -z "$leftovers" ] || fail "interactive: temporary files left: $leftovers"
        duration=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$mp3")
        python3 -c "import sys; d=float(sys.argv[1]); sys.exit(0 if abs(d-40.0) < 0.2 else 1)" "$duration" ||
            fail "interactive: the MP3 lasts $duration s, not 40 s"
        codec=$(ffprobe -v error -select_streams a:0 -show_entries stream=codec_name -of csv=p=0 "$mp3")
        [ "$codec" = mp3 ] || fail "interactive: codec is '$codec', not mp3"
        title=$(ffprobe -v error -show_entries format_tags=title -of csv=p=0 "$mp3")
        [ "$title" = "談話 talk" ] || fail "interactive: title tag is '$title', not '談話 talk'"
        # Loudness as ffmpeg measures it, independent of our own meter.
        summary=$(ffmpeg -hide_banner -nostats -i "$mp3" -af ebur128=peak=true -f null - 2>&1 | sed -n '/Summary:/,$p')
        lufs=$(echo "$summary" | awk '/I:/ {print $2; exit}')
        peak=$(echo "$summary" | awk '/Peak:/ {print $2; exit}')
        python3 -c "import sys; i=float(sys.argv[1]); p=float(sys.argv[2]); sys.exit(0 if abs(i+16) <= 0.5 and p < -1.0 else 1)" \
            "$lufs" "$peak" || fail "interactive: measured $lufs LUFS, true peak $peak dBTP (want -16 ±0.5, under -1)"
    fi
fi

# 4. Ctrl+E, a path typed, Enter, Ctrl+Enter.
if command -v xdotool >/dev/null; then
    mkdir -p "$tmp/menu"
    cp "$input" "$tmp/menu/menu.wav"
    cat >"$tmp/menu.sh" <<'DRIVE'
set -u
studio=$1 tmp=$2
log() { echo "$*" >>"$tmp/menu.log"; }
"$studio" >"$tmp/menu.out" 2>"$tmp/menu.err" &
pid=$!
win=$(timeout 20 xdotool search --sync --name "PyCast Studio" | head -1)
[ -n "$win" ] || { log "no window"; kill "$pid"; exit 1; }
xdotool windowfocus "$win"
sleep 1
xdotool key --window "$win" ctrl+e
sleep 0.5
xdotool type --window "$win" --delay 20 "$tmp/menu/menu.wav"
sleep 0.2
xdotool key --window "$win" Return
sleep 2                                  # the dialog opens, its checks run
xdotool key --window "$win" ctrl+Return
for _ in $(seq 120); do
    [ -s "$tmp/menu/menu-export.mp3" ] && [ -z "$(find "$tmp/menu" -maxdepth 1 -name '.*' -type f)" ] && break
    sleep 0.5
done
log "written: $([ -s "$tmp/menu/menu-export.mp3" ] && echo yes || echo no)"
kill "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
exit 0
DRIVE
    xvfb-run -a -s "$screen" bash "$tmp/menu.sh" "$studio" "$tmp" || fail "menu: the driver failed"
    grep -q '^written: yes$' "$tmp/menu.log" 2>/dev/null ||
        fail "menu: Ctrl+E, the path and Ctrl+Enter wrote no menu-export.mp3: $(cat "$tmp/menu.log" 2>/dev/null); $(cat "$tmp/menu.err")"
    [ -s "$tmp/menu/menu-export.mp3" ] && ! ffprobe -v error "$tmp/menu/menu-export.mp3" && fail "menu: ffprobe cannot read the MP3"
fi

if [ $failures -gt 0 ]; then
    echo "gui_export: $failures failure(s)"
    exit 1
fi
echo "gui_export: all checks passed"
