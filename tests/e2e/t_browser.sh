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
start_server --database "$T/e.db"
# run.mjs prints its own TAP (BROWSER_FILTER=t_frame runs one file)
node tests/browser/run.mjs "$base" build/screenshots "${BROWSER_FILTER:-}"
