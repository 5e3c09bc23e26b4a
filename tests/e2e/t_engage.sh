# t_engage.sh - the engagement cycle through the real engage binary: a
# paper postcard typed in by an officer, grouped with others, a PACT vote,
# an action by a partner, feedback, and the raiser finding "you said, we
# did" with their reference.  The rules that refuse are checked on the way.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh

"$ENGAGE" demo generate --seed 1 --months 3 --out "$T/town" > /dev/null
rm -r "$T/town/engagement"	# this journey starts from no history (t_demo_engage.sh loads it)
"$ENGAGE" import town "$T/town" --database "$T/e.db" --quiet > /dev/null
db="--database $T/e.db"
today=$(date -u +%Y-%m-%d)
ahead=$(date -u -d '+60 days' +%Y-%m-%d)
due=$(date -u -d '+30 days' +%Y-%m-%d)

run_engage activity add $db --neighbourhood glanmor/GM01 --kind pact-meeting \
  --title "Town Centre PACT" --starts "${today}T10:00" --venue "Canolfan Gymunedol" \
  --adjustments step-free,hearing-loop --attendance 18 --by "PC Sioned Jenkins"
expect_rc "a PACT meeting is recorded" 0
meeting=$(printf '%s' "$out" | grep -o 'activity [0-9]*' | grep -o '[0-9]*')

run_engage concern add $db --neighbourhood glanmor/GM01 --channel postcard \
  --text "Cars speeding past the school on Stryd Fawr every morning" \
  --name "Gwen Parry" --email gwen.parry@example.org --consent --by "PC Sioned Jenkins"
expect_rc "an officer types in a postcard" 0
expect_out "the category is suggested" "category speeding (suggested"
ref=$(printf '%s' "$out" | grep -o 'ENG-[0-9A-Z-]*')
group=$(printf '%s' "$out" | grep -o 'group [0-9]*' | grep -o '[0-9]*')
[ -n "$ref" ] && ok "a reference is printed ($ref)" || not_ok "a reference is printed" "$out"

run_engage concern add $db --neighbourhood glanmor/GM01 --channel online-form --anonymous \
  --text "Boy racers on the high street, far too fast"
run_engage concern add $db --neighbourhood glanmor/GM01 --channel meeting --anonymous \
  --activity "$meeting" --text "Speeding is the big worry at the school gate"
expect_out "three people through three channels are one group" "raised by 3 people through 3 channels"

run_engage concern add $db --neighbourhood glanmor/GM01 --channel fax --text "x"
expect_rc "an unknown channel is refused" 1
expect_out "the field and why are named" 'channel: "fax" is not one of meeting'

run_engage priority candidates $db --neighbourhood glanmor/GM01
expect_out "the candidate shows its score's parts" "distinct people raising it"

run_engage priority propose $db --neighbourhood glanmor/GM01 --title "Bare" --public-text "Bare"
bare=$(printf '%s' "$out" | grep -o 'priority [0-9]*' | grep -o '[0-9]*')
run_engage priority agree "$bare" $db --meeting "$meeting" --review "$ahead"
expect_rc "a priority without source or evidence is not agreed" 1
expect_out "the rule is quoted" "without a source concern or evidence"

run_engage priority propose $db --neighbourhood glanmor/GM01 --group "$group" \
  --title "Speeding on Stryd Fawr" --public-text "Speeding on Stryd Fawr near the school"
priority=$(printf '%s' "$out" | grep -o 'priority [0-9]*' | grep -o '[0-9]*')
run_engage priority vote "$priority" $db --meeting "$meeting" --for 15 --against 2 --abstain 1
expect_rc "votes are recorded" 0
run_engage priority agree "$priority" $db --meeting "$meeting" --review 2001-01-01
expect_out "a review date in the past is refused" "in the past"
run_engage priority agree "$priority" $db --meeting "$meeting" --review "$ahead"
expect_rc "the priority is agreed" 0
run_engage priority start "$priority" $db --version 1
expect_rc "a stale version is refused" 1
expect_out "the conflict is explained" "changed by someone else"
run_engage priority start "$priority" $db
expect_rc "the priority starts" 0

