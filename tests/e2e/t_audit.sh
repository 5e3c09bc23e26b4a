# t_audit.sh - the audit trail through the real engage binary: a raiser's
# details collected and consulted (only with a purpose), "who looked at
# this record" answered, and a hand-edited entry caught by `audit verify`,
# as an attacker with the database file would make it (dropping the
# append-only trigger first).
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh

db="--database $T/a.db"
"$ENGAGE" import registry tests/data/registry/forces.csv tests/data/registry/neighbourhoods.csv \
  $db --quiet > /dev/null 2>&1

run_engage audit verify $db
expect_rc "an empty trail verifies" 0
expect_out "and says so" "chain intact: 0 entries"

run_engage concern add $db --neighbourhood city-of-london/cripplegate --channel postcard \
  --text "Bikes ridden fast through the estate walkways" --name "Ada Lovelace" \
  --email ada@example.org --consent --by officer-17
expect_rc "a concern with contact details is raised" 0
id=$(printf '%s' "$out" | sed -n 's/^id \([0-9]*\)$/\1/p')
[ -n "$id" ] && ok "its id is printed ($id)" || not_ok "its id is printed" "$out"

run_engage concern contact "$id" $db --by officer-17
expect_rc "the raiser's details are refused without a purpose" 2
expect_out "the refusal says why" "--purpose"
if printf '%s' "$out" | grep -q "ada@example.org"; then not_ok "and shows nothing" "$out"; else ok "and shows nothing"; fi

run_engage concern contact "$id" $db --purpose "to tell them about the PACT meeting" --by officer-22
expect_rc "with a purpose the details are shown" 0
expect_out "the raiser's email" "email ada@example.org"

run_engage audit show $db --record "concern_contact:$id"
expect_rc "audit show answers for one record" 0
expect_out "the collection, by who typed it in" "officer-17	collection	concern_contact:$id"
expect_out "the consultation, by who looked" "officer-22	consultation	concern_contact:$id"
expect_out "and why they looked" "to tell them about the PACT meeting"
if printf '%s' "$out" | grep -q "Ada\|ada@"; then not_ok "no personal data in the trail" "$out"; else ok "no personal data in the trail"; fi

run_engage audit show $db --actor officer-22
expect_out "audit show by actor" "officer-22	consultation"
run_engage audit show $db --record "nonsense"
expect_rc "a bad --record is a usage error" 2

run_engage profile contact $db --neighbourhood city-of-london/cripplegate --name "Grace Hopper" \
  --role "Chair, residents' association" --consent "PACT meeting invitations" --by officer-17
expect_rc "a key contact is added" 0
run_engage audit show $db --record key_contact:1
expect_out "its collection is logged with the consent's purpose" "collection	key_contact:1	PACT meeting invitations"

run_engage audit verify $db
expect_rc "the trail verifies" 0
expect_out "with its count" "chain intact: 3 entries"

sqlite3 "$T/a.db" "UPDATE audit_log SET purpose = 'x' WHERE id = 2" 2>/dev/null
run_engage audit verify $db
expect_rc "the trigger refused an edit through SQL" 0

sqlite3 "$T/a.db" "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'someone-else' WHERE id = 2"
run_engage audit verify $db
expect_rc "a hand-edited entry breaks the chain" 1
expect_out "verify names the entry" "chain broken at entry 2"
expect_out "and what is wrong" "hash does not match its contents"

finish
