"""Scores the nearest-centroid model on the prepared data and writes a report."""
import argparse
import csv
import json
import os

parser = argparse.ArgumentParser()
parser.add_argument("--model", required=True)
parser.add_argument("--data", required=True)
parser.add_argument("--report", required=True)
args = parser.parse_args()

with open(os.path.join(args.model, "model.json")) as f:
    model = json.load(f)
with open(os.path.join(args.data, "clean.csv"), newline="") as f:
    rows = list(csv.DictReader(f))


def predict(row):
    def distance(centroid):
        return sum((float(row[k]) - centroid[k]) ** 2 for k in model["features"])

    return min(model["centroids"], key=lambda s: distance(model["centroids"][s]))


correct = sum(predict(r) == r["species"] for r in rows)
accuracy = correct / len(rows)
os.makedirs(args.report, exist_ok=True)
with open(os.path.join(args.report, "report.json"), "w") as f:
    json.dump({"rows": len(rows), "accuracy": accuracy}, f, indent=2)
print(f"score: accuracy {accuracy:.3f} on {len(rows)} rows")
