#!/usr/bin/env bash
# A real-time rehearsal of the Enterprise Meetup sample, shortened to 3:35 (segments of 10–40 s,
# the hard out 4 min after the start): 32 phones open the audience page, five ask, seventeen vote
# in the prepared poll (one changes), the producer moderates and answers over the control API.
# Then `pycast insights` writes its report. Takes about 4 minutes; needs build/pycast.
#   tools/demo/rehearsal.sh [SESSION_DIR] [INSIGHTS_DIR]
# The README's docs/report.png is the Report tab on such a session:
#   pycast-studio SHOW --report SESSION_DIR --size 1400x1300 --screenshot-delay 2 --screenshot docs/report.png
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CLI=${PYCAST_CLI:-$ROOT/build/pycast}
OUT=${1:-/tmp/pycast-rehearsal/session}
INSIGHTS=${2:-/tmp/pycast-rehearsal/insights}
mkdir -p "$(dirname "$OUT")"
rm -rf "$OUT"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
SHOW="$(dirname "$OUT")/rehearsal.json"
python3 - "$ROOT/shows/enterprise-meetup.json" "$SHOW" <<'PY'
import datetime, json, sys
show = json.load(open(sys.argv[1]))
start = datetime.datetime.now().replace(second=0, microsecond=0) + datetime.timedelta(minutes=1)
show["show"].update(title="Rehearsal 彩排: Python 在企業", target="3:30",
                    date=start.strftime("%Y-%m-%d"), start=start.strftime("%H:%M"),
                    hard_out=(start + datetime.timedelta(minutes=4)).strftime("%H:%M"))
for segment, length in zip(show["rundown"], ["0:15", "0:10", "0:30", "0:30", "0:30", "0:10", "0:40", "0:30", "0:10", "0:10"]):
    segment["planned"] = length
    segment.pop("fixed_start", None)
json.dump(show, open(sys.argv[2], "w"), ensure_ascii=False, indent=2)
PY
TOKEN=rehearsal-token-$RANDOM$RANDOM
PIN=246810
"$CLI" live "$SHOW" --session "$OUT" --api 127.0.0.1:0 --control-token "$TOKEN" \
    --audience 127.0.0.1:0 --audience-pin "$PIN" >"$TMP/out" 2>"$TMP/err" &
PID=$!
for _ in $(seq 1 100); do
  API=$(grep -o 'control API on http://127\.0\.0\.1:[0-9]*' "$TMP/out" 2>/dev/null | sed 's/control API on //' || true)
  AUD=$(grep -o 'audience page on http://127\.0\.0\.1:[0-9]*' "$TMP/out" 2>/dev/null | sed 's/audience page on //' || true)
  [[ -n ${API:-} && -n ${AUD:-} ]] && break; sleep 0.1
done
ctl() { curl -s -o /dev/null -w '%{http_code} ' -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' ${2:+--data-binary "$2"} "$API$1"; }
aud() { curl -s -o /dev/null -w '%{http_code} ' -X POST -H 'Content-Type: application/json' --data-binary "$2" "$AUD$1"; }
q() { aud /api/questions "{\"pin\":\"$PIN\",\"device\":\"$1\",\"text\":\"$2\",\"topic\":\"$3\"}"; }
v() { aud /api/polls/poll-next-topic/vote "{\"pin\":\"$PIN\",\"device\":\"$1\",\"option\":\"$2\"}"; }
for d in $(seq 10 41); do curl -s -o /dev/null "$AUD/api/questions?pin=$PIN&device=phone-00$d"; done
ctl /api/start; sleep 17                     # intro 0:15 -> 0:17
ctl /api/next; sleep 9                       # sponsor 0:10
ctl /api/next; sleep 38                      # fintech talk 0:30 -> 0:38 (over)
q phone-0010 "玉山的資料團隊怎麼做模型監控？" "技術 Tech"
q phone-0011 "Do you hire juniors without a CS degree?" "徵才 Hiring"
ctl /api/next; sleep 29                      # shop talk
q phone-0012 "遠端工作的比例是多少？" "公司文化 Culture"
q phone-0013 "How do you test data pipelines?" "技術 Tech"
q phone-0014 "新人第一個月做什麼？" "職涯 Career"
ctl /api/next; sleep 27                      # fab talk
ctl /api/next; sleep 5                       # break 0:10 -> 0:05
ctl /api/polls/poll-next-topic/open
for d in 15 16 17 18 19 20 21; do v phone-00$d AI; done
for d in 22 23 24 25; do v phone-00$d Data; done
for d in 26 27 28; do v phone-00$d "職涯 Career"; done
v phone-0029 DevOps; v phone-0030 Web; v phone-0031 Web
ctl /api/questions/q1/approve; ctl /api/questions/q2/approve; ctl /api/questions/q4/approve; ctl /api/questions/q5/approve; ctl /api/questions/q3/dismiss
for d in 32 33 34; do aud /api/questions/q2/vote "{\"pin\":\"$PIN\",\"device\":\"phone-00$d\"}"; done
ctl /api/next; sleep 42                      # panel 0:40
v phone-0022 AI
ctl /api/polls/poll-next-topic/close
ctl /api/next                                # Q&A
ctl /api/questions/q2/on-air; sleep 10; ctl /api/question-answered
ctl /api/questions/q1/on-air; sleep 12; ctl /api/question-answered
sleep 10
ctl /api/next; sleep 12                      # jobs
ctl /api/next; sleep 9                       # outro
ctl /api/end
wait $PID || true
echo; "$CLI" insights --out "$INSIGHTS" "$OUT"
