#!/usr/bin/env bash
# GUI editor end-to-end: the real pycast-studio under Xvfb.
#  1. A screenshot of the editor on the meetup sample (table, inspector, totals): not blank.
#  2. An autosave left by a crash is offered at start-up, and a run that never answers the
#     question (a screenshot) leaves it on disk.
#  3. With xdotool: keyboard editing in a live window — duplicate, move, undo, save (Ctrl+S),
#     Save As, the "*" in the title, and quitting with unsaved changes (Cancel, then Save).
#  4. The editor at 1024x700 with a start that has seconds: it loads and draws.
set -u

studio=${PYCAST_STUDIO:?set PYCAST_STUDIO to the pycast-studio binary}
source_dir=${PYCAST_SOURCE_DIR:?set PYCAST_SOURCE_DIR to the repository}
screen="-screen 0 1600x1000x24"

command -v xvfb-run >/dev/null || { echo "FAIL: xvfb-run is not installed (apt-get install xvfb)"; exit 1; }
command -v python3 >/dev/null || { echo "FAIL: python3 is needed to check files"; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# Autosaves, recent files and templates go to this test's own folders.
export PYCAST_CONFIG_DIR="$tmp/config" PYCAST_STATE_DIR="$tmp/state"
cp "$source_dir/shows/enterprise-meetup.json" "$tmp/meetup.json"

segments() {  # segments FILE: how many rundown segments the show file holds
    python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["rundown"]))' "$1"
}

# png_check FILE W H: the PNG has that size and is not one flat colour (tests/e2e/lib).
png_check() {
    python3 "$source_dir/tests/e2e/lib/png_check.py" "$1" "$2" "$3"
}

# 1. The editor on the meetup sample.
if xvfb-run -a -s "$screen" "$studio" "$tmp/meetup.json" --screenshot "$tmp/editor.png" \
    >"$tmp/editor.out" 2>"$tmp/editor.err"; then
    png_check "$tmp/editor.png" 1400 900 || fail "editor: bad screenshot"
    grep -q '^views: rundown$' "$tmp/editor.out" || fail "editor: the Rundown (editor) view was not drawn: $(cat "$tmp/editor.out")"
    grep -q '^segments: 10$' "$tmp/editor.out" || fail "editor: expected 10 segments: $(cat "$tmp/editor.out")"
else
    fail "editor: exit code $? — $(cat "$tmp/editor.err")"
fi

# 2. An autosave from a crash: offered, and kept by a run that does not answer.
python3 - "$tmp/meetup.json" "$tmp/.meetup.json.autosave" <<'PY'
import json, sys
show = json.load(open(sys.argv[1]))
show["show"]["title"] = "沒有存到的修改 Unsaved edits"
json.dump({"format": "pycast-autosave", "original": sys.argv[1], "saved_at": "2027-01-14 18:00:00",
           "show": show}, open(sys.argv[2], "w"), ensure_ascii=False)
PY
if xvfb-run -a -s "$screen" "$studio" "$tmp/meetup.json" --screenshot "$tmp/restore.png" \
    >"$tmp/restore.out" 2>"$tmp/restore.err"; then
    png_check "$tmp/restore.png" 1400 900 || fail "restore: bad screenshot"
    [ -f "$tmp/.meetup.json.autosave" ] || fail "restore: a run that never answered deleted the autosave"
    cmp -s "$tmp/editor.png" "$tmp/restore.png" && fail "restore: no question was shown (same picture as without an autosave)"
else
    fail "restore: exit code $? — $(cat "$tmp/restore.err")"
fi
rm -f "$tmp/.meetup.json.autosave"

# 3. Keyboard editing in a live window.
if ! command -v xdotool >/dev/null; then
    echo "note: xdotool is not installed: skipping the interactive part (apt-get install xdotool)"
else
    cat >"$tmp/drive.sh" <<'DRIVE'
