#!/usr/bin/env bash
# End-to-end: `pycast recover` repairs crashed track files (sox's, ffmpeg's RF64-ready ones) so
# ffprobe and sox read every sample again, refuses a live session and a non-WAV, leaves whole files be.
set -euo pipefail
: "${PYCAST_CLI:?set PYCAST_CLI to the pycast binary}"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/pycast-recover.XXXXXX")
LOCKPID=""
cleanup() {
    if [[ -n $LOCKPID ]] && kill -0 "$LOCKPID" 2>/dev/null; then kill "$LOCKPID" 2>/dev/null || true; fi
    rm -rf "$TMP"
}
trap cleanup EXIT
fail() {
    echo "FAIL: $*" >&2
    echo "--- pycast recover stdout:" >&2; cat "$TMP/out" >&2 2>/dev/null || true
    echo "--- pycast recover stderr:" >&2; cat "$TMP/err" >&2 2>/dev/null || true
    exit 1
}
recover() {   # recover ARGS...: sets RC, output in $TMP/out and $TMP/err
    RC=0
    "$PYCAST_CLI" recover "$@" >"$TMP/out" 2>"$TMP/err" || RC=$?
}
samples() { ffprobe -v error -select_streams a:0 -show_entries stream=duration_ts -of default=nw=1:nk=1 "$1"; }
duration() { ffprobe -v error -select_streams a:0 -show_entries stream=duration -of default=nw=1:nk=1 "$1"; }
# damage FILE [STRAY_BYTES]: zero the RIFF and data sizes and a fact chunk's sample count (a
# crash before the first header refresh) and append stray bytes (a torn last sample).
damage() {
    python3 - "$1" "${2:-0}" <<'PY'
import struct, sys
path, stray = sys.argv[1], int(sys.argv[2])
b = bytearray(open(path, 'rb').read())
b[4:8] = b'\0\0\0\0'
at = 12
while b[at:at + 4] != b'data':
    if b[at:at + 4] == b'fact':
        b[at + 8:at + 12] = b'\0\0\0\0'
    at += 8 + struct.unpack('<I', b[at + 4:at + 8])[0]
    at += at & 1
b[at + 4:at + 8] = b'\0\0\0\0'
b += b'\x55' * stray
open(path, 'wb').write(b)
PY
}
# audio FILE: the bytes of the data chunk (its first N bytes when N is given), hex of the sha256.
audio() {
    python3 - "$1" "${2:-0}" <<'PY'
import hashlib, struct, sys
path, limit = sys.argv[1], int(sys.argv[2])
with open(path, 'rb') as f:
    b = f.read(1 << 16)
    at = 12
    while b[at:at + 4] != b'data':
        at += 8 + struct.unpack('<I', b[at + 4:at + 8])[0]
        at += at & 1
    size = struct.unpack('<I', b[at + 4:at + 8])[0]
    if size == 0xFFFFFFFF:  # RF64: the size is in ds64
        size = struct.unpack('<Q', b[28:36])[0]
    f.seek(at + 8)
    print(hashlib.sha256(f.read(limit or size)).hexdigest())
PY
}

# --- a session with two tracks, as the recorder leaves them after kill -9 -----------------------
S="$TMP/session"
mkdir -p "$S/tracks"
echo '{"seq":1,"t_ms":0,"wall":"2026-12-17T20:00:00Z","type":"session_started"}' >"$S/journal.jsonl"
sox -n -r 48000 -b 24 -c 1 "$S/tracks/01-host.wav" synth 3 sine 440
sox -n -r 48000 -b 24 -c 1 "$S/tracks/02-guest.wav" synth 3.5 sine 330
cp "$S/tracks/01-host.wav" "$TMP/host.orig.wav"
cp "$S/tracks/02-guest.wav" "$TMP/guest.orig.wav"
[[ $(samples "$TMP/host.orig.wav") == 144000 ]] || fail "sox did not make the 3 s track"
damage "$S/tracks/01-host.wav" 2
[[ $(samples "$S/tracks/01-host.wav") != 144000 ]] || fail "the damage did not hide the samples from ffprobe"
cp "$S/tracks/01-host.wav" "$TMP/host.damaged.wav"

