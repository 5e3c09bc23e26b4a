# serve.sh - `engage serve` on a real loopback port, as a browser, a monitor
# and an operator meet it: pages and their headers, errors, metrics, the
# access log, limits, a port in use, signals, bad settings, an empty database.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh

db=$T/engage.db
"$ENGAGE" demo generate --seed 1 --months 3 --out "$T/town" > /dev/null 2>&1
"$ENGAGE" import town "$T/town" --database "$db" --quiet > /dev/null 2>&1

# fetch CURL-ARGS...: sets $status, $body and $hdrs (the response headers,
# CR stripped); counts requests in $requests
requests=0
fetch() {
  requests=$((requests + 1))
  rm -f "$T/hdrs" "$T/body"; : > "$T/body"
  status=$(curl -s -D "$T/hdrs" -o "$T/body" -w '%{http_code}' "$@" 2>/dev/null)
  body=$(cat "$T/body")
  hdrs=$(tr -d '\r' < "$T/hdrs")
}
# header NAME: the value of response header NAME in $hdrs (first one)
header() { printf '%s\n' "$hdrs" | grep -i "^$1:" | head -1 | sed 's/^[^:]*: *//'; }
# header_count NAME: how many times NAME appears in $hdrs
header_count() { printf '%s\n' "$hdrs" | grep -ci "^$1:"; }
# expect_status DESCRIPTION WANT
expect_status() { if [ "$status" = "$2" ]; then ok "$1"; else not_ok "$1" "status $status, want $2; $body"; fi; }
# expect_body DESCRIPTION TEXT
expect_body() { if printf '%s' "$body" | grep -qF -- "$2"; then ok "$1"; else not_ok "$1" "body lacks '$2': $(printf '%s' "$body" | head -c 600)"; fi; }
# expect_header DESCRIPTION NAME PATTERN (grep -E on the value)
expect_header() {
  if header "$2" | grep -qE -- "$3"; then ok "$1"; else not_ok "$1" "$2: '$(header "$2")', want /$3/; headers: $hdrs"; fi
}
# expect_json DESCRIPTION: $body is a JSON document
expect_json() { if printf '%s' "$body" | python3 -m json.tool > /dev/null 2>&1; then ok "$1"; else not_ok "$1" "not JSON: $body"; fi; }
# wait_exit PID SECONDS: waits for PID to exit; sets $exit_rc, or 124 on timeout
wait_exit() {
  local i
  for i in $(seq 1 $(($2 * 20))); do kill -0 "$1" 2>/dev/null || break; sleep 0.05; done
  if kill -0 "$1" 2>/dev/null; then exit_rc=124; kill -KILL "$1"; wait "$1" 2>/dev/null; return; fi
  wait "$1"; exit_rc=$?
}

if start_server --database "$db"; then ok "engage serve starts on an ephemeral port"
else not_ok "engage serve starts on an ephemeral port" "$(cat "$T/server.log")"; finish; exit 1; fi
check "it prints the address it serves" grep -q "serving http://127.0.0.1:$port/ (7 neighbourhoods, 49 LSOAs)" "$T/server.log"

fetch "$base/healthz"
expect_status "/healthz answers 200" 200
expect_header "/healthz is JSON" Content-Type '^application/json'
expect_json "/healthz body parses as JSON"
expect_body "/healthz says ok" '"status":"ok"'
expect_body "/healthz checked the store" '"store":"ok"'

fetch "$base/"
expect_status "/ answers 200" 200
expect_header "/ is HTML" Content-Type '^text/html; charset=utf-8$'
expect_body "/ is an HTML document" "<!DOCTYPE html>"
for name in "Porthmawr Town Centre" "Glan-y-Môr" "Harbourside" "Morfa" "Penrhyn" "Maes-y-Dre" "Bryn Coleg"; do
  expect_body "/ names the neighbourhood $name" ">$name</a>"
done
expect_body "/ names the force" "Glanmor Police</h2>"
expect_header "/ has a Content-Security-Policy" Content-Security-Policy "default-src 'self'"
expect_header "/ has X-Content-Type-Options nosniff" X-Content-Type-Options '^nosniff$'
expect_header "/ has a Referrer-Policy" Referrer-Policy '.'
for h in Content-Security-Policy X-Content-Type-Options Referrer-Policy Content-Type; do
  c=$(header_count "$h")
  if [ "$c" -eq 1 ]; then ok "/ sends $h once"; else not_ok "/ sends $h once" "$c times: $hdrs"; fi
done

