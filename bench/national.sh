#!/usr/bin/env bash
# The national-scale import benchmark of the open-data issue: in ONE run, on
# the SAME generated files (bench/national-gen: 35,000 LSOA-like polygons,
# 6,000,000 police.uk street rows in 516 force-month files, fixed seed), time
#   floor      wc -l over the street files
#   Engage     import boundaries + import police-uk (parse, place, pack, count,
#              commit to a fresh SQLite file), then `engage export crime-counts`:
#              the LSOA x month x category table as CSV from the counts the
#              import kept.  Apart, not in the total: loading the read model
#              as `engage serve` does at start (bench/national-agg.c), for
#              its time and the resident memory per crime
#   PostGIS    PostgreSQL 15 + PostGIS 3 in a throwaway cluster on a Unix socket:
#              ogr2ogr the polygons (GiST index), COPY the CSVs, points + GiST index,
#              ST_Contains join driven by the polygons, GROUP BY lsoa, month, category
#   GeoPandas  read_file + read_csv, points_from_xy, sjoin(predicate="within"), groupby
# and print each time, rows/s, the ratios, and Engage's resident memory per crime.
# Each tool prints the same result summary (groups, placed rows, sum of squared
# counts): they must agree.  A comparison whose tools are absent is skipped, saying
# so, unless --install (scripts/setup --bench) is given.
#
#   bench/national.sh [--install] [--lsoas N] [--rows N] [--seed N] [--keep DIR]
#                     [--no-postgis] [--no-geopandas]
# Not part of `make test`; `make bench` runs it at a small size (NATIONAL_ARGS).
set -u
cd "$(dirname "$0")/.."

lsoas=35000 rows=6000000 seed=1 install=0 keep="" do_pg=1 do_gp=1
while [ $# -gt 0 ]; do
  case "$1" in
    --install) install=1 ;;
    --lsoas) lsoas=$2; shift ;;
    --rows) rows=$2; shift ;;
    --seed) seed=$2; shift ;;
    --keep) keep=$2; shift ;;
    --no-postgis) do_pg=0 ;;
    --no-geopandas) do_gp=0 ;;
    *) echo "usage: bench/national.sh [--install] [--lsoas N] [--rows N] [--seed N] [--keep DIR] [--no-postgis] [--no-geopandas]" >&2; exit 2 ;;
  esac
  shift
done

pgbin=/usr/lib/postgresql/15/bin
have_pg() { [ -x $pgbin/initdb ] && [ -f /usr/share/postgresql/15/extension/postgis.control ] && command -v ogr2ogr > /dev/null; }
have_gp() { /usr/bin/python3 -c 'import geopandas, rtree' 2> /dev/null; }
if [ $install = 1 ] && { ! have_pg || ! have_gp || [ ! -x /usr/bin/time ]; }; then
  scripts/setup --bench
fi
if [ ! -x /usr/bin/time ]; then
  echo "national: skipped: /usr/bin/time (Debian 'time') is needed for peak memory; scripts/setup --bench installs it"
  exit 0
fi
make -s build/engage build/bench/national-gen build/bench/national-agg || exit 1

