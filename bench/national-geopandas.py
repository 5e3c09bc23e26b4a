#!/usr/bin/python3
"""The GeoPandas half of bench/national.sh: read the LSOA polygons and every
police.uk street file, place each located crime with sjoin (predicate
"within"), count by LSOA x month x category, and print the same summary as
bench/national-agg.c and the PostGIS run (groups, placed rows, sum of
squared counts).

    national-geopandas.py DIR        (DIR as bench/national-gen writes it)
"""
import glob
import sys
import time

import geopandas as gpd
import pandas as pd

d = sys.argv[1]
t0 = time.time()
lsoa = gpd.read_file(d + "/lsoa.geojson")[["LSOA21CD", "geometry"]]
t1 = time.time()
files = sorted(glob.glob(d + "/police-uk/*/*-street.csv"))
df = pd.concat((pd.read_csv(f) for f in files), ignore_index=True)
t2 = time.time()
df = df[df["Longitude"].notna()]
pts = gpd.GeoDataFrame(df, geometry=gpd.points_from_xy(df["Longitude"], df["Latitude"]), crs=lsoa.crs)
t3 = time.time()
j = gpd.sjoin(pts, lsoa, how="inner", predicate="within")
t4 = time.time()
agg = j.groupby(["LSOA21CD", "Month", "Crime type"]).size()
t5 = time.time()
n = agg.to_numpy().astype("int64")
print("geopandas %s (shapely %s): read polygons %.2f s, read %d CSV files %.2f s, points %.2f s, "
      "sjoin %.2f s, groupby %.2f s" % (gpd.__version__, gpd.options.use_pygeos and "pygeos" or
                                          __import__("shapely").__version__,
                                          t1 - t0, len(files), t2 - t1, t3 - t2, t4 - t3, t5 - t4))
print("geopandas: result: %d groups (lsoa, month, category), %d placed rows, sum of squares %d"
      % (len(n), int(n.sum()), int((n * n).sum())))
