#!/usr/bin/env bash
# api.sh - the police.uk-compatible API under load, against nginx serving
# the same response bytes as static files, in the same run.
#   scripts/setup --bench && make build/engage && bench/api.sh [--seconds N]
#   bench/api.sh --database DB --point LAT,LNG [--month YYYY-MM]   also a store of your own
#                                                                 (e.g. bench/national.sh --keep's)
# Targets (the open-data issue): crimes-street/all-crime for a busy
# city-centre point at least half nginx's requests/s with p99 under 10 ms;
# small endpoints (locate-neighbourhood, priorities) at least 20,000/s.
#
# Data: the demo town (seed 1, 12 months: neighbourhoods, priorities, its
# busiest map point), and, when ../shared/data is present, real police.uk
# street data for the City of London placed in London's 2021 LSOAs, asked
# at the City's busiest map point in its latest month.  Each request's body
# is fetched once and written where nginx (2 workers, sendfile, no access
# log) serves it; then wrk (2 threads, 64 connections) runs against Engage
# (release build, 2 HTTP threads, no access log) and against nginx.  wrk,
# the server and nginx share the machine's 2 cores, as they did in every
# figure in docs/PERFORMANCE.md.
set -eu
cd "$(dirname "$0")/.."
seconds=10 db="" point="" month=""
while [ $# -gt 0 ]; do
  case $1 in
    --seconds) seconds=$2; shift 2 ;;
    --database) db=$2; shift 2 ;;
    --point) point=$2; shift 2 ;;
    --month) month=$2; shift 2 ;;
    *) echo "usage: bench/api.sh [--seconds N] [--database DB --point LAT,LNG [--month YYYY-MM]]" >&2; exit 2 ;;
  esac
done
nginx=/usr/sbin/nginx
command -v wrk > /dev/null && [ -x $nginx ] || { echo "api.sh: skipped: wrk and nginx are needed: scripts/setup --bench" >&2; exit 0; }
[ -x build/engage ] || { echo "api.sh: make build/engage first" >&2; exit 1; }
shared=${ENGAGE_SHARED_DATA:-../shared/data}
tmp=$(mktemp -d /tmp/engage-api.XXXXXX)
chmod 755 "$tmp"	# nginx's workers run as nobody
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2> /dev/null || true; done; rm -rf "$tmp"' EXIT

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
serve() {	# serve NAME DB: starts engage serve on DB, sets $base
  build/engage serve --database "$2" --port 0 --http.port_file "$tmp/$1.port" --log.access=false \
    > "$tmp/$1.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 600); do [ -s "$tmp/$1.port" ] && break; sleep 0.1; done
  [ -s "$tmp/$1.port" ] || { cat "$tmp/$1.log"; exit 1; }
  base="http://127.0.0.1:$(cat "$tmp/$1.port")"
}
# busiest LAT,LNG MONTH-DIR: the map point with most street crimes in the newest month
busiest() {
  local f
  f=$(find "$1" -name '*-street.csv' | sort | tail -1)
  awk -F, 'NR > 1 && $5 != "" { n[$6 "," $5]++ } END { for (k in n) if (n[k] > m) { m = n[k]; b = k } print b }' "$f"
  basename "$f" | cut -c1-7
}

mkdir -p "$tmp/www"
ngport=$(free_port)
cat > "$tmp/nginx.conf" <<EOF
worker_processes 2;
daemon off;
pid $tmp/nginx.pid;
error_log $tmp/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  default_type application/json;
  server { listen 127.0.0.1:$ngport; root $tmp/www; }
}
EOF
$nginx -c "$tmp/nginx.conf" -p "$tmp" &
pids+=($!)

echo "# machine: $(nproc) cores, $(uname -r); engage $(git rev-parse --short HEAD 2> /dev/null), -O2; $($nginx -v 2>&1)"
echo "# wrk -t2 -c64 -d${seconds}s on loopback; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-58s %8s %10s %8s %8s %10s %8s %7s\n' "request" bytes "engage/s" p50 p99 "nginx/s" p99 ratio
wrk_run() {	# wrk_run URL: sets rps p50 p99
  wrk -t2 -c64 -d"${seconds}s" --latency "$1" > "$tmp/wrk"
  rps=$(awk '/Requests\/sec/ { printf "%.0f", $2 }' "$tmp/wrk")
  p50=$(awk '$1 == "50%" { print $2 }' "$tmp/wrk")
  p99=$(awk '$1 == "99%" { print $2 }' "$tmp/wrk")
  if grep -q 'Non-2xx' "$tmp/wrk"; then rps="$rps!"; fi	# "!" marks error answers
}
n=0
measure() {	# measure WHAT PATH: Engage at $base, nginx on the same bytes
  n=$((n + 1))
  curl -sf "$base$2" -o "$tmp/www/r$n.json" || { echo "$1: $2 did not answer 200" >&2; return; }
  wrk_run "$base$2"; local e=$rps e50=$p50 e99=$p99
  wrk_run "http://127.0.0.1:$ngport/r$n.json"
  printf '%-58s %8s %10s %8s %8s %10s %8s %6.2fx\n' "$1" "$(wc -c < "$tmp/www/r$n.json")" "$e" "$e50" "$e99" \
    "$rps" "$p99" "$(awk -v a="${e%!}" -v b="${rps%!}" 'BEGIN { print (b > 0 ? a / b : 0) }')"
}

# --- the demo town ----------------------------------------------------------------
build/engage demo generate --seed 1 --months 12 --out "$tmp/town" > /dev/null
build/engage import town "$tmp/town" --database "$tmp/town.db" --quiet > /dev/null
{ read -r busy; read -r m; } < <(busiest "$tmp/town/police-uk")
serve town "$tmp/town.db"
measure "town: crimes-street/all-crime, busiest point, $m" "/api/crimes-street/all-crime?lat=${busy%,*}&lng=${busy#*,}&date=$m"
measure "town: crimes-street/burglary, same point" "/api/crimes-street/burglary?lat=${busy%,*}&lng=${busy#*,}&date=$m"
measure "town: locate-neighbourhood" "/api/locate-neighbourhood?q=${busy}"
measure "town: glanmor/GM01/priorities" "/api/glanmor/GM01/priorities"
measure "town: forces" "/api/forces"

# --- real data: the City of London ---------------------------------------------------
city=$shared/police-uk/city-of-london/street
if [ -d "$city" ] && [ -f "$shared/boundaries/london/london-2021-lsoa-gen20.shp" ]; then
  build/engage import boundaries "$shared/boundaries/london/london-2021-lsoa-gen20.shp" --database "$tmp/city.db" --quiet > /dev/null
  build/engage import police-uk "$city" --database "$tmp/city.db" --quiet > /dev/null
  { read -r busy; read -r m; } < <(busiest "$city")
  serve city "$tmp/city.db"
  measure "City of London: crimes-street/all-crime, busiest point, $m" "/api/crimes-street/all-crime?lat=${busy%,*}&lng=${busy#*,}&date=$m"
else
  echo "City of London: skipped (no $city: the real-data part needs ../shared/data)"
fi

# --- a store of your own (national scale) --------------------------------------------
if [ -n "$db" ]; then
  serve own "$db"
  measure "$(basename "$db"): crimes-street/all-crime at $point${month:+, $month}" \
    "/api/crimes-street/all-crime?lat=${point%,*}&lng=${point#*,}${month:+&date=$month}"
fi
echo "targets: all-crime at least 0.5x nginx's requests/s with p99 under 10 ms; locate-neighbourhood and priorities at least 20,000/s"