run_engage action add $db --priority "$priority" --owner partner --owner-name "Road safety officer" \
  --partner-org "Porthmawr County Council" --text "Speed survey and a flashing sign" --due "$due"
expect_rc "a partner takes an action" 0
action=$(printf '%s' "$out" | grep -o 'action [0-9]*' | grep -o '[0-9]*')
run_engage action update "$action" $db --status done
expect_out "done needs a result" "say what was done"
run_engage action update "$action" $db --status done --result "Sign installed; speeds fell from 34 to 26 mph"
expect_rc "the action is done" 0

run_engage feedback give $db --priority "$priority" --outcome no-action --text "x"
expect_out "no action needs a reason" "say why"
run_engage feedback give $db --priority "$priority" --outcome partner-action \
  --text "The council put up a flashing sign; average speeds fell." --note "Paid from the road safety budget"
expect_rc "feedback closes the priority" 0
expect_out "one raiser asked to hear back" "1 message queued"

typed=$(printf '%s' "$ref" | tr 'A-Z' 'a-z' | tr -d '-' | sed 's/^eng//')
run_engage concern show "$typed" $db
expect_rc "the raiser finds it with their reference, typed loosely" 0
expect_out "it is answered" "status answered"
expect_out "they see what was done" "The council put up a flashing sign"
if printf '%s' "$out" | grep -qE 'Gwen|example\.org|budget'; then
  not_ok "the public view holds no personal data or internal note" "$out"
else ok "the public view holds no personal data or internal note"; fi
run_engage concern show ENG-XXXX-XXXXX $db
expect_rc "a mistyped reference is a usage error" 2

# --- knowing the community, planning, what needs doing, the meeting pack ---
run_engage profile show $db --neighbourhood glanmor/GM01
expect_out "the profile sums the census of its LSOAs" "residents"
expect_out "the profile shows ethnic groups" "ethnic_group:"
run_engage profile note $db --neighbourhood glanmor/GM01 --kind seldom-heard \
  --title "Polish community" --text "Few come to meetings; the Saturday school is a way in"
expect_rc "a seldom-heard group is noted" 0
run_engage profile contact $db --neighbourhood glanmor/GM01 --name "Anna Nowak" --role "Chair"
expect_rc "a key contact without consent is refused" 1
expect_out "consent is named" "consent purpose"
run_engage plan list $db --neighbourhood glanmor/GM01
expect_out "the unplanned seldom-heard group is reported" "nothing planned for Polish community"
run_engage plan add $db --neighbourhood glanmor/GM01 --audience "Polish community" --channel surgery \
  --message "Introduce the team" --aim "Five families raise a concern" --date 2001-02-03 --owner "PCSO Megan Davies"
expect_out "a plan date in the past is refused" "in the past"
run_engage plan add $db --neighbourhood glanmor/GM01 --audience "Polish community" --channel surgery \
  --message "Introduce the team" --aim "Five families raise a concern" --date "$due" \
  --owner "PCSO Megan Davies" --adjustments interpreter
expect_rc "a plan entry is added" 0
run_engage plan list $db --neighbourhood glanmor/GM01
if printf '%s' "$out" | grep -q "nothing planned for Polish community"; then
  not_ok "once planned, the group is no longer reported" "$out"; else ok "once planned, the group is no longer reported"; fi
run_engage todo $db --neighbourhood glanmor/GM01 --feedback-days 0
if printf '%s' "$out" | grep -q feedback-owed; then not_ok "answered concerns owe no feedback" "$out"; else ok "answered concerns owe no feedback"; fi
run_engage concern add $db --neighbourhood glanmor/GM01 --channel phone --anonymous --text "Dog mess all over the park path"
run_engage todo $db --neighbourhood glanmor/GM01 --feedback-days 0
expect_out "a new open concern shows as feedback owed" "feedback-owed"
run_engage pack $db --neighbourhood glanmor/GM01
expect_out "the pack has the crime summary" "All "
expect_out "the pack has the candidates" "Candidates for new priorities"

