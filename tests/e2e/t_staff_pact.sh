# t_staff_pact.sh - the staff pages for deciding and acting, through a real
# server with curl: a sergeant signs in, runs a PACT meeting (adds it,
# proposes a candidate, records votes, agrees it), adds and updates an
# action, publishes feedback on a concern and on the priority, and the
# public neighbourhood page, the police.uk priorities API and the
# concern's track-by-reference API show it.  Refusals: no CSRF field (403),
# a role without the permission (403), an officer of another neighbourhood
# (403), a partner touching another organisation's action (403), public
# text carrying an email address or telephone number (400, said beside the
# field), nobody signed in (303 to the sign-in page).
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh

"$ENGAGE" demo generate --seed 1 --months 3 --out "$T/town" > /dev/null
"$ENGAGE" import town "$T/town" --database "$T/e.db" --quiet > /dev/null 2>&1
db="--database $T/e.db"

# add_user NAME ROLE [options]: prints the generated password
add_user() {
  local name=$1 role=$2; shift 2
  "$ENGAGE" user add "$name" $db --role "$role" --force glanmor --generate-password "$@" 2>&1 |
    sed -n 's/^password: //p'
}
pw_sarge=$(add_user sarge sergeant --name "Sgt Rhian Evans")
pw_vol=$(add_user chair volunteer --neighbourhoods GM01)
pw_off=$(add_user pc1 officer --neighbourhoods GM01)
pw_far=$(add_user pc2 officer --neighbourhoods GM02)
pw_partner=$(add_user council partner --partner-org "Porthmawr County Council")
[ -n "$pw_sarge" ] && [ -n "$pw_far" ] && ok "staff accounts are added" || not_ok "staff accounts are added"

start_server $db --web.signin_limit 1000
nb="$base/staff/neighbourhoods/glanmor/GM01"
today=$(date -u +%Y-%m-%d)
soon=$(date -u -d '+30 days' +%Y-%m-%d)
later=$(date -u -d '+90 days' +%Y-%m-%d)

