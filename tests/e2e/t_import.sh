# import.sh - `engage import` as a user meets it: the demo town's summary and
# status, re-imports that replace, all or nothing on a bad row, bad paths and
# kinds, a real police.uk file before and after its boundaries, a locked
# database and a full disk.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh

lock_pid="" mnt=""
release_lock() {
  [ -n "$lock_pid" ] || return 0
  exec 7>&-
  kill "$lock_pid" 2>/dev/null; wait "$lock_pid" 2>/dev/null
  lock_pid=""
}
e2e_cleanup() {
  release_lock
  [ -n "$mnt" ] && umount "$mnt" 2>/dev/null
  cleanup
}
trap e2e_cleanup EXIT

db=$T/engage.db
# status_of DB FILE: engage status, stdout and stderr, into FILE
status_of() { "$ENGAGE" status --database "$1" > "$2" 2>&1; }
# count_of DB TABLE
count_of() { sqlite3 "$1" "select count(*) from $2"; }
# expect_same DESCRIPTION A B: two files are byte-identical
expect_same() { if cmp -s "$2" "$3"; then ok "$1"; else not_ok "$1" "$(diff "$2" "$3")"; fi; }
# expect_eq DESCRIPTION GOT WANT
expect_eq() { if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1" "got '$2', want '$3'"; fi; }

# The demo town, without its first month: that month is kept aside as good
# files that are NOT yet in the database, so a half-done import would show.
"$ENGAGE" demo generate --seed 1 --out "$T/town" > /dev/null 2>&1
mkdir -p "$T/aside"
mv "$T/town/police-uk/2024-11" "$T/aside/2024-11"

run_engage import town "$T/town" --database "$db"
expect_rc "import town exits 0" 0
expect_out "the summary counts files, neighbourhoods and boundaries" \
  "imported town: 84 files, 1 forces, 49 boundaries"
expect_out "the summary counts the neighbourhoods" ", 7 neighbourhoods,"
expect_out "the summary counts police.uk rows read" "police.uk rows: 38665 read (21728 street, 15470 outcomes, 1467 stop-and-search) in 69 force-months"
expect_out "the summary counts rows placed and without location" "38219 placed in an LSOA, 446 without location, 0 outside every known LSOA"
expect_out "nothing was rejected" ", 0 rejected"
sum_line=$(printf '%s\n' "$out" | grep '^police.uk rows:')
read -r rd pl nl os <<< "$(printf '%s' "$sum_line" | sed -E 's/^police.uk rows: ([0-9]+) read.*; ([0-9]+) placed in an LSOA, ([0-9]+) without location, ([0-9]+) outside.*/\1 \2 \3 \4/')"
if [ -n "$os" ] && [ $((pl + nl + os)) -eq "$rd" ]; then ok "placed + without location + outside = read ($rd)"
else not_ok "placed + without location + outside = read" "$sum_line"; fi
expect_out "a progress line per file" "2026-10 glanmor street: 971 rows, 963 placed, 8 without location"

run_engage status --database "$db"
expect_rc "status exits 0" 0
expect_out "status shows the force" "force glanmor: Glanmor Police"
expect_out "status shows 7 neighbourhoods and 49 LSOAs" "1 forces, 7 neighbourhoods, 49 LSOAs"
expect_out "status shows the police.uk months and rows" \
  "police.uk data 2024-12 to 2026-10: 21728 street, 15470 outcome and 1467 stop-and-search rows"
check "status lists the import" grep -qE "^  [0-9T:-]+Z town +[0-9]+ rows  $T/town\$" <<< "$out"

# --- re-importing replaces, never doubles --------------------------------
status_of "$db" "$T/st1"
fm1=$(count_of "$db" force_months)
run_engage import police-uk "$T/town/police-uk" --database "$db" --quiet
expect_rc "re-importing the police-uk folder exits 0" 0
expect_out "it reads the same rows again" "police.uk rows: 38665 read"
status_of "$db" "$T/st2"
expect_eq "the row totals in status are unchanged" \
  "$(grep '^police.uk data' "$T/st2")" "$(grep '^police.uk data' "$T/st1")"
expect_eq "the force-months are replaced, not added" "$(count_of "$db" force_months)" "$fm1"
check "the re-import is listed in status" grep -q "police-uk .* 38665 rows" "$T/st2"

# --- all or nothing --------------------------------------------------------
# break FOLDER LINE SED-EXPR: the aside month's good files plus a copy of
# 2025-06's street file with one row broken at LINE
street=$T/town/police-uk/2025-06/2025-06-glanmor-street.csv
break_file() {
  mkdir -p "$1/2025-06"
  cp -R "$T/aside/2024-11" "$1/"
  sed "$2$3" "$street" > "$1/2025-06/2025-06-glanmor-street.csv"
  if cmp -s "$street" "$1/2025-06/2025-06-glanmor-street.csv"; then
    not_ok "the broken copy differs from the original ($1)"
  fi
}
type_line=$(grep -n ',Anti-social behaviour,' "$street" | awk -F: '$1 > 500 { print $1; exit }')
coord_line=$(awk -F, 'NR > 600 && $6 ~ /^52\./ { print NR; exit }' "$street")
break_file "$T/bad-month" 700 's/,2025-06,/,2025-13,/'
break_file "$T/bad-type" "$type_line" 's/,Anti-social behaviour,/,Antisocial behaviour,/'
break_file "$T/bad-coord" "$coord_line" 's/,52\.[0-9]*,/,95.123456,/'

status_of "$db" "$T/before"
fm_before=$(count_of "$db" force_months)
imp_before=$(count_of "$db" imports)
for c in "bad-month|700|Month|2025-13" \
         "bad-type|$type_line|Crime type|Antisocial behaviour" \
         "bad-coord|$coord_line|Latitude|95.123456"; do
  IFS='|' read -r dir line col val <<< "$c"
  run_engage import police-uk "$T/$dir" --database "$db"
  if [ "$rc" -ne 0 ]; then ok "$dir: the import fails"; else not_ok "$dir: the import fails" "$out"; fi
  expect_out "$dir: the error names the file and line" "2025-06-glanmor-street.csv: line $line:"
  expect_out "$dir: the error names the column" "\"$col\""
  expect_out "$dir: the error names the value" "\"$val\""
  expect_out "$dir: it says nothing was imported" "nothing was imported"
  status_of "$db" "$T/after"
  expect_same "$dir: status is byte-identical to before" "$T/before" "$T/after"
  expect_eq "$dir: no force-month was written" "$(count_of "$db" force_months)" "$fm_before"
  expect_eq "$dir: no import was recorded" "$(count_of "$db" imports)" "$imp_before"
done
run_engage import police-uk "$T/aside" --database "$db" --quiet
expect_rc "the good files alone import" 0
expect_eq "and add their 3 force-months" "$(count_of "$db" force_months)" "$((fm_before + 3))"

# --- paths and kinds a user gets wrong -------------------------------------
cp "$street" "$T/crimes.csv"
run_engage import police-uk "$T/crimes.csv" --database "$db"
expect_rc "a file not named like a police.uk file exits 1" 1
expect_out "it says how police.uk files are named" "'$T/crimes.csv' is not named like a police.uk file (YYYY-MM-FORCE-street.csv"

run_engage import police-uk "$T/no-such-folder" --database "$db"
expect_rc "a missing path exits 1 (it is not a database error)" 1
expect_out "the missing path is named" "cannot read '$T/no-such-folder': No such file or directory"
run_engage import neighbourhood-boundaries "$T/no-such-folder" --database "$db"
expect_rc "a missing boundaries folder exits 1" 1
expect_out "the missing folder is named" "'$T/no-such-folder'"
run_engage import census "$T/no-such-file.csv" --database "$db"
expect_rc "a missing census file exits 1" 1

mkdir "$T/empty"
run_engage import police-uk "$T/empty" --database "$db"
expect_rc "a folder without police.uk files exits 1" 1
expect_out "it says none were found" "no police.uk files found in $T/empty"

run_engage import bananas "$T/town" --database "$db"
expect_rc "an unknown import kind exits 2" 2
expect_out "the unknown kind is named" "unknown kind 'bananas'"
run_engage import --database "$db"
expect_rc "import without a kind exits 2" 2
status_of "$db" "$T/after"
check "none of these changed the database" grep -q "^police.uk data 2024-11 to 2026-10" "$T/after"

# --- a real police.uk file, before and after its LSOA boundaries ----------
real=../shared/data/police-uk/city-of-london/street/2019-01
if [ -f "$real/2019-01-city-of-london-street.csv" ]; then
  rows=$(($(wc -l < "$real/2019-01-city-of-london-street.csv") - 1))
  run_engage import police-uk "$real" --database "$T/city.db"
  expect_rc "a real police.uk month imports" 0
  expect_out "every row is read" "police.uk rows: $rows read ($rows street,"
  expect_out "without boundaries, nothing is placed" " 0 placed in an LSOA"
  if printf '%s' "$out" | grep -qE ' [1-9][0-9]* outside every known LSOA'; then ok "the located rows are outside every known LSOA"
  else not_ok "the located rows are outside every known LSOA" "$out"; fi
  expect_out "the note says to import boundaries first" "import LSOA boundaries first"
  run_engage import boundaries tests/data/city-lsoa21.shp --database "$T/city.db"
  expect_rc "the City of London LSOA boundaries import" 0
  expect_out "all 6 of them" "6 boundaries"
  run_engage import police-uk "$real" --database "$T/city.db"
  expect_rc "re-importing the month after the boundaries exits 0" 0
  placed=$(printf '%s' "$out" | sed -n 's/.*; \([0-9]*\) placed in an LSOA.*/\1/p')
  if [ -n "$placed" ] && [ "$placed" -gt $((rows * 3 / 4)) ]; then ok "most rows are now placed ($placed of $rows)"
  else not_ok "most rows are now placed" "$out"; fi
  if printf '%s' "$out" | grep -q "import LSOA boundaries first"; then not_ok "the note is gone" "$out"; else ok "the note is gone"; fi
  status_of "$T/city.db" "$T/city.st"
  check "status counts the month once" grep -q "police.uk data 2019-01 to 2019-01: $rows street" "$T/city.st"
else
  skip "a real police.uk month imports" "../shared absent"
fi

# --- a locked database -----------------------------------------------------
mkfifo "$T/fifo"
sqlite3 "$db" < "$T/fifo" > "$T/lock.out" 2>&1 &
lock_pid=$!
exec 7> "$T/fifo"
echo "BEGIN IMMEDIATE; SELECT 'holding the lock';" >&7
for _ in $(seq 1 100); do grep -q holding "$T/lock.out" && break; sleep 0.05; done
check "another process holds a write lock" grep -q holding "$T/lock.out"
fm_before=$(count_of "$db" force_months)
start=$(date +%s%N)
run_engage import police-uk "$T/aside" --database "$db" --store.busy_timeout_ms 200
ms=$((($(date +%s%N) - start) / 1000000))
expect_rc "an import into a locked database exits 4" 4
expect_out "it says the database is locked" "is locked by another process"
if [ "$ms" -lt 5000 ]; then ok "it gives up after the busy timeout (${ms} ms)"; else not_ok "it gives up after the busy timeout" "${ms} ms"; fi
release_lock
run_engage import police-uk "$T/aside" --database "$db" --store.busy_timeout_ms 200 --quiet
expect_rc "after the lock is released the import works" 0
expect_eq "and it replaced its force-months" "$(count_of "$db" force_months)" "$fm_before"

# --- a full disk -----------------------------------------------------------
mkdir "$T/mnt"
if mount -t tmpfs -o size=8m tmpfs "$T/mnt" 2>/dev/null; then
  mnt=$T/mnt
  small=$mnt/engage.db
  "$ENGAGE" import registry "$T/town/forces.csv" --database "$small" > /dev/null 2>&1
  status_of "$small" "$T/full-before"
  check "a small database on an 8 MiB tmpfs" grep -q "force glanmor" "$T/full-before"
  dd if=/dev/zero of="$mnt/fill" bs=4k 2> /dev/null
  run_engage import town "$T/town" --database "$small"
  if [ "$rc" -ne 0 ]; then ok "importing the town onto a full disk fails"; else not_ok "importing the town onto a full disk fails" "$out"; fi
  expect_rc "with the database exit code" 4
  expect_out "it says the disk is full" "disk full"
  expect_out "it says nothing was imported" "nothing was imported"
  status_of "$small" "$T/full-after"; rc=$?
  expect_rc "the database still opens" 0
  expect_same "status shows what it showed before" "$T/full-before" "$T/full-after"
  expect_eq "sqlite finds the file intact" "$(sqlite3 "$small" 'pragma integrity_check')" "ok"
  rm -f "$mnt/fill"
  run_engage import town "$T/town" --database "$small" --quiet
  expect_rc "with space again the import works" 0
  umount "$mnt" && mnt=""
else
  skip "importing onto a full disk" "cannot mount a tmpfs here (not root?)"
fi


# police.uk publishes neighbourhood boundaries as KML files with no list beside them
run_engage import neighbourhood-boundaries "$T/town/boundaries/neighbourhoods" --database "$T/kml.db" --quiet
expect_rc "a folder of police.uk KML boundaries imports into an empty database" 0
expect_out "it adds the neighbourhoods it names" "7 neighbourhoods, 7 neighbourhood boundaries"
names=$(sqlite3 "$T/kml.db" "select name from neighbourhoods where id = 'GM03'")
[ "$names" = "Harbourside" ] && ok "a neighbourhood is named from its KML Placemark" || not_ok "named from the KML" "$names"
finish
