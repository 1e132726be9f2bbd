#!/usr/bin/env bash
# End-to-end: `pycast questions import|list` into a show and a session (refused while live,
# after the end too), list in every format, and the report's questions.
set -euo pipefail
: "${PYCAST_CLI:?set PYCAST_CLI to the pycast binary}"
: "${PYCAST_SOURCE_DIR:?set PYCAST_SOURCE_DIR to the source tree}"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/pycast-questions.XXXXXX")
PID=""
cleanup() {
    if [[ -n $PID ]] && kill -0 "$PID" 2>/dev/null; then kill -9 "$PID" 2>/dev/null || true; fi
    rm -rf "$TMP"
}
trap cleanup EXIT
fail() {
    echo "FAIL: $*" >&2
    for f in out err live-out live-err; do
        [[ -f $TMP/$f ]] && { echo "--- $f:" >&2; cat "$TMP/$f" >&2; }
    done
    exit 1
}
# run EXPECTED_EXIT ARGS...: runs pycast with stdout in $TMP/out, stderr in $TMP/err.
run() {
    local want=$1; shift
    local rc=0
    "$PYCAST_CLI" "$@" >"$TMP/out" 2>"$TMP/err" || rc=$?
    [[ $rc == "$want" ]] || fail "pycast $* exited $rc, expected $want"
}

DATA="$PYCAST_SOURCE_DIR/tests/data/questions"
SHOW="$TMP/show.json"
python3 - "$PYCAST_SOURCE_DIR/shows/pycast-episode.json" "$SHOW" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
d["topics"] = ["職涯 Career", "技術 Tech", "徵才 Hiring", "公司文化 Culture"]
json.dump(d, open(sys.argv[2], "w"), ensure_ascii=False, indent=2)
EOF
cp "$SHOW" "$TMP/show.orig"

# --- Into the show ---------------------------------------------------------------------------
# A bad row: exit 1 and nothing written, in a dry run and with --write.
printf '\xEF\xBB\xBF時間戳記,姓名,問題,主題\r\n2026/11/20 下午 3:04:05,Amy,Good one?,技術\r\n2026/11/20 下午 3:05:00,Bob,,技術\r\n2026/11/20 下午 3:06:00,Cy,Another?,AI\r\n' >"$TMP/bad.csv"
run 1 questions import "$TMP/bad.csv" --show "$SHOW"
grep -q "row 3: the question is empty" "$TMP/err" || fail "no row 3 error: $(cat "$TMP/err")"
grep -q "row 4: topic \"AI\" is not one of the show's topics (\"職涯 Career\"" "$TMP/err" ||
    fail "no row 4 topic error: $(cat "$TMP/err")"
grep -q "2 bad rows; nothing would be written" "$TMP/err" || fail "no summary: $(cat "$TMP/err")"
run 1 questions import "$TMP/bad.csv" --show "$SHOW" --write
grep -q "2 bad rows; nothing written" "$TMP/err" || fail "no --write summary: $(cat "$TMP/err")"
cmp -s "$SHOW" "$TMP/show.orig" || fail "a refused import changed the show"
[[ ! -e $SHOW.bak ]] || fail "a refused import left a .bak"

# A Google Form export (BOM, Chinese headers, a multi-line question): dry run, then --write.
run 0 questions import "$DATA/google-form-zh.csv" --show "$SHOW"
grep -q "would import 3 questions" "$TMP/out" || fail "dry run: $(cat "$TMP/out")"
grep -q "dry run: .* not changed" "$TMP/out" || fail "dry run does not say so"
cmp -s "$SHOW" "$TMP/show.orig" || fail "a dry run changed the show"
run 0 questions import "$DATA/google-form-zh.csv" --show "$SHOW" --write
grep -q "3 questions added" "$TMP/out" || fail "--write: $(cat "$TMP/out")"
[[ -e $SHOW.bak ]] || fail "no .bak after --write"
run 0 validate "$SHOW"
run 0 questions list --show "$SHOW" --format json
python3 - "$TMP/out" <<'EOF' || fail "show list json: $(cat "$TMP/out")"
import json, sys
d = json.load(open(sys.argv[1]))
qs = d["questions"]
assert len(qs) == 5, len(qs)
multi = [q for q in qs if q["text"].startswith("Django")]
assert multi and multi[0]["text"].count("\n") == 2, multi
assert all(q["state"] == "approved" for q in qs)
EOF
grep -q '"submitted_at": "2026/11/20 下午 3:04:05"' "$SHOW" || fail "the form's time stamp is not kept"
# Mapping by hand: the question column named by letter.
printf 'When,Who,Words\r\nyesterday,Dee,Mapped by hand?\r\n' >"$TMP/odd.csv"
run 1 questions import "$TMP/odd.csv" --show "$SHOW"
grep -q "no question column" "$TMP/err" || fail "unmapped file: $(cat "$TMP/err")"
run 0 questions import "$TMP/odd.csv" --show "$SHOW" --map text=C,name=Who
grep -q "text <- \"Words\" (column C), name <- \"Who\" (column B)" "$TMP/out" || fail "mapping: $(cat "$TMP/out")"
run 2 questions import "$TMP/odd.csv" --show "$SHOW" --map asker=B

# --- Into a session ----------------------------------------------------------------------------
SESSION="$TMP/session"
"$PYCAST_CLI" live "$SHOW" --session "$SESSION" --api 127.0.0.1:0 --control-token qtoken \
    >"$TMP/live-out" 2>"$TMP/live-err" &
