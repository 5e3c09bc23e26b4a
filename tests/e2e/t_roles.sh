# t_roles.sh - who reaches what: every staff page and staff API route tried
# as every role (not signed in, resident, volunteer chair, officer of the
# neighbourhood, officer of another neighbourhood, sergeant, analyst,
# partner, administrator), and restricted records - an impact assessment,
# a person's risk record, a raiser's contact details - planted with markers
# and looked for by every route a resident, a partner and an officer of
# another neighbourhood could try: URL, API, search, open data, calendars.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh

"$ENGAGE" demo generate --seed 1 --months 1 --out "$T/town" > /dev/null
db="--database $T/e.db"
"$ENGAGE" import town "$T/town" $db --quiet > /dev/null
pw="roles test password"
printf '%s\n' "$pw" > "$T/pw"
add() { "$ENGAGE" user add "$1" $db --password-file "$T/pw" "${@:2}" > /dev/null; }
add res --role resident
add vol --role volunteer --force glanmor --neighbourhoods GM01
add pc1 --role officer --force glanmor --neighbourhoods GM01
add pc2 --role officer --force glanmor --neighbourhoods GM02
add sgt --role sergeant --force glanmor
add ana --role analyst --force glanmor
add part --role partner --force glanmor --partner-org "Porthmawr Council"
add adm --role administrator
roles="anon res vol pc1 pc2 sgt ana part adm"
declare -A token cookie
for r in $roles; do
  [ "$r" = anon ] && continue
  token[$r]=$("$ENGAGE" user token "$r" $db --label "roles test" | grep -o 'eng_[A-Za-z0-9_-]*')
done

# restricted records with markers, in GM01
"$ENGAGE" cia add $db --neighbourhood glanmor/GM01 --incident "Arson Ciamarker7 at the hall" \
  --incident-at 2026-11-30T22:00 --communities "Hall users" --information-needed "cause" \
  --information-from "fire service" --overseen-by "Insp Evans" --deadline 2026-12-20 \
  --confidence low --by test > /dev/null
"$ENGAGE" risk contact $db --neighbourhood glanmor/GM01 --name "Riskmarker7 Hughes" \
  --incident "stones thrown" --factors age --level medium --by test > /dev/null
"$ENGAGE" sharing agree $db --force glanmor --partner-org "Porthmawr Council" --title "ASB" \
  --may-see litter --may-submit litter --starts 2020-01-01 --ends 2099-12-31 --signed-by Test > /dev/null
"$ENGAGE" concern add $db --neighbourhood glanmor/GM01 --channel phone --category litter \
  --text "Bins left out again" --name "Contactmarker7 Jones" --email contactmarker7@example.org \
  --consent --by test > /dev/null
pid=$(sqlite3 "$T/e.db" "select id from priorities where force_id='glanmor' and neighbourhood_id='GM01' limit 1")
start_server $db --web.signin_limit 1000 || not_ok "server starts" "$(cat "$T/server.log")"

for r in $roles; do
  [ "$r" = anon ] && continue
  cookie[$r]=$(curl -s -D - -o /dev/null -X POST --data-urlencode "username=$r" \
    --data-urlencode "password=$pw" "$base/staff/sign-in" | tr -d '\r' |
    sed -n 's/^Set-Cookie: \(__Host-engage_session=[^;]*\).*/\1/p')
done

