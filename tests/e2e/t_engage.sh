# t_engage.sh - the engagement cycle through the real engage binary: a
# paper postcard typed in by an officer, grouped with others, a PACT vote,
# an action by a partner, feedback, and the raiser finding "you said, we
# did" with their reference.  The rules that refuse are checked on the way.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh

"$ENGAGE" demo generate --seed 1 --months 3 --out "$T/town" > /dev/null
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
finish
