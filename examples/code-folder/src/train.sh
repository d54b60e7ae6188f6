#!/usr/bin/env bash
# A toy "training" script: parses its flags, pretends to train, prints metrics.
set -euo pipefail

learning_rate=0.01
optimizer=sgd
epochs=1
while [ $# -gt 0 ]; do
  case "$1" in
    --learning-rate) learning_rate="$2"; shift 2 ;;
    --optimizer) optimizer="$2"; shift 2 ;;
    --epochs) epochs="$2"; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

echo "training with optimizer=$optimizer learning_rate=$learning_rate for $epochs epochs"
for epoch in $(seq 1 "$epochs"); do
  accuracy=$(awk -v e="$epoch" -v n="$epochs" -v lr="$learning_rate" \
    'BEGIN { printf "%.4f", 0.5 + 0.4 * e / n + lr }')
  echo "epoch $epoch: accuracy=$accuracy"
done
echo "accuracy: $accuracy"