# sign_in USER PASSWORD: a cookie jar at $T/USER.jar
sign_in() {
  curl -s -o /dev/null -c "$T/$1.jar" -w '%{http_code}' \
    --data-urlencode "username=$1" --data-urlencode "password=$2" -d next=/staff "$base/staff/sign-in"
}
# get USER PATH: sets $status, $body
get() { http -b "$T/$1.jar" "$2"; }
# post USER PATH FIELDS...: sets $status, $body, $location (no redirect followed)
post() {
  local user=$1 url=$2; shift 2
  local args=()
  for f in "$@"; do args+=(--data-urlencode "$f"); done
  body=$(curl -s -o - -D "$T/headers" -w '\n%{http_code}' -b "$T/$user.jar" "${args[@]}" "$url")
  status=${body##*$'\n'}
  body=${body%$'\n'*}
  location=$(sed -n 's/^[Ll]ocation: *//p' "$T/headers" | tr -d '\r')
}
# csrf: the CSRF field of the last page
csrf() { printf '%s' "$body" | grep -o 'name="csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
has() { printf '%s' "$body" | grep -qF -- "$1"; }
expect_status() { if [ "$status" = "$2" ]; then ok "$1"; else not_ok "$1" "status $status, want $2; $(printf '%s' "$body" | head -c 400)"; fi; }
expect_has() { if has "$2"; then ok "$1"; else not_ok "$1" "the answer lacks '$2'"; fi; }

# --- nobody signed in ------------------------------------------------------
http "$nb/pact"
expect_status "the PACT page sends a visitor to sign in" 303

for u in sarge:$pw_sarge chair:$pw_vol pc1:$pw_off pc2:$pw_far council:$pw_partner; do
  code=$(sign_in "${u%%:*}" "${u#*:}")
  [ "$code" = 303 ] && ok "${u%%:*} signs in" || not_ok "${u%%:*} signs in" "status $code"
done

# --- the PACT meeting ----------------------------------------------------------
get sarge "$nb/pact"
expect_status "a sergeant opens PACT meeting mode" 200
expect_has "with the candidates and their evidence" "People who raised it"
token=$(csrf)
[ -n "$token" ] && ok "the page carries a CSRF field" || not_ok "the page carries a CSRF field"

post sarge "$nb/pact/meeting" "csrf=$token" "title=PACT meeting, Market Hall" "date=$today" "time=19:00" "venue=Porthmawr Market Hall"
expect_status "adding the meeting answers 303" 303
meeting=$(printf '%s' "$location" | sed -n 's/.*meeting=\([0-9]*\).*/\1/p')
[ -n "$meeting" ] && ok "and goes to the meeting it made" || not_ok "and goes to the meeting it made" "$location"

post sarge "$nb/pact/meeting" "csrf=$token" "title=Bad" "date=31-12-2026" "time=7pm" "venue=Hall"
expect_status "a wrong date is refused with the page again" 400
expect_has "saying how to write it" "Enter the date as year, month and day"

get sarge "$nb/pact?meeting=$meeting"
group=$(printf '%s' "$body" | grep -o 'name="group" value="[0-9]*"' | head -1 | grep -o '[0-9]*')
[ -n "$group" ] && ok "a candidate can be proposed" || not_ok "a candidate can be proposed"
post sarge "$nb/pact/propose" "csrf=$token" "meeting=$meeting" "group=$group" "title=Street drinking" \
  "public_text-$group=Street drinking around the Market Hall: contact me at someone@example.org"
expect_status "public text with an email address is refused" 400
expect_has "beside the field, saying why" "Remove the email address"
post sarge "$nb/pact/propose" "csrf=$token" "meeting=$meeting" "group=$group" "title=Street drinking" \
  "public_text-$group=Street drinking around the Market Hall and the bus station."
expect_status "proposing the candidate answers 303" 303
priority=$(printf '%s' "$location" | sed -n 's/.*#priority-\([0-9]*\).*/\1/p')
[ -n "$priority" ] && ok "naming the priority proposed" || not_ok "naming the priority proposed" "$location"

post sarge "$nb/pact/votes" "csrf=$token" "meeting=$meeting" "priority=$priority" "for-$priority=many"
expect_status "a vote count that is not a number is refused" 400
expect_has "with the rule" "Enter a whole number of votes"
post sarge "$nb/pact/votes" "csrf=$token" "meeting=$meeting" "priority=$priority" \
  "for-$priority=23" "against-$priority=4" "abstain-$priority=2"
expect_status "recording the votes answers 303" 303
get sarge "$nb/pact?meeting=$meeting&saved=votes"
expect_has "the votes show again" 'value="23"'
expect_has "with a saved banner" "The votes were recorded."

post sarge "$nb/pact/votes" "meeting=$meeting" "priority=$priority" "for-$priority=1"
expect_status "a POST without the CSRF field is refused" 403
post chair "$nb/pact/votes" "csrf=$token" "meeting=$meeting" "priority=$priority" "for-$priority=1"
expect_status "another session's CSRF token is refused" 403
get chair "$nb/pact?meeting=$meeting"
expect_status "the volunteer chair opens the meeting" 200
chair_token=$(csrf)
post chair "$nb/pact/votes" "csrf=$chair_token" "meeting=$meeting" "priority=$priority" \
  "for-$priority=24" "against-$priority=4" "abstain-$priority=2"
expect_status "the chair records votes" 303
post chair "$nb/pact/agree" "csrf=$chair_token" "meeting=$meeting" "priority=$priority" "version=1" "review-$priority=$later"
expect_status "the chair may not agree a priority (403)" 403
get pc1 "$nb/pact"
pc1_token=$(csrf)
post pc1 "$nb/pact/agree" "csrf=$pc1_token" "meeting=$meeting" "priority=$priority" "version=1" "review-$priority=$later"
expect_status "an officer may not agree a priority (403)" 403
get pc2 "$nb/pact"
expect_status "an officer of another neighbourhood may not open it (403)" 403
get pc2 "$base/staff/neighbourhoods/glanmor/GM02/pact"
expect_status "but opens their own" 200
pc2_token=$(csrf)
post pc2 "$nb/pact/votes" "csrf=$pc2_token" "meeting=$meeting" "priority=$priority" "for-$priority=99"
expect_status "nor record votes there (403)" 403

get sarge "$nb/pact?meeting=$meeting"
version=$(printf '%s' "$body" | grep -o 'name="version" value="[0-9]*"' | head -1 | grep -o '[0-9]*')
post sarge "$nb/pact/agree" "csrf=$token" "meeting=$meeting" "priority=$priority" "version=$version" "review-$priority=2020-01-01"
expect_status "a review date in the past is refused" 400
expect_has "beside the field" "Enter a review date that is today or later"
post sarge "$nb/pact/agree" "csrf=$token" "meeting=$meeting" "priority=$priority" "version=$version" "review-$priority=$later"
expect_status "the sergeant agrees the priority (303)" 303

# --- the board -------------------------------------------------------------------
get sarge "$nb/board"
expect_status "the board opens" 200
expect_has "with the agreed priority" "Street drinking around the Market Hall and the bus station."
post sarge "$nb/board/actions" "csrf=$token" "priority=$priority" "owner-$priority=partner" \
  "owner_name-$priority=Licensing officer" "partner_org-$priority=Porthmawr County Council" \
  "text-$priority=Review the licence of the off-licence by the Market Hall." "due-$priority=$soon"
expect_status "adding an action answers 303" 303
action=$(printf '%s' "$location" | sed -n 's/.*#action-\([0-9]*\).*/\1/p')
post sarge "$nb/board/actions" "csrf=$token" "priority=$priority" "owner-$priority=officer" \
  "owner_name-$priority=PC Owain Davies" "text-$priority=Patrols." "due-$priority=2020-01-01"
expect_status "an action due in the past is refused" 400
expect_has "beside the due date" "Enter a due date that is today or later"
get sarge "$nb/board"
expect_has "the action shows with its partner" "Porthmawr County Council"
overdue=$(printf '%s' "$body" | grep -c 'engage-action--overdue')
[ "$overdue" -ge 1 ] && ok "overdue actions are marked" || not_ok "overdue actions are marked" "none marked"
post sarge "$nb/board/actions/$action" "csrf=$token" "version=1" "status-$action=done"
expect_status "done without a result is refused" 400
expect_has "saying what is needed" "Say what was done, or why it was cancelled"

get council "$nb/board"
expect_status "a partner opens the board" 200
council_token=$(csrf)
post council "$nb/board/actions/$action" "csrf=$council_token" "version=1" "status-$action=open" \
  "result-$action=Licence review booked for the committee."
expect_status "the partner records progress on its own action" 303
get sarge "$nb/board"
other=$(printf '%s' "$body" | grep -o 'id="action-[0-9]*"' | grep -o '[0-9]*' | grep -vx "$action" | head -1)
if [ -n "$other" ]; then
  post council "$nb/board/actions/$other" "csrf=$council_token" "version=1" "status-$other=open" "result-$other=x"
  expect_status "but not another organisation's action (403)" 403
else
  skip "a partner may not touch another organisation's action" "no such action in the demo"
fi
post council "$nb/board/actions" "csrf=$council_token" "priority=$priority" "owner-$priority=officer"
expect_status "a partner may not add actions (403)" 403

# --- feedback ----------------------------------------------------------------------
get sarge "$nb/feedback"
expect_status "the feedback queue opens" 200
concern=$(printf '%s' "$body" | grep -o 'feedback?concern=[0-9]*' | head -1 | grep -o '[0-9]*$')
get sarge "$nb/feedback?concern=$concern"
reference=$(printf '%s' "$body" | grep -o 'ENG-[0-9A-Z]*-[0-9A-Z]*' | head -1)
[ -n "$reference" ] && ok "a concern waiting for feedback has its reference" || not_ok "a concern waiting for feedback has its reference"
post sarge "$nb/feedback" "csrf=$token" "kind=concern" "id=$concern" "outcome=action-taken" \
  "text=We patrolled; ring 07700 900123 for more."
expect_status "feedback with a telephone number is refused" 400
expect_has "beside the field" "Remove the telephone number"
expect_has "keeping what was typed" "We patrolled; ring 07700 900123 for more."
post sarge "$nb/feedback" "csrf=$token" "kind=concern" "id=$concern" "outcome=no-action" "text=Nothing."
expect_status "no action without a reason is refused" 400
expect_has "asking why" "Choose why nothing was done"
post sarge "$nb/feedback" "csrf=$token" "kind=concern" "id=$concern" "outcome=action-taken" \
  "text=We patrolled the street on six evenings and moved the group on." "note=internal only"
expect_status "publishing feedback on a concern answers 303" 303
http "$base/api/v1/concerns/$reference"
expect_has "the resident tracking the reference sees it" "We patrolled the street on six evenings"
if has "internal only"; then not_ok "the internal note is not published"; else ok "the internal note is not published"; fi

post pc1 "$nb/feedback" "csrf=$pc1_token" "kind=priority" "id=$priority" "outcome=action-taken" "text=Done."
expect_status "an officer may not close a priority (403)" 403
post sarge "$nb/feedback" "csrf=$token" "kind=priority" "id=$priority" "outcome=partner-action" \
  "text=The council reviewed the licence and we patrolled at closing time; street drinking fell."
expect_status "the sergeant resolves the priority with feedback (303)" 303

http "$base/neighbourhoods/glanmor/GM01"
expect_has "the public page says you said, we did" "You said, we did"
expect_has "with the feedback" "The council reviewed the licence and we patrolled at closing time"
http "$base/api/glanmor/GM01/priorities"
expect_has "the police.uk priorities API shows the issue" "Street drinking around the Market Hall and the bus station."
expect_has "and the action" "The council reviewed the licence"

# --- the pack ------------------------------------------------------------------------
get sarge "$nb/pack"
expect_status "the meeting pack opens" 200
expect_has "with the crime summary" "Last 3 months"
expect_has "and what was done" "The council reviewed the licence"
get chair "$nb/pack"
expect_status "a volunteer may not open the pack (403)" 403

cp "$T/server.log" /tmp/pact_e2e_server.log 2>/dev/null
finish
