#!/usr/bin/env bash
# End-to-end: a topic poll on the real `pycast live` in three phone-sized headless Chromium
# contexts, driven by tests/browser/poll_page.mjs (the producer creates, opens and closes it over
# the control API; the phones vote, one changes its vote; every page shows the final bars); the
# screenshot is checked for content. Exits 77 (skipped) only when chromium or the npm packages
# are not installed.
set -euo pipefail
: "${PYCAST_CLI:?set PYCAST_CLI to the pycast binary}"
: "${PYCAST_SOURCE_DIR:?set PYCAST_SOURCE_DIR to the source tree}"

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

TMP=$(mktemp -d "${TMPDIR:-/tmp}/pycast-poll-browser.XXXXXX")
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

AUDIENCE_URL="$AUDIENCE_URL" CONTROL_URL="$CONTROL_URL" CONTROL_TOKEN="$TOKEN" \
    SCREENSHOT="$TMP/poll.png" CHROMIUM="$CHROMIUM" \
    node "$BROWSER_DIR/poll_page.mjs" || fail "the browser test failed (above)"

python3 "$PYCAST_SOURCE_DIR/tests/e2e/lib/png_check.py" "$TMP/poll.png" 780 1688 ||
    fail "poll.png is not a 390×844 (at 2×) screenshot with content"
if [[ -n ${PYCAST_KEEP_SCREENSHOTS:-} ]]; then
    cp "$TMP/poll.png" "$PYCAST_KEEP_SCREENSHOTS"/
fi

# Every vote is in the journal, the change as a second vote of the same device.
votes=$(grep -c '"poll-vote"' "$TMP/s/journal.jsonl" || true)
[[ $votes == 4 ]] || fail "the journal has $votes poll-vote events, expected 4 (three phones, one change)"
visits=$(grep -c '"audience-visit"' "$TMP/s/journal.jsonl" || true)
[[ $visits == 3 ]] || fail "the journal counts $visits visits, expected the 3 phones"

kill -TERM "$PID"
rc=0
wait "$PID" || rc=$?
PID=""
[[ $rc == 0 ]] || fail "pycast live exited $rc after SIGTERM, expected 0"
echo "ok: a poll on three phones in Chromium against pycast live"
