# t_pii_scan.sh - no personal data in anything public: the demo town's
# raisers' names, e-mail addresses and phone numbers (and any key contacts)
# are looked for in every public page in both languages, the police.uk API,
# Engage's public API, the calendars and map data, every open-data file,
# and the server's log.  Names of the neighbourhood teams are public by
# design and are not looked for.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh

command -v sqlite3 > /dev/null || { skip "the personal-data scan" "sqlite3 is missing: run scripts/setup"; finish; exit; }
"$ENGAGE" demo generate --seed 1 --months 2 --out "$T/town" > /dev/null
db="--database $T/e.db"
"$ENGAGE" import town "$T/town" $db --quiet > /dev/null
q() { sqlite3 "$T/e.db" "$1"; }
{
  q "select email from concern_contacts where email is not null"
  q "select phone from concern_contacts where phone is not null"
  q "select replace(phone, ' ', '') from concern_contacts where phone is not null"
  q "select name from concern_contacts where name like '% %' and name not in (select name from people)"
  q "select email from key_contacts where email is not null"
  q "select phone from key_contacts where phone is not null"
  q "select name from key_contacts where name not in (select name from people)"
} | sort -u | grep -v '^$' > "$T/personal"
values=$(wc -l < "$T/personal")
[ "$values" -gt 100 ] && ok "the demo town holds personal data to look for ($values values)" || not_ok "personal data to look for" "$values"

start_server $db --log.access=true || not_ok "server starts" "$(cat "$T/server.log")"
fetched=0 found=""
look() {	# look PATH [LANG]
  curl -s -H "Cookie: engage_lang=${2:-en}" "$base$1" > "$T/page"
  fetched=$((fetched + 1))
  if grep -qF -f "$T/personal" "$T/page"; then
    found="$found $1($(grep -oF -f "$T/personal" "$T/page" | head -1 | cut -c1-3)...)"
  fi
}
nbhds=$(q "select id from neighbourhoods where force_id = 'glanmor'")
refs=$(q "select reference from concerns order by id limit 40")
streets=$(q "select distinct name from street_points limit 5" | sed 's/On or near //' | tr ' ' '+')
for lang in en cy; do
  for p in / /find /concerns/new /concerns/track /accessibility /data/; do look "$p" $lang; done
  for nb in $nbhds; do
    look "/neighbourhoods/glanmor/$nb" $lang
    look "/neighbourhoods/glanmor/$nb/events.ics" $lang
  done
  for r in $refs; do look "/concerns/$r" $lang; done
done
for s in $streets; do look "/find?q=$s"; done
for nb in $nbhds; do
  look "/neighbourhoods/glanmor/$nb/map.geojson"
  for p in "" /people /events /priorities /boundary; do look "/api/glanmor/$nb$p"; done
  look "/api/v1/neighbourhoods/glanmor/$nb/record"
done
for r in $refs; do look "/api/v1/concerns/$r"; done
for p in /api/forces /api/forces/glanmor /api/forces/glanmor/people /api/glanmor/neighbourhoods \
         /api/crime-categories /api/crimes-street-dates; do look "$p"; done
for f in $(curl -s "$base/data/" | grep -o 'href="/data/[^"]*"' | sed 's/href="//; s/"$//' | sort -u); do
  look "$f"
done
[ -z "$found" ] && ok "no personal data in $fetched public pages, API answers, calendars and open-data files" \
  || not_ok "no personal data in public answers" "found in:$found"

"$ENGAGE" export open-data "$T/od" $db > /dev/null 2>&1
grep -rqF -f "$T/personal" "$T/od" && not_ok "none in the exported open data" "$(grep -rlF -f "$T/personal" "$T/od" | head -3)" \
  || ok "none in the exported open data ($(find "$T/od" -type f | wc -l) files)"
stop_server
grep -qF -f "$T/personal" "$T/server.log" && not_ok "none in the server's log" "" \
  || ok "none in the server's log ($(wc -l < "$T/server.log") lines)"
finish
