#!/usr/bin/env bash
# GUI smoke test: the real pycast-studio under Xvfb takes screenshots of every sample show, a broken
# file, a missing file and a missing sample; each PNG must exist, have the window's size and not be
# blank; the broken ones must show the Problems view. Also: --help, usage errors, unwritable PNG.
set -u

studio=${PYCAST_STUDIO:?set PYCAST_STUDIO to the pycast-studio binary}
source_dir=${PYCAST_SOURCE_DIR:?set PYCAST_SOURCE_DIR to the repository}
screen="-screen 0 1600x1000x24"

command -v xvfb-run >/dev/null || { echo "FAIL: xvfb-run is not installed (apt-get install xvfb)"; exit 1; }
command -v python3 >/dev/null || { echo "FAIL: python3 is needed to check the PNGs"; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# png_check FILE WIDTH HEIGHT: a PNG of that size whose pixels vary (not one flat colour).
# Decodes with the Python standard library only (zlib + the five PNG row filters).
png_check() {
    python3 "$source_dir/tests/e2e/lib/png_check.py" "$1" "$2" "$3"
}

# shoot NAME ARGS...: runs the studio with --screenshot $tmp/NAME.png; output in $tmp/NAME.out/.err
shoot() {
    local name=$1
    shift
    xvfb-run -a -s "$screen" "$@" --screenshot "$tmp/$name.png" >"$tmp/$name.out" 2>"$tmp/$name.err"
}

expect_line() {   # expect_line NAME REGEX
    grep -Eq "$2" "$tmp/$1.out" || fail "$1: stdout has no line matching '$2':
$(cat "$tmp/$1.out" "$tmp/$1.err")"
}

# 1. Every sample show opens into the Rundown view.
shopt -s nullglob
samples=("$source_dir"/shows/*.json)
[ ${#samples[@]} -gt 0 ] || fail "no sample shows in $source_dir/shows"
for show in "${samples[@]}"; do
    name=sample-$(basename "$show" .json)
    if shoot "$name" "$studio" "$show"; then
        png_check "$tmp/$name.png" 1400 900 || fail "$name: bad screenshot"
        expect_line "$name" '^problems: 0$'
        expect_line "$name" '^views: rundown$'
        expect_line "$name" '^show: .+'
    else
        fail "$name: exit code $? — $(cat "$tmp/$name.err")"
    fi
done

# 2. A broken file: the window opens and shows the Problems view with the problem.
printf '{\n  "format": "pycast-show",\n  "version": 1,\n  "show": {"title": "壞掉的檔案"}\n  "rundown": []\n}\n' \
    >"$tmp/broken.json"
if shoot broken "$studio" "$tmp/broken.json" --size 1200x800; then
    png_check "$tmp/broken.png" 1200 800 || fail "broken: bad screenshot"
    expect_line broken '^problems: [1-9][0-9]*$'
    expect_line broken '^views: problems$'
else
    fail "broken: exit code $? — $(cat "$tmp/broken.err")"
fi

# 3. A file that does not exist: same, no crash.
if shoot missing "$studio" "$tmp/no-such-show.json"; then
    png_check "$tmp/missing.png" 1400 900 || fail "missing: bad screenshot"
    expect_line missing '^problems: 1$'
    expect_line missing '^views: problems$'
else
    fail "missing: exit code $? — $(cat "$tmp/missing.err")"
fi

# 4. No FILE: the sample episode, found through PYCAST_SHOWS_DIR ...
if PYCAST_SHOWS_DIR="$source_dir/shows" shoot default "$studio"; then
    expect_line default "^file: $source_dir/shows/pycast-episode.json$"
    expect_line default '^views: rundown$'
else
    fail "default: exit code $? — $(cat "$tmp/default.err")"
fi
# ... and when nowhere to be found (a copy of the binary far from any shows/), a problem.
mkdir -p "$tmp/a/b/c/bin"
cp "$studio" "$tmp/a/b/c/bin/pycast-studio"
if (unset PYCAST_SHOWS_DIR; shoot nosample "$tmp/a/b/c/bin/pycast-studio"); then
    expect_line nosample '^problems: 1$'
    expect_line nosample '^views: problems$'
else
    fail "nosample: exit code $? — $(cat "$tmp/nosample.err")"
fi

# 5. Command line: --help, usage errors (exit 2), a screenshot that cannot be written (exit 1).
"$studio" --help >"$tmp/help.out" 2>&1 || fail "--help: exit code $?"
grep -q -- "--screenshot" "$tmp/help.out" || fail "--help does not describe --screenshot"
"$studio" --bogus >"$tmp/bogus.out" 2>"$tmp/bogus.err"
code=$?
[ $code -eq 2 ] || fail "--bogus: exit code $code, expected 2"
grep -q "unknown option --bogus" "$tmp/bogus.err" || fail "--bogus: no clear message: $(cat "$tmp/bogus.err")"
xvfb-run -a -s "$screen" "$studio" "${samples[0]:-x}" --screenshot /nonexistent/dir/shot.png \
    >"$tmp/unwritable.out" 2>"$tmp/unwritable.err"
code=$?
[ $code -ne 0 ] || fail "unwritable screenshot: exit code 0"
grep -q "screenshot failed" "$tmp/unwritable.err" || fail "unwritable screenshot: no clear message: $(cat "$tmp/unwritable.err")"

if [ $failures -gt 0 ]; then
    echo "gui_smoke: $failures failure(s)"
    exit 1
fi
echo "gui_smoke: all checks passed"
