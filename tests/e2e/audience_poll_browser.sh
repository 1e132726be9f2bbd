#!/usr/bin/env bash
# End-to-end: a topic poll on the real `pycast live` in three phone-sized headless Chromium
# contexts, driven by tests/browser/poll_page.mjs (the producer creates, opens and closes it over
# the control API; the phones vote, one changes its vote; every page shows the final bars); the
# screenshot is checked for content. Exits 77 (skipped) only when chromium or the npm packages
# are not installed.
set -euo pipefail
: "${PYCAST_CLI:?set PYCAST_CLI to the pycast binary}"
: "${PYCAST_SOURCE_DIR:?set PYCAST_SOURCE_DIR to the source tree}"

E2E_NAME=poll-browser
# shellcheck source=lib/live_audience.sh
source "$(dirname "$0")/lib/live_audience.sh"

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