fetch --head "$base/"
expect_status "HEAD / answers 200" 200
expect_header "HEAD / gives the length of the GET answer" Content-Length '^[1-9][0-9]*$'
if printf '%s' "$body" | grep -q '<!DOCTYPE'; then not_ok "HEAD / has no body" "$body"; else ok "HEAD / has no body"; fi

fetch "$base/assets/engage.css"
expect_status "/assets/engage.css answers 200" 200
expect_header "the stylesheet is text/css" Content-Type '^text/css'
expect_header "the stylesheet has an ETag" ETag '^"[^"]+"$'
check "the stylesheet is the one built from web/src" cmp -s "$T/body" build/web/engage.css
etag=$(header ETag)
c=$(header_count X-Content-Type-Options)
if [ "$c" -eq 1 ]; then ok "the stylesheet sends X-Content-Type-Options once"; else not_ok "the stylesheet sends X-Content-Type-Options once" "$c times"; fi
fetch -H "If-None-Match: $etag" "$base/assets/engage.css"
expect_status "If-None-Match with its ETag answers 304" 304
if [ -z "$body" ]; then ok "a 304 has no body"; else not_ok "a 304 has no body" "$body"; fi
fetch -H 'If-None-Match: "something-else"' "$base/assets/engage.css"
expect_status "another ETag answers 200" 200
fetch "$base/assets/nothing.css"
expect_status "an unknown asset answers 404" 404

fetch "$base/no/such/page"
expect_status "an unknown path answers 404" 404
expect_header "the 404 is JSON" Content-Type '^application/json'
expect_json "the 404 body parses as JSON"
expect_body "the 404 body says not_found" '"code":"not_found"'

fetch -X POST --data 'x=1' "$base/"
expect_status "POST / answers 405" 405
expect_header "the 405 has an Allow header" Allow 'GET'
expect_body "the 405 body is a JSON error" '"code":"method_not_allowed"'

fetch "$base/?secret=PERSONAL-DATA-MARKER"
expect_status "/ with a query answers 200" 200
fetch "$base/no/such/page?email=PERSONAL-DATA-MARKER"
expect_status "an unknown path with a query answers 404" 404
home_requests=3	# GET /, HEAD /, GET /?secret=

fetch "$base/metrics"
expect_status "/metrics answers 200" 200
expect_header "/metrics is Prometheus text" Content-Type '^text/plain'
expect_body "/metrics declares its counter" "# TYPE engage_http_requests_total counter"
n_home=$(printf '%s\n' "$body" | sed -n 's/^engage_http_requests_total{route="home",status="200"} \([0-9]*\)$/\1/p')
if [ -n "$n_home" ] && [ "$n_home" -ge 1 ] && [ "$n_home" -le "$home_requests" ]; then ok "/metrics counts the home page requests ($n_home)"
else not_ok "/metrics counts the home page requests" "got '$n_home', made $home_requests: $body"; fi
if printf '%s\n' "$body" | grep -qE '^engage_http_requests_total\{route="[a-z_]+",status="404"\} [1-9]'; then ok "/metrics counts the 404s"
else not_ok "/metrics counts the 404s" "$body"; fi
if printf '%s\n' "$body" | grep -qE '^engage_http_requests_total\{route="[a-z_]+",status="405"\} 1$'; then ok "/metrics counts the 405"
else not_ok "/metrics counts the 405" "$body"; fi
expect_body "/metrics has a latency histogram" 'engage_http_request_duration_seconds_bucket{route="home",le="+Inf"}'

stop_server
expect_rc_server() { if [ "$server_rc" -eq 0 ]; then ok "$1"; else not_ok "$1" "exit $server_rc: $(tail -5 "$T/server.log")"; fi; }
expect_rc_server "the server exits 0 on SIGTERM"
lines=$(grep -cE 'http: (GET|HEAD|POST|PUT|DELETE|PATCH|OPTIONS) ' "$T/server.log")
if [ "$lines" -eq "$requests" ]; then ok "the access log has one line per request ($requests)"
else not_ok "the access log has one line per request" "$lines lines for $requests requests: $(cat "$T/server.log")"; fi
check "the access log names method, route, path and status" grep -qE 'http: GET home / 200 [0-9]+ [0-9.]+ms$' "$T/server.log"
check "the access log shows a 404 by its path" grep -q 'http: GET [a-z_]* /no/such/page 404 ' "$T/server.log"
if grep -q 'PERSONAL-DATA-MARKER' "$T/server.log"; then not_ok "the access log never holds a query string" "$(grep MARKER "$T/server.log")"
else ok "the access log never holds a query string"; fi
if grep -q '?' "$T/server.log"; then not_ok "no '?' at all in the log" "$(grep '?' "$T/server.log")"; else ok "no '?' at all in the log"; fi

