# lib.sh - helpers for end-to-end tests: TAP output, running the real engage
# binary, and starting a real server on an ephemeral loopback port.
# Source it; every check prints "ok N - what" or "not ok N - what".
set -u
ENGAGE=${ENGAGE_BIN:-$PWD/build/asan/engage}
T=$(mktemp -d /tmp/engage-e2e.XXXXXX)
n=0
fails=0
server_pid=""

cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$T"
}
trap cleanup EXIT

ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; [ -n "${2:-}" ] && echo "$2" | sed 's/^/#   /' | head -20; }
skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }

# check DESCRIPTION COMMAND...: passes when the command succeeds
check() { local d=$1; shift; local out; if out=$("$@" 2>&1); then ok "$d"; else not_ok "$d" "$out"; fi; }

# run_engage ARGS...: sets $out (stdout+stderr) and $rc
run_engage() { out=$("$ENGAGE" "$@" 2>&1); rc=$?; }

# expect_rc DESCRIPTION WANT: compares the last $rc
expect_rc() { if [ "$rc" -eq "$2" ]; then ok "$1"; else not_ok "$1" "exit $rc, want $2; output: $out"; fi; }
# expect_out DESCRIPTION TEXT: the last $out contains TEXT
expect_out() { if printf '%s' "$out" | grep -qF -- "$2"; then ok "$1"; else not_ok "$1" "output lacks '$2': $out"; fi; }

# start_server ARGS...: starts engage serve on port 0, waits for its port;
# sets $port and $base. Server output goes to $T/server.log.
start_server() {
  rm -f "$T/port"
  "$ENGAGE" serve --port 0 --http.port_file "$T/port" "$@" > "$T/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 200); do
    [ -s "$T/port" ] && break
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.05
  done
  port=$(cat "$T/port" 2>/dev/null || echo "")
  base="http://127.0.0.1:$port"
  [ -n "$port" ]
}

# stop_server: SIGTERM and wait; sets $server_rc
stop_server() {
  kill -TERM "$server_pid" 2>/dev/null
  wait "$server_pid"; server_rc=$?
  server_pid=""
}

# http GET-PATH: sets $status, $body (curl, loopback only)
http() {
  body=$(curl -s -o - -w '\n%{http_code}' "$@" 2>/dev/null)
  status=${body##*$'\n'}
  body=${body%$'\n'*}
}

finish() { echo "1..$n"; [ "$fails" -eq 0 ]; }
