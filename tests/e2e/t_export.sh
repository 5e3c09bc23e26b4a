# t_export.sh - `engage export open-data` and the /data/ downloads through
# the real binary: the files validate (CSV against CSVW metadata, GeoJSON
# against RFC 7946, by `unit-tests --odcheck`), police.uk files come back
# byte for byte, formulas are neutralised, small counts suppressed, a
# re-export is identical, a failed export leaves nothing, and a real
# server serves the same bytes with the right content types.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh
ODCHECK=${ENGAGE_UNIT_BIN:-$PWD/build/asan/unit-tests}

"$ENGAGE" demo generate --out "$T/town" --months 3 > /dev/null 2>&1
# Plant a formula in one crime's location, as a hostile source might.
f=$(ls "$T"/town/police-uk/*/*-street.csv | head -1)
sed -i '0,/,On or near /s//,=1+2 On or near /' "$f"
run_engage import town "$T/town" --database "$T/e.db" --quiet
expect_rc "the demo town imports" 0

run_engage export open-data "$T/out" --database "$T/e.db"
expect_rc "export open-data exits 0" 0
expect_out "it says what it wrote" "catalog.jsonld"
expect_out "and how many files" "open-data files"
for name in catalog.jsonld neighbourhoods.geojson crime-counts.csv crime-counts.csv-metadata.json crime-counts.json; do
  check "the set holds $name" test -s "$T/out/$name"
done
check "every file validates (CSVW, RFC 7946, JSON)" "$ODCHECK" --odcheck "$T/out"
if grep -q "'=1+2 On or near" "$T"/out/*-street.csv && ! grep -q ",=1+2" "$T"/out/*-street.csv; then
  ok "a formula in a cell is neutralised with a leading apostrophe"
else not_ok "a formula in a cell is neutralised with a leading apostrophe"; fi
nfiles=0 same=0
for orig in "$T"/town/police-uk/*/*.csv; do
  nfiles=$((nfiles + 1)); cmp -s "$orig" "$T/out/$(basename "$orig")" && same=$((same + 1))
done
if [ "$same" -eq $((nfiles - 1)) ] && [ "$nfiles" -gt 1 ]; then ok "police.uk files re-created byte for byte (all but the planted one)"
else not_ok "police.uk files re-created byte for byte" "$same of $nfiles identical"; fi

run_engage export open-data "$T/again" --database "$T/e.db"
check "a re-export is byte-identical" diff -r "$T/out" "$T/again"
run_engage export open-data "$T/out" --database "$T/e.db"
expect_rc "an earlier export is replaced" 0
check "the replaced export is still identical" diff -r "$T/out" "$T/again"
left=$(ls -d "$T"/out.* "$T"/again.* 2>/dev/null | wc -l)
if [ "$left" -eq 0 ]; then ok "no temporary folders left"; else not_ok "no temporary folders left" "$(ls "$T")"; fi

run_engage export open-data "$T/big" --database "$T/e.db" --publish.min_count 1000
if awk -F, 'NR > 1 && $6 != "" && $6 != "0" { bad = 1 } END { exit bad }' "$T/big/crime-counts.csv" &&
   grep -q ',,true$' "$T/big/crime-counts.csv"; then
  ok "publish.min_count suppresses every count below it"
else not_ok "publish.min_count suppresses every count below it" "$(head -5 "$T/big/crime-counts.csv")"; fi

: > "$T/afile"
run_engage export open-data "$T/afile/out" --database "$T/e.db"
expect_rc "an unwritable target fails" 1
expect_out "and says why" "cannot create folder"
expect_out "and that nothing was written" "nothing was written"
left=$(ls -d "$T"/afile.* "$T"/afile/* 2>/dev/null | wc -l)
if [ "$left" -eq 0 ]; then ok "a failed export leaves no partial folder"; else not_ok "a failed export leaves no partial folder" "$(ls -la "$T")"; fi
mkdir "$T/mine" && echo keep > "$T/mine/notes.txt"
run_engage export open-data "$T/mine" --database "$T/e.db"
expect_rc "a folder that is not an export is refused" 1
check "and left as it was" test "$(cat "$T/mine/notes.txt")" = keep
run_engage export csv "$T/x" --database "$T/e.db"
expect_rc "an unknown export kind is a usage error" 2
run_engage export open-data --database "$T/e.db"
expect_rc "open-data without a folder is a usage error" 2

# The table of crime counts: what an analyst checks against the files.
run_engage export crime-counts "$T/counts.csv" --database "$T/e.db"
expect_rc "export crime-counts exits 0" 0
expect_out "it says how many crimes it counted" "street crimes"
check "the table starts with its header" test "$(head -1 "$T/counts.csv")" = "month,lsoa_code,category,count"
located=$(cat "$T"/town/police-uk/*/*-street.csv | awk -F, '$1 != "Crime ID" && $5 != "" { n++ } END { print n + 0 }')
counted=$(awk -F, 'NR > 1 { s += $4 } END { print s + 0 }' "$T/counts.csv")
if [ "$located" -gt 0 ] && [ "$counted" = "$located" ]; then ok "the counts add up to the located street rows of the files ($located)"
else not_ok "the counts add up to the located street rows of the files" "$counted against $located"; fi
IFS=, read -r m lsoa _ got < <(grep -m1 ',burglary,' "$T/counts.csv")
want=$(cat "$T"/town/police-uk/*/*-street.csv |
  awk -F, -v m="$m" -v l="$lsoa" '$2 == m && $5 != "" && $8 == l && $10 == "Burglary" { n++ } END { print n + 0 }')
if [ -n "$m" ] && [ "$got" = "$want" ]; then ok "one cell (burglary in $lsoa, $m) matches the files: $want"
else not_ok "one cell matches the files" "got '$got', want $want for $m $lsoa"; fi
if tail -n +2 "$T/counts.csv" | LC_ALL=C sort -c -s -t, -k1,1 -k2,2 2> /dev/null; then ok "rows are ordered by month, then LSOA"
else not_ok "rows are ordered by month, then LSOA"; fi
"$ENGAGE" export crime-counts --database "$T/e.db" > "$T/counts-stdout.csv" 2> /dev/null
check "without a file the same table goes to standard output" cmp -s "$T/counts.csv" "$T/counts-stdout.csv"
run_engage export crime-counts "$T/afile/counts.csv" --database "$T/e.db"
expect_rc "an unwritable file fails" 1
expect_out "and says why" "cannot write"

# Real police.uk files (City of London) come back exactly as published.
real=${ENGAGE_SHARED_DATA:-../shared/data}/police-uk/city-of-london
if [ -d "$real" ]; then
  run_engage import police-uk "$real/street/2019-01" "$real/street/2019-02" "$real/stop-and-search/2019-01" --database "$T/real.db" --quiet
  run_engage export open-data "$T/real" --database "$T/real.db"
  expect_rc "real police.uk data exports" 0
  if cmp -s "$real/street/2019-01/2019-01-city-of-london-street.csv" "$T/real/2019-01-city-of-london-street.csv" &&
     cmp -s "$real/street/2019-02/2019-02-city-of-london-street.csv" "$T/real/2019-02-city-of-london-street.csv" &&
     cmp -s "$real/stop-and-search/2019-01/2019-01-city-of-london-stop-and-search.csv" "$T/real/2019-01-city-of-london-stop-and-search.csv"; then
    ok "real police.uk street and stop-and-search files come back byte for byte"
  else not_ok "real police.uk street and stop-and-search files come back byte for byte"; fi
  check "the real export validates" "$ODCHECK" --odcheck "$T/real"
else
  skip "real police.uk files come back byte for byte" "no shared data"
fi

if start_server --database "$T/e.db"; then ok "server starts"; else not_ok "server starts" "$(cat "$T/server.log")"; fi
http "$base/data/"
if [ "$status" = 200 ] && printf '%s' "$body" | grep -q 'href="/data/crime-counts.csv"' &&
   printf '%s' "$body" | grep -q "Open Government Licence v3.0" && ! printf '%s' "$body" | grep -qi '<script>\|style='; then
  ok "/data/ lists the downloads with the licence"
else not_ok "/data/ lists the downloads with the licence" "$status $(printf '%s' "$body" | head -c 300)"; fi
ctype() { curl -s -o "$T/got" -w '%{http_code} %{content_type}' "$base/data/$1"; }
for pair in "crime-counts.csv|text/csv; charset=utf-8" "neighbourhoods.geojson|application/geo+json" \
            "catalog.jsonld|application/ld+json" "crime-counts.csv-metadata.json|application/csvm+json" \
            "crime-counts.json|application/json"; do
  name=${pair%%|*} want=${pair#*|}
  got=$(ctype "$name")
  if [ "$got" = "200 $want" ] && cmp -s "$T/got" "$T/out/$name"; then ok "/data/$name: $want, same bytes as the export"
  else not_ok "/data/$name: $want, same bytes as the export" "$got"; fi
done
got=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "$base/data")
if [ "$got" = "308 $base/data/" ]; then ok "/data redirects to /data/"; else not_ok "/data redirects to /data/" "$got"; fi
http "$base/data/no-such-file.csv"
if [ "$status" = 404 ]; then ok "an unknown download is 404"; else not_ok "an unknown download is 404" "$status"; fi
stop_server

finish