# --- the same journey's public side through the API, on a real server ---
if start_server $db --web.concern_limit 1000; then ok "the server starts"; else not_ok "the server starts" "$(cat "$T/server.log")"; fi
post() { body=$(curl -s -w '\n%{http_code}' -H 'Content-Type: application/json' --data-binary "$1" "$base/api/v1/concerns"); status=${body##*$'\n'}; body=${body%$'\n'*}; }

post '{"force":"glanmor","neighbourhood":"GM01","text":"Ceir yn goryrru ger yr ysgol","language":"cy","contact":{"name":"Dafydd ap Huw","email":"dafydd@example.org","consent":true}}'
[ "$status" = 201 ] && ok "a resident raises a concern online (201)" || not_ok "a resident raises a concern online" "$status $body"
printf '%s' "$body" | grep -q '"category":"speeding"' && ok "the Welsh text is categorised" || not_ok "the Welsh text is categorised" "$body"
printf '%s' "$body" | grep -q '"raised_by":4' && ok "it joins the same group (4 people)" || not_ok "it joins the same group" "$body"
webref=$(printf '%s' "$body" | grep -o 'ENG-[0-9A-Z-]*')

post '{"force":"glanmor","neighbourhood":"GM01","text":"Noise","demographics":{"age_band":"ninety"}}'
[ "$status" = 400 ] && printf '%s' "$body" | grep -q 'age bands are' && ok "demographics outside the census categories are refused" || not_ok "bad demographics are refused" "$status $body"
post '{"force":"glanmor","neighbourhood":"GM01","text":"Noise at night","demographics":{"age_band":"65+","sex":"prefer-not-to-say"}}'
[ "$status" = 201 ] && ok "self-described demographics are accepted" || not_ok "demographics are accepted" "$status $body"
post '{"force":"glanmor","neighbourhood":"GM01","text":""}'
[ "$status" = 400 ] && printf '%s' "$body" | grep -q 'text: is required' && ok "an empty concern is refused naming the field" || not_ok "an empty concern is refused" "$status $body"
post '{"force":"glanmor","neighbourhood":"GM01","text":"x","contact":{"email":7}}'
printf '%s' "$body" | grep -q 'contact.email: should be text' && ok "a wrong type names the field" || not_ok "a wrong type names the field" "$body"
post '{"force":'
[ "$status" = 400 ] && printf '%s' "$body" | grep -q 'not JSON' && ok "malformed JSON is a 400" || not_ok "malformed JSON is a 400" "$status $body"
http -X POST -H 'Content-Type: text/plain' --data 'x' "$base/api/v1/concerns"
[ "$status" = 400 ] && ok "a form post without JSON is refused" || not_ok "a form post without JSON is refused" "$status $body"

# staff routes: nobody gets in without signing in
for route in "POST /api/v1/activities" "POST /api/v1/priorities" "POST /api/v1/priorities/$priority/votes" \
             "POST /api/v1/priorities/$priority/agree" "POST /api/v1/priorities/$priority/actions" \
             "POST /api/v1/actions/$action" "POST /api/v1/feedback" "GET /api/v1/neighbourhoods/glanmor/GM01/candidates"; do
  set -- $route
  http -X "$1" -H 'Content-Type: application/json' --data-binary '{}' "$base$2"
  [ "$1" = GET ] && http "$base$2"
  [ "$status" = 401 ] && ok "$route refuses an anonymous caller (401)" || not_ok "$route refuses anonymous callers" "$status $body"
done
before=$(sqlite3 "$T/e.db" "select count(*) from priorities")
http -X POST -H 'Content-Type: application/json' -H 'Authorization: Bearer made-up-token' \
  --data-binary '{"force":"glanmor","neighbourhood":"GM01","title":"x","public_text":"x"}' "$base/api/v1/priorities"
after=$(sqlite3 "$T/e.db" "select count(*) from priorities")
[ "$status" = 401 ] && [ "$before" = "$after" ] && ok "a made-up token changes nothing" || not_ok "a made-up token changes nothing" "$status $before $after"

# --- the staff API with real accounts and tokens ---
for who in "sgt sergeant" "pc officer" "chair volunteer" "council partner" "analyst analyst"; do
  set -- $who
  extra=(); [ "$2" = partner ] && extra=(--partner-org "Porthmawr County Council")
  "$ENGAGE" user add "$1" --role "$2" --force glanmor "${extra[@]}" --generate-password $db > /dev/null 2>&1
  eval "tok_$1=\$(\"\$ENGAGE\" user token \"\$1\" --label e2e $db 2>/dev/null | grep -o 'eng_[A-Za-z0-9_-]*')"
done
[ -n "$tok_sgt" ] && [ -n "$tok_council" ] && ok "staff accounts and API tokens are made" || not_ok "tokens are made" "sgt=$tok_sgt"
api() {	# api TOKEN METHOD PATH JSON
  body=$(curl -s -w '\n%{http_code}' -X "$2" -H "Authorization: Bearer $1" -H 'Content-Type: application/json' \
         --data-binary "$4" "$base$3"); status=${body##*$'\n'}; body=${body%$'\n'*}
}
api "$tok_pc" POST /api/v1/concerns '{"force":"glanmor","neighbourhood":"GM01","channel":"postcard","text":"Cars racing past the school gates","contact":{"name":"Huw Rees","email":"huw@example.org","consent":true}}'
[ "$status" = 201 ] && ok "an officer types in a postcard through the API (201)" || not_ok "officer postcard via API" "$status $body"
pcref=$(printf '%s' "$body" | grep -o 'ENG-[0-9A-Z-]*')
http "$base/api/v1/concerns/$pcref"
printf '%s' "$body" | grep -q '"channel":"postcard"' && ok "it is recorded as a postcard" || not_ok "channel postcard" "$body"
post '{"force":"glanmor","neighbourhood":"GM01","channel":"postcard","text":"A claim to be a postcard","anonymous":true}'
pubref=$(printf '%s' "$body" | grep -o 'ENG-[0-9A-Z-]*')
http "$base/api/v1/concerns/$pubref"
printf '%s' "$body" | grep -q '"channel":"online-form"' && ok "the public form cannot claim another channel" || not_ok "public channel fixed" "$body"
api "$tok_sgt" POST /api/v1/activities "{\"force\":\"glanmor\",\"neighbourhood\":\"GM01\",\"kind\":\"pact-meeting\",\"title\":\"API PACT\",\"starts\":\"${today}T18:00\",\"venue\":\"Market Hall\",\"attendance\":12}"
[ "$status" = 201 ] && ok "a sergeant records a PACT meeting (201)" || not_ok "a sergeant records a meeting" "$status $body"
meeting2=$(printf '%s' "$body" | grep -o '[0-9][0-9]*')
api "$tok_sgt" POST /api/v1/priorities "{\"force\":\"glanmor\",\"neighbourhood\":\"GM01\",\"group\":$group,\"title\":\"Speeding again\",\"public_text\":\"Speeding on Stryd Fawr, again\"}"
p2=$(printf '%s' "$body" | grep -o '[0-9][0-9]*')
[ "$status" = 201 ] && ok "a sergeant proposes a priority from the group" || not_ok "propose" "$status $body"
api "$tok_chair" POST "/api/v1/priorities/$p2/votes" "{\"meeting\":$meeting2,\"for\":9,\"against\":1,\"abstain\":2}"
[ "$status" = 200 ] && ok "the volunteer chair records the votes" || not_ok "the chair records votes" "$status $body"
api "$tok_council" POST "/api/v1/priorities/$p2/agree" "{\"meeting\":$meeting2,\"review_date\":\"$ahead\",\"version\":1}"
[ "$status" = 403 ] && printf '%s' "$body" | grep -q 'may not agree priorities' && ok "a partner may not agree a priority (403)" || not_ok "partner refused" "$status $body"
api "$tok_sgt" POST "/api/v1/priorities/$p2/agree" "{\"meeting\":$meeting2,\"review_date\":\"$ahead\"}"
[ "$status" = 400 ] && printf '%s' "$body" | grep -q 'version: is required' && ok "an update must name the version it read" || not_ok "version required" "$status $body"
http "$base/api/glanmor/GM01/priorities"	# police.uk's priorities, cached for a few seconds
printf '%s' "$body" | grep -q 'Stryd Fawr, again' && not_ok "a proposed priority is not public yet" "$body" || ok "a proposed priority is not in police.uk's priorities"
api "$tok_sgt" POST "/api/v1/priorities/$p2/agree" "{\"meeting\":$meeting2,\"review_date\":\"$ahead\",\"version\":1}"
[ "$status" = 200 ] && ok "the sergeant agrees it at the meeting" || not_ok "agree" "$status $body"
http "$base/api/glanmor/GM01/priorities"
printf '%s' "$body" | grep -q 'Speeding on Stryd Fawr, again' && ok "once agreed it is in police.uk's priorities at once, not after the cache's seconds" || not_ok "agreed priority shows at once" "$body"
api "$tok_sgt" POST "/api/v1/priorities/$p2/actions" "{\"owner\":\"partner\",\"owner_name\":\"Highways\",\"partner_org\":\"Porthmawr County Council\",\"text\":\"Speed cushions\",\"due\":\"$due\"}"
a2=$(printf '%s' "$body" | grep -o '[0-9][0-9]*')
[ "$status" = 201 ] && ok "an action is given to the council" || not_ok "action" "$status $body"
api "$tok_council" POST "/api/v1/actions/$a2" '{"status":"done","result":"Cushions laid","version":1}'
[ "$status" = 200 ] && ok "the partner records its action done" || not_ok "partner updates the action" "$status $body"
api "$tok_council" POST "/api/v1/actions/$a2" '{"status":"done","result":"A second, stale save","version":1}'
[ "$status" = 409 ] && printf '%s' "$body" | grep -q 'changed by someone else' && ok "a stale save is a 409, not an overwrite" || not_ok "stale save 409" "$status $body"
api "$tok_analyst" POST /api/v1/feedback "{\"priority\":$p2,\"outcome\":\"partner-action\",\"text\":\"x\"}"
[ "$status" = 403 ] && ok "an analyst may not close a priority (403)" || not_ok "analyst refused" "$status $body"
api "$tok_sgt" POST /api/v1/feedback "{\"priority\":$p2,\"outcome\":\"partner-action\",\"text\":\"The council laid speed cushions.\"}"
[ "$status" = 201 ] && ok "the sergeant gives you said, we did through the API" || not_ok "feedback" "$status $body"
api "$tok_sgt" GET /api/v1/neighbourhoods/glanmor/GM01/candidates ''
http -H "Authorization: Bearer $tok_sgt" "$base/api/v1/neighbourhoods/glanmor/GM01/candidates"
[ "$status" = 200 ] && printf '%s' "$body" | grep -q '"parts"' && ok "staff see the candidates with their score's parts" || not_ok "candidates" "$status $body"
for what in profile plan todo pack; do
  http -H "Authorization: Bearer $tok_analyst" "$base/api/v1/neighbourhoods/glanmor/GM01/$what"
  [ "$status" = 200 ] && ok "staff read the neighbourhood's $what through the API" || not_ok "GET $what" "$status $body"
  case $what in
    profile) printf '%s' "$body" | grep -q '"measure":"ethnic_group"' && ok "the profile has the census" || not_ok "profile census" "$body" ;;
    plan) printf '%s' "$body" | grep -q '"audience":"Polish community"' && ok "the plan lists the entry" || not_ok "plan entry" "$body" ;;
    pack) printf '%s' "$body" | grep -q '"by_category"' && ok "the pack has the crime summary" || not_ok "pack crime" "$body" ;;
  esac
