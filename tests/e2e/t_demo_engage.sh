# t_demo_engage.sh - the demo town's year of engagement through the real
# binary: `engage import town` replays it, a resident's reference from the
# generated files finds their concern, and a real server publishes the
# neighbourhood's record with resolved priorities and no raiser's details.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh

"$ENGAGE" demo generate --seed 1 --months 3 --out "$T/town" > /dev/null
db="--database $T/e.db"
for f in activities concerns priorities actions feedback; do
  check "the town folder holds engagement/$f.csv" test -s "$T/town/engagement/$f.csv"
done

run_engage import town "$T/town" $db --quiet
expect_rc "import town exits 0" 0
expect_out "the summary counts the year of engagement" "engagement: "
expect_out "it says priorities were resolved and one closed" "resolved, 1 closed"

# a reference a resident would quote: the first concern of the file
ref=$(sed -n 2p "$T/town/engagement/concerns.csv" | cut -d, -f1)
run_engage concern show "$ref" $db
expect_rc "concern show finds a generated reference" 0
expect_out "it shows the reference" "reference $ref"
expect_out "and its neighbourhood" "neighbourhood glanmor/"

# a reference answered by feedback shows what was done
aref=$(awk -F, '$1 == "concern" { print $2; exit }' "$T/town/engagement/feedback.csv")
run_engage concern show "$aref" $db
expect_out "a concern with feedback is answered" "status answered"

# importing the engagement files again on top doubles nothing silently:
# the references are taken, so the whole run is refused and nothing changes
run_engage import engagement "$T/town/engagement" $db --quiet
[ "$rc" -ne 0 ] && ok "re-importing the same history is refused" || not_ok "re-importing the same history is refused" "$out"
expect_out "the refusal names the file, line and reference" "is already in the database"
expect_out "with the file" "concerns.csv: line "

# a broken cell is named by file, line, column and value
mkdir -p "$T/bad" && cp "$T/town/engagement/"*.csv "$T/bad/"
sed -i '3s/,20[0-9][0-9]-[0-9][0-9]-[0-9][0-9]T/,2026-13-40T/' "$T/bad/concerns.csv"
run_engage import engagement "$T/bad" --database "$T/fresh.db" --quiet
expect_out "a bad date names file, line, column and value" 'concerns.csv: line 3: column "raised": "2026-13-40T'

if start_server $db; then ok "the server starts"; else not_ok "the server starts" "$(cat "$T/server.log")"; fi
http "$base/api/v1/neighbourhoods/glanmor/GM01/record"
[ "$status" = 200 ] && ok "GM01's record answers" || not_ok "GM01's record answers" "$status"
printf '%s' "$body" | grep -q '"status":"resolved"' && ok "the record shows resolved priorities" \
  || not_ok "the record shows resolved priorities" "$body"
printf '%s' "$body" | grep -q '"kind":"pact-meeting"' && ok "the record shows PACT meetings" \
  || not_ok "the record shows PACT meetings" "$body"
leaks=0
while IFS=, read -r name email; do
  [ -n "$name" ] && printf '%s' "$body" | grep -qF "$name" && { leaks=1; echo "# leaked name $name"; }
  [ -n "$email" ] && printf '%s' "$body" | grep -qF "$email" && { leaks=1; echo "# leaked email $email"; }
done < <(python3 -c '
import csv, sys
for r in csv.DictReader(open(sys.argv[1])):
    print(r["name"] + "," + r["email"])' "$T/town/engagement/concerns.csv")
[ "$leaks" = 0 ] && ok "the record holds none of the raisers' names or emails" \
  || not_ok "the record holds none of the raisers' names or emails"
if printf '%s' "$body" | grep -qE 'example\.org|01632|Internal:'; then
  not_ok "no contact details or internal notes in the record" "$body"
else ok "no contact details or internal notes in the record"; fi
stop_server

finish
