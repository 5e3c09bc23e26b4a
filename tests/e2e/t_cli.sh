# cli.sh - the engage command line as a user meets it: help, usage errors,
# settings from file, environment and flags, exit codes, docs that match.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh

run_engage
expect_rc "no command: usage and exit 2" 2
expect_out "no command prints the command list" "commands:"

run_engage frobnicate
expect_rc "unknown command exits 2" 2
expect_out "unknown command is named" "unknown command 'frobnicate'"

run_engage status --no-such-flag
expect_rc "unknown flag exits 2" 2
expect_out "unknown flag is named with usage" "unknown option '--no-such-flag'"

run_engage --help
expect_rc "--help exits 0" 0
expect_out "--help lists exit codes" "exit codes"

for c in serve import demo export init status check-config version help; do
  run_engage "$c" --help
  if [ "$rc" -eq 0 ] && printf '%s' "$out" | grep -q "usage: engage $c"; then ok "engage $c --help"; else not_ok "engage $c --help" "$out"; fi
done

run_engage check-config
expect_rc "check-config with defaults exits 0" 0
expect_out "check-config shows the default port" "http.port = 8080"

printf 'http.port = 9000\n# a comment\n\nlog.level = debug\n' > "$T/good.conf"
run_engage check-config --config "$T/good.conf"
expect_out "a config file sets a value" "http.port = 9000"
expect_out "check-config names where a value came from" "good.conf:1"
out=$(ENGAGE_HTTP_PORT=9100 "$ENGAGE" check-config --config "$T/good.conf" 2>&1)
expect_out "the environment beats the file" "http.port = 9100"
out=$(ENGAGE_HTTP_PORT=9100 "$ENGAGE" check-config --config "$T/good.conf" --port 9200 2>&1)
expect_out "a flag beats the environment" "http.port = 9200"

printf 'http.port = 9000\nhttp.port = lots\n' > "$T/bad.conf"
run_engage check-config --config "$T/bad.conf"
expect_rc "an invalid value exits 3" 3
expect_out "the error names file, line, key and value" "bad.conf:2: http.port: \"lots\""

printf 'http.prot = 9000\n' > "$T/typo.conf"
run_engage check-config --config "$T/typo.conf"
expect_rc "an unknown key exits 3" 3
expect_out "the unknown key is named with its line" "typo.conf:1: unknown setting \"http.prot\""

run_engage check-config --config "$T/missing.conf"
expect_rc "an unreadable config file exits 3" 3
expect_out "the unreadable file is named" "missing.conf"

out=$(ENGAGE_LOG_LEVEL=loud "$ENGAGE" check-config 2>&1); rc=$?
expect_rc "a bad environment value exits 3" 3
expect_out "the variable is named" "ENGAGE_LOG_LEVEL: log.level: \"loud\" is not one of"

run_engage init --database "$T/e.db"
expect_rc "init creates a database" 0
check "the database file exists" test -s "$T/e.db"
run_engage status --database "$T/e.db"
expect_rc "status on an empty database" 0
expect_out "status says there is no police.uk data" "no police.uk data yet"

run_engage status --database "$T/none.db"
expect_rc "status on a missing database exits 4" 4
expect_out "the missing database is named" "none.db"

sqlite3 "$T/e.db" "PRAGMA user_version = 999"
run_engage status --database "$T/e.db"
expect_rc "a database from a newer Engage exits 4" 4
expect_out "it says the schema is newer" "newer than this Engage"

"$ENGAGE" help config --markdown > "$T/config.md"
check "docs/config.md matches the settings table" diff -u docs/config.md "$T/config.md"
"$ENGAGE" help --markdown > "$T/cli.md"
check "docs/cli.md matches the command table" diff -u docs/cli.md "$T/cli.md"

finish