PID=$!
URL=""
for _ in $(seq 1 100); do
    URL=$(grep -o 'control API on http://127\.0\.0\.1:[0-9]*' "$TMP/live-out" 2>/dev/null | sed 's/control API on //' || true)
    [[ -n $URL ]] && break
    kill -0 "$PID" 2>/dev/null || fail "pycast live exited before it listened"
    sleep 0.1
done
[[ -n $URL ]] || fail "pycast live did not print its address"
curl -sf -X POST -H "Authorization: Bearer qtoken" "$URL/api/start" >/dev/null || fail "start failed"

# While it is live: a dry run reads, list reads, --write is refused and changes nothing.
cp "$SESSION/journal.jsonl" "$TMP/journal.before"
run 0 questions import "$DATA/excel-en.csv" --session "$SESSION"
grep -q "would import 3 questions" "$TMP/out" || fail "session dry run: $(cat "$TMP/out")"
run 1 questions import "$DATA/excel-en.csv" --session "$SESSION" --write
grep -q "the session is live in another program (pycast live or the studio); use that program, or stop it first" "$TMP/err" ||
    fail "no lock refusal: $(cat "$TMP/err")"
cmp -s "$SESSION/journal.jsonl" "$TMP/journal.before" || fail "a refused import wrote to the journal"
run 0 questions list --session "$SESSION"
grep -q "轉職到資料工程需要先學什麼" "$TMP/out" || fail "live list: $(cat "$TMP/out")"

# Interrupted (kill -9): the import goes in, as approved questions from "import".
kill -9 "$PID"
wait "$PID" 2>/dev/null || true
PID=""
run 0 questions import "$DATA/excel-en.csv" --session "$SESSION" --write
grep -q "imported 3 questions into .* as approved" "$TMP/out" || fail "session --write: $(cat "$TMP/out")"
[[ $(grep -c '"type":"question-submit".*"source":"import"' "$SESSION/journal.jsonl") == 3 ]] ||
    fail "the journal does not hold 3 imported submissions"
grep -q '"votes":12' "$SESSION/journal.jsonl" || fail "the votes column did not reach the journal"

# List in all four formats.
run 0 questions list --session "$SESSION"
head -1 "$TMP/out" | grep -q "^ID .*STATE .*VOTES .*TOPICS .*NAME .*FOR .*QUESTION" || fail "text header: $(head -1 "$TMP/out")"
grep -q "How do you test async code?" "$TMP/out" || fail "text list lacks the import"
run 0 questions list --session "$SESSION" --format md
grep -q "^| ID | State | Votes | Topics | Asked by | For | Question |$" "$TMP/out" || fail "md header"
run 0 questions list --session "$SESSION" --format csv
head -c 3 "$TMP/out" | grep -q $'\xEF\xBB\xBF' || fail "csv without its BOM"
grep -q "'-1 for tabs: why spaces?" "$TMP/out" || fail "the csv did not neutralise a formula-like cell"
run 0 questions list --session "$SESSION" --format json
python3 - "$TMP/out" <<'EOF' || fail "session list json: $(cat "$TMP/out")"
import json, sys
d = json.load(open(sys.argv[1]))
qs = d["questions"]
assert len(qs) == 8, len(qs)
imported = [q for q in qs if q["source"] == "import"]
assert len(imported) == 3 and all(q["state"] == "approved" for q in imported), imported
assert max(q["votes"] for q in imported) == 12
assert d["counts"]["approved"] == 8, d["counts"]
EOF
run 0 questions list --session "$SESSION" --state answered --format json
python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["questions"] == []' "$TMP/out" || fail "--state filter"
run 2 questions list --session "$SESSION" --state nope

# The report has them during the show, and the ended session refuses further imports.
run 0 report "$SESSION"
grep -q "^| import | 3 | 0 | 3 | 0 | 0 | 0 |$" "$TMP/out" || fail "report per source: $(cat "$TMP/out")"
"$PYCAST_CLI" live --resume --session "$SESSION" --api 127.0.0.1:0 --control-token qtoken >"$TMP/live-out" 2>"$TMP/live-err" &
PID=$!
URL=""
for _ in $(seq 1 100); do
    URL=$(grep -o 'control API on http://127\.0\.0\.1:[0-9]*' "$TMP/live-out" 2>/dev/null | sed 's/control API on //' || true)
    [[ -n $URL ]] && break
    kill -0 "$PID" 2>/dev/null || fail "pycast live --resume exited before it listened"
    sleep 0.1
done
[[ -n $URL ]] || fail "pycast live --resume did not print its address"
curl -sf -H "Authorization: Bearer qtoken" "$URL/api/moderation" >"$TMP/moderation" || fail "moderation"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert sum(q["source"]=="import" for q in d["questions"]) == 3' "$TMP/moderation" ||
    fail "the resumed session lost the imported questions: $(cat "$TMP/moderation")"
curl -sf -X POST -H "Authorization: Bearer qtoken" "$URL/api/end" >/dev/null || fail "end failed"
for _ in $(seq 1 50); do
    kill -0 "$PID" 2>/dev/null || break
    sleep 0.1
done
wait "$PID" 2>/dev/null || true
PID=""
grep -q "^## Questions$" "$SESSION/report.md" || fail "report.md has no questions"
grep -q "^question-source,,import,import,.*,3,0,3,0,0,0" "$SESSION/report.csv" || fail "report.csv has no import row"
run 1 questions import "$DATA/excel-en.csv" --session "$SESSION" --write
grep -q "the session has ended; its questions can no longer change" "$TMP/err" || fail "ended: $(cat "$TMP/err")"

echo "ok: questions import (show, session; refused while live and after the end), list in 4 formats, report"