# status ROLE METHOD PATH [BODY]: the answer's status for that role
status() {
  local r=$1 m=$2 p=$3 body=${4:-}; local auth=()
  if [ "$r" != anon ]; then
    case "$p" in /api/*) auth=(-H "Authorization: Bearer ${token[$r]}") ;;
                 *) auth=(-b "${cookie[$r]}") ;; esac
  fi
  if [ "$m" = POST ]; then
    curl -s -o "$T/out" -w '%{http_code}' -X POST "${auth[@]}" -H 'Content-Type: application/json' \
      --data "$body" "$base$p"
  else
    curl -s -o "$T/out" -w '%{http_code}' "${auth[@]}" "$base$p"
  fi
}

# matrix "ALLOWED ROLES" METHOD PATH [BODY]: the allowed get in (not 401,
# 403, or a redirect to sign in); everyone else is refused: 401 or 303 to
# sign in when not signed in, 403 when signed in without the right.
matrix() {
  local allowed=" $1 " m=$2 p=$3 body=${4:-} got bad=""
  for r in $roles; do
    got=$(status "$r" "$m" "$p" "$body")
    case "$allowed" in
      *" $r "*) case $got in 401|403|303|404) bad="$bad $r:$got" ;; esac ;;
      *) if [ "$r" = anon ]; then case $got in 401|303) ;; *) bad="$bad $r:$got" ;; esac
         else [ "$got" = 403 ] || bad="$bad $r:$got"; fi ;;
    esac
  done
  [ -z "$bad" ] && ok "$m $p: only$1" || not_ok "$m $p: only$1" "wrong answers:$bad"
}

NB=/api/v1/neighbourhoods/glanmor/GM01
SN=/staff/neighbourhoods/glanmor/GM01
matrix " vol pc1 pc2 sgt ana part adm" GET /staff
matrix " pc1 sgt ana part adm" GET $SN
matrix " pc1 sgt" GET $SN/postcards
matrix " pc1 sgt" GET $SN/activities/new
matrix " pc1 sgt ana part adm" GET $SN/profile
matrix " pc1 sgt ana part adm" GET $SN/plan
matrix " vol pc1 sgt" GET $SN/pact
matrix " pc1 sgt ana part adm" GET $SN/board
matrix " pc1 sgt" GET $SN/feedback
matrix " pc1 sgt ana part adm" GET $SN/pack
matrix " pc1 sgt ana" GET $SN/impact-assessments
matrix " pc1 sgt ana" GET "/staff/impact-assessments/1?purpose=review"
matrix " pc1 sgt ana part adm" GET $SN/partner-data
matrix " pc1 sgt ana part adm" GET $NB/profile
matrix " pc1 sgt ana part adm" GET $NB/todo
matrix " pc1 sgt ana part adm" GET $NB/pack
matrix " pc1 sgt ana" GET "/api/v1/impact-assessments/1?purpose=review"
matrix " pc1 sgt ana" GET $NB/impact-assessments
matrix " pc1 sgt" GET "/api/v1/risk-people/1?purpose=visit"
matrix " pc1 sgt" GET $NB/risk-people
matrix " part" GET $NB/shared-concerns
matrix " pc1 sgt ana part adm" GET $NB/partner-submissions
matrix " pc1 pc2 sgt ana part adm" GET /api/v1/forces/glanmor/sharing-agreements
matrix " pc1 sgt" POST /api/v1/activities \
  '{"force":"glanmor","neighbourhood":"GM01","kind":"street-meeting","title":"Street meeting","starts":"2026-12-01T10:00","venue":"Market Square"}'
matrix " vol pc1 sgt" POST "/api/v1/priorities/$pid/votes" '{"meeting":1,"for":3,"against":1}'
matrix " sgt" POST /api/v1/feedback "{\"priority\":$pid,\"outcome\":\"no-action\",\"reason\":\"not-police-matter\",\"text\":\"Passed to the council.\"}"
matrix " pc1 sgt" POST /api/v1/impact-assessments \
  '{"force":"glanmor","neighbourhood":"GM01","incident":"x","incident_at":"2026-11-30T22:00","communities":"y","information_needed":"z","information_from":"w","overseen_by":"v","deadline":"2026-12-20","confidence":"low","review_days":7}'
matrix " sgt adm" POST /api/v1/sharing-agreements \
  '{"force":"glanmor","partner_org":"Tai Porthmawr","title":"Housing","may_see":"noise","may_submit":"noise","starts":"2026-01-01","ends":"2027-01-01","signed_by":"Test"}'
matrix " part" POST /api/v1/partner-submissions \
  '{"force":"glanmor","neighbourhood":"GM01","source":"environmental-health","category":"litter","at":"2026-12-01T09:00","summary":"Fly-tipping"}'

# a partner submits through the web page under its agreement; the team
# sees it there, and the partner sees concerns in its categories only
page=$(curl -s -b "${cookie[part]}" "$base$SN/partner-data")
csrf=$(printf '%s' "$page" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
printf '%s' "$page" | grep -q "Bins left out again" && ok "the partner sees a litter concern its agreement covers" \
  || not_ok "partner sees shared concern" "$(printf '%s' "$page" | head -c 300)"
st=$(curl -s -o /dev/null -w '%{http_code}' -b "${cookie[part]}" -X POST --data-urlencode "csrf=$csrf" \
  --data "source=environmental-health&category=litter&at=2026-12-01T09:30&location=Lon+y+Felin" \
  --data-urlencode "summary=Mattresses dumped by the stream" "$base$SN/partner-data")
[ "$st" = 303 ] && ok "the partner's submission through the page is recorded (303)" || not_ok "partner web submission" "$st"
st=$(curl -s -o "$T/pd" -w '%{http_code}' -b "${cookie[part]}" -X POST --data-urlencode "csrf=$csrf" \
  --data "source=environmental-health&category=noise&at=2026-12-01T09:30" \
  --data-urlencode "summary=Loud party" "$base$SN/partner-data")
[ "$st" = 400 ] && grep -q "no agreement in force lets" "$T/pd" && ok "a category the agreement does not allow is refused beside the field" \
  || not_ok "category refused" "$st"
curl -s -b "${cookie[pc1]}" "$base$SN/partner-data" | grep -q "Mattresses dumped by the stream" \
  && ok "the neighbourhood team sees the submission" || not_ok "team sees submission" ""
pc1_csrf=$(curl -s -b "${cookie[pc1]}" "$base$SN/partner-data" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
st=$(curl -s -o /dev/null -w '%{http_code}' -b "${cookie[pc1]}" -X POST --data-urlencode "csrf=$pc1_csrf" \
  --data "source=housing&category=litter&at=2026-12-01T09:30&summary=x" "$base$SN/partner-data")
[ "$st" = 403 ] && ok "an officer cannot submit as a partner (403)" || not_ok "officer submit refused" "$st"

# the restricted markers, looked for by every route the public, a partner
# and an officer of another neighbourhood might try
leak=""
look() {	# look WHO PATH: the answer must hold no marker
  local r=$1 p=$2; local auth=()
  [ "$r" != anon ] && case "$p" in /api/*) auth=(-H "Authorization: Bearer ${token[$r]}") ;; *) auth=(-b "${cookie[$r]}") ;; esac
  curl -s "${auth[@]}" "$base$p" > "$T/look"
  grep -qiE "ciamarker7|riskmarker7|contactmarker7" "$T/look" && leak="$leak $r:$p"
}
# (a search is for words of the records around the markers: the page
# echoes what was typed)
paths="/ /find?q=Arson /find?q=Hughes /find?q=Jones /find?q=hall /neighbourhoods/glanmor/GM01
/neighbourhoods/glanmor/GM01/events.ics /neighbourhoods/glanmor/GM01/map.geojson /data/
/api/glanmor/GM01/priorities /api/glanmor/GM01/events /api/glanmor/GM01/people
$NB/record $NB/profile $NB/todo $NB/pack $NB/candidates $NB/plan $NB/shared-concerns
$NB/partner-submissions $NB/impact-assessments $NB/risk-people
/api/v1/impact-assessments/1?purpose=curious /api/v1/risk-people/1?purpose=curious
/staff $SN $SN/board $SN/pack $SN/profile $SN/plan $SN/feedback $SN/pact
$SN/impact-assessments /staff/impact-assessments/1?purpose=curious $SN/partner-data"
for r in anon res part pc2; do
  for p in $paths; do look "$r" "$p"; done
done
for f in $(curl -s "$base/data/" | grep -o 'href="/data/[^"]*"' | sed 's/href="//; s/"$//'); do
  look anon "$f"
done
"$ENGAGE" export open-data "$T/od" $db > /dev/null 2>&1
grep -rqiE "ciamarker7|riskmarker7|contactmarker7" "$T/od" && leak="$leak export"
[ -z "$leak" ] && ok "no restricted marker reaches a resident, a partner or another neighbourhood's officer by any route" \
  || not_ok "restricted markers stay restricted" "leaked at:$leak"
grep -qiE "ciamarker7|riskmarker7|contactmarker7" "$T/server.log" && not_ok "no marker in the server's log" "" || ok "no marker in the server's log"
finish
