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
# an officer of GM01 for the staff pages (t_staff_postcards.mjs)
BROWSER_OFFICER=officer-gm01
BROWSER_OFFICER_PASSWORD=$("$ENGAGE" user add "$BROWSER_OFFICER" --database "$T/e.db" --role officer \
  --force glanmor --neighbourhoods GM01 --name "PC Ffion Evans" --generate-password | sed -n 's/^password: //p')
export BROWSER_OFFICER BROWSER_OFFICER_PASSWORD
start_server --database "$T/e.db"
# run.mjs prints its own TAP (BROWSER_FILTER=t_frame runs one file)
node tests/browser/run.mjs "$base" build/screenshots "${BROWSER_FILTER:-}"
