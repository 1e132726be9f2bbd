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
    python3 - "$1" "$2" "$3" <<'PY'
import struct, sys, zlib
path, want_w, want_h = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
data = open(path, 'rb').read()
if data[:8] != b'\x89PNG\r\n\x1a\n':
    sys.exit(f"{path}: not a PNG")
pos, idat, w, h, depth, ctype = 8, b'', 0, 0, 0, 0
while pos < len(data):
    n, kind = struct.unpack('>I4s', data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    pos += 12 + n
    if kind == b'IHDR':
        w, h, depth, ctype = struct.unpack('>IIBB', body[:10])
    elif kind == b'IDAT':
        idat += body
if (w, h) != (want_w, want_h):
    sys.exit(f"{path}: {w}x{h}, expected {want_w}x{want_h}")
if depth != 8 or ctype not in (2, 6):
    sys.exit(f"{path}: unexpected PNG format (depth {depth}, colour type {ctype})")
bpp = 3 if ctype == 2 else 4
stride = w * bpp
raw = zlib.decompress(idat)
prev = bytearray(stride)
lum_sum = lum_sq = 0.0
colours = set()
for y in range(h):
    f = raw[y * (stride + 1)]
    line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    if f == 1:
        for x in range(bpp, stride): line[x] = (line[x] + line[x - bpp]) & 255
    elif f == 2:
        for x in range(stride): line[x] = (line[x] + prev[x]) & 255
    elif f == 3:
        for x in range(stride):
            line[x] = (line[x] + ((line[x - bpp] if x >= bpp else 0) + prev[x]) // 2) & 255
    elif f == 4:
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    prev = line
    for x in range(0, stride, bpp * 7):   # every 7th pixel is plenty to judge variety
        r, g, b = line[x], line[x + 1], line[x + 2]
        lum = 0.2126 * r + 0.7152 * g + 0.0722 * b
        lum_sum += lum
        lum_sq += lum * lum
        if len(colours) < 5000: colours.add((r, g, b))
n = h * len(range(0, stride, bpp * 7))
mean = lum_sum / n
std = max(0.0, lum_sq / n - mean * mean) ** 0.5
if std < 8 or len(colours) < 50:
    sys.exit(f"{path}: looks blank (luminance std-dev {std:.1f}, {len(colours)} colours)")
print(f"{path}: {w}x{h}, luminance std-dev {std:.1f}, {len(colours)} colours")
PY
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