done
api "$tok_pc" POST /api/v1/plan "{\"force\":\"glanmor\",\"neighbourhood\":\"GM01\",\"audience\":\"Students at the college\",\"channel\":\"online-meeting\",\"message\":\"Bike theft advice\",\"aim\":\"Ten students register bikes\",\"date\":\"$due\",\"owner\":\"PC Owain Davies\"}"
[ "$status" = 201 ] && ok "an officer adds a plan entry through the API" || not_ok "plan via API" "$status $body"
api "$tok_pc" POST /api/v1/profile-notes '{"force":"glanmor","neighbourhood":"GM01","kind":"tension","title":"After the fire","text":"Feelings running high on the estate"}'
[ "$status" = 201 ] && ok "an officer notes tension through the API" || not_ok "note via API" "$status $body"
cid=$(sqlite3 "$T/e.db" "select id from concerns where reference = '$pubref'")
api "$tok_pc" POST "/api/v1/concerns/$cid/category" '{"category":"parking","version":1}'
[ "$status" = 200 ] && ok "an officer corrects a concern's category through the API" || not_ok "category via API" "$status $body"
api "$tok_pc" POST "/api/v1/concerns/$cid/category" '{"category":"noise","version":1}'
[ "$status" = 409 ] && ok "a second stale correction is a 409" || not_ok "category stale 409" "$status $body"
run_engage concern category "$cid" $db --category litter
expect_out "the CLI confirms a category too" "is litter (confirmed)"
http -H "Authorization: Bearer $tok_chair" "$base/api/v1/neighbourhoods/glanmor/GM01/profile"
[ "$status" = 403 ] && ok "a volunteer chair may not read internal records (403)" || not_ok "volunteer refused" "$status"
"$ENGAGE" user disable council $db > /dev/null 2>&1
api "$tok_council" POST "/api/v1/actions/$a2" '{"status":"open","version":2}'
[ "$status" = 401 ] && ok "a disabled user's token stops working" || not_ok "disabled token refused" "$status $body"

