#!/usr/bin/env bash
# End-to-end: the real `pycast live` with the audience page on a free port, driven in headless
# Chromium at phone size by tests/browser/audience_page.mjs (ask in Chinese, approve over the
# control API, see it arrive without a reload, vote, <script> as text); the screenshot is checked
# for content. Exits 77 (skipped) only when chromium or the npm packages are not installed.
set -euo pipefail
: "${PYCAST_CLI:?set PYCAST_CLI to the pycast binary}"
: "${PYCAST_SOURCE_DIR:?set PYCAST_SOURCE_DIR to the source tree}"

E2E_NAME=audience-browser
# shellcheck source=lib/live_audience.sh
source "$(dirname "$0")/lib/live_audience.sh"

AUDIENCE_URL="$AUDIENCE_URL" CONTROL_URL="$CONTROL_URL" CONTROL_TOKEN="$TOKEN" \
    SCREENSHOT="$TMP/audience-zh.png" SCREENSHOT_EN="$TMP/audience-en.png" CHROMIUM="$CHROMIUM" \
    node "$BROWSER_DIR/audience_page.mjs" || fail "the browser test failed (above)"

# A phone-sized screenshot with something on it (not one flat colour).
for png in "$TMP/audience-zh.png" "$TMP/audience-en.png"; do
    python3 "$PYCAST_SOURCE_DIR/tests/e2e/lib/png_check.py" "$png" 780 1688 ||
        fail "$(basename "$png") is not a 390×844 (at 2×) screenshot with content"
done
if [[ -n ${PYCAST_KEEP_SCREENSHOTS:-} ]]; then
    cp "$TMP"/audience-*.png "$PYCAST_KEEP_SCREENSHOTS"/
fi

grep -q "$PIN" "$TMP/s/session.json" || fail "the audience PIN is not kept in session.json"

kill -TERM "$PID"
rc=0
wait "$PID" || rc=$?
PID=""
[[ $rc == 0 ]] || fail "pycast live exited $rc after SIGTERM, expected 0"
echo "ok: audience page in Chromium against pycast live"
