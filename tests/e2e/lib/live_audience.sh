# Shared by the audience page's browser tests: skips (exit 77) without Debian's chromium, node
# or the npm packages; starts `pycast live` on the AMA sample with the control API and the
# audience page on free loopback ports; sets AUDIENCE_URL (with ?pin=), CONTROL_URL, TOKEN, PIN,
# TMP (removed on exit), PID, CHROMIUM, BROWSER_DIR and fail(). Source it after setting
# E2E_NAME (the temporary folder's name).
BROWSER_DIR="$PYCAST_SOURCE_DIR/tests/browser"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
if [[ ! -x $CHROMIUM ]] || ! command -v node >/dev/null; then
    echo "SKIP: needs Debian's chromium and node (tools/dev deps installs them)"
    exit 77
fi
if [[ ! -d $BROWSER_DIR/node_modules/playwright-core ]]; then
    echo "SKIP: needs playwright-core in tests/browser/node_modules (tools/dev deps runs npm ci there)"
    exit 77
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/pycast-${E2E_NAME:-browser}.XXXXXX")
PID=""
cleanup() {
    if [[ -n $PID ]] && kill -0 "$PID" 2>/dev/null; then kill -9 "$PID" 2>/dev/null || true; fi
    rm -rf "$TMP"
}
trap cleanup EXIT
fail() {
    echo "FAIL: $*" >&2
    echo "--- pycast live stdout:" >&2; cat "$TMP/out" >&2 2>/dev/null || true
    echo "--- pycast live stderr:" >&2; cat "$TMP/err" >&2 2>/dev/null || true
    exit 1
}

TOKEN="e2e-$RANDOM-$RANDOM"
PIN=123456
# A show with topics, so the page offers them. Port 0 for both listeners: each picks a free port
# and pycast prints it.
"$PYCAST_CLI" live "$PYCAST_SOURCE_DIR/shows/pycast-ama.json" --session "$TMP/s" \
    --api 127.0.0.1:0 --control-token "$TOKEN" \
    --audience 127.0.0.1:0 --audience-pin "$PIN" >"$TMP/out" 2>"$TMP/err" &
PID=$!

AUDIENCE_URL=""
CONTROL_URL=""
for _ in $(seq 1 100); do
    AUDIENCE_URL=$(grep -o "http://127\.0\.0\.1:[0-9]*/?pin=$PIN" "$TMP/out" 2>/dev/null | head -n1 || true)
    CONTROL_URL=$(grep -o 'control API on http://127\.0\.0\.1:[0-9]*' "$TMP/out" 2>/dev/null | sed 's/control API on //' || true)
    [[ -n $AUDIENCE_URL && -n $CONTROL_URL ]] && break
    if ! kill -0 "$PID" 2>/dev/null; then
        grep -q -- "unknown option --audience" "$TMP/err" &&
            fail "this pycast has no --audience (the audience server, src/server/audience_api.cpp, is not in this build)"
        fail "pycast live exited before it listened"
    fi
    sleep 0.1
done
[[ -n $AUDIENCE_URL ]] || fail "pycast live did not print the audience page's URL (http://127.0.0.1:PORT/?pin=$PIN) within 10 s"
[[ -n $CONTROL_URL ]] || fail "pycast live did not print the control API's address within 10 s"
