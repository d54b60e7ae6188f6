"""Keeps the rows of the Iris CSV whose petal length reaches a threshold."""
import argparse
import csv
import os

parser = argparse.ArgumentParser()
parser.add_argument("--raw", required=True)
parser.add_argument("--min-petal-length", type=float, default=0.0)
parser.add_argument("--out", required=True)
args = parser.parse_args()

with open(args.raw, newline="") as f:
    rows = list(csv.DictReader(f))
kept = [r for r in rows if float(r["petal_length"]) >= args.min_petal_length]
os.makedirs(args.out, exist_ok=True)
with open(os.path.join(args.out, "clean.csv"), "w", newline="") as f:
    writer = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
    writer.writeheader()
    writer.writerows(kept)
print(f"prep: kept {len(kept)} of {len(rows)} rows")
