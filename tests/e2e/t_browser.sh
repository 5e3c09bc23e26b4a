# t_browser.sh - the web pages in a real browser: Debian's Chromium driven
# by playwright-core (tests/browser/*.mjs) against a real server holding the
# demo town.  Screenshots of the key pages go to build/screenshots/.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh

if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ] || [ ! -d node_modules/playwright-core ]; then
  skip "browser tests" "Chromium or playwright-core is missing: run scripts/setup"
  finish; exit
fi
"$ENGAGE" demo generate --seed 1 --months 3 --out "$T/town" > /dev/null
"$ENGAGE" import town "$T/town" --database "$T/e.db" --quiet > /dev/null
# Staff the browser tests sign in as (t.signIn in tests/browser/lib.mjs).
export STAFF_PASSWORD="browser tests password"
printf '%s\n' "$STAFF_PASSWORD" > "$T/pw"
"$ENGAGE" user add sgt.test --role sergeant --force glanmor --name "Sgt Test" \
  --password-file "$T/pw" --database "$T/e.db" > /dev/null
"$ENGAGE" user add pc.test --role officer --force glanmor --neighbourhoods GM01 \
  --name "PC Test" --password-file "$T/pw" --database "$T/e.db" > /dev/null
# t_staff_pact.mjs: a sergeant of Glanmor runs a PACT meeting
printf 'pact sergeant password\n' | "$ENGAGE" user add pact-sergeant --database "$T/e.db" \
  --role sergeant --force glanmor --name "Sgt Rhian Evans" > /dev/null
# The demo's year ends before today: two meetings still to come, for the
# neighbourhood page's "next meetings" (t_resident_find.mjs).
"$ENGAGE" activity add --database "$T/e.db" --neighbourhood glanmor/GM01 --kind pact-meeting \
  --title "Porthmawr Town Centre PACT meeting" --starts 2099-01-13T19:00 --ends 2099-01-13T20:30 \
  --venue "Porthmawr Market Hall" --address "9 Teras Dinas, Porthmawr" \
  --accessibility "Step-free entrance; hearing loop in the main room." \
  --adjustments step-free,hearing-loop,welsh --by test > /dev/null
"$ENGAGE" activity add --database "$T/e.db" --neighbourhood glanmor/GM01 --kind online-meeting \
  --mode online --title "Porthmawr online beat meeting" --starts 2099-02-03T18:30 \
  --ends 2099-02-03T19:15 --online-url https://meet.example.org/porthmawr --by test > /dev/null
# an officer of GM01 for the staff pages (t_staff_postcards.mjs)
BROWSER_OFFICER=officer-gm01
BROWSER_OFFICER_PASSWORD=$("$ENGAGE" user add "$BROWSER_OFFICER" --database "$T/e.db" --role officer \
  --force glanmor --neighbourhoods GM01 --name "PC Ffion Evans" --generate-password | sed -n 's/^password: //p')
export BROWSER_OFFICER BROWSER_OFFICER_PASSWORD
# every journey raises concerns and signs in from 127.0.0.1: lift the limits
start_server --database "$T/e.db" --web.concern_limit 1000 --web.signin_limit 1000
# run.mjs prints its own TAP (BROWSER_FILTER=t_frame runs one file); tests
# that act as staff run $ENGAGE against $ENGAGE_DATABASE (WAL: the server
# keeps serving)
ENGAGE="$ENGAGE" ENGAGE_DATABASE="$T/e.db" \
  node tests/browser/run.mjs "$base" build/screenshots "${BROWSER_FILTER:-}"
