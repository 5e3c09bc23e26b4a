# t_concern_web.sh - the public concern form over HTTP with curl, as a
# browser without JavaScript sends it: a good form is recorded (303 to a
# confirmation whose reference `engage concern show` finds), a bad one is
# answered 400 naming each field and keeping the values, a form posted by
# another site is refused, the per-client limit answers 429; tracking shows
# the public view only (and the priority the concern joined); nothing typed
# reaches the log.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh

"$ENGAGE" demo generate --seed 1 --months 3 --out "$T/town" > /dev/null
rm -r "$T/town/engagement"	# no history: the counts below are this test's own
"$ENGAGE" import town "$T/town" --database "$T/e.db" --quiet > /dev/null
db="--database $T/e.db"
start_server $db --web.concern_limit 3 --web.concern_window_minutes 10 || not_ok "server starts" "$(cat "$T/server.log")"

# post FIELDS...: a form POST as a browser on this site sends it; sets
# $status, $body, $location
post() {
  local args=()
  for f in "$@"; do args+=(--data-urlencode "$f"); done
  body=$(curl -s -D "$T/headers" -o - -w '\n%{http_code}' -H 'Sec-Fetch-Site: same-origin' \
         "${args[@]}" "$base/concerns/new")
  status=${body##*$'\n'}
  body=${body%$'\n'*}
  location=$(tr -d '\r' < "$T/headers" | sed -n 's/^Location: //Ip')
}
has() { if printf '%s' "$body" | grep -qF -- "$2"; then ok "$1"; else not_ok "$1" "page lacks '$2'"; fi; }

http "$base/concerns/new?force=glanmor&neighbourhood=GM01"
[ "$status" = 200 ] && ok "the form answers 200" || not_ok "the form answers 200" "$status"
has "arriving from a neighbourhood preselects it" '<option value="glanmor/GM01" selected>'
has "the form posts to itself" '<form method="post" action="/concerns/new" novalidate>'

post "neighbourhood=glanmor/GM01" "category=speeding" \
     $'text=Cars speeding past the school\r\nevery morning' "where=Stryd Fawr" "contact=anonymous"
[ "$status" = 303 ] && ok "a good form answers 303" || not_ok "a good form answers 303" "$status $body"
ref=$(printf '%s' "$location" | grep -o 'ENG-[0-9A-Z-]*')
[ "$location" = "/concerns/$ref/raised" ] && ok "it goes to the confirmation ($location)" || not_ok "it goes to the confirmation" "$location"
http "$base$location"
has "the confirmation shows the reference" "<strong class=\"engage-reference\">$ref</strong>"
has "and links to tracking it" "href=\"/concerns/$ref\""
run_engage concern show "$ref" $db
expect_out "engage concern show finds the reference" "reference $ref"
expect_out "it was recorded as an online form" "channel online-form"

post "neighbourhood=glanmor/GM01" "category=unsure" "text=Sŵn uchel bob nos" "contact=contact" \
     "name=Gwen Parry" "email=gwen.parry@example.org" "consent=yes" "age_band=45-64"
[ "$status" = 303 ] && ok "a form with contact details and consent answers 303" || not_ok "with contact details answers 303" "$status"
named=$(printf '%s' "$location" | grep -o 'ENG-[0-9A-Z-]*')
run_engage concern show "$named" $db
id=$(printf '%s' "$out" | sed -n 's/^id //p')
run_engage concern contact "$id" $db --purpose "e2e: check what the form stored" --by tester
expect_out "the contact details are kept" "email gwen.parry@example.org"
expect_out "with the consent and what it covers" "consent to contact: to contact them about this concern only"

# mistakes: 400, each field named at the top and beside it, values kept
post "neighbourhood=" "text=<b>Loud</b> music" "contact=contact" "email=gwen.example.org"
[ "$status" = 400 ] && ok "a form with mistakes answers 400" || not_ok "mistakes answer 400" "$status"
has "the error summary is there" "There is a problem"
for m in "Select the neighbourhood where it is happening" "Select what your concern is about" \
         "Enter an email address in the correct format" "Tick the box to agree that the team may contact you"; do
  has "it says: $m" "$m"
done
has "each error stands beside its field" 'id="email-error" class="govuk-error-message"'
has "the text typed is kept, escaped" '&lt;b&gt;Loud&lt;/b&gt; music</textarea>'
has "the email typed is kept" 'value="gwen.example.org"'
grep -qi '^Cache-Control: no-store' "$T/headers" && ok "a page holding typed values is not cached" || not_ok "no-store" "$(cat "$T/headers")"

# another site's form is refused, by Sec-Fetch-Site or by Origin
code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Sec-Fetch-Site: cross-site' \
       --data 'neighbourhood=glanmor/GM01&category=noise&text=x&contact=anonymous' "$base/concerns/new")
[ "$code" = 403 ] && ok "a cross-site POST is refused (403)" || not_ok "cross-site POST refused" "$code"
code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Origin: https://evil.example' \
       --data 'neighbourhood=glanmor/GM01&category=noise&text=x&contact=anonymous' "$base/concerns/new")
