#!/usr/bin/env bash
# pages.sh - the neighbourhood page under load, and what it weighs.
#   make build/engage web && bench/pages.sh [--seconds N] [--months N]
# BENCH_SERVE_ARGS adds settings to engage serve (--log.access=false).
# The demo town (seed 1, 12 months by default, with its year of meetings
# and priorities, plus one meeting still to come) served by the release
# build; wrk (scripts/setup --bench) with 2 threads and 64 connections on
# the same 2 cores, sharing them with the server.  Prints requests/s and
# p99 (target: p99 under 20 ms), a checksum of the page so two builds
# compare on the same bytes, and the page weight as a browser gets it:
# the HTML plus every stylesheet and script it loads, gzipped as served
# (target: under 150 KB before the map's data, which is counted apart).
set -eu
cd "$(dirname "$0")/.."
seconds=10 months=12
while [ $# -gt 0 ]; do
  case $1 in
    --seconds) seconds=$2; shift 2 ;;
    --months) months=$2; shift 2 ;;
    *) echo "usage: bench/pages.sh [--seconds N] [--months N]" >&2; exit 2 ;;
  esac
done
command -v wrk > /dev/null || { echo "pages.sh: wrk is missing: scripts/setup --bench" >&2; exit 1; }
[ -x build/engage ] && [ -d build/web ] || { echo "pages.sh: make build/engage web first" >&2; exit 1; }
tmp=$(mktemp -d /tmp/engage-pages.XXXXXX)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT

build/engage demo generate --seed 1 --months "$months" --out "$tmp/town" > /dev/null
build/engage import town "$tmp/town" --database "$tmp/e.db" --quiet > /dev/null
build/engage activity add --database "$tmp/e.db" --neighbourhood glanmor/GM01 --kind pact-meeting \
  --title "Porthmawr Town Centre PACT meeting" --starts 2099-01-13T19:00 --ends 2099-01-13T20:30 \
  --venue "Porthmawr Market Hall" --adjustments step-free,hearing-loop --by bench > /dev/null
build/engage serve --database "$tmp/e.db" --port 0 \
  --http.port_file "$tmp/port" --web.assets=build/web ${BENCH_SERVE_ARGS:-} > "$tmp/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do [ -s "$tmp/port" ] && break; sleep 0.1; done
base="http://127.0.0.1:$(cat "$tmp/port")"
page="$base/neighbourhoods/glanmor/GM01"

echo "# machine: $(nproc) cores, $(uname -r); build: $(cc --version | head -1), -O2"
echo "# demo town seed 1, $months months; page $page"
curl -s "$page" > "$tmp/page.html"
echo "page checksum: $(sha256sum "$tmp/page.html" | cut -c1-16) ($(wc -c < "$tmp/page.html") bytes)"

# the front page, rendered once at start-up, is the HTTP layer's floor
for target in "neighbourhood page (en)|en|$page" "neighbourhood page (cy)|cy|$page" "front page, pre-rendered (en)|en|$base/"; do
  IFS='|' read -r what lang url <<< "$target"
  wrk -t2 -c64 -d"${seconds}s" --latency -H "Cookie: engage_lang=$lang" "$url" > "$tmp/wrk"
  rps=$(awk '/Requests\/sec/ {print $2}' "$tmp/wrk")
  p50=$(awk '$1 == "50%" {print $2}' "$tmp/wrk")
  p99=$(awk '$1 == "99%" {print $2}' "$tmp/wrk")
  errs=$(awk '/Non-2xx|Socket errors/ {print}' "$tmp/wrk")
  echo "$what, wrk -t2 -c64 -d${seconds}s: $rps requests/s, p50 $p50, p99 $p99 ${errs:+($errs)}"
done

# What a browser fetches for the page (assets gzipped as served), and the map's data apart.
total=0
html=$(curl -s -o /dev/null -w '%{size_download}' "$page")
total=$((total + html))
printf '  %-28s %8d bytes\n' "page HTML" "$html"
assets=$(grep -o '/assets/[A-Za-z0-9._-]*' "$tmp/page.html" | sort -u)
# engage.mjs loads these when the page asks for a map and a chart
assets="$assets /assets/govuk-frontend.min.js /assets/leaflet.js /assets/leaflet.css /assets/engage-map.mjs /assets/uplot.js /assets/uplot.css /assets/engage-chart.mjs"
for a in $(printf '%s\n' $assets | sort -u); do
  n=$(curl -s -o /dev/null -H 'Accept-Encoding: gzip' -w '%{size_download}' "$base$a")
  printf '  %-28s %8d bytes\n' "$a" "$n"
  total=$((total + n))
done
map=$(curl -s -o /dev/null -w '%{size_download}' "$page/map.geojson")
echo "page weight before the map's data: $total bytes ($((total / 1024)) KB); the map's GeoJSON: $map bytes"