set -u
studio=$1 tmp=$2
log() { echo "$*" >>"$tmp/drive.log"; }
PYCAST_SESSIONS_DIR="$tmp/sessions" "$studio" "$tmp/meetup.json" >"$tmp/live.out" 2>"$tmp/live.err" &
pid=$!
win=$(timeout 20 xdotool search --sync --name "PyCast Studio" | head -1)
[ -n "$win" ] || { log "no window"; kill "$pid"; exit 1; }
xdotool windowfocus "$win"
sleep 1
key() { xdotool key --window "$win" "$@"; sleep 0.4; }
title() { xdotool getwindowname "$win"; }
alive() { kill -0 "$pid" 2>/dev/null; }

key ctrl+d                       # duplicate the first segment (selected at start)
log "after duplicate: $(title)"
key alt+Down                     # move the copy down a row
key ctrl+z                       # and back
key ctrl+s                       # save in place
log "after save: $(title)"
key ctrl+shift+s                 # Save As: the name field has the keyboard
xdotool type --window "$win" --delay 30 "$tmp/copy.json"
sleep 0.2
key Return
log "after save as: $(title)"
key ctrl+d                       # an unsaved change
key ctrl+q                       # asks first ...
log "asked: $(alive && echo running || echo gone)"
key Escape                       # ... Cancel keeps the window
log "after cancel: $(alive && echo running || echo gone)"
key ctrl+q
key Return                       # Save, then quit
for _ in $(seq 50); do alive || break; sleep 0.1; done
log "after save and quit: $(alive && echo running || echo gone)"
alive && kill "$pid"
wait "$pid" 2>/dev/null
exit 0
DRIVE
    xvfb-run -a -s "$screen" bash "$tmp/drive.sh" "$studio" "$tmp" || fail "interactive: the driver failed"
    log=$(cat "$tmp/drive.log" 2>/dev/null)
    echo "$log" | grep -q '^after duplicate: .*meetup.json\*$' || fail "interactive: no '*' after an edit: $log"
    echo "$log" | grep -q '^after save: .*meetup.json$' || fail "interactive: '*' still there after Ctrl+S: $log"
    echo "$log" | grep -q '^after save as: .*copy.json$' || fail "interactive: Save As did not rename the document: $log"
    echo "$log" | grep -q '^after cancel: running$' || fail "interactive: Cancel on the unsaved-changes question closed the window: $log"
    echo "$log" | grep -q '^after save and quit: gone$' || fail "interactive: Save on the question did not quit: $log"
    [ "$(segments "$tmp/meetup.json")" = 11 ] || fail "interactive: meetup.json should hold 11 segments after Ctrl+S, has $(segments "$tmp/meetup.json")"
    [ -f "$tmp/copy.json" ] && [ "$(segments "$tmp/copy.json")" = 12 ] ||
        fail "interactive: copy.json should hold 12 segments (saved on quit)"
    leftovers=$(find "$tmp" "$tmp/state" -name '*autosave*' 2>/dev/null)
    [ -z "$leftovers" ] || fail "interactive: autosaves left after a clean quit: $leftovers"
fi

# 4. A small screen: 1024x700, a start with seconds (the columns are sized to their text; the
#    headless test tests/ui/test_frames.cpp checks the widths themselves).
python3 - "$source_dir/shows/enterprise-meetup.json" "$tmp/seconds.json" <<'PY'
import json, sys
show = json.load(open(sys.argv[1]))
show["show"]["start"] = "19:00:30"  # before the panel fixed at 19:50, so still one evening
json.dump(show, open(sys.argv[2], "w"), ensure_ascii=False)
PY
if xvfb-run -a -s "$screen" "$studio" "$tmp/seconds.json" --size 1024x700 --screenshot "$tmp/small.png" \
    >"$tmp/small.out" 2>"$tmp/small.err"; then
    png_check "$tmp/small.png" 1024 700 || fail "small: bad screenshot"
    grep -q '^problems: 0$' "$tmp/small.out" || fail "small: the show with seconds did not load: $(cat "$tmp/small.out")"
else
    fail "small: exit code $? — $(cat "$tmp/small.err")"
fi

if [ $failures -gt 0 ]; then
    echo "gui_editor: $failures failure(s)"
    exit 1
fi
echo "gui_editor: all checks passed"
