# t_staff_entry.sh - the staff entry pages over HTTP with curl, as a browser
# would use them: an officer signs in (the __Host- session cookie kept), reads
# the CSRF token from a form, types in a batch of postcards, finds them with
# `engage concern show`; a batch with a wrong row saves nothing; a POST
# without the token is refused; another neighbourhood's officer gets 403;
# nobody signed in is sent to sign in.  Logging an activity, a profile note
# and a plan entry each answer 303 and show up.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh

db="$T/e.db"
"$ENGAGE" demo generate --seed 1 --months 3 --out "$T/town" > /dev/null
"$ENGAGE" import town "$T/town" --database "$db" --quiet > /dev/null
add_officer() {
  "$ENGAGE" user add "$1" --database "$db" --role officer --force glanmor --neighbourhoods "$2" \
    --generate-password | sed -n 's/^password: //p'
}
pw_a=$(add_officer ffion GM01)
pw_b=$(add_officer gareth GM02)
[ -n "$pw_a" ] && [ -n "$pw_b" ] && ok "two officers are made (GM01, GM02)" || not_ok "officers are made"
start_server --database "$db" --web.signin_limit 1000 && ok "the server starts" || not_ok "the server starts" "$(cat "$T/server.log")"
nb="$base/staff/neighbourhoods/glanmor/GM01"

# sign_in JAR USER PASSWORD: signs in, keeping the session in JAR
sign_in() {
  curl -s -c "$1" -b "$1" -o /dev/null -w '%{http_code}' --data-urlencode "username=$2" \
    --data-urlencode "password=$3" -d next=/staff "$base/staff/sign-in"
}
# csrf_of JAR URL: the csrf value of the page's first form
csrf_of() {
  curl -s -b "$1" "$2" | grep -o 'name="csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'
}

http "$nb/postcards"
[ "$status" = 303 ] && ok "not signed in: 303 to sign in" || not_ok "not signed in: 303" "$status"
loc=$(curl -s -o /dev/null -w '%{redirect_url}' "$nb/postcards")
case $loc in *"/staff/sign-in?next=%2Fstaff%2Fneighbourhoods%2Fglanmor%2FGM01%2Fpostcards") ok "which comes back here afterwards" ;;
  *) not_ok "the sign-in comes back" "$loc" ;; esac

a="$T/a.jar" b="$T/b.jar"
[ "$(sign_in "$a" ffion "$pw_a")" = 303 ] && ok "the GM01 officer signs in" || not_ok "the GM01 officer signs in"
grep -q '__Host-engage_session' "$a" && ok "with the __Host- session cookie" || not_ok "the session cookie is kept" "$(cat "$a")"
[ "$(sign_in "$b" gareth "$pw_b")" = 303 ] && ok "the GM02 officer signs in" || not_ok "the GM02 officer signs in"

for page in "" /postcards /activities/new /profile /plan; do
  http -b "$a" "$nb$page"
  [ "$status" = 200 ] && ok "GET ${page:-/} answers 200 for the GM01 officer" || not_ok "GET $page: 200" "$status"
  http -b "$b" "$nb$page"
  [ "$status" = 403 ] && ok "and 403 for the GM02 officer" || not_ok "GET $page by GM02: 403" "$status"
done
http -b "$a" "$base/staff"
printf '%s' "$body" | grep -q 'href="/staff/neighbourhoods/glanmor/GM01"' && ok "My neighbourhoods links to the staff page" \
  || not_ok "My neighbourhoods links to the staff page"
http -b "$a" "$nb"
for tail in /postcards /activities/new /profile /plan /pact /board /feedback /pack; do
  printf '%s' "$body" | grep -q "href=\"/staff/neighbourhoods/glanmor/GM01$tail\"" || not_ok "the staff page links to $tail"
done
ok "the staff page links to every staff page of the neighbourhood"

