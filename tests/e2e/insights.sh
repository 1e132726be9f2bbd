#!/usr/bin/env bash
# End-to-end: two shows run with `pycast live` (questions from phones over the audience API,
# moderated and answered over the control API), a third session folder damaged; `pycast insights`
# writes one session's report and the series' (naming the damaged one); the HTML page is opened
# in headless Chromium, its screenshot checked for content and its SVG charts for their titles.
# Exits 77 (skipped) only when Debian's chromium is not installed.
set -euo pipefail
: "${PYCAST_CLI:?set PYCAST_CLI to the pycast binary}"
: "${PYCAST_SOURCE_DIR:?set PYCAST_SOURCE_DIR to the source tree}"

CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
if [[ ! -x $CHROMIUM ]]; then
    echo "SKIP: needs Debian's chromium (tools/dev deps installs it)"
    exit 77
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/pycast-insights.XXXXXX")
PID=""
cleanup() {
    if [[ -n $PID ]] && kill -0 "$PID" 2>/dev/null; then kill -9 "$PID" 2>/dev/null || true; fi
    rm -rf "$TMP"
}
trap cleanup EXIT
fail() {
    echo "FAIL: $*" >&2
    for f in out err insights.out insights.err series.out series.err; do
        [[ -f $TMP/$f ]] && { echo "--- $f:" >&2; cat "$TMP/$f" >&2; }
    done
    exit 1
}

TOKEN="ins-$RANDOM-$RANDOM"
PIN=123456
SHOW="$TMP/show.json"
# The sample episode with topics, so questions are counted per topic, and a prepared poll.
python3 - "$PYCAST_SOURCE_DIR/shows/pycast-episode.json" "$SHOW" <<'PY'
import json, sys
show = json.load(open(sys.argv[1]))
show["topics"] = ["AI", "Web <前端>"]
show["polls"] = [{"id": "poll-next", "question": "下次想聽什麼主題？", "options": ["AI", "Web", "DevOps", "Data", "職涯"]}]
json.dump(show, open(sys.argv[2], "w"), ensure_ascii=False, indent=2)
PY

