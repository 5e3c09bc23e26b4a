# t_resident.sh - the resident pages over HTTP with curl: /find redirects
# on one match and lists several; the neighbourhood page carries meetings,
# priorities and no personal data; the calendar feed and a meeting's .ics
# are RFC 5545 in shape (CRLF, folded at 75 octets, one VEVENT per
# meeting with UID and DTSTAMP); the map's GeoJSON has the boundary and
# counted points.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh

"$ENGAGE" demo generate --seed 1 --months 3 --out "$T/town" > /dev/null
"$ENGAGE" import town "$T/town" --database "$T/e.db" --quiet > /dev/null
run_engage activity add --database "$T/e.db" --neighbourhood glanmor/GM01 --kind pact-meeting \
  --title "Town Centre PACT, with a title long enough to be folded in the calendar; and commas" \
  --starts 2099-01-13T19:00 --ends 2099-01-13T20:30 --venue "Porthmawr Market Hall" \
  --address "9 Teras Dinas, Porthmawr" --accessibility "Step-free; hearing loop" \
  --adjustments step-free,hearing-loop --by test
expect_rc "a meeting still to come is recorded" 0
meeting=$(printf '%s' "$out" | grep -o 'activity [0-9]*' | grep -o '[0-9]*')
start_server --database "$T/e.db" || not_ok "the server starts" "$(cat "$T/server.log")"
nb="$base/neighbourhoods/glanmor/GM01"

# /find
loc=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "$base/find?q=Mill+Close")
[ "$loc" = "303 $nb" ] && ok "/find?q=Mill Close: 303 to its neighbourhood" || not_ok "/find?q=Mill Close: 303" "$loc"
http -L "$base/find?q=lon+y+ffynnon"
printf '%s' "$body" | grep -q 'Lôn y Ffynnon\|<h1 class="govuk-heading-xl">' && [ "$status" = 200 ] &&
  ok "/find with a Welsh street name typed without its accent" || not_ok "/find lon y ffynnon" "$status"