# A session live in another program (its journal locked, as pycast live and the studio hold it).
python3 -c "import fcntl, sys, time
f = open(sys.argv[1]); fcntl.flock(f, fcntl.LOCK_EX)
open(sys.argv[2], 'w').close(); time.sleep(60)" "$S/journal.jsonl" "$TMP/locked" &
LOCKPID=$!
for _ in $(seq 1 100); do [[ -e $TMP/locked ]] && break; sleep 0.1; done
[[ -e $TMP/locked ]] || fail "could not lock the journal for the test"
recover "$S"
[[ $RC -ne 0 ]] || fail "a live session was repaired under its recorder"
grep -q "the session is live in another program" "$TMP/err" || fail "the refusal does not say the session is live"
grep -q "stop it first" "$TMP/err" || fail "the refusal does not say what to do"
cmp -s "$S/tracks/01-host.wav" "$TMP/host.damaged.wav" || fail "a refused recover changed a file"
kill "$LOCKPID"; wait "$LOCKPID" 2>/dev/null || true; LOCKPID=""

recover "$S"
[[ $RC -eq 0 ]] || fail "recover of a crashed session exited $RC"
grep -qx "tracks/01-host.wav: repaired — header said 0:00.000, file holds 0:03.000 (144 000 samples); dropped 2 torn bytes" "$TMP/out" \
    || fail "the repaired track's line"
grep -qx "tracks/02-guest.wav: ok, 0:03.500" "$TMP/out" || fail "the whole track's line"
grep -qx "2 files: 1 repaired, 1 already whole" "$TMP/out" || fail "the summary"
[[ $(samples "$S/tracks/01-host.wav") == 144000 ]] || fail "ffprobe reads $(samples "$S/tracks/01-host.wav") samples, not 144000"
[[ $(duration "$S/tracks/01-host.wav") == 3.000000 ]] || fail "ffprobe's duration is $(duration "$S/tracks/01-host.wav")"
[[ $(soxi -s "$S/tracks/01-host.wav") == 144000 ]] || fail "sox reads $(soxi -s "$S/tracks/01-host.wav") samples"
[[ $(audio "$S/tracks/01-host.wav") == $(audio "$TMP/host.orig.wav") ]] || fail "the samples changed"
cmp -s "$S/tracks/01-host.wav" "$TMP/host.orig.wav" || fail "the repaired file is not the one sox wrote"
cmp -s "$S/tracks/02-guest.wav" "$TMP/guest.orig.wav" || fail "a whole track was touched"
python3 -c "import wave,sys; w=wave.open(sys.argv[1]); assert w.getnframes()==144000, w.getnframes()" \
    "$S/tracks/01-host.wav" 2>/dev/null || true   # python's wave does not read EXTENSIBLE: sox and ffprobe decide

recover "$S"
[[ $RC -eq 0 ]] || fail "a second recover exited $RC"
grep -qx "2 files: 0 repaired, 2 already whole" "$TMP/out" || fail "a second recover changed something"

# --- a file that is not a WAV: refused with a clear message, the others still repaired ----------
echo "not audio" >"$S/tracks/03-notes.wav"
damage "$S/tracks/02-guest.wav" 1
recover "$S"
[[ $RC -eq 1 ]] || fail "a non-WAV track should exit 1, got $RC"
grep -q 'tracks/03-notes.wav: not a WAV file: starts with "not ", not "RIFF"' "$TMP/err" || fail "the non-WAV message"
grep -qx "tracks/02-guest.wav: repaired — header said 0:00.000, file holds 0:03.500 (168 000 samples); dropped 1 torn byte" "$TMP/out" \
    || fail "the other track was not repaired beside the non-WAV"