tmp=$(mktemp -d /tmp/engage-national.XXXXXX)
pgdir=$tmp/pg
cleanup() {
  if [ -f "$pgdir/data/postmaster.pid" ]; then as_pg $pgbin/pg_ctl -D "$pgdir/data" -m immediate -w stop > /dev/null 2>&1; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
chmod 755 "$tmp"	# the PostgreSQL server reads the CSVs with COPY
data=${keep:-$tmp/data}

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
# timed LABEL CMD...: runs CMD, appends "LABEL seconds maxrss_kb" to $tmp/times
timed() {
  local label=$1; shift
  /usr/bin/time -f "$label %e %M %U %S" -a -o "$tmp/times" "$@"
}
secs() { awk -v l="$1" '$1 == l { s += $2 } END { printf "%.2f", s }' "$tmp/times"; }
cpu() { awk -v l="$1" '$1 == l { s += $4 + $5 } END { printf "%.2f", s }' "$tmp/times"; }
maxkb() { awk -v l="$1" '$1 == l && $3 > m { m = $3 } END { print m + 0 }' "$tmp/times"; }

echo "## national scale: $lsoas LSOA-like polygons, $rows police.uk street rows (seed $seed)"
echo "# load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine slows every tool's wall time)"
echo "# machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; engage $(git rev-parse --short HEAD 2> /dev/null)"
if [ -f "$data/lsoa.geojson" ] && [ -n "$keep" ]; then
  echo "data: reusing $data (--keep)"
else
  s=$(date +%s.%N)
  build/bench/national-gen --out "$data" --lsoas "$lsoas" --rows "$rows" --seed "$seed" || exit 1
  echo "generated in $(awk "BEGIN{printf \"%.1f\", $(date +%s.%N) - $s}") s"
fi
chmod -R a+rX "$data"
mapfile -t files < <(find "$data/police-uk" -name '*-street.csv' | sort)
nrows=$(($(cat "${files[@]}" | wc -l) - ${#files[@]}))	# also warms the page cache for everyone
echo "input: ${#files[@]} street files, $nrows rows, $(du -sm "$data/police-uk" | cut -f1) MB; $(du -sm "$data/lsoa.geojson" | cut -f1) MB of polygons"

# --- floor ------------------------------------------------------------------
timed floor wc -l "${files[@]}" > /dev/null

# --- Engage -------------------------------------------------------------------
db=$tmp/engage.db
timed engage-boundaries build/engage import boundaries "$data/lsoa.geojson" --database "$db" --quiet > "$tmp/e1.txt" || { cat "$tmp/e1.txt"; exit 1; }
timed engage-police build/engage import police-uk "$data/police-uk" --database "$db" --quiet > "$tmp/e2.txt" || { cat "$tmp/e2.txt"; exit 1; }
timed engage-agg build/engage export crime-counts "$tmp/counts.csv" --database "$db" 2> "$tmp/e3.txt" || { cat "$tmp/e3.txt"; exit 1; }
timed engage-load build/bench/national-agg "$db" > "$tmp/e4.txt" 2> /dev/null || { cat "$tmp/e4.txt"; exit 1; }
sed 's/^/  /' "$tmp/e1.txt" "$tmp/e2.txt" "$tmp/e3.txt"
echo "  engage: result: $(awk -F, 'NR > 1 { g++; s += $4; q += $4 * $4 } END { printf "%d groups (lsoa, month, category), %d placed rows, sum of squares %d", g, s, q }' "$tmp/counts.csv")"
grep '^engage:' "$tmp/e4.txt" | sed 's/^/  /; s/engage: result:/engage: read model: result:/'
echo "  database file: $(du -m "$db" | cut -f1) MB"

# --- PostgreSQL 15 + PostGIS 3 ---------------------------------------------------
pg_ok=0
if [ $do_pg = 1 ] && have_pg; then
  mkdir -p "$pgdir"
  [ "$(id -u)" = 0 ] && chown postgres "$pgdir"
  as_pg $pgbin/initdb -D "$pgdir/data" -A trust -U postgres --no-sync > "$pgdir/initdb.log" 2>&1 || { cat "$pgdir/initdb.log"; exit 1; }
  # Unix socket only; memory settings sized for this machine, durability as shipped
  as_pg $pgbin/pg_ctl -D "$pgdir/data" -l "$pgdir/server.log" -w \
    -o "-c listen_addresses='' -k $pgdir -c shared_buffers=4GB -c work_mem=256MB -c maintenance_work_mem=2GB -c max_wal_size=16GB -c checkpoint_timeout=30min" \
    start > /dev/null || { cat "$pgdir/server.log"; exit 1; }
  psql() { $pgbin/psql -h "$pgdir" -U postgres -X -q -v ON_ERROR_STOP=1 "$@"; }
  psql -d postgres -c 'CREATE DATABASE bench' && psql -d bench -c 'CREATE EXTENSION postgis' || exit 1
  {
    echo "CREATE TABLE street (crime_id text, month text, reported_by text, falls_within text,
      longitude double precision, latitude double precision, location text, lsoa_code text,
      lsoa_name text, crime_type text, last_outcome text, context text);"
    for f in "${files[@]}"; do echo "COPY street FROM '$f' (FORMAT csv, HEADER true);"; done
  } > "$tmp/copy.sql"
  # PostGIS's fastest plan found here (1 M rows: 5.9 s against 34.6 s for the
  # point-driven join on the polygons' GiST): points as geometry with their own GiST
  # index, and the join driven by the polygons, so each polygon is prepared once
  cat > "$tmp/points.sql" <<'EOF'
CREATE TABLE pts AS
  SELECT month, crime_type, ST_SetSRID(ST_MakePoint(longitude, latitude), 4326) AS geom
  FROM street WHERE longitude IS NOT NULL;
CREATE INDEX ON pts USING gist (geom);
ANALYZE pts;
EOF
  cat > "$tmp/join.sql" <<'EOF'
CREATE TABLE agg AS
  SELECT l.lsoa21cd AS lsoa, p.month, p.crime_type, count(*) AS n
  FROM lsoa l CROSS JOIN LATERAL
    (SELECT month, crime_type FROM pts p WHERE ST_Contains(l.geom, p.geom) OFFSET 0) p
  GROUP BY 1, 2, 3;
EOF
  timed pg-polygons ogr2ogr -f PostgreSQL "PG:host=$pgdir user=postgres dbname=bench" "$data/lsoa.geojson" \
    -nln lsoa -lco GEOMETRY_NAME=geom -lco SPATIAL_INDEX=GIST || exit 1
  timed pg-copy $pgbin/psql -h "$pgdir" -U postgres -X -q -v ON_ERROR_STOP=1 -d bench -f "$tmp/copy.sql" || exit 1
  timed pg-points $pgbin/psql -h "$pgdir" -U postgres -X -q -v ON_ERROR_STOP=1 -d bench -f "$tmp/points.sql" || exit 1
  timed pg-join $pgbin/psql -h "$pgdir" -U postgres -X -q -v ON_ERROR_STOP=1 -d bench -f "$tmp/join.sql" || exit 1
  echo "  postgis: $(psql -d bench -Atc "SELECT 'PostgreSQL ' || current_setting('server_version') || ', PostGIS ' || postgis_lib_version()")"
  echo "  postgis: result: $(psql -d bench -Atc "SELECT count(*) || ' groups (lsoa, month, category), ' || sum(n) || ' placed rows, sum of squares ' || sum(n * n) FROM agg")"
  echo "  postgis: polygons (ogr2ogr, GiST) $(secs pg-polygons) s, COPY $(secs pg-copy) s, points + GiST $(secs pg-points) s, ST_Contains join + GROUP BY $(secs pg-join) s; database $(psql -d bench -Atc "SELECT pg_database_size('bench') / 1048576") MB"
  as_pg $pgbin/pg_ctl -D "$pgdir/data" -m fast -w stop > /dev/null
  pg_ok=1
else
  echo "  postgis: skipped ($([ $do_pg = 0 ] && echo "--no-postgis" || echo "PostgreSQL 15 + PostGIS 3 + ogr2ogr absent: bench/national.sh --install, or scripts/setup --bench"))"
fi

# --- GeoPandas ----------------------------------------------------------------------
gp_ok=0
if [ $do_gp = 1 ] && have_gp; then
  timed geopandas /usr/bin/python3 bench/national-geopandas.py "$data" > "$tmp/gp.txt" || { cat "$tmp/gp.txt"; exit 1; }
  sed 's/^/  /' "$tmp/gp.txt"
  gp_ok=1
else
  echo "  geopandas: skipped ($([ $do_gp = 0 ] && echo "--no-geopandas" || echo "python3-geopandas + python3-rtree absent: bench/national.sh --install, or scripts/setup --bench"))"
fi

# --- summary --------------------------------------------------------------------------
floor=$(secs floor)
eng=$(awk "BEGIN{printf \"%.2f\", $(secs engage-boundaries) + $(secs engage-police) + $(secs engage-agg)}")
crimes=$(awk '$1 == "engage-crimes" { print $2 }' "$tmp/e4.txt")
rss=$(awk '$1 == "engage-rss-bytes" { print $2 }' "$tmp/e4.txt")
row() { printf "%-52s %8s s %10s rows/s   %s\n" "$1" "$2" "$(awk "BEGIN{printf \"%.0f\", $nrows / ($2 > 0 ? $2 : 1e-9)}")" "${3:-}"; }
echo
printf "%-52s %10s %17s\n" "what (same $nrows rows, same files)" seconds rows/s
row "floor: wc -l" "$floor"
row "Engage: import boundaries" "$(secs engage-boundaries)"
row "Engage: import police-uk (parse,place,pack,commit)" "$(secs engage-police)"
row "Engage: export crime-counts (the aggregate table)" "$(secs engage-agg)"
row "Engage: total" "$eng" "$(awk "BEGIN{printf \"Engage/floor %.1fx\", $eng / $floor}")"
if [ $pg_ok = 1 ]; then
  pg=$(awk "BEGIN{printf \"%.2f\", $(secs pg-polygons) + $(secs pg-copy) + $(secs pg-points) + $(secs pg-join)}")
  row "PostgreSQL 15 + PostGIS 3: total" "$pg" "$(awk "BEGIN{printf \"PostGIS/Engage %.1fx (target 20x)\", $pg / $eng}")"
fi
if [ $gp_ok = 1 ]; then
  gp=$(secs geopandas)
  row "GeoPandas sjoin: total" "$gp" "$(awk "BEGIN{printf \"GeoPandas/Engage %.1fx (target 10x)\", $gp / $eng}")"
fi
echo "Engage CPU time (user+sys): $(awk "BEGIN{printf \"%.2f\", $(cpu engage-boundaries) + $(cpu engage-police) + $(cpu engage-agg)}") s; GeoPandas CPU: $(cpu geopandas) s; load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "floor/Engage speed: $(awk "BEGIN{printf \"%.3f\", $floor / $eng}") of the floor's (aim: 0.1)"
echo "Engage serve start-up, not in the total: load the read model and count from it $(secs engage-load) s"
echo "Engage resident memory, loaded year: $rss bytes after load for $crimes crimes = $(awk "BEGIN{printf \"%.1f\", $rss / $crimes}") bytes/crime (target < 200); peak of the whole load+aggregate process $(maxkb engage-load) KiB = $(awk "BEGIN{printf \"%.1f\", $(maxkb engage-load) * 1024 / $crimes}") bytes/crime"
echo "Engage import peak resident memory: $(maxkb engage-police) KiB"