csrf=$(csrf_of "$a" "$nb/postcards")
[ ${#csrf} -ge 20 ] && ok "the form carries a CSRF token" || not_ok "the form carries a CSRF token" "$csrf"
rows=(-d "text-1=Cars+speeding+past+the+school" -d category-1= -d "where-1=Stryd+Fawr" -d age-1=45-64 -d sex-1=female -d ethnic-1=
      -d text-2= -d category-2= -d where-2= -d age-2= -d sex-2= -d ethnic-2=
      -d "text-3=Baw+cŵn+ar+y+llwybr" -d category-3=dog-fouling -d where-3= -d age-3= -d sex-3= -d ethnic-3=white)

http -b "$a" -d channel=postcard -d language=en -d activity= "${rows[@]}" "$nb/postcards"
[ "$status" = 403 ] && ok "a POST without the CSRF token is refused 403" || not_ok "no CSRF: 403" "$status"
http -b "$a" -d csrf=not-the-token -d channel=postcard -d language=en "${rows[@]}" "$nb/postcards"
[ "$status" = 403 ] && ok "a POST with a wrong token is refused 403" || not_ok "wrong CSRF: 403" "$status"
csrf_b=$(csrf_of "$b" "$base/staff")
http -b "$b" --data-urlencode "csrf=$csrf_b" -d channel=postcard -d language=en "${rows[@]}" "$nb/postcards"
[ "$status" = 403 ] && ok "another neighbourhood's officer cannot post a batch here" || not_ok "GM02 posts to GM01: 403" "$status"

before=$(sqlite3 "$db" "select count(*) from concerns")
http -b "$a" --data-urlencode "csrf=$csrf" -d channel=postcard -d language=en -d activity= "${rows[@]}" \
  -d "text-4=" -d category-4= -d "where-4=Heol+y+Bont" -d age-4= -d sex-4= -d ethnic-4= "$nb/postcards"
[ "$status" = 400 ] && ok "a batch with a wrong row answers 400" || not_ok "a wrong row: 400" "$status"
printf '%s' "$body" | grep -q 'href="#text-4">Row 4: type what they raised' && ok "naming the row and the field" \
  || not_ok "the error names row 4" "$(printf '%s' "$body" | grep -o 'govuk-error-summary__list.*' | head -c 400)"
printf '%s' "$body" | grep -q 'Cars speeding past the school' && printf '%s' "$body" | grep -q 'value="Heol y Bont"' \
  && ok "every typed value is on the page again" || not_ok "typed values kept"
[ "$(sqlite3 "$db" "select count(*) from concerns")" = "$before" ] && ok "and nothing was saved" || not_ok "nothing saved"

loc=$(curl -s -b "$a" -o /dev/null -w '%{http_code} %{redirect_url}' --data-urlencode "csrf=$csrf" -d channel=door-to-door \
  -d language=cy -d activity= "${rows[@]}" "$nb/postcards")
case $loc in "303 "*"/postcards?saved_first="*) ok "a good batch answers 303 to its confirmation" ;;
  *) not_ok "a good batch: 303" "$loc" ;; esac
http -b "$a" "${loc#303 }"
refs=$(printf '%s' "$body" | grep -o 'ENG-[0-9A-Z]\{4\}-[0-9A-Z]\{5\}')
[ "$(printf '%s\n' "$refs" | grep -c .)" = 2 ] && ok "the confirmation lists the 2 references made" || not_ok "2 references" "$refs"
printf '%s' "$body" | grep -q 'Concerns saved: 2' && ok "and says how many were saved" || not_ok "saved count shown"
first=$(printf '%s\n' "$refs" | head -1)
run_engage concern show "$first" --database "$db"
expect_rc "engage concern show finds the first" 0
expect_out "its channel is door-to-door" "channel door-to-door"
expect_out "its category was suggested from the words" "category speeding"
row=$(sqlite3 "$db" "select language, created_by, location_text from concerns where reference='$first'")
[ "$row" = "cy|user:1|Stryd Fawr" ] && ok "it records the language, who typed it and the street" || not_ok "language, actor, street" "$row"
dem=$(sqlite3 "$db" "select group_concat(d.measure||'='||d.category) from concern_demographics d join concerns c on c.id=d.concern_id where c.reference='$first'")
[ "$dem" = "age_band=45-64,sex=female" ] && ok "and the demographics given" || not_ok "demographics" "$dem"
http -b "$b" "$base/staff/neighbourhoods/glanmor/GM02/postcards?saved_first=1&saved_last=999"
printf '%s' "$body" | grep -q "$first" && not_ok "another officer's confirmation does not list these" || ok "another officer's confirmation does not list these"

# Log an activity, then its postcards page offers it.
csrf=$(csrf_of "$a" "$nb/activities/new")
today=$(TZ=Europe/London date +%d-%m-%Y)
loc=$(curl -s -b "$a" -o /dev/null -w '%{http_code} %{redirect_url}' --data-urlencode "csrf=$csrf" -d kind=street-meeting \
  --data-urlencode "title=Street meeting on Stryd Fawr" -d "date-day=${today%%-*}" -d "date-month=$(echo "$today" | cut -d- -f2)" \
  -d "date-year=${today##*-}" -d start=00:01 -d end= -d mode=in-person --data-urlencode "venue=Outside the library" \
  -d online= -d attendance=14 -d age-1=4 -d sex-0=8 -d ethnic-3=12 -d notes= "$nb/activities/new")