cmp -s "$S/tracks/02-guest.wav" "$TMP/guest.orig.wav" || fail "the guest track is not as sox wrote it"
[[ $(cat "$S/tracks/03-notes.wav") == "not audio" ]] || fail "the non-WAV was changed"
rm "$S/tracks/03-notes.wav"

# --- one file given directly, and a plain folder of WAVs ----------------------------------------
cp "$TMP/host.damaged.wav" "$TMP/single.wav"
recover "$TMP/single.wav"
[[ $RC -eq 0 ]] || fail "recover FILE exited $RC"
grep -q "single.wav: repaired" "$TMP/out" || fail "recover FILE's line"
cmp -s "$TMP/single.wav" "$TMP/host.orig.wav" || fail "recover FILE's result"
mkdir "$TMP/plain"
cp "$TMP/host.damaged.wav" "$TMP/plain/a.WAV"
recover "$TMP/plain"
[[ $RC -eq 0 ]] || fail "recover FOLDER exited $RC"
grep -qx "a.WAV: repaired — header said 0:00.000, file holds 0:03.000 (144 000 samples); dropped 2 torn bytes" "$TMP/out" \
    || fail "recover FOLDER's line"

# --- usage and missing folders -------------------------------------------------------------------
recover "$TMP/nope"
[[ $RC -eq 1 ]] || fail "a missing folder should exit 1, got $RC"
grep -q "no such folder or file" "$TMP/err" || fail "the missing-folder message"
mkdir "$TMP/empty"
recover "$TMP/empty"
[[ $RC -eq 1 ]] || fail "a folder without tracks should exit 1, got $RC"
grep -q "no .wav files to recover" "$TMP/err" || fail "the empty-folder message"
recover
[[ $RC -eq 2 ]] || fail "no argument should be a usage error"
recover --help
[[ $RC -eq 0 ]] && grep -q "usage: pycast recover" "$TMP/out" || fail "recover --help"
recover --frobnicate "$S"
[[ $RC -eq 2 ]] && grep -q "unknown option --frobnicate" "$TMP/err" || fail "an unknown option"

# --- RF64: an ffmpeg track (JUNK reserved for ds64) that passed 4 GiB before the crash ---------
# A sparse file: 4.5 GiB long, a few KiB on disk.
R="$TMP/rf64"
mkdir -p "$R/tracks"
ffmpeg -v error -f lavfi -i "sine=frequency=440:sample_rate=48000:duration=2" -c:a pcm_s24le -rf64 auto \
    "$R/tracks/long.wav"
head_sum=$(audio "$R/tracks/long.wav")
damage "$R/tracks/long.wav"
frames=1610612736                      # 4.5 GiB of 24-bit samples
offset=$(python3 -c "
import struct,sys
b=open(sys.argv[1],'rb').read(4096); at=12
while b[at:at+4]!=b'data':
    at+=8+struct.unpack('<I',b[at+4:at+8])[0]; at+=at&1
print(at+8)" "$R/tracks/long.wav")
truncate -s $(( offset + frames * 3 + 2 )) "$R/tracks/long.wav"
recover "$R"
[[ $RC -eq 0 ]] || fail "recover of a 4.5 GiB track exited $RC"
grep -qx "tracks/long.wav: repaired — header said 0:00.000, file holds 9:19:14.432 (1 610 612 736 samples), now RF64; dropped 2 torn bytes" "$TMP/out" \
    || fail "the RF64 line"
[[ $(head -c 4 "$R/tracks/long.wav") == RF64 ]] || fail "the header is not RF64"
[[ $(samples "$R/tracks/long.wav") == "$frames" ]] || fail "ffprobe reads $(samples "$R/tracks/long.wav") samples of the RF64 track"
# (sox reads RF64 too, but by scanning all 4.5 GiB: the unit tests compare it on a small RF64 track.)
[[ $(audio "$R/tracks/long.wav" 288000) == "$head_sum" ]] || fail "the RF64 track's first 2 s changed"
echo "ok"