http "$base/api/v1/concerns/$ref"
[ "$status" = 200 ] && ok "the postcard's reference answers" || not_ok "the postcard's reference answers" "$status $body"
printf '%s' "$body" | grep -q '"status":"answered"' && printf '%s' "$body" | grep -q 'flashing sign' \
  && ok "the API shows you said, we did" || not_ok "the API shows you said, we did" "$body"
http "$base/api/v1/concerns/ENG-XXXX-XXXXX"
[ "$status" = 400 ] && ok "a mistyped reference is a 400" || not_ok "a mistyped reference is a 400" "$status"
http "$base/api/v1/concerns/$webref"
printf '%s' "$body" | grep -q '"status":"answered"' && printf '%s' "$body" | grep -q 'laid speed cushions' \
  && ok "the resident's online concern is answered by the priority closed through the API" || not_ok "the web concern is answered" "$body"

http "$base/api/v1/neighbourhoods/glanmor/GM01/record"
[ "$status" = 200 ] && ok "the published record answers" || not_ok "the published record answers" "$status $body"
printf '%s' "$body" | grep -q '"status":"resolved"' && printf '%s' "$body" | grep -q '"kind":"pact-meeting"' \
  && ok "the record shows the meeting and the resolved priority" || not_ok "the record shows the meeting and the priority" "$body"
