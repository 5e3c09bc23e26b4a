# t_realdata.sh - all of ../shared/data's police.uk files, the London LSOA
# boundaries and census files imported through the real binary: no rejected
# row, every row counted, forces named.  Skips, saying so, where ../shared
# is absent (a user's clone).
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh
shared=${ENGAGE_SHARED_DATA:-../shared/data}
if [ ! -d "$shared/police-uk" ]; then
  skip "real police.uk data" "$shared is absent"
  finish; exit 0
fi
db="--database $T/real.db"

run_engage import boundaries "$shared/boundaries/london/london-2021-lsoa-gen20.shp" $db --quiet
expect_rc "London's 2021 LSOA boundaries import (British National Grid, reprojected)" 0
expect_out "every LSOA is read" "4994 boundaries"

run_engage import police-uk "$shared/police-uk" $db --quiet
expect_rc "every police.uk file in the shared data imports" 0
expect_out "every row is read: 24,750 + 108,789 street, 44,004 outcomes, 6,855 + 117,852 stops" \
  "302250 read (133539 street, 44004 outcomes, 124707 stop-and-search) in 132 force-months"
expect_out "no row is rejected" "0 rejected"
placed=$(printf '%s' "$out" | grep -o '[0-9]* placed' | grep -o '[0-9]*')
[ "${placed:-0}" -gt 250000 ] && ok "most rows are placed in a London LSOA ($placed)" || not_ok "most rows are placed" "$out"

run_engage import census "$shared"/census/london/*.csv $db --quiet
expect_rc "the London census files import" 0

run_engage status $db
expect_out "the City's force is named from its street files" "force city-of-london: City of London Police"
expect_out "the Met is named" "force metropolitan: Metropolitan Police Service"
expect_out "the months span the data" "police.uk data 2017-12 to 2024-12"

# both LSOA vintages at once: 2011 and 2021 overlap, so rows are placed among
# the newest, and a 2011 code from police.uk is checked against its own polygon
run_engage import boundaries "$shared/boundaries/london/london-2011-lsoa-gen20.shp" $db --quiet
expect_rc "London's 2011 LSOAs import beside the 2021 ones" 0
vintages=$(sqlite3 "$T/real.db" "select vintage || ':' || count(*) from areas group by vintage order by vintage" | tr '\n' ' ')
[ "$vintages" = "2011:176 2021:4994 " ] && ok "each LSOA keeps its vintage; codes shared by both are 2021 ($vintages)" \
  || not_ok "vintages recorded" "$vintages"
run_engage import police-uk "$shared/police-uk" $db --quiet
placed2=$(printf '%s' "$out" | grep -o '[0-9]* placed' | grep -o '[0-9]*')
[ "$placed2" = "$placed" ] && ok "adding 2011 LSOAs places no row differently ($placed2)" || not_ok "placement unchanged by the older vintage" "$placed -> $placed2"

# importing the same tree again replaces, never doubles
before=$(sqlite3 "$T/real.db" "select count(*), sum(rows) from force_months")
run_engage import police-uk "$shared/police-uk" $db --quiet
after=$(sqlite3 "$T/real.db" "select count(*), sum(rows) from force_months")
[ "$before" = "$after" ] && ok "re-importing the tree leaves the same force-months ($after)" || not_ok "re-import replaces" "$before -> $after"
finish
