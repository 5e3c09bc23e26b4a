# t_privacy.sh - a person's rights through the real binary: subject access
# by e-mail writes everything held about them as JSON and is audited; an
# erasure by phone number leaves the marker nowhere in the database files
# and the audit trail says an erasure happened; retention has a dry run.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh

"$ENGAGE" demo generate --seed 1 --months 1 --out "$T/town" > /dev/null
db="--database $T/e.db"
"$ENGAGE" import town "$T/town" $db --quiet > /dev/null
marker=Qv8Erasable
run_engage concern add $db --neighbourhood glanmor/GM01 --channel phone \
  --text "Youths in the bus shelter every night, ask $marker" --name "Rhian $marker" \
  --email rhian.e2e@example.org --phone "07700 900321" --consent --by "PC Test"
expect_rc "a concern with contact details is added" 0
ref=$(printf '%s' "$out" | grep -o 'ENG-[A-Z0-9]*-[A-Z0-9]*' | head -1)

run_engage person export $db --email RHIAN.E2E@example.org
expect_rc "export without a purpose is refused" 1
expect_out "saying why it is needed" "purpose: say why"

run_engage person export $db --email RHIAN.E2E@example.org --purpose "SAR 2026-3" --out "$T/sar.json"
expect_rc "subject access by e-mail (any case) works" 0
expect_out "it says where it wrote" "wrote everything held about 1 concern"
check "the export is JSON" node -e 'JSON.parse(require("fs").readFileSync(process.argv[1]))' "$T/sar.json"
check "it holds their concern text" grep -q "Youths in the bus shelter" "$T/sar.json"
check "and their contact details" grep -q '"email":"rhian.e2e@example.org"' "$T/sar.json"
run_engage audit show $db --record "concern_contact:$(node -e '
  const j = JSON.parse(require("fs").readFileSync(process.argv[1])); console.log(j.concerns[0].concern.id)' "$T/sar.json")"
expect_out "the disclosure to them is in the audit trail" "the data subject (subject access)"

run_engage person export $db --email nobody@example.org --purpose "SAR 2026-4"
expect_rc "nobody known by that address: exit 1" 1
expect_out "saying nothing is held" "nothing is held about that person"

run_engage person erase $db --phone "+44 7700 900-321" --reason "erasure request 2026-9"
expect_rc "erasure by phone number typed another way works" 0
expect_out "it says how much" "erased the personal data of 1 concern"
found=0
for f in "$T/e.db" "$T/e.db-wal" "$T/e.db-shm"; do
  [ -e "$f" ] && grep -qa "$marker" "$f" && found=1
done
[ $found -eq 0 ] && ok "the marker is nowhere in the database files" || not_ok "marker gone from the files" ""
run_engage concern show "$ref" $db
expect_out "the concern stays as an anonymous count" "category youth-asb"
body=$(sqlite3 "$T/e.db" "select body from concerns where reference = '$ref'")
[ "$body" = "[erased]" ] && ok "its text is [erased]" || not_ok "text erased" "$body"
run_engage audit show $db --actor "cli:${USER:-$(id -un)}"
expect_out "the audit trail keeps the erasure" "erasure"
run_engage audit verify $db
expect_rc "and its chain is intact" 0

run_engage retention run $db --dry-run
expect_rc "retention has a dry run" 0
expect_out "saying what it would do" "would erase the contact details of"
finish
