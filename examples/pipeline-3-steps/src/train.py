"""Fits a nearest-centroid model: the mean of every feature per species."""
import argparse
import csv
import json
import os

parser = argparse.ArgumentParser()
parser.add_argument("--data", required=True)
parser.add_argument("--model", required=True)
args = parser.parse_args()

with open(os.path.join(args.data, "clean.csv"), newline="") as f:
    rows = list(csv.DictReader(f))
features = [k for k in rows[0] if k != "species"]
centroids = {}
for species in sorted({r["species"] for r in rows}):
    group = [r for r in rows if r["species"] == species]
    centroids[species] = {k: sum(float(r[k]) for r in group) / len(group) for k in features}
    print(f"train: {species}: {len(group)} rows")
os.makedirs(args.model, exist_ok=True)
with open(os.path.join(args.model, "model.json"), "w") as f:
    json.dump({"features": features, "centroids": centroids}, f, indent=2)
print(f"train: wrote {len(centroids)} centroids")