# --- limits through the real binary ------------------------------------------
start_server --database "$db" --http.max_body_bytes 4096 --http.max_header_bytes 4096
head -c 10000 /dev/zero | tr '\0' a > "$T/big"
fetch -X POST --data-binary @"$T/big" "$base/"
expect_status "a body over max_body_bytes answers 413" 413
expect_json "the 413 body parses as JSON"
expect_body "the 413 names the limit" "4096 bytes"
fetch -X POST -H 'Transfer-Encoding: chunked' --data-binary @"$T/big" "$base/"
expect_status "a chunked body over the limit answers 413" 413
fetch -H "X-Padding: $(head -c 6000 /dev/zero | tr '\0' b)" "$base/healthz"
expect_status "headers over max_header_bytes answer 431" 431
expect_json "the 431 body parses as JSON"
fetch -X POST --data-binary @"$T/big" "$base/"
fetch "$base/healthz"
expect_status "the server still answers after the limits" 200
check "the server process is still running" kill -0 "$server_pid"
stop_server
expect_rc_server "and exits 0 afterwards"
if grep -qE 'AddressSanitizer|runtime error' "$T/server.log"; then not_ok "no sanitizer report" "$(cat "$T/server.log")"; else ok "no sanitizer report"; fi

# --- a port in use --------------------------------------------------------------
start_server --database "$db"
out=$(timeout 20 "$ENGAGE" serve --database "$db" --port "$port" 2>&1); rc=$?
expect_rc "a second server on the same port exits 5" 5
expect_out "it says the address is already in use" "address already in use"
expect_out "it names the address" "127.0.0.1:$port"
fetch "$base/healthz"
expect_status "the first server still answers" 200

# --- graceful shutdown ------------------------------------------------------------
kill -TERM "$server_pid"
wait_exit "$server_pid" 5; server_pid=""
expect_eq() { if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1" "got '$2', want '$3'"; fi; }
expect_eq "SIGTERM: the server exits 0 within 5 s" "$exit_rc" 0
check "SIGTERM: it logs that it stopped" grep -q "serve: stopped after signal 15" "$T/server.log"
check "SIGTERM: it removes its port file" test ! -e "$T/port"

# A background job of a script ignores SIGINT unless job control is on.
set -m
start_server --database "$db"
set +m
fetch "$base/healthz"
expect_status "a server for SIGINT answers" 200
kill -INT "$server_pid"
wait_exit "$server_pid" 5; server_pid=""
expect_eq "SIGINT: the server exits 0 within 5 s" "$exit_rc" 0
check "SIGINT: it logs that it stopped" grep -q "serve: stopped after signal 2" "$T/server.log"
check "SIGINT: it removes its port file" test ! -e "$T/port"

# --- settings a user gets wrong -------------------------------------------------
printf 'log.level = info\nhttp.max_body_bytes = huge\n' > "$T/bad.conf"
out=$(timeout 20 "$ENGAGE" serve --database "$db" --port 0 --config "$T/bad.conf" 2>&1); rc=$?
expect_rc "serve with an invalid config value exits 3" 3
expect_out "it names the file and line" "$T/bad.conf:2: http.max_body_bytes: \"huge\""
out=$(timeout 20 "$ENGAGE" serve --database "$db" --port 70000 2>&1); rc=$?
expect_rc "serve --port 70000 exits 3" 3
expect_out "it names the port" '"70000" is not a whole number from 0 to 65535'

# --- an empty database -----------------------------------------------------------
"$ENGAGE" init --database "$T/empty.db" > /dev/null 2>&1
if start_server --database "$T/empty.db"; then ok "serve an empty database"; else not_ok "serve an empty database" "$(cat "$T/server.log")"; fi
fetch "$base/"
expect_status "the empty home page answers 200" 200
expect_body "it says there are no neighbourhoods yet" "No neighbourhoods yet"
# every `engage import KIND` the page suggests is a kind `engage import` knows
"$ENGAGE" import --help > "$T/import-help" 2>&1
for kind in $(printf '%s' "$body" | grep -o 'engage import [a-z-]*' | awk '{ print $3 }'); do
  check "the page's hint 'engage import $kind' is a real import kind" grep -qE "^  $kind " "$T/import-help"
done
fetch "$base/healthz"
expect_status "/healthz on the empty database answers 200" 200
stop_server
expect_rc_server "the empty server exits 0"

finish