ctl() {  # ctl METHOD PATH [JSON]: prints the HTTP status; body in $TMP/body
    local args=(-s -o "$TMP/body" -w '%{http_code}' -X "$1" -H "Authorization: Bearer $TOKEN")
    if [[ $# -ge 3 ]]; then args+=(-H 'Content-Type: application/json' --data-binary "$3"); fi
    curl "${args[@]}" "$API$2" || echo "curl-failed"
}
aud() {
    local args=(-s -o "$TMP/body" -w '%{http_code}' -X "$1")
    if [[ $# -ge 3 ]]; then args+=(-H 'Content-Type: application/json' --data-binary "$3"); fi
    curl "${args[@]}" "$AUD$2" || echo "curl-failed"
}
expect() {  # expect STATUS ctl|aud METHOD PATH [JSON]
    local want=$1; shift
    local got; got=$("$@")
    [[ $got == "$want" ]] || fail "$* gave HTTP $got, expected $want: $(cat "$TMP/body" 2>/dev/null)"
}
json() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$TMP/body" "$1"; }

# run_show DIR: one short show: four phones on the page, a poll, two questions from two phones
# (one approved, voted by a third phone and answered), through the segments, ended over the API.
run_show() {
    "$PYCAST_CLI" live "$SHOW" --session "$1" --api 127.0.0.1:0 --control-token "$TOKEN" \
        --audience 127.0.0.1:0 --audience-pin "$PIN" >"$TMP/out" 2>"$TMP/err" &
    PID=$!
    API=""; AUD=""
    for _ in $(seq 1 100); do
        API=$(grep -o 'control API on http://127\.0\.0\.1:[0-9]*' "$TMP/out" 2>/dev/null | sed 's/control API on //' || true)
        AUD=$(grep -o 'audience page on http://127\.0\.0\.1:[0-9]*' "$TMP/out" 2>/dev/null | sed 's/audience page on //' || true)
        [[ -n $API && -n $AUD ]] && break
        kill -0 "$PID" 2>/dev/null || fail "pycast live exited before it listened"
        sleep 0.1
    done
    [[ -n $API && -n $AUD ]] || fail "pycast live did not print both addresses within 10 s"
    expect 200 ctl POST /api/start
    # Four phones open the page (a read with their device id counts the visit), three vote in
    # the show's poll (one changes its mind), the poll closes.
    for d in aaaaaaaaaaaa bbbbbbbbbbbb cccccccccccc dddddddddddd; do
        expect 200 aud GET "/api/polls?pin=$PIN&device=phone-$d"
    done
    expect 200 ctl POST /api/polls/poll-next/open
    expect 200 aud POST /api/polls/poll-next/vote "{\"pin\":\"$PIN\",\"device\":\"phone-aaaaaaaaaaaa\",\"option\":\"AI\"}"
    expect 200 aud POST /api/polls/poll-next/vote "{\"pin\":\"$PIN\",\"device\":\"phone-bbbbbbbbbbbb\",\"option\":\"Web\"}"
    expect 200 aud POST /api/polls/poll-next/vote "{\"pin\":\"$PIN\",\"device\":\"phone-bbbbbbbbbbbb\",\"option\":\"AI\"}"
    expect 200 aud POST /api/polls/poll-next/vote "{\"pin\":\"$PIN\",\"device\":\"phone-dddddddddddd\",\"option\":\"Web\"}"
    expect 200 ctl POST /api/polls/poll-next/close
    expect 201 aud POST /api/questions "{\"pin\":\"$PIN\",\"text\":\"<b>AI</b> 怎麼入門？\",\"topic\":\"AI\",\"device\":\"phone-aaaaaaaaaaaa\"}"
    local q1; q1=$(json 'd["id"]')
    expect 201 aud POST /api/questions "{\"pin\":\"$PIN\",\"text\":\"Which framework?\",\"topic\":\"Web <前端>\",\"device\":\"phone-bbbbbbbbbbbb\"}"
    expect 200 ctl POST "/api/questions/$q1/approve"
    expect 200 aud POST "/api/questions/$q1/vote" "{\"pin\":\"$PIN\",\"device\":\"phone-cccccccccccc\"}"
    expect 200 ctl POST /api/next
    expect 200 ctl POST "/api/questions/$q1/answered"
    expect 200 ctl POST /api/next
    expect 200 ctl POST /api/end
    local rc=0
    wait "$PID" || rc=$?
    PID=""
    [[ $rc == 0 ]] || fail "pycast live exited $rc after /api/end"
}

SESSIONS="$TMP/sessions"
run_show "$SESSIONS/2026-11-25-ep3"
run_show "$SESSIONS/2026-11-26-ep4"
mkdir -p "$SESSIONS/2026-11-27-ep5"
echo '{"damaged' >"$SESSIONS/2026-11-27-ep5/show.json"

# One session.
OUT="$TMP/out-one"
rc=0
"$PYCAST_CLI" insights --out "$OUT" "$SESSIONS/2026-11-25-ep3" >"$TMP/insights.out" 2>"$TMP/insights.err" || rc=$?
[[ $rc == 0 ]] || fail "pycast insights on one session exited $rc"
for f in insights.html insights.md insights-time.csv insights-airtime.csv insights-questions.csv \
         insights-polls.csv insights-summary.csv; do
    [[ -s $OUT/$f ]] || fail "no $f written"
    grep -qF "wrote $OUT/$f" "$TMP/insights.out" || fail "$f not listed as written"
done
grep -q '4 devices opened the audience page, 2 asked and 4 voted' "$TMP/insights.out" ||
    fail "the summary does not count the phones"
grep -q '4 個裝置開啟了觀眾頁面，2 個提問、4 個投票' "$TMP/insights.out" || fail "no Chinese summary"
grep -q 'In the poll "下次想聽什麼主題？", "AI" won with 66.7% of 3 votes.' "$TMP/insights.out" ||
    fail "the summary does not give the poll's result"
python3 - "$OUT/insights-polls.csv" <<'PY' || fail "insights-polls.csv does not hold the votes"
import csv, sys
rows = {r["option"]: r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8-sig"))}
assert (rows["AI"]["votes"], rows["AI"]["percent"], rows["AI"]["winner"]) == ("2", "66.7", "yes"), rows["AI"]
assert (rows["Web"]["votes"], rows["Web"]["percent"]) == ("1", "33.3"), rows["Web"]
assert rows["AI"]["state"] == "closed"
PY
head -c 3 "$OUT/insights-time.csv" | od -An -tx1 | grep -q 'ef bb bf' || fail "insights-time.csv has no BOM"
HTML="$OUT/insights.html"
grep -q '<html lang="zh-Hant">' "$HTML" || fail "the page is not lang=zh-Hant"
for title in 'Planned vs actual per segment' 'Guests&#39; airtime per company vs plan' 'Airtime per speaker' \
             'Questions per topic'; do
    grep -q "<title id=\"chart-[a-z-]*-t\">$title" "$HTML" || fail "no chart titled '$title'"
done
grep -q '<title id="chart-poll-1-t">Poll 投票: 下次想聽什麼主題？' "$HTML" || fail "no chart for the show's poll"
grep -q '>DevOps<' "$HTML" || fail "the poll's options are not labelled"
grep -q '>2 (66.7%)<' "$HTML" || fail "the poll's bars do not carry their figures"
grep -q 'class="limit"' "$HTML" || fail "the company limit is not drawn"
grep -q '>Web &lt;前端&gt;<' "$HTML" || fail "a topic label is not escaped in the chart"
grep -q '<script' "$HTML" && fail "the page holds a script"
grep -o 'https\?://[^"]*' "$HTML" | grep -v '^http://www.w3.org/2000/svg$' && fail "the page refers to something outside it"
grep -q 'plan-based on actual segment times' "$HTML" || fail "the plan-based airtime is not labelled"

# The page as a browser draws it, at A4-ish width.
PNG="$TMP/insights.png"
"$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars --screenshot="$PNG" \
    --window-size=900,2400 "file://$HTML" >/dev/null 2>&1 || fail "chromium could not draw the page"
[[ -s $PNG ]] || fail "no screenshot"
python3 "$PYCAST_SOURCE_DIR/tests/e2e/lib/png_check.py" "$PNG" 900 2400 || fail "the screenshot is blank"

# The series: the sessions folder; the damaged one is named, the two others reported.
OUT="$TMP/out-series"
rc=0
"$PYCAST_CLI" insights --out "$OUT" "$SESSIONS" >"$TMP/series.out" 2>"$TMP/series.err" || rc=$?
[[ $rc == 1 ]] || fail "pycast insights with a damaged session exited $rc, expected 1"
grep -q '2026-11-27-ep5' "$TMP/series.err" || fail "the damaged session is not named on stderr"
for f in series.html series.md series-episodes.csv series-companies.csv series-audience.csv \
         series-polls.csv series-failures.csv 2026-11-25-ep3/insights.html 2026-11-26-ep4/insights.html; do
    [[ -s $OUT/$f ]] || fail "no $f written"
done
[[ -e $OUT/2026-11-27-ep5 ]] && fail "the damaged session got a report"
grep -q '2026-11-27-ep5' "$OUT/series.md" || fail "series.md does not name the damaged session"
grep -q '2026-11-27-ep5' "$OUT/series-failures.csv" || fail "series-failures.csv does not name it"
python3 - "$OUT/series-episodes.csv" <<'PY' || fail "series-episodes.csv does not list the two sessions"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8-sig")))
assert [r["folder"] for r in rows] == ["2026-11-25-ep3", "2026-11-26-ep4"], rows
PY
grep -q 'Who has had the most airtime so far' "$OUT/series.html" || fail "no companies-so-far chart"
python3 - "$OUT" <<'PY' || fail "the series page does not link each session's page"
import os, re, sys, urllib.parse
html = open(os.path.join(sys.argv[1], "series.html"), encoding="utf-8").read()
links = re.findall(r'<a href="([^"]*)">', html)
assert len(links) == 2, links
for link in links:
    assert os.path.isfile(os.path.join(sys.argv[1], urllib.parse.unquote(link))), link
PY
"$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars --screenshot="$TMP/series.png" \
    --window-size=900,1800 "file://$OUT/series.html" >/dev/null 2>&1 || fail "chromium could not draw the series page"
python3 "$PYCAST_SOURCE_DIR/tests/e2e/lib/png_check.py" "$TMP/series.png" 900 1800 || fail "the series screenshot is blank"

echo "ok: insights of one session and of a series (one damaged, named), pages drawn by Chromium"