[ "$code" = 403 ] && ok "a POST from another origin is refused (403)" || not_ok "other origin refused" "$code"

# the limit (3 here): two recorded above, one more, then 429 with the form kept
post "neighbourhood=glanmor/GM01" "category=noise" "text=Music until 3am" "contact=anonymous"
[ "$status" = 303 ] && ok "the third concern in ten minutes is recorded" || not_ok "third recorded" "$status"
post "neighbourhood=glanmor/GM01" "category=noise" "text=Music again tonight" "contact=anonymous"
[ "$status" = 429 ] && ok "the fourth is answered 429" || not_ok "fourth is 429" "$status"
has "the 429 page says how long to wait" "please wait"
has "and keeps what was typed" "Music again tonight</textarea>"
grep -qi '^Retry-After: [0-9]' "$T/headers" && ok "with Retry-After" || not_ok "Retry-After" "$(cat "$T/headers")"
# the JSON door for the same form counts against the same limit
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
  --data '{"force":"glanmor","neighbourhood":"GM01","text":"Music again","anonymous":true}' "$base/api/v1/concerns")
[ "$code" = 429 ] && ok "POST /api/v1/concerns from the same client is limited too (429)" || not_ok "JSON door limited" "$code"

# tracking: the form, a reference typed loosely, the public view only
http "$base/concerns/track?reference=$(printf '%s' "$ref" | tr 'A-Z-' 'a-z ' | sed 's/ /%20/g')"
[ "$status" = 303 ] && ok "a loosely typed reference is accepted" || not_ok "loose reference" "$status"
http "$base/concerns/track?reference=nonsense"
[ "$status" = 400 ] && ok "a reference that cannot be one is answered 400" || not_ok "bad reference 400" "$status"
has "saying what a reference looks like" "like ENG-7K3Q-9XFMT"
http "$base/concerns/ENG-0000-00000"
[ "$status" = 404 ] && ok "an unknown reference is answered 404" || not_ok "unknown 404" "$status"
has "with a clear message" "We could not find that concern"

# the concern joins a priority: the track page says which
run_engage concern add $db --neighbourhood glanmor/GM01 --channel postcard --category speeding \
  --anonymous --text "Speeding by the school"
group=$(printf '%s' "$out" | grep -o 'group [0-9]*' | grep -o '[0-9]*')
run_engage priority propose $db --neighbourhood glanmor/GM01 --group "$group" \
  --title "Speeding near the school" --public-text "Speeding on Stryd Fawr near the school"
http "$base/concerns/$ref"
[ "$status" = 200 ] && ok "the track page answers 200" || not_ok "track 200" "$status"
has "it shows the priority the concern joined" "Speeding on Stryd Fawr near the school"
has "and how many raised it" "2 people, through 2 ways of getting in touch"
if printf '%s' "$body" | grep -qE 'every morning|Stryd Fawr</|gwen'; then
  not_ok "the track page shows nothing typed" "$body"
else
  ok "the track page shows nothing typed"
fi
run_engage concern show "$ref" $db
run_engage feedback give $db --concern "$(printf '%s' "$out" | sed -n 's/^id //p')" \
  --outcome action-taken --text "Speed checks on five mornings" --by "PC Sioned Jenkins"
http -H 'Cookie: engage_lang=cy' "$base/concerns/$ref"
has "in Welsh, the track page shows what was done" "Dywedoch chi, gwnaethom ni"
has "with the outcome" "Gwnaethom weithredu"
has "and the text staff published" "Speed checks on five mornings"

http "$base/accessibility"
has "the accessibility statement names WCAG 2.2" "Web Content Accessibility Guidelines version 2.2"
has "and the enforcement procedure" "Equality and Human Rights Commission"
http -H 'Accept-Language: cy' "$base/accessibility"
has "and is in Welsh too" "Datganiad hygyrchedd ar gyfer Engage"

stop_server
leaks=$(grep -v 'engage: serving' "$T/server.log" | grep -E 'gwen|Parry|Music|speeding past|Sŵn|127\.0\.0\.1')
if [ -n "$leaks" ]; then
  not_ok "nothing typed and no client address is logged" "$leaks"
else
  ok "nothing typed and no client address is logged"
fi
finish