if printf '%s' "$body" | grep -qE 'Gwen|Dafydd|example\.org|budget|goryrru'; then
  not_ok "the record holds no personal data, no concern text, no internal note" "$body"
else ok "the record holds no personal data, no concern text, no internal note"; fi
http "$base/api/glanmor/GM01/priorities"
decoded=$(printf '%s' "$body" | node -e 'const p = JSON.parse(require("fs").readFileSync(0)); for (const x of p) console.log(x.issue + " | " + x.action)')
printf '%s' "$decoded" | grep -qF '<p>Speeding on Stryd Fawr near the school</p> | <p>The council put up a flashing sign' \
  && ok "police.uk's priorities endpoint shows the agreed priority and what was done" \
  || not_ok "police.uk's priorities endpoint shows the priority" "$body"
http "$base/api/glanmor/GM01/events"
printf '%s' "$body" | grep -q '"title":"Town Centre PACT"' && printf '%s' "$body" | grep -q '"type":"PACT meeting"' \
  && ok "police.uk's events endpoint lists today's PACT meeting" || not_ok "police.uk's events endpoint lists the meeting" "$body"
if printf '%s' "$body" | grep -qE 'Gwen|Dafydd|example\.org'; then not_ok "events hold no personal data"; else ok "events hold no personal data"; fi
http "$base/api/glanmor/GM99/priorities"
[ "$status" = 404 ] && ok "priorities of an unknown neighbourhood are a 404" || not_ok "unknown neighbourhood priorities 404" "$status"
http "$base/api/v1/neighbourhoods/glanmor/GM99/record"
[ "$status" = 404 ] && ok "an unknown neighbourhood's record is a 404" || not_ok "an unknown neighbourhood's record is a 404" "$status"
if grep -qE 'Dafydd|example\.org|goryrru' "$T/server.log"; then not_ok "nothing personal reaches the log"; else ok "nothing personal reaches the log"; fi
stop_server
finish