loc=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "$base/find?lat=52.339699&lng=-4.453595")
[ "$loc" = "303 $nb" ] && ok "/find?lat&lng: 303 to the neighbourhood there" || not_ok "/find by coordinates" "$loc"
loc=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "$base/find?q=52.339699%2C-4.453595")
[ "$loc" = "303 $nb" ] && ok "/find with coordinates typed in" || not_ok "/find typed coordinates" "$loc"
http "$base/find?q=Mill"
[ "$status" = 200 ] && [ "$(printf '%s' "$body" | grep -c 'href="/neighbourhoods/glanmor/')" -ge 2 ] &&
  ok "/find?q=Mill lists several neighbourhoods" || not_ok "/find?q=Mill lists" "$status"
http "$base/find?q=Nowhere+Street"
printf '%s' "$body" | grep -q 'We could not find' && ok "/find with no match says so" || not_ok "/find no match" "$body"
http "$base/find?lat=10&lng=10"
printf '%s' "$body" | grep -q 'outside the neighbourhoods' && ok "/find outside every neighbourhood says so" || not_ok "/find outside" "$body"
http "$base/find?q="
printf '%s' "$body" | grep -q 'govuk-error-summary' && ok "/find with nothing typed shows the error" || not_ok "/find empty" "$body"
http "$base/find?lat=north&lng=1"
[ "$status" = 400 ] && ok "/find with a latitude that is not one: 400" || not_ok "/find bad lat" "$status"

# the page
http "$nb"
page=$body
printf '%s' "$page" | grep -q 'Town Centre PACT, with a title' && ok "the page lists the meeting to come" || not_ok "page meeting" ""
printf '%s' "$page" | grep -q "/meetings/$meeting.ics" && ok "the meeting has its .ics link" || not_ok "page .ics link" ""
printf '%s' "$page" | grep -q 'data-map-geojson="/neighbourhoods/glanmor/GM01/map.geojson"' && ok "the map names its GeoJSON" || not_ok "map attr" ""
printf '%s' "$page" | grep -q 'data-chart-table="trend-table"' && printf '%s' "$page" | grep -q 'id="trend-table"' &&
  ok "the chart names the table beside it" || not_ok "chart table" ""
# raisers' names and contact details from the demo's concerns never show
leaked=$(python3 -c 'import csv, sys
for r in csv.DictReader(open(sys.argv[1])):
    if r["neighbourhood"] == "GM01" and r["name"]: print(r["name"])' "$T/town/engagement/concerns.csv" | sort -u |
  while read -r name; do printf '%s' "$page" | grep -qF "$name" && echo "$name"; done)
if [ -z "$leaked" ] && ! printf '%s' "$page" | grep -q '@example.org\|01632 960'; then
  ok "no raiser's name, email or phone on the page"
else
  not_ok "no personal data on the page" "$leaked"
fi

# the calendar
curl -s -D "$T/h" -o "$T/feed.ics" "$nb/events.ics"
grep -qi '^content-type: text/calendar' "$T/h" && ok "events.ics is text/calendar" || not_ok "events.ics type" "$(cat "$T/h")"
check_ics() {
  local f=$1 what=$2 problem=""
  [ "$(head -c 17 "$f" | tr '\r\n' RN)" = "BEGIN:VCALENDARRN" ] || problem="does not start BEGIN:VCALENDAR CRLF"
  [ "$(tail -c 15 "$f" | tr '\r\n' RN)" = "END:VCALENDARRN" ] || problem="$problem; does not end END:VCALENDAR CRLF"
  LC_ALL=C awk 'BEGIN { RS = "\n" } { if (substr($0, length($0)) != "\r") bad = "a line without CR"; if (length($0) - 1 > 75) bad = "a line over 75 octets: " $0 } END { if (bad) { print bad; exit 1 } }' "$f" ||
    problem="$problem; $(LC_ALL=C awk '{ if (length($0) - 1 > 75) { print "long: " $0; exit } }' "$f")"
  local events uids stamps
  events=$(grep -c '^BEGIN:VEVENT' "$f"); uids=$(grep -c '^UID:' "$f"); stamps=$(grep -c '^DTSTAMP:' "$f")
  { [ "$events" -ge 1 ] && [ "$events" = "$uids" ] && [ "$events" = "$stamps" ] &&
    [ "$events" = "$(grep -c '^END:VEVENT' "$f")" ]; } || problem="$problem; $events events, $uids UIDs, $stamps DTSTAMPs"
  [ -z "$problem" ] && ok "$what is RFC 5545 in shape" || not_ok "$what is RFC 5545 in shape" "$problem"
}
check_ics "$T/feed.ics" "the calendar feed"
tr -d '\r' < "$T/feed.ics" | sed -n '/^SUMMARY:Town Centre PACT/,/^[A-Z]/p' | head -3 > "$T/summary"
grep -q '^ ' "$T/summary" && grep -q 'PACT\\, with' "$T/summary" && ok "a long SUMMARY is folded and its commas escaped" ||
  not_ok "folding and escaping" "$(cat "$T/summary")"
grep -q '^DTSTART:20990113T190000Z' "$T/feed.ics" && ok "times are UTC (19:00 London in January is 19:00Z)" || not_ok "DTSTART" ""
curl -s -D "$T/h1" -o "$T/one.ics" "$nb/meetings/$meeting.ics"
check_ics "$T/one.ics" "one meeting's .ics"
[ "$(grep -c '^BEGIN:VEVENT' "$T/one.ics")" = 1 ] && grep -qi "content-disposition: attachment; filename=\"meeting-$meeting.ics\"" "$T/h1" &&
  ok "one meeting's .ics holds that meeting, as a download" || not_ok "one meeting .ics" "$(cat "$T/h1")"
http "$nb/meetings/999999.ics"
[ "$status" = 404 ] && ok "an unknown meeting's .ics: 404" || not_ok "unknown meeting 404" "$status"
http "$nb/meetings/abc"
[ "$status" = 404 ] && ok "a meeting path that is not NUMBER.ics: 404" || not_ok "bad meeting path" "$status"
http "$base/neighbourhoods/glanmor/NOPE/events.ics"
[ "$status" = 404 ] && ok "an unknown neighbourhood's calendar: 404" || not_ok "unknown nb calendar" "$status"

# the map
curl -s -D "$T/hm" -o "$T/map.json" "$nb/map.geojson"
grep -qi '^content-type: application/geo+json' "$T/hm" && ok "map.geojson is application/geo+json" || not_ok "map type" "$(cat "$T/hm")"
shape=$(jq -r '[.type, .features[0].properties.kind, .features[0].geometry.type,
  ([.features[1:][] | select(.geometry.type == "Point" and .properties.count >= 1)] | length > 0),
  ([.features[1:][] | .geometry.coordinates | select(.[1] > 52 and .[1] < 53)] | length == (length))] | join(" ")' "$T/map.json")
[ "$shape" = "FeatureCollection boundary MultiPolygon true true" ] && ok "the map: a boundary then counted points" || not_ok "map shape" "$shape"
http "$base/neighbourhoods/glanmor/NOPE/map.geojson"
[ "$status" = 404 ] && ok "an unknown neighbourhood's map: 404" || not_ok "unknown map" "$status"

stop_server
finish