case $loc in "303 "*"?logged_activity="*) ok "logging an activity answers 303" ;; *) not_ok "activity: 303" "$loc" ;; esac
id=${loc##*=}
dem=$(sqlite3 "$db" "select attendance, created_by, (select group_concat(measure||'='||category||':'||count) from activity_demographics where activity_id=a.id) from activities a where id=$id")
[ "$dem" = "14|user:1|age_band=16-29:4,sex=female:8,ethnic_group=white:12" ] && ok "with attendance and demographics" || not_ok "activity stored" "$dem"
http -b "$a" "$nb/postcards?from_activity=$id"
printf '%s' "$body" | grep -q "<option value=\"$id\" selected>" && ok "its postcards page has it chosen" || not_ok "activity preselected"
http -b "$a" --data-urlencode "csrf=$csrf" -d kind=street-meeting -d title= -d date-day=31 -d date-month=2 -d date-year=2026 \
  -d start=25:00 -d mode=in-person -d venue= -d attendance=3 -d age-0=9 "$nb/activities/new"
[ "$status" = 400 ] && ok "a wrong activity answers 400" || not_ok "wrong activity: 400" "$status"
for f in title date-day start venue age-0; do
  printf '%s' "$body" | grep -q "href=\"#$f\"" || not_ok "the activity error summary names $f"
done
ok "naming the title, date, time, place and a count over the attendance"

# A profile note, and a plan entry.
csrf=$(csrf_of "$a" "$nb/profile")
code=$(curl -s -b "$a" -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$csrf" -d kind=seldom-heard \
  --data-urlencode "title=Night-shift workers" --data-urlencode "note=Reach them at the gate at 6am." "$nb/profile")
[ "$code" = 303 ] && ok "adding a profile note answers 303" || not_ok "note: 303" "$code"
http -b "$a" "$nb/profile?added=1"
printf '%s' "$body" | grep -q 'Night-shift workers' && ok "the note shows on the profile" || not_ok "note shown"
http -b "$a" "$nb/plan"
printf '%s' "$body" | grep -q 'Night-shift workers</strong>: a seldom-heard group' && ok "the plan names it as unplanned" \
  || not_ok "unplanned audience listed"
later=$(TZ=Europe/London date -d '+20 days' +%d-%m-%Y)
code=$(curl -s -b "$a" -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$csrf" --data-urlencode "audience=Night-shift workers" \
  -d channel=street-meeting --data-urlencode "message=What worries you?" --data-urlencode "aim=Ten conversations" \
  -d "date-day=${later%%-*}" -d "date-month=$(echo "$later" | cut -d- -f2)" -d "date-year=${later##*-}" \
  --data-urlencode "owner=PCSO Rhys Morgan" -d adj-welsh=1 "$nb/plan")
[ "$code" = 303 ] && ok "adding a plan entry answers 303" || not_ok "plan: 303" "$code"
[ "$(sqlite3 "$db" "select audience, adjustments from plan_entries order by id desc limit 1")" = "Night-shift workers|8" ] \
  && ok "the entry is kept with its adjustment" || not_ok "plan entry stored"
http -b "$a" --data-urlencode "csrf=$csrf" -d audience= -d channel=x -d message=m -d aim=a -d owner=o "$nb/plan"
[ "$status" = 400 ] && printf '%s' "$body" | grep -q 'href="#audience"' && printf '%s' "$body" | grep -q 'href="#channel"' \
  && printf '%s' "$body" | grep -q 'href="#date-day"' && ok "a plan entry without audience, channel or date is refused, naming each" \
  || not_ok "plan errors" "$status"
http -b "$a" --data-urlencode "csrf=$csrf" -d audience=x -d channel=eva -d message=m -d aim=a -d owner=o \
  -d date-day=1 -d date-month=1 -d date-year=2001 "$nb/plan"
[ "$status" = 400 ] && printf '%s' "$body" | grep -q 'href="#date-day"' && ok "a date in the past is named" \
  || not_ok "plan past date" "$status"

http -b "$a" "$base/staff/neighbourhoods/glanmor/GM01x"
[ "$status" = 403 ] && ok "a neighbourhood not theirs (or not there) is 403" || not_ok "unknown: 403" "$status"
grep -q 'ERROR\|AddressSanitizer' "$T/server.log" && not_ok "the server logged no error" "$(grep -m3 'ERROR\|Sanitizer' "$T/server.log")" \
  || ok "the server logged no error"
stop_server
finish
