# install.sh - `make install DESTDIR=... PREFIX=/usr` as a packager meets it:
# every file in its place, a manual page that renders, an example config that
# is valid, a systemd unit that runs the installed binary, and an installed
# binary that finds its installed web assets.  Uses the release build.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh

root=$T/root
out=$(make -s install DESTDIR="$root" PREFIX=/usr 2>&1); rc=$?
expect_rc "make install DESTDIR=... PREFIX=/usr exits 0" 0
bin=$root/usr/bin/engage

check "usr/bin/engage is installed and executable" test -x "$bin"
check "usr/share/man/man1/engage.1 is installed" test -s "$root/usr/share/man/man1/engage.1"
check "the manual page starts with .TH ENGAGE" grep -q '^\.TH ENGAGE' "$root/usr/share/man/man1/engage.1"
check "etc/engage/engage.conf.example is installed" test -s "$root/etc/engage/engage.conf.example"
check "lib/systemd/system/engage.service is installed" test -s "$root/lib/systemd/system/engage.service"
check "the web assets are installed" cmp -s build/web/engage.css "$root/usr/share/engage/web/engage.css"
check "nothing is installed under usr/local" test ! -e "$root/usr/local"

if command -v man > /dev/null; then
  man -l "$root/usr/share/man/man1/engage.1" > "$T/man.txt" 2> "$T/man.err" < /dev/null; rc=$?
  out=$(cat "$T/man.err")
  expect_rc "man -l renders the manual page" 0
  for c in serve import demo init status check-config version help; do
    check "the manual page describes engage $c" grep -qw -- "$c" "$T/man.txt"
  done
  check "the manual page lists the exit codes" grep -qi 'exit' "$T/man.txt"
else
  skip "man -l renders the manual page" "man is not installed"
fi

run_engage_installed() { out=$("$bin" "$@" 2>&1); rc=$?; }
run_engage_installed version
expect_rc "the installed binary runs" 0
run_engage_installed check-config --config "$root/etc/engage/engage.conf.example"
expect_rc "the example config is valid (check-config exits 0)" 0
expect_out "its settings come from the file" "engage.conf.example:"
expect_out "it names the database under /var/lib/engage" "/var/lib/engage/engage.db"

# The unit runs the binary make install put in place, with the installed
# config; ExecStartPre checks the config first.
unit=$root/lib/systemd/system/engage.service
for key in ExecStart ExecStartPre; do
  prog=$(sed -n "s/^$key=\([^ ]*\).*/\1/p" "$unit")
  if [ -n "$prog" ] && [ -x "$root$prog" ]; then ok "the unit's $key runs the installed binary ($prog)"
  else not_ok "the unit's $key runs the installed binary" "$key program '$prog' is not in $root"; fi
done
check "the unit serves with /etc/engage/engage.conf" grep -q '^ExecStart=.* serve --config /etc/engage/engage.conf$' "$unit"
check "the unit stops with SIGTERM" grep -q '^KillSignal=SIGTERM$' "$unit"

# The installed binary looks for its assets under its own PREFIX.  Run it
# outside a checkout (no ./web) on an empty database.
mkdir -p "$T/run"
"$bin" init --database "$T/run/engage.db" > /dev/null 2>&1
if [ -e /usr/share/engage/web/engage.css ]; then
  skip "the installed binary looks for its assets under /usr/share" "/usr/share/engage is installed on this machine"
else
  out=$(cd "$T/run" && timeout 20 "$bin" serve --database engage.db --port 0 2>&1); rc=$?
  expect_rc "serve without its assets exits 3" 3
  expect_out "it looks for them under PREFIX/share/engage/web" "'/usr/share/engage/web'"
fi
cd "$T/run" && ENGAGE=$bin start_server --database engage.db --web.assets "$root/usr/share/engage/web"
cd - > /dev/null
http "$base/assets/engage.css"
if [ "$status" = 200 ]; then ok "the installed binary serves the installed stylesheet"; else not_ok "the installed binary serves the installed stylesheet" "status $status; $(cat "$T/server.log")"; fi
http "$base/"
if [ "$status" = 200 ] && printf '%s' "$body" | grep -q "No neighbourhoods yet"; then ok "and its home page"; else not_ok "and its home page" "status $status"; fi
stop_server
if [ "$server_rc" -eq 0 ]; then ok "the installed server stops cleanly"; else not_ok "the installed server stops cleanly" "exit $server_rc"; fi

finish
