# demo.sh - `engage demo generate`: the same seed writes the same bytes, another
# seed another town, the folder holds the documented files, usage errors exit 2.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh

# sums DIR: "sha256  relative/path" for every file, sorted by path
sums() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum); }

run_engage demo generate --seed 1 --months 3 --out "$T/a"
expect_rc "demo generate exits 0" 0
expect_out "it says what it wrote" "wrote the demo town to $T/a (seed 1)"
expect_out "it counts the town's LSOAs and neighbourhoods" "49 LSOAs, 7 neighbourhoods"
run_engage demo generate --seed 1 --months 3 --out "$T/b"
check "the same seed twice gives byte-identical trees" diff -r "$T/a" "$T/b"
sums "$T/a" > "$T/a.sums"
sums "$T/b" > "$T/b.sums"
check "and the same sha256 for every file" cmp "$T/a.sums" "$T/b.sums"
if [ "$(wc -l < "$T/a.sums")" -ge 20 ]; then ok "the tree has files to compare"; else not_ok "the tree has files to compare" "$(cat "$T/a.sums")"; fi

run_engage demo generate --seed 2 --months 3 --out "$T/c"
expect_rc "another seed exits 0" 0
differ=0 same=0
for f in "$T"/a/police-uk/*/*-street.csv; do
  rel=${f#"$T/a/"}
  if [ -f "$T/c/$rel" ] && cmp -s "$f" "$T/c/$rel"; then same=$((same + 1)); else differ=$((differ + 1)); fi
done
if [ "$differ" -eq 3 ] && [ "$same" -eq 0 ]; then ok "another seed writes different street files"
else not_ok "another seed writes different street files" "$differ differ, $same identical"; fi

# the files demo.h and `engage demo --help` promise
for f in README.txt forces.csv neighbourhoods.csv teams.csv places.csv \
         boundaries/lsoa.geojson boundaries/neighbourhoods/glanmor/GM01.kml \
         boundaries/neighbourhoods/glanmor/GM07.kml \
         census/mid-2021-population-lsoa.csv census/census2021-ts021-ethnic-group-lsoa.csv \
         census/census2021-ts041-households-lsoa.csv \
         police-uk/2026-10/2026-10-glanmor-street.csv \
         police-uk/2026-10/2026-10-glanmor-outcomes.csv \
         police-uk/2026-10/2026-10-glanmor-stop-and-search.csv; do
  check "the town folder holds $f" test -s "$T/a/$f"
done
months=$(find "$T/a/police-uk" -mindepth 1 -maxdepth 1 -type d | wc -l)
if [ "$months" -eq 3 ]; then ok "--months 3 writes 3 month folders"; else not_ok "--months 3 writes 3 month folders" "$months folders"; fi
check "the street file has the police.uk header" \
  grep -qx 'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context' \
  "$T/a/police-uk/2026-10/2026-10-glanmor-street.csv"
kmls=$(find "$T/a/boundaries/neighbourhoods/glanmor" -name '*.kml' | wc -l)
if [ "$kmls" -eq 7 ]; then ok "one boundary per neighbourhood (7)"; else not_ok "one boundary per neighbourhood (7)" "$kmls files"; fi

run_engage demo generate --seed 1
expect_rc "demo generate without --out exits 2" 2
expect_out "it says --out is required" "--out DIR is required"

run_engage demo frobnicate --out "$T/d"
expect_rc "demo with an unknown action exits 2" 2
expect_out "the unknown action is named" "unknown action 'frobnicate'"
check "an unknown action writes nothing" test ! -e "$T/d"

run_engage demo generate --seed one --out "$T/d"
expect_rc "a seed that is not a number exits 2" 2
expect_out "the bad seed is named" '--seed "one"'

finish
